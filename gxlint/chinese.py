"""Small text helpers shared by the reader and the rules: numerals, label keys, dates."""

from __future__ import annotations

import datetime as dt
import heapq
import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator

from gxlint.model import _Frozen, _set

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMERALS = "一二三四五六七八九十"


_UNITS = {"十": 10, "百": 100, "千": 1000}


def numeral_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十一 -> 21, 一百零六 -> 106, 两千 -> 2000; None if ``text`` is
    not a Chinese numeral (九九, 一百二: the colloquial 120 is also read 102, so it is none)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return 10 if text == "十" else _DIGITS.get(text)
    total, digit, last, zero = 0, None, 10_000, False
    for ch in text:
        if ch in "零〇":
            if digit is not None or zero or not total:
                return None  # 零 only stands for a skipped unit: 一百零六
            zero = True
        elif ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last or (digit is None and (total or zero or unit != 10)):
                return None  # units fall (千 百 十), and only 十 may stand without a digit (十二)
            total += (1 if digit is None else digit) * unit
            digit, last, zero = None, unit, False
        else:
            return None
    if digit is not None:
        if last > 10 and last != 10_000 and not zero:
            return None  # 一百二: 120 or 102
        total += digit
    elif zero:
        return None
    return total


def numeral_text(n: int) -> str:
    if n <= 10:
        return "零一二三四五六七八九十"[n]
    if n < 20:
        return "十" + "零一二三四五六七八九"[n - 10]
    tens, ones = divmod(n, 10)
    return "零一二三四五六七八九"[tens] + "十" + ("" if ones == 0 else "零一二三四五六七八九"[ones])


#: a blank within a line, for patterns: space, tab, U+3000 (and the rare Unicode spaces U+2000-U+200A
#: …), never a line or page break nor NBSP.  Spelt as a negated class because ``[ \t\u3000]``
#: compiles to a 64K-entry bitmap (0.2 ms each time it is written, ~100 times at start-up).
HSPACE = r"[^\S\n\r\f\v\x1c-\x1f\x85\xa0]"

#: blanks and markdown's emphasis, and the backslash of a markdown escape (``1\.``, ``\+2``, written by
#: converters from web pages so that a number at a line's start is no list item)
# (with the characters that show nothing: zero-width spaces and joiners, the BOM, the soft hyphen)
_SPACES = re.compile(r"[\s\u00a0*\u200b-\u200d\u2060\ufeff\u00ad]+|\\(?=[!-/:-@\[-`{-~])")


def char_width(c: str) -> int:
    """The columns a character takes in a monospaced terminal or editor: two for a wide one (汉字,
    full-width forms), one for any other."""
    return 1 if c < "\u1100" else 2 if unicodedata.east_asian_width(c) in "WF" else 1


def text_width(text: str) -> int:
    """The columns ``text`` takes in a monospaced terminal or editor (:func:`char_width`)."""
    return sum(map(char_width, text))


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """NFKC (full-width to half-width), without spaces, characters that show nothing, markdown
    emphasis and markdown escapes."""
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
            return f"{kind}:{number}", label[m.end() :]
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


def find_dates(text: str) -> Iterator[tuple[dt.date, int, int]]:
    """Yield (date, start, end) for every full date in ``text`` in the order they are written, as
    :func:`written_dates` reads them (``2020年1月8日``, ``2020-01-08``, ``２０２０－０１－０８``,
    ``二〇二〇年一月八日``)."""
    for written in written_dates(text):
        if written.date is not None:
            yield written.date, written.start, written.end


#: full-width digits and a date's punctuation made half-width, one character for one (positions kept)
_HALF_WIDTH = str.maketrans("０１２３４５６７８９－／．：", "0123456789-/.:")
#: one date as a header line or a signature writes it, in half-width text with Arabic digits:
#: ``2022年2月1日`` (also 号, and ``2022年2月``: a month alone), ``2022-02-01``, ``2022/2/1``,
#: ``2022.2.1``; groups: year, month, day (None for a month alone)
_ONE_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"
    r"|(?P<sep>[-/.])(\d{1,2})(?P=sep)(\d{1,2})(?!\d))"
)


class WrittenDate(_Frozen):
    """A date as written: its ``year`` and ``month``, its ``day`` (None for a month written alone:
    ``2022年2月``) and where it stands in the text read (``start``, ``end``).  ``date`` is the day
    it names, None for a month alone or a day that does not exist (``2022年2月30日``)."""

    __slots__ = ("year", "month", "day", "start", "end", "date")
    year: int
    month: int
    day: int | None
    start: int
    end: int
    date: dt.date | None

    def __init__(self, year: int, month: int, day: int | None, start: int, end: int) -> None:
        _set(self, "year", year)
        _set(self, "month", month)
        _set(self, "day", day)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "date", make_date(year, month, day) if day is not None else None)

    @property
    def last_day(self) -> dt.date | None:
        """The last day the date may be: the day, or a month's last day; None for no such month."""
        if self.day is not None:
            return self.date
        return _month_end(self.year, self.month) if 1 <= self.month <= 12 else None


