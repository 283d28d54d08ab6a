"""GX1xx: does the report follow the unified format's structure (chapters, tables, title, format year).

Chapters are recognised by their titles through the template (``Template.identify_chapter``), never
by their numbers or markdown levels, which real reports get wrong (docs/format.md, Chapters).

Severity: for report year 2019 the unified format was only encouraged (docs/format.md, The documents), so GX101–GX105,
GX107 and GX108 are warnings for 2019 reports.  No report for an earlier year could follow it at all
(it was published on 2019-11-27): such a report is judged by the format of its time, so the checks
against the unified format (GX101, GX103, GX104, GX105, GX107) do not apply to it and GX109 says so
once (:func:`predates_format`).

Two analyses are shared by several rules, computed once per report (``ctx.memo``): where a cut-off
text stops (:func:`cutoff`: GX108 reports it; GX101, GX104 and GX405 stay silent on what follows
from it) and how the chapters were renumbered (:func:`renumbered`: one GX102 per renumbering, and
none when a missing chapter, reported by GX101, explains it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gxlint.model import Paragraph, Span, Table
from gxlint.rule import Rule
from gxlint.read.tables import KIND_NAMES, key as words_key
from gxlint.chinese import label_key, norm, numeral_text

from .input import is_report

TEMPLATE_TABLES = ("active_disclosure", "applications", "review_litigation")
#: The last report year for which the unified format was not binding (docs/format.md, The documents).
LENIENT_UNTIL = 2019


def _lenient(report) -> bool:
    return report.year is not None and report.year <= LENIENT_UNTIL


def _severity(rule: type[Rule], report) -> str:
    """The rule's severity, lowered to a warning for reports the unified format did not bind."""
    return "warning" if _lenient(report) and rule.severity == "error" else rule.severity


def _checkable(report) -> bool:
    """GX001/GX002 own unreadable files and files that are no report at all."""
    return report.readable and bool(report.source.text.strip()) and is_report(report)


def chapter_template(report, ctx):
    """The format whose chapters the report is measured against: the report's own, or the current
    format for the report's year (a legacy report has no chapter list of its own)."""
    template = ctx.template
    if template is None or not template.chapters:
        template = ctx.templates.for_year(report.year)
    return template if template is not None and template.chapters else None


def identify(report, template) -> list[tuple[object, object, str | None]]:
    """(chapter, template chapter or None, how) for every chapter of the report, in order.

    The chapter that holds a pre-2019 统计表 stands for no chapter of the unified format, even
    when its title shares a keyword with one: GX107 reports the old table instead."""
    out = []
    for chapter in report.chapters:
        spec, how = template.identify_chapter(chapter.title)
        if how == "similar" and any(t.kind == "legacy_statistics" for t in chapter.tables):
            spec, how = None, None
        out.append((chapter, spec, how))
    return out


def _numbered(spec) -> str:
    return f"{numeral_text(spec.number)}、{spec.title}"


def _heading(chapter) -> str:
    return f"{chapter.numeral}、{chapter.title}" if chapter.numeral else chapter.title


def _present(found) -> set[int]:
    """The template chapters (numbers) the report has, whatever their titles' wording."""
    return {spec.number for _, spec, _ in found if spec is not None}


def _end_of(report, chapter):
    """The last characters of a chapter's content before the signature (its heading when it has
    none): where something that belongs after the chapter is reported."""
    signed = report.signature.span.start if report.signature is not None else None
    blocks = [b for b in chapter.blocks if (signed is None or b.span.start < signed)
              and not (isinstance(b, Paragraph) and not b.text.strip(_TRAILING))]
    return _tail(report.source, blocks[-1].span) if blocks else chapter.span


def stands_in_for(found, number: int):
    """The first chapter numbered ``number`` whose title is about no template chapter: where
    GX101 reports the template's chapter of that number when it is missing."""
    return next((c for c, s, _ in found if s is None and c.number == number), None)


def _tables_template(report, ctx, template):
    """The format the report's tables are measured against: the detected one when it has tables."""
    if ctx.template is not None and ctx.template.tables.get("active_disclosure"):
        return ctx.template
    return template


# -- shared: reports that predate the unified format ---------------------------------------------

#: The first report year of the unified format (国办公开办函〔2019〕60号, issued 2019-11-27), when no
#: template says otherwise.
FIRST_FORMAT_YEAR = 2019
#: The rules that measure a report against the unified format (silent for earlier reports).
FORMAT_RULES = ("GX101", "GX103", "GX104", "GX105", "GX107")


def first_format_year(ctx) -> int:
    """The first report year the unified formats apply to (2019)."""
    years = [t.year_from for t in ctx.templates.formats if t.year_from]
    return min(years) if years else FIRST_FORMAT_YEAR


def predates_format(report, ctx) -> bool:
    """Whether the report is for a year before the unified format existed (2018 and earlier).

    The 2019 format was issued on 2019-11-27 and first used for the 2019 reports: an earlier report
    followed the format of its time (its 政府信息公开情况统计表 included), so the rules in
    :data:`FORMAT_RULES` do not judge it, and GX109 says so once."""
    return report.year is not None and report.year < first_format_year(ctx)


# -- shared: where a cut-off text stops ----------------------------------------------------------

#: What may end a report's last line: sentence-final punctuation and closing brackets or quotes.
_CLOSING = frozenset("。！？!?；;…．.）)】」』”’》")
#: Markup and spaces after the last word, ignored when judging how the text ends.
_TRAILING = " \t\r\n\u3000*_#|"


@dataclass(frozen=True)
class CutOff:
    """Where a cut-off text stops, and what the report lost after that point."""

    span: Span  # the last characters of the text
    how: str  # "table" (in the middle of a table), "sentence" (in mid-sentence) or "heading"
    last: str  # the last words, the last row or the heading, as written (shortened)
    table: Table | None  # the table the text stops in
    chapters: tuple = ()  # the template chapters (ChapterSpec) absent after that point
    tables: tuple[str, ...] = ()  # the template tables (kinds) absent with them, or from the last chapter

    @property
    def line(self) -> int:
        return self.span.line


def cutoff(report, ctx) -> CutOff | None:
    """Where the report's text stops in mid-report, or None when it ends as a report does.

    A text is cut off when all of these hold: it has no closing signature; it ends in the middle of
    something -- a template table short of its last row, a sentence without its closing
    punctuation, or a chapter heading with nothing under it; and the template's chapters after the
    last one it has are all absent.  (A report that lacks its last chapters but ends with a full
    stop is GX101's.)  Computed once per report: GX108 reports it; GX101, GX104 and GX405 do not
    report the chapters, tables and signature it explains."""
    return ctx.memo(("gxlint", "cutoff"), lambda: _cutoff(report, ctx))


def lost_tables(report, ctx) -> tuple[str, ...]:
    """The template tables (kinds) a cut-off text lost, which GX104 leaves to GX108."""
    cut = cutoff(report, ctx)
    return cut.tables if cut is not None else ()


