"""The template tables as rules see them: which template a table was read with, its identities
and trusted rows, how a row, a cell and a table are named in a message, sums with unknown cells,
and which parts of a table could not be read (so that what GX003 reports is not reported again as
blank cells or a missing row).

What it offers (public API for plugins; each function's docstring says more):

* finding the tables: :func:`template_tables`, :func:`template_of`, :func:`identities` (each a
  :class:`~gxlint.read.templates.Identity`), :func:`trusted_rows`, :data:`TEMPLATE_KINDS` (the kinds
  themselves are constants of :mod:`gxlint.model`: ``APPLICATIONS`` …);
* what could not be read: :func:`unreadable_notes`, :func:`row_unread`, :func:`holds_data`,
  :func:`written_but_unread` (:func:`unread_tables`: once per report); which statuses a table's
  cells have: :func:`cell_statuses` (once per report);
* names for messages (a :class:`~gxlint.lint.rule.Phrase` unpacks as ``zh, en``):
  :func:`kind_name`, :func:`table_name`, :func:`section_name`, :func:`block_name`, :func:`short_label`,
  :func:`group_of`, :func:`cell_phrase` (:func:`cell_zh`, :func:`cell_en`); how labels compare:
  :func:`label_words`;
* sums with unknown cells: :func:`interval`, :func:`at_least`;
* which one cell a table's broken identities point to: :func:`culprits` (once per table).

Not a rule family: nothing here is registered.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from typing import Iterable, Iterator, NamedTuple

from gxlint.arith import fmt
from gxlint.chinese import label_key
from gxlint.lint.rule import Phrase
from gxlint.model import ACTIVE_DISCLOSURE, KIND_NAMES, TEMPLATE_KINDS, Cell, Note, RawRow, Row, Span, Table
from gxlint.read.tables import is_label
from gxlint.read.templates import Identity

# the official label up to its first bracket: "（二）部分公开（区分处理的…）" -> "（二）部分公开"
_SHORT = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)?([^（(]*)")


def template_of(table: Table, ctx):
    """The template the table was read with (its rows carry that template's labels)."""
    if table.template and ctx.templates is not None:
        found = ctx.templates.get(table.template)
        if found is not None:
            return found
    return ctx.template


def template_tables(report, kind: str | None = None) -> Iterator[Table]:
    """The report's tables of ``kind`` read against a template (every kind of
    :data:`TEMPLATE_KINDS` when ``kind`` is None)."""
    for table in report.tables:
        if (table.kind == kind if kind is not None else table.kind in TEMPLATE_KINDS) and table.template:
            yield table


def identities(template, name: str, table_kind: str) -> list[Identity]:
    """The template's arithmetic identities called ``name`` on tables of ``table_kind``
    (grammar/templates/*.json, ``identities``): each the JSON object it is written as, with typed
    accessors (``per``, ``relation``, ``zh``/``en``, ``sides(template)``: see
    :class:`~gxlint.read.templates.Identity`)."""
    if template is None:
        return []
    return [i for i in template.identities if i.name == name and i.table == table_kind]


# -- what could not be read (GX003) ------------------------------------------------------------------

# a number written as data: not the list numbering of a row label (1.属于国家秘密, 2、…)
_DATA_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.、])")


def unreadable_notes(table: Table) -> list[Note]:
    """The reader's notes on rows whose cells it could not place or split (GX003 reports them)."""
    return sorted((n for n in table.notes if n.kind == "unreadable"), key=lambda n: n.span.start)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end or a.start == b.start


def row_unread(table: Table, row: Row) -> bool:
    """The row's cells were not read with certainty: GX003 (or GX210) reports the row, so no other
    rule reports its cells again (a blank there is no blank the writer left)."""
    return not row.trusted or any(n.kind == "unreadable" and _overlap(n.span, row.span) for n in table.notes)


def holds_data(raw: RawRow) -> bool:
    """A raw row with something written where numbers go: a field that is no label, or numbers
    inside a label field (rows run into one cell)."""
    for f in raw.fields:
        if _data_field(f.text):
            return True
    return False


@lru_cache(maxsize=8192)
def _data_field(text: str) -> bool:
    """Whether a field's text is data (:func:`holds_data`): found once per text, since the same
    headers, labels and numbers are written in every report's tables."""
    text = text.strip()
    return bool(text) and (
        not is_label(text) or _DATA_NUMBER.search(unicodedata.normalize("NFKC", text)) is not None
    )


def written_but_unread(table: Table) -> bool:
    """A template table with data written in it of which the reader could place no row at all:
    the row labels are not the template's, or the rows ran into one cell.  GX003 reports it once;
    it is not a table without a data row (GX209), and its rows are not reported one by one."""
    if table.rows or table.kind not in TEMPLATE_KINDS or not table.template:
        return False
    return any(holds_data(raw) for raw in table.raw)


