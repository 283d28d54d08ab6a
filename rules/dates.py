"""GX4xx: the statistics period, dates inside the report, the closing signature and the deadline.

Deadlines and the organ kinds they depend on are format facts in grammar/deadlines.json (docs/format.md, Deadlines).
"""

from __future__ import annotations

import datetime as dt
import re

from gxlint.model import Span
from gxlint.rule import Rule
from gxlint.templates import deadlines
from gxlint.chinese import DATE_CN, DATE_ISO, WHOLE_YEAR, make_date, norm, read_period, year_in

from .input import is_report
from .structure import chapter_template, cutoff

# "统计期限为2021年度" / "统计时间：2021年全年": a whole-year statement without the two dates
_YEAR_PERIOD = WHOLE_YEAR


def _checkable(report) -> bool:
    return report.readable and bool(report.source.text.strip()) and is_report(report)


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "?"


def title_year(report) -> int | None:
    """The year the title names (``2021年``, ``二〇二一年``), or None."""
    return year_in(report.title)


def _against(report, year: int) -> tuple[str, str]:
    """How to name the year a period is measured against: the title's, or the report's year
    decided from the other evidence when the title names another (GX106 reports that)."""
    if title_year(report) == year:
        return f"标题中的 {year} 年", f"the title's {year}"
    return f"报告年度 {year} 年", f"the report's year {year}"


def period_bounds(report) -> tuple[dt.date, dt.date] | None:
    """The statistics period: as stated when it is a valid range, else the report's calendar year."""
    p = report.period
    if p is not None and p.start is not None and p.end is not None and p.start <= p.end:
        return p.start, p.end
    if report.year is not None:
        return dt.date(report.year, 1, 1), dt.date(report.year, 12, 31)
    return None


def _whole_year_statement(report):
    """A statement of the period as a whole year ("统计期限为2021年度"): (paragraph, match) or None."""
    for para in report.paragraphs:
        m = _YEAR_PERIOD.search(para.text)
        if m:
            return para, m
    return None


def _intro(report) -> Span:
    """Where a missing statement of the introduction belongs: its first paragraph, else the title."""
    for block in report.preamble:
        text = getattr(block, "text", "")
        title = report.title_span
        if title is not None and title.start <= block.span.start < title.end:
            continue
        if len(text.strip()) >= 20:
            return block.span
    return report.title_span or Span(1, 1, 1, 1)


# -- GX401 ---------------------------------------------------------------------------------------

class MissingPeriod(Rule):
    """The report does not state its statistics period.

    Reports state which period their figures cover, normally in the introduction:
    ``本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止``.  Without it a reader cannot
    tell whether the tables count the calendar year or some other span.  The wordings offices
    use all count: 统计期限, 统计时限, 统计时间, 统计区间, 报告期, ``本报告所列数据自…起至…止``,
    ``数据统计截至2021年12月31日``, ``本年度报告中所列数据…``, with full-width digits or spaces
    from extraction, and a statement of the year as a whole (``统计期限为2021年度``).  A statement
    that is there but malformed or wrong (a date that cannot be read, 年 and 月 lost between the
    digits) is GX402, never this rule.  This is good practice that evaluators check rather than a
    confirmed legal requirement (docs/format.md, Good practice), hence a warning.

    Anti-pattern::

        根据《中华人民共和国政府信息公开条例》要求，现将本局2021年政府信息公开工作情况报告如下。

    Best practice::

        本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。
    """

    code = "GX401"
    name = "missing-period"
    severity = "warning"
    summary = "no statement of the statistics period"
    summary_zh = "未说明统计期限"
    doc_zh = """报告没有说明统计期限。

    报告通常在前言中说明数据涵盖的期间，如“本报告所列数据的统计期限自2021年1月1日起至
    2021年12月31日止”。没有这句话，读者无法判断表格统计的是自然年度还是其他时段。各地常用的
    表述都算已说明：统计期限、统计时限、统计时间、统计区间、报告期、“本报告所列数据自……起至……止”、
    “数据统计截至2021年12月31日”、“本年度报告中所列数据……”，数字为全角或带有提取留下的空格
    亦可；以整年表述（“统计期限为2021年度”）也算已说明。写了期限但格式有误或日期不对（日期
    无法读出、数字间的“年”“月”字丢失）的，由 GX402 报告，不在此报告“未说明”。这是评估中检查的
    良好做法，而非已确认的法定要求（见 docs/format.md「良好做法」），因此为警告。"""
    spec = "good-practice"

    def check(self, report, ctx):
        if not _checkable(report) or report.period is not None or _whole_year_statement(report):
            return
        year = report.year
        example = f"{year}年1月1日起至{year}年12月31日止" if year else "××××年1月1日起至××××年12月31日止"
        yield ctx.finding(_intro(report), zh="报告未说明统计期限（如“本报告所列数据的统计期限自……”）",
                          en="the report does not state its statistics period (e.g. 本报告所列数据的统计期限自……)",
                          fix_zh=f"在前言中写明“本报告所列数据的统计期限自{example}”",
                          fix_en=f"state it in the introduction: 本报告所列数据的统计期限自{example}",
                          key="no-period")