def _cutoff(report, ctx) -> CutOff | None:
    if not _checkable(report) or report.signature is not None or not report.chapters:
        return None
    if predates_format(report, ctx):
        return None
    template = chapter_template(report, ctx)
    if template is None:
        return None
    found = identify(report, template)
    last_chapter, last_spec, _ = found[-1]
    reached = last_spec.number if last_spec is not None else last_chapter.number
    if reached is None:
        return None
    present = _present(found)
    lost = tuple(c for c in template.chapters if c.number > reached and c.number not in present)
    if not lost:
        return None
    blocks = [b for b in last_chapter.blocks if not (isinstance(b, Paragraph) and not b.text.strip(_TRAILING))]
    table = None
    if not blocks:
        how, last, where = "heading", _heading(last_chapter), last_chapter.span
    elif isinstance(blocks[-1], Table):
        table = blocks[-1]
        if not _short_of_last_row(table, ctx, template):
            return None
        row = table.raw[-1] if table.raw else None
        how, where = "table", row.span if row is not None else table.span
        last = " ".join(t.strip() for t in row.texts if t.strip()) if row is not None else ""
    else:
        text = blocks[-1].text.rstrip(_TRAILING)
        if text[-1] in _CLOSING:
            return None
        how, last, where = "sentence", text, blocks[-1].span
    tables_template = _tables_template(report, ctx, template)
    numbers = {c.number for c in lost} | {reached}  # the chapter it stops in may have lost its table too
    kinds = {t.kind for t in report.tables}
    gone = tuple(k for k in TEMPLATE_TABLES if k not in kinds and tables_template is not None
                 and tables_template.tables.get(k, {}).get("chapter") in numbers)
    short = last if len(last) <= 30 else "…" + last[-29:]
    return CutOff(_tail(report.source, where), how, short, table, lost, gone)


def _short_of_last_row(table, ctx, template) -> bool:
    """Whether a template table stops before its last row (or has that row unreadable)."""
    if table.kind not in TEMPLATE_TABLES:
        return False
    tpl = (ctx.templates.get(table.template) if table.template else None) or template
    if table.kind == "applications":
        leaves = [n.label for n in tpl.app_nodes if n.leaf]
        key = leaves[-1] if leaves else None
    elif table.kind == "review_litigation":
        key = tpl.rl_blocks[-1] if tpl.rl_blocks else None
    else:
        key = tpl.sections[-1].rows[-1] if tpl.sections and tpl.sections[-1].rows else None
    if key is None:
        return False
    row = table.row(key)
    return row is None or row.alignment == "unreadable"


def _tail(source, span: Span) -> Span:
    """The last few characters written in a span, on its last line (where a finding about the end
    of the text points)."""
    text = source.text
    end = min(span.end, len(text))
    while end > span.start and text[end - 1] in _TRAILING:
        end -= 1
    start = max(span.start, end - 12, text.rfind("\n", 0, end) + 1)
    return source.span(start, end)


# -- shared: renumbered chapters -----------------------------------------------------------------

@dataclass(frozen=True)
class Renumbering:
    """Consecutive chapters that stand at the template's numbers shifted by the same offset.

    ``chapters`` are those of them titled as the template has it ((chapter, template chapter)
    pairs; renamed ones get their number from GX103).  ``missing`` are the template chapters absent
    just before the first of them: when there are as many as the shift, the chapters were only
    moved up to fill the gap, and GX101's finding on the missing chapter says so."""

    offset: int  # the report's number minus the template's
    chapters: tuple
    missing: tuple[int, ...]

    @property
    def explained(self) -> bool:
        return self.offset < 0 and len(self.missing) == -self.offset


def renumbered(report, ctx) -> list[Renumbering]:
    """The renumberings of the report's chapters (computed once per report)."""
    return ctx.memo(("gxlint", "renumbered"), lambda: _renumbered(report, ctx))


def _renumbered(report, ctx) -> list[Renumbering]:
    template = chapter_template(report, ctx)
    if template is None or predates_format(report, ctx):
        return []
    found = identify(report, template)
    present = _present(found)
    runs: list[dict] = []
    current = None
    before = 0  # the template number of the chapter before
    for chapter, spec, how in found:
        n = chapter.number
        if spec is not None and n is not None and n != spec.number:
            offset = n - spec.number
            if current is None or current["offset"] != offset:
                current = {"offset": offset, "items": [], "after": before, "start": spec.number}
                runs.append(current)
            if how in ("official", "accepted"):
                current["items"].append((chapter, spec))
        else:
            current = None
        if spec is not None:
            before = spec.number
        elif n is not None:
            before = n
    return [Renumbering(r["offset"], tuple(r["items"]),
                        tuple(k for k in range(r["after"] + 1, r["start"]) if k not in present))
            for r in runs if r["items"]]


# -- GX101 ---------------------------------------------------------------------------------------

