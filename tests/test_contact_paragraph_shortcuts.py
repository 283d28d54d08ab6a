"""The contact scan's choice of paragraphs finds what searching every paragraph finds.

The scan looks for e-mail labels only in the paragraphs that hold a colon (every labelled address
is written with one), and for an unlabelled landline paragraph by paragraph until a phone number is
found: these tests hold both to a scan in which every paragraph is searched for everything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint import parse_text
from gxlint.lint.analyses import contact

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"

#: fictional paragraphs: labels with and without their colon, Latin labels in any case, 件 and
#: a Latin l without any label, landlines before, after and without a labelled number
PARAGRAPHS = (
    "本年度共收到政府信息公开申请16件，均已按时答复。",
    "E-MAIL：gkb@shili.example.gov.cn；email: office163.com；EMail：gkb＠shili。cn",
    "电子邮箱 gkb@shili.example.gov.cn，电子邮件office163.com，Email office163.com",
    "电子信箱：abc；邮箱:　office163.com；电 子 邮 件 ： office163.com",
    "示例县依法治理工作 mail list，如有疑问请致电0371-61234567咨询。",
    "联系电话：0371-61234567、61234568；传真：0371-61234569。",
    "办公地址：示例县政务服务中心三楼，电话 0371－61234560。",
    "监督热线 61234567，全年办理12345件。",
)


def _searched_everywhere(monkeypatch) -> None:
    monkeypatch.setattr(contact._Within, "holding", lambda self, chars: set(range(len(self.starts))))
    monkeypatch.setattr(contact, "holds_any", lambda text, chars: True)


def _report(paragraphs):
    return parse_text("# 示例县市场监督管理局\n\n" + "\n\n".join(paragraphs) + "\n")


@pytest.mark.parametrize("start", range(len(PARAGRAPHS)))
def test_the_scan_finds_what_searching_every_paragraph_finds(start, monkeypatch):
    for paragraphs in (PARAGRAPHS[start:], PARAGRAPHS[start:] + PARAGRAPHS[:start], PARAGRAPHS[start::-1]):
        report = _report(paragraphs)
        found = contact.scan(report)
        with monkeypatch.context() as m:
            _searched_everywhere(m)
            assert contact.scan(report) == found


def test_the_scan_finds_what_searching_every_paragraph_finds_in_the_example(monkeypatch):
    report = parse_text(EXAMPLE.read_text(encoding="utf-8"))
    found = contact.scan(report)
    assert {f.kind for f in found} == {"address", "phone", "postcode", "email"}
    _searched_everywhere(monkeypatch)
    assert contact.scan(report) == found


def test_every_email_label_match_holds_a_colon():
    pattern = contact._patterns()["email_label"]
    for text in PARAGRAPHS:
        for m in pattern.finditer(text):
            assert any(c in m.group() for c in contact._COLONS), m.group()
