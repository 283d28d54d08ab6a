"""Baselines: findings recorded by file, code and fingerprint survive lines inserted above them;
genuinely new findings are still reported."""

from __future__ import annotations

import json
import re

import pytest

from clitools import INLINE, findings, gx
from gxlint.run import baseline
from gxlint.finding import Finding
from gxlint.output import FileResult


@pytest.fixture
def office(tmp_path, monkeypatch):
    """An office's folder of old reports: one with a run-together row (GX003), one empty (GX002)."""
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "2021.txt").write_text(INLINE.read_text(encoding="utf-8"), encoding="utf-8")
    (reports / "draft.txt").write_text("", encoding="utf-8")
    return reports


def lint(*args):
    return gx("--isolated", "--lang", "en", *args)


@pytest.mark.slow  # a second or so: whole folders or many runs
def test_baseline_round_trip_with_lines_inserted_above(office, tmp_path):
    before = findings(lint("-f", "json", "reports"))
    assert [(f["path"], f["code"], f["line"]) for f in before] == [
        ("reports/2021.txt", "GX003", 5),
        ("reports/draft.txt", "GX002", 1),
    ]

    written = lint("--write-baseline", "gxlint-baseline.json", "reports")
    assert written.exit_code == 0 and written.stdout == ""
    assert (
        written.stderr == "gxlint: recorded 2 findings in 2 files to gxlint-baseline.json (2 files checked)\n"
    )
    data = json.loads((tmp_path / "gxlint-baseline.json").read_text(encoding="utf-8"))
    assert data["gxlint-baseline"] == 1
    assert [(e["path"], e["code"], e["fingerprint"]) for e in data["findings"]] == [
        (f["path"], f["code"], f["fingerprint"]) for f in before
    ]
    assert all("line" not in e for e in data["findings"])

    quiet = lint("--baseline", "gxlint-baseline.json", "reports")
    assert quiet.exit_code == 0
    assert quiet.stdout == (
        f"No problems found; 2 files checked in {_seconds(quiet.stdout)}s; "
        "2 known in the baseline not shown\n"
    )

    # The office edits the report: three lines inserted above the defect move it to line 8.
    report = office / "2021.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[3:3] = ["补充说明：本报告于2022年2月修订。", "", "修订内容：更正联系电话。"]
    report.write_text("\n".join(lines), encoding="utf-8")
    moved = findings(lint("-f", "json", "reports/2021.txt"))
    assert [(f["code"], f["line"]) for f in moved] == [("GX003", 8)]
    assert moved[0]["fingerprint"] == before[0]["fingerprint"]

    still_quiet = lint("--baseline", "gxlint-baseline.json", "-f", "json", "reports")
    assert still_quiet.exit_code == 0 and findings(still_quiet) == []

    # A genuinely new defect in the same report, and a new empty file, are reported.
    report.write_text(report.read_text(encoding="utf-8").replace("规章000", "规章1011"), encoding="utf-8")
    (office / "2022.txt").write_text("", encoding="utf-8")
    new = lint("--baseline", "gxlint-baseline.json", "--fail-on", "warning", "-f", "json", "reports")
    assert new.exit_code == 1
    assert [(f["path"], f["code"], f["line"]) for f in findings(new)] == [
        ("reports/2021.txt", "GX003", 8),
        ("reports/2022.txt", "GX002", 1),
    ]
    assert "1011" in findings(new)[0]["message"]
    summary = lint("--baseline", "gxlint-baseline.json", "reports").stdout.splitlines()[-1]
    assert summary.startswith("Found 2 problems (1 error, 1 warning, 0 info) in 2 files; 3 files checked")
    # GX003 is one finding per table, naming every unreadable row: the table's finding changed (a row
    # was added to it), so it is new; only draft.txt's GX002 is still the recorded one
    assert summary.endswith("; 1 known in the baseline not shown")


def test_baseline_paths_are_relative_to_the_baseline_file(office, tmp_path, monkeypatch):
    lint("--write-baseline", "gxlint-baseline.json", "reports")
    monkeypatch.chdir(office)  # run from another folder, naming the files differently
    result = lint("--baseline", "../gxlint-baseline.json", "-f", "json", ".", str(office / "2021.txt"))
    assert result.exit_code == 0 and findings(result) == []


def test_stdin_findings_are_keyed_by_the_stdin_filename(office):
    text = INLINE.read_text(encoding="utf-8").encode("utf-8")
    lint("--write-baseline", "b.json", "reports")
    hidden = gx(
        "--isolated",
        "--baseline",
        "b.json",
        "--stdin-filename",
        "reports/2021.txt",
        "-f",
        "json",
        "-",
        input=text,
    )
    assert findings(hidden) == []
    other = gx(
        "--isolated",
        "--baseline",
        "b.json",
        "--stdin-filename",
        "reports/new.txt",
        "-f",
        "json",
        "-",
        input=text,
    )
    assert [f["code"] for f in findings(other)] == ["GX003"]


