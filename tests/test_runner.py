"""The runner: input order with any number of jobs, one bad file never stopping the others (a
crash, a dead worker), file discovery and ordering."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from clitools import EXAMPLE, reports
from gxlint.run import discover as files
from gxlint.run import runner
from gxlint.run.linter import Linter
from gxlint.output import Summary


@pytest.fixture
def folder(tmp_path):
    return reports(tmp_path / "r")


def items(*paths):
    return files.ordered(files.discover([str(p) for p in paths]))


def codes(results):
    return [(os.path.basename(r.path), [f.code for f in r.findings]) for r in results]


@pytest.mark.slow  # worker processes
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
    crash = next(
        r for r in runner.run(linter, items(folder), jobs=1) if r.path.endswith("empty.txt")
    ).findings[0]
    assert crash.message.startswith("gxlint 处理本文件时出错：MemoryError: simulated")


@pytest.mark.slow  # worker processes
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
    assert item.problem is not None and item.problem.message_en.startswith("broken symbolic link")
    found = Linter(isolated=True).lint_unread(item.source(), Linter(isolated=True).settings(item.path))
    assert [f.code for f in found] == ["GX001"]


def test_file_links_that_lead_to_each_other_are_reported_not_left_out(folder):
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    found = {Path(i.path).name: i.problem for i in items(folder) if i.problem is not None}
    assert sorted(found) == ["a.txt", "b.txt"]
    assert found["a.txt"].message_en == "symbolic link loop: the link leads back to itself"
    [named] = items(folder / "a.txt")  # named on the command line: the same
    assert named.problem is not None and named.problem.message_en == found["a.txt"].message_en


def test_a_broken_link_says_where_it_points_not_how_it_was_reached(folder, monkeypatch):
    # the message, and so a baseline's fingerprint, is the same whatever path reaches the link
    (folder / "dangling.txt").symlink_to("gone/x.txt")
    monkeypatch.chdir(folder.parent)
    messages = {
        i.problem.message_en
        for path in (folder.name, "./" + folder.name, str(folder))
        for i in items(Path(path))
        if i.problem is not None
    }
    assert messages == {"broken symbolic link: its target gone/x.txt does not exist"}


def test_missing_and_repo_root(tmp_path):
    assert files.missing(["-", str(EXAMPLE), str(tmp_path / "nope")]) == [str(tmp_path / "nope")]
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    assert files.repo_root(str(tmp_path / "repo" / "a" / "b")) == str(tmp_path / "repo")


# -- process behaviour -----------------------------------------------------------------------------------


@pytest.mark.slow  # worker processes
def test_a_parallel_run_leaves_no_pool_thread_behind(folder):
    """The pool is shut down and waited for: a manager thread left running races the interpreter's
    exit and prints "Exception ignored ... Bad file descriptor" (about 1 run in 25)."""
    import concurrent.futures.process as futures_process
    import threading

    results = list(runner.run(Linter(isolated=True), items(folder), jobs=2))
    assert len(results) == 8
    assert not [t.name for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
    assert not [t for t in list(futures_process._threads_wakeups) if t.is_alive()]


@pytest.mark.slow  # worker processes
def test_stopping_a_parallel_run_early_stops_the_workers_at_once(folder, monkeypatch):
    """Ctrl-C or a closed pipe while a worker is in the middle of a long file: the run stops now, and
    no worker is left running (it would keep the process alive until it finished)."""
    import multiprocessing
    import time

    real = runner.lint_one

    def slow(linter, path):
        if path.endswith("empty.txt"):
            time.sleep(60)
        return real(linter, path)

    monkeypatch.setattr(runner, "lint_one", slow)  # forked workers inherit it
    results = runner.run(Linter(isolated=True), items(folder), jobs=2)
    try:
        first = next(results)
        assert first.path.endswith("binary.txt")
        time.sleep(0.5)  # a worker is now asleep in empty.txt
        started = time.monotonic()
        results.close()
        assert time.monotonic() - started < 2
        assert multiprocessing.active_children() == []
    finally:
        for child in multiprocessing.active_children():
            child.kill()


def test_ctrl_c_while_the_workers_are_forked_is_delivered_after():
    """A Ctrl-C that arrives while the workers are forked would be raised in one of os.fork's hooks,
    where Python ignores it, and the run would go on for minutes: it is held back and raised
    right after."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("no signal masks on this platform")
    import threading

    # Python's own handler, as gxlint runs under: a test runner's worker process may ignore SIGINT
    # (pytest-xdist's do), and an ignored signal is never delivered
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            with runner._ctrl_c_held():
                # to this thread: a signal to the process may go to a test runner's other threads
                signal.pthread_kill(threading.get_ident(), signal.SIGINT)
                held = True  # reached: not raised inside
            pytest.fail("not delivered")
    finally:
        signal.signal(signal.SIGINT, before)
    assert held


