"""The same report in every form people have it gives the same table values and the same findings.

Each form is written from a report in gxlint's plain-text form by ``tests/formsgen.py``: Word with
and without automatic numbering, a GBK web page with site chrome, space-aligned columns, bare-pipe
rows, one cell per line (with and without blank lines).  The PDF of the example report is a
committed fixture (``tests/fixtures/pdf/``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

import formsgen
from gxlint.read import source as source_mod
from gxlint.read.build import build_report
from gxlint.run import api
from gxlint.output.dataset import report_to_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"
DEFECTS = ROOT / "tests" / "fixtures" / "defects"
TEXT = EXAMPLE.read_text(encoding="utf-8")

FORMS = {
    "docx, automatic numbering": (lambda t: formsgen.to_docx(t, auto_numbering=True), "report.docx"),
    "docx, typed numbers": (lambda t: formsgen.to_docx(t, auto_numbering=False), "report.docx"),
    "html, GBK, site chrome": (lambda t: formsgen.to_html(t, "gbk"), "report.html"),
    "html saved as .txt": (lambda t: formsgen.to_html(t, "utf-8"), "report.txt"),
    "space-aligned columns": (lambda t: formsgen.to_layout(t).encode(), "report.txt"),
    "bare pipes": (lambda t: formsgen.to_pipes(t).encode(), "report.txt"),
    "one cell per line": (lambda t: formsgen.to_cells(t).encode(), "report.txt"),
    "one cell per line, blank lines": (
        lambda t: formsgen.to_cells(t, blank_lines=True).encode(),
        "report.txt",
    ),
}


def values(report) -> dict:
    return {t["kind"]: t["values"] for t in report_to_dict(report)["tables"]}


_LINTER = []


def lint(data: bytes, name: str, tmp_path: Path) -> list:
    from gxlint.run.linter import Linter

    if not _LINTER:
        _LINTER.append(Linter(isolated=True))
    path = tmp_path / name
    path.write_bytes(data)
    return _LINTER[0].lint_path(str(path))


@pytest.fixture(scope="module")
def expected():
    report = api.parse_text(TEXT, str(EXAMPLE))
    return report, values(report)


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_same_table_values(form, expected):
    write, name = FORMS[form]
    report = api.parse_bytes(write(TEXT), name)
    want_report, want = expected
    assert not [p for p in report.source.problems if p.fatal]
    assert values(report) == want
    assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6]
    assert (report.year, report.template, report.agency) == (
        want_report.year,
        want_report.template,
        want_report.agency,
    )


@pytest.mark.slow  # every form written and read: the table values above are the quick check
@pytest.mark.parametrize("form", FORMS)
def test_a_clean_report_has_no_error_in_any_form(form, tmp_path):
    write, name = FORMS[form]
    findings = lint(write(TEXT), name, tmp_path)
    assert [f for f in findings if f.severity == "error"] == []
    baseline = lint(TEXT.encode(), "report.txt", tmp_path)
    assert sorted(f.code for f in findings) == sorted(f.code for f in baseline)


@pytest.mark.slow  # every defect in every form
@pytest.mark.parametrize(
    "defect", ["shili-2021-unbalanced.txt", "shili-2021-row-total.txt", "shili-2021-narrative.txt"]
)
@pytest.mark.parametrize("form", FORMS)
def test_a_defect_is_found_in_every_form(form, defect, tmp_path):
    text = (DEFECTS / defect).read_text(encoding="utf-8")
    write, name = FORMS[form]
    want = sorted(f.code for f in lint(text.encode(), "report.txt", tmp_path))
    assert want, "the fixture has a defect"
    got = lint(write(text), name, tmp_path)
    assert sorted(f.code for f in got) == want
    if not name.endswith(".txt"):
        assert all(f.location and f.location["form"] in ("docx", "html") for f in got)


# -- PDF: committed fixtures printed by tests/fixtures/pdf/make.py (print_report) ----------------

PDFS = ROOT / "tests" / "fixtures" / "pdf"
PRINTED = {
    "unbalanced.pdf": "shili-2021-unbalanced.txt",
    "narrative.pdf": "shili-2021-narrative.txt",
    # the tables' borders removed: only the alignment of the text shows the columns
    "unbalanced-unruled.pdf": "shili-2021-unbalanced.txt",
}
#: the example, printed with ruled tables, without ruling lines (all tables, or only the review
#: table, whose one row of numbers alone shows its columns), with running headers that differ on
#: odd and even pages, turned by /Rotate over its upright text, and with its numbers filled into
#: form fields
EXAMPLES = [
    "example.pdf",
    "example-unruled.pdf",
    "example-review-unruled.pdf",
    # a letterhead band atop every page, an image behind every page's text: no content
    "example-band.pdf",
    "example-background.pdf",
    "example-odd-even.pdf",
    "example-turned.pdf",
    "example-form.pdf",
]


@functools.cache
def pdf_source(name: str) -> source_mod.Source:
    """The fixture as gxlint reads it, read once in a test process: reading one takes ~0.4 s (its
    fonts are not embedded, so its pages are read with pdfminer.six), and two tests read each."""
    pytest.importorskip("pypdfium2", reason="the PDF reader needs pypdfium2")
    return source_mod.read_path(str(PDFS / name))


def lint_pdf(name: str) -> list:
    from gxlint.run.linter import Linter

    if not _LINTER:
        _LINTER.append(Linter(isolated=True))
    linter = _LINTER[0]
    return linter.lint_source(pdf_source(name), linter.settings(str(PDFS / name)))


@pytest.mark.parametrize("pdf", EXAMPLES)
def test_the_printed_example_gives_the_same_table_values(expected, pdf):
    report = build_report(pdf_source(pdf))
    want_report, want = expected
    assert not [p for p in report.source.problems if p.fatal]
    assert values(report) == want
    assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6]
    assert (report.year, report.template, report.agency) == (
        want_report.year,
        want_report.template,
        want_report.agency,
    )


@pytest.mark.parametrize("pdf", EXAMPLES)
def test_the_printed_example_has_no_error(tmp_path, pdf):
    findings = lint_pdf(pdf)
    assert [f for f in findings if f.severity == "error"] == []
    baseline = lint(TEXT.encode(), "report.txt", tmp_path)
    assert sorted(f.code for f in findings) == sorted(f.code for f in baseline)


def test_a_table_printed_as_a_picture_is_said_to_be_one_as_in_word():
    # the review table pasted as an image: not "missing" (an error), but a picture not checked
    (finding,) = lint_pdf("example-review-picture.pdf")
    assert (finding.code, finding.severity) == ("GX104", "warning")
    assert "图片" in finding.message and finding.location["page"] == 4


def test_a_scanned_last_page_is_not_checked_rather_than_missing():
    # the last chapter and the signature scanned, with the page's printed number: the page is
    # said to have no text, on that page, and what it should hold is not checked (no GX101, GX405)
    findings = lint_pdf("example-scanned-end.pdf")
    assert [(f.code, f.severity) for f in findings] == [("GX001", "error"), ("GX108", "warning")]
    assert all(f.location["page"] == 5 for f in findings)
    assert "第 5 页没有可提取的文字" in findings[0].message
    assert "六、其他需要报告的事项" in findings[1].message and "落款" in findings[1].message


@pytest.mark.slow
@pytest.mark.parametrize("pdf", PRINTED)
def test_a_defect_is_found_in_the_printed_pdf(pdf, tmp_path):
    text = (DEFECTS / PRINTED[pdf]).read_text(encoding="utf-8")
    want = sorted(f.code for f in lint(text.encode(), "report.txt", tmp_path))
    assert want, "the fixture has a defect"
    got = lint_pdf(pdf)
    assert sorted(f.code for f in got) == want
    assert all(f.location and f.location["form"] == "pdf" and f.location.get("page") for f in got)


def _zeros_left_blank(text: str) -> str:
    """The report with the 0s of its applications table's five 法人或其他组织 columns left blank, as
    many offices write them (自然人 and 总计 filled in), but in the rows 一 and （七）总计 (a table's
    columns show in the rows that fill them)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    for i in range(start + 1, end + 1):
        if "（七）总计" not in lines[i]:
            fields = lines[i].split("\t")
            middle = ["" if f == "0" else f for f in fields[-6:-1]]
            lines[i] = "\t".join(fields[:-6] + middle + fields[-1:])
    return "\n".join(lines)


def _char_aligned(layout: str) -> str:
    """``layout`` aligned character by character, as ``pdftotext -layout`` sets text: what an
    editor shows in column N stands at character N (the gap after a field widened by a blank for
    each wide character before it)."""
    out = []
    for line in layout.split("\n"):
        pieces = re.split(r"( {2,})", line)
        owed = 0
        for k, piece in enumerate(pieces):
            if k % 2:
                pieces[k] = piece + " " * owed
                owed = 0
            else:
                owed += sum(1 for c in piece if formsgen._width(c) == 2)
        out.append("".join(pieces))
    return "\n".join(out)


@pytest.mark.parametrize("aligned", ["as an editor shows it", "character by character"])
def test_blank_cells_in_space_aligned_columns_stay_in_their_columns(aligned):
    text = _zeros_left_blank(TEXT)
    layout = formsgen.to_layout(text)
    if aligned == "character by character":
        layout = _char_aligned(layout)
    want = {
        row: {col: value for col, value in cols.items()}
        for row, cols in values(api.parse_text(text))["applications"].items()
    }
    got = values(api.parse_bytes(layout.encode("utf-8"), "report.txt"))["applications"]
    assert got == want
