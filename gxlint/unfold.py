"""Give one-line reports their lines back.

Crawled web pages often hold a whole report on one line, chapter headings included
(``…联系电话：0591-23165370。一、总体情况2021年，我区…``).  Before the grammar sees the text, a very
long line is broken before and after each chapter heading found inside it, so that the chapters
parse as they would in a line-structured report.  Only headings whose title is a known chapter
title (or looks like one: ends in 情况/事项/措施/概述/统计表) count, and a line needs at least two of
them in ascending order, so a sentence that merely mentions a title is left alone.

The inserted line breaks are recorded, so positions map back to the original text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

from .text import numeral_value

#: A line shorter than this is never unfolded.
MIN_LINE = 1000

_CANDIDATE = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})[、.．][ \u3000]*")
_TITLE_LIKE = re.compile(r"[^。，；：:,;\d\s（）()]{2,30}?(?:情况|事项|措施|概述|统计表)")


class Unfolded:
    """The text the grammar parses, and the way back to source offsets."""

    __slots__ = ("text", "_inserted")

    def __init__(self, text: str, inserted: list[int]) -> None:
        self.text = text
        self._inserted = inserted  # virtual offsets of the inserted "\n", ascending

    def to_source(self, offset: int) -> int:
        if not self._inserted:
            return offset
        return offset - bisect_left(self._inserted, offset)


def unfold(text: str, titles: Iterable[str]) -> Unfolded:
    if len(text) < MIN_LINE:
        return Unfolded(text, [])
    known = sorted({t for t in titles if t}, key=len, reverse=True)
    cuts: list[int] = []
    start = 0
    for line in text.split("\n"):
        if len(line) >= MIN_LINE:
            cuts.extend(start + c for c in _heading_cuts(line, known))
        start += len(line) + 1
    if not cuts:
        return Unfolded(text, [])
    pieces, inserted, previous = [], [], 0
    for i, cut in enumerate(sorted(set(cuts))):
        pieces.append(text[previous:cut])
        inserted.append(cut + i)
        previous = cut
    pieces.append(text[previous:])
    return Unfolded("\n".join(pieces), inserted)


def _heading_cuts(line: str, known: list[str]) -> list[int]:
    found: list[tuple[int, int, int]] = []  # (number, start, end of title)
    for m in _CANDIDATE.finditer(line):
        number = numeral_value(m.group(1))
        if number is None or number > 12:
            continue
        rest = line[m.end():m.end() + 60]
        title_end = None
        for title in known:
            if rest.startswith(title):
                title_end = m.end() + len(title)
                break
        if title_end is None:
            t = _TITLE_LIKE.match(rest)
            if t is None:
                continue
            title_end = m.end() + t.end()
        found.append((number, m.start(), title_end))
    # keep an ascending run of chapter numbers (a restart at 一 inside a chapter is not a chapter)
    chosen: list[tuple[int, int, int]] = []
    for number, begin, end in found:
        if not chosen or number > chosen[-1][0]:
            chosen.append((number, begin, end))
    if len(chosen) < 2:
        return []
    cuts = []
    for _, begin, end in chosen:
        if begin > 0:
            cuts.append(begin)
        if end < len(line):
            cuts.append(end)
    return cuts
