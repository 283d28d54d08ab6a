"""Reading raw tables against the templates: which table is which, and every cell in its column.

Input is rows of fields as written (tab-separated, pipe tables, one cell per line, or rows rebuilt
from run-together text by gxlint.read.inline).  For each template table the reader

* recognises rows by their labels, tolerating width, spacing and punctuation variants, known typos
  (``社会组织``), labels broken over two rows by a page break, and merged label cells that are
  written once and not repeated;
* places each row's data fields in the template's columns: by the header's column positions when
  the header gives them (in another order than the template's too, said in a note), else by the
  field count, trimming surplus empty fields at the ends or assuming missing ones (a cell left
  out anywhere in the row, or short of the header's last column) -- only when every way of doing
  so reads the same, or exactly one of them satisfies the row's own total or, in the applications
  table, the table's column totals; otherwise the row is ``unreadable``;
* splits run-together digits only where the split is unique (gxlint.read.splitter), using the table's
  column totals to decide between a row's candidates when the row alone cannot;
* records every normalisation as a :class:`~gxlint.model.Note`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache, partial
from itertools import chain
from operator import attrgetter, itemgetter
import re
from collections import Counter
from typing import Callable, Iterable, Iterator, Sequence

from gxlint.read import splitter
from gxlint.arith import balance
from gxlint.read.cells import NOT_APPLICABLE, is_numeric_text, reader
from gxlint.model import (
    ACTIVE_DISCLOSURE,
    APPLICATIONS,
    LEGACY_STATISTICS,
    OTHER,
    REVIEW_LITIGATION,
    TEMPLATE_KINDS,
    Cell,
    Field,
    Note,
    RawRow,
    Row,
    Span,
    Table,
    _tuple_new,
)
from gxlint.read.templates import Node, Section, Template, Templates
from gxlint.chinese import cjk_count, label_key

_BRACKETED_NUMBER = re.compile(r"[（(]\s*\d+\s*[)）]")
_LIST_LABEL = re.compile(
    r"^\s*(?:\d{1,2}\s*\\?[.．、]\s*[^\d\s.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])"
)

INFO_HEADER_KEY = "信息内容"

_text = attrgetter("text")


@lru_cache(maxsize=8192)
def is_label(text: str) -> bool:
    """A field that reads as a label (words), not as a data cell (a number, a dash, a blank)."""
    t = text.strip()
    if not t:
        return False
    if _LIST_LABEL.match(t):
        # a number in brackets and nothing else (（0）) is a cell typed so, not a list's numbering
        return _BRACKETED_NUMBER.fullmatch(t) is None
    if is_numeric_text(t):
        return False
    return cjk_count(t) >= 2


def key(text: str) -> str:
    return label_key(text)[1]


class _Memo(dict):
    """What ``compute`` makes of each key, worked out once: looked up by ``map`` over a row's field
    texts, which recur from row to row and report to report, without a call per field."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[str], object]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, text: str):
        value = self[text] = self.compute(text)
        return value


def _role_of(text: str) -> str:
    """What a field text is to the reader: ``L`` a label (:func:`is_label`), ``B`` blank (only
    white space), ``D`` data."""
    return "L" if is_label(text) else "D" if text.strip() else "B"


_ROLES = _Memo(_role_of)
_role = _ROLES.__getitem__


def _shape(fields: Sequence[Field]) -> str:
    """The roles of a row's fields, one letter each (``LDDDDDDD``: a label, then seven data)."""
    return "".join(map(_role, map(_text, fields)))


class _Form:
    """What a row's texts are, apart from its spans: the table kind it announces
    (:meth:`Lexicon.row_kind`), its :func:`_shape`, the formats its fields vote for
    (:meth:`Lexicon.vote`), and where the applications reader finds its label: the fragments
    (``labels``, a getter of them from the fields), the last label and whether data follows it.

    Rows are worded alike from report to report: a row's form is found once per wording (its
    numbers do not change it), when the row is segmented, and handed on with the rows (:class:`_Rows`)
    to the vote and the reader, which go over the row's fields no more."""

    __slots__ = ("kind", "shape", "ad_votes", "app_votes", "labels", "last_label", "has_data")

    def __init__(self, kind: str | None, shape: str, ad_votes: tuple, app_votes: tuple) -> None:
        self.kind = kind
        self.shape = shape
        self.ad_votes = ad_votes
        self.app_votes = app_votes
        # the data follows the last label; the label is the fields up to it that are not blank
        last = self.last_label = shape.rfind("L")
        at = [i for i in range(last + 1) if shape[i] != "B"]
        self.labels: Callable[[Sequence[Field]], Sequence[Field]]
        if at and at == list(range(at[0], at[-1] + 1)):
            self.labels = itemgetter(slice(at[0], at[-1] + 1))
        else:  # a label with a blank field in it; or none
            self.labels = itemgetter(*at) if len(at) > 1 else itemgetter(slice(0, 0))
        self.has_data = "D" in shape[last + 1 :]


#: a form's votes for each kind a format is voted for by
_VOTES = {ACTIVE_DISCLOSURE: attrgetter("ad_votes"), APPLICATIONS: attrgetter("app_votes")}


class _Rows(list):
    """A segment's rows, with the form of each (``forms``, in step: see :class:`_Form`)."""

    __slots__ = ("forms",)

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []


# -- classifying rows ---------------------------------------------------------------------------


