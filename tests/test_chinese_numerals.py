"""Counts written in Chinese numerals, as the text states them (一百零六件, 两千件), read as numbers;
runs of numerals that are no number read as none."""

import pytest

from gxlint.chinese import numeral_text, numeral_value


@pytest.mark.parametrize(
    "written, value",
    [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十一", 21),
        ("一十", 10),
        ("一百", 100),
        ("两百", 200),
        ("一百零六", 106),
        ("一百二十", 120),
        ("一千二百", 1200),
        ("一千零五十", 1050),
        ("一千零五", 1005),
        ("二〇", None),
        ("九九", None),
        ("一百二", None),  # colloquial 120, or 102: no number to compare
        ("一百十", None),
        ("二十零", None),
        ("十十", None),
        ("一千百", None),
        ("百", None),
        ("零", 0),
    ],
)
def test_a_numeral_is_read_as_its_value_or_as_none(written, value):
    assert numeral_value(written) == value


def test_every_number_up_to_99_reads_back():
    assert all(numeral_value(numeral_text(n)) == n for n in range(100))
