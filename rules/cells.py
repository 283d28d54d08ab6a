"""GX207-GX210, GX212: the cells, rows and labels of the template tables as written (docs/format.md,
Tables and Cells).

How a cell is read is gxlint.read.cells' business (``Cell.status``); these rules report what the reader
found: cells that are not numbers, cells left blank, tables without a data row, rows with the
wrong number of cells or a label the template does not have, labels the reader had to correct.
What GX003 reports (rows that could not be read) is not reported again here (rules/_tables.py).
"""

from __future__ import annotations

import re
import unicodedata

from gxlint.chinese import cjk_count
from gxlint.model import Cell, Note, Row, Span, Table
from gxlint.rule import Option, Rule
from gxlint.read.tables import key as label_key

from ._tables import (TEMPLATE_KINDS, holds_data, row_unread, section_name, short_label, table_name, template_of,
                      written_but_unread)

_DASHES = "-－—–‐―/／~～"
# words that stand for "nothing" in a number cell (无, 暂无, 未发生, 不涉及 …): a bad number, not a label
_NONE_WORDS = re.compile(r"^(?:暂|尚|均)?(?:无|没有|未|不|零|空|同上|略|见)")


def words_in_cell(cell: Cell) -> bool:
    """A number cell holding words that read as a row label (行政检查), not a number written wrongly
    (00, 1O, —, 3件左右) nor a word for nothing (无, 暂无): GX210 reports it, not GX207."""
    if cell.status != "malformed":
        return False
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return (cjk_count(text) >= 2 and not re.search(r"\d", text) and not _NONE_WORDS.match(text))


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
    if text and (all(ch in _DASHES for ch in text) or (_NONE_WORDS.match(text) and not re.search(r"\d", text))):
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

    The template's cells hold non-negative whole numbers (docs/format.md, Cells).  Two kinds of column are
    exceptions: 本年增/减 (2019 article-20 tables) may be signed, ``+2`` or ``-1``, and the money
    columns (采购总金额, 本年收费金额（单位：万元）) may have decimals.  A unit or a remark after the
    number is accepted (``251000元``, ``22（其中修订16件）``).  Everything else is reported:
    ``00`` and ``01`` (leading zeros), ``1O`` (a letter for a digit), ``0 0``, ``—``, ``/`` or 无
    instead of 0, a sign or decimals in a column that takes neither.  The finding is on the cell and
    names its table, row and column.  The arithmetic rules treat such a cell as unknown.  Words that
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
    summary = "a data cell that is not a valid number (00, 1O, —, letters, a sign or decimals where not allowed)"
    summary_zh = "数据单元格不是有效数字（如 00、1O、—、字母，或在不允许的列中带正负号、小数）"
    spec = "cells"
    doc_zh = """数据单元格不是有效的数字。模板各单元格应为非负整数（docs/format.md「数据单元格」），例外有两类列：2019 年格式
    第二十条表中的“本年增/减”可以带正负号（+2、-1），金额列（采购总金额、本年收费金额（单位：
    万元））可以有小数。数字后带单位或说明（251000元、22（其中修订16件））可以接受。其余情形都
    报告：00、01（前导零）、1O（用字母代替数字）、0 0、用“—”“/”或“无”代替 0、在不允许的列中带
    正负号或小数。问题标注在该单元格上，并写明表格、行和列。算术规则把这种单元格视为未知数。
    单元格中写的是像行名的文字（如在“行政强制”的数字位置写了“行政检查”）时，属于行错位，
    由 GX210 报告，不在此报告。"""

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
                    if cell.status != "malformed" or cell.span.start in seen or words_in_cell(cell):
                        continue
                    seen.add(cell.span.start)
                    why_zh, why_en = malformed_reason(cell, signed, money)
                    yield ctx.finding(
                        cell,
                        zh=f"{where_zh}“{cell.column}”列的“{cell.text}”不是有效数字：{why_zh}",
                        en=f"{where_en}, column “{cell.column}”: “{cell.text}” is not a valid number: {why_en}",
                        fix_zh="填写一个非负整数（没有的填 0）", fix_en="write a non-negative whole number (0 for none)")


