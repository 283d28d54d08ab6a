"""GX104 missing-table: a template table (主动公开 / 申请 / 复议诉讼) is missing."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import (
    chapter_template,
    checkable,
    identified,
    lost_tables,
    numbered,
    picture_in,
    predates_format,
    tables_template,
)
from gxlint.lint.rule import Message, Rule
from gxlint.model import TEMPLATE_KINDS, Span

from ._common import LENIENT_UNTIL, relaxed_severity, table_name


class MissingTable(Rule):
    """A table of the unified format is absent.

    Both formats have three tables: the 主动公开 table (第二十条第（一）（五）（六）（八）项,
    and 第（九）项 in 2019) under 二, the 申请 table under 三 and the 复议/诉讼 table under 四.
    A table counts as present when gxlint recognises it in any layout (tabs, pipes, one cell per
    line, or run together in a web page's text), even with no data row (GX209) or cells it cannot
    read (GX003).  Writing "本年度未发生行政复议" instead of the table does not replace it: the
    template has the table filled with zeros.

    A report that uses the pre-2019 政府信息公开情况统计表 instead of the three tables is reported
    once by GX107 (outdated template), not three times here.  Findings are warnings for
    reports of 2019 and earlier.

    Where the chapter holds a picture instead (a table published as an image in a web page, a
    Word file or a PDF, or ``[图片]`` left by a crawler), the table is not called missing: a warning says
    that it is a picture whose numbers gxlint cannot read, so that the table was not checked.

    Anti-pattern::

        四、政府信息公开行政复议、行政诉讼情况
        本年度未发生政府信息公开行政复议、行政诉讼。

    Best practice::

        四、政府信息公开行政复议、行政诉讼情况
        （复议、诉讼情况表，15 列，未发生的填 0）
    """

    code = "GX104"
    name = "missing-table"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "a template table (active disclosure, applications, review/litigation) is missing"
    summary_zh = "缺少模板表格（主动公开 / 申请 / 复议诉讼）"
    doc_zh = """缺少统一格式的表格。

    两种格式都有三张表：第二部分的主动公开情况表（第二十条第（一）（五）（六）（八）项，
    2019 年格式另有第（九）项），第三部分的收到和处理政府信息公开申请情况表，第四部分的
    行政复议、行政诉讼情况表。只要 gxlint 以任何排版（制表符、竖线、每格一行、网页中连写）
    识别出该表，就视为存在，即使没有数据行（GX209）或有无法读取的单元格（GX003）。
    用“本年度未发生行政复议”之类的文字代替表格不算：模板要求填表，未发生的填 0。

    使用 2019 年以前《政府信息公开情况统计表》代替三张表的报告，由 GX107（格式过时）报告
    一次，这里不再重复报告三次。2019 年及以前年度的报告降为警告。
    如果该部分中是一张图片（网页、Word 文件或 PDF 中以图片发布的表格，或抓取文本留下的“[图片]”），
    则不说缺少此表，而是以警告说明此表是图片，gxlint 无法读取其中的数字，未作检查。"""
    spec = "tables"

    messages = {
        "missing_in": Message(
            zh="缺少{table}：模板要求在“{chapter}”中填报此表",
            en="the {table} is missing: the template has it in “{chapter}”",
            fix_zh="按模板填报此表，未发生的事项填 0",
            fix_en="add the table as the template has it, with 0 where nothing happened",
        ),
        "picture": Message(
            zh="“{chapter}”中{table}的位置是一张图片，gxlint 无法读取图片中的数字，此表未作检查",
            en="the {table} in “{chapter}” is a picture: gxlint cannot read the numbers in a picture, "
            "and the table was not checked",
            fix_zh="以文字表格发布此表（图片中的数字无法检索、复制和核对）",
            fix_en="publish the table as a table of text (the numbers in a picture cannot be searched, "
            "copied or checked)",
        ),
        "missing": Message(
            zh="缺少{table}",
            en="the {table} is missing",
            fix_zh="按模板填报此表，未发生的事项填 0",
            fix_en="add the table as the template has it, with 0 where nothing happened",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report) or report.legacy_format:
            return
        if predates_format(report, ctx):  # a report of 2018 or before: GX109
            return
        template = chapter_template(report, ctx)
        tables = tables_template(report, ctx, template)
        kinds = {t.kind for t in report.tables}
        level = relaxed_severity(self, report)
        found = identified(report, template, ctx) if template is not None else []
        for kind in TEMPLATE_KINDS:
            if kind in kinds:
                continue
            if kind in lost_tables(report, ctx):  # lost where the text is cut off: GX108
                continue
            number = tables.table_chapter(kind) if tables else None
            spec = template.chapter(number) if template is not None and number else None
            host = next(
                (c for c, s, _ in found if s is not None and spec is not None and s.number == spec.number),
                None,
            )
            where = host or report.title_span or Span(1, 1, 1, 1)
            at = {"table": table_name(kind, tables), "severity": level, "key": f"table:{kind}"}
            picture = picture_in(host) if host is not None and spec is not None else None
            if picture is not None and spec is not None:
                yield ctx.say(
                    picture.span, "picture", chapter=numbered(spec), **{**at, "severity": "warning"}
                )
            elif spec is not None:
                yield ctx.say(where, "missing_in", chapter=numbered(spec), **at)
            else:
                yield ctx.say(where, "missing", **at)
