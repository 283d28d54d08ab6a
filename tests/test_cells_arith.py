"""One cell's reading (gxlint.read.cells) and sums with unknown cells (gxlint.arith)."""

import pytest

from gxlint.arith import balance, fmt
from gxlint.read.cells import read_cell
from gxlint.model import Span

S = Span(1, 1, 1, 2)


@pytest.mark.parametrize(
    "text,kw,status,value,note",
    [
        ("0", {}, "number", 0, ""),
        ("12", {}, "number", 12, ""),
        ("１２", {}, "number", 12, ""),  # full-width digits
        ("", {}, "blank", None, ""),
        ("  ", {}, "blank", None, ""),
        ("00", {}, "malformed", None, ""),
        ("01", {}, "malformed", None, ""),
        ("1O", {}, "malformed", None, ""),
        ("—", {}, "malformed", None, ""),
        ("0 0", {}, "malformed", None, ""),
        ("无", {}, "malformed", None, ""),
        ("+1", {}, "malformed", None, ""),
        ("+1", {"signed": True}, "number", 1, ""),
        ("-2", {"signed": True}, "number", -2, ""),
        ("\u22122", {"signed": True}, "number", -2, ""),  # the minus sign of typeset text (−2)
        ("－2", {"signed": True}, "number", -2, ""),
        ("\u22122", {}, "malformed", None, ""),  # a sign where none is allowed, as -2
        ("\u22123件", {"signed": True}, "number", -3, "件"),
        ("2.5", {}, "malformed", None, ""),
        ("2.5", {"money": True}, "number", 2.5, ""),
        ("251000元", {"money": True}, "number", 251000, "元"),
        ("22（其中修订16件）", {}, "number", 22, "（其中修订16件）"),
        ("1,234", {}, "number", 1234, ""),
        # a zero-width space or joiner beside the number (pasted from a web page): nothing shown,
        # read as the HTML reader reads it
        ("2\u200b", {}, "number", 2, ""),
        ("\ufeff 12", {}, "number", 12, ""),
        ("\u200b", {}, "blank", None, ""),
        # a remark before the number, or on the cell's next line after it (read as one line, a blank
        # between): the number, the remark its note
        ("（含上年）3", {}, "number", 3, "（含上年）"),
        ("(含网上申请12件)20", {}, "number", 20, "(含网上申请12件)"),
        ("27 其中网上12件", {}, "number", 27, "其中网上12件"),
        ("3 含上年", {}, "number", 3, "含上年"),
        ("（含上年）", {}, "malformed", None, ""),
        ("（0）", {}, "malformed", None, ""),
        ("3 其他", {}, "malformed", None, ""),  # a label where a number goes, not a remark
        ("（一）3", {}, "malformed", None, ""),  # a list's numbering, not a remark
    ],
)
def test_read_cell(text, kw, status, value, note):
    cell = read_cell(text, S, "col", **kw)
    assert (cell.status, cell.value, cell.note) == (status, value, note)
    assert cell.text == text.strip().strip("\u200b\ufeff ")


def cells(*texts):
    return [read_cell(t, S) for t in texts]


def test_balance_known_values():
    assert balance(cells("3", "1"), cells("4")).status == "ok"
    assert balance(cells("3", "1"), cells("5")).status == "violated"


def test_blank_is_unknown_not_zero():
    # 5 + ? = 7 can hold (? = 2); 9 + ? = 7 cannot
    assert balance(cells("5", ""), cells("7")).status == "unknown"
    assert balance(cells("9", ""), cells("7")).status == "violated"
    assert balance(cells("7", ""), cells("7")).status == "ok"
    assert balance(cells("1", ""), cells("", "2")).status == "unknown"
    assert balance(cells("00"), cells("0")).status == "ok"  # malformed is unknown: ? = 0 can hold
    assert balance(cells("00", "3"), cells("2")).status == "violated"


def test_fmt():
    assert fmt(3.0) == "3" and fmt(2.5) == "2.5"


def test_a_cells_lines_are_kept_apart_after_a_number_alone():
    from gxlint.read.render import cell_text

    # 27 on one line of a Word cell, 其中网上12件 on the next: a remark after the number, not "27其中…"
    assert cell_text("27\n其中网上12件") == "27 其中网上12件"
    # a label wrapped between Chinese characters is joined as before
    assert cell_text("行政规范\n性文件") == "行政规范性文件"
    assert cell_text("（含上年）\n3") == "（含上年）3"


def test_a_long_field_opening_with_a_bracket_is_read_at_once():
    # a remark is short: a bracket opening 20,000 characters of words (a paragraph in a cell) is no
    # remark, found without trying every place to close it (it took seconds)
    assert read_cell("（" + "含上年" * 7000 + "3", S).status == "malformed"
    assert read_cell("（" + "含" * 61 + "）3", S).status == "malformed"
