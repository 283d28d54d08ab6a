"""GX206: numbers in the text against what the tables can hold (issue 10, points 13 and 17).

* A claim is checked against every table of its kind at once (a file may hold many reports): the
  merged ranges say the same as checking each table in turn.
* A run-together row that could not be split still limits its cells to the values of its valid
  splits: a number the text states that no split allows is a mismatch.
* A stated share (N 件，占 P%) is checked against its base, allowing the precision it is written with.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from gxlint.run.linter import Linter
from gxlint.lint.analyses.claims import INF, Claim, Quantity, Ranges
from conftest import SHANGHAI, shared


def lint(text: str, lang: str = "zh"):
    return Linter(isolated=True, overrides={"select": ["GX206"], "lang": lang}).lint_text(text, "r.txt")


# -- every table at once ----------------------------------------------------------------------------------


class _Table:
    def __init__(self, cands):
        self.cands = cands

    def candidates(self, claim):
        return self.cands


_BOUND = st.integers(0, 30)


@st.composite
def _quantity(draw):
    lo = draw(_BOUND)
    hi = draw(st.one_of(st.just(INF), st.integers(lo, 40)))
    values = draw(st.one_of(st.none(), st.frozensets(st.integers(0, 40).map(float), min_size=1, max_size=4)))
    return Quantity("q", "q", float(lo), float(hi), values)


@pytest.mark.slow  # property run (hypothesis)
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_quantity(), max_size=3), max_size=4), st.integers(0, 45))
def test_merged_ranges_say_what_checking_each_table_says(tables, n):
    claim = Claim("received", n, None, 0, 0, 0, 0)
    naive = bool(tables) and all(bool(c) and not any(q.fits(n) for q in c) for c in tables)
    found = Ranges([_Table(c) for c in tables]).mismatch(claim)
    assert (found is not None) == naive
    if found is not None:
        assert found == tables[0]


# -- run-together cells that could not be split ------------------------------------------------------------

HEAD = "示例县2021年政府信息公开工作年度报告\n一、总体情况\n"
DOCS = (
    "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
    "行政规范性文件77132470第二十条第（五）项信息内容本年处理决定数量行政许可356\n"
)
REVIEW = (
    "示例县2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n{text}\n"
    "行政复议行政诉讼未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
    "结果维持结果纠正其他结果尚未审结总计010100201102112410010020\n"
)


def test_no_split_ends_in_the_number_the_text_states():
    [f] = lint(HEAD + "现行有效行政规范性文件393件。\n" + DOCS)
    assert "“77132470”" in f.message and "0、70、470、2470、32470、132470 之一" in f.message
    assert (f.line, f.column) == (3, 12)


def test_every_value_some_split_allows_is_accepted():
    for n in (0, 70, 470, 2470, 32470, 132470):
        assert lint(HEAD + f"现行有效行政规范性文件{n}件。\n" + DOCS) == [], n
    # 本年制发件数 can be 7, 77, 771 …
    assert lint(HEAD + "全年制发行政规范性文件77件。\n" + DOCS) == []


def test_the_message_in_english():
    [f] = lint(HEAD + "现行有效行政规范性文件393件。\n" + DOCS, lang="en")
    assert "undetermined (digits run together as “77132470”" in f.message
    assert "every split gives one of 0, 70, 470, 2470, 32470, 132470" in f.message


def test_a_review_row_with_two_splits_still_has_one_total_per_block():
    # 0|10|10|0|20 1|10|2|11|24 10|0|10|0|20 or 0|10|10|0|20 11|0|2|11|24 10|0|10|0|20
    [f] = lint(REVIEW.format(text="本年度因政府信息公开被申请行政复议21件，被提起行政诉讼44件。"))
    assert "行政复议21件" in f.message and "只可能是 20" in f.message
    assert lint(REVIEW.format(text="本年度因政府信息公开被申请行政复议20件，被提起行政诉讼44件。")) == []


# -- percentages against their base ------------------------------------------------------------------------


def test_a_share_that_no_base_gives():
    [f] = lint(HEAD + "全年答复政府信息公开申请80件，其中予以公开25件，占33.9%。\n")
    assert "25 件占 80 件" in f.message and "31.25%" in f.message and "33.9%" in f.message
    [en] = lint(HEAD + "全年答复政府信息公开申请80件，其中予以公开25件，占33.9%。\n", lang="en")
    assert "gives 33.9%, but 25 of 80" in en.message and "is 31.25%" in en.message


@pytest.mark.parametrize("written", ["31.25", "31.3", "31.2", "31"])
def test_rounded_or_cut_at_the_written_precision(written):
    assert lint(HEAD + f"全年答复政府信息公开申请80件，其中予以公开25件，占{written}%。\n") == []


@pytest.mark.parametrize("written", ["31.1", "30", "31.35", "32", "33"])
def test_beyond_the_written_precision(written):
    assert len(lint(HEAD + f"全年答复政府信息公开申请80件，其中予以公开25件，占{written}%。\n")) == 1


def test_any_total_the_text_gives_is_a_base():
    # 25 of 100 received is 25%, although 80 were answered
    assert (
        lint(HEAD + "全年收到政府信息公开申请100件，答复政府信息公开申请80件，其中予以公开25件，占25%。\n")
        == []
    )


def test_other_years_and_other_wholes_are_not_checked():
    assert lint(HEAD + "全年答复政府信息公开申请80件，上年结转申请25件，占60%。\n") == []
    assert lint(HEAD + "全年答复政府信息公开申请80件，其中涉及规划的25件，占规划类事项的60%。\n") == []
    assert lint(HEAD + "全年答复政府信息公开申请80件，其中予以公开约25件，占40%。\n") == []


def test_shanghai_2019_share_of_the_answered_applications():
    """“予以公开及部分公开258件，占33.9%” of the 805 answered is 32.05%; its other shares fit (35 of 805 is
    4.35%, written 4.34%: cut, not rounded)."""
    found = Linter(isolated=True, overrides={"select": ["GX206"]}).lint_path(str(shared(SHANGHAI)))
    shares = [f for f in found if "所写比例" in f.message]
    assert len(shares) == 1
    [f] = shares
    assert f.line == 14 and "258 件占 805 件" in f.message and "32.05%" in f.message and "33.9%" in f.message


def test_paragraphs_are_skipped_only_when_folding_cannot_give_the_words():
    """A paragraph is folded only when it holds the first character of a word some claim, denial or
    share needs: no other character may fold to one of those."""
    from gxlint.chinese import _FOLD_RANGES, fold
    from gxlint.lint.analyses.claims import _WORD_STARTS

    changed = (chr(cp) for lo, hi in _FOLD_RANGES for cp in range(lo, hi + 1))
    folded = {fold(ch) for ch in changed if fold(ch) != ch}
    assert folded and not folded & set(_WORD_STARTS)
