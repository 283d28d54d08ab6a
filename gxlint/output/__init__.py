"""Output formats.  A formatter only formats: it receives each file's findings in order and writes.

Interface (also for plugin formats, see ``gxlint_formats`` in gxlint.plugins.hookspecs)::

    class MyFormat(Formatter):
        def begin(self): ...
        def add(self, result): ...      # result: FileResult(path, findings, lines)
        def end(self, summary): ...     # summary: Summary
        report_view = staticmethod(f)   # optional: f(Report) -> a picklable view, run where the file
                                        # is read; it arrives as result.report (the html format's)

Built-in formats are imported only when chosen.
"""

from __future__ import annotations

import importlib
import json as _json  # not `json`: the submodule gxlint.output.json takes that name here
import os
import re
from dataclasses import dataclass, field
from typing import Any, TextIO

from gxlint.finding import Finding

#: the built-in output formats: name -> (module, class), in the order ``--format``'s help and errors
#: list them.  The one list: every other place that names the formats derives from it.
BUILTIN = {
    "full": ("gxlint.output.text", "FullFormatter"),
    "concise": ("gxlint.output.text", "ConciseFormatter"),
    "json": ("gxlint.output.json", "JsonFormatter"),
    "json-lines": ("gxlint.output.json", "JsonLinesFormatter"),
    "sarif": ("gxlint.output.sarif", "SarifFormatter"),
    "github": ("gxlint.output.github", "GithubFormatter"),
    "csv": ("gxlint.output.csv", "CsvFormatter"),
    "html": ("gxlint.output.html", "HtmlFormatter"),
}
#: formats a person reads (colour, a progress line); the others are for programs
HUMAN = ("full", "concise")


@dataclass
class FileResult:
    """One linted file: its findings and the source lines they point at (for snippets).

    ``checked`` is False for a path that was never a file to check (a missing path, an empty
    directory, a broken link: its one finding says so); ``skipped`` is True for a file that is no
    report, skipped under ``--skip-non-reports`` (its one finding is an info note saying so).
    ``report`` is what the formatter's ``report_view`` made of the report read (None when the
    formatter has none, or the file could not be read)."""

    path: str
    findings: list[Finding]
    lines: dict[int, str] = field(default_factory=dict)
    checked: bool = True
    skipped: bool = False
    report: Any = None


@dataclass
class Summary:
    #: files checked (read and linted, skipped non-reports included)
    files: int = 0
    #: the paths with a finding, files checked or not (a missing path, a broken link), folders aside
    files_with_findings: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # severity -> count
    by_code: dict[str, int] = field(default_factory=dict)
    #: (code, severity) -> count: what --statistics lists; it adds up to ``counts``
    by_code_severity: dict[tuple[str, str], int] = field(default_factory=dict)
    seconds: float = 0.0
    baseline_hidden: int = 0
    #: files that are no report, skipped under --skip-non-reports (their notes are not problems)
    skipped: int = 0

    def add(self, result: FileResult) -> None:
        if result.skipped:
            self.files += 1
            self.skipped += 1
            return
        if result.checked:
            self.files += 1
        if result.findings and (result.checked or not os.path.isdir(result.path)):
            # a path that is no file to check (missing, a broken link) is a file with a problem too;
            # a folder with nothing to check is none
            self.files_with_findings += 1
        for f in result.findings:
            self.counts[f.severity] = self.counts.get(f.severity, 0) + 1
            self.by_code[f.code] = self.by_code.get(f.code, 0) + 1
            key = (f.code, f.severity)
            self.by_code_severity[key] = self.by_code_severity.get(key, 0) + 1


class Formatter:
    def __init__(
        self,
        out: TextIO,
        *,
        color: bool = False,
        lang: str = "zh",
        rules: dict[str, Any] | None = None,
        root: str | None = None,
        **_: Any,
    ) -> None:
        self.out = out
        self.color = color
        self.lang = lang
        self.rules = rules or {}
        self.root = root

    def begin(self) -> None:
        pass

    def add(self, result: FileResult) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def end(self, summary: Summary) -> None:
        pass


def file_region(finding: Finding) -> tuple[int, int | None, int, int | None] | None:
    """(line, column, end line, end column) of a finding in the file a tool opens: for a web page,
    the line of the file the finding came from (its HTML source; in a page saved as one file, .mhtml,
    the line of that file; its column is not known: None), or None -- the file as a whole -- when
    that line is not known (a page stored in base64 in an .mhtml file, a line past libxml2's count):
    the finding's own line is one of the text gxlint read, no line of the file;
    otherwise the finding's own (for a Word or PDF file, positions in the text gxlint read, the best
    there is)."""
    loc = finding.location
    if loc and loc.get("form") == "html":
        if not loc.get("line"):
            return None
        return loc["line"], loc.get("column"), loc["line"], None
    return finding.line, finding.column, finding.end_line, finding.end_column


def relative_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` with ``/`` separators, or unchanged when outside it."""
    if not root or path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path
    if rel == ".." or rel.startswith(".." + os.sep):
        return path
    return rel.replace(os.sep, "/")


def json_text(value: Any, **options: Any) -> str:
    """``value`` as JSON, non-ASCII text as itself; a file name's bytes that are no UTF-8 (which
    Python reads as lone surrogates) written as ``\\udcXX`` escapes, so that the output is valid
    UTF-8 and ``os.fsencode`` of the name read back gives the file's own name."""
    text = _json.dumps(value, ensure_ascii=False, **options)
    if not text.isascii() and _LONE_SURROGATE.search(text):
        return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def get(name: str, extra: dict[str, Any] | None = None):
    if extra and name in extra:
        return extra[name]
    module, attr = BUILTIN[name]
    return getattr(importlib.import_module(module), attr)
