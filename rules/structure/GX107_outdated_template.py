"""GX107 outdated-template: the tables follow a format that does not apply to the report's year."""

from __future__ import annotations

from functools import lru_cache

from gxlint.lint.analyses.chapters import checkable, predates_format
from gxlint.lint.analyses.tables import kind_name
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, LEGACY_STATISTICS, Span

from ._common import LENIENT_UNTIL, NOTHING, joined, relaxed_severity
from ._formats import evidence, format_markers

#: How many of a table's distinctive labels a message names.
_SHOWN = 6


class OutdatedTemplate(Rule):
    """The tables follow a format that does not apply to the report's year.

    The 2019 format (国办公开办函〔2019〕60号) applies to the 2019 and 2020 reports and the 2021
    format (国办公开办函〔2021〕30号) from the 2021 report on.  Reported, once per table:

    - 2019-format tables in a report for 2021 or later: the 主动公开 table with 本年新制作数量,
      上一年项目数量 / 本年增/减, 规范性文件 (2021: 行政规范性文件) or the 第二十条第（九）项
      政府集中采购 table, which 2021 removed; the applications table whose single （六）其他处理 row
      holds numbers (2021 splits it into three rows);
    - 2021-format tables in a 2019 or 2020 report (本年制发件数, 本年废止件数, the three
      （六）其他处理 sub-rows);
    - the pre-2019 政府信息公开情况统计表 instead of the three tables (one finding for the report;
      GX104 then stays silent);
    - a 主动公开 table in the right format that mixes in another format's captions or column
      headings (a 2021 report that kept the 2019 第二十条第（九）项 table, or one item with the 2019
      columns); a row written with another format's label is GX212's.

    The report's year is decided from all the evidence (the title, the period statement, the
    tables' format, the signature's and publication's dates): tables that agree with the period
    and the dates are right even when the title names another year, and the title is the one
    finding then (GX106).

    A table is judged only on labels that exist in one format and not the other, named in the
    message.  For reports of 2019 and earlier the finding is a warning (docs/format.md, The documents).

    Anti-pattern::

        （2021年度报告中）
        第二十条第（九）项
        信息内容	采购项目数量	采购总金额

    Best practice::

        （2021年度报告中）
        第二十条第（八）项
        信息内容	本年收费金额（单位：万元）
    """

    code = "GX107"
    name = "outdated-template"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "the tables follow a format that does not apply to the report's year"
    summary_zh = "表格采用的格式不适用于报告年度"
    doc_zh = """表格采用的格式不适用于报告年度。

    2019 年格式（国办公开办函〔2019〕60号）适用于 2019、2020 年度报告，2021 年格式
    （国办公开办函〔2021〕30号）自 2021 年度报告起适用。以下情形每张表报告一次：

    - 2021 年及以后年度的报告使用 2019 年格式的表格：主动公开情况表中有“本年新制作数量”
      “上一年项目数量/本年增/减”“规范性文件”（2021 年为“行政规范性文件”），或 2021 年已删除的
      第二十条第（九）项政府集中采购表；收到和处理申请情况表中“（六）其他处理”只有一行并填有数字
      （2021 年格式将其分为三行）；
    - 2019、2020 年度报告使用 2021 年格式的表格（“本年制发件数”“本年废止件数”，
      （六）其他处理下的三个子项）；
    - 使用 2019 年以前的《政府信息公开情况统计表》代替三张表（整份报告一条；GX104 不再重复）；
    - 格式正确的主动公开情况表中混有另一格式的项目标题或列名（2021 年度报告保留了 2019 年格式的
      第二十条第（九）项表，或某一项使用了 2019 年格式的列）；用另一格式行名写的行由 GX212 报告。

    报告年度综合全部证据判断（标题、统计期限、表格格式、落款日期和发布日期）：表格与统计期限和
    日期一致时，即使标题写的是另一年度，表格也是正确的，此时只报告标题（GX106）。

    只依据仅在一种格式中出现的标签判断，并在消息中列出。2019 年及以前年度的报告降为警告
    （见 docs/format.md「有关文件」）。"""
    spec = "tables, the-documents"

    messages = {
        "legacy": Message(
            zh="报告使用 2019 年以前的《政府信息公开情况统计表》；统一格式（{format}）要求主动公开、收到和处理申请、"
            "行政复议和行政诉讼三张表",
            en="the report uses the pre-2019 statistics table (“政府信息公开情况统计表”); the unified format (the {format}) "
            "requires its three tables: active disclosure, applications, review/litigation",
            fix_zh="改用统一格式的三张表",
            fix_en="replace it with the unified format's three tables",
        ),
        "outdated": Message(
            zh="{table}采用{used}（{labels}{more}），{year} 年度报告应采用{expected}",
            en="the {table} follows the {used} format ({labels}{more}); a {year} report uses the {expected}",
            fix_zh="按{expected_short}重新填报此表",
            fix_en="redo the table in the {expected_short}",
        ),
        "mixed": Message(
            zh="{table}混用了{used}的表头（{labels}{more}），{year} 年度报告应全部采用{expected}",
            en="the {table} mixes in headings of the {used} format ({labels}{more}); a {year} report uses the "
            "{expected} throughout",
            fix_zh="按{expected_short}改写这些表头及其数据",
            fix_en="redo these headings and their data in the {expected_short}",
        ),
        "label": Message(zh="“{label}”", en="“{label}”"),
    }

    def check(self, report, ctx):
        if not checkable(report) or predates_format(report, ctx):
            return  # a 2018 report's 统计表 was the format of its time (GX109 says so once)
        level = relaxed_severity(self, report)
        if report.legacy_format:
            legacy = next((t for t in report.tables if t.kind == LEGACY_STATISTICS), None)
            current = ctx.templates.for_year(report.year)
            yield ctx.say(
                legacy or report.title_span or Span(1, 1, 1, 1),
                "legacy",
                format=Phrase(_short_zh(current), f"{current.id} format")
                if current is not None
                else Phrase("统一格式", "unified format"),
                severity=level,
                key="legacy",
            )
            return
        if report.year is None:
            return
        expected = ctx.templates.for_year(report.year)
        if expected is None:
            return
        markers = format_markers(ctx.templates)
        for table in report.tables:
            if table.kind not in (ACTIVE_DISCLOSURE, APPLICATIONS):
                continue
            found = evidence(table, markers, enough=expected.id)
            if found and expected.id in found:
                if table.kind == ACTIVE_DISCLOSURE:
                    yield from self._mixed(ctx, report, table, markers, expected, level)
                continue
            if not found:
                continue
            tid, labels = max(found.items(), key=lambda item: len(item[1]))
            yield _say(ctx, "outdated", report, table, tid, expected, labels, level)

    def _mixed(self, ctx, report, table, markers, expected, level):
        """A table that follows the expected format but holds another format's captions or column
        headings (a 2021 report that kept the 2019 第二十条第（九）项 政府集中采购 table, or one item
        with the 2019 columns): its rows are the other rules' (GX210, GX212)."""
        for tid, labels in evidence(table, markers).items():
            if tid == expected.id:
                continue
            headings = [x for x in labels if x in _headings(ctx.templates.get(tid))]
            if headings:
                yield _say(ctx, "mixed", report, table, tid, expected, headings, level)


