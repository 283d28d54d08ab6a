"""``csv``: one row per finding, for Excel, WPS and pandas (docs/formats.md).

The file is UTF-8 with a byte-order mark (so Excel and WPS open the Chinese correctly), a header
row, and RFC 4180 quoting (fields with a comma, a quote or a line break in double quotes, quotes
doubled, rows ended by CRLF).  It is always UTF-8, whatever the console's encoding: the bytes go
to the stream's binary buffer when it has one.

Safe to open: a cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be run as a formula by a spreadsheet; it is written with a single quote in front
(``'=HYPERLINK(…)``), as OWASP advises for CSV injection.  A plain number (``-2``, ``+1``, ``0.5``)
is left as it is: it is a number, not a formula.  ``gxlint parse --format csv`` writes its data set
with the same writer.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable, Sequence, TextIO

from gxlint.output import FileResult, Formatter

#: the first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a plain number as written in a report cell: never a formula, never changed
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")

#: the columns of ``--format csv``, in order (public API, docs/formats.md)
FINDING_FIELDS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "severity",
    "message",
    "fix",
    "form",
    "page",
    "paragraph",
    "table",
    "row",
    "cell",
    "source_line",
    "source_column",
    "fingerprint",
)
#: ``Finding.location`` keys under their column names (``line``/``column`` there are in the original file)
_LOCATION = (
    ("form", "form"),
    ("page", "page"),
    ("paragraph", "paragraph"),
    ("table", "table"),
    ("row", "row"),
    ("cell", "cell"),
    ("source_line", "line"),
    ("source_column", "column"),
)


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a leading ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a single quote in front, unless the text is a plain number."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def cell_text(value: Any) -> str:
    """A value as a CSV cell: ``None`` is empty, numbers as JSON writes them, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return neutralise(str(value))


class CsvWriter:
    """Writes rows as RFC 4180 CSV in UTF-8 with a byte-order mark, every cell through
    :func:`cell_text`.  Rows are written as they come (a folder of reports is streamed)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def header(self, fields: Sequence[str]) -> None:
        self._emit("\ufeff" + self._format([fields]))

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        text = self._format(rows)
        if text:
            self._emit(text)

    @staticmethod
    def _format(rows: Iterable[Sequence[Any]]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")  # the excel dialect: RFC 4180 quoting
        for row in rows:
            writer.writerow([cell_text(v) for v in row])
        return buffer.getvalue()

    def _emit(self, text: str) -> None:
        binary = getattr(self.out, "buffer", None)
        if binary is None:  # a StringIO, or a stream without bytes underneath
            self.out.write(text)
            return
        self.out.flush()
        binary.write(text.encode("utf-8", "replace"))
        binary.flush()


def finding_row(finding) -> list[Any]:
    location = finding.location or {}
    return [
        finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.code,
        finding.name,
        finding.severity,
        finding.message,
        finding.fix,
        *(location.get(key) for _, key in _LOCATION),
        finding.fingerprint,
    ]


class CsvFormatter(Formatter):
    def begin(self) -> None:
        self._writer = CsvWriter(self.out)
        self._writer.header(FINDING_FIELDS)

    def add(self, result: FileResult) -> None:
        self._writer.rows(finding_row(f) for f in result.findings)
