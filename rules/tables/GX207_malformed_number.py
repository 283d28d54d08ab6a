"""GX207 malformed-number: a data cell that is not a valid number (00, 1O, —, letters, a sign or decimals where not allowed)."""

from __future__ import annotations

import re
import unicodedata

from collections import Counter

from gxlint.lint.analyses.chapters import in_cut_row
from gxlint.lint.analyses.tables import cell_statuses, table_name, template_of, template_tables
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import REVIEW_LITIGATION, Cell, Row

from ._cells import DASHES, NONE_WORDS, words_in_cell
from ._naming import WHERE, joined, row_name, where

#: the rows a grouped finding names at most
_SHOWN = 6
# Only a malformed cell is read with these: compiled on first use (``re`` caches).
_DIGIT = r"\d"
_LETTER = r"[A-Za-z]"
_SPACED = r"\d+(?:\s+\d+)+"
_NUMBER = r"([+\-])?(\d+)(\.\d+)?"
_LEADING_NUMBER = r"[+\-]?\d"


#: from this many cells of one table holding the same stand-in for a number (— for 0 in every empty
#: cell, an office's habit), they are one finding, not one a cell
GROUPED = 3


def _stands_in(cell: Cell) -> bool:
    """Whether the cell holds a dash or a word (无) where a number belongs."""
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return bool(text) and (
        all(ch in DASHES for ch in text)
        or (re.match(NONE_WORDS, text) is not None and not re.search(_DIGIT, text))
    )


def malformed_reason(ctx, cell: Cell, signed: frozenset[str], money: frozenset[str]) -> Phrase:
    """Why a malformed cell's text is not a number for its column."""
    text = unicodedata.normalize("NFKC", cell.text).strip()
    column = cell.column or ""
    if _stands_in(cell):
        return ctx.phrase("stands_in", text=cell.text)
    if re.fullmatch(_SPACED, text):
        return ctx.phrase("spaces")
    m = re.fullmatch(_NUMBER, text)
    if m:
        sign, whole, decimals = m.groups()
        if sign and column not in signed:
            if sign in "-−":  # a count or an amount below zero: say so, not that signs are not allowed
                return ctx.phrase("negative_money" if column in money else "negative")
            if not signed:
                return ctx.phrase("no_sign", column=column)
            allowed = joined(ctx.phrase("signed_column", column=c) for c in sorted(signed))
            return ctx.phrase("sign", column=column, allowed=allowed)
        if decimals and column not in money:
            return ctx.phrase("decimals", column=column)
        if len(whole) > 1 and whole.startswith("0"):
            return ctx.phrase("leading_zero")
    if re.search(_DIGIT, text) and re.search(_LETTER, text):
        return ctx.phrase("letters")
    if re.match(_LEADING_NUMBER, text):
        return ctx.phrase("trailing_text")
    return ctx.phrase("not_number")


