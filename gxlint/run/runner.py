"""Running the linter over many files: in parallel when asked, with results in input order, and one
bad file never stopping the others.

:func:`run` yields one :class:`~gxlint.output.FileResult` per item; :func:`check` feeds them to a
formatter (settings resolved up front, baseline, progress, summary, whether the run failed), the
lint of a whole ``gxlint PATH...`` run that gxlint.run.check prepares and calls.
"""

from __future__ import annotations

import contextlib
import functools
import operator
import os
import sys
import time
from dataclasses import dataclass, fields
from typing import Any, BinaryIO, Callable, Generator, Iterable, Mapping, NamedTuple

from gxlint.run.discover import Item
from gxlint.config import Settings
from gxlint.finding import Finding, at_least
from gxlint.read.source import Source
from gxlint.output import FileResult, Summary

_WORKER: Any = None


class Rebuild(NamedTuple):
    """How a worker process rebuilds the parent's Linter when it cannot inherit it (no fork)."""

    config: str | None = None
    overrides: Mapping[str, Any] | None = None
    isolated: bool = False
    require: tuple[str, ...] = ()


def _lines_for(findings: list[Finding], text: str) -> dict[int, str]:
    wanted = {f.line for f in findings}
    if not wanted:
        return {}
    # split only as far as the last line wanted (the rest of the text stays one piece, after it)
    lines = text.split("\n", max(wanted))
    return {number: lines[number - 1] for number in sorted(wanted) if 1 <= number <= len(lines)}


def _crashed(linter, path: str, exc: BaseException, settings_path: str | None) -> list[Finding]:
    """gxlint itself failed on this file (not a rule: those are isolated by the engine): what the
    rules that report crashes say about it."""
    try:
        settings = linter.settings(settings_path)
    except Exception:  # the crash is what matters here; the defaults will do to report it
        settings = Settings()
    return linter.crashed(Source("", path=path), exc, settings)


def _unreadable(linter, item: Item) -> FileResult:
    """An item that cannot be read at all (see gxlint.run.discover.Item.problem)."""
    return FileResult(item.path, linter.lint_unread(item.source(), linter.settings(item.path)), checked=False)


def lint_source(
    linter,
    source,
    name: str,
    settings_path: str | None,
    view: Callable[[Any], Any] | None = None,
    *,
    previous=None,
    reports: list | None = None,
) -> FileResult:
    """``view``: the formatter's ``report_view`` (see gxlint.output): called with the report
    read, in the process that read it; what it returns becomes ``FileResult.report``.
    ``previous``: last year's report of the same agency (the cross-year rules' ``ctx.previous``);
    ``reports``, when a list, receives the report read (for pairing reports of consecutive years)."""
    if reports is None and view is not None:
        reports = []
    try:
        settings = linter.settings(settings_path)
        extra: dict[str, Any] = {}
        if reports is not None:
            extra["reports"] = reports
        if previous is not None:
            extra["previous"] = previous
        findings = linter.lint_source(source, settings, **extra)
    except Exception as exc:  # one bad file never stops the others
        from gxlint.config import ConfigError

        if isinstance(exc, ConfigError):
            raise
        return FileResult(name, _crashed(linter, name, exc, settings_path))
    result = FileResult(name, findings, _lines_for(findings, source.shown_text()))
    if view is not None and reports:
        try:
            result.report = view(reports[0])
        except Exception:  # pragma: no cover - the findings are still reported, without the text
            result.report = None
    return result


def lint_one(linter, path: str, view: Callable[[Any], Any] | None = None) -> FileResult:
    from gxlint.read import source as source_mod

    try:
        source = source_mod.read_path(path, linter.max_bytes)
    except Exception as exc:
        return FileResult(path, _crashed(linter, path, exc, path))
    return lint_source(linter, source, path, path, view)


def _lang(linter, path: str | None) -> str:
    try:
        return linter.settings(path).lang
    except Exception:
        return "zh"


