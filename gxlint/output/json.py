"""``json``: one JSON array of finding objects; ``json-lines``: one object per line.

Fields (public API, docs/formats.md): path, line, column, end_line, end_column, code, name,
severity, message, fix (only when the rule says what the template expects), fingerprint.
Findings come sorted by path, line and column.  The array is streamed, file by file.
"""

from __future__ import annotations

from gxlint.output import FileResult, Formatter, Summary, json_text


class JsonFormatter(Formatter):
    def begin(self) -> None:
        self._first = True
        self.out.write("[")

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(("\n  " if self._first else ",\n  ") + json_text(f.to_dict()))
            self._first = False

    def end(self, summary: Summary) -> None:
        self.out.write("\n]\n" if not self._first else "]\n")


class JsonLinesFormatter(Formatter):
    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(json_text(f.to_dict()) + "\n")
