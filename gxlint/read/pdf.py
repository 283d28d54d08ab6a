"""Read a PDF into a :class:`~gxlint.read.document.Document`: running text and ruled tables.

The PDF is opened with pypdfium2 (PDFium, Apache-2.0/BSD-3-Clause), imported inside :func:`read`
so that gxlint starts without it.  From each page we take the characters with their boxes, font
size and weight, and the ruling lines (stroked lines and the thin filled rectangles that browsers
and Word draw table borders with); the layout is ours:

- **tables**: ruling lines that touch each other form a table; the distinct x and y positions of
  its lines cut it into slots, and two neighbouring slots with no line between them belong to one
  cell (a merged cell gets ``rowspan``/``colspan``).  A character goes to the cell its centre is
  in; the lines of a wrapped label are joined.  A table that ends a page and a table of the same
  width that starts the next one are one table: header rows repeated on the new page are dropped,
  and an empty piece of a merged cell cut by the page break is joined to the cell above it.
- **running text**: the other characters make lines; a line ends its paragraph when it stops
  short of the right margin although the next line's first word would have fitted, or when the
  next line is indented, starts with a number such as ``一、`` or ``（一）``, has another size, or
  is further down than the line spacing.  A paragraph cut by a page break is rejoined.  Larger or
  bold lines are heading hints (``heading=2``); the largest text on page 1 is the title (``1``).
- **page furniture**: page numbers (``— 3 —``, ``- 3 -``, ``第 3 页 共 5 页``, a lone number) in
  the top or bottom margin, and header or footer lines that repeat on most pages, are dropped.

Origins: ``Origin(page, line)`` for a paragraph, ``line`` counting the text lines of the page from
the top (lines inside tables included); ``Origin(page, table, row, cell)`` for a table cell, with
``table`` counted through the document, and ``row``/``cell`` the row and the column of the grid.

A PDF without usable text (a scan, or fonts with no mapping to characters), an encrypted,
damaged or truncated PDF, and a PDF over the limits (file size, pages, objects on a page, time)
become a :class:`~gxlint.read.document.Problem`; :func:`read` never raises.  PDFium's text page
loses characters of text that is rotated in the file (a landscape page stored sideways with
``/Rotate``), and of a font that the file does not embed where this machine has no face for it
(no glyph box: a character drawn on its own has no width and is skipped); such a page -- in the
second case the whole document -- is read with pdfminer.six (a dependency, imported only then),
which needs no font; where it cannot read the file either, a warning says the page may be
incomplete.

- **tables without ruling lines**: a run of lines each with a gap of two characters or more between
  words (or a short label between such lines), three or more of them rows with numbers, is a table
  drawn without ruling lines: its lines are set on a grid of half-width columns as ``pdftotext
  -layout`` sets them (:class:`~gxlint.read.document.AlignedLines`), and the text reader rebuilds
  the table (:mod:`gxlint.read.textforms`, applied to the rendered text).

Not handled: pages set in several columns (read line by line across the columns).  PDFium parses a page's content before its objects can
be counted, so a page with millions of objects costs seconds and hundreds of MB once before it
is refused.

Speed on the two shared 3-page forms, one core, shared machine: this reader 37-65 pages/s; the
candidates measured before choosing: pypdfium2 plain text 280 pages/s, pdfplumber/pdfminer.six
just parsing characters and rects 11-13 pages/s, pdfplumber words + ``extract_tables``
6-13 pages/s.  PyMuPDF is not used (AGPL).
"""

from __future__ import annotations

import bisect
import ctypes
import logging
import math
import re
import statistics
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from gxlint.chinese import CN_YEAR_DIGITS, char_width
from gxlint.read.document import (
    PICTURE,
    AlignedLines,
    Document,
    Grid,
    GridCell,
    Origin,
    PageBreak,
    Paragraph,
    Problem,
)

#: refuse a PDF with more pages than this (an annual report has a handful)
MAX_PAGES = 300
#: refuse a file larger than this
MAX_BYTES = 150 * 1024 * 1024
#: stop reading after this many seconds (the pages read so far are kept, with a warning)
MAX_SECONDS = 30.0
#: characters read from one page, and from the whole document
MAX_CHARS_PAGE = 60_000
MAX_CHARS_TOTAL = 2_000_000
#: page objects on one page (a page with more is skipped), objects looked at for ruling lines
#: (form XObjects included), and the nesting depth of form XObjects
MAX_OBJECTS_PAGE = 50_000
MAX_RULE_OBJECTS_PAGE = 100_000
MAX_FORM_DEPTH = 6
#: the text objects of a page whose text is compared with what the text page holds (to find text
#: the text page lost): PDFium searches the page's text for each object, so a page of tens of
#: thousands of objects (a ruled grid of one digit per cell) took minutes; its first ones decide
TEXT_SAMPLE_PAGE = 1_000
#: ruling lines on one page above which tables are not looked for
MAX_RULES_PAGE = 6_000
#: slots of one table grid, and tables on one page
MAX_SLOTS = 40_000
MAX_TABLES_PAGE = 200
#: what one compressed stream other than a picture (a page's content, a form, a font) may unpack
#: to, and all of them together: a page's content is a few hundred KB, an embedded Chinese font a
#: few MB; a "flate bomb" (a small file whose stream unpacks to gigabytes) is refused from these,
#: counted before PDFium unpacks anything (it holds a stream whole, and more, while it reads it)
MAX_UNPACKED_STREAM = 64 * 1024 * 1024
MAX_UNPACKED_TOTAL = 256 * 1024 * 1024

_LOCK = threading.Lock()  # PDFium is not thread-safe

# ----------------------------------------------------------------------------------------------
# messages

_WHAT_TO_DO_ZH = "用原始 Word 文件或网页检查"
_WHAT_TO_DO_EN = "check the original Word file or the web page instead"


def _problem(zh: str, en: str, fatal: bool = True) -> Problem:
    return Problem(message_zh=zh, message_en=en, fatal=fatal)


def _no_text() -> Problem:
    return _problem(
        "PDF 中没有可提取的文字，可能是扫描件；请用原始 Word 文件或网页检查，或先做文字识别（OCR）",
        "the PDF has no extractable text; it may be a scanned document; check the original Word "
        "file or the web page instead, or run text recognition (OCR) on it first",
    )


def _unmapped() -> Problem:
    return _problem(
        "PDF 中没有可提取的文字：所用字体没有文字映射，提取出来是乱码，可能是扫描件或特殊导出；"
        "请用原始 Word 文件或网页检查，或先做文字识别（OCR）",
        "the PDF has no extractable text: its fonts have no mapping to characters, so the text "
        "comes out as garbage (a scan or an unusual export); check the original Word file or the "
        "web page instead, or run text recognition (OCR) on it first",
    )


def _encrypted() -> Problem:
    return _problem(
        "PDF 文件有密码保护（已加密），无法读取；请提供未加密的 PDF，或" + _WHAT_TO_DO_ZH,
        "the PDF is password-protected (encrypted) and cannot be read; provide an unencrypted "
        "copy, or " + _WHAT_TO_DO_EN,
    )


def _damaged(data: bytes, zh_detail: str = "", en_detail: str = "") -> Problem:
    truncated = b"%%EOF" not in data[-4096:]
    zh_what = "PDF 文件不完整（文件末尾缺失，可能下载中断）" if truncated else "PDF 文件已损坏"
    en_what = (
        "the PDF file is incomplete (its end is missing; the download may have been cut off)"
        if truncated
        else "The PDF file is damaged"
    )
    zh_detail = f"（{zh_detail}）" if zh_detail else ""
    en_detail = f" ({en_detail})" if en_detail else ""
    return _problem(
        f"{zh_what}，无法读取{zh_detail}；请重新下载或重新导出 PDF，或" + _WHAT_TO_DO_ZH,
        f"{en_what} and cannot be read{en_detail}; download or export the PDF again, or " + _WHAT_TO_DO_EN,
    )


def _too_large_unpacked(limit: int) -> Problem:
    mb = limit // (1024 * 1024)
    return _problem(
        f"PDF 文件解压后过大（其中的内容解压后超过 {mb} MB），未读取；年度报告的 PDF 解压后通常只有几 MB，"
        "文件可能已损坏或是恶意构造的；请确认文件是否正确，或" + _WHAT_TO_DO_ZH,
        f"the PDF is too large when unpacked (its content unpacks to more than {mb} MB) and was not "
        "read; an annual report's PDF unpacks to a few MB, so the file is damaged or built to do harm; "
        "check that this is the right file, or " + _WHAT_TO_DO_EN,
    )


#: the keyword that starts a stream's data (not the end of ``endstream``), and the dictionary
#: before it: from the ``obj`` that opens the object
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_STREAM_DICT_REACH = 4096


def _unpacked_over_limit(data: bytes) -> int | None:
    """The limit that a compressed stream of the file unpacks beyond (:data:`MAX_UNPACKED_STREAM`
    for one, :data:`MAX_UNPACKED_TOTAL` for all), or None.  Only FlateDecode streams that are not
    pictures are unpacked (PDFium unpacks a picture only to draw it, which gxlint never asks), a
    piece at a time, nothing kept: a bomb is caught after unpacking the limit, not the bomb."""
    import zlib

    view = memoryview(data)
    total = 0
    for m in _STREAM.finditer(data):
        start = m.start()
        opened = data.rfind(b"obj", max(0, start - _STREAM_DICT_REACH), start)
        head = data[opened if opened >= 0 else max(0, start - _STREAM_DICT_REACH) : start]
        if b"FlateDecode" not in head or b"/Image" in head:
            continue
        inflate = zlib.decompressobj()
        size = 0
        at = m.end()
        try:
            while (at < len(data) or inflate.unconsumed_tail) and not inflate.eof:
                # at most 1 MB out per step (the rest of the piece waits in unconsumed_tail)
                piece = inflate.unconsumed_tail or view[at : at + 16384]
                if not inflate.unconsumed_tail:
                    at += len(piece)
                size += len(inflate.decompress(piece, 1 << 20))
                if size > MAX_UNPACKED_STREAM:
                    return MAX_UNPACKED_STREAM
                if total + size > MAX_UNPACKED_TOTAL:
                    return MAX_UNPACKED_TOTAL
        except zlib.error:
            pass  # a damaged stream: PDFium says what it makes of it
        total += size
    return None


