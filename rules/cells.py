"""GX207-GX210: the cells and rows of the template tables as written (spec §2.3-§2.5, §3.5-§3.7, §4 R8).

How a cell is read is gxlint.read.cells' business (``Cell.status``); these rules report what the reader
found: cells that are not numbers, cells left blank, tables without a data row, rows with the
wrong number of cells.
"""

from __future__ import annotations

import re
import unicodedata

from gxlint.model import Cell, Row, Span, Table
from gxlint.rule import Rule
from gxlint.read.tables import is_label, key as label_key

from ._tables import TEMPLATE_KINDS, section_name, short_label, table_name, template_of

_DASHES = "-－—–‐―/／~～"


def _where(tmpl, table: Table, row: Row) -> tuple[str, str]:
    """The table and row as a message names them."""
    if table.kind == "review_litigation":
        block = row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"
        name_zh, name_en = table_name(table)
        return f"{name_zh}“{block}”栏", f"{name_en}, block “{block}”"
    if table.kind == "active_disclosure":
        name_zh, name_en = section_name(table, row)
        return f"{name_zh}“{row.key}”行", f"{name_en}, row “{row.key}”"
    name_zh, name_en = table_name(table)
    label = short_label(tmpl, row.key)
    return f"{name_zh}“{label}”行", f"{name_en}, row “{label}”"


def _template_tables(report):
    for table in report.tables:
        if table.kind in TEMPLATE_KINDS and table.template:
            yield table


def malformed_reason(cell: Cell, signed: frozenset[str], money: frozenset[str]) -> tuple[str, str]:
    """Why a malformed cell's text is not a number for its column: (zh, en)."""
    text = unicodedata.normalize("NFKC", cell.text).strip()
    column = cell.column or ""
    if text and all(ch in _DASHES for ch in text):
        return ("用“{}”代替了数字；没有的请填 0".format(cell.text),
                f"“{cell.text}” stands in for a number; write 0 for none")
    if re.fullmatch(r"\d+(?:\s+\d+)+", text):
        return "数字中间有空格", "the digits are separated by spaces"
    m = re.fullmatch(r"([+\-])?(\d+)(\.\d+)?", text)
    if m:
        sign, whole, decimals = m.groups()
        if sign and column not in signed:
            allowed = "、".join(f"“{c}”" for c in sorted(signed)) or "无"
            return (f"“{column}”列不能带正负号（可带正负号的列：{allowed}）",
                    f"column “{column}” takes no sign (signed columns: {', '.join(sorted(signed)) or 'none'})")
        if decimals and column not in money:
            return (f"“{column}”列应为整数（只有金额列可以有小数）",
                    f"column “{column}” takes whole numbers (only money columns take decimals)")
        if len(whole) > 1 and whole.startswith("0"):
            return "数字有多余的前导零", "the number has a superfluous leading zero"
    if re.search(r"\d", text) and re.search(r"[A-Za-z]", text):
        return "数字中混有字母（如把 0 写成 O、把 1 写成 l）", "letters mixed into the digits (O for 0, l for 1)"
    if re.match(r"[+\-]?\d", text):
        return "数字后面有无法识别的文字", "the number is followed by text that is not a unit"
    return "不是数字", "it is not a number"


class MalformedNumber(Rule):
    """A data cell that is not a valid number.

    The template's cells hold non-negative whole numbers (spec §4 R8).  Two kinds of column are
    exceptions: 本年增/减 (2019 article-20 tables) may be signed, ``+2`` or ``-1``, and the money
    columns (采购总金额, 本年收费金额（单位：万元）) may have decimals.  A unit or a remark after the
    number is accepted (``251000元``, ``22（其中修订16件）``).  Everything else is reported:
    ``00`` and ``01`` (leading zeros), ``1O`` (a letter for a digit), ``0 0``, ``—`` or ``/`` instead
    of 0, a sign or decimals in a column that takes neither.  The finding is on the cell and names
    its table, row and column.  The arithmetic rules treat such a cell as unknown.

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
    summary = "a data cell that is not a valid number (00, 1O, —, letters, a sign or decimals where not allowed)"
    summary_zh = "数据单元格不是有效数字（如 00、1O、—、字母，或在不允许的列中带正负号、小数）"
    spec = "§4 R8, §2.3, §3.5"
    doc_zh = """数据单元格不是有效的数字。模板各单元格应为非负整数（规范 §4 R8），例外有两类列：2019 年格式
    第二十条表中的“本年增/减”可以带正负号（+2、-1），金额列（采购总金额、本年收费金额（单位：
    万元））可以有小数。数字后带单位或说明（251000元、22（其中修订16件））可以接受。其余情形都
    报告：00、01（前导零）、1O（用字母代替数字）、0 0、用“—”或“/”代替 0、在不允许的列中带
    正负号或小数。问题标注在该单元格上，并写明表格、行和列。算术规则把这种单元格视为未知数。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            tmpl = template_of(table, ctx)
            signed = tmpl.signed_columns if tmpl is not None else frozenset()
            money = tmpl.money_columns if tmpl is not None else frozenset()
            name_zh, name_en = table_name(table)
            seen: set[int] = set()
            for row in table.rows:
                where_zh, where_en = _where(tmpl, table, row)
                for cell in row.cells:
                    if cell.status != "malformed" or cell.span.start in seen:
                        continue
                    seen.add(cell.span.start)
                    why_zh, why_en = malformed_reason(cell, signed, money)
                    yield ctx.finding(
                        cell,
                        zh=f"{where_zh}“{cell.column}”列的“{cell.text}”不是有效数字：{why_zh}",
                        en=f"{where_en}, column “{cell.column}”: “{cell.text}” is not a valid number: {why_en}",
                        fix_zh="填写一个非负整数（没有的填 0）", fix_en="write a non-negative whole number (0 for none)")