def _blank_run(row: Row, first: Cell) -> Span:
    """Where a finding about blank cells points: the first blank cell and the blank cells right after
    it -- never the row label, whatever the layout."""
    cells = list(row.cells)
    i = next(k for k, c in enumerate(cells) if c is first)
    last = first
    for c in cells[i + 1:]:
        if c.status != "blank" or c.span.start < last.span.end or c.span.line != first.span.line:
            break
        last = c
    a, b = first.span, last.span
    return Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)


def _runs(names: list[str], positions: list[int], sep: str, to: str) -> str:
    """Row names joined, consecutive rows (3 or more) shown as a range: “一”至“四”."""
    out: list[str] = []
    i = 0
    while i < len(names):
        j = i
        while j + 1 < len(names) and positions[j + 1] == positions[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"“{names[i]}”{to}“{names[j]}”")
        else:
            out.extend(f"“{n}”" for n in names[i:j + 1])
        i = j + 1
    return sep.join(out)


def _row_short(tmpl, table: Table, row: Row) -> str:
    if table.kind == "review_litigation":
        return row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"
    if table.kind == "active_disclosure":
        return row.key
    return short_label(tmpl, row.key)


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
    options = {"per-row": Option(False, "one finding per row with blank cells instead of one per table")}
    doc_zh = """模板表格中应填数字的单元格留空。模板的每个数据单元格都应填写数字（没有的填 0），评估时
    空白会被视为报告不完整（docs/format.md「数据单元格」；格式本身没有明文禁止空白，因此是警告）。每张表报告一次，
    位于第一个空白单元格，写明空白单元格的个数及其所在的行和列：申请人各列在每一行都空着，是一个
    问题，而不是二十个。选项 ``per-row: true`` 改为每行报告一次，列出该行空白的列。总计之前的空
    单元格算空白，总计本身照常读取。无法确定对齐方式的行，以及单元格少于列数的行所缺的单元格，
    由 GX003、GX210 报告，此处不重复。算术规则把空白视为未知数，而不是 0。"""

    def check(self, report, ctx):
        per_row = bool(ctx.options.get("per-row", False))
        for table in _template_tables(report):
            tmpl = template_of(table, ctx)
            found: list[tuple[int, Row, list[Cell]]] = []
            for i, row in enumerate(table.rows):
                if row_unread(table, row):
                    continue
                blanks = [c for c in row.cells if c.status == "blank"]
                if row.alignment == "padded" and len(blanks) < len(row.cells):
                    continue  # cells missing from a short row: GX210 reports the row
                if blanks:
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
        where_zh, where_en = _where(tmpl, table, row)
        cols = [c.column or "" for c in blanks]
        if len(blanks) == len(row.cells):
            what_zh, what_en = "整行空白", "the whole row is blank"
        else:
            what_zh = f"{len(blanks)} 个单元格空白：{'、'.join(cols)}"
            what_en = f"{len(blanks)} blank cell{'s' if len(blanks) > 1 else ''}: {', '.join(cols)}"
        return ctx.finding(
            _blank_run(row, blanks[0]),
            zh=f"{where_zh}：{what_zh}；模板要求每格填写数字，没有的应填 0",
            en=f"{where_en}: {what_en}; the template expects a number in every cell, 0 for none",
            fix_zh="在空白单元格中填写数字（没有的填 0）", fix_en="write a number in each blank cell (0 for none)",
            key=f"{table.kind}\x00{row.key}\x00{','.join(cols)}")

    @staticmethod
    def _table(ctx, tmpl, table: Table, found: list[tuple[int, Row, list[Cell]]]):
        name_zh, name_en = table_name(table)
        review = table.kind == "review_litigation"
        unit_zh, unit_en = ("栏", "blocks") if review else ("行", "rows")
        count = sum(len(b) for _, _, b in found)
        names = [_row_short(tmpl, table, row) for _, row, _ in found]
        positions = [i for i, _, _ in found]
        rows_zh = f"{_runs(names, positions, '、', '至')}共 {len(found)} {unit_zh}"
        rows_en = f"{_runs(names, positions, ', ', ' to ')} ({len(found)} {unit_en})"
        # the blank columns in the template's order; "all N columns" when every column has a blank
        all_columns = list(dict.fromkeys(c for r in table.rows for c in r.columns))
        blank_columns = {c.column for _, _, b in found for c in b}
        cols = [c for c in all_columns if c in blank_columns]
        same_columns = len({r.columns for r in table.rows}) == 1
        if same_columns and len(cols) == len(all_columns) and len(cols) > 2:
            cols_zh, cols_en = f"全部 {len(cols)} 列", f"all {len(cols)} columns"
        else:
            cols_zh, cols_en = f"{'、'.join(cols)}列", f"column{'s' if len(cols) > 1 else ''} {', '.join(cols)}"
        whole = sum(1 for _, r, b in found if len(b) == len(r.cells))
        whole_zh = f"，其中 {whole} {unit_zh}整{unit_zh}空白" if whole else ""
        whole_en = f", {whole} of them wholly blank" if whole else ""
        _, first_row, first_blanks = found[0]
        return ctx.finding(
            _blank_run(first_row, first_blanks[0]),
            zh=f"{name_zh}有 {count} 个单元格空白，分布在{rows_zh}，涉及{cols_zh}{whole_zh}；"
               f"模板要求每格填写数字，没有的应填 0",
            en=f"{name_en}: {count} blank cells in {rows_en}, {cols_en}{whole_en}; the template expects a "
               f"number in every cell, 0 for none",
            fix_zh="在空白单元格中填写数字（没有的填 0）", fix_en="write a number in each blank cell (0 for none)",
            key=f"{table.kind}\x00blank-cells")


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
    there were no cases (all 0).  A row the reader saw but could not place in columns, or numbers
    written where no row could be read (rows run into one cell, a data row under a label the
    template does not have), is not a missing row: GX003 reports it, and a row under a label the
    template does not have is GX210's.

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
    spec = "tables"
    doc_zh = """模板表格有表头（主动公开情况表则是第二十条某项的标题和“信息内容”表头），但后面没有任何一行
    数字：表格没有填写，或数据行在转换格式时丢失。即使没有案件，行政复议、行政诉讼情况表也要填写
    一行 15 个数字（全部为 0）。读到了但无法对齐的行，以及写了数字却读不出任何一行的情形（各行
    挤在同一个单元格中、数据行用了模板没有的行名）都不算缺失，由 GX003 报告；行名不是模板中的
    行名的行由 GX210 报告。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            name_zh, name_en = table_name(table)
            if not table.rows:
                if written_but_unread(table):
                    continue  # rows were written but none could be read: GX003's, not a missing row
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
            elif holds_data(raw):
                has_data = True


class RowShape(Rule):
    """A row has more or fewer cells than the template's columns, or a label the template lacks.

    The reader places a row's cells in the template's columns.  When a row has more non-empty
    cells than columns, it reads them left to right and the surplus has no column (seed 000's
    review/litigation row: 16 numbers for 15 columns); when it has fewer, it places them the only
    way the row's own total allows.  Either way the row is misaligned and worth a look: the
    numbers may be in the wrong columns.  Rows whose cells cannot be placed at all are GX003.
    Surplus *empty* fields (a total drifting to a later tab stop) are tolerated and not reported.

    Rows that are not the template's are reported here too: a row whose label the template does
    not have (行政检查 in the 第二十条第（六）项 table, which has 行政处罚 and 行政强制) -- its
    numbers are not read, and the finding names the rows the item should have -- and words where
    a number goes (行政检查 written in the 行政强制 row's number cell), which are a row out of place
    rather than a badly written number (GX207).  A label the reader recognised as a variant of the
    template's (社会组织, 规范性文件 in a 2021 table) is GX212's.

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
    summary = "a row has more or fewer cells than the template's columns, or a row label the template lacks"
    summary_zh = "某行单元格数与模板列数不符（错位），或行名不是模板中的行"
    spec = "tables"
    doc_zh = """某行的单元格数多于或少于模板的列数。读取时按模板各列放置单元格：非空单元格多于列数时从左到右
    读取，多出的没有对应列（如种子报告 000 的复议诉讼行，15 列写了 16 个数）；少于列数时，按唯一与
    本行合计相符的方式放置。两种情况下该行都已错位，数字可能落在错误的列中，需要核对。完全无法
    放置的行由 GX003 报告。多出的只是空字段（总计列向后漂移）时可以容忍，不报告。

    不属于模板的行也在此报告：行名是模板没有的（如第二十条第（六）项表中写了“行政检查”，模板只有
    “行政处罚”“行政强制”）——该行的数字不被读取，提示写明该项应有哪些行；以及应填数字的位置写了
    文字（如在“行政强制”行的数字位置写了“行政检查”）——这是行错位，而不是数字写错（GX207）。
    读取时按模板行名的变体识别出的行名（社会组织、2021 年表中的“规范性文件”）由 GX212 报告。"""

    def check(self, report, ctx):
        for table in _template_tables(report):
            tmpl = template_of(table, ctx)
            name_zh, name_en = table_name(table)
            worded: dict[int, tuple[Row, list[Cell]]] = {}
            for row in table.rows:
                cells = [c for c in row.cells if words_in_cell(c)]
                if cells:
                    worded.setdefault(row.span.start, (row, cells))
            shapes = {n.span.start: n for n in table.notes if n.kind == "row-shape"}
            for note in table.notes:
                if note.kind == "row-shape" and note.span.start not in worded:
                    yield ctx.finding(note.span, zh=f"{name_zh}：{note.zh}", en=f"{name_en}: {note.en}",
                                      fix_zh="每列填写一个数字，删去多余的单元格", fix_en="write one number per column and remove the surplus cell")
                elif note.kind == "unknown-row" and not written_but_unread(table):
                    yield self._unknown_row(ctx, tmpl, table, note)
            for start, (row, cells) in worded.items():
                yield self._words(ctx, tmpl, table, row, cells, shapes.get(start))
            seen: set[int] = set()
            for row in table.rows:
                if row.alignment != "padded" or row.span.start in seen or row.span.start in worded:
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

    @staticmethod
    def _words(ctx, tmpl, table: Table, row: Row, cells: list[Cell], shape: Note | None):
        where_zh, where_en = _where(tmpl, table, row)
        cell = cells[0]
        text = cell.text.strip()
        zh = f"{where_zh}应填数字的“{cell.column}”列写的是文字“{text}”，像是行名而不是数字；该行的行名或数字的位置可能有误"
        en = (f"{where_en}: the number cell of column “{cell.column}” holds the words “{text}”, which read as a row "
              f"label, not a number; the row's label or the place of its numbers may be wrong")
        if shape is not None:
            zh, en = f"{zh}（{shape.zh}）", f"{en} ({shape.en})"
        return ctx.finding(cell, zh=zh, en=en,
                           fix_zh="核对这一行：行名应为模板中的行名，数字写在对应的列中",
                           fix_en="check the row: the template's row label, and each number in its column",
                           key=f"{table.kind}\x00{row.key}\x00words\x00{text}")

    @staticmethod
    def _unknown_row(ctx, tmpl, table: Table, note: Note):
        name_zh, name_en = table_name(table)
        zh, en = note.zh, note.en
        if "未读取" not in zh:
            zh, en = f"{zh}，本行数据未读取", f"{en}; its data was not read"
        section = _section_at(tmpl, table, note) if table.kind == "active_disclosure" else None
        if section is not None:
            present = {r.key for r in table.rows}
            missing = [r for r in section.rows if r not in present]
            zh += f"；{section.caption}应有的行：{'、'.join(section.rows)}"
            en += f"; {section.caption} has the rows {', '.join(section.rows)}"
            if missing:
                zh += f"，缺少{'、'.join(f'“{m}”' for m in missing)}"
                en += f", and {', '.join(f'“{m}”' for m in missing)} {'is' if len(missing) == 1 else 'are'} missing"
        return ctx.finding(note.span, zh=f"{name_zh}：{zh}", en=f"{name_en}: {en}",
                           fix_zh="改用模板中的行名，或删去模板没有的行", fix_en="use the template's row label, or remove a row the template does not have",
                           key=f"{table.kind}\x00unknown-row\x00{note.zh}")


def _section_at(tmpl, table: Table, note: Note):
    """The article-20 item (its caption in the template) a raw row at ``note`` stands under."""
    if tmpl is None:
        return None
    captions = {label_key(s.caption): s for s in tmpl.sections}
    current = None
    for raw in table.raw:
        if raw.span.start > note.span.start:
            break
        first = next((f for f in raw.fields if f.text.strip()), None)
        if first is not None and label_key(first.text) in captions:
            current = captions[label_key(first.text)]
    return current


def _sp(name: str) -> str:
    """A format's name inside a Chinese sentence: a space before a leading year (是 2019 年格式)."""
    return f" {name}" if name[:1].isdigit() else name


def _format_name(template) -> tuple[str, str]:
    tid = str(template.id)
    return (f"{tid} 年格式", f"the {tid} format") if tid.isdigit() else (template.name, template.name)


def _labels_of(template) -> frozenset[str]:
    """Every row, column and caption label of a template's tables, as label keys."""
    keys = set(template.label_keys)
    for text in (*template.app_columns, *template.rl_columns, *template.rl_blocks):
        keys.add(label_key(text))
    return frozenset(keys)


class LabelVariant(Rule):
    """A row or column label the reader read as the template's only after correcting it.

    The reader tolerates spacing, width and punctuation, but some labels it matches only after
    correcting a known variant or typo (社会组织 for 社会公益组织, 内容事务 for 内部事务, a label
    cut short such as 本年增/) or by its ending (规范性文件 for 行政规范性文件).  It reads the numbers
    all the same, and says so here rather than in silence: the published table should carry the
    template's labels.  One finding per label and table, with the number of places.  These are
    infos, except a label that belongs to another format's table -- 规范性文件 (2019 format) in a
    2021 table -- which is a warning: the table mixes two formats.  Labels broken over two lines by
    a page break are the extraction's doing, not the writer's, and are not reported.

    Anti-pattern::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        规范性文件	2	1	15

    Best practice::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	2	1	15
    """

    code = "GX212"
    name = "label-variant"
    severity = "info"
    summary = "a table label read only after correcting it (a typo, a variant, another format's label)"
    summary_zh = "表格的行名或列名经纠正后才能识别（错字、变体写法、另一格式的写法）"
    spec = "tables"
    doc_zh = """读取表格时，宽度、空格和标点的差异都可以容忍，但有些行名或列名要纠正已知的变体或错字
    （“社会组织”应为“社会公益组织”，“内容事务”应为“内部事务”，被截断的“本年增/”），或按词尾
    （“规范性文件”对应“行政规范性文件”）才能与模板对上。数字照常读取，并在此说明，而不是悄悄纠正：
    公开的表格应使用模板的行名和列名。每张表中同一写法报告一次，并注明出现的次数。这类问题为提示，
    但另一格式的写法（如 2021 年格式的表中使用 2019 年格式的“规范性文件”）为警告：表格混用了两种
    格式。分页造成的行名断行是文本提取的结果，不是撰写者的问题，不在此报告。"""

    def check(self, report, ctx):
        text = report.source.text
        for table in _template_tables(report):
            own = ctx.templates.get(table.template) if ctx.templates is not None else None
            name_zh, name_en = table_name(table)
            groups: dict[str, list[Note]] = {}
            for note in table.notes:
                if note.kind == "label-variant":
                    groups.setdefault(note.zh, []).append(note)
            for zh, notes in groups.items():
                first = notes[0]
                written = text[first.span.start:first.span.end].strip()
                other = self._other_format(ctx, own, written)
                times_zh = f"（共 {len(notes)} 处）" if len(notes) > 1 else ""
                times_en = f" ({len(notes)} places)" if len(notes) > 1 else ""
                if other is not None and own is not None:
                    (other_zh, other_en), (own_zh, own_en) = _format_name(other), _format_name(own)
                    yield ctx.finding(
                        first.span,
                        zh=f"{name_zh}：{zh}{times_zh}；“{written}”是{_sp(other_zh)}的写法，本表是{_sp(own_zh)}的表格",
                        en=f"{name_en}: {first.en}{times_en}; “{written}” is the label of {other_en}, and this "
                           f"table is in {own_en}",
                        severity="warning", key=f"{table.kind}\x00{zh}",
                        fix_zh=f"改用{_sp(own_zh)}的写法", fix_en=f"use the label of {own_en}")
                else:
                    yield ctx.finding(
                        first.span, zh=f"{name_zh}：{zh}{times_zh}；请使用模板的写法",
                        en=f"{name_en}: {first.en}{times_en}; use the template's label",
                        key=f"{table.kind}\x00{zh}",
                        fix_zh="改用模板的写法", fix_en="use the template's label")

    @staticmethod
    def _other_format(ctx, own, written: str):
        """The format whose table has ``written`` as a label while the table's own format does not."""
        if own is None or ctx.templates is None or not written:
            return None
        k = label_key(written)
        if not k or k in _labels_of(own):
            return None
        for template in reversed(ctx.templates.formats):
            if template.id != own.id and k in _labels_of(template):
                return template
        return None
