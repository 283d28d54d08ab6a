"""GX103 chapter-title: a chapter's title deviates from the template's wording."""

from __future__ import annotations

import re

from gxlint.lint.analyses.chapters import (
    chapter_template,
    checkable,
    cutoff,
    heading,
    identified,
    numbered,
    predates_format,
    present,
    stands_in_for,
)
from gxlint.lint.rule import Message, Rule

from ._common import chapter_name

#: a title that opens with a chapter number again (二、二、主动公开政府信息情况)
_NUMBERED_TWICE = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]")


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

    A heading whose number stands twice (二、二、主动公开政府信息情况: a number typed in front of
    the title where Word's automatic numbering already draws one) is reported too.

    Each finding gives the expected heading with its template number; where the heading's number
    is drawn by Word's automatic numbering, the fix gives the title's words alone (typing the
    number too would make it stand twice).  A heading about nothing in
    the template that stands at the number of a missing chapter is reported once, by GX101 (which
    names it), not here as well.  Reports for 2018 and earlier predate the unified format and keep
    the chapter titles of their time (GX109).  An appendix numbered after the six chapters
    (``七、附件：政务公开工作联系人名单``, 附表, 附录) is no chapter, and not reported.

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

    序号写了两次的标题（二、二、主动公开政府信息情况：Word 已自动编号，又手动输入了序号）也会
    报告。

    每条都给出带模板序号的应有标题；标题序号由 Word 自动编号生成时，修改建议只给出标题文字（再输入
    序号会使序号出现两次）。与模板任何部分都不对应、又占用了所缺部分序号的章节，只由
    GX101 报告一次（该条会指出这一章节），这里不再重复。2018 年度及以前的报告早于统一格式，
    沿用当时的章节标题，不在此检查（见 GX109）。六个部分之后另编序号的附件（如“七、附件：政务公开工作
    联系人名单”，或附表、附录）不是章节，不在此报告。"""
    spec = "chapters"

    messages = {
        "twice": Message(
            zh="章节标题“{heading}”的序号写了两次（多为 Word 自动编号之外又手动输入了序号）；模板为“{chapter}”",
            en="chapter heading “{heading}” has its number twice (typed again after Word's automatic "
            "numbering, as a rule); the template has “{chapter}”",
            fix_zh="删去手动输入的序号，保留“{chapter}”",
            fix_en="delete the typed number, leaving “{chapter}”",
        ),
        "legacy": Message(
            zh="章节标题“{heading}”是 2019 年以前的旧格式写法；模板为“{chapter}”",
            en="chapter title “{heading}” is the pre-2019 wording; the template has “{chapter}”",
            fix_zh="改为“{chapter}”",
            fix_en="use “{chapter}”",
        ),
        "similar": Message(
            zh="章节标题“{heading}”与模板措辞不一致；模板为“{chapter}”",
            en="chapter title “{heading}” deviates from the template's wording “{chapter}”",
            fix_zh="改为“{chapter}”",
            fix_en="use “{chapter}”",
        ),
        # the same, on a heading whose number Word's automatic numbering draws: only the words are typed
        "legacy_drawn": Message(
            zh="章节标题“{heading}”是 2019 年以前的旧格式写法；模板为“{chapter}”",
            en="chapter title “{heading}” is the pre-2019 wording; the template has “{chapter}”",
            fix_zh="把标题文字改为“{title}”（序号“{numeral}、”由自动编号生成，不要输入）",
            fix_en="change the title's words to “{title}” (the number “{numeral}、” comes from automatic "
            "numbering: do not type it)",
        ),
        "similar_drawn": Message(
            zh="章节标题“{heading}”与模板措辞不一致；模板为“{chapter}”",
            en="chapter title “{heading}” deviates from the template's wording “{chapter}”",
            fix_zh="把标题文字改为“{title}”（序号“{numeral}、”由自动编号生成，不要输入）",
            fix_en="change the title's words to “{title}” (the number “{numeral}、” comes from automatic "
            "numbering: do not type it)",
        ),
        # about nothing in the template: no fix, a new title would not make it that chapter
        "foreign": Message(
            zh="章节“{heading}”不是模板中的部分；模板的第{same.numeral}部分为“{same.full}”",
            en="chapter “{heading}” is not a chapter of the template; the template's chapter {same.numeral} "
            "is “{same.full}”",
        ),
        "foreign_beyond": Message(
            zh="章节“{heading}”不是模板中的部分；模板只有六个部分，其内容应归入其中之一",
            en="chapter “{heading}” is not a chapter of the template, which has six chapters; "
            "its content belongs in one of them",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or not report.chapters or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        found = identified(report, template, ctx)
        there = present(found)
        cut = cutoff(report, ctx)
        lost = {c.number for c in cut.chapters} if cut is not None else set()
        for chapter, spec, how in found:
            if _NUMBERED_TWICE.match(chapter.title) and spec is not None:
                # Word's list number before a number typed again: the heading shows 二、二、
                yield ctx.say(
                    chapter,
                    "twice",
                    heading=heading(chapter),
                    chapter=numbered(spec),
                    key=f"twice:{chapter.heading}",
                )
                continue
            if how in ("official", "accepted"):
                continue
            n = chapter.number
            if (
                spec is None
                and n is not None
                and template.chapter(n) is not None
                and n not in there
                and n not in lost
                and stands_in_for(found, n) is chapter
            ):
                continue  # GX101: "missing chapter n (this report's chapter n is not about it)"
            at = {"heading": heading(chapter), "key": f"title:{chapter.heading}"}
            if how in ("legacy", "similar"):
                if report.source.drawn(chapter.span.line):
                    # Word draws the number: the fix is the words alone, or the number stands twice
                    yield ctx.say(
                        chapter,
                        f"{how}_drawn",
                        chapter=numbered(spec),
                        title=spec.title,
                        numeral=chapter.numeral,
                        **at,
                    )
                else:
                    yield ctx.say(chapter, how, chapter=numbered(spec), **at)
                continue
            same = template.chapter(chapter.number) if chapter.number is not None else None
            if same is not None:
                yield ctx.say(chapter, "foreign", same=chapter_name(same), **at)
            else:
                yield ctx.say(chapter, "foreign_beyond", **at)
