"""GX301: the report gives no way to contact the office."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.contact import contacts
from gxlint.lint.rule import Message, Rule
from gxlint.model import Span


class MissingContact(Rule):
    """The report gives no way to contact the office: no address, no phone number, no email.

    Reports close their introduction with whom to ask about the report: a contact address,
    postcode, phone number and email.  This rule looks through the whole text for any of the
    three (``地址：`` / ``联系地址：`` / ``办公地址为``…, ``电话：`` / ``联系电话：`` / ``电话/传真：`` /
    ``手机：`` / ``服务热线：``… -- with a note between the label and its colon, ``联系电话（区号：0591）：``
    --, or, without a label, a number that can only be a phone: with its area code, a mobile, a
    400/800 number; and any email address; a postcode, which is written with a postal address,
    labelled or not) and reports once when none is there, naming all three.  Malformed values still count as present (GX302 reports them).

    The contact details are good practice that readers and evaluators expect, not a written
    requirement of the regulation or of the unified format (which prescribes the six chapters and
    the three tables), so the finding is a warning, like the missing period statement (GX401).

    Anti-pattern::

        本报告电子版可在示例县人民政府门户网站下载。

    Best practice::

        如对本报告有疑问，请与示例县教育局办公室联系（地址：示例县建设路18号；邮编：450100；
        电话：0371-61234567；电子邮箱：gkb@shili.example.gov.cn）。
    """

    code = "GX301"
    name = "missing-contact"
    severity = "warning"
    summary = "no way to contact the office: no address, phone or email"
    summary_zh = "未提供联系方式：地址、电话、电子邮箱均缺失"
    doc_zh = """报告没有提供任何联系方式：没有地址、电话，也没有电子邮箱。

    报告通常在前言末尾说明如何就本报告咨询：联系地址、邮编、电话和电子邮箱。本规则在全文中
    查找这三者中的任何一项（“地址：”“联系地址：”“办公地址为”等，“电话：”“联系电话：”“电话/传真：”
    “手机：”“服务热线：”等，标签与冒号之间可有括注，如“联系电话（区号：0591）：”；没有标签时，
    只能是电话的号码：带区号的号码、手机号码、400/800 号码；以及任何电子邮箱；邮编总是与通信地址一起写出，无论地址是否标明，
    也算作已提供），三者都没有时报告一条，并列出所缺的三项。格式有误的
    联系方式仍算已提供（由 GX302 报告）。

    联系方式是读者和评估者期待的良好做法，而不是《条例》或统一格式（规定的是六个部分和三张
    表）的明文要求，因此本规则为警告，与缺少统计期限（GX401）相同。"""
    spec = "good-practice"

    messages = {
        "missing": Message(
            zh="报告未提供联系方式：没有联系地址、联系电话，也没有电子邮箱",
            en="the report gives no way to contact the office: no address, no phone number and no email",
            fix_zh="在前言中写明联系地址、邮编、电话（含区号）和电子邮箱",
            fix_en="state the office's address, postcode, phone number (with area code) and email in the introduction",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        # a postcode is written with a postal address (示例县建设路18号，邮编450100), labelled or not
        if {f.kind for f in contacts(report, ctx)} & {"address", "phone", "email", "postcode"}:
            return
        yield ctx.say(report.title_span or Span(1, 1, 1, 1), "missing", key="no-contact")