def _failed(exc: BaseException) -> Problem:
    name = type(exc).__name__
    if isinstance(exc, MemoryError):
        zh, en = "内存不足", "out of memory"
    elif isinstance(exc, RecursionError):
        zh, en = "文件结构嵌套过深", "the file's structure is nested too deeply"
    else:
        zh = en = name
    return _problem(
        f"读取 PDF 时出错（{zh}），文件可能已损坏或结构异常；请重新导出 PDF，或" + _WHAT_TO_DO_ZH,
        f"reading the PDF failed ({en}); the file may be damaged or unusually built; export the "
        "PDF again, or " + _WHAT_TO_DO_EN,
    )


def _pages_list(pages: list[int]) -> tuple[str, str]:
    shown = pages[:10]
    zh = "、".join(str(p) for p in shown) + ("等" if len(pages) > 10 else "")
    en = ", ".join(str(p) for p in shown) + (", …" if len(pages) > 10 else "")
    return zh, en


#: warnings about some of the pages, by what happened to them, filled with the pages' numbers and
#: what would read them whole (:data:`_FIXES`)
_PAGE_WARNINGS = {
    "turned": (
        "PDF 第 {pages} 页的文字是旋转排版的，可能没有读全{fix}；请" + _WHAT_TO_DO_ZH,
        "page {pages} of the PDF has text set sideways and may not have been read completely{fix}; "
        + _WHAT_TO_DO_EN,
    ),
    "unfonted": (
        "PDF 第 {pages} 页的部分文字所用字体没有嵌入文件，本机也没有可代替的中文字体，这些文字无法提取，"
        "内容不完整{fix}；请" + _WHAT_TO_DO_ZH,
        "some text on page {pages} of the PDF is set in a font that the file does not embed and this "
        "machine has no Chinese font to stand in for, so it could not be extracted and the page is "
        "incomplete{fix}; " + _WHAT_TO_DO_EN,
    ),
    "lost": (
        "PDF 第 {pages} 页有部分文字无法提取，内容可能不完整；请" + _WHAT_TO_DO_ZH,
        "some text on page {pages} of the PDF could not be extracted, so the page may be incomplete; "
        + _WHAT_TO_DO_EN,
    ),
    "blank": (
        "PDF 第 {pages} 页没有可提取的文字（可能是扫描的图片），其内容没有检查；请"
        + _WHAT_TO_DO_ZH
        + "，或先做文字识别（OCR）",
        "page {pages} of the PDF has no extractable text (probably a scanned image) and was not "
        "checked; " + _WHAT_TO_DO_EN + ", or run text recognition (OCR) first",
    ),
    "tables_skipped": (
        "PDF 第 {pages} 页线条过多，没有识别其中的表格，表格内容按普通文字读取",
        "page {pages} of the PDF has too many lines to look for tables; its tables were read as plain text",
    ),
}
#: what reads the pages whole, by warning and whether pdfminer.six is missing
_FIXES = {
    ("turned", True): ("（安装 pdfminer.six 后可以读全）", " (installing pdfminer.six fixes that)"),
    ("unfonted", True): (
        "（安装 pdfminer.six 或中文字体后可以读全）",
        " (installing pdfminer.six or a Chinese font fixes that)",
    ),
    ("unfonted", False): ("（安装中文字体后可以读全）", " (installing a Chinese font fixes that)"),
}


def _pages_warning(what: str, pages: list[int], pdfminer_missing: bool = False) -> Problem:
    zh, en = _PAGE_WARNINGS[what]
    pages_zh, pages_en = _pages_list(pages)
    fix_zh, fix_en = _FIXES.get((what, pdfminer_missing), ("", ""))
    zh, en = zh.format(pages=pages_zh, fix=fix_zh), en.format(pages=pages_en, fix=fix_en)
    return Problem(zh, en, fatal=False, page=pages[0])


# ----------------------------------------------------------------------------------------------
# entry point


def read(data: bytes, path: str | None = None) -> Document:
    """Read the bytes of a PDF file.  Never raises: whatever goes wrong becomes a Problem."""
    try:
        return _read(bytes(data), path)
    except Exception as exc:  # noqa: BLE001 - includes MemoryError, RecursionError, PdfiumError
        return Document(form="pdf", problems=(_failed(exc),))


def _read(data: bytes, path: str | None) -> Document:
    if len(data) > MAX_BYTES:
        return Document(
            form="pdf",
            problems=(
                _problem(
                    f"PDF 文件太大（{len(data) // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB），"
                    "未读取；年度报告的 PDF 通常只有几百 KB，请确认文件是否正确，或" + _WHAT_TO_DO_ZH,
                    f"the PDF is too large ({len(data) // (1024 * 1024)} MB, limit "
                    f"{MAX_BYTES // (1024 * 1024)} MB) and was not read; an annual report's PDF is "
                    "usually a few hundred KB; check that this is the right file, or " + _WHAT_TO_DO_EN,
                ),
            ),
        )
    if b"%PDF" not in data[:1024]:
        return Document(
            form="pdf",
            problems=(
                _problem(
                    "文件不是 PDF 格式（开头没有 %PDF 标记），无法按 PDF 读取；请确认文件是否正确，或"
                    + _WHAT_TO_DO_ZH,
                    "the file is not a PDF (it does not start with %PDF) and cannot be read as one; "
                    "check that this is the right file, or " + _WHAT_TO_DO_EN,
                ),
            ),
        )
    limit = _unpacked_over_limit(data)
    if limit is not None:
        return Document(form="pdf", problems=(_too_large_unpacked(limit),))
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except Exception:  # noqa: BLE001
        return Document(
            form="pdf",
            problems=(
                _problem(
                    "读取 PDF 需要 pypdfium2 程序库（pip install pypdfium2）；或者" + _WHAT_TO_DO_ZH,
                    "reading PDF files needs the pypdfium2 library (pip install pypdfium2); or "
                    + _WHAT_TO_DO_EN,
                ),
            ),
        )
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
                return Document(form="pdf", problems=(_encrypted(),))
            return Document(form="pdf", problems=(_damaged(data),))
        try:
            if raw.FPDF_GetFormType(pdf.raw) != raw.FORMTYPE_NONE:
                pdf.init_forms()  # the values filled into its form fields are read as its text
            return _read_document(pdf, raw, data)
        except pdfium.PdfiumError:
            return Document(form="pdf", problems=(_damaged(data),))
        finally:
            pdf.close()


# ----------------------------------------------------------------------------------------------
# what a page is made of


@dataclass(slots=True)
class _Char:
    t: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    font: str = ""


@dataclass(slots=True)
class _Line:
    """A text line outside the tables of its page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    lead: float  # width of the first unbreakable piece of the line (a word, a character)
    page: int
    number: int  # line on the page, from the top, 1-based
    font: str = ""
    #: the line set on a grid of half-width columns (as ``pdftotext -layout`` writes it), and
    #: whether it has a gap of two characters or more between words: a row of a table drawn
    #: without ruling lines (:func:`_aligned_regions`)
    layout: str = ""
    wide: bool = False
    aligned: bool = False


@dataclass(slots=True)
class _Picture:
    """An image as large as a table (a table published as a picture, a scanned page): where it
    stands, the text says so ([图片]), as a Word or web page's does."""

    top: float
    bottom: float
    page: int


#: the least size of an image that may be a table: a third of the page's width, 40 points high (a
#: seal or a logo is smaller)
PICTURE_WIDTH, PICTURE_HEIGHT = 1 / 3, 40.0


@dataclass(slots=True)
class _Cell:
    r0: int
    r1: int
    x0: float
    x1: float
    text: str
    page: int
    open_bottom: bool = False
    #: the cell's row as its page shows it, 1-based: the row a finding names (a table that runs
    #: over pages is one table, its rows counted on from the first page's, its repeated header
    #: dropped -- which a person on the later page cannot count)
    shown: int = 0


@dataclass(slots=True)
class _Table:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    nrows: int
    cells: list[_Cell]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line | _Table, top to bottom
    chars: int = 0
    bad: int = 0
    images: int = 0
    pictures: list = field(default_factory=list)  # _Picture: the images as large as a table
    tables_skipped: bool = False
    skipped: bool = False  # too many objects to read
    lossy: str = ""  # text the text page lost ("turned", "unfonted", "lost"), no pdfminer.six to read it
    unfonted: bool = False  # text in a font neither the file nor this machine has (see _collect_rules)
    mined: bool = False  # the characters are pdfminer.six's


# ----------------------------------------------------------------------------------------------
# the document