def written_dates(text: str) -> Iterator[WrittenDate]:
    """Every date written in ``text`` (:data:`_ONE_DATE`'s forms, its digits also full-width or
    Chinese numerals: ``２０２２－０２－０１``, ``二〇二二年二月一日``, ``二0二二年``), in the order
    they are written, with their place in ``text``.  The one date reader of header lines
    (发布日期：…) and signatures, whatever the form the report came in."""
    half = text.translate(_HALF_WIDTH)
    arabic = arabic_dates(half)
    read, index = arabic if arabic is not None else (half, None)
    for m in _ONE_DATE.finditer(read):
        year, month, day = m.group(1), m.group(2) or m.group(5), m.group(3) or m.group(6)
        start, end = m.start(), m.end()
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        yield WrittenDate(int(year), int(month), int(day) if day else None, start, end)


def whole_date(text: str) -> WrittenDate | None:
    """``text`` as one date and nothing else around it (a signature's date line), or None."""
    stripped = text.strip(" \t\u3000\u00a0")
    if not stripped or len(stripped) > 24 or not (stripped[0].isdigit() or stripped[0] in _CN_YEAR_DIGITS):
        return None
    for written in written_dates(stripped):
        return written if written.start == 0 and written.end == len(stripped) else None
    return None


#: the labels a web page gives the date it published a report on, in the order they are trusted:
#: the publication date, else the date the page was generated, else the date the document was drawn up
PUBLICATION_LABELS = (
    ("发布日期", "发布时间", "公开日期", "发文日期", "上传时间", "发表时间"),
    ("生成日期",),
    ("成文日期", "印发日期"),
)


def labelled_date(text: str, labels: tuple[str, ...]) -> WrittenDate | None:
    """The first full date in ``text`` that directly follows one of ``labels`` (``发布时间：2022-01-25``,
    ``【发布日期：２０２２－０２－０１】``, ``发布日期：二〇二二年二月一日``): the date of that field,
    never one of another field on the same line (``成文日期：…``) or of the text after it."""
    for m in _label_pattern(labels).finditer(text):
        begin = m.end()
        for written in written_dates(text[begin : begin + 24]):
            if written.start == 0 and written.date is not None:
                return WrittenDate(written.year, written.month, written.day, begin, begin + written.end)
            break
    return None


@lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``labels`` and what separates it from its value (a colon, spaces)."""
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r")[\s\u3000]*[:：]?[\s\u3000]*")


def cjk_count(text: str) -> int:
    """How many CJK unified ideographs (U+4E00-U+9FFF) ``text`` holds.

    Not a regex: compiling the character class [\\u4e00-\\u9fff] costs over 1 ms at start-up."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def has_cjk_run(text: str, n: int) -> bool:
    """Whether ``text`` holds ``n`` CJK unified ideographs in a row (what ``[\\u4e00-\\u9fff]{n}``
    finds, without compiling the class)."""
    run = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            run += 1
            if run >= n:
                return True
        else:
            run = 0
    return False


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds any of ``words`` (words, or the characters of a string).  For lists
    that are only looked for: a pattern of Chinese words costs a compile in every run, and a loop
    of ``in`` tests is no slower than its search (a loop, not ``any()``: no generator per call)."""
    for word in words:
        if word in text:
            return True
    return False


# Folding running text ----------------------------------------------------------------------------

_FOLD: dict[int, str | None] | None = None
# the blocks where NFKC maps one character to one other: full-width forms, punctuation, enclosed
# and compatibility characters, Kangxi radicals
_FOLD_RANGES = (
    (0x00A0, 0x00FF),
    (0x2000, 0x206F),
    (0x2100, 0x218F),
    (0x2460, 0x24FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3200, 0x33FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFFEF),
)


# every code point for which str.isspace() is true
_WHITESPACE = (
    9,
    10,
    11,
    12,
    13,
    28,
    29,
    30,
    31,
    32,
    133,
    160,
    5760,
    *range(8192, 8203),
    8232,
    8233,
    8239,
    8287,
    12288,
)


class _FoldTable(dict):
    """code point -> what :func:`fold` makes of it: None for whitespace and ``*``, else the
    character itself or its one-character NFKC form.  Filled as characters are met: a text holds a
    few hundred distinct characters, and normalising every code point of the ranges up front would
    cost each run more than its texts do.  Every character met gets an entry, so ``str.translate``
    never looks one up in vain."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        folded = ch
        if any(lo <= cp <= hi for lo, hi in _FOLD_RANGES):
            n = unicodedata.normalize("NFKC", ch)
            if len(n) == 1:
                folded = n
        self[cp] = folded
        return folded