def unread_tables(report, ctx) -> list[Table]:
    """The report's tables :func:`written_but_unread` holds of, found once per report
    (``ctx.memo``): GX003 reports them, and the rules that would report their rows leave them to it."""
    return ctx.memo(("gxlint", "unread_tables"), lambda: [t for t in report.tables if written_but_unread(t)])


def cell_statuses(table: Table, ctx) -> frozenset[str]:
    """The statuses of the table's cells (``number``, ``blank``, ``malformed``), found once per
    report (``ctx.memo``): the rules that report blank or malformed cells skip a table that has none
    without reading its cells each."""
    return ctx.memo(
        ("gxlint", "cell_statuses", id(table)),
        lambda: frozenset([c.status for row in table.rows for c in row.cells]),
    )


def trusted_rows(table: Table) -> dict[str, Row]:
    """The rows the reader placed with certainty, by key: the only rows a sum may use."""
    return {r.key: r for r in table.rows if r.trusted}


def kind_name(kind: str) -> Phrase:
    """A table kind (``gxlint.model.APPLICATIONS`` …) as a message names it: 收到和处理政府信息公开申请情况表,
    applications table (an unknown kind is named by itself)."""
    known = _KIND_PHRASES.get(kind)
    return known if known is not None else Phrase(*KIND_NAMES.get(kind, (kind, kind)))


#: each kind's name made once (a Phrase is immutable): messages name tables on every report
_KIND_PHRASES = {kind: Phrase(*names) for kind, names in KIND_NAMES.items()}


def table_name(table: Table) -> Phrase:
    """The table as a message names it: 申请情况表 …, applications table."""
    return kind_name(table.kind)


def section_name(table: Table, row: Row) -> Phrase:
    """The table as a message names it, with the article-20 item a 主动公开 row belongs to."""
    if table.kind == ACTIVE_DISCLOSURE and row.section:
        return Phrase(f"主动公开情况表{row.section}", f"active-disclosure table, {row.section}")
    return table_name(table)


def block_name(row: Row) -> str:
    """The block of the review/litigation table a row of it is: 行政复议, 行政诉讼（未经复议直接起诉）,
    行政诉讼（复议后起诉）."""
    return row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"


def label_words(text: str) -> str:
    """A label's words as the reader compares labels: without its numbering (``（二）``, ``1.``),
    spaces, punctuation or quotes, full-width folded to half-width."""
    return label_key(text)[1]


def cell_phrase(cell: Cell | None) -> Phrase:
    """A cell's value as a message shows it: the number, 空白/blank, or the malformed text quoted."""
    return Phrase(cell_zh(cell), cell_en(cell))


def cell_zh(cell: Cell | None) -> str:
    if cell is None or cell.status == "blank":
        return "空白"
    if cell.status == "malformed":
        return f"“{cell.text}”"
    return fmt(cell.value or 0)  # a number here: neither blank nor malformed


def cell_en(cell: Cell | None) -> str:
    if cell is None or cell.status == "blank":
        return "blank"
    if cell.status == "malformed":
        return f"“{cell.text}”"
    return fmt(cell.value or 0)


@lru_cache(maxsize=4096)
def short_label(template, key: str) -> str:
    """A row's name as a message shows it: 一, 三（七）总计, （一）予以公开, （三）1.属于国家秘密."""
    node = template.node(key) if template is not None else None
    if node is None:
        return key
    m = _SHORT.match(key)
    own = (m.group(1) or "") + (m.group(2) or "") if m else key
    if node.parent is None:
        return (m.group(1) or key).rstrip("、") if m and m.group(1) else key
    if node.parent.parent is None:
        # a direct child of 三、本年度办理结果; the grand total reads as in the template note
        return (short_label(template, node.parent.label) + own) if node.key == "总计" else own
    # a leaf of a group: the group's numbering and the leaf's own label, （三）1.属于国家秘密
    group = _SHORT.match(node.parent.label)
    return (group.group(1) if group and group.group(1) else node.parent.label) + own


def group_of(template, key: str) -> str | None:
    """The second-level group (（三）不予公开 …) a leaf belongs to, or the row itself."""
    node = template.node(key) if template is not None else None
    if node is None:
        return None
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
    return node.label


def interval(cells: Iterable[Cell | None]) -> tuple[float, float]:
    """(least, greatest) value the sum of ``cells`` can have: unknown cells are any non-negative
    number, so one unknown makes the greatest infinite."""
    lo, hi = 0.0, 0.0
    for cell in cells:
        if cell is None or cell.status != "number" or cell.value is None:
            hi = float("inf")
        else:
            lo += cell.value
            hi += cell.value
    return lo, hi


