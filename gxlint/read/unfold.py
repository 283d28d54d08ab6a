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
from functools import lru_cache
from typing import Iterable

from gxlint.chinese import numeral_value

#: A line shorter than this is never unfolded.
MIN_LINE = 1000

# Pattern text only: a run compiles them as one pattern with the titles it knows, and only for a
# line long enough to unfold.
# A candidate's numerals are not preceded by another numeral; the look-behind stands after the first
# numeral (two numerals back), so that the pattern starts with a character class, which a search
# skips to, instead of a look-behind tried at every character of the line.
_CANDIDATE_PATTERN = (
    r"([一二三四五六七八九十](?<![一二三四五六七八九十]{2})[一二三四五六七八九十]{0,2})[、.．][ \u3000]*"
)
_TITLE_LIKE_PATTERN = r"[^。，；：:,;\d\s（）()]{2,30}?(?:情况|事项|措施|概述|统计表)"


class Unfolded:
    """The text the grammar parses, and the way back to source offsets."""

    __slots__ = ("text", "_inserted")

    def __init__(self, text: str, inserted: list[int]) -> None:
        self.text = text
        self._inserted = inserted  # virtual offsets of the inserted "\n", ascending

    @property
    def inserted(self) -> bool:
        """Whether line breaks were inserted (else offsets are the source's)."""
        return bool(self._inserted)

    def to_source(self, offset: int) -> int:
        if not self._inserted:
            return offset
        return offset - bisect_left(self._inserted, offset)


def unfold(text: str, titles: Iterable[str]) -> Unfolded:
    if not has_long_line(text):
        return Unfolded(text, [])
    lines = text.split("\n")
    known = _known(tuple(titles))
    cuts: list[int] = []
    start = 0
    for line in lines:
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


def has_long_line(text: str) -> bool:
    """Whether a line of ``text`` is ``MIN_LINE`` characters long or longer.

    Each step looks for the last line end among the next ``MIN_LINE`` characters: none means the
    line starting there is long; else every line up to that end is short, and the next step starts
    after it.  A report of short lines takes a step per ``MIN_LINE`` characters, not a string per
    line."""
    end = len(text) - MIN_LINE
    start = 0  # the start of a line
    while start <= end:
        last = text.rfind("\n", start, start + MIN_LINE)
        if last < 0:
            return True
        start = last + 1
    return False


@lru_cache(maxsize=8)
def _known(titles: tuple[str, ...]) -> tuple[str, ...]:
    """The titles, longest first (the same for every report of a run)."""
    return tuple(sorted({t for t in titles if t}, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=8)
def _heading_pattern(known: tuple[str, ...]) -> re.Pattern[str]:
    """A chapter-number candidate followed by a known title (longest first, so the longest one that
    fits wins) or else by a title-like phrase.  The title is a lookahead: it is not consumed, so a
    candidate inside another candidate's title is still found."""
    titles = "|".join(re.escape(t) for t in known if len(t) <= 60)
    known_part = f"(?P<known>{titles})|" if titles else ""
    return re.compile(_CANDIDATE_PATTERN + f"(?=(?:{known_part}(?P<like>{_TITLE_LIKE_PATTERN})))")


def _heading_cuts(line: str, known: tuple[str, ...]) -> list[int]:
    # Keep an ascending run of chapter numbers (a restart at 一 inside a chapter is not a chapter).
    # The regex does the per-candidate work, so a line of a million "一、" stays fast.
    chosen: list[tuple[int, int, int]] = []  # (number, start, end of title)
    for m in _heading_pattern(known).finditer(line):
        number = _numeral(m.group(1))
        if number is None or number > 12 or (chosen and number <= chosen[-1][0]):
            continue
        title_end = m.end("known") if m.group("known") is not None else m.end("like")
        chosen.append((number, m.start(), title_end))
    if len(chosen) < 2:
        return []
    cuts = []
    for _, begin, end in chosen:
        if begin > 0:
            cuts.append(begin)
        if end < len(line):
            cuts.append(end)
    return cuts


_numeral = lru_cache(maxsize=256)(numeral_value)