class Lexicon:
    """Label keys of every known format, per table kind, for recognising and voting."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        formats = templates.formats
        self.captions: dict[str, str] = {}
        self.ad_rows: set[str] = set()
        self.app_rows: set[tuple[str | None, str]] = set()
        self.app_anchor_keys: set[str] = set()
        rl_words: set[str] = set()
        self.legacy_anchor_keys: set[str] = set()
        self.variants: dict[str, str] = {}
        self.markers: dict[str, dict[str, set]] = {}
        per_format: dict[str, dict[str, set]] = {}
        for t in formats:
            ad: set = set()
            for s in t.sections:
                self.captions[key(s.caption)] = s.caption
                ad.update(key(x) for x in (s.caption, *s.columns, *s.rows))
                self.ad_rows.update(key(r) for r in s.rows)
            app = {(n.numbering, n.key) for n in t.app_nodes}
            self.app_rows.update(app)
            self.app_anchor_keys.update(key(a) for a in t.tables.get(APPLICATIONS, {}).get("anchors", ()))
            rl = t.tables.get(REVIEW_LITIGATION, {})
            rl_words.update((*rl.get("blocks", ()), *rl.get("columns", ()), *rl.get("header_labels", ())))
            per_format[t.id] = {ACTIVE_DISCLOSURE: ad, APPLICATIONS: app}
            self.variants.update({key(w): key(r) for w, r in t.label_variants.items() if key(w)})
        #: the review/litigation table's header labels, as written (longest first: what a header
        #: line whose cells ran together is cut into) and as compared
        self.rl_words: tuple[str, ...] = tuple(sorted(rl_words, key=lambda w: (-len(w), w)))
        self.rl_keys: set[str] = {key(w) for w in rl_words}
        for t in templates.legacy:
            for table in t.tables.values():
                self.legacy_anchor_keys.update(key(a) for a in table.get("anchors", ()))
        for tid, kinds in per_format.items():
            self.markers[tid] = {}
            for kind, labels in kinds.items():
                others = (
                    set().union(*(k[kind] for o, k in per_format.items() if o != tid))
                    if len(per_format) > 1
                    else set()
                )
                self.markers[tid][kind] = labels - others
        # a row that is a data row in one format and a group heading of rows in the others (the
        # 2019 （六）其他处理, split into three rows in 2021): with data in it, it votes for the first
        self._leaf_voters: dict[tuple[str | None, str], tuple[str, ...]] = {}
        if len(formats) > 1:
            groups = {t.id: {(n.numbering, n.key) for n in t.app_nodes if not n.leaf} for t in formats}
            for t in formats:
                for n in t.app_nodes:
                    label = (n.numbering, n.key)
                    if n.leaf and all(label in groups[o.id] for o in formats if o is not t):
                        self._leaf_voters[label] = (*self._leaf_voters.get(label, ()), t.id)
        # label -> the formats it is a marker of, in the order of ``markers`` (vote() is per field)
        self._voters: dict[str, dict] = {}
        for tid, kinds in self.markers.items():
            for kind, labels in kinds.items():
                for label in labels:
                    self._voters.setdefault(kind, {}).setdefault(label, []).append(tid)
        # row_kind() asks whether any anchor occurs in a row's joined keys: one search, not one per anchor
        self._legacy_anchors = _any_of(self.legacy_anchor_keys)
        self._app_anchors = _any_of(self.app_anchor_keys)
        # the formats each text votes for, per kind: the same texts recur in every report
        self._votes_of: dict[str, _Memo] = {
            kind: _Memo(partial(self._voters_of, kind)) for kind in (ACTIVE_DISCLOSURE, APPLICATIONS)
        }
        # a number's key is its digits, which no word of the lexicon holds: a row's kind and votes
        # do not depend on which numbers it has (see form)
        words = (
            *self.captions,
            *self.ad_rows,
            *self.legacy_anchor_keys,
            *self.app_anchor_keys,
            *self.variants,
            *(label for voters in self._voters.values() for label in voters if isinstance(label, str)),
            *(label[1] for label in self._voters.get(APPLICATIONS, ())),
        )
        self._numbers_alike = not any(ch in "0123456789" for word in words for ch in word)

    def row_kind(self, fields: Sequence[Field]) -> str | None:
        """The table kind a row announces (a caption, a header, a template row label), if any."""
        return self.form(fields).kind

    def form(self, fields: Sequence[Field]) -> _Form:
        """What a row's texts are (:class:`_Form`)."""
        if not self._numbers_alike:
            return self._form(tuple(map(_text, fields)))
        # data rows differ from report to report in their numbers only: with every number written
        # as 0 they are the same few rows
        return self._form(tuple(["0" if t.isdigit() and t.isascii() else t for t in map(_text, fields)]))

    def forms(self, rows: Sequence[RawRow]) -> list[_Form]:
        """The form of each row: handed on by :func:`segment`, else found here."""
        forms = getattr(rows, "forms", None)
        if forms is None or len(forms) != len(rows):
            forms = [self.form(row.fields) for row in rows]
        return forms

    # the label rows recur in every report, data rows seldom: a small cache keeps the first without
    # holding on to much of a long run's text
    @lru_cache(maxsize=1024)
    def _form(self, texts: tuple[str, ...]) -> _Form:
        votes = [
            tuple(chain.from_iterable(map(self._votes_of[kind].__getitem__, texts)))
            for kind in (ACTIVE_DISCLOSURE, APPLICATIONS)
        ]
        form = _Form(self._row_kind(texts), "".join(map(_role, texts)), *votes)
        if form.has_data and self._leaf_voters and form.last_label >= 0:
            form.app_votes += self._leaf_voters.get(label_key(texts[form.last_label]), ())
        return form

    def _row_kind(self, texts: tuple[str, ...]) -> str | None:
        keys = [k for k in map(self._fixed_key, texts) if k is not None]
        if not keys:
            return None
        joined = "".join(keys)
        if any(k in self.captions or k == INFO_HEADER_KEY for k in keys):
            return ACTIVE_DISCLOSURE
        if self._legacy_anchors(joined):
            return LEGACY_STATISTICS
        if self._app_anchors(joined):
            return APPLICATIONS
        if "行政复议" in keys and ("行政诉讼" in keys or any(k.startswith("结果") for k in keys)):
            return REVIEW_LITIGATION
        if keys[0] in self.ad_rows and len(keys) <= 5:
            return ACTIVE_DISCLOSURE
        return None

    @lru_cache(maxsize=8192)
    def _fixed_key(self, text: str) -> str | None:
        """A field's key with the known variants fixed; None for a blank field.  Data rows are
        rarely seen twice, but their fields are."""
        return self._fix(key(text)) if text.strip() else None

    def _fix(self, k: str) -> str:
        for wrong, right in self.variants.items():
            if wrong in k and right not in k:
                return k.replace(wrong, right)
        return k

    def vote(self, kind: str, rows: Iterable[RawRow]) -> Counter:
        votes: Counter = Counter()
        if kind not in (ACTIVE_DISCLOSURE, APPLICATIONS):
            return votes
        known = self._votes_of[kind]
        if len(known) > 8192:  # a long run meets ever new texts
            known.clear()
        # each field's votes in the order of the rows and their fields, counted as one stream
        rows = rows if isinstance(rows, list) else list(rows)
        votes.update(chain.from_iterable(map(_VOTES[kind], self.forms(rows))))
        return votes

    def _voters_of(self, kind: str, text: str) -> tuple[str, ...]:
        """The formats a field votes for."""
        if not text.strip():
            return ()
        voters = self._voters.get(kind, {})
        return tuple(voters.get(label_key(text) if kind == APPLICATIONS else key(text), ()))


def _any_of(words: Iterable[str]):
    """A test of whether a text holds any of ``words``."""
    words = sorted(words)
    if not words:  # an empty pattern would match every text
        return lambda text: False
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return lambda text: pattern.search(text) is not None


def segment(rows: Sequence[RawRow], lexicon: Lexicon) -> list[tuple[str, list[RawRow]]]:
    """Split a raw table into runs of rows of one kind (a tab table can hold several tables).
    Each run's rows carry their forms (:class:`_Rows`)."""
    segments: list[tuple[str, list[RawRow]]] = []
    current: str | None = None
    part = _Rows()
    for row in rows:
        form = lexicon.form(row.fields)
        kind = form.kind
        if (
            kind is not None
            and kind != current
            # a row named like one of the 主动公开 table (行政许可, 规章) inside the applications table
            # or inside a table of the report's own that opened with other headings (公开类别 | 条数)
            # is that table's row: the 主动公开 table starts at its caption or its 信息内容 header
            and not (
                current in (APPLICATIONS, OTHER)
                and kind == ACTIVE_DISCLOSURE
                and not _is_caption_row(row, lexicon)
            )
        ):
            current = kind
            part = _Rows()
            segments.append((kind, part))
        elif not segments:
            current = OTHER
            segments.append((OTHER, part))
        part.append(row)
        part.forms.append(form)
    return segments


def _is_caption_row(row: RawRow, lexicon: Lexicon) -> bool:
    return any(key(f.text) in lexicon.captions or key(f.text) == INFO_HEADER_KEY for f in row.fields)


# -- the reader -----------------------------------------------------------------------------------


