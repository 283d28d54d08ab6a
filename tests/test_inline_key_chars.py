"""The inline-table reader's shortcuts, held to the definitions they replace."""

from __future__ import annotations

import random
import sys

from gxlint.read import inline
from gxlint.read.build import default_context


def _key_chars_by_char(text: str) -> tuple[str, list[int]]:
    """The definition: the whole text full-width folded, then its alphanumeric characters."""
    folded = text.translate(inline._FULLWIDTH)
    chars, offsets = [], []
    for i, ch in enumerate(folded):
        if ch.isalnum():
            chars.append(ch)
            offsets.append(i)
    return "".join(chars), offsets


def test_alnum_run_is_isalnum_for_every_character() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))  # each character once
    assert "".join(inline._ALNUM_RUN.findall(every)) == "".join(filter(str.isalnum, every))


def test_a_character_and_its_fold_are_alphanumeric_alike() -> None:
    for code in (*inline._FULLWIDTH, 0x3000):
        ch = chr(code)
        folded = ch.translate(inline._FULLWIDTH)
        assert ch.isalnum() == folded.isalnum(), hex(code)
        assert (inline._FULLWIDTH_ALNUM.fullmatch(ch) is not None) == (ch.isalnum() and folded != ch), hex(
            code
        )


def test_key_chars_as_character_by_character() -> None:
    samples = [
        "",
        "　",
        "_a_",
        "申请人情况　自然人　商业企业",
        "（一）本年新收政府信息公开申请数量６４０　０２０４７０",
        "ＡＢＣ１２３ａｂｃ，。！＿－",
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665",
        "Ⅷ ½ ² ٣ 〇 ①②",
    ]
    alphabet = "示例县政府信息公开0123456789０１９ＡＺａｚAz_ 　\t，。（）()：:Ⅷ½²①-+.．"
    rng = random.Random(8)
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(2000)]
    for text in samples:
        assert inline._key_chars(text) == _key_chars_by_char(text), text


def test_label_keys_unchanged() -> None:
    labels = default_context().inline.labels
    for group in labels.values():
        for label in group:
            assert label.key == _key_chars_by_char(label.text)[0]
