"""GX209 missing-data-row: a template table has its header but no data row, or lacks some of the
applications table's rows."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from gxlint.lint.analyses.chapters import cutoff
from gxlint.lint.analyses.tables import (
    holds_data,
    label_words,
    short_label,
    table_name,
    template_of,
    template_tables,
    unread_tables,
)
from gxlint.lint.rule import Message, Rule
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, Table

from ._naming import joined


class MissingDataRow(Rule):
    """A template table has its header but no data row.

    The header (or, in the 主动公开 table, an article-20 caption and its 信息内容 header) is there,
    but no row of numbers follows: the table was left empty, or its data row was lost when the
    report was converted.  The review/litigation table needs one row of 15 numbers even when
    there were no cases (all 0).  A row the reader saw but could not place in columns, or numbers
    written where no row could be read (rows run into one cell, a data row under a label the
    template does not have), is not a missing row: GX003 reports it, and a row under a label the
    template does not have is GX210's.

    The applications table must also have every one of its template's rows: a row left out (``3.补正
    后申请内容仍不明确`` deleted with its numbers) hides its numbers from the table's sums.  Where the
    text stops in the middle of the table, the rows after that point are GX108's; where a row stands
    under a label the template does not have, GX210 says so and this rule does not guess which row it
    is.

    Anti-pattern::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计

    Best practice::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        0	0	0	0	0	0	0	0	0	0	0	0	0	0	0
    """

    code = "GX209"
    name = "missing-data-row"
    severity = "error"
    summary = (
        "a template table has its header but no data row, or the applications table lacks some of its rows"
    )
    summary_zh = "模板表格只有表头，没有数据行；或申请情况表缺少模板中的行"
    spec = "tables"
    doc_zh = """模板表格有表头（主动公开情况表则是第二十条某项的标题和“信息内容”表头），但后面没有任何一行
    数字：表格没有填写，或数据行在转换格式时丢失。即使没有案件，行政复议、行政诉讼情况表也要填写
    一行 15 个数字（全部为 0）。读到了但无法对齐的行，以及写了数字却读不出任何一行的情形（各行
    挤在同一个单元格中、数据行用了模板没有的行名）都不算缺失，由 GX003 报告；行名不是模板中的
    行名的行由 GX210 报告。

    收到和处理政府信息公开申请情况表还必须有模板中的每一行：删去一行（连同其数字，例如“3.补正后申请
    内容仍不明确”），这一行的数字就不在表格的合计之中。正文在表格中途中断时，中断之后的行由 GX108
    报告；有一行用了模板没有的行名时，由 GX210 报告，本规则不去猜测它是哪一行。"""

    messages = {
        "no_data_row": Message(
            zh="{table}只有表头，没有数据行；{need}",
            en="the {table} has a header but no data row; {need}",
            fix_zh="补上数据行",
            fix_en="add the data row",
        ),
        # need: what the table's kind expects
        "need_applications": Message(
            zh="模板要求逐行填写申请的收到和办理数据",
            en="the template expects a row of numbers for each kind of application and outcome",
        ),
        "need_review_litigation": Message(
            zh="模板要求一行 15 个数字（行政复议、未经复议直接起诉、复议后起诉各 5 个；没有的填 0）",
            en="the template expects one row of 15 numbers (5 each for 行政复议, 未经复议直接起诉 and 复议后起诉; 0 for none)",
        ),
        "need_active_disclosure": Message(
            zh="模板要求填写该项的数据行", en="the template expects the item's data rows"
        ),
        "missing_rows": Message(
            zh="{table}缺少模板中的 {count} 行：{rows}；模板要求每一行都要填写（没有的填 0）",
            en="the {table} lacks {count} of the template's rows: {rows}; the template expects every row, "
            "with 0 where there is none",
            fix_zh="补上缺少的行",
            fix_en="add the missing rows",
        ),
        "no_section_row": Message(
            zh="{table}“{caption}”只有表头，没有数据行（应有：{rows}）",
            en="{table}: “{caption}” has a header but no data row (expected: {rows})",
            fix_zh="补上数据行",
            fix_en="add the data rows",
        ),
    }

    def check(self, report, ctx):
        for table in template_tables(report):
            if not table.rows:
                if table in unread_tables(report, ctx):
                    continue  # rows were written but none could be read: GX003's, not a missing row
                yield ctx.say(
                    table.header_span or table.span,
                    "no_data_row",
                    table=table_name(table),
                    need=ctx.phrase(f"need_{table.kind}"),
                )
            elif table.kind == ACTIVE_DISCLOSURE:
                yield from self._sections(ctx, table)
            elif table.kind == APPLICATIONS:
                yield from self._rows(report, ctx, table)

    def _rows(self, report, ctx, table: Table):
        tmpl = template_of(table, ctx)
        if tmpl is None or cutoff(report, ctx) is not None:
            return  # the rows after the point a cut-off text stops are GX108's
        if any(note.kind == "unknown-row" for note in table.notes):
            return  # a row under a label the template lacks: GX210's, and it may be the missing one
        read = {row.key: row for row in table.rows}
        leaves = [node.label for node in tmpl.app_nodes if node.leaf]
        missing = [label for label in leaves if label not in read]
        if not missing:
            return
        # placed on the row that stands where the first missing one should: the next one read
        after = leaves[leaves.index(missing[0]) + 1 :]
        follows = next((read[label] for label in after if label in read), None)
        yield ctx.say(
            follows.span if follows is not None else table.span,
            "missing_rows",
            table=table_name(table),
            count=len(missing),
            rows=joined(short_label(tmpl, label) for label in missing),
        )

    def _sections(self, ctx, table: Table):
        tmpl = template_of(table, ctx)
        if tmpl is None:
            return
        captions = _captions(tmpl)
        filled = {r.section for r in table.rows}
        current: tuple[Any, Any] | None = None  # (the section, the place of its caption)
        has_data = False
        for raw in (*table.raw, None):
            first = next((f for f in raw.fields if f.text.strip()), None) if raw is not None else None
            section = captions.get(label_words(first.text)) if first is not None else None
            if raw is None or section is not None:
                if current is not None and not has_data and current[0].caption not in filled:
                    yield ctx.say(
                        current[1],
                        "no_section_row",
                        table=table_name(table),
                        caption=current[0].caption,
                        rows=joined(current[0].rows),
                    )
                if raw is None:
                    break
                current, has_data = (section, raw.span), False
            elif not has_data and holds_data(raw):  # one row of data is enough
                has_data = True


@lru_cache(maxsize=256)
def _captions(template) -> dict:
    """The template's article-20 sections by their captions' words: once per template."""
    return {label_words(s.caption): s for s in template.sections}