def _blank_span(row: Row, blanks: list[Cell]) -> Span:
    first, last = blanks[0].span, blanks[-1].span
    if first.start <= last.end and row.span.start <= first.start and last.end <= row.span.end:
        return Span(first.line, first.column, last.end_line, last.end_column, first.start, last.end)
    return row.span


class BlankCell(Rule):
    """A data cell left blank where the template expects a number.

    Every data cell of the template tables takes a number, 0 included; evaluators read a blank as
    an incomplete report (spec §4 R8; that blanks are disallowed is not written in the format
    itself, hence a warning).  One finding per row, listing the blank columns.  Rows the reader
    could not place in columns with certainty are left to GX003 and GX210.  For the arithmetic
    rules a blank is an unknown number, never 0.

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
    summary = "a data cell left blank where the template expects a number (one finding per row)"
    summary_zh = "模板要求填数字的单元格留空（每行报告一次）"
    spec = "§4 R8"
    doc_zh = """模板表格中应填数字的单元格留空。模板的每个数据单元格都应填写数字（没有的填 0），评估时
    空白会被视为报告不完整（规范 §4 R8；格式本身没有明文禁止空白，因此是警告）。每行报告一次，
    列出空白的列。无法确定对齐方式的行由 GX003、GX210 报告，此处不重复。算术规则把空白视为
    未知数，而不是 0。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            tmpl = template_of(table, ctx)
            name_zh, name_en = table_name(table)
            for row in table.rows:
                if not row.trusted:
                    continue
                blanks = [c for c in row.cells if c.status == "blank"]
                if not blanks:
                    continue
                where_zh, where_en = _where(tmpl, table, row)
                cols = [c.column or "" for c in blanks]
                if len(blanks) == len(row.cells):
                    what_zh, what_en = "整行空白", "the whole row is blank"
                else:
                    what_zh = f"{len(blanks)} 个单元格空白：{'、'.join(cols)}"
                    what_en = f"{len(blanks)} blank cell{'s' if len(blanks) > 1 else ''}: {', '.join(cols)}"
                yield ctx.finding(
                    _blank_span(row, blanks),
                    zh=f"{where_zh}：{what_zh}；模板要求每格填写数字，没有的应填 0",
                    en=f"{where_en}: {what_en}; the template expects a number in every cell, 0 for none",
                    fix_zh="在空白单元格中填写数字（没有的填 0）", fix_en="write a number in each blank cell (0 for none)",
                    key=f"{table.kind}\x00{row.key}\x00{','.join(cols)}")


_EXPECTED_ROWS = {
    "applications": ("模板要求逐行填写申请的收到和办理数据", "the template expects a row of numbers for each kind of application and outcome"),
    "review_litigation": ("模板要求一行 15 个数字（行政复议、未经复议直接起诉、复议后起诉各 5 个；没有的填 0）",
                          "the template expects one row of 15 numbers (5 each for 行政复议, 未经复议直接起诉 and 复议后起诉; 0 for none)"),
    "active_disclosure": ("模板要求填写该项的数据行", "the template expects the item's data rows"),
}


