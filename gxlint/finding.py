"""A finding: what a rule reports.  Its fields are public API (docs/formats.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    fix: str | None = None
    #: stable identity of what was found, independent of the line number (used by baselines)
    fingerprint: str = ""
    #: where the finding is in the original file when that is not plain text (docs/formats.md):
    #: ``form`` (docx, html, pdf) and the 1-based ``page``, ``line``, ``column``, ``paragraph``,
    #: ``table``, ``row``, ``cell`` that are known.  ``line``/``column`` above are then positions
    #: in the text gxlint read from the file, which ``gxlint parse --show text`` prints.
    location: dict | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        if data["fix"] is None:
            del data["fix"]
        if data["location"] is None:
            del data["location"]
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


def at_least(severity: str, level: str) -> bool:
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(level, 3)
