"""Running the linter over many files, in parallel when asked, with output in input order."""

from __future__ import annotations

import os
import sys
from typing import Any, Iterable, Iterator, Mapping

from .files import Item
from .formatters import FileResult

_WORKER: Any = None


def _lines_for(findings, text: str) -> dict[int, str]:
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


def lint_one(linter, path: str) -> FileResult:
    from . import source as source_mod

    settings = linter.settings(path)
    source = source_mod.read_path(path, linter.max_bytes)
    findings = linter.lint_source(source, settings)
    return FileResult(path, findings, _lines_for(findings, source.text))


def _init_worker(config: str | None, overrides: Mapping[str, Any], isolated: bool, require: tuple[str, ...]) -> None:
    global _WORKER
    from .engine import Linter

    _WORKER = Linter(config=config, overrides=overrides, isolated=isolated, require=require)


def _work(path: str) -> FileResult:
    return lint_one(_WORKER, path)


def run(linter, items: Iterable[Item], *, jobs: int | None = None, stdin_filename: str | None = None,
        config: str | None = None, overrides: Mapping[str, Any] | None = None, isolated: bool = False,
        require: tuple[str, ...] = ()) -> Iterator[FileResult]:
    """Yield one FileResult per item, in the order given."""
    items = list(items)
    files = [i.path for i in items if i.error is None and i.path != "-"]
    jobs = jobs or os.cpu_count() or 1
    parallel = None
    if jobs > 1 and len(files) > 1:
        parallel = _parallel(files, jobs, config, overrides or {}, isolated, require)
    for item in items:
        if item.error is not None:
            yield FileResult(item.path, [item.error])
        elif item.path == "-":
            from . import source as source_mod

            name = stdin_filename or "-"
            source = source_mod.from_bytes(sys.stdin.buffer.read(), name)
            findings = linter.lint_source(source, linter.settings(stdin_filename))
            yield FileResult(name, findings, _lines_for(findings, source.text))
        elif parallel is not None:
            yield next(parallel)
        else:
            yield lint_one(linter, item.path)


def _parallel(files, jobs, config, overrides, isolated, require) -> Iterator[FileResult]:
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    pool = ctx.Pool(min(jobs, len(files)), initializer=_init_worker,
                    initargs=(config, dict(overrides), isolated, require))
    try:
        chunk = max(1, min(16, len(files) // (jobs * 4) or 1))
        yield from pool.imap(_work, files, chunksize=chunk)
    finally:
        pool.terminate()
