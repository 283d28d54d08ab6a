"""GX405 missing-signature: no closing signature (issuing organ and date)."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import checkable, cutoff
from gxlint.lint.rule import Message, Rule
from gxlint.model import Span

from ._signature import month_only, organ_alone


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
    too, as is an organ's name with no date under it, or a date that names the month but not the
    day (``2022年2月``).  Dates inside the report (an embedded form's ``时间：2020年12月30日``) are not a
    signature.  What may follow the signature is passed over: the seal's picture (``[图片]``), a
    remark in brackets (``（联系人：…，联系电话：…）``), ``抄送：…``, and an attachment under its own
    heading (``附件`` and the text after it).

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
    发布（此时 GX404 改用发布日期，如有）。只有日期、没有机关名称的落款，只有机关名称、没有日期的落款，以及只写到月、没有写明日的落款日期（“2022年2月”）也在此报告。报告中间的
    日期（如嵌入表单中的“时间：2020年12月30日”）不是落款。落款之后的印章图片（“[图片]”）、括注
    （“（联系人：……，联系电话：……）”）、“抄送：……”以及单独成行的“附件”标题及其后的附件内容不影响读取落款。"""
    spec = "good-practice"

    messages = {
        "missing": Message(
            zh="报告末尾没有落款（发布机关名称和成文日期）",
            en="the report has no closing signature (the issuing organ's name and the date)",
            fix_zh="在报告末尾写明发布机关名称和日期，如“示例县教育局 {example}”",
            fix_en="end the report with the issuing organ and the date, e.g. “示例县教育局 {example}”",
        ),
        "no_organ": Message(
            zh="落款只有日期，没有发布机关名称",
            en="the closing signature has a date but not the issuing organ's name",
            fix_zh="在日期上方写明发布机关名称",
            fix_en="write the issuing organ's name above the date",
        ),
        "no_date": Message(
            zh="落款只有发布机关名称“{organ}”，没有日期",
            en="the closing signature names the issuing organ (“{organ}”) but has no date",
            fix_zh="在机关名称下方写明成文日期，如“{example}”",
            fix_en="write the date under the organ's name, e.g. “{example}”",
        ),
        "month_only": Message(
            zh="落款日期“{date}”只写到月，没有写明日",
            en="the closing signature's date “{date}” names the month but not the day",
            fix_zh="写明完整的日期，如“{example}”",
            fix_en="write the full date, e.g. “{example}”",
        ),
        "bad_date": Message(zh="落款日期不是有效日期", en="the closing signature's date is not a valid date"),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        if cutoff(report, ctx) is not None:  # a cut-off text lost its signature with its end: GX108
            return
        sig = report.signature
        # an example date in the weeks after the report's year, as a signature is dated
        example = f"{report.year + 1 if report.year else 2022}年1月20日"
        if sig is None:
            organ = organ_alone(report)
            if organ is not None:
                yield ctx.say(
                    _end_of_report(report), "no_date", organ=organ, example=example, key="signature-no-date"
                )
            else:
                yield ctx.say(_end_of_report(report), "missing", example=example, key="no-signature")
        elif not sig.organ:
            yield ctx.say(sig.span, "no_organ", key="signature-no-organ")
        elif sig.date is None:
            month = month_only(report)
            if month is not None:
                date = f"{month.year}年{month.month}月"
                yield ctx.say(
                    sig.date_span or sig.span,
                    "month_only",
                    date=date,
                    example=f"{date}20日",
                    key="signature-month-only",
                )
            else:
                yield ctx.say(sig.date_span or sig.span, "bad_date", key="signature-bad-date")
