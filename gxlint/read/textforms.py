"""Rewrite the text shapes of tables that the grammar cannot read into tab-separated rows.

The grammar reads a table when its rows are TAB-separated (merged slots as empty fields), a
markdown pipe table with edge pipes, or one cell per line with each line ending in `` |``.  Report
text as people have it holds three more shapes, and :func:`normalize` rewrites each of them into
tab rows in place:

* **bare pipes** (some crawlers): ``规章 | 0 | 0 | 28 |`` -- rows without a leading pipe, ``|||``
  for spanned slots;
* **one cell per line** (other crawlers): no row boundaries at all and no pipes, sometimes a blank
  line after every cell (then an extra empty line is a blank cell);
* **space-aligned columns** (``pdftotext -layout``, or text copied from a PDF viewer): cells
  separated by runs of spaces, merged header cells over several columns, labels wrapped onto the
  lines above and below the row's numbers, page footers (``— 2 —``) and repeated headers mid-table.

Where a table is is decided with the template vocabulary (captions, headers, row labels of every
format in ``grammar/templates``).  Rows are rebuilt the way :mod:`gxlint.read.tables` reads them: a
row's label fields, then one field per template column.

The number of lines never changes, so that findings keep pointing at the user's own lines: when
several source lines make one row, the row is written on one of them (the row's label line for
one cell per line, the line with the numbers for aligned columns) and the others become empty.
Lines outside tables are returned unchanged, and text with none of these shapes comes back as the
very same string, after a check that costs a few regex scans.

Everything here is linear in the size of the text: no regex can backtrack over a line, a line
longer than :data:`MAX_LINE` is never a table line, and per-row work is bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

__all__ = ["moves", "normalize"]

#: A line longer than this is never part of a table (a crawled page on one line is not).
MAX_LINE = 400
#: A table line with more fields than this is not a table line.
MAX_FIELDS = 40
#: How many lines above or below its numbers a wrapped label may be.
REACH = 3
#: The longest header block (lines) that is rebuilt as one row.
MAX_HEADER_LINES = 16
#: Aligned columns: the most lines one label is wrapped over.
MAX_WRAPS = 8
#: One cell per line: the most header cells, and the most label lines of one row.
MAX_HEADER_CELLS = 40
MAX_LABELS = 6

# -- the cheap pre-check ------------------------------------------------------------------------

_MARKERS = ("第二十条", "信息内容", "申请人", "行政复议", "本年新收", "结转", "勾稽", "统计指标", "指标名称")
# a blank within a line, as gxlint.chinese.HSPACE (not imported: this module imports nothing of gxlint);
# [ \t\u3000] would compile to a 64K-entry bitmap
_HSPACE = r"[^\S\n\r\f\v\x1c-\x1f\x85\xa0]"
# The two line patterns start at the "\n" before their line and are searched in "\n" + text: a
# search then skips from line end to line end, where a (?m)^ would be tried at every character.
# a line that does not start with a pipe and has a pipe followed by more cell text (the definition
# :func:`_has_bare_pipe` finds in two steps)
_BARE_PIPE = r"\n" + _HSPACE + r"*[^|\s][^|\n]*\|[^\n]*[^|\s]"
# its two parts, compiled on first use (``re`` caches), for a text that holds a pipe: the last pipe
# before some cell text on its line (blanks between: whatever the cell text is after, a pipe that
# comes last before it is only blanks from it), and the start of a line that does not start with a
# pipe
_PIPE_THEN_CELL = r"\|[^\S\n]*[^|\s]"
_LINE_NOT_PIPED = _HSPACE + r"*[^|\s]"
# a line holding a number and nothing else
_NUM_LINE = re.compile(r"\n" + _HSPACE + r"*[+\-－]?\d[\d,.]*" + _HSPACE + r"*(?=\n|\Z)")
# a number after a gap of two blanks, or two numbers one blank apart; written to start at the blank
# (what comes before it is looked behind at), one pattern per blank, so that a search skips to
# the next of one character (to the next of either of two is several times slower); the first
# look (a blank, a sign or a digit after it, as both branches need) lets a blank between words go
# before the look-behinds are tried
_ALIGNED = tuple(
    re.compile(rf"{blank}(?=[ \u3000+\-－\d])(?:(?<=\S{blank})[ \u3000]+|(?<=\d{blank}))[+\-－]?\d")
    for blank in " \u3000"
)


def normalize(text: str) -> str:
    """``text`` with every bare-pipe, one-cell-per-line and space-aligned table rewritten as
    tab-separated rows, line count unchanged; ``text`` itself when there is nothing to rewrite."""
    if not text or not any(m in text for m in _MARKERS):
        return text
    lines_text = "\n" + text
    pipes = "|" in text and _has_bare_pipe(text)
    cells = _has_num_lines(lines_text)
    aligned = any(pattern.search(text) for pattern in _ALIGNED)
    # a header row of a tab table typed with blanks (:func:`_spaced_headers`)
    spaced = "\t" in text and _has_spaced_header(lines_text)
    if not (pipes or cells or aligned or spaced):
        return text
    lines = text.split("\n")
    out = list(lines)
    done = [False] * len(lines)
    vocab = _vocab()
    if pipes:
        _pipes(lines, out, done, vocab)
    if cells:
        _cells(lines, out, done, vocab)
    if aligned:
        _layout(lines, out, done, vocab)
    if spaced:
        _spaced_headers(lines, out, done, vocab)
    if not any(done):
        return text
    result = "\n".join(out)
    return text if result == text else result


def _has_spaced_header(lines_text: str) -> bool:
    """Whether ``"\n" + text`` has a line :func:`_spaced_headers` rewrites.  Found from its blanks
    (str.find runs in C; Chinese text has few blanks), each line looked at once."""
    v = None
    checked = -1  # the end of the last line looked at
    for blank in (" ", "\u3000"):
        pos = lines_text.find(blank)
        checked = -1
        while pos >= 0:
            start = lines_text.rfind("\n", 0, pos) + 1
            end = lines_text.find("\n", pos)
            end = len(lines_text) if end < 0 else end
            if end != checked:
                checked = end
                line = lines_text[start:end]
                if "\t" not in line and line.strip():
                    before = lines_text[lines_text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)]
                    after_end = lines_text.find("\n", end + 1)
                    after = lines_text[end + 1 : after_end if after_end >= 0 else None]
                    if "\t" in before or "\t" in after:
                        v = v or _vocab()
                        if _header_words(line, v) is not None:
                            return True
            pos = lines_text.find(blank, end)
    return False


def _header_words(line: str, v: _Vocab) -> list[str] | None:
    """The words of a line that are all header labels of one table kind (or 第二十条 captions)."""
    if len(line) > MAX_LINE:
        return None
    words = line.split()
    if not 2 <= len(words) <= MAX_FIELDS:
        return None
    if all(v.is_caption(w) for w in words) or any(
        all(v.header_label(kind, w) for w in words) for kind in ("ad", "app", "rl")
    ):
        return words
    return None


def _spaced_headers(lines: list[str], out: list[str], done: list[bool], v: _Vocab) -> None:
    """A header row of a tab table written with blanks between its labels (``信息内容 本年处理决定数量``,
    ``结果维持 结果纠正 其他结果 尚未审结 总计``), the row above or below it written with tabs: its
    labels are tab-separated, so that the table is not cut in two at its header.  Only a line whose
    every word is a header label of one table kind (or a 第二十条 caption) is rewritten; a data row
    written with blanks is read as it is (a label, then its numbers)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if done[i] or "\t" in line or not line.strip():
            continue
        if not ((i and "\t" in lines[i - 1]) or (i + 1 < n and "\t" in lines[i + 1])):
            continue
        words = _header_words(line, v)
        if words is not None:
            out[i] = "\t".join(words)
            done[i] = True


