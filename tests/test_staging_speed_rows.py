"""Rows, one-cell lines and one-line paragraphs placed from their line (Source.line_shift): each
span is the one Source.span gives."""

from gxlint.model import Field, Span
from gxlint.read.build import _Builder, default_context
from gxlint.read.outline import parse_outline
from gxlint.read.source import from_text
from gxlint.read.unfold import unfold


def _rows(text: str, kind: str):
    ctx = default_context()
    source = from_text(text)
    outline = parse_outline(unfold(source.text, ctx.titles))
    lines = [line for c in outline for b in c.blocks if b.kind == kind for line in b.lines]
    blocks = [b for c in outline for b in c.blocks if b.kind == kind]
    builder = _Builder(source, ctx, None)
    rows = [row for block in blocks for row in builder._rows(block)]
    return source, [line for line in lines if line.kind != "PIPE_SEP"], rows


def test_row_spans_are_source_spans_of_their_lines():
    text = (
        "\ufeff示例县教育局2021年政府信息公开工作年度报告\r\n"
        "项目\t本年新制作数量\t本年新公开数量\r\n"
        "规章\t0\t1\n"
        "\n"
        "  规范性文件\t 3\t2 \r"
        "其他\t\t\t\n"
        "\n"
        "| 项目 | 数量 |\n"
        "|---|---|\n"
        "|  行政许可 | 12 |\n"
        "\n"
        "   | 行政处罚 | 3 |"
    )
    for kind in ("tabs", "pipes"):
        source, lines, rows = _rows(text, kind)
        assert rows and len(rows) == len(lines)
        for line, row in zip(lines, rows):
            assert type(row.span) is Span
            assert row.span == source.span(line.start, line.end)
            assert row.span[:2] == source.line_col(line.start)


def test_cell_fields_are_source_spans():
    text = (
        "示例县教育局2021年政府信息公开工作年度报告\n"
        "第二十条第（一）项 |\n"
        "信息内容 |\n"
        "  本年制发件数 |\n"
        "|||\n"
        "规章 |\n"
        "470 |\n"
        "26 | |\n"
        "0 |\n"
        "行政规范性文件 |\n"
        "17 |\n"
    )
    source, _, rows = _rows(text, "cells")
    fields = [f for row in rows for f in row.fields]
    assert len(fields) >= 8
    for field in fields:
        assert type(field) is Field and type(field.span) is Span
        assert field.span == source.span(field.span.start, field.span.end)
        assert source.text[field.span.start : field.span.end] == field.text


def test_paragraph_spans_are_source_spans_of_their_lines():
    text = (
        "示例县教育局2021年政府信息公开工作年度报告\r\n"
        "\n"
        "  本报告由示例县教育局编制，所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
        "一、总体情况\n"
        "2021年，示例县教育局认真贯彻落实政府信息公开条例的各项要求，全面推进\n"
        "决策公开、执行公开、管理公开、服务公开、结果公开。\n"
        "二、主动公开政府信息情况 本年无。"
    )
    ctx = default_context()
    source = from_text(text)
    outline = parse_outline(unfold(source.text, ctx.titles))
    builder = _Builder(source, ctx, None)
    paragraphs = []
    for chapter in outline:
        lines = [line for b in chapter.blocks if b.kind == "text" for line in b.lines]
        paragraphs += builder._paragraphs(lines)
    assert len(paragraphs) >= 3 and any(len(p.pieces) > 1 for p in paragraphs)
    for para in paragraphs:
        start, end = para.pieces[0][1], para.pieces[-1][1] + para.pieces[-1][2]
        assert type(para.span) is Span and para.span == source.span(start, end)
