"""GX202 row-total: a row's 总计 ≠ the sum of its six applicant cells."""

from __future__ import annotations

from gxlint.lint.analyses.tables import short_label
from gxlint.lint.rule import Message
from gxlint.model import APPLICATIONS, Row

from ._identity import RowIdentity


class RowTotal(RowIdentity):
    """A row's 总计 must equal the sum of its six applicant cells.

    In the applications table 总计 is the sum of 自然人, 商业企业, 科研机构, 社会公益组织,
    法律服务机构 and 其他, in every row.  A blank 总计 or blank applicant cells are unknown, not 0:
    a row whose 总计 is blank is never reported, and a row with blank applicant cells only when
    its known cells already exceed the total.  A 总计 of 0 beside non-zero cells is reported by
    GX205 instead.

    One wrong cell is one finding.  A wrong cell also breaks its column's identities (GX201,
    GX203): when exactly one cell of the row would mend the row and its column at once -- 一's 总计
    one too many also unbalances the 总计 column's 一 + 二 = 三（七）总计 + 四 -- the finding is put
    on that cell, names the column's identity it breaks and the value both make it, and GX201 and
    GX203 say nothing of that column.

    Anti-pattern::

        一、本年新收政府信息公开申请数量	7	1	0	0	0	0	8
        三、本年度办理结果	（一）予以公开	6	1	0	0	0	0	8

    Best practice::

        一、本年新收政府信息公开申请数量	7	1	0	0	0	0	8
        三、本年度办理结果	（一）予以公开	6	1	0	0	0	0	7
    """

    code = "GX202"
    name = "row-total"
    severity = "error"
    summary = "a row's total ≠ the sum of its six applicant cells"
    summary_zh = "某行的总计 ≠ 六类申请人之和"
    spec = "identities"
    doc_zh = """申请情况表每一行的“总计”必须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、
    其他六列之和。空白的总计或空白的申请人单元格视为未知数而不是 0：总计为空白的行不报告；申请人
    单元格有空白的行，只有已知部分已超过总计时才报告。总计为 0 而其他单元格不为 0 的情形由
    GX205 报告。

    一处错误只报一次。错的单元格同时会破坏所在列的勾稽关系（GX201、GX203）：若本行只有一个单元格
    改正后能同时使本行和该列平衡（如“一”行总计多写 1，“总计”列的 一 + 二 = 三（七）总计 + 四 也随之
    不平衡），问题就定位在这一格，并写明它破坏的列勾稽关系和按勾稽关系应填的数；GX201、GX203
    不再就该列另行报告。"""

    table_kind = APPLICATIONS

    messages = {
        **RowIdentity.messages,
        "where": Message(zh="“{label}”行", en="row “{label}”"),
        "parts": Message(zh="六类申请人之和", en="the six applicant cells"),
    }

    def label(self, tmpl, row: Row) -> str:
        return short_label(tmpl, row.key)
