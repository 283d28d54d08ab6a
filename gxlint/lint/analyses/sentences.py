"""A report's narrative sentences, normalised so that the same sentence with other numbers compares
equal: what GX503 (copied text) compares across years, open to plugins that compare texts.

The narrative is the running text, less headings, tables, the introduction's fixed wording
(本报告依据…, 本报告所列数据的统计期限…, 本报告电子版…), the contact sentence and short fragments.
A sentence's key has its numbers and years (half- or full-width digits, 二〇二一年) as ``#`` and
no spaces or punctuation.

What it offers:

- :func:`normalise`: one sentence as compared;
- :func:`narrative`: a report's narrative (:class:`Narrative`: its paragraphs with their chapters,
  and its :class:`Sentence` keys);
- :func:`narrative_keys`: the set of a report's sentence keys, remembered for the two reports read
  last (a report is this year's in one pair and last year's in the next), and :func:`remember`,
  which records the keys of a narrative computed otherwise, for the next pair to find.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Iterator

from gxlint.chinese import CN_YEAR_DIGITS, has_cjk_run
from gxlint.model import Chapter, Paragraph, _Frozen, _set

# Only a cross-year comparison reads sentences: the patterns are compiled on first use (``re``
# caches them).
_MARKUP = "*#_`>"
_CN_DIGITS = CN_YEAR_DIGITS
_CN_YEAR = f"[{_CN_DIGITS}]{{4}}年"
# the same, written to start with 年: ``re`` skips from one 年 to the next and looks back only there
# (most 年 follow an Arabic numeral or a word: 2021年, 本年), where a pattern that starts with the
# numerals is tried at every character
_CN_YEAR_AT = f"年(?<=[{_CN_DIGITS}]{{4}}年)"
# The common ideographs, most of a narrative, are words and no digits (a test holds both): named in
# the class that a pattern starts with, they are passed over by a look in the class's table, where
# ``\d`` and ``\w`` ask the Unicode database about each character.  (``re`` compiles such a class
# slowly, once per run at most: gxlint.cache keeps it across command-line runs.)
_IDEOGRAPHS = "\u4e00-\u9fa5"
# one character, then the rest: a pattern that starts with a character class (not a repeat of one)
# lets ``re`` skip ahead to the next place it can start
_NUMBER = r"[^" + _IDEOGRAPHS + r"\D]\d*(?:[.,]\d+)*"
_NOT_WORD = r"[^\w#]+|_"
#: what ends a sentence ("\n" last: the others become it to cut a text at all of them)
_ENDS = "。！？；!?;\n"
# what _NOT_WORD drops, less the ends of sentences, in a text without markup (no "_")
_NOT_WORD_NOR_END = r"[^" + _IDEOGRAPHS + r"\w#" + _ENDS + r"][^\w#" + _ENDS + r"]*"
#: the template's and the convention's fixed wording: the introduction's sentences (本报告依据…编制,
#: 本报告所列数据的统计期限…, 本报告电子版可在…查阅和下载, 现将…报告如下)
_FIXED_START: tuple[str, ...] = (
    "本报告",
    "本年度报告",
    "根据中华人民共和国政府信息公开条例",
    "依据中华人民共和国政府信息公开条例",
    "按照中华人民共和国政府信息公开条例",
)
#: and what every report says in the same words: the introduction's list of its parts (全文包括
#: 总体情况、…), the lead-in to a table (…情况见下表), no fee charged (本年度未收取信息处理费)
_FIXED_START += ("全文包括", "全文分为", "全文由", "报告包括", "报告分为", "报告由")
_FIXED_END = "报告如下"
#: ... as a short sentence of its own: a longer one that ends so says more than the shared words
_SHARED_END = ("见下表", "如下表", "详见下表", "见附表", "未收取信息处理费", "未收取任何信息处理费")
#: how long a sentence with a shared ending may be and still be the shared words (本年度申请和办理情况见下表)
_SHARED_LENGTH = 16
#: the contact sentence and its pieces (address, post code, phone, e-mail, fax; 联系地址 and 联系电话
#: hold 地址 and 电话)
_CONTACT = ("如对本", "联系方式", "联系人", "电话", "邮箱", "邮编", "邮政编码", "传真", "地址")
#: a numbered sub-heading standing as its own sentence: （一）主动公开, 一、总体情况, 1.加强领导 (numbers are # here)
_ENUMERATED = r"^[（(]?[一二三四五六七八九十\d#]+[)）、.．]"
#: what a sentence's key starts with when the sentence is a numbered sub-heading (its digits are #)
_NUMERALS = "一二三四五六七八九十#"
#: what :data:`_NOT_WORD_NOR_END` drops most often after the comma
_OFTEN_DROPPED = ".%“”"


#: a count written in Chinese numerals, before the word it counts (二十八个, 两期, 一百八十人次), or
#: a share (百分之四): a number as its digits are
_CN_COUNT = (
    r"百分之[零〇一二两三四五六七八九十点]+"
    r"|[零〇一二两三四五六七八九十百千万]+[余多]?(?=[个件条次期人项家名场篇批份所座户天])"
)


def _numbers_out(text: str) -> str:
    """Every number (half- or full-width digits: ``\\d`` is Unicode, and counts in Chinese
    numerals) and year as #."""
    if _has_cn_year(text):
        text = re.sub(_CN_YEAR, "#年", text)
    return re.sub(_NUMBER, "#", re.sub(_CN_COUNT, "#", text))


