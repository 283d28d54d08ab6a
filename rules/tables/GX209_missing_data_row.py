"""GX209 missing-data-row: a template table has its header but no data row, or lacks some of its
rows (the applications table's, the 主动公开 table's article-20 items and rows)."""

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

    The 主动公开 table likewise has every article-20 item of its format -- 第（一）（五）（六）（八）项, and
    第（九）项 in 2019 -- each with its rows (（六）: 行政处罚 and 行政强制): an item or a row left out is
    reported once for the report, over all its 主动公开 tables (a sentence may part the items).  As
    above, nothing is reported where the text stops early or where a row could not be read or
    named.

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
    summary = "a template table has its header but no data row, or lacks some of the template's rows or items"
    summary_zh = "模板表格只有表头，没有数据行；或缺少模板中的行、项"
    spec = "tables"
    doc_zh = """模板表格有表头（主动公开情况表则是第二十条某项的标题和“信息内容”表头），但后面没有任何一行
    数字：表格没有填写，或数据行在转换格式时丢失。即使没有案件，行政复议、行政诉讼情况表也要填写
    一行 15 个数字（全部为 0）。读到了但无法对齐的行，以及写了数字却读不出任何一行的情形（各行
    挤在同一个单元格中、数据行用了模板没有的行名）都不算缺失，由 GX003 报告；行名不是模板中的
    行名的行由 GX210 报告。

    收到和处理政府信息公开申请情况表还必须有模板中的每一行：删去一行（连同其数字，例如“3.补正后申请
    内容仍不明确”），这一行的数字就不在表格的合计之中。正文在表格中途中断时，中断之后的行由 GX108
    报告；有一行用了模板没有的行名时，由 GX210 报告，本规则不去猜测它是哪一行。

    主动公开情况表同样要有本格式第二十条的每一项（第（一）（五）（六）（八）项，2019 年格式还有第（九）项）
    及其每一行（第（六）项：行政处罚、行政强制）：缺少的项或行合并在一条中报告，涵盖报告中所有的主动
    公开情况表（各项之间可能隔着一段文字）。与上面一样，正文中途中断、或有行读不出、认不出时不报告。"""

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
            en="the template expects one row of 15 numbers (5 each for the blocks “行政复议”, “未经复议直接起诉” and "
            "“复议后起诉”; 0 for none)",
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
        "missing_items": Message(
            zh="{table}缺少模板中的{parts}；模板要求每一项的每一行都要填写（没有的填 0）",
            en="the {table} lacks the template's {parts}; the template expects every row of every item, "
            "with 0 where there is none",
            fix_zh="补上缺少的项和行",
            fix_en="add the missing items and rows",
        ),
        "items": Message(zh="第二十条{items}项", en="article-20 item(s) {items}"),
        "item_rows": Message(zh="{rows}行", en="row(s) {rows}"),  # rows: “（六）行政强制”、…
        "no_section_row": Message(
            zh="{table}“{caption}”只有表头，没有数据行（应有：{rows}）",
            en="{table}: “{caption}” has a header but no data row (expected: {rows})",
            fix_zh="补上数据行",
            fix_en="add the data rows",
        ),
    }

    def check(self, report, ctx):
        yield from self._items(report, ctx)
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

    def _items(self, report, ctx):
        """The 主动公开 table's article-20 items and rows that are not there at all (an item with its
        caption but no row is :meth:`_sections`'s), over every 主动公开 table of the report (a page
        may part the items)."""
        tables = [t for t in template_tables(report, ACTIVE_DISCLOSURE) if t.rows]
        if not tables or cutoff(report, ctx) is not None:
            return  # none read (the table's other findings say why), or the text stops early (GX108)
        tmpl = template_of(tables[0], ctx)
        if tmpl is None or any(n.kind in _UNPLACED for t in tables for n in t.notes):
            return  # a row the reader could not place or name may be the one that looks missing
        captions = _captions(tmpl)
        seen: set[str] = set()  # the items whose caption or a row of which is there
        read: set[tuple[str | None, str]] = set()
        # each item as its rows were read: in the template's columns, or in another format's that
        # the item's header named (a 2021 table with its （一） item in the 2019 columns, GX107)
        used: dict[str, Any] = {}
        for t in tables:
            for raw in t.raw:
                first = next((f for f in raw.fields if f.text.strip()), None)
                section = captions.get(label_words(first.text)) if first is not None else None
                if section is not None:
                    seen.add(section.caption)
            for row in t.rows:
                seen.add(row.section or "")
                read.add((row.section, row.key))
                if row.section and row.section not in used:
                    used[row.section] = _section_read(ctx.templates, tmpl, row.section, row.columns)
        # in a table of two formats, an item only one of them has is not missing
        others = [o for _, o in used.values() if o is not tmpl]
        items = [
            s
            for s in tmpl.sections
            if s.caption not in seen and all(s.caption in _captions_of(o) for o in others)
        ]
        rows = [(s, label) for s, _ in used.values() for label in s.rows if (s.caption, label) not in read]
        if not items and not rows:
            return
        parts = []
        if items:
            parts.append(ctx.phrase("items", items=joined(_item(s.caption) for s in items)))
        if rows:
            parts.append(
                ctx.phrase("item_rows", rows=joined(f"“{_item(s.caption)}{label}”" for s, label in rows))
            )
        yield ctx.say(
            tables[0].span,
            "missing_items",
            table=table_name(tables[0]),
            parts=joined(parts, "，以及", " and "),
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


#: notes of a row the reader saw but could not place in its columns or name
_UNPLACED = ("unknown-row", "unreadable")


def _item(caption: str) -> str:
    """第二十条第（六）项 -> （六）: an item as a message lists it."""
    return caption.removeprefix("第二十条第").removesuffix("项")


# keyed on what the answer depends on, never on a report's context or rows: a cache holding those
# would keep up to its size of whole reports alive (a run over 1,000 files grew by 5 MB)
@lru_cache(maxsize=256)
def _section_read(templates, template, caption: str, columns: tuple[str, ...]) -> tuple[Any, Any]:
    """The article-20 item a row was read in (its caption and columns), and its format: the
    template's, or another format's whose columns the item's header named."""
    own = next((s for s in template.sections if s.caption == caption), None)
    if own is not None and own.columns == columns:
        return own, template
    for other in templates.formats if templates is not None else ():
        found = next((s for s in other.sections if s.caption == caption and s.columns == columns), None)
        if found is not None:
            return found, other
    return own, template


def _captions_of(template) -> set[str]:
    return {s.caption for s in template.sections}


def _captions(template) -> dict:
    """The template's article-20 sections by their captions' words: once per template."""
    return {label_words(s.caption): s for s in template.sections}
