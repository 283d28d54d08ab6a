"""The formatters on hand-made findings: the full format's source line and caret (CJK characters
are two columns wide), colour, the summary line, GitHub escaping, JSON fields and order."""

from __future__ import annotations

import io
import json
import re

from gxlint.finding import Finding
from gxlint.output import FileResult, Summary, get, relative_path
from gxlint.output.statistics import StatisticsFormatter

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def finding(
    line=1,
    column=1,
    end_line=None,
    end_column=None,
    code="GX201",
    severity="error",
    message="msg",
    fix=None,
    path="r.txt",
):
    return Finding(
        path,
        line,
        column,
        end_line or line,
        end_column or column + 1,
        code,
        "some-rule",
        severity,
        message,
        fix,
        fingerprint="abc",
    )


def render(fmt, results, summary=None, **kw):
    out = io.StringIO()
    formatter = get(fmt)(out=out, **kw)
    formatter.begin()
    for r in results:
        formatter.add(r)
    formatter.end(summary or Summary(files=len(results)))
    return out.getvalue()


def test_full_caret_under_cjk_text_is_double_width():
    line = "ab中文cd"
    text = render("full", [FileResult("r.txt", [finding(1, 3, 1, 5)], {1: line})])
    assert text.splitlines()[:4] == [
        "r.txt:1:3: GX201 [错误] msg",
        "  |",
        "1 | ab中文cd",
        "  |   ^^^^",
    ]


def test_full_caret_after_full_width_punctuation_and_a_tab():
    line = "（一）\t自然人：12"
    col = line.index("12") + 1
    text = render("full", [FileResult("r.txt", [finding(7, col, 7, col + 2)], {7: line})])
    shown, carets = text.splitlines()[2:4]
    assert shown == "7 | （一）    自然人：12"
    # （一） is 6 columns, the tab shown as four spaces, 自然人： 8 columns
    assert carets == "  | " + " " * 18 + "^^"


def test_full_window_on_a_very_long_line():
    line = "甲" * 500 + "ERR" + "乙" * 500
    col = 501
    text = render("full", [FileResult("r.txt", [finding(10, col, 10, col + 3)], {10: line})])
    shown, carets = text.splitlines()[2:4]
    assert shown.startswith("10 | …") and shown.endswith("…")
    assert shown == "10 | …" + "甲" * 20 + "ERR" + "乙" * 20 + "…"  # 40 columns of context each side
    start = shown.index("ERR")
    width = lambda s: sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in s)  # noqa: E731
    assert carets == "   | " + " " * (width(shown[5:start])) + "^^^"


def test_full_multi_line_span_underlines_to_the_end_of_the_line():
    text = render("full", [FileResult("r.txt", [finding(2, 3, 4, 1)], {2: "abcdef"})])
    assert text.splitlines()[3] == "  |   ^^^^"


def test_full_shows_the_fix_and_skips_blank_lines():
    text = render("full", [FileResult("r.txt", [finding(fix="写成 0")], {1: ""})], lang="zh")
    assert text.splitlines()[:3] == ["r.txt:1:1: GX201 [错误] msg", "  = 修改建议：写成 0", ""]
    text = render("full", [FileResult("r.txt", [finding(fix="write 0")], {1: ""})], lang="en")
    assert text.splitlines()[:3] == ["r.txt:1:1: GX201 [error] msg", "  = fix: write 0", ""]


def test_full_colour_only_when_asked():
    results = [FileResult("r.txt", [finding(severity="warning")], {1: "abc"})]
    assert not ANSI.search(render("full", results, color=False))
    coloured = render("full", results, color=True)
    assert "\x1b[33m" in coloured  # warnings in yellow
    assert ANSI.sub("", coloured) == render("full", results, color=False)


def test_summary_line_counts_by_severity_files_and_time():
    summary = Summary(
        files=12,
        files_with_findings=3,
        counts={"error": 2, "warning": 5, "info": 1},
        seconds=1.234,
        baseline_hidden=4,
    )
    en = render("full", [], summary, lang="en").splitlines()[-1]
    assert en == (
        "Found 8 problems (2 errors, 5 warnings, 1 info) in 3 files; 12 files checked in 1.23s; "
        "4 known in the baseline not shown"
    )
    zh = render("full", [], summary, lang="zh").splitlines()[-1]
    assert (
        zh
        == "发现 8 个问题（错误 2，警告 5，提示 1），涉及 3 个文件；共检查 12 个文件，用时 1.23 秒；基线中已有的 4 个问题未显示"
    )
    assert render("full", [], Summary(files=1), lang="en") == "No problems found; 1 file checked in 0.00s\n"


