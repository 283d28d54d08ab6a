"""GX211 disclosure-consistency: 主动公开 table values that cannot be right (negative counts, 现行有效件数 < 本年制发件数, …)."""

from __future__ import annotations

from functools import lru_cache

from gxlint.arith import fmt
from gxlint.lint.analyses.tables import identities, section_name, template_of, template_tables
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import ACTIVE_DISCLOSURE, Row, Table
from gxlint.read.templates import Identity

from ._identity import row_plan, sums, weigh
from ._naming import TERM, terms


class DisclosureConsistency(Rule):
    """主动公开 table values that cannot be right.

    Soft checks on the article-20 tables (docs/format.md, Identities), read from the template's
    ``disclosure-consistency`` identities (each a row-wise ``left >= right``):

    * 2021 format: 现行有效件数 is at least 本年制发件数 -- documents issued this year are in force
      unless repealed the same year;
    * 2019 format: 对外公开总数量 is at least 本年新公开数量 -- the running total includes this
      year's;
    * 2019 format: 上一年项目数量 + 本年增/减 is not negative -- a count of items cannot fall
      below zero.

    Blank or malformed cells are unknown: a check involving them is reported only when no value
    could satisfy it.  Rows the reader could not place with certainty are left out.

    Anti-pattern::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        行政规范性文件	5	0	3

    Best practice::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        行政规范性文件	5	0	23
    """

    code = "GX211"
    name = "disclosure-consistency"
    severity = "warning"
    summary = (
        "active-disclosure table values that cannot be right (negative counts, fewer documents in force "
        "than issued this year, …)"
    )
    summary_zh = "主动公开情况表数值不合理（项目数为负、现行有效件数 < 本年制发件数等）"
    spec = "identities, active-disclosure"
    doc_zh = """主动公开情况表（第二十条各项）中不可能成立的数值。规则取自模板中名为 disclosure-consistency 的
    勾稽关系（逐行“左边 ≥ 右边”）：

    * 2021 年格式：现行有效件数不小于本年制发件数（本年制发的文件除当年废止外都现行有效）；
    * 2019 年格式：对外公开总数量不小于本年新公开数量；
    * 2019 年格式：上一年项目数量 + 本年增/减 不得为负数。

    空白或无效单元格视为未知数，只有无论取何值都不成立时才报告；无法确定对齐方式的行不检查。
    这些是软性检查（规范未明文规定），因此是警告。"""

    messages = {
        **TERM,
        "violated": Message(
            zh="{table}“{row}”行：{left}{op} {right}{why}",
            en="{table}, row “{row}”: {left} {op} {right}{why}",
            fix_zh="核对该行数字",
            fix_en="check the numbers of this row",
        ),
        "violated_sum": Message(
            zh="{table}“{row}”行：{left}= {total} {op} {right}{why}",
            en="{table}, row “{row}”: {left} = {total} {op} {right}{why}",
            fix_zh="核对该行数字",
            fix_en="check the numbers of this row",
        ),
        # why the identity holds, from the template's data (its zh and en)
        "because": Message(zh="；{why}", en="; {why}"),
    }

    def check(self, report, ctx):
        for table in template_tables(report, ACTIVE_DISCLOSURE):
            tmpl = template_of(table, ctx)
            checks, wanted, plans = _plans(tmpl, self.name)
            own, plan = None, ()  # the rows of a section share their columns: planned once
            for row in table.rows:
                if not row.trusted:
                    continue
                cells = row.cells
                if row.columns is not own:
                    own, plan = row.columns, row_plan(row, wanted, plans)
                for k, lpos, rpos, needed in plan:
                    if len(cells) < needed:
                        continue
                    ident, left, right, _ = checks[k]
                    lsum, lu, rsum, ru = found = sums(cells, lpos, rpos)
                    if ident.relation == ">=":
                        # tables.at_least(...) == "violated": the left side, all known, is below
                        # what the right side's known cells already make
                        if not lu and lsum < rsum - 1e-6:
                            yield self._report(ctx, table, row, ident, left, right, (lpos, rpos), "<")
                    elif weigh(*found).status == "violated":
                        yield self._report(ctx, table, row, ident, left, right, (lpos, rpos), "≠")

    def _report(self, ctx, table: Table, row: Row, ident: Identity, left, right, positions, op: str):
        lc = [row.cells[i] for i in positions[0]]
        rc = [row.cells[i] for i in positions[1]]
        # the template's reason, in each language that has one
        why_zh, why_en = ident.zh, ident.en
        because = ctx.phrase("because", why=Phrase(why_zh, why_en))
        why = Phrase(because.zh if why_zh else "", because.en if why_en else "")
        fields = dict(
            table=section_name(table, row),
            row=row.key,
            left=terms(ctx, left, lc),
            op=op,
            right=terms(ctx, right, rc) if right else "0",
            why=why,
        )
        if len(left) > 1:
            # placed on the smallest of the summed cells: the negative 本年增/减 that makes the count
            # fall below zero, not the 上一年项目数量 beside it
            known = [c for c in lc if c is not None and c.value is not None]
            return ctx.say(
                min(known, key=lambda c: c.value) if known else lc[0],
                "violated_sum",
                total=fmt(sum(x.value for x in lc if x is not None and x.value is not None)),
                **fields,
            )
        return ctx.say(lc[0], "violated", **fields)


@lru_cache(maxsize=256)
def _checks(template, name: str) -> tuple[tuple[Identity, list[str], list[str], list[str]], ...]:
    """The template's per-row identities called ``name`` on the 主动公开 table: each with its left
    and right side and both sides' columns; found once per template, not per report."""
    checks = [
        (ident, *ident.sides())
        for ident in identities(template, name, ACTIVE_DISCLOSURE)
        if ident.per == "row"
    ]
    return tuple((ident, left, right, left + right) for ident, left, right in checks if left)


@lru_cache(maxsize=256)
def _plans(template, name: str) -> tuple[tuple, list[tuple[list[str], int]], dict]:
    """:func:`_checks`, what :func:`row_plan` is given for them (each one's columns and how many
    are its left side) and the plans found so far per set of row columns: kept per template, not
    per report, since a template's rows have its few sets of columns."""
    checks = _checks(template, name)
    return checks, [(columns, len(left)) for _, left, _, columns in checks], {}
