"""A table that goes on over a page, as printed reports and Word files have it: the header repeated
on the next page, a page number between two rows, a row cut in two by the page break.  Each is read
as the one table it is, with the values of the report written without the break."""

from __future__ import annotations

from pathlib import Path

import pytest

import formsgen
from gxlint.output.dataset import report_to_dict
from gxlint.run import api
from gxlint.run.linter import Linter

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "examples" / "shili-county-2021.txt").read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def values(report) -> dict:
    return {t["kind"]: t["values"] for t in report_to_dict(report)["tables"]}


WANT = values(api.parse_text(TEXT, "report.txt"))


def _at(start: str) -> int:
    return next(i for i, line in enumerate(LINES) if line.lstrip("\t").startswith(start))


def _with(lines: list[str], before: str, inserted: list[str]) -> str:
    i = next(i for i, line in enumerate(lines) if line.lstrip("\t").startswith(before))
    return "\n".join(lines[:i] + inserted + lines[i:])


def codes(text: str) -> list[str]:
    return [f.code for f in Linter(isolated=True).lint_text(text, "report.txt")]


# the applications table's three header rows, as the example writes them
HEADER = LINES[_at("（本列数据") : _at("（本列数据") + 3]
REPEATED = _with(LINES, "（四）无法提供", HEADER)

FORMS = {
    "tab-separated text": (lambda t: t.encode(), "report.txt"),
    "Word": (formsgen.to_docx, "report.docx"),
    "web page": (lambda t: formsgen.to_html(t, "gbk"), "report.html"),
    "bare pipes": (lambda t: formsgen.to_pipes(t).encode(), "report.txt"),
    "one cell per line": (lambda t: formsgen.to_cells(t).encode(), "report.txt"),
    "space-aligned columns": (lambda t: formsgen.to_layout(t).encode(), "report.txt"),
}


@pytest.mark.parametrize("form", FORMS)
def test_the_applications_header_repeated_inside_the_table_is_no_row(form):
    write, name = FORMS[form]
    report = api.parse_bytes(write(REPEATED), name)
    # before: the repeated 总计 and 其他 were read as the rows （七）总计 and 3.其他, all blank
    assert values(report) == WANT


def test_a_repeated_header_hides_no_defect_below_it():
    bad = REPEATED.replace("\t（七）总计\t\t12\t2\t0\t0\t1\t0\t15", "\t（七）总计\t\t13\t2\t0\t0\t1\t0\t16")
    assert bad != REPEATED
    assert codes(REPEATED) == []
    assert "GX203" in codes(bad)  # one finding on （七）总计: GX201 leaves the same cell to it


@pytest.mark.parametrize("footer", ["— 2 —", "- 2 -", "  第 2 页  ", "第2页 共5页", "第 2 页，共 5 页"])
@pytest.mark.parametrize("blank", ["", "\f"])
def test_a_page_number_between_table_rows_does_not_end_the_table(footer, blank):
    text = _with(LINES, "8.属于行政查询事项", [blank, footer, blank] if blank else [footer])
    # before: the table ended at the page number and the rows after it were read as no table
    assert values(api.parse_text(text, "report.txt")) == WANT
    assert codes(text) == []


@pytest.mark.parametrize(
    "header",
    [
        ["示例县市场监督管理局2021年政府信息公开工作年度报告"],
        ["\f示例县市场监督管理局2021年政府信息公开工作年度报告"],
        ["— 2 —", "", "\f  示例县市场监督管理局2021年度政府信息公开工作年度报告"],
        ["示例县市场监督管理局 2021年政府信息公开工作年度报告"],  # a blank inside, as Word sets it
    ],
)
def test_a_running_header_that_repeats_the_title_does_not_end_the_table(header):
    # before: the table ended at the header, and its 16 rows after it were "missing" (GX209)
    text = _with(LINES, "8.属于行政查询事项", header)
    assert values(api.parse_text(text, "report.txt")) == WANT
    assert codes(text) == []


@pytest.mark.parametrize("cut", ["（二）部分公开（区分处理的，", "（二）部分公开"])
def test_a_label_wrapped_onto_the_line_of_its_numbers_is_one_row(cut):
    # the long label of （二） wrapped in its cell, its numbers on the second line: before, the row
    # was read as blank (GX208) and the second line as a row the template lacks (GX210)
    whole = "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\t0\t0\t0\t0\t1"
    assert whole in TEXT
    rest = whole.split("\t")[1][len(cut) :]
    text = TEXT.replace(whole, f"\t{cut}\n\t{rest}\t\t1\t0\t0\t0\t0\t0\t1")
    assert values(api.parse_text(text, "report.txt")) == WANT
    assert codes(text) == []