# -- GX402 ---------------------------------------------------------------------------------------

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
    - 数字间的“年”“月”字丢失（“自202111日起至20211231日止”，读作2021-01-01至2021-12-31）：
      按能构成有效日期的唯一拆法读出。只有这一问题时为警告（日期正确，只是写法有误）。"""
    spec = "deadlines, good-practice"

    def check(self, report, ctx):
        if not _checkable(report):
            return
        year = report.year
        if report.period is None:
            stated = _whole_year_statement(report)
            if stated is None or year is None:
                return
            para, m = stated
            said = int(m.group(1))
            if said != year:
                against_zh, against_en = _against(report, year)
                span = report.source.span(para.source_offset(m.start(1)), para.source_offset(m.end() - 1) + 1)
                said_en = (f"the title says {year}" if title_year(report) == year
                           else f"the report's year is {year}")
                yield ctx.finding(span, zh=f"统计期限为 {said} 年，与{against_zh}不一致",
                                  en=f"the statistics period is the year {said}, but {said_en}",
                                  fix_zh=f"统计期限应为{year}年1月1日至{year}年12月31日",
                                  fix_en=f"the period is {year}-01-01 to {year}-12-31", key=f"period:{said}")
            return
        p = report.period
        reading = read_period(p.text)
        problems, unclear, lost = [], False, []
        for role_zh, role_en, tok in (("起始日期", "start date", reading and reading.start),
                                      ("截止日期", "end date", reading and reading.end)):
            if tok is None:
                if role_en == "end date" or reading is None or not reading.until:
                    problems.append((f"没有写明{role_zh}", f"it states no {role_en}"))
                    unclear = True
            elif not tok.dates:
                problems.append((f"{role_zh}“{tok.text}”不是有效日期", f"the {role_en} “{tok.text}” is not a valid date"))
                unclear = True
            elif len(tok.dates) > 1:
                problems.append((f"{role_zh}“{tok.text}”可读作 " + " 或 ".join(d.isoformat() for d in tok.dates)
                                 + "，无法确定",
                                 f"the {role_en} “{tok.text}” reads as " + " or ".join(d.isoformat() for d in tok.dates)
                                 + ": it is ambiguous"))
                unclear = True
            elif tok.lost:
                lost.append(tok)
        if lost:
            marks = list(dict.fromkeys("".join(t.lost for t in lost)))
            written = "、".join(f"“{t.text}”" for t in lost)
            problems.append((f"日期{written}缺少" + "、".join(f"“{c}”" for c in marks) + "字",
                             f"the date{'s' if len(lost) > 1 else ''} {', '.join(f'“{t.text}”' for t in lost)} "
                             f"lack{'' if len(lost) > 1 else 's'} " + " and ".join(f"“{c}”" for c in marks)))
        only_form = bool(problems) and not unclear  # so far: only 年/月 lost between digits
        start = reading.start.date if reading and reading.start else None
        end = reading.end.date if reading and reading.end else None
        years = reading.years if reading else ()
        if reading and reading.start and reading.end and len(years) > 1:
            problems.append((f"跨越 {years[0]}、{years[-1]} 两个年度", f"it spans two years ({years[0]} and {years[-1]})"))
        if year is not None and any(y != year for y in years):
            against_zh, against_en = _against(report, year)
            problems.append((f"年度与{against_zh}不一致", f"its year differs from {against_en}"))
        if start is not None and (start.month, start.day) != (1, 1):
            problems.append((f"起始日期为 {_iso(start)}，不是 1 月 1 日", f"it starts on {_iso(start)}, not 1 January"))
        if end is not None and (end.month, end.day) != (12, 31):
            problems.append((f"截止日期为 {_iso(end)}，不是 12 月 31 日", f"it ends on {_iso(end)}, not 31 December"))
        if not problems:
            return
        only_form = only_form and len(problems) == 1
        if year is None:
            year = (end or start).year if (end or start) else None
        fix = {}
        if year is not None:
            fix = {"fix_zh": f"统计期限应为{year}年1月1日至{year}年12月31日",
                   "fix_en": f"the period is {year}-01-01 to {year}-12-31"}
        read_zh = read_en = ""
        if lost or unclear:
            if reading is not None and reading.until:
                shown = f"截至 {_iso(end)}"
                shown_en = f"until {_iso(end)}"
            else:
                shown = f"{_iso(start)} 至 {_iso(end)}"
                shown_en = f"{_iso(start)} to {_iso(end)}"
            read_zh, read_en = f"（读作 {shown}）", f" (read as {shown_en})"
        yield ctx.finding(p.span, zh=f"统计期限“{p.text}”有误{read_zh}：" + "；".join(z for z, _ in problems),
                          en=f"the statistics period “{p.text}”{read_en} is wrong: " + "; ".join(e for _, e in problems),
                          severity="warning" if only_form else None, key=f"period:{p.text}", **fix)


# -- GX403 ---------------------------------------------------------------------------------------

# A clause that cites an earlier document or rule rather than narrating the year's own work.
_REFERENCE = re.compile(r"《|〔|印发|颁布|公布|修订|修正|施行|出台|通过|以来|截至|截止|之前|以前|上年|去年|上一年|此前|整改")
#: Template chapters that narrate the year's work (五 and 六 look back at problems and forward to plans).
_ACCOUNT_CHAPTERS = (1, 2, 3, 4)
_CLAUSE_END = re.compile(r"[。！？；;!?\n]")
_CLAUSE_START = re.compile(r"(?:^|[。！？；;!?\n]|\*\*)[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|"
                           r"[一二三四五六七八九十]{1,3}[、是.．]|\d{1,2}[.、．])?[ \t\u3000]*$")
_EVENT_AFTER_YU = re.compile(r"^[ \t\u3000]*(?:召开|举办|举行|开展|组织|完成|上线|开通|启动|发布|公开|成立|印发)")
_VALIDITY_HEADER = re.compile(r"有效|废止|失效|清理|施行|实施日期|成文日期")
_URL = re.compile(r"(?:https?://|www\.)[^\s）)，,；;。]+", re.I)


def _dates(text: str):
    """(date, start, end) of every full date (2020年1月8日, 2020-01-08) in ``text``."""
    urls = [m.span() for m in _URL.finditer(text)]
    for pattern in (DATE_CN, DATE_ISO):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in urls):
                continue  # a path in a web address, not a date
            d = make_date(*m.groups())
            if d is not None:
                yield d, m.start(), m.end()


def _prose_event(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] dates an event the text narrates: the date opens its
    clause and is followed by a comma ("2019年7月13日，我局组织……"), or follows 于 and precedes an
    action ("于2019年7月13日召开……"); and the clause cites no earlier document or rule."""
    clause_end = _CLAUSE_END.search(text, end)
    clause = text[end:clause_end.start() if clause_end else len(text)]
    before = text[max(0, start - 12):start]
    opens = bool(_CLAUSE_START.search(before)) and clause[:1] in ("，", ",")
    after_yu = before.endswith("于") and bool(_EVENT_AFTER_YU.match(clause))
    if not (opens or after_yu):
        return False
    return not _REFERENCE.search(clause) and not _REFERENCE.search(before)


