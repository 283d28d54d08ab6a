"""The document model every reader produces: paragraphs and table grids, each with its origin.

A reader turns the bytes of one input form (.docx, .html, .pdf, or text) into a :class:`Document`:
a flat sequence of blocks in reading order.  Nothing in here knows the report format; the
grammar, the template table reader and the rules see the document only through the text that
:mod:`gxlint.read.render` makes of it, and :class:`Origin` is how a finding on that text is traced
back to a place a person can find in the original file (a page, a paragraph, a table cell).
"""

from __future__ import annotations

from typing import Union

from gxlint.model import _Frozen, _set

# These are frozen records written out rather than dataclasses (gxlint.model._Frozen): the
# module is imported on every run.


class Origin(_Frozen):
    """Where something came from in the original file.  Every field is 1-based; ``None`` = not known.

    - text and HTML: ``line`` and ``column`` in the file as the user has it (HTML: in the source);
    - Word: ``paragraph`` (body paragraph number, tables' paragraphs not counted) or ``table``,
      ``row`` and ``cell`` (the column of the grid);
    - PDF: ``page`` and ``line`` (line on the page, counted from the top), and ``table``/``row``/
      ``cell`` for a cell of a ruled table.
    """

    __slots__ = ("page", "line", "column", "paragraph", "table", "row", "cell")
    page: int | None
    line: int | None
    column: int | None
    paragraph: int | None
    table: int | None
    row: int | None
    cell: int | None

    def __init__(
        self,
        page: int | None = None,
        line: int | None = None,
        column: int | None = None,
        paragraph: int | None = None,
        table: int | None = None,
        row: int | None = None,
        cell: int | None = None,
    ) -> None:
        _set(self, "page", page)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "paragraph", paragraph)
        _set(self, "table", table)
        _set(self, "row", row)
        _set(self, "cell", cell)

    def to_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


NOWHERE = Origin()


#: table cells a reader reads from one document, far more than any report has (about a thousand):
#: the rest is not read, and a Problem says so
MAX_CELLS = 100_000


#: the paragraph a reader writes where a picture stands in the text (a table published as an
#: image, often): the rules then say that a table missing there is a picture
PICTURE = "[图片]"


class AlignedLines(_Frozen):
    """Lines of a table drawn without ruling lines, each as printed: its words at their places on
    a grid of half-width columns (as ``pdftotext -layout`` writes them), with the line's origin.
    The text reader rebuilds the table from them (:mod:`gxlint.read.textforms`)."""

    __slots__ = ("lines",)
    lines: tuple[tuple[str, Origin], ...]

    def __init__(self, lines: tuple[tuple[str, Origin], ...]) -> None:
        _set(self, "lines", lines)


class Paragraph(_Frozen):
    """A paragraph of running text.  ``heading`` is a hint from the source's markup: 1 for the
    document title (``<h1>``, Word's Title style), 2 for a heading (``<h2>``…, Word's Heading n,
    a paragraph in bold); ``None`` for body text.  ``text`` holds what a reader sees, including a
    number that Word's automatic numbering draws in front of the paragraph; ``drawn`` is how many
    characters at its start that number is (0: none, or a form without automatic numbering).
    ``lines``: for a paragraph printed on several lines (a PDF's), where in ``text`` each line after
    the first starts, with that line's origin."""

    __slots__ = ("text", "origin", "heading", "lines", "drawn")
    text: str
    origin: Origin
    heading: int | None
    lines: tuple[tuple[int, Origin], ...]
    drawn: int

    def __init__(
        self,
        text: str,
        origin: Origin = NOWHERE,
        heading: int | None = None,
        lines: tuple[tuple[int, Origin], ...] = (),
        drawn: int = 0,
    ) -> None:
        _set(self, "text", text)
        _set(self, "origin", origin)
        _set(self, "heading", heading)
        _set(self, "lines", lines)
        _set(self, "drawn", drawn)


class GridCell(_Frozen):
    """One cell as written: it covers ``rowspan`` rows and ``colspan`` columns of the grid."""

    __slots__ = ("text", "origin", "rowspan", "colspan")
    text: str
    origin: Origin
    rowspan: int
    colspan: int

    def __init__(self, text: str, origin: Origin = NOWHERE, rowspan: int = 1, colspan: int = 1) -> None:
        _set(self, "text", text)
        _set(self, "origin", origin)
        _set(self, "rowspan", rowspan)
        _set(self, "colspan", colspan)


