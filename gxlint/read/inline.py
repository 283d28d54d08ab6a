"""Tables written inside running text, with no separators at all.

Crawled pages sometimes render a table as one run of text: ``…第二十条第（一）项信息内容本年制发件数
本年废止件数现行有效件数规章 000行政规范性文件693665…`` or ``一、本年新收政府信息公开申请数量640020470``.
This module finds such tables in a paragraph (by the template's own captions and headers), locates
every template label in it, and rebuilds rows: the label fields, then the digits between one
label and the next as a single ``run_together`` field, which gxlint.read.tables splits only where the
split is unique.
"""

from __future__ import annotations

import re

from gxlint.model import (
    ACTIVE_DISCLOSURE,
    APPLICATIONS,
    LEGACY_STATISTICS,
    REVIEW_LITIGATION,
    Field,
    RawRow,
    _Frozen,
    _set,
)
from gxlint.read.source import Source
from gxlint.read.templates import Templates

_APP_NOTE = "本列数据的勾稽关系"
_APP_HEADER = r"申请人情况\s*自然人"


def _applications_at(text: str) -> int | None:
    """Where ``re.search(r"[（(]?\\s*本列数据的勾稽关系|申请人情况\\s*自然人", text)`` starts.

    The regex retries its leading \\s* from every blank of a long run of blanks (quadratic on a
    crawled line of spaces); the blanks and the bracket before the first note are walked back over
    instead, which gives the same leftmost start."""
    starts = []
    note = text.find(_APP_NOTE)
    if note >= 0:
        note = len(text[:note].rstrip())  # back over the blanks before it (str.isspace's)
        if note > 0 and text[note - 1] in "（(":
            note -= 1
        starts.append(note)
    m = re.search(_APP_HEADER, text)
    if m:
        starts.append(m.start())
    return min(starts) if starts else None


def _searcher(pattern: str):
    # compiled on first use (``re`` caches): only a paragraph that holds a table's words is searched
    def start(text: str) -> int | None:
        m = re.search(pattern, text)
        return m.start() if m else None

    return start


_ANCHORS = [
    (
        ACTIVE_DISCLOSURE,
        _searcher(r"第二十条\s*第\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*项\s*信息内容"),
    ),
    (APPLICATIONS, _applications_at),
    # up to 20 characters between (未经复议直接起诉复议后起诉), the blanks that pad a page's cells
    # not counted
    (REVIEW_LITIGATION, _searcher(r"行政复议\s*行政诉讼(?:\s*[^。，；\s]){0,20}?\s*结果\s*维持")),
    (LEGACY_STATISTICS, _searcher(r"指标名称\s*计量单位")),
]
_CHEAP = ("第二十条", "勾稽关系", "申请人情况", "结果维持", "结果 维持", "指标名称")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def _is_punct(ch: str) -> bool:
    """[^\\w\\s] of Python's re, for one character."""
    return not (ch.isalnum() or ch == "_" or ch.isspace())


def _strip_edge_punct(text: str) -> str:
    """``re.sub(r"^[^\\w\\s]+|[^\\w\\s]+$", "", text)`` for text without a trailing line end, in
    linear time (the regex retries its second branch from every character of a run of brackets)."""
    start, end = 0, len(text)
    while start < end and _is_punct(text[start]):
        start += 1
    while end > start and _is_punct(text[end - 1]):
        end -= 1
    return text[start:end]


class _Label(_Frozen):
    __slots__ = ("key", "role", "text")
    key: str
    role: str  # "caption", "header", "row"
    text: str

    def __init__(self, key: str, role: str, text: str) -> None:
        _set(self, "key", key)
        _set(self, "role", role)
        _set(self, "text", text)


#: a row's data written wrongly, run together: digits with dashes or letters among them, or dashes
#: alone (a sentence holds Chinese characters, full stops or commas: none of these)
_DATA_RUN = re.compile(r"[\dA-Za-z.+\-—–－]+")


def _malformed(text: str) -> re.Match[str] | None:
    """The run of :data:`_DATA_RUN` ``text`` starts with, if it is a row's data written wrongly:
    with a digit or of dashes alone, and ending where a blank, a closing bracket or the text does."""
    m = _DATA_RUN.match(text)
    if m is None or (m.end() < len(text) and not (text[m.end()].isspace() or text[m.end()] in "）)")):
        return None
    run = m.group()
    return m if any(c.isdigit() for c in run) or not run.strip("—–－") else None


