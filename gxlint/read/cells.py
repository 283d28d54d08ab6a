"""Reading one data cell: a number exactly as written, a blank, or a malformed token.

The template's cells are non-negative integers, except the signed change column (本年增/减) and
the money columns, which may be decimal (docs/format.md, Cells).  A number may carry a unit or a remark after
it (``251000元``, ``22（其中修订16件）``, ``27 其中网上12件`` -- a cell's second line), or a remark in brackets
before it (``（含上年）3``): the figure is the value.  Anything else that is
not a number -- ``00``, ``1O``, ``—``, ``0 0`` -- is kept as a malformed cell with its raw text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from typing import Callable

from gxlint.model import Cell, Span

_NUMBER = re.compile(r"([+\-])?(\d+(?:,\d{3})*(?:\.\d+)?)")
# for a cell with more than its number (a unit, a remark): compiled on first use (``re`` caches)
_RAW_NUMBER = r"\s*[+\-＋－\u2212]?\d[\d,，.．]*"
_REMARK = r"^[（(].*[)）]$"
_MD_ESCAPE = re.compile(r"\\(?=[.+\-])")
#: a remark in brackets before the number (（含上年）3, (含网上申请12件)20): words, not a number alone
_REMARK_FIRST = re.compile(
    r"(?![（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])"  # not a list's numbering: （一）2021年…
    r"([（(](?=[^（()）]{0,60}[\u4e00-\u9fff])[^（()）]{1,60}[)）])\s*(?=[+\-]?\d)"
)
#: the words a remark opens with when it follows the number after a blank (a cell's second line,
#: 27 / 其中网上12件): the number is the cell's, the rest its note
_REMARK_WORDS = ("其中", "含", "包括", "包含", "注", "备注", "另")
#: what a number may carry after it besides a remark
_UNITS = ("万元", "亿元", "元", "件", "条", "项", "个", "次", "人次", "家", "份", "%", "％")


def read_cell(
    text: str, span: Span, column: str | None = None, *, signed: bool = False, money: bool = False
) -> Cell:
    raw, value, status, note = reader(signed, money)(text)
    return Cell(raw, span, value, status, column, note)


Reading = tuple[str, int | float | None, str, str]


def reader(signed: bool = False, money: bool = False) -> Callable[[str], Reading]:
    """What :func:`read_cell` makes of a text in a column of this kind: (text as kept, value,
    status, note)."""
    return _READERS[bool(signed), bool(money)]


#: characters that show nothing, which a page or a paste from one leaves beside a number (a zero-
#: width space): not part of the cell, as an HTML reader drops them too
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _reading(text: str, signed: bool, money: bool) -> Reading:
    raw = text.strip()
    if raw and (raw[0] in _INVISIBLE or raw[-1] in _INVISIBLE):
        raw = raw.strip(_INVISIBLE + " \t\u3000\u00a0")
    if not raw:
        return raw, None, "blank", ""
    # a markdown escape (12\.5, \+2, \-): what a converter wrote for the number as written
    plain = _MD_ESCAPE.sub("", raw) if "\\" in raw else raw
    value, note, ok = parse_number(plain, signed=signed, money=money)
    if not ok:
        return raw, None, "malformed", ""
    return raw, value, "number", note


# Cells repeat (``0``, ``1``, ``12``) within and across reports, and the reading depends on the text
# alone: each kind of column keeps the readings of its texts.
_READERS = {
    (signed, money): lru_cache(maxsize=4096)(partial(_reading, signed=signed, money=money))
    for signed in (False, True)
    for money in (False, True)
}


def parse_number(raw: str, *, signed: bool = False, money: bool = False):
    """(value, trailing note, ok) for a cell's text."""
    # NFKC folds the full-width ＋ and －; the minus sign U+2212 (−2, as typeset text writes it) is
    # a minus too
    text = unicodedata.normalize("NFKC", raw).strip().replace("\u2212", "-")
    m = _NUMBER.match(text)
    if m is None:
        # a remark before the number (（含上年）3): the number, the remark its note
        before = _REMARK_FIRST.match(text)
        if before is None:
            return None, "", False
        number, after, ok = parse_number(text[before.end() :], signed=signed, money=money)
        if not ok:
            return None, "", False
        remark = raw.strip()[: len(before.group(1))]
        return number, f"{remark} {after}".strip() if after else remark, True
    sign, digits = m.group(1), m.group(2)
    rest = text[m.end() :].strip()
    if sign and not signed:
        return None, "", False
    plain = digits.replace(",", "")
    if "." in plain:
        if not money:
            return None, "", False
        whole = plain.split(".", 1)[0]
        if len(whole) > 1 and whole.startswith("0"):
            return None, "", False
        value: int | float = float(plain)
    else:
        if len(plain) > 1 and plain.startswith("0"):
            return None, "", False
        value = int(plain)
    if rest and not (
        rest.startswith(_UNITS)
        or re.match(_REMARK, rest)
        or (text[m.end()] == " " and rest.startswith(_REMARK_WORDS))
    ):
        return None, "", False
    if sign == "-":
        value = -value
    if rest:  # report the remark as written, not width-folded
        written = re.match(_RAW_NUMBER, raw)
        rest = raw[written.end() :].strip() if written else rest
    return value, rest, True


#: what offices write in a cell the template has no column for (不适用): a slash or a dash
NOT_APPLICABLE = frozenset(("/", "／", "\\", "—", "——", "–", "―", "-", "－", "--"))


def is_numeric_text(text: str) -> bool:
    """True for text that reads as a data cell rather than a label: starts with a digit or sign,
    or is a dash-like placeholder."""
    t = text.strip()
    if not t:
        return False
    if t[0] in "（(" and _REMARK_FIRST.match(unicodedata.normalize("NFKC", t)):
        return True  # （含上年）3: a number with a remark before it
    return t[0].isdigit() or t[0] in "+-－\u2212—–/／" or unicodedata.normalize("NFKC", t[0]).isdigit()
