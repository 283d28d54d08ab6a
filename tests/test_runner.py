"""The runner: input order with any number of jobs, one bad file never stopping the others (a
crash, a dead worker), file discovery and ordering."""

from __future__ import annotations

import io
import os

import pytest

from clitools import EXAMPLE, reports
from gxlint import files, runner
from gxlint.engine import Linter
from gxlint.formatters import Summary


@pytest.fixture
def folder(tmp_path):
    return reports(tmp_path / "r")


def items(*paths):
    return files.ordered(files.discover([str(p) for p in paths]))


def codes(results):
    return [(os.path.basename(r.path), [f.code for f in r.findings]) for r in results]


def test_results_come_in_input_order_whatever_the_jobs(folder):
    linter = Linter(isolated=True)
    serial = list(runner.run(linter, items(folder), jobs=1))
    assert [r.path for r in serial] == sorted(r.path for r in serial)
    for jobs in (2, 3, 8):
        assert list(runner.run(linter, items(folder), jobs=jobs)) == serial


def test_a_crash_on_one_file_is_a_finding_and_the_others_are_linted(folder, monkeypatch):
    linter = Linter(isolated=True)
    real = linter.lint_source

    def flaky(source, settings):
        if source.path.endswith("empty.txt"):
            raise MemoryError("simulated")
        return real(source, settings)

    monkeypatch.setattr(linter, "lint_source", flaky)
    for jobs in (1, 2):
        results = dict(codes(runner.run(linter, items(folder), jobs=jobs)))
        assert results["empty.txt"] == ["GX000"]
        assert results["binary.txt"] == ["GX001"] and results["inline-copy.txt"] == ["GX003"]
        assert results["example.txt"] == []
    crash = next(r for r in runner.run(linter, items(folder), jobs=1) if r.path.endswith("empty.txt")).findings[0]
    assert crash.message.startswith("gxlint 处理本文件时出错：MemoryError: simulated")


def test_a_worker_that_dies_does_not_lose_files(folder, monkeypatch):
    parent = os.getpid()
    real = runner.lint_one

    def dies_in_a_worker(linter, path):
        if os.getpid() != parent and path.endswith("empty.txt"):
            os._exit(9)  # as if killed by the out-of-memory killer
        return real(linter, path)

    monkeypatch.setattr(runner, "lint_one", dies_in_a_worker)
    linter = Linter(isolated=True)
    results = list(runner.run(linter, items(folder), jobs=2))
    assert [r.path for r in results] == [i.path for i in items(folder)]
    assert dict(codes(results))["empty.txt"] == ["GX002"]


def test_stdin_item_reads_the_given_stream():
    linter = Linter(isolated=True)
    [result] = runner.run(linter, [files.Item("-")], stdin=io.BytesIO(b""), stdin_filename="x/new.txt")
    assert result.path == "x/new.txt" and [f.code for f in result.findings] == ["GX002"]


def test_check_counts_and_fails_on_the_configured_level(folder):
    class Collect:
        def __init__(self):
            self.events = []

        def begin(self):
            self.events.append("begin")

        def add(self, result):
            self.events.append(result.path)

        def end(self, summary):
            self.events.append(summary)

    linter = Linter(overrides={"select": ["GX0"]}, isolated=True)
    sink = Collect()
    outcome = runner.check(linter, items(folder), sink, jobs=2)
    assert sink.events[0] == "begin" and isinstance(sink.events[-1], Summary)
    assert outcome.failed  # GX001 and GX002 are errors
    s = outcome.summary
    assert (s.files, s.files_with_findings, s.counts) == (8, 4, {"error": 2, "warning": 2})
    only_warnings = runner.check(linter, items(folder / "sub"), Collect())
    assert not only_warnings.failed
    assert runner.check(linter, items(folder / "sub"), Collect(), fail_on="warning").failed


# -- discovery ---------------------------------------------------------------------------------------

def test_ordered_removes_duplicates_and_sorts(folder):
    got = items(folder / "sub", folder / "empty.txt", folder, f"{folder}/./empty.txt")
    paths = [i.path for i in got]
    assert paths == sorted(paths) and len(paths) == len(set(os.path.realpath(p) for p in paths)) == 8


def test_skipped_folders(folder):
    for name in (".git", "node_modules", "__pycache__", "venv"):
        (folder / name).mkdir()
        (folder / name / "x.txt").write_text("", encoding="utf-8")
    (folder / "venv" / "pyvenv.cfg").write_text("", encoding="utf-8")
    assert not [i for i in items(folder) if "x.txt" in i.path]


def test_symlink_loops_are_walked_once(folder):
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    assert len(items(folder)) == 8


def test_broken_symlink_in_a_folder_is_a_gx001_finding(folder):
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    [item] = [i for i in items(folder) if i.path.endswith("dangling.txt")]
    assert item.error is not None and item.error.code == "GX001"


def test_missing_and_repo_root(tmp_path):
    assert files.missing(["-", str(EXAMPLE), str(tmp_path / "nope")]) == [str(tmp_path / "nope")]
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    assert files.repo_root(str(tmp_path / "repo" / "a" / "b")) == str(tmp_path / "repo")
