"""How the table rules name things in a message: a row or block of a table, a sum of cells, a list.

Each rule that uses :func:`where` or :func:`terms` puts the parts they are made of (``WHERE``,
``TERM``) in its ``messages``.
"""

from __future__ import annotations

from typing import Iterable

from gxlint.lint.analyses.tables import block_name, cell_phrase, section_name, short_label, table_name
from gxlint.lint.rule import Message, Phrase
from gxlint.model import ACTIVE_DISCLOSURE, REVIEW_LITIGATION, Cell, Row, Table

#: An empty field: the optional part of a message that does not apply.
NOTHING = Phrase("", "")

#: the parts :func:`where` builds
WHERE = {
    "where_row": Message(zh="{table}“{row}”行", en="{table}, row “{row}”"),
    "where_block": Message(zh="{table}“{block}”栏", en="{table}, block “{block}”"),
}

#: the part :func:`terms` builds: one cell of a sum, by its row or column, with its value
TERM = {"term": Message(zh="{label}（{value}）", en="{label} ({value})")}


def joined(parts: Iterable[Phrase | str], zh: str = "、", en: str = ", ") -> Phrase:
    """Parts joined by ``zh`` and ``en``; a plain text part is the same in both languages."""
    phrases = [p if isinstance(p, Phrase) else Phrase(p, p) for p in parts]
    return Phrase(zh.join(p.zh for p in phrases), en.join(p.en for p in phrases))


def terms(ctx, labels: Iterable[str], cells: Iterable[Cell | None]) -> Phrase:
    """A sum of cells as a message writes it: ``一（3）+ 二（0）`` / ``一 (3) + 二 (0)``."""
    return joined(
        (ctx.phrase("term", label=label, value=cell_phrase(cell)) for label, cell in zip(labels, cells)),
        "+ ",
        " + ",
    )


def row_name(tmpl, table: Table, row: Row) -> str:
    """A row as a list of rows names it: a review/litigation block, a 主动公开 row's own label, or
    the short label of an applications row."""
    if table.kind == REVIEW_LITIGATION:
        return block_name(row)
    if table.kind == ACTIVE_DISCLOSURE:
        return row.key
    return short_label(tmpl, row.key)


def where(ctx, tmpl, table: Table, row: Row) -> Phrase:
    """The table and row as a message names them (the ``WHERE`` parts)."""
    if table.kind == REVIEW_LITIGATION:
        return ctx.phrase("where_block", table=table_name(table), block=block_name(row))
    if table.kind == ACTIVE_DISCLOSURE:
        return ctx.phrase("where_row", table=section_name(table, row), row=row.key)
    return ctx.phrase("where_row", table=table_name(table), row=short_label(tmpl, row.key))
