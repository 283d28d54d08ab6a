"""A pipe table or a one-cell-per-line table is one token of the grammar (PIPES, CELLS), split into
its lines by gxlint.read.outline: the lines, their kinds and the tables they make are those the
grammar read when every such line was a token of its own (PIPE_SEP, PIPE_ROW, CELL_LINE, blank
lines ignored between them)."""

from __future__ import annotations

import itertools
import re

from lark import Lark

from gxlint.read.outline import grammar_text, parse_outline
from gxlint.read.unfold import Unfolded

LINE_TERMINALS = ("BLANK", "PIPE_SEP", "PIPE_ROW", "CELL_LINE")  # by priority, highest first
TABLE_OF = {"PIPE_SEP": "pipes", "PIPE_ROW": "pipes", "CELL_LINE": "cells"}
LINES = ["| a | b |", "|---|:--:|", "| --- | x |", "规章 |", "  ||||  ", "", " \t", "\u3000", "\u2003"]


def _line_terminals() -> list[tuple[str, re.Pattern[str]]]:
    terminals, _, _ = Lark(grammar_text(), parser="lalr").grammar.compile(["start"], set(LINE_TERMINALS))
    by_name = {t.name: re.compile(t.pattern.to_regexp()) for t in terminals}
    return [(name, by_name[name]) for name in LINE_TERMINALS]


def _one_token_a_line(text: str, terminals) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """The blocks as the grammar read them with a token a line: (kind, [(line kind, text, start)])."""
    blocks: list[tuple[str, list[tuple[str, str, int]]]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        name = next(name for name, pattern in terminals if pattern.fullmatch(line))
        if name != "BLANK":
            table = TABLE_OF[name]
            if not blocks or blocks[-1][0] != table:
                blocks.append((table, []))
            blocks[-1][1].append((name, line.rstrip("\n"), start))
        start += len(line)
    return blocks


def test_runs_read_the_lines_their_line_terminals_read():
    terminals = _line_terminals()
    for n in range(1, 5):
        for lines in itertools.product(LINES, repeat=n):
            text = "\n".join(lines) + "\n"
            expected = _one_token_a_line(text, terminals)
            chapters = parse_outline(Unfolded(text, []))
            assert len(chapters) == 1 and chapters[0].heading is None
            got = [
                (block.kind, [(line.kind, line.text, line.start) for line in block.lines])
                for block in chapters[0].blocks
            ]
            assert got == expected, text