def _has_bare_pipe(text: str) -> bool:
    """Whether a line of ``text`` matches :data:`_BARE_PIPE`: one that has a pipe with cell text
    after it, and does not start (after blanks) with a pipe or another blank.  The pipes are looked
    for first and the start of their line checked after: searched from each line start, the pattern
    reads every line without a pipe to its end and back."""
    after_pipe = re.compile(_PIPE_THEN_CELL).search
    line_start = re.compile(_LINE_NOT_PIPED).match
    pos = 0
    while True:
        found = after_pipe(text, pos)
        if found is None:
            return False
        at = found.start()
        if line_start(text, text.rfind("\n", 0, at) + 1):
            return True
        pos = text.find("\n", at) + 1  # the rest of this line holds no other answer
        if not pos:
            return False


def _has_num_lines(lines_text: str, wanted: int = 3) -> bool:
    """Whether ``wanted`` lines of ``"\\n" + text`` hold a number alone."""
    n = 0
    for _ in _NUM_LINE.finditer(lines_text):
        n += 1
        if n >= wanted:
            return True
    return False


# -- vocabulary ---------------------------------------------------------------------------------


class _Vocab:
    """Label keys of every built-in format, and the tests built on them."""

    def __init__(self) -> None:
        from gxlint.read.templates import builtin
        from gxlint.chinese import label_key
        from gxlint.model import APPLICATIONS, REVIEW_LITIGATION

        self.label_key = label_key
        templates = builtin()
        self.captions: set[str] = set()
        self.ad_rows: set[str] = set()
        self.ad_cols: set[str] = set()
        self.ad_widths: dict[str, set[int]] = {}  # caption key -> column counts
        self.app_nodes: list[tuple[str | None, str, bool]] = []  # numbering, key, leaf
        self.app_cols: set[str] = set()
        self.app_col_order: dict[str, int] = {}  # column key (or a variant's) -> its place
        self.app_header: set[str] = set()
        self.rl_labels: set[str] = set()
        self.app_width = 7
        self.rl_width = 15
        for t in templates.formats:
            for s in t.sections:
                c = self.key(s.caption)
                self.captions.add(c)
                self.ad_widths.setdefault(c, set()).add(len(s.columns))
                self.ad_rows.update(self.key(r) for r in s.rows)
                self.ad_cols.update(self.key(x) for x in s.columns)
            for n in t.app_nodes:
                self.app_nodes.append((n.numbering, n.key, n.leaf))
            if t.app_columns:
                self.app_width = len(t.app_columns)
            self.app_cols.update(self.key(c) for c in t.app_columns)
            for i, c in enumerate(t.app_columns):
                self.app_col_order.setdefault(self.key(c), i)
            app = t.tables.get(APPLICATIONS, {})
            self.app_header.update(self.key(h) for h in app.get("header_labels", ()))
            if t.rl_blocks and t.rl_columns:
                self.rl_width = len(t.rl_blocks) * len(t.rl_columns)
            rl = t.tables.get(REVIEW_LITIGATION, {})
            self.rl_labels.update(
                self.key(x) for x in (*t.rl_blocks, *t.rl_columns, *rl.get("header_labels", ()))
            )
            for wrong, right in t.label_variants.items():
                if self.key(right) in self.app_cols:
                    self.app_cols.add(self.key(wrong))
                    self.app_col_order.setdefault(self.key(wrong), self.app_col_order[self.key(right)])
        # the chapters' titles as the format and reports write them: a heading whose number was lost
        self.chapter_titles = {
            self.key(title) for t in templates.formats for c in t.chapters for title in (c.title, *c.accepted)
        }
        # the pre-2019 统计表's column headings (统计指标 / 单位 / 统计数): its anchors that are not its caption
        self.legacy_headers = tuple(
            k
            for t in templates.legacy
            for table in t.tables.values()
            for k in map(self.key, table.get("anchors", ()))
            if not k.endswith("统计表")
        )
        self._app_cache: dict[str, tuple[bool, bool]] = {}
        self._piece_cache: dict[tuple[str, str], bool] = {}
        self.app_header_all = self.app_header | self.app_cols
        self.ad_header_all = self.ad_cols | {"信息内容"}
        # header keys long enough to be matched as fragments (for broken labels)
        self._pieces = {
            "app": tuple(sorted(self.app_header_all, key=len, reverse=True)),
            "rl": tuple(sorted(self.rl_labels, key=len, reverse=True)),
            "ad": tuple(sorted(self.ad_header_all, key=len, reverse=True)),
        }

    def key(self, text: str) -> str:
        return self.label_key(text)[1]

    # what a label is
    def is_caption(self, text: str) -> bool:
        return "第二十条" in text and self.key(text) in self.captions

    def app_match(self, text: str) -> tuple[bool, bool]:
        """(matches an applications row label or its beginning, that row is a leaf)."""
        hit = self._app_cache.get(text)
        if hit is None:
            if len(self._app_cache) > 4096:
                self._app_cache.clear()
            hit = self._app_cache[text] = self._app_match(text)
        return hit

    def _app_match(self, text: str) -> tuple[bool, bool]:
        numbering, k = self.label_key(text)
        if not k:
            return False, False
        nodes = [
            (key, leaf)
            for num, key, leaf in self.app_nodes
            if numbering is None or num is None or num == numbering
        ]
        exact = [leaf for key, leaf in nodes if key == k]
        if exact:
            return True, any(exact)
        if numbering is None and len(k) < 3:
            return False, False
        return any(key.startswith(k) for key, _ in nodes), False

    def app_columns_in_order(self, fields: list[str]) -> list[str]:
        """A rebuilt applications header's fields, its column labels in the template's order after
        the others: cells one per line and words wrapped in a PDF's layout come in reading order,
        row by row of a header three rows deep, which says which columns the table has, not where
        they stand -- the reader would take another order for columns typed out of place."""
        order = self.app_col_order
        at = [order.get(self.key(f)) for f in fields]
        return [f for f, i in zip(fields, at) if i is None] + [
            f for _, f in sorted((i, f) for f, i in zip(fields, at) if i is not None)
        ]

    def is_app_header_marker(self, text: str) -> bool:
        k = self.key(text)
        return "勾稽关系" in k or k == "申请人情况"

    def is_rl_marker(self, text: str) -> bool:
        return self.key(text) == "行政复议"

    def header_piece(self, kind: str, text: str) -> bool:
        """Whether ``text`` is a header label of table ``kind`` or a piece of one (each word of it,
        for narrow columns one blank apart: ``结果纠 其他结 尚未审``)."""
        if self._piece(kind, text):
            return True
        words = text.split()
        return len(words) > 1 and all(self._piece(kind, w) for w in words)

    def _piece(self, kind: str, text: str) -> bool:
        hit = self._piece_cache.get((kind, text))
        if hit is None:
            if len(self._piece_cache) > 4096:
                self._piece_cache.clear()
            k = self.key(text)
            hit = self._piece_cache[(kind, text)] = not k or any(k in h for h in self._pieces[kind])
        return hit

    def whole_header(self, kind: str, text: str) -> bool:
        """Whether ``text`` is a whole header label of table ``kind`` (not a piece of one)."""
        k = self.key(text)
        if kind == "app":
            return k in self.app_header_all
        if kind == "rl":
            return k in self.rl_labels
        return k in self.ad_header_all

    def header_label(self, kind: str, text: str) -> bool:
        k = self.key(text)
        if kind == "app":
            return k in self.app_header_all or "勾稽关系" in k
        if kind == "rl":
            return k in self.rl_labels
        return k in self.ad_header_all

    def is_legacy_header(self, labels: list[_Frag]) -> bool:
        joined = "".join(self.key(f.text) for f in labels)
        return any(h in joined for h in self.legacy_headers)

    def heading(self, text: str) -> bool:
        """A chapter heading (一、… whose title is not an applications row label), also marked up
        (``## 四、…``, ``**四、…**``): a line that opens with ``#`` is a heading whatever it says."""
        s = text.strip(" \t\u3000\f")
        if s.startswith("#"):
            return True
        s = s.strip("*_ \u3000")
        if not re.match(_HEADING, s):
            return False
        return not self.app_match(s)[0]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab()


