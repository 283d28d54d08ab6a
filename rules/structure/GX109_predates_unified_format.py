"""GX109 predates-unified-format: a report for 2018 or earlier, which the unified format's checks do
not judge."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import checkable, first_format_year, predates_format
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import Span

#: The rules that measure a report against the unified format (silent for earlier reports).
FORMAT_RULES = ("GX101", "GX103", "GX104", "GX105", "GX107")


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

    messages = {
        "predates": Message(
            zh="本报告为 {year} 年度报告，早于统一格式（国办公开办函〔2019〕60号，2019 年 11 月 27 日印发，"
            "自 {first} 年度报告起使用），按当时的格式编写：章节、章节标题和表格不按统一格式检查"
            "（{rules} 不适用），其他检查照常进行",
            en="a report for {year} predates the unified format (国办公开办函〔2019〕60号, issued on 2019-11-27, "
            "first used for the {first} reports) and follows the format of its time: its chapters, chapter "
            "titles and tables are not checked against the unified format ({rules} do not apply); the other "
            "checks still run",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or not predates_format(report, ctx):
            return
        yield ctx.say(
            report.title_span or Span(1, 1, 1, 1),
            "predates",
            year=report.year,
            first=first_format_year(ctx),
            rules=Phrase("、".join(FORMAT_RULES), ", ".join(FORMAT_RULES)),
            key="predates-format",
        )
