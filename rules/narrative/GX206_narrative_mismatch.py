"""GX206: a number stated in the text disagrees with its table cell."""

from __future__ import annotations

import re

from os.path import commonprefix

from bisect import bisect_right

from gxlint.arith import fmt
from gxlint.lint.analyses.claims import (
    INF,
    TOTALS,
    applications,
    Claim,
    Documents,
    Quantity,
    Ranges,
    Review,
    Share,
    claims,
    plus,
    shares,
)
from gxlint.lint.analyses.tables import table_name, template_tables, trusted_rows
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import REVIEW_LITIGATION


class NarrativeMismatch(Rule):
    """A number stated in the text disagrees with its table cell.

    The report's text often repeats the tables' key numbers: applications received, handled and
    carried over, the outcomes (予以公开, 不予公开, 无法提供, 不予处理 …), 行政复议 and 行政诉讼 cases
    (and whether they were all upheld, 均获维持), 规范性文件 issued, repealed or in force, the
    decisions on 行政许可, 行政处罚 and 行政强制 (作出行政许可决定356件).  When the
    text and the table disagree, one of them is wrong.

    The text is read conservatively (the wordings read are listed in docs/wordings.md): a
    number counts only next to the words naming the cell, in the same clause, with a count unit, in
    a sentence about applications; subsets (当面申请, 自然人申请, 涉及…的申请), other years (上年,
    同比) and approximations (约, 近, 余) are skipped.  Only where the next clause plainly goes on
    with a 规范性文件 count, a verb and its number alone (制发行政规范性文件6件，废止3件), does that
    clause count too.  "收到申请 N 件" is accepted as either 一 or
    一 + 二 (many reports include those carried over); a sum with blank cells has no upper bound,
    so it only disagrees when its known part already exceeds the text's number.  Counts of
    applications against an all-zero table are GX205.  Where the table contradicts itself -- a
    row's 总计 is not the sum of its six cells, 三（七）总计 is not the sum of the outcome rows, or a
    复议/诉讼 block's 总计 is not the sum of its four results -- the text may agree with either: a
    text that gives what the row's cells (the outcome rows, the block's results) add up to is not
    called wrong, since the table's 总计 cell is (GX202, GX203, GX204 report it).  So too where
    those hold but 一 + 二 = 三（七）总计 + 四 does not: a text that gives one of those rows as the
    other three make it (结转下年度继续办理7件 where 四 is 8 and 一 + 二 − 三（七）总计 is 7) is not
    called wrong; GX201 reports the table, on that row's cell.

    A row whose run-together digits can be split in more than one way (GX003) still limits its
    cells: a number the text states that no valid split gives is reported (现行有效行政规范性文件
    393 件 against ``77132470``, whose last cell can only be 0, 70, 470, 2470, 32470 or 132470).

    A stated share -- 予以公开 N 件，占 P% -- is checked against its base: the text's own total of
    applications received or answered, or the table's 一, 一 + 二 or 三（七）总计.  When no base
    gives P% at the precision it is written with (rounded or cut: 31.25% may be 31.3%, 31.2% or
    31%), the finding names the share and the figure the base gives: the base the wording names
    (the total 其中 refers to, as 收到申请9件 in 收到申请9件，其中予以公开5件，占…; the total named
    after 占, as in 占办结总数的), else the text's 办结/答复 total, else the table's.  A share of something else
    (占全部公文的 …) is not checked.

    Anti-pattern::

        本年度共收到政府信息公开申请 16 件。
        一、本年新收政府信息公开申请数量	10	2	0	0	1	0	13
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0

    Best practice::

        本年度共收到政府信息公开申请 13 件。
        一、本年新收政府信息公开申请数量	10	2	0	0	1	0	13
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0
    """

    code = "GX206"
    name = "narrative-mismatch"
    severity = "warning"
    summary = "a number stated in the text disagrees with its table cell"
    summary_zh = "正文所述数字与表格不一致"
    spec = "identities"
    doc_zh = """正文所述数字与对应的表格单元格不一致。报告正文常复述表格的关键数字：收到、办结、结转的申请数，
    办理结果（予以公开、不予公开、无法提供、不予处理等），行政复议、行政诉讼案件数（以及是否“均获
    维持”），规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决定数（“作出行政许可决定356件”）。两者不一致，必有一处有误。

    正文按保守方式识别（可识别的措辞见 docs/wordings.md）：数字必须紧跟指明该单元格的词语、
    在同一分句中、带计数单位，且所在句子讲的是申请；涉及部分申请（当面申请、自然人申请、涉及……的
    申请）、其他年份（上年、同比）和约数（约、近、余）的一律跳过。只有紧接规范性文件件数的下一分句
    仅由动词和数字组成、明显承接前文时（“制发行政规范性文件6件，废止3件”），该分句也一并核对。“收到申请 N 件”既可对应“一”也可
    对应“一 + 二”（很多报告把上年结转计入）；含空白单元格的合计没有上限，只有已知部分已超过正文
    数字时才报告。申请情况表全部为 0 而正文列出申请数的情形由 GX205 报告。表格自相矛盾时（某行总计
    不等于六类申请人之和，三（七）总计不等于各项办理结果之和，或复议、诉讼某一栏的总计不等于四项结果
    之和），正文与其中任一种算法一致即不报告：错的是表格中的总计单元格（由 GX202、GX203、GX204 报告）。
    上述关系成立、而“一 + 二 = 三（七）总计 + 四”不成立时同样如此：正文所述某一项恰为其他三项按此
    关系推得的数（如四为 8，一 + 二 − 三（七）总计为 7，正文称“结转下年度继续办理7件”）即不报告，
    由 GX201 报告表格，并标注在该项的单元格上。

    网页把一行数字连在一起、拆分方式不止一种（GX003）时，该行单元格并非完全未知：正文所述数字若在
    任何有效拆分下都不可能出现，同样报告（如正文称现行有效行政规范性文件 393 件，而该行连写为
    ``77132470``，“现行有效件数”只可能是 0、70、470、2470、32470 或 132470）。

    正文所述比例（“予以公开 N 件，占 P%”）按其基数核对：正文自述的收到或答复申请总数，或表中
    一、一 + 二、三（七）总计。若没有任何基数能按所写精度得出该比例（允许四舍五入
    或截断：31.25% 可写作 31.3%、31.2% 或 31%），则报告所写比例和按基数算出的比例：基数取措辞所指的
    总数（“其中”所指的总数，如“收到申请9件，其中予以公开5件，占……”中的 9 件；“占”后点明的总数，如
    “占办结总数的”），其次取正文的办结、答复总数，再次取表中数字。占其他事项的比例
    （“占全部公文的”）不核对。"""

    messages = {
        "mismatch": Message(
            zh="正文“{phrase}”与表格不符：{where}{table}{note}",
            en="the text “{phrase}” disagrees with the table: {where}{table}{note}",
            fix_zh="核对正文与表格，使两者一致",
            fix_en="make the text and the table agree",
        ),
        "in_table": Message(zh="{table}中", en="in the {table}, "),
        "attribute_note": Message(
            zh="；如此处指公文的公开属性，建议改写以免与申请数混淆",
            en="; if it means the documents' disclosure attribute, reword it so it does not read as a count of "
            "applications",
        ),
        "each": Message(zh="{name}{value}", en="{name} is {value}"),
        "all_same": Message(zh="{names}均{value}", en="{names} are all {value}"),
        "maintained": Message(
            zh="正文称“{phrase}”，但{table}中并非全部维持：{cells}",
            en="the text says “{phrase}” (all upheld), but the {table} shows otherwise: {cells}",
            fix_zh="按表格如实表述复议、诉讼结果（含尚未审结的案件）",
            fix_en="state the review and litigation results as the table gives them (including cases not yet closed)",
        ),
        "open_cells": Message(zh="“{block}”栏{cells}", en="block “{block}”: {cells}"),
        "open_cell": Message(zh="{column} {value} 件", en="{column} {value}"),
        "share": Message(
            zh="正文“{phrase}”所写比例与基数不符：{n} 件占 {base} 件（{base_name}）的 {actual}%，而不是 {written}%",
            en="the text “{phrase}” gives {written}%, but {n} of {base} ({base_name}) is {actual}%",
            fix_zh="按基数重新计算百分比，或写明所用的基数",
            fix_en="recompute the percentage from its base, or name the base used",
        ),
        "text_base": Message(zh="正文“{phrase}”", en="the text's “{phrase}”"),
        "table_base": Message(zh="{table}{row}", en="{table}, {row}"),
    }

    def check(self, report, ctx):
        apps = applications(report, ctx)
        reviews = [
            Review(t, trusted_rows(t), ctx) for t in template_tables(report, REVIEW_LITIGATION) if t.rows
        ]
        all_zero = bool(apps) and all(a.zero() for a in apps)
        # a claim is compared with every table of its kind (a file may hold several reports): each
        # table's candidates are computed once per kind of claim and merged into one set of ranges,
        # so that the work grows with the number of claims plus the number of tables, not their product
        app_ranges = Ranges(apps)
        review_ranges = Ranges(reviews)
        documents = Ranges([Documents(report, ctx)])
        for claim in claims(report, ctx):
            if claim.kind in ("review", "litigation", "cases"):
                if reviews:
                    yield from self._compare(report, ctx, claim, review_ranges, table_name(reviews[0].table))
            elif claim.kind == "maintained":
                if reviews:
                    yield from self._maintained(report, ctx, claim, reviews[0])
            elif claim.kind in ("documents", "decisions"):
                yield from self._compare(report, ctx, claim, documents, ("", ""))
            elif apps:
                if all_zero and claim.kind in TOTALS and claim.number > 0:
                    continue  # GX205
                if claim.kind == "on_request" and claim.detail == "attributes" and not all_zero:
                    continue  # 公文 counted by disclosure attribute: only a table of no applications at all contradicts it
                yield from self._compare(report, ctx, claim, app_ranges, table_name(apps[0].table))
        yield from self._percentages(report, ctx, apps)

    # -- percentages against their base -----------------------------------------------------------
    def _percentages(self, report, ctx, apps):
        """A stated share (N 件，占 P%) that no base the report gives can produce: not the text's own
        totals in that paragraph (收到/办结/答复 … N 件), nor the applications tables' 一, 一 + 二
        or 三（七）总计.  The percentage may be rounded or cut at the precision it is written with
        (31.25% may be written 31.3%, 31.2% or 31%, not 32%)."""
        found = shares(report, ctx)
        if not found:
            return  # the tables' bases are words for a finding: none without a share
        table_bases: list[tuple[float, Phrase]] = []
        for a in apps:
            name = table_name(a.table)
            one, two = a.q("cn:1"), a.q("cn:2")
            for q in (a.q("paren:7"), one, plus(one, two)):
                if q.lo == q.hi != INF:
                    table_bases.append((q.lo, ctx.phrase("table_base", table=Phrase(*name), row=q.name)))
        sorted_table = sorted(b for b, _ in table_bases)
        for share in found:
            f = self._percentage(report, ctx, share, sorted_table, table_bases)
            if f is not None:
                yield f

    def _percentage(self, report, ctx, share: Share, sorted_table, table_bases):
        n, written, stated = share.number, share.written, share.percent
        unit = 10.0**-share.decimals
        if n == 0 or stated <= 0:
            return None
        text_bases = [(float(c.number), c) for c in share.totals if c.number >= n]
        if not text_bases and not sorted_table:
            return None
        # the true share 100n/b, rounded or cut to the written decimals, gives the written figure
        # when stated - unit/2 <= 100n/b < stated + unit: b lies between these two
        low = 100.0 * n / (stated + unit + 1e-9)
        high = 100.0 * n / (stated - unit / 2 - 1e-9) if stated - unit / 2 > 1e-9 else INF
        if any(low < b <= high for b, _ in text_bases):
            return None
        i = bisect_right(sorted_table, low)
        if i < len(sorted_table) and sorted_table[i] <= high:
            return None
        # the base a reader would take: the total the wording names (其中 after it, 占办结…), else
        # the text's own total (办结/答复 for outcomes), else the table's
        base = base_name = None
        named = share.base
        if named is not None and named.number >= n:
            base, base_name = float(named.number), ctx.phrase("text_base", phrase=named.phrase)
        for kind in ("handled", "workload", "received") if base is None else ():
            for b, c in text_bases:
                if c.kind == kind:
                    base, base_name = b, ctx.phrase("text_base", phrase=c.phrase)
                    break
            if base is not None:
                break
        if base is None:
            fitting = [(b, name) for b, name in table_bases if b >= n]
            if not fitting:
                return None
            base, base_name = fitting[0]
        actual = 100.0 * n / base
        text = share.text
        phrase = text.original(max(share.clause_start, share.start - 30), share.end)
        return ctx.say(
            share.span(report.source),
            "share",
            phrase=phrase,
            n=n,
            base=fmt(base),
            base_name=base_name,
            actual=f"{actual:.{max(2, share.decimals + 1)}f}",
            written=written,
        )

    # -- a claim against the tables --------------------------------------------------------------------
    def _compare(self, report, ctx, claim: Claim, ranges: Ranges, name: tuple[str, str]):
        cands = ranges.mismatch(claim)
        if cands is None:
            return
        where = ctx.phrase("in_table", table=Phrase(*name)) if name[0] else ""
        note = ctx.phrase("attribute_note") if claim.kind == "on_request" else ""
        yield ctx.say(
            claim.span(report.source),
            "mismatch",
            phrase=claim.phrase,
            where=where,
            table=self._describe(ctx, cands),
            note=note,
        )

    @staticmethod
    def _describe(ctx, cands: list[Quantity]) -> Phrase:
        """The table's side of a mismatch: "一为 12；一 + 二为 13", or "一、一 + 二均为 0" when they agree."""
        values = {(q.lo, q.hi, q.values) for q in cands}
        if len(values) == 1 and len(cands) > 1:
            return ctx.phrase("all_same", names=_cells_named(cands), value=cands[0].says())
        each = [ctx.phrase("each", name=_quoted(q), value=q.says()) for q in cands]
        return Phrase("；".join(p.zh for p in each), "; ".join(p.en for p in each))

    def _maintained(self, report, ctx, claim: Claim, review: Review):
        found = review.not_maintained(claim.detail)
        if not found:
            return
        by_block: dict[tuple[str, str], list] = {}  # each block named once, its cells after it
        for zh, en, c in found:
            by_block.setdefault((zh, en), []).append(
                ctx.phrase("open_cell", column=c.column, value=fmt(c.value or 0))
            )
        cells = [
            ctx.phrase(
                "open_cells",
                block=Phrase(zh, en),
                cells=Phrase("、".join(p.zh for p in parts), ", ".join(p.en for p in parts)),
            )
            for (zh, en), parts in by_block.items()
        ]
        yield ctx.say(
            claim.phrase_span(report.source),
            "maintained",
            phrase=claim.phrase,
            table=Phrase(*table_name(review.table)),
            cells=Phrase("；".join(p.zh for p in cells), "; ".join(p.en for p in cells)),
        )


