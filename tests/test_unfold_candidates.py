"""The one-line unfolding: its chapter-number candidates are found by a pattern that starts with a
numeral (its look-behind after the first numeral): it finds what the plain form finds, a
look-behind first."""

from __future__ import annotations

import pytest

import itertools
import re

from gxlint.read.unfold import _CANDIDATE_PATTERN

PLAIN = r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})[、.．][ \u3000]*"
ALPHABET = ["一", "二", "十", "、", ".", "．", " ", "\u3000", "a", "\n"]


def _found(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(1)) for m in re.finditer(pattern, text)]


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_candidates_are_those_of_the_plain_pattern():
    for length in range(6):
        for chars in itertools.product(ALPHABET, repeat=length):
            text = "".join(chars)
            assert _found(_CANDIDATE_PATTERN, text) == _found(PLAIN, text), text
            # and where a search starts inside the text (a numeral before it is seen)
            if text:
                assert [m.span() for m in re.compile(_CANDIDATE_PATTERN).finditer(text, 1)] == [
                    m.span() for m in re.compile(PLAIN).finditer(text, 1)
                ], text
