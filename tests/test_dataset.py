"""``gxlint parse --format csv|json-lines PATH...``: the statistics of many reports as one tidy data
set, one row per table cell, or one report model per line (docs/cli.md)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

import formsgen
from clitools import EXAMPLE, FIXTURES, INLINE, gx
from gxlint.output.dataset import CELL_FIELDS

BOM = b"\xef\xbb\xbf"
QUIRKS_2019 = FIXTURES / "shili-2019-quirks.txt"


def rows_of(data: bytes) -> list[dict[str, str]]:
    """The data set as a program reads it (``utf-8-sig`` strips the byte-order mark)."""
    assert data.startswith(BOM) and data.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(CELL_FIELDS)
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def folder(cwd):
    """The example, every text fixture (nested folders kept), the example as Word and as a PDF,
    an empty file (no report: no rows, no error) and a binary file (unreadable)."""
    root = cwd / "reports"
    shutil.copytree(FIXTURES, root, ignore=shutil.ignore_patterns("*.pdf", "*.py", "__pycache__"))
    shutil.copy(EXAMPLE, root / "example.txt")
    (root / "word").mkdir()
    (root / "word" / "example.docx").write_bytes(formsgen.to_docx(EXAMPLE.read_text(encoding="utf-8")))
    (root / "pdf" / "example.pdf").write_bytes((FIXTURES / "pdf" / "example.pdf").read_bytes())
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    return root


@pytest.mark.slow  # a folder of every form (Word, PDF, text forms), read twice
def test_a_folder_gives_a_row_for_every_table_cell(folder):
    result = gx("parse", "-f", "csv", "reports")
    rows = rows_of(result.stdout_bytes)
    models = [json.loads(line) for line in gx("parse", "-f", "json-lines", "reports").stdout.splitlines()]
    # the one unreadable file gives no rows and no model, says so on stderr, exit 1
    assert result.exit_code == 1
    assert "reports/binary.txt" in result.stderr and "binary.txt" not in result.stdout
    paths = [m["path"] for m in models]
    assert "reports/binary.txt" not in paths and "reports/empty.txt" in paths
    # a file that is no report is marked so (it was a record of nulls, like a report read badly)
    assert [m["path"] for m in models if not m["is_report"]] == ["reports/empty.txt"]
    assert {
        "reports/example.txt",
        "reports/word/example.docx",
        "reports/pdf/example.pdf",
        "reports/defects/shili-2021-unbalanced.txt",
        "reports/forms/shiyi-2021-layout.txt",
        "reports/shili-2021-pipes.md",
    } <= set(paths)
    # every cell of the JSON model is one row, with the same value; nothing else is
    expected = {}
    malformed = set()
    for model in models:
        for table in model["tables"]:
            for row, columns in table["values"].items():
                for column, value in columns.items():
                    key = (model["path"], table["kind"], row, column)
                    assert key not in expected
                    expected[key] = value
            malformed |= {(model["path"], table["kind"], m["row"], m["column"]) for m in table["malformed"]}
    got = {(r["file"], r["table"], r["row"], r["column"]): r for r in rows}
    assert len(got) == len(rows) == len(expected) > 1000
    assert set(got) == set(expected)
    for key, value in expected.items():
        row = got[key]
        assert row["value"] == ("" if value is None else json.dumps(value)), key
        assert (row["status"] == "number") == (value is not None), key
        assert (row["status"] == "malformed") == (key in malformed), key
    # the report's own facts on each row; the Chinese survives
    example = [r for r in rows if r["file"] == "reports/example.txt"]
    word = [r for r in rows if r["file"] == "reports/word/example.docx"]
    pdf = [r for r in rows if r["file"] == "reports/pdf/example.pdf"]
    assert {(r["form"], r["agency"], r["year"], r["template"]) for r in example} == {
        ("text", "示例县市场监督管理局", "2021", "2021")
    }
    assert {r["form"] for r in word} == {"docx"} and {r["form"] for r in pdf} == {"pdf"}

    # one report in three forms: the same data set
    def strip(rs):
        return [(r["table"], r["section"], r["row"], r["column"], r["value"], r["status"]) for r in rs]

    assert strip(word) == strip(example) == strip(pdf)


def test_the_columns_of_a_row(cwd):
    rows = rows_of(gx("parse", "-f", "csv", str(EXAMPLE)).stdout_bytes)
    by = {(r["table"], r["row"], r["column"]): r for r in rows}
    total = by[("applications", "（七）总计", "总计")]
    assert {k: total[k] for k in ("section", "value", "status", "text", "alignment")} == {
        "section": "三、本年度办理结果",
        "value": "15",
        "status": "number",
        "text": "15",
        "alignment": "header",
    }
    refused = by[("applications", "1.属于国家秘密", "自然人")]
    assert refused["section"] == "（三）不予公开"
    rules = by[("active_disclosure", "行政规范性文件", "现行有效件数")]
    assert (rules["section"], rules["value"]) == ("第二十条第（一）项", "15")
    assert by[("active_disclosure", "行政事业性收费", "本年收费金额（单位：万元）")]["value"] == "12.5"
    assert by[("review_litigation", "行政复议", "结果维持")]["section"] == ""
    line = int(total["line"])
    assert "（七）总计" in EXAMPLE.read_text(encoding="utf-8").splitlines()[line - 1]


def test_every_output_of_parse_names_the_kind_of_organ(cwd):
    # department or government, as the deadline rule infers it (organ: auto): a researcher compares
    # departments with departments; empty (null) where it is not known
    text = EXAMPLE.read_text(encoding="utf-8")
    (cwd / "dept.txt").write_text(text, encoding="utf-8")
    (cwd / "gov.txt").write_text(text.replace("示例县市场监督管理局", "示例县人民政府"), encoding="utf-8")
    (cwd / "village.txt").write_text(
        text.replace("示例县市场监督管理局", "示例县示例村村民委员会"), encoding="utf-8"
    )
    organs = {
        r["file"].removeprefix("./"): r["organ"] for r in rows_of(gx("parse", "-f", "csv", ".").stdout_bytes)
    }
    assert organs == {"dept.txt": "department", "gov.txt": "government", "village.txt": ""}
    assert json.loads(gx("parse", "-f", "json", "gov.txt").stdout)["organ"] == "government"
    assert json.loads(gx("parse", "-f", "json", "village.txt").stdout)["organ"] is None
    assert "机关类型：人民政府" in gx("parse", "gov.txt").stdout
    assert "organ:     department" in gx("parse", "--lang", "en", "dept.txt").stdout


def test_the_same_report_twice_names_the_first_file_that_gave_it(cwd):
    # a report's web page and its PDF, or one report crawled from two sites: a researcher counts it
    # once.  The same agency, year and every table cell; another agency's or another year's
    # report with the same numbers is another report
    text = EXAMPLE.read_text(encoding="utf-8")
    (cwd / "a.txt").write_text(text, encoding="utf-8")
    (cwd / "b.docx").write_bytes(formsgen.to_docx(text))
    (cwd / "c.txt").write_text(text.replace("示例县市场监督管理局", "示例县教育局"), encoding="utf-8")
    (cwd / "d.txt").write_text(text.replace("行政许可\t356", "行政许可\t357"), encoding="utf-8")
    (cwd / "e.txt").write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    rows = rows_of(gx("parse", "-f", "csv", ".").stdout_bytes)
    same = {r["file"].removeprefix("./"): r["same_as"].removeprefix("./") for r in rows}
    assert same == {"a.txt": "", "b.docx": "a.txt", "c.txt": "", "d.txt": "", "e.txt": "a.txt"}
    assert len({(r["file"], r["row"], r["column"], r["table"]) for r in rows}) == len(rows)
    lines = gx("parse", "-f", "json-lines", "e.txt", "c.txt", "a.txt").stdout.splitlines()
    assert [json.loads(x)["same_as"] for x in lines] == [None, None, "a.txt"]  # in path order: a, c, e


def test_blank_malformed_and_signed_cells(cwd):
    rows = rows_of(gx("parse", "-f", "csv", str(QUIRKS_2019)).stdout_bytes)
    by = {(r["row"], r["column"]): r for r in rows}
    # 本年增/减: +2 and -1 are numbers, written as such (not neutralised: they are no formula)
    assert (by[("行政许可", "本年增/减")]["value"], by[("行政许可", "本年增/减")]["text"]) == ("2", "+2")
    minus = by[("其他对外管理服务事项", "本年增/减")]
    assert (minus["value"], minus["status"], minus["text"]) == ("-1", "number", "-1")
    malformed = by[("行政复议", "其他结果")]
    assert (malformed["value"], malformed["status"], malformed["text"]) == ("", "malformed", "00")
    blank = [r for r in rows if r["status"] == "blank"]
    assert blank and all(r["value"] == "" and r["text"] == "" for r in blank)
    assert {r["template"] for r in rows} == {"2019"}


def test_an_unreadable_row_is_empty_with_its_status(cwd):
    rows = rows_of(gx("parse", "-f", "csv", str(INLINE)).stdout_bytes)
    unreadable = [r for r in rows if r["status"] == "unreadable"]
    assert unreadable and all(
        r["value"] == "" and r["text"] == "" and r["alignment"] == "unreadable" for r in unreadable
    )
    assert len({r["row"] for r in unreadable}) * len({r["column"] for r in unreadable}) == len(unreadable)


def test_json_lines_is_one_parse_json_model_per_line(cwd):
    (cwd / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (cwd / "b.docx").write_bytes(formsgen.to_docx(EXAMPLE.read_text(encoding="utf-8")))
    result = gx("parse", "-f", "json-lines", "b.docx", "a.txt")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == [
        {**json.loads(gx("parse", "-f", "json", p).stdout), "same_as": same}
        for p, same in (("a.txt", None), ("b.docx", "a.txt"))
    ]  # in path order; the Word file is the same report as the text before it
    assert "示例县市场监督管理局" in lines[0]  # as is, not \u escapes


def test_missing_paths_and_unreadable_files_exit_1_and_the_others_are_written(cwd):
    (cwd / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (cwd / "bad.txt").write_bytes(b"\x00\x01\x02")
    (cwd / "none").mkdir()
    for fmt in ("csv", "json-lines"):
        result = gx("parse", "-f", fmt, "a.txt", "bad.txt", "missing.txt", "none")
        assert result.exit_code == 1, (fmt, result.output)
        errors = result.stderr.splitlines()
        assert len(errors) == 3 and all(e.startswith("gxlint：错误：") for e in errors)
        assert any("bad.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
        assert any("none" in e for e in errors)
        assert "a.txt" in result.stdout and "bad.txt" not in result.stdout
    env = {"GXLINT_LANG": "en"}
    result = gx("parse", "-f", "csv", "bad.txt", env=env)
    assert result.exit_code == 1 and result.stderr.startswith("gxlint: error: bad.txt: ")
    assert rows_of(result.stdout_bytes) == []  # the header alone


def test_output_file_include_and_exclude(cwd):
    (cwd / "r").mkdir()
    (cwd / "r" / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (cwd / "r" / "b.md").write_bytes((FIXTURES / "shili-2021-pipes.md").read_bytes())
    (cwd / "r" / "c.text").write_bytes(EXAMPLE.read_bytes())
    assert gx("parse", "-f", "csv", "-o", "out.csv", "r").exit_code == 0
    assert {r["file"] for r in rows_of((cwd / "out.csv").read_bytes())} == {"r/a.txt", "r/b.md"}
    files = {
        r["file"]
        for r in rows_of(
            gx("parse", "-f", "csv", "--include", "*.text", "--exclude", "a.txt", "r").stdout_bytes
        )
    }
    assert files == {"r/c.text"}


def test_text_formats_still_read_one_file(cwd):
    (cwd / "a.txt").write_bytes(EXAMPLE.read_bytes())
    result = gx("parse", "-f", "json", "a.txt", "a.txt")
    assert result.exit_code == 2 and "--format csv" in result.stderr
    assert gx("parse", ".").exit_code == 2
    assert gx("parse", "-f", "json", "-o", "m.json", "a.txt").exit_code == 0
    assert json.loads((cwd / "m.json").read_text(encoding="utf-8"))["agency"] == "示例县市场监督管理局"


# -- formula injection: report text and file names are neutralised; numbers stay numbers ------------


def test_malicious_report_text_is_neutralised(cwd):
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace(
        "# 示例县市场监督管理局", '# =HYPERLINK("http://x.example","点击")示例县市场监督管理局', 1
    )
    row = "四、结转下年度继续办理\t\t\t1\t1\t"
    assert row in text
    text = text.replace(row, "四、结转下年度继续办理\t\t\t@SUM(A1)\t-1+2\t", 1)
    name = "+cmd示例.txt"
    (cwd / name).write_text(text, encoding="utf-8")
    rows = rows_of(gx("parse", "-f", "csv", name).stdout_bytes)
    assert {r["file"] for r in rows} == {"'" + name}
    assert {r["agency"] for r in rows} == {'\'=HYPERLINK("http://x.example","点击")示例县市场监督管理局'}
    carry = {r["column"]: r for r in rows if r["row"] == "四、结转下年度继续办理"}
    assert (carry["自然人"]["status"], carry["自然人"]["value"], carry["自然人"]["text"]) == (
        "malformed",
        "",
        "'@SUM(A1)",
    )
    assert carry["商业企业"]["text"] == "'-1+2"
    # the same data in JSON is untouched
    model = json.loads(gx("parse", "-f", "json-lines", name).stdout)
    assert model["agency"].startswith("=HYPERLINK")


def test_a_crash_on_one_report_loses_only_that_report(cwd, monkeypatch):
    from gxlint.run import api

    (cwd / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (cwd / "b.txt").write_bytes(EXAMPLE.read_bytes())
    real = api.parse_path

    def parse_path(path, **kwargs):
        if str(path).endswith("a.txt"):
            raise RuntimeError("boom")
        return real(path, **kwargs)

    monkeypatch.setattr(api, "parse_path", parse_path)
    monkeypatch.delenv("GXLINT_TRACEBACK", raising=False)
    result = gx("parse", "-f", "csv", "a.txt", "b.txt")
    assert result.exit_code == 1 and "a.txt：RuntimeError: boom" in result.stderr
    assert {r["file"] for r in rows_of(result.stdout_bytes)} == {"b.txt"}
