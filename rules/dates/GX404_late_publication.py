"""GX404 late-publication: the report is dated after the statutory deadline, or before its period ended."""

from __future__ import annotations

import datetime as dt

from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.period import (
    deadline_for,
    no_statutory_deadline,
    period_bounds,
    under_2019_revision,
)
from gxlint.lint.rule import Message, Phrase, Rule

from ._signature import month_only


class LatePublication(Rule):
    """The report is dated after the statutory deadline, or before its period ended.

    Article 49 of the regulation (2019 revision): a 县级以上人民政府部门 publishes its report for
    the previous year by 31 January; the report of a people's government is published by
    31 March.  Reports for 2018 and earlier fell under the 2007 regulation, whose deadline was
    31 March for every organ.  The date checked is the closing signature's; a publication date
    (a ``发布日期：`` line, or the publication time in a web page's header) is checked too, since
    the regulation requires the report to be public by the deadline.  A report dated before its
    statistics period ended cannot report the whole period and is reported as well.

    The organ kind comes from the ``organ`` setting or is inferred from the agency's name
    (…人民政府 or …政府, a place's name alone as in ``示例县2021年…年度报告``, a development zone's
    …区管理委员会 or 管委会 → government; …局, …委员会, …人民政府办公厅 … → department), and
    when that name does not tell it, from the signature's organ (``示例县人民政府``).  When it cannot be
    inferred, a date between 1 February and 31 March is late only if the organ is a department:
    it is reported as a warning that says so; after 31 March it is late for every organ, and the
    error counts the days from 31 March, saying the kind was not inferred.  The
    regulation sets no deadline for township governments and subdistrict offices, nor for villagers' and
    residents' committees, which are no organs of government, nor for public institutions and
    enterprises (schools, hospitals, companies) or courts (docs/format.md, Deadlines): unless the
    ``organ`` setting gives their kind, their findings are warnings measured against the government
    deadline, named the deadline they are measured against (as for an organ of unknown kind after
    31 March), not a statutory one.  Their short names count too (乡政府, 镇政府, 街道办, a
    township government's 办公室, a 妇幼保健院).  When the ``organ`` setting gives such an organ a kind
    (a county that wants its townships to publish by 31 January), the finding keeps the rule's
    severity and names the deadline as the configuration's, not the regulation's.

    Anti-pattern::

        示例县教育局
        2022年2月15日

    Best practice::

        示例县教育局
        2022年1月20日
    """

    code = "GX404"
    name = "late-publication"
    severity = "error"
    summary = "the report is dated after the statutory deadline, or before its period ended"
    summary_zh = "报告日期晚于法定期限，或早于统计期限结束"
    doc_zh = """报告的日期晚于法定发布期限，或早于统计期限结束。

    《条例》（2019年修订）第四十九条：县级以上人民政府部门应于每年1月31日前公布上一年度的
    年度报告；人民政府的年度报告应于每年3月31日前公布。2018年度及以前的报告适用2007年《条例》，
    所有机关的期限均为3月31日。检查的是落款日期；若有发布日期（“发布日期：”行或网页头部的
    发布时间）也一并检查，因为《条例》要求在期限前向社会公布。日期早于统计期限结束的报告不可能
    涵盖整个期限，也在此报告。

    机关类型取自配置项 ``organ``，或根据机关名称推断（……人民政府或……政府、只写地名的标题如
    “示例县2021年……年度报告”、开发区等的……区管理委员会或管委会为政府；……局、……委员会、
    ……人民政府办公厅等为部门），机关名称不能说明时再根据落款机关推断（如“示例县人民政府”）。无法推断时，2月1日至3月31日之间的日期只有在该机关为部门时
    才算逾期：以警告报告并加以说明；3月31日之后对任何机关都算逾期，错误信息从3月31日起计算逾期天数，
    并说明未能推断机关类型。《条例》未规定乡镇人民政府、
    街道办事处的期限，也未规定村民委员会、居民委员会（不是行政机关）以及学校、医院、企业等公共企事业单位和
    法院、检察院的期限（见 docs/format.md「报送期限」）：除非配置项 ``organ`` 指定其类型，对其按人民政府
    的期限衡量，只报告警告，并称之为“参照的期限”而非法定期限（无法推断机关类型、3月31日后发布的也是如此）。
    简称也是如此（乡政府、镇政府、街道办、乡镇人民政府办公室、妇幼保健院）。配置项 ``organ`` 为这类机关指定了
    类型的（如要求各乡镇于1月31日前公布），按本规则的级别报告，并称之为“配置的期限”而非法定期限。"""
    spec = "deadlines"

    messages = {
        "early": Message(
            zh="{what} {date} 早于统计期限结束（{period_end}），报告不可能涵盖整个统计期限",
            en="{what} {date} is before the statistics period ended ({period_end}): "
            "the report cannot cover the whole period",
            fix_zh="核对落款日期和报告年度",
            fix_en="check the date and the report's year",
        ),
        "late": Message(
            zh="{what} {date} 晚于法定期限 {deadline}（{who}应于次年{deadline.month}月{deadline.day}日前"
            "公布{year}年度报告，{days}）{note}",
            en="{what} {date} is after the statutory deadline {deadline} ({who} publishes its {year} "
            "report by {deadline.day} {deadline:%B} of the next year; {days}){note}",
            fix_zh="核对{what}；确已逾期的，尽快公布，并如实写明日期",
            fix_en="check {what}; if the report is indeed late, publish it without delay, dated as it is",
        ),
        # {what}: the date checked
        # an organ the regulation sets no deadline for, or whose kind is not known: the deadline it is
        # measured against is no statutory deadline of its own ({note} says which it is)
        "late_reference": Message(
            zh="{what} {date} 晚于参照的期限 {deadline}（{days}）{note}",
            en="{what} {date} is after {deadline}, the deadline it is measured against ({days}){note}",
            fix_zh="核对{what}；确已逾期的，尽快公布，并如实写明日期",
            fix_en="check {what}; if the report is indeed late, publish it without delay, dated as it is",
        ),
        # an organ the regulation sets no deadline for, given a kind in the config (organ: department
        # for a county's townships): the deadline is the config's, not the regulation's
        "late_configured": Message(
            zh="{what} {date} 晚于配置的期限 {deadline}（{days}；配置中 organ 为 {organ}，按{who}的期限衡量，"
            "《条例》未规定{organs}的期限）",
            en="{what} {date} is after {deadline}, the deadline the configuration sets ({days}; organ: {organ} "
            "measures it against {who}'s; the regulation sets no deadline for {organs})",
            fix_zh="核对{what}；确已逾期的，尽快公布，并如实写明日期",
            fix_en="check {what}; if the report is indeed late, publish it without delay, dated as it is",
        ),
        "signature": Message(zh="落款日期", en="the signature date"),
        "published": Message(zh="发布日期", en="the publication date"),
        # {note}: why a late date is only a warning
        "no_statutory_deadline": Message(
            zh="（《条例》未规定{organs}的期限，此处按人民政府的期限衡量）",
            en=" (the regulation sets no deadline for {organs}; measured against a government's)",
        ),
        "organ_unknown": Message(
            zh="（无法从机关名称判断机关类型：若为人民政府，期限为{deadline}，则未逾期；"
            "可在配置中设置 organ）",
            en=" (the organ kind could not be inferred from its name: for a people's "
            "government the deadline is {deadline} and the report is on time; "
            "set organ in the config)",
        ),
        "organ_unknown_late": Message(
            zh="（无法从机关名称判断机关类型，按最晚的法定期限衡量：人民政府应于次年3月31日前公布；"
            "可在配置中设置 organ）",
            en=" (the organ kind could not be inferred from its name: measured against the latest "
            "statutory deadline, a people's government's 31 March; set organ in the config)",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        year = report.year
        bounds = period_bounds(report)
        if year is None and bounds is None:
            return
        if year is None:
            year = bounds[1].year
        period_end = bounds[1] if bounds else dt.date(year, 12, 31)
        dated = []
        sig = report.signature
        if sig is not None and sig.date is not None:
            dated.append(("signature", sig.date, sig.date_span or sig.span, None))
        elif (month := month_only(report)) is not None and sig is not None:
            # 2022年2月: its first day is as early as it can be; late if even that is (GX405 asks for the day)
            first = dt.date(month.year, month.month, 1)
            dated.append(("signature", first, sig.date_span or sig.span, f"{month.year}-{month.month:02d}"))
        if report.published is not None:
            dated.append(("published", report.published.date, report.published.span, None))
        for what, date, span, month_text in dated:
            yield from self._check_one(report, ctx, year, period_end, what, date, span, month_text)

    def _check_one(self, report, ctx, year, period_end, what, date, span, month_text=None):
        if month_text is not None and date <= period_end:
            return  # a month the period ends in or before: its day would tell, and GX405 asks for it
        if date < period_end:
            yield ctx.say(
                span,
                "early",
                what=ctx.phrase(what),
                date=date.isoformat(),
                period_end=period_end.isoformat(),
                key=f"{what}:early:{date.isoformat()}",
            )
            return
        organ = ctx.organ
        # a township's kind is inferred as none: the government deadline, as a warning; the organ
        # setting, when given, applies as it does to every organ
        unregulated = no_statutory_deadline(report.agency)
        # a township's kind is never inferred: a kind given to one comes from the config
        configured = unregulated if organ is not None else None
        if organ is None and unregulated is not None:
            organ = "government"
        else:
            unregulated = None
        rule = deadline_for(year, organ)
        if rule is None:
            return
        deadline, who_zh, who_en = rule
        if date <= deadline:
            return
        severity = None
        note = Phrase("", "")
        message = "late"
        if configured is not None and under_2019_revision(year):
            message = "late_configured"
        elif unregulated is not None and under_2019_revision(year):
            message = "late_reference"
            severity = "warning"
            note = ctx.phrase("no_statutory_deadline", organs=Phrase(unregulated["zh"], unregulated["en"]))
        elif ctx.organ is None and under_2019_revision(year):
            later = deadline_for(year, "government")
            if later is not None and date <= later[0]:
                severity = "warning"
                note = ctx.phrase("organ_unknown", deadline=later[0].isoformat())
            elif later is not None:  # late for every organ: measured against the latest deadline
                deadline = later[0]
                message = "late_reference"
                note = ctx.phrase("organ_unknown_late")
        yield ctx.say(
            span,
            message,
            what=ctx.phrase(what),
            date=month_text or date.isoformat(),
            deadline=deadline,
            who=Phrase(who_zh, who_en),
            year=year,
            organ=ctx.organ or "",
            organs=Phrase(configured["zh"], configured["en"]) if configured is not None else "",
            days=_days((date - deadline).days, at_least=month_text is not None),
            note=note,
            severity=severity,
            key=f"{what}:late:{month_text or date.isoformat()}",
        )


def _days(n: int, at_least: bool = False) -> Phrase:
    """How late: 逾期 5 天 / 5 days late; at least so many for a date that names only its month."""
    en = f"{n} day late" if n == 1 else f"{n} days late"
    return Phrase(f"至少逾期 {n} 天", f"at least {en}") if at_least else Phrase(f"逾期 {n} 天", en)
