"""A table row one cell short (a clerk left out a number in the middle of the row): placed where the
row's and the table's totals allow only one place, the blank named (GX210); where they allow more,
one GX003 naming the columns it may be, and the row left out of the arithmetic -- never its numbers
shifted in silence into the wrong columns, with a blank cell and arithmetic errors elsewhere."""

from __future__ import annotations

import pytest

import formsgen
from conftest import EXAMPLE
from gxlint.model import APPLICATIONS, REVIEW_LITIGATION
from gxlint.read.source import from_bytes
from gxlint.run.linter import Linter

TEXT = EXAMPLE.read_text(encoding="utf-8")
ROW = "一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16"


def _pipes(text: str) -> str:
    """The report as a crawled page's bare pipes, the short row with only the cells it has (the
    generator gives every row the table's width)."""
    short = next(line for line in text.split("\n") if line.startswith("一、本年新收"))
    label, *numbers = [f for f in short.split("\t") if f]
    piped = formsgen.to_pipes(text.replace(short, ROW)).split("\n")
    at = next(i for i, line in enumerate(piped) if line.startswith("一、本年新收"))
    piped[at] = f"{label} ||| " + " | ".join(numbers) + " |"
    return "\n".join(piped)


# the forms in which a row can be written with fewer cells than the header names: a Word or HTML
# table, or generated pipes, has a cell for every column, and one left empty is read as blank
FORMS = {
    "text": lambda t: (t.encode("utf-8"), "r.txt"),
    "pipes": lambda t: (_pipes(t).encode("utf-8"), "r.txt"),
}


def read(text: str, form: str):
    data, name = FORMS[form](text) if form in FORMS else (text.encode("utf-8"), "r.txt")
    linter = Linter(isolated=True)
    settings = linter.settings(name)
    source = from_bytes(data, name)
    return linter.read_report(source, settings), linter.lint_source(source, settings)


def row_one(report):
    return next(r for r in report.table(APPLICATIONS).rows if r.key.startswith("一、"))


@pytest.mark.parametrize("form", list(FORMS))
def test_a_cell_left_out_that_the_tables_totals_place_is_placed_and_named(form):
    assert ROW in TEXT
    # the 3 of 商业企业 left out: every placement matches the row's own total (16), only one the
    # table's column totals
    report, found = read(TEXT.replace(ROW, "一、本年新收政府信息公开申请数量\t\t\t12\t0\t0\t1\t0\t16"), form)
    row = row_one(report)
    assert [c.value for c in row.cells] == [12, None, 0, 0, 1, 0, 16]
    assert row.alignment == "padded"
    assert [(f.code, f.severity) for f in found] == [("GX210", "warning")], [str(f) for f in found]
    assert (
        "只写了 6 个数据单元格，模板有 7 列；已按唯一与合计相符的方式对齐，空出的是“商业企业”"
        in found[0].message
    )


@pytest.mark.parametrize("form", list(FORMS))
def test_a_cell_left_out_that_no_total_places_is_one_gx003_naming_where_it_may_be(form):
    # the 0 of 科研机构 left out: it may as well be 社会公益组织's, whose number is 0 too
    report, found = read(TEXT.replace(ROW, "一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t1\t0\t16"), form)
    row = row_one(report)
    assert row.alignment == "unreadable" and not row.trusted
    assert [(f.code, f.severity) for f in found] == [("GX003", "warning")], [str(f) for f in found]
    assert "少写的可能在“科研机构”“社会公益组织”中，本行和全表的合计都无法唯一确定" in found[0].message


def test_a_review_row_one_cell_short_is_not_said_to_be_placed_the_only_way():
    # 行政复议 1 0 0 0 1 with one of its zeros left out: five placements match the block's total
    whole = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    assert whole in TEXT
    report, found = read(TEXT.replace(whole, "1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"), "text")
    assert [(f.code, f.severity) for f in found] == [("GX003", "warning")], [str(f) for f in found]
    assert "“行政复议/结果维持”“行政复议/结果纠正”“行政复议/其他结果”“行政复议/尚未审结”“行政复议/总计”" in (
        found[0].message
    )
    assert all(r.alignment == "unreadable" for r in report.table(REVIEW_LITIGATION).rows)


def test_a_whole_row_is_read_as_before():
    report, found = read(TEXT, "text")
    assert found == []
    assert [c.value for c in row_one(report).cells] == [12, 3, 0, 0, 1, 0, 16]


def test_in_a_word_table_a_row_with_its_last_cell_empty_is_read_as_written():
    pytest.importorskip("docx", reason="python-docx writes the Word form")
    # a Word table has a cell for every column: the numbers stand in the cells they were typed in,
    # and the empty 总计 is a blank cell (GX208), not a cell left out somewhere
    text = TEXT.replace(ROW, "一、本年新收政府信息公开申请数量\t\t\t12\t0\t0\t1\t0\t16\t")
    linter = Linter(isolated=True)
    source = from_bytes(formsgen.to_docx(text), "r.docx")
    row = row_one(linter.read_report(source, linter.settings("r.docx")))
    assert [c.value for c in row.cells] == [12, 0, 0, 1, 0, 16, None]
    assert row.cells[-1].status == "blank"
