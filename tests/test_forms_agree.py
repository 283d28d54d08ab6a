"""The same report in every form people have it gives the same table values and the same findings.

Each form is written from a report in gxlint's plain-text form by ``tests/formsgen.py``: Word with
and without automatic numbering, a GBK web page with site chrome, space-aligned columns, bare-pipe
rows, one cell per line (with and without blank lines).  The PDF of the example report is a
committed fixture (``tests/fixtures/pdf/``)."""

from __future__ import annotations

import functools
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
#: the example, printed with ruled tables, without ruling lines, with running headers that differ
#: on odd and even pages, turned by /Rotate over its upright text, and with its numbers filled into
#: form fields
EXAMPLES = [
    "example.pdf",
    "example-unruled.pdf",
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


@pytest.mark.slow
@pytest.mark.parametrize("pdf", PRINTED)
def test_a_defect_is_found_in_the_printed_pdf(pdf, tmp_path):
    text = (DEFECTS / PRINTED[pdf]).read_text(encoding="utf-8")
    want = sorted(f.code for f in lint(text.encode(), "report.txt", tmp_path))
    assert want, "the fixture has a defect"
    got = lint_pdf(pdf)
    assert sorted(f.code for f in got) == want
    assert all(f.location and f.location["form"] == "pdf" and f.location.get("page") for f in got)
