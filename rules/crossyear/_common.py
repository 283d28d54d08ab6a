"""What the cross-year rules' messages share: how they name the two reports."""

from __future__ import annotations

from gxlint.lint.rule import Message, Phrase

#: the report's year after its file's name; a rule puts it in its ``messages`` under the key "year"
YEAR = Message(zh="（{year}年）", en=" ({year})")


def file_name(report) -> str:
    """The report's file as a message names it."""
    return report.path or "<text>"


def year_of(ctx, report) -> Phrase:
    """The rule's message "year" for the report (``（2020年）``, `` (2020)``); nothing when its year is
    unknown."""
    if report.year is None:
        return Phrase("", "")
    return ctx.phrase("year", year=report.year)
