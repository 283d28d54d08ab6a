"""GX1xx: does the report follow the unified format's structure (chapters, tables, title, format year).

Chapters are recognised by their titles through the template (``Template.identify_chapter``), never
by their numbers or markdown levels, which real reports get wrong (spec §7, seed 000 items 1–8).

Severity: for report year 2019 the unified format was only encouraged (spec §2.1), and no report for
an earlier year could follow it at all (it was published on 2019-11-27), so GX101–GX105 and GX107
are warnings for reports of 2019 and before.
"""

from __future__ import annotations

import re

from gxlint.model import Span
from gxlint.rule import Rule
from gxlint.read.tables import KIND_NAMES, key as words_key
from gxlint.chinese import label_key, norm, numeral_text

from .input import is_report

TEMPLATE_TABLES = ("active_disclosure", "applications", "review_litigation")
#: The last report year for which the unified format was not binding (spec §2.1).
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

    Each missing chapter is one finding, naming it as the template does.  For reports of 2019
    and earlier the finding is a warning (the format was only encouraged for 2019).  A report
    without any chapter heading gets a single finding listing the six chapters.

    Anti-pattern::

        一、总体情况
        ……
        五、存在的主要问题及改进情况
        ……
        （报告到此结束，没有第六部分）

    Best practice::

        五、存在的主要问题及改进情况
        ……
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "GX101"
    name = "missing-chapter"
    severity = "error"
    summary = "one of the six chapters of the unified format is missing"
    summary_zh = "缺少统一格式规定的六个部分之一"
    doc_zh = """缺少统一格式规定的六个部分之一。

    《条例》第五十条规定了年度报告必须包含的内容，2019 年和 2021 年格式都将其列为六个部分：
    一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
    四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
    标题与模板措辞一致、属于认可的变体或旧格式写法、或能看出是同一内容的章节，都视为存在
    （措辞不一致的标题由 GX103 报告）。章节按标题识别，不按序号：序号为“六”但内容另有所指的
    章节，不算作“六、其他需要报告的事项”。

    每缺少一个部分报告一条，并给出模板中的标题。2019 年及以前年度的报告降为警告（2019 年
    统一格式仅为鼓励使用）。报告中完全没有章节标题时，只报告一条并列出全部六个部分。"""
    spec = "§1.3 (art. 50), §2.1, §2.2, §3.4"

    def check(self, report, ctx):
        if not _checkable(report):
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
        present = {spec.number for _, spec, _ in found if spec is not None}
        for spec in template.chapters:
            if spec.number in present:
                continue
            where, after = self._place(found, spec)
            same_number = next((c for c, s, _ in found if s is None and c.number == spec.number), None)
            zh = f"缺少第{numeral_text(spec.number)}部分“{_numbered(spec)}”"
            en = f"chapter “{_numbered(spec)}” is missing"
            if same_number is not None:
                where = same_number
                zh += f"（本报告的“{_heading(same_number)}”不是这一部分的内容）"
                en += f" (this report's “{_heading(same_number)}” is not about it)"
            elif after is not None:
                zh += f"，应位于“{_heading(after)}”之后"
                en += f"; it belongs after “{_heading(after)}”"
            yield ctx.finding(where, zh=zh, en=en, severity=severity, key=f"missing:{spec.number}",
                              fix_zh=f"增加“{_numbered(spec)}”一节",
                              fix_en=f"add the chapter “{_numbered(spec)}”")

    @staticmethod
    def _place(found, spec):
        """Where the missing chapter belongs: at the heading of the chapter that follows it in the
        template's order, or after the last chapter that precedes it."""
        after = None
        for chapter, other, _ in found:
            if other is None:
                continue
            if other.number > spec.number:
                return chapter, after
            after = chapter
        last = found[-1][0]
        return last, after if after is not None else last


# -- GX102 ---------------------------------------------------------------------------------------

