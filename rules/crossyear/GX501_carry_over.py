"""GX501 carry-over: this year's 二、上年结转 must be last year's 四、结转下年度继续办理."""

from __future__ import annotations

from gxlint.arith import fmt
from gxlint.lint.analyses.crossyear import certain_row, first_table, known_cell
from gxlint.lint.rule import Message, Rule
from gxlint.model import APPLICATIONS

from ._common import YEAR, file_name, year_of


def _carried(key: str) -> bool:
    return key.startswith("二、") and "结转" in key


def _forward(key: str) -> bool:
    return key.startswith("四、") and "结转" in key


class CarryOver(Rule):
    """This year's 二、上年结转 must be last year's 四、结转下年度继续办理, column by column.

    The applications that last year's report carried forward to this year (its row
    四、结转下年度继续办理) are the applications this year's report takes over (its row
    二、上年结转政府信息公开申请数量).  The two numbers are the same applications counted at the two
    ends of the same day, so they must agree in every applicant column (自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他); when an applicant column is reported, the 总计 column, which
    repeats its difference, is not reported again.

    The rule needs last year's report of the same agency: give it with ``gxlint --previous
    LAST_YEAR REPORT``, or check both years in one run (they are paired by agency and year,
    docs/cli.md).  A blank or unreadable cell on either side is unknown and never reported.

    Anti-pattern::

        上年报告（2020年）：
        四、结转下年度继续办理	2	0	0	0	0	0	2
        本年报告（2021年）：
        二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1

    Best practice::

        上年报告（2020年）：
        四、结转下年度继续办理	2	0	0	0	0	0	2
        本年报告（2021年）：
        二、上年结转政府信息公开申请数量	2	0	0	0	0	0	2
    """

    code = "GX501"
    name = "carry-over"
    severity = "error"
    uses_previous = True
    summary = (
        "the applications carried over from last year are not the number last year's report carried "
        "forward (needs last year's report)"
    )
    summary_zh = "“二、上年结转”与上年报告的“四、结转下年度继续办理”不一致（需要上年报告）"
    spec = "across-years, applications"
    doc_zh = """本年报告的“二、上年结转政府信息公开申请数量”必须等于上年报告的“四、结转下年度继续办理”，逐列比较。

    上年报告结转到下一年继续办理的申请，就是本年报告从上年接过来的申请：两个数字统计的是同一批申请，
    因此每个申请人列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）都必须相等；
    某个申请人列已报告时，重复其差额的“总计”列不再单独报告。

    本规则需要同一机关的上年报告：用 ``gxlint --previous 上年报告 本年报告`` 指定，或在一次检查中同时
    给出两年的报告（按机关和年度自动配对，见 docs/cli.md）。任一方的空白或无法读取的单元格视为未知，
    不会报告。"""

    messages = {
        "differs": Message(
            zh="本报告（{here}）“二、上年结转政府信息公开申请数量”“{column}”列为 {a}，而上年报告 {there}{last_year}"
            "“四、结转下年度继续办理”该列为 {b}；本年从上年接办的申请就是上年结转下来的申请，两者应相等",
            en="“二、上年结转政府信息公开申请数量” (carried over from last year), column “{column}”, is {a} in "
            "this report ({here}), but last year's report {there}{last_year} carried {b} forward in "
            "“四、结转下年度继续办理”; the applications taken over are the ones carried forward, so the two "
            "must be equal",
            fix_zh="核对两份报告的“{column}”列：本年“二、上年结转”应为 {b}，或改正上年报告",
            fix_en="check column “{column}” in both reports: this year's item 二 should be {b}, or last year's "
            "report is wrong",
        ),
        "year": YEAR,
    }

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        this_row = certain_row(first_table(report, APPLICATIONS), _carried)
        last_row = certain_row(first_table(previous, APPLICATIONS), _forward)
        if this_row is None or last_row is None:
            return
        total = this_row.columns[-1] if this_row.columns else None
        wrong = []
        for column in this_row.columns:
            mine, theirs = known_cell(this_row, column), known_cell(last_row, column)
            if mine is None or theirs is None or abs(mine.value - theirs.value) < 1e-9:
                continue
            wrong.append((column, mine, theirs))
        if any(column != total for column, _, _ in wrong):
            wrong = [w for w in wrong if w[0] != total]  # the total repeats the applicant columns
        for column, mine, theirs in wrong:
            yield ctx.say(
                mine,
                "differs",
                here=file_name(report),
                there=file_name(previous),
                last_year=year_of(ctx, previous),
                column=column,
                a=fmt(mine.value),
                b=fmt(theirs.value),
                key=f"carry-over:{column}",
            )
