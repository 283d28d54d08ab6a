"""The report model: what rules and plugins program against (documented in docs/model.md).

Frozen records (what ``@dataclass(frozen=True, slots=True)`` would make, written out: see
:class:`_Frozen`; ``Report`` is a frozen dataclass; ``Span``, ``Field`` and ``Cell``, made by the
hundred per report, are named tuples, which are made in C).  Every node has a ``span`` in the original file
(1-based line and column, end exclusive) plus character offsets into ``Report.source.text``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import FrozenInstanceError, dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Iterator, NamedTuple, TypeVar, Union

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.read.source import Source

Number = Union[int, float]

_set = object.__setattr__


def _setters(cls: type) -> tuple:
    """The ``__set__`` of each of ``cls``'s slots, in order: what ``object.__setattr__`` calls in the
    end, without looking the name up each time (for the records made by the thousand per report)."""
    return tuple(cls.__dict__[name].__set__ for name in cls.__dict__["__slots__"])


class _Frozen:
    """What ``@dataclass(frozen=True, slots=True)`` generates, written once: field-wise ``==`` and
    hash, a repr naming the fields, no assignment after ``__init__``, ``__match_args__``, pickling
    and copying.  The fields are the subclass's ``__slots__``, in order; its ``__init__`` sets them
    with ``object.__setattr__`` (the records made by the thousand, with their slots' own setters:
    :func:`_setters`).  Plain classes because creating a dataclass costs about 1 ms at
    start-up (``exec`` of its generated methods), and the model is imported on every run.
    ``dataclasses.fields()``/``replace()``/``asdict()`` do not apply to them."""

    __slots__: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        names = cls.__dict__.get("__slots__")
        if not names:  # a subclass that adds no fields keeps its parent's
            return
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]
        get = attrgetter(*names)
        # the field values as a tuple: _values(obj)
        cls._values = staticmethod((lambda obj: (get(obj),)) if len(names) == 1 else get)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple:
        return type(self), self._values(self)  # type: ignore[attr-defined]


_T = TypeVar("_T")


def _equal(self: tuple, other: object) -> bool:
    return other.__class__ is self.__class__ and tuple.__eq__(self, other)  # type: ignore[arg-type]


def _unequal(self: tuple, other: object) -> bool:
    return not _equal(self, other)


def _own_kind_only(cls: type[_T]) -> type[_T]:
    """A named tuple equal only to one of its own class (a span is not a cell with the same values,
    nor a plain tuple), as the other records are; hashed as a tuple."""
    cls.__eq__ = _equal  # type: ignore[assignment]
    cls.__ne__ = _unequal  # type: ignore[assignment]
    cls.__hash__ = tuple.__hash__  # type: ignore[assignment]
    return cls


#: ``_tuple_new(Span, (line, column, ...))``: a ``Span``, ``Field`` or ``Cell`` from its values in
#: order, made as the tuple it is, without the Python-level ``__new__`` that NamedTuple gives it (a
#: call frame each): for the reader, which makes them for every field and cell of every table
#: (tests/test_build_shortcuts.py and tests/test_read_tables_shortcuts.py hold it to the constructors)
_tuple_new = tuple.__new__


# -- table kinds ---------------------------------------------------------------------------------
# ``Table.kind`` is one of these strings; they are public (``gxlint parse`` shows them as ``kind``).

#: The 第二十条 tables: what was disclosed proactively.
ACTIVE_DISCLOSURE = "active_disclosure"
#: The table of applications received and handled (收到和处理政府信息公开申请情况).
APPLICATIONS = "applications"
#: The table of administrative review and litigation (行政复议、行政诉讼情况).
REVIEW_LITIGATION = "review_litigation"
#: The statistics table of the format before 2019 (政府信息公开情况统计表).
LEGACY_STATISTICS = "legacy_statistics"
#: Any other table.
OTHER = "other"

#: The unified format's three tables, read against a template, in the order of the chapters that
#: hold them.
TEMPLATE_KINDS = (ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION)
#: Every table kind.
TABLE_KINDS = (*TEMPLATE_KINDS, LEGACY_STATISTICS, OTHER)

#: How a message names each kind, (zh, en); rules and plugins use
#: ``gxlint.lint.analyses.tables.kind_name(kind)``, which gives it as a ``Phrase``.
KIND_NAMES: dict[str, tuple[str, str]] = {
    ACTIVE_DISCLOSURE: ("主动公开情况表（第二十条）", "active-disclosure table (article 20)"),
    APPLICATIONS: ("收到和处理政府信息公开申请情况表", "applications table"),
    REVIEW_LITIGATION: ("行政复议、行政诉讼情况表", "review/litigation table"),
    LEGACY_STATISTICS: ("政府信息公开情况统计表（2019 年以前格式）", "pre-2019 statistics table"),
    OTHER: ("其他表格", "other table"),
}


@_own_kind_only
class Span(NamedTuple):
    """Where a node stands: 1-based line and column of its first character and of the character
    after its last, and the same as character offsets into ``Report.source.text``."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