class Reader:
    def __init__(self, template: Template, lexicon: Lexicon) -> None:
        self.t = template
        self.lexicon = lexicon
        self.notes: list[Note] = []

    def note(self, kind: str, span: Span, zh: str, en: str) -> None:
        self.notes.append(Note(kind, span, zh, en))

    def read(self, kind: str, rows: list[RawRow], layout: str, span: Span) -> Table:
        self.notes = []
        if len(_ROLES) > 8192:  # a long run meets ever new texts
            _ROLES.clear()
        header_span = rows[0].span if rows else None
        if kind == ACTIVE_DISCLOSURE:
            out = self._active(rows)
        elif kind == APPLICATIONS:
            out = self._applications(rows)
        elif kind == REVIEW_LITIGATION:
            out = self._review(rows)
        else:
            out = []
        template = self.t.id if kind in TEMPLATE_KINDS else None
        return Table(kind, span, layout, template, tuple(out), tuple(rows), tuple(self.notes), header_span)

    # -- cells and alignment ---------------------------------------------------------------------
    def _cells(
        self,
        fields: Sequence[Field | None],
        columns: tuple[str, ...],
        row_span: Span,
        template: Template | None = None,
    ) -> tuple[Cell, ...]:
        """The cells of a row in ``columns``, each read as its column takes numbers (whole, signed,
        money) in ``template`` (the table's, unless the row's item is in another format's columns)."""
        return _read_cells(fields, _column_readers(template or self.t, columns), row_span)

    def _align(
        self,
        raw: RawRow,
        first: int,
        columns: tuple[str, ...],
        header: list[int] | None,
        constraints: Sequence[tuple[int, tuple[int, ...]]],
        candidates: list | None = None,
    ):
        """(fields per column, how).  ``candidates`` collects split alternatives for the caller."""
        if header is not None and header != sorted(header):
            return self._align_reordered(raw, first, columns, header, constraints, candidates)
        fields = raw.fields
        n = len(columns)
        data = fields[first:]
        if raw.run_together:
            return self._split(raw, data, columns, constraints, candidates)
        # most rows: a field per column, where the header (if any) puts them.  A header has one
        # position per column, rising: they are the fields from ``first`` on if they start and end so
        plain = not header or (header[0] == first and header[-1] == first + n - 1)
        if len(data) == n and plain:
            return self._unless_run_together(raw, data, data, "exact", columns, constraints)
        # the header's positions (in order) are trusted only for a row that reaches its last column
        # and writes nothing elsewhere
        if header is not None and len(fields) > header[-1]:
            filled = [first + i for i, f in enumerate(data) if f.text.strip()]
            if all(i in header for i in filled):
                placed = [fields[p] if first <= p else None for p in header]
                exact = plain and len(data) == n
                return placed, "exact" if exact else "header"
        if len(data) == n:
            return self._unless_run_together(raw, data, data, "exact", columns, constraints)
        # a row whose numbers stand under the header's columns but stops short of its last: a cell
        # left out anywhere (the numbers after it one column early), or the last cells left blank
        if header is not None and len(fields) <= header[-1]:
            filled = [first + i for i, f in enumerate(data) if f.text.strip()]
            if filled and all(i in header for i in filled):
                data = tuple(fields[p] for p in header if first <= p < len(fields))
        readings: list[Sequence[Field | None]] = []
        if len(data) > n:
            surplus = len(data) - n
            lead = _count_empty(data)
            trail = _count_empty(reversed(data))
            for i in range(surplus + 1):
                if i <= lead and surplus - i <= trail:
                    readings.append(data[i : len(data) - (surplus - i)])
            how = "trimmed"
            if not readings:
                kept = data[:n]
                dropped = [f.text for f in data[n:] if f.text.strip()]
                self.note(
                    "row-shape",
                    raw.span,
                    f"该行有 {len(data)} 个数据单元格，模板只有 {n} 列；按从左到右读取，多出的 {'、'.join(dropped)} 无对应列",
                    f"the row has {len(data)} data cells for {n} template columns; read left to right, "
                    f"the surplus {', '.join(dropped)} has no column",
                )
                return kept, "guessed"
        else:
            readings = _insertions(data, n)
            how = "padded"
        distinct = {tuple(f.text.strip() if f else "" for f in r): r for r in readings}
        if len(distinct) == 1:
            only = next(iter(distinct.values()))
            if how == "padded":
                return only, how
            return self._unless_run_together(raw, data, only, how, columns, constraints)
        consistent = [r for r in distinct.values() if self._row_consistent(r, columns, constraints, raw.span)]
        if len(consistent) == 1 and self._totals_written(consistent[0], constraints):
            return consistent[0], how
        # the one placement left leaves a total blank, so nothing was matched: a pair of cells run
        # together (… 0 0 10 16 for … 0 0 1 0 16) may be what is one short
        pairs = self._pair_splits(raw, data, columns, constraints)
        if len(pairs) == 1:
            return pairs[0], "split"
        if len(pairs) > 1:
            return self._pairs_unreadable(raw, pairs, n)
        if len(consistent) == 1:
            return consistent[0], how
        if how == "padded" and len(consistent) > 1:
            same = self._same_values(consistent, columns, constraints, raw.span)
            if same is not None:
                return same, how
            if candidates is not None:
                # the table's column totals may tell where the cell left out was (the caller's _resolve)
                candidates.extend(consistent)
                return consistent[0], "ambiguous-short"
            self._short_note(raw.span, columns, consistent)
            return [None] * n, "unreadable"
        self.note(
            "unreadable",
            raw.span,
            f"该行写有 {len(data)} 个数据单元格，模板有 {n} 列，无法唯一确定各数对应的列",
            f"the row has {len(data)} data cells for {n} template columns and they cannot be placed "
            f"in columns unambiguously",
        )
        return [None] * n, "unreadable"

    def _align_reordered(self, raw, first, columns, header, constraints, candidates):
        """:meth:`_align` for a header whose columns stand in another order than the template's
        (:func:`_header_order`): the row is placed in the columns as written -- field by field, or
        split, or trimmed, as any row -- and each column's field then handed to the template's."""
        n = len(columns)
        written = sorted(range(n), key=header.__getitem__)  # the template column written j-th
        at = {c: j for j, c in enumerate(written)}
        placed_w, how = self._align(
            raw,
            first,
            tuple(columns[c] for c in written),
            sorted(header),
            tuple((at[total], tuple(at[p] for p in parts)) for total, parts in constraints),
            found := ([] if candidates is not None else None),
        )
        if candidates is not None and found:
            candidates.extend([[w[at[c]] for c in range(n)] for w in found])
        return [placed_w[at[c]] for c in range(n)], "header" if how == "exact" else how

    def _unless_run_together(self, raw, data, reading, how, columns, constraints):
        """``reading`` (placed as ``how``), unless it leaves a cell blank and does not add up while
        one of its numbers split in two fills every column and does: two cells run together
        (``10 20 0 0 0 12`` for ``10 2 0 0 0 0 12``), the row shifted by one."""
        if not constraints or all(f is not None and f.text.strip() for f in reading):
            return reading, how
        if self._row_consistent(reading, columns, constraints, raw.span):
            return reading, how
        pairs = self._pair_splits(raw, data, columns, constraints)
        if len(pairs) == 1:
            return pairs[0], "split"
        if len(pairs) > 1:
            return self._pairs_unreadable(raw, pairs, len(columns))
        return reading, how  # the numbers are wrong as written: the rules say so

    def _pairs_unreadable(self, raw, pairs: list[list[Field]], n: int):
        ways = [" ".join(f.text for f in p) for p in pairs[:3]]
        self.note(
            "unreadable",
            raw.span,
            f"该行写有 {n - 1} 个数，模板有 {n} 列：可能有两个数连写在一起，但拆开后与本行合计相符的"
            f"拆法不止一种（{'；'.join(ways)}）",
            f"the row has {n - 1} numbers for {n} template columns: two may have run together, but "
            f"more than one split matches the row's total ({'; '.join(ways)})",
        )
        return [None] * n, "unreadable"

    def _same_values(self, placements, columns, constraints, span):
        """The placement to read of a row one cell short whose placements all give every column the
        same number -- a zero left out among zeros, where the row's totals force the blank cell to
        the value the others give it -- with the note that says so; None when they differ.  The
        blank is left where reading left to right puts it: the last column it may be in."""
        gaps: list[int] = []
        values = None
        for fields in placements:
            blank = [i for i, f in enumerate(fields) if f is None]
            if len(blank) != 1:
                return None
            b = blank[0]
            cells = self._cells(fields, columns, span)
            known = [c.value if c.status == "number" else None for c in cells]
            forced = None
            for total, parts in constraints:
                members = (total, *parts)
                if b not in members or any(known[m] is None for m in members if m != b):
                    continue
                rest = sum(known[p] for p in parts if p != b)  # type: ignore[misc]
                forced = rest if b == total else known[total] - rest  # type: ignore[operator]
                break
            if forced is None:
                return None
            known[b] = forced
            if values is None:
                values = known
            elif known != values:
                return None
            gaps.append(b)
        chosen = placements[gaps.index(max(gaps))]
        gaps.sort()
        value = values[gaps[-1]] if values else 0
        if len(gaps) > 3 and gaps == list(range(gaps[0], gaps[-1] + 1)):
            among = f"“{columns[gaps[0]]}”至“{columns[gaps[-1]]}”的 {len(gaps)} 列"
            among_en = f"the {len(gaps)} columns from {columns[gaps[0]]} to {columns[gaps[-1]]}"
        else:
            among = "“" + "”“".join(columns[g] for g in gaps) + "”"
            among_en = ", ".join(columns[g] for g in gaps)
        self.note(
            "short-same",
            span,
            f"该行写有 {len(columns) - 1} 个数据单元格，模板有 {len(columns)} 列：少写的一个在{among}中，"
            f"无论是哪一列，按本行的合计它都应为 {value}，各列读到的数相同；已从左到右读取，"
            f"空出“{columns[gaps[-1]]}”",
            f"the row has {len(columns) - 1} data cells for {len(columns)} template columns: the one left "
            f"out is one of {among_en}; whichever it is, the row's totals make it {value} and every "
            f"column reads the same number, so the row was read left to right, leaving "
            f"{columns[gaps[-1]]} blank",
        )
        return chosen

    @staticmethod
    def _totals_written(fields, constraints) -> bool:
        """Whether every total of the row's sums has a field in this placement."""
        return all(fields[total] is not None and fields[total].text.strip() for total, _ in constraints)

    def _pair_splits(self, raw, data, columns, constraints) -> list[list[Field]]:
        """The placements of a row one number short in which splitting one number in two (``10`` into
        ``1`` and ``0``) fills every column and makes every total of the row equal its parts."""
        filled = [f for f in data if f.text.strip()]
        n = len(columns)
        if len(filled) != n - 1 or not constraints:
            return []
        texts = [f.text.strip() for f in filled]
        found: dict[tuple[str, ...], list[Field]] = {}
        for k, text in enumerate(texts):
            if len(text) < 2 or not text.isdigit():
                continue
            for cut in range(1, len(text)):
                a, b = text[:cut], text[cut:]
                if len(b) > 1 and b[0] == "0":
                    continue
                pieces = [*texts[:k], a, b, *texts[k + 1 :]]
                fields = self._split_fields(raw, filled, pieces)
                cells = self._cells(fields, columns, raw.span)
                if all(
                    balance([cells[total]], [cells[p] for p in parts]).status == "ok"
                    for total, parts in constraints
                ):
                    found.setdefault(tuple(pieces), fields)
        return list(found.values())

    def _row_consistent(self, fields, columns, constraints, span) -> bool:
        cells = self._cells(fields, columns, span)
        for total, parts in constraints:
            if balance([cells[total]], [cells[p] for p in parts]).status == "violated":
                return False
        return True

    def _split(self, raw, data, columns, constraints, candidates):
        n = len(columns)
        tokens = tuple(token for f in data for token in f.text.split())
        if not tokens:
            return [None] * n, "exact"
        if not constraints and 1 < len(tokens) < n:
            # numbers set apart by blanks, fewer than the columns, and no total to check a cut by
            # (行政规范性文件 1 42): a cell left out, not digits run together -- 42 is no 4 and 2
            shown = " ".join(tokens)
            self.note(
                "unreadable",
                raw.span,
                f"该行写有 {len(tokens)} 个数（{shown}），模板有 {n} 列：少写的可能在任一列，本行没有合计可据以判断",
                f"the row has {len(tokens)} numbers ({shown}) for {n} template columns: the one left out "
                f"may be in any column, and the row has no total to decide by",
            )
            return [None] * n, "unreadable"
        found = _search(tokens, tuple(constraints), *_number_columns(self.t, columns))
        solutions = found.solutions
        if len(solutions) == 1:
            return self._split_fields(raw, data, solutions[0]), "split"
        if len(solutions) > 1 and candidates is not None:
            split_fields = [self._split_fields(raw, data, s) for s in solutions]
            candidates.extend(split_fields)
            return split_fields[0], "ambiguous"
        zh, en = _split_reason(found, " ".join(tokens), n)
        self.note("unreadable", raw.span, zh, en)
        return [None] * n, "unreadable"

    @staticmethod
    def _split_fields(raw: RawRow, data: Sequence[Field], pieces: list[str]) -> list[Field]:
        """Fields with precise spans for each piece of a split."""
        out: list[Field] = []
        queue = list(pieces)
        for f in data:
            text = f.text
            line, column, _, _, start, _ = f.span
            pos = 0
            while queue:
                piece = queue[0]
                at = text.find(piece, pos)
                if at < 0:
                    break
                end = at + len(piece)
                # made as the tuples they are (see _tuple_new): a split makes a field of every digit run
                span = _tuple_new(Span, (line, column + at, line, column + end, start + at, start + end))
                out.append(_tuple_new(Field, (piece, span)))
                pos = end
                queue.pop(0)
        while len(out) < len(pieces):  # pragma: no cover - pieces always come from the fields
            out.append(Field(pieces[len(out)], raw.span))
        return out

    # -- 主动公开 (article 20) --------------------------------------------------------------------
    def _active(self, rows: list[RawRow]) -> list[Row]:
        section: Section | None = None
        header: list[int] | None = None
        # an item whose header row is another format's (a 2021 table with the （一） item still in
        # the 2019 columns): its rows are read in the columns its header names
        own: Section | None = None
        own_format: Template | None = None
        out: list[Row] = []
        seen: set[str] = set()
        for raw in rows:
            fields = raw.fields
            for first_i, first in enumerate(fields):
                if first.text.strip():
                    break
            else:  # a blank row
                continue
            k = key(first.text)
            if k in self.lexicon.captions:
                section = self.t.section_by_caption_key.get(k)
                header = own = None
                continue
            if k == INFO_HEADER_KEY:
                header = self._ad_header(raw, first_i, section)
                found = self._own_format(raw, first_i, section) if header is None else None
                own, header, own_format = found if found is not None else (None, header, None)
                continue
            label = self._own_row(first, own) if own is not None else None
            label = label or self._ad_row_label(first)
            if label is None:
                if (
                    any(f.text.strip() and not is_label(f.text) for f in fields[first_i + 1 :])
                    or raw.run_together
                ):
                    self.note(
                        "unknown-row",
                        raw.span,
                        f"“{first.text.strip()}”不是模板中的行",
                        f"“{first.text.strip()}” is not a row of the template",
                    )
                continue
            if own is not None and label in own.rows:
                section_read = own
            else:
                row_section = self.t.section_of_row(label)
                if row_section is None:  # pragma: no cover - labels come from the template
                    continue
                if section is None or label not in section.rows:
                    if section is not None and header is not None:
                        header = own = None
                    section = row_section
                section_read = section
            placed, how = self._align(raw, first_i + 1, section_read.columns, header, ())
            cells = self._cells(
                placed, section_read.columns, raw.span, own_format if section_read is own else None
            )
            if label in seen:
                self._repeated(label, out, cells, raw.span)
                continue
            seen.add(label)
            data_fields = len(fields) - first_i - 1
            out.append(
                Row(
                    label,
                    first.text.strip(),
                    section_read.caption,
                    section_read.columns,
                    cells,
                    raw.span,
                    how,
                    data_fields,
                )
            )
        return out

    def _repeated(self, label: str, out: list[Row], cells, span: Span) -> None:
        """A row written again in the table (a section pasted twice, a corrected copy left in):
        read once, the first time, and said, so that no row is dropped without a word."""
        first = next((r for r in out if r.key == label), None)
        if first is None:
            return
        before = [c.text.strip() for c in first.cells]
        again = [c.text.strip() for c in cells]
        if before == again and any(again):
            self.note(
                "repeated-row",
                span,
                f"“{label}”行在表中出现两次（数字相同），按一次读取",
                f"the row “{label}” is in the table twice (with the same numbers); it was read once",
            )
        elif any(again):
            self.note(
                "repeated-row",
                span,
                f"“{label}”行在表中出现两次，数字不同（第一次：{'、'.join(t or '空' for t in before)}；这一次："
                f"{'、'.join(t or '空' for t in again)}），按第一次读取",
                f"the row “{label}” is in the table twice with different numbers (first: "
                f"{', '.join(t or 'blank' for t in before)}; here: {', '.join(t or 'blank' for t in again)}); "
                "the first was read",
            )

    def _ad_header(self, raw: RawRow, first: int, section: Section | None) -> list[int] | None:
        if section is None:
            return None
        fields = raw.fields
        positions, variants = _ad_header_reading(
            self.t, section.columns, tuple(map(_text, fields[first + 1 :]))
        )
        if positions is not None and list(positions) != sorted(positions):
            self._column_order(section.columns, list(positions), raw.span)
        for i, want in variants:
            f = fields[first + 1 + i]
            self.note(
                "label-variant",
                f.span,
                f"列名“{f.text.strip()}”按模板列“{self._column_label(section, want)}”读取",
                f"column label “{f.text.strip()}” read as the template's “{self._column_label(section, want)}”",
            )
        return None if positions is None else [first + 1 + i for i in positions]

    def _own_format(
        self, raw: RawRow, first: int, section: Section | None
    ) -> tuple[Section, list[int], Template] | None:
        """The item of another format whose columns a header row names, all of them in order, where
        they stand, and that format: the header the item ``section`` was typed with."""
        if section is None:
            return None
        caption = key(section.caption)
        texts = tuple(map(_text, raw.fields[first + 1 :]))
        for other in self.lexicon.templates.formats:
            if other.id == self.t.id:
                continue
            section = other.section_by_caption_key.get(caption)
            if section is None:
                continue
            positions, _ = _ad_header_reading(other, section.columns, texts)
            if positions is not None and len(positions) == len([t for t in texts if t.strip()]):
                return section, [first + 1 + i for i in positions], other
        return None

    def _own_row(self, field: Field, own: Section) -> str | None:
        """The row of an item read in another format's columns (:meth:`_own_format`) that a label
        names: 规范性文件 in a 2019 item."""
        k = _fixed_key(self.t, field.text)[0]
        return next((r for r in own.rows if key(r) == k), None)

    @staticmethod
    def _column_label(section: Section, want: str) -> str:
        for c in section.columns:
            if key(c) == want:
                return c
        return want  # pragma: no cover

    def _ad_row_label(self, field: Field) -> str | None:
        k, replaced = _fixed_key(self.t, field.text)
        r = self.t.ad_row_by_key.get(k)
        if r is not None:
            if replaced:
                self.note(
                    "label-variant",
                    field.span,
                    f"行名“{field.text.strip()}”按模板“{r}”读取",
                    f"row label “{field.text.strip()}” read as the template's “{r}”",
                )
            return r
        close = [
            r for r, rk in self.t.ad_row_keys if k and len(k) >= 2 and (rk.endswith(k) or k.endswith(rk))
        ]
        if len(close) == 1:
            self.note(
                "label-variant",
                field.span,
                f"行名“{field.text.strip()}”按模板“{close[0]}”读取",
                f"row label “{field.text.strip()}” read as the template's “{close[0]}”",
            )
            return close[0]
        return None

    # -- 申请情况 ---------------------------------------------------------------------------------
    def _applications(self, rows: list[RawRow]) -> list[Row]:
        t = self.t
        columns = t.app_columns
        readers = _column_readers(t, columns)
        constraints = _row_constraints(t, APPLICATIONS, columns)
        header_at: dict[int, int] = {}
        header_span: Span | None = None
        header_bad = False
        started = False
        # the row group the rows read so far are in (a label's own group, or the group it names)
        group: Node | None = None
        pending: list[list] = []  # [node, text so far, field]
        out: list[Row] = []
        seen: set[str] = set()
        ambiguous: dict[int, list[list[Field | None]]] = {}
        header: list[int] | None = None
        # the header's positions where it names only some of the columns (a table without 总计)
        partial: list[int | None] | None = None

        for raw, form in _rejoined(rows, self.lexicon, len(columns)):
            fields = raw.fields
            last_label = form.last_label
            frags = form.labels(fields)
            has_data = form.has_data
            if not started or not has_data:
                named = _app_header_columns(t, tuple(map(_text, fields)))
                if named is not None and started:
                    continue  # the header again where the table goes on over a page (Word repeats it)
                if named is not None:
                    header_span = raw.span
                    for i, col, replaced in named:
                        if col in header_at:
                            header_bad = True
                        header_at[col] = i
                        if replaced:
                            f = fields[i]
                            self.note(
                                "label-variant",
                                f.span,
                                f"列名“{f.text.strip()}”按模板“{columns[col]}”读取",
                                f"column label “{f.text.strip()}” read as the template's “{columns[col]}”",
                            )
                    continue
            if not started:
                started = True
                # the header is complete once the first row of data starts
                if not header_bad and len(header_at) == len(columns):
                    header, reordered = _header_order([header_at[c] for c in range(len(columns))])
                    if reordered and header is not None:
                        self._column_order(columns, header, header_span or raw.span)
                elif not header_bad and len(header_at) >= 2:
                    positions = [header_at[c] for c in sorted(header_at)]
                    if positions == sorted(set(positions)):
                        partial = [header_at.get(c) for c in range(len(columns))]
            # every fragment is matched in the group the rows before this one are in
            row_group = group
            leaf: Node | None = None
            matched = False
            for f in [piece for frag in frags for piece in _unjoined(t, frag)]:
                m = self._match_node(f, row_group)
                if m is None:
                    continue
                matched = True
                node, complete = m
                if not complete and all(entry[0] is not node for entry in pending):
                    pending.append([node, f.text.strip(), f])
                if node.leaf:
                    leaf = node
                else:
                    group = node
            if not matched and not has_data and pending and frags:
                self._continue_labels(pending, frags)
                continue
            if (
                not matched
                and has_data
                and frags
                and out
                and (wrapped := self._wrapped(out[-1], pending, frags))
            ):
                # the label wrapped onto the next line, the numbers on that line: the row above,
                # read so far as blank, takes them
                self._continue_labels(pending, frags)
                placed, how = self._align(raw, last_label + 1, columns, header, constraints)
                r = out[-1]
                out[-1] = Row(
                    r.key,
                    r.label + wrapped,
                    r.section,
                    columns,
                    _read_cells(placed, readers, raw.span),
                    raw.span,
                    how,
                    len(fields) - last_label - 1,
                )
                continue
            del pending[:-6]
            if leaf is None:
                if has_data:
                    text = "".join([f.text.strip() for f in frags])
                    self.note(
                        "unknown-row",
                        raw.span,
                        f"“{text or '（无行名）'}”不是申请情况表中的行，本行数据未读取",
                        f"“{text or '(no label)'}” is not a row of the applications table; its data was not read",
                    )
                continue
            group = leaf.parent
            if leaf.label in seen:
                if not raw.run_together:
                    placed, _ = self._align(raw, last_label + 1, columns, header, constraints)
                    self._repeated(leaf.label, out, _read_cells(placed, readers, raw.span), raw.span)
                continue
            seen.add(leaf.label)
            if partial is not None and not raw.run_together and _within(fields, last_label + 1, partial):
                placed = [fields[p] if p is not None and p < len(fields) else None for p in partial]
                how = "missing-column"
                if not any(r.alignment == how for r in out):
                    self._missing_columns(columns, partial, raw.span)
            else:
                candidates: list = []
                placed, how = self._align(raw, last_label + 1, columns, header, constraints, candidates)
                if how in ("ambiguous", "ambiguous-short"):
                    ambiguous[len(out)] = candidates
            out.append(
                Row(
                    leaf.label,
                    "".join(map(str.strip, map(_text, frags))),
                    leaf.parent.label if leaf.parent else None,
                    columns,
                    _read_cells(placed, readers, raw.span),
                    raw.span,
                    how,
                    len(fields) - last_label - 1,
                )
            )
        if ambiguous:
            self._resolve(out, ambiguous, APPLICATIONS)
        return out

    def _column_order(self, columns: Sequence[str], header: list[int], span: Span) -> None:
        """The one note of a header whose columns stand in another order than the template's,
        naming the columns from the first that is out of place to the last."""
        written = [columns[c] for c in sorted(range(len(columns)), key=header.__getitem__)]
        moved = [i for i, (c, w) in enumerate(zip(columns, written)) if c != w]
        there, want = written[moved[0] : moved[-1] + 1], columns[moved[0] : moved[-1] + 1]
        self.note(
            "column-order",
            span,
            f"表头各列的顺序与模板不同：表中依次为“{'”“'.join(there)}”，模板为“{'”“'.join(want)}”；"
            f"各数已按表头读取",
            f"the header's columns are not in the template's order: the table has {', '.join(there)} "
            f"where the template has {', '.join(want)}; the numbers were read under their headings",
        )

    def _missing_columns(self, columns: tuple[str, ...], partial: list[int | None], span: Span) -> None:
        """The one note of a table whose header lacks some of the template's columns."""
        missing = [c for c, p in zip(columns, partial) if p is None]
        named = [c for c, p in zip(columns, partial) if p is not None]
        self.note(
            "missing-column",
            span,
            f"表中没有“{'”“'.join(missing)}”列（表头只有{'、'.join(named)}，模板有 {len(columns)} 列）；"
            f"各数按表头读取",
            f"the table has no {', '.join(missing)} column (its header names only {', '.join(named)}; "
            f"the template has {len(columns)} columns); the numbers were read by the header",
        )

    def _match_node(self, field: Field, group: Node | None):
        """(node, complete) for a label fragment, or None."""
        found = _node_candidates(self.t, field.text)
        if found is None:
            return None
        nodes, complete, replaced = found
        node = self._prefer(nodes, group)
        if node is None:
            return None
        if complete and replaced:
            self.note(
                "label-variant",
                field.span,
                f"行名“{field.text.strip()}”按模板“{node.label}”读取",
                f"row label “{field.text.strip()}” read as the template's “{node.label}”",
            )
        return node, complete

    @staticmethod
    def _prefer(nodes: Sequence[Node], group: Node | None) -> Node | None:
        """The one of ``nodes`` in ``group`` or, failing that, in the nearest group around it."""
        if len(nodes) == 1:
            return nodes[0]
        while group is not None:
            inside = [n for n in nodes if n.parent is group]
            if len(inside) == 1:
                return inside[0]
            group = group.parent
        top = [n for n in nodes if n.parent is None]
        if len(top) == 1:
            return top[0]
        return None

    @staticmethod
    def _wrapped(row: Row, pending: list[list], frags: Sequence[Field]) -> str:
        """The words of a row of numbers whose label is not the template's but goes on the label of
        ``row`` -- a row read as blank, its label incomplete (（二）部分公开（区分处理的， /
        只计这一情形，不计其他情形） 4 5 0 …): those words, or "" when it is not so."""
        if any(c.status != "blank" for c in row.cells):
            return ""
        words = "".join(f.text.strip() for f in frags)
        for node, text, _ in pending:
            if (
                node.label == row.key
                and node.key.startswith(key(text + words))
                and len(key(text + words)) > len(key(text))
            ):
                return words
        return ""

    def _continue_labels(self, pending: list[list], frags: Sequence[Field]) -> None:
        """Join each fragment of a label-continuation row to the pending fragment it completes."""
        for frag in frags:
            for entry in pending:
                node, text, first = entry
                joined = text + frag.text.strip()
                if not node.key.startswith(key(joined)):
                    continue
                self.note(
                    "label-split",
                    first.span,
                    f"行名“{joined}”被分页拆成两行（“{text}”/“{frag.text.strip()}”），已合并读取为“{node.label}”",
                    f"row label split over two lines by a page break (“{text}” / “{frag.text.strip()}”), "
                    f"read as “{node.label}”",
                )
                entry[1] = joined
                if key(joined) == node.key:
                    pending.remove(entry)
                break

    def _resolve(self, out: list[Row], ambiguous: dict[int, list], table: str) -> None:
        """Choose between the split candidates of rows by the table's column identities."""
        positions = list(ambiguous)
        combos = 1
        for p in positions:
            combos *= len(ambiguous[p])
        chosen = None
        # the combinations that satisfy the table (a few are kept: a short row's note names where
        # its missing cell may be by them)
        good: list[tuple[list[Row], tuple]] = []
        if combos <= 512:
            for combo in itertools.product(*(ambiguous[p] for p in positions)):
                trial = list(out)
                for p, fields in zip(positions, combo):
                    r = out[p]
                    trial[p] = Row(
                        r.key,
                        r.label,
                        r.section,
                        r.columns,
                        self._cells(fields, r.columns, r.span),
                        r.span,
                        "padded" if r.alignment == "ambiguous-short" else "split",
                        r.fields_written,
                    )
                if all(status != "violated" for status in _column_checks(self.t, table, trial)):
                    good.append((trial, combo))
                    if len(good) > 16:
                        break
            if len(good) == 1:
                chosen = good[0][0]
        for i, p in enumerate(positions):
            if chosen is not None:
                out[p] = chosen[p]
            elif out[p].alignment == "ambiguous-short":
                self._short_unreadable(out, p, [combo[i] for _, combo in good] or ambiguous[p])
            else:
                r = out[p]
                splits = [[f.text if f is not None else "" for f in fields] for fields in ambiguous[p]]
                digits = "".join(splits[0]) if splits else ""
                shown = "、".join("|".join(s) for s in splits[:3]) + ("等" if len(splits) > 3 else "")
                shown_en = "; ".join(" ".join(s) for s in splits[:3]) + (", …" if len(splits) > 3 else "")
                self.note(
                    "unreadable",
                    r.span,
                    f"数字连写在一起（{digits}），可拆分为 {shown}，本行和全表的合计都无法唯一确定拆分方式",
                    f"digits run together ({digits}) can be split as {shown_en}; neither the row's "
                    f"nor the table's totals decide how to split them",
                )
                out[p] = self._unread(r)

    def _short_unreadable(self, out: list[Row], p: int, placements: list) -> None:
        """The note and the unread row of an applications row with fewer cells than columns that
        neither its own total nor the table's column totals place."""
        r = out[p]
        self._short_note(r.span, r.columns, placements, table=True)
        out[p] = self._unread(r)

    def _unread(self, r: Row) -> Row:
        """``r`` with no cell read: a row whose numbers could not be placed."""
        return Row(
            r.key,
            r.label,
            r.section,
            r.columns,
            self._cells([None] * len(r.columns), r.columns, r.span),
            r.span,
            "unreadable",
            r.fields_written,
        )

    def _short_note(self, span: Span, columns: Sequence[str], placements: list, table: bool = False) -> None:
        """The note of a row with fewer cells than columns that can be placed in more than one way
        (``placements``, each with None where the cell left out may be): which columns it may be."""
        gaps = [c for i, c in enumerate(columns) if any(pl[i] is None for pl in placements)]
        written = sum(1 for f in placements[0] if f is not None)
        if len(columns) - written > 2:  # only the placements with the gaps at the ends were tried
            self.note(
                "unreadable",
                span,
                f"该行写有 {written} 个数据单元格，模板有 {len(columns)} 列，无法唯一确定各数对应的列",
                f"the row has {written} data cells for {len(columns)} template columns and they cannot be "
                f"placed in columns unambiguously",
            )
            return
        left, left_en = (
            ("少写的", "the one left out")
            if len(columns) - written == 1
            else ("少写的两个", "the two left out")
        )
        by, by_en = (
            ("本行和全表的合计都", "neither the row's nor the table's totals decide")
            if table
            else ("本行的合计", "the row's totals do not decide")
        )
        self.note(
            "unreadable",
            span,
            f"该行写有 {written} 个数据单元格，模板有 {len(columns)} 列：{left}可能在"
            f"“{'”“'.join(gaps)}”中，{by}无法唯一确定",
            f"the row has {written} data cells for {len(columns)} template columns: {left_en} "
            f"may be any of {', '.join(gaps)}, and {by_en} which",
        )

    # -- 行政复议、行政诉讼 -------------------------------------------------------------------------
    def _review(self, rows: list[RawRow]) -> list[Row]:
        t = self.t
        plan = _review_plan(t)
        if plan is None:
            return []
        blocks, cols, columns, constraints, readers = plan
        occurrences: list[tuple[int, int]] = []
        header_span: Span | None = None
        data_row: RawRow | None = None
        for raw, form in zip(rows, self.lexicon.forms(rows)):
            shape = form.shape
            if "L" in shape:
                named = _review_header_columns(t, tuple(map(_text, raw.fields)))
                if named:
                    occurrences.extend(named)
                    header_span = raw.span
            elif "D" in shape:
                data_row = raw  # the rows after it add nothing
                break
        if data_row is None:
            return []
        header = None
        width = len(cols)
        if len(occurrences) == len(columns):
            # each block's columns are named once, block after block, in any order within the block
            at = {
                b * width + c: i
                for b in range(len(blocks))
                for i, c in occurrences[b * width : (b + 1) * width]
            }
            if all(set(at) >= set(range(b * width, (b + 1) * width)) for b in range(len(blocks))):
                header, reordered = _header_order([at[c] for c in range(len(columns))])
                if reordered and header is not None:
                    self._column_order(columns, header, header_span or data_row.span)
        placed, how = self._align(data_row, 0, columns, header, constraints)
        out = []
        for b, block in enumerate(blocks):
            part = placed[b * width : (b + 1) * width]
            out.append(
                Row(
                    block,
                    block,
                    None,
                    cols,
                    _read_cells(part, readers, data_row.span),
                    data_row.span,
                    how,
                    len(data_row.fields),
                )
            )
        return out


