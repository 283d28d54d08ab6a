"""The form of a file is decided by its content, its name only breaking ties; refused forms say
what to do instead; a reader that fails gives GX001, never a traceback."""

from __future__ import annotations

import pytest

from gxlint.read import source as source_mod
from gxlint.finding import describe
from gxlint.read.document import Document, Grid, GridCell, Origin, Paragraph
from gxlint.read.sniff import sniff

HTML = "<html><head><title>示例</title></head><body><p>一、总体情况</p></body></html>".encode()

#: an Office file with an opening password: an OLE file whose directory names the encrypted package
ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 1000
    + "EncryptionInfo".encode("utf-16-le")
    + b"\x00" * 50
    + "EncryptedPackage".encode("utf-16-le")
)


@pytest.mark.parametrize(
    "data, name, form",
    [
        (b"%PDF-1.7\n...", "report.txt", "pdf"),  # a PDF named .txt
        (b"PK\x03\x04" + b"\x00" * 30 + b"word/document.xml", "report.zip", "docx"),  # a renamed .docx
        (b"PK\x03\x04" + b"\x00" * 30 + b"xl/workbook.xml", "stats.xlsx", "ooxml"),
        (b"PK\x03\x04" + b"\x00" * 30 + b"photos/a.jpg", "bundle.zip", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "report.doc", "ole"),
        pytest.param(ENCRYPTED, "report.docx", "encrypted", id="encrypted"),  # Word's encrypt with password
        (b"{\\rtf1\\ansi ...}", "report.doc", "rtf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "scan.txt", "image"),
        (HTML, "report.txt", "html"),  # a web page saved as .txt
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "page", "html"),
        ("一、总体情况\n本年度……".encode(), "report.html", "text"),  # named .html, but no markup
        ("<p>一、总体情况</p>".encode(), "report.htm", "html"),
        ("一、总体情况\n规章\t0\t0\t0\n".encode(), "report.txt", "text"),
        ("<p>a</p><p>b</p><div>c</div><br><table>".encode(), "crawl.txt", "html"),
    ],
)
def test_the_form_is_decided_by_content(data, name, form):
    assert sniff(data, name) == form


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_web_page_saved_as_unicode_with_a_bom_is_a_web_page(encoding):
    # Notepad's "Unicode" is UTF-16-LE with a byte-order mark: the markup is in the text, not the bytes
    page = ("\ufeff" if encoding.endswith("-be") else "") + HTML.decode()
    data = page.encode(encoding)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff"
    assert sniff(data, "report.html") == "html"
    assert sniff(data, "report.txt") == "html"
    from conftest import EXAMPLE
    from formsgen import to_html

    page = to_html(EXAMPLE.read_text(encoding="utf-8"), "utf-8").decode("utf-8")
    as_utf8 = source_mod.from_bytes(page.encode("utf-8"), "report.html")
    wide = source_mod.from_bytes(
        (("\ufeff" if encoding.endswith("-be") else "") + page).encode(encoding), "report.txt"
    )
    assert wide.form == "html" and "一、总体情况" in wide.text and "<p" not in wide.text
    assert wide.text == as_utf8.text
    text = ("\ufeff" if encoding.endswith("-be") else "") + "一、总体情况\n不是网页 <b>。\n"
    assert sniff(text.encode(encoding), "report.txt") == "text"


@pytest.mark.parametrize(
    "data, name, words",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "report.doc", ".docx"),
        pytest.param(ENCRYPTED, "report.docx", "remove the password", id="encrypted"),
        (b"{\\rtf1\\ansi}", "report.rtf", "RTF"),
        (b"PK\x03\x04" + b"\x00" * 30 + b"xl/workbook.xml", "stats.xlsx", "Excel"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "scan.png", "image"),
        (b"\x00\x01\x02 not really", "report.pdf", "named .pdf"),
        (b"PK", "report.docx", "named .docx"),
    ],
)
def test_refused_forms_say_what_to_do(data, name, words):
    source = source_mod.from_bytes(data, name)
    assert source.text == ""
    assert [p.fatal for p in source.problems] == [True]
    assert words in source.problems[0].message_en
    assert source.problems[0].message_zh  # and in Chinese


def test_a_renamed_text_report_is_read_as_text():
    data = (
        "示例县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n" + "本年度工作稳步推进。" * 5
    ).encode("gb18030")
    source = source_mod.from_bytes(data, "report.pdf")
    assert source.form == "text" and "一、总体情况" in source.text and not source.problems


def test_a_failing_reader_is_a_problem_not_a_traceback(monkeypatch):
    import gxlint.read.web as web

    def broken(data, path=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(web, "read", broken)
    source = source_mod.from_bytes(HTML, "page.html")
    assert source.text == "" and "boom" in source.problems[0].message_en
    assert "网页" in source.problems[0].message_zh


def test_a_document_is_rendered_with_its_origins():
    doc = Document(
        "docx",
        blocks=(
            Paragraph("一、总体情况", Origin(paragraph=3), heading=2),
            Grid(
                (
                    (
                        GridCell("信息内容", Origin(table=1, row=1, cell=1)),
                        GridCell("本年制发件数", Origin(table=1, row=1, cell=2)),
                    ),
                    (
                        GridCell("规章", Origin(table=1, row=2, cell=1)),
                        GridCell("5", Origin(table=1, row=2, cell=2)),
                    ),
                ),
                Origin(table=1),
            ),
        ),
    )
    source = source_mod.from_document(doc, "r.docx")
    assert source.text == "一、总体情况\n\n信息内容\t本年制发件数\n规章\t5\n"
    assert source.locate(1) == Origin(paragraph=3)
    assert source.locate(4, 1) == Origin(table=1, row=2, cell=1)
    assert source.locate(4, 4) == Origin(table=1, row=2, cell=2)  # "规章\t" is 3 characters
    assert source.locate(99) is None


@pytest.mark.parametrize(
    "location, zh, en",
    [
        ({"form": "pdf", "page": 3, "line": 12}, "第 3 页第 12 行", "page 3, line 12"),
        (
            {"form": "pdf", "page": 2, "table": 1, "row": 5, "cell": 3},
            "第 2 页表 1 第 5 行第 3 列",
            "page 2, table 1, row 5, column 3",
        ),
        ({"form": "docx", "paragraph": 12}, "第 12 段", "paragraph 12"),
        (  # a paragraph of a cell that frames the whole report
            {"form": "docx", "table": 1, "row": 1, "cell": 1, "paragraph": 24},
            "表 1 第 1 行第 1 列第 24 段",
            "table 1, row 1, column 1, paragraph 24",
        ),
        ({"form": "html", "line": 120}, "网页源码第 120 行", "HTML source line 120"),
        ({"form": "docx"}, "", ""),
        (None, "", ""),
    ],
)
def test_locations_are_described_for_people(location, zh, en):
    assert describe(location, "zh") == zh
    assert describe(location, "en") == en


@pytest.mark.slow  # a new Python process
def test_linting_text_imports_no_reader_library():
    """Word, HTML and PDF libraries are imported only when such a file is read."""
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt"
    code = (
        "import sys; from gxlint.run.linter import Linter; Linter(isolated=True).lint_path(sys.argv[1]); "
        "print(sorted(m for m in ('lxml', 'pypdfium2', 'pdfminer', 'docx') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(example)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
