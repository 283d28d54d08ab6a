"""GX208 blank-cell: data cells left blank where the template expects a number (one finding per table)."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import in_cut_row
from gxlint.lint.analyses.tables import cell_statuses, row_unread, table_name, template_of, template_tables
from gxlint.lint.rule import Message, Option, Phrase, Rule
from gxlint.model import REVIEW_LITIGATION, Cell, Row, Span, Table

from ._naming import NOTHING, WHERE, joined, row_name, where


def _blank_run(row: Row, first: Cell) -> Span:
    """Where a finding about blank cells points: the first blank cell and the blank cells right after
    it -- never the row label, whatever the layout."""
    cells = list(row.cells)
    i = next(k for k, c in enumerate(cells) if c is first)
    last = first
    for c in cells[i + 1 :]:
        if c.status != "blank" or c.span.start < last.span.end or c.span.line != first.span.line:
            break
        last = c
    a, b = first.span, last.span
    return Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)


def _runs(ctx, names: list[str], positions: list[int]) -> Phrase:
    """Row names joined, consecutive rows (3 or more) shown as a range: “一”至“四”."""
    out: list[Phrase] = []
    i = 0
    while i < len(names):
        j = i
        while j + 1 < len(names) and positions[j + 1] == positions[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(ctx.phrase("range", first=names[i], last=names[j]))
        else:
            out.extend(ctx.phrase("name", name=n) for n in names[i : j + 1])
        i = j + 1
    return joined(out)


class BlankCell(Rule):
    """Data cells left blank where the template expects a number.

    Every data cell of the template tables takes a number, 0 included; evaluators read a blank as
    an incomplete report (docs/format.md, Cells; that blanks are disallowed is not written in the format
    itself, hence a warning).  One finding per table, on its first blank cell, with the number of
    blank cells and the rows and columns they are in: a table whose applicant columns were left
    empty on every row is one problem, not twenty.  With the option ``per-row: true`` there is one
    finding per row instead, listing its blank columns.  An empty cell before a filled 总计 is
    blank; the 总计 is still read.  Rows the reader could not place in columns with certainty, and
    the cells missing from a row that has fewer cells than columns, are left to GX003 and GX210.
    For the arithmetic rules a blank is an unknown number, never 0.

    Anti-pattern::

        一、本年新收政府信息公开申请数量	6	1	0	0	0	0	7
        三、本年度办理结果	（一）予以公开							7

    Best practice::

        一、本年新收政府信息公开申请数量	6	1	0	0	0	0	7
        三、本年度办理结果	（一）予以公开	6	1	0	0	0	0	7
    """

    code = "GX208"
    name = "blank-cell"
    severity = "warning"
    summary = "data cells left blank where the template expects a number (one finding per table)"
    summary_zh = "模板要求填数字的单元格留空（每张表报告一次）"
    spec = "cells"
    options = {
        "per-row": Option(
            False,
            "one finding per row with blank cells instead of one per table",
            help_zh="每个有空白单元格的行报告一次，而不是每张表一次",
        )
    }
    doc_zh = """模板表格中应填数字的单元格留空。模板的每个数据单元格都应填写数字（没有的填 0），评估时
    空白会被视为报告不完整（docs/format.md「数据单元格」；格式本身没有明文禁止空白，因此是警告）。每张表报告一次，
    位于第一个空白单元格，写明空白单元格的个数及其所在的行和列：申请人各列在每一行都空着，是一个
    问题，而不是二十个。选项 ``per-row: true`` 改为每行报告一次，列出该行空白的列。总计之前的空
    单元格算空白，总计本身照常读取。无法确定对齐方式的行，以及单元格少于列数的行所缺的单元格，
    由 GX003、GX210 报告，此处不重复。算术规则把空白视为未知数，而不是 0。"""

    messages = {
        **WHERE,
        "row": Message(
            zh="{where}：{what}；模板要求每格填写数字，没有的应填 0",
            en="{where}: {what}; the template expects a number in every cell, 0 for none",
            fix_zh="在空白单元格中填写数字（没有的填 0）",
            fix_en="write a number in each blank cell (0 for none)",
        ),
        "whole_row": Message(zh="整行空白", en="the whole row is blank"),
        "blank_cell": Message(zh="{n} 个单元格空白：{columns}", en="{n} blank cell: {columns}"),
        "blank_cells": Message(zh="{n} 个单元格空白：{columns}", en="{n} blank cells: {columns}"),
        "table": Message(
            zh="{table}有 {count} 个单元格空白，分布在{rows}，涉及{columns}{whole}；模板要求每格填写数字，没有的应填 0",
            en="{table}: {count} blank cells in {rows}, {columns}{whole}; the template expects a number in every "
            "cell, 0 for none",
            fix_zh="在空白单元格中填写数字（没有的填 0）",
            fix_en="write a number in each blank cell (0 for none)",
        ),
        "rows": Message(zh="{names}共 {n} 行", en="{names} ({n} rows)"),
        "blocks": Message(zh="{names}共 {n} 栏", en="{names} ({n} blocks)"),
        "name": Message(zh="“{name}”", en="“{name}”"),
        "range": Message(zh="“{first}”至“{last}”", en="“{first}” to “{last}”"),
        "all_columns": Message(zh="全部 {n} 列", en="all {n} columns"),
        "column": Message(zh="{columns}列", en="column {columns}"),
        "columns": Message(zh="{columns}列", en="columns {columns}"),
        "whole_rows": Message(zh="，其中 {n} 行整行空白", en=", {n} of them wholly blank"),
        "whole_blocks": Message(zh="，其中 {n} 栏整栏空白", en=", {n} of them wholly blank"),
    }

    def check(self, report, ctx):
        per_row = bool(ctx.options.get("per-row", False))
        for table in template_tables(report):
            if "blank" not in cell_statuses(table, ctx):
                continue
            tmpl = template_of(table, ctx)
            found: list[tuple[int, Row, list[Cell]]] = []
            for i, row in enumerate(table.rows):
                blanks = [c for c in row.cells if c.status == "blank"]
                if not blanks or row_unread(table, row) or in_cut_row(report, ctx, row):
                    continue
                if row.alignment == "padded" and len(blanks) < len(row.cells):
                    continue  # cells missing from a short row: GX210 reports the row
                found.append((i, row, blanks))
            if not found:
                continue
            if per_row or len(found) == 1:
                for _, row, blanks in found:
                    yield self._row(ctx, tmpl, table, row, blanks)
            else:
                yield self._table(ctx, tmpl, table, found)

    @staticmethod
    def _row(ctx, tmpl, table: Table, row: Row, blanks: list[Cell]):
        cols = [c.column or "" for c in blanks]
        if len(blanks) == len(row.cells):
            what = ctx.phrase("whole_row")
        else:
            what = ctx.phrase(
                "blank_cells" if len(blanks) > 1 else "blank_cell", n=len(blanks), columns=joined(cols)
            )
        return ctx.say(
            _blank_run(row, blanks[0]),
            "row",
            where=where(ctx, tmpl, table, row),
            what=what,
            key=f"{table.kind}\x00{row.key}\x00{','.join(cols)}",
        )

    @staticmethod
    def _table(ctx, tmpl, table: Table, found: list[tuple[int, Row, list[Cell]]]):
        review = table.kind == REVIEW_LITIGATION
        count = sum(len(b) for _, _, b in found)
        names = [row_name(tmpl, table, row) for _, row, _ in found]
        positions = [i for i, _, _ in found]
        rows = ctx.phrase("blocks" if review else "rows", names=_runs(ctx, names, positions), n=len(found))
        # the blank columns in the template's order; "all N columns" when every column has a blank
        all_columns = list(dict.fromkeys(c for r in table.rows for c in r.columns))
        blank_columns = {c.column for _, _, b in found for c in b}
        cols = [c for c in all_columns if c in blank_columns]
        same_columns = len({r.columns for r in table.rows}) == 1
        if same_columns and len(cols) == len(all_columns) and len(cols) > 2:
            columns = ctx.phrase("all_columns", n=len(cols))
        else:
            columns = ctx.phrase("columns" if len(cols) > 1 else "column", columns=joined(cols))
        whole = sum(1 for _, r, b in found if len(b) == len(r.cells))
        whole_part = ctx.phrase("whole_blocks" if review else "whole_rows", n=whole) if whole else NOTHING
        _, first_row, first_blanks = found[0]
        return ctx.say(
            _blank_run(first_row, first_blanks[0]),
            "table",
            table=table_name(table),
            count=count,
            rows=rows,
            columns=columns,
            whole=whole_part,
            key=f"{table.kind}\x00blank-cells",
        )