class Grid(_Frozen):
    """A table as written: rows of cells, each row holding only the cells that start in it (the
    slots covered by a ``rowspan`` from above are left out, as in HTML).  :func:`expand` gives the
    full rectangle."""

    __slots__ = ("rows", "origin")
    rows: tuple[tuple[GridCell, ...], ...]
    origin: Origin

    def __init__(self, rows: tuple[tuple[GridCell, ...], ...], origin: Origin = NOWHERE) -> None:
        _set(self, "rows", rows)
        _set(self, "origin", origin)


class PageBreak(_Frozen):
    """A page break (Word's explicit break, a new PDF page).  Kept so that a paragraph or table
    row split by it can be rejoined, and for locations."""

    __slots__ = ("page",)
    page: int | None

    def __init__(self, page: int | None = None) -> None:
        _set(self, "page", page)


Block = Union[Paragraph, Grid, PageBreak]


class Problem(_Frozen):
    """Why a file could not be read, or was read only in part; reported as GX001.

    ``fatal`` problems mean nothing could be read; others are warnings about part of the file.
    ``page``: the page of a PDF it is about (0: none), where the rendering places it."""

    __slots__ = ("message_zh", "message_en", "line", "column", "fatal", "page")
    message_zh: str
    message_en: str
    line: int
    column: int
    fatal: bool
    page: int

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        line: int = 1,
        column: int = 1,
        fatal: bool = True,
        page: int = 0,
    ) -> None:
        _set(self, "message_zh", message_zh)
        _set(self, "message_en", message_en)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "fatal", fatal)
        _set(self, "page", page)


class Document(_Frozen):
    """What a reader read.  ``form`` names the input form (``docx``, ``html``, ``pdf``, ``text``);
    ``metadata`` holds fields the publishing site shows outside the article (``发布日期`` …), which
    the report model may use but which are not linted as report text: (name, value, where the
    value stands in the file)."""

    __slots__ = ("form", "blocks", "problems", "metadata", "encoding", "pages", "extra")
    form: str
    blocks: tuple[Block, ...]
    problems: tuple[Problem, ...]
    metadata: tuple[tuple[str, str, Origin], ...]
    encoding: str
    pages: int | None
    extra: dict

    def __init__(
        self,
        form: str,
        blocks: tuple[Block, ...] = (),
        problems: tuple[Problem, ...] = (),
        metadata: tuple[tuple[str, str, Origin], ...] = (),
        encoding: str = "",
        pages: int | None = None,
        extra: dict | None = None,
    ) -> None:
        _set(self, "form", form)
        _set(self, "blocks", blocks)
        _set(self, "problems", problems)
        _set(self, "metadata", metadata)
        _set(self, "encoding", encoding)
        _set(self, "pages", pages)
        _set(self, "extra", {} if extra is None else extra)


def relined(document: Document, line_of) -> Document:
    """``document`` with the ``line`` of every origin put through ``line_of`` (a line number, or
    None for one not known): for a page read out of another file (a web page saved as one file,
    .mhtml), whose reader counted the page's lines, not the file's."""

    def origin(o: Origin) -> Origin:
        if o.line is None:
            return o
        return Origin(o.page, line_of(o.line), o.column, o.paragraph, o.table, o.row, o.cell)

    def block(b):
        if isinstance(b, Paragraph):
            return Paragraph(
                b.text, origin(b.origin), b.heading, tuple((at, origin(o)) for at, o in b.lines), b.drawn
            )
        if isinstance(b, Grid):
            rows = tuple(
                tuple(GridCell(c.text, origin(c.origin), c.rowspan, c.colspan) for c in row) for row in b.rows
            )
            return Grid(rows, origin(b.origin))
        if isinstance(b, AlignedLines):
            return AlignedLines(tuple((text, origin(o)) for text, o in b.lines))
        return b

    return Document(
        document.form,
        tuple(block(b) for b in document.blocks),
        document.problems,
        tuple((key, value, origin(o)) for key, value, o in document.metadata),
        document.encoding,
        document.pages,
        document.extra,
    )


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
