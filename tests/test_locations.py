"""A finding in a Word, web-page or PDF file names the place in that file a person can find:
the table, row and column; the paragraph; the page and line; the line of the HTML source."""

from __future__ import annotations

import json

import pytest

import formsgen
from clitools import FIXTURES, gx
from test_sarif import validator

pytestmark = pytest.mark.slow  # Word and web files written for each test, then linted from the command line

UNBALANCED = (FIXTURES / "defects" / "shili-2021-unbalanced.txt").read_text(encoding="utf-8")
NARRATIVE = (FIXTURES / "defects" / "shili-2021-narrative.txt").read_text(encoding="utf-8")


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "unbalanced.docx").write_bytes(formsgen.to_docx(UNBALANCED))
    (tmp_path / "unbalanced.html").write_bytes(formsgen.to_html(UNBALANCED))
    (tmp_path / "narrative.docx").write_bytes(formsgen.to_docx(NARRATIVE))
    (tmp_path / "unbalanced.txt").write_text(UNBALANCED, encoding="utf-8")
    return tmp_path


def _json(*args):
    result = gx("--isolated", "-f", "json", "--lang", "en", *args)
    return json.loads(result.stdout)


def test_json_findings_carry_the_location_in_the_original_file(files):
    docx = _json("unbalanced.docx")
    assert [f["code"] for f in docx] == ["GX201"]
    # the 四 row of the applications table (the 2nd table; （七）总计 agrees with the outcome rows, so
    # the finding stands on 四): 自然人 is grid column 4
    assert [f["location"] for f in docx] == [{"form": "docx", "table": 2, "row": 28, "cell": 4}]
    html = _json("unbalanced.html")
    assert [(f["location"]["form"], f["location"]["table"], f["location"]["cell"]) for f in html] == [
        ("html", 2, 4)
    ]
    source = formsgen.to_html(UNBALANCED).decode("gbk").split("\n")
    line = source[html[0]["location"]["line"] - 1]
    assert "四、结转下年度继续办理" in line or "<tr>" in line  # the row's line in the HTML source
    # a plain text file has its own lines: no location field
    assert all("location" not in f for f in _json("unbalanced.txt"))


def test_a_paragraph_finding_names_the_paragraph(files):
    found = _json("narrative.docx")
    narrative = [f for f in found if f["code"] == "GX206"]
    assert narrative and all(set(f["location"]) == {"form", "paragraph"} for f in narrative)
    assert "制发行政规范性文件" in formsgen.blocks(NARRATIVE)[narrative[0]["location"]["paragraph"] - 1].text


def test_text_output_names_the_place_in_chinese_and_english(files):
    zh = gx("--isolated", "-f", "concise", "unbalanced.docx").stdout.splitlines()
    assert zh[0].endswith("（位置：表 2 第 28 行第 4 列）"), zh[0]
    en = gx("--isolated", "-f", "concise", "--lang", "en", "unbalanced.html").stdout.splitlines()
    assert "(in the file: table 2, row 28, column 4, HTML source line " in en[0]
    full = gx("--isolated", "unbalanced.docx").stdout
    assert "（位置：表 2 第 28 行第 4 列）" in full
    github = gx("--isolated", "-f", "github", "unbalanced.docx").stdout
    assert "位置：表 2 第 28 行第 4 列" in github


def test_sarif_stays_valid_and_carries_the_location(files):
    (files / ".git").mkdir()
    result = gx("--isolated", "-f", "sarif", "--lang", "en", "unbalanced.docx", "unbalanced.html")
    sarif = json.loads(result.stdout)
    errors = sorted(validator().iter_errors(sarif), key=str)
    assert not errors, errors[:3]
    results = sarif["runs"][0]["results"]
    assert {r["properties"]["location"]["form"] for r in results} == {"docx", "html"}
    assert all("(in the file: table 2, row 28, column 4" in r["message"]["text"] for r in results)


def test_sarif_and_github_place_a_saved_page_at_the_line_of_its_file(files):
    """A page saved as one file (.mhtml): the line a viewer of that file shows where the row is
    (quoted-printable), or none -- the file as a whole -- where the page is in base64.  Before: the
    line of the page inside the file, which in the file is another line altogether."""
    import quopri
    import re

    (files / ".git").mkdir()
    page = formsgen.to_html(UNBALANCED)
    saved = formsgen.to_mhtml(page)
    (files / "unbalanced.mhtml").write_bytes(saved)
    (files / "unbalanced-b64.mhtml").write_bytes(formsgen.to_mhtml(page, "base64"))
    [on_page] = _json("unbalanced.html")
    [in_file] = _json("unbalanced.mhtml")
    line = in_file["location"]["line"]
    assert line != on_page["location"]["line"]
    file_lines = saved.decode("ascii").split("\r\n")
    # the 四、结转下年度继续办理 row, quoted-printable, starts on that line of the file
    row = []
    for raw in file_lines[line - 1 :]:
        row.append(raw.removesuffix("="))
        if not raw.endswith("="):
            break
    decoded = quopri.decodestring("".join(row).encode("ascii")).decode("gbk")
    assert decoded.startswith("<tr>") and "四、结转下年度继续办理" in decoded, decoded
    [b64] = _json("unbalanced-b64.mhtml")
    assert "line" not in b64["location"] and (b64["location"]["table"], b64["location"]["cell"]) == (2, 4)

    github = gx("--isolated", "-f", "github", "unbalanced.mhtml", "unbalanced-b64.mhtml").stdout.splitlines()
    # in the order of their names: -b64 first
    assert github[0].startswith("::error file=unbalanced-b64.mhtml,title=GX201::"), github[0]
    assert re.match(rf"::error file=unbalanced\.mhtml,line={line},title=GX201::", github[1]), github[1]

    sarif = json.loads(gx("--isolated", "-f", "sarif", "unbalanced.mhtml", "unbalanced-b64.mhtml").stdout)
    assert not sorted(validator().iter_errors(sarif), key=str)
    whole, placed = (r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"])
    # no line of the file known: its first line (GitHub requires a region), not a line of the page
    assert whole == {
        "artifactLocation": {"uri": "unbalanced-b64.mhtml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
    }
    assert placed["region"] == {"startLine": line, "startColumn": 1, "endLine": line, "endColumn": 1}


def test_parse_shows_the_text_read_with_origins(files):
    out = gx("parse", "--format", "source", "unbalanced.docx").stdout
    assert "paragraph 1 " in out and "table 2, row 27 " in out
    assert "（七）总计 ⇥" in out
    model = json.loads(gx("parse", "--format", "json", "unbalanced.docx").stdout)
    assert model["form"] == "docx"
    assert model["tables"][1]["location"] == {"table": 2, "row": 1, "cell": 1}
    assert model["chapters"][0]["location"] == {"paragraph": 4}