def _split_reason(found: "splitter.Search", digits: str, n: int) -> tuple[str, str]:
    """Why run-together digits were not split, as the GX003 message says it (zh, en)."""
    shown = "、".join("|".join(s) for s in found.solutions[:3])
    shown_en = "; ".join(" ".join(s) for s in found.solutions[:3])
    more, more_en = (
        "等" if not found.complete or len(found.solutions) > 3 else "",
        ", …" if not found.complete or len(found.solutions) > 3 else "",
    )
    head, head_en = f"数字连写在一起（{digits}）", f"digits run together ({digits})"
    if found.reason == "no-total":
        return (
            f"{head}，可拆分为 {n} 列的方式不止一种（如 {shown}{more}），而本行没有合计可据以判断",
            f"{head_en} can be split into the {n} columns in more than one way ({shown_en}{more_en}), "
            f"and the row has no total to decide by",
        )
    if found.reason == "ambiguous":
        return (
            f"{head}，符合本行合计的拆分方式不止一种（如 {shown}{more}），无法唯一确定",
            f"{head_en} can be split in more than one way that matches the row's own total "
            f"({shown_en}{more_en})",
        )
    if found.reason == "total":
        return (
            f"{head}，无论怎样拆分都与本行合计不符",
            f"{head_en} cannot be split in any way that matches the row's own total",
        )
    if found.reason == "too-long":
        return (
            f"{head}，数字过长，无法可靠地拆分到 {n} 列",
            f"{head_en} are too many to split into the {n} columns reliably",
        )
    return (
        f"{head}，无法拆分为 {n} 个有效的数（多位数不能以 0 开头，只有金额列可有小数，只有增减列可带正负号）",
        f"{head_en} cannot be cut into {n} valid numbers (no leading zeros, decimals only in money columns, "
        f"a sign only in a change column)",
    )