def _fold_table() -> dict[int, str | None]:
    global _FOLD
    if _FOLD is None:
        table = _FoldTable()
        for cp in _WHITESPACE:
            table[cp] = None
        table[ord("*")] = None
        _FOLD = table
    return _FOLD


#: what :func:`fold` makes of the characters that running text is full of (the full-width
#: punctuation of Chinese, spaces and markdown's ``*``), each replaced in one pass of its own; every
#: other character it may change is looked for with :func:`_foldable`
_COMMON_DROPPED = (" ", "*", "\u3000")
_COMMON_FOLDED = (("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"))
#: common characters of the fold ranges that NFKC leaves as they are: not looked for at all
_COMMON_KEPT = "、。“”《》"

_FOLDABLE: re.Pattern | None = None


def _foldable() -> re.Pattern:
    """The characters :func:`fold` may change, but for the common ones it replaces on its own and
    the common ones it keeps: whitespace, ``*`` and the fold ranges.  Spelt as ranges, not as the
    characters that do change, so that compiling it needs no NFKC of every code point of the
    ranges.  One character, not a run: ``re`` skips to the start of a match by the class only when
    the pattern begins with the class itself."""
    global _FOLDABLE
    if _FOLDABLE is None:
        common = {*_COMMON_DROPPED, *(ch for ch, _ in _COMMON_FOLDED), *_COMMON_KEPT}
        dropped = re.escape("".join(ch for ch in map(chr, _WHITESPACE) if ch not in common))
        ranges = []
        for lo, hi in _FOLD_RANGES:
            for hole in sorted(ord(ch) for ch in common if lo <= ord(ch) <= hi):
                if lo < hole:
                    ranges.append((lo, hole - 1))
                lo = hole + 1
            if lo <= hi:
                ranges.append((lo, hi))
        spelt = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
        _FOLDABLE = re.compile("[" + dropped + spelt + "]")
    return _FOLDABLE


def fold(text: str) -> str:
    """``text`` without whitespace and ``*``, each character NFKC-folded where that gives one
    character (full-width ，（１ become ,(1).

    Not a str.translate over the whole text: that looks up every character in a dict, while a
    text holds only a few distinct characters that change, each replaced in one pass: the common
    ones by name, the others as :func:`_foldable` finds them.  The characters dropped go first: a
    character folded to one of them (＊ to ``*``) is kept, as by a single translation, and NFKC
    never folds a character to one that folds again (nor to a common one that is replaced)."""
    for ch in _COMMON_DROPPED:
        text = text.replace(ch, "")
    found = _foldable().findall(text)
    if found:
        table = _fold_table()
        changed = []
        for ch in set(found):
            folded = table[ord(ch)]
            if folded is None:
                text = text.replace(ch, "")
            elif folded != ch:
                changed.append((ch, folded))
        for ch, folded in changed:
            text = text.replace(ch, folded)
    for ch, folded in _COMMON_FOLDED:
        text = text.replace(ch, folded)
    return text


def fold_index(text: str) -> list[int]:
    """For each character of ``fold(text)``, its index in ``text``."""
    table = _fold_table()
    return [i for i, ch in enumerate(text) if table[ord(ch)] is not None]


_DROPPED: re.Pattern | None = None


def fold_position(text: str, k: int) -> int:
    """``fold_index(text)[k]`` without mapping the whole text: ``k`` plus the characters that
    :func:`fold` drops before it."""
    global _DROPPED
    if _DROPPED is None:
        dropped = sorted(chr(cp) for cp, value in _fold_table().items() if value is None)
        _DROPPED = re.compile("[" + re.escape("".join(dropped)) + "]+")
    i = k
    for m in _DROPPED.finditer(text):
        if m.start() > i:
            break
        i += m.end() - m.start()
    return i


# Years and statistics periods ------------------------------------------------------------------

#: the characters of a year written in Chinese numerals (二〇二一年): its 〇 is also typed 零, the
#: circle ○ (U+25CB, what input methods offer for ling) or the letter O (Ｏ)
CN_YEAR_DIGITS = "〇零○OＯ一二三四五六七八九"
_CN_YEAR_DIGITS = {
    "〇": "0",
    "零": "0",
    "○": "0",
    "O": "0",
    "Ｏ": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    # the digit zero typed among Chinese numerals (二0二二年): read only in such a year
    "0": "0",
    "０": "0",
}
#: the characters of :data:`CN_YEAR_DIGITS` that are Chinese numerals, not a letter or a circle
_CN_NUMERAL_YEAR_DIGITS = "〇零一二三四五六七八九"
_YEAR_IN = re.compile(rf"(?<!\d)(\d{{4}})\s*年|([{CN_YEAR_DIGITS}]{{4}})\s*年")


