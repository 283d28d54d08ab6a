"""GX101 missing-chapter: one of the six chapters of the unified format is missing."""

from __future__ import annotations

from gxlint.chinese import numeral_text
from gxlint.lint.analyses.chapters import (
    chapter_template,
    checkable,
    cutoff,
    end_of,
    heading,
    identified,
    numbered,
    predates_format,
    present,
    renumbered,
    stands_in_for,
)
from gxlint.lint.rule import Message, Rule
from gxlint.model import Paragraph, Span, Table

from ._common import LENIENT_UNTIL, NOTHING, chapter_name, joined, relaxed_severity


class MissingChapter(Rule):
    """One of the six chapters of the unified format is absent.

    Article 50 of the regulation lists what every annual report must contain, and both the 2019
    and the 2021 formats lay it out as six chapters: 一、总体情况, 二、主动公开政府信息情况,
    三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况,
    五、存在的主要问题及改进情况 and 六、其他需要报告的事项.  A chapter counts as present when a
    heading's title is the template's wording, an accepted or old-format variant of it, or
    recognisably about the same subject (the titles of a report that renamed its chapters are
    reported by GX103 instead).  Numbers are not used to recognise chapters: a chapter numbered
    六 whose title is about something else does not stand for 六、其他需要报告的事项.  A heading
    numbered otherwise than 一、 (第三部分, 三，, （六）, 三 followed by a blank, or in Arabic numerals:
    3、, 3., （3）, ３．) is a chapter heading
    when its title is the template's chapter title of that number, word for word or as reports
    accept it.

    Each missing chapter is one finding, naming it as the template does.  A heading that stands
    at a missing chapter's number but is about something else is named in that finding (GX103
    does not report its title as well).  When the chapters after a missing one were numbered up
    to fill its place, the finding gives their right numbers (and GX102 stays silent).  A report
    without any chapter heading gets a single finding listing the six chapters.  The finding is
    placed where the chapter belongs: at the end of the chapter before it, or, when that chapter
    ends with a table, at the heading of the chapter after it.

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
    章节，不算作“六、其他需要报告的事项”。序号写法不是“一、”的标题（“第三部分”“三，”“（六）”“3、”“（3）”
    或序号后空一格），其标题是模板中该序号章节的标题（原文或认可的写法）时，也是章节标题。

    每缺少一个部分报告一条，并给出模板中的标题。占用了所缺部分序号、内容却另有所指的章节，
    在这一条中一并指出（GX103 不再就其标题另报）。所缺部分之后的章节依次提前编号填补空位时，
    这一条同时给出它们应有的序号（GX102 不再另报）。报告中完全没有章节标题时，只报告一条并
    列出全部六个部分。问题定位在所缺部分应在的位置：前一章的末尾；前一章以表格结尾时，定位在
    后一章的标题。

    2019 年度报告降为警告（2019 年统一格式仅为鼓励使用）；2018 年度及以前的报告早于统一格式，
    不按统一格式检查（见 GX109）。文本中途中断时（GX108），中断处之后缺失的部分不再逐一报告。"""
    spec = "chapters"

    messages = {
        "no_chapters": Message(
            zh="报告中没有可识别的章节标题；模板要求六个部分：{chapters}",
            en="no chapter heading found; the template requires six chapters: {chapters}",
        ),
        "missing": Message(
            zh="缺少第{chapter.numeral}部分“{chapter.full}”{place}{moved}",
            en="chapter “{chapter.full}” is missing{place}{moved}",
            fix_zh="增加“{chapter.full}”一节",
            fix_en="add the chapter “{chapter.full}”",
        ),
        # {place}: the chapter at its number that is about something else, or the chapter it belongs after
        "not_about_it": Message(
            zh="（本报告的“{heading}”不是这一部分的内容）", en=" (this report's “{heading}” is not about it)"
        ),
        "after": Message(zh="，应位于“{heading}”之后", en="; it belongs after “{heading}”"),
        # {moved}: the chapters after it numbered up to fill its place
        "moved": Message(
            zh="；其后的章节因此提前了序号：{chapters}",
            en="; the chapters after it were numbered up to fill its place: {chapters}",
        ),
        "should_be": Message(zh="“{heading}”应为“{numeral}”", en="“{heading}” should be {numeral}"),
        # one of {chapters} in no_chapters: in English each quoted, as 、 parts none of them
        "listed": Message(zh="{chapter}", en="“{chapter}”"),
    }

    def check(self, report, ctx):
        if not checkable(report) or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        level = relaxed_severity(self, report)
        if not report.chapters:
            yield ctx.say(
                report.title_span or Span(1, 1, 1, 1),
                "no_chapters",
                chapters=joined(ctx.phrase("listed", chapter=numbered(c)) for c in template.chapters),
                severity=level,
                key="no-chapters",
            )
            return
        found = identified(report, template, ctx)
        there = present(found)
        cut = cutoff(report, ctx)
        lost = {c.number for c in cut.chapters} if cut is not None else set()  # GX108 reports them
        moved = {max(r.missing): r for r in renumbered(report, ctx) if r.explained}
        for spec in template.chapters:
            if spec.number in there or spec.number in lost:
                continue
            where, after = self._place(report, found, spec)
            same_number = stands_in_for(found, spec.number)
            place = NOTHING
            if same_number is not None:
                where = same_number
                place = ctx.phrase("not_about_it", heading=heading(same_number))
            elif after is not None:
                place = ctx.phrase("after", heading=heading(after))
            run = moved.get(spec.number)
            shifted = NOTHING
            if run is not None:
                shifted = ctx.phrase(
                    "moved",
                    chapters=joined(
                        (
                            ctx.phrase("should_be", heading=heading(c), numeral=numeral_text(s.number))
                            for c, s in run.chapters
                        ),
                        "，",
                        ", ",
                    ),
                )
            yield ctx.say(
                where,
                "missing",
                chapter=chapter_name(spec),
                place=place,
                moved=shifted,
                severity=level,
                key=f"missing:{spec.number}",
            )

    @staticmethod
    def _place(report, found, spec):
        """Where the missing chapter belongs, and the chapter it belongs after: at the end of the
        chapter that precedes it in the template's order (not on a heading, which may have findings
        of its own), or at the heading of the chapter that follows it when none precedes it -- or
        when the preceding chapter ends with a table: its last cell is no place a reader looks for
        a chapter (表 3 第 4 行第 9 列)."""
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
        if following is not None and _ends_with_table(report, after):
            return following, after
        return end_of(report, after), after


def _ends_with_table(report, chapter) -> bool:
    """Whether the last thing written in the chapter (before the signature) is a table."""
    signed = report.signature.span.start if report.signature is not None else None
    last = None
    for block in chapter.blocks:
        if signed is not None and block.span.start >= signed:
            break
        if isinstance(block, Paragraph) and not block.text.strip(" \t\r\n\u3000*_#|"):
            continue
        last = block
    return isinstance(last, Table)
