"""GX201-GX204, GX211: the arithmetic identities of the template tables (docs/format.md, Identities).

The identities are data: each rule reads the template's ``identities`` whose ``name`` is the rule's
name (grammar/templates/2019.json, inherited by 2021.json), so a province's template variant
changes what is checked without code.  Blank and malformed cells are *unknown* non-negative
numbers, never 0 (gxlint.arith.balance), and only rows the reader placed with certainty
(``Row.trusted``) take part: a row read by guessing or not at all stays out -- GX003 and GX210
report those.

A total that is 0 while its parts are not is reported once, by GX205 zero-total-consistency;
GX202-GX204 report the totals that are non-zero and wrong.

One finding per discrepancy: in the applications table the 总计 column is the sum of the six
applicant columns, so when a column identity fails in an applicant column it fails in 总计 by the
same amount.  When every cell involved is known and the 总计 column's difference is exactly the sum
of the applicant columns' differences, the 总计 column is not reported on its own: the finding on
the applicant column names its numbers too.
"""

from __future__ import annotations

from gxlint.arith import Balance, balance, fmt
from gxlint.model import Cell, Row, Table
from gxlint.rule import Rule
from gxlint.read.tables import identity_rows

from ._tables import (at_least, cell_en, cell_zh, group_of, identities, section_name, short_label, table_name,
                      template_of, template_tables, trusted_rows)


def _tail(b: Balance, left: tuple[str, str], right: tuple[str, str]) -> tuple[str, str]:
    """Why the two sides cannot be equal, in words; ``left``/``right`` name the sides (zh, en)."""
    if not b.left_unknown and not b.right_unknown:
        return (f"{left[0]}为 {fmt(b.left)}，{right[0]}为 {fmt(b.right)}",
                f"{left[1]} is {fmt(b.left)}, {right[1]} is {fmt(b.right)}")
    grows, full = (left, right) if b.left_unknown else (right, left)
    known, whole = (b.left, b.right) if b.left_unknown else (b.right, b.left)
    return (f"{grows[0]}的已知部分已达 {fmt(known)}，超过{full[0]}的 {fmt(whole)}；"
            f"空白或无效单元格无论填入什么非负数都无法相等",
            f"the known part of {grows[1]} is already {fmt(known)}, more than {full[1]} ({fmt(whole)}); "
            f"no non-negative value in the blank or invalid cells can make them equal")


def _zero_total(b: Balance) -> bool:
    """The total side is a known 0 and its parts are not: GX205 reports that."""
    return b.left_unknown == 0 and abs(b.left) < 1e-9


def _cells(rows: dict[str, Row], keys: list[str], column: str) -> list[Cell | None]:
    return [rows[k].cell(column) if k in rows else None for k in keys]


def _total_column(tmpl) -> tuple[str, list[str]] | None:
    """The applications table's row total: (its column, the columns it sums), from the template."""
    for ident in identities(tmpl, "row-total", "applications"):
        left, right = list(ident.get("left", [])), list(ident.get("right", []))
        if ident.get("per") == "row" and len(left) == 1 and right:
            return left[0], right
    return None


def _explained(total: str, parts: list[str], balances: dict[str, Balance]) -> bool:
    """Whether the total column's difference is exactly the sum of the part columns' differences
    (every cell known): the same error, seen again in the total column."""
    if total not in balances or not all(p in balances for p in parts):
        return False
    if any(balances[c].left_unknown or balances[c].right_unknown for c in (total, *parts)):
        return False
    diff = lambda c: balances[c].left - balances[c].right  # noqa: E731
    return abs(diff(total) - sum(diff(p) for p in parts)) < 1e-6