def test_a_note_between_table_rows_is_no_running_header():
    # a line that names a report but holds a colon is a note, not a page's header: it is kept
    text = _with(LINES, "8.属于行政查询事项", ["注：数据同示例县2021年政府信息公开工作年度报告"])
    assert "注：数据同" in "\n".join(
        p.text for c in api.parse_text(text, "report.txt").chapters for p in c.paragraphs
    )


def test_a_defect_below_a_page_number_is_found():
    text = _with(LINES, "8.属于行政查询事项", ["— 2 —"])
    bad = text.replace(
        "1.本机关不掌握相关政府信息\t3\t1\t0\t0\t1\t0\t5", "1.本机关不掌握相关政府信息\t3\t1\t0\t0\t1\t0\t8"
    )
    assert bad != text
    assert "GX202" in codes(bad)


def test_a_page_number_between_paragraphs_is_no_table():
    text = _with(LINES, "**（二）依申请公开", ["— 1 —"])
    assert values(api.parse_text(text, "report.txt")) == WANT


ROW = "\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0"


@pytest.mark.parametrize("cut", [3, 1, 5])
def test_a_row_cut_in_two_by_a_page_break_is_one_row(cut):
    label, *numbers = ROW.lstrip("\t").split("\t")
    first = "\t\t" + "\t".join([label, *numbers[:cut]])
    rest = "\f" + "\t".join(numbers[cut:])
    text = TEXT.replace(ROW, first + "\n" + rest)
    assert text != TEXT
    assert values(api.parse_text(text, "report.txt")) == WANT
    assert codes(text) == []


def test_numbers_that_do_not_complete_the_row_are_not_joined_to_it():
    # three numbers, then a line of five: eight for seven columns -- not the row's other part
    text = TEXT.replace(ROW, "\t\t5.属于三类内部事务信息\t0\t0\t0\n\f0\t0\t0\t0\t0")
    assert text != TEXT
    assert {"GX003", "GX210"} <= set(codes(text))


@pytest.mark.parametrize("footer", [["", "                — 2 —", ""], ["\f"]])
def test_a_label_cut_by_a_page_break_keeps_its_own_numbers(footer):
    # pdftotext -layout: a row whose label wraps, the page break (and its footer) between the label's
    # two parts; the numbers are on the second part's line
    lines = formsgen.to_layout(TEXT).split("\n")
    at = next(i for i, line in enumerate(lines) if "4.保护第三方合法权益" in line)
    row = lines[at]
    lead = row[: row.index("4.")]
    numbers = row[row.index("4.保护第三方合法权益") + len("4.保护第三方合法权益") :]
    cut = [
        lead + "4.保护第三方合",
        *footer,
        lead + "法权益" + " " * (len("4.保护第三方合法权益") - 3) + numbers,
    ]
    text = "\n".join(lines[:at] + cut + lines[at + 1 :])
    report = api.parse_bytes(text.encode(), "report.txt")
    # before: the row took the numbers of the row above, whose own were lost
    assert values(report) == WANT


def _markdown(inserted: str) -> str:
    """The example with its tables as markdown pipe tables (``| a | b |`` rows, a ``|---|`` line
    after each table's first row), ``inserted`` between two of the applications table's rows."""
    out: list[str] = []
    width = 0
    for line in LINES:
        if "\t" not in line:
            out.append(line)
            width = 0
            continue
        cells = line.split("\t")
        if "8.属于行政查询事项" in line:
            out.append(inserted.replace("{empty}", "|" + "  |" * len(cells)))
        out.append("| " + " | ".join(cells) + " |")
        if not width:
            width = len(cells)
            out.append("|" + "---|" * width)
    return "\n".join(out)


@pytest.mark.parametrize("inserted", ["— 2 —", "", "第 2 页 共 5 页", "{empty}", "\n{empty}\n"])
def test_a_page_number_or_an_empty_row_does_not_end_a_markdown_table(inserted):
    text = _markdown(inserted)
    # before: the pipe table ended there; the rows after it were read as another table, or lost,
    # and GX209 asked for rows that are there
    assert values(api.parse_text(text, "report.md")) == WANT
    assert codes(text) == []
