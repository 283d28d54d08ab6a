"""Reading input: encodings, line ends, positions, and bad bytes (gxlint.read.source)."""

import codecs

import pytest

from gxlint.read import source

TEXT = "示例县人民政府\r\n2021年政府信息公开工作年度报告\r\n一、总体情况\r\n"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_decodes_real_encodings(data, encoding):
    src = source.from_bytes(data, "r.txt")
    assert src.problems == ()
    assert src.encoding == encoding
    assert src.text == TEXT.replace("\r\n", "\n")


def test_line_ends_are_normalised_and_positions_are_editor_positions():
    src = source.from_text("甲乙\r\n丙\r丁戊\n")
    assert src.text == "甲乙\n丙\n丁戊\n"
    assert src.line_col(0) == (1, 1)
    assert src.line_col(3) == (2, 1)
    assert src.line_col(6) == (3, 2)
    assert src.line(3) == "丁戊"
    span = src.span(5, 7)
    assert (span.line, span.column, span.end_line, span.end_column) == (3, 1, 3, 3)


def test_span_is_line_col_of_both_ends():
    from gxlint.model import Span

    src = source.from_text("甲乙\n\n丙丁戊\n己")
    size = len(src.text)
    for start in range(-1, size + 2):
        for end in range(start - 1, size + 2):
            span = src.span(start, end)
            stop = end if end >= start else start
            assert type(span) is Span
            assert span == Span(*src.line_col(start), *src.line_col(stop), start, stop)


def test_line_shift_is_line_col_for_every_offset_of_a_line():
    src = source.from_text("甲乙\n\n丙丁戊\n己")
    for offset in range(len(src.text) + 1):
        number, shift = src.line_shift(offset)
        assert (number, offset + shift) == src.line_col(offset)


def test_a_file_is_read_to_its_size_and_past_it_only_when_it_holds_more():
    import io

    assert source.read_at_most(io.BytesIO(b"abcdef"), 6, 100) == b"abcdef"
    # a file that grew since its size was taken (or a pipe, size 0) is read up to the limit and one
    assert source.read_at_most(io.BytesIO(b"abcdef"), 2, 100) == b"abcdef"
    assert source.read_at_most(io.BytesIO(b"abcdef"), 2, 3) == b"abcd"
    assert source.read_at_most(io.BytesIO(b"abcdef"), 0, 4) == b"abcde"


def test_form_feed_keeps_offsets():
    src = source.from_text("甲\f乙\n")
    assert src.text == "甲 乙\n"


def test_nul_bytes_are_binary():
    src = source.from_bytes("正文\n第二行\x00\x01".encode("utf-8"))
    assert src.text == ""
    assert src.problems[0].fatal
    assert "NUL" in src.problems[0].message_en and src.problems[0].line == 2


def test_undecodable_bytes_are_a_clear_problem():
    src = source.from_bytes(bytes(range(128, 256)) * 4)
    assert src.text == ""
    assert src.problems and src.problems[0].fatal
    assert "encoding" in src.problems[0].message_en


def test_damaged_utf8_reports_the_first_bad_byte_and_keeps_the_rest():
    good = ("示例县人民政府政府信息公开工作年度报告。" * 40 + "\n") * 3
    data = good.encode("utf-8")
    cut = len(("示例县人民政府政府信息公开工作年度报告。" * 40 + "\n").encode("utf-8")) + 6
    damaged = data[:cut] + b"\xff" + data[cut:]
    src = source.from_bytes(damaged)
    assert src.problems and not src.problems[0].fatal
    assert src.problems[0].line == 2 and src.problems[0].column == 3
    assert src.text.count("\ufffd") == 1


def test_read_path_problems(tmp_path):
    assert source.read_path(tmp_path / "missing.txt").problems[0].message_en == "no such file"
    assert "directory" in source.read_path(tmp_path).problems[0].message_en
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    assert "too large" in source.read_path(big, max_bytes=1024).problems[0].message_en