def test_concise_has_no_snippet_and_no_summary():
    text = render("concise", [FileResult("r.txt", [finding(3, 2)], {3: "abc"})])
    assert text == "r.txt:3:2: GX201 [错误] msg\n"


def test_severity_tags_in_the_language_of_the_run():
    results = [FileResult("r.txt", [finding(1, 1, severity=s) for s in ("error", "warning", "info")])]
    assert render("concise", results, lang="zh").splitlines() == [
        "r.txt:1:1: GX201 [错误] msg",
        "r.txt:1:1: GX201 [警告] msg",
        "r.txt:1:1: GX201 [提示] msg",
    ]
    assert [line.split(" ")[2] for line in render("concise", results, lang="en").splitlines()] == [
        "[error]",
        "[warning]",
        "[info]",
    ]


def test_json_fields_and_empty_array():
    assert json.loads(render("json", [])) == []
    [obj] = json.loads(render("json", [FileResult("r.txt", [finding(fix="f")])]))
    assert obj == {
        "path": "r.txt",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 2,
        "code": "GX201",
        "name": "some-rule",
        "severity": "error",
        "message": "msg",
        "fix": "f",
        "fingerprint": "abc",
    }


def test_json_keeps_chinese_readable():
    text = render("json", [FileResult("r.txt", [finding(message="合计不符")])])
    assert "合计不符" in text


def test_github_escapes_properties_and_data():
    f = finding(message="a%b\nc", path="dir,x/a:b.txt", severity="info")
    text = render("github", [FileResult(f.path, [f])])
    assert text == "::notice file=dir%2Cx/a%3Ab.txt,line=1,col=1,title=GX201::a%25b%0Ac\n"


def test_sarif_and_github_place_a_web_page_finding_on_its_html_source_line():
    # a tool opens the .html file itself: the line of the text gxlint read would point elsewhere
    from dataclasses import replace

    f = replace(
        finding(line=29, column=12, path="a.html", severity="warning"),
        location={"form": "html", "line": 49, "table": 1, "row": 8, "cell": 2},
    )
    assert render("github", [FileResult(f.path, [f])]).startswith(
        "::warning file=a.html,line=49,title=GX201::"
    )
    sarif = json.loads(render("sarif", [FileResult(f.path, [f])], root="."))
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 49,
        "startColumn": 1,
        "endLine": 49,
        "endColumn": 1,
    }
    # a text file's finding keeps its own line and column
    plain = finding(line=3, column=4, path="a.txt")
    assert "line=3,col=4" in render("github", [FileResult(plain.path, [plain])])


def test_relative_path(tmp_path):
    assert relative_path(str(tmp_path / "a" / "b.txt"), str(tmp_path)) == "a/b.txt"
    assert relative_path("/elsewhere/b.txt", str(tmp_path)) == "/elsewhere/b.txt"
    assert relative_path("-", str(tmp_path)) == "-"


def test_statistics_formatter_orders_by_count_then_code():
    out = io.StringIO()
    fmt = StatisticsFormatter(out, as_json=True)
    fmt.add(FileResult("a", [finding(code="GX102"), finding(code="GX101"), finding(code="GX102")]))
    fmt.add(FileResult("b", [finding(code="GX101"), finding(code="GX100")]))
    fmt.end(Summary())
    assert [(r["code"], r["count"]) for r in json.loads(out.getvalue())] == [
        ("GX101", 2),
        ("GX102", 2),
        ("GX100", 1),
    ]


def test_control_characters_in_the_report_never_reach_the_terminal():
    line = "abc\x1b[31mdef"
    text = render("full", [FileResult("r.txt", [finding(1, 8, 1, 11)], {1: line})])
    assert "\x1b" not in text
    shown, carets = text.splitlines()[2:4]
    assert shown == "1 | abc [31mdef" and carets == "  |        ^^^"