#: a run of characters for which str.isalnum() holds (\w is those and "_")
_ALNUM_RUN = re.compile(r"[^\W_]+")
#: the full-width characters that fold to an alphanumeric one
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _key_chars(text: str) -> tuple[str, list[int]]:
    """The alphanumeric characters of ``text`` (full width folded) and their offsets.

    Run by run, not character by character; and folded after they are picked out: a character
    and its full-width fold are alphanumeric alike, and the fold (a dictionary lookup per
    character) is needed only where a full-width letter or digit is (tests/test_inline_key_chars.py
    holds this to the fold of the whole text, character by character)."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in _ALNUM_RUN.finditer(text):
        chars.append(m.group())
        offsets.extend(range(m.start(), m.end()))
    keys = "".join(chars)
    return (keys.translate(_FULLWIDTH) if _FULLWIDTH_ALNUM.search(keys) else keys), offsets


class InlineTables:
    def __init__(self, templates: Templates) -> None:
        labels: dict[str, list[_Label]] = {ACTIVE_DISCLOSURE: [], APPLICATIONS: [], REVIEW_LITIGATION: []}
        for t in templates.formats:
            for s in t.sections:
                labels[ACTIVE_DISCLOSURE].append(_Label(_key_chars(s.caption)[0], "caption", s.caption))
                for c in s.columns:
                    labels[ACTIVE_DISCLOSURE].append(_Label(_key_chars(c)[0], "header", c))
                for r in s.rows:
                    labels[ACTIVE_DISCLOSURE].append(_Label(_key_chars(r)[0], "row", r))
            labels[ACTIVE_DISCLOSURE].append(_Label("信息内容", "header", "信息内容"))
            app = t.tables.get(APPLICATIONS, {})
            for h in (*app.get("header_labels", ()), *app.get("columns", ())):
                labels[APPLICATIONS].append(_Label(_key_chars(h)[0], "header", h))
            for node in t.app_nodes:
                labels[APPLICATIONS].append(_Label(_key_chars(node.label)[0], "row", node.label))
            rl = t.tables.get(REVIEW_LITIGATION, {})
            for h in (*rl.get("header_labels", ()), *rl.get("blocks", ()), *rl.get("columns", ())):
                labels[REVIEW_LITIGATION].append(_Label(_key_chars(h)[0], "header", h))
        self.labels = {
            k: sorted({lab.key: lab for lab in v if lab.key}.values(), key=lambda lab: -len(lab.key))
            for k, v in labels.items()
        }

    @staticmethod
    def may_hold(text: str) -> bool:
        """Whether ``text`` holds a word without which :meth:`anchors` finds no table in it, nor in
        any part of it."""
        for word in _CHEAP:  # a loop, not any(): no generator per call
            if word in text:
                return True
        return False

    @staticmethod
    def anchors(text: str) -> list[tuple[int, str]]:
        """(offset, kind) of each inline table that starts in ``text``."""
        if not InlineTables.may_hold(text):
            return []
        found = []
        for kind, find in _ANCHORS:
            start = find(text)
            if start is not None:
                found.append((start, kind))
        found.sort()
        # one table per kind and position: drop anchors inside an earlier table of the same kind
        out: list[tuple[int, str]] = []
        for pos, kind in found:
            if out and out[-1][1] == kind:
                continue
            out.append((pos, kind))
        return out

    def rows(self, kind: str, text: str, base: int, source: Source) -> list[RawRow]:
        """Rebuild the rows of an inline table; ``base`` is the source offset of ``text[0]``."""
        if kind == LEGACY_STATISTICS or kind not in self.labels:
            return [
                RawRow(
                    (Field(text.strip(), source.span(base, base + len(text))),),
                    source.span(base, base + len(text)),
                )
            ]
        keys, offsets = _key_chars(text)
        taken = [False] * len(keys)
        hits: list[tuple[int, int, _Label]] = []
        for label in self.labels[kind]:
            start = keys.find(label.key)
            while start >= 0:
                end = start + len(label.key)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    hits.append((start, end, label))
                start = keys.find(label.key, end)
        hits.sort(key=lambda h: h[0])
        rows: list[list] = []  # [fields, role, closed]

        def field(a: int, b: int) -> Field:
            return Field(text[a:b], source.span(base + a, base + b))

        def add(f: Field, role: str) -> None:
            open_row = rows[-1] if rows and not rows[-1][2] else None
            if role == "data":
                if open_row is not None and open_row[1] == "row":
                    open_row[0].append(f)
                    open_row[2] = True
                else:
                    rows.append([[f], "data", True])
            elif role in ("header", "row") and open_row is not None and open_row[1] == role:
                open_row[0].append(f)
            else:
                rows.append([[f], role, False])

        def data_at(a: int, chunk: str) -> bool:
            """Add the digits at the start of ``chunk`` (after punctuation); False if it is prose.
            Between two labels, what holds no Chinese is the row's data, however malformed
            (``0—00000``, ``1001O001``): the table reader says it cannot read it; taken for prose,
            it ended the table, and the rows after it were lost."""
            stripped = chunk.lstrip(" \u3000）)」”")
            # (a thousands separator too: 23,065 is one number)
            m = re.match(r"[\d.+\-](?:[\d\s.+\-]|[,，](?=\d{3}(?!\d)))*", stripped)
            if not m:
                m = _malformed(stripped)
                if not m:
                    return not _strip_edge_punct(chunk.strip())
            elif m.end() < len(stripped) and not stripped[m.end()].isspace():
                m = _malformed(stripped) or m
            digits = m.group().rstrip()
            at = a + (len(chunk) - len(stripped))
            add(field(at, at + len(digits)), "data")
            return not _strip_edge_punct(stripped[len(digits) :].strip())

        position = 0
        for start, end, label in hits:
            a, b = offsets[start], offsets[end - 1] + 1
            if a > position and text[a - 1] in "（(":
                a -= 1  # the numbering's opening bracket: （一）
            if a < position:
                continue
            if position and not data_at(position, text[position:a]) and any(r[2] for r in rows):
                break  # prose after the data: the table has ended
            add(field(a, b), label.role)
            position = b
        else:
            if position:
                data_at(position, text[position:])
        out = []
        for fields, _role, closed in rows:
            span = source.span(fields[0].span.start, fields[-1].span.end)
            out.append(RawRow(tuple(fields), span, run_together=closed))
        return out
