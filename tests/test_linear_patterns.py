"""The rewrites that keep gxlint linear on adversarial input read exactly what the plain forms read.

A crawled page can put a whole report, or 1 MB of junk, on one line.  Some natural ways to write
the grammar's terminals and the one-line unfolding backtrack quadratically on such lines, so they
are written differently (benchmarks/run.py measures the speed; these tests prove the meaning did
not change, without timing anything).
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings, strategies as st

from gxlint.outline import parser

# The plain forms: what each terminal means.
PLAIN = {
    "PIPE_SEP": r"[ \t]*\|[ \t:|-]*-{3,}[ \t:|-]*\n",
    "PIPE_ROW": r"[ \t]*\|[^\n]*[^\s|][^\n]*\n",
    "CELL_LINE": r"(?:[^\n|]*[^\s|][^\n|]*\|[ \t]*\n|[ \t]*\|{2,}[ \t]*\n)",
    "HEADING": r"[ \t\u3000]*(#{1,6}[ \t]*)?(\*\*)?[ \t\u3000]*[一二三四五六七八九十]{1,3}[ \t\u3000]*[、.．]"
               r"[^\n\t]{0,60}\n",
}
ALPHABET = [" ", "\t", "|", "-", ":", "a", "#", "*", "一", "、", "\u3000", "\n"]


def _terminals() -> dict[str, re.Pattern[str]]:
    return {t.name: re.compile(t.pattern.to_regexp()) for t in parser().terminals}


def _same(plain: re.Pattern[str], actual: re.Pattern[str], text: str) -> bool:
    a, b = plain.match(text), actual.match(text)
    return (a and a.group()) == (b and b.group())


def test_terminals_match_their_plain_forms_on_every_short_line():
    terminals = _terminals()
    for name, pattern in PLAIN.items():
        plain = re.compile(pattern)
        for length in range(5):
            for chars in itertools.product(ALPHABET, repeat=length):
                text = "".join(chars) + "\n"
                assert _same(plain, terminals[name], text), (name, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET + ["---", "**", "一、", "1"]), max_size=30).map("".join))
def test_terminals_match_their_plain_forms_on_random_lines(body):
    terminals = _terminals()
    text = body + "\n"
    for name, pattern in PLAIN.items():
        assert _same(re.compile(pattern), terminals[name], text), (name, text)