class Note(_Frozen):
    """Something the reader had to normalise, or could not resolve, while reading a table.

    ``kind`` is one of: ``label-variant`` (a label matched only after tolerating a typo or a
    variant), ``label-split`` (a label broken over lines), ``row-shape`` (a row with more or fewer
    fields than the template's columns), ``unreadable`` (cells that cannot be aligned or separated
    unambiguously), ``unknown-row`` (a row the template does not have).
    """

    __slots__ = ("kind", "span", "zh", "en")
    kind: str
    span: Span
    zh: str
    en: str

    def __init__(self, kind: str, span: Span, zh: str, en: str) -> None:
        _set(self, "kind", kind)
        _set(self, "span", span)
        _set(self, "zh", zh)
        _set(self, "en", en)


@_own_kind_only
class Cell(NamedTuple):
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


@_own_kind_only
class Field(NamedTuple):
    """One field of a table row as written (tab-, pipe- or line-separated)."""

    text: str
    span: Span


class RawRow(_Frozen):
    """A row as written.  ``run_together`` marks a row read out of running text whose data field
    holds digits with no separators (``640020470``)."""

    __slots__ = ("fields", "span", "run_together")
    fields: tuple[Field, ...]
    span: Span
    run_together: bool

    def __init__(self, fields: tuple[Field, ...], span: Span, run_together: bool = False) -> None:
        _raw_row_fields(self, fields)
        _raw_row_span(self, span)
        _raw_row_run_together(self, run_together)

    @property
    def texts(self) -> list[str]:
        return [f.text for f in self.fields]


_raw_row_fields, _raw_row_span, _raw_row_run_together = _setters(RawRow)


class Row(_Frozen):
    """A template row with its cells aligned to the template's columns.

    ``key`` is the template's own row label (for the review/litigation table, the block:
    行政复议 / 未经复议直接起诉 / 复议后起诉).  ``alignment`` tells how the cells were placed:
    ``exact`` (one field per column), ``header`` (by the header's column positions), ``trimmed``
    (surplus empty fields dropped), ``padded`` (missing empty fields assumed), ``split``
    (run-together digits split the one way the row's own totals allow), ``guessed`` (more non-empty
    fields than columns: read left to right, the surplus dropped), ``missing-column`` (by the
    positions of a header that lacks some of the template's columns, such as 总计: those cells are
    blank) or ``unreadable`` (no reading could be trusted; every cell is blank).  Arithmetic rules
    use only trustworthy rows (see :attr:`trusted`).
    """

    __slots__ = ("key", "label", "section", "columns", "cells", "span", "alignment", "fields_written")
    key: str
    label: str
    section: str | None
    columns: tuple[str, ...]
    cells: tuple[Cell, ...]
    span: Span
    alignment: str
    fields_written: int

    def __init__(
        self,
        key: str,
        label: str,
        section: str | None,
        columns: tuple[str, ...],
        cells: tuple[Cell, ...],
        span: Span,
        alignment: str = "exact",
        fields_written: int = 0,
    ) -> None:
        _row_key(self, key)
        _row_label(self, label)
        _row_section(self, section)
        _row_columns(self, columns)
        _row_cells(self, cells)
        _row_span(self, span)
        _row_alignment(self, alignment)
        _row_fields_written(self, fields_written)

    @property
    def trusted(self) -> bool:
        return self.alignment not in ("guessed", "unreadable", "missing-column")

    def cell(self, column: str) -> Cell | None:
        # cells are aligned with columns (one per template column, in order)
        try:
            i = self.columns.index(column)
        except ValueError:
            return None
        return self.cells[i] if i < len(self.cells) else None


(
    _row_key,
    _row_label,
    _row_section,
    _row_columns,
    _row_cells,
    _row_span,
    _row_alignment,
    _row_fields_written,
) = _setters(Row)


