"""The builder's shortcuts held to the definitions they replace."""

from gxlint.model import Field, Span, _tuple_new
from gxlint.read.build import _Builder, default_context
from gxlint.read.outline import parse_outline
from gxlint.read.source import from_text
from gxlint.read.unfold import unfold


def test_tuple_new_makes_the_namedtuples():
    span = _tuple_new(Span, (2, 3, 2, 7, 10, 14))
    assert type(span) is Span and span == Span(2, 3, 2, 7, 10, 14)
    field = _tuple_new(Field, ("示例", span))
    assert type(field) is Field and field == Field("示例", span) and field.span.end == 14


def _rows(text: str, kind: str):
    ctx = default_context()
    source = from_text(text)
    outline = parse_outline(unfold(source.text, ctx.titles))
    blocks = [b for c in outline for b in c.blocks if b.kind == kind]
    assert blocks
    builder = _Builder(source, ctx, None)
    return source, [row for block in blocks for row in builder._rows(block)]


def test_tab_and_pipe_fields_are_the_source_spans():
    text = (
        "示例县教育局2021年政府信息公开工作年度报告\n"
        "项目\t本年新制作数量\t本年新公开数量\n"
        "规章\t0\t1\n"
        "规范性文件\t 3\t2 \n"
        "\n"
        "| 项目 | 数量 |\n"
        "|---|---|\n"
        "|  行政许可 | 12 |\n"
    )
    for kind in ("tabs", "pipes"):
        source, rows = _rows(text, kind)
        assert rows
        for row in rows:
            for field in row.fields:
                assert type(field) is Field and type(field.span) is Span
                assert field.span == source.span(field.span.start, field.span.end)
                assert source.text[field.span.start : field.span.end] == field.text


def test_no_chapter_wording_has_what_marks_a_sentence():
    # the builder looks a numbered line up as a chapter title only without these characters
    from gxlint.read.build import _NOT_IN_TITLES

    ctx = default_context()
    wordings = [w for t in ctx.templates for c in t.chapters for w in (c.title, *c.accepted, *c.legacy)]
    assert len(wordings) > 12
    assert [w for w in wordings if _NOT_IN_TITLES.search(w)] == []


def test_a_numbered_sentence_is_not_looked_up_as_a_chapter_title():
    from gxlint.chinese import label_key, norm

    ctx = default_context()
    builder = _Builder(from_text("示例\n"), ctx, None)
    wordings = ("official", "accepted", "legacy")
    assert builder._titled("主动公开政府信息情况", 2, wordings)
    before = label_key.cache_info().currsize, norm.cache_info().currsize
    assert not builder._titled("示例县教育局将招生政策纳入公开目录，明确公开时限", 2, wordings)
    assert not builder._titled("本年共受理申请23件", 3, wordings)
    assert (label_key.cache_info().currsize, norm.cache_info().currsize) == before
