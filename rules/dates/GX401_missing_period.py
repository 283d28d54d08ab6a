"""GX401 missing-period: the report does not state its statistics period."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.period import whole_year_statement, yearless_statement
from gxlint.lint.rule import Message, Rule
from gxlint.model import Span


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


class MissingPeriod(Rule):
    """The report does not state its statistics period.

    Reports state which period their figures cover, normally in the introduction:
    ``本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止``.  Without it a reader cannot
    tell whether the tables count the calendar year or some other span.  The wordings offices
    use all count: 统计期限, 统计时限, 统计时间, 统计区间, 报告期, ``本报告所列数据自…起至…止``,
    ``数据统计截至2021年12月31日``, ``本年度报告中所列数据…``, with full-width digits or spaces
    from extraction, and a statement of the year as a whole (``统计期限为2021年度``).  A statement
    that is there but malformed or wrong (a date that cannot be read, 年 and 月 lost between the
    digits, dates with no year: ``统计期限为1月1日至12月31日``) is GX402, never this rule.  This is good practice that evaluators check rather than a
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
    无法读出、数字间的“年”“月”字丢失、日期没有写年度，如“统计期限为1月1日至12月31日”）的，由 GX402
    报告，不在此报告“未说明”。这是评估中检查的
    良好做法，而非已确认的法定要求（见 docs/format.md「良好做法」），因此为警告。"""
    spec = "good-practice"

    messages = {
        "missing": Message(
            zh="报告未说明统计期限（如“本报告所列数据的统计期限自……”）",
            en="the report does not state its statistics period (e.g. “本报告所列数据的统计期限自……”)",
            fix_zh="在前言中写明“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”",
            fix_en="state it in the introduction: “本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or report.period is not None or whole_year_statement(report):
            return
        if yearless_statement(report) is not None:  # stated, without its year: GX402's
            return
        yield ctx.say(_intro(report), "missing", year=report.year or "××××", key="no-period")