#: the signals that stop a run as Ctrl-C does (besides SIGINT), in the command line's hands
_STOPS = ("SIGTERM", "SIGHUP")


def _die_with_parent(number: int) -> None:
    """On Linux, have the kernel send this worker ``number`` when the process that started it dies
    however it dies (SIGKILL, a crash: nothing of the parent runs then to stop its workers, which
    would run on for ever holding the output's pipe).  Elsewhere nothing: the parent's handlers
    stop the workers for the signals that can be handled."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, number, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made: init took the worker
        os._exit(1)


def _init_worker(rebuild: Rebuild | None) -> None:
    global _WORKER
    import signal

    # Ctrl-C is the parent's to handle: it stops the run; workers finish their file quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM and SIGHUP end a worker (the parent stops its workers with SIGTERM), whatever the
    # parent does with them (the command line stops the run on them, gxlint.cli.app); they were held
    # back while the workers were forked (_ctrl_c_held)
    stops = {getattr(signal, name) for name in _STOPS if hasattr(signal, name)}
    for number in stops:
        signal.signal(number, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    _die_with_parent(signal.SIGTERM)
    if rebuild is None:
        return  # forked: the parent's Linter (with its resolved settings) is already here
    from gxlint.run.linter import Linter

    _WORKER = Linter(
        config=rebuild.config, overrides=rebuild.overrides, isolated=rebuild.isolated, require=rebuild.require
    )


def _work(path: str, view: Callable[[Any], Any] | None = None) -> FileResult:
    return _lint(lint_one, _WORKER, path, view)


def _lint(function, linter, path: str, view: Callable[[Any], Any] | None):
    """``function(linter, path, view)``; without a view as ``function(linter, path)``, the signature
    that tests (and anyone wrapping ``lint_one``) may rely on."""
    return function(linter, path, view) if view is not None else function(linter, path)


#: how much of a text file is read to learn its agency and year (the title and the introduction)
IDENTITY_CHARS = 1500


def identify(linter, path: str, view: Callable[[Any], Any] | None = None):
    """The first step of a run with pairing: ``(result, card)`` for one file.  A text file is
    only identified -- its agency and year read from its beginning (the title), ``result`` None:
    it is linted once its predecessor is known (:func:`settle`).  A Word, web or PDF file, whose
    reading is the expensive part, is linted now (``result``), its card taken from the whole
    report."""
    from gxlint.run.pairs import card_for, card_of
    from gxlint.read import source as source_mod

    try:
        head = _text_head(path, linter.max_bytes)
        if head is not None:
            linter.settings(path)  # a file whose settings cannot be resolved is not paired
            agency, year = linter.read_identity(source_mod.from_text(head, path), beginning=True)
            if agency is None or year is None:
                # the beginning does not say, or only the title does: the whole report decides (its
                # period statement, tables, signature), as linting it will -- a title with last
                # year's year must not pair the report as last year's
                agency, year = linter.read_identity(source_mod.read_path(path, linter.max_bytes))
            return None, card_for(path, agency, year)
    except Exception:  # the whole file's lint will report it
        return None, None
    try:
        source = source_mod.read_path(path, linter.max_bytes)
    except Exception as exc:
        return FileResult(path, _crashed(linter, path, exc, path)), None
    if source.form == "text":  # not read as text above: unreadable, or named like another form
        return None, None
    reports: list = []
    result = lint_source(linter, source, path, path, view, reports=reports)
    return result, (card_of(reports[0], path=path) if reports else None)


def _text_head(path: str, max_bytes: int) -> str | None:
    """The beginning of a plain-text file, decoded (as reading the whole file would, without
    rewriting its tables), or None when it is no readable plain-text file."""
    from gxlint.read import source as source_mod
    from gxlint.read.sniff import sniff

    if path.lower().endswith(source_mod._BINARY_NAMES):
        return None
    handle, size = source_mod.open_regular(path)
    with handle:
        if size > max_bytes:
            return None
        data = source_mod.read_at_most(handle, size, max_bytes)
    if sniff(data, path) != "text":
        return None
    head = _utf8_head(data)
    if head is not None:
        return head
    text, _, problems = source_mod.decode(data)
    if not text or any(p.fatal for p in problems):
        return None
    return source_mod.normalize_newlines(text[: 2 * IDENTITY_CHARS])[:IDENTITY_CHARS]


#: how many bytes of a UTF-8 file :func:`_utf8_head` decodes: at least as many characters as a head
#: holds, whatever their width
_HEAD_BYTES = 4 * IDENTITY_CHARS


def _utf8_head(data: bytes) -> str | None:
    """:func:`_text_head` of a UTF-8 file from its first bytes only, or None when they do not tell
    (another encoding, too few characters there, a file not much longer than them): then the whole
    file is decoded.  Decoding is much of what finding the head costs, and the whole file is
    decoded again when it is linted; a file that is not UTF-8 further on is only found out then
    (its pairing holds only if the whole report names the same agency and year)."""
    import codecs

    from gxlint.read.source import normalize_newlines

    start = 0
    if data.startswith(codecs.BOM_UTF8):
        start = 3
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return None  # decoded otherwise, or no text at all (see gxlint.read.source.decode)
    if len(data) - start <= _HEAD_BYTES:
        return None
    try:
        # a character cut at the end is left out (final=False), not an error
        text, _ = codecs.utf_8_decode(data[start : start + _HEAD_BYTES], "strict", False)
    except UnicodeDecodeError:
        return None
    head = normalize_newlines(text[: 2 * IDENTITY_CHARS])[:IDENTITY_CHARS]
    # the whole text's head when the bytes held all the characters it is cut from, or enough of them
    # to fill it (normalizing line ends only joins "\r\n": a prefix keeps its place in the whole)
    return head if len(text) >= 2 * IDENTITY_CHARS or len(head) == IDENTITY_CHARS else None


def _work_identify(path: str, view: Callable[[Any], Any] | None = None):
    return identify(_WORKER, path, view)


def settle(linter, task: list, view: Callable[[Any], Any] | None = None) -> list:
    """The second step: one group of paired reports (an agency's years, gxlint.run.pairs) or one
    unpaired text file.  ``task``: ``(path, previous path or None, linted, card)`` in an order where
    each previous report comes first; ``linted``: the file was linted by :func:`identify`.

    A text file is linted now, with last year's report as ``ctx.previous``; a file linted already
    is read again for the cross-year rules only (and, when it is last year's for another, for its
    model).  A pairing made from a text file's beginning holds only if the whole report says the
    same agency and year; otherwise the file is checked as unpaired.  Returns ``(path, "result",
    FileResult)`` for text files and ``(path, "extra", (findings, lines))`` for the others."""
    from gxlint.run.pairs import card_of
    from gxlint.read import source as source_mod

    successors: dict[str, int] = {}  # how many reports of the task still need this one as last year's
    for _, previous, _, _ in task:
        if previous is not None:
            successors[previous] = successors.get(previous, 0) + 1
    needed = set(successors)
    reports: dict[str, Any] = {}  # the models still needed as last year's (at most an agency's two years)
    out: list = []
    for path, previous, linted, card in task:
        last = reports.get(previous) if previous is not None else None
        if previous is not None:
            successors[previous] -= 1
            if not successors[previous]:
                reports.pop(previous, None)
        if not linted:
            if last is None and path not in needed:  # an unpaired file: linted as without pairing
                out.append((path, "result", _lint(lint_one, linter, path, view)))
                continue
            try:
                source = source_mod.read_path(path, linter.max_bytes)
            except Exception as exc:
                out.append((path, "result", FileResult(path, _crashed(linter, path, exc, path))))
                continue
            box: list = []
            result = lint_source(linter, source, path, path, view, previous=last, reports=box)
            whole = card_of(box[0], path=path) if box else None
            same = (
                whole is not None
                and card is not None
                and (whole.agency, whole.year) == (card.agency, card.year)
            )
            if last is not None and not same:  # the beginning misled the pairing: no cross-year findings
                result.findings = [
                    f
                    for f in result.findings
                    if not getattr(linter.rules.get(f.code), "uses_previous", False)
                ]
            if path in needed and same:
                reports[path] = box[0]
            out.append((path, "result", result))
            continue
        try:
            settings = linter.settings(path)
            source = source_mod.read_path(path, linter.max_bytes)
            report = linter.read_report(source, settings)
        except Exception as exc:  # the first step reported the file; the cross-year step says so too
            if last is not None:
                out.append((path, "extra", (_crashed(linter, path, exc, path), {})))
            continue
        reports[path] = report
        if last is None:
            continue
        try:
            findings = linter.lint_report(report, settings, previous=last, cross_only=True)
        except Exception as exc:
            findings = _crashed(linter, path, exc, path)
        out.append((path, "extra", (findings, _lines_for(findings, source.shown_text()))))
    return out


def _work_settle(task, view: Callable[[Any], Any] | None = None) -> list:
    return settle(_WORKER, task, view)


def _read_previous(linter, path: str):
    """Last year's report given by ``--previous``, read as its own settings say (None if it cannot
    be read at all: the cross-year rules then have nothing to compare)."""
    from gxlint.read import source as source_mod

    try:
        return linter.read_report(source_mod.read_path(path, linter.max_bytes), linter.settings(path))
    except Exception:
        from gxlint.config import ConfigError

        if isinstance(sys.exc_info()[1], ConfigError):
            raise
        return None


def _cross_selected(linter, files: list[str]) -> bool:
    """Whether a cross-year rule is selected for any of ``files`` (else pairing is not needed)."""
    if not any(getattr(r, "uses_previous", False) for r in linter.rules.values()):
        return False
    return any(
        any(getattr(r, "uses_previous", False) for r in linter.selected(linter.settings(f), f)) for f in files
    )


def run(
    linter,
    items: Iterable[Item],
    *,
    jobs: int | None = None,
    stdin_filename: str | None = None,
    stdin: BinaryIO | None = None,
    rebuild: Rebuild | None = None,
    skip_non_reports: bool = False,
    view: Callable[[Any], Any] | None = None,
    previous: str | None = None,
    on_pairs: Callable[[Any], None] | None = None,
    on_read: Callable[[int, str], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Yield one FileResult per item, in the order given.

    ``jobs`` > 1 lints files in worker processes (default: the number of CPUs); the output is the
    same as with one job.  ``-`` reads ``stdin`` (default: standard input) and reports it as
    ``stdin_filename``, whose path also selects the config file and per-file ignores.
    ``skip_non_reports``: a file with no report structure at all (GX002) is skipped: its result
    is one info note saying so, marked ``skipped`` (what the pre-commit hook asks for).

    ``view`` (a formatter's ``report_view``, a module-level function so that worker processes can
    be handed it) turns each report read into ``FileResult.report``.

    Reports of consecutive years of one agency are paired (gxlint.run.pairs) so that the cross-year
    rules (GX5xx) see last year's report: ``previous`` is last year's report for the one report
    given (``--previous``); otherwise, when several files are given and a cross-year rule is
    selected, every file is first identified (:func:`identify`: a text file from its beginning,
    another form by linting it whole), the reports are paired by agency and year, then the text
    files are linted group by group with their predecessors and the paired files of other forms
    get the cross-year rules (:func:`settle`), both steps in parallel as asked; the results come
    out in input order as usual.  ``on_pairs`` receives the :class:`gxlint.run.pairs.Pairing` before
    the first result; ``on_read(done, path)`` is told about the files done while the results are
    held back.

    Closing the generator early (the consumer stopped: Ctrl-C, a closed pipe) stops the worker
    processes at once.
    """
    items = list(items)
    files = [i.path for i in items if i.problem is None and i.path != "-"]
    jobs = jobs or cpu_count()
    if previous is not None:
        yield from _run_with_previous(
            linter, items, previous, stdin_filename, stdin, skip_non_reports, view, on_pairs
        )
        return
    if len(files) > 1 and _cross_selected(linter, files):
        yield from _run_paired(
            linter,
            items,
            files,
            jobs,
            rebuild,
            stdin_filename,
            stdin,
            skip_non_reports,
            view,
            on_pairs,
            on_read,
        )
        return
    parallel = _parallel(linter, files, jobs, rebuild, view) if jobs > 1 and len(files) > 1 else None
    try:
        for item in items:
            if item.problem is not None:
                yield _unreadable(linter, item)
                continue
            if item.path == "-":
                from gxlint.read import source as source_mod

                name = stdin_filename or "-"
                source = source_mod.read_stream(stdin or sys.stdin.buffer, name, linter.max_bytes)
                result = lint_source(linter, source, name, stdin_filename, view)
            elif parallel is not None:
                result = next(parallel)
            else:
                result = _lint(lint_one, linter, item.path, view)
            if skip_non_reports:
                result = _skip_non_report(
                    linter, result, _lang(linter, stdin_filename if item.path == "-" else item.path)
                )
            yield result
    finally:
        if parallel is not None:
            parallel.close()


