"""A template table written without one of its columns (an applications table with no 总计): one
GX003 finding for the table, its numbers read under their own headings, and no arithmetic finding
built on numbers shifted into the wrong columns."""

from __future__ import annotations

import pytest

import formsgen
from conftest import EXAMPLE
from gxlint.model import APPLICATIONS
from gxlint.read.source import from_bytes
from gxlint.run.linter import Linter

TEXT = EXAMPLE.read_text(encoding="utf-8")
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def without_total(text: str) -> str:
    """The report with its applications table's last column (总计) left out, header included."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("（本列数据的勾稽关系"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    for i in range(start, end + 1):
        lines[i] = lines[i].rsplit("\t", 1)[0]
    assert not any(line.endswith("总计") for line in lines[start:end])
    return "\n".join(lines)


FORMS = {
    "text": lambda t: (t.encode("utf-8"), "r.txt"),
    "docx": lambda t: (formsgen.to_docx(t), "r.docx"),
    "html": lambda t: (formsgen.to_html(t, "utf-8"), "r.html"),
}


def lint(data: bytes, name: str) -> list:
    linter = Linter(isolated=True)
    return linter.lint_source(from_bytes(data, name), linter.settings(name))


def applications(data: bytes, name: str):
    linter = Linter(isolated=True)
    report = linter.read_report(from_bytes(data, name), linter.settings(name))
    return report.table(APPLICATIONS)


@pytest.mark.parametrize("form", list(FORMS))
def test_one_finding_says_which_column_is_missing_and_nothing_is_built_on_shifted_numbers(form):
    pytest.importorskip("docx", reason="python-docx writes the Word form")
    found = lint(*FORMS[form](without_total(TEXT)))
    assert [(f.code, f.severity) for f in found] == [("GX003", "warning")], [str(f) for f in found]
    assert "总计" in found[0].message and "自然人" in found[0].message
    assert lint(*FORMS[form](TEXT)) == []  # the table with its 总计 column is clean


@pytest.mark.parametrize("form", list(FORMS))
def test_the_numbers_are_read_under_their_own_headings(form):
    pytest.importorskip("docx", reason="python-docx writes the Word form")
    whole = applications(*FORMS[form](TEXT))
    cut = applications(*FORMS[form](without_total(TEXT)))
    assert [r.key for r in cut.rows] == [r.key for r in whole.rows]
    for a, b in zip(whole.rows, cut.rows):
        assert [c.value for c in b.cells[:6]] == [c.value for c in a.cells[:6]], b.key
        assert (b.cells[6].status, b.alignment, b.trusted) == ("blank", "missing-column", False)


def test_a_row_with_a_number_under_no_heading_is_not_read_by_the_header():
    # the header lost its 总计 (a page's header row cut short), the rows have all seven numbers
    lines = TEXT.split("\n")
    at = next(i for i, line in enumerate(lines) if "\t总计" in line and "自然人" in line)
    lines[at] = lines[at].rsplit("\t", 1)[0]
    table = applications("\n".join(lines).encode("utf-8"), "r.txt")
    assert {r.alignment for r in table.rows} != {"missing-column"}
    assert lint("\n".join(lines).encode("utf-8"), "r.txt") == []
