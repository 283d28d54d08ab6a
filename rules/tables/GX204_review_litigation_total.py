"""GX204 review-litigation-total: a 复议/诉讼 block's 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结."""

from __future__ import annotations

from gxlint.lint.analyses.tables import block_name
from gxlint.lint.rule import Message
from gxlint.model import REVIEW_LITIGATION, Row

from ._identity import RowIdentity


class ReviewLitigationTotal(RowIdentity):
    """Each block of the review/litigation table: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    The table has three blocks of five cells -- 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼
    复议后起诉 -- and in each the fifth cell, 总计, is the sum of the other four.  A row whose
    cells could not be placed in columns with certainty (a 16-cell row for 15 columns, digits run
    together that split more than one way) is not checked: GX210 or GX003 report it.  A 总计 of 0
    beside non-zero cells is reported by GX205 instead.

    Anti-pattern::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        1	0	1	0	3	0	0	0	0	0	0	0	0	0	0

    Best practice::

        行政复议					行政诉讼
        结果维持	结果纠正	其他结果	尚未审结	总计	未经复议直接起诉					复议后起诉
                                                结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        1	0	1	0	2	0	0	0	0	0	0	0	0	0	0
    """

    code = "GX204"
    name = "review-litigation-total"
    severity = "error"
    summary = "a review or litigation block's total ≠ upheld + corrected + other results + not yet closed"
    summary_zh = "复议、诉讼某一栏的总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
    spec = "identities, review-and-litigation"
    doc_zh = """行政复议、行政诉讼情况表分三栏：行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉），
    每栏五个单元格，第五个“总计”必须等于结果维持、结果纠正、其他结果、尚未审结四项之和。
    无法确定各数所在列的行（如 15 列写了 16 个数，或网页把数字连写而拆分方式不唯一）不检查，
    由 GX210 或 GX003 报告。总计为 0 而其他单元格不为 0 的情形由 GX205 报告。"""

    table_kind = REVIEW_LITIGATION

    messages = {
        **RowIdentity.messages,
        "where": Message(zh="“{label}”栏", en="block “{label}”"),
        "parts": Message(zh="四项结果之和", en="the four results"),
    }

    def label(self, tmpl, row: Row) -> str:
        return block_name(row)