def _skip_non_report(linter, result: FileResult, lang: str) -> FileResult:
    """A file that is no report (a finding of a ``Rule.not_a_report`` rule) becomes one info note
    (``--skip-non-reports``); others unchanged."""
    reason = next(
        (f for f in result.findings if getattr(linter.rules.get(f.code), "not_a_report", False)), None
    )
    if reason is None:
        return result
    message = (
        f"不是年度报告，已跳过（--skip-non-reports）：{reason.message}"
        if lang == "zh"
        else f"not an annual report, skipped (--skip-non-reports): {reason.message}"
    )
    note = Finding(
        result.path,
        reason.line,
        reason.column,
        reason.end_line,
        reason.end_column,
        reason.code,
        reason.name,
        "info",
        message,
        fingerprint=reason.fingerprint,
    )
    return FileResult(result.path, [note], {}, skipped=True)


def cpu_count() -> int:
    """The CPUs this process may use (a container or ``taskset`` may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parallel(
    linter,
    files: list,
    jobs: int,
    rebuild: Rebuild | None,
    view: Callable[[Any], Any] | None = None,
    *,
    work: Callable[..., Any] | None = None,
    local: Callable[..., Any] | None = None,
) -> Generator[Any, None, None]:
    """``work(task, view=...)`` on each of ``files`` in worker processes, in order (default:
    :func:`_work`, lint one file); ``local(linter, task, view)`` does a task here when a worker
    died (default: :func:`lint_one`)."""
    import functools
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
    pool = ProcessPoolExecutor(
        min(jobs, len(files)),
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(None if fork else (rebuild or Rebuild()),),
    )
    finished = False
    try:
        try:
            function = work or _work
            function = functools.partial(function, view=view) if view is not None else function
            for result in _in_order(pool, function, files, chunk, ahead=4 * jobs):
                done += 1
                yield result
        except BrokenProcessPool:
            # A worker died (killed, out of memory): finish the remaining files here, one by one.
            _stop_workers(pool)
            for path in files[done:]:
                yield _lint(local or lint_one, linter, path, view)
        finished = True
    finally:
        if not finished:
            # stopped early (Ctrl-C, a closed pipe, an error): the workers may be in the middle of a
            # long file; stop them now instead of waiting for them or linting the files not started
            _stop_workers(pool)
            _unblock_results(pool)
        # Always wait for the pool's manager thread: left running (shutdown(wait=False)), it races
        # the interpreter's exit and prints "Exception ignored ... Bad file descriptor".
        pool.shutdown(wait=True)
        if fork:
            _WORKER = None


def _run_with_previous(
    linter, items: list[Item], previous: str, stdin_filename, stdin, skip_non_reports, view, on_pairs
) -> Generator[FileResult, None, None]:
    """``--previous``: each report given is checked against that one report of last year."""
    from gxlint.run.pairs import Pair, Pairing, card_of
    from gxlint.read import source as source_mod

    last = _read_previous(linter, previous)
    for item in items:
        if item.problem is not None:
            yield _unreadable(linter, item)
            continue
        settings_path = stdin_filename if item.path == "-" else item.path
        name = (stdin_filename or "-") if item.path == "-" else item.path
        try:
            source = (
                source_mod.read_stream(stdin or sys.stdin.buffer, name, linter.max_bytes)
                if item.path == "-"
                else source_mod.read_path(item.path, linter.max_bytes)
            )
        except Exception as exc:
            result = FileResult(name, _crashed(linter, name, exc, settings_path))
        else:
            box: list = []
            result = lint_source(linter, source, name, settings_path, view, previous=last, reports=box)
            card = card_of(box[0], path=name) if box else None
            old = card_of(last, path=previous) if last is not None else None
            year, old_year = (box[0].year if box else None), (last.year if last is not None else None)
            if year is not None and old_year is not None and old_year >= year:
                # "last year's" report of this year or a later one: a comparison would say nothing
                result.findings = [
                    f
                    for f in result.findings
                    if not getattr(linter.rules.get(f.code), "uses_previous", False)
                ]
            if on_pairs is not None:
                on_pairs(
                    Pairing(
                        [
                            Pair(
                                name,
                                previous,
                                card.agency if card else "",
                                old.agency if old else "",
                                card.year if card else None,
                                "given",
                                previous_year=old.year if old else None,
                            )
                        ]
                    )
                )
        if skip_non_reports:
            result = _skip_non_report(linter, result, _lang(linter, settings_path))
        yield result


#: a finding's fields in order, as one tuple (what ``Finding(*values)`` takes back)
_FINDING_VALUES = operator.attrgetter(*(f.name for f in fields(Finding)))


def _pack(result: FileResult) -> bytes:
    """A result held back until its turn in the output, compressed: a run with pairing holds results
    while the files before them are checked, and must not grow with the folder.  Its findings go
    as tuples of their fields: a slotted dataclass pickles and unpickles field by field in Python
    (``__getstate__``, ``__setstate__``), tuples of strings and numbers entirely in C."""
    import pickle
    import zlib

    state = (
        result.path,
        [_FINDING_VALUES(f) for f in result.findings],
        result.lines,
        result.checked,
        result.skipped,
        result.report,
    )
    return zlib.compress(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(data: bytes) -> FileResult:
    import pickle
    import zlib

    path, findings, lines, checked, skipped, report = pickle.loads(zlib.decompress(data))
    return FileResult(path, [Finding(*values) for values in findings], lines, checked, skipped, report)


def _run_paired(
    linter,
    items: list[Item],
    files: list[str],
    jobs: int,
    rebuild,
    stdin_filename,
    stdin,
    skip_non_reports,
    view,
    on_pairs,
    on_read,
) -> Generator[FileResult, None, None]:
    """Identify every file, pair the reports, then lint them with their predecessors (see :func:`run`,
    :func:`identify` and :func:`settle`).  The second step takes the files in input order (a group
    of paired reports at the place of its first report), and each result is given out as soon as
    every file before it is done."""
    from dataclasses import replace as _replace

    from gxlint.run.pairs import pair
    from gxlint.read import source as source_mod

    held: dict[int, Any] = {}  # item index -> its result (packed), known before the second step
    linted: set[str] = set()
    cards = []
    unidentified: list[str] = []
    first = (
        _parallel(linter, files, jobs, rebuild, view, work=_work_identify, local=identify)
        if jobs > 1 and len(files) > 1
        else None
    )
    try:
        for index, item in enumerate(items):
            if item.problem is not None:
                held[index] = _unreadable(linter, item)
                continue
            if item.path == "-":
                name = stdin_filename or "-"
                source = source_mod.read_stream(stdin or sys.stdin.buffer, name, linter.max_bytes)
                held[index] = lint_source(linter, source, name, stdin_filename, view)
                continue
            result, card = next(first) if first is not None else identify(linter, item.path, view)
            if result is not None:
                held[index] = _pack(result)
                linted.add(item.path)
                if on_read is not None:
                    on_read(len(linted), item.path)
            if card is not None:
                cards.append(_replace(card, order=index))
            else:
                unidentified.append(item.path)
    finally:
        if first is not None:
            first.close()
    pairing = pair(cards)
    pairing.unidentified = unidentified
    if on_pairs is not None:
        on_pairs(pairing)

    # the second step's tasks, in input order: a group at the place of its first report
    position: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.problem is None and item.path != "-":
            position.setdefault(item.path, index)
    by_path = {c.path: c for c in cards}
    tasks: list[tuple[int, list]] = []
    grouped: set[str] = set()
    waiting: set[str] = set()  # files linted already that still get cross-year findings
    for group in pairing.groups():
        tasks.append(
            (
                min(position[path] for path, _ in group),
                [(path, previous, path in linted, by_path.get(path)) for path, previous in group],
            )
        )
        grouped.update(path for path, _ in group)
        waiting.update(path for path, previous in group if previous is not None and path in linted)
    tasks.extend(
        (position[path], [(path, None, False, None)])
        for path in position
        if path not in linted and path not in grouped
    )
    tasks.sort(key=lambda task: task[0])

    results: dict[str, Any] = {}  # path -> packed result (text files) or extra findings (others)
    finished = len(linted)
    pointer = 0
    # a path given twice (run() called without files.ordered) has the result of its first place
    counts: dict[str, int] = {}
    for item in items:
        counts[item.path] = counts.get(item.path, 0) + 1
    again: dict[str, FileResult] = {}

    def ready() -> Generator[FileResult, None, None]:
        nonlocal pointer
        while pointer < len(items):
            item = items[pointer]
            path = item.path
            if pointer in held:
                if item.problem is None and path in waiting and path not in results:
                    return
                result = held.pop(pointer)
                result = _unpack(result) if isinstance(result, bytes) else result
                extra = results.get(path) if path in waiting else None  # kept: small, and a path may repeat
                if extra is not None and extra[0]:
                    result.findings = sorted([*result.findings, *extra[0]], key=lambda f: f.sort_key)
                    result.lines = {**result.lines, **extra[1]}
            elif path in again and position.get(path) != pointer:
                result = again[path]
            elif path in results:
                result = results.pop(path)
                result = _unpack(result) if isinstance(result, bytes) else result
                if counts[path] > 1:
                    again[path] = result
            else:
                return
            if skip_non_reports:
                result = _skip_non_report(
                    linter, result, _lang(linter, stdin_filename if path == "-" else path)
                )
            pointer += 1
            yield result

    second = (
        _parallel(linter, [task for _, task in tasks], jobs, rebuild, view, work=_work_settle, local=settle)
        if jobs > 1 and len(tasks) > 1
        else None
    )
    try:
        yield from ready()
        for found in second if second is not None else (settle(linter, task, view) for _, task in tasks):
            for path, kind, payload in found:
                results[path] = payload
                finished += kind == "result"
            if on_read is not None and found:
                on_read(finished, found[-1][0])
            yield from ready()
            for path, kind, _ in found:  # what must wait for files before it waits compressed
                if kind == "result" and isinstance(results.get(path), FileResult):
                    results[path] = _pack(results[path])
    finally:
        if second is not None:
            second.close()
    yield from ready()


def _in_order(pool, function: Callable[..., Any], files: list, chunk: int, ahead: int):
    """``function(file)`` for each of ``files`` in the pool, in order, ``chunk`` files to a task
    and at most ``ahead`` tasks submitted at a time.

    Not ``Executor.map``: leaving its loop early cancels the tasks not started, and when the
    workers are then stopped, the pool's manager thread on Python 3.10 and 3.11 dies on a cancelled
    task (InvalidStateError on standard error) before closing its queues.  Tasks that are never
    cancelled are simply marked failed when the workers stop."""
    import collections

    window: collections.deque = collections.deque()
    for start in range(0, len(files), chunk):
        task = functools.partial(_each, function)
        if start:
            window.append(pool.submit(task, files[start : start + chunk]))
        else:
            with _ctrl_c_held():  # the first task forks the workers
                window.append(pool.submit(task, files[start : start + chunk]))
        if len(window) >= ahead:
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()


@contextlib.contextmanager
def _ctrl_c_held():
    """Ctrl-C (and SIGTERM and SIGHUP, which stop a run as it does) held back while the workers are
    forked, and delivered right after: arriving in the middle of a fork it would be raised in one of
    ``os.fork``'s hooks, where Python ignores it, and the run would go on as if nothing had been
    pressed.  The workers inherit the mask: :func:`_init_worker` lets SIGTERM and SIGHUP through."""
    import signal  # only parallel runs need it (its enums cost a cold start ~1 ms)

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, *(getattr(signal, name) for name in _STOPS if hasattr(signal, name))}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _each(function: Callable[..., Any], files: list) -> list:
    return [function(path) for path in files]


def _stop_workers(pool) -> None:
    """Terminate the pool's worker processes (the pool then shuts down at once: it sees them die)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):
            pass