# Only the reading of a table's text needs these: compiled on first use (``re.compile`` caches).
_HEADING = r"[一二三四五六七八九十]{1,3}[ \u3000]*[、.．]"
_NUMBERED = (
    r"(?:\d{1,2}[ \u3000]*[.．、][ \u3000]*[^\d\s.．]|[（(][ \u3000]*[一二三四五六七八九十\d]{1,3}"
    r"[ \u3000]*[)）]|[一二三四五六七八九十]{1,3}[ \u3000]*[、.．])"
)
_NUMBER = r"[+\-－−＋]?\d[\d,，]*(?:[.．]\d+)?(?:万元|元|件|条|个|项)?|[—–\-－/／]{1,2}"
# a page number: — 2 —, - 2 -, 第 2 页（共 5 页）, 2/5
_FOOTER = (
    r"[ \u3000]*(?:[—–\-－]+[ \u3000]*\d{1,4}[ \u3000]*[—–\-－]+"
    r"|第[ \u3000]*\d{1,4}[ \u3000]*页(?:[ \u3000]*共[ \u3000]*\d{1,4}[ \u3000]*页)?"
    r"|\d{1,4}[ \u3000]*/[ \u3000]*\d{1,4})[ \u3000]*"
)
#: a page's running header that repeats the report's title (示例县教育局2021年政府信息公开工作年度报告):
#: no row label holds 年度报告
_RUNNING_TITLE = (
    r"[ \u3000]*\S{0,40}?(?:\d{4}|[〇零○一二三四五六七八九]{4})[ \u3000]*年度?\S{0,30}?年度报告[ \u3000]*"
)
_WORD = r"[^ \u3000]+"
_RULE = r":?-{3,}:?"


# -- where a rewritten row's cells stand in the user's file ----------------------------------------

#: how far from a rewritten row its cells may stand (a cell per line with a blank line after each:
#: the review table's fifteen cells and more)
_MOVE_REACH = 48


def moves(original: str, rewritten: str) -> dict[int, tuple[tuple[int, int, int, int], ...]]:
    """Where the cells of each rewritten line stand in ``original`` (what :func:`normalize` was
    given; ``rewritten`` is what it returned): for each 0-based line that changed and holds a row,
    its fields as ``(column in the row, length, line, column in original)``, all 0-based.

    A row takes its cells from its own line and from the lines emptied around it (the labels
    wrapped above and below aligned numbers, the following lines of one cell per line), in the
    order they are written there; a label joined from pieces stands where its first piece does.  A
    field not found (a blank cell) stands after the field before it."""
    old, new = original.split("\n"), rewritten.split("\n")
    out: dict[int, tuple[tuple[int, int, int, int], ...]] = {}
    if len(old) != len(new):
        return out
    emptied = [n == "" and o.strip() != "" for o, n in zip(old, new)]
    blank = [n == "" and o.strip() == "" for o, n in zip(old, new)]

    def reach(i: int, step: int) -> int:
        # the farthest emptied line from i in the direction of step, across blank lines (a cell
        # per line often has a blank line after every cell)
        end, j = i, i + step
        while 0 <= j < len(new) and abs(j - i) <= _MOVE_REACH and (emptied[j] or blank[j]):
            if emptied[j]:
                end = j
            j += step
        return end

    for i, (o, n) in enumerate(zip(old, new)):
        if o == n or "\t" not in n:
            continue
        out[i] = _placed(n.split("\t"), old, reach(i, -1), reach(i, 1))
    return out


def _placed(
    fields: list[str], old: list[str], first: int, last: int
) -> tuple[tuple[int, int, int, int], ...]:
    placed = []
    at, line, col = 0, first, 0  # the row's column, and the cursor in the original lines
    for field in fields:
        text = field.strip()
        where = _find(text, old, line, col, last) if text else None
        if where is None and text and not _is_number(text):
            # a label joined from wrapped pieces: where its first piece stands
            for size in (8, 4, 2):
                if len(text) > size and (where := _find(text[:size], old, line, col, last)) is not None:
                    break
        if where is not None:
            line, start = where
            col = start + len(text)
            lead = len(field) - len(field.lstrip())
            placed.append((at + lead, len(text), line, start))
        else:
            placed.append((at, len(field), line, col))
        at += len(field) + 1
    return tuple(placed)


def _find(text: str, old: list[str], line: int, col: int, last: int) -> tuple[int, int] | None:
    """The first place of ``text`` as a whole cell (not inside a longer word or number) at or after
    (line, col), up to line ``last``."""
    pattern = re.compile(
        r"(?<![\w.])" + re.escape(text) + r"(?![\w.])" if text[-1:].isalnum() else re.escape(text)
    )
    while line <= last:
        m = pattern.search(old[line], col)
        if m is not None:
            return line, m.start()
        line, col = line + 1, 0
    return None


def _is_number(text: str) -> bool:
    return re.fullmatch(_NUMBER, text) is not None


def _numbered(text: str) -> bool:
    return re.match(_NUMBERED, text) is not None


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _row(fields: list[str]) -> str:
    return "\t".join(fields) if len(fields) > 1 else (fields[0] + "\t" if fields else "\t")


def _lead(line: str) -> str:
    """The form feeds a rewritten row keeps (the source turns them into blanks; a line emptied
    because its text moved to another line keeps nothing, or it would not be a blank line)."""
    n = 0
    while n < len(line) and line[n] in "\f\v":
        n += 1
    return line[:n]


# -- bare pipes ---------------------------------------------------------------------------------


def _pipe_kind(line: str) -> int:
    """2: a bare pipe row (text, then a pipe and more cells); 1: a line with pipes that belongs to a
    bare-pipe table when it stands among such rows -- cell text with trailing pipes only (a caption
    ``第二十条第（一）项 ||||``), a run of pipes, or a row whose leading pipes are empty slots
    (``|| 2.重复申请 | 1 |``); 0: no pipe (or a line too long to be a row)."""
    s = line.strip(" \t\u3000\f")
    if "|" not in s or len(line) > MAX_LINE * 4:
        return 0
    if s[0] == "|":
        return 1
    body = s.rstrip("| \t")
    return 2 if "|" in body else 1