def _read_cells(
    fields: Sequence[Field | None], readers: tuple[tuple[str, Callable], ...], row_span: Span
) -> tuple[Cell, ...]:
    """A row's cells: each field read as its column reads it (``_column_readers``), a missing field
    as a blank cell at the end of the row."""
    empty: Span | None = None
    out = []
    for f, (col, read) in zip(fields, readers):
        if f is None:
            if empty is None:
                end_line, end_column, end = row_span.end_line, row_span.end_column, row_span.end
                empty = Span(end_line, end_column, end_line, end_column, end, end)
            out.append(Cell("", empty, None, "blank", col))
        else:
            text, value, status, note = read(f.text)
            out.append(_tuple_new(Cell, (text, f.span, value, status, col, note)))
    return tuple(out)


def _insertions(data: Sequence[Field], n: int) -> list[Sequence[Field | None]]:
    """The placements of a row's ``data`` (fewer fields than the ``n`` columns) in order, each
    missing cell anywhere: a clerk leaves out a cell in the middle of a row as often as at its
    ends.  Over two missing cells, only the placements with the gaps at the ends (each further gap
    multiplies the placements, and such a row is seldom placed by its totals alone)."""
    missing = n - len(data)
    if missing > 2:
        return [[None] * i + list(data) + [None] * (missing - i) for i in range(missing + 1)]
    out: list[Sequence[Field | None]] = []
    for gaps in itertools.combinations(range(n), missing):
        cells = iter(data)
        out.append([None if c in gaps else next(cells) for c in range(n)])
    return out