def _say(ctx, what: str, report, table, tid: str, expected, labels: list[str], level):
    """The ``outdated`` or ``mixed`` finding on ``table``: format ``tid``'s labels found in it."""
    used = ctx.templates.get(tid)
    return ctx.say(
        table.header_span or table.span,
        what,
        table=kind_name(table.kind),
        used=Phrase(_spaced(_short_zh(used)), tid),
        year=report.year,
        expected=Phrase(_spaced(_short_zh(expected, cited=True)), f"{expected.id} format ({expected.name})"),
        expected_short=Phrase(_spaced(_short_zh(expected)), f"{expected.id} format"),
        labels=joined(ctx.phrase("label", label=x) for x in labels[:_SHOWN]),
        more=Phrase("等", " …") if len(labels) > _SHOWN else NOTHING,
        severity=level,
        key=f"{what}:{table.kind}:{tid}",
    )


def _spaced(name: str) -> str:
    """A format's name after a Chinese word: a blank before its year, as before the year of
    ``2022 年度报告`` (采用 2019 年试行格式)."""
    return f" {name}" if name[:1].isdigit() else name


def _short_zh(template, cited: bool = False) -> str:
    """A format as a Chinese message names it: 2021 年格式, 2019 年试行格式 -- its long titles differ
    only by （试行） -- with the document that issued it when ``cited`` (2021 年格式（国办公开办函
    〔2021〕30号）).  A format whose id is no year (a province's variant) is named by its title."""
    if template is None:
        return ""
    if not str(template.id).isdigit():
        return template.name
    short = f"{template.id} 年{'试行' if '试行' in template.name else ''}格式"
    document = str(template.data.get("source", "")).split(";")[0].strip()
    return f"{short}（{document}）" if cited and "〔" in document else short


@lru_cache(maxsize=8)
def _headings(template) -> frozenset[str]:
    """A format's article-20 captions and column headings (not its row labels: a row written with
    another format's label is GX212's)."""
    if template is None:
        return frozenset()
    return frozenset(x for s in template.sections for x in (s.caption, *s.columns))
