"""GX303: the report does not say where its electronic version can be found."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.contact import states_download
from gxlint.lint.rule import Message, Rule
from gxlint.model import Span


class MissingDownloadLocation(Rule):
    """The report does not say where its electronic version can be found.

    Reports usually say in their introduction where the electronic version is published
    (``本报告电子版可在××人民政府门户网站“政府信息公开”专栏查阅和下载``), so that a printed or
    forwarded copy leads readers to the authoritative one.  The rule looks for a sentence that
    names the electronic version (电子版, 电子文本, 全文) or the report together with a website,
    column or platform, and a verb of finding it (下载, 查阅, 查看, 获取, 浏览, 公布, 发布, 公开, 刊登 …).  This is good
    practice, not a written requirement of the regulation or of the unified format, hence an info
    finding.

    Anti-pattern::

        本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。

    Best practice::

        本报告电子版可在示例县人民政府门户网站（www.shili.example.gov.cn）查阅和下载。
    """

    code = "GX303"
    name = "missing-download-location"
    severity = "info"
    summary = "the report does not say where its electronic version can be found"
    summary_zh = "未说明报告电子版的获取途径"
    doc_zh = """报告没有说明电子版在哪里可以找到。

    报告通常在前言中说明电子版的发布位置（如“本报告电子版可在××人民政府门户网站
    ‘政府信息公开’专栏查阅和下载”），使纸质或转发的文本能指引读者找到权威版本。本规则查找
    同时提到电子版（电子版、电子文本、全文）或“报告”与网站、专栏、平台，并带有下载、查阅、
    查看、获取、浏览、公布、发布、公开、刊登等动词的句子。这是良好做法，而不是《条例》或统一格式的明文要求，
    因此为提示级别。"""
    spec = "good-practice"

    messages = {
        "missing": Message(
            zh="报告未说明电子版的获取途径（在哪个网站或栏目可以查阅、下载）",
            en="the report does not say where its electronic version can be found "
            "(which website or column to read or download it from)",
            fix_zh="在前言中写明，如“本报告电子版可在××人民政府门户网站查阅和下载”",
            fix_en="say so in the introduction, e.g. “本报告电子版可在××人民政府门户网站查阅和下载”",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or states_download(report):
            return
        yield ctx.say(report.title_span or Span(1, 1, 1, 1), "missing", key="no-download")