class DateOutOfPeriod(Rule):
    """A dated event or list entry inside the report's account of its year falls outside the period.

    The chapters narrate the year's work.  A 2019 date in a 2020 report's list of published items
    (seed 002's 三公经费 log) means the list was not cut to the period, or the entries belong to
    last year's report.  To stay clear of the many legitimate dates, the rule is conservative:

    - only full dates count (``2019年7月18日``, ``2019-07-18``, also with a time); years alone
      (``在2017年已公开的基础上``, ``2018年度报告``, ``2020年工作思路``) never do;
    - only the chapters are searched: not the title, the introduction, the crawler's header,
      the period statement, the publication date or the closing signature;
    - in a table that is not a template table (a list of items), an entry dated outside the
      period is reported, once per row; rows citing a document (《…》, 〔…〕 document numbers) and
      tables about validity (有效, 废止, 清理 …) are left alone;
    - in running text, only the chapters that narrate the year's work are searched (not
      五、存在的主要问题及改进情况, which looks back at last year's problems, nor 六); only a
      date before the period is reported, and only when it dates an event: it opens its clause
      followed by a comma (``2019年7月13日，我局组织……``) or follows 于 before an action
      (``于2019年7月13日召开``), and the clause cites no earlier document, rule or rectified
      problem (《…》, 印发, 施行, 以来, 截至, 上年, 整改 …).  Dates after the period are not
      reported in the text: the report is written after the year ends and its plans name
      future dates.

    Anti-pattern::

        序号	名称	发布时间
        6	示例县教育局2019年第三季度“三公经费”公开说明	2019-10-31

    Best practice::

        序号	名称	发布时间
        5	示例县教育局2019年第四季度“三公经费”公开说明	2020-02-02
    """

    code = "GX403"
    name = "date-out-of-period"
    severity = "warning"
    summary = "a dated event or list entry in the report's account of its year falls outside the period"
    summary_zh = "报告正文中记述的事件或列表条目的日期不在统计期限内"
    doc_zh = """报告正文记述本年度工作，其中带日期的事件或列表条目落在统计期限之外。

    2020年度报告的发布清单中出现2019年的日期（如种子报告002中的“三公经费”公开记录），说明清单
    没有按统计期限截取，或这些条目属于上一年度的报告。为避开大量正当的日期，本规则从严掌握：

    - 只看完整日期（“2019年7月18日”“2019-07-18”，可带时间）；只有年份的（“在2017年已公开的
      基础上”“2018年度报告”“2020年工作思路”）一律不算；
    - 只查各章节正文：不查标题、前言、网页抓取的头部信息、统计期限、发布日期和落款；
    - 非模板表格（条目清单）中日期在期限外的条目，每行报告一次；引用文件的行（《……》、
      〔……〕文号）和关于有效性的表格（有效、废止、清理等）不报告；
    - 正文中只查记述本年度工作的章节（不查回顾上年度问题整改的“五、存在的主要问题及改进
      情况”和“六”），只报告早于统计期限、且确为事件的日期：日期位于分句开头并后跟逗号
      （“2019年7月13日，我局组织……”），或在“于”之后、动作之前（“于2019年7月13日召开”），
      且该分句没有引用此前的文件、规定或整改的问题（《……》、印发、施行、以来、截至、上年、
      整改等）。正文中晚于期限的日期不报告：报告在年度结束后编写，工作计划中也会出现将来的
      日期。"""
    spec = "good-practice"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters:
            return
        bounds = period_bounds(report)
        if bounds is None:
            return
        start, end = bounds
        skip = [s for s in (report.signature.span if report.signature else None,
                            report.period.span if report.period else None,
                            report.published.span if report.published else None) if s is not None]

        def skipped(offset: int) -> bool:
            return any(s.start <= offset < max(s.end, s.start + 1) for s in skip)

        shown = f"{start.isoformat()} 至 {end.isoformat()}"
        shown_en = f"{start.isoformat()} to {end.isoformat()}"
        template = chapter_template(report, ctx)
        for chapter in report.chapters:
            spec = template.identify_chapter(chapter.title)[0] if template is not None else None
            account = spec is None or spec.number in _ACCOUNT_CHAPTERS
            for block in chapter.blocks:
                if getattr(block, "kind", None) == "other":
                    yield from self._table(report, block, start, end, shown, shown_en, skipped, ctx)
                elif account and hasattr(block, "pieces"):
                    yield from self._prose(report, block, start, shown, shown_en, skipped, ctx)

    def _table(self, report, table, start, end, shown, shown_en, skipped, ctx):
        header = table.raw[0].texts if table.raw else []
        if any(_VALIDITY_HEADER.search(h) for h in header):
            return
        for raw in table.raw:
            texts = raw.texts
            if any("《" in t or "〔" in t for t in texts):
                continue
            for i, f in enumerate(raw.fields):
                hit = next(((d, s, e) for d, s, e in _dates(f.text) if not (start <= d <= end)), None)
                if hit is None or skipped(f.span.start):
                    continue
                d = hit[0]
                column = header[i].strip() if i < len(header) and raw is not table.raw[0] else ""
                entry = max((t.strip() for t in texts if re.search(r"[\u4e00-\u9fff]{4}", t)),
                            key=len, default="")
                entry = entry[:40] + ("…" if len(entry) > 40 else "")
                what_zh = f"列表条目“{entry}”" if entry else "列表条目"
                what_en = f"the list entry “{entry}”" if entry else "a list entry"
                col_zh = f"的{column}" if column else "的日期"
                col_en = f" ({column})" if column else ""
                yield ctx.finding(f.span,
                                  zh=f"{what_zh}{col_zh} {d.isoformat()} 不在统计期限（{shown}）内",
                                  en=f"{what_en} is dated {d.isoformat()}{col_en}, "
                                     f"outside the statistics period ({shown_en})",
                                  fix_zh="只列入统计期限内的条目，或核对日期",
                                  fix_en="list only entries of the period, or check the date",
                                  key=f"entry:{entry}:{d.isoformat()}")
                break  # one finding per row

    def _prose(self, report, para, start, shown, shown_en, skipped, ctx):
        for d, s, e in _dates(para.text):
            if d >= start or skipped(para.source_offset(s)):
                continue
            if not _prose_event(para.text, s, e):
                continue
            span = report.source.span(para.source_offset(s), para.source_offset(e - 1) + 1)
            written = para.text[s:e]
            yield ctx.finding(span, zh=f"正文记述的事件日期“{written}”早于统计期限（{shown}）",
                              en=f"the event dated “{written}” predates the statistics period ({shown_en})",
                              fix_zh="本年度报告只记述统计期限内的工作；核对日期或删去上一年度的事项",
                              fix_en="the report covers its period only: "
                                     "check the date or leave out last year's events",
                              key=f"event:{written}")


