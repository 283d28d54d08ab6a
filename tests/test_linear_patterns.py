"""The rewrites that keep gxlint linear on adversarial input read exactly what the plain forms read.

A crawled page can put a whole report, or 1 MB of junk, on one line.  Some natural ways to write
the grammar's terminals and the one-line unfolding backtrack quadratically on such lines, so they
are written differently (benchmarks/run.py measures the speed; these tests prove the meaning did
not change, without timing anything).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pytest
from hypothesis import given, settings, strategies as st
from lark import Lark

from gxlint import parse_text
from gxlint.read.build import MAX_FIELDS
from gxlint.read.outline import grammar_text
from gxlint.chinese import numeral_value
from gxlint.read.unfold import _CANDIDATE_PATTERN, _TITLE_LIKE_PATTERN, _heading_cuts

# property runs (hypothesis) and running times measured on growing inputs
pytestmark = pytest.mark.slow

# The plain forms: what each terminal means.
PLAIN = {
    "PIPE_SEP": r"[ \t]*\|[ \t:|-]*-{3,}[ \t:|-]*\n",
    "PIPE_ROW": r"[ \t]*\|[^\n]*[^\s|][^\n]*\n",
    "CELL_LINE": r"(?:[^\n|]*[^\s|][^\n|]*\|[ \t]*\n|[ \t]*\|{2,}[ \t]*\n)",
    "HEADING_LINE": r"[ \t\u3000]*(#{1,6}[ \t]*)?(\*\*)?[ \t\u3000]*[一二三四五六七八九十]{1,3}[ \t\u3000]*[、.．]"
    r"[^\n\t]{0,60}\n",
}
ALPHABET = [" ", "\t", "|", "-", ":", "a", "#", "*", "一", "、", "\u3000", "\n"]


@lru_cache(maxsize=1)
def _terminals() -> dict[str, re.Pattern[str]]:
    # the parser keeps only the terminals its rules use: PIPE_SEP, PIPE_ROW and CELL_LINE are lines
    # of the runs PIPES and CELLS, HEADING_LINE the line of HEADING (which takes the blank lines
    # after it), kept here by name
    terminals, _, _ = Lark(grammar_text(), parser="lalr").grammar.compile(["start"], set(PLAIN))
    return {t.name: re.compile(t.pattern.to_regexp()) for t in terminals}


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


# -- unfolding one-line reports ------------------------------------------------------------------------


def _plain_heading_cuts(line: str, known: tuple[str, ...]) -> list[int]:
    """The straightforward algorithm: every candidate, every known title tried in turn."""
    found = []
    for m in re.finditer(_CANDIDATE_PATTERN, line):
        number = numeral_value(m.group(1))
        if number is None or number > 12:
            continue
        rest = line[m.end() : m.end() + 60]
        title_end = None
        for title in known:
            if rest.startswith(title):
                title_end = m.end() + len(title)
                break
        if title_end is None:
            t = re.match(_TITLE_LIKE_PATTERN, rest)
            if t is None:
                continue
            title_end = m.end() + t.end()
        found.append((number, m.start(), title_end))
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


KNOWN = ("主动公开政府信息情况", "收到和处理政府信息公开申请情况", "总体情况", "其他需要报告的事项", "概述")
PIECES = [
    "一、",
    "二、",
    "三、",
    "十二、",
    "二十一、",
    "一",
    "、",
    " ",
    "　",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "其他需要报告的事项",
    "工作",
    "情况",
    "事项",
    "。",
    "，",
    "2021年",
    "概述",
    "统计表",
    "（一）",
    "x",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_heading_cuts_equal_the_plain_algorithm(line):
    assert _heading_cuts(line, KNOWN) == _plain_heading_cuts(line, KNOWN)


def test_a_one_line_report_still_unfolds(fixture_text):
    report = parse_text(fixture_text("shili-2021-inline.txt"))
    assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6]


# -- very wide rows --------------------------------------------------------------------------------------


def test_a_row_wider_than_the_field_limit_keeps_the_rest_in_its_last_field():
    wide = "\t".join(str(i % 10) for i in range(MAX_FIELDS * 3))
    text = "一、总体情况\n" + wide + "\n"
    report = parse_text(text)
    table = report.tables[0]
    row = table.raw[0]
    assert len(row.fields) == MAX_FIELDS
    assert row.fields[-1].text.count("\t") == MAX_FIELDS * 3 - MAX_FIELDS
    assert row.fields[-1].span.end == len(text) - 1  # the last field still ends where the line ends
    assert "".join(f.text + "\t" for f in row.fields)[:-1] == wide


def test_rows_of_real_width_are_split_on_every_tab():
    row_text = "\t".join(["行政复议"] + ["0"] * 17)
    report = parse_text("四、政府信息公开行政复议、行政诉讼情况\n" + row_text + "\n")
    assert len(report.tables[0].raw[0].fields) == 18


# -- the reader's own patterns ----------------------------------------------------------------------------

PLAIN_HEADING = re.compile(
    r"^[ \t\u3000]*(#{1,6})?[ \t]*(\*\*)?[ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*"
    r"[、.．][ \t\u3000]*(.*)$"
)


def test_build_heading_pattern_reads_what_the_plain_form_reads():
    from gxlint.read.build import _HEADING

    alphabet = [" ", "\t", "\u3000", "#", "*", "一", "十", "、", ".", "a", "\n"]
    for length in range(7):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            plain, actual = PLAIN_HEADING.match(text), _HEADING.match(text)
            assert (plain is None) == (actual is None), text
            if plain:
                assert (plain.group(3), plain.group(4), plain.start(4)) == (
                    actual.group("num"),
                    actual.group("title"),
                    actual.start("title"),
                ), text


PIECES_INLINE = [
    " ",
    "\u3000",
    "\t",
    "（",
    "(",
    "）",
    "本列数据的勾稽关系",
    "本列",
    "申请人情况",
    "自然人",
    "x",
    "1",
    "、",
    "_",
    "—",
    "“",
    "\n",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES_INLINE), max_size=25).map("".join))
def test_inline_anchor_and_punctuation_helpers_equal_their_regexes(text):
    from gxlint.read.inline import _applications_at, _strip_edge_punct

    m = re.search(r"[（(]?\s*本列数据的勾稽关系|申请人情况\s*自然人", text)
    assert _applications_at(text) == (m.start() if m else None)
    stripped = text.strip()
    assert _strip_edge_punct(stripped) == re.sub(r"^[^\w\s]+|[^\w\s]+$", "", stripped)


# -- rules on a long file of many reports ------------------------------------------------------------------


def _rule_calls(code: str, report) -> int:
    """Python function calls made while one rule checks an already parsed report (an operation count,
    not a time: the same on any machine)."""
    import sys

    from gxlint.run.linter import Linter

    linter = Linter(isolated=True, overrides={"select": [code]})
    settings = linter.settings(None)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        linter.lint_report(report, settings)
    finally:
        sys.setprofile(None)
    return calls


def test_text_against_tables_rules_work_in_proportion_to_the_file(fixture_text):
    """The example report concatenated 40 and 80 times (a site's archive saved as one file: many
    tables and many sentences that repeat their numbers): twice the file, about twice the work.
    Comparing every claim with every table made it grow fourfold."""
    from conftest import EXAMPLE

    one = EXAMPLE.read_text(encoding="utf-8") + "\n"
    small, large = parse_text(one * 40), parse_text(one * 80)
    assert len(large.tables) == 2 * len(small.tables) >= 240
    for code in ("GX206", "GX205"):
        a, b = _rule_calls(code, small), _rule_calls(code, large)
        assert b <= 2.3 * a, (code, a, b)
