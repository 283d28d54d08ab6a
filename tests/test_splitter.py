"""Run-together digits are split only where the row's own totals allow exactly one split."""

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
        ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]]


def test_no_constraints_means_unique_only_when_every_cell_is_one_digit_or_zero():
    assert split(["000"], 3) == [["0", "0", "0"]]
    assert len(split(["693665"], 3)) == 2


def test_money_columns_take_decimals():
    assert split(["24252.311082"], 1, money=frozenset({0})) == [["24252.311082"]]
    assert split(["12.5"], 1) == []


def test_no_valid_split():
    assert split(["8213500021859"], 7, APP) == []


def test_adversarial_input_gives_up_instead_of_searching_forever():
    # the search has a work budget; past it there is no trusted split
    assert split(["9" * 60], 7, APP) == []
    assert split(["1" * 200], 15, REVIEW) == []
