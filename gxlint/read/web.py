"""Read a web page (.html) into a :class:`~gxlint.read.document.Document`.

A government site publishes the report inside its page chrome: header and navigation, a breadcrumb
(当前位置：首页 > …), often a 索引号/发布机构/生成日期 table, a line with 发布时间/浏览次数/字号, share and
print buttons, previous/next links and a footer (主办单位, 备案号, 网站标识码).  This reader

1. decodes the bytes itself: a byte-order mark, else the ``<meta charset>`` or ``http-equiv``
   declaration in the first 4 KB (gb2312 and gbk read as their superset gb18030; a page declared
   GB but valid UTF-8 is read as UTF-8, one declared Western but Chinese in GB18030 as GB18030),
   else UTF-8, else GB18030 when the bytes decode cleanly as
   such (the usual undeclared Chinese page), else charset-normalizer's guess;
2. parses the text with lxml's HTML parser (libxml2, as ``lxml.html`` does, without ``lxml.html``'s
   element classes, which make a walk over all elements 30 % slower) and drops what is never
   text: script, style, nav, header, footer, form controls, iframes, comments, hidden elements;
3. walks the whole body once into blocks, each remembering the element it came from: paragraphs
   (``<p>``, ``<div>`` text runs, ``<li>``, ``<h1>``–``<h6>``, a paragraph all in bold = heading 2;
   ``<br>`` = a line break inside the paragraph) and grids (a ``<table>`` whose cells are short;
   a table used for layout is walked as a container instead); lines that are site chrome by their
   text (当前位置, 字号, 打印本页, 上一篇, 主办单位, 备案号 …) and 索引号 tables are set aside;
4. finds the article: from ``<body>`` it goes down into the child element holding 70 % of the
   text outside links, as long as that child keeps every chapter heading (一、二、…) of its parent
   and is not a data table; a usual CMS container (TRS_Editor, UCAP-CONTENT, zoom, content …)
   below that point holding half of the text is preferred.  Text in elements classed as menus,
   share bars, related links … counts for less, and is left out when inside the article;
5. puts the title first (the article's first lines when they are the title, a title set in two
   bold lines joined; else the ``<h1>``/``class=title`` element above the article, else the
   ArticleTitle meta or the ``<title>`` part naming a report) and the page's publication date
   (发布日期/发布时间 …, else 生成日期, else the PubDate meta, else 成文日期) into ``metadata`` as
   ``("发布日期", "YYYY-MM-DD")``.

Origins: paragraphs ``Origin(line=…)``, table cells ``Origin(line, table, row, cell)`` with the
source line of the element (libxml2 counts lines up to 65535; later lines are given as unknown).

Parser choice: lxml, not selectolax.  Measured on the two sample report pages (68 KB and 10 KB,
best of repeated runs on the development machine): parse 1.1 ms / 0.33 ms with lxml, 0.76 ms /
0.14 ms with selectolax's lexbor backend (1.7 / 0.48 ms vs 0.85 / 0.16 ms with a walk over all
nodes).  selectolax is faster, but not by an order of magnitude, and its nodes carry no source
position, while a finding has to name the line of the page source; lxml's elements have
``sourceline``, lxml is made for broken real-world markup and is already installed with
python-docx.  The whole read takes about 4.6 ms and 2.8 ms for the two sample pages (decode 0.4,
parse 1.1, walk 1.5, building the frozen Origin/GridCell objects 0.8 ms for the larger one);
reading, rendering and parsing the page takes 8.7 ms against 3.0 ms for the same report as text.

Bad input never raises: a file over 20 MB, binary data, a page without text, a page that is all
site chrome (or whose report is only an attachment), or markup lxml cannot parse give a
:class:`~gxlint.read.document.Problem` with a Chinese and an English message saying what is wrong
and what to do.  Markup nested deeper than libxml2's limit (2048 levels) is read up to that depth,
with a warning; a page with more than 20,000 blocks or 100,000 table cells is read up to there.
"""

from __future__ import annotations

import codecs
import re

from gxlint.chinese import PUBLICATION_LABELS, has_cjk_run, labelled_date
from gxlint.read.source import damaged_utf8
from gxlint.read.document import (
    MAX_CELLS,
    NOWHERE,
    PICTURE,
    Document,
    Grid,
    GridCell,
    Origin,
    Paragraph,
    Problem,
)

#: how deep markup is walked as structure; deeper, its text is read plainly (an article nests a few
#: dozen levels; Python's recursion would end near a thousand)
MAX_DEPTH = 150
MAX_BYTES = 20 * 1024 * 1024

#: elements that never hold report text
_JUNK = (
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "nav",
    "header",
    "footer",
    "button",
    "select",
    "input",
    "textarea",
    "option",
    "object",
    "embed",
    "svg",
    "canvas",
    "template",
    "head",
    "map",
    "audio",
    "video",
)  # not <form>: ASP.NET pages wrap all in one
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th tbody thead tfoot "
    "caption blockquote section article main aside center pre address hr figure "
    "figcaption body html".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 2, "h4": 2, "h5": 2, "h6": 2}