class MissingDataRow(Rule):
    """A template table has its header but no data row.

    The header (or, in the 主动公开 table, an article-20 caption and its 信息内容 header) is there,
    but no row of numbers follows: the table was left empty, or its data row was lost when the
    report was converted.  The review/litigation table needs one row of 15 numbers even when
    there were no cases (all 0).  A row the reader saw but could not place in columns is not a
    missing row: GX003 reports it.

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
    summary = "a template table has its header but no data row"
    summary_zh = "模板表格只有表头，没有数据行"
    spec = "§2.3-§2.5, §3.5-§3.7"
    doc_zh = """模板表格有表头（主动公开情况表则是第二十条某项的标题和“信息内容”表头），但后面没有任何一行
    数字：表格没有填写，或数据行在转换格式时丢失。即使没有案件，行政复议、行政诉讼情况表也要填写
    一行 15 个数字（全部为 0）。读到了但无法对齐的行不算缺失，由 GX003 报告。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            name_zh, name_en = table_name(table)
            if not table.rows:
                if any(_has_data(raw) for raw in table.raw):
                    continue  # rows were written but not recognised: not a missing row
                need_zh, need_en = _EXPECTED_ROWS.get(table.kind, ("", ""))
                yield ctx.finding(
                    table.header_span or table.span,
                    zh=f"{name_zh}只有表头，没有数据行；{need_zh}",
                    en=f"the {name_en} has a header but no data row; {need_en}",
                    fix_zh="补上数据行", fix_en="add the data row")
            elif table.kind == "active_disclosure":
                yield from self._sections(ctx, table)

    def _sections(self, ctx, table: Table):
        tmpl = template_of(table, ctx)
        if tmpl is None:
            return
        captions = {label_key(s.caption): s for s in tmpl.sections}
        filled = {r.section for r in table.rows}
        current = None
        has_data = False
        for raw in (*table.raw, None):
            first = next((f for f in raw.fields if f.text.strip()), None) if raw is not None else None
            section = captions.get(label_key(first.text)) if first is not None else None
            if raw is None or section is not None:
                if current is not None and not has_data and current[0].caption not in filled:
                    name_zh, name_en = table_name(table)
                    yield ctx.finding(
                        current[1],
                        zh=f"{name_zh}“{current[0].caption}”只有表头，没有数据行（应有：{'、'.join(current[0].rows)}）",
                        en=f"{name_en}: “{current[0].caption}” has a header but no data row "
                           f"(expected: {', '.join(current[0].rows)})",
                        fix_zh="补上数据行", fix_en="add the data rows")
                if raw is None:
                    break
                current, has_data = (section, raw.span), False
            elif _has_data(raw):
                has_data = True


def _has_data(raw) -> bool:
    return any(f.text.strip() and not is_label(f.text) for f in raw.fields)


class RowShape(Rule):
    """A row has more or fewer cells than the template's columns.

    The reader places a row's cells in the template's columns.  When a row has more non-empty
    cells than columns, it reads them left to right and the surplus has no column (seed 000's
    review/litigation row: 16 numbers for 15 columns); when it has fewer, it places them the only
    way the row's own total allows.  Either way the row is misaligned and worth a look: the
    numbers may be in the wrong columns.  Rows whose cells cannot be placed at all are GX003.
    Surplus *empty* fields (a total drifting to a later tab stop) are tolerated and not reported.

    Anti-pattern::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
        					结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        0	0	0	0	0	0	0	0	0	0	0	0	0	0	0	0

    Best practice::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
        					结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        0	0	0	0	0	0	0	0	0	0	0	0	0	0	0
    """

    code = "GX210"
    name = "row-shape"
    severity = "warning"
    summary = "a row has more or fewer cells than the template's columns (misaligned)"
    summary_zh = "某行单元格数与模板列数不符（错位）"
    spec = "§2.4, §2.5, §7 (seed 000 item 22)"
    doc_zh = """某行的单元格数多于或少于模板的列数。读取时按模板各列放置单元格：非空单元格多于列数时从左到右
    读取，多出的没有对应列（如种子报告 000 的复议诉讼行，15 列写了 16 个数）；少于列数时，按唯一与
    本行合计相符的方式放置。两种情况下该行都已错位，数字可能落在错误的列中，需要核对。完全无法
    放置的行由 GX003 报告。多出的只是空字段（总计列向后漂移）时可以容忍，不报告。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            tmpl = template_of(table, ctx)
            name_zh, name_en = table_name(table)
            for note in table.notes:
                if note.kind == "row-shape":
                    yield ctx.finding(note.span, zh=f"{name_zh}：{note.zh}", en=f"{name_en}: {note.en}",
                                      fix_zh="每列填写一个数字，删去多余的单元格", fix_en="write one number per column and remove the surplus cell")
            seen: set[int] = set()
            for row in table.rows:
                if row.alignment != "padded" or row.span.start in seen:
                    continue
                if all(c.status == "blank" for c in row.cells):
                    continue  # only empty fields are missing: trailing whitespace, not misalignment
                seen.add(row.span.start)
                if table.kind == "review_litigation":  # one written row holds all three blocks
                    where_zh, where_en = f"{name_zh}的数据行", f"{name_en}, data row"
                    columns = sum(len(r.columns) for r in table.rows)
                else:
                    where_zh, where_en = _where(tmpl, table, row)
                    columns = len(row.columns)
                yield ctx.finding(
                    row.span,
                    zh=f"{where_zh}只写了 {row.fields_written} 个数据单元格，模板有 {columns} 列；"
                       f"已按唯一与本行合计相符的方式对齐，请核对",
                    en=f"{where_en}: {row.fields_written} data cells for {columns} template "
                       f"columns; placed the only way that matches the row's total -- check it",
                    fix_zh="每列填写一个数字（没有的填 0）", fix_en="write one number per column (0 for none)",
                    key=f"{table.kind}\x00{row.key}\x00{row.fields_written}")