def _header_order(positions: Sequence[int]) -> tuple[list[int] | None, bool]:
    """A header's field for each template column, as the rows are read by it, and whether the
    columns stand in another order than the template's: positions that rise are the template's
    order (gaps allowed, for merged cells); another order is trusted only where the columns fill
    one run of fields, each once (swapped 商业企业/科研机构, 总计 first) -- positions gathered from
    header rows whose merged cells do not line up leave gaps or repeats and are not trusted."""
    if len(set(positions)) != len(positions) or not positions:
        return None, False
    ordered = sorted(positions)
    if list(positions) == ordered:
        return list(positions), False
    if ordered[-1] - ordered[0] + 1 == len(positions):
        return list(positions), True
    return None, False


def _within(fields: Sequence[Field], first: int, positions: list[int | None]) -> bool:
    """Whether every field from ``first`` on that holds something stands at one of ``positions``:
    a row of the table its header describes (not one with a cell under no header)."""
    at = set(positions)
    return all(i in at for i in range(first, len(fields)) if fields[i].text.strip())


def _written(fields: Sequence[Field]) -> int:
    """How many fields a row has up to its last one that holds something (a rebuilt row of one
    number ends in an empty field: ``68⇥``)."""
    return len(fields) - _count_empty(reversed(fields))