def _read_document(pdf, raw, data: bytes) -> Document:
    started = time.monotonic()
    count = len(pdf)
    if count > MAX_PAGES:
        return Document(
            form="pdf",
            pages=count,
            problems=(
                _problem(
                    f"PDF 有 {count} 页，超过上限 {MAX_PAGES} 页，未读取；年度报告通常只有几页，"
                    "请确认文件是否正确，或" + _WHAT_TO_DO_ZH,
                    f"the PDF has {count} pages, more than the limit of {MAX_PAGES}, and was not read; "
                    "an annual report has a few pages; check that this is the right file, or "
                    + _WHAT_TO_DO_EN,
                ),
            ),
        )
    problems: list[Problem] = []
    pages: list[_Page] = []
    total_chars = 0
    miner = _Miner(data)
    for index in range(count):
        if index and (time.monotonic() - started > MAX_SECONDS or total_chars > MAX_CHARS_TOTAL):
            problems.append(
                _problem(
                    f"PDF 内容过多，只读取了前 {index} 页（共 {count} 页），后面的页没有检查；"
                    "请" + _WHAT_TO_DO_ZH,
                    f"the PDF holds too much content: only its first {index} of {count} pages were "
                    "read, the rest was not checked; " + _WHAT_TO_DO_EN,
                    fatal=False,
                )
            )
            break
        page = _read_page(pdf, raw, index, miner)
        total_chars += page.chars
        pages.append(page)
    if any(p.unfonted and p.mined for p in pages):
        # the same font is on other pages too, losing less there: the whole document is read with
        # pdfminer.six, so that a table going on over a page break is read alike on both pages
        for index, page in enumerate(pages):
            if time.monotonic() - started > MAX_SECONDS:
                break  # the pages left keep PDFium's reading
            if not page.mined:
                pages[index] = _read_page(pdf, raw, index, miner, mine=True)
    chars = sum(p.chars for p in pages)
    bad = sum(p.bad for p in pages)
    complex_pages = [p.number for p in pages if p.skipped]
    if complex_pages:
        zh, en = _pages_list(complex_pages)
        problems.append(
            _problem(
                f"PDF 第 {zh} 页内容过于复杂（对象超过 {MAX_OBJECTS_PAGE} 个），没有读取；"
                "请确认文件是否正确，或" + _WHAT_TO_DO_ZH,
                f"page {en} of the PDF is too complex (more than {MAX_OBJECTS_PAGE} objects) and "
                "was not read; check that this is the right file, or " + _WHAT_TO_DO_EN,
                fatal=chars < 5,
            )
        )
        if chars < 5:
            return Document(form="pdf", pages=count, problems=tuple(problems))
    if bad >= 5 and bad >= 0.25 * (chars + bad):
        return Document(form="pdf", pages=count, problems=(_unmapped(),))
    if chars < 5:
        turned = [p.number for p in pages if p.lossy == "turned"]
        if turned:  # text there is, set sideways where it could not be read: not a scan
            warning = _pages_warning("turned", turned, miner.missing)
            return Document(
                form="pdf", pages=count, problems=(_problem(warning.message_zh, warning.message_en),)
            )
        return Document(form="pdf", pages=count, problems=(_no_text(),))
    if bad >= 20:
        problems.append(
            _problem(
                f"PDF 中有 {bad} 个字符无法识别（字体没有文字映射），已略去，相关内容可能不完整；"
                "请" + _WHAT_TO_DO_ZH,
                f"{bad} characters of the PDF could not be read (their font has no mapping to "
                "characters) and were left out, so some text may be incomplete; " + _WHAT_TO_DO_EN,
                fatal=False,
            )
        )
    for lossy in ("turned", "unfonted", "lost"):
        numbers = [p.number for p in pages if p.lossy == lossy]
        if numbers:
            problems.append(_pages_warning(lossy, numbers, miner.missing))
    blank = [p.number for p in pages if p.chars == 0 and p.images]
    if blank and (len(blank) * 2 >= len(pages) or chars < 200):
        # mostly a scan: what text there is (a cover page, a stamp) would only give findings
        # about everything that is missing
        return Document(form="pdf", pages=count, problems=(_no_text(),))
    skipped = [p.number for p in pages if p.tables_skipped]
    if skipped:
        problems.append(_pages_warning("tables_skipped", skipped))
    _drop_furniture(pages)
    _place_pictures(pages)
    # a scanned page that kept the running header and page number of the others: no text of its own
    blank += [
        p.number
        for p in pages
        if p.pictures and p.number not in blank and not any(isinstance(it, (_Line, _Table)) for it in p.items)
    ]
    if blank:
        problems.append(_pages_warning("blank", sorted(blank)))
    _aligned_regions(pages)
    blocks = _assemble(pages)
    return Document(form="pdf", blocks=tuple(blocks), problems=tuple(problems), pages=count)


# ----------------------------------------------------------------------------------------------
# one page: characters and ruling lines out of PDFium


_SPACES = {" ", "\u00a0", "\u3000", "\t", "\u2002", "\u2003", "\u2009"}


_BOLD_NAME = re.compile(r"bold|heavy|black|demi|semib|[-,]b$|[-,]bd$", re.IGNORECASE)
#: a heading face in Chinese documents: 黑体 (SimHei …), 小标宋, 方正 … 黑
_HEAVY_NAME = re.compile(r"hei|黑|biaosong|xbs|标宋|bold|heavy|black", re.IGNORECASE)


def _font(raw, obj, cache: dict[int, tuple[bool, str]]) -> tuple[bool, str]:
    """Whether the font of a text object is a bold face, and its name (subset prefix
    dropped)."""
    font = raw.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if not key:
        return False, ""
    known = cache.get(key)
    if known is not None:
        return known
    name = ""
    buf = ctypes.create_string_buffer(256)
    n = raw.FPDFFont_GetBaseFontName(font, buf, 256)
    if 0 < n <= 256:
        raw_name = buf.raw[:n].rstrip(b"\0")
        for encoding in ("utf-8", "gb18030", "latin-1"):
            try:
                name = raw_name.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    name = re.sub(r"^[A-Z]{6}\+", "", name)
    weight = raw.FPDFFont_GetWeight(font)
    flags = raw.FPDFFont_GetFlags(font)
    bold = bool(_BOLD_NAME.search(name)) or weight >= 600 or (flags > 0 and flags & (1 << 18))
    cache[key] = (bool(bold), name)
    return cache[key]


def _is_bad(u: int) -> bool:
    return u == 0xFFFD or 0xE000 <= u <= 0xF8FF or u < 0x20 or 0xFFF0 <= u <= 0xFFFF


class _Miner:
    """pdfminer.six (MIT) for the pages PDFium's text page loses text of.  Slow (about 13
    pages/s), so only for those pages; any failure means "not available" (``missing``: it is not
    installed, which the warnings then suggest)."""

    def __init__(self, data: bytes):
        self.data = data
        self.state: tuple | None = None
        self.failed = False
        self.missing = False  # not installed (a dependency of gxlint, but one may remove it)
        self.bad = 0

    def _open(self) -> tuple | None:
        if self.state is None and not self.failed:
            try:
                import io

                try:
                    import pdfminer  # noqa: F401
                except ImportError:
                    self.missing = True
                    raise
                from pdfminer.converter import PDFPageAggregator
                from pdfminer.layout import LTChar, LTContainer
                from pdfminer.pdfdocument import PDFDocument
                from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
                from pdfminer.pdfpage import PDFPage
                from pdfminer.pdfparser import PDFParser

                log = logging.getLogger("pdfminer")
                level = log.level
                log.setLevel(logging.CRITICAL)
                try:
                    document = PDFDocument(PDFParser(io.BytesIO(self.data)))
                    pages = []
                    for page in PDFPage.create_pages(document):
                        pages.append(page)
                        if len(pages) > MAX_PAGES:
                            break
                finally:
                    log.setLevel(level)
                manager = PDFResourceManager()
                device = PDFPageAggregator(manager, laparams=None)
                self.state = (pages, device, PDFPageInterpreter(manager, device), LTChar, LTContainer)
            except Exception:  # noqa: BLE001 - not installed, or cannot read this file
                self.failed = True
        return self.state

    def chars(self, index: int, unturned: bool = False) -> list[_Char] | None:
        """The page's characters; ``unturned``: as written, its ``/Rotate`` left out."""
        state = self._open()
        if state is None or index >= len(state[0]):
            return None
        pages, device, interpreter, LTChar, LTContainer = state
        log = logging.getLogger("pdfminer")
        level = log.level
        log.setLevel(logging.CRITICAL)  # its warnings about a damaged file are not ours to print
        page = pages[index]
        turn = page.rotate
        try:
            if unturned:
                page.rotate = 0
            interpreter.process_page(page)
            layout = device.get_result()
        except Exception:  # noqa: BLE001
            return None
        finally:
            page.rotate = turn
            log.setLevel(level)
        height = layout.height
        out: list[_Char] = []
        self.bad = 0
        stack = [layout]
        while stack and len(out) < MAX_CHARS_PAGE:
            item = stack.pop()
            if isinstance(item, LTChar):
                text = item.get_text()
                if text.startswith("(cid:") or any(_is_bad(ord(c)) for c in text):
                    self.bad += 1
                    continue
                a, b, c, d = item.matrix[:4]
                if (
                    not item.upright
                    or abs(b) > 0.2 * abs(a)
                    or abs(c) > 0.2 * abs(d)
                    or not text
                    or text in "\r\n"
                ):
                    continue  # turned on the page as shown: a watermark, a stamp
                top, bottom = height - item.y1, height - item.y0
                name = re.sub(r"^[A-Z]{6}\+", "", str(item.fontname))
                for k, ch in enumerate(text):  # ligatures: share the box
                    if 0x2E80 <= ord(ch) <= 0x2FDF:
                        ch = unicodedata.normalize("NFKC", ch)
                    step = (item.x1 - item.x0) / len(text)
                    out.append(
                        _Char(
                            ch,
                            item.x0 + k * step,
                            item.x0 + (k + 1) * step,
                            top,
                            bottom,
                            bottom - 0.15 * (bottom - top),
                            item.size,
                            bool(_BOLD_NAME.search(name)),
                            name,
                        )
                    )
            elif isinstance(item, LTContainer):
                stack.extend(reversed(list(item)))
        return out