def _unblock_results(pool) -> None:
    """Close this process's end of the pipe the workers write their results to.  A worker stopped
    while writing a result leaves half a message in it, and the pool's manager thread, reading the
    rest, would wait for ever (the pipe stays open while this process holds its end): the shutdown
    below, and the interpreter's exit, would hang.  With no writer left it reads the end of the pipe
    and shuts down as for a broken pool."""
    queue = getattr(pool, "_result_queue", None)
    writer = getattr(queue, "_writer", None)
    try:
        if writer is not None:
            writer.close()
    except OSError:
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


def check(
    linter,
    items: list[Item],
    formatter,
    *,
    jobs: int | None = None,
    stdin_filename: str | None = None,
    stdin: BinaryIO | None = None,
    baseline=None,
    fail_on: str | None = None,
    progress=None,
    rebuild: Rebuild | None = None,
    started: float | None = None,
    skip_non_reports: bool = False,
    on_closed: Callable[[], None] | None = None,
    previous: str | None = None,
    on_pairs: Callable[[Any], None] | None = None,
) -> Outcome:
    """Lint ``items`` and feed the formatter; returns the summary and whether the run failed.

    ``baseline`` (a :class:`gxlint.run.baseline.Baseline`) hides the findings it already records;
    ``fail_on`` overrides each file's configured failing level; ``progress`` (a
    :class:`gxlint.run.progress.Progress`) is told about each file.  ``started`` is when the run
    began (``time.perf_counter()``; default: now): the summary gives the time since then.

    When the output's reader goes away (a ``BrokenPipeError`` from the formatter), ``on_closed`` is
    called and nothing more is written, but the run goes on until its verdict is known (a failing
    finding, or the last file), so the outcome is what it would have been had the output been read.

    ``previous`` and ``on_pairs``: see :func:`run` (reports of consecutive years).
    """
    started = time.perf_counter() if started is None else started
    resolve_settings(linter, items, stdin_filename)
    if previous is not None:
        resolve_settings(linter, [Item(previous)])
    summary = Summary()
    failed = False
    closed = False
    read_ahead = False  # the files were read before the first result (pairing): progress was shown then

    def paired(pairing) -> None:
        nonlocal read_ahead
        read_ahead = True
        if progress is not None:
            progress.clear()
        if on_pairs is not None:
            on_pairs(pairing)

    def read(done: int, path: str) -> None:
        if progress is not None:
            progress.update(done, path)

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
    results = run(
        linter,
        items,
        jobs=jobs,
        stdin_filename=stdin_filename,
        stdin=stdin,
        rebuild=rebuild,
        skip_non_reports=skip_non_reports,
        view=getattr(formatter, "report_view", None),
        previous=previous,
        on_pairs=paired,
        on_read=read,
    )
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
            output(functools.partial(formatter.add, result))
            if progress is not None and not closed and not read_ahead:
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
