"""GX102 chapter-numbering: chapter numbers skip, repeat or go backwards."""

from __future__ import annotations

from gxlint.chinese import numeral_text
from gxlint.lint.analyses.chapters import (
    chapter_template,
    checkable,
    heading,
    identified,
    numbered,
    predates_format,
    present,
    renumbered,
)
from gxlint.lint.rule import Message, Phrase, Rule

from ._common import LENIENT_UNTIL, joined, relaxed_severity


class ChapterNumbering(Rule):
    """Chapter numbers skip, repeat or go backwards.

    The six chapters are numbered 一 to 六 in the template's order.  This rule reads the numerals
    of the report's chapter headings in order and reports the first chapter not numbered 一, a
    number that skips one (二 followed by 四), a number used twice, and a number smaller than the
    one before it; chapters that carry every number once but stand in another order (六 before
    五) are one finding naming the two, not a skip and a step backwards.  It also reports chapters whose titles are exactly the template's (or an
    accepted variant) but whose numbers are not the template's: such chapters are in the wrong
    place.  One renumbering is one finding: when a chapter was inserted (or the numbers otherwise
    shifted), the first chapter of the shifted run is reported with the right numbers of all of
    them, not every later heading; two chapters titled the other way round (五 with 六's title and 六
    with 五's) are one finding naming both.  A renamed chapter's expected number is given by GX103
    together with its expected title, so it is not repeated here.

    A chapter heading written without its number (``收到和处理政府信息公开申请情况`` on a line of
    its own where 三 is due, its 三、 lost) is read as that chapter and reported here, not as a
    missing chapter; the same title standing before the chapter's numbered heading is a subheading,
    and so is a title numbered otherwise (``（三）收到和处理政府信息公开申请情况`` within 一、总体情况)
    that the chapter's ``三、`` heading follows -- unless that heading's title is word for word
    another chapter's (四、存在的主要问题及改进情况 after 四's title standing unnumbered, as Word shows a
    heading whose automatic numbering was switched off: the numbers after it one short, which is
    one finding with the unnumbered heading, since numbering it mends both).  Several headings
    written without their numbers
    (all six, a house style) are one finding, naming the numbers they should have.

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
    应有的序号，不逐个标题重复。各章序号齐全、只是排列顺序不对（“六”在“五”之前）时只报告一条，
    指出哪两章顺序颠倒，而不是报“跳号”和“倒序”两条。改了名的章节，其应有的序号由 GX103 连同应有的标题一并给出，
    这里不重复报告。

    两个章节的标题互换了位置（“五”用了第六部分的标题，“六”用了第五部分的标题）的，只报告一条，指明这两部分。
    标题单独成行、却缺少序号的章节（应为“三”的位置只写了“收到和处理政府信息公开申请情况”）按该
    部分读取并在此报告，而不是报告为缺少该部分；同一标题出现在该部分有序号的标题之前的，是小标题；
    以其他方式编号的标题（如“一、总体情况”中的“（三）收到和处理政府信息公开申请情况”），其后又有该部分
    “三、”标题的，也是小标题——除非其后那个标题的文字恰是另一部分的标题（如第四部分标题未编号，其后为
    “四、存在的主要问题及改进情况”：Word 中该标题的自动编号被关闭，其后各章序号都小了 1，与该标题合为一条报告，因为给它编号即可改正两者）。多个章节标题都没有序号的（如六个标题都不写序号）只报告一条，写明各自应有的序号。

    因缺少某一部分而出现的空号由 GX101 报告：报告中没有“三”的内容而“二”之后是“四”，或者
    “二”之后直接是“三、政府信息公开行政复议、行政诉讼情况”（后面的章节提前填补了空位），
    都只作为缺少的部分报告一次。2018 年度及以前的报告只检查序号本身的顺序，不按统一格式的
    章节检查。"""
    spec = "chapters"

    messages = {
        "first": Message(
            zh="第一个章节的序号是“{numeral}”，应从“一”开始",
            en="the first chapter is numbered {numeral}; numbering should start at 一",
        ),
        "twice": Message(
            zh="章节序号“{numeral}”重复（前一章节“{before}”序号相同）",
            en="chapter number {numeral} is used twice (the previous chapter “{before}” has it too)",
        ),
        "backwards": Message(
            zh="章节序号倒序：“{previous}”之后是“{numeral}”",
            en="chapter numbers go backwards: {previous} is followed by {numeral}",
        ),
        "skip": Message(
            zh="章节序号跳号：“{previous}”之后是“{numeral}”，缺少“{skipped}”",
            en="chapter numbers skip: {previous} is followed by {numeral} ({skipped} missing)",
        ),
        # one chapter titled as the template has it stands at another number
        "wrong_number": Message(
            zh="章节“{heading}”的序号应为“{number}”：模板中该部分为“{chapter}”",
            en="chapter “{heading}” should be numbered {number}: the template has it as “{chapter}”",
        ),
        # several: the numbers are shifted by {offset}; {more}: 大 / more or 小 / less
        "shifted": Message(
            zh="从“{heading}”起，章节序号比模板{more} {offset}：{chapters}",
            en="from “{heading}” on, chapter numbers are {offset} {more} than the template's: {chapters}",
        ),
        "should_be": Message(zh="“{heading}”应为“{numeral}”", en="“{heading}” should be {numeral}"),
        # two chapters titled the other way round
        "swapped": Message(
            zh="章节“{first}”与“{second}”位置互换了：模板的第{a}部分为“{spec_a}”，第{b}部分为“{spec_b}”",
            en="the chapters “{first}” and “{second}” have swapped places: the template's chapter {a} is "
            "“{spec_a}” and chapter {b} is “{spec_b}”",
            fix_zh="按模板的顺序调换这两部分（连同各自的内容）",
            fix_en="swap the two chapters, with their content, into the template's order",
        ),
        # a template chapter's title on a line of its own, its number lost
        "unnumbered": Message(
            zh="章节标题“{heading}”缺少序号，应为“{numeral}、{heading}”",
            en="the chapter heading “{heading}” has no number; it should be “{numeral}、{heading}”",
            fix_zh="在标题前加上序号“{numeral}、”",
            fix_en="number the heading: “{numeral}、”",
        ),
        # one such heading, the chapters after it numbered one short because of it (Word's numbering
        # switched off on the heading): one finding for both
        "unnumbered_shifted": Message(
            zh="章节标题“{heading}”缺少序号，应为“{numeral}、{heading}”；其后各章的序号因此都小了 1：{chapters}",
            en="the chapter heading “{heading}” has no number; it should be “{numeral}、{heading}”, and the "
            "chapters after it are numbered one short because of it: {chapters}",
            fix_zh="在标题前加上序号“{numeral}、”，其后各章依次改正（自动编号的，为该标题恢复编号即可）",
            fix_en="number the heading “{numeral}、” and renumber the chapters after it (with automatic "
            "numbering, switching it back on for the heading does both)",
        ),
        # several such headings: one finding for all
        "unnumbered_many": Message(
            zh="{count} 个章节标题缺少序号，应依次为{numbered}",
            en="{count} chapter headings have no number; they should be {numbered}",
            fix_zh="在各章标题前加上序号（一、二、……）",
            fix_en="number the chapter headings: “一、”, “二、”, …",
        ),
        "order": Message(
            zh="章节顺序颠倒：“{first}”排在了“{second}”之前（各章现依次为{order}）",
            en="chapters out of order: “{first}” comes before “{second}” (the chapters now run {order})",
            fix_zh="把“{second}”移到“{first}”之前，按序号排列各章",
            fix_en="move “{second}” before “{first}”, so the chapters run in the order of their numbers",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or not report.chapters:
            return
        template = None if predates_format(report, ctx) else chapter_template(report, ctx)
        level = relaxed_severity(self, report)
        there = present(identified(report, template, ctx)) if template is not None else set()
        numbered_chapters = [c for c in report.chapters if c.number is not None]
        order = [c.number for c in numbered_chapters]
        if order != sorted(order) and sorted(order) == list(range(1, len(order) + 1)):
            # every number once, in another order: chapters moved, none missing -- one finding
            i = next(i for i, n in enumerate(order) if n != i + 1)
            yield ctx.say(
                numbered_chapters[i],
                "order",
                first=heading(numbered_chapters[i]),
                second=heading(numbered_chapters[order.index(i + 1)]),
                order=Phrase(
                    "、".join(c.numeral for c in numbered_chapters),
                    ", ".join(c.numeral for c in numbered_chapters),
                ),
                severity=level,
                key="numbering:order",
            )
            return
        all_runs = renumbered(report, ctx)
        runs = {id(c): run for run in all_runs for c, _ in run.chapters}
        # two chapters that each stand at the other's number (五 and 六 titled the other way round):
        # one finding naming both, on the first
        swaps: dict[int, tuple] = {}
        singles = [r.chapters[0] for r in all_runs if len(r.chapters) == 1]
        for (c1, s1), (c2, s2) in zip(singles, singles[1:]):
            if c1.number == s2.number and c2.number == s1.number and id(c1) not in swaps:
                swaps[id(c1)] = (c1, s1, c2, s2)
                swaps[id(c2)] = ()
        previous = None
        unnumbered: list = []  # chapter headings written without their numbers: one finding for all
        shifted_by: list = []  # (unnumbered chapter, the run after it one short, its own finding)
        for chapter in report.chapters:
            if chapter.number is None:
                continue
            n = chapter.number
            run = runs.get(id(chapter))
            gap = range(previous.number + 1 if previous is not None else 1, n)
            at = {"severity": level, "key": f"numbering:{chapter.heading}"}
            if run is not None:
                previous = chapter
                if run.explained or chapter is not run.chapters[0][0]:
                    continue  # GX101 gives the numbers with the missing chapter; the run is one finding
                swap = swaps.get(id(chapter))
                if swap == ():
                    continue  # said with the chapter it swapped places with
                if swap:
                    c1, s1, c2, s2 = swap
                    finding = ctx.say(
                        c1,
                        "swapped",
                        first=heading(c1),
                        second=heading(c2),
                        a=numeral_text(s2.number),
                        b=numeral_text(s1.number),
                        spec_a=numbered(s2),
                        spec_b=numbered(s1),
                        **at,
                    )
                else:
                    finding = self._renumbering(ctx, run, at)
                    if unnumbered and run.offset == -1 and _follows(report, unnumbered[-1][0], chapter):
                        # numbering switched off on one heading (Word): the numbers after it are one
                        # short because of it -- one finding with the unnumbered heading, if it is alone
                        shifted_by.append((unnumbered[-1][0], run, finding))
                        continue
            elif template is not None and len(gap) and not there.intersection(gap):
                previous = chapter  # the chapters of the gap are missing: GX101 reports them
                continue
            elif previous is None and n != 1:
                finding = ctx.say(chapter, "first", numeral=chapter.numeral, **at)
            elif previous is not None and n == previous.number:
                finding = ctx.say(chapter, "twice", numeral=chapter.numeral, before=heading(previous), **at)
            elif previous is not None and n < previous.number:
                finding = ctx.say(
                    chapter, "backwards", numeral=chapter.numeral, previous=previous.numeral, **at
                )
            elif previous is not None and n > previous.number + 1:
                finding = ctx.say(
                    chapter,
                    "skip",
                    numeral=chapter.numeral,
                    previous=previous.numeral,
                    skipped=Phrase(
                        "、".join(numeral_text(i) for i in gap),
                        ", ".join(numeral_text(i) for i in gap) + (" is" if len(gap) == 1 else " are"),
                    ),
                    **at,
                )
            elif not chapter.numeral:
                unnumbered.append((chapter, at))
                previous = chapter
                continue
            else:
                previous = chapter
                continue
            previous = chapter
            yield finding
        if len(unnumbered) == 1 and shifted_by:
            chapter, at = unnumbered[0]
            _, run, _ = shifted_by[0]
            yield ctx.say(
                chapter,
                "unnumbered_shifted",
                heading=chapter.title,
                numeral=numeral_text(chapter.number),
                chapters=joined(
                    (
                        ctx.phrase("should_be", heading=heading(c), numeral=numeral_text(s.number))
                        for c, s in run.chapters
                    ),
                    "，",
                    ", ",
                ),
                **at,
            )
            return
        yield from (finding for _, _, finding in shifted_by)
        if len(unnumbered) == 1:
            chapter, at = unnumbered[0]
            yield ctx.say(
                chapter, "unnumbered", heading=chapter.title, numeral=numeral_text(chapter.number), **at
            )
        elif unnumbered:
            chapter, at = unnumbered[0]
            named = [f"“{numeral_text(c.number)}、{c.title}”" for c, _ in unnumbered]
            yield ctx.say(
                chapter,
                "unnumbered_many",
                count=len(unnumbered),
                numbered=Phrase("".join(named), ", ".join(named)),
                severity=at["severity"],
                key="numbering:unnumbered",
            )

    @staticmethod
    def _renumbering(ctx, run, at):
        """The finding on the first chapter of a renumbered run, giving the right numbers of all."""
        chapter, spec = run.chapters[0]
        if len(run.chapters) == 1:
            return ctx.say(
                chapter,
                "wrong_number",
                heading=heading(chapter),
                number=numeral_text(spec.number),
                chapter=numbered(spec),
                **at,
            )
        d = run.offset
        return ctx.say(
            chapter,
            "shifted",
            heading=heading(chapter),
            offset=abs(d),
            more=Phrase("大", "more") if d > 0 else Phrase("小", "less"),
            chapters=joined(
                (
                    ctx.phrase("should_be", heading=heading(c), numeral=numeral_text(s.number))
                    for c, s in run.chapters
                ),
                "，",
                ", ",
            ),
            **at,
        )


def _follows(report, before, chapter) -> bool:
    """Whether ``chapter`` is the chapter right after ``before`` in the report."""
    chapters = report.chapters
    return any(a is before and b is chapter for a, b in zip(chapters, chapters[1:]))
