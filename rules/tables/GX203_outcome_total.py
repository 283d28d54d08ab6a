"""GX203 outcome-total: （七）总计 ≠ the sum of the outcome rows, per column of the applications table."""

from __future__ import annotations

from gxlint.arith import fmt
from gxlint.lint.analyses.tables import cell_phrase, group_of, short_label, table_name
from gxlint.lint.rule import Message
from gxlint.model import Cell

from ._identity import ColumnIdentity, tail
from ._naming import NOTHING, joined


class OutcomeTotal(ColumnIdentity):
    """Per column, 三（七）总计 must equal the sum of the outcome rows.

    （七）总计 counts every application handled this year, so it is the sum of （一）予以公开,
    （二）部分公开, the eight （三）不予公开 rows, the three （四）无法提供 rows, the five （五）不予处理
    rows and （六）其他处理 -- one row in the 2019 format, three sub-rows in the 2021 format.  The rows
    are the template's own (the leaves of 三、本年度办理结果), so each format is checked against its
    own layout.  Blank cells are unknown, never 0; a 总计 of 0 beside non-zero outcomes is
    reported by GX205 instead.  A column one wrong cell unbalances together with its row's total
    (an outcome row's 总计 one too many) is left to GX202, which names the cell.  Two numbers of one
    outcome row typed in each other's place leave its total right and unbalance two columns by
    opposite amounts: where swapping the two cells of exactly one row balances both, the findings
    are on those cells, and say so, not on 三（七）总计.

    Anti-pattern::

        一、本年新收政府信息公开申请数量	3	0	0	0	0	0	3
        三、本年度办理结果	（一）予以公开	2	0	0	0	0	0	2
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	0	0	0	0	0	1
                （七）总计	2	0	0	0	0	0	2

    Best practice::

        一、本年新收政府信息公开申请数量	3	0	0	0	0	0	3
        三、本年度办理结果	（一）予以公开	2	0	0	0	0	0	2
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	0	0	0	0	0	1
                （七）总计	3	0	0	0	0	0	3
    """

    code = "GX203"
    name = "outcome-total"
    severity = "error"
    summary = "per column of the applications table, the outcomes' total ≠ the sum of the outcome rows"
    summary_zh = "申请情况表某列：（七）总计 ≠ 各项办理结果之和"
    spec = "identities"
    doc_zh = """申请情况表每一列的“（七）总计”必须等于各项办理结果之和：（一）予以公开 +（二）部分公开 +
    （三）不予公开 1–8 +（四）无法提供 1–3 +（五）不予处理 1–5 +（六）其他处理。2019 年格式的
    （六）只有一行，2021 年格式的（六）分为 3 个子行；参与求和的行取自模板（“三、本年度办理结果”
    下的各末级行），每种格式按各自的表样检查。空白单元格视为未知数而不是 0；总计为 0 而各项
    不为 0 的情形由 GX205 报告。某一格写错、同时使所在行的总计不符时（如某项办理结果行的总计多写 1），
    由 GX202 定位到这一格报告。同一项办理结果行的两个数填反了时，本行总计仍然相符，两列却以相反的
    差额不平衡；恰有一行的两格对调后两列都相符的，问题标注在这两格上并加以说明，而不是标注在
    三（七）总计上。"""

    skip_zero_total = True

    messages = {
        **ColumnIdentity.messages,
        "unbalanced": Message(
            zh="{table}“{column}”列：{total}（{values}）≠ 各项办理结果之和：{groups}（{tail}）{also}{note}",
            en="{table}, column “{column}”: {total} ({values}) ≠ the sum of the outcome rows: {groups} ({tail}){also}{note}",
            fix_zh="核对“{column}”列各项办理结果和{total}",
            fix_en="check the outcome rows and {total} in column “{column}”",
        ),
        "outcomes": Message(zh="各项办理结果之和", en="the sum of the outcome rows"),
        "group": Message(zh="{label} {known}", en="{label} {known}"),
        "group_with_blanks": Message(zh="{label} {known}（另有空白）", en="{label} {known} (plus blanks)"),
        # a row of the group that is not in the table, or was not read (GX210 names it)
        "group_without_rows": Message(
            zh="{label} {known}（另有缺失或未读出的行）", en="{label} {known} (plus rows missing or not read)"
        ),
    }

    def report(self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None, note=NOTHING):
        groups: dict[str, list[Cell | None]] = {}
        for k, c in zip(right, rc):
            groups.setdefault(group_of(tmpl, k) or k, []).append(c)
        parts = []
        for g, cells in groups.items():
            known = sum(c.value for c in cells if c is not None and c.status == "number")
            if any(c is None for c in cells):
                kind = "group_without_rows"
            elif any(c.status != "number" for c in cells if c is not None):
                kind = "group_with_blanks"
            else:
                kind = "group"
            parts.append(ctx.phrase(kind, label=short_label(tmpl, g), known=fmt(known)))
        total = " + ".join(short_label(tmpl, k) for k in left)
        outcomes = ctx.phrase("outcomes")
        return ctx.say(
            where,
            "unbalanced",
            table=table_name(table),
            column=column,
            total=total,
            values=joined((cell_phrase(c) for c in lc), " + ", " + "),
            groups=joined(parts, " + ", " + "),
            tail=tail(ctx, b, total, outcomes),
            also=self.also_clause(ctx, also, total, outcomes),
            note=note,
        )