def _pipes(lines: list[str], out: list[str], done: list[bool], v: _Vocab) -> None:
    n = len(lines)
    i = 0
    while i < n:
        if _pipe_kind(lines[i]) != 2:
            i += 1
            continue
        # the run of pipe lines (blank lines inside allowed) around this one
        start = i
        while start > 0 and (_pipe_kind(lines[start - 1]) or not lines[start - 1].strip()):
            start -= 1
        end = i
        while end + 1 < n and (_pipe_kind(lines[end + 1]) or not lines[end + 1].strip()):
            end += 1
        run = [j for j in range(start, end + 1) if _pipe_kind(lines[j])]
        if _pipe_run_is_table(lines, run, v):
            for j in run:
                if "\t" in lines[j]:
                    continue
                s = lines[j].strip(" \t\u3000\f")
                # a leading pipe is an empty slot here (the row's label is merged above)
                fields = [f.strip(" \u3000\xa0") for f in s.split("|", MAX_FIELDS * 4)]
                if s.endswith("|"):
                    fields.pop()
                if all(re.fullmatch(_RULE, f) for f in fields if f) and any(fields):
                    out[j] = ""  # a markdown separator row (--- | ---)
                else:
                    out[j] = _lead(lines[j]) + _row(fields)
                done[j] = True
        i = end + 1


def _cell_line(line: str) -> bool:
    """A line of the one-cell-per-line form the grammar reads: ``cell |``, or pipes alone."""
    s = line.strip(" \t\u3000\f")
    return s.count("|") == len(s) or (s.count("|") == 1 and s.endswith("|"))


def _pipe_run_is_table(lines: list[str], run: list[int], v: _Vocab) -> bool:
    strong = sum(1 for j in run if _pipe_kind(lines[j]) == 2)
    if 2 * sum(1 for j in run if _cell_line(lines[j])) > len(run):
        return False  # one cell per line with " |": the grammar's own form
    if strong < 2 and len(run) < 2:
        # one row alone: only a template row (四、结转下年度继续办理 | 0 | …)
        first = lines[run[0]].split("|", 1)[0]
        return v.app_match(first)[0] or v.key(first) in v.ad_rows
    for j in run:
        for f in lines[j].split("|", MAX_FIELDS)[:MAX_FIELDS]:
            f = f.strip()
            if not f or len(f) > 80:
                continue
            k = v.key(f)
            if (
                k in v.captions
                or k == "信息内容"
                or v.is_app_header_marker(f)
                or k == "行政复议"
                or k in v.ad_rows
                or (k and v.app_match(f)[0])
            ):
                return True
    return False


# -- one cell per line --------------------------------------------------------------------------

BLANK, NUM, LAB, OTHER, STOP, FOOT = range(6)


def _cell_class(line: str, v: _Vocab) -> int:
    if "\t" in line or "|" in line or len(line) > MAX_LINE:
        return OTHER
    s = line.strip(" \u3000\f\v\xa0")
    if not s:
        return BLANK
    if _is_number(s):
        return NUM
    if "  " in s or "。" in s:
        return OTHER
    words = s.split(" ")
    if len(words) > 1 and _is_number(words[-1]):
        return OTHER  # a label and its number on one line: not one cell per line
    if v.heading(s):
        return STOP
    return LAB


def _cells(lines: list[str], out: list[str], done: list[bool], v: _Vocab) -> None:
    n = len(lines)
    classes: list[int | None] = [None] * n

    def cls(j: int) -> int:
        c = classes[j]
        if c is None:
            c = classes[j] = OTHER if done[j] else _cell_class(lines[j], v)
        return c

    i = 0
    while i < n:
        if cls(i) != LAB or not _cells_marker(lines[i].strip(" \u3000\f\v\xa0"), v):
            i += 1
            continue
        end = i
        while end + 1 < n and cls(end + 1) in (BLANK, NUM, LAB):
            end += 1
        while end > i and cls(end) == BLANK:
            end -= 1
        region = range(i, end + 1)
        nums = sum(1 for j in region if cls(j) == NUM)
        if nums >= 2:
            _CellTable(lines, out, done, v, list(region), [cls(j) for j in region]).rewrite()
        i = end + 1


def _cells_marker(s: str, v: _Vocab) -> bool:
    k = v.key(s)
    return (
        v.is_caption(s)
        or k == "信息内容"
        or v.is_app_header_marker(s)
        or k == "行政复议"
        or v.app_match(s)[0]
        and re.match(_NUMBERED, s) is not None
    )


class _CellTable:
    """One region of one-cell-per-line text: rebuild its rows."""

    def __init__(self, lines, out, done, v: _Vocab, region: list[int], classes: list[int]) -> None:
        self.lines, self.out, self.done, self.v = lines, out, done, v
        # items: (line index, class, text, blank lines before it)
        self.items: list[tuple[int, int, str, int]] = []
        gap = 0
        for j, c in zip(region, classes):
            if c == BLANK:
                gap += 1
                continue
            self.items.append((j, c, lines[j].strip(" \u3000\f\v\xa0"), gap))
            gap = 0
        followed = sum(1 for it in self.items[1:] if it[3] >= 1)
        # a blank line after every cell: then an empty line beyond that one is a blank cell
        self.sep = len(self.items) > 2 and followed >= 0.9 * (len(self.items) - 1)

    def rewrite(self) -> None:
        v = self.v
        items = self.items
        kind = None
        ad_width: int | None = None
        i = 0
        m = len(items)
        while i < m:
            j, c, text, gap = items[i]
            k = v.key(text)
            if c == LAB and v.is_caption(text):
                kind, ad_width = "ad", None
                self.emit([i], [text])
                widths = v.ad_widths.get(k, set())
                ad_width = next(iter(widths)) if len(widths) == 1 else None
                i += 1
                continue
            if c == LAB and (k == "信息内容" or v.is_app_header_marker(text) or v.is_rl_marker(text)):
                kind = "ad" if k == "信息内容" else "app" if v.is_app_header_marker(text) else "rl"
                end = i + 1
                while (
                    end < m
                    and items[end][1] == LAB
                    and end - i < MAX_HEADER_CELLS
                    and not self._row_start(end, kind)
                ):
                    end += 1
                fields = self._merge_header([items[x][2] for x in range(i, end)], kind)
                if kind == "ad":
                    ad_width = len(fields) - 1 if len(fields) > 1 else ad_width
                elif kind == "app":
                    fields = v.app_columns_in_order(fields)
                    if not all(v.header_label("app", f) for f in fields):
                        fields = [" ".join(fields)]
                self.emit(list(range(i, end)), fields)
                i = end
                continue
            if kind is None:
                kind = "app" if v.app_match(text)[0] else "ad" if k in v.ad_rows else None
                if kind is None:
                    i += 1
                    continue
            # a data row: its labels, then its cells
            start = i
            labels: list[str] = []
            while i < m and items[i][1] == LAB:
                if labels and (len(labels) >= MAX_LABELS or self._closes(labels, kind)):
                    break
                labels.append(items[i][2])
                i += 1
            cells_at = i
            while i < m and items[i][1] == NUM:
                i += 1
            trailing = items[i][3] if i < m else 0
            expected = v.app_width if kind == "app" else v.rl_width if kind == "rl" else ad_width
            cells = self._cells(items[cells_at:i], trailing, expected)
            if kind == "ad":
                labels = ["".join(labels)] if labels else []
            elif kind == "app":
                labels = self._merge_labels(labels)
            if not labels and not cells:
                i = max(i, start + 1)
                continue
            self.emit(list(range(start, i)), labels + cells)
            if i == start:
                i += 1

    def _row_start(self, x: int, kind: str) -> bool:
        """Whether header collection stops at item ``x`` (a row label, or a label before numbers)."""
        v = self.v
        text = self.items[x][2]
        if kind == "rl":
            return False
        if kind == "ad" and v.key(text) in v.ad_rows:
            return True
        if kind == "app" and v.app_match(text)[0] and not v.header_label("app", text):
            return True
        nxt = self.items[x + 1][1] if x + 1 < len(self.items) else None
        return nxt == NUM and not v.header_label(kind, text)

    def _closes(self, labels: list[str], kind: str) -> bool:
        """Whether a row whose labels are ``labels`` (and no cells yet) is complete, so that the next
        label starts a new row (a leaf label, or an 主动公开 row label)."""
        v = self.v
        if kind == "ad":
            return v.key("".join(labels)) in v.ad_rows
        return any(v.app_match(label)[1] for label in labels)

    def _cells(self, nums, trailing: int, expected: int | None) -> list[str]:
        skip = 1 if self.sep else 0
        with_blanks: list[str] = []
        for _, _, text, gap in nums:
            with_blanks.extend([""] * max(0, gap - skip))
            with_blanks.append(text)
        values = [it[2] for it in nums]
        if expected is None:
            return with_blanks
        if len(with_blanks) == expected:
            return with_blanks
        if len(with_blanks) < expected and len(with_blanks) + max(0, trailing - skip) >= expected:
            return with_blanks + [""] * (expected - len(with_blanks))
        if len(values) == expected:
            return values
        return with_blanks

    def _merge_header(self, texts: list[str], kind: str) -> list[str]:
        """Header labels broken over lines (商业 / 企业) joined where the join is a known label."""
        v = self.v
        out: list[str] = []
        i = 0
        while i < len(texts):
            merged = None
            if not v.header_label(kind, texts[i]):
                joined = texts[i]
                for j in range(i + 1, min(len(texts), i + 4)):
                    joined += texts[j]
                    if v.header_label(kind, joined):
                        merged = (joined, j + 1)
                        break
            if merged:
                out.append(merged[0])
                i = merged[1]
            else:
                out.append(texts[i])
                i += 1
        return out

    def _merge_labels(self, labels: list[str]) -> list[str]:
        out: list[str] = []
        for label in labels:
            if out and not _numbered(label) and self.v.app_match(out[-1] + label)[0]:
                out[-1] = out[-1] + label
            else:
                out.append(label)
        return out

    def emit(self, item_indices: list[int], fields: list[str]) -> None:
        if not item_indices:
            return
        first = self.items[item_indices[0]][0]
        for x in item_indices:
            j = self.items[x][0]
            self.out[j] = ""
            self.done[j] = True
        self.out[first] = _lead(self.lines[first]) + _row(fields)