def _count_empty(fields: Iterable[Field]) -> int:
    """How many fields at the start are blank or say 不适用 (``/``, ``—``): a row may have such cells
    beyond the template's columns (a Word table's unmerged slots), never a number there."""
    n = 0
    for f in fields:
        text = f.text.strip()
        if text and text not in NOT_APPLICABLE:
            break
        n += 1
    return n


# -- identities ------------------------------------------------------------------------------------


def _column_checks(template: Template, table: str, rows: list[Row]) -> Iterable[str]:
    by_key = {r.key: r for r in rows if r.trusted}
    for left, right in _column_identities(template, table):
        if not all(k in by_key for k in left + right):
            continue
        columns = by_key[left[0]].columns if left else ()
        for col in columns:
            yield balance([by_key[k].cell(col) for k in left], [by_key[k].cell(col) for k in right]).status


@lru_cache(maxsize=64)
def _column_identities(template: Template, table: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The sides of each of the template's identities that hold in every column of ``table``: the
    reader tries them on each way of splitting a table's run-together rows."""
    sides = (
        ident.sides(template)
        for ident in template.identities
        if ident.table == table and ident.per == "column"
    )
    return tuple((tuple(left), tuple(right)) for left, right in sides)


def choose_template(votes: Counter, templates: Templates, year: int | None) -> Template | None:
    if votes:
        best = votes.most_common()
        if len(best) == 1 or best[0][1] > best[1][1]:
            return templates.get(best[0][0])
    return templates.for_year(year)


# -- per-template lookups ---------------------------------------------------------------------------
# A reader lives for one report; what depends on the template alone is worked out once per template.


@lru_cache(maxsize=256)
def _column_readers(template: Template, columns: tuple[str, ...]) -> tuple[tuple[str, Callable], ...]:
    """(column, how its cells are read) for each column."""
    return tuple((c, reader(c in template.signed_columns, c in template.money_columns)) for c in columns)


@lru_cache(maxsize=256)
def _keys(labels: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key(x) for x in labels)


@lru_cache(maxsize=64)
def _row_constraints(
    template: Template, table: str, columns: tuple[str, ...]
) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """(total column, part columns) of each of the template's identities that hold in every row."""
    out = []
    index = {c: i for i, c in enumerate(columns)}
    for ident in template.identities:
        if ident.table == table and ident.per == "row":
            left, right = ident.sides()
            if len(left) == 1 and left[0] in index and all(r in index for r in right):
                out.append((index[left[0]], tuple(index[r] for r in right)))
    return tuple(out)


@lru_cache(maxsize=8192)
def _fixed_key(template: Template, text: str) -> tuple[str, str | None]:
    """A field's key with the template's variants fixed, and the variant replaced (Template.fix_variant):
    asked of every field of the header and label rows, whose texts recur from report to report."""
    return template.fix_variant(key(text))


@lru_cache(maxsize=8192)
def _node_candidates(template: Template, text: str) -> tuple[tuple[Node, ...], bool, str | None] | None:
    """The rows of the applications table a label fragment may stand for, before the rows around it
    choose one: (nodes, whether the fragment is the whole label, the variant replaced in it)."""
    numbering, k = label_key(text)
    if not k and numbering is None:
        return None
    fixed, replaced = template.fix_variant(k)

    def numbering_ok(node: Node) -> bool:
        return numbering is None or node.numbering is None or node.numbering == numbering

    exact = tuple(n for n in template.app_nodes_by_key.get(fixed, ()) if numbering_ok(n))
    if exact:
        return exact, True, replaced
    if not fixed:
        return None
    prefix = [
        n
        for n in template.app_nodes
        if n.key.startswith(fixed) and numbering_ok(n) and (numbering is not None or len(fixed) >= 3)
    ]
    if numbering is not None:
        prefix = [n for n in prefix if n.numbering == numbering] or prefix
    if prefix:
        return tuple(prefix), False, replaced
    if numbering is not None and len(fixed) >= 2:
        # a character mistyped (内部事物 for 内部事务, 其它 for 其他), added or lost in a numbered
        # label: that row, read as the template's (GX212 names the label to use); in a label of
        # fewer than six characters only a character mistyped, in place
        typo = tuple(
            n
            for n in template.app_nodes
            if n.numbering == numbering
            and (len(fixed) >= 6 or len(n.key) == len(fixed))
            and _one_edit_apart(n.key, fixed)
        )
        if typo:
            return typo, True, fixed
    return None


#: where a row's own label may start inside a label joined to its group's: its numbering
_JOIN_POINT = re.compile(r"[（(]|\d[.．、]")


@lru_cache(maxsize=1024)
def _joined_at(template: Template, text: str) -> int | None:
    """Where a label field that is a group's label and one of its rows' run together splits
    (三、本年度办理结果（一）予以公开, （三）不予公开1.属于国家秘密: a merged cell's text and the
    next cell's, their border lost), or None for any other text."""
    if _node_candidates(template, text) is not None:
        return None
    for m in _JOIN_POINT.finditer(text, 1):
        i = m.start()
        group = _node_candidates(template, text[:i])
        row = _node_candidates(template, text[i:]) if group is not None else None
        if group is None or row is None or not group[1] or not row[1]:
            continue
        parents = {id(n) for n in group[0] if not n.leaf}
        if any(id(n.parent) in parents for n in row[0]):
            return i
    return None


def _unjoined(template: Template, field: Field) -> tuple[Field, ...]:
    """``field``, or its group's label and its row's when the two ran together (:func:`_joined_at`)."""
    i = _joined_at(template, field.text)
    if i is None:
        return (field,)
    s = field.span
    if s.line != s.end_line:
        return (field,)
    return (
        Field(field.text[:i], Span(s.line, s.column, s.line, s.column + i, s.start, s.start + i)),
        Field(field.text[i:], Span(s.line, s.column + i, s.end_line, s.end_column, s.start + i, s.end)),
    )


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one character replaced, added or left out."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) != len(b) + 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(b))
    return a[at + 1 :] == b[at:]


@lru_cache(maxsize=4096)
def _is_app_header(template: Template, text: str) -> bool:
    """Whether a field of the rows above the applications table's data is one of its headers (a
    numbered label is a row's: 3.其他 is no 其他 column)."""
    if label_key(text)[0] is not None:
        return False
    k = _fixed_key(template, text)[0]
    if k in _keys(template.app_columns):
        return True
    headers = template.tables.get(APPLICATIONS, {}).get("header_labels", ())
    return any(k == key(h) for h in headers) or "勾稽关系" in k


def _rejoined(rows: list[RawRow], lexicon: Lexicon, width: int) -> Iterable[tuple[RawRow, _Form]]:
    """The applications table's rows with their forms, a row that a page break cut in two made one
    again: its label and first numbers on one line, the rest of its numbers on the next with no
    label (``5.属于三类内部事务信息 0 0 0`` / ``0 0 0 0``), where the two hold the template's
    columns exactly."""
    forms = lexicon.forms(rows)
    if not any(form.has_data and form.last_label < 0 for form in forms):
        return zip(rows, forms)  # no row of numbers without a label: nothing to join
    return _joined_rows(rows, forms, lexicon, width)


def _joined_rows(rows, forms, lexicon: Lexicon, width: int) -> Iterator[tuple[RawRow, _Form]]:
    held: tuple[RawRow, _Form] | None = None
    for raw, form in zip(rows, forms):
        if held is not None:
            before, shape = held
            if (
                form.has_data
                and form.last_label < 0
                and shape.last_label >= 0
                and shape.has_data
                and len(before.fields) - shape.last_label - 1 + _written(raw.fields) == width
                and not (before.run_together or raw.run_together)
            ):
                fields = before.fields + raw.fields[: _written(raw.fields)]
                span = Span(
                    before.span.line,
                    before.span.column,
                    raw.span.end_line,
                    raw.span.end_column,
                    before.span.start,
                    raw.span.end,
                )
                held = None
                yield RawRow(fields, span), lexicon.form(fields)
                continue
            yield held
        held = (raw, form)
    if held is not None:
        yield held


@lru_cache(maxsize=128)  # the header wordings recur; the first data rows, also asked, seldom do
def _app_header_columns(
    template: Template, texts: tuple[str, ...]
) -> tuple[tuple[int, int, str | None], ...] | None:
    """For a row above the applications table's data whose labels are all its headers: (field,
    column, the variant replaced) for each field that names one of the table's columns; None for
    any other row.  Header rows are worded alike from report to report."""
    shape = "".join(map(_role, texts))
    if not all(
        _is_app_header(template, text)
        for text, role in zip(texts[: shape.rfind("L") + 1], shape)
        if role != "B"
    ):
        return None
    col_keys = _keys(template.app_columns)
    out = []
    for i, text in enumerate(texts):
        k, replaced = _fixed_key(template, text)
        if k in col_keys:
            out.append((i, col_keys.index(k), replaced))
    return tuple(out)


@lru_cache(maxsize=1024)
def _ad_header_reading(
    template: Template, columns: tuple[str, ...], texts: tuple[str, ...]
) -> tuple[tuple[int, ...] | None, tuple[tuple[int, str], ...]]:
    """An active-disclosure header's reading, its fields after 信息内容 given: (the field of each
    column, or None when a column is missing or their order cannot be trusted (:func:`_header_order`);
    (field, column key) of each column read from a variant of its label, as far as the columns were
    found).  Header rows are worded alike from report to report."""
    positions: list[int] = []
    variants: list[tuple[int, str]] = []
    # each field's key once, not once per column looked for
    fixed = [_fixed_key(template, text) for text in texts]
    for want in _keys(columns):
        found = None
        for i, (k, replaced) in enumerate(fixed):
            if k == want or (k and (k.startswith(want) or want.startswith(k)) and len(k) >= 3):
                found = i
                if replaced or k != want:
                    variants.append((i, want))
                break
        if found is None:
            return None, tuple(variants)
        positions.append(found)
    header, _ = _header_order(positions)
    return (None if header is None else tuple(header)), tuple(variants)


@lru_cache(maxsize=64)
def _review_plan(template: Template):
    """How the review/litigation table is read: (blocks, columns of a block, the columns of the
    row as written -- every block's, constraints on them, readers of a block's cells); None for a
    template without the table."""
    blocks, cols = template.rl_blocks, template.rl_columns
    if not blocks or not cols:
        return None
    columns = tuple(f"{b}/{c}" for b in blocks for c in cols)
    width = len(cols)
    constraints = []
    for b in range(len(blocks)):
        base = b * width
        for total, parts in _row_constraints(template, REVIEW_LITIGATION, cols):
            constraints.append((base + total, tuple(base + p for p in parts)))
    return blocks, cols, columns, tuple(constraints), _column_readers(template, cols)


@lru_cache(maxsize=1024)
def _review_header_columns(template: Template, texts: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """(field, column of a block) for each field of a review/litigation header row that names a
    column.  Header rows are worded alike from report to report."""
    col_keys = _keys(template.rl_columns)
    return tuple((i, col_keys.index(k)) for i, k in enumerate(map(key, texts)) if k in col_keys)


@lru_cache(maxsize=256)
def _number_columns(
    template: Template, columns: tuple[str, ...]
) -> tuple[int, frozenset[int], frozenset[int]]:
    """(how many columns, which are money columns, which are signed) for the splitter."""
    money = frozenset(i for i, c in enumerate(columns) if c in template.money_columns)
    signed = frozenset(i for i, c in enumerate(columns) if c in template.signed_columns)
    return len(columns), money, signed


@lru_cache(maxsize=256)
def _search(
    tokens: tuple[str, ...],
    constraints: tuple[tuple[int, tuple[int, ...]], ...],
    n: int,
    money: frozenset[int],
    signed: frozenset[int],
) -> splitter.Search:
    """The splits of a row's run-together digits.  The same digits recur from report to report
    (a row of zeros); the search is only read, never changed.  256 kept: over the benchmark's 1,000
    reports they were hit as often as 1,024, which held 0.4 MB more."""
    return splitter.search(list(tokens), n, constraints, money, signed, limit=8)
