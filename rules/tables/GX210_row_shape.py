"""GX210 row-shape: a row has more or fewer cells than the template's columns, a row label the template lacks,
or columns out of the template's order."""

from __future__ import annotations

from gxlint.lint.analyses.tables import (
    cell_statuses,
    label_words,
    table_name,
    template_of,
    template_tables,
    unread_tables,
)
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION, Cell, Note, Row, Table

from ._cells import words_in_cell
from ._naming import NOTHING, WHERE, joined, where


def _section_at(tmpl, table: Table, note: Note):
    """The article-20 item (its caption in the template) a raw row at ``note`` stands under."""
    if tmpl is None:
        return None
    captions = {label_words(s.caption): s for s in tmpl.sections}
    current = None
    for raw in table.raw:
        if raw.span.start > note.span.start:
            break
        first = next((f for f in raw.fields if f.text.strip()), None)
        if first is not None and label_words(first.text) in captions:
            current = captions[label_words(first.text)]
    return current


class RowShape(Rule):
    """A row has more or fewer cells than the template's columns, or a label the template lacks.

    The reader places a row's cells in the template's columns.  When a row has more non-empty
    cells than columns, it reads them left to right and the surplus has no column (seed 000's
    review/litigation row: 16 numbers for 15 columns); when it has fewer -- a cell left out
    anywhere in the row, the numbers after it one column early -- it places them the only way the
    row's own total and, in the applications table, the table's column totals allow, and names the
    cell left blank (left to right when the row has no total).  A row that fits several ways which
    all read the same numbers (a zero left out among zeros, the row's totals forcing the missing
    cell to be 0 wherever it was) is read left to right, and the finding names the columns the
    cell left out may be in.  Either way the row is misaligned and worth a look: the numbers may
    be in the wrong columns.  Rows whose cells cannot be placed at all, or that fit more than one
    way with different numbers, are GX003.
    Surplus *empty* fields (a total drifting to a later tab stop) are tolerated and not reported.

    Rows that are not the template's are reported here too: a row whose label the template does
    not have (行政检查 in the 第二十条第（六）项 table, which has 行政处罚 and 行政强制) -- its
    numbers are not read, and the finding names the rows the item should have -- and words where
    a number goes (行政检查 written in the 行政强制 row's number cell), which are a row out of place
    rather than a badly written number (GX207).  A label the reader recognised as a variant of the
    template's (社会组织, 规范性文件 in a 2021 table) is GX212's.  A row written twice in a table
    (a section pasted again, a corrected copy left in) is read once, the first time, and reported
    here, saying whether the two carry the same numbers.  So is a table whose header names all of
    its columns in another order than the template's, its numbers typed in that order too
    (商业企业 and 科研机构 swapped, 总计 first): the numbers are read under their headings, and the
    finding, on the header, names the columns out of place.

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
    summary = "a row has more or fewer cells than the template's columns, a row label the template lacks, or columns out of order"
    summary_zh = "某行单元格数与模板列数不符（错位）、行名不是模板中的行，或各列顺序与模板不同"
    spec = "tables"
    doc_zh = """某行的单元格数多于或少于模板的列数。读取时按模板各列放置单元格：非空单元格多于列数时从左到右
    读取，多出的没有对应列（如种子报告 000 的复议诉讼行，15 列写了 16 个数）；少于列数时（行中任一处
    少写了一个单元格，其后的数都提前了一列），按唯一与本行合计及（申请情况表中）全表各列合计相符的方式
    放置，并写明空出的是哪一列（未写总计的，按从左到右的顺序放置）。可按多种方式放置但各种方式读到的
    数都相同的行（在一串 0 中少写了一个 0，按本行合计，无论少写在哪一列都应为 0），按从左到右读取，
    并写明少写的可能在哪些列。两种情况下该行都已错位，数字可能落在错误的列中，需要核对。完全无法
    放置、或可按多种方式放置且读到的数不同的行由 GX003 报告。多出的只是空字段（总计列向后漂移）时可以容忍，不报告。

    不属于模板的行也在此报告：行名是模板没有的（如第二十条第（六）项表中写了“行政检查”，模板只有
    “行政处罚”“行政强制”）——该行的数字不被读取，提示写明该项应有哪些行；以及应填数字的位置写了
    文字（如在“行政强制”行的数字位置写了“行政检查”）——这是行错位，而不是数字写错（GX207）。
    读取时按模板行名的变体识别出的行名（社会组织、2021 年表中的“规范性文件”）由 GX212 报告。
    同一行在表中写了两次（整节重复粘贴、改正后的一行留下了旧的一行）的，按第一次读取，并在此报告，
    说明两次的数字是否相同。表头按与模板不同的顺序列出全部各列、数字也按此顺序填写的（如“商业企业”
    与“科研机构”对调、“总计”写在第一列），各数按表头读取，并在表头处报告，写明哪些列的位置不同。"""

    messages = {
        **WHERE,
        # the reader's note on a row with surplus cells
        "shape": Message(
            zh="{table}：{note}",
            en="{table}: {note}",
            fix_zh="每列填写一个数字，删去多余的单元格",
            fix_en="write one number per column and remove the surplus cell",
        ),
        # the reader's note on a header whose columns stand in another order than the template's
        "column_order": Message(
            zh="{table}：{note}",
            en="{table}: {note}",
            fix_zh="按模板的顺序排列各列",
            fix_en="put the columns in the template's order",
        ),
        # the reader's note on a row written twice
        "repeated": Message(
            zh="{table}：{note}",
            en="{table}: {note}",
            fix_zh="删去重复的一行，保留数字正确的那一行",
            fix_en="remove the repeated row, keeping the one with the right numbers",
        ),
        # the reader's note on a row one cell short whose placements all read the same numbers
        "short_same": Message(
            zh="{table}：{note}",
            en="{table}: {note}",
            fix_zh="每列填写一个数字（没有的填 0）",
            fix_en="write one number per column (0 for none)",
        ),
        "padded": Message(
            zh="{where}只写了 {written} 个数据单元格，模板有 {columns} 列；已按唯一与合计相符的方式对齐，"
            "空出的是{blank}，请核对",
            en="{where}: {written} data cells for {columns} template columns; placed the only way that matches "
            "the totals, leaving {blank} blank -- check it",
            fix_zh="每列填写一个数字（没有的填 0）",
            fix_en="write one number per column (0 for none)",
        ),
        # the same, where the row's 总计 is the cell left out: nothing could be matched
        "padded_no_total": Message(
            zh="{where}只写了 {written} 个数据单元格，模板有 {columns} 列；未写总计，已按从左到右的顺序放置，请核对",
            en="{where}: {written} data cells for {columns} template columns and no total; placed left to "
            "right -- check it",
            fix_zh="每列填写一个数字（没有的填 0），并填写总计",
            fix_en="write one number per column (0 for none), and the total",
        ),
        "data_row": Message(zh="{table}的数据行", en="{table}, data row"),
        "words": Message(
            zh="{where}应填数字的“{column}”列写的是文字“{text}”，像是行名而不是数字；该行的行名或数字的位置可能有误{shape}",
            en="{where}: the number cell of column “{column}” holds the words “{text}”, which read as a row "
            "label, not a number; the row's label or the place of its numbers may be wrong{shape}",
            fix_zh="核对这一行：行名应为模板中的行名，数字写在对应的列中",
            fix_en="check the row: the template's row label, and each number in its column",
        ),
        "shape_note": Message(zh="（{note}）", en=" ({note})"),
        # the reader's note on a row whose label the template does not have
        "unknown_row": Message(
            zh="{table}：{note}{unread}{section}",
            en="{table}: {note}{unread}{section}",
            fix_zh="改用模板中的行名，或删去模板没有的行",
            fix_en="use the template's row label, or remove a row the template does not have",
        ),
        "unread": Message(zh="，本行数据未读取", en="; its data was not read"),
        # a leaf row of another format that is a group of this one's (2019's single （六）其他处理)
        "other_format_row": Message(
            zh="{table}：“{label}”是 {other} 年格式中的一行，本表为 {own} 年格式，该项分为{rows}"
            "几行；本行数据未读取",
            en="{table}: “{label}” is a row of the {other} format; this table is in the {own} format, "
            "which splits it into the rows {rows}; its data was not read",
            fix_zh="按 {own} 年格式分行填写：{rows}",
            fix_en="fill in the rows of the {own} format: {rows}",
        ),
        "section_rows": Message(
            zh="；{caption}应有的行：{rows}{missing}", en="; {caption} has the rows {rows}{missing}"
        ),
        "missing_row": Message(zh="，缺少{rows}", en=", and {rows} is missing"),
        "missing_rows": Message(zh="，缺少{rows}", en=", and {rows} are missing"),
        "quoted": Message(zh="“{name}”", en="“{name}”"),
    }

    def check(self, report, ctx):
        for table in template_tables(report):
            tmpl = template_of(table, ctx)
            name = table_name(table)
            worded: dict[int, tuple[Row, list[Cell]]] = {}
            for row in table.rows if "malformed" in cell_statuses(table, ctx) else ():
                cells = [c for c in row.cells if c.status == "malformed" and words_in_cell(c)]
                if cells:
                    worded.setdefault(row.span.start, (row, cells))
            shapes = {n.span.start: n for n in table.notes if n.kind == "row-shape"}
            for note in table.notes:
                if note.kind == "row-shape" and note.span.start not in worded:
                    yield ctx.say(note.span, "shape", table=name, note=Phrase(note.zh, note.en))
                elif note.kind == "short-same":
                    yield ctx.say(note.span, "short_same", table=name, note=Phrase(note.zh, note.en))
                elif note.kind == "column-order":
                    yield ctx.say(note.span, "column_order", table=name, note=Phrase(note.zh, note.en))
                elif note.kind == "repeated-row":
                    yield ctx.say(note.span, "repeated", table=name, note=Phrase(note.zh, note.en))
                elif note.kind == "unknown-row" and table not in unread_tables(report, ctx):
                    yield self._unknown_row(ctx, tmpl, table, note, report.source.text)
            for start, (row, cells) in worded.items():
                yield self._words(ctx, tmpl, table, row, cells, shapes.get(start))
            seen = {n.span.start for n in table.notes if n.kind == "short-same"}
            for row in table.rows:
                if row.alignment != "padded" or row.span.start in seen or row.span.start in worded:
                    continue
                if all(c.status == "blank" for c in row.cells):
                    continue  # only empty fields are missing: trailing whitespace, not misalignment
                seen.add(row.span.start)
                if table.kind == REVIEW_LITIGATION:  # one written row holds all three blocks
                    place = ctx.phrase("data_row", table=name)
                    columns = sum(len(r.columns) for r in table.rows)
                else:
                    place = where(ctx, tmpl, table, row)
                    columns = len(row.columns)
                total = row.cell("总计")
                # the cells left blank: the one left out, and any written empty
                rl = table.kind == REVIEW_LITIGATION
                rows = table.rows if rl else (row,)
                blank = [
                    f"{r.key}/{c.column}" if rl else c.column
                    for r in rows
                    for c in r.cells
                    if c.status == "blank"
                ]
                yield ctx.say(
                    row.span,
                    "padded_no_total" if total is not None and total.status == "blank" else "padded",
                    where=place,
                    written=sum(len(r.cells) for r in rows) - len(blank),
                    columns=columns,
                    blank=joined(ctx.phrase("quoted", name=n) for n in blank),
                    key=f"{table.kind}\x00{row.key}\x00{row.fields_written}",
                )

    @staticmethod
    def _words(ctx, tmpl, table: Table, row: Row, cells: list[Cell], shape: Note | None):
        cell = cells[0]
        text = cell.text.strip()
        return ctx.say(
            cell,
            "words",
            where=where(ctx, tmpl, table, row),
            column=cell.column,
            text=text,
            shape=ctx.phrase("shape_note", note=Phrase(shape.zh, shape.en)) if shape is not None else NOTHING,
            key=f"{table.kind}\x00{row.key}\x00words\x00{text}",
        )

    @staticmethod
    def _unknown_row(ctx, tmpl, table: Table, note: Note, text: str = ""):
        split = _split_in(ctx, tmpl, table, text[note.span.start : note.span.end].strip())
        if split is not None:
            other, group = split
            return ctx.say(
                note.span,
                "other_format_row",
                table=table_name(table),
                label=group.label,
                other=other.id,
                own=tmpl.id,
                rows=joined(ctx.phrase("quoted", name=leaf.label) for leaf in group.leaves()),
                key=f"{table.kind}\x00unknown-row\x00{note.zh}",
            )
        section = _section_at(tmpl, table, note) if table.kind == ACTIVE_DISCLOSURE else None
        listed = NOTHING
        if section is not None:
            present = {r.key for r in table.rows}
            missing = [r for r in section.rows if r not in present]
            absent = NOTHING
            if missing:
                absent = ctx.phrase(
                    "missing_row" if len(missing) == 1 else "missing_rows",
                    rows=joined(ctx.phrase("quoted", name=m) for m in missing),
                )
            listed = ctx.phrase(
                "section_rows", caption=section.caption, rows=joined(section.rows), missing=absent
            )
        return ctx.say(
            note.span,
            "unknown_row",
            table=table_name(table),
            note=Phrase(note.zh, note.en),
            unread=ctx.phrase("unread") if "未读取" not in note.zh else NOTHING,
            section=listed,
            key=f"{table.kind}\x00unknown-row\x00{note.zh}",
        )


def _split_in(ctx, tmpl, table: Table, written: str):
    """(other format, this format's group) when ``written`` is a row of another format's
    applications table that this format splits into several rows: 2019's single （六）其他处理,
    the 2021 format's 1./2./3. under it; else None."""
    if table.kind != APPLICATIONS or tmpl is None or ctx.templates is None or not written:
        return None
    # the row's label: its first field that names a group of this format
    groups = {label_words(n.label): n for n in tmpl.app_nodes if not n.leaf}
    fields = (label_words(f) for f in written.replace("|", "\t").split("\t"))
    key = next((k for k in fields if k in groups), None)
    if key is None:
        return None
    own = groups[key]
    for other in ctx.templates:
        if other.id != tmpl.id and any(n.leaf and label_words(n.label) == key for n in other.app_nodes):
            return other, own
    return None
