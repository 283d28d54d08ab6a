"""The narrative's shortcuts for contact sentences and years in Chinese numerals against their plain
definitions: the sentences that hold a contact word are found from where the words stand (not by
looking for each word in each sentence), each word where its first character stands, and a year in Chinese numerals by a pattern that starts
at its 年."""

import pytest
import random
import re

from gxlint.lint.analyses import sentences


def _plain_holding(text: str, words: tuple[str, ...]) -> set[int]:
    return {n for n, line in enumerate(text.split("\n")) if any(word in line for word in words)}


_POOL = list("电话地址邮箱编政码传真联系方式人如对本示例县\n\n，#")


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_lines_holding_a_contact_word_are_those_of_the_plain_definition():
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randrange(40)))
        assert sentences._holding(text, sentences._CONTACT_BY_FIRST) == _plain_holding(
            text, sentences._CONTACT
        ), text
    text = "联系电话：#\n\n示例县\n地址：示例路#号电话#\n邮政编码#"
    assert sentences._holding(text, sentences._CONTACT_BY_FIRST) == {0, 3, 4}


def test_holding_is_linear_in_how_often_a_word_stands():
    # counted on from the last place: a line number is not counted from the start for each one
    text = "电话\n" * 200000
    assert len(sentences._holding(text, sentences._CONTACT_BY_FIRST)) == 200000


def test_a_chinese_year_is_found_as_its_pattern_finds_it():
    rng = random.Random(13)
    pool = list(sentences._CN_DIGITS + "年十两2０x\n")
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(12)))
        assert sentences._has_cn_year(text) == bool(re.search(sentences._CN_YEAR, text)), text