_BOLD = frozenset(("b", "strong"))
#: elements the article search may go down into
_DESCEND = frozenset(
    "div section article main td th tr tbody thead tfoot table center span font body html blockquote".split()
)
_CMS = re.compile(
    r"TRS_Editor|TRS_UEDITOR|UCAP-CONTENT|Custom_UnionStyle|^zoom$|^(?:article|"
    r"art|news|text|main|pages?|wzy|xxgk|detail|view|con|content|nr|zw|body"
    r")(?:[_-]?(?:con|content|text|body|detail|main|nr|zw|box|cont|wrap|article)){0,2}$",
    re.IGNORECASE,
)
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|location|"
    r"position|curpos|dqwz|share|bdshare|prevnext|pre_?next|fontsize|"
    r"zihao|toolbar|copyright|footer|sidebar|related|xgwz|xglj)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_TEXT = re.compile(
    r"^(?:当前位置|您现在的位置|您的位置|您当前的位置|所在位置|当前的位置)"
    r"|字\s*[号体]\s*[:：]?\s*[\[【(（]?\s*大\s*中\s*小"
    r"|【?\s*(?:打印本页|打印此页|关闭窗口|关闭本页|打印文章|收藏本页)\s*】?"
    r"|^\s*[【\[]\s*(?:打印|关闭|返回顶部)\s*[】\]]"
    r"|^(?:上一篇|下一篇|上一条|下一条)\s*[:：]"
    r"|^分享到|(?:主办单位|承办单位|主办|承办|维护单位|技术支持)\s*[:：]"
    r"|网站标识码|ICP\s*备|公网安备|版权所有|^\s*©|^(?:联系我们|网站地图|关于我们)\s*(?:[|｜]|$)"
    r"|^(?:浏览次数|阅读次数|点击数|访问量)\s*[:：]"
    r"|^欢迎(?:访问|光临)|(?:无障碍|长者模式|关怀版|适老化)\s*(?:[|｜]|$)|今天是\s*\d{4}\s*年"
    r"|^[\s【\[]*(?:发布时间|发布日期|时间|日期|来源|信息来源|作者|文章来源)\s*[:：].{0,60}"
    r"(?:浏览次数|阅读次数|点击|访问|字号|来源|作者)"
    r"|^(?:发布时间|发布日期|更新时间)\s*[:：]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
    r"|^(?:来源|信息来源|文章来源)\s*[:：]\s*\S{1,30}$"
)
_META_KEYS = (
    "索引号",
    "发布机构",
    "主题分类",
    "生成日期",
    "成文日期",
    "发文机关",
    "文号",
    "有效性",
    "发布日期",
    "公开方式",
    "公开范围",
    "所属机构",
    "发文日期",
    "体裁分类",
)
_CHAPTER = re.compile(
    r"^[\s\u00a0\u3000\ufdd0]*(?:第[一二三四五六七八九十]{1,3}[章部分]|"
    r"[一二三四五六七八九十]{1,3}[、.．])",
    re.MULTILINE,
)
_NON_WORD = re.compile(r"[\W_]+")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_CJK_NL = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\f]*\n[ \t\r\n\f]*"
    r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_WS = re.compile(r"[ \t\r\n\f\u00a0]+")
_EDGE = " \t\u00a0\u3000\u2002\u2003\u200b\ufeff"
_BLANKS = _EDGE + "\r\n\f\ufdd0"
_BR = "\ufdd0"  # marks a line break (<br>, block edges) in the tree's text; a noncharacter,
#                  removed from the input first
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufdd0\ufffe\uffff]")

