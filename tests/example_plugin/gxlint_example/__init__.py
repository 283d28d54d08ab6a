"""An example gxlint plugin: the (fictional) 示例省 requires every annual report to name a contact
person.  Rule codes use the plugin's own prefix, SX."""

from __future__ import annotations

import re

from gxlint import Message, Option, Rule, hookimpl
from gxlint.model import Span


class MissingContactPerson(Rule):
    """The report does not name a contact person.

    示例省's implementing rules ask every report to say whom to contact, besides the office's
    address and phone.  The rule looks for the keyword (``联系人`` by default) in the
    introduction and the first chapter.

    Anti-pattern::

        如对本报告有疑问，请与本局办公室联系（电话：0371-61234567）。

    Best practice::

        如对本报告有疑问，请与本局办公室联系（联系人：王示例；电话：0371-61234567）。
    """

    code = "SX101"
    name = "missing-contact-person"
    severity = "warning"
    summary = "the report does not name a contact person (示例省 requirement)"
    summary_zh = "报告未写明联系人（示例省要求）"
    doc_zh = """示例省的实施办法要求年度报告在地址、电话之外写明联系人。本规则在前言和第一章中查找
    关键词（默认“联系人”）。"""
    spec = "示例省政务公开实施办法（虚构）"
    options = {"keyword": Option("联系人", "the word that introduces the contact person")}
    messages = {
        "missing": Message(
            zh="报告未写明联系人：前言和第一章中没有“{keyword}”",
            en="no contact person named: “{keyword}” does not occur in the introduction or chapter 一",
            fix_zh="在前言中写明“{keyword}：姓名”",
            fix_en="add “{keyword}：<name>” to the introduction",
        ),
    }

    def check(self, report, ctx):
        keyword = ctx.options["keyword"]
        blocks = list(report.preamble) + (list(report.chapters[0].blocks) if report.chapters else [])
        for block in blocks:
            if keyword in getattr(block, "text", ""):
                return
        yield ctx.say(report.title_span or Span(1, 1, 1, 1), "missing", keyword=keyword)


class Tripwire(Rule):
    """A deliberately broken rule, to show that one crashing rule never stops the others.

    It raises when the report contains the marker 【触发崩溃】; gxlint turns the exception into a
    GX000 internal-error finding and every other rule still runs.

    Anti-pattern::

        【触发崩溃】

    Best practice::

        （任何不含该标记的报告）
    """

    code = "SX999"
    name = "tripwire"
    severity = "info"
    summary = "crashes on purpose on the marker 【触发崩溃】 (a test of crash isolation)"
    summary_zh = "遇到标记【触发崩溃】时故意出错（用于测试崩溃隔离）"

    def check(self, report, ctx):
        if "【触发崩溃】" in report.source.text:
            raise RuntimeError("tripwire: the marker 【触发崩溃】 was found")
        return ()


@hookimpl
def gxlint_rules():
    return [MissingContactPerson, Tripwire]
