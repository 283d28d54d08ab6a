"""Run the Lark grammar (grammar/report.lark) and return the report's outline.

The outline is the grammar's view of the document: a preamble and chapters, each a list of raw
blocks (text lines, markup headings and raw tables), with character offsets into the source text.
``gxlint.build`` turns it into the typed model.

The Lark parser is built once per process and cached on disk by Lark (``cache=True``), so a new
process loads the parse tables instead of rebuilding them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .data import read_text
from .unfold import Unfolded


@dataclass(slots=True)
class Line:
    """One line token: ``kind`` is the grammar terminal (TEXT, MD_HEADING, HEADING, ROW, …)."""

    kind: str
    text: str  # without the line end
    start: int  # source offsets
    end: int


@dataclass(slots=True)
class RawBlock:
    kind: str  # "text", "markup", "tabs", "pipes", "cells"
    lines: list[Line]


@dataclass(slots=True)
class RawChapter:
    heading: Line | None  # None for the preamble
    blocks: list[RawBlock] = field(default_factory=list)


@lru_cache(maxsize=1)
def grammar_text() -> str:
    return read_text("report.lark")


@lru_cache(maxsize=1)
def parser():
    from lark import Lark, Transformer

    class _Outline(Transformer):
        # Callbacks return plain tuples; positions are mapped afterwards (the transformer is
        # built into the parser once and cannot see the per-file source).
        def start(self, children):
            return children

        def preamble(self, children):
            return (None, children)

        def chapter(self, children):
            return (children[0], children[1:])

        def markup_heading(self, children):
            return ("markup", children)

        def text(self, children):
            return ("text", children)

        def table(self, children):
            return ("tabs", children)

        def pipe_table(self, children):
            return ("pipes", children)

        def cell_table(self, children):
            return ("cells", children)

    return Lark(grammar_text(), parser="lalr", lexer="contextual", propagate_positions=False,
                transformer=_Outline(), cache=True)


def parse_outline(unfolded: Unfolded) -> list[RawChapter]:
    """The preamble (first, heading None) and the chapters of a text."""
    text = unfolded.text
    if not text.endswith("\n"):
        text += "\n"
    try:
        tree = parser().parse(text)
    except Exception:  # pragma: no cover - the grammar accepts every line; this is a safety net
        return [RawChapter(None, [RawBlock("text", [_line(unfolded, "TEXT", text, 0, len(text))])])]
    chapters = []
    for heading, blocks in tree:
        chapter = RawChapter(_token(unfolded, heading) if heading is not None else None)
        for kind, tokens in blocks:
            chapter.blocks.append(RawBlock(kind, [_token(unfolded, t) for t in tokens]))
        chapters.append(chapter)
    return chapters


def _token(unfolded: Unfolded, token) -> Line:
    value = str(token)
    return _line(unfolded, token.type, value, token.start_pos, token.end_pos)


def _line(unfolded: Unfolded, kind: str, value: str, start: int, end: int) -> Line:
    body = value.rstrip("\n")
    return Line(kind, body, unfolded.to_source(start), unfolded.to_source(start) + len(body))