class MalformedNumber(Rule):
    """A data cell that is not a valid number.

    The template's cells hold non-negative whole numbers (docs/format.md, Cells).  Two kinds of column are
    exceptions: 本年增/减 (2019 article-20 tables) may be signed, ``+2`` or ``-1``, and the money
    columns (采购总金额, 本年收费金额（单位：万元）) may have decimals.  A unit or a remark after the
    number is accepted (``251000元``, ``22（其中修订16件）``).  Everything else is reported:
    ``00`` and ``01`` (leading zeros), ``1O`` (a letter for a digit), ``0 0``, ``—``, ``/`` or 无
    instead of 0, a sign or decimals in a column that takes neither.  The finding is on the cell and
    names its table, row and column; where three or more cells of a table hold the same stand-in
    (``—`` in every empty cell, an office's habit), they are one finding on the first, with their
    count and rows (blocks, in the review/litigation table).  The arithmetic rules treat such a cell as unknown.  Words that
    read as a row label (行政检查 where 行政强制's number goes) are a misplaced row, reported by GX210,
    not here.

    Anti-pattern::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        0	0	00	0	0	0	0	0	0	0	0	0	0	0	0

    Best practice::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        0	0	0	0	0	0	0	0	0	0	0	0	0	0	0
    """

    code = "GX207"
    name = "malformed-number"
    severity = "error"
    summary = (
        "a data cell that is not a valid number (00, 1O, —, letters, a sign or decimals where not allowed)"
    )
    summary_zh = "数据单元格不是有效数字（如 00、1O、—、字母，或在不允许的列中带正负号、小数）"
    spec = "cells"
    doc_zh = """数据单元格不是有效的数字。模板各单元格应为非负整数（docs/format.md「数据单元格」），例外有两类列：2019 年格式
    第二十条表中的“本年增/减”可以带正负号（+2、-1），金额列（采购总金额、本年收费金额（单位：
    万元））可以有小数。数字后带单位或说明（251000元、22（其中修订16件））可以接受。其余情形都
    报告：00、01（前导零）、1O（用字母代替数字）、0 0、用“—”“/”或“无”代替 0、在不允许的列中带
    正负号或小数。问题标注在该单元格上，并写明表格、行和列；同一表格中有三个或更多单元格用同一
    符号或文字代替数字（例如每个空格都写“—”）时，合并为一条，标注在第一个单元格上，并写明个数和
    所在行（行政复议、行政诉讼情况表为所在栏）。算术规则把这种单元格视为未知数。
    单元格中写的是像行名的文字（如在“行政强制”的数字位置写了“行政检查”）时，属于行错位，
    由 GX210 报告，不在此报告。"""

    messages = {
        **WHERE,
        "malformed": Message(
            zh="{where}“{column}”列的“{text}”不是有效数字：{why}",
            en="{where}, column “{column}”: “{text}” is not a valid number: {why}",
            fix_zh="填写一个非负整数（没有的填 0）",
            fix_en="write a non-negative whole number (0 for none)",
        ),
        "stands_in_cells": Message(
            zh="{table}有 {count} 个单元格用“{text}”代替了数字（{rows}）；没有的请填 0",
            en="{table}: {count} cells hold “{text}” instead of a number ({rows}); write 0 for none",
            fix_zh="在这些单元格中填写数字（没有的填 0）",
            fix_en="write a number in these cells (0 for none)",
        ),
        "in_rows": Message(zh="分布在 {n} 行：{rows}", en="in {n} rows: {rows}"),
        "in_row": Message(zh="都在“{rows}”行", en="all in the row “{rows}”"),
        # the review/litigation table has one data row of three blocks (栏), not rows
        "in_blocks": Message(zh="分布在 {n} 栏：{rows}", en="in {n} blocks: {rows}"),
        "in_block": Message(zh="都在“{rows}”栏", en="all in the block “{rows}”"),
        # why: malformed_reason()
        "stands_in": Message(
            zh="用“{text}”代替了数字；没有的请填 0", en="“{text}” stands in for a number; write 0 for none"
        ),
        "spaces": Message(zh="数字中间有空格", en="the digits are separated by spaces"),
        "sign": Message(
            zh="“{column}”列不能带正负号（可带正负号的列：{allowed}）",
            en="column “{column}” takes no sign (signed columns: {allowed})",
        ),
        "signed_column": Message(zh="“{column}”", en="{column}"),
        "no_sign": Message(zh="“{column}”列的数字不带正负号", en="column “{column}” takes no sign"),
        "negative": Message(zh="件数不能为负数", en="a count cannot be negative"),
        "negative_money": Message(zh="金额不能为负数", en="an amount cannot be negative"),
        "decimals": Message(
            zh="“{column}”列应为整数（只有金额列可以有小数）",
            en="column “{column}” takes whole numbers (only money columns take decimals)",
        ),
        "leading_zero": Message(zh="数字有多余的前导零", en="the number has a superfluous leading zero"),
        "letters": Message(
            zh="数字中混有字母（如把 0 写成 O、把 1 写成 l）",
            en="letters mixed into the digits (O for 0, l for 1)",
        ),
        "trailing_text": Message(
            zh="数字后面有无法识别的文字", en="the number is followed by text that is not a unit"
        ),
        "not_number": Message(zh="不是数字", en="it is not a number"),
    }

    def check(self, report, ctx):
        for table in template_tables(report):
            if "malformed" not in cell_statuses(table, ctx):
                continue
            tmpl = template_of(table, ctx)
            signed = tmpl.signed_columns if tmpl is not None else frozenset()
            money = tmpl.money_columns if tmpl is not None else frozenset()
            seen: set[int] = set()
            found: list[tuple[Row, Cell]] = []
            for row in table.rows:
                if in_cut_row(report, ctx, row):
                    continue
                for cell in row.cells:
                    if cell.status != "malformed" or cell.span.start in seen or words_in_cell(cell):
                        continue
                    seen.add(cell.span.start)
                    found.append((row, cell))
            # the same stand-in in many cells: one finding for them
            stand_ins = Counter(cell.text.strip() for _, cell in found if _stands_in(cell))
            grouped = {text for text, n in stand_ins.items() if n >= GROUPED}
            for text in sorted(grouped, key=lambda t: -stand_ins[t]):
                cells = [(row, cell) for row, cell in found if cell.text.strip() == text]
                rows = list(dict.fromkeys(row_name(tmpl, table, row) for row, _ in cells))
                yield ctx.say(
                    cells[0][1],
                    "stands_in_cells",
                    table=table_name(table),
                    count=len(cells),
                    text=text,
                    rows=ctx.phrase(
                        ("in_block" if table.kind == REVIEW_LITIGATION else "in_row")
                        if len(rows) == 1
                        else ("in_blocks" if table.kind == REVIEW_LITIGATION else "in_rows"),
                        n=len(rows),
                        rows=joined(rows[:_SHOWN] + (["…"] if len(rows) > _SHOWN else [])),
                    ),
                )
            for row, cell in found:
                if cell.text.strip() in grouped:
                    continue
                yield ctx.say(
                    cell,
                    "malformed",
                    where=where(ctx, tmpl, table, row),
                    column=cell.column,
                    text=cell.text,
                    why=malformed_reason(ctx, cell, signed, money),
                )