def at_least(left: Iterable[Cell | None], right: Iterable[Cell | None]) -> str:
    """``sum(left) >= sum(right)`` with unknown cells: ``violated`` only when no non-negative values of
    the unknowns could make it hold, ``ok`` when it holds for every value, else ``unknown``."""
    llo, lhi = interval(left)
    rlo, rhi = interval(right)
    if lhi < rlo - 1e-6:
        return "violated"
    if llo >= rhi - 1e-6:
        return "ok"
    return "unknown"


# -- one wrong cell behind several broken identities -------------------------------------------------


# a named tuple, not a dataclass: made at start-up in a tenth of the time (docs/performance.md)
class Culprit(NamedTuple):
    """The one cell that explains broken identities: ``row`` (its key) and ``column``, its value
    and ``expected``, what every identity it takes part in needs it to be."""

    row: str
    column: str
    value: float
    expected: float


def culprits(table: Table, ctx) -> dict[tuple[str, str], Culprit]:
    """The broken identities of ``table`` that one wrong cell explains, by (identity name, the
    row key of a per-row identity or the column of a per-column one) -> the :class:`Culprit`.

    A cell explains a broken identity when changing that cell alone would mend every identity it
    takes part in (``=`` identities whose every cell is a known number), and it is the only cell of
    that identity that would, and it takes part in two identities or more: 一's 总计 one too many
    breaks both the row's total and the 总计 column's 一 + 二 = 三（七）总计 + 四, and nothing else.
    A rule reporting such an identity names that cell; the rules of the other identities it
    explains leave them to it, so that one wrong cell is one finding.  Found once per table
    (``ctx.memo``); empty when no identity is broken."""
    return ctx.memo(("gxlint", "culprits", id(table)), lambda: _culprits(table, ctx))


def _culprits(table: Table, ctx) -> dict[tuple[str, str], Culprit]:
    tmpl = template_of(table, ctx)
    if tmpl is None:
        return {}
    rows = trusted_rows(table)
    # each identity instance: its name and place, its cells (row, column, +1 left / -1 right), and
    # left minus right (None when a cell is not a known number)
    instances: list[tuple[tuple[str, str], list[tuple[str, str, int]], float | None]] = []
    values: dict[tuple[str, str], float] = {}

    def value(key: str, column: str) -> float | None:
        row = rows.get(key)
        cell = row.cell(column) if row is not None else None
        if cell is None or cell.status != "number" or cell.value is None:
            return None
        values[key, column] = float(cell.value)
        return float(cell.value)

    def add(name: str, where: str, cells: list[tuple[str, str, int]]) -> None:
        diff: float | None = 0.0
        for key, column, sign in cells:
            v = value(key, column)
            if v is None:
                diff = None
            elif diff is not None:
                diff += sign * v
        instances.append(((name, where), cells, diff))

    for ident in tmpl.identities:
        if ident.table != table.kind or ident.relation != "=" or not ident.name:
            continue
        left, right = ident.sides(tmpl)
        if ident.per == "row":
            for key, row in rows.items():
                if all(c in row.columns for c in left + right):
                    add(ident.name, key, [(key, c, 1) for c in left] + [(key, c, -1) for c in right])
        elif ident.per == "column" and left and right:
            present = [rows[k] for k in left + right if k in rows]
            if present:
                for column in present[0].columns:
                    add(ident.name, column, [(k, column, 1) for k in left] + [(k, column, -1) for k in right])
    if not any(d is not None and abs(d) > 1e-6 for _, _, d in instances):
        return {}
    member: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, (_, cells, _) in enumerate(instances):
        for key, column, sign in cells:
            member.setdefault((key, column), []).append((i, sign))

    def mends(cell: tuple[str, str], excess: float) -> bool:
        """Lowering ``cell`` by ``excess`` mends every identity it is in."""
        return all(
            instances[i][2] is not None and abs(instances[i][2] - sign * excess) < 1e-6  # type: ignore[operator]
            for i, sign in member[cell]
        )

    found: dict[tuple[str, str], Culprit] = {}
    for where, cells, diff in instances:
        if diff is None or abs(diff) <= 1e-6 or where in found:
            continue
        fitting = [
            (key, column)
            for key, column, sign in cells
            if len(member[key, column]) > 1 and mends((key, column), diff * sign)
        ]
        if len(fitting) != 1:
            continue
        key, column = fitting[0]
        sign = next(s for k, c, s in cells if (k, c) == (key, column))
        now = values[key, column]
        culprit = Culprit(key, column, now, now - diff * sign)
        for i, _ in member[key, column]:
            found[instances[i][0]] = culprit
    return found
