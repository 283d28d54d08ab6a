"""``gxlint parse``: one report's model (or the text gxlint read from it), or many reports parsed
into one data set -- every report under the paths, file by file, as rows of table cells
(``csv``) or one JSON model per line (``json-lines``).  A file that cannot be read gives no output
and a line on standard error; the others are still written."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterator, TextIO

from gxlint.run.errors import Say, UsageProblem, say_in_english

#: the formats that take many files and folders
MANY = ("csv", "json-lines")
#: every format of ``gxlint parse``: the model as text or JSON, the text read, and the data sets
FORMATS = ("text", "json", "source", *MANY)


@contextlib.contextmanager
def open_output(output_file: str | None) -> Iterator[TextIO]:
    """Standard output, or ``output_file``, written whole or not at all (gxlint.run.outfile)."""
    from gxlint.run.outfile import open_output as whole

    with whole(output_file, newline="") as stream:
        yield stream


def reading_context(say: Say = say_in_english):
    """The context ``gxlint parse`` reads with: the one a check reads with (gxlint's templates and
    the installed plugins', less those the config file found from the working directory switches
    off); a plugin that fails to load is a warning (``say``), as for a check."""
    from gxlint.run.catalog import load_plugins

    return load_plugins(say=say).context()


def _read(path: str, template: str | None, context):
    from gxlint.run import api

    if path == "-":
        from gxlint.read import source as source_mod
        from gxlint.read.build import build_report

        return build_report(source_mod.read_stream(sys.stdin.buffer, "-"), context, template)
    return api.parse_path(path, template=template, context=context)


def _unreadable(path: str, problem) -> tuple[str, str]:
    """The line for standard error about a file that could not be read (a fatal problem)."""
    return (f"gxlint: error: {path}: {problem.message_en}", f"gxlint：错误：{path}：{problem.message_zh}")


class Parsed:
    """One report, as ``gxlint parse`` shows it: ``text``, the output (the model as text or JSON,
    or the text read); ``error``, the line for standard error in English and Chinese when the file
    could not be read (else None)."""

    def __init__(self, text: str, error: tuple[str, str] | None = None) -> None:
        self.text = text
        self.error = error


def parse_one(
    paths, fmt: str = "text", template: str | None = None, lang: str = "zh", *, say: Say = say_in_english
) -> Parsed:
    """``gxlint parse [--format text|json|source] PATH``: the one report at ``paths`` (one file, or
    ``-`` for standard input; else :class:`~gxlint.run.errors.UsageProblem`), the outline in
    ``lang``; nothing but the error for a file that cannot be read.  ``say`` is told of a plugin
    that fails to load."""
    from gxlint.output import json_text
    from gxlint.output.dataset import report_to_dict, report_to_text, source_to_text

    paths = [paths] if isinstance(paths, str) else list(paths)
    if len(paths) > 1 or (paths[0] != "-" and os.path.isdir(paths[0])):
        raise UsageProblem(
            f"--format {fmt} reads one file; for several files or a folder use --format csv or json-lines",
            f"--format {fmt} 只读取一个文件；多个文件或目录请用 --format csv 或 json-lines",
        )
    report = _read(paths[0], template, reading_context(say))
    fatal = [p for p in report.source.problems if p.fatal]
    if fatal:
        return Parsed("", _unreadable(paths[0], fatal[0]))
    if fmt == "json":
        text = json_text(report_to_dict(report), indent=2) + "\n"
    elif fmt == "source":
        text = source_to_text(report)
    else:
        text = report_to_text(report, lang)
    return Parsed(text)


def parse_many(
    paths,
    fmt: str,
    output_file: str | None = None,
    template: str | None = None,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    *,
    say: Say = say_in_english,
) -> bool:
    """``gxlint parse --format csv|json-lines PATH...``: every report under ``paths``, file by file,
    written to ``output_file`` (default: standard output).  Returns True when a path or a file
    could not be read: ``say`` was told (before anything more is written) and it gave no output."""
    from gxlint.run import discover as files
    from gxlint.output import json_text
    from gxlint.output.dataset import CELL_FIELDS, cell_rows, report_to_dict, statistics_key
    from gxlint.output.csv import CsvWriter

    context = reading_context(say)
    items = files.ordered(files.discover(paths, include=include or files.DEFAULT_INCLUDE, exclude=exclude))
    failed = False
    first: dict = {}  # statistics_key -> the first file that gave it
    with open_output(output_file) as stream:
        writer = CsvWriter(stream) if fmt == "csv" else None
        if writer is not None:
            writer.header(CELL_FIELDS)
        for item in items:
            if item.problem is not None:
                failed = True
                say("gxlint: error: " + item.problem.message_en, "gxlint：错误：" + item.problem.message_zh)
                continue
            try:
                report = _read(item.path, template, context)
            except Exception as exc:  # a bug on one report must not lose a province's data set
                if os.environ.get("GXLINT_TRACEBACK"):
                    raise
                failed = True
                say(
                    f"gxlint: internal error: {item.path}: {type(exc).__name__}: {exc} (please report it)",
                    f"gxlint：内部错误：{item.path}：{type(exc).__name__}: {exc}（请报告此问题）",
                )
                continue
            fatal = [p for p in report.source.problems if p.fatal]
            if fatal:
                failed = True
                say(*_unreadable(item.path, fatal[0]))
                continue
            key = statistics_key(report)
            same_as = None if key is None else first.setdefault(key, item.path)
            same_as = None if same_as == item.path else same_as
            if writer is not None:
                writer.rows(cell_rows(report, same_as))
            else:
                stream.write(json_text({**report_to_dict(report), "same_as": same_as}) + "\n")
    return failed
