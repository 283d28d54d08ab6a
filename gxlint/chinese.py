"""Small text helpers shared by the reader and the rules: numerals, label keys, dates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
NUMERALS = "一二三四五六七八九十"


def numeral_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十一 -> 21; None if ``text`` is not a Chinese numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = _DIGITS.get(head, None) if head else 1
        ones = _DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1:
        return _DIGITS.get(text)
    return None


def numeral_text(n: int) -> str:
    if n <= 10:
        return "零一二三四五六七八九十"[n]
    if n < 20:
        return "十" + "零一二三四五六七八九"[n - 10]
    tens, ones = divmod(n, 10)
    return "零一二三四五六七八九"[tens] + "十" + ("" if ones == 0 else "零一二三四五六七八九"[ones])


_SPACES = re.compile(r"[\s\u3000\u00a0*]+")


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """NFKC (full-width to half-width), without spaces and markdown emphasis."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# Numbering in front of a label: 一、 / 一. / (一) / 1. / 1、 / (1)
_NUMBERING = re.compile(
    r"^(?:(?P<cn>[一二三四五六七八九十]{1,3})[、.,]"
    r"|\((?P<paren>[一二三四五六七八九十]{1,3})\)"
    r"|(?P<arabic>\d{1,2})(?:[.、,](?!\d))"
    r"|\((?P<arabic_paren>\d{1,2})\))"
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def split_numbering(label: str) -> tuple[str | None, str]:
    """Split the numbering off a normalised label: ('cn:3', 'xxx'), ('paren:3', …), ('arabic:2', …)."""
    m = _NUMBERING.match(label)
    if not m:
        return None, label
    for kind in ("cn", "paren", "arabic", "arabic_paren"):
        value = m.group(kind)
        if value is not None:
            number = numeral_value(value) if kind in ("cn", "paren") else int(value)
            kind = "arabic" if kind == "arabic_paren" else kind
            return f"{kind}:{number}", label[m.end():]
    return None, label  # pragma: no cover


@lru_cache(maxsize=8192)
def label_key(text: str) -> tuple[str | None, str]:
    """(numbering, key) of a label: the numbering as in :func:`split_numbering` and the words
    without spaces, punctuation or quotes, so that width, spacing and punctuation variants of a
    label compare equal."""
    numbering, rest = split_numbering(norm(text))
    return numbering, _PUNCT.sub("", rest)


# Dates -----------------------------------------------------------------------------------------

DATE_CN = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_dates(text: str):
    """Yield (date, start, end) for every 2020年1月8日 / 2020-01-08 style date in ``text``."""
    for pattern in (DATE_CN, DATE_ISO):
        for m in pattern.finditer(text):
            date = make_date(*m.groups())
            if date is not None:
                yield date, m.start(), m.end()


def cjk_count(text: str) -> int:
    """How many CJK unified ideographs (U+4E00-U+9FFF) ``text`` holds.

    Not a regex: compiling the character class [\\u4e00-\\u9fff] costs over 1 ms at start-up."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def __getattr__(name: str):
    # ``CJK`` (the compiled [\u4e00-\u9fff]) is built on first use, for the rules that want it.
    if name == "CJK":
        pattern = globals()["CJK"] = re.compile(r"[\u4e00-\u9fff]")
        return pattern
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Folding running text ----------------------------------------------------------------------------

_FOLD: dict[int, str | None] | None = None
# the blocks where NFKC maps one character to one other: full-width forms, punctuation, enclosed
# and compatibility characters, Kangxi radicals
_FOLD_RANGES = ((0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF), (0x2E80, 0x2FDF),
                (0x3000, 0x303F), (0x3200, 0x33FF), (0xF900, 0xFAFF), (0xFE30, 0xFE6F), (0xFF00, 0xFFEF))


# every code point for which str.isspace() is true
_WHITESPACE = (9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, *range(8192, 8203), 8232, 8233, 8239, 8287,
               12288)


def _fold_table() -> dict[int, str | None]:
    global _FOLD
    if _FOLD is None:
        table: dict[int, str | None] = {}
        for lo, hi in _FOLD_RANGES:
            for cp in range(lo, hi + 1):
                ch = chr(cp)
                n = unicodedata.normalize("NFKC", ch)
                if n != ch and len(n) == 1:
                    table[cp] = n
        for cp in _WHITESPACE:
            table[cp] = None
        table[ord("*")] = None
        _FOLD = table
    return _FOLD


def fold(text: str) -> str:
    """``text`` without whitespace and ``*``, each character NFKC-folded where that gives one
    character (full-width ，（１ become ,(1).  Fast: one str.translate."""
    return text.translate(_fold_table())


def fold_index(text: str) -> list[int]:
    """For each character of ``fold(text)``, its index in ``text``."""
    table = _fold_table()
    return [i for i, ch in enumerate(text) if table.get(ord(ch), 0) is not None]
