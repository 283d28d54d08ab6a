"""Running the linter over many files: in parallel when asked, with results in input order, and one
bad file never stopping the others.

:func:`run` yields one :class:`~gxlint.formatters.FileResult` per item; :func:`check` drives a whole
``gxlint PATH...`` run (settings resolved up front, baseline, formatter, summary, exit status) so
the command line only parses options and calls it.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping

from .files import Item
from .finding import Finding, at_least
from .formatters import FileResult, Summary

_WORKER: Any = None


@dataclass(frozen=True)
class Rebuild:
    """How a worker process rebuilds the parent's Linter when it cannot inherit it (no fork)."""

    config: str | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)
    isolated: bool = False
    require: tuple[str, ...] = ()


def _lines_for(findings: list[Finding], text: str) -> dict[int, str]:
    wanted = {f.line for f in findings}
    if not wanted:
        return {}
    out: dict[int, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if number in wanted:
            out[number] = line
            if len(out) == len(wanted):
                break
    return out


def _crashed(path: str, exc: BaseException, lang: str) -> Finding:
    """gxlint itself failed on this file (not a rule: those are isolated by the engine)."""
    detail = f"{type(exc).__name__}: {exc}"
    msg = (f"gxlint 处理本文件时出错：{detail}；其他文件照常检查，请报告此问题" if lang == "zh"
           else f"gxlint failed on this file: {detail}; the other files were still checked; please report it")
    return Finding(path, 1, 1, 1, 2, "GX000", "internal-error", "error", msg,
                   fingerprint=f"GX000:{type(exc).__name__}")


def lint_source(linter, source, name: str, settings_path: str | None) -> FileResult:
    try:
        settings = linter.settings(settings_path)
        findings = linter.lint_source(source, settings)
    except Exception as exc:  # one bad file never stops the others
        from .config import ConfigError

        if isinstance(exc, ConfigError):
            raise
        return FileResult(name, [_crashed(name, exc, _lang(linter, settings_path))])
    return FileResult(name, findings, _lines_for(findings, source.text))


def lint_one(linter, path: str) -> FileResult:
    from .read import source as source_mod

    try:
        source = source_mod.read_path(path, linter.max_bytes)
    except Exception as exc:
        return FileResult(path, [_crashed(path, exc, _lang(linter, path))])
    return lint_source(linter, source, path, path)


def _lang(linter, path: str | None) -> str:
    try:
        return linter.settings(path).lang
    except Exception:
        return "zh"


def _init_worker(rebuild: Rebuild | None) -> None:
    global _WORKER
    import signal

    # Ctrl-C is the parent's to handle: it stops the run; workers finish their file quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if rebuild is None:
        return  # forked: the parent's Linter (with its resolved settings) is already here
    from .engine import Linter

    _WORKER = Linter(config=rebuild.config, overrides=rebuild.overrides, isolated=rebuild.isolated,
                     require=rebuild.require)


def _work(path: str) -> FileResult:
    return lint_one(_WORKER, path)


def run(linter, items: Iterable[Item], *, jobs: int | None = None, stdin_filename: str | None = None,
        stdin: BinaryIO | None = None, rebuild: Rebuild | None = None,
        skip_non_reports: bool = False) -> Iterator[FileResult]:
    """Yield one FileResult per item, in the order given.

    ``jobs`` > 1 lints files in worker processes (default: the number of CPUs); the output is the
    same as with one job.  ``-`` reads ``stdin`` (default: standard input) and reports it as
    ``stdin_filename``, whose path also selects the config file and per-file ignores.
    ``skip_non_reports``: a file with no report structure at all (GX002) is skipped: its result
    is one info note saying so, marked ``skipped`` (what the pre-commit hook asks for).

    Closing the generator early (the consumer stopped: Ctrl-C, a closed pipe) stops the worker
    processes at once.
    """
    items = list(items)
    files = [i.path for i in items if i.error is None and i.path != "-"]
    jobs = jobs or cpu_count()
    parallel = _parallel(linter, files, jobs, rebuild) if jobs > 1 and len(files) > 1 else None
    try:
        for item in items:
            if item.error is not None:
                yield FileResult(item.path, [item.error], checked=False)
                continue
            if item.path == "-":
                from .read import source as source_mod

                name = stdin_filename or "-"
                data = (stdin or sys.stdin.buffer).read()
                result = lint_source(linter, source_mod.from_bytes(data, name), name, stdin_filename)
            elif parallel is not None:
                result = next(parallel)
            else:
                result = lint_one(linter, item.path)
            if skip_non_reports:
                result = _skip_non_report(result, _lang(linter, stdin_filename if item.path == "-" else item.path))
            yield result
    finally:
        if parallel is not None:
            parallel.close()


#: the finding that says a file is no annual report at all
NOT_A_REPORT = ("GX002", "not-a-report")


def _skip_non_report(result: FileResult, lang: str) -> FileResult:
    """A file that is no report becomes one info note (``--skip-non-reports``); others unchanged."""
    reason = next((f for f in result.findings if (f.code, f.name) == NOT_A_REPORT), None)
    if reason is None:
        return result
    message = (f"不是年度报告，已跳过（--skip-non-reports）：{reason.message}" if lang == "zh"
               else f"not an annual report, skipped (--skip-non-reports): {reason.message}")
    note = Finding(result.path, reason.line, reason.column, reason.end_line, reason.end_column, reason.code,
                   reason.name, "info", message, fingerprint=reason.fingerprint)
    return FileResult(result.path, [note], {}, skipped=True)


def cpu_count() -> int:
    """The CPUs this process may use (a container or ``taskset`` may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parallel(linter, files: list[str], jobs: int, rebuild: Rebuild | None) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORKER
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    if fork:
        _WORKER = linter
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    done = 0
    chunk = max(1, min(16, len(files) // (jobs * 4)))
    pool = ProcessPoolExecutor(min(jobs, len(files)), mp_context=ctx, initializer=_init_worker,
                               initargs=(None if fork else (rebuild or Rebuild()),))
    finished = False
    try:
        try:
            for result in pool.map(_work, files, chunksize=chunk):
                done += 1
                yield result
        except BrokenProcessPool:
            # A worker died (killed, out of memory): finish the remaining files here, one by one.
            _stop_workers(pool)
            for path in files[done:]:
                yield lint_one(linter, path)
        finished = True
    finally:
        if not finished:
            # stopped early (Ctrl-C, a closed pipe, an error): the workers may be in the middle of a
            # long file; stop them now instead of waiting for them or linting the files not started
            _stop_workers(pool)
        # Always wait for the pool's manager thread: left running (shutdown(wait=False)), it races
        # the interpreter's exit and prints "Exception ignored ... Bad file descriptor".
        pool.shutdown(wait=True, cancel_futures=True)
        if fork:
            _WORKER = None


def _stop_workers(pool) -> None:
    """Terminate the pool's worker processes (the pool then shuts down at once: it sees them die)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):
            pass


# -- a whole run -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    summary: Summary
    #: a finding at or above its file's failing level was reported
    failed: bool
    #: the output was closed by its reader (``gxlint ... | head``): the rest was not written
    output_closed: bool = False


def resolve_settings(linter, items: Iterable[Item], stdin_filename: str | None = None) -> None:
    """Resolve (and cache) every file's settings before any output, so a broken config file is
    reported as an error (exit 2) instead of surfacing half-way through the output."""
    for item in items:
        linter.settings(stdin_filename if item.path == "-" else item.path)


def check(linter, items: list[Item], formatter, *, jobs: int | None = None, stdin_filename: str | None = None,
          stdin: BinaryIO | None = None, baseline=None, fail_on: str | None = None,
          progress=None, rebuild: Rebuild | None = None, started: float | None = None,
          skip_non_reports: bool = False, on_closed: Callable[[], None] | None = None) -> Outcome:
    """Lint ``items`` and feed the formatter; returns the summary and whether the run failed.

    ``baseline`` (a :class:`gxlint.baseline.Baseline`) hides the findings it already records;
    ``fail_on`` overrides each file's configured failing level; ``progress`` (a
    :class:`gxlint.progress.Progress`) is told about each file.  ``started`` is when the run
    began (``time.perf_counter()``; default: now): the summary gives the time since then.

    When the output's reader goes away (a ``BrokenPipeError`` from the formatter), ``on_closed`` is
    called and nothing more is written, but the run goes on until its verdict is known (a failing
    finding, or the last file), so the outcome is what it would have been had the output been read.
    """
    started = time.perf_counter() if started is None else started
    resolve_settings(linter, items, stdin_filename)
    summary = Summary()
    failed = False
    closed = False

    def output(write: Callable[[], None]) -> None:
        nonlocal closed
        if closed:
            return
        try:
            write()
        except BrokenPipeError:
            closed = True
            if on_closed is not None:
                on_closed()

    output(formatter.begin)
    results = run(linter, items, jobs=jobs, stdin_filename=stdin_filename, stdin=stdin, rebuild=rebuild,
                  skip_non_reports=skip_non_reports)
    try:
        for item, result in zip(items, results):
            if baseline is not None and not result.skipped:
                result, hidden = baseline.filter(result)
                summary.baseline_hidden += hidden
            summary.add(result)
            level = fail_on or linter.settings(stdin_filename if item.path == "-" else item.path).fail_on
            if not result.skipped and any(at_least(f.severity, level) for f in result.findings):
                failed = True
            if closed:
                if failed:
                    break  # the verdict is known: nothing more to find out
                continue
            if progress is not None:
                progress.clear()
            output(lambda result=result: formatter.add(result))
            if progress is not None and not closed:
                progress.update(summary.files, result.path)
    finally:
        results.close()  # stops the worker processes when the loop ended early
        if progress is not None:
            progress.close()
    summary.seconds = time.perf_counter() - started
    output(lambda: formatter.end(summary))
    return Outcome(summary, failed, closed)


def collect(linter, items: list[Item], **kwargs: Any) -> list[FileResult]:
    """Every file's findings, without formatting (what ``--write-baseline`` records; a non-report
    skipped under ``skip_non_reports`` has none to record)."""
    resolve_settings(linter, items, kwargs.get("stdin_filename"))
    return list(run(linter, items, **kwargs))