class _ColumnIdentity(Rule):
    """Base of the per-column identities of the applications table."""

    skip_zero_total = False
    #: which side holds the cell the finding is put on (the total)
    anchor = "left"

    def check(self, report, ctx):
        for table in template_tables(report, "applications"):
            tmpl = template_of(table, ctx)
            rows = trusted_rows(table)
            for ident in identities(tmpl, self.name, "applications"):
                if ident.get("per") != "column":
                    continue
                left, right = identity_rows(tmpl, ident, rows)
                if not left or not right or not any(k in rows for k in left + right):
                    continue
                columns = next(rows[k].columns for k in left + right if k in rows)
                balances: dict[str, Balance] = {}
                violated: dict[str, tuple] = {}
                for column in columns:
                    lc, rc = _cells(rows, left, column), _cells(rows, right, column)
                    b = balances[column] = balance(lc, rc)
                    if b.status != "violated" or (self.skip_zero_total and _zero_total(b)):
                        continue
                    order = (*rc, *lc) if self.anchor == "right" else (*lc, *rc)
                    where = next((c for c in order if c is not None), None) or table
                    violated[column] = (lc, rc, b, where)
                # one finding per discrepancy: the 总计 column repeats the applicant columns' error
                also, parts = None, ()
                split = _total_column(tmpl)
                if split is not None:
                    total, parts = split
                    if (total in violated and any(p in violated for p in parts)
                            and _explained(total, parts, balances)):
                        also = (total, violated.pop(total)[2])
                for column, (lc, rc, b, where) in violated.items():
                    extra = also if column in parts else None
                    yield self.report(ctx, table, tmpl, column, left, right, lc, rc, b, where, extra)

    def report(self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None):  # pragma: no cover
        raise NotImplementedError

    @staticmethod
    def also_clause(also, left_name: tuple[str, str], right_name: tuple[str, str]) -> tuple[str, str]:
        """“；“总计”列因此也不平衡（…）”: the total column's numbers, in the finding that explains them."""
        if also is None:
            return "", ""
        column, b = also
        tz, te = _tail(b, left_name, right_name)
        return (f"；“{column}”列因此也不平衡（{tz}）",
                f"; as a result column “{column}” does not balance either ({te})")


class ApplicationBalance(_ColumnIdentity):
    """Per column of the applications table, 一 + 二 must equal 三（七）总计 + 四.

    The template prints the rule in the table's own header: 本列数据的勾稽关系为：第一项加第二项之和，
    等于第三项加第四项之和 -- applications received this year plus those carried over from last year
    equal those handled plus those carried over to next year.  It holds in each of the seven
    columns, 总计 included.  A blank cell is an unknown number, not 0: the rule reports a column
    only when no value of its blank cells could balance it.

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
    summary = "per column of the applications table, 一 + 二 ≠ 三（七）总计 + 四"
    summary_zh = "申请情况表某列：一 + 二 ≠ 三（七）总计 + 四"
    spec = "identities"
    anchor = "right"
    doc_zh = """申请情况表每一列都必须满足：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）。

    这条勾稽关系印在模板表头：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，
    七列（含总计列）都适用。空白单元格视为未知的非负数而不是 0：只有当空白单元格无论填什么数
    都无法使该列平衡时才报告。规则内容取自模板数据（identities 中的 application-balance），
    省级模板变体无需改代码。"""

    def report(self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None):
        name_zh, name_en = table_name(table)
        lz = "+ ".join(f"{short_label(tmpl, k)}（{cell_zh(c)}）" for k, c in zip(left, lc))
        rz = "+ ".join(f"{short_label(tmpl, k)}（{cell_zh(c)}）" for k, c in zip(right, rc))
        le = " + ".join(f"{short_label(tmpl, k)} ({cell_en(c)})" for k, c in zip(left, lc))
        re_ = " + ".join(f"{short_label(tmpl, k)} ({cell_en(c)})" for k, c in zip(right, rc))
        lname = " + ".join(short_label(tmpl, k) for k in left)
        rname = " + ".join(short_label(tmpl, k) for k in right)
        tz, te = _tail(b, (lname, lname), (rname, rname))
        az, ae = self.also_clause(also, (lname, lname), (rname, rname))
        target_zh = f"{lname} = {rname}"
        return ctx.finding(
            where,
            zh=f"{name_zh}“{column}”列：{lz}≠ {rz}（{tz}）{az}；模板要求第一项加第二项之和等于第三项加第四项之和",
            en=f"{name_en}, column “{column}”: {le} ≠ {re_} ({te}){ae}; the template requires items 一 + 二 "
               f"to equal items 三 + 四",
            fix_zh=f"核对“{column}”列，使 {target_zh}", fix_en=f"check column “{column}” so that {target_zh}")


class OutcomeTotal(_ColumnIdentity):
    """Per column, 三（七）总计 must equal the sum of the outcome rows.

    （七）总计 counts every application handled this year, so it is the sum of （一）予以公开,
    （二）部分公开, the eight （三）不予公开 rows, the three （四）无法提供 rows, the five （五）不予处理
    rows and （六）其他处理 -- one row in the 2019 format, three sub-rows in the 2021 format.  The rows
    are the template's own (the leaves of 三、本年度办理结果), so each format is checked against its
    own layout.  Blank cells are unknown, never 0; a 总计 of 0 beside non-zero outcomes is
    reported by GX205 instead.

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
    summary = "（七）总计 ≠ the sum of the outcome rows, per column of the applications table"
    summary_zh = "申请情况表某列：（七）总计 ≠ 各项办理结果之和"
    spec = "identities"
    doc_zh = """申请情况表每一列的“（七）总计”必须等于各项办理结果之和：（一）予以公开 +（二）部分公开 +
    （三）不予公开 1–8 +（四）无法提供 1–3 +（五）不予处理 1–5 +（六）其他处理。2019 年格式的
    （六）只有一行，2021 年格式的（六）分为 3 个子行；参与求和的行取自模板（“三、本年度办理结果”
    下的各末级行），每种格式按各自的表样检查。空白单元格视为未知数而不是 0；总计为 0 而各项
    不为 0 的情形由 GX205 报告。"""

    skip_zero_total = True

    def report(self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None):
        name_zh, name_en = table_name(table)
        groups: dict[str, list[Cell | None]] = {}
        for k, c in zip(right, rc):
            groups.setdefault(group_of(tmpl, k) or k, []).append(c)
        parts_zh, parts_en = [], []
        for g, cells in groups.items():
            known = sum(c.value for c in cells if c is not None and c.status == "number")
            blank = any(c is None or c.status != "number" for c in cells)
            label = short_label(tmpl, g)
            parts_zh.append(f"{label} {fmt(known)}" + ("（另有空白）" if blank else ""))
            parts_en.append(f"{label} {fmt(known)}" + (" (plus blanks)" if blank else ""))
        total = " + ".join(short_label(tmpl, k) for k in left)
        tz, te = _tail(b, (total, total), ("各项办理结果之和", "the sum of the outcome rows"))
        az, ae = self.also_clause(also, (total, total), ("各项办理结果之和", "the sum of the outcome rows"))
        return ctx.finding(
            where,
            zh=f"{name_zh}“{column}”列：{total}（{' + '.join(cell_zh(c) for c in lc)}）≠ 各项办理结果之和："
               f"{' + '.join(parts_zh)}（{tz}）{az}",
            en=f"{name_en}, column “{column}”: {total} ({' + '.join(cell_en(c) for c in lc)}) ≠ the sum of "
               f"the outcome rows: {' + '.join(parts_en)} ({te}){ae}",
            fix_zh=f"核对“{column}”列各项办理结果和{total}", fix_en=f"check the outcome rows and {total} in column “{column}”")


