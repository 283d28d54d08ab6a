"""Comparing a report's tables with last year's report of the same agency: what the cross-year rules
(GX501, GX502) share, open to any rule that sets ``uses_previous`` and reads ``ctx.previous``.

What is unknown stays unknown: a blank or malformed cell, or a row the reader could not place with
certainty (``Row.trusted``, GX003's notes), on either side, is None here, and a rule that gets None
says nothing.

What it offers:

- :func:`first_table`: a report's first template table of a kind that has rows;
- :func:`certain_row`: the first row of a table whose key a test accepts, when the reader placed it
  with certainty;
- :func:`known_cell`: a row's cell in a column when it holds a number.
"""

from __future__ import annotations

from typing import Callable

from gxlint.lint.analyses.tables import row_unread, template_tables
from gxlint.model import Cell, Row, Table


def first_table(report, kind: str) -> Table | None:
    """The report's first template table of ``kind`` (``gxlint.model.APPLICATIONS``,
    ``ACTIVE_DISCLOSURE``, ``REVIEW_LITIGATION``) with rows, or None."""
    return next((t for t in template_tables(report, kind) if t.rows), None)


def certain_row(table: Table | None, match: Callable[[str], bool]) -> Row | None:
    """The first row whose key ``match`` accepts, when the reader placed it with certainty; None
    when there is no table, no such row, or the row could not be read."""
    if table is None:
        return None
    row = next((r for r in table.rows if match(r.key)), None)
    if row is None or row_unread(table, row):
        return None
    return row


def known_cell(row: Row | None, column: str) -> Cell | None:
    """The cell when it holds a number; None when it is blank, malformed or absent (unknown)."""
    if row is None:
        return None
    cell = row.cell(column)
    if cell is None or not cell.is_number or cell.value is None:
        return None
    return cell