def _has_cn_year(text: str) -> bool:
    """Whether a year in Chinese numerals (二〇二一年) stands in ``text``."""
    return re.search(_CN_YEAR_AT, text) is not None


def _lines(text: str) -> str:
    """``text`` with every end of a sentence a line end: its lines are the pieces between them."""
    for end in _ENDS[:-1]:
        if end in text:
            text = text.replace(end, "\n")
    return text


def normalise(sentence: str) -> str:
    """A sentence as compared across years: numbers and years become #, spaces and punctuation go."""
    return re.sub(_NOT_WORD, "", _numbers_out(sentence))


class Sentence(_Frozen):
    """One narrative sentence: its key (as :func:`normalise` makes it) and its paragraph."""

    __slots__ = ("key", "paragraph")
    key: str  # normalised
    paragraph: int  # index into Narrative.paragraphs

    def __init__(self, key: str, paragraph: int) -> None:
        _set(self, "key", key)
        _set(self, "paragraph", paragraph)


@dataclass
class Narrative:
    """A report's narrative sentences: the running text, less headings, tables, the introduction's
    fixed wording, the contact sentence and short fragments."""

    paragraphs: list[tuple[Paragraph, Chapter | None]]
    sentences: list[Sentence]

    @property
    def keys(self) -> set[str]:
        return {s.key for s in self.sentences}


#: the sentence keys of the reports read last: a report is this year's in one pair and last year's
#: in the next (weak references: the cache keeps no report alive)
_RECENT: list[tuple[weakref.ref, int, frozenset[str]]] = []


def narrative_keys(report, min_chars: int = 8) -> frozenset[str]:
    """The normalised sentences of a report's narrative (remembered for the two reports read last)."""
    for ref, chars, keys in _RECENT:
        if ref() is report and chars == min_chars:
            return keys
    # only the keys are asked for: no Sentence for each
    found = _masked(_keys(_paragraphs(report), min_chars), report)
    return _remember(report, min_chars, frozenset(key for key, _ in found))


def remember(report, min_chars: int, found: "Narrative") -> frozenset[str]:
    """Remember ``found``, the report's narrative with ``min_chars``, for :func:`narrative_keys`
    (a rule that needed the whole narrative of this year's report saves next year's pair the work);
    its keys."""
    return _remember(report, min_chars, frozenset([s.key for s in found.sentences]))


def _remember(report, min_chars: int, keys: frozenset[str]) -> frozenset[str]:
    try:
        _RECENT.insert(0, (weakref.ref(report), min_chars, keys))
    except TypeError:  # an object without weak references: not remembered
        return keys
    del _RECENT[2:]
    return keys


def narrative(report, min_chars: int = 8) -> "Narrative":
    """The report's narrative: its paragraphs outside headings and the title, and their sentences
    of at least ``min_chars`` characters (after dropping numbers and punctuation) that are not
    fixed wording, contact details or sub-headings."""
    paragraphs = _paragraphs(report)
    keys = _masked(_keys(paragraphs, min_chars), report)
    return Narrative(paragraphs, [Sentence(key, index) for key, index in keys])


def _paragraphs(report) -> list[tuple[Paragraph, Chapter | None]]:
    """The report's paragraphs outside headings and the title, with their chapters."""
    title = report.title_span
    paragraphs: list[tuple[Paragraph, Chapter | None]] = []
    chapter: Chapter | None
    for blocks, chapter in ((report.preamble, None), *((c.blocks, c) for c in report.chapters)):
        for block in blocks:
            if not isinstance(block, Paragraph) or block.heading_level:
                continue
            if title is not None and block.span.start < title.end and title.start < block.span.end:
                continue  # the title
            paragraphs.append((block, chapter))
    return paragraphs