# -- GX404 ---------------------------------------------------------------------------------------

def deadline_for(year: int, organ: str | None) -> tuple[dt.date, str, str] | None:
    """The publication deadline for a report on ``year`` and who it applies to (zh, en)."""
    data = deadlines()
    old = data.get("before_2019_revision")
    if old and year <= old["year_to"]:
        return (dt.date(year + 1, old["month"], old["day"]), "各行政机关（2007年《条例》）",
                "every organ (2007 regulation)")
    entry = data["deadlines"].get(organ or "department")
    if entry is None:
        return None
    return dt.date(year + 1, entry["month"], entry["day"]), entry["zh"], entry["en"]


def _unregulated(agency: str | None) -> dict | None:
    entry = deadlines().get("no_statutory_deadline")
    if entry and agency and re.search(entry["pattern"], norm(agency)):
        return entry
    return None


class LatePublication(Rule):
    """The report is dated after the statutory deadline, or before its period ended.

    Article 49 of the regulation (2019 revision): a 县级以上人民政府部门 publishes its report for
    the previous year by 31 January; the report of a people's government is published by
    31 March.  Reports for 2018 and earlier fell under the 2007 regulation, whose deadline was
    31 March for every organ.  The date checked is the closing signature's; a publication date
    (a ``发布日期：`` line, or the publication time in a web page's header) is checked too, since
    the regulation requires the report to be public by the deadline.  A report dated before its
    statistics period ended cannot report the whole period and is reported as well.

    The organ kind comes from the ``organ`` setting or is inferred from the agency's name
    (…人民政府 → government; …局, …委员会, …人民政府办公厅 … → department).  When it cannot be
    inferred, a date between 1 February and 31 March is late only if the organ is a department:
    it is reported as a warning that says so; after 31 March it is late for every organ.  The
    regulation sets no deadline for township governments and subdistrict offices (docs/format.md, Deadlines):
    their findings are warnings measured against the government deadline.

    Anti-pattern::

        示例县教育局
        2022年2月15日

    Best practice::

        示例县教育局
        2022年1月20日
    """

    code = "GX404"
    name = "late-publication"
    severity = "error"
    summary = "the report is dated after the statutory deadline, or before its period ended"
    summary_zh = "报告日期晚于法定期限，或早于统计期限结束"
    doc_zh = """报告的日期晚于法定发布期限，或早于统计期限结束。

    《条例》（2019年修订）第四十九条：县级以上人民政府部门应于每年1月31日前公布上一年度的
    年度报告；人民政府的年度报告应于每年3月31日前公布。2018年度及以前的报告适用2007年《条例》，
    所有机关的期限均为3月31日。检查的是落款日期；若有发布日期（“发布日期：”行或网页头部的
    发布时间）也一并检查，因为《条例》要求在期限前向社会公布。日期早于统计期限结束的报告不可能
    涵盖整个期限，也在此报告。

    机关类型取自配置项 ``organ``，或根据机关名称推断（……人民政府为政府；……局、……委员会、
    ……人民政府办公厅等为部门）。无法推断时，2月1日至3月31日之间的日期只有在该机关为部门时
    才算逾期：以警告报告并加以说明；3月31日之后对任何机关都算逾期。《条例》未规定乡镇人民政府、
    街道办事处的期限（见 docs/format.md「报送期限」）：对其按人民政府的期限衡量，只报告警告。"""
    spec = "deadlines"

    def check(self, report, ctx):
        if not _checkable(report):
            return
        year = report.year
        bounds = period_bounds(report)
        if year is None and bounds is None:
            return
        if year is None:
            year = bounds[1].year
        period_end = bounds[1] if bounds else dt.date(year, 12, 31)
        dated = []
        sig = report.signature
        if sig is not None and sig.date is not None:
            dated.append(("signature", sig.date, sig.date_span or sig.span))
        if report.published is not None:
            dated.append(("published", report.published.date, report.published.span))
        for what, date, span in dated:
            yield from self._check_one(report, ctx, year, period_end, what, date, span)

    def _check_one(self, report, ctx, year, period_end, what, date, span):
        what_zh, what_en = (("落款日期", "the signature date") if what == "signature"
                            else ("发布日期", "the publication date"))
        if date < period_end:
            yield ctx.finding(span, zh=f"{what_zh} {date.isoformat()} 早于统计期限结束（{period_end.isoformat()}），"
                                       "报告不可能涵盖整个统计期限",
                              en=f"{what_en} {date.isoformat()} is before the statistics period ended "
                                 f"({period_end.isoformat()}): the report cannot cover the whole period",
                              fix_zh="核对落款日期和报告年度", fix_en="check the date and the report's year",
                              key=f"{what}:early:{date.isoformat()}")
            return
        organ = ctx.organ
        unregulated = _unregulated(report.agency)
        if unregulated is not None:
            organ = "government"
        rule = deadline_for(year, organ)
        if rule is None:
            return
        deadline, who_zh, who_en = rule
        if date <= deadline:
            return
        severity = None
        note_zh = note_en = ""
        if unregulated is not None and year > deadlines().get("before_2019_revision", {}).get("year_to", 0):
            severity = "warning"
            note_zh = f"（《条例》未规定{unregulated['zh']}的期限，此处按人民政府的期限衡量）"
            note_en = (f" (the regulation sets no deadline for {unregulated['en']}; "
                       "measured against a government's)")
        elif ctx.organ is None and year > deadlines().get("before_2019_revision", {}).get("year_to", 0):
            later = deadline_for(year, "government")
            if later is not None and date <= later[0]:
                severity = "warning"
                note_zh = ("（无法从机关名称判断机关类型：若为人民政府，期限为"
                           f"{later[0].isoformat()}，则未逾期；可在配置中设置 organ）")
                note_en = (" (the organ kind could not be inferred from its name: for a people's government "
                           f"the deadline is {later[0].isoformat()} and the report is on time; "
                           "set organ in the config)")
        days = (date - deadline).days
        yield ctx.finding(span,
                          zh=f"{what_zh} {date.isoformat()} 晚于法定期限 {deadline.isoformat()}（{who_zh}应于次年"
                             f"{deadline.month}月{deadline.day}日前公布{year}年度报告，逾期 {days} 天）{note_zh}",
                          en=f"{what_en} {date.isoformat()} is after the statutory deadline "
                             f"{deadline.isoformat()} ({who_en} publishes its {year} report by "
                             f"{deadline.day} {deadline.strftime('%B')} of the next year; "
                             f"{days} days late){note_en}",
                          severity=severity, key=f"{what}:late:{date.isoformat()}")


