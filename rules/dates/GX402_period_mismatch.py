"""GX402 period-mismatch: the stated period is not 1 January - 31 December of the report's year."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from gxlint.chinese import PeriodReading, read_period as _read_period, year_number
from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.period import title_year, whole_year_statement, yearless_statement
from gxlint.lint.rule import Message, Phrase, Rule

#: the fix of every message that knows the report's year
_FIX = {
    "fix_zh": "统计期限应为{year}年1月1日至{year}年12月31日",
    "fix_en": "the period is {year}-01-01 to {year}-12-31",
}


#: the months as the English messages name them (not the locale's: a message is the same everywhere)
_MONTHS = dict(
    enumerate(
        "January February March April May June July August September October November December".split(), 1
    )
)


def _day(month: int, day: int) -> Phrase:
    """A day of a year not named: ``11 月 30 日`` / ``30 November``."""
    return Phrase(f"{month} 月 {day} 日", f"{day} {_MONTHS.get(month, f'month {month}')}")


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "?"


@lru_cache(maxsize=1024)
def read_period(text: str) -> PeriodReading | None:
    """:func:`gxlint.chinese.read_period` (its reading is immutable), once per text: the same few
    period statements are written in report after report."""
    return _read_period(text)


class PeriodMismatch(Rule):
    """The stated statistics period is not 1 January – 31 December of the report's year.

    The annual report covers the calendar year (articles 49–50 of the regulation: the previous
    year's work).  Reported, in one finding per period statement that lists what is wrong and the
    dates that could be read:

    - a period that starts or ends on another day (``2020年1月1日至2020年11月30日``, also
      ``数据统计截至2021年11月30日``), or that spans two years;
    - a period whose year is not the report's (a 2021 report with a 2020 period is usually last
      year's sentence copied forward).  The report's year is decided from all the evidence: when
      the title and the period disagree, the tables' format and the signature's and publication's
      dates decide which one is the odd one out.  A title left from last year's report is GX106,
      and then the period that agrees with the rest of the report is not reported here;
    - a statement that is there but cannot be read whole: an impossible date (``2月30日``), a
      missing day (``12月日``) or end, or digits run together without 年 and 月 that split more
      than one way (``2021111日``: 1月11日 or 11月1日);
    - dates that name no year (``统计期限为1月1日至11月30日``): a warning when they are 1 January and
      31 December, else an error that names the wrong day;
    - 年 and 月 lost between the digits (``自202111日起至20211231日止``, read as 2021-01-01 to
      2021-12-31): the digits are split the one way that makes a valid date.  When that is all
      that is wrong, the finding is a warning (the dates are right, their writing is not).

    Anti-pattern::

        示例县教育局2021年政府信息公开工作年度报告
        本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。

    Best practice::

        示例县教育局2021年政府信息公开工作年度报告
        本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。
    """

    code = "GX402"
    name = "period-mismatch"
    severity = "error"
    summary = "the stated period is not 1 January – 31 December of the report's year"
    summary_zh = "统计期限不是报告年度的1月1日至12月31日"
    doc_zh = """所述统计期限不是报告年度的1月1日至12月31日。

    年度报告涵盖一个自然年度（《条例》第四十九、五十条：上一年度的工作）。每个期限表述报告一条，
    列出全部问题和能读出的日期：

    - 起止日期不是1月1日和12月31日（如“2020年1月1日至2020年11月30日”，或“数据统计截至2021年
      11月30日”），或期限跨两个年度；
    - 期限的年度不是报告年度（2021年度报告写着2020年的期限，通常是照抄上一年的句子）。报告年度
      综合全部证据判断：标题与期限不一致时，由表格格式、落款日期和发布日期判断哪一个与其余不符。
      标题沿用了上一年的年度时由 GX106 报告，与报告其余部分一致的期限不在此报告；
    - 写了期限但读不完整：日期不存在（如“2月30日”）、缺日（“12月日”）或缺截止日期，或数字间
      没有“年”“月”字、可以有多种拆法（“2021111日”：1月11日或11月1日）；
    - 日期没有写年度（如“统计期限为1月1日至11月30日”）：起止日期为1月1日和12月31日的为警告，否则为
      错误并指出不对的日期；
    - 数字间的“年”“月”字丢失（“自202111日起至20211231日止”，读作2021-01-01至2021-12-31）：
      按能构成有效日期的唯一拆法读出。只有这一问题时为警告（日期正确，只是写法有误）。"""
    spec = "deadlines, good-practice"

    messages = {
        # a whole year stated ("统计期限为2020年度"), measured against the title's year or the report's
        "year_not_title": Message(
            zh="统计期限为 {said} 年，与标题中的 {year} 年不一致",
            en="the statistics period is the year {said}, but the title says {year}",
            **_FIX,
        ),
        "year_not_report": Message(
            zh="统计期限为 {said} 年，与报告年度 {year} 年不一致",
            en="the statistics period is the year {said}, but the report's year is {year}",
            **_FIX,
        ),
        # a period stated as dates: one finding, {problems} lists what is wrong
        "wrong": Message(
            zh="统计期限“{text}”有误{read}：{problems}",
            en="the statistics period “{text}”{read} is wrong: {problems}",
            **_FIX,
        ),
        "wrong_no_year": Message(
            zh="统计期限“{text}”有误{read}：{problems}",
            en="the statistics period “{text}”{read} is wrong: {problems}",
        ),
        # a period stated as days and months, with no year (统计期限为1月1日至11月30日)
        "no_year": Message(
            zh="统计期限“{text}”没有写明年度{problems}",
            en="the statistics period “{text}” states no year{problems}",
            fix_zh="统计期限应为{year}年1月1日至{year}年12月31日",
            fix_en="the period is {year}-01-01 to {year}-12-31",
        ),
        "no_year_start": Message(
            zh="；起始日期为 {date}，不是 1 月 1 日",
            en="; it starts on {date}, not 1 January",
        ),
        "no_year_end": Message(
            zh="；截止日期为 {date}，不是 12 月 31 日",
            en="; it ends on {date}, not 31 December",
        ),
        # {read}: the dates that could be read, when the statement is not written as it should be
        "read_range": Message(zh="（读作 {start} 至 {end}）", en=" (read as {start} to {end})"),
        "read_until": Message(zh="（读作 截至 {end}）", en=" (read as until {end})"),
        # {problems}, each naming a {role}
        "start_date": Message(zh="起始日期", en="start date"),
        "end_date": Message(zh="截止日期", en="end date"),
        "no_date": Message(zh="没有写明{role}", en="it states no {role}"),
        "invalid": Message(zh="{role}“{text}”不是有效日期", en="the {role} “{text}” is not a valid date"),
        "ambiguous": Message(
            zh="{role}“{text}”可读作 {readings}，无法确定",
            en="the {role} “{text}” reads as {readings}: it is ambiguous",
        ),
        "lost_one": Message(zh="日期{dates}缺少{marks}字", en="the date {dates} lacks {marks}"),
        "lost_many": Message(zh="日期{dates}缺少{marks}字", en="the dates {dates} lack {marks}"),
        "two_years": Message(
            zh="跨越 {first}、{last} 两个年度", en="it spans two years ({first} and {last})"
        ),
        "other_year_title": Message(
            zh="年度与标题中的 {year} 年不一致", en="its year differs from the title's {year}"
        ),
        "other_year_report": Message(
            zh="年度与报告年度 {year} 年不一致", en="its year differs from the report's year {year}"
        ),
        "late_start": Message(
            zh="起始日期为 {date}，不是 1 月 1 日", en="it starts on {date}, not 1 January"
        ),
        "early_end": Message(
            zh="截止日期为 {date}，不是 12 月 31 日", en="it ends on {date}, not 31 December"
        ),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        year = report.year
        if report.period is None:
            stated = whole_year_statement(report)
            if stated is None:
                yield from self._yearless(report, ctx, year)
                return
            if year is None:
                return
            para, m = stated
            said = year_number(m.group(1))
            if said != year:
                span = report.source.span(para.source_offset(m.start(1)), para.source_offset(m.end() - 1) + 1)
                against = "year_not_title" if title_year(report) == year else "year_not_report"
                yield ctx.say(span, against, said=said, year=year, key=f"period:{said}")
            return
        p = report.period
        reading = read_period(p.text)
        problems, unclear, lost = [], False, []
        for role, tok in (("start_date", reading and reading.start), ("end_date", reading and reading.end)):
            if tok is None:
                if role == "end_date" or reading is None or not reading.until:
                    problems.append(ctx.phrase("no_date", role=ctx.phrase(role)))
                    unclear = True
            elif not tok.dates:
                problems.append(ctx.phrase("invalid", role=ctx.phrase(role), text=tok.text))
                unclear = True
            elif len(tok.dates) > 1:
                isos = [d.isoformat() for d in tok.dates]
                problems.append(
                    ctx.phrase(
                        "ambiguous",
                        role=ctx.phrase(role),
                        text=tok.text,
                        readings=Phrase(" 或 ".join(isos), " or ".join(isos)),
                    )
                )
                unclear = True
            elif tok.lost:
                lost.append(tok)
        if lost:
            marks = [f"“{c}”" for c in dict.fromkeys("".join(t.lost for t in lost))]
            written = [f"“{t.text}”" for t in lost]
            problems.append(
                ctx.phrase(
                    "lost_many" if len(lost) > 1 else "lost_one",
                    dates=Phrase("、".join(written), ", ".join(written)),
                    marks=Phrase("、".join(marks), " and ".join(marks)),
                )
            )
        only_form = bool(problems) and not unclear  # so far: only 年/月 lost between digits
        start = reading.start.date if reading and reading.start else None
        end = reading.end.date if reading and reading.end else None
        years = reading.years if reading else ()
        if reading and reading.start and reading.end and len(years) > 1:
            problems.append(ctx.phrase("two_years", first=years[0], last=years[-1]))
        if year is not None and any(y != year for y in years):
            against = "other_year_title" if title_year(report) == year else "other_year_report"
            problems.append(ctx.phrase(against, year=year))
        if start is not None and (start.month, start.day) != (1, 1):
            problems.append(ctx.phrase("late_start", date=_iso(start)))
        if end is not None and (end.month, end.day) != (12, 31):
            problems.append(ctx.phrase("early_end", date=_iso(end)))
        if not problems:
            return
        only_form = only_form and len(problems) == 1
        if year is None:
            year = (end or start).year if (end or start) else None
        read = Phrase("", "")
        if lost or unclear:
            if reading is not None and reading.until:
                read = ctx.phrase("read_until", end=_iso(end))
            else:
                read = ctx.phrase("read_range", start=_iso(start), end=_iso(end))
        yield ctx.say(
            p.span,
            "wrong" if year is not None else "wrong_no_year",
            text=p.text,
            read=read,
            problems=Phrase("；".join(z for z, _ in problems), "; ".join(e for _, e in problems)),
            year=year,
            severity="warning" if only_form else None,
            key=f"period:{p.text}",
        )

    @staticmethod
    def _yearless(report, ctx, year):
        """The finding on a period stated as days and months with no year: a warning when the days
        are the year's first and last, an error when they are not."""
        found = yearless_statement(report)
        if found is None:
            return
        para, m, (sm, sd), (em, ed) = found
        problems = []
        if (sm, sd) != (1, 1):
            problems.append(ctx.phrase("no_year_start", date=_day(sm, sd)))
        if (em, ed) != (12, 31):
            problems.append(ctx.phrase("no_year_end", date=_day(em, ed)))
        at = m.start(1)
        span = report.source.span(para.source_offset(at), para.source_offset(m.end() - 1) + 1)
        yield ctx.say(
            span,
            "no_year",
            text=m.group(0)[at - m.start() :],
            problems=Phrase("".join(z for z, _ in problems), "".join(e for _, e in problems)),
            year=year or "××××",
            severity=None if problems else "warning",
            key=f"period:{m.group(0)}",
        )
