from __future__ import annotations

from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import Span


class InternalError(Rule):
    """A rule crashed while checking this file.

    The engine reports the rule's exception as this finding and goes on with every other rule, so
    one broken rule (or third-party plugin) never stops a run.  Report it to the rule's authors.
    """

    code = "GX000"
    name = "internal-error"
    severity = "error"
    summary = "a rule crashed on this file (the other rules still ran)"
    summary_zh = "某条规则在检查本文件时出错（其他规则照常运行）"
    doc_zh = """某条规则在检查本文件时抛出了异常。引擎把异常记为这条发现并继续运行其他所有规则，
    因此一条有缺陷的规则（或第三方插件）不会中断检查。请把它报告给该规则的作者。"""
    spec = ""
    needs_text = False
    reports_crashes = True
    messages = {
        "rule": Message(
            zh="{plugin}规则 {code}（{name}）检查本文件时出错：{error}{at}；其他规则照常运行",
            en="rule {code} ({name}{plugin}) crashed on this file: {error}{at}; the other rules still ran",
        ),
        "reader": Message(
            zh="gxlint 读取本文件结构时出错：{error}{at}；未检查本文件，请报告此问题",
            en="gxlint failed while reading this file's structure: {error}{at}; the file was not checked "
            "(please report this)",
        ),
        "file": Message(
            zh="gxlint 处理本文件时出错：{error}；其他文件照常检查，请报告此问题",
            en="gxlint failed on this file: {error}; the other files were still checked; please report it",
        ),
    }

    def check(self, report, ctx):
        for crash in ctx.crashes:
            at = Phrase("", "")
            if crash.where:
                place, _, function = crash.where.partition(" in ")
                at = Phrase(
                    f"（出错位置：{place}" + (f"，{function}" if function else "") + "）",
                    f" (at {crash.where})",
                )
            plugin = (
                Phrase(f"插件 {crash.plugin} 的", f", plugin {crash.plugin}")
                if crash.plugin
                else Phrase("", "")
            )
            yield ctx.say(
                Span(1, 1, 1, 2),
                crash.stage,
                error=Phrase(crash.error_zh or crash.error, crash.error),
                at=at,
                code=crash.rule,
                name=crash.rule_name,
                plugin=plugin,
                key=f"{crash.rule or crash.stage}:{crash.error_type}",
            )