class MissingChapter(Rule):
    """One of the six chapters of the unified format is absent.

    Article 50 of the regulation lists what every annual report must contain, and both the 2019
    and the 2021 formats lay it out as six chapters: 一、总体情况, 二、主动公开政府信息情况,
    三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况,
    五、存在的主要问题及改进情况 and 六、其他需要报告的事项.  A chapter counts as present when a
    heading's title is the template's wording, an accepted or old-format variant of it, or
    recognisably about the same subject (the titles of a report that renamed its chapters are
    reported by GX103 instead).  Numbers are not used to recognise chapters: a chapter numbered
    六 whose title is about something else does not stand for 六、其他需要报告的事项.

    Each missing chapter is one finding, naming it as the template does.  A heading that stands
    at a missing chapter's number but is about something else is named in that finding (GX103
    does not report its title as well).  When the chapters after a missing one were numbered up
    to fill its place, the finding gives their right numbers (and GX102 stays silent).  A report
    without any chapter heading gets a single finding listing the six chapters.

    For 2019 reports the finding is a warning (the format was only encouraged for 2019); reports
    for 2018 and earlier predate the format and are not judged by it (GX109).  When the text is
    cut off (GX108), the chapters lost after that point are not reported one by one.

    Anti-pattern::

        一、总体情况
        ……
        五、存在的主要问题及改进情况
        栏目更新不够及时，下一步建立季度自查制度。

        示例县教育局
        2022年1月20日

    Best practice::

        五、存在的主要问题及改进情况
        ……
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "GX101"
    name = "missing-chapter"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "one of the six chapters of the unified format is missing"
    summary_zh = "缺少统一格式规定的六个部分之一"
    doc_zh = """缺少统一格式规定的六个部分之一。

    《条例》第五十条规定了年度报告必须包含的内容，2019 年和 2021 年格式都将其列为六个部分：
    一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
    四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
    标题与模板措辞一致、属于认可的变体或旧格式写法、或能看出是同一内容的章节，都视为存在
    （措辞不一致的标题由 GX103 报告）。章节按标题识别，不按序号：序号为“六”但内容另有所指的
    章节，不算作“六、其他需要报告的事项”。

    每缺少一个部分报告一条，并给出模板中的标题。占用了所缺部分序号、内容却另有所指的章节，
    在这一条中一并指出（GX103 不再就其标题另报）。所缺部分之后的章节依次提前编号填补空位时，
    这一条同时给出它们应有的序号（GX102 不再另报）。报告中完全没有章节标题时，只报告一条并
    列出全部六个部分。

    2019 年度报告降为警告（2019 年统一格式仅为鼓励使用）；2018 年度及以前的报告早于统一格式，
    不按统一格式检查（见 GX109）。文本中途中断时（GX108），中断处之后缺失的部分不再逐一报告。"""
    spec = "chapters"

    def check(self, report, ctx):
        if not _checkable(report) or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        severity = _severity(type(self), report)
        if not report.chapters:
            listing = "、".join(_numbered(c) for c in template.chapters)
            yield ctx.finding(report.title_span or Span(1, 1, 1, 1),
                              zh=f"报告中没有可识别的章节标题；模板要求六个部分：{listing}",
                              en=f"no chapter heading found; the template requires six chapters: {listing}",
                              severity=severity, key="no-chapters")
            return
        found = identify(report, template)
        present = _present(found)
        cut = cutoff(report, ctx)
        lost = {c.number for c in cut.chapters} if cut is not None else set()  # GX108 reports them
        moved = {max(r.missing): r for r in renumbered(report, ctx) if r.explained}
        for spec in template.chapters:
            if spec.number in present or spec.number in lost:
                continue
            where, after = self._place(report, found, spec)
            same_number = stands_in_for(found, spec.number)
            zh = f"缺少第{numeral_text(spec.number)}部分“{_numbered(spec)}”"
            en = f"chapter “{_numbered(spec)}” is missing"
            if same_number is not None:
                where = same_number
                zh += f"（本报告的“{_heading(same_number)}”不是这一部分的内容）"
                en += f" (this report's “{_heading(same_number)}” is not about it)"
            elif after is not None:
                zh += f"，应位于“{_heading(after)}”之后"
                en += f"; it belongs after “{_heading(after)}”"
            run = moved.get(spec.number)
            if run is not None:
                zh += "；其后的章节因此提前了序号：" + "，".join(
                    f"“{_heading(c)}”应为“{numeral_text(s.number)}”" for c, s in run.chapters)
                en += "; the chapters after it were numbered up to fill its place: " + ", ".join(
                    f"“{_heading(c)}” should be {numeral_text(s.number)}" for c, s in run.chapters)
            yield ctx.finding(where, zh=zh, en=en, severity=severity, key=f"missing:{spec.number}",
                              fix_zh=f"增加“{_numbered(spec)}”一节",
                              fix_en=f"add the chapter “{_numbered(spec)}”")

    @staticmethod
    def _place(report, found, spec):
        """Where the missing chapter belongs, and the chapter it belongs after: at the end of the
        chapter that precedes it in the template's order (not on a heading, which may have findings
        of its own), or at the heading of the chapter that follows it when none precedes it."""
        after = following = None
        for chapter, other, _ in found:
            if other is None:
                continue
            if other.number > spec.number:
                following = chapter
                break
            after = chapter
        if following is None and after is None:
            after = found[-1][0]
        if after is None:
            return following, None
        return _end_of(report, after), after


# -- GX102 ---------------------------------------------------------------------------------------

class ChapterNumbering(Rule):
    """Chapter numbers skip, repeat or go backwards.

    The six chapters are numbered 一 to 六 in the template's order.  This rule reads the numerals
    of the report's chapter headings in order and reports the first chapter not numbered 一, a
    number that skips one (二 followed by 四), a number used twice, and a number smaller than the
    one before it.  It also reports chapters whose titles are exactly the template's (or an
    accepted variant) but whose numbers are not the template's: such chapters are in the wrong
    place.  One renumbering is one finding: when a chapter was inserted (or the numbers otherwise
    shifted), the first chapter of the shifted run is reported with the right numbers of all of
    them, not every later heading.  A renamed chapter's expected number is given by GX103
    together with its expected title, so it is not repeated here.

    A gap that a missing chapter explains is GX101's: 二 followed by 四 when the report has no
    chapter about 三's subject, or 三、政府信息公开行政复议、行政诉讼情况 right after 二 (the chapters
    moved up to fill the gap), is reported once, as the missing chapter.  For reports of 2018 and
    earlier only the order of the numbers is checked, not the unified format's chapters.

    Anti-pattern::

        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、重视宣传培训工作
        六、存在的主要问题及改进情况
        七、其他需要报告的事项

    Best practice::

        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        六、其他需要报告的事项
    """

    code = "GX102"
    name = "chapter-numbering"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "chapter numbers skip, repeat or go backwards"
    summary_zh = "章节序号跳号、重复或倒序"
    doc_zh = """章节序号跳号、重复或倒序。

    六个部分按模板顺序编号为一至六。本规则依次读取各章节标题的序号，报告：第一个章节不是
    “一”；序号跳过一个（“二”之后是“四”）；序号重复；序号小于前一个。标题与模板（或认可的
    变体）完全一致但序号与模板不同的章节也在此报告：它们放错了位置。一次重新编号只报告一条：
    插入了一个章节（或序号因其他原因整体错开）时，只在错开的第一个章节报告，并给出其后各章
    应有的序号，不逐个标题重复。改了名的章节，其应有的序号由 GX103 连同应有的标题一并给出，
    这里不重复报告。

    因缺少某一部分而出现的空号由 GX101 报告：报告中没有“三”的内容而“二”之后是“四”，或者
    “二”之后直接是“三、政府信息公开行政复议、行政诉讼情况”（后面的章节提前填补了空位），
    都只作为缺少的部分报告一次。2018 年度及以前的报告只检查序号本身的顺序，不按统一格式的
    章节检查。"""
    spec = "chapters"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters:
            return
        template = None if predates_format(report, ctx) else chapter_template(report, ctx)
        severity = _severity(type(self), report)
        present = _present(identify(report, template)) if template is not None else set()
        runs = {id(c): run for run in renumbered(report, ctx) for c, _ in run.chapters}
        previous = None
        for chapter in report.chapters:
            if chapter.number is None:
                continue
            n = chapter.number
            run = runs.get(id(chapter))
            gap = range(previous.number + 1 if previous is not None else 1, n)
            if run is not None:
                previous = chapter
                if run.explained or chapter is not run.chapters[0][0]:
                    continue  # GX101 gives the numbers with the missing chapter; the run is one finding
                zh, en = self._renumbering(run)
            elif template is not None and len(gap) and not present.intersection(gap):
                previous = chapter  # the chapters of the gap are missing: GX101 reports them
                continue
            elif previous is None and n != 1:
                zh = f"第一个章节的序号是“{chapter.numeral}”，应从“一”开始"
                en = f"the first chapter is numbered {chapter.numeral}; numbering should start at 一"
            elif previous is not None and n == previous.number:
                zh = f"章节序号“{chapter.numeral}”重复（前一章节“{_heading(previous)}”序号相同）"
                en = (f"chapter number {chapter.numeral} is used twice "
                      f"(the previous chapter “{_heading(previous)}” has it too)")
            elif previous is not None and n < previous.number:
                zh = f"章节序号倒序：“{previous.numeral}”之后是“{chapter.numeral}”"
                en = f"chapter numbers go backwards: {previous.numeral} is followed by {chapter.numeral}"
            elif previous is not None and n > previous.number + 1:
                skipped = "、".join(numeral_text(i) for i in gap)
                zh = f"章节序号跳号：“{previous.numeral}”之后是“{chapter.numeral}”，缺少“{skipped}”"
                en = (f"chapter numbers skip: {previous.numeral} is followed by {chapter.numeral} "
                      f"({skipped} is missing)")
            else:
                previous = chapter
                continue
            previous = chapter
            yield ctx.finding(chapter, zh=zh, en=en, severity=severity, key=f"numbering:{chapter.heading}")

    @staticmethod
    def _renumbering(run) -> tuple[str, str]:
        chapter, spec = run.chapters[0]
        if len(run.chapters) == 1:
            return (f"章节“{_heading(chapter)}”的序号应为“{numeral_text(spec.number)}”："
                    f"模板中该部分为“{_numbered(spec)}”",
                    f"chapter “{_heading(chapter)}” should be numbered {numeral_text(spec.number)}: "
                    f"the template has it as “{_numbered(spec)}”")
        d = run.offset
        zh = (f"从“{_heading(chapter)}”起，章节序号比模板{'大' if d > 0 else '小'} {abs(d)}："
              + "，".join(f"“{_heading(c)}”应为“{numeral_text(s.number)}”" for c, s in run.chapters))
        en = (f"from “{_heading(chapter)}” on, chapter numbers are {abs(d)} "
              f"{'more' if d > 0 else 'less'} than the template's: "
              + ", ".join(f"“{_heading(c)}” should be {numeral_text(s.number)}" for c, s in run.chapters))
        return zh, en


# -- GX103 ---------------------------------------------------------------------------------------

class ChapterTitle(Rule):
    """A chapter's title deviates from the template's wording.

    Each heading's title is compared with the template's six chapter titles (after normalising
    widths, spaces and punctuation).  The official wording and a few accepted variants
    (e.g. 政府信息公开行政复议和行政诉讼情况, 其他事项) pass.  Reported are:

    - old-format titles from before 2019 (概述, 政府信息主动公开情况, 政府信息依申请公开情况,
      因政府信息公开申请行政复议、提起行政诉讼的情况 …);
    - titles recognisably about a template chapter but worded differently
      (存在的问题和2020年工作思路);
    - titles about nothing in the template (重视其他信息公开), with the template's chapter of
      that number.

    Each finding gives the expected heading with its template number.  A heading about nothing in
    the template that stands at the number of a missing chapter is reported once, by GX101 (which
    names it), not here as well.  Reports for 2018 and earlier predate the unified format and keep
    the chapter titles of their time (GX109).

    Anti-pattern::

        一、概述
        五、政府信息依申请公开情况

    Best practice::

        一、总体情况
        三、收到和处理政府信息公开申请情况
    """

    code = "GX103"
    name = "chapter-title"
    severity = "warning"
    summary = "a chapter's title deviates from the template's wording"
    summary_zh = "章节标题与模板措辞不一致"
    doc_zh = """章节标题与模板措辞不一致。

    将每个章节标题（统一全半角、空格和标点后）与模板的六个部分标题比较。模板原文和少数认可的
    变体（如“政府信息公开行政复议和行政诉讼情况”“其他事项”）不报告。报告的情形有：

    - 2019 年以前的旧格式标题（概述、政府信息主动公开情况、政府信息依申请公开情况、
      因政府信息公开申请行政复议、提起行政诉讼的情况等）；
    - 能看出对应模板某一部分、但措辞不同的标题（如“存在的问题和2020年工作思路”）；
    - 与模板任何部分都不对应的标题（如“重视其他信息公开”），并给出模板中该序号的部分。

    每条都给出带模板序号的应有标题。与模板任何部分都不对应、又占用了所缺部分序号的章节，只由
    GX101 报告一次（该条会指出这一章节），这里不再重复。2018 年度及以前的报告早于统一格式，
    沿用当时的章节标题，不在此检查（见 GX109）。"""
    spec = "chapters"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        found = identify(report, template)
        present = _present(found)
        cut = cutoff(report, ctx)
        lost = {c.number for c in cut.chapters} if cut is not None else set()
        for chapter, spec, how in found:
            if how in ("official", "accepted"):
                continue
            n = chapter.number
            if (spec is None and n is not None and template.chapter(n) is not None and n not in present
                    and n not in lost and stands_in_for(found, n) is chapter):
                continue  # GX101: "missing chapter n (this report's chapter n is not about it)"
            heading = _heading(chapter)
            if how == "legacy":
                zh = f"章节标题“{heading}”是 2019 年以前的旧格式写法；模板为“{_numbered(spec)}”"
                en = (f"chapter title “{heading}” is the pre-2019 wording; "
                      f"the template has “{_numbered(spec)}”")
                fix = spec
            elif how == "similar":
                zh = f"章节标题“{heading}”与模板措辞不一致；模板为“{_numbered(spec)}”"
                en = f"chapter title “{heading}” deviates from the template's wording “{_numbered(spec)}”"
                fix = spec
            else:
                same = template.chapter(chapter.number) if chapter.number is not None else None
                if same is not None:
                    zh = (f"章节“{heading}”不是模板中的部分；模板的第{numeral_text(same.number)}部分为"
                          f"“{_numbered(same)}”")
                    en = (f"chapter “{heading}” is not a chapter of the template; the template's chapter "
                          f"{numeral_text(same.number)} is “{_numbered(same)}”")
                else:
                    zh = f"章节“{heading}”不是模板中的部分；模板只有六个部分，其内容应归入其中之一"
                    en = (f"chapter “{heading}” is not a chapter of the template, which has six chapters; "
                          "its content belongs in one of them")
                fix = None  # its content is something else: a new title would not make it that chapter
            kwargs = {}
            if fix is not None:
                kwargs = {"fix_zh": f"改为“{_numbered(fix)}”", "fix_en": f"use “{_numbered(fix)}”"}
            yield ctx.finding(chapter, zh=zh, en=en, key=f"title:{chapter.heading}", **kwargs)


# -- GX104 ---------------------------------------------------------------------------------------

def _table_names(kind: str, template) -> tuple[str, str]:
    zh, en = KIND_NAMES.get(kind, (kind, kind))
    if kind == "active_disclosure" and template is not None and template.sections:
        items = "".join(re.sub(r"^第二十条第", "", s.caption).rstrip("项") for s in template.sections)
        zh = f"{zh.replace('（第二十条）', '')}（第二十条第{items}项）"
        en = f"{en.replace(' (article 20)', '')} (article 20 items {items})"
    return zh, en


class MissingTable(Rule):
    """A table of the unified format is absent.

    Both formats have three tables: the 主动公开 table (第二十条第（一）（五）（六）（八）项,
    and 第（九）项 in 2019) under 二, the 申请 table under 三 and the 复议/诉讼 table under 四.
    A table counts as present when gxlint recognises it in any layout (tabs, pipes, one cell per
    line, or run together in a web page's text), even with no data row (GX209) or cells it cannot
    read (GX003).  Writing "本年度未发生行政复议" instead of the table does not replace it: the
    template has the table filled with zeros.

    A report that uses the pre-2019 政府信息公开情况统计表 instead of the three tables is reported
    once by GX107 (outdated template), not three times here.  Findings are warnings for
    reports of 2019 and earlier.

    Anti-pattern::

        四、政府信息公开行政复议、行政诉讼情况
        本年度未发生政府信息公开行政复议、行政诉讼。

    Best practice::

        四、政府信息公开行政复议、行政诉讼情况
        （复议、诉讼情况表，15 列，未发生的填 0）
    """

    code = "GX104"
    name = "missing-table"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "a template table (主动公开 / 申请 / 复议诉讼) is missing"
    summary_zh = "缺少模板表格（主动公开 / 申请 / 复议诉讼）"
    doc_zh = """缺少统一格式的表格。

    两种格式都有三张表：第二部分的主动公开情况表（第二十条第（一）（五）（六）（八）项，
    2019 年格式另有第（九）项），第三部分的收到和处理政府信息公开申请情况表，第四部分的
    行政复议、行政诉讼情况表。只要 gxlint 以任何排版（制表符、竖线、每格一行、网页中连写）
    识别出该表，就视为存在，即使没有数据行（GX209）或有无法读取的单元格（GX003）。
    用“本年度未发生行政复议”之类的文字代替表格不算：模板要求填表，未发生的填 0。

    使用 2019 年以前《政府信息公开情况统计表》代替三张表的报告，由 GX107（格式过时）报告
    一次，这里不再重复报告三次。2019 年及以前年度的报告降为警告。"""
    spec = "tables"

    def check(self, report, ctx):
        if not _checkable(report) or report.legacy_format:
            return
        if predates_format(report, ctx):  # a report of 2018 or before: GX109
            return
        template = chapter_template(report, ctx)
        tables_template = ctx.template if ctx.template is not None and ctx.template.tables.get(
            "active_disclosure") else template
        kinds = {t.kind for t in report.tables}
        severity = _severity(type(self), report)
        found = identify(report, template) if template is not None else []
        for kind in TEMPLATE_TABLES:
            if kind in kinds:
                continue
            if kind in lost_tables(report, ctx):  # lost where the text is cut off: GX108
                continue
            name_zh, name_en = _table_names(kind, tables_template)
            number = (tables_template.tables.get(kind, {}) if tables_template else {}).get("chapter")
            spec = template.chapter(number) if template is not None and number else None
            host = next((c for c, s, _ in found
                         if s is not None and spec is not None and s.number == spec.number), None)
            where = host or report.title_span or Span(1, 1, 1, 1)
            if spec is not None:
                zh = f"缺少{name_zh}：模板要求在“{_numbered(spec)}”中填报此表"
                en = f"the {name_en} is missing: the template has it in “{_numbered(spec)}”"
            else:
                zh, en = f"缺少{name_zh}", f"the {name_en} is missing"
            yield ctx.finding(where, zh=zh, en=en, severity=severity, key=f"table:{kind}",
                              fix_zh="按模板填报此表，未发生的事项填 0",
                              fix_en="add the table as the template has it, with 0 where nothing happened")


# -- GX105 ---------------------------------------------------------------------------------------

class TableMisplaced(Rule):
    """A template table stands under the wrong chapter.

    The template places the 主动公开 table in 二、主动公开政府信息情况, the 申请 table in
    三、收到和处理政府信息公开申请情况 and the 复议/诉讼 table in
    四、政府信息公开行政复议、行政诉讼情况.  The chapter a table stands under is identified by its
    title (so a report that numbers its chapters differently is judged by what they are); a
    chapter whose title matches no template chapter counts as the template chapter of its number
    only when no other chapter's title claims that one.  A table before the first chapter heading
    is misplaced too.  Findings are warnings.  Reports for 2018 and earlier predate the unified
    format and its tables, and are not judged here (GX109).

    Anti-pattern::

        四、重视其他信息公开
        第二十条第（一）项
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量

    Best practice::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    """

    code = "GX105"
    name = "table-misplaced"
    severity = "warning"
    summary = "a template table stands under the wrong chapter"
    summary_zh = "模板表格位于错误的章节下"
    doc_zh = """模板表格位于错误的章节下。

    模板把主动公开情况表放在“二、主动公开政府信息情况”，申请情况表放在
    “三、收到和处理政府信息公开申请情况”，复议诉讼情况表放在
    “四、政府信息公开行政复议、行政诉讼情况”。表格所在章节按标题识别（因此序号编错的报告
    按章节的实际内容判断）；标题与模板任何部分都不对应的章节，只有在没有其他章节的标题对应
    该序号的部分时，才按序号视为该部分。位于第一个章节标题之前的表格也算放错位置。
    本规则为警告。2018 年度及以前的报告早于统一格式及其表格，不在此检查（见 GX109）。"""
    spec = "tables"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        found = identify(report, template)
        claimed = {s.number for _, s, _ in found if s is not None}
        place = {}
        for chapter, spec, _ in found:
            if spec is not None:
                place[id(chapter)] = spec.number
            elif chapter.number is not None and chapter.number not in claimed:
                place[id(chapter)] = chapter.number
        tables_template = ctx.template if ctx.template is not None and ctx.template.tables.get(
            "active_disclosure") else template
        severity = _severity(type(self), report)
        for table in report.tables:
            if table.kind not in TEMPLATE_TABLES:
                continue
            expected = (tables_template.tables.get(table.kind, {}) if tables_template else {}).get("chapter")
            spec = template.chapter(expected) if expected else None
            if spec is None:
                continue
            chapter = report.chapter_of(table)
            if chapter is not None and place.get(id(chapter)) == expected:
                continue
            name_zh, name_en = KIND_NAMES[table.kind]
            home = next((c for c, s, _ in found if s is not None and s.number == expected), None)
            renamed = home is not None and _heading(home) != _numbered(spec)
            also_zh = f"（本报告中为“{_heading(home)}”）" if renamed else ""
            also_en = f" (in this report “{_heading(home)}”)" if also_zh else ""
            if chapter is None:
                zh = f"{name_zh}位于第一个章节标题之前；模板要求放在“{_numbered(spec)}”中{also_zh}"
                en = (f"the {name_en} stands before the first chapter heading; "
                      f"the template has it in “{_numbered(spec)}”{also_en}")
            else:
                zh = f"{name_zh}位于“{_heading(chapter)}”之下；模板要求放在“{_numbered(spec)}”中{also_zh}"
                en = (f"the {name_en} stands under “{_heading(chapter)}”; "
                      f"the template has it in “{_numbered(spec)}”{also_en}")
            where = table.header_span or table.span
            yield ctx.finding(where, zh=zh, en=en, severity=severity, key=f"misplaced:{table.kind}",
                              fix_zh=f"把此表移到“{_numbered(spec)}”中",
                              fix_en=f"move the table into “{_numbered(spec)}”")


# -- GX106 ---------------------------------------------------------------------------------------

TITLE_WORDS = "政府信息公开工作年度报告"
_TITLE_YEAR = re.compile(r"(?<!\d)\d{4}\s*年|[〇零一二三四五六七八九]{4}\s*年")
_PRONOUN = re.compile(r"^(?:(?:本|我)(?:局|委|办|厅|院|署|会|单位|机关|部门|中心|区|县|市|镇|乡|街道)?|关于)$")


def _year_evidence(report, ctx, year: int, named: int) -> list[tuple[str, str]]:
    """What in the report shows its year to be ``year`` rather than the title's ``named``: the
    period statement, the tables' format, the signature's and the publication's dates (zh, en)."""
    from gxlint.chinese import WHOLE_YEAR, read_period
    from gxlint.read.build import report_years_of

    out: list[tuple[str, str]] = []
    p = report.period
    if p is not None:
        reading = read_period(p.text)
        if reading is not None and reading.years == (year,):
            out.append((f"统计期限“{p.text}”", f"the statistics period “{p.text}”"))
    else:
        m = next((m for m in (WHOLE_YEAR.search(para.text) for para in report.paragraphs) if m), None)
        if m is not None and int(m.group(1)) == year:
            out.append((f"统计期限“{m.group(0)}”", f"the statistics period “{m.group(0)}”"))
    markers = format_markers(ctx.templates)
    formats: set[str] = set()
    for table in report.tables:
        if table.kind in ("active_disclosure", "applications"):
            formats.update(_evidence(table, markers))
    used = [ctx.templates.get(tid) for tid in sorted(formats)]
    if used and all(t is not None and t.applies_to(year) and not t.applies_to(named) for t in used):
        out.append((f"表格所用的 {used[0].id} 年格式", f"the tables' {used[0].id} format"))
    dated = (("落款日期", "the signature date", report.signature.date if report.signature else None),
             ("发布日期", "the publication date", report.published.date if report.published else None))
    for what_zh, what_en, date in dated:
        if date is not None:
            low, high = report_years_of(date)
            if low <= year <= high and not low <= named <= high:
                out.append((f"{what_zh} {date.isoformat()}", f"{what_en} {date.isoformat()}"))
    return out


class ReportTitle(Rule):
    """The report's title lacks the agency, the year, or the words 政府信息公开工作年度报告, or
    names another year than the report's.

    The title names the document: which organ, which year, and that it is the
    政府信息公开工作年度报告 the regulation requires.  Titles such as
    ``…2020年政府信息公开年度报告`` (without 工作), ``2021年政府信息公开工作年度报告`` (no agency:
    the reader of a collected set cannot tell whose it is) or ``示例县教育局政府信息公开工作年度报告``
    (no year) are reported, one finding per title listing what it lacks.  Spaces left by text
    extraction (``2020 年``) are ignored.  A report whose first lines carry no recognisable title
    at all is reported too.  A web page's breadcrumb (``当前位置：首页 > …``), its 索引号/发布机构
    fields, its text-size tool (``字号 大 中 小``) and the column name above the title
    (``2020年信息公开年报``) are never the title or the agency.

    The report's year is decided from all the evidence: the title, the period statement, the
    tables' format, the signature's and the publication's dates.  A title whose year is the odd
    one out (``示例镇2020年政府信息公开工作年度报告`` over a 2021 period, 2021-format tables and a
    signature of January 2022: last year's title left in place) is reported here, once, naming
    what shows the right year; the period and the tables, which are right, are then not reported
    (GX402, GX107), nor is the date measured against last year's deadline (GX404).  When only the
    title and the period disagree and nothing else decides, the title's year stands and the
    period is reported (GX402).

    Anti-pattern::

        平罗县示例局 2020 年政府信息公开 年度报告

    Best practice::

        示例县教育局2021年政府信息公开工作年度报告
    """

    code = "GX106"
    name = "report-title"
    severity = "warning"
    summary = "the title lacks the agency, the year, or the words 政府信息公开工作年度报告, or names another year"
    summary_zh = "标题缺少机关名称、年度或“政府信息公开工作年度报告”字样，或年度与报告不符"
    doc_zh = """报告标题缺少机关名称、年度或“政府信息公开工作年度报告”字样，或所写年度与报告不符。

    标题说明这是哪个机关、哪一年、《条例》要求的政府信息公开工作年度报告。诸如
    “……2020年政府信息公开年度报告”（缺“工作”）、“2021年政府信息公开工作年度报告”（缺机关
    名称：汇编在一起时无法分辨是谁的报告）、“示例县教育局政府信息公开工作年度报告”（缺年度）
    的标题都会报告，每个标题一条，列出所缺内容。文本提取留下的空格（“2020 年”）不计。
    报告开头几行找不到可识别的标题时也会报告。网页的位置导航（“当前位置：首页 > ……”）、
    索引号/发布机构等信息栏、字号工具（“字号 大 中 小”）以及标题上方的栏目名（“2020年信息公开
    年报”）都不会被当作标题或机关名称。

    报告年度综合全部证据判断：标题、统计期限、表格格式、落款日期和发布日期。标题中的年度与其余
    证据不符时（如统计期限为2021年、表格为2021年格式、落款为2022年1月，标题却是“示例镇2020年
    政府信息公开工作年度报告”：沿用了上一年的标题），在此报告一条，并列出表明正确年度的内容；
    此时正确的统计期限和表格不再报告（GX402、GX107），也不按上一年的期限判断是否逾期（GX404）。
    只有标题与统计期限不一致、没有其他证据可以判断时，以标题年度为准，报告统计期限（GX402）。"""
    spec = "the-documents"

    def check(self, report, ctx):
        if not _checkable(report):
            return
        title = report.title
        if not title:
            yield ctx.finding(Span(1, 1, 1, 1),
                              zh=f"未找到报告标题：开头几行中没有“××机关××年{TITLE_WORDS}”形式的标题",
                              en=f"no report title found: the first lines hold no title of the form "
                                 f"“<agency><year>年{TITLE_WORDS}”",
                              fix_zh=f"在开头写明标题，如“示例县教育局2021年{TITLE_WORDS}”",
                              fix_en=f"start with a title such as “示例县教育局2021年{TITLE_WORDS}”", key="no-title")
            return
        text = norm(title)
        lacks_zh, lacks_en = [], []
        if TITLE_WORDS not in text:
            if "政府信息公开年度报告" in text:
                lacks_zh.append(f"“{TITLE_WORDS}”字样（缺“工作”二字）")
                lacks_en.append(f"the words {TITLE_WORDS} (工作 is missing)")
            else:
                lacks_zh.append(f"“{TITLE_WORDS}”字样")
                lacks_en.append(f"the words {TITLE_WORDS}")
        if not _TITLE_YEAR.search(text):
            lacks_zh.append("年度")
            lacks_en.append("the year")
        agency = report.agency or ""
        if len(agency) < 2 or _PRONOUN.match(agency) or not re.search(r"[\u4e00-\u9fff]{2}", agency):
            lacks_zh.append("机关名称")
            lacks_en.append("the agency's name")
        from gxlint.chinese import year_in

        named, year = year_in(title), report.year
        wrong_zh = wrong_en = ""
        where = report.title_span or Span(1, 1, 1, 1)
        if named is not None and year is not None and named != year:
            # the odd one out: the period, the tables and the dates agree on another year
            evidence = _year_evidence(report, ctx, year, named)
            shown_zh = "、".join(z for z, _ in evidence[:-1]) + ("和" if len(evidence) > 1 else "") + \
                (evidence[-1][0] if evidence else "")
            shown_en = ", ".join(e for _, e in evidence[:-1]) + (" and " if len(evidence) > 1 else "") + \
                (evidence[-1][1] if evidence else "")
            wrong_zh = (f"年度 {named} 年与报告不符：{shown_zh}{' 均' if len(evidence) > 1 else ' '}"
                        f"表明这是 {year} 年度报告")
            wrong_en = f"names the year {named}, but {shown_en} show{'' if len(evidence) > 1 else 's'} a {year} report"
            if not lacks_zh and report.title_span is not None:
                span = report.title_span
                at = report.source.text.find(str(named), span.start, span.end)
                if at >= 0:
                    where = report.source.span(at, at + 4)
        if not lacks_zh and not wrong_zh:
            return
        example = year if year is not None else 2021
        fix = {"fix_zh": f"标题应为“机关名称＋年度＋{TITLE_WORDS}”，如“示例县教育局{example}年{TITLE_WORDS}”",
               "fix_en": f"title it “<agency><year>年{TITLE_WORDS}”, e.g. “示例县教育局{example}年{TITLE_WORDS}”"}
        if wrong_zh and not lacks_zh:
            corrected = title.replace(str(named), str(year), 1)
            fix = {"fix_zh": f"把标题中的 {named} 年改为 {year} 年" + (f"：“{corrected}”" if corrected != title else ""),
                   "fix_en": f"change the title's year {named} to {year}" + (f": “{corrected}”" if corrected != title else "")}
        if lacks_zh and wrong_zh:
            zh = f"报告标题“{title}”缺少" + "、".join(lacks_zh) + "；标题中的" + wrong_zh
            en = f"the report title “{title}” lacks " + ", ".join(lacks_en) + "; it " + wrong_en
        elif lacks_zh:
            zh = f"报告标题“{title}”缺少" + "、".join(lacks_zh)
            en = f"the report title “{title}” lacks " + ", ".join(lacks_en)
        else:
            zh, en = f"报告标题“{title}”中的" + wrong_zh, f"the report title “{title}” " + wrong_en
        yield ctx.finding(where, zh=zh, en=en, key=f"title:{text}", **fix)


# -- GX107 ---------------------------------------------------------------------------------------

def format_markers(templates) -> dict[str, dict[str, dict[str, str]]]:
    """Per format and table kind, the labels that only that format has (normalised key -> label):
    the evidence that a table follows a given format."""
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for t in templates.formats:
        ad = {}
        for s in t.sections:
            for x in (s.caption, *s.columns, *s.rows):
                ad[words_key(x)] = x
        app = {}
        for node in t.app_nodes:
            app[f"{node.numbering}|{node.key}"] = node.label
        labels[t.id] = {"active_disclosure": ad, "applications": app}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for tid, kinds in labels.items():
        out[tid] = {}
        for kind, own in kinds.items():
            others = set()
            for other, okinds in labels.items():
                if other != tid:
                    others.update(okinds[kind])
            out[tid][kind] = {k: v for k, v in own.items() if k not in others}
    return out


def _evidence(table, markers: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Format id -> the distinctive labels of that format written in the table."""
    found: dict[str, list[str]] = {}
    for raw in table.raw:
        for f in raw.fields:
            if not f.text.strip():
                continue
            if table.kind == "applications":
                numbering, k = label_key(f.text)
                item = f"{numbering}|{k}"
            else:
                item = words_key(f.text)
            for tid, kinds in markers.items():
                label = kinds.get(table.kind, {}).get(item)
                if label is not None and label not in found.setdefault(tid, []):
                    found[tid].append(label)
    return {tid: labels for tid, labels in found.items() if labels}


class OutdatedTemplate(Rule):
    """The tables follow a format that does not apply to the report's year.

    The 2019 format (国办公开办函〔2019〕60号) applies to the 2019 and 2020 reports and the 2021
    format (国办公开办函〔2021〕30号) from the 2021 report on.  Reported, once per table:

    - 2019-format tables in a report for 2021 or later: the 主动公开 table with 本年新制作数量,
      上一年项目数量 / 本年增/减, 规范性文件 (2021: 行政规范性文件) or the 第二十条第（九）项
      政府集中采购 table, which 2021 removed;
    - 2021-format tables in a 2019 or 2020 report (本年制发件数, 本年废止件数, the three
      （六）其他处理 sub-rows);
    - the pre-2019 政府信息公开情况统计表 instead of the three tables (one finding for the report;
      GX104 then stays silent).

    The report's year is decided from all the evidence (the title, the period statement, the
    tables' format, the signature's and publication's dates): tables that agree with the period
    and the dates are right even when the title names another year, and the title is the one
    finding then (GX106).

    A table is judged only on labels that exist in one format and not the other, named in the
    message.  For reports of 2019 and earlier the finding is a warning (docs/format.md, The documents).

    Anti-pattern::

        （2021年度报告中）
        第二十条第（九）项
        信息内容	采购项目数量	采购总金额

    Best practice::

        （2021年度报告中）
        第二十条第（八）项
        信息内容	本年收费金额（单位：万元）
    """

    code = "GX107"
    name = "outdated-template"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "the tables follow a format that does not apply to the report's year"
    summary_zh = "表格采用的格式不适用于报告年度"
    doc_zh = """表格采用的格式不适用于报告年度。

    2019 年格式（国办公开办函〔2019〕60号）适用于 2019、2020 年度报告，2021 年格式
    （国办公开办函〔2021〕30号）自 2021 年度报告起适用。以下情形每张表报告一次：

    - 2021 年及以后年度的报告使用 2019 年格式的表格：主动公开情况表中有“本年新制作数量”
      “上一年项目数量/本年增/减”“规范性文件”（2021 年为“行政规范性文件”），或 2021 年已删除的
      第二十条第（九）项政府集中采购表；
    - 2019、2020 年度报告使用 2021 年格式的表格（“本年制发件数”“本年废止件数”，
      （六）其他处理下的三个子项）；
    - 使用 2019 年以前的《政府信息公开情况统计表》代替三张表（整份报告一条；GX104 不再重复）。

    报告年度综合全部证据判断（标题、统计期限、表格格式、落款日期和发布日期）：表格与统计期限和
    日期一致时，即使标题写的是另一年度，表格也是正确的，此时只报告标题（GX106）。

    只依据仅在一种格式中出现的标签判断，并在消息中列出。2019 年及以前年度的报告降为警告
    （见 docs/format.md「有关文件」）。"""
    spec = "tables, the-documents"

    def check(self, report, ctx):
        if not _checkable(report) or predates_format(report, ctx):
            return  # a 2018 report's 统计表 was the format of its time (GX109 says so once)
        severity = _severity(type(self), report)
        if report.legacy_format:
            legacy = next((t for t in report.tables if t.kind == "legacy_statistics"), None)
            current = ctx.templates.for_year(report.year)
            name = current.name if current is not None else "统一格式"
            yield ctx.finding(legacy or report.title_span or Span(1, 1, 1, 1),
                              zh=("报告使用 2019 年以前的《政府信息公开情况统计表》；统一格式（" + name +
                                  "）要求主动公开、收到和处理申请、行政复议和行政诉讼三张表"),
                              en=("the report uses the pre-2019 统计表 (政府信息公开情况统计表); the unified format ("
                                  + name + ") requires its three tables: active disclosure, applications, "
                                  "review/litigation"),
                              fix_zh="改用统一格式的三张表", fix_en="replace it with the unified format's three tables",
                              severity=severity, key="legacy")
            return
        if report.year is None:
            return
        expected = ctx.templates.for_year(report.year)
        if expected is None:
            return
        markers = format_markers(ctx.templates)
        for table in report.tables:
            if table.kind not in ("active_disclosure", "applications"):
                continue
            evidence = _evidence(table, markers)
            if not evidence or expected.id in evidence:
                continue
            tid, labels = max(evidence.items(), key=lambda item: len(item[1]))
            used = ctx.templates.get(tid)
            more = len(labels) > 6
            shown_zh = "、".join(f"“{x}”" for x in labels[:6]) + ("等" if more else "")
            shown_en = ", ".join(f"“{x}”" for x in labels[:6]) + (" …" if more else "")
            name_zh, name_en = KIND_NAMES[table.kind]
            zh = f"{name_zh}采用{used.name}（{shown_zh}），{report.year} 年度报告应采用{expected.name}"
            en = (f"the {name_en} follows the {tid} format ({shown_en}); a {report.year} report uses the "
                  f"{expected.id} format ({expected.name})")
            yield ctx.finding(table.header_span or table.span, zh=zh, en=en, severity=severity,
                              key=f"outdated:{table.kind}:{tid}",
                              fix_zh=f"按{expected.name}重新填报此表",
                              fix_en=f"redo the table in the {expected.id} format")


# -- GX108 ---------------------------------------------------------------------------------------

class ReportCutOff(Rule):
    """The text stops in the middle of the report.

    A report saved from a web page that was only partly stored, or extracted from a document that
    lost its last pages, stops in mid-report: in the middle of a table, in mid-sentence, or right
    after a chapter heading, with the chapters after that point and the closing signature all
    absent.  That is one problem, reported once at the last characters of the text (“the report
    stops after line N”), naming what is lost: the chapters, the template tables and the
    signature.  GX101 (missing chapter), GX104 (missing table) and GX405 (missing signature) do
    not report these one by one, whether or not this rule is enabled.

    A text counts as cut off only when three signs agree: it ends in the middle of something (a
    template table short of its last row, such as an applications table without
    四、结转下年度继续办理; a last sentence without closing punctuation; or a chapter heading with
    nothing under it); the template's chapters after the last one in the text are all absent; and
    there is no closing signature.  A report that lacks its last chapters but ends with a full
    sentence is reported by GX101.  Findings are warnings for 2019 reports; reports for 2018 and
    earlier predate the unified format and are not judged by its chapters (GX109).

    Anti-pattern::

        一、总体情况
        本年度政府信息公开工作有序开展。
        二、主动公开政府信息情况
        本年度主动公开政府信息1200条，其中通过门户网站公开

    Best practice::

        五、存在的主要问题及改进情况
        栏目更新不够及时，下一步建立季度自查制度。
        六、其他需要报告的事项
        本年度未收取信息处理费。

        示例县教育局
        2022年1月20日
    """

    code = "GX108"
    name = "report-cut-off"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "the text stops in mid-report; the chapters, tables and signature after that point are missing"
    summary_zh = "报告文本中途中断，其后的章节、表格和落款缺失"
    doc_zh = """报告文本中途中断。

    从只保存了一部分的网页复制、或从丢了最后几页的文件中提取的报告，会在中途中断：停在表格
    中间、半句话，或者章节标题之后，中断处之后的章节和落款全都没有。这是一个问题，只在文本
    最后几个字处报告一条（“报告在第 N 行后中断”），并列出缺失的章节、模板表格和落款。无论
    本规则是否启用，GX101（缺少章节）、GX104（缺少表格）和 GX405（缺少落款）都不再逐一报告
    这些缺失。

    只有三个迹象同时成立才算中断：文本停在某处中间（模板表格没有写到最后一行，如申请情况表
    缺少“四、结转下年度继续办理”；最后一句没有句末标点；或者章节标题之下没有内容）；模板中位于
    文本最后一个章节之后的部分全部缺失；没有落款。缺少最后几个部分、但以完整句子结尾的报告
    由 GX101 报告。2019 年度报告降为警告；2018 年度及以前的报告早于统一格式，不按其章节检查
    （见 GX109）。"""
    spec = "chapters"

    def check(self, report, ctx):
        cut = cutoff(report, ctx)
        if cut is None:
            return
        template = chapter_template(report, ctx)
        tables_template = _tables_template(report, ctx, template)
        if cut.how == "table":
            name_zh, name_en = KIND_NAMES[cut.table.kind]
            how_zh = f"文本止于{name_zh}中间（最后一行为“{cut.last}”）"
            how_en = f"the text ends in the middle of the {name_en} (its last row reads “{cut.last}”)"
        elif cut.how == "heading":
            how_zh = f"文本止于章节标题“{cut.last}”，其下没有内容"
            how_en = f"the text ends with the heading “{cut.last}”, with nothing under it"
        else:
            how_zh = f"文本止于半句话（“{cut.last}”）"
            how_en = f"the text ends in mid-sentence (“{cut.last}”)"
        lost_zh = ["".join(f"“{_numbered(c)}”" for c in cut.chapters)]
        word = "chapter" if len(cut.chapters) == 1 else "chapters"
        lost_en = [f"{word} " + ", ".join(f"“{_numbered(c)}”" for c in cut.chapters)]
        for kind in cut.tables:
            name_zh, name_en = _table_names(kind, tables_template)
            lost_zh.append(name_zh)
            lost_en.append(f"the {name_en}")
        lost_zh.append("落款")
        lost_en.append("the closing signature")
        yield ctx.finding(cut.span,
                          zh=f"报告在第 {cut.line} 行后中断：{how_zh}；其后应有的内容都没有："
                             f"{'；'.join(lost_zh)}（不再逐一报告）",
                          en=f"the report stops after line {cut.line}: {how_en}; what should follow is "
                             f"missing: {'; '.join(lost_en)} (not reported one by one)",
                          fix_zh="核对原文件或网页是否完整，补全中断处之后的内容和落款",
                          fix_en="check that the file or page is complete and restore the text after this "
                                 "point, with the closing signature",
                          severity=_severity(type(self), report), key="cut-off")


# -- GX109 ---------------------------------------------------------------------------------------

class PredatesFormat(Rule):
    """The report is for a year before the unified format: the format's checks do not apply.

    The unified format (《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号)
    was issued on 2019-11-27 and first used for the 2019 reports.  A report for 2018 or earlier
    followed the format of its time, with chapters such as 一、概述 and the
    政府信息公开情况统计表, and is right to.  So the checks that measure a report against the
    unified format (GX101 missing chapter, GX103 chapter title, GX104 missing table, GX105
    misplaced table, GX107 outdated template) do not judge it, and this rule says so once, at
    the title, so that their silence is not taken for a pass.  The checks that do not depend on
    the format still run: the order of the chapter numbers (GX102), the title (GX106), the
    contact details, the statistics period and the dates.

    The report year is the one gxlint reads from the title, the period statement and the dates.
    To keep the note out of the output when checking an archive of old reports, ignore GX109.
    """

    code = "GX109"
    name = "predates-unified-format"
    severity = "info"
    summary = "a report for 2018 or earlier: the unified format's checks do not apply"
    summary_zh = "2018 年度及以前的报告：不适用统一格式的检查"
    doc_zh = """报告年度早于统一格式，统一格式的检查不适用。

    统一格式（《中华人民共和国政府信息公开工作年度报告格式（试行）》，国办公开办函〔2019〕60号）
    于 2019 年 11 月 27 日印发，自 2019 年度报告起使用。2018 年度及以前的报告按当时的格式编写
    （如“一、概述”等章节和《政府信息公开情况统计表》），这是正确的。因此按统一格式衡量报告的
    检查（GX101 缺少章节、GX103 章节标题、GX104 缺少表格、GX105 表格位置、GX107 格式过时）
    不检查这类报告，本规则在标题处提示一次，以免把这些规则没有报告误当作通过。与格式无关的
    检查照常进行：章节序号的顺序（GX102）、标题（GX106）、联系方式、统计期限和各项日期。

    报告年度由 gxlint 从标题、统计期限和日期中读出。检查旧报告档案时如不需要这条提示，
    可忽略 GX109。"""
    spec = "before-2019"

    def check(self, report, ctx):
        if not _checkable(report) or not predates_format(report, ctx):
            return
        first = first_format_year(ctx)
        codes = "、".join(FORMAT_RULES)
        yield ctx.finding(report.title_span or Span(1, 1, 1, 1),
                          zh=f"本报告为 {report.year} 年度报告，早于统一格式（国办公开办函〔2019〕60号，"
                             f"2019 年 11 月 27 日印发，自 {first} 年度报告起使用），按当时的格式编写：章节、"
                             f"章节标题和表格不按统一格式检查（{codes} 不适用），其他检查照常进行",
                          en=f"a report for {report.year} predates the unified format (国办公开办函〔2019〕60号, "
                             f"issued on 2019-11-27, first used for the {first} reports) and follows the format "
                             f"of its time: its chapters, chapter titles and tables are not checked against the "
                             f"unified format ({', '.join(FORMAT_RULES)} do not apply); the other checks still run",
                          key="predates-format")
