"""``textforms.normalize``'s whole-text checks against their definitions: the space-aligned patterns
with their first look (a blank, a sign or a digit after the blank) find what they found without it,
and :func:`textforms._has_bare_pipe` is a search for :data:`textforms._BARE_PIPE` from each line
start."""

from __future__ import annotations

import pytest

import random
import re
from pathlib import Path

from gxlint.read import textforms
from gxlint.read.source import read_path

ROOT = Path(__file__).resolve().parent.parent

# the patterns as they were defined, without the first look
ALIGNED = tuple(
    re.compile(rf"{blank}(?:(?<=\S{blank})[ \u3000]+|(?<=\d{blank}))[+\-－]?\d") for blank in " \u3000"
)
CHARACTERS = [
    "|",
    " ",
    "  ",
    "\t",
    "\u3000",
    "\xa0",
    "\u2003",
    "\n",
    "\f",
    "规",
    "a",
    "0",
    "7",
    "-",
    "－",
    "+",
    ",",
    "．",
]


def _bare_pipe(text: str) -> bool:
    return re.search(textforms._BARE_PIPE, "\n" + text) is not None


def _texts():
    rng = random.Random(5)
    for _ in range(60000):
        yield "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, 14)))
    files = [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/fixtures/*.txt")]
    files += sorted((ROOT / "benchmarks" / "corpus").glob("*/*.txt"))[:200]
    for path in files:
        yield read_path(path).text
    yield "规章 | 0 | 0 | 28 |\n"
    yield "| 规章 | 0 |\n示例 |\n||||\n规章 |x\n"
    yield "发布时间: 2024-01-15 09:26\n规章   0\n0 0\n"


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_the_first_look_keeps_what_the_aligned_patterns_find():
    for text in _texts():
        for old, new in zip(ALIGNED, textforms._ALIGNED):
            assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)], repr(
                text
            )


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_bare_pipes_found_pipe_first_are_the_patterns():
    found = 0
    for text in _texts():
        expected = _bare_pipe(text)
        found += expected
        assert textforms._has_bare_pipe(text) == expected, repr(text)
    assert found > 100


def test_bare_pipes_are_found_in_linear_time():
    for line in ("|" * 200_000, "| " * 100_000, "规" + "|" * 200_000, "规 " + "|   " * 50_000 + "x"):
        assert textforms._has_bare_pipe(line) == _bare_pipe(line)