def _read_page(pdf, raw, index: int, miner: _Miner, mine: bool = False) -> _Page:
    page = pdf[index]
    try:
        result = _read_page_objects(page, raw, index, miner, mine, form=getattr(pdf, "formenv", None))
        if page.get_rotation() % 180 and _line_length(result) < _RUNS_DOWN:
            # turned a quarter by /Rotate: a landscape page whose text is drawn turned shows it
            # upright; but over text written upright (a viewer's "rotate and save", a scanner's
            # driver) the lines run down the page as shown: then it is read as written
            upright = _read_page_objects(page, raw, index, miner, mine, rotation=0)
            if _line_length(upright) > 2 * _line_length(result):
                result = upright
        return result
    finally:
        page.close()


#: characters a line of text below which a page turned by /Rotate may be text read across its
#: lines (a page's lines hold twenty and more; read across, one to five)
_RUNS_DOWN = 8.0


def _line_length(page: _Page) -> float:
    """The characters of the page's lines of text per line: text read across its lines is long,
    text read across the lines it was written in is a character or two a line."""
    lines = [len(it.text.replace(" ", "")) for it in page.items if isinstance(it, _Line)]
    return sum(lines) / len(lines) if lines else 0.0


def _read_page_objects(
    page, raw, index: int, miner: _Miner, mine: bool = False, rotation: int | None = None, form=None
) -> _Page:
    """``mine``: read the characters with pdfminer.six, whatever PDFium's text page holds.
    ``rotation``: quarter turns to show the page with (its ``/Rotate`` when None).  ``form``: the
    document's form environment, when it has form fields (their values are read as text)."""
    # the media box, not the crop box: the frame pdfminer.six uses too
    left, bottom, right, top = page.get_mediabox()
    if rotation is None:
        rotation = page.get_rotation() % 360 // 90
    w, h = right - left, top - bottom

    def point(x: float, y: float) -> tuple[float, float]:
        """PDF user space -> the page as shown: x to the right, y down from the top."""
        x, y = x - left, y - bottom
        if rotation == 1:
            return y, x
        if rotation == 2:
            return w - x, y
        if rotation == 3:
            return h - y, w - x
        return x, h - y

    def box(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        xa, ya = point(l, b)
        xb, yb = point(r, t)
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)

    width, height = (h, w) if rotation in (1, 3) else (w, h)
    result = _Page(number=index + 1, width=width, height=height)
    if raw.FPDFPage_CountObjects(page.raw) > MAX_OBJECTS_PAGE:
        result.skipped = True
        return result

    chars: list[_Char] = []
    textpage = page.get_textpage()
    try:
        hsegs: list[tuple[float, float, float]] = []
        vsegs: list[tuple[float, float, float]] = []
        budget = [MAX_RULE_OBJECTS_PAGE]
        # text objects, not upright, lost by the text page, lost for want of a font, and how many
        # were looked at for the two losses (TEXT_SAMPLE_PAGE)
        texts = [0, 0, 0, 0, 0]
        _collect_rules(
            raw,
            page,
            raw.FPDFPage_CountObjects,
            raw.FPDFPage_GetObject,
            None,
            0,
            box,
            hsegs,
            vsegs,
            result,
            budget,
            textpage.raw,
            texts,
        )
        turned = texts[1] >= max(3, 0.2 * texts[0])
        lost = texts[2] >= max(3, 0.1 * texts[4])
        # one character in a missing font is reason enough to read the page again: it may be the
        # lone digit of a table cell (a space in such a font looks the same, and costs only that)
        unfonted = result.unfonted = texts[3] > 0
        if mine or turned or unfonted or lost:
            # PDFium's text page drops characters of rotated Chinese text (a landscape page
            # set sideways), of fonts neither the file nor this machine has, and some others:
            # such a page is read with pdfminer.six if there, which needs no font
            mined = miner.chars(index, unturned=rotation != page.get_rotation() % 360 // 90)
            if mined is not None:
                chars = mined
                result.mined = True
                result.bad = miner.bad
                result.chars = sum(1 for c in chars if c.t not in _SPACES)
                if rotation == 0 and turned and texts[1] >= 0.8 * texts[0] and result.chars < 50:
                    # a page shown upright whose text is all set sideways, which pdfminer.six does
                    # not read either (its page is nearly empty): said, not passed over in silence
                    result.lossy = "turned"
            elif turned:
                result.lossy = "turned"
            elif texts[3] >= max(3, 0.1 * texts[4]):  # warned of only where it is much: no spaces
                result.lossy = "unfonted"
            elif lost:
                result.lossy = "lost"
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        matrix = raw.FS_MATRIX()
        fsize = ctypes.c_float()
        objects: dict[int, tuple[float, bool, str]] = {}
        fonts: dict[int, tuple[bool, str]] = {}
        pending_high = 0
        for i in range(min(max(n, 0), MAX_CHARS_PAGE) if not chars else 0):
            if raw.FPDFText_IsGenerated(tp, i) == 1:
                continue
            u = raw.FPDFText_GetUnicode(tp, i)
            if 0xD800 <= u < 0xDC00:
                pending_high = u
                continue
            if 0xDC00 <= u < 0xE000:
                if not pending_high:
                    continue
                u = 0x10000 + ((pending_high - 0xD800) << 10) + (u - 0xDC00)
            pending_high = 0
            if u in (0x0A, 0x0D, 0x02):  # line ends; 0x02 = a hyphen PDFium marks
                continue
            if raw.FPDFText_HasUnicodeMapError(tp, i) == 1 or _is_bad(u):
                if u not in (0x09,):
                    result.bad += 1
                continue
            ch = chr(u)
            if rotation == 0:
                angle = raw.FPDFText_GetCharAngle(tp, i)
                if 0.2 < angle < 2 * math.pi - 0.2:  # rotated text: a watermark, a stamp
                    continue
            obj = raw.FPDFText_GetTextObject(tp, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            info = objects.get(key)
            if info is None:
                size, bold, font = 0.0, False, ""
                if key and raw.FPDFPageObj_GetMatrix(obj, matrix) and raw.FPDFTextObj_GetFontSize(obj, fsize):
                    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                    size = fsize.value * scale
                    bold = raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
                    bold_font, font = _font(raw, obj, fonts)
                    bold = bold or bold_font
                info = objects[key] = (size, bold, font)
            size, bold, font = info
            if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
                continue
            x0, y0, x1, y1 = box(rect.left, rect.bottom, rect.right, rect.top)
            if size <= 0:
                size = max(y1 - y0, 1.0)
            if not bold and raw.FPDFText_GetFontWeight(tp, i) >= 600:
                bold = True
            if raw.FPDFText_GetCharOrigin(tp, i, ox, oy):
                _, base = point(ox.value, oy.value)
                if not y0 - 1 <= base <= y1 + 1:
                    base = y1 - 0.2 * (y1 - y0)
            else:
                base = y1 - 0.2 * (y1 - y0)
            if 0x2E80 <= u <= 0x2FDF:  # Kangxi/CJK radicals some fonts map to: ⼀ -> 一
                ch = unicodedata.normalize("NFKC", ch)
            chars.append(_Char(ch, x0, x1, y0, y1, base, size, bold, font))
    finally:
        textpage.close()
    if form is not None:
        chars.extend(_field_chars(raw, form, page, box))
    # off the page: text a generator left outside the page box
    chars = [
        c
        for c in chars
        if -2 <= (c.x0 + c.x1) / 2 <= width + 2 and -2 <= (c.top + c.bottom) / 2 <= height + 2
    ]
    result.chars = sum(1 for c in chars if c.t not in _SPACES)

    tables: list[_Table] = []
    if len(hsegs) + len(vsegs) > MAX_RULES_PAGE or budget[0] <= 0:
        result.tables_skipped = bool(hsegs or vsegs)
    elif hsegs and vsegs:
        tables = _find_tables(hsegs, vsegs, chars, result.number)
    result.items = _page_items(chars, tables, result.number)
    return result


def _field_chars(raw, form, page, box) -> list[_Char]:
    """The values filled into the page's form fields (a template PDF filled in and saved: a viewer
    shows them, the page's text holds none), each set in its field's box, one character after
    another, as text of the box's height."""
    out: list[_Char] = []
    rect = raw.FS_RECTF()
    for i in range(min(raw.FPDFPage_GetAnnotCount(page.raw), 2000)):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET or not raw.FPDFAnnot_GetRect(
                annot, rect
            ):
                continue
            size = raw.FPDFAnnot_GetFormFieldValue(form.raw, annot, None, 0)
            if size <= 2:
                continue
            buffer = ctypes.create_string_buffer(size)
            raw.FPDFAnnot_GetFormFieldValue(
                form.raw, annot, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size
            )
            value = buffer.raw[: size - 2].decode("utf-16-le", "replace").strip()
        finally:
            raw.FPDFPage_CloseAnnot(annot)
        if not value or len(value) > 200:
            continue
        x0, top, x1, bottom = box(rect.left, rect.bottom, rect.right, rect.top)
        height = max(bottom - top, 1.0)
        size_pt = height * 0.7
        width = min(size_pt * 0.55, (x1 - x0) / len(value))  # digits: about half the size wide
        start = (x0 + x1) / 2 - width * len(value) / 2  # centred in the box
        for k, ch in enumerate(value):
            a = start + k * width
            out.append(_Char(ch, a, a + width, top, bottom, bottom - 0.2 * height, size_pt, False, ""))
    return out


def _mul(m1: tuple, m2: tuple | None) -> tuple:
    """m1 then m2 (PDF matrices as (a, b, c, d, e, f))."""
    if m2 is None:
        return m1
    a, b, c, d, e, f = m1
    A, B, C, D, E, F = m2
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple | None, x: float, y: float) -> tuple[float, float]:
    if m is None:
        return x, y
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _collect_rules(
    raw, holder, count_fn, get_fn, outer, depth, box, hsegs, vsegs, page, budget, textpage, texts
):
    """Walk the page objects (into form XObjects) and collect the horizontal and vertical
    ruling lines, in page coordinates (x right, y down); count the images, and the text
    objects (``texts``: all, those not upright, those the text page has no text for)."""
    n = count_fn(holder.raw if hasattr(holder, "raw") else holder)
    container = holder.raw if hasattr(holder, "raw") else holder
    matrix = raw.FS_MATRIX()
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for i in range(max(n, 0)):
        budget[0] -= 1
        if budget[0] <= 0:
            return
        obj = get_fn(container, i)
        if not obj:
            continue
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            texts[0] += 1
            if raw.FPDFPageObj_GetMatrix(obj, matrix):
                a, b_, c_, d = _mul((matrix.a, matrix.b, matrix.c, matrix.d, 0, 0), outer)[:4]
                if not (a > 0 and d > 0 and abs(b_) <= 0.1 * a and abs(c_) <= 0.1 * d):
                    texts[1] += 1
            if texts[4] >= TEXT_SAMPLE_PAGE:
                continue
            texts[4] += 1
            textless = raw.FPDFTextObj_GetText(obj, textpage, None, 0) <= 2
            if textless and raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
                width = r.value - l.value
                if width > 1 and t.value - b.value > 1:
                    texts[2] += 1
                elif width < 0.01 and not raw.FPDFFont_GetIsEmbedded(raw.FPDFTextObj_GetFont(obj)):
                    # a font the file does not embed and this machine has no face for: PDFium
                    # knows no glyph box, so the object has no width and its text page skips it
                    texts[3] += 1
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            page.images += 1
            if raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
                xa, ya = _apply(outer, l.value, b.value)
                xb, yb = _apply(outer, r.value, t.value)
                x0, y0, x1, y1 = box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
                if x1 - x0 >= page.width * PICTURE_WIDTH and y1 - y0 >= PICTURE_HEIGHT:
                    page.pictures.append(_Picture(y0, y1, page.number))
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            if raw.FPDFPageObj_GetMatrix(obj, matrix):
                m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                _collect_rules(
                    raw,
                    obj,
                    raw.FPDFFormObj_CountObjects,
                    raw.FPDFFormObj_GetObject,
                    _mul(m, outer),
                    depth + 1,
                    box,
                    hsegs,
                    vsegs,
                    page,
                    budget,
                    textpage,
                    texts,
                )
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
                continue
            if not fill.value and not stroke.value:
                continue
            if not stroke.value and _is_white_fill(raw, obj):
                continue
            if not raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
                continue
            # bounds are in the coordinates of the object's container
            xa, ya = _apply(outer, l.value, b.value)
            xb, yb = _apply(outer, r.value, t.value)
            x0, y0, x1, y1 = box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
            bw, bh = x1 - x0, y1 - y0
            if bw <= 3.0 and bh >= 2.0:
                vsegs.append(((x0 + x1) / 2, y0, y1))
            elif bh <= 3.0 and bw >= 2.0:
                hsegs.append(((y0 + y1) / 2, x0, x1))
            elif bw > 3.0 and bh > 3.0:
                _path_rules(raw, obj, outer, box, hsegs, vsegs, budget)


def _is_white_fill(raw, obj) -> bool:
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not raw.FPDFPageObj_GetFillColor(obj, *rgba):
        return False
    red, green, blue, alpha = (v.value for v in rgba)
    return alpha == 0 or (red >= 245 and green >= 245 and blue >= 245)


def _path_rules(raw, obj, outer, box, hsegs, vsegs, budget):
    """The straight axis-parallel edges of a path larger than a line: a stroked grid drawn as
    one path, the outline of a stroked or a shaded rectangle."""
    nseg = raw.FPDFPath_CountSegments(obj)
    if nseg <= 0 or nseg > 4000:
        return
    budget[0] -= nseg // 4
    matrix = raw.FS_MATRIX()
    m = None
    if raw.FPDFPageObj_GetMatrix(obj, matrix):
        m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    m = _mul(m, outer) if m is not None else outer
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float] | None]] = []
    current: list = []
    for i in range(nseg):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        kind = raw.FPDFPathSegment_GetType(seg)
        px, py = _apply(m, x.value, y.value)
        bx0, by0, _, _ = box(px, py, px, py)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if current:
                subpaths.append(current)
            current = [(bx0, by0)]
        elif kind == raw.FPDF_SEGMENT_LINETO:
            current.append((bx0, by0))
        else:  # a curve: this subpath has no straight edge worth taking here
            current.append(None)
        if raw.FPDFPathSegment_GetClose(seg) and current and current[0] is not None:
            current.append(current[0])
    if current:
        subpaths.append(current)
    for pts in subpaths:
        for p, q in zip(pts, pts[1:]):
            if p is None or q is None:
                continue
            (xa, ya), (xb, yb) = p, q
            if abs(ya - yb) <= 1.0 and abs(xa - xb) >= 2.0:
                hsegs.append(((ya + yb) / 2, min(xa, xb), max(xa, xb)))
            elif abs(xa - xb) <= 1.0 and abs(ya - yb) >= 2.0:
                vsegs.append(((xa + xb) / 2, min(ya, yb), max(ya, yb)))