class Table(_Frozen):
    """A table.  ``kind`` (one of :data:`TABLE_KINDS`): ``active_disclosure`` (:data:`ACTIVE_DISCLOSURE`,
    第二十条 tables), ``applications`` (:data:`APPLICATIONS`, 申请 table), ``review_litigation``
    (:data:`REVIEW_LITIGATION`, 复议/诉讼 table), ``legacy_statistics`` (:data:`LEGACY_STATISTICS`, the
    pre-2019 统计表) or ``other`` (:data:`OTHER`).
    ``layout``: ``tabs``, ``pipes``, ``cells`` (one cell per line) or ``inline`` (run together in
    running text)."""

    __slots__ = ("kind", "span", "layout", "template", "rows", "raw", "notes", "header_span")
    kind: str
    span: Span
    layout: str
    template: str | None
    rows: tuple[Row, ...]
    raw: tuple[RawRow, ...]
    notes: tuple[Note, ...]
    header_span: Span | None

    def __init__(
        self,
        kind: str,
        span: Span,
        layout: str,
        template: str | None = None,
        rows: tuple[Row, ...] = (),
        raw: tuple[RawRow, ...] = (),
        notes: tuple[Note, ...] = (),
        header_span: Span | None = None,
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "span", span)
        _set(self, "layout", layout)
        _set(self, "template", template)
        _set(self, "rows", rows)
        _set(self, "raw", raw)
        _set(self, "notes", notes)
        _set(self, "header_span", header_span)

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
        return {
            r.key: {c.column or "": (c.value if c.status == "number" else None) for c in r.cells}
            for r in self.rows
        }

    @property
    def has_data(self) -> bool:
        return bool(self.rows)


class Paragraph(_Frozen):
    """Running text.  Fragments broken apart by page breaks are joined; ``pieces`` maps offsets in
    ``text`` back to the source: tuples of (offset in text, source offset, length)."""

    __slots__ = ("text", "span", "pieces", "heading_level")
    text: str
    span: Span
    pieces: tuple[tuple[int, int, int], ...]
    heading_level: int  # >0 for markdown headings that are not chapters (#, ## ...)

    def __init__(
        self, text: str, span: Span, pieces: tuple[tuple[int, int, int], ...] = (), heading_level: int = 0
    ) -> None:
        _paragraph_text(self, text)
        _paragraph_span(self, span)
        _paragraph_pieces(self, pieces)
        _paragraph_heading_level(self, heading_level)

    def source_offset(self, index: int) -> int:
        """Source offset of character ``index`` of ``text``."""
        best = self.pieces[0] if self.pieces else (0, self.span.start, 0)
        for piece in self.pieces:
            if piece[0] <= index:
                best = piece
            else:
                break
        return best[1] + min(index - best[0], max(best[2], 0))


_paragraph_text, _paragraph_span, _paragraph_pieces, _paragraph_heading_level = _setters(Paragraph)

Block = Union[Paragraph, Table]


class Chapter(_Frozen):
    __slots__ = ("number", "numeral", "title", "heading", "span", "blocks", "level")
    number: int | None  # 1 for 一、, ...; None when the numeral cannot be read
    numeral: str  # as written: "一"
    title: str  # without numbering and markup
    heading: str  # the heading line as written
    span: Span
    blocks: tuple[Block, ...]
    level: int  # markdown level (count of '#'), 0 when none

    def __init__(
        self,
        number: int | None,
        numeral: str,
        title: str,
        heading: str,
        span: Span,
        blocks: tuple[Block, ...] = (),
        level: int = 0,
    ) -> None:
        _set(self, "number", number)
        _set(self, "numeral", numeral)
        _set(self, "title", title)
        _set(self, "heading", heading)
        _set(self, "span", span)
        _set(self, "blocks", blocks)
        _set(self, "level", level)

    @property
    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))


class Dated(_Frozen):
    """A date found in the text, with where it was written."""

    __slots__ = ("date", "span", "text")
    date: _dt.date
    span: Span
    text: str

    def __init__(self, date: _dt.date, span: Span, text: str) -> None:
        _set(self, "date", date)
        _set(self, "span", span)
        _set(self, "text", text)


class Period(_Frozen):
    __slots__ = ("start", "end", "span", "text")
    start: _dt.date | None
    end: _dt.date | None
    span: Span
    text: str

    def __init__(self, start: _dt.date | None, end: _dt.date | None, span: Span, text: str) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "span", span)
        _set(self, "text", text)


class Signature(_Frozen):
    __slots__ = ("organ", "date", "span", "date_span")
    organ: str | None
    date: _dt.date | None
    span: Span
    date_span: Span | None

    def __init__(
        self, organ: str | None, date: _dt.date | None, span: Span, date_span: Span | None = None
    ) -> None:
        _set(self, "organ", organ)
        _set(self, "date", date)
        _set(self, "span", span)
        _set(self, "date_span", date_span)


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
        for problem in self.source.problems:  # asked by most rules: no generator made each time
            if problem.fatal:
                return False
        return True

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
            for b in chapter.blocks:  # the very block: no generator made for each chapter
                if b is block:
                    return chapter
        return None
