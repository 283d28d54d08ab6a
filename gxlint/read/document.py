"""The document model every reader produces: paragraphs and table grids, each with its origin.

A reader turns the bytes of one input form (.docx, .html, .pdf, or text) into a :class:`Document`:
a flat sequence of blocks in reading order.  Nothing in here knows the report format; the
grammar, the template table reader and the rules see the document only through the text that
:mod:`gxlint.read.render` makes of it, and :class:`Origin` is how a finding on that text is traced
back to a place a person can find in the original file (a page, a paragraph, a table cell).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Origin:
    """Where something came from in the original file.  Every field is 1-based; ``None`` = not known.

    - text and HTML: ``line`` and ``column`` in the file as the user has it (HTML: in the source);
    - Word: ``paragraph`` (body paragraph number, tables' paragraphs not counted) or ``table``,
      ``row`` and ``cell`` (the column of the grid);
    - PDF: ``page`` and ``line`` (line on the page, counted from the top), and ``table``/``row``/
      ``cell`` for a cell of a ruled table.
    """

    page: int | None = None
    line: int | None = None
    column: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def to_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


NOWHERE = Origin()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of running text.  ``heading`` is a hint from the source's markup: 1 for the
    document title (``<h1>``, Word's Title style), 2 for a heading (``<h2>``…, Word's Heading n,
    a paragraph in bold); ``None`` for body text.  ``text`` holds what a reader sees, including a
    number that Word's automatic numbering draws in front of the paragraph."""

    text: str
    origin: Origin = NOWHERE
    heading: int | None = None


@dataclass(frozen=True, slots=True)
class GridCell:
    """One cell as written: it covers ``rowspan`` rows and ``colspan`` columns of the grid."""

    text: str
    origin: Origin = NOWHERE
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """A table as written: rows of cells, each row holding only the cells that start in it (the
    slots covered by a ``rowspan`` from above are left out, as in HTML).  :func:`expand` gives the
    full rectangle."""

    rows: tuple[tuple[GridCell, ...], ...]
    origin: Origin = NOWHERE


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A page break (Word's explicit break, a new PDF page).  Kept so that a paragraph or table
    row split by it can be rejoined, and for locations."""

    page: int | None = None


Block = Union[Paragraph, Grid, PageBreak]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file could not be read, or was read only in part; reported as GX001.

    ``fatal`` problems mean nothing could be read; others are warnings about part of the file."""

    message_zh: str
    message_en: str
    line: int = 1
    column: int = 1
    fatal: bool = True


@dataclass(frozen=True)
class Document:
    """What a reader read.  ``form`` names the input form (``docx``, ``html``, ``pdf``, ``text``);
    ``metadata`` holds fields the publishing site shows outside the article (``发布日期`` …), which
    the report model may use but which are not linted as report text."""

    form: str
    blocks: tuple[Block, ...] = ()
    problems: tuple[Problem, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    encoding: str = ""
    pages: int | None = None
    extra: dict = field(default_factory=dict)


def expand(grid: Grid) -> list[list[GridCell | None]]:
    """The grid as a full rectangle: each cell at its top-left slot, ``None`` in the slots its
    spans cover.  Rows shorter than the widest are padded with ``None``."""
    matrix: list[list[GridCell | None]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(grid.rows):
        out: list[GridCell | None] = []
        c = 0
        for cell in row:
            while covered.get((r, c)):
                out.append(None)
                c += 1
            out.append(cell)
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = True
            for _ in range(max(1, cell.colspan) - 1):
                out.append(None)
            c += max(1, cell.colspan)
        while covered.get((r, c)):
            out.append(None)
            c += 1
        matrix.append(out)
    width = max((len(row) for row in matrix), default=0)
    for padded in matrix:
        padded.extend([None] * (width - len(padded)))
    return matrix
