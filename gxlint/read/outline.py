"""Read a text with the Lark grammar (grammar/report.lark) and return the report's outline.

The outline is the grammar's view of the document: a preamble and chapters, each a list of raw
blocks (text lines, markup headings and raw tables), with character offsets into the source text.
``gxlint.read.build`` turns it into the typed model.

Lark compiles the grammar once per process, from its cache on disk (see :func:`cache_path`), so a
new process loads the parse tables instead of rebuilding them; a text is read with the grammar's
lexer (:func:`lexer`), whose tokens are the parse (see :func:`parse_outline`).
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache

from gxlint import cache
from gxlint.data import read_text
from gxlint.read.unfold import Unfolded


class _Record:
    """A small mutable record with a repr and field-wise equality.

    Plain classes rather than dataclasses: this module is imported on every cold start, and each
    dataclass costs about half a millisecond to create."""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, k) == getattr(other, k) for k in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]  # mutable


class Line(_Record):
    """One line token: ``kind`` is the grammar terminal (TEXT, MD_HEADING, HEADING, ROW, …)."""

    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text  # without the line end
        self.start = start  # source offsets
        self.end = end


class RawBlock(_Record):
    __slots__ = ("kind", "lines")

    def __init__(self, kind: str, lines: list[Line]) -> None:
        self.kind = kind  # "text", "markup", "tabs", "pipes", "cells"
        self.lines = lines


class RawChapter(_Record):
    __slots__ = ("heading", "blocks")

    def __init__(self, heading: Line | None, blocks: list[RawBlock] | None = None) -> None:
        self.heading = heading  # None for the preamble
        self.blocks = [] if blocks is None else blocks


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

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        transformer=_Outline(),
        cache=cache_path(),
    )


def cache_path() -> str | bool:
    """Where Lark keeps the built parser between processes: a file in gxlint's private cache
    folder (:func:`gxlint.cache.folder`), or False (no cache) if there is none.

    Lark's own default (``cache=True``) is a predictable file name directly in the world-writable
    temp dir, and the file is a pickle: another local user could plant one and have it loaded.
    """
    import hashlib

    import lark

    folder = cache.folder()
    if folder is None:
        return False
    digest = hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()[:16]
    return os.path.join(
        folder, f"outline-{digest}-lark{lark.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.cache"
    )


@lru_cache(maxsize=1)
def lexer() -> re.Pattern[str]:
    """The grammar's terminals as one pattern, a named group each, in the order Lark's lexer tries
    them: the pattern of Lark's own lexer for this grammar.  Each terminal has a priority of its
    own, so the priorities alone give that order (Lark breaks ties by the patterns' widths, which
    take a regex parse of each pattern to compute, at every start); tests/test_outline_lexer.py
    holds the pattern to Lark's."""
    terminals = sorted(parser().terminals, key=lambda t: -t.priority)
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))


def parse_outline(unfolded: Unfolded) -> list[RawChapter]:
    """The preamble (first, heading None) and the chapters of a text.

    The grammar's tokens are read with its lexer alone: in every state the parser can be in when it
    asks for a token, the grammar accepts every terminal (``start: preamble chapter*``, each a run of
    blocks), so its parse is the tokens as they come, a chapter starting at each HEADING; the
    parser's turn per token would only confirm that.  A TABLE run that is only words tabbed in
    (:func:`_indented_text`) is text, a block a line, as TEXTS are."""
    text = unfolded.text
    if not text.endswith("\n"):
        text += "\n"
    match = lexer().match
    chapter = RawChapter(None)
    chapters = [chapter]
    blocks = chapter.blocks
    pos = 0
    end = len(text)
    while pos < end:
        token = match(text, pos)
        if token is None:  # pragma: no cover - the grammar accepts every line; this is a safety net
            return [RawChapter(None, [RawBlock("text", [_line(unfolded, "TEXT", text, 0, len(text))])])]
        run = token.lastgroup
        start = pos
        pos = token.end()
        if run == "TEXTS":  # a run of paragraph lines: a block each
            blocks.extend(RawBlock("text", [line]) for line in _run_lines(unfolded, run, token[0], start))
        elif run == "TABLE" or run == "PIPES" or run == "CELLS":
            lines = _run_lines(unfolded, run, token[0], start)
            if run == "TABLE" and _indented_text(lines):
                blocks.extend(
                    RawBlock("text", [Line("TEXT", line.text, line.start, line.end)]) for line in lines
                )
            else:
                blocks.append(RawBlock(_BLOCK_KIND[run], lines))
        elif run == "HEADING":
            chapter = RawChapter(_token(unfolded, run, token[0], start))
            chapters.append(chapter)
            blocks = chapter.blocks
        elif run == "MD_HEADING":
            blocks.append(RawBlock("markup", [_token(unfolded, run, token[0], start)]))
        # else BLANK: blank lines at the start of the text (the grammar ignores them)
    return chapters


