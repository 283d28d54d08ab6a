"""The report model: what rules and plugins program against (documented in docs/model.md).

Plain frozen dataclasses.  Every node has a ``span`` in the original file (1-based line and
column, end exclusive) plus character offsets into ``Report.source.text``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Union

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.read.source import Source

Number = Union[int, float]


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader had to normalise, or could not resolve, while reading a table.

    ``kind`` is one of: ``label-variant`` (a label matched only after tolerating a typo or a
    variant), ``label-split`` (a label broken over lines), ``row-shape`` (a row with more or fewer
    fields than the template's columns), ``unreadable`` (cells that cannot be aligned or separated
    unambiguously), ``unknown-row`` (a row the template does not have).
    """

    kind: str
    span: Span
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Cell:
    """A data cell.  ``status`` is ``number``, ``blank`` (nothing written) or ``malformed``."""

    text: str
    span: Span
    value: Number | None
    status: str
    column: str | None = None
    note: str = ""  # text after the leading number, e.g. a unit: "251000元" -> "元"

    @property
    def is_number(self) -> bool:
        return self.status == "number"


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a table row as written (tab-, pipe- or line-separated)."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as written.  ``run_together`` marks a row read out of running text whose data field
    holds digits with no separators (``640020470``)."""

    fields: tuple[Field, ...]
    span: Span
    run_together: bool = False

    @property
    def texts(self) -> list[str]:
        return [f.text for f in self.fields]


@dataclass(frozen=True, slots=True)
class Row:
    """A template row with its cells aligned to the template's columns.

    ``key`` is the template's own row label (for the review/litigation table, the block:
    行政复议 / 未经复议直接起诉 / 复议后起诉).  ``alignment`` tells how the cells were placed:
    ``exact`` (one field per column), ``header`` (by the header's column positions), ``trimmed``
    (surplus empty fields dropped), ``padded`` (missing empty fields assumed), ``split``
    (run-together digits split the one way the row's own totals allow), ``guessed`` (more non-empty
    fields than columns: read left to right, the surplus dropped) or ``unreadable`` (no reading
    could be trusted; every cell is blank).  Arithmetic rules use only trustworthy rows
    (see :attr:`trusted`).
    """

    key: str
    label: str
    section: str | None
    columns: tuple[str, ...]
    cells: tuple[Cell, ...]
    span: Span
    alignment: str = "exact"
    fields_written: int = 0

    @property
    def trusted(self) -> bool:
        return self.alignment not in ("guessed", "unreadable")

    def cell(self, column: str) -> Cell | None:
        # cells are aligned with columns (one per template column, in order)
        try:
            i = self.columns.index(column)
        except ValueError:
            return None
        return self.cells[i] if i < len(self.cells) else None


@dataclass(frozen=True, slots=True)
class Table:
    """A table.  ``kind``: ``active_disclosure`` (第二十条 tables), ``applications`` (申请 table),
    ``review_litigation`` (复议/诉讼 table), ``legacy_statistics`` (the pre-2019 统计表) or ``other``.
    ``layout``: ``tabs``, ``pipes``, ``cells`` (one cell per line) or ``inline`` (run together in
    running text)."""

    kind: str
    span: Span
    layout: str
    template: str | None = None
    rows: tuple[Row, ...] = ()
    raw: tuple[RawRow, ...] = ()
    notes: tuple[Note, ...] = ()
    header_span: Span | None = None

    def row(self, key: str) -> Row | None:
        for r in self.rows:
            if r.key == key:
                return r
        return None

    def cell(self, row: str, column: str) -> Cell | None:
        r = self.row(row)
        return r.cell(column) if r else None

    def value(self, row: str, column: str) -> Number | None:
        c = self.cell(row, column)
        return c.value if c is not None and c.status == "number" else None

    @property
    def values(self) -> dict[str, dict[str, Number | None]]:
        return {r.key: {c.column or "": (c.value if c.status == "number" else None) for c in r.cells}
                for r in self.rows}

    @property
    def has_data(self) -> bool:
        return bool(self.rows)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text.  Fragments broken apart by page breaks are joined; ``pieces`` maps offsets in
    ``text`` back to the source: tuples of (offset in text, source offset, length)."""

    text: str
    span: Span
    pieces: tuple[tuple[int, int, int], ...] = ()
    heading_level: int = 0  # >0 for markdown headings that are not chapters (#, ## ...)

    def source_offset(self, index: int) -> int:
        """Source offset of character ``index`` of ``text``."""
        best = self.pieces[0] if self.pieces else (0, self.span.start, 0)
        for piece in self.pieces:
            if piece[0] <= index:
                best = piece
            else:
                break
        return best[1] + min(index - best[0], max(best[2], 0))


Block = Union[Paragraph, Table]


@dataclass(frozen=True, slots=True)
class Chapter:
    number: int | None  # 1 for 一、, ...; None when the numeral cannot be read
    numeral: str  # as written: "一"
    title: str  # without numbering and markup
    heading: str  # the heading line as written
    span: Span
    blocks: tuple[Block, ...] = ()
    level: int = 0  # markdown level (count of '#'), 0 when none

    @property
    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))


@dataclass(frozen=True, slots=True)
class Dated:
    """A date found in the text, with where it was written."""

    date: _dt.date
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Period:
    start: _dt.date | None
    end: _dt.date | None
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Signature:
    organ: str | None
    date: _dt.date | None
    span: Span
    date_span: Span | None = None


@dataclass(frozen=True)
class Report:
    source: "Source"
    title: str | None = None
    title_span: Span | None = None
    agency: str | None = None
    year: int | None = None
    period: Period | None = None
    published: Dated | None = None
    signature: Signature | None = None
    preamble: tuple[Block, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    template: str | None = None
    legacy_format: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def readable(self) -> bool:
        return not any(p.fatal for p in self.source.problems)

    @property
    def blocks(self) -> Iterator[Block]:
        """Every block in document order: the preamble's, then each chapter's."""
        yield from self.preamble
        for chapter in self.chapters:
            yield from chapter.blocks

    @property
    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    def table(self, kind: str) -> Table | None:
        """The first table of a kind (``applications`` …), or None."""
        for t in self.tables:
            if t.kind == kind:
                return t
        return None

    def chapter_of(self, block: Block) -> Chapter | None:
        for chapter in self.chapters:
            if any(b is block for b in chapter.blocks):
                return chapter
        return None