class ChapterNumbering(Rule):
    """Chapter numbers skip, repeat or go backwards.

    The six chapters are numbered 一 to 六 in the template's order.  This rule reads the numerals
    of the report's chapter headings in order and reports the first chapter not numbered 一, a
    number that skips one (二 followed by 四), a number used twice, and a number smaller than the
    one before it.  It also reports a chapter whose title is exactly the template's (or an
    accepted variant) but whose number is not the template's: such a chapter is in the wrong
    place.  A renamed chapter's expected number is given by GX103 together with its expected
    title, so it is not repeated here.

    Anti-pattern::

        一、总体情况
        二、主动公开政府信息情况
        四、政府信息公开行政复议、行政诉讼情况

    Best practice::

        一、总体情况
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
    """

    code = "GX102"
    name = "chapter-numbering"
    severity = "error"
    summary = "chapter numbers skip, repeat or go backwards"
    summary_zh = "章节序号跳号、重复或倒序"
    doc_zh = """章节序号跳号、重复或倒序。

    六个部分按模板顺序编号为一至六。本规则依次读取各章节标题的序号，报告：第一个章节不是
    “一”；序号跳过一个（“二”之后是“四”）；序号重复；序号小于前一个。标题与模板（或认可的
    变体）完全一致但序号与模板不同的章节也在此报告：它放错了位置。改了名的章节，其应有的
    序号由 GX103 连同应有的标题一并给出，这里不重复报告。"""
    spec = "§2.2, §3.4"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters:
            return
        template = chapter_template(report, ctx)
        severity = _severity(type(self), report)
        previous = None
        for chapter in report.chapters:
            if chapter.number is None:
                continue
            spec, how = template.identify_chapter(chapter.title) if template else (None, None)
            n = chapter.number
            if spec is not None and how in ("official", "accepted") and spec.number != n:
                zh = (f"章节“{_heading(chapter)}”的序号应为“{numeral_text(spec.number)}”："
                      f"模板中该部分为“{_numbered(spec)}”")
                en = (f"chapter “{_heading(chapter)}” should be numbered {numeral_text(spec.number)}: "
                      f"the template has it as “{_numbered(spec)}”")
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
                skipped = "、".join(numeral_text(i) for i in range(previous.number + 1, n))
                zh = f"章节序号跳号：“{previous.numeral}”之后是“{chapter.numeral}”，缺少“{skipped}”"
                en = (f"chapter numbers skip: {previous.numeral} is followed by {chapter.numeral} "
                      f"({skipped} is missing)")
            else:
                previous = chapter
                continue
            previous = chapter
            yield ctx.finding(chapter, zh=zh, en=en, severity=severity, key=f"numbering:{chapter.heading}")


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

    Each finding gives the expected heading with its template number.

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

    每条都给出带模板序号的应有标题。"""
    spec = "§2.2, §3.4, §6"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters:
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        for chapter, spec, how in identify(report, template):
            if how in ("official", "accepted"):
                continue
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
    spec = "§2.3–§2.5, §3.5–§3.7"

    def check(self, report, ctx):
        if not _checkable(report) or report.legacy_format:
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
    is misplaced too.  Findings are warnings.

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
    本规则为警告。"""
    spec = "§2.3–§2.5, §3.5–§3.7, §7 (seed 000 item 9)"

    def check(self, report, ctx):
        if not _checkable(report) or not report.chapters:
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


class ReportTitle(Rule):
    """The report's title lacks the agency, the year, or the words 政府信息公开工作年度报告.

    The title names the document: which organ, which year, and that it is the
    政府信息公开工作年度报告 the regulation requires.  Titles such as
    ``…2020年政府信息公开年度报告`` (without 工作), ``2021年政府信息公开工作年度报告`` (no agency:
    the reader of a collected set cannot tell whose it is) or ``示例县教育局政府信息公开工作年度报告``
    (no year) are reported, one finding per title listing what it lacks.  Spaces left by text
    extraction (``2020 年``) are ignored.  A report whose first lines carry no recognisable title
    at all is reported too.

    Anti-pattern::

        平罗县示例局 2020 年政府信息公开 年度报告

    Best practice::

        示例县教育局2021年政府信息公开工作年度报告
    """

    code = "GX106"
    name = "report-title"
    severity = "warning"
    summary = "the title lacks the agency, the year, or the words 政府信息公开工作年度报告"
    summary_zh = "标题缺少机关名称、年度或“政府信息公开工作年度报告”字样"
    doc_zh = """报告标题缺少机关名称、年度或“政府信息公开工作年度报告”字样。

    标题说明这是哪个机关、哪一年、《条例》要求的政府信息公开工作年度报告。诸如
    “……2020年政府信息公开年度报告”（缺“工作”）、“2021年政府信息公开工作年度报告”（缺机关
    名称：汇编在一起时无法分辨是谁的报告）、“示例县教育局政府信息公开工作年度报告”（缺年度）
    的标题都会报告，每个标题一条，列出所缺内容。文本提取留下的空格（“2020 年”）不计。
    报告开头几行找不到可识别的标题时也会报告。"""
    spec = "§2.1 (the report's name), §7 (seed 002 item 1)"

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
        if not lacks_zh:
            return
        yield ctx.finding(report.title_span or Span(1, 1, 1, 1),
                          zh=f"报告标题“{title}”缺少" + "、".join(lacks_zh),
                          en=f"the report title “{title}” lacks " + ", ".join(lacks_en),
                          fix_zh=f"标题应为“机关名称＋年度＋{TITLE_WORDS}”，如“示例县教育局2021年{TITLE_WORDS}”",
                          fix_en=f"title it “<agency><year>年{TITLE_WORDS}”, e.g. “示例县教育局2021年{TITLE_WORDS}”",
                          key=f"title:{text}")


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

    A table is judged only on labels that exist in one format and not the other, named in the
    message.  For reports of 2019 and earlier the finding is a warning (spec §2.1).

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

    只依据仅在一种格式中出现的标签判断，并在消息中列出。2019 年及以前年度的报告降为警告
    （见规范 §2.1）。"""
    spec = "§2.1, §3.2, §3.5, §3.6"

    def check(self, report, ctx):
        if not _checkable(report):
            return
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