# ----------------------------------------------------------------------------------------------
# tables out of ruling lines


def _merge_segments(
    segs: list[tuple[float, float, float]], tol: float = 1.6, gap: float = 2.5
) -> list[list[float]]:
    """Collinear pieces joined: (position, start, end), the pieces of one border drawn cell by
    cell become one line."""
    out: list[list[float]] = []
    segs = sorted(segs)
    i = 0
    while i < len(segs):
        j = i
        while j + 1 < len(segs) and segs[j + 1][0] - segs[i][0] <= tol:
            j += 1
        group = sorted(segs[i : j + 1], key=lambda s: s[1])
        pos = sum(s[0] for s in group) / len(group)
        cur = [pos, group[0][1], group[0][2]]
        for s in group[1:]:
            if s[1] <= cur[2] + gap:
                cur[2] = max(cur[2], s[2])
            else:
                out.append(cur)
                cur = [pos, s[1], s[2]]
        out.append(cur)
        i = j + 1
    return out


def _cluster(values: list[float], tol: float) -> list[float]:
    values = sorted(values)
    out: list[list[float]] = []
    for v in values:
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _nearest(values: list[float], x: float) -> int:
    """Index of the value nearest to x in a sorted, non-empty list."""
    i = bisect.bisect_left(values, x)
    if i == 0:
        return 0
    if i == len(values):
        return i - 1
    return i if values[i] - x < x - values[i - 1] else i - 1