_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ANY_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
#: bytes that text holds; a page whose first 4 KB has more than 2 % of other (control) bytes is binary
_TEXT_BYTES = bytes([7, 8, 9, 10, 12, 13, 27, *range(32, 127), *range(128, 256)])
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|ofd)(?:$|[?#])", re.I)


def _problem(zh: str, en: str, fatal: bool = True) -> Problem:
    return Problem(zh, en, fatal=fatal)


def _fail(problem: Problem, encoding: str = "") -> Document:
    return Document(form="html", problems=(problem,), encoding=encoding)


# ---------------------------------------------------------------- charset


def _codec(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if label in (
        "gb2312",
        "gbk",
        "x-gbk",
        "cp936",
        "ms936",
        "gb_2312-80",
        "euc-cn",
        "x-euc-cn",
        "gb2312-80",
        "csgb2312",
        "windows-936",
        "chinese",
    ):
        return "gb18030"
    if label in ("big5", "big5-hkscs", "x-x-big5", "cn-big5"):
        return "big5hkscs"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("utf-16", "utf-32"):  # a page read as bytes and declared UTF-16 is ASCII-compatible
        return "utf-8"
    return name


#: the Western charsets (as ``codecs`` names them) a Chinese page is sometimes declared in by mistake
_WESTERN = frozenset(("ascii", "iso8859-1", "iso8859-15", "cp1252", "cp1250", "iso8859-2"))


def _decode(data: bytes) -> tuple[str, str]:
    """The page as text and the encoding used."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    declared = None
    for m in _META_CHARSET.finditer(data[:4096]):
        declared = _codec(m.group(1).decode("ascii", "replace"))
        if declared:
            break
    ascii_only = data.isascii()
    if not ascii_only:
        # UTF-8 (declared, or declared GBK but written in UTF-8: common) with a few damaged
        # bytes is UTF-8 with those bytes replaced (read as GB18030, the whole page would be
        # garbled for one bad byte)
        damaged = damaged_utf8(data)
        if damaged is not None:
            return damaged[0], "utf-8"
    if declared and declared != "utf-8" and not ascii_only:
        try:
            data.decode("utf-8")
            return data.decode("utf-8"), "utf-8"  # declared GBK but written in UTF-8: common
        except UnicodeDecodeError:
            pass
    if declared in _WESTERN and not ascii_only:
        # a Chinese page declared Western (iso-8859-1, windows-1252, ascii: a page saved from a site
        # whose server and meta disagreed) that reads as GB18030 is GB18030: in the charset it
        # declares it would hold no Chinese at all
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if has_cjk_run(text, 1):
                return text, "gb18030"
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            if declared != "utf-8":
                return data.decode(declared, "replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    guess = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        guess = _codec(best.encoding) if best is not None else None
    except Exception:  # noqa: BLE001 - a guess that fails is no guess
        guess = None
    name = guess or "gb18030"
    return data.decode(name, "replace"), name


# ---------------------------------------------------------------- text helpers


def _clean(text: str) -> str:
    """Collected text as a paragraph: source line breaks between Chinese characters removed, runs
    of blanks made one, each line-break mark a line break, lines trimmed, empty lines dropped."""
    trimmed = text.strip(_BLANKS)
    if not _SPACE.search(trimmed):
        return trimmed  # the usual table cell: one word or number
    text = _CJK_NL.sub("", text)
    text = _WS.sub(" ", text)
    if "、 " in text:
        text = _AFTER_COMMA.sub("、", text)  # Word's list number: 二、&nbsp;&nbsp; 主动公开…
    lines = [line.strip(_EDGE) for line in text.split(_BR)]
    return "\n".join(line for line in lines if line)


_AFTER_COMMA = re.compile(r"、 (?=[\u4e00-\u9fff])")
_SPACE = re.compile(r"[\s\ufdd0\u00a0\u3000\u2002\u2003\u200b\ufeff]")


def _words(text: str) -> int:
    return len(_NON_WORD.sub("", text)) if text else 0


def _cjk(text: str) -> int:
    return len(_NON_CJK.sub("", text)) if text else 0


def _line(el) -> int | None:
    line = el.sourceline
    return line if line is not None and 0 < line < 65535 else None  # libxml2 stops at 65535


def _is_chrome_text(text: str) -> bool:
    return len(text) <= 120 and _CHROME_TEXT.search(text) is not None


def _attr_names(el) -> str:
    i, c = el.get("id"), el.get("class")
    return f"{i or ''} {c or ''}" if i or c else ""


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan: 1 when missing, not a number, 0 or absurd (over 100), at most ``limit``."""
    if not value:
        return 1
    m = _DIGITS.match(value)
    if not m:
        return 1
    n = int(m.group(1))
    if n < 1 or n > 100:
        return 1
    return min(n, limit)


_DIGITS = re.compile(r"\s*(\d{1,6})")


def _text_of(el, tostring) -> str:
    """All text below ``el`` (not its tail), in C."""
    return tostring(el, method="text", encoding=str, with_tail=False)


def _mark_breaks(root) -> None:
    """Put a line-break mark after each ``<br>``, around every block element and for each line
    break inside ``<pre>``, so that the text of any element is one call away and keeps its lines."""
    for pre in root.iter("pre"):
        for el in pre.iter():
            if el.text:
                el.text = el.text.replace("\n", _BR)
            if el.tail and el is not pre:
                el.tail = el.tail.replace("\n", _BR)
    for br in root.iter("br"):
        br.tail = _BR + br.tail if br.tail else _BR
    for el in root.iter(*_MARKED):
        el.text = _BR + el.text if el.text else _BR
        el.tail = _BR + el.tail if el.tail else _BR


#: table structure is left unmarked: the walk starts a paragraph at each cell anyway, and a data
#: cell's text is taken whole (most of a report page's elements are cells and rows)
_MARKED = tuple(_BLOCK - {"td", "th", "tr", "tbody", "thead", "tfoot", "table", "body", "html"})


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_hidden_xpath: list = []  # the compiled XPath, made on first use (lxml is imported lazily)


def _drop_hidden(body, tostring) -> None:
    """Leave out what the page hides (``display:none``, ``hidden``): hidden copies, share widgets.
    An element that holds most of the page's text is kept: a page may hide its article until a
    script shows it."""
    if not _hidden_xpath:
        from lxml import etree

        _hidden_xpath.append(
            etree.XPath(
                ".//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden') or "
                "contains(@style, 'NONE') or contains(@style, 'HIDDEN')]"
            )
        )
    hidden = [
        el
        for el in _hidden_xpath[0](body)
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "")
    ]
    if not hidden:
        return
    total = len(_text_of(body, tostring))
    for el in hidden:
        parent = el.getparent()
        if parent is None or len(_text_of(el, tostring)) > 0.6 * total:
            continue
        if el.tail:
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _table_rows(table) -> list:
    rows = []
    for child in table:
        tag = child.tag
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _cells(tr) -> list:
    return [c for c in tr if c.tag in ("td", "th")]


def _is_meta_table(text: str) -> bool:
    """The 索引号/发布机构/生成日期 table a site puts above the article."""
    return text.lstrip(_BLANKS).startswith("索引号") or sum(1 for k in _META_KEYS if k in text) >= 3


# ---------------------------------------------------------------- the walk


#: pictures that are no content: icons, logos, QR codes, buttons
_ICON = re.compile(r"icon|logo|qrcode|ewm|erweima|share|btn|button|print|close|gif$|\.gif\b", re.I)


class _Entry:
    """A block as the walk found it, before the article is chosen."""

    __slots__ = ("kind", "data", "line", "owner", "chrome", "words", "marks", "heading")

    def __init__(self, kind, data, line, owner, chrome, words, marks, heading=None):
        self.kind, self.data, self.line, self.owner = kind, data, line, owner
        self.chrome, self.words, self.marks, self.heading = chrome, words, marks, heading


class _Full(Exception):
    """The page holds more than a report could: the walk stops."""


#: more blocks than any report has: the rest of the page is not read (and table cells: MAX_CELLS)
MAX_BLOCKS = 20_000


class _Walker:
    """Writes every element of the page body as blocks, remembering for each block the element it
    came from; the article is chosen afterwards from the words each element holds."""

    def __init__(self, tostring) -> None:
        self.tostring = tostring
        self.entries: list[_Entry] = []
        self.pieces: list[tuple[str, bool, bool]] = []
        self.line: int | None = None
        self.heading: int | None = None
        self.owner = None
        self.chrome = None
        self.layout: dict = {}
        self.cell_texts: dict = {}
        self.cells = 0
        self.span_budget = 200_000  # slots merged cells may cover in the whole page (a report: ~2000)
        # (text, line): 索引号 tables, chrome lines (the publication date is read from them)
        self.meta_text: list[tuple[str, int | None]] = []
        self.dropped: list[tuple[str, int | None]] = []
        self.too_deep = False  # markup nested past MAX_DEPTH was read as plain text

    # paragraphs
    def add(self, text: str | None, bold: bool, link: bool, line: int | None) -> None:
        if text:
            if self.line is None and text.strip(_BLANKS):
                self.line = line
            self.pieces.append((text, bold, link))

    def flush(self) -> None:
        pieces = self.pieces
        if not pieces:
            self.line = None
            return
        self.pieces = []
        line, self.line = self.line, None
        text = _clean("".join(p[0] for p in pieces))
        if not text:
            return
        if _is_chrome_text(text):
            self.dropped.append((text, line))
            return
        heading = self.heading
        if heading is None and len(text) <= 60 and "\n" not in text and any(p[1] for p in pieces):
            if not "".join(p[0] for p in pieces if not p[1]).strip(_BLANKS):
                heading = 2  # a paragraph all in bold
        words = sum(_words(p[0]) for p in pieces if not p[2])
        marks = len(_CHAPTER.findall(text))
        self.entries.append(_Entry("p", text, line, self.owner, self.chrome, words, marks, heading))
        if len(self.entries) >= MAX_BLOCKS:
            raise _Full

    def walk(self, el, bold: bool, link: bool, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag == "br":
            return  # a <br>'s line break is marked in its tail
        if tag == "img":
            self.picture(el)
            return
        if depth > MAX_DEPTH:  # far deeper than any article: keep the text, give up the structure
            # a table lost there is said (its cells run together); plain text loses nothing
            self.too_deep = self.too_deep or tag == "table" or el.find(".//table") is not None
            self.add(_text_of(el, self.tostring), bold, link, _line(el))
            return
        if not bold:
            style = el.get("style")
            bold = tag in _BOLD or (style is not None and "bold" in style and "font-weight" in style)
        link = link or tag == "a"
        if tag not in _BLOCK:
            self.add(el.text, bold, link, _line(el))
            for child in el:
                self.walk(child, bold, link, depth + 1)
                if child.tail:
                    self.add(child.tail, bold, link, _line(child))
            return
        self.flush()
        saved = self.heading, self.owner, self.chrome
        self.owner = el
        if self.chrome is None:
            names = _attr_names(el)
            if names and _CHROME_CLASS.search(names):
                self.chrome = el
        if tag == "table":
            self.table(el, depth)
        else:
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
            self.add(el.text, bold, link, _line(el))
            for child in el:
                self.walk(child, bold, link, depth + 1)
                if child.tail:
                    self.add(child.tail, bold, link, _line(child))
            self.flush()
        self.heading, self.owner, self.chrome = saved

    def picture(self, img) -> None:
        """A picture in the text (a table published as an image, often): a paragraph of its own
        that says so, so that a table missing where it stands is said to be a picture.  Icons,
        logos, QR codes and share buttons are none."""
        if _ICON.search(" ".join(filter(None, (img.get("src"), img.get("class"), img.get("alt"))))):
            return
        for size in (img.get("width"), img.get("height")):
            if size and size.strip().rstrip("px").isdigit() and int(size.strip().rstrip("px")) < 60:
                return
        self.flush()
        self.entries.append(_Entry("p", PICTURE, _line(img), self.owner, self.chrome, 0, 0))

    # tables
    def is_layout(self, table) -> bool:
        """A table that lays out a page or an article rather than holding data: one column, or a
        cell with long text or with a sizeable table of its own."""
        known = self.layout.get(table)
        if known is None:
            known = self.layout[table] = self._layout(table)
        return known

    def _layout(self, table) -> bool:
        rows = [_cells(tr) for tr in _table_rows(table)]
        self.cells += sum(len(cells) for cells in rows)
        if self.cells > MAX_CELLS:
            raise _Full
        if not any(len(cells) > 1 for cells in rows) and not any(
            _span(cell.get("colspan"), 100) > 1 for cells in rows for cell in cells
        ):
            return True  # one column
        tostring = self.tostring
        texts = self.cell_texts = {}
        nested = table.find(".//table") is not None
        for cells in rows:
            for cell in cells:
                if nested and cell.find(".//table") is not None:
                    for inner in cell.iter("table"):
                        if _words(_text_of(inner, tostring)) > 200:
                            return True
                    # a small table inside a cell: its text, flattened
                    text = " ".join(t.strip() for t in cell.itertext() if t.strip())
                else:
                    text = _text_of(cell, tostring)
                if len(text) > 200 and _words(text) > 200:
                    return True
                texts[cell] = text
        return False

    def table(self, table, depth: int) -> None:
        self.cell_texts = {}
        self.cells += len(_table_rows(table))  # a row is at least one cell
        if self.cells > MAX_CELLS:
            raise _Full
        if self.is_layout(table):
            for child in table:
                if child.tag == "caption":
                    self.walk(child, False, False, depth + 1)
            for tr in _table_rows(table):
                for cell in _cells(tr):
                    self.walk(cell, False, False, depth + 2)
            return
        tostring = self.tostring
        texts = self.cell_texts
        flat = _text_of(table, tostring)
        if _is_meta_table(flat):
            # row by row: the publication date's line is its row's
            for tr in _table_rows(table) or [table]:
                self.meta_text.append((_text_of(tr, tostring).replace(_BR, " "), _line(tr)))
            return
        for child in table:
            if child.tag == "caption":
                self.walk(child, False, False, depth + 1)
                self.flush()
        rows_el = _table_rows(table)
        n_rows = len(rows_el)
        covered: set[tuple[int, int]] = set()
        rows: list[list[tuple]] = []
        any_text = False
        for r, tr in enumerate(rows_el):
            out = []
            c = 0
            for cell in _cells(tr):
                if covered:
                    while (r, c) in covered:
                        c += 1
                rowspan, colspan = cell.get("rowspan"), cell.get("colspan")
                rowspan = _span(rowspan, n_rows - r) if rowspan else 1
                colspan = _span(colspan, 100) if colspan else 1
                if rowspan > 1 or colspan > 1:
                    self.span_budget -= rowspan * colspan
                    if self.span_budget < 0:
                        rowspan = colspan = 1
                    for dr in range(rowspan):
                        for dc in range(colspan):
                            covered.add((r + dr, c + dc))
                text = texts.get(cell)
                text = _clean(text if text is not None else _text_of(cell, tostring))
                any_text = any_text or bool(text)
                out.append((text, _line(cell), r + 1, c + 1, rowspan, colspan))
                c += colspan
            rows.append(out)
        if any_text and all(_is_chrome_text(cell[0]) for row in rows for cell in row if cell[0]):
            self.dropped.append(
                (" ".join(cell[0] for row in rows for cell in row), _line(table))
            )  # 发布时间|来源
        elif any_text:
            self.entries.append(_Entry("grid", rows, _line(table), table, self.chrome, _words(flat), 0))
            if len(self.entries) >= MAX_BLOCKS:
                raise _Full


# ---------------------------------------------------------------- the article


def _find_article(body, entries: list[_Entry], layout: dict):
    """The element holding the article, and the words below each element."""
    words: dict = {}
    marks: dict = {}
    for entry in entries:
        el = entry.owner
        w, m = entry.words, entry.marks
        if entry.chrome is not None:
            w *= 0.3  # a menu or a related-links list by its class: its text counts for less
        while el is not None:
            words[el] = words.get(el, 0) + w
            if m:
                marks[el] = marks.get(el, 0) + m
            if el is body:
                break
            el = el.getparent()
    node = body
    while True:
        total = words.get(node, 0)
        best, best_words = None, -1
        for child in node:
            w = words.get(child, 0)
            if w > best_words:
                best, best_words = child, w
        if best is None or total <= 0 or best_words < 0.7 * total:
            break
        if best.tag not in _DESCEND or (best.tag == "table" and not layout.get(best, False)):
            break
        if marks.get(node, 0) >= 2 and marks.get(best, 0) < marks.get(node, 0):
            break
        node = best
    # a usual CMS container below that point, holding most of its text, is the better choice
    total, need = words.get(node, 0), marks.get(node, 0)
    choice, choice_words = node, total
    for el, w in words.items():
        if w < 0.5 * total or w >= choice_words or el.tag not in _DESCEND:
            continue
        names = _attr_names(el)
        if not names or not any(_CMS.search(n) for n in names.split()):
            continue
        if need >= 2 and marks.get(el, 0) < need:
            continue
        if any(a is node for a in el.iterancestors()):
            choice, choice_words = el, w  # such elements are nested: the fewest words, the tightest
    return choice, words


def _has_text(blocks: list, titles: set[str], attachments: bool = False) -> bool:
    """Whether the blocks hold some Chinese text (20 characters or more) besides a title -- a page
    with an attachment, more than a line or two that announce it (现将…年度报告予以公布。附件：
    …年度报告.pdf): 200 characters or more, the attachment's name not counted."""
    enough = _ANNOUNCEMENT if attachments else 20
    seen = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.heading != 1 and _norm(block.text) not in titles and not _SITE_CONTACT.match(block.text):
                if not (attachments and _FILE_NAME.search(block.text)):
                    seen += _cjk(block.text)
        else:
            seen += _cjk("".join(c.text for row in block.rows for c in row))
        if seen >= enough:
            return True
    return False


#: a line of contact details alone, as a site's footer gives them (地址：…　邮编：…　联系电话：…): not
#: counted as a page's text -- with its article empty or loaded by a script, that was all there was
_SITE_CONTACT = re.compile(r"^\s*(?:地址|联系地址|通讯地址|电话|联系电话|邮编|邮政编码)\s*[:：].{0,120}$")
#: how much text a page with an attachment holds beyond announcing it (a report is thousands)
_ANNOUNCEMENT = 200
#: a line announcing an attached file by its name (附件：示例县…年度报告.pdf)
_ATTACHED_LINE = re.compile(r"^\s*附件\s*\d*\s*[:：]?.*\.(?:pdf|docx?|wps|ofd)\s*$", re.I)
#: a line naming an attached file (附件：…年度报告.pdf): not counted as the page's text
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|wps|ofd|xlsx?|zip|rar)\b|^\s*附件", re.I)


def _inside(el, article) -> bool:
    while el is not None:
        if el is article:
            return True
        el = el.getparent()
    return False


# ---------------------------------------------------------------- title and date


def _norm(text: str) -> str:
    return _NON_WORD.sub("", text)


def _meta_content(root, *names: str) -> str:
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in names:
            value = (meta.get("content") or "").strip()
            if value:
                return value
    return ""


def _title(body, article, head_title: str, meta_title: str, tostring):
    """The article's title as (text, line): the last h1, h2 or title-like element before the
    article that names a report, else the page's ArticleTitle or its <title> less the site name."""
    best = None
    for n, el in enumerate(body.iter()):
        if el is article or n > 5000:
            break
        if el.tag not in _TITLE_TAGS:
            continue
        if el.tag not in ("h1", "h2", "h3"):
            names = _attr_names(el).lower()
            if not names or not ("title" in names or "tit" in names or _BT.search(names)):
                continue
        text = _clean(_text_of(el, tostring)).replace("\n", "")
        if (
            4 <= len(text) <= 100
            and ("报告" in text or "年度" in text)
            and not _is_chrome_text(text)
            and not _CHAPTER.match(text)
        ):
            best = (text, _line(el))
    if best:
        return best
    if meta_title:
        return _clean(meta_title), None
    parts = [p.strip() for p in _TITLE_SPLIT.split(head_title) if "报告" in p]
    if parts:  # <title> is often 标题_站点名: the part that names a report
        return max(parts, key=len), None
    return None


_TITLE_TAGS = frozenset(("h1", "h2", "h3", "div", "p", "span", "td", "strong", "font"))


_BT = re.compile(r"(?:^|[\s_-])bt")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|——| - | — )\s*")


def _date(texts: list[tuple[str, int | None]], meta_date: str) -> tuple[str, int | None]:
    """The publication date and the source line it stands on (None for the page's meta): a
    发布日期/发布时间 label, else 生成日期, else the page's PubDate meta, else 成文日期 (the labels
    and the dates read as the text reader reads a header line: :func:`gxlint.chinese.labelled_date`)."""
    texts = [(text.replace(_BR, " "), line) for text, line in texts]  # a line break in a field
    for labels in PUBLICATION_LABELS[:2]:
        for text, line in texts:
            date = _plausible(labelled_date(text, labels))
            if date:
                return date, line
    meta = _ANY_DATE.match(meta_date)
    if meta and _ymd(meta):
        return _ymd(meta), None
    for text, line in texts:
        date = _plausible(labelled_date(text, PUBLICATION_LABELS[2]))
        if date:
            return date, line
    return "", None


def _plausible(written) -> str:
    """A date read after a label as YYYY-MM-DD, when it is one of a report's years; else ''."""
    date = written.date if written is not None else None
    return date.isoformat() if date is not None and 1990 <= date.year <= 2100 else ""


def _ymd(m) -> str:
    y, mo, d = (int(g) for g in m.groups())
    if not (1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


# ---------------------------------------------------------------- read


def read(data: bytes, path: str | None = None) -> Document:
    """Read the bytes of a web page; never raises."""
    try:
        return _read(data)
    except RecursionError:
        return _fail(
            _problem(
                "网页的标记嵌套过深，无法读取；请用浏览器打开后另存为纯文本，或下载报告原文（Word/PDF）",
                "the page's markup is nested too deeply to read; open it in a browser and save it as "
                "plain text, or get the report's original file (Word/PDF)",
            )
        )
    except MemoryError:
        return _fail(
            _problem(
                "网页过大，内存不足，未能读取；请另存为纯文本后检查",
                "the web page is too large to read in memory; save it as plain text and check that",
            )
        )
    except Exception as exc:  # noqa: BLE001 - a reader reports, it does not crash
        return _fail(
            _problem(
                f"无法解析网页（{type(exc).__name__}）；请用浏览器打开后另存为网页或纯文本再检查",
                f"the web page could not be parsed ({type(exc).__name__}: {exc}); open it in a browser "
                "and save it again as a web page or as plain text",
            )
        )


_NO_BODY_ZH = (
    "网页中没有找到正文内容（只有导航、页眉页脚等网站框架）；请确认下载的是报告全文页面，"
    "或正文是否由脚本加载（可在浏览器中打开后另存为纯文本）"
)
_NO_BODY_EN = (
    "no article text was found in the web page (only site navigation, header and "
    "footer); check that the file is the page with the full report, or whether the "
    "text is loaded by a script (open it in a browser and save it as plain text)"
)
_ATTACHED_ZH = "网页中没有找到报告正文，正文可能在附件中；请下载附件（PDF/Word）后检查附件文件"
_ATTACHED_EN = (
    "no report text was found in the web page; the report is probably an attachment: "
    "download the attached PDF or Word file and check that file"
)


def _read(data: bytes) -> Document:
    if len(data) > MAX_BYTES:
        size = len(data) / 1048576
        return _fail(
            _problem(
                f"网页文件过大（{size:.0f} MB，上限 {MAX_BYTES // 1048576} MB），未读取；年度报告网页"
                "通常不超过 1 MB，请确认文件是否正确，或另存为纯文本后检查",
                f"the web page is too large ({size:.0f} MB, the limit is {MAX_BYTES // 1048576} MB) "
                "and was not read; a report page is usually under 1 MB: check the file, or save the "
                "page as plain text",
            )
        )
    head = data[:4096]
    if len(head.translate(None, _TEXT_BYTES)) > max(8, len(head) // 50) and not head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        return _fail(
            _problem(
                "文件不是网页（含二进制数据）；请确认文件类型，或下载报告的网页、Word 或 PDF 版本",
                "the file is not a web page (it holds binary data); check the file type, or get the "
                "report as a web page, Word or PDF file",
            )
        )
    text, encoding = _decode(data)
    problems: list[Problem] = []
    damaged = damaged_utf8(data) if encoding == "utf-8" and "\ufffd" in text else None
    if damaged is not None:
        _, replaced, first = damaged
        first_line = data.count(b"\n", 0, first) + 1
        problems.append(
            _problem(
                f"网页源码第 {first_line} 行起有无效的 UTF-8 字节（共 {replaced} 处），已按替换字符处理",
                f"invalid UTF-8 bytes from HTML source line {first_line} ({replaced} in all), replaced",
                fatal=False,
            )
        )
    bad = text.count("\ufffd")
    if bad > 20 and bad > (len(text) - len(text.encode("ascii", "ignore"))) // 10:
        problems.append(
            _problem(
                f"网页的文字编码无法确定（按 {encoding} 读取，{bad} 处无法解码），部分文字可能是乱码；"
                "请在浏览器中打开确认文字正常后另存为 UTF-8 网页或纯文本",
                f"the page's character encoding could not be determined (read as {encoding}, {bad} "
                "places could not be decoded) and some text may be garbled; open it in a browser, "
                "check the text, and save it as a UTF-8 page or as plain text",
                fatal=False,
            )
        )
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text.replace("\x0c", " "))
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return _fail(
            _problem(
                "网页是空的，没有任何内容；请重新下载报告页面",
                "the web page is empty; download the report page again",
            ),
            encoding,
        )

    from lxml import etree  # lxml.html's parser without lxml.html's slower element classes

    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, no_network=True)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return _fail(
            _problem(
                "网页中没有可读取的内容（可能是空白页或只有脚本）；请在浏览器中打开页面，确认报告正文可见后另存",
                "the web page has no readable content (it may be blank or script only); open it in a "
                "browser, check that the report is shown, and save it again",
            ),
            encoding,
        )
    if any("depth" in (e.message or "").lower() for e in parser.error_log):
        problems.append(
            _problem(
                "网页的标记嵌套过深，超出部分未读取，报告可能不完整；请用浏览器打开后另存为纯文本再检查",
                "the page's markup is nested too deeply; the part beyond the limit was not read and the "
                "report may be incomplete; open it in a browser and save it as plain text",
                fatal=False,
            )
        )
    title_el = root.find(".//title")
    head_title = _clean(title_el.text) if title_el is not None and title_el.text else ""
    meta_title = _meta_content(root, "articletitle", "og:title")
    meta_date = _meta_content(
        root,
        "pubdate",
        "firstpublishedtime",
        "publishdate",
        "article:published_time",
        "dc.date",
        "dcterms.issued",
    )
    attachments = any(_ATTACHMENT.search(a.get("href") or "") for a in root.iter("a"))

    etree.strip_elements(root, *_JUNK, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    if "hidden" in text or "none" in text or "HIDDEN" in text or "NONE" in text:
        _drop_hidden(body, etree.tostring)
    _mark_breaks(body)
    walker = _Walker(etree.tostring)
    full = False
    try:
        walker.walk(body, False, False, 0)
        walker.flush()
    except _Full:
        walker.pieces = []
        full = True
        problems.append(
            _problem(
                f"网页内容过多（超过 {MAX_BLOCKS} 段或 {MAX_CELLS} 个表格单元格），只读取了前面部分；"
                "请确认文件是否是一份年度报告",
                f"the web page holds too much (over {MAX_BLOCKS} paragraphs or {MAX_CELLS} table "
                "cells); only its first part was read; check that the file is one annual report",
                fatal=False,
            )
        )
    if walker.too_deep:
        problems.append(
            _problem(
                f"网页的标记嵌套超过 {MAX_DEPTH} 层，更深处的表格只按文字读取：单元格可能连在一起、"
                "位置只能指到网页源码；请用浏览器打开后另存再检查",
                f"the page's markup is nested more than {MAX_DEPTH} levels deep; the tables deeper down were "
                "read as plain text: their cells may run together and findings there point only into the "
                "HTML source; open it in a browser and save it again",
                fatal=False,
            )
        )
    article, words = _find_article(body, walker.entries, walker.layout)
    article_words = max(1, words.get(article, 0))

    chosen: list[_Entry] = []
    outside: list[tuple[str, int | None]] = []
    for entry in walker.entries:
        keep = _inside(entry.owner, article)
        if (
            keep
            and entry.chrome is not None
            and _inside(entry.chrome, article)
            and entry.chrome is not article
            and words.get(entry.chrome, 0) < 0.3 * article_words
        ):
            keep = False  # a share bar, a related-links list … inside the article's container
        if keep:
            chosen.append(entry)
        elif entry.kind == "p":
            outside.append((entry.data, entry.line))
        else:
            outside.append((" ".join(cell[0] for row in entry.data for cell in row), entry.line))
    date, line = _date([*walker.meta_text, *walker.dropped, *outside], meta_date)
    metadata = (("发布日期", date, Origin(line=line) if line else NOWHERE),) if date else ()

    blocks: list = []
    tables = 0
    for entry in chosen:
        if entry.kind == "p":
            blocks.append(Paragraph(entry.data, Origin(line=entry.line), entry.heading))
        else:
            tables += 1
            rows = tuple(
                tuple(
                    GridCell(text, Origin(line=line, table=tables, row=r, cell=c), rowspan, colspan)
                    for text, line, r, c, rowspan, colspan in row
                )
                for row in entry.data
            )
            blocks.append(Grid(rows, Origin(line=entry.line, table=tables)))

    titles = {_norm(t) for t in (meta_title, head_title, *_TITLE_SPLIT.split(head_title)) if t}
    # an attachment named in words only (附件：…年度报告.pdf, the link lost when the page was saved)
    attachments = attachments or any(
        isinstance(b, Paragraph) and _ATTACHED_LINE.search(b.text) for b in blocks
    )
    if not _has_text(blocks, titles, attachments):
        if full:  # the warning that the page is too big says it all; nothing was read
            problems[-1] = Problem(problems[-1].message_zh, problems[-1].message_en, fatal=True)
        else:
            problems.append(
                _problem(*((_ATTACHED_ZH, _ATTACHED_EN) if attachments else (_NO_BODY_ZH, _NO_BODY_EN)))
            )
        return Document(form="html", problems=tuple(problems), metadata=metadata, encoding=encoding)

    # the title first
    title = _title(body, article, head_title, meta_title, etree.tostring)
    _title_first(blocks, title)

    return Document(
        form="html",
        blocks=tuple(blocks),
        problems=tuple(problems),
        metadata=metadata,
        encoding=encoding,
        extra={"container": _describe(article)},
    )


def _title_first(blocks: list, title: tuple[str, int | None] | None) -> None:
    """Make the article start with its title (heading 1): mark its first paragraph when that is the
    title (a title set in two or three short bold lines is joined into one), else put the title
    found outside the article in front."""
    first = blocks[0] if blocks and isinstance(blocks[0], Paragraph) else None
    if first is not None and first.heading and not _CHAPTER.match(first.text):
        # 示例县民政局 / 2023年政府信息公开 / 工作年度报告: short heading lines, joined
        n, text = 1, first.text
        while "报告" not in text and n < min(3, len(blocks)):
            nxt = blocks[n]
            if not (
                isinstance(nxt, Paragraph)
                and nxt.heading
                and len(nxt.text) <= 40
                and not _CHAPTER.match(nxt.text)
            ):
                break
            text, n = text + nxt.text, n + 1
        if "报告" in text or "年报" in text:
            blocks[:n] = [Paragraph(text.replace("\n", ""), first.origin, 1)]
            return
    if first is not None:
        ft = _norm(first.text)
        tt = _norm(title[0]) if title else ""
        if (
            tt
            and ft
            and (
                ft == tt
                or (tt in ft and len(ft) <= len(tt) + 12 and not first.text.endswith("。"))
                or (ft in tt and 2 * len(ft) >= len(tt))
            )
            or (
                len(first.text) <= 60
                and "报告" in first.text
                and not first.text.endswith("。")
                and "\n" not in first.text
            )
        ):
            blocks[0] = Paragraph(first.text, first.origin, 1)
            return
    if title:
        blocks.insert(0, Paragraph(title[0], Origin(line=title[1]), 1))


def _describe(el) -> str:
    out = el.tag if isinstance(el.tag, str) else "?"
    if el.get("id"):
        out += "#" + el.get("id")
    if el.get("class"):
        out += "." + ".".join(el.get("class").split())
    return out