def test_a_run_stopped_early_cancels_no_task(folder, monkeypatch):
    """Leaving the loop over the results does not cancel the tasks not started (as Executor.map
    would): on Python 3.10 and 3.11 the pool's manager thread dies on a cancelled task when the
    workers are then stopped, printing InvalidStateError."""
    from concurrent.futures import ThreadPoolExecutor

    cancelled = []
    with ThreadPoolExecutor(1) as pool:
        real = pool.submit

        def submit(*args):
            future = real(*args)
            future.add_done_callback(lambda f: cancelled.append(f.cancelled()))
            return future

        monkeypatch.setattr(pool, "submit", submit)
        results = runner._in_order(pool, str.upper, list("abcdefgh"), chunk=2, ahead=2)
        assert [next(results), next(results), next(results)] == ["A", "B", "C"]
        results.close()
    assert cancelled and not any(cancelled)


class _Sink:
    def __init__(self, broken_after: int | None = None):
        self.added = []
        self.ended = None
        self.broken_after = broken_after

    def begin(self):
        pass

    def add(self, result):
        if self.broken_after is not None and len(self.added) >= self.broken_after:
            raise BrokenPipeError(32, "Broken pipe")
        self.added.append(result.path)

    def end(self, summary):
        self.ended = summary


def test_a_closed_output_stops_writing_and_keeps_the_verdict(folder):
    linter = Linter(overrides={"select": ["GX0"]}, isolated=True)
    closed = []
    # the first file written, then the reader goes away: no more writing, on_closed told once
    sink = _Sink(broken_after=1)
    outcome = runner.check(linter, items(folder), sink, on_closed=lambda: closed.append(1))
    assert outcome.output_closed and closed == [1]
    assert len(sink.added) == 1 and sink.ended is None
    assert outcome.failed  # errors (GX001, GX002) further on: the verdict of the whole run
    # only warnings beyond the closed pipe: the run goes on to the end and does not fail
    sink = _Sink(broken_after=0)
    outcome = runner.check(linter, items(folder / "sub"), sink)
    assert outcome.output_closed and not outcome.failed and outcome.summary.files == 1


def test_an_empty_directory_counts_zero_files(tmp_path):
    (tmp_path / "empty").mkdir()
    linter = Linter(isolated=True)
    sink = _Sink()
    outcome = runner.check(linter, items(tmp_path / "empty"), sink)
    s = outcome.summary
    assert (s.files, s.files_with_findings, s.counts) == (0, 0, {"error": 1})  # the GX001 finding, no file
    assert outcome.failed
    missing = runner.check(linter, items(tmp_path / "missing.txt", EXAMPLE), _Sink()).summary
    assert (missing.files, missing.counts) == (1, {"error": 1})


def test_the_time_is_the_whole_run(folder):
    import time

    linter = Linter(isolated=True)
    started = time.perf_counter() - 5  # the command began five seconds ago
    outcome = runner.check(linter, items(folder / "sub"), _Sink(), started=started)
    assert outcome.summary.seconds >= 5


def test_skip_non_reports_turns_a_non_report_into_one_info_note(folder):
    linter = Linter(isolated=True)
    (folder / "README.md").write_text("# 资料说明\n\n本目录存放本办历年公开的文件。\n", encoding="utf-8")
    chosen = items(folder / "README.md", folder / "empty.txt", folder / "binary.txt", EXAMPLE)
    plain = {os.path.basename(r.path): r for r in runner.run(linter, chosen)}
    assert [f.code for f in plain["README.md"].findings] == ["GX002"] and not plain["README.md"].skipped
    skipped = {os.path.basename(r.path): r for r in runner.run(linter, chosen, skip_non_reports=True)}
    for name in ("README.md", "empty.txt"):
        [note] = skipped[name].findings
        assert skipped[name].skipped and (note.code, note.severity) == ("GX002", "info")
        assert note.message.startswith("不是年度报告，已跳过（--skip-non-reports）：")
    assert not skipped["binary.txt"].skipped and [f.code for f in skipped["binary.txt"].findings] == ["GX001"]
    assert skipped["shili-county-2021.txt"].findings == []
    outcome = runner.check(linter, chosen, _Sink(), skip_non_reports=True, fail_on="info")
    s = outcome.summary
    assert (s.files, s.skipped, s.counts) == (4, 2, {"error": 1})  # the notes are no problems
    readme_only = runner.check(
        linter, items(folder / "README.md"), _Sink(), skip_non_reports=True, fail_on="info"
    )
    assert not readme_only.failed
