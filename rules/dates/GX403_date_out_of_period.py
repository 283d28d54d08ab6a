"""GX403 date-out-of-period: a dated event or list entry in the account of the year falls outside the period."""

from __future__ import annotations

import re

from gxlint.chinese import DATE_CN, DATE_ISO, HSPACE, has_cjk_run, make_date
from gxlint.lint.analyses.chapters import chapter_spec, chapter_template, checkable
from gxlint.lint.analyses.period import period_bounds
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import OTHER

#: What a full date holds after its year: the month's end and the day (DATE_CN, DATE_ISO)
_CN_DAY = re.compile(r"月\s*\d{1,2}\s*日")
_ISO_DAY = re.compile(r"[-/.]\d{1,2}[-/.]\d")

# The patterns below read only dates and list entries: compiled on first use (``re.compile`` caches).
# A clause that cites an earlier document or rule rather than narrating the year's own work.
_REFERENCE = (
    r"《|〔|印发|颁布|公布|修订|修正|施行|出台|通过|以来|截至|截止|之前|以前|上年|去年|上一年|此前|整改"
)
#: Template chapters that narrate the year's work (五 and 六 look back at problems and forward to plans).
_ACCOUNT_CHAPTERS = (1, 2, 3, 4)
_CLAUSE_END = r"[。！？；;!?\n]"
# a clause opens a sentence, follows a semicolon, or follows a comma mid-sentence ("…专栏，2021年6月15日，本局上线…")
_CLAUSE_START = (
    r"(?:^|[。！？；;!?\n，,]|\*\*)" + HSPACE + r"*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|"
    r"[一二三四五六七八九十]{1,3}[、是.．]|\d{1,2}[.、．])?" + HSPACE + r"*$"
)
_EVENT_AFTER_YU = r"^" + HSPACE + r"*(?:召开|举办|举行|开展|组织|完成|上线|开通|启动|发布|公开|成立|印发)"
_VALIDITY_HEADER = r"有效|废止|失效|清理|施行|实施日期|成文日期"
_URL = r"(?:https?://|www\.)[^\s）)，,；;。]+"


def _dates(text: str):
    """(date, start, end) of every full date (2020年1月8日, 2020-01-08) in ``text``."""
    # most paragraphs and cells hold no full date: each date pattern, slow to search (it opens with
    # a look-behind), runs only where a quick search finds what every such date holds
    found = list(DATE_CN.finditer(text)) if "日" in text and _CN_DAY.search(text) else []
    if ("-" in text or "/" in text or "." in text) and _ISO_DAY.search(text):
        found.extend(DATE_ISO.finditer(text))
    if not found:
        return
    urls = [m.span() for m in re.finditer(_URL, text, re.I)]
    for m in found:
        if any(s <= m.start() < e for s, e in urls):
            continue  # a path in a web address, not a date
        d = make_date(*m.groups())
        if d is not None:
            yield d, m.start(), m.end()