def test_statistics_rows_are_per_code_and_severity_and_add_up_to_the_summary():
    out = io.StringIO()
    fmt = StatisticsFormatter(out, as_json=True)
    results = [
        FileResult("a", [finding(code="GX101"), finding(code="GX101", severity="warning")]),
        FileResult(
            "b", [finding(code="GX101", severity="warning"), finding(code="GX003", severity="warning")]
        ),
    ]
    summary = Summary()
    for r in results:
        fmt.add(r)
        summary.add(r)
    fmt.end(summary)
    rows = json.loads(out.getvalue())
    assert [(r["code"], r["severity"], r["count"]) for r in rows] == [
        ("GX101", "warning", 2),
        ("GX003", "warning", 1),
        ("GX101", "error", 1),
    ]
    by_severity: dict = {}
    for r in rows:
        by_severity[r["severity"]] = by_severity.get(r["severity"], 0) + r["count"]
    assert by_severity == summary.counts == {"error": 1, "warning": 3}


def test_summary_counts_no_file_for_a_path_that_is_none_and_names_skipped_files(tmp_path):
    summary = Summary()
    summary.add(FileResult(str(tmp_path), [finding(code="GX001")], checked=False))  # a folder, nothing in it
    assert (
        render("full", [], summary, lang="en").splitlines()[-1]
        == "Found 1 problem (1 error, 0 warnings, 0 info); 0 files checked in 0.00s"
    )
    assert (
        render("full", [], summary, lang="zh").splitlines()[-1]
        == "发现 1 个问题（错误 1，警告 0，提示 0）；共检查 0 个文件，用时 0.00 秒"
    )
    # a broken link (or a missing path) is no file checked, but a file with a problem, as the
    # JSON output and a baseline name it
    summary = Summary()
    summary.add(FileResult(str(tmp_path / "gone.txt"), [finding(code="GX001")], checked=False))
    assert (
        render("full", [], summary, lang="en").splitlines()[-1]
        == "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file; 0 files checked in 0.00s"
    )
    summary = Summary()
    summary.add(FileResult("README.md", [finding(code="GX002", severity="info")], skipped=True))
    summary.add(FileResult("r.txt", []))
    assert (summary.files, summary.skipped, summary.counts) == (2, 1, {})
    assert (
        render("full", [], summary, lang="zh").splitlines()[-1]
        == "未发现问题；共检查 2 个文件（其中 1 个不是年度报告，已跳过），用时 0.00 秒"
    )
    assert (
        render("full", [], summary, lang="en").splitlines()[-1]
        == "No problems found; 2 files checked (1 not an annual report, skipped) in 0.00s"
    )


def test_a_file_name_that_is_no_utf8_gives_valid_output_in_every_machine_format(tmp_path):
    # a name's bytes that are no UTF-8 (Python reads them as lone surrogates) broke SARIF (an
    # internal error, nothing written) and made JSON output invalid UTF-8
    import os
    import sys

    import pytest
    from click.testing import CliRunner

    from gxlint.cli import main

    if sys.platform == "win32":
        pytest.skip("file names are Unicode on Windows")
    name = os.fsdecode(b"w-\xff.txt")
    (tmp_path / name).write_text("会议纪要\n", encoding="utf-8")
    for fmt in ("json", "json-lines", "sarif"):
        result = CliRunner().invoke(main, ["-f", fmt, "--exit-zero", "--select", "GX002", str(tmp_path)])
        assert result.exit_code == 0, (fmt, result.output)
        text = result.stdout_bytes.decode("utf-8")  # valid UTF-8
        if fmt == "sarif":
            assert "w-%FF.txt" in text
        else:
            doc = json.loads(text.splitlines()[0] if fmt == "json-lines" else text)
            found = doc if fmt == "json-lines" else doc[0]
            assert os.fsencode(found["path"]).endswith(b"w-\xff.txt")
    data = CliRunner().invoke(main, ["parse", "-f", "json-lines", str(tmp_path)])
    assert os.fsencode(json.loads(data.stdout_bytes.decode("utf-8"))["path"]).endswith(b"w-\xff.txt")
