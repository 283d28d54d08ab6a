"""GX205: a table or total that is zero while a part of it, or the report's own text, says otherwise."""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Callable

from gxlint.arith import fmt
from gxlint.lint.analyses.claims import TOTALS, Review, applications, claims, denials
from gxlint.lint.analyses.tables import (
    identities,
    short_label,
    table_name,
    template_of,
    template_tables,
    trusted_rows,
)
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import APPLICATIONS, REVIEW_LITIGATION, Cell, Row


class ZeroTotalConsistency(Rule):
    """A table or total that is zero while a part of it, or the report's own text, says otherwise.

    Three cases:

    * the text says no applications were received (未收到政府信息公开申请, 本年度无依申请公开 …) while
      row 一 of the applications table is above 0; or says no 行政复议/行政诉讼 happened (未发生…
      行政复议、行政诉讼) while the review/litigation table counts some;
    * the text counts applications received or handled (收到政府信息公开申请 N 件, 办结 N 件 …, N > 0)
      while every number in the applications table is 0;
    * a 总计 of 0 beside non-zero parts: a row's 总计 with a non-zero applicant cell, （七）总计 in a
      column with a non-zero outcome row, a 复议/诉讼 block's 总计 with a non-zero result.  These are
      reported here, once, and not again by GX202-GX204.

    Only the wordings listed in docs/wordings.md are read, and only rows the reader
    placed with certainty; blank cells are unknown, never 0.

    Anti-pattern::

        全年未收到政府信息公开申请。
        一、本年新收政府信息公开申请数量	2	0	0	0	0	0	2

    Best practice::

        全年收到政府信息公开申请 2 件。
        一、本年新收政府信息公开申请数量	2	0	0	0	0	0	2
    """

    code = "GX205"
    name = "zero-total-consistency"
    severity = "error"
    summary = "a table or total that is zero while a part of it, or the report's own text, says otherwise"
    summary_zh = "表格或总计为 0，而其组成部分或报告正文显示并非如此"
    spec = "identities"
    doc_zh = """表格或总计为 0，而其组成部分或报告正文显示并非如此。三种情形：

    * 正文称未收到申请（“未收到政府信息公开申请”“本年度无依申请公开”等），而申请情况表“一、本年新收”
      大于 0；或正文称未发生行政复议、行政诉讼，而复议诉讼情况表有案件；
    * 正文列出收到或办结的申请数（“收到政府信息公开申请 N 件”“办结 N 件”等，N > 0），而申请情况表
      全部为 0；
    * 总计为 0 而组成部分不为 0：某行总计为 0 但有申请人单元格不为 0；某列（七）总计为 0 但有办理
      结果不为 0；复议、诉讼某栏总计为 0 但有结果不为 0。这些情形只在此报告一次，GX202–GX204
      不再重复。

    只识别 docs/wordings.md 中列出的措辞，只使用能确定对齐的行；空白单元格视为未知数，不当作 0。"""

    messages = {
        "zero_total": Message(
            zh="{table}{where}为 0，但其组成部分不为 0：{parts}",
            en="{table}, {where} is 0 while its parts are not: {parts}",
            fix_zh="总计应为各组成部分之和",
            fix_en="the total should be the sum of its parts",
        ),
        "row_total": Message(zh="“{label}”行总计", en="the total of row “{label}”"),
        "block_total": Message(zh="“{block}”栏总计", en="the total of block “{block}”"),
        "column_total": Message(zh="“{column}”列{label}", en="column “{column}”, row “{label}”"),
        "part": Message(zh="{label}（{value}）", en="{label} ({value})"),
        "none_received": Message(
            zh="正文“{phrase}”称未收到申请，但申请情况表{row}（本年新收）{value}",
            en="the text “{phrase}” says no applications were received, but the applications table's {row} "
            "(received this year) is {value}",
            fix_zh="核对正文与申请情况表，使两者一致",
            fix_en="make the text and the applications table agree",
        ),
        "none_reviewed": Message(
            zh="正文“{phrase}”称没有复议或诉讼，但{table}中{blocks}",
            en="the text “{phrase}” says there were no reviews or lawsuits, but in the {table} {blocks}",
            fix_zh="核对正文与复议诉讼情况表，使两者一致",
            fix_en="make the text and the review/litigation table agree",
        ),
        "block_count": Message(zh="“{block}”栏总计为 {value}", en="the total of block “{block}” is {value}"),
        "counted": Message(
            zh="正文“{phrase}”称有 {n} 件申请，但申请情况表全部为 0（{first}{first_value}，{total}{total_value}）",
            en="the text “{phrase}” counts {n} applications, but every number in the applications table is 0 "
            "({first} is {first_value}, {total} is {total_value})",
            fix_zh="核对正文与申请情况表，使两者一致",
            fix_en="make the text and the applications table agree",
        ),
    }

    def check(self, report, ctx):
        apps = applications(report, ctx)
        reviews = [Review(t, trusted_rows(t)) for t in template_tables(report, REVIEW_LITIGATION) if t.rows]
        yield from self._zero_totals(report, ctx)
        if not apps and not reviews:
            return
        for denial in denials(report, ctx):
            if denial.kind == "applications" and apps:
                yield from self._none_received(report, ctx, denial, apps[0])
            elif denial.kind == "reviews" and reviews:
                yield from self._none_reviewed(report, ctx, denial, reviews[0])
        if apps and all(a.zero() for a in apps):
            for claim in claims(report, ctx):
                if claim.kind in TOTALS and claim.number > 0:
                    one, seven = apps[0].q("cn:1"), apps[0].q("paren:7")
                    yield ctx.say(
                        claim.span(report.source),
                        "counted",
                        phrase=claim.phrase,
                        n=claim.number,
                        first=one.name,
                        first_value=one.says(),
                        total=seven.name,
                        total_value=seven.says(),
                    )

    # -- text that says none ---------------------------------------------------------------------
    @staticmethod
    def _none_received(report, ctx, denial, applications):
        one = applications.q("cn:1")
        if one.lo > 0:
            yield ctx.say(
                denial.span(report.source),
                "none_received",
                phrase=denial.phrase,
                row=one.name,
                value=one.says(" 件"),
            )

    @staticmethod
    def _none_reviewed(report, ctx, denial, review):
        found = [(k, review.block(k)) for k in review.named(denial.blocks) if review.block(k)[0] > 0]
        if not found:
            return
        counts = [ctx.phrase("block_count", block=k, value=fmt(v[0])) for k, v in found]
        yield ctx.say(
            denial.span(report.source),
            "none_reviewed",
            phrase=denial.phrase,
            table=Phrase(*table_name(review.table)),
            blocks=Phrase("、".join(p.zh for p in counts), ", ".join(p.en for p in counts)),
        )

    # -- zero totals beside non-zero parts -------------------------------------------------------
    def _zero_totals(self, report, ctx):
        for table in report.tables:
            if table.kind not in (APPLICATIONS, REVIEW_LITIGATION) or not table.template:
                continue
            tmpl = template_of(table, ctx)
            by_row, by_column = _totals(tmpl, table.kind)
            if not by_row and not by_column:
                continue
            rows = trusted_rows(table)
            # a part above 0 stands in a row with a number above 0: only those rows can give a finding
            positive = {key: row for key, row in rows.items() if _positive(row)}
            if not positive:
                continue
            name = Phrase(*table_name(table))
            for total_column, right in by_row:
                for row in positive.values():
                    total = row.cell(total_column)
                    if not _zero_cell(total):
                        continue  # the parts and the place are words for a finding: only then
                    parts = [row.cell(c) for c in right]
                    where = partial(self._row_where, ctx, tmpl, table, row)
                    yield from self._zero(ctx, total, list(zip(right, parts)), where, name)
            for total_row, right in by_column:
                if total_row not in rows:
                    continue
                named = [(short_label(tmpl, k), positive[k]) for k in right if k in positive]
                if not named:
                    continue
                for column in rows[total_row].columns:
                    total = rows[total_row].cell(column)
                    if not _zero_cell(total):
                        continue
                    parts = [(label, row.cell(column)) for label, row in named]
                    where = partial(
                        ctx.phrase, "column_total", column=column, label=short_label(tmpl, total_row)
                    )
                    yield from self._zero(ctx, total, parts, where, name)

    @staticmethod
    def _row_where(ctx, tmpl, table, row) -> Phrase:
        if table.kind == REVIEW_LITIGATION:
            return ctx.phrase(
                "block_total", block=row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"
            )
        return ctx.phrase("row_total", label=short_label(tmpl, row.key))

    @staticmethod
    def _zero(ctx, total: Cell | None, parts, where: Callable[[], Phrase], name: Phrase):
        """The finding on a zero ``total`` whose ``parts`` are not all zero; ``where`` words its place
        (asked only then: most zero totals have zero parts)."""
        if not _zero_cell(total):
            return
        nonzero = [(label, c) for label, c in parts if c is not None and c.status == "number" and c.value > 0]
        if not nonzero:
            return
        listed = [ctx.phrase("part", label=label, value=fmt(c.value)) for label, c in nonzero]
        yield ctx.say(
            total,
            "zero_total",
            table=name,
            where=where(),
            parts=Phrase("、".join(p.zh for p in listed), ", ".join(p.en for p in listed)),
        )


@lru_cache(maxsize=None)
def _totals(tmpl, kind: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """The template's totals of one part on ``kind`` tables: (total column, part columns) of each
    row's, (total row, part rows) of each column's (found once per template, not per report)."""
    by_row = []
    for ident in (*identities(tmpl, "row-total", kind), *identities(tmpl, "review-litigation-total", kind)):
        if ident.per == "row":
            left, right = ident.sides()
            if len(left) == 1:
                by_row.append((left[0], right))
    by_column = []
    for ident in identities(tmpl, "outcome-total", kind):
        if ident.per == "column":
            left, right = ident.sides(tmpl)
            if len(left) == 1:
                by_column.append((left[0], right))
    return by_row, by_column


def _positive(row: Row) -> bool:
    for cell in row.cells:
        if cell.status == "number" and cell.value is not None and cell.value > 0:
            return True
    return False


def _zero_cell(cell: Cell | None) -> bool:
    return cell is not None and cell.status == "number" and cell.value == 0