def year_in(text: str | None) -> int | None:
    """The first year (1990–2100) written in ``text``: ``2021年``, ``２０２１ 年``, ``二〇二一年``."""
    if not text:
        return None
    for m in _YEAR_IN.finditer(unicodedata.normalize("NFKC", text)):
        digits = m.group(1) or "".join(_CN_YEAR_DIGITS[c] for c in m.group(2))
        if 1990 <= int(digits) <= 2100:
            return int(digits)
    return None


#: what follows the agency's name in a title, longest first: the longest that ends it is cut
_TITLE_SUFFIXES = (
    "政府信息公开工作的年度报告",
    "政府信息公开工作年度报告",
    "政府信息公开的年度报告",
    "政府信息公开年度报告",
    "政府信息公开工作报告",
    "信息公开工作年度报告",
    "年度报告",
    "工作报告",
    "报告",
)
#: a note after a title: （修订版）, （更正）, （全文）
_TITLE_NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]$")
#: a notice that publishes the report (关于发布…年度报告的通知, …年度报告的公告): its end, and the
#: verb before the report's name
_NOTICE_ENDS = ("的通知", "的公告", "的通告", "通知", "公告", "通告")
_PUBLISHING = ("发布", "公布", "印发")


def title_agency(title: str | None) -> str | None:
    """The agency a report's title names: what is left of it without the year, the words of the
    report's name (…政府信息公开工作年度报告), a note (（修订版）), and 关于 or a notice's words
    (关于发布…报告的通知); None when nothing is left."""
    if not title:
        return None
    text = norm(title)
    # a subtitle naming the organ (…年度报告——示例县教育局) stands for the name before the year
    head, dash, organ = text.rpartition("——")
    if dash and head.endswith("报告") and organ:
        text = organ + head
    text = re.sub(rf"(?:\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})年度?", "", text)
    text = _TITLE_NOTE.sub("", text)
    text = next((text[: -len(end)] for end in _NOTICE_ENDS if text.endswith("报告" + end)), text)
    text = next((text[: -len(s)] for s in _TITLE_SUFFIXES if text.endswith(s)), text)
    text = text.strip("《》“”\"'：:，,")
    # 示例县教育局关于(发布)2021年…报告, 关于(公布)示例县教育局2021年…报告: the agency alone
    text = next((text[: -len(verb)] for verb in _PUBLISHING if text.endswith(verb)), text)
    text = text.removesuffix("关于")
    if text.startswith("关于"):
        text = text[2:]
        text = next((text[len(verb) :] for verb in _PUBLISHING if text.startswith(verb)), text)
    return text or None


#: what a title may hold where the agency's name goes without naming one: 本局, 我委, 关于
_PRONOUN = re.compile(
    r"^(?:(?:本|我)(?:局|委|办|厅|院|署|会|单位|机关|部门|中心|区|县|市|镇|乡|街道)?|关于)$"
)


def names_agency(agency: str | None) -> bool:
    """Whether the agency read from a title (:func:`title_agency`) is a name: not empty, one letter,
    本局, 我委 or 关于, and holding two 汉字 in a row."""
    return agency is not None and len(agency) >= 2 and not _PRONOUN.match(agency) and has_cjk_run(agency, 2)


class DateReading(_Frozen):
    """One date of a period statement as written, and what it can be read as.

    ``dates`` holds every valid reading: one when the date is clear, none when it is no date
    (``2月30日``, ``12月日``), several when digits run together without 年/月 split more than one
    way (``2021111日``: 1月11日 or 11月1日).  ``lost`` names the markers missing between
    run-together digits: ``202111日`` is 2021年1月1日 with 年 and 月 lost."""

    __slots__ = ("text", "year", "dates", "lost")
    text: str
    year: int | None
    dates: tuple[dt.date, ...]
    lost: str

    def __init__(self, text: str, year: int | None, dates: tuple[dt.date, ...], lost: str = "") -> None:
        _set(self, "text", text)
        _set(self, "year", year)
        _set(self, "dates", dates)
        _set(self, "lost", lost)

    @property
    def date(self) -> dt.date | None:
        return self.dates[0] if len(self.dates) == 1 else None


class PeriodReading(_Frozen):
    """A statement of the statistics period as read: its start and its end.  ``start`` is None
    when only the end is stated (``until``: ``数据统计截至2021年12月31日``); ``end`` is None when
    no end could be read.  ``begin``/``stop`` are offsets in the text read, ``text`` what they cut."""

    __slots__ = ("start", "end", "begin", "stop", "text", "until")
    start: DateReading | None
    end: DateReading | None
    begin: int
    stop: int
    text: str
    until: bool

    def __init__(
        self,
        start: DateReading | None,
        end: DateReading | None,
        begin: int,
        stop: int,
        text: str,
        until: bool = False,
    ) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "begin", begin)
        _set(self, "stop", stop)
        _set(self, "text", text)
        _set(self, "until", until)

    @property
    def years(self) -> tuple[int, ...]:
        """The years written in the statement, in order, without repeats."""
        out: list[int] = []
        for d in (self.start, self.end):
            if d is not None and d.year is not None and d.year not in out:
                out.append(d.year)
        return tuple(out)


