"""``--format csv``: one row per finding, UTF-8 with a byte-order mark, RFC 4180, the location
fields of a Word file, and cells neutralised against formula injection (docs/formats.md)."""

from __future__ import annotations

import csv
import io
import json

import pytest

import formsgen
from clitools import EXAMPLE, FIXTURES, gx
from gxlint.finding import Finding
from gxlint.output import FileResult, Summary, get
from gxlint.output.csv import FINDING_FIELDS, cell_text, neutralise

UNBALANCED = (FIXTURES / "defects" / "shili-2021-unbalanced.txt").read_text(encoding="utf-8")
NARRATIVE = FIXTURES / "defects" / "shili-2021-narrative.txt"
BOM = b"\xef\xbb\xbf"


def read_csv(data: bytes) -> list[dict[str, str]]:
    """What a program reading the file gets: the BOM stripped by ``utf-8-sig``."""
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(FINDING_FIELDS)
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def render(findings: list[Finding]) -> str:
    out = io.StringIO()
    formatter = get("csv")(out=out, lang="zh")
    formatter.begin()
    formatter.add(FileResult("r.txt", findings))
    formatter.end(Summary(files=1))
    return out.getvalue()


def finding(message="msg", fix=None, path="r.txt", name="some-rule", location=None) -> Finding:
    return Finding(
        path, 3, 5, 3, 7, "GX201", name, "error", message, fix, fingerprint="abc", location=location
    )


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_round_trip_through_csv_reader_keeps_every_field_and_the_chinese():
    tricky = '申请情况表“自然人”列：一（12）+ 二（1）≠ 15，含逗号, "引号"\n和换行'
    text = render([finding(message=tricky, fix="写成 0")])
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    (row,) = read_csv(text.encode("utf-8"))
    assert row == {
        "path": "r.txt",
        "line": "3",
        "column": "5",
        "end_line": "3",
        "end_column": "7",
        "code": "GX201",
        "name": "some-rule",
        "severity": "error",
        "message": tricky,
        "fix": "写成 0",
        "form": "",
        "page": "",
        "paragraph": "",
        "table": "",
        "row": "",
        "cell": "",
        "source_line": "",
        "source_column": "",
        "fingerprint": "abc",
    }
    # RFC 4180: the field with a comma, quotes and a line break is quoted, its quotes doubled
    assert '"申请情况表“自然人”列：一（12）+ 二（1）≠ 15，含逗号, ""引号""\n和换行"' in text


def test_no_findings_is_the_header_alone():
    assert render([]) == "\ufeff" + ",".join(FINDING_FIELDS) + "\r\n"


def test_the_command_line_writes_utf8_with_bom_to_stdout_and_to_a_file(cwd):
    (cwd / "narrative.txt").write_bytes(NARRATIVE.read_bytes())
    result = gx("--isolated", "-f", "csv", "narrative.txt")
    assert result.exit_code == 0, result.output  # warnings only
    rows = read_csv(result.stdout_bytes)
    assert b"\r\n" in result.stdout_bytes and b"\r\r\n" not in result.stdout_bytes
    expected = json.loads(gx("--isolated", "-f", "json", "narrative.txt").stdout)
    assert [
        (
            r["path"],
            int(r["line"]),
            int(r["column"]),
            r["code"],
            r["severity"],
            r["message"],
            r["fix"],
            r["fingerprint"],
        )
        for r in rows
    ] == [
        (
            f["path"],
            f["line"],
            f["column"],
            f["code"],
            f["severity"],
            f["message"],
            f.get("fix", ""),
            f["fingerprint"],
        )
        for f in expected
    ]
    assert any("正文“制发行政规范性文件4件”与表格不符" in r["message"] for r in rows)  # the Chinese survives
    gx("--isolated", "-f", "csv", "-o", "out.csv", "narrative.txt")
    assert (cwd / "out.csv").read_bytes() == result.stdout_bytes


def test_a_word_file_fills_the_location_columns(cwd):
    (cwd / "unbalanced.docx").write_bytes(formsgen.to_docx(UNBALANCED))
    (cwd / "unbalanced.txt").write_text(UNBALANCED, encoding="utf-8")
    result = gx("--isolated", "-f", "csv", "--lang", "en", "unbalanced.docx", "unbalanced.txt")
    assert result.exit_code == 1
    docx, text = read_csv(result.stdout_bytes)
    assert docx["path"] == "unbalanced.docx" and docx["code"] == "GX201"
    # the 四、结转下年度继续办理 row of the applications table (the 2nd table), the wrong one: 自然人 is
    # grid column 4
    assert {k: docx[k] for k in ("form", "page", "paragraph", "table", "row", "cell", "source_line")} == {
        "form": "docx",
        "page": "",
        "paragraph": "",
        "table": "2",
        "row": "28",
        "cell": "4",
        "source_line": "",
    }
    # a plain text file's lines are its own: no location
    assert text["path"] == "unbalanced.txt" and text["form"] == text["table"] == ""


def test_html_and_pdf_locations_go_in_their_columns():
    row = read_csv(
        render(
            [
                finding(location={"form": "html", "line": 120, "column": 7, "table": 2, "row": 5, "cell": 3}),
                finding(location={"form": "pdf", "page": 2, "line": 14}),
            ]
        ).encode("utf-8")
    )
    assert [
        (r["form"], r["page"], r["table"], r["row"], r["cell"], r["source_line"], r["source_column"])
        for r in row
    ] == [("html", "", "2", "5", "3", "120", "7"), ("pdf", "2", "", "", "", "14", "")]


# -- formula injection (OWASP): a leading = + - @ tab or CR gets a quote; plain numbers do not --------


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x.example","点击")',
        "+cmd|' /C calc'!A0",
        "-1+2",
        "@SUM(A1:A9)",
        "\t=1+2",
        "\r=1+2",
        "-",
        "+",
        "=",
        "-2-3",
        "-2 件",
    ],
)
def test_text_that_a_spreadsheet_would_run_is_neutralised(text):
    assert neutralise(text) == "'" + text
    (row,) = read_csv(render([finding(message=text, fix=text, path=text, name=text)]).encode("utf-8"))
    assert row["message"] == row["fix"] == row["path"] == row["name"] == "'" + text


@pytest.mark.parametrize("text", ["-2", "+1", "-0.5", "12.5", "0", "示例县", "“=1”", " =1", "a=1", "正文-2"])
def test_plain_numbers_and_ordinary_text_are_left_alone(text):
    assert neutralise(text) == text
    (row,) = read_csv(render([finding(message=text)]).encode("utf-8"))
    assert row["message"] == text


def test_numbers_are_written_as_numbers():
    assert [cell_text(v) for v in (None, 0, -2, 12.5, "-2", "+1")] == ["", "0", "-2", "12.5", "-2", "+1"]


def test_a_malicious_file_name_is_neutralised_on_the_command_line(cwd):
    name = "=HYPERLINK(1)示例县.txt"
    (cwd / name).write_bytes(NARRATIVE.read_bytes())
    rows = read_csv(gx("--isolated", "-f", "csv", name).stdout_bytes)
    assert rows and all(r["path"] == "'" + name for r in rows)
    # the other formats are untouched
    assert json.loads(gx("--isolated", "-f", "json", name).stdout)[0]["path"] == name


def test_csv_is_listed_with_the_other_formats(cwd):
    (cwd / "r.txt").write_bytes(EXAMPLE.read_bytes())
    assert gx("--isolated", "-f", "csv", "r.txt").exit_code == 0
    assert "csv" in gx("--help", "--lang", "en").stdout