# -- GX405 ---------------------------------------------------------------------------------------

def _end_of_report(report) -> Span:
    """The end of the last non-empty line, where a signature belongs (a one-line report's whole
    line would point at nothing in particular)."""
    source = report.source
    for line in range(source.line_count, 0, -1):
        text = source.line(line).rstrip()
        if text.strip():
            start = source.line_start(line)
            return source.span(start + max(0, len(text) - 10) if len(text) > 80 else start, start + len(text))
    return Span(1, 1, 1, 1)


class MissingSignature(Rule):
    """The report has no closing signature: the issuing organ and the date.

    A report ends with its 落款: the organ that issues it and the date (``示例县教育局`` /
    ``2022年1月20日``), on two lines or one.  Local rules require the signed and sealed copy
    (docs/format.md, Good practice), and without a date its timeliness cannot be checked (GX404 then falls back on a
    publication date, when there is one).  A closing date without the organ's name is reported
    too.  Dates inside the report (an embedded form's ``时间：2020年12月30日``) are not a
    signature.

    Anti-pattern::

        六、其他需要报告的事项
        本年度无其他需要报告的事项。

    Best practice::

        六、其他需要报告的事项
        本年度无其他需要报告的事项。

        示例县教育局
        2022年1月20日
    """

    code = "GX405"
    name = "missing-signature"
    severity = "warning"
    summary = "no closing signature (issuing organ and date)"
    summary_zh = "缺少落款（发布机关和日期）"
    doc_zh = """报告末尾没有落款：发布机关和日期。

    报告以落款结尾：发布机关名称和日期（“示例县教育局”“2022年1月20日”，分两行或写在一行）。
    地方规定要求报送单位负责人签字并加盖公章的文本（见 docs/format.md「良好做法」）；没有日期就无法检查是否按时
    发布（此时 GX404 改用发布日期，如有）。只有日期、没有机关名称的落款也在此报告。报告中间的
    日期（如嵌入表单中的“时间：2020年12月30日”）不是落款。"""
    spec = "good-practice"

    def check(self, report, ctx):
        if not _checkable(report):
            return
        if cutoff(report, ctx) is not None:  # a cut-off text lost its signature with its end: GX108
            return
        sig = report.signature
        if sig is None:
            yield ctx.finding(_end_of_report(report),
                              zh="报告末尾没有落款（发布机关名称和成文日期）",
                              en="the report has no closing signature "
                                 "(the issuing organ's name and the date)",
                              fix_zh="在报告末尾写明发布机关名称和日期，如“示例县教育局 2022年1月20日”",
                              fix_en="end the report with the issuing organ and the date, "
                                     "e.g. 示例县教育局 2022年1月20日",
                              key="no-signature")
        elif not sig.organ:
            yield ctx.finding(sig.span, zh="落款只有日期，没有发布机关名称",
                              en="the closing signature has a date but not the issuing organ's name",
                              fix_zh="在日期上方写明发布机关名称", fix_en="write the issuing organ's name above the date",
                              key="signature-no-organ")
        elif sig.date is None:
            yield ctx.finding(sig.date_span or sig.span, zh="落款日期不是有效日期",
                              en="the closing signature's date is not a valid date", key="signature-bad-date")