def _find_tables(hsegs, vsegs, chars: list[_Char], page: int) -> list[_Table]:
    hs = _merge_segments(hsegs)
    vs = _merge_segments(vsegs)
    tol = 2.5
    parent = list(range(len(hs) + len(vs)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    order = sorted(range(len(hs)), key=lambda k: hs[k][0])
    hys = [hs[k][0] for k in order]
    for vi, (x, y0, y1) in enumerate(vs):
        lo = bisect.bisect_left(hys, y0 - tol)
        hi = bisect.bisect_right(hys, y1 + tol)
        for k in order[lo:hi]:
            _, x0, x1 = hs[k]
            if x0 - tol <= x <= x1 + tol:
                ra, rb = find(k), find(len(hs) + vi)
                if ra != rb:
                    parent[ra] = rb
    groups: dict[int, tuple[list, list]] = {}
    for k in range(len(hs)):
        groups.setdefault(find(k), ([], []))[0].append(hs[k])
    for k in range(len(vs)):
        groups.setdefault(find(len(hs) + k), ([], []))[1].append(vs[k])
    tables = []
    candidates = [(gh, gv) for gh, gv in groups.values() if len(gh) >= 2 and len(gv) >= 2]
    for gh, gv in candidates[:MAX_TABLES_PAGE]:
        table = _grid_table(gh, gv, chars, page)
        if table is not None:
            tables.append(table)
    # a table inside another (a box drawn in a cell) is read as part of the outer one
    tables.sort(key=lambda t: (t.x1 - t.x0) * (t.bottom - t.top), reverse=True)
    kept: list[_Table] = []
    for t in tables:
        if any(
            k.x0 - 2 <= t.x0 and t.x1 <= k.x1 + 2 and k.top - 2 <= t.top and t.bottom <= k.bottom + 2
            for k in kept
        ):
            continue
        kept.append(t)
    kept.sort(key=lambda t: t.top)
    return kept


def _grid_table(hs, vs, chars: list[_Char], page: int) -> _Table | None:
    tol = 2.5
    left = min(min(h[1] for h in hs), min(v[0] for v in vs))
    right = max(max(h[2] for h in hs), max(v[0] for v in vs))
    top = min(min(v[1] for v in vs), min(h[0] for h in hs))
    bottom = max(max(v[2] for v in vs), max(h[0] for h in hs))
    xs = _cluster([v[0] for v in vs] + [left, right], 3.0)
    ys = _cluster([h[0] for h in hs] + [top, bottom], 3.0)
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1 or nr * nc > MAX_SLOTS:
        return None
    # each line given to the grid position it lies on
    vat: list[list[tuple[float, float]]] = [[] for _ in xs]
    hat: list[list[tuple[float, float]]] = [[] for _ in ys]
    for x, y0, y1 in vs:
        j = _nearest(xs, x)
        if abs(xs[j] - x) <= 3.5:
            vat[j].append((y0, y1))
    for y, x0, x1 in hs:
        i = _nearest(ys, y)
        if abs(ys[i] - y) <= 3.5:
            hat[i].append((x0, x1))

    def covered(spans: list[tuple[float, float]], a: float, b: float) -> bool:
        mid = (a + b) / 2
        return any(
            s0 - tol <= mid <= s1 + tol and s0 - tol <= a + (b - a) * 0.25 and b - (b - a) * 0.25 <= s1 + tol
            for s0, s1 in spans
        )

    vwall = [[covered(vat[j], ys[i], ys[i + 1]) for j in range(nc + 1)] for i in range(nr)]
    hwall = [[covered(hat[i], xs[j], xs[j + 1]) for j in range(nc)] for i in range(nr + 1)]
    parent = list(range(nr * nc))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i in range(nr):
        for j in range(nc):
            if j + 1 < nc and not vwall[i][j + 1]:
                parent[find(i * nc + j)] = find(i * nc + j + 1)
            if i + 1 < nr and not hwall[i + 1][j]:
                parent[find(i * nc + j)] = find((i + 1) * nc + j)
    members: dict[int, list[tuple[int, int]]] = {}
    for i in range(nr):
        for j in range(nc):
            members.setdefault(find(i * nc + j), []).append((i, j))
    slot: list[list[int]] = [[-1] * nc for _ in range(nr)]
    boxes: list[list[int]] = []  # r0, r1, c0, c1
    for group in members.values():
        r0 = min(i for i, _ in group)
        r1 = max(i for i, _ in group)
        c0 = min(j for _, j in group)
        c1 = max(j for _, j in group)
        if len(group) == (r1 - r0 + 1) * (c1 - c0 + 1):
            pieces = [(r0, r1, c0, c1)]
        else:  # not a rectangle: each row's runs on their own
            pieces = []
            for r in range(r0, r1 + 1):
                cols = sorted(j for i, j in group if i == r)
                start = prev = cols[0]
                for nxt in cols[1:] + [None]:
                    if nxt is None or nxt != prev + 1:
                        pieces.append((r, r, start, prev))
                        if nxt is not None:
                            start = nxt
                    if nxt is not None:
                        prev = nxt
        for piece in pieces:
            for r in range(piece[0], piece[1] + 1):
                for c in range(piece[2], piece[3] + 1):
                    slot[r][c] = len(boxes)
            boxes.append(list(piece))
    # a row of the grid that no cell starts in and that is thinner than a line of text is a
    # double border, not a row: it does not count
    keep_rows = [i for i in range(nr) if ys[i + 1] - ys[i] >= 4.0 or any(b[0] == i for b in boxes)]
    if len(keep_rows) < 2 or nc < 2:  # a box around text, a rule under a heading
        return None
    content: list[list[_Char]] = [[] for _ in boxes]
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if x_lo <= cx <= x_hi and y_lo <= cy <= y_hi:
            i = min(max(bisect.bisect_right(ys, cy) - 1, 0), nr - 1)
            j = min(max(bisect.bisect_right(xs, cx) - 1, 0), nc - 1)
            content[slot[i][j]].append(ch)
    if not any(content):
        return None
    # renumber rows
    newrow = {}
    for n, i in enumerate(keep_rows):
        newrow[i] = n
    cells = []
    for (r0, r1, c0, c1), chs in zip(boxes, content):
        if r0 not in newrow:
            continue
        r1n = max(newrow.get(r, newrow[r0]) for r in range(r0, r1 + 1) if r in newrow)
        open_bottom = False
        if r1 == nr - 1:
            open_bottom = not all(hwall[nr][c] for c in range(c0, c1 + 1))
        cells.append(_Cell(newrow[r0], r1n, xs[c0], xs[c1 + 1], _cell_text(chs), page, open_bottom))
    cells.sort(key=lambda c: (c.r0, c.x0))
    return _Table(page=page, top=ys[0], bottom=ys[-1], x0=xs[0], x1=xs[-1], nrows=len(keep_rows), cells=cells)


# ----------------------------------------------------------------------------------------------
# characters into lines


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or o >= 0x20000
        or 0x2010 <= o <= 0x206F
    )


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters of one text line together, lines top to bottom, each left to right."""
    lines: list[list[_Char]] = []
    refs: list[tuple[float, float]] = []
    for ch in sorted(chars, key=lambda c: (c.base, c.x0)):
        if lines:
            base, size = refs[-1]
            if abs(ch.base - base) <= 0.45 * max(min(size, ch.size), 1.0):
                lines[-1].append(ch)
                continue
        lines.append([ch])
        refs.append((ch.base, ch.size))
    for line in lines:
        line.sort(key=lambda c: c.x0)
    return lines


def _overprint_reach(ch: _Char) -> float:
    """How far from a character the same character drawn again is a second copy of it (fake bold is
    drawn a hair's breadth off), not the next letter: under half its own width (two narrow letters
    side by side, the ``ll`` of ``jill``, stand a width apart), at most 0.3 of the font size."""
    reach = 0.3 * max(ch.size, 1.0)
    width = ch.x1 - ch.x0
    return min(reach, 0.5 * width) if width > 0 else reach


def _visible(line: list[_Char]) -> list[_Char]:
    """The characters of a line without spaces and without the second copy of a character
    drawn twice (fake bold, shadows)."""
    out: list[_Char] = []
    for ch in line:
        if ch.t in _SPACES:
            continue
        if out and out[-1].t == ch.t and abs(ch.x0 - out[-1].x0) < _overprint_reach(out[-1]):
            out[-1].bold = True
            continue
        out.append(ch)
    return out


def _line_text(line: list[_Char]) -> str:
    out: list[str] = []
    prev: _Char | None = None
    space = False
    for ch in line:
        if ch.t in _SPACES:
            space = prev is not None
            continue
        if prev is not None:
            if prev.t == ch.t and abs(ch.x0 - prev.x0) < _overprint_reach(prev):
                continue
            gap = ch.x0 - prev.x1
            size = max(prev.size, ch.size, 1.0)
            # Chinese is set without spaces: a gap next to a Chinese character is spacing
            # (justified lines, the extra space Word puts between Chinese and digits) unless it
            # is wide; between Latin letters or digits a third of an em is a space
            cjk = _is_cjk(prev.t) or _is_cjk(ch.t)
            if (space and not (cjk and gap < 0.2 * size)) or gap > (1.5 if cjk else 0.3) * size:
                out.append(" ")
        out.append(ch.t)
        prev = ch
        space = False
    return "".join(out).strip()


def _join(parts: list[str]) -> str:
    """Lines of one paragraph or cell as one line: no space where a Chinese character meets
    the break, a space between two words of Latin script."""
    return _joined(parts)[0]


def _joined(parts: list[str]) -> tuple[str, list[int]]:
    """:func:`_join`'s line, and where in it each part starts."""
    out = ""
    starts = []
    for part in parts:
        part = part.strip()
        if part and out and not (_is_cjk(out[-1]) or _is_cjk(part[0]) or out.endswith(("-", "/"))):
            out += " "
        starts.append(len(out))
        out += part
    return out, starts


def _cell_text(chars: list[_Char]) -> str:
    return _join([_line_text(line) for line in _group_lines(chars)])


_OPENING = set("（(《〈「『【〔[“‘")
_CLOSING = set("，。、；：？！）)》〉」』】〕]”’,.;:?!%％·…—")


def _lead(vis: list[_Char]) -> float:
    """Width of the first piece of the line that could not have been broken: a run of Latin
    letters and digits, or one Chinese character, with the punctuation that sticks to it."""
    if not vis:
        return 0.0
    i = 0
    while i < len(vis) - 1 and vis[i].t in _OPENING:
        i += 1
    if not _is_cjk(vis[i].t) or vis[i].t in _CLOSING:
        while (
            i + 1 < len(vis) and not _is_cjk(vis[i + 1].t) and vis[i + 1].x0 - vis[i].x1 < 0.25 * vis[i].size
        ):
            i += 1
    while i + 1 < len(vis) and vis[i + 1].t in _CLOSING:
        i += 1
    return vis[i].x1 - vis[0].x0


def _page_items(chars: list[_Char], tables: list[_Table], page: int) -> list:
    def in_table(ch: _Char) -> bool:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        return any(t.x0 <= cx <= t.x1 and t.top <= cy <= t.bottom for t in tables)

    items: list = list(tables)
    # the grid a table without ruling lines is set on: half the body size, from the page's left edge
    sizes_all = sorted(c.size for c in chars if c.t not in _SPACES) or [10.0]
    unit = max(sizes_all[len(sizes_all) // 2] / 2, 1.0)
    left = min((c.x0 for c in chars), default=0.0)
    for number, line in enumerate(_group_lines(chars), start=1):
        free = [ch for ch in line if not in_table(ch)] if tables else line
        vis = _visible(free)
        if not vis:
            continue
        text = _line_text(free)
        if not text:
            continue
        sizes = Counter(round(c.size * 2) / 2 for c in vis)
        size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        bold = sum(c.bold for c in vis) * 2 > len(vis)
        font = Counter(c.font for c in vis).most_common(1)[0][0]
        layout, wide = _layout_text(vis, unit, left)
        items.append(
            _Line(
                text,
                vis[0].x0,
                vis[-1].x1,
                min(c.top for c in vis),
                max(c.bottom for c in vis),
                size,
                bold,
                _lead(vis),
                page,
                number,
                font,
                layout,
                wide,
            )
        )
    items.sort(key=lambda it: it.top)
    return items


def _layout_text(vis: list[_Char], unit: float, left: float) -> tuple[str, bool]:
    """The line's words each at its column of the grid, as ``pdftotext -layout`` sets them (a
    Chinese character two columns wide, the characters of a word together whatever their size),
    and whether two words are two characters or more apart."""
    out: list[str] = []
    width = 0
    wide = False
    prev: _Char | None = None
    for ch in vis:
        gap = ch.x0 - prev.x1 if prev is not None else None
        if gap is None or gap > 0.6 * unit:  # a word starts: at its column, a space at least
            if prev is not None and gap is not None and gap >= 2 * max(prev.size, ch.size, 1.0):
                wide = True
            column = int(round((ch.x0 - left) / unit))
            if column > width:
                out.append(" " * (column - width))
                width = column
            elif prev is not None:
                out.append(" ")
                width += 1
        out.append(ch.t)
        width += char_width(ch.t)
        prev = ch
    return "".join(out), wide


#: a chapter heading (二、主动公开政府信息情况) ends a table; the applications table's row groups
#: (三、本年度办理结果, 四、结转下年度继续办理) are labels of its own
_CHAPTER = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]")


def _is_chapter(text: str) -> bool:
    return _CHAPTER.match(text) is not None and not any(w in text for w in ("本年", "上年", "结转"))


#: a number set apart on a line (the review table's data row holds fifteen)
_NUMBERS = re.compile(r"(?<!\S)\d+(?!\S)")

#: a line of prose: a table's label is shorter, and ends with no full stop
_PROSE_END = ("。", "；", "！", "？")


def _aligned_regions(pages: list[_Page]) -> None:
    """Mark the lines of a table drawn without ruling lines (``aligned``): a run of lines that
    each have a wide gap between words or are short labels, among them at least three rows with
    numbers set apart.  Such lines are read as ``pdftotext -layout`` writes them, one paragraph
    each, and the text reader rebuilds their table (:mod:`gxlint.read.textforms`)."""
    run: list[_Line] = []

    def close() -> None:
        while run and not run[-1].wide:
            run.pop()
        rows = sum(1 for ln in run if ln.wide and any(c.isdigit() for c in ln.text))
        # the review/litigation table has one row of numbers: fifteen set apart are a table's
        if rows >= 3 or any(ln.wide and len(_NUMBERS.findall(ln.text)) >= 10 for ln in run):
            for ln in run:
                ln.aligned = True
        run.clear()

    # in document order: a table goes on over a page break; a ruled table ends the run
    for ln in (item for page in pages for item in page.items):
        if not isinstance(ln, _Line):
            close()
        elif ln.wide and not ln.text.endswith(_PROSE_END):
            run.append(ln)
        elif run and len(ln.text) <= 30 and not ln.text.endswith(_PROSE_END) and not _is_chapter(ln.text):
            run.append(ln)  # a label wrapped onto its own line, a caption, a header word
        else:
            close()
    close()


# ----------------------------------------------------------------------------------------------
# page furniture

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―~～_·•=\s]*\d{1,4}[-—–－―~～_·•=\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/／、]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-—–－―]+\s*[ivxlcIVXLC]{1,6}\s*[-—–－―]+)$",
    re.IGNORECASE,
)


