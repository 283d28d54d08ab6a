from __future__ import annotations

from gxlint.lint.analyses.chapters import is_report
from gxlint.lint.rule import Message, Rule
from gxlint.model import Span


class NotAReport(Rule):
    """No annual-report structure is recognised at all.

    The file was read, but it has no chapter heading of a report (一、总体情况 or another wording of a
    format's chapter: items numbered 一、二、 about other things do not count), no template table and
    no report's title (one about 信息公开 ending in 报告 or 年报): it is empty, whitespace only, or
    some other document, such as a README that only mentions the reports or a notice about them.
    Nothing else is
    checked on such a file, so that one wrong file does not bury the output in findings.

    Anti-pattern::

        会议纪要
        今天讨论了三件事。

    Best practice::

        示例县人民政府办公室2021年政府信息公开工作年度报告
        一、总体情况
        ……
    """

    code = "GX002"
    name = "not-a-report"
    needs_text = False  # also said of a file with no text
    not_a_report = True
    severity = "error"
    summary = "no annual-report structure recognised at all"
    summary_zh = "未识别出任何年度报告结构"
    doc_zh = """文件可以读取，但既没有年度报告的章节标题（“一、总体情况”或格式中某一部分的其他写法；
    编号为一、二、但内容与此无关的条目不算），也没有模板表格，也没有年度报告的标题（关于
    “信息公开”、以“报告”或“年报”结尾）：它是空文件、只有空白，或者是别的文档，例如只是提到这些
    报告的说明文件或关于报告的通知。对这样的文件不再做其他检查，以免一个放错的文件
    淹没全部输出。"""

    messages = {
        "empty": Message(
            zh="文件为空（或只有空白），不是年度报告",
            en="the file is empty (or whitespace only): not an annual report",
        ),
        "no-structure": Message(
            zh="未识别出年度报告的结构：没有“一、总体情况”等章节标题，没有模板表格，"
            "也没有“……政府信息公开工作年度报告”这样的标题",
            en="no annual-report structure found: no chapter headings such as “一、总体情况”, "
            "no template tables, and no title such as “…政府信息公开工作年度报告”",
        ),
    }

    def check(self, report, ctx):
        if not report.readable:
            return
        text = report.source.text
        if not text.strip():
            yield ctx.say(Span(1, 1, 1, 1), "empty")
            return
        if is_report(report):
            return
        yield ctx.say(Span(1, 1, 1, 1), "no-structure")