# -- space-aligned columns ----------------------------------------------------------------------


class _Frag:
    __slots__ = ("line", "x", "end", "text")

    def __init__(self, line: int, x: int, text: str, end: int | None = None) -> None:
        self.line, self.x, self.end, self.text = line, x, x + len(text) if end is None else end, text

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.line}:{self.x} {self.text}>"


def _widths(line: str) -> list[int]:
    """The display column of each character of ``line`` (and of its end): a wide character (汉字,
    full-width forms) takes two, as a monospaced editor shows it."""
    from gxlint.chinese import char_width

    out, x = [0], 0
    for c in line:
        x += char_width(c)
        out.append(x)
    return out


def _fields(line: str, number: int, wide: bool = False) -> list[_Frag] | None:
    """The fields of an aligned line (runs of words one blank apart), numbers split off; None when
    the line has too many.  ``wide``: positions are display columns (:func:`_widths`), for text
    aligned as an editor shows it rather than character by character as ``pdftotext`` sets it."""
    words = []
    cols = _widths(line) if wide and not line.isascii() else None
    for m in re.finditer(_WORD, line):
        words.append((m.start(), m.group()))
        if len(words) > MAX_FIELDS * 4:
            return None
    frags: list[_Frag] = []
    group: list[tuple[int, str]] = []

    def frag(x: int, text: str) -> _Frag:
        if cols is None:
            return _Frag(number, x, text)
        return _Frag(number, cols[x], text, cols[x + len(text)])

    def flush() -> None:
        if not group:
            return
        # numbers at the end of a field are cells of their own ("规章 0 0 28", "0 0 0")
        k = len(group)
        while k > 0 and _is_number(group[k - 1][1]):
            k -= 1
        # "（三）不予公开 1.属于国家秘密": a numbered word opens the next label
        first = 0
        for y in range(1, k):
            if re.compile(_NUMBERED).match(line, group[y][0]):
                frags.append(frag(group[first][0], " ".join(w for _, w in group[first:y])))
                first = y
        if k > first:
            frags.append(frag(group[first][0], " ".join(w for _, w in group[first:k])))
        for x, w in group[k:]:
            frags.append(frag(x, w))
        group.clear()

    for x, w in words:
        if group and x - (group[-1][0] + len(group[-1][1])) > 1:
            flush()
        group.append((x, w))
    flush()
    return frags if len(frags) <= MAX_FIELDS else None


def _sub(f: _Frag, start: int, text: str) -> _Frag:
    """The part ``text`` of ``f`` that starts at its character ``start``, in ``f``'s measure."""
    if f.end - f.x == len(f.text):
        return _Frag(f.line, f.x + start, text)
    cols = _widths(f.text)
    return _Frag(f.line, f.x + cols[start], text, f.x + cols[start + len(text)])


class _Line:
    __slots__ = ("cls", "labels", "nums")

    def __init__(self, cls: int, labels: list[_Frag], nums: list[_Frag]) -> None:
        self.cls, self.labels, self.nums = cls, labels, nums


def _layout_line(line: str, number: int, v: _Vocab, wide: bool = False) -> _Line:
    if "\t" in line or len(line) > MAX_LINE:
        return _Line(OTHER, [], [])
    plain = line.replace("\f", " ").replace("\v", " ") if ("\f" in line or "\v" in line) else line
    s = plain.strip(" \u3000\xa0")
    if not s:
        return _Line(BLANK, [], [])
    if "|" in s or "。" in s:  # first: most lines are prose, and a page number holds neither
        return _Line(STOP, [], [])
    if re.fullmatch(_FOOTER, s) or ("年度报告" in s and re.fullmatch(_RUNNING_TITLE, s)):
        return _Line(FOOT, [], [])
    if s[0] in "#*" and v.heading(s):  # a marked-up heading (## 四、…, **四、…**) ends a table
        return _Line(STOP, [], [])
    frags = _fields(plain, number, wide)
    if frags is None:
        return _Line(OTHER, [], [])
    labels: list[_Frag] = []
    nums: list[_Frag] = []
    for k, f in enumerate(frags):
        if (
            _is_number(f.text)
            or (nums and _cell_word(f.text) and any(_is_number(g.text) for g in frags[k + 1 :]))
            or (labels and _letter_number(f.text))
        ):
            nums.append(f)  # a word between numbers (无, l) or a mistyped number (6O) is that cell
        elif nums:
            return _Line(STOP, [], [])  # a label after numbers: prose, not a row
        else:
            labels.append(f)
    if len(labels) == 1 and not nums:
        text = labels[0].text
        if v.heading(text) or (len(text) >= 30 and not _known(text, v)) or v.key(text) in v.chapter_titles:
            return _Line(STOP, [], [])  # a line of prose, or a chapter's heading without its number
    if any(len(f.text) > 60 for f in labels):
        if nums or not all(" " in f.text and _known(f.text, v) for f in labels):
            return _Line(STOP, [], [])
        # a header of many columns one blank apart (结果维持 结果纠正 … 总计): a field per word
        labels = [_sub(f, m.start(), m.group()) for f in labels for m in re.finditer(r"\S+", f.text)]
        if len(labels) > MAX_FIELDS:
            return _Line(OTHER, [], [])
    return _Line(NUM if nums else LAB, labels, nums)