def _date_pattern(t: str, year: bool = True) -> str:
    """A date in folded text (half-width digits, no spaces), its parts in groups suffixed ``t``:
    ISO ``2021-01-01``/``2021.1.1``; Chinese ``2021年1月1日`` with any of 年/月/日 missing
    (``202111日``, ``20211231``); a month (``2021年12月``); the year's end (``2021年底``).  Without
    ``year``: the same after a start that gave the year (``12月31日``, ``1231日``, ``年底``)."""
    if year:
        return (
            rf"(?P<t{t}>(?<!\d)(?:(?P<iy{t}>\d{{4}})[-/.](?P<im{t}>\d{{1,2}})[-/.](?P<id{t}>\d{{1,2}})(?!\d)"
            rf"|(?P<ey{t}>\d{{4}})年(?:底|末)"
            rf"|(?P<y{t}>\d{{4}})(?P<n{t}>年)?(?P<a{t}>\d{{1,4}})(?P<m{t}>月)?(?P<b{t}>\d{{1,2}})?(?P<d{t}>[日号])?))"
        )
    return (
        rf"(?P<t{t}>(?<!\d)(?:年(?:底|末)"
        rf"|(?=\d{{1,4}}[月日号])(?P<a{t}>\d{{1,4}})(?P<m{t}>月)?(?P<b{t}>\d{{1,2}})?(?P<d{t}>[日号])?))"
    )


_SEP = r"(?:起|开始)?(?:至|到|[—–~〜―-]{1,2})(?:至)?"
# all on fold()ed text: full-width digits and punctuation half-width, no spaces
_RANGE = re.compile(
    _date_pattern("1") + _SEP + r"(?:" + _date_pattern("2") + "|" + _date_pattern("3", False) + r")(?!\d)"
)
_UNTIL = re.compile(r"(?:截至|截止)(?:到|至)?" + _date_pattern("2") + r"(?!\d)")
_TOKEN = re.compile(_date_pattern("1") + r"(?!\d)")
#: where a run of four or more digits starts: the same starts as (?<!\d)\d{4}, whose look-behind
#: makes ``re`` try every character, where a pattern opening with a digit skips to the next digit
_YEAR_START = re.compile(r"\d\d\d\d\d*")
#: words that introduce the period: a date range shortly after one of them is the period
PERIOD_WORDS = re.compile(r"统计|期限|期间|时段|时限|区间|所列数据|报告期(?!内)")
#: every match of PERIOD_WORDS holds one of these, and fold() makes none of them of another character:
#: a text without them states no period, and is not folded to learn it
_PERIOD_CHARS = "统期时区所"
#: words that introduce nothing but the period: after them, dates that make no range are a
#: malformed statement of the period, not an unrelated date
PERIOD_STATEMENT = re.compile(r"统计(?:期限|时限|时间|区间|周期|时段|期间|日期)|报告期(?!内)")
#: words that often introduce the period (所列数据自…起至…止, 数据统计截至…) but also other figures:
#: a range or an end date right after them is the period, other dates are not
#: (one flat alternation: ``re`` skips to where one of its first characters stands, which it cannot
#: for an alternation that opens with a group)
PERIOD_DATA = re.compile(r"所列数据|统计数据|数据统计")
_SENTENCE_END = "。;!?"
#: the period stated as a whole year: 统计期限为2021年度, 统计时间：2021年全年, 报告期为二〇二一年;
#: group 1 the year as written (:func:`year_number` reads it)
WHOLE_YEAR = re.compile(
    r"(?:(?:统计|数据)(?:期限|时限|时间|区间|周期|范围|时段|期间)|报告期(?!内)|所列数据)"
    rf"[为是自从：:\s]*(\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})\s*年(?:度|全年)?"
)


def year_number(written: str) -> int:
    """A year of four digits, Arabic (also full-width) or Chinese (二〇二一), as a number."""
    return int("".join(_CN_YEAR_DIGITS.get(c, c) for c in written))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


#: the groups :func:`_date_pattern` names in a date, without their suffix: those of the date's year
#: first, which a date written without one (``year=False``) does not have
_DATE_GROUPS = ("iy", "im", "id", "ey", "y", "n", "t", "a", "m", "b", "d")
_YEAR_GROUPS = 6
#: the groups' names with each suffix the patterns give them
_DATE_NAMES = {t: tuple(part + t for part in _DATE_GROUPS) for t in "123"}