_BLOCK_KIND = {"TABLE": "tabs", "PIPES": "pipes", "CELLS": "cells"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _indented_text(lines: list[Line]) -> bool:
    """Whether a run of tab lines is text indented with tabs, not a table: each line one field of
    words, the tabs only before or after it (a first-line indent typed as a tab, an organ's name
    tabbed towards the right above the date -- as a Word document's text has them)."""
    return all(
        line.kind == "ROW" and "\t" not in (body := line.text.strip()) and len(_CJK.findall(body)) >= 2
        for line in lines
    )


def _token(unfolded: Unfolded, kind: str, token: str, start: int) -> Line:
    """The Line of a one-line token (HEADING, MD_HEADING) at ``start``, without the blank lines it
    took after it."""
    body = token[: token.index("\n")]
    at = unfolded.to_source(start)
    return Line(kind, body, at, at + len(body))


def _run_lines(unfolded: Unfolded, run: str, token: str, start: int) -> list[Line]:
    """The lines of one run token (TABLE, TEXTS, PIPES or CELLS) at ``start``, the blank lines between them
    skipped.  Their kinds are the line terminals the grammar had before runs were one token: in a
    TABLE, a ROW holds a tab, a CAPTION does not, and a page number is left out; every line of TEXTS is a TEXT, every line of
    CELLS a CELL_LINE; in PIPES, a PIPE_SEP is made of | : - and blanks and holds a ---, and every
    other line is a PIPE_ROW."""
    out = []
    line_kind = _LINE_KIND.get(run, "")  # "" for the runs whose lines are of two kinds
    piped = run == "PIPES" or run == "CELLS"  # each line holds a |, and a blank line between none
    to_source = unfolded.to_source if unfolded.inserted else None  # None: offsets are the source's
    for body in token.split("\n")[:-1]:  # the token ends with its last line's "\n"
        if ("|" in body) if piped else body.strip(_BLANK):
            at = start if to_source is None else to_source(start)
            if line_kind:
                kind = line_kind
            elif run != "TABLE":
                kind = "PIPE_SEP" if _is_pipe_separator(body) else "PIPE_ROW"
            elif "\t" in body:
                kind = "ROW"
            elif "条" in body:  # 第二十条第（一）项
                kind = "CAPTION"
            else:  # a page number inside the table (the grammar's _PAGE_NUMBER): no line of it
                start += len(body) + 1
                continue
            out.append(Line(kind, body, at, at + len(body)))
        start += len(body) + 1
    # the blank lines the run took after its last line (a line of Unicode spaces other than _BLANK
    # is read as a line inside a run, and is a blank line after it)
    while out and _BLANK_LINE.fullmatch(out[-1].text):
        out.pop()
    return out


_LINE_KIND = {"TEXTS": "TEXT", "CELLS": "CELL_LINE"}


def _is_pipe_separator(body: str) -> bool:
    """The grammar's PIPE_SEP: ``[ \\t]*\\|(?=[^\\n]*---)[ \\t:|-]*``."""
    return body.lstrip(" \t").startswith("|") and "---" in body and not body.strip(" \t:|-")


_BLANK = " \t\u3000\u00a0"  # the characters of a BLANK line
_BLANK_LINE = re.compile(r"[^\S\n\r\f\v\x1c-\x1f\x85]*")


def _line(unfolded: Unfolded, kind: str, value: str, start: int, end: int) -> Line:
    body = value.rstrip("\n")
    return Line(kind, body, unfolded.to_source(start), unfolded.to_source(start) + len(body))