class _RowIdentity(Rule):
    """Base of the per-row identities (the row-total rules)."""

    table_kind = ""
    parts_name = ("其余各项之和", "the sum of the other cells")

    def check(self, report, ctx):
        for table in template_tables(report, self.table_kind):
            tmpl = template_of(table, ctx)
            idents = [i for i in identities(tmpl, self.name, self.table_kind) if i.get("per") == "row"]
            if not idents:
                continue
            for row in table.rows:
                if not row.trusted:
                    continue
                for ident in idents:
                    left, right = list(ident.get("left", [])), list(ident.get("right", []))
                    if not left or not all(row.cell(c) is not None for c in left + right):
                        continue
                    lc = [row.cell(c) for c in left]
                    rc = [row.cell(c) for c in right]
                    b = balance(lc, rc)
                    if b.status != "violated" or _zero_total(b):
                        continue
                    yield self.report(ctx, table, tmpl, row, left, right, lc, rc, b)

    def report(self, ctx, table, tmpl, row, left, right, lc, rc, b):
        name_zh, name_en = table_name(table)
        where_zh, where_en = self.where(tmpl, row)
        lz = "+ ".join(f"{c}（{cell_zh(x)}）" for c, x in zip(left, lc))
        le = " + ".join(f"{c} ({cell_en(x)})" for c, x in zip(left, lc))
        rz = "+ ".join(f"{c}（{cell_zh(x)}）" for c, x in zip(right, rc))
        re_ = " + ".join(f"{c} ({cell_en(x)})" for c, x in zip(right, rc))
        lname = " + ".join(left)
        tz, te = _tail(b, (lname, lname), self.parts_name)
        target = " + ".join(right)
        return ctx.finding(
            lc[0] if lc[0] is not None else row,
            zh=f"{name_zh}{where_zh}：{lz}≠ {rz}（{tz}）",
            en=f"{name_en}, {where_en}: {le} ≠ {re_} ({te})",
            fix_zh=f"{'、'.join(left)}应等于 {target}", fix_en=f"{', '.join(left)} should equal {target}")

    def where(self, tmpl, row: Row) -> tuple[str, str]:
        label = short_label(tmpl, row.key)
        return f"“{label}”行", f"row “{label}”"


