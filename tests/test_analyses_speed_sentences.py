"""The sentence keys' patterns against their plain definitions: a number starts at any ``\\d``, and
what is dropped between words is any run of characters that are neither ``\\w``, ``#`` nor the end
of a sentence.  The patterns name the common ideographs in their first class so that ``re`` passes
over them quickly: that holds only while none of them is a digit and each of them is a word."""

import pytest
import random
import re

from gxlint.lint.analyses import sentences

_PLAIN_NUMBER = r"\d\d*(?:[.,]\d+)*"
_PLAIN_NOT_WORD_NOR_END = r"[^\w#" + sentences._ENDS + r"]+"


def _points() -> list[str]:
    return [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]


def test_the_ideographs_named_are_words_and_no_digits():
    lo, hi = (ord(ch) for ch in sentences._IDEOGRAPHS.split("-"))
    for cp in range(lo, hi + 1):
        assert re.fullmatch(r"\w", chr(cp)) and not re.fullmatch(r"\d", chr(cp)), hex(cp)


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_each_pattern_starts_where_its_plain_definition_does_at_every_code_point():
    # each code point after a letter, which neither pattern takes: every one of them can start a match
    text = "a".join(_points())
    assert re.sub(sentences._NUMBER, "#", text) == re.sub(_PLAIN_NUMBER, "#", text)
    assert re.sub(sentences._NOT_WORD_NOR_END, "", text) == re.sub(_PLAIN_NOT_WORD_NOR_END, "", text)


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_keys_of_random_texts_are_those_of_the_plain_definitions():
    rng = random.Random(7)
    common = list("，。！？；、“”（）：《》#.,%- \n示例县政府信息公开申请件年月日〇一二１２３0123456789٣۴")
    points = _points()
    for _ in range(5000):
        pool = common if rng.random() < 0.8 else points
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(60)))
        assert re.sub(sentences._NUMBER, "#", text) == re.sub(_PLAIN_NUMBER, "#", text)
        assert re.sub(sentences._NOT_WORD_NOR_END, "", text) == re.sub(_PLAIN_NOT_WORD_NOR_END, "", text)
    assert sentences.normalise("示例县2021年收到申请１,234件（二〇二一年）") == "示例县#年收到申请#件#年"
