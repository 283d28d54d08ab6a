from __future__ import annotations

from gxlint.lint.analyses.chapters import cutoff
from gxlint.lint.analyses.tables import (
    holds_data,
    kind_name,
    short_label,
    template_of,
    unreadable_notes,
    unread_tables,
)
from gxlint.lint.rule import Message, Phrase, Rule, place
from gxlint.model import APPLICATIONS, REVIEW_LITIGATION


class TableUnreadable(Rule):
    """A template table is present, but some of its cells cannot be placed in columns unambiguously.

    This happens when a row has a different number of cells than the template's columns and the
    surplus or missing cells could belong to more than one column (a number left out of a row whose
    place neither the row's nor the table's totals decide: the finding names the columns it may
    be), or when a web page ran a row's
    digits together (``693665``) and more than one split is possible.  gxlint does not guess: the
    arithmetic rules stay silent on such rows.  Write the table with one cell per column.

    One finding per table, on the first row that cannot be read, naming every such row: a crawled
    page whose rows all ran together gets one finding, not one per row.  A table with numbers
    written in it of which no row can be read at all (the 复议/诉讼 data row under a label the
    template does not have, such as 合计; rows run into one cell) is reported here too, once, and
    is not also "a table without a data row" (GX209).  An applications table whose header names
    some of the template's columns but not all (no 总计 column) is reported here once too: its
    numbers are read under their headings, and the table is left out of the arithmetic checks
    (one missing column would otherwise shift every row's numbers into the wrong columns).  What
    this rule reports is not reported again: the cells of these rows are not blank cells (GX208).

    Anti-pattern::

        行政规范性文件693665

    Best practice::

        行政规范性文件	69	3	665
    """

    code = "GX003"
    name = "table-unreadable"
    needs_text = False  # also said of a file with no text
    severity = "warning"
    summary = "a template table's cells cannot be aligned or separated unambiguously"
    summary_zh = "模板表格的单元格无法唯一对齐或拆分"
    doc_zh = """模板表格存在，但部分单元格无法唯一地对应到各列：某行的单元格数与模板列数不同且
    多出或缺少的单元格可能属于不同的列（行中少写了一个数，而本行和全表的合计都无法确定是哪一列的：
    提示写明可能是哪几列）；或网页把一行数字连在一起（如 ``693665``）而拆分方式
    不止一种。gxlint 不做猜测：这些行不参与算术检查。请按模板每列一个单元格填写。

    每张表只报告一次，位于第一处无法读取的行，并列出所有这样的行：网页中整张表的数字都连写
    在一起时只有一条，而不是每行一条。表中写有数字、却没有一行能按模板读出（如复议诉讼表的
    数据行用了模板没有的行名“合计”，或各行挤在同一个单元格中）的，也在此报告一次，不再报告为
    “没有数据行”（GX209）。申请情况表的表头只列出模板的部分列（如没有“总计”列）的，也在此报告
    一次：各数按表头读取，本表不参与算术检查（否则缺一列会使每行的数都错位）。这里报告的内容
    不再重复报告：这些行的单元格不算空白单元格（GX208）。"""

    messages = {
        "unread-table": Message(
            zh="{table}写有数字，但没有一行能按模板读出（行名不是模板中的行名，或各行挤在同一个单元格中）；本表不参与算术检查",
            en="{table}: numbers are written, but no row can be read against the template (row labels that are "
            "not the template's, or rows run into one cell); the table is left out of the arithmetic checks",
            fix_zh="按模板的行名逐行填写，每列一个数字",
            fix_en="write each row under the template's label, one number per column",
        ),
        "row": Message(
            zh="{table}：{why}；该行不参与算术检查",
            en="{table}: {why}; the row is left out of the arithmetic checks",
            fix_zh="每列填写一个数字，用制表符分隔",
            fix_en="write one number per column, tab-separated",
        ),
        "rows": Message(
            zh="{table}有 {count} 行无法唯一确定各数对应的列：{rows}；第一处：{why}；这些行不参与算术检查",
            en="{table}: {count} rows whose numbers cannot be placed in columns unambiguously: {rows}; the first: "
            "{why}; these rows are left out of the arithmetic checks",
            fix_zh="每列填写一个数字，用制表符分隔",
            fix_en="write one number per column, tab-separated",
        ),
        "columns": Message(
            zh="{table}：{why}；本表不参与算术检查",
            en="{table}: {why}; the table is left out of the arithmetic checks",
            fix_zh="按模板补上缺少的列，每列一个数字",
            fix_en="add the missing column as the template has it, one number per column",
        ),
        "data-row": Message(zh="数据行", en="the data row"),
        "label": Message(zh="“{label}”", en="“{label}”"),
    }

    def check(self, report, ctx):
        for table in report.tables:
            name = kind_name(table.kind)
            if table in unread_tables(report, ctx):
                raw = next(r for r in table.raw if holds_data(r))
                yield ctx.say(raw.span, "unread-table", table=name)
                continue
            for note in table.notes:
                if note.kind == "missing-column":  # once for the table: its rows are not checked
                    yield ctx.say(note.span, "columns", table=name, why=Phrase(note.zh, note.en))
            notes = unreadable_notes(table)
            cut = cutoff(report, ctx)
            if cut is not None and cut.table is table and table.raw and not table.raw[-1].run_together:
                # the row the text stops in is short because the text stops: GX108 says so (digits
                # run together are whole, only ambiguous: that stays a GX003)
                last = table.raw[-1].span
                notes = [n for n in notes if not (last.start <= n.span.start <= last.end)]
            if not notes:
                continue
            first = notes[0]
            why = Phrase(first.zh, first.en)
            if len(notes) == 1:
                yield ctx.say(first.span, "row", table=name, why=why)
                continue
            names = [_row_name(report, ctx, table, n) for n in notes]
            rows = Phrase("、".join(n.zh for n in names), ", ".join(n.en for n in names))
            yield ctx.say(
                first.span,
                "rows",
                table=name,
                count=len(notes),
                rows=rows,
                why=why,
                key=f"{table.kind}\x00unreadable\x00{len(notes)}",
            )


def _row_name(report, ctx, table, note) -> Phrase:
    """The row a note is about, as a message names it: its template label, else its first field."""
    for row in table.rows:
        if row.span.start == note.span.start:
            if table.kind == REVIEW_LITIGATION:
                return ctx.phrase("data-row")
            label = short_label(template_of(table, ctx), row.key) if table.kind == APPLICATIONS else row.key
            return ctx.phrase("label", label=label)
    for raw in table.raw:
        if raw.span.start == note.span.start:
            text = next((f.text.strip() for f in raw.fields if f.text.strip()), "")
            if text and len(text) <= 30:
                return ctx.phrase("label", label=text)
    return place(report, note.span)
