"""GX502 in-force-count: this year's 现行有效件数 should be last year's + 本年制发件数 − 本年废止件数."""

from __future__ import annotations

from gxlint.arith import fmt
from gxlint.lint.analyses.crossyear import certain_row, first_table, known_cell
from gxlint.lint.analyses.tables import row_unread
from gxlint.lint.rule import Message, Rule
from gxlint.model import ACTIVE_DISCLOSURE, Cell, Row

from ._common import YEAR, file_name, year_of

_IN_FORCE = ("本年制发件数", "本年废止件数", "现行有效件数")
_ITEMS = ("上一年项目数量", "本年增/减")


class InForceCount(Rule):
    """This year's 现行有效件数 should be last year's, plus 本年制发件数, minus 本年废止件数.

    In the 2021 format's table for 第二十条第（一）项, the documents in force at the end of the year
    (现行有效件数) are those in force a year earlier -- last year's report's 现行有效件数 -- plus the
    ones issued this year, minus the ones repealed this year.  The rule checks the rows 规章 and
    行政规范性文件.  It is a warning, not an error: an office that re-counts its documents (a
    clean-up of old documents, documents that expired without a repeal) legitimately breaks the
    identity; the report should then say so.

    In the 2019 format, the tables for 第二十条第（五）（六）（八）项 give the number of items last
    year (上一年项目数量) and this year's change (本年增/减): this year's 上一年项目数量 should be
    last year's 上一年项目数量 plus last year's 本年增/减.  The 2019 table for （一）项 has no
    repeal column (its 对外公开总数量 may fall when documents are repealed), so it is not
    checked, and a 2019-format report is not compared with a 2021-format one (their columns count
    different things).  Any blank or unreadable cell among the numbers involved keeps the rule
    silent.

    Anti-pattern::

        上年报告（2020年）：规章	0	0	3
        本年报告（2021年）：
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	1	0	2

    Best practice::

        上年报告（2020年）：规章	0	0	3
        本年报告（2021年）：
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	1	0	4
    """

    code = "GX502"
    name = "in-force-count"
    severity = "warning"
    uses_previous = True
    summary = (
        "the documents in force ≠ last year's in force + those issued − those repealed this year "
        "(2019 format: last year's item count ≠ the year before's + its change; needs last year's report)"
    )
    summary_zh = (
        "现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数（2019 年格式：上一年项目数量 ≠ "
        "上年报告的上一年项目数量 + 本年增/减；需要上年报告）"
    )
    spec = "across-years, active-disclosure"
    doc_zh = """本年的现行有效件数应等于上年报告的现行有效件数，加本年制发件数，减本年废止件数。

    2021 年格式第二十条第（一）项表中，年末现行有效的文件（现行有效件数）就是一年前现行有效的文件
    （上年报告的现行有效件数），加上本年制发的，减去本年废止的。本规则检查“规章”和“行政规范性文件”两行。
    这是警告而不是错误：机关重新清理、核定文件数量（集中清理旧文件、文件到期失效而未废止）时会合理地
    打破这一关系，此时报告应加以说明。

    2019 年格式第二十条第（五）（六）（八）项表给出上一年项目数量和本年增/减：本年的上一年项目数量应等于
    上年报告的上一年项目数量加上年报告的本年增/减。2019 年格式（一）项表没有废止列（废止文件后对外公开
    总数量可能减少），不检查；2019 年格式的报告也不与 2021 年格式的报告比较（两者的列统计的不是同一件事）。
    所涉数字中有空白或无法读取的单元格时，本规则不报告。"""

    messages = {
        "in_force": Message(
            zh="主动公开情况表第二十条第（一）项“{row}”：本报告（{here}）现行有效件数为 {n}，而按上年报告 {there}"
            "{last_year}的现行有效件数 {b} + 本年制发件数 {i} − 本年废止件数 {r} 应为 {e}；"
            "如本年重新清理核定了现行有效件数，两者可以不同，请在报告中说明",
            en="active-disclosure table, item “第二十条第（一）项”, row “{row}”: this report ({here}) has {n} "
            "documents in force (“现行有效件数”), but last year's report {there}{last_year} had {b} in force; "
            "plus {i} issued (“本年制发件数”) minus {r} repealed (“本年废止件数”) makes {e}; a re-count of the "
            "documents in force can explain the difference, which the report should then state",
            fix_zh="核对“{row}”的现行有效件数（应为 {e}），或在报告中说明重新核定的原因",
            fix_en="check the number in force for “{row}” (expected {e}), or explain the re-count in the report",
        ),
        "items": Message(
            zh="主动公开情况表{section}“{row}”：本报告（{here}）上一年项目数量为 {n}，而上年报告 {there}"
            "{last_year}的上一年项目数量 {b} + 本年增/减 {c} = {e}；如本年重新核定了项目数量，"
            "两者可以不同，请在报告中说明",
            en="active-disclosure table, {section}, row “{row}”: this report ({here}) gives {n} items last "
            "year (“上一年项目数量”), but last year's report {there}{last_year} had {b} items and a change "
            "(“本年增/减”) of {c}, which makes {e}; a re-count can explain the difference, which the report "
            "should then state",
            fix_zh="核对“{row}”的上一年项目数量（应为 {e}），或在报告中说明重新核定的原因",
            fix_en="check the items last year (“上一年项目数量”) of “{row}” (expected {e}), or explain the "
            "re-count in the report",
        ),
        "year": YEAR,
    }

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        mine, theirs = first_table(report, ACTIVE_DISCLOSURE), first_table(previous, ACTIVE_DISCLOSURE)
        if mine is None or theirs is None:
            return
        for row in mine.rows:
            if row_unread(mine, row):
                continue
            last = certain_row(theirs, lambda key, want=row.key: key == want)
            if last is None:
                continue
            if all(c in row.columns for c in _IN_FORCE) and _IN_FORCE[2] in last.columns:
                yield from self._in_force(ctx, report, previous, row, last)
            elif _ITEMS[0] in row.columns and all(c in last.columns for c in _ITEMS):
                yield from self._items(ctx, report, previous, row, last)

    def _in_force(self, ctx, report, previous, row: Row, last: Row):
        issued, repealed, now = (known_cell(row, c) for c in _IN_FORCE)
        values = _numbers(issued, repealed, now, known_cell(last, _IN_FORCE[2]))
        if values is None or now is None:
            return
        issued_n, repealed_n, now_n, before_n = values
        expected = before_n + issued_n - repealed_n
        if abs(now_n - expected) < 1e-9:
            return
        n, b, i, r, e = (fmt(x) for x in (now_n, before_n, issued_n, repealed_n, expected))
        yield ctx.say(
            now,
            "in_force",
            row=row.key,
            here=file_name(report),
            there=file_name(previous),
            last_year=year_of(ctx, previous),
            n=n,
            b=b,
            i=i,
            r=r,
            e=e,
            key=f"in-force:{row.key}",
        )

    def _items(self, ctx, report, previous, row: Row, last: Row):
        now = known_cell(row, _ITEMS[0])
        values = _numbers(now, known_cell(last, _ITEMS[0]), known_cell(last, _ITEMS[1]))
        if values is None or now is None:
            return
        now_n, before_n, change_n = values
        expected = before_n + change_n
        if abs(now_n - expected) < 1e-9:
            return
        n, b, c, e = (fmt(x) for x in (now_n, before_n, change_n, expected))
        yield ctx.say(
            now,
            "items",
            section=row.section or "",
            row=row.key,
            here=file_name(report),
            there=file_name(previous),
            last_year=year_of(ctx, previous),
            n=n,
            b=b,
            c=c,
            e=e,
            key=f"items:{row.key}",
        )


def _numbers(*cells: Cell | None) -> list[float] | None:
    """The numbers of cells that each hold one (see known_cell), or None when any does not."""
    out = []
    for cell in cells:
        if cell is None or cell.value is None:
            return None
        out.append(cell.value)
    return out