def _cell_word(text: str) -> bool:
    """A word of a character or two, or a number with a letter in it (``无``, ``l``, ``6O``): among a
    row's numbers it stands in a cell (GX207 says it is no number), not as a label after them."""
    return len(text) <= 2 or (len(text) <= 6 and any(c.isdigit() for c in text) and " " not in text)


def _letter_number(text: str) -> bool:
    """A number with a letter typed for a digit (``6O``, ``1l``): after a row's label, its first cell."""
    return (
        len(text) <= 6
        and text.isascii()
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def _known(text: str, v: _Vocab) -> bool:
    """A long label line that is still table text: a row label, or header words."""
    return (
        v.app_match(text)[0]
        or v.is_app_header_marker(text)
        or any(v.header_piece(kind, text) for kind in ("app", "rl", "ad"))
    )


def _layout(lines: list[str], out: list[str], done: list[bool], v: _Vocab) -> None:
    n = len(lines)
    parsed: list[_Line | None] = [None] * n

    def at(j: int) -> _Line:
        p = parsed[j]
        if p is None:
            p = parsed[j] = _Line(OTHER, [], []) if done[j] else _layout_line(lines[j], j, v)
        return p

    i = 0
    while i < n:
        p = at(i)
        if p.cls == LAB and len(p.labels) >= 2 and v.is_legacy_header(p.labels):
            i = _legacy_table(lines, out, done, v, i, at)
            continue
        if p.cls not in (LAB, NUM) or not _layout_marker(p, v):
            i += 1
            continue
        end = i
        while end + 1 < n and at(end + 1).cls in (BLANK, FOOT, LAB, NUM):
            end += 1
        region = list(range(i, end + 1))
        if any(at(j).cls == NUM for j in region) and _aligned_enough(region, at):
            parsed_region = [at(j) for j in region]
            if _aligned_as_shown(lines, region, parsed_region, v):
                parsed_region = [_layout_line(lines[j], j, v, wide=True) for j in region]
            _LayoutTable(lines, out, done, v, region, parsed_region).rewrite()
        i = end + 1


#: a unit written against its row's label (``…计1条）条   186``): the 统计表's 单位 column
_GLUED_UNIT = r"(.*[)）])(万元|元|条|件|次|篇|个|人|项)"


def _legacy_table(lines: list[str], out: list[str], done: list[bool], v: _Vocab, start: int, at) -> int:
    """The pre-2019 统计表 (统计指标 / 单位 / 统计数), one row a line, written as tab rows; returns the
    line after it.  Its group rows (一、主动公开情况 … 九、…) are numbered like the report's chapters: a
    numbered line is a group row while its number goes on from the table's last and rows follow it;
    else it is the chapter after the table."""
    from gxlint.chinese import numeral_value

    rows: list[int] = [start]
    group = 0  # the number of the table's last group row
    j = start + 1
    while j < len(lines):
        p = at(j)
        if p.cls in (BLANK, FOOT):
            j += 1
            continue
        text = lines[j].strip(" \u3000\f\v")
        m = re.match(r"([一二三四五六七八九十]{1,3})[ \u3000]*[、.．]", text)
        number = numeral_value(m.group(1)) if m else None
        if p.cls in (LAB, NUM):
            if number is not None and number != group + 1:
                break
        elif (
            p.cls != STOP
            or text[0] in "#*"
            or len(text) > 40
            or number != group + 1
            or not _rows_follow(j, len(lines), at)
        ):
            break
        if number is not None:
            group = number
        rows.append(j)
        j += 1
    for j in rows:
        p = at(j)
        if p.cls == FOOT:
            continue
        if p.cls == STOP:
            fields = [lines[j].strip(" \u3000\f\v"), "", ""]
        else:
            labels = [f.text for f in p.labels]
            if p.nums and len(labels) == 1 and (glued := re.fullmatch(_GLUED_UNIT, labels[0])):
                labels = [glued.group(1), glued.group(2)]
            fields = [*labels, *(f.text for f in p.nums)]
            if len(fields) < 3:
                fields[1:1] = [""] * (3 - len(fields))  # a group row, or a row without its unit
        out[j] = _lead(lines[j]) + _row(fields)
        done[j] = True
    for j in range(start, rows[-1] + 1):
        if at(j).cls == FOOT:
            out[j], done[j] = "", True  # a page number inside the table
    return rows[-1] + 1


def _rows_follow(j: int, n: int, at) -> bool:
    """Whether the next line with text after line ``j`` (of ``n``) is a row of a table."""
    for k in range(j + 1, n):
        if at(k).cls not in (BLANK, FOOT):
            return at(k).cls in (LAB, NUM)
    return False


def _aligned_as_shown(lines: list[str], region: list[int], parsed: list[_Line], v: _Vocab) -> bool:
    """Whether the region's numbers line up in display columns (wide characters two) rather than
    character by character: text aligned by hand or by a tool in a monospaced editor, where a row's
    汉字 label pushes its numbers one column per character to the right of ``pdftotext``'s."""
    if all(lines[j].isascii() for j, p in zip(region, parsed) if p.cls == NUM):
        return False
    plain = {f.end for p in parsed if p.cls == NUM for f in p.nums}
    wide = {
        f.end
        for j, p in zip(region, parsed)
        if p.cls == NUM
        for f in _layout_line(lines[j], j, v, wide=True).nums
    }
    return len(wide) < len(plain)


def _aligned_enough(region: list[int], at) -> bool:
    """A region is a table of aligned columns when a row has two cells apart (a label and a number,
    or two numbers); a lone line with one number is left to one-cell-per-line reading."""
    return any(at(j).cls == NUM and (len(at(j).nums) + (1 if at(j).labels else 0)) >= 2 for j in region)


def _first_word(text: str) -> str:
    at = text.find(" ")
    return text if at < 0 else text[:at]


def _layout_marker(p: _Line, v: _Vocab) -> bool:
    for f in p.labels[:3]:
        k = v.key(f.text)
        w = v.key(_first_word(f.text))
        if (
            v.is_caption(f.text)
            or "信息内容" in (k, w)
            or v.is_app_header_marker(f.text)
            or "行政复议" in (k, w)
        ):
            return True
    if p.cls == NUM and p.labels:
        text = p.labels[-1].text
        return v.key(text) in v.ad_rows or v.app_match(text)[0]
    return False


class _Label:
    """A row label as it is wrapped over lines: its fragments, top to bottom."""

    __slots__ = ("frags", "x", "end", "first", "last", "numline", "complete_whole")

    def __init__(self, frag: _Frag, on_num: bool) -> None:
        self.frags = [frag]
        self.x, self.end = frag.x, frag.end
        self.first = self.last = frag.line
        self.numline = frag.line if on_num else None
        self.complete_whole = False

    def add(self, frag: _Frag, on_num: bool) -> None:
        self.frags.append(frag)
        self.x, self.end = min(self.x, frag.x), max(self.end, frag.end)
        self.last = frag.line
        if on_num and self.numline is None:
            self.numline = frag.line

    @property
    def text(self) -> str:
        out = ""
        for f in self.frags:
            out = _join(out, f.text)
        return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


class _LayoutTable:
    """One region of space-aligned text: rebuild its rows."""

    def __init__(self, lines, out, done, v: _Vocab, region: list[int], parsed: list[_Line]) -> None:
        self.lines, self.out, self.done, self.v = lines, out, done, v
        self.region = region
        self.p = dict(zip(region, parsed))
        self._kinds: dict[int, str | None] = {}
        self._strong_ahead: dict[str, list[int | None]] = {}
        self._pieces: dict[tuple[int, str], bool] = {}

    def rewrite(self) -> None:
        v = self.v
        region = self.region
        for j in region:
            if self.p[j].cls == FOOT:
                self.blank(j)  # page furniture: a page number inside the table
        # 1. split the region into parts, each of one table kind: captions and headers start them
        kind: str | None = None
        part: list[int] = []
        rows_seen = False  # the current part has a row of numbers
        parts: list[tuple[str | None, list[int]]] = []
        header_of: dict[int, tuple[str, list[int]]] = {}
        x = 0
        while x < len(region):
            j = region[x]
            p = self.p[j]
            if p.cls == FOOT:
                x += 1
                continue
            if p.cls == LAB and len(p.labels) == 1 and v.is_caption(p.labels[0].text):
                if part:
                    parts.append((kind, part))
                kind, part, rows_seen = "ad", [], False
                self.write(j, [p.labels[0].text])
                x += 1
                continue
            start_kind = self._header_kind(p)
            if start_kind == kind == "app" and rows_seen:
                start_kind = None  # the header again after a page break: below
            if start_kind is not None:
                if start_kind != kind or start_kind == "rl":
                    if part:
                        parts.append((kind, part))
                    part, rows_seen = [], False
                kind = start_kind
                block = self._header_block(x, kind)
                header_of[j] = (kind, block)
                x = block[-1] - region[0] + 1
                continue
            if p.cls == LAB and kind in ("app", "rl", "ad") and part and self._repeat_header(x, kind):
                block = self._header_block(x, kind)
                header_of[j] = ("repeat", block)
                x = block[-1] - region[0] + 1
                continue
            if kind is None and p.cls == NUM and p.labels:
                text = p.labels[-1].text
                kind = "ad" if v.key(text) in v.ad_rows else "app"
            part.append(j)
            rows_seen = rows_seen or p.cls == NUM
            x += 1
        if part:
            parts.append((kind, part))
        self.ad_headers: list[tuple[int, list[float]]] = []  # (line, column centres), ascending
        # the review table's columns where its header names all fifteen on one line: its one row
        # of numbers has no other row to be placed by when a cell of it is blank
        # (as the words stand, and in display columns: labels set character by character above
        # numbers set as an editor shows them)
        self.rl_centers: list[list[float]] = []
        for j, (hkind, block) in sorted(header_of.items()):
            if hkind == "rl":
                k = max(block, key=lambda k: len(self.p[k].labels))
                words = self.p[k].labels
                if len(words) == v.rl_width:
                    cols = _widths(self.lines[k])
                    self.rl_centers = [[(f.x + f.end) / 2 for f in words]]
                    if all(f.end < len(cols) for f in words):
                        self.rl_centers.append([(cols[f.x] + cols[f.end]) / 2 for f in words])
            centers = self.write_header(hkind, block)
            if hkind == "ad":
                self.ad_headers.append((j, centers))
        for pkind, lines in parts:
            if pkind is not None:
                self.rows(pkind, lines)

    # -- headers ---------------------------------------------------------------------------------
    def _header_kind(self, p: _Line) -> str | None:
        if p.cls != LAB:
            return None
        j = p.labels[0].line
        if j not in self._kinds:
            self._kinds[j] = self._header_kind_of(p)
        return self._kinds[j]

    def _all_pieces(self, j: int, kind: str) -> bool:
        hit = self._pieces.get((j, kind))
        if hit is None:
            hit = self._pieces[(j, kind)] = all(self.v.header_piece(kind, f.text) for f in self.p[j].labels)
        return hit

    def _header_kind_of(self, p: _Line) -> str | None:
        v = self.v
        for f in p.labels[:3]:
            k = v.key(f.text)
            w = v.key(_first_word(f.text))
            if "信息内容" in (k, w):
                return "ad"
            if v.is_app_header_marker(f.text) or v.is_app_header_marker(_first_word(f.text)):
                return "app"
            if "行政复议" in (k, w):
                return "rl"
        return None

    def _header_block(self, x: int, kind: str) -> list[int]:
        """Lines of the header that starts at region index ``x``: label lines (blank lines and
        footers inside allowed) whose fragments are all header words, up to the first row."""
        region = self.region
        block = [region[x]]
        for y in range(x + 1, min(len(region), x + 1 + MAX_HEADER_LINES)):
            j = region[y]
            p = self.p[j]
            if p.cls in (BLANK, FOOT):
                continue
            if p.cls != LAB or not self._all_pieces(j, kind):
                break
            if self._header_kind(p) not in (None, kind):
                break
            block.append(j)
        return block

    def _repeat_header(self, x: int, kind: str) -> bool:
        """A header repeated after a page break: header words only, one of them a whole header
        label of this table (申请人情况, 法人或其他组织 …)."""
        if kind == "ad" or not self._all_pieces(self.region[x], kind):
            return False
        ahead = self._strong_ahead.get(kind)
        if ahead is None:
            ahead = self._strong_ahead[kind] = self._next_strong(kind)
        nearest = ahead[x]
        return nearest is not None and nearest - x <= MAX_HEADER_LINES

    def _next_strong(self, kind: str) -> list[int | None]:
        """For each region index: the nearest index at or after it, in the same run of header-word
        lines (blank lines and footers inside), whose line holds a whole header label."""
        out: list[int | None] = [None] * len(self.region)
        following: int | None = None
        for x in range(len(self.region) - 1, -1, -1):
            p = self.p[self.region[x]]
            if p.cls in (BLANK, FOOT):
                out[x] = following
                continue
            if (
                p.cls != LAB
                or not self._all_pieces(self.region[x], kind)
                or self._header_kind(p) not in (None, kind)
            ):
                following = None
                continue
            if self._strong(self.region[x], kind):
                following = x
            out[x] = following
        return out

    def _strong(self, j: int, kind: str) -> bool:
        """Whether line ``j`` holds a whole header label of four or more characters."""
        hit = self._pieces.get((-1 - j, kind))
        if hit is None:
            hit = self._pieces[(-1 - j, kind)] = any(
                len(self.v.key(f.text)) >= 4 and self.v.header_label(kind, f.text) for f in self.p[j].labels
            )
        return hit

    def write_header(self, kind: str, block: list[int]) -> list[float]:
        frags = [f for j in block for f in self.p[j].labels]
        v = self.v
        hkind = "app" if kind == "repeat" else kind
        columns = _columns(
            _words(frags, lambda t: v.header_piece(hkind, t)), lambda f: v.whole_header(hkind, f.text)
        )
        fields = [c.text for c in columns]
        if kind == "app":
            fields = v.app_columns_in_order(fields)
        if kind == "repeat" or (kind == "app" and not all(v.header_label("app", f) for f in fields)):
            # rows of header words mid-table would be read as data rows ("总计", "其他"): one field
            fields = [" ".join(fields)]
        for j in block:
            self.blank(j)
        self.write(block[0], fields)
        return [(c.x + c.end) / 2 for c in columns[1:]] if kind == "ad" else []

    # -- rows ------------------------------------------------------------------------------------
    def rows(self, kind: str, part: list[int]) -> None:
        v = self.v
        numlines = [j for j in part if self.p[j].cls == NUM]
        if not numlines:
            if kind == "ad":  # an item whose rows are all blank: each row label a row of its own
                for j in part:
                    frags = self.p[j].labels
                    if self.p[j].cls == LAB and len(frags) == 1 and v.key(frags[0].text) in v.ad_rows:
                        self.write(j, [frags[0].text])
            return
        # lines counted without blanks and page footers: a label wrapped over a page break (its end
        # below the footer) is as near its other part as one wrapped on the same page
        rank: dict[int, int] = {}
        written = 0
        for j in range(part[0], part[-1] + 1):
            if self.p[j].cls not in (BLANK, FOOT):
                written += 1
            rank[j] = written
        # 1. wrapped labels: fragments in one column, a numbered fragment starting a new label
        labels: list[_Label] = []
        for j in part:
            p = self.p[j]
            on_num = p.cls == NUM
            for f in p.labels:
                target = None
                # (a row label alone on its line is a row of its own -- its cells blank -- not the end
                # of the label above it: 行政处罚 48 / 行政强制)
                whole = kind == "ad" and v.key(f.text) in v.ad_rows
                if not _numbered(f.text):
                    best = 0
                    for lab in labels[-8:]:
                        if (
                            rank[lab.last] < rank[f.line] - 2
                            or lab.last == f.line
                            or len(lab.frags) >= MAX_WRAPS
                            or (whole and v.key(lab.text) in v.ad_rows)
                        ):
                            continue
                        if (
                            on_num
                            and lab.numline is not None
                            and lab.numline != f.line
                            and not (kind == "app" and self._group_goes_on(lab, f))
                        ):
                            continue
                        ov = _overlap(lab.x, lab.end, f.x, f.end)
                        if ov > 0 and (
                            target is None
                            or lab.last > target.last
                            or (lab.last == target.last and ov > best)
                        ):
                            target, best = lab, ov
                if target is None:
                    labels.append(_Label(f, on_num))
                else:
                    target.add(f, on_num)
        # 2. each label to the row of numbers it belongs to; the review table's one row has no
        # label lines, and a label that begins below the last row is not the table's (a note)
        by_row: dict[int, list[_Label]] = {j: [] for j in numlines}
        stray: list[_Label] = []
        for lab in labels:
            if lab.numline is not None:
                row = lab.numline
            elif kind == "rl" or lab.first > numlines[-1]:
                row = None
            else:
                row = self._row_of(lab, numlines, rank)
            (by_row[row] if row is not None else stray).append(lab)
        # 3. cells, placed by position when a row has fewer than the table's columns
        expected = v.app_width if kind == "app" else v.rl_width if kind == "rl" else None
        full = [j for j in numlines if expected and len(self.p[j].nums) == expected]
        for j in numlines:
            nums = self.p[j].nums
            cells = [f.text for f in nums]
            if expected and len(nums) < expected and full:
                ref = self.p[_nearest(full, j)].nums
                cells = _place(nums, [(f.x + f.end) / 2 for f in ref]) or cells
            elif kind == "rl" and len(nums) < v.rl_width:
                placed = (_place(nums, centers) for centers in self.rl_centers)
                cells = next((c for c in placed if c is not None), cells)
            elif kind == "ad":
                centers = self._ad_centers(j)
                if centers and len(nums) < len(centers):
                    cells = _place(nums, centers) or cells
            labs = sorted(by_row[j], key=lambda lab: (lab.x, lab.first))
            texts = [lab.text for lab in labs]
            if kind == "ad":
                texts = ["".join(texts)] if texts else []
            for lab in labs:
                for f in lab.frags:
                    if f.line != j and self.p[f.line].cls == LAB:
                        self.blank(f.line)
            self.write(j, texts + cells)
        # a label with no numbers near it: after the table's last row it is not the table's (left
        # as it is); inside the table, a row of its own on its first line (text would cut the table)
        # (a 第二十条 row label below the last row is the table's: that row, its cell left blank)
        stray = [
            lab
            for lab in stray
            if lab.first < numlines[-1] or (kind == "ad" and v.key(lab.text) in v.ad_rows)
        ]
        for lab in stray:
            for f in lab.frags:
                self.blank(f.line)
        for lab in stray:
            current = self.out[lab.first]
            text = current[len(_lead(current)) :]
            fields = ([text.rstrip("\t")] if text.strip() else []) + [lab.text]
            self.write(lab.first, [" ".join(fields)])

    def _group_goes_on(self, lab: _Label, f: _Frag) -> bool:
        """A group label in the outer column wrapped onto the next row's line (（五）不予 / 处理)."""
        match, leaf = self.v.app_match(lab.text)
        return match and not leaf and self.v.app_match(_join(lab.text, f.text))[0]

    def _ad_centers(self, j: int) -> list[float] | None:
        at = bisect_left(self.ad_headers, (j,)) - 1
        return self.ad_headers[at][1] if at >= 0 else None

    @staticmethod
    def _row_of(lab: _Label, numlines: list[int], rank: dict[int, int]) -> int | None:
        """The row of a label written on lines without numbers: the row whose numbers are on a line
        it is wrapped around, else the nearest within :data:`REACH` lines (blanks and page footers
        not counted)."""
        at = bisect_left(numlines, lab.first)
        if at < len(numlines) and numlines[at] <= lab.last:
            return numlines[at]  # numbers on a line the label is wrapped around
        above = numlines[at - 1] if at > 0 else None
        below = numlines[at] if at < len(numlines) else None
        da = rank[lab.first] - rank[above] if above is not None else REACH + 1
        db = rank[below] - rank[lab.last] if below is not None else REACH + 1
        if min(da, db) > REACH:
            return None
        # below wins a tie: a label between two rows opens the one below (a group label)
        return below if db <= da else above

    # -- output ----------------------------------------------------------------------------------
    def write(self, j: int, fields: list[str]) -> None:
        self.out[j] = _lead(self.lines[j]) + _row(fields)
        self.done[j] = True

    def blank(self, j: int) -> None:
        self.out[j] = ""
        self.done[j] = True


def _columns(frags: list[_Frag], whole) -> list[_Label]:
    """Header fragments grouped into columns: a fragment joins the column above it that it overlaps,
    unless either is a whole label already (a merged cell over several columns stays alone)."""
    cols: list[_Label] = []
    for f in sorted(frags, key=lambda f: (f.line, f.x)):
        target = None
        if not whole(f):
            best = 0
            for c in cols:
                if c.last >= f.line or c.complete_whole:
                    continue
                ov = _overlap(c.x, c.end, f.x, f.end)
                if ov > best:
                    target, best = c, ov
        if target is None:
            c = _Label(f, False)
            c.numline = None
            cols.append(c)
            c.complete_whole = whole(f)
        else:
            target.add(f, False)
            target.complete_whole = whole(_Frag(0, 0, target.text))
    return sorted(cols, key=lambda c: (c.first, c.x)) if cols else []


def _words(frags: list[_Frag], piece) -> list[_Frag]:
    """Header fragments of words one blank apart split into words, where the whole is no header
    label but each word is a piece of one (narrow columns: ``结果纠 其他结 尚未审``)."""
    out: list[_Frag] = []
    for f in frags:
        if " " in f.text and not piece(f.text.replace(" ", "")):
            for m in re.finditer(_WORD, f.text):
                out.append(_sub(f, m.start(), m.group()))
        else:
            out.append(f)
    return out


def _nearest(lines: list[int], j: int) -> int:
    at = bisect_left(lines, j)
    if at == 0:
        return lines[0]
    if at == len(lines):
        return lines[-1]
    return lines[at] if lines[at] - j < j - lines[at - 1] else lines[at - 1]


def _place(nums: list[_Frag], centers: list[float]) -> list[str] | None:
    """Cells put under the nearest column centre; None when two would share a column."""
    cells = [""] * len(centers)
    for f in nums:
        mid = (f.x + f.end) / 2
        col = min(range(len(centers)), key=lambda c: abs(centers[c] - mid))
        if cells[col]:
            return None
        cells[col] = f.text
    return cells