def _date_groups(m: re.Match, t: str) -> tuple:
    """The values of the groups suffixed ``t`` in ``m``, in the order of :data:`_DATE_GROUPS` (None
    where the pattern has no such group): fetched at once, not the whole pattern's groups by name."""
    names = _DATE_NAMES[t]
    if names[0] in m.re.groupindex:
        return m.group(*names)
    return (None,) * _YEAR_GROUPS + m.group(*names[_YEAR_GROUPS:])


def _read_date(
    m: re.Match, t: str, year: int | None = None, last: bool = False, month_start: bool = False
) -> DateReading:
    """The date matched by the groups suffixed ``t``.  ``year``: the start's, for an end written
    without one.  ``last``: a month alone (``12月``) stands for its last day, else its first.
    ``month_start``: a number alone after 年 is a month (``2021年1-12月``)."""
    iso_year, iso_month, iso_day, end_year, ymd_year, nian, text, a, yue, b, ri = _date_groups(m, t)
    y: int | None
    if iso_year is not None:
        y = int(iso_year)
        d = make_date(y, iso_month, iso_day) if 1990 <= y <= 2100 else None
        return DateReading(text, y, (d,) if d else ())
    written = end_year if end_year is not None else ymd_year
    y = int(written) if written is not None else year
    if y is None or not 1990 <= y <= 2100:
        return DateReading(text, y, ())
    if a is None:  # 年底 / 2021年底
        return DateReading(text, y, (dt.date(y, 12, 31),))
    b = b or ""
    has_year = written is None or nian is not None
    has_month, has_day = yue is not None, ri is not None
    if has_month:
        lost = "" if has_year else "年"
        if len(a) > 2:
            return DateReading(text, y, (), lost)
        if b:
            d = make_date(y, a, b)
        elif has_day:  # 12月日: the day is missing
            d = None
        elif 1 <= int(a) <= 12:
            d = _month_end(y, int(a)) if last else dt.date(y, int(a), 1)
        else:
            d = None
        return DateReading(text, y, (d,) if d else (), lost)
    if month_start and not b and not has_day and has_year and len(a) <= 2:  # 2021年1-12月
        d = make_date(y, a, 1)
        return DateReading(text, y, (d,) if d else ())
    if written is not None and not has_year and not has_day:
        lost = ""  # 20211231: a compact date, nothing lost
    else:
        lost = ("" if has_year else "年") + "月"
    digits, found = a + b, []
    for i in range(1, len(digits)):
        month, day = digits[:i], digits[i:]
        if len(month) <= 2 and len(day) <= 2:
            d = make_date(y, month, day)
            if d is not None and d not in found:
                found.append(d)
    return DateReading(text, y, tuple(found), lost)


def _range(text: str, m: re.Match) -> PeriodReading:
    t = "2" if m.group("t2") is not None else "3"
    start_year = next((int(v) for v in m.group("iy1", "ey1", "y1") if v is not None), None)
    end = _read_date(m, t, start_year, last=True)
    a, yue, b, ri = m.group("a" + t, "m" + t, "b" + t, "d" + t)
    month_end = a is not None and yue is not None and not b and ri is None
    start = _read_date(m, "1", month_start=month_end)
    return _cut(text, m.string, start, end, m.start(), m.end())


def _cut(text: str, folded: str, start, end, begin: int, stop: int, until: bool = False) -> PeriodReading:
    """The statement at folded[begin:stop], mapped back to ``text`` (``folded`` is fold(text))."""
    if len(folded) == len(text):  # fold() dropped nothing: each character is where it was
        b, e = begin, stop
    else:  # the map only for the statement found: most paragraphs that name 统计 state none
        b, e = fold_position(text, begin), fold_position(text, stop - 1) + 1
    return PeriodReading(start, end, b, e, text[b:e], until)


def _tokens(
    text: str, folded: str, begin: int, stop: int, loose: bool = True, first: re.Match | None = None
) -> PeriodReading | None:
    """The range that starts at the first date in folded[begin:stop]; else, when ``loose``, the
    dates there that make no range: the first is the start, the second (if any) the end.
    ``first``: that first date, when the caller has looked for it already."""
    if first is None:
        first = _TOKEN.search(folded, begin, stop)
    if first is None:
        return None
    m = _RANGE.match(folded, first.start())
    if m is not None:
        return _range(text, m)
    if not loose:
        return None
    start = _read_date(first, "1")
    second = _TOKEN.search(folded, first.end(), stop)
    end = _read_date(second, "1", year=start.year, last=True) if second is not None else None
    return _cut(text, folded, start, end, first.start(), (second or first).end())


