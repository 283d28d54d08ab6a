"""GX503 copied-text: much of the narrative is the same as last year's report."""

from __future__ import annotations

import re

from gxlint.lint.analyses.sentences import Narrative, narrative, narrative_keys, remember
from gxlint.lint.rule import Message, Option, Phrase, Rule, place
from gxlint.model import Chapter

from ._common import YEAR, file_name, year_of

# Only a finding quotes an excerpt: compiled on first use (``re`` caches).
_MARKUP = r"[*#_`>]+"
_SPACE = r"\s+"


def _problems_chapter(chapter: Chapter | None) -> bool:
    return chapter is not None and (
        chapter.number == 5 or "存在的主要问题" in chapter.title or "改进情况" in chapter.title
    )


def _excerpt(text: str, length: int = 14) -> str:
    text = re.sub(_SPACE, "", re.sub(_MARKUP, "", text))
    return text[:length] + ("…" if len(text) > length else "")


class CopiedText(Rule):
    """Much of the report's narrative is the same as last year's report.

    A year's report must describe that year's work; the 2021 format's notice names content copied
    from earlier years (内容雷同) among the failings for which those responsible are held to
    account.  The rule compares the narrative sentences of this year's report with last year's
    report of the same agency, after setting numbers (counts in Chinese numerals too: 二十八个,
    两期, 百分之四), years and dates, spaces and punctuation aside (so a sentence whose only change
    is its numbers counts as copied), and each report's own
    agency name (a report copied under the agency's new name, 环境保护局 → 生态环境局, is a copy).  Only the narrative
    counts: headings, tables, the introduction's fixed wording (本报告依据…, 本报告所列数据的统计
    期限…, 本报告电子版…, 全文包括总体情况、…), the wording every report shares as a short sentence of
    its own (a table's lead-in, 本年度申请和办理情况见下表; 本年度未收取信息处理费), the contact sentence and fragments under ``min-chars``
    characters are left out.  When the share of copied sentences reaches ``threshold``, the warning, on the report's
    title, names the most copied paragraphs where the file has them (a line; in a Word, web or PDF
    file a paragraph, a page's line or a line of the page's source).

    The default threshold, 0.5, comes from real reports: different years of one agency's honest
    reports share 4-17% of their sentences (standing phrases about the same office and channels);
    the real reports of different agencies gxlint is tested with share none once the fixed wording
    and the contact sentence are left out; a report made from last year's by changing the numbers
    shares nearly all of them (100% in the tests).  Half the sentences leaves a wide margin on
    both sides: raise it to hear only of near copies, lower it (not below 0.2) for a stricter
    review.

    Chapter 五、存在的主要问题及改进情况 gets its own warning when its sentences reach the threshold:
    that chapter exists to report what changed -- how last year's problems were dealt with and which
    remain -- and a copy of last year's says nothing of the kind.

    Anti-pattern::

        上年报告（2020年）：五、存在的主要问题及改进情况
        政策解读形式较为单一。下一步，我局将丰富图解、问答等解读形式。
        本年报告（2021年）：五、存在的主要问题及改进情况
        政策解读形式较为单一。下一步，我局将丰富图解、问答等解读形式。

    Best practice::

        本年报告（2021年）：五、存在的主要问题及改进情况
        上年度提出的解读形式单一问题，本年度新增图解12篇、视频解读3期，已基本整改。
        当前主要问题是部分检查结果公开不够及时，下一步将把结果公开纳入执法流程。
    """

    code = "GX503"
    name = "copied-text"
    severity = "warning"
    uses_previous = True
    summary = "much of the narrative is the same as last year's report (needs last year's report)"
    summary_zh = "叙述内容与上年报告大量雷同（需要上年报告）"
    spec = "across-years, good-practice"
    options = {
        "threshold": Option(
            0.5,
            "the share of this year's narrative sentences equal to last year's (numbers and "
            "dates aside) from which the rule warns, for the report and for chapter 五",
            help_zh="本年叙述句子中与上年相同（不计数字和日期）的比例达到多少时警告，对全文和第五部分分别计算",
        ),
        "min-sentences": Option(
            5,
            "reports with fewer narrative sentences than this are not judged as a whole",
            help_zh="叙述句子少于此数的报告不作整体判断",
        ),
        "min-chars": Option(
            8,
            "shorter sentences (after dropping numbers and punctuation) are not compared",
            help_zh="去掉数字和标点后短于此长度的句子不作比较",
        ),
    }
    doc_zh = """报告叙述内容的大部分与上年报告相同。

    年度报告应当反映当年的工作；2021 年格式的通知把“内容雷同”列为要追究责任的问题之一。本规则把本年
    报告的叙述句子与同一机关上年报告比较，比较时不计数字（包括用汉字写的数量：二十八个、两期、百分之四）、年份和日期、空格和标点（只改了数字的句子算作
    雷同），也不计各自的机关名称（机关更名后照搬上年报告、只换了名称的，也算雷同）。只比较叙述：标题、表格、前言中的固定表述（本报告依据……、本报告所列数据的统计期限……、本报告
    电子版……、全文包括总体情况……）、各报告共用、单独成句的短句（表格的引语“本年度申请和办理情况见下表”、“本年度未收取信息处理费”）、联系方式句子以及短于 ``min-chars`` 个字的片段不计。雷同句子所占比例达到 ``threshold`` 时
    报告警告（标在报告标题处），并列出雷同最多的段落及其位置（行号；Word、网页、PDF 文件中为段落、页中的行或网页源码的行）。

    默认阈值 0.5 来自真实报告：同一机关不同年度如实编写的报告，相同句子只占 4%–17%（关于同一机构、同一
    渠道的固定说法）；gxlint 测试所用的不同机关的真实报告，去掉固定表述和联系方式后没有相同的句子；而照着
    上年报告只改数字的报告，几乎所有句子都相同（测试中为 100%）。取一半，两边都留有充分余地：只想发现
    近乎照抄的报告可调高阈值，要更严格地审查可调低（不宜低于 0.2）。

    第五部分“存在的主要问题及改进情况”的句子达到阈值时单独报告：这一部分要写的正是变化——上年的问题
    如何整改、还存在哪些问题——照搬上年的内容等于什么都没有说。"""

    messages = {
        "report": Message(
            zh="本报告（{here}）{n} 句叙述中有 {m} 句（{pct}%）与上年报告 {there}{last_year}相同（数字、日期不计），"
            "达到 {limit}%；雷同最多的段落：{paragraphs}；年度报告应反映当年的工作，内容雷同是格式通知列明要追责的问题",
            en="this report ({here}) repeats {m} of its {n} narrative sentences from last year's report "
            "{there}{last_year}, numbers and dates aside: {pct}%, at or above the limit of {limit}%; the "
            "paragraphs most copied: {paragraphs}; the report must describe this year's work, and the format's notice names copied "
            "content (“内容雷同”) for accountability",
            fix_zh="按本年度的实际工作重写这些段落",
            fix_en="rewrite these paragraphs about this year's work",
        ),
        # one of {paragraphs}
        "paragraph": Message(
            zh="{place}“{excerpt}”（{copied}/{total} 句）",
            en="{place} “{excerpt}” ({copied}/{total} sentences)",
        ),
        "problems_chapter": Message(
            zh="第五部分“存在的主要问题及改进情况”{total} 句中有 {same} 句与上年报告 {there}{last_year}相同"
            "（数字、日期不计），本报告为 {here}；这一部分应写明上年问题的整改情况和本年仍存在的问题，"
            "而不是照搬上年的内容",
            en="in this report ({here}), chapter “五、存在的主要问题及改进情况” repeats {same} of its {total} "
            "sentences from last year's report {there}{last_year}, numbers and dates aside; the chapter "
            "must say how last year's problems were dealt with and which remain, not repeat last year's text",
            fix_zh="重写这一部分：写明上年问题的整改结果和本年发现的问题及改进措施",
            fix_en="rewrite the chapter: the results of last year's improvements, this year's problems and "
            "the measures planned",
        ),
        "year": YEAR,
    }

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        min_chars = ctx.options["min-chars"]
        threshold = ctx.options["threshold"]
        last = narrative_keys(previous, min_chars)
        mine = narrative(report, min_chars)
        remember(report, min_chars, mine)  # next year's report will ask for this one's
        if not mine.sentences or not last:
            return
        names = {"here": file_name(report), "there": file_name(previous), "last_year": year_of(ctx, previous)}
        copied = [s for s in mine.sentences if s.key in last]
        share = len(copied) / len(mine.sentences)
        if len(mine.sentences) >= ctx.options["min-sentences"] and copied and share >= threshold:
            yield self._whole(report, ctx, mine, copied, share, threshold, names)
        # chapter 五 on its own
        problems = {i for i, (_, chapter) in enumerate(mine.paragraphs) if _problems_chapter(chapter)}
        ch5 = [s for s in mine.sentences if s.paragraph in problems] if problems else []
        if ch5:
            same = [s for s in ch5 if s.key in last]
            if same and len(same) / len(ch5) >= threshold:
                chapter = mine.paragraphs[ch5[0].paragraph][1]
                yield ctx.say(
                    chapter,
                    "problems_chapter",
                    total=len(ch5),
                    same=len(same),
                    **names,
                    key="copied:problems",
                )

    def _whole(self, report, ctx, mine: Narrative, copied, share, threshold, names):
        per: dict[int, int] = {}
        total: dict[int, int] = {}
        for s in mine.sentences:
            total[s.paragraph] = total.get(s.paragraph, 0) + 1
        for s in copied:
            per[s.paragraph] = per.get(s.paragraph, 0) + 1
        ranked = sorted(per, key=lambda i: (-per[i], i))[:3]
        shown = [
            ctx.phrase(
                "paragraph",
                place=place(report, mine.paragraphs[i][0]),
                excerpt=_excerpt(mine.paragraphs[i][0].text),
                copied=per[i],
                total=total[i],
            )
            for i in ranked
        ]
        return ctx.say(
            # a finding on the whole report, at its title (the paragraphs are named in the message)
            report.title_span or mine.paragraphs[ranked[0]][0],
            "report",
            n=len(mine.sentences),
            m=len(copied),
            pct=round(share * 100),
            limit=round(threshold * 100),
            paragraphs=Phrase("、".join(p.zh for p in shown), ", ".join(p.en for p in shown)),
            **names,
            key="copied:report",
        )
