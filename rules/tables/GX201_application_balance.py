"""GX201 application-balance: per column of the applications table, 一 + 二 ≠ 三（七）总计 + 四."""

from __future__ import annotations

from gxlint.lint.analyses.tables import short_label, table_name
from gxlint.lint.rule import Message

from ._identity import ColumnIdentity, tail
from ._naming import NOTHING, TERM, terms


class ApplicationBalance(ColumnIdentity):
    """Per column of the applications table, 一 + 二 must equal 三（七）总计 + 四.

    The template prints the rule in the table's own header: 本列数据的勾稽关系为：第一项加第二项之和，
    等于第三项加第四项之和 -- applications received this year plus those carried over from last year
    equal those handled plus those carried over to next year.  It holds in each of the seven
    columns, 总计 included.  A blank cell is an unknown number, not 0: the rule reports a column
    only when no value of its blank cells could balance it.

    One wrong cell is one finding: a column that one wrong cell unbalances together with its row's
    total is left to GX202, which names the cell; a 总计 column thrown off by rows whose 总计 is not
    the sum of their cells is GX202's too; and a column where 三（七）总计 is off by the same amount
    against the outcome rows is GX203's, which names （七）总计.

    The finding is put on the cell the evidence points at.  Two numbers of one row typed in each
    other's place (一's 自然人 and 商业企业) leave the row's total right and unbalance two columns by
    opposite amounts: where swapping the two cells of exactly one row balances both, the findings
    are on those cells, and say so.  When the text states one of the four
    rows as the others make it (结转下年度继续办理7件 where 四 is 8 and 一 + 二 − 三（七）总计 is 7:
    GX206 does not call that text wrong), it is on that row's cell, and says so.  Otherwise, where
    三（七）总计 is the sum of the outcome rows in that column, it is not on 三（七）总计 (the cell least
    in doubt) but on 四, and the message says 三（七）总计 agrees with the outcome rows.

    Anti-pattern::

        一、本年新收政府信息公开申请数量	3	0	0	0	0	0	3
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0
        （七）总计	2	0	0	0	0	0	2
        四、结转下年度继续办理	0	0	0	0	0	0	0

    Best practice::

        一、本年新收政府信息公开申请数量	3	0	0	0	0	0	3
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0
        （七）总计	2	0	0	0	0	0	2
        四、结转下年度继续办理	1	0	0	0	0	0	1
    """

    code = "GX201"
    name = "application-balance"
    severity = "error"
    summary = (
        "per column of the applications table, the applications received and carried over ≠ those "
        "handled plus those carried forward"
    )
    summary_zh = "申请情况表某列：一 + 二 ≠ 三（七）总计 + 四"
    spec = "identities"
    anchor = "right"
    defers_to = ("GX203", "outcome-total")
    doc_zh = """申请情况表每一列都必须满足：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）。

    这条勾稽关系印在模板表头：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，
    七列（含总计列）都适用。空白单元格视为未知的非负数而不是 0：只有当空白单元格无论填什么数
    都无法使该列平衡时才报告。

    一处错误只报一次：某一格写错、同时使所在行的总计不符时，由 GX202 定位到这一格报告；
    “总计”列的不平衡若来自某些行的总计不等于本行各项之和，也由 GX202 报告；三（七）总计与各项办理
    结果之和相差同样的数时，错的是三（七）总计，由 GX203 报告。

    问题标注在证据所指的单元格上：同一行的两个数填反了（如一的“自然人”与“商业企业”）时，本行总计
    仍然相符，两列却以相反的差额不平衡；恰有一行的两格对调后两列都相符的，标注在这两格上并加以说明。
    正文所述某一项恰为其他各项按此关系推得的数（如四为 8，
    一 + 二 − 三（七）总计为 7，正文称“结转下年度继续办理7件”；GX206 不认为此正文有误）时，标注在
    该项的单元格上并加以说明；否则，若该列三（七）总计等于各项办理结果之和，则不标注在三（七）总计
    （最无疑问的一格）上，而标注在四上，并说明三（七）总计与各项办理结果之和相符。规则内容取自模板数据（identities 中的 application-balance），
    省级模板变体无需改代码。"""

    messages = {
        **ColumnIdentity.messages,
        **TERM,
        "unbalanced": Message(
            zh="{table}“{column}”列：{left}≠ {right}（{tail}）{also}；模板要求第一项加第二项之和等于第三项加第四项之和{note}",
            en="{table}, column “{column}”: {left} ≠ {right} ({tail}){also}; the template requires items 一 + 二 "
            "to equal items 三 + 四{note}",
            fix_zh="核对“{column}”列，使 {left_name} = {right_name}",
            fix_en="check column “{column}” so that {left_name} = {right_name}",
        ),
    }

    def report(self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None, note=NOTHING):
        left_labels = [short_label(tmpl, k) for k in left]
        right_labels = [short_label(tmpl, k) for k in right]
        lname, rname = " + ".join(left_labels), " + ".join(right_labels)
        return ctx.say(
            where,
            "unbalanced",
            table=table_name(table),
            column=column,
            left=terms(ctx, left_labels, lc),
            right=terms(ctx, right_labels, rc),
            tail=tail(ctx, b, lname, rname),
            also=self.also_clause(ctx, also, lname, rname),
            left_name=lname,
            right_name=rname,
            note=note,
        )