def _read_period(text: str) -> PeriodReading | None:
    """Read ``text``, a statement of the period as :func:`find_period` cut it: a range
    (``2021年1月1日起至2021年12月31日``, ``2021-01-01至2021-12-31``, ``2021年1月至12月``,
    ``202111日起至20211230日``), an end (``截至2021年12月31日``), or dates that make no range."""
    folded = fold(text)
    if not folded:
        return None
    if folded.startswith(("截至", "截止")):
        m = _UNTIL.match(folded)
        if m is not None:
            return _cut(text, folded, None, _read_date(m, "2", last=True), 0, m.end(), until=True)
    return _tokens(text, folded, 0, len(folded))


def _period_words(folded: str) -> Iterator[re.Match]:
    """The words of :data:`PERIOD_STATEMENT` and :data:`PERIOD_DATA` in ``folded`` in order (where
    both start at one place, the statement's first), each pattern searched only as far as the words
    are asked for: the first usually introduces the statement."""
    # ``in`` finds a word far sooner than ``re`` scans Chinese text: each pattern where its words stand
    statements = PERIOD_STATEMENT.finditer(folded) if "统计" in folded or "报告期" in folded else iter(())
    data = PERIOD_DATA.finditer(folded) if "数据" in folded else iter(())
    return heapq.merge(statements, data, key=re.Match.start)


def _find_period(text: str) -> tuple[int, PeriodReading] | None:
    """The statement of the statistics period in a paragraph, with its strength.

    2: in the sentence after words that introduce the period (统计期限, 统计时间, 报告期, 所列数据,
    数据统计 …), a range or an end (``截至2021年12月31日``); after the words that introduce nothing
    else (统计期限, 统计时限, 统计时间, 统计区间, 报告期 …), also dates that make no range: a
    malformed statement is still a statement.  1: a range within 40 characters after a word such
    as 统计 or 期间."""
    if not any(c in text for c in _PERIOD_CHARS):
        return None
    folded = fold(text)
    for w in _period_words(folded):
        stop = min(len(folded), w.end() + 50)
        for end_char in _SENTENCE_END:
            at = folded.find(end_char, w.end(), stop)
            if at >= 0:
                stop = at
        until = _UNTIL.search(folded, w.end(), stop)
        first = _TOKEN.search(folded, w.end(), stop)
        if (
            until is not None
            and (first is None or until.start() < first.start())
            and not re.search(r"[,，]", folded[w.end() : until.start()])
        ):
            end = _read_date(until, "2", last=True)
            return 2, _cut(text, folded, None, end, until.start(), until.end(), True)
        if first is None:
            continue  # no date: neither a range nor loose dates
        reading = _tokens(text, folded, w.end(), stop, loose=w.re is PERIOD_STATEMENT, first=first)
        if reading is not None:
            return 2, reading
    # Every word of the statement holds a word of PERIOD_WORDS: a text without one has no word
    # above either, and asked only now, where none stated the period, the question is skipped in
    # the paragraphs that state it.
    if not PERIOD_WORDS.search(folded):
        return None
    # a range starts at a year, so it is tried only where four digits start: the same ranges as
    # _RANGE.finditer, which tries every character
    resume = 0
    for year in _YEAR_START.finditer(folded):
        if year.start() < resume:
            continue
        m = _RANGE.match(folded, year.start())
        if m is None:
            continue
        resume = m.end()
        if PERIOD_WORDS.search(folded, max(0, m.start() - 40), m.start()):
            return 1, _range(text, m)
    return None


#: a date's parts written in Chinese numerals: a year of four digits before 年 (二〇二一年), a month
#: or day before 月/日/号 (十二月三十一日)
_CN_DATE_PART = re.compile(
    rf"([{CN_YEAR_DIGITS}0０]{{4}})(?=\s*年)|([一二三四五六七八九十廿卅]{{1,3}}|元(?=\s*月))(?=\s*[月日号])"
)
#: the old forms a 公文 may still write a month or day in: 元月 (January), 廿 (twenty), 卅 (thirty)
_OLD_NUMERALS = {"元": "一", "廿": "二十", "卅": "三十"}
#: a year in Chinese numerals whose 〇 was typed as the digit zero (二0二二年, a common slip)
_ZERO_TYPED = ("二0", "二０")


