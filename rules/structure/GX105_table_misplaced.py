"""GX105 table-misplaced: a template table stands under the wrong chapter."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import (
    chapter_template,
    checkable,
    heading,
    identified,
    numbered,
    predates_format,
    tables_template,
)
from gxlint.lint.analyses.tables import kind_name
from gxlint.lint.rule import Message, Rule
from gxlint.model import TEMPLATE_KINDS

from ._common import NOTHING, relaxed_severity


class TableMisplaced(Rule):
    """A template table stands under the wrong chapter.

    The template places the 主动公开 table in 二、主动公开政府信息情况, the 申请 table in
    三、收到和处理政府信息公开申请情况 and the 复议/诉讼 table in
    四、政府信息公开行政复议、行政诉讼情况.  The chapter a table stands under is identified by its
    title (so a report that numbers its chapters differently is judged by what they are); a
    chapter whose title matches no template chapter counts as the template chapter of its number
    only when no other chapter's title claims that one.  A table before the first chapter heading
    is misplaced too.  Findings are warnings.  Reports for 2018 and earlier predate the unified
    format and its tables, and are not judged here (GX109).

    Anti-pattern::

        四、重视其他信息公开
        第二十条第（一）项
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量

    Best practice::

        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量
    """

    code = "GX105"
    name = "table-misplaced"
    severity = "warning"
    summary = "a template table stands under the wrong chapter"
    summary_zh = "模板表格位于错误的章节下"
    doc_zh = """模板表格位于错误的章节下。

    模板把主动公开情况表放在“二、主动公开政府信息情况”，申请情况表放在
    “三、收到和处理政府信息公开申请情况”，复议诉讼情况表放在
    “四、政府信息公开行政复议、行政诉讼情况”。表格所在章节按标题识别（因此序号编错的报告
    按章节的实际内容判断）；标题与模板任何部分都不对应的章节，只有在没有其他章节的标题对应
    该序号的部分时，才按序号视为该部分。位于第一个章节标题之前的表格也算放错位置。
    本规则为警告。2018 年度及以前的报告早于统一格式及其表格，不在此检查（见 GX109）。"""
    spec = "tables"

    messages = {
        "before_first": Message(
            zh="{table}位于第一个章节标题之前；模板要求放在“{chapter}”中{renamed}",
            en="the {table} stands before the first chapter heading; the template has it in “{chapter}”{renamed}",
            fix_zh="把此表移到“{chapter}”中",
            fix_en="move the table into “{chapter}”",
        ),
        "under": Message(
            zh="{table}位于“{heading}”之下；模板要求放在“{chapter}”中{renamed}",
            en="the {table} stands under “{heading}”; the template has it in “{chapter}”{renamed}",
            fix_zh="把此表移到“{chapter}”中",
            fix_en="move the table into “{chapter}”",
        ),
        # {renamed}: the report's own title of the chapter the table belongs in
        "renamed": Message(zh="（本报告中为“{heading}”）", en=" (in this report “{heading}”)"),
    }

    def check(self, report, ctx):
        if not checkable(report) or not report.chapters or predates_format(report, ctx):
            return
        template = chapter_template(report, ctx)
        if template is None:
            return
        found = identified(report, template, ctx)
        claimed = {s.number for _, s, _ in found if s is not None}
        place = {}
        for chapter, spec, _ in found:
            if spec is not None:
                place[id(chapter)] = spec.number
            elif chapter.number is not None and chapter.number not in claimed:
                place[id(chapter)] = chapter.number
        tables = tables_template(report, ctx, template)
        level = relaxed_severity(self, report)
        for table in report.tables:
            if table.kind not in TEMPLATE_KINDS:
                continue
            expected = tables.table_chapter(table.kind) if tables else None
            spec = template.chapter(expected) if expected else None
            if spec is None:
                continue
            chapter = report.chapter_of(table)
            if chapter is not None and place.get(id(chapter)) == expected:
                continue
            home = next((c for c, s, _ in found if s is not None and s.number == expected), None)
            renamed = NOTHING
            if home is not None and heading(home) != numbered(spec):
                renamed = ctx.phrase("renamed", heading=heading(home))
            at = {
                "table": kind_name(table.kind),
                "chapter": numbered(spec),
                "renamed": renamed,
                "severity": level,
                "key": f"misplaced:{table.kind}",
            }
            where = table.header_span or table.span
            if chapter is None:
                yield ctx.say(where, "before_first", **at)
            else:
                yield ctx.say(where, "under", heading=heading(chapter), **at)