def test_each_recorded_finding_hides_one_finding(tmp_path):
    f1 = Finding(str(tmp_path / "a.txt"), 1, 1, 1, 2, "GX002", "x", "error", "m", fingerprint="one")
    f2 = Finding(str(tmp_path / "a.txt"), 9, 1, 9, 2, "GX003", "y", "warning", "m", fingerprint="two")
    base = baseline.Baseline([baseline.Key("a.txt", "GX003", "two")], str(tmp_path))
    kept, hidden = base.filter(FileResult(str(tmp_path / "a.txt"), [f1, f2]))
    assert hidden == 1 and kept.findings == [f1]
    kept_again, hidden_again = base.filter(FileResult(str(tmp_path / "a.txt"), [f2]))
    assert hidden_again == 0 and kept_again.findings == [f2]  # each recorded finding hides one finding


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "invalid JSON"),
        ("[]", "not a gxlint baseline"),
        ('{"gxlint-baseline": 9, "findings": []}', "baseline format 9 is not supported"),
        ('{"gxlint-baseline": 1, "findings": {}}', '"findings" must be a list'),
        (
            '{"gxlint-baseline": 1, "findings": [{"path": "a"}]}',
            "findings[0] needs path, code and fingerprint",
        ),
    ],
)
def test_load_errors(tmp_path, content, message):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=re.escape(message)):
        baseline.Baseline.load(str(path))


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{", "应为双引号括起的键名"),
        ('{"a" 1}', "缺少冒号"),
        ("[1,]", ("应为一个值", "数组末尾多了一个逗号")),  # Python's wording before and from 3.13
        ('{"a": 1} x', "数据结束后还有多余内容"),
    ],
)
def test_a_broken_baseline_is_explained_in_chinese(tmp_path, content, reason):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError) as caught:
        baseline.Baseline.load(str(path))
    reasons = reason if isinstance(reason, tuple) else (reason,)
    assert any(
        caught.value.message_zh.endswith(f"：不是 gxlint 基线文件：JSON 格式错误（{r}）") for r in reasons
    )
    assert not re.search(r"[A-Za-z]{3,}", caught.value.message_zh.split("JSON")[-1])


def test_write_error_is_a_clean_exit_2(office):
    result = lint("--write-baseline", "no/such/dir/b.json", "reports")
    assert result.exit_code == 2
    assert result.stderr.startswith("gxlint: error: no/such/dir/b.json: cannot write the baseline")
    chinese = gx("--write-baseline", "no/such/dir/b.json", "reports")
    assert chinese.stderr.strip() == "gxlint：错误：no/such/dir/b.json：无法写入基线文件：文件或目录不存在"


def _seconds(text: str) -> str:
    return re.search(r"checked in (\d+\.\d\d)s", text).group(1)


def test_baseline_errors_in_both_languages(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"gxlint-baseline": 7, "findings": []}', encoding="utf-8")
    with pytest.raises(baseline.BaselineError) as caught:
        baseline.Baseline.load(str(path))
    assert "baseline format 7 is not supported" in caught.value.text("en") == str(caught.value)
    assert caught.value.text("zh") == (
        f"{path}：不支持基线格式 7（本版 gxlint 读取格式 1），请用 --write-baseline 重新生成"
    )


def test_a_skipped_non_report_is_not_recorded():
    note = Finding(
        "README.md", 1, 1, 1, 2, "GX002", "not-a-report", "info", "不是年度报告，已跳过", fingerprint="f"
    )
    assert baseline.entries([FileResult("README.md", [note], skipped=True)], ".") == []


def test_a_path_that_is_no_file_to_check_is_never_recorded(office):
    """A mistyped path (GX001 "no such file or directory"), an empty folder, a broken link: recorded,
    they were hidden from the next run on and a CI job checked nothing without a word."""
    import os

    os.mkdir("empty")
    os.symlink("nowhere.txt", "broken.txt")
    paths = ("reports/2021.txt", "reprots/2022.txt", "empty", "broken.txt")
    written = lint("--write-baseline", "b.json", *paths)
    assert written.exit_code == 0
    assert written.stderr == "gxlint: recorded 1 finding in 1 file to b.json (1 file checked)\n"
    data = json.loads(open("b.json", encoding="utf-8").read())
    assert [(e["path"], e["code"]) for e in data["findings"]] == [("reports/2021.txt", "GX003")]
    again = lint("--baseline", "b.json", "-f", "json", *paths)
    assert again.exit_code == 1
    assert sorted((f["path"], f["code"]) for f in findings(again)) == [
        ("broken.txt", "GX001"),
        ("empty", "GX001"),
        ("reprots/2022.txt", "GX001"),
    ]
