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
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

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
        stdin: BinaryIO | None = None, rebuild: Rebuild | None = None) -> Iterator[FileResult]:
    """Yield one FileResult per item, in the order given.

    ``jobs`` > 1 lints files in worker processes (default: the number of CPUs); the output is the
    same as with one job.  ``-`` reads ``stdin`` (default: standard input) and reports it as
    ``stdin_filename``, whose path also selects the config file and per-file ignores.
    """
    items = list(items)
    files = [i.path for i in items if i.error is None and i.path != "-"]
    jobs = jobs or cpu_count()
    parallel = _parallel(linter, files, jobs, rebuild) if jobs > 1 and len(files) > 1 else None
    for item in items:
        if item.error is not None:
            yield FileResult(item.path, [item.error])
        elif item.path == "-":
            from .read import source as source_mod

            name = stdin_filename or "-"
            data = (stdin or sys.stdin.buffer).read()
            yield lint_source(linter, source_mod.from_bytes(data, name), name, stdin_filename)
        elif parallel is not None:
            yield next(parallel)
        else:
            yield lint_one(linter, item.path)


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
    try:
        for result in pool.map(_work, files, chunksize=chunk):
            done += 1
            yield result
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish the remaining files here, one by one.
        for path in files[done:]:
            yield lint_one(linter, path)
    finally:
        # stopped early (Ctrl-C, a closed pipe): drop the files not started instead of linting them all
        pool.shutdown(wait=False, cancel_futures=True)
        if fork:
            _WORKER = None


# -- a whole run -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    summary: Summary
    #: a finding at or above its file's failing level was reported
    failed: bool


def resolve_settings(linter, items: Iterable[Item], stdin_filename: str | None = None) -> None:
    """Resolve (and cache) every file's settings before any output, so a broken config file is
    reported as an error (exit 2) instead of surfacing half-way through the output."""
    for item in items:
        linter.settings(stdin_filename if item.path == "-" else item.path)


def check(linter, items: list[Item], formatter, *, jobs: int | None = None, stdin_filename: str | None = None,
          stdin: BinaryIO | None = None, baseline=None, fail_on: str | None = None,
          progress=None, rebuild: Rebuild | None = None) -> Outcome:
    """Lint ``items`` and feed the formatter; returns the summary and whether the run failed.

    ``baseline`` (a :class:`gxlint.baseline.Baseline`) hides the findings it already records;
    ``fail_on`` overrides each file's configured failing level; ``progress`` (a
    :class:`gxlint.progress.Progress`) is told about each file.
    """
    resolve_settings(linter, items, stdin_filename)
    summary = Summary()
    failed = False
    started = time.perf_counter()
    formatter.begin()
    results = run(linter, items, jobs=jobs, stdin_filename=stdin_filename, stdin=stdin, rebuild=rebuild)
    for item, result in zip(items, results):
        if baseline is not None:
            result, hidden = baseline.filter(result)
            summary.baseline_hidden += hidden
        summary.add(result)
        level = fail_on or linter.settings(stdin_filename if item.path == "-" else item.path).fail_on
        if any(at_least(f.severity, level) for f in result.findings):
            failed = True
        if progress is not None:
            progress.clear()
        formatter.add(result)
        if progress is not None:
            progress.update(summary.files, result.path)
    if progress is not None:
        progress.close()
    summary.seconds = time.perf_counter() - started
    formatter.end(summary)
    return Outcome(summary, failed)


def collect(linter, items: list[Item], **kwargs: Any) -> list[FileResult]:
    """Every file's findings, without formatting (what ``--write-baseline`` records)."""
    resolve_settings(linter, items, kwargs.get("stdin_filename"))
    return list(run(linter, items, **kwargs))
