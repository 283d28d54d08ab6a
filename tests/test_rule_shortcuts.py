"""The rules' shortcuts find what their plain forms find.

Work the rules do once per run or per table instead of per cell (the places of an identity's
columns, a table's cells read by position, the format evidence of a field's text), the quick
searches that let a slow date pattern skip a paragraph, and the end of the format evidence once
the expected format is seen: these tests hold each to the plain form it stands for, on the
example report and a few generated ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint import parse_text
from gxlint.chinese import DATE_CN, DATE_ISO
from gxlint.lint.analyses.chapters import checkable, is_report
from gxlint.lint.analyses.tables import trusted_rows, unread_tables, written_but_unread
from gxlint.read.templates import Templates, builtin
from gxlint_rules.dates import GX403_date_out_of_period as gx403
from gxlint_rules.structure._formats import evidence, format_markers
from gxlint_rules.tables._identity import _columns, row_cells

ROOT = Path(__file__).resolve().parent.parent
REPORTS = [
    ROOT / "examples" / "shili-county-2021.txt",
    *sorted((ROOT / "benchmarks" / "corpus" / "reports-1000-2024").glob("r000*.txt")),
]


@pytest.fixture(scope="module")
def reports():
    return [parse_text(path.read_text(encoding="utf-8"), str(path)) for path in REPORTS]


def _tables(reports):
    return [t for r in reports for t in r.tables if t.rows]


def test_row_cells_are_the_cells_row_cell_finds(reports):
    for table in _tables(reports):
        columns = sorted({c for row in table.rows for c in row.columns})
        for wanted in (columns, columns[:2], [*columns[:1], "没有的列"], []):
            places: dict = {}
            for row in table.rows:
                plain = [row.cell(c) for c in wanted]
                expected = None if any(c is None for c in plain) else plain
                assert row_cells(row, wanted, places) == expected


def test_columns_read_by_position_are_the_cells_row_cell_finds(reports):
    for table in _tables(reports):
        rows = trusted_rows(table)
        keys = [*list(rows)[:5], "没有的行"]
        for columns in {row.columns for row in table.rows}:
            plain = [[rows[k].cell(c) if k in rows else None for k in keys] for c in columns]
            assert _columns(rows, keys, columns) == plain
        twice = (*table.rows[0].columns[:2], table.rows[0].columns[0])
        plain = [[rows[k].cell(c) if k in rows else None for k in keys] for c in twice]
        assert _columns(rows, keys, twice) == plain


def test_the_evidence_ends_only_where_the_expected_format_is_seen(reports):
    templates: Templates = builtin()
    markers = format_markers(templates)
    for table in (t for r in reports for t in r.tables):
        full = evidence(table, markers)
        for template in templates.formats:
            short = evidence(table, markers, enough=template.id)
            assert (template.id in short) == (template.id in full)
            if template.id not in full:
                assert short == full


@pytest.mark.parametrize(
    "text",
    [
        "2019年7月18日，我局召开会议。",
        "于2019 年 7 月 18 日召开",
        "2019-07-18 发布；2020/1/8；2020.01.08",
        "20190-7-18 不是日期；2019年13月1日也不是",
        "网址 www.example.gov.cn/2019-07-18/a.html",
        "7月18日，没有年份；2019年7月没有日",
        "",
    ],
)
def test_the_quick_date_searches_skip_no_date(text):
    plain = sorted(m.span() for pattern in (DATE_CN, DATE_ISO) for m in pattern.finditer(text))
    found = sorted(
        m.span()
        for pattern in (DATE_CN, DATE_ISO)
        for m in pattern.finditer(text)
        if (pattern is DATE_CN and gx403._CN_DAY.search(text))
        or (pattern is DATE_ISO and gx403._ISO_DAY.search(text))
    )
    assert found == plain


def test_checkable_reads_blank_text_as_strip_does():
    for text in (
        "",
        " ",
        "\n\u3000\t",
        "\u3000示例县人民政府2021年政府信息公开工作年度报告\n",
        "# 报告\n\n正文\n",
    ):
        report = parse_text(text)
        plain = report.readable and bool(report.source.text.strip()) and is_report(report)
        assert checkable(report) == plain


def test_unread_tables_are_the_tables_written_but_unread(reports):
    class Ctx:
        def __init__(self):
            self.shared: dict = {}

        def memo(self, key, factory):
            if key not in self.shared:
                self.shared[key] = factory()
            return self.shared[key]

    for report in reports:
        assert unread_tables(report, Ctx()) == [t for t in report.tables if written_but_unread(t)]