def _prose_event(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] dates an event the text narrates: the date opens its
    clause -- at the start of a sentence or after a comma or semicolon -- and is followed by a comma
    ("2019年7月13日，我局组织……", "……专栏，2019年7月13日，本局上线……"), or follows 于 and precedes an
    action ("于2019年7月13日召开……"); and the clause cites no earlier document or rule."""
    clause_end = re.compile(_CLAUSE_END).search(text, end)
    clause = text[end : clause_end.start() if clause_end else len(text)]
    before = text[max(0, start - 12) : start]
    opens = bool(re.search(_CLAUSE_START, before)) and clause[:1] in ("，", ",")
    after_yu = before.endswith("于") and bool(re.match(_EVENT_AFTER_YU, clause))
    if not (opens or after_yu):
        return False
    return not re.search(_REFERENCE, clause) and not re.search(_REFERENCE, before)


#: {column} when the date's column has no header
_DATE_COLUMN = Phrase("的日期", "")


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
      date before the period is reported, and only when it dates an event: it opens its clause (at
      the start of a sentence or after a comma or semicolon) followed by a comma
      (``2019年7月13日，我局组织……``, ``……专栏，2019年7月13日，本局上线……``) or follows 于 before an action
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
      情况”和“六”），只报告早于统计期限、且确为事件的日期：日期位于分句开头（句首，或逗号、
      分号之后）并后跟逗号（“2019年7月13日，我局组织……”“……专栏，2019年7月13日，本局上线……”），或在“于”之后、动作之前（“于2019年7月13日召开”），
      且该分句没有引用此前的文件、规定或整改的问题（《……》、印发、施行、以来、截至、上年、
      整改等）。正文中晚于期限的日期不报告：报告在年度结束后编写，工作计划中也会出现将来的
      日期。"""
    spec = "good-practice"

    messages = {
        "entry": Message(
            zh="{what}{column} {date} 不在统计期限（{start} 至 {end}）内",
            en="{what} is dated {date}{column}, outside the statistics period ({start} to {end})",
            fix_zh="只列入统计期限内的条目，或核对日期",
            fix_en="list only entries of the period, or check the date",
        ),
        # {what} and {column} of an entry
        "named_entry": Message(zh="列表条目“{entry}”", en="the list entry “{entry}”"),
        "unnamed_entry": Message(zh="列表条目", en="a list entry"),
        "column": Message(zh="的{column}", en=" ({column})"),
        "event": Message(
            zh="正文记述的事件日期“{date}”早于统计期限（{start} 至 {end}）",
            en="the event dated “{date}” predates the statistics period ({start} to {end})",
            fix_zh="本年度报告只记述统计期限内的工作；核对日期或删去上一年度的事项",
            fix_en="the report covers its period only: check the date or leave out last year's events",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or not report.chapters:
            return
        bounds = period_bounds(report)
        if bounds is None:
            return
        start, end = bounds
        skip = [
            s
            for s in (
                report.signature.span if report.signature else None,
                report.period.span if report.period else None,
                report.published.span if report.published else None,
            )
            if s is not None
        ]

        def skipped(offset: int) -> bool:
            return any(s.start <= offset < max(s.end, s.start + 1) for s in skip)

        template = chapter_template(report, ctx)
        for chapter in report.chapters:
            spec = chapter_spec(template, chapter.title)[0] if template is not None else None
            account = spec is None or spec.number in _ACCOUNT_CHAPTERS
            for block in chapter.blocks:
                if getattr(block, "kind", None) == OTHER:
                    yield from self._table(block, start, end, skipped, ctx)
                elif account and hasattr(block, "pieces"):
                    yield from self._prose(report, block, start, end, skipped, ctx)

    def _table(self, table, start, end, skipped, ctx):
        header = table.raw[0].texts if table.raw else []
        if any(re.search(_VALIDITY_HEADER, h) for h in header):
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
                # the longest cell with four Chinese characters in a row names the entry
                entry = max((t.strip() for t in texts if has_cjk_run(t, 4)), key=len, default="")
                entry = entry[:40] + ("…" if len(entry) > 40 else "")
                yield ctx.say(
                    f.span,
                    "entry",
                    what=ctx.phrase("named_entry", entry=entry) if entry else ctx.phrase("unnamed_entry"),
                    column=ctx.phrase("column", column=column) if column else _DATE_COLUMN,
                    date=d.isoformat(),
                    start=start.isoformat(),
                    end=end.isoformat(),
                    key=f"entry:{entry}:{d.isoformat()}",
                )
                break  # one finding per row

    def _prose(self, report, para, start, end, skipped, ctx):
        for d, s, e in _dates(para.text):
            if d >= start or skipped(para.source_offset(s)):
                continue
            if not _prose_event(para.text, s, e):
                continue
            span = report.source.span(para.source_offset(s), para.source_offset(e - 1) + 1)
            written = para.text[s:e]
            yield ctx.say(
                span,
                "event",
                date=written,
                start=start.isoformat(),
                end=end.isoformat(),
                key=f"event:{written}",
            )