def arabic_dates(text: str) -> tuple[str, list[int]] | None:
    """``text`` with the dates written in Chinese numerals (二〇二一年十二月三十一日) in Arabic digits
    (2021年12月31日), and for each character of it its index in ``text``; None where ``text`` holds
    no year in Chinese numerals (every year of 2000–2099 has a 〇, 零 or ○), which is most texts."""
    if not any(c in text for c in "〇零○OＯ") and not any(z in text for z in _ZERO_TYPED):
        return None
    if not any(_cn_year(m.group(1)) for m in _CN_DATE_PART.finditer(text)):
        return None
    out: list[str] = []
    index: list[int] = []
    at = 0
    for m in _CN_DATE_PART.finditer(text):
        if m.group(1):
            if not _cn_year(m.group(1)):
                continue
            digits = "".join(_CN_YEAR_DIGITS[c] for c in m.group(1))
        else:
            written = m.group(2)
            if any(c in written for c in _OLD_NUMERALS):  # 元月, 廿日, 廿一日, 卅一日
                written = "".join(_OLD_NUMERALS.get(c, c) for c in written).replace("十十", "十")
            value = numeral_value(written)
            if value is None or not 1 <= value <= 31:
                continue
            digits = str(value)
        out.append(text[at : m.start()])
        index.extend(range(at, m.start()))
        out.append(digits)
        # the digits stand where the numerals did: the last on the last numeral, so that a reading
        # that ends at a digit ends, mapped back, at the numeral
        last = m.end() - 1
        index.extend(min(m.start() + j, last) if j < len(digits) - 1 else last for j in range(len(digits)))
        at = m.end()
    out.append(text[at:])
    index.extend(range(at, len(text)))
    return "".join(out), index


def _cn_year(written: str | None) -> bool:
    """Whether four characters before 年 are a year in Chinese numerals: one of them at least is
    a Chinese numeral (二0二二 is, 0000 is not)."""
    return written is not None and any(c in _CN_NUMERAL_YEAR_DIGITS for c in written)


def _mapped(reading: PeriodReading, text: str, index: list[int]) -> PeriodReading:
    """``reading``, made of :func:`arabic_dates`' text, placed in ``text`` (the original)."""
    begin, stop = index[reading.begin], index[reading.stop - 1] + 1
    return PeriodReading(reading.start, reading.end, begin, stop, text[begin:stop], reading.until)


def read_period(text: str) -> PeriodReading | None:
    """Read ``text``, a statement of the period as :func:`find_period` cut it: a range
    (``2021年1月1日起至2021年12月31日``, ``2021-01-01至2021-12-31``, ``2021年1月至12月``,
    ``202111日起至20211230日``, ``二〇二一年一月一日至十二月三十一日``), an end
    (``截至2021年12月31日``), or dates that make no range."""
    arabic = arabic_dates(text)
    if arabic is None:
        return _read_period(text)
    reading = _read_period(arabic[0])
    return _mapped(reading, text, arabic[1]) if reading is not None else None


def find_period(text: str) -> tuple[int, PeriodReading] | None:
    """The statement of the statistics period in a paragraph, with its strength (:func:`_find_period`);
    its dates may be written in Chinese numerals (:func:`arabic_dates`)."""
    if not any(c in text for c in _PERIOD_CHARS):
        return None
    arabic = arabic_dates(text)
    if arabic is None:
        return _find_period(text)
    found = _find_period(arabic[0])
    return (found[0], _mapped(found[1], text, arabic[1])) if found is not None else None


#: what the operating system says when a file cannot be read or written, in Chinese (by errno)
_OS_ERRORS_ZH = {
    "ENOENT": "文件或目录不存在",
    "EACCES": "没有权限",
    "EPERM": "不允许此操作",
    "EISDIR": "这是一个目录",
    "ENOTDIR": "路径中有一项不是目录",
    "ENOSPC": "磁盘空间不足",
    "EROFS": "文件系统只读",
    "EEXIST": "文件已存在",
    "ENAMETOOLONG": "文件名过长",
    "ELOOP": "符号链接循环",
    "EIO": "输入输出错误",
}


def os_error_zh(exc: BaseException) -> str:
    """An OSError's reason in Chinese (its English words where the error is a rarer one)."""
    import errno

    name = errno.errorcode.get(getattr(exc, "errno", None) or -1, "")
    return _OS_ERRORS_ZH.get(name) or str(getattr(exc, "strerror", None) or exc)


#: what Python's JSON reader says of a mistake, in Chinese (by the start of its message)
_JSON_ERRORS_ZH = (
    ("Expecting property name", "应为双引号括起的键名"),
    ("Expecting value", "应为一个值"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Unterminated string", "字符串没有结束的引号"),
    ("Invalid control character", "字符串中有控制字符"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义"),
    ("Invalid \\escape", "无效的转义"),
    ("Extra data", "数据结束后还有多余内容"),
    ("Illegal trailing comma before end of array", "数组末尾多了一个逗号"),
    ("Illegal trailing comma before end of object", "对象末尾多了一个逗号"),
)


def json_error_zh(message: str) -> str:
    """A JSON reader's message (``json.JSONDecodeError.msg``) in Chinese; one this table does not
    know (Python's wording changes between versions) as a mistake in the syntax."""
    return next((zh for en, zh in _JSON_ERRORS_ZH if message.startswith(en)), "语法错误")