def _place_pictures(pages: list[_Page]) -> None:
    """Put each page's pictures that stand for content among its items, where they stand.  Not
    those behind the text (a page's background, the scan under a scanned page's recognised
    text, a watermark: a text line or table lies across them), those in the top or bottom margin
    band (a letterhead, a footer's logo), nor one at the same place on two pages or more (a
    letterhead band on every page)."""
    seen: Counter[tuple[int, int]] = Counter(
        (round(pic.top), round(pic.bottom)) for page in pages for pic in page.pictures
    )
    for page in pages:
        kept = []
        for pic in page.pictures:
            if seen[(round(pic.top), round(pic.bottom))] >= 2:
                continue
            if pic.bottom <= page.height * 0.15 or pic.top >= page.height * 0.85:
                continue
            if any(pic.top <= (it.top + it.bottom) / 2 <= pic.bottom for it in page.items):
                continue
            kept.append(pic)
        page.pictures = kept
        if kept:
            page.items = sorted(page.items + kept, key=lambda it: it.top)


def _furniture_key(line: _Line) -> tuple[str, float]:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.size)


#: a line that is a date alone (a signature's)
_DATE_LINE = re.compile(rf"^\s*(?:\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})\s*年.{{1,8}}日\s*$")


def _drop_furniture(pages: list[_Page]) -> None:
    sizes: Counter[float] = Counter()
    for page in pages:
        for item in page.items:
            if isinstance(item, _Line):
                sizes[item.size] += len(item.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0

    def edge_lines(page: _Page) -> list[tuple[_Line, bool]]:
        """Free lines above every table in the top 15% of the page, or below every table in
        the bottom 15%; at most two at each end.  With each, whether it looks apart from the
        text: set smaller, or a line's height away from its neighbour."""
        out: list[tuple[_Line, bool]] = []
        items = page.items
        for seq, band, step in (
            (items, lambda y: y < page.height * 0.15, 1),
            (items[::-1], lambda y: y > page.height * 0.85, -1),
        ):
            end: list[tuple[_Line, bool]] = []
            for k, item in enumerate(seq[:2]):
                if not isinstance(item, _Line) or not band((item.top + item.bottom) / 2):
                    break
                apart = item.size < body * 0.9
                if k + 1 < len(seq):
                    near = seq[k + 1]
                    gap = near.top - item.bottom if step == 1 else item.top - near.bottom
                    apart = apart or gap >= body * 0.9
                else:
                    apart = True
                # (a long one only set smaller: a browser's printed URL and page title)
                end.append((item, apart and (len(item.text) <= 40 or item.size < body * 0.9)))
            if len(end) == 2 and end[1][1] and len(end[0][0].text) <= 40:
                end[0] = (end[0][0], True)  # a header of two lines
            out.extend(end)
        return out

    edges = {p.number: edge_lines(p) for p in pages}
    seen: Counter[tuple[str, float]] = Counter()
    for lines in edges.values():
        seen.update({_furniture_key(line) for line, apart in lines if apart})
    repeats = max(2, math.ceil(len(pages) * 0.5))
    # the title, set large on page 1: a running header that repeats it (or a part of it: the
    # agency on odd pages, the report's name on even ones, as 奇偶页不同 sets them) is furniture
    # however few pages it is on
    title = "".join(
        it.text.replace(" ", "")
        for it in (pages[0].items if pages else [])
        if isinstance(it, _Line) and it.size >= body * 1.15
    )

    def titled(page: _Page, line: _Line) -> bool:
        """A line at the top of a page after the first that repeats a part of the title, and is
        not a signature's organ (a date follows that)."""
        text = line.text.replace(" ", "")
        if page.number == 1 or len(text) < 4 or text not in title or line.top > page.height * 0.15:
            return False
        after = page.items.index(line) + 1
        following = page.items[after] if after < len(page.items) else None
        return not (isinstance(following, _Line) and _DATE_LINE.match(following.text))

    titled_pages = {p.number for p in pages for line, apart in edges[p.number] if apart and titled(p, line)}
    for page in pages:
        drop = set()
        for line, apart in edges[page.number]:
            text = line.text.strip()
            if _PAGE_NUMBER.match(text) or (
                apart
                and len(pages) >= 2
                and (seen[_furniture_key(line)] >= repeats or (len(titled_pages) >= 2 and titled(page, line)))
            ):
                drop.add(id(line))
        if drop:
            page.items = [it for it in page.items if id(it) not in drop]


# ----------------------------------------------------------------------------------------------
# lines into paragraphs, tables joined across pages

_ENUM = re.compile(
    r"^\s*(?:[一二三四五六七八九十百零〇]+\s*[、.．，,]"
    r"|[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[）)]"
    r"|\d{1,3}\s*[、．]|\d{1,3}\.(?!\d)"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条部分项]"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    r"|[-•·●○■□◆◇▪*]\s)"
)
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?", ";")


@dataclass
class _Metrics:
    body: float
    left: float
    right: float
    pitch: float
    font: str = ""
    lefts: dict = field(default_factory=dict)  # page -> its left margin, where it has its own
    rights: dict = field(default_factory=dict)

    def margins(self, page: int) -> tuple[float, float]:
        return self.lefts.get(page, self.left), max(self.rights.get(page, 0.0), self.right)

    def heavy(self, line: _Line) -> bool:
        """Set in bold, or in a heading face (黑体 …) that the running text is not set in."""
        return line.bold or (line.font != self.font and bool(_HEAVY_NAME.search(line.font)))


