"""The contact analysis's shortcuts find what its plain forms find.

A paragraph is searched for a kind of label only when it holds a first and a last character of
its labels (``in`` tests, not a compiled character class), and the noise around a label is stripped
with ``[\\s:：]``: these tests hold them to the plain forms they stand for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gxlint import parse_text
from gxlint.lint.analyses import contact

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"

#: fictional contact sentences: labels spaced as PDF text spaces them, Latin labels in any case,
#: full-width colons and digits, an unlabelled number, and paragraphs without any label
TEXTS = (
    "联系地址：示例县建设路18号；邮政编码：450100；联系电话：0371-61234567、61234568；传真：0371-61234569。",
    "通 讯 地 址 ：示例县人民路1号\u3000邮　编：450101，咨 询 电 话：0371－61234560",
    "E-MAIL：gkb@shili.example.gov.cn；email: office163.com；EMail：gkb＠shili。cn；电子信箱：abc",
    "电话/传真：（0371）61234567；监督电话：12345；投诉电话：+86 371 6123 4567；联系方式：13800000000",
    "如有疑问请致电0371-61234567咨询。办公地址：示例县政务服务中心三楼。",
    "本年度共收到政府信息公开申请16件，均已按时答复。",
    "",
)


def _everything_searched(monkeypatch) -> None:
    monkeypatch.setattr(contact, "holds_any", lambda text, chars: True)


@pytest.mark.parametrize("text", TEXTS)
def test_the_label_ends_skip_no_paragraph_that_holds_a_label(text, monkeypatch):
    report = parse_text("# 示例县市场监督管理局\n\n" + text + "\n")
    found = contact.scan(report)
    _everything_searched(monkeypatch)
    assert contact.scan(report) == found


def test_the_label_ends_skip_nothing_in_the_example(monkeypatch):
    report = parse_text(EXAMPLE.read_text(encoding="utf-8"))
    found = contact.scan(report)
    assert {f.kind for f in found} == {"address", "phone", "postcode", "email"}
    _everything_searched(monkeypatch)
    assert contact.scan(report) == found


def test_every_label_ends_with_a_character_of_its_kind():
    ends = contact._label_ends()
    for kind, labels in contact.facts()["labels"].items():
        for label in labels:
            for written in {label, label.lower(), label.upper()}:
                assert contact.holds_any(written, ends[kind]), (kind, written)


def test_every_label_starts_with_a_character_of_its_kind():
    starts = contact._label_starts()
    for kind, labels in contact.facts()["labels"].items():
        for label in labels:
            for written in {label, label.lower(), label.upper(), label[0].lower() + label[1:].upper()}:
                assert written[0] in starts[kind], (kind, written)


def test_the_label_noise_is_every_blank_and_colon():
    plain = re.compile(r"[\s\u3000:：]")
    for code in range(0x10000):
        c = chr(code)
        assert bool(contact._LABEL_NOISE.match(c)) == bool(plain.match(c)), hex(code)


def test_a_phone_number_after_its_label_needs_no_colon():
    """电话 0371-61234567 and 电话 13800000000 are numbers to call (the mobile one was missed
    when the colon was required); 咨询电话12345 and 接听咨询电话 450 余次 are counts or too short."""
    text = "联系电话 0371-61234567，监督电话 13800000000，咨询电话12345。全年接听咨询电话450余次。"
    report = parse_text("# 示例县市场监督管理局\n\n" + text + "\n")
    found = [(f.label, f.value) for f in contact.scan(report) if f.kind == "phone"]
    assert found == [("联系电话", "0371-61234567"), ("监督电话", "13800000000")]
