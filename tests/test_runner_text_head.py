"""Pairing's head of a text file decoded from its first bytes is the head of the whole file decoded:
the shortcut against the plain definition (decode everything, cut the head)."""

from __future__ import annotations

import pytest

import codecs
import random

from gxlint.read import source as source_mod
from gxlint.run import runner


def _head_plain(data: bytes) -> str | None:
    text, _, problems = source_mod.decode(data)
    if not text or any(p.fatal for p in problems):
        return None
    return source_mod.normalize_newlines(text[: 2 * runner.IDENTITY_CHARS])[: runner.IDENTITY_CHARS]


PIECES = [
    "示例县教育局",
    "2021年",
    "报告",
    "\r\n",
    "\r",
    "\n",
    "\r\n\r\n\r\n",
    "\f",
    "\v",
    "\ufeff",
    "a b",
    "é",
    "𠀀",
    "\t",
]


def _texts(rng: random.Random):
    for _ in range(600):
        size = rng.choice((10, 400, 1500, 2000, 3000, 4000))
        yield "".join(rng.choice(PIECES) for _ in range(size))
    yield "\r\n" * 4000 + "示例县" * 100
    yield "示例县" * 2000


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_the_head_from_the_first_bytes_is_the_head_of_the_whole_file():
    rng = random.Random(3)
    used = 0
    for text in _texts(rng):
        for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8")):
            head = runner._utf8_head(data)
            if head is not None:
                used += 1
                assert head == _head_plain(data)
    assert used > 300


def test_what_the_first_bytes_cannot_tell_is_left_to_the_whole_file():
    text = "示例县教育局2021年政府信息公开工作年度报告\n" * 400
    data = text.encode("utf-8")
    assert runner._utf8_head(data) == _head_plain(data)
    assert runner._utf8_head(data[:1000]) is None  # short: decoded whole
    assert runner._utf8_head(b"\xff" + data) is None  # not UTF-8 where the head is
    assert runner._utf8_head(data + b"\x00") is None and _head_plain(data + b"\x00") is None
    utf16 = text.encode("utf-16")
    assert runner._utf8_head(utf16) is None
    gbk = text.encode("gb18030")
    assert runner._utf8_head(gbk) is None


def test_a_file_s_head_is_read_from_its_first_bytes(tmp_path):
    text = (
        "示例县教育局2021年政府信息公开工作年度报告\r\n"
        + "本报告所列数据的统计期限自2021年1月1日起。\r\n" * 300
    )
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("utf-8"))
    assert runner._text_head(str(path), 1 << 20) == _head_plain(path.read_bytes())