def _metrics(pages: list[_Page]) -> _Metrics:
    # the running text's: a table drawn without ruling lines, often set smaller, is none of it
    lines = [it for p in pages for it in p.items if isinstance(it, _Line) and not it.aligned]
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    body = weights.most_common(1)[0][0] if weights else 12.0
    body_lines = [ln for ln in lines if abs(ln.size - body) <= 0.15 * body] or lines

    def margins(chosen: list[_Line], fallback: bool) -> tuple[float | None, float | None]:
        """The left margin: the leftmost start shared by two lines; the right margin: the
        rightmost end shared by two lines (ends within 3 points counted as one)."""
        lefts = Counter(round(ln.x0) for ln in chosen)
        common = [x for x, k in lefts.items() if k >= 2] or (list(lefts) if fallback else [])
        rights = Counter(round(ln.x1 / 3) for ln in chosen)
        ends = [x for x, k in rights.items() if k >= 2] or (list(rights) if fallback else [])
        return (min(common) if common else None), (max(ends) * 3 + 1.5 if ends else None)

    left, right = margins(body_lines, True)
    left = 72.0 if left is None else left
    right = 520.0 if right is None else right
    lefts, rights = {}, {}
    for page in pages:
        mine = [ln for ln in body_lines if ln.page == page.number]
        page_left, page_right = margins(mine, False)
        if page_left is not None:
            lefts[page.number] = page_left
        if page_right is not None:
            rights[page.number] = page_right
    pitches = []
    for page in pages:
        prev = None
        for it in page.items:
            if isinstance(it, _Line) and abs(it.size - body) <= 0.15 * body:
                if prev is not None and 0 < it.top - prev.top < 3 * body:
                    pitches.append(it.top - prev.top)
                prev = it
            else:
                prev = None
    pitch = statistics.median(pitches) if pitches else body * 1.5
    fonts: Counter[str] = Counter()
    for line in body_lines:
        fonts[line.font] += len(line.text)
    font = fonts.most_common(1)[0][0] if fonts else ""
    return _Metrics(body, left, right, pitch, font, lefts, rights)


def _continues(a: _Line, b: _Line, m: _Metrics, same_page: bool) -> bool:
    """Whether line ``b`` goes on with the paragraph that line ``a`` is in."""
    size = max(a.size, b.size, 1.0)
    if abs(a.size - b.size) > 0.12 * size or m.heavy(a) != m.heavy(b):
        return False
    if same_page and b.top - a.top > max(m.pitch, size * 1.2) + 0.45 * size:
        return False
    heading = a.size > m.body * 1.1
    if heading:  # a title or heading set large, wrapped and centred
        return same_page and not _ENUM.match(b.text)
    if b.x0 > m.margins(b.page)[0] + 0.8 * b.size:  # indented, centred or right-aligned
        return False
    room = m.margins(a.page)[1] - a.x1
    ended = a.text.endswith(_SENTENCE_END)
    if _ENUM.match(b.text) and (room > 1.5 * size or ended):
        return False
    if room > b.lead + 1.5 * size:  # a stopped short although b's first word would fit
        return False
    if ended and room > 2.5 * size:
        return False
    return True


@dataclass(slots=True)
class _Aligned:
    """The lines of a table drawn without ruling lines, in order (over a page break too)."""

    lines: list[_Line]


class _Group:
    """Parts of one table, one per page it runs over."""

    def __init__(self, table: _Table):
        self.parts = [table]


def _assemble(pages: list[_Page]) -> list:
    m = _metrics(pages)
    out: list = []  # Paragraph-to-be (list of _Line) | _Group | PageBreak
    para: list[_Line] | None = None
    pending: list[PageBreak] = []
    last_group: _Group | None = None  # the table that ended the previous page

    def flush() -> None:
        nonlocal para
        if para:
            out.append(para)
        para = None
        out.extend(pending)
        pending.clear()

    for index, page in enumerate(pages):
        if index:
            pending.append(PageBreak(page=page.number))
            if para is None:
                flush()
        carried = last_group
        last_group = None
        for k, item in enumerate(page.items):
            if isinstance(item, _Picture):
                flush()
                out.append(item)
                continue
            if isinstance(item, _Table):
                first = k == 0 or all(isinstance(it, _Picture) for it in page.items[:k])
                if first and carried is not None and _same_table(carried.parts[-1], item):
                    carried.parts.append(item)
                    group = carried
                else:
                    flush()
                    group = _Group(item)
                    out.append(group)
                if k == len(page.items) - 1:
                    last_group = group
                continue
            if item.aligned:  # a table drawn without ruling lines: its lines as printed, together
                flush()
                if out and isinstance(out[-1], _Aligned):
                    out[-1].lines.append(item)
                else:
                    out.append(_Aligned([item]))
                continue
            if (
                para is not None
                and not para[-1].aligned
                and _continues(para[-1], item, m, para[-1].page == item.page)
            ):
                para.append(item)
                continue
            flush()
            para = [item]
        if para is None:
            flush()
    flush()

    blocks: list = []
    title_done = False
    page1 = [it for it in (pages[0].items if pages else []) if isinstance(it, _Line)]
    biggest = max((ln.size for ln in page1), default=0.0)
    tables = 0
    for entry in out:
        if isinstance(entry, PageBreak):
            blocks.append(entry)
        elif isinstance(entry, _Group):
            tables += 1
            blocks.append(_grid(entry, tables))
        elif isinstance(entry, _Picture):
            blocks.append(Paragraph(PICTURE, Origin(page=entry.page)))
        elif isinstance(entry, _Aligned):
            blocks.append(
                AlignedLines(
                    tuple((ln.layout.rstrip(), Origin(page=ln.page, line=ln.number)) for ln in entry.lines)
                )
            )
        else:
            first = entry[0]
            text, starts = _joined([ln.text for ln in entry])
            # where each printed line after the first starts: a finding inside the paragraph is
            # placed on the line that holds it
            lines = tuple(
                (at, Origin(page=ln.page, line=ln.number))
                for ln, at in zip(entry[1:], starts[1:])
                if at < len(text)
            )
            heading = None
            if (
                not title_done
                and first.page == 1
                and first.size >= biggest - 0.01
                and first.size > m.body * 1.15
            ):
                heading, title_done = 1, True
            elif first.size > m.body * 1.08 or (m.heavy(first) and len(text) <= 60):
                heading = 2
            blocks.append(Paragraph(text, Origin(page=first.page, line=first.number), heading, lines))
    return blocks


def _same_table(a: _Table, b: _Table) -> bool:
    return abs(a.x0 - b.x0) <= 6 and abs(a.x1 - b.x1) <= 6


def _row_key(table: _Table, r: int) -> tuple:
    return tuple((c.text, c.r1 - c.r0) for c in table.cells if c.r0 == r)


def _header_rows(first: _Table, part: _Table) -> int:
    """How many rows at the top of ``part`` repeat the header rows of the table's first part."""
    k = 0
    while k < min(first.nrows, part.nrows) and _row_key(part, k) == _row_key(first, k) and _row_key(part, k):
        k += 1
    while k and any(c.r0 < k <= c.r1 for c in part.cells):  # would cut a merged cell
        k -= 1
    if k and not any(c.text for c in part.cells if c.r0 < k):
        return 0
    return k


_NUMBER = re.compile(r"[-+]?\d[\d,.]*%?")


def _grid(group: _Group, number: int) -> Grid:
    cells: list[_Cell] = []
    offset = 0
    first = group.parts[0]
    for n, part in enumerate(group.parts):
        drop = _header_rows(first, part) if n else 0
        mine = [
            _Cell(
                c.r0 - drop + offset,
                c.r1 - drop + offset,
                c.x0,
                c.x1,
                c.text,
                c.page,
                c.open_bottom,
                c.r0 + 1,
            )
            for c in part.cells
            if c.r0 >= drop
        ]
        shift = 0
        if n and cells:
            last = offset - 1
            opened = [c for c in cells if c.r1 == last and c.open_bottom]
            top = [c for c in mine if c.r0 == offset]

            def partner(c: _Cell) -> _Cell | None:
                for o in opened:
                    if abs(o.x0 - c.x0) <= 3 and abs(o.x1 - c.x1) <= 3:
                        return o
                return None

            pairs = [(c, partner(c)) for c in top]
            matched = [(c, p) for c, p in pairs if p is not None]
            if (
                pairs
                and len(matched) == len(pairs)
                and any(bool(c.text) != bool(p.text) for c, p in matched)
                and not any(_NUMBER.fullmatch(c.text) and _NUMBER.fullmatch(p.text) for c, p in matched)
            ):
                # the break cut a row in two (a value is in one piece only, no cell has a
                # number in both): its pieces are one row again
                for c, p in matched:
                    p.text = _join([p.text, c.text])
                    p.r1 = c.r1 - 1
                    p.open_bottom = c.open_bottom
                    mine.remove(c)
                for c in mine:
                    c.r0 -= 1
                    c.r1 -= 1
                shift = 1
            else:
                # the empty piece of a merged cell the break cut: part of the cell above
                for c, p in matched:
                    if not c.text:
                        p.r1 = c.r1
                        p.open_bottom = c.open_bottom
                        mine.remove(c)
        cells.extend(mine)
        offset += part.nrows - drop - shift
    xs = _cluster([c.x0 for c in cells] + [c.x1 for c in cells], 3.0)

    def col(x: float) -> int:
        return _nearest(xs, x)

    rows: list[list[tuple[int, GridCell]]] = [[] for _ in range(offset)]
    for c in cells:
        c0, c1 = col(c.x0), col(c.x1)
        if c1 <= c0:
            c1 = c0 + 1
        if not 0 <= c.r0 < offset:
            continue
        rows[c.r0].append(
            (
                c0,
                GridCell(
                    c.text,
                    Origin(page=c.page, table=number, row=c.shown or c.r0 + 1, cell=c0 + 1),
                    rowspan=max(1, min(c.r1, offset - 1) - c.r0 + 1),
                    colspan=c1 - c0,
                ),
            )
        )
    grid_rows = tuple(tuple(cell for _, cell in sorted(row, key=lambda rc: rc[0])) for row in rows)
    return Grid(grid_rows, Origin(page=first.page, table=number))
