"""``github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from . import FileResult, Formatter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def add(self, result: FileResult) -> None:
        for f in result.findings:
            props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.code + ' ' + f.name)}")
            self.out.write(f"::{_LEVEL.get(f.severity, 'error')} {props}::{_escape_data(f.code + ' ' + f.message)}\n")
