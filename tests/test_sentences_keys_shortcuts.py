"""The narrative's sentence keys against their plain definitions: what the shortcuts of
gxlint.lint.analyses.sentences (a year in Chinese numerals looked for only where the character
before 年 is one, the marks dropped before the pattern, the sub-heading test tried only on keys
that start with a numeral, the first character's look for an ideograph) leave as it was."""

import pytest
import random
import re

from gxlint.chinese import has_cjk_run, holds_any
from gxlint.lint.analyses import sentences
from gxlint.lint.analyses.sentences import narrative
from gxlint.read.build import build_report
from gxlint.read.source import from_text


def _plain_has_cn_year(text: str) -> bool:
    at = text.find("年", 4)
    while at >= 0:
        if not text[at - 4 : at].strip(sentences._CN_DIGITS):
            return True
        at = text.find("年", at + 1)
    return False


def _plain_text_keys(text: str, min_chars: int, between: str | None):
    """_text_keys as written before its shortcuts."""
    for mark in sentences._MARKUP:
        text = text.replace(mark, "")
    if _plain_has_cn_year(text):
        text = re.sub(sentences._CN_YEAR, "#年", text)
    text = re.sub(sentences._NUMBER, "#", re.sub(sentences._CN_COUNT, "#", text))
    text = sentences._lines(text)
    words = re.sub(sentences._NOT_WORD_NOR_END, "", text.replace("，", ""))
    keys = words.split("\n")
    contact = [word for word in sentences._CONTACT if word in words]
    raw = text.split("\n")
    index = 0
    for at, key in enumerate(keys):
        if key == between:
            index += 1
            continue
        if len(key) < min_chars or not has_cjk_run(key, 1):
            continue
        if key.startswith(sentences._FIXED_START) or key.endswith(sentences._FIXED_END):
            continue
        if len(key) <= sentences._SHARED_LENGTH and key.endswith(sentences._SHARED_END):
            continue
        if contact and holds_any(key, contact):
            continue
        if len(key) <= 16 and re.match(sentences._ENUMERATED, raw[at].strip()):
            continue
        yield key, index


_POOL = list(
    "，。！？；;!?、“”（）()：《》#*_`>.,．%- \n\t示例县政府信息公开申请件年月日主动总体情况加强领导"
    "〇零○一二三四五六七八九十１２３0123456789٣ＡBc电话地址本报告如下"
)


def _random_text(rng: random.Random) -> str:
    pieces = ["（一）", "1.", "二、", "２０２１年", "二〇二一年", "一九九九年", "12.5%", "“示例”", "本报告"]
    out = []
    for _ in range(rng.randrange(80)):
        out.append(rng.choice(pieces) if rng.random() < 0.2 else rng.choice(_POOL))
    return "".join(out)


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_has_cn_year_is_its_plain_definition():
    rng = random.Random(11)
    for _ in range(20000):
        text = _random_text(rng)
        assert sentences._has_cn_year(text) == _plain_has_cn_year(text), text
    for text in (
        "二〇二一年",
        "x二〇二一年",
        "一九九九年",
        "二〇2一年",
        "2021年",
        "〇年",
        "本年度",
        "年年年年年",
    ):
        assert sentences._has_cn_year(text) == _plain_has_cn_year(text), text


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_text_keys_are_those_of_the_plain_definition():
    rng = random.Random(5)
    for _ in range(5000):
        paragraphs = [_random_text(rng) for _ in range(rng.randrange(1, 5))]
        between = sentences._BETWEEN
        text = ("\n" + between + "\n").join(paragraphs)
        for min_chars in (0, 1, 4, 8):
            got = list(sentences._text_keys(text, min_chars, between))
            assert got == list(_plain_text_keys(text, min_chars, between)), text


def test_sub_headings_are_left_out_and_other_short_sentences_kept():
    text = (
        "（一）主动公开情况。1.加强组织领导。二、总体情况说明。示例县全年办理申请共计5件。加强组织领导工作。"
    )
    keys = [key for key, _ in sentences._text_keys(text, 4, None)]
    assert keys == ["示例县全年办理申请共计#件", "加强组织领导工作"]


_REPORT = """示例县人民政府2021年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》编制。

一、总体情况

2021年，示例县人民政府认真贯彻落实政府信息公开工作要求，全年主动公开信息1,234条。
（一）主动公开
示例县全年发布“政策解读”材料12篇，占比达到45.5%。

五、存在的主要问题及改进情况

政策解读形式较为单一。下一步，我县将丰富图解、问答等解读形式。联系电话：0000-1234567。
"""


def test_a_reports_narrative_has_the_keys_of_the_plain_definition():
    report = build_report(from_text(_REPORT, "示例.txt"))
    # the report's own agency name is one word for any agency (GX503: a copy under a new name)
    assert report.agency == "示例县人民政府"
    for min_chars in (1, 8, 20):
        whole = narrative(report, min_chars)
        expected = [
            (key.replace("示例县人民政府", "\ue000"), index)
            for index, (para, _) in enumerate(whole.paragraphs)
            for key, _ in _plain_text_keys(para.text, min_chars, None)
        ]
        assert [(s.key, s.paragraph) for s in whole.sentences] == expected
    assert whole.sentences  # the report has narrative sentences of 20 characters


def test_a_long_sentence_that_ends_in_shared_words_is_narrative():
    # 本年度申请和办理情况见下表 alone is the words every report shares; a sentence that says more
    # before them is the report's own (and is compared across years)
    text = (
        "本年度申请和办理情况见下表。本年度未收取信息处理费。本年度共受理政府信息公开申请16件，较上年增长一倍，"
        "主要集中在市场主体登记和食品抽检等领域，具体办理情况见下表。"
    )
    keys = [k for k, _ in sentences._text_keys(text, 8, None)]
    assert keys == [
        "本年度共受理政府信息公开申请#件较上年增长一倍主要集中在市场主体登记和食品抽检等领域具体办理情况见下表"
    ]
