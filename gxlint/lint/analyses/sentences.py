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

from gxlint.chinese import has_cjk_run
from gxlint.model import Chapter, Paragraph, _Frozen, _set

# Only a cross-year comparison reads sentences: the patterns are compiled on first use (``re``
# caches them).
_SENTENCE = r"[^。！？；!?;\n]+"
_MARKUP = r"[*#_`>]+"
_CN_YEAR = r"[〇零○一二三四五六七八九]{4}年"
_NUMBER = r"\d+(?:[.,]\d+)*"
_NOT_WORD = r"[^\w#]+|_"
#: the template's and the convention's fixed wording: the introduction's sentences (本报告依据…编制,
#: 本报告所列数据的统计期限…, 本报告电子版可在…查阅和下载, 现将…报告如下)
_FIXED = r"^(?:本(?:年度)?报告|(?:根据|依据|按照)中华人民共和国政府信息公开条例)|报告如下$"
#: the contact sentence and its pieces (address, post code, phone, e-mail, fax)
_CONTACT = r"如对本|联系(?:地址|电话|方式|人)|电话|邮箱|邮编|邮政编码|传真|地址"
#: a numbered sub-heading standing as its own sentence: （一）主动公开, 一、总体情况, 1.加强领导 (numbers are # here)
_ENUMERATED = r"^[（(]?[一二三四五六七八九十\d#]+[)）、.．]"


def _numbers_out(text: str) -> str:
    """Every number (half- or full-width digits: ``\\d`` is Unicode) and year as #."""
    return re.sub(_NUMBER, "#", re.sub(_CN_YEAR, "#年", text))


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
    return remember(report, min_chars, narrative(report, min_chars))


def remember(report, min_chars: int, found: "Narrative") -> frozenset[str]:
    """Remember ``found``, the report's narrative with ``min_chars``, for :func:`narrative_keys`
    (a rule that needed the whole narrative of this year's report saves next year's pair the work);
    its keys."""
    keys = frozenset(found.keys)
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
    title = report.title_span
    paragraphs: list[tuple[Paragraph, Chapter | None]] = []
    blocks = [(b, None) for b in report.preamble] + [(b, c) for c in report.chapters for b in c.blocks]
    for block, chapter in blocks:
        if not isinstance(block, Paragraph) or block.heading_level:
            continue
        if title is not None and block.span.start < title.end and title.start < block.span.end:
            continue  # the title
        paragraphs.append((block, chapter))
    sentences = []
    # looked up in re's cache once here, not for each sentence
    sentence, markup, cn_year, number, not_word, fixed, contact, enumerated = (
        re.compile(p)
        for p in (_SENTENCE, _MARKUP, _CN_YEAR, _NUMBER, _NOT_WORD, _FIXED, _CONTACT, _ENUMERATED)
    )
    for index, (para, _) in enumerate(paragraphs):
        # _numbers_out(), with the patterns at hand
        for m in sentence.finditer(number.sub("#", cn_year.sub("#年", markup.sub("", para.text)))):
            raw = m.group().strip()
            if len(raw) < min_chars:
                continue  # its key, a part of it, is shorter still
            key = not_word.sub("", raw)
            if len(key) < min_chars or not has_cjk_run(key, 1):
                continue
            if fixed.search(key) or contact.search(key):
                continue
            if enumerated.match(raw) and len(key) <= 16:
                continue  # a sub-heading: （一）主动公开
            sentences.append(Sentence(key, index))
    return Narrative(paragraphs, sentences)