#: what stands between two paragraphs when they are normalised together: a line of a letter
#: (``\w``: no pattern drops or changes it), not used when a paragraph holds it
_BETWEEN = "\U0001e800"


def _masked(keys: Iterator[tuple[str, int]], report) -> Iterator[tuple[str, int]]:
    """``keys`` with the report's own agency name as one word for any agency: a report copied from
    last year's under the agency's new name (环境保护局 → 生态环境局) has last year's sentences."""
    agency = getattr(report, "agency", None)
    name = re.sub(_NOT_WORD_NOR_END, "", agency) if agency else ""
    if len(name) < 4:
        yield from keys
        return
    for key, index in keys:
        yield (key.replace(name, "\ue000") if name in key else key), index


def _keys(paragraphs: list[tuple[Paragraph, Chapter | None]], min_chars: int) -> Iterator[tuple[str, int]]:
    """The narrative sentences' keys of ``paragraphs``, each with its paragraph's index."""
    texts = [para.text for para, _ in paragraphs]
    text = ("\n" + _BETWEEN + "\n").join(texts)
    if text.count(_BETWEEN) == len(texts) - 1:
        # one pass of each pattern over all the paragraphs, not one per paragraph: none crosses
        # or changes the line ends between them
        yield from _text_keys(text, min_chars, _BETWEEN)
        return
    for index, one in enumerate(texts):
        for key, _ in _text_keys(one, min_chars, None):
            yield key, index


def _text_keys(text: str, min_chars: int, between: str | None) -> Iterator[tuple[str, int]]:
    """The keys of ``text``'s narrative sentences, each with the index of its paragraph: the number
    of ``between`` lines before it."""
    for mark in _MARKUP:
        if mark in text:
            text = text.replace(mark, "")
    # cut before the pattern drops what is no word (it keeps the ends of sentences): the sentences
    # as written and their keys come from one cut
    text = _lines(_numbers_out(text))
    # the comma, the quotes, the points of numbered items (1.) and % are most of what the pattern
    # drops: gone first, they leave the pattern few matches
    words = text.replace("，", "")
    for mark in _OFTEN_DROPPED:
        if mark in words:
            words = words.replace(mark, "")
    words = re.sub(_NOT_WORD_NOR_END, "", words)
    keys = words.split("\n")
    # the sentences that hold a contact word, from where the words stand: most sentences hold none
    contact = _holding(words, _CONTACT_BY_FIRST)
    raw: list[str] | None = None  # the sentences as written, for the few keys that need them
    index = 0
    for at, key in enumerate(keys):
        if key == between:
            index += 1
            continue
        # a key's first character is most often an ideograph: no look further for one
        if len(key) < min_chars or not (("\u4e00" <= key[:1] <= "\u9fff") or has_cjk_run(key, 1)):
            continue
        if key.startswith(_FIXED_START) or key.endswith(_FIXED_END) or at in contact:
            continue
        if len(key) <= _SHARED_LENGTH and key.endswith(_SHARED_END):
            continue
        # a sub-heading's numeral is its key's first character (the brackets before it are dropped)
        if len(key) <= 16 and key[0] in _NUMERALS:
            if raw is None:
                raw = text.split("\n")
            if re.match(_ENUMERATED, raw[at].strip()):
                continue  # a sub-heading: （一）主动公开
        yield key, index


def _holding(text: str, words: dict[str, tuple[str, ...]]) -> set[int]:
    """The lines of ``text`` that hold one of ``words`` (by their first character: see
    :func:`_by_first`; no word holds a line end), by number."""
    lines = set()
    # each word looked for where its first character stands: a search for one character is
    # quicker than one for a word, and the words share a few first characters
    for first, same in words.items():
        line = last = 0
        at = text.find(first)
        while at >= 0:
            if text.startswith(same, at):
                # counted on from the last one: linear however often a word stands
                line += text.count("\n", last, at)
                last = at
                lines.add(line)
            at = text.find(first, at + 1)
    return lines


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` by their first character."""
    firsts: dict[str, tuple[str, ...]] = {}
    for word in words:
        firsts[word[0]] = (*firsts.get(word[0], ()), word)
    return firsts


#: the contact words by their first character, grouped once rather than for each report
_CONTACT_BY_FIRST = _by_first(_CONTACT)
