"""A template table whose columns are typed in another order than the template's, header and
numbers alike (商业企业 and 科研机构 swapped, 总计 first): its numbers are read under their own
headings, in every form that keeps a table's columns, and one GX210 finding says that the order is
not the template's -- never numbers read into the wrong columns in silence, nor arithmetic findings
built on them."""

from __future__ import annotations

import pytest

import formsgen
from conftest import EXAMPLE
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION
from gxlint.read.source import from_bytes
from gxlint.run.linter import Linter

TEXT = EXAMPLE.read_text(encoding="utf-8")
LINES = TEXT.split("\n")

FORMS = {
    "text": lambda t: (t.encode("utf-8"), "r.txt"),
    "pipes": lambda t: (formsgen.to_pipes(t).encode("utf-8"), "r.txt"),
    "docx": lambda t: (formsgen.to_docx(t), "r.docx"),
    "html": lambda t: (formsgen.to_html(t, "utf-8"), "r.html"),
}


def _at(start: str) -> int:
    return next(i for i, line in enumerate(LINES) if line.startswith(start))


def moved(first: str, last: str, move) -> str:
    """The report with ``move`` done to the fields of every line from the one starting with
    ``first`` to the one starting with ``last``."""
    lines = list(LINES)
    for i in range(_at(first), _at(last) + 1):
        fields = lines[i].split("\t")
        move(fields)
        lines[i] = "\t".join(fields)
    return "\n".join(lines)


def swap(a: int, b: int):
    def move(fields: list[str]) -> None:
        fields[a], fields[b] = fields[b], fields[a]

    return move


def to_front(at: int, to: int):
    def move(fields: list[str]) -> None:
        fields.insert(to, fields.pop(at))

    return move


CASES = {
    # the applications table: fields 3-9 are its seven columns in header and rows alike
    "applications, two columns swapped": (APPLICATIONS, moved("\t\t\t\t商业企业", "四、", swap(4, 5))),
    "applications, 总计 first": (APPLICATIONS, moved("\t\t\t自然人", "四、", to_front(9, 3))),
    "article 20 item （一）, 本年制发件数 and 现行有效件数 swapped": (
        ACTIVE_DISCLOSURE,
        moved("信息内容\t本年制发件数", "行政规范性文件", swap(1, 3)),
    ),
    "review and litigation, 结果维持 and 结果纠正 of 行政复议 swapped": (
        REVIEW_LITIGATION,
        moved("结果维持\t结果纠正", "1\t0\t0", swap(0, 1)),
    ),
}


def read(data: bytes, name: str):
    linter = Linter(isolated=True)
    settings = linter.settings(name)
    source = from_bytes(data, name)
    return linter.read_report(source, settings), linter.lint_source(source, settings)


def values(table) -> dict:
    return {(r.key, c.column): c.value for r in table.rows for c in r.cells}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("case", list(CASES))
def test_columns_in_another_order_are_read_under_their_headings_and_said_once(case, form):
    pytest.importorskip("docx", reason="python-docx writes the Word form")
    kind, text = CASES[case]
    assert text != TEXT
    original, clean = read(*FORMS[form](TEXT))
    assert clean == []
    report, found = read(*FORMS[form](text))
    table, want = report.table(kind), original.table(kind)
    assert values(table) == values(want)
    assert all(r.alignment in ("exact", "header") for r in table.rows)
    assert any(r.alignment == "header" for r in table.rows)
    # one finding, on the header, and nothing built on numbers in the wrong columns
    assert [(f.code, f.severity) for f in found] == [("GX210", "warning")], [str(f) for f in found]
    assert "表头各列的顺序与模板不同" in found[0].message


def test_the_finding_names_the_columns_out_of_place_and_where_they_stand():
    _, found = read(*FORMS["text"](CASES["applications, two columns swapped"][1]))
    [finding] = found
    assert finding.message.endswith(
        "表头各列的顺序与模板不同：表中依次为“科研机构”“商业企业”，模板为“商业企业”“科研机构”；各数已按表头读取"
    )
    assert finding.line == _at("\t\t\t\t商业企业") + 1


@pytest.mark.parametrize("form", ["cells", "layout"])
def test_a_header_rebuilt_from_cells_one_per_line_or_a_pdf_layout_is_not_taken_for_another_order(form):
    # a header three rows deep comes out of such text row by row (自然人, 法人或其他组织, 总计, then
    # 商业企业 …): which columns the table has, not where they stand
    text = formsgen.to_cells(TEXT) if form == "cells" else formsgen.to_layout(TEXT)
    report, found = read(text.encode("utf-8"), "r.txt")
    assert found == [], [str(f) for f in found]
    assert all(n.kind != "column-order" for t in report.tables for n in t.notes)


def test_header_rows_whose_merged_cells_do_not_line_up_are_not_taken_for_another_order():
    # 总计 written one field early in the header's second row: the header's columns are not one
    # run of fields each once, so the rows are read as the template orders them, as before
    lines = list(LINES)
    at = _at("\t\t\t自然人")
    lines[at] = lines[at].replace("\t\t\t\t\t总计", "\t\t\t\t总计")
    report, _ = read("\n".join(lines).encode("utf-8"), "r.txt")
    original, _ = read(TEXT.encode("utf-8"), "r.txt")
    assert values(report.table(APPLICATIONS)) == values(original.table(APPLICATIONS))
    assert all(n.kind != "column-order" for t in report.tables for n in t.notes)
