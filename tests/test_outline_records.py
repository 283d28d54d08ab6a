"""The outline's records made without their constructors (``outline._new`` and fields set one by
one, in ``parse_outline``) are the records their constructors make: same fields, same repr, equal."""

from __future__ import annotations

from gxlint.read import outline
from gxlint.read.outline import Line, RawBlock, RawChapter, parse_outline
from gxlint.read.unfold import Unfolded

TEXT = (
    "示例县2023年政府信息公开工作年度报告\n"
    "\n"
    "一、总体情况\n"
    "2023年，示例县全面推进政务公开。\n"
    "  \n"
    "示例县人民政府办公室\n"
    "第二十条第（一）项\n"
    "规章\t0\t0\t28\n"
    "\n"
    "规范性文件\t1\t0\t3\n"
    "| 信息内容 | 本年制发件数 |\n"
    "|---|:--:|\n"
    "| 规章 | 2 |\n"
    "规章 |\n"
    "  ||||  \n"
    "## 二、主动公开政府信息情况\n"
)


def _rebuilt(record):
    """The record made again with its class's constructor, from its fields."""
    if isinstance(record, Line):
        return Line(record.kind, record.text, record.start, record.end)
    if isinstance(record, RawBlock):
        return RawBlock(record.kind, [_rebuilt(line) for line in record.lines])
    return RawChapter(
        None if record.heading is None else _rebuilt(record.heading), [_rebuilt(b) for b in record.blocks]
    )


def test_records_made_without_their_constructors_are_the_constructors_records():
    for text in (TEXT, TEXT.rstrip("\n"), TEXT.replace("\n", "\n\n")):
        chapters = parse_outline(Unfolded(text, []))
        assert sum(len(b.lines) for c in chapters for b in c.blocks) >= 10
        for chapter in chapters:
            assert chapter == _rebuilt(chapter)
            assert repr(chapter) == repr(_rebuilt(chapter))
            for block in chapter.blocks:
                assert type(block) is RawBlock and type(block.lines) is list
                for line in block.lines:
                    assert type(line) is Line
                    assert [type(getattr(line, k)) for k in Line.__slots__] == [str, str, int, int]


def test_the_bare_instance_has_every_field_once_set():
    line = outline._new(Line)
    line.kind, line.text, line.start, line.end = "TEXT", "示例", 3, 5
    assert line == Line("TEXT", "示例", 3, 5)
    block = outline._new(RawBlock)
    block.kind, block.lines = "text", [line]
    assert block == RawBlock("text", [Line("TEXT", "示例", 3, 5)])