class RowTotal(_RowIdentity):
    """A row's 总计 must equal the sum of its six applicant cells.

    In the applications table 总计 is the sum of 自然人, 商业企业, 科研机构, 社会公益组织,
    法律服务机构 and 其他, in every row.  A blank 总计 or blank applicant cells are unknown, not 0:
    a row whose 总计 is blank is never reported, and a row with blank applicant cells only when
    its known cells already exceed the total.  A 总计 of 0 beside non-zero cells is reported by
    GX205 instead.

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
    summary = "a row's 总计 ≠ the sum of its six applicant cells"
    summary_zh = "某行的总计 ≠ 六类申请人之和"
    spec = "identities"
    doc_zh = """申请情况表每一行的“总计”必须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、
    其他六列之和。空白的总计或空白的申请人单元格视为未知数而不是 0：总计为空白的行不报告；申请人
    单元格有空白的行，只有已知部分已超过总计时才报告。总计为 0 而其他单元格不为 0 的情形由
    GX205 报告。"""

    table_kind = "applications"
    parts_name = ("六类申请人之和", "the six applicant cells together")


class ReviewLitigationTotal(_RowIdentity):
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
    summary = "a 复议/诉讼 block's 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结"
    summary_zh = "复议、诉讼某一栏的总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
    spec = "identities, review-and-litigation"
    doc_zh = """行政复议、行政诉讼情况表分三栏：行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉），
    每栏五个单元格，第五个“总计”必须等于结果维持、结果纠正、其他结果、尚未审结四项之和。
    无法确定各数所在列的行（如 15 列写了 16 个数，或网页把数字连写而拆分方式不唯一）不检查，
    由 GX210 或 GX003 报告。总计为 0 而其他单元格不为 0 的情形由 GX205 报告。"""

    table_kind = "review_litigation"
    parts_name = ("四项结果之和", "the four results together")

    def where(self, tmpl, row: Row) -> tuple[str, str]:
        block = row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"
        return f"“{block}”栏", f"block “{block}”"


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
    summary = "主动公开 table values that cannot be right (negative counts, 现行有效件数 < 本年制发件数, …)"
    summary_zh = "主动公开情况表数值不合理（项目数为负、现行有效件数 < 本年制发件数等）"
    spec = "identities, active-disclosure"
    doc_zh = """主动公开情况表（第二十条各项）中不可能成立的数值。规则取自模板中名为 disclosure-consistency 的
    勾稽关系（逐行“左边 ≥ 右边”）：

    * 2021 年格式：现行有效件数不小于本年制发件数（本年制发的文件除当年废止外都现行有效）；
    * 2019 年格式：对外公开总数量不小于本年新公开数量；
    * 2019 年格式：上一年项目数量 + 本年增/减 不得为负数。

    空白或无效单元格视为未知数，只有无论取何值都不成立时才报告；无法确定对齐方式的行不检查。
    这些是软性检查（规范未明文规定），因此是警告。"""

    def check(self, report, ctx):
        for table in template_tables(report, "active_disclosure"):
            tmpl = template_of(table, ctx)
            idents = [i for i in identities(tmpl, self.name, "active_disclosure") if i.get("per") == "row"]
            for row in table.rows:
                if not row.trusted:
                    continue
                for ident in idents:
                    yield from self._check_row(ctx, table, row, ident)

    def _check_row(self, ctx, table: Table, row: Row, ident: dict):
        left, right = list(ident.get("left", [])), list(ident.get("right", []))
        if not left or not all(row.cell(c) is not None for c in left + right):
            return
        lc = [row.cell(c) for c in left]
        rc = [row.cell(c) for c in right]
        if ident.get("relation", "=") == ">=":
            if at_least(lc, rc) != "violated":
                return
            op = "<"
        else:
            if balance(lc, rc).status != "violated":
                return
            op = "≠"
        name_zh, name_en = section_name(table, row)
        lz = "+ ".join(f"{c}（{cell_zh(x)}）" for c, x in zip(left, lc))
        le = " + ".join(f"{c} ({cell_en(x)})" for c, x in zip(left, lc))
        if right:
            rz = "+ ".join(f"{c}（{cell_zh(x)}）" for c, x in zip(right, rc))
            re_ = " + ".join(f"{c} ({cell_en(x)})" for c, x in zip(right, rc))
        else:
            rz = re_ = "0"
        if len(left) > 1:
            total = fmt(sum(x.value for x in lc))
            lz, le = f"{lz}= {total}", f"{le} = {total}"
        why_zh, why_en = ident.get("zh", ""), ident.get("en", "")
        yield ctx.finding(
            lc[0],
            zh=f"{name_zh}“{row.key}”行：{lz}{'' if lz.endswith('）') else ' '}{op} {rz}" + (f"；{why_zh}" if why_zh else ""),
            en=f"{name_en}, row “{row.key}”: {le} {op} {re_}" + (f"; {why_en}" if why_en else ""),
            fix_zh="核对该行数字", fix_en="check the numbers of this row")