#: a name that starts with a row's numbering (一, 一 + 二, 三（七）总计, （三）不予公开) rather than words
_NUMBERED_NAME = re.compile(r"[一二三四五六七八九十]+(?:[ +（]|$)|（[一二三四五六七八九十]+）")


def _quoted(q: Quantity) -> Phrase:
    """A quantity's name alone, quoted when it starts with a row's numbering: 表中“一”为 16, not
    表中一为 16 (which reads as “in the table, one is 16”)."""
    if "“" in q.zh or not _NUMBERED_NAME.match(q.zh):
        return q.name
    return Phrase(f"“{q.zh}”", q.en)


def _cells_named(cands: list[Quantity]) -> Phrase:
    """Cells of one table and row named once with their columns (“规范性文件”行“本年新制作数量”、
    “本年新公开数量”), else each by its whole name."""
    zh, en = [c.zh for c in cands], [c.en for c in cands]
    k, j = commonprefix(zh).rfind("行“"), commonprefix(en).rfind(", column “")
    if k > 0 and j > 0:
        return Phrase(
            zh[0][: k + 1] + "、".join(z[k + 1 :] for z in zh),
            en[0][:j] + ", columns " + ", ".join(e[j + len(", column ") :] for e in en),
        )
    # a bare row number before 、 reads as the row's label (一、一 + 二均为 7): quoted, “一”“一 + 二”;
    # names that carry their own quotes keep the 、 between them
    if any("“" in z for z in zh):
        return Phrase("、".join(zh), ", ".join(en))
    return Phrase("".join(f"“{z}”" for z in zh), ", ".join(en))
