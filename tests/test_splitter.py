"""Run-together digits are split only where the row's own totals allow exactly one split."""

import pytest

from gxlint.read.splitter import split

APP = [(6, (0, 1, 2, 3, 4, 5))]
REVIEW = [(4, (0, 1, 2, 3)), (9, (5, 6, 7, 8)), (14, (10, 11, 12, 13))]


def test_unique_application_row():
    assert split(["640020470"], 7, APP) == [["64", "0", "0", "2", "0", "4", "70"]]


def test_whitespace_is_a_boundary():
    assert split(["500000", "5"], 7, APP) == [["5", "0", "0", "0", "0", "0", "5"]]


def test_ambiguous_rows_return_every_candidate_up_to_the_limit():
    assert len(split(["270020130"], 7, APP, limit=8)) == 2


def test_review_row_uses_each_blocks_total():
    assert split(["10203120001200000"], 15, REVIEW) == [
        ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]
    ]


def test_no_constraints_means_unique_only_when_every_cell_is_one_digit_or_zero():
    assert split(["000"], 3) == [["0", "0", "0"]]
    assert len(split(["693665"], 3)) == 2


def test_a_number_with_thousands_separators_is_one_cell():
    # 1,430 is never cut (into 1 and 430, or at the comma); the row's totals still count it whole
    assert split(["130", "+1", "1,430"], 3, signed=frozenset({1})) == [["130", "+1", "1,430"]]
    assert split(["1，200", "34", "1，234"], 3, [(2, (0, 1))]) == [["1，200", "34", "1，234"]]
    assert split(["1,23"], 2) == [] == split(["1,23"], 1)  # no group of three: no number at all


def test_money_columns_take_decimals():
    assert split(["24252.311082"], 1, money=frozenset({0})) == [["24252.311082"]]
    assert split(["12.5"], 1) == []


def test_no_valid_split():
    assert split(["8213500021859"], 7, APP) == []


@pytest.mark.slow  # runs the search to its work budget
def test_adversarial_input_gives_up_instead_of_searching_forever():
    # the search has a work budget; past it there is no trusted split
    assert split(["9" * 60], 7, APP) == []
    assert split(["1" * 200], 15, REVIEW) == []


# -- signed columns (2019's 本年增/减) ------------------------------------------------------------------


def test_a_sign_is_accepted_where_the_column_is_signed():
    # 行政事业性收费35-15: 上一年项目数量 35, 本年增/减 -15 -- the only valid split
    assert split(["35-15"], 2, signed=frozenset({1})) == [["35", "-15"]]
    assert split(["4+2"], 2, signed=frozenset({1})) == [["4", "+2"]]


def test_a_sign_is_refused_where_the_column_is_not_signed():
    assert split(["35-15"], 2) == []
    assert split(["-3515"], 2, signed=frozenset({1})) == []  # the first column is a count
    assert split(["3-5-1"], 3, signed=frozenset({1})) == []  # a sign only at a cell's start
    assert split(["35-"], 2, signed=frozenset({1})) == []  # a sign alone is no number
    assert split(["3-05"], 2, signed=frozenset({1})) == []  # no leading zero after the sign


def test_signed_cells_beside_other_cells_are_split_as_usual():
    # 行政许可 in 2019: 上一年项目数量, 本年增/减, 处理决定数量 -- several splits, no total
    found = split(["14+2230"], 3, signed=frozenset({1}), limit=8)
    assert ["14", "+2", "230"] in found and len(found) > 1


# -- why a row was not split (the GX003 message gives the reason) ----------------------------------------


@pytest.mark.slow  # a second or so: whole folders or many runs
def test_search_gives_the_reason():
    from gxlint.read.splitter import search

    assert search(["640020470"], 7, APP).reason == "unique"
    assert search(["693665"], 3).reason == "no-total"  # several splits and no total in the row
    assert search(["270020130"], 7, APP, limit=8).reason == "ambiguous"  # several that all match the total
    assert search(["8213500021859"], 7, APP).reason == "total"  # valid splits, none matching the total
    assert search(["35-15"], 2).reason == "invalid"  # no valid numbers without a signed column
    assert search(["0012"], 2).reason == "invalid"
    assert search(["9" * 60], 7, APP).reason == "too-long"


def test_search_says_when_every_split_was_found():
    from gxlint.read.splitter import search

    every = search(["693665"], 3, limit=64)
    assert every.complete and len(every.solutions) == 10
    assert not search(["693665"], 3, limit=2).complete


REPORT_2019 = """示例县2019年政府信息公开工作年度报告
一、总体情况
本局2019年依法公开政府信息。
二、主动公开政府信息情况
第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件116第二十条第（八）项\
信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购236.8
"""


def test_a_run_together_signed_cell_is_read_in_a_2019_table():
    from gxlint import parse_text

    table = parse_text(REPORT_2019).table("active_disclosure")
    row = next(r for r in table.rows if r.key == "行政事业性收费")
    assert row.alignment == "split"
    assert [c.value for c in row.cells] == [35, -15]


def test_the_gx003_message_gives_the_real_reason():
    from gxlint.run.linter import Linter

    found = Linter(isolated=True, overrides={"select": ["GX003"]}).lint_text(REPORT_2019, "r.txt")
    assert len(found) == 1  # 35-15 is read; 236.8 is not
    [f] = found
    assert "236.8" in f.message and "本行没有合计可据以判断" in f.message and "2|36.8" in f.message
    assert "合计不符" not in f.message
    en = Linter(isolated=True, overrides={"select": ["GX003"], "lang": "en"}).lint_text(REPORT_2019, "r.txt")
    assert "has no total to decide by" in en[0].message
