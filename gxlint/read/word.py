"""Read a Word ``.docx`` file into a :class:`~gxlint.read.document.Document`.

The package is opened with :mod:`zipfile` and its parts are parsed with lxml directly (python-docx
is not needed: building its object model costs several times more than the whole walk below, and
its ``table.cell()`` API is quadratic on merged cells).  Only the main document part, its styles,
its numbering definitions and ``docProps/app.xml`` are read; headers, footers, footnotes and
comments are never looked at, so a page-number field in a footer cannot end up in the text.

What is read, in document order:

- **Paragraphs** of the body, including those inside content controls (``w:sdt``) and custom XML.
  ``Origin(paragraph=n)``: *n* counts every ``w:p`` of the body, empty ones included, and not the
  paragraphs inside tables (Word's own paragraph count also counts empty paragraphs, and a user
  who scrolls and counts sees them as blank lines).  Empty paragraphs produce no block.
- **Automatic numbering** (``w:numPr`` on the paragraph or through its style): the number Word
  draws is computed from ``numbering.xml`` the way Word does (one set of counters per abstract
  numbering definition, deeper levels restart when a higher level is used unless ``w:lvlRestart``
  says otherwise, ``w:startOverride`` restarts a list) and prefixed to the text, so that a heading
  shows as “一、总体情况”.  The tab or space Word puts after the number is not added.  Bullets,
  ``none`` and hidden numbers give no prefix.
- **Text** of runs, hyperlinks, inserted text and fields; of a field only the displayed result
  (after ``separate``), never the field code.  Deleted text (tracked changes) and hidden runs are
  left out.  Text boxes anchored in a paragraph follow it as paragraphs of their own.
- **Tables** as :class:`Grid`: ``w:gridSpan`` gives the column span, a ``w:vMerge`` restart cell
  gets the row span of its continuation cells, which are left out of their rows as in HTML.
  ``Origin(table=t, row=r, cell=c)``, *c* being the grid column.  A nested table's text is
  flattened into its cell; a table of one column whose cells frame text (the whole report in one
  cell, or one row per chapter with its heading, text and table) is unwrapped into paragraphs and
  tables, row by row.
- **Page breaks**: a :class:`PageBreak` for each explicit break (``w:br w:type="page"``,
  ``w:pageBreakBefore``, a section that starts on a new page).  A break inside the text of a
  paragraph does not split the paragraph; the break follows it.  ``lastRenderedPageBreak`` is
  ignored (it records where Word last happened to paginate).  ``pages`` is the page count Word
  saved in ``docProps/app.xml`` when that count looks real, else ``None``.

Bad input never raises: what cannot be read gives a Document with one fatal :class:`Problem`.
"""

from __future__ import annotations

import posixpath
import re
from io import BytesIO
from typing import TYPE_CHECKING

from gxlint.read.render import cell_text
from gxlint.read.document import (
    MAX_CELLS,
    PICTURE,
    Block,
    Document,
    Grid,
    GridCell,
    Origin,
    PageBreak,
    Paragraph,
    Problem,
)

if TYPE_CHECKING:  # zipfile is imported where a package is opened (start-up time)
    import zipfile

#: refuse a part that unpacks to more than this, and a file whose parts read unpack to more than
#: ``MAX_PARTS_BYTES`` together (zip bombs, and XML no report holds: a report's document.xml is
#: well under 1 MB, and its parsed tree takes some 20 times the XML's size in memory), decided from
#: the sizes the ZIP declares, before anything is unpacked (the unpacking stops at the declared size)
MAX_PART_BYTES = 24 * 1024 * 1024
MAX_PARTS_BYTES = 48 * 1024 * 1024

_NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_W = "{" + _NS_W + "}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

P, TBL, TR, TC, R, T = (_W + n for n in ("p", "tbl", "tr", "tc", "r", "t"))
PPR, RPR, TCPR, TRPR = (_W + n for n in ("pPr", "rPr", "tcPr", "trPr"))
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
VAL = _W + "val"
TYPE = _W + "type"
B, VANISH = _W + "b", _W + "vanish"
#: a line after a soft line break that is a field of its own (发布日期：2020-02-12), not the rest of
#: the heading above it
_FIELD_AFTER_BREAK = re.compile(r"\n\s*(?:发布|成文|印发|生成)?(?:日期|时间|来源|机构|单位)\s*[:：]")
TAB, PTAB, BR, CR, SYM = (_W + n for n in ("tab", "ptab", "br", "cr", "sym"))
NB_HYPHEN = _W + "noBreakHyphen"
FLDCHAR, FLDCHARTYPE, INSTR = _W + "fldChar", _W + "fldCharType", _W + "instrText"
DRAWING, PICT, ALT, CHOICE = _W + "drawing", _W + "pict", _MC + "AlternateContent", _MC + "Choice"
FALLBACK = _MC + "Fallback"
TXBX = _W + "txbxContent"
#: what a picture is drawn with: DrawingML's blip (``a:blip``), VML's image data
_IMAGES = frozenset(
    (
        "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
        "{urn:schemas-microsoft-com:vml}imagedata",
    )
)
M_T, M_PARA, M_MATH = _M + "t", _M + "oMathPara", _M + "oMath"
PSTYLE, RSTYLE, NUMPR, NUMID, ILVL = (_W + n for n in ("pStyle", "rStyle", "numPr", "numId", "ilvl"))
PAGE_BREAK_BEFORE, OUTLINE, SECTPR = _W + "pageBreakBefore", _W + "outlineLvl", _W + "sectPr"
GRIDSPAN, VMERGE, HMERGE = _W + "gridSpan", _W + "vMerge", _W + "hMerge"
GRID_BEFORE, DEL = _W + "gridBefore", _W + "del"

# run-level containers whose content is displayed text
_INLINE_CONTAINERS = frozenset(
    _W + n for n in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "bdo", "dir")
)
_OFF = frozenset(("0", "false", "off", "none"))

_TITLE_NAME = re.compile(r"^(?:title|标题)$")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*[1-9]$")


def _problem(zh: str, en: str) -> Document:
    return Document(form="docx", problems=(Problem(zh, en),))


_NOT_DOCX = (
    "文件不是有效的 Word 文档（缺少 word/document.xml）；请用 Word 另存为 .docx 或 .txt 后再检查",
    "the file is not a valid Word document (word/document.xml is missing); save it from Word as "
    ".docx or .txt and check it again",
)
_NOT_ZIP = (
    "文件不是有效的 Word 文档（不是 .docx 所用的 zip 格式，或文件已损坏）；"
    "请用 Word 另存为 .docx 或 .txt 后再检查",
    "the file is not a valid Word document (not the zip format of .docx, or damaged); save it "
    "from Word as .docx or .txt and check it again",
)
_ENCRYPTED = (
    "Word 文档已加密或设置了打开密码，无法读取；请取消密码后另存为 .docx 或 .txt 再检查",
    "the Word document is encrypted or password-protected and cannot be read; remove the "
    "password, save it as .docx or .txt and check it again",
)
_TOO_BIG = (
    "Word 文档内容过大（解压后超过 {mb} MB），可能已损坏，已拒绝读取；请另存为 .txt 后再检查",
    "the Word document is too large when unpacked (over {mb} MB) and may be damaged; it was "
    "not read; save it as .txt and check it again",
)
_CORRUPT = (
    # the reader's reason is in English (lxml, zlib): told in the English message only
    "Word 文档已损坏，无法读取；请用 Word 打开后另存为 .docx 或 .txt 再检查",
    "the Word document is damaged and cannot be read ({why}); open it in Word, save it as "
    ".docx or .txt and check it again",
)
_OUT_OF_MEMORY = (
    "Word 文档内容过大，读取时内存不足，未读取；请另存为 .txt 后再检查",
    "the Word document holds too much to read in the memory available (out of memory); it was "
    "not read; save it as .txt and check it again",
)
_EMPTY = (
    "Word 文档中没有可读的文字（正文为空，或只有图片、扫描件）；请提供含文字的文档，或另存为 .txt 后再检查",
    "the Word document holds no readable text (the body is empty, or holds only images or "
    "scans); provide a document with text, or save it as .txt and check it again",
)
_TOO_MANY_CELLS = (
    f"Word 文档中的表格单元格过多（超过 {MAX_CELLS} 个），其后的表格行未读取；请确认文件是否是一份年度报告",
    f"the Word document holds too many table cells (over {MAX_CELLS}); the table rows after that were "
    "not read; check that the file is one annual report",
)
_NO_NUMBERING = (
    "Word 文档的自动编号定义无法读取，章节序号（如“一、”）可能缺失",
    "the automatic numbering definitions of the Word document could not be read; chapter "
    "numbers (such as “一、”) may be missing",
)


class _Refused(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def read(data: bytes, path: str | None = None) -> Document:
    """Read the bytes of a .docx file.  Never raises: unreadable input gives a fatal Problem."""
    import zipfile

    try:
        return _read(data)
    except _Refused as refused:
        return _problem(refused.zh, refused.en)
    except zipfile.BadZipFile:
        return _problem(*_NOT_ZIP)
    except RuntimeError as error:  # zipfile: encrypted member ("password required")
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            return _problem(*_ENCRYPTED)
        return _corrupt(error)
    except MemoryError:  # not damage: more than this machine can hold
        return _problem(*_OUT_OF_MEMORY)
    except Exception as error:  # lxml syntax errors, zlib errors, anything a damaged file does
        return _corrupt(error)


def _corrupt(error: BaseException) -> Document:
    why = type(error).__name__
    text = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    if text:
        why = f"{why}: {text}"
    return _problem(_CORRUPT[0], _CORRUPT[1].format(why=why))


# ---------------------------------------------------------------------------------------------
# package


class _Package:
    def __init__(self, data: bytes) -> None:
        import zipfile

        self.zip = zipfile.ZipFile(BytesIO(data))
        self.names = {info.filename.lower(): info for info in self.zip.infolist()}
        self.unpacked = 0  # bytes the parts read so far unpack to

    def info(self, name: str) -> zipfile.ZipInfo | None:
        return self.names.get(name.lstrip("/").lower())

    def blob(self, name: str) -> bytes | None:
        info = self.info(name)
        if info is None:
            return None
        for size, limit in (
            (info.file_size, MAX_PART_BYTES),
            (self.unpacked + info.file_size, MAX_PARTS_BYTES),
        ):
            if size > limit:
                mb = limit // (1024 * 1024)
                raise _Refused(_TOO_BIG[0].format(mb=mb), _TOO_BIG[1].format(mb=mb))
        if info.flag_bits & 0x1:
            raise _Refused(*_ENCRYPTED)
        self.unpacked += info.file_size
        return self.zip.read(info)  # zipfile unpacks no more than the declared size (then: Bad CRC)

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type suffix (``officeDocument``, ``styles`` …) → target part name."""
        folder, name = posixpath.split(part)
        blob = self.blob(posixpath.join(folder, "_rels", name + ".rels"))
        out: dict[str, str] = {}
        if not blob:
            return out
        for m in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", blob):
            tag = m.group(0)
            kind = re.search(rb"""\bType\s*=\s*["']([^"']*)["']""", tag)
            target = re.search(rb"""\bTarget\s*=\s*["']([^"']*)["']""", tag)
            if not kind or not target or re.search(rb"""\bTargetMode\s*=\s*["']External""", tag):
                continue
            suffix = kind.group(1).decode("utf-8", "replace").rsplit("/", 1)[-1]
            target_s = target.group(1).decode("utf-8", "replace")
            if target_s.startswith("/"):
                resolved = target_s.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target_s))
            out.setdefault(suffix, resolved)
        return out


def _xml(etree, blob: bytes):
    if _STRICT_W in blob:
        blob = blob.replace(_STRICT_W, _NS_W.encode())
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    return etree.fromstring(blob, parser)


def _read(data: bytes) -> Document:
    from lxml import etree  # lazily: importing gxlint stays fast

    package = _Package(data)
    main = package.relationships("").get("officeDocument") or "word/document.xml"
    if package.info(main) is None:
        main = "word/document.xml"
    if package.info(main) is None:
        if package.info("EncryptionInfo") or package.info("EncryptedPackage"):
            raise _Refused(*_ENCRYPTED)
        raise _Refused(*_NOT_DOCX)
    blob = package.blob(main) or b""
    root = _xml(etree, blob)
    body = root.find(_W + "body")
    if body is None:
        return _problem(*_EMPTY)

    problems: list[Problem] = []
    rels = package.relationships(main)
    folder = posixpath.dirname(main)
    styles = _Styles()
    styles_name = rels.get("styles") or posixpath.join(folder, "styles.xml")
    try:
        styles_blob = package.blob(styles_name)
        if styles_blob:
            styles = _Styles(etree, styles_blob)
    except _Refused:
        raise
    except Exception:  # damaged styles: read without them
        styles = _Styles()
    numbering = _Numbering(styles)
    numbering_name = rels.get("numbering") or posixpath.join(folder, "numbering.xml")
    try:
        numbering_blob = package.blob(numbering_name)
        if numbering_blob:
            numbering = _Numbering(styles, _xml(etree, numbering_blob))
    except _Refused:
        raise
    except Exception:
        problems.append(Problem(*_NO_NUMBERING, fatal=False))

    walker = _Walker(styles, numbering)
    walker.blocks_of(body, top=True)
    walker.close_section(None)
    blocks = walker.finish()
    if walker.cells > MAX_CELLS:
        problems.append(Problem(*_TOO_MANY_CELLS, fatal=False))
    if not any(
        isinstance(b, Paragraph) and b.text.strip() or isinstance(b, Grid) and _grid_has_text(b)
        for b in blocks
    ):
        return Document(form="docx", problems=(Problem(*_EMPTY),) + tuple(problems))
    pages = _pages(package, walker.explicit_breaks)
    return Document(form="docx", blocks=tuple(blocks), problems=tuple(problems), pages=pages)


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    if "&" in text:
        import html

        text = html.unescape(text)
    return text


def _grid_has_text(grid: Grid) -> bool:
    return any(cell.text.strip() for row in grid.rows for cell in row)


def _pages(package: _Package, breaks: int) -> int | None:
    """Word's saved page count, when it looks real (generators leave a template's ``1``)."""
    try:
        blob = package.blob("docProps/app.xml")
    except _Refused:
        return None
    if not blob or len(blob) > 1_000_000:
        return None
    m = re.search(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<", blob)
    if not m:
        return None
    pages = int(m.group(1))
    chars = re.search(rb"<(?:\w+:)?Characters>\s*(\d+)\s*<", blob)
    if pages < 1 or pages < breaks + 1 or (chars is not None and int(chars.group(1)) == 0):
        return None
    return pages


# ---------------------------------------------------------------------------------------------
# styles


def _on(el) -> bool:
    v = el.get(VAL)
    return v is None or v.lower() not in _OFF


class _Style:
    __slots__ = (
        "name",
        "based_on",
        "num_id",
        "ilvl",
        "bold",
        "hidden",
        "break_before",
        "outline",
        "resolved",
    )

    def __init__(self, el) -> None:
        name = el.find(_W + "name")
        self.name = (name.get(VAL) or "").strip().lower() if name is not None else ""
        based = el.find(_W + "basedOn")
        self.based_on = based.get(VAL) if based is not None else None
        self.num_id = self.ilvl = None
        self.bold = self.hidden = self.break_before = self.outline = None
        self.resolved: _Resolved | None = None
        ppr = el.find(PPR)
        if ppr is not None:
            numpr = ppr.find(NUMPR)
            if numpr is not None:
                num = numpr.find(NUMID)
                lvl = numpr.find(ILVL)
                self.num_id = num.get(VAL) if num is not None else None
                self.ilvl = _int(lvl.get(VAL), 0) if lvl is not None else None
            pbb = ppr.find(PAGE_BREAK_BEFORE)
            if pbb is not None:
                self.break_before = _on(pbb)
            outline = ppr.find(OUTLINE)
            if outline is not None:
                self.outline = _int(outline.get(VAL), 9)
        rpr = el.find(RPR)
        if rpr is not None:
            b = rpr.find(B)
            if b is not None:
                self.bold = _on(b)
            vanish = rpr.find(VANISH)
            if vanish is not None:
                self.hidden = _on(vanish)


class _Resolved:
    """A style with its ``basedOn`` chain applied."""

    __slots__ = ("heading", "num_id", "ilvl", "bold", "hidden", "break_before")

    def __init__(self) -> None:
        self.heading: int | None = None
        self.num_id: str | None = None
        self.ilvl: int | None = None
        self.bold: bool | None = None
        self.hidden: bool | None = None
        self.break_before = False


class _Styles:
    """``styles.xml``, parsed one style at a time: a Word template's styles part is large (most of
    it table styles and latent styles nobody uses), so it is only split into the byte ranges of its
    ``w:style`` elements, and a style is parsed when a paragraph or run first names it."""

    def __init__(self, etree=None, blob: bytes | None = None) -> None:
        self.by_id: dict[str, _Style | None] = {}
        self.chunks: dict[str, bytes] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        self.etree = etree
        self.open_tag = b""
        self.close_tag = b""
        if etree is None or not blob:
            return
        if _STRICT_W in blob:
            blob = blob.replace(_STRICT_W, _NS_W.encode())
        root = re.search(rb"<(?:(\w+):)?styles\b[^>]*>", blob)
        prefix = root.group(1) if root else None
        bound = root is not None and (
            (prefix and re.search(rb"xmlns:" + prefix + rb"\s*=\s*[\"']" + _NS_W.encode(), root.group(0)))
            or (not prefix and re.search(rb"xmlns\s*=\s*[\"']" + _NS_W.encode(), root.group(0)))
        )
        if root is None or not bound:
            self._parse_whole(blob)
            return
        self.open_tag = root.group(0)
        q = prefix + b":" if prefix else b""
        self.close_tag = b"</" + q + b"styles>"
        close = b"</" + q + b"style>"
        attr = re.compile(rb"""\b(?:\w+:)?(styleId|type|default)\s*=\s*["']([^"']*)["']""")
        for m in re.finditer(rb"<" + q + rb"style\b[^>]*>", blob):
            head = m.group(0)
            if head.endswith(b"/>"):
                chunk = head
            else:
                end = blob.find(close, m.end())
                if end < 0:
                    break
                chunk = blob[m.start() : end + len(close)]
            attrs = dict(attr.findall(head))
            if b"styleId" not in attrs:
                continue
            key = _unescape(attrs[b"styleId"])
            self.chunks.setdefault(key, chunk)
            if attrs.get(b"type") == b"paragraph" and attrs.get(b"default", b"").lower() in (
                b"1",
                b"true",
                b"on",
            ):
                self.default_paragraph = key
        defaults = re.search(rb"<" + q + rb"docDefaults\b.*?</" + q + rb"docDefaults\s*>", blob, re.S)
        if defaults is not None:
            self._defaults(self._parse(defaults.group(0)))

    def _parse(self, chunk: bytes):
        return _xml(self.etree, self.open_tag + chunk + self.close_tag)[0]

    def _parse_whole(self, blob: bytes) -> None:
        root = _xml(self.etree, blob)
        for el in root.iterchildren(_W + "style"):
            sid = el.get(_W + "styleId")
            if sid is None or sid in self.by_id:
                continue
            self.by_id[sid] = _Style(el)
            if el.get(_W + "type") == "paragraph" and (el.get(_W + "default") or "").lower() in (
                "1",
                "true",
                "on",
            ):
                self.default_paragraph = sid
        self._defaults(root.find(_W + "docDefaults"))

    def _defaults(self, defaults) -> None:
        if defaults is not None:
            b = defaults.find(f"{_W}rPrDefault/{_W}rPr/{_W}b")
            if b is not None:
                self.default_bold = _on(b)

    def get(self, sid: str | None) -> _Style | None:
        if sid is None:
            return None
        try:
            return self.by_id[sid]
        except KeyError:
            pass
        chunk = self.chunks.get(sid)
        style = None
        if chunk is not None:
            try:
                style = _Style(self._parse(chunk))
            except Exception:  # one damaged style: read without it
                style = None
        self.by_id[sid] = style
        return style

    def resolve(self, sid: str | None) -> _Resolved | None:
        if sid is None:
            sid = self.default_paragraph
        style = self.get(sid)
        if style is None:
            return None
        if style.resolved is not None:
            return style.resolved
        out = _Resolved()
        seen: set[int] = set()
        current: _Style | None = style
        numbered = False
        outline = None
        break_before = None
        while current is not None and id(current) not in seen and len(seen) < 32:
            seen.add(id(current))
            if out.heading is None:
                if _TITLE_NAME.match(current.name):
                    out.heading = 1
                elif _HEADING_NAME.match(current.name):
                    out.heading = 2
            if not numbered and (current.num_id is not None or current.ilvl is not None):
                numbered = True
                out.num_id, out.ilvl = current.num_id, current.ilvl
            if out.bold is None and current.bold is not None:
                out.bold = current.bold
            if out.hidden is None and current.hidden is not None:
                out.hidden = current.hidden
            if break_before is None and current.break_before is not None:
                break_before = current.break_before
            if outline is None and current.outline is not None:
                outline = current.outline
            current = self.get(current.based_on)
        out.break_before = bool(break_before)
        if out.heading is None and outline is not None and 0 <= outline < 9:
            out.heading = 2
        style.resolved = out
        return out

    def bold_of_character_style(self, sid: str) -> bool | None:
        return self._of_character_style(sid, "bold")

    def hidden_of_character_style(self, sid: str) -> bool | None:
        return self._of_character_style(sid, "hidden")

    def _of_character_style(self, sid: str, attribute: str) -> bool | None:
        seen: set[str] = set()
        current = self.get(sid)
        while current is not None and sid not in seen:
            seen.add(sid)
            value = getattr(current, attribute)
            if value is not None:
                return value
            sid = current.based_on or ""
            current = self.get(sid)
        return None


def _mark_deleted(ppr) -> bool:
    """Whether a paragraph's mark is deleted with Track Changes."""
    rpr = ppr.find(RPR) if ppr is not None else None
    return rpr is not None and rpr.find(DEL) is not None


def _mark_gone(ppr, style_hidden: bool) -> bool:
    """Whether a paragraph's mark is deleted (tracked) or hidden: the paragraph is not shown."""
    rpr = ppr.find(RPR) if ppr is not None else None
    if rpr is not None:
        if rpr.find(DEL) is not None:
            return True
        vanish = rpr.find(VANISH)
        if vanish is not None:
            return _on(vanish)
    return style_hidden


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------------------------------------
# numbering


class _Level:
    __slots__ = ("fmt", "text", "start", "is_lgl", "restart", "hidden", "pstyle")

    def __init__(self, el) -> None:
        fmt = el.find(_W + "numFmt")
        if fmt is None:  # Word 2010+: <mc:AlternateContent><mc:Choice><w:numFmt w:val="custom"…>
            fmt = el.find(f"{ALT}/{FALLBACK}/{_W}numFmt")
        self.fmt = (fmt.get(VAL) if fmt is not None else None) or "decimal"
        text = el.find(_W + "lvlText")
        self.text = (text.get(VAL) or "") if text is not None else ""
        start = el.find(_W + "start")
        self.start = _int(start.get(VAL), 0) if start is not None else 0
        lgl = el.find(_W + "isLgl")
        self.is_lgl = lgl is not None and _on(lgl)
        restart = el.find(_W + "lvlRestart")
        self.restart = _int(restart.get(VAL), -1) if restart is not None else None
        vanish = el.find(f"{RPR}/{VANISH}")
        self.hidden = vanish is not None and _on(vanish)
        pstyle = el.find(PSTYLE)
        self.pstyle = pstyle.get(VAL) if pstyle is not None else None


class _ListState:
    __slots__ = ("count", "start")

    def __init__(self) -> None:
        self.count: dict[int, int] = {}
        self.start: dict[int, int] = {}


class _Numbering:
    def __init__(self, styles: _Styles, root=None) -> None:
        self.styles = styles
        self.abstracts: dict[str, tuple[dict[int, _Level], str | None]] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, _Level | None]]]] = {}
        self.states: dict[str, _ListState] = {}
        self.seen: set[str] = set()
        if root is None:
            return
        for an in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in an.iterchildren(_W + "lvl"):
                levels.setdefault(_int(lvl.get(_W + "ilvl"), 0), _Level(lvl))
            link = an.find(_W + "numStyleLink")
            self.abstracts[an.get(_W + "abstractNumId") or ""] = (
                levels,
                link.get(VAL) if link is not None else None,
            )
        for num in root.iterchildren(_W + "num"):
            aid = num.find(_W + "abstractNumId")
            overrides: dict[int, tuple[int | None, _Level | None]] = {}
            for ov in num.iterchildren(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                lv = ov.find(_W + "lvl")
                overrides[_int(ov.get(_W + "ilvl"), 0)] = (
                    _int(so.get(VAL), 0) if so is not None else None,
                    _Level(lv) if lv is not None else None,
                )
            self.nums[num.get(_W + "numId") or ""] = (aid.get(VAL) if aid is not None else "", overrides)

    def _levels(self, aid: str) -> tuple[str, dict[int, _Level]]:
        """The abstract definition's levels, following a ``numStyleLink`` to the numbering style."""
        for _ in range(4):
            levels, link = self.abstracts.get(aid, ({}, None))
            if levels or not link:
                return aid, levels
            style = self.styles.get(link)
            num = self.nums.get(style.num_id or "") if style is not None else None
            if num is None:
                return aid, levels
            aid = num[0]
        return aid, {}

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        if style_id is None or num_id not in self.nums:
            return 0
        _, levels = self._levels(self.nums[num_id][0])
        for ilvl, level in levels.items():
            if level.pstyle == style_id:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str:
        """The number Word draws for the next paragraph of list ``num_id`` at level ``ilvl``."""
        entry = self.nums.get(num_id)
        if entry is None:
            return ""
        aid, overrides = entry
        key, levels = self._levels(aid)
        if not levels and not overrides:
            return ""
        state = self.states.get(key)
        if state is None:
            state = self.states[key] = _ListState()
        if num_id not in self.seen:
            self.seen.add(num_id)
            for il, (start, level) in overrides.items():
                if start is not None or level is not None:
                    state.start[il] = start if start is not None else level.start  # type: ignore
                    state.count.pop(il, None)

        def level_at(i: int) -> _Level | None:
            ov = overrides.get(i)
            if ov is not None and ov[1] is not None:
                return ov[1]
            return levels.get(i)

        def start_at(i: int) -> int:
            if i in state.start:
                return state.start[i]
            lv = level_at(i)
            return lv.start if lv is not None else 1

        level = level_at(ilvl)
        if level is None:
            return ""
        current = state.count.get(ilvl)
        state.count[ilvl] = current + 1 if current is not None else start_at(ilvl)
        for deeper in [i for i in state.count if i > ilvl]:
            lv = level_at(deeper)
            after = lv.restart if lv is not None and lv.restart is not None else deeper
            if after != 0 and ilvl < after:
                del state.count[deeper]
        if level.hidden or level.fmt in ("none", "bullet") or not level.text:
            return ""

        def number(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            lv = level_at(i)
            if lv is None:
                return ""
            value = state.count.get(i)
            if value is None:
                value = start_at(i)
            fmt = "decimal" if level.is_lgl else lv.fmt
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", number, level.text)


_ZH_DIGITS = "〇一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_ZH_LEGAL_TRAD = "零壹貳參肆伍陸柒捌玖"


def _zh_below_10000(n: int, digits: str, units: str, zero: str) -> str:
    out = ""
    pending_zero = False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // value % 10
        if d:
            if pending_zero:
                out += zero
            out += digits[d] + unit
            pending_zero = False
        elif out:
            pending_zero = True
    return out


def _zh_count(
    n: int,
    digits: str = _ZH_DIGITS,
    units: str = "十百千",
    zero: str = "零",
    big: str = "万",
    short_ten: bool = True,
) -> str:
    if n == 0:
        return digits[0]
    if n < 0:
        return str(n)
    if n >= 100_000_000:
        return str(n)
    high, low = divmod(n, 10000)
    out = ""
    if high:
        out = _zh_below_10000(high, digits, units, zero) + big
        if low and low < 1000:
            out += zero
    out += _zh_below_10000(low, digits, units, zero)
    if short_ten and 10 <= n < 20:
        out = out[1:]  # 一十一 → 十一
    return out


def _ja_count(n: int) -> str:
    if n <= 0 or n >= 100_000_000:
        return str(n)
    high, low = divmod(n, 10000)

    def part(k: int) -> str:
        out = ""
        for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
            d = k // value % 10
            if d:
                out += ("" if d == 1 else _ZH_DIGITS[d]) + unit
        if k % 10:
            out += _ZH_DIGITS[k % 10]
        return out

    return (part(high) + "万" if high else "") + part(low)


#: the largest number drawn in letters (ZZZ… of 30 letters); beyond it, in digits: a label of
#: ``n // 26`` letters is no heading's number, and a list starting at 10**10 would need gigabytes
MAX_LETTERS_NUMBER = 26 * 30


def _letters(n: int, base: str) -> str:
    if n <= 0 or n > MAX_LETTERS_NUMBER:
        return str(n)
    return chr(ord(base) + (n - 1) % 26) * ((n - 1) // 26 + 1)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _enclosed_circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` drawn in Word's number format ``fmt`` (``w:numFmt``); unknown formats as decimal."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return _zh_count(n)
    if fmt in ("japaneseCounting",):
        return _ja_count(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_ZH_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if n >= 1 else str(n)
    if fmt == "ideographZodiac":
        return "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12] if n >= 1 else str(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        digits = _ZH_LEGAL if fmt == "chineseLegalSimplified" else _ZH_LEGAL_TRAD
        return _zh_count(
            n, digits, "拾佰仟", digits[0], "万" if fmt == "chineseLegalSimplified" else "萬", short_ten=False
        )
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed_circle(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in str(n))
    if fmt == "upperLetter":
        return _letters(n, "A")
    if fmt == "lowerLetter":
        return _letters(n, "a")
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


# ---------------------------------------------------------------------------------------------
# the walk


class _Cell:
    __slots__ = ("text", "rowspan", "colspan", "row", "column", "last_row")

    def __init__(self, text: str, row: int, column: int, colspan: int) -> None:
        self.text, self.row, self.column, self.colspan = text, row, column, colspan
        self.rowspan = 1
        self.last_row = row


class _Run:
    """What one paragraph's runs gave: text pieces, bold statistics, breaks, text boxes."""

    __slots__ = (
        "out",
        "bold",
        "plain",
        "breaks_before",
        "breaks_after",
        "boxes",
        "base_bold",
        "base_hidden",
        "picture",
        "drawn",
    )

    def __init__(self, base_bold: bool, base_hidden: bool = False) -> None:
        self.out: list[str] = []
        self.bold = self.plain = False
        self.breaks_before = self.breaks_after = 0
        self.boxes: list[str] = []
        self.base_bold = base_bold
        self.base_hidden = base_hidden  # the paragraph style hides its text
        self.picture = False  # a picture drawn in the paragraph
        self.drawn = 0  # the length of the number automatic numbering draws before the text


def _children(parent, wanted: str):
    """The ``wanted`` children of ``parent``, looking through content controls and custom XML."""
    for el in parent:
        tag = el.tag
        if tag == wanted:
            yield el
        elif tag == SDT:
            content = el.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, wanted)
        elif tag == CUSTOM_XML:
            yield from _children(el, wanted)


_TOC_STYLE = re.compile(r"(?i)toc\s*\d|目录\s*\d")
SDT_PR, DOC_PART_GALLERY = _W + "sdtPr", _W + "docPartGallery"


def _toc_style(ppr, styles: _Styles) -> bool:
    """Whether a paragraph's style is one of Word's table-of-contents styles (TOC 1 … TOC 9)."""
    if ppr is None:
        return False
    el = ppr.find(PSTYLE)
    if el is None:
        return False
    sid = el.get(VAL) or ""
    style = styles.get(sid)
    return bool(_TOC_STYLE.fullmatch(sid) or (style is not None and _TOC_STYLE.fullmatch(style.name)))


def _is_toc_control(sdt) -> bool:
    """Whether a content control holds a table of contents (docPartGallery ``Table of Contents``)."""
    pr = sdt.find(SDT_PR)
    if pr is None:
        return False
    gallery = pr.find(f".//{DOC_PART_GALLERY}")
    return gallery is not None and (gallery.get(VAL) or "").lower() == "table of contents"


class _Walker:
    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.in_frame = 0  # paragraphs counted in the frame cell being read (see table())
        self.tables = 0
        self.cells = 0  # table cells read, up to MAX_CELLS
        self.fields: list[bool] = []  # complex fields open: True while in the field code
        self.in_code = 0
        self.explicit_breaks = 0
        self.section_break_at: int | None = None
        self.in_toc = 0  # inside a table of contents' content control: its entries are no text

    # -- blocks ------------------------------------------------------------------------------

    def blocks_of(self, parent, top: bool, origin: Origin | None = None) -> None:
        for el in parent:
            tag = el.tag
            if tag == P:
                self.body_paragraph(el, top, origin)
            elif tag == TBL:
                self.table(el)
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    toc = _is_toc_control(el)
                    self.in_toc += toc
                    self.blocks_of(content, top, origin)
                    self.in_toc -= toc
            elif tag == CUSTOM_XML:
                self.blocks_of(el, top, origin)
            elif tag == SECTPR and top:
                self.close_section(el)

    def page_break(self) -> None:
        self.explicit_breaks += 1
        self.blocks.append(PageBreak())

    def close_section(self, sectpr) -> None:
        """A section ends; the section described by ``sectpr`` (None: none) started after the
        previous section's last paragraph, on a new page unless its type is ``continuous``."""
        if self.section_break_at is not None and sectpr is not None:
            kind = sectpr.find(TYPE)
            value = kind.get(VAL) if kind is not None else "nextPage"
            if value not in ("continuous", "nextColumn"):
                self.explicit_breaks += 1
                self.blocks.insert(self.section_break_at, PageBreak())
        self.section_break_at = None

    def body_paragraph(self, p, top: bool, origin: Origin | None) -> None:
        text, heading, run, ppr = self.paragraph(p, body=True)
        if top:
            # a paragraph deleted with Track Changes, its mark too, is not in the document Word
            # shows: the paragraphs after it are counted as the author sees them
            if text.strip() or run.boxes or not _mark_deleted(ppr):
                self.paragraphs += 1
            origin = Origin(paragraph=self.paragraphs)
        elif origin is not None and origin.table is not None:
            # in a frame cell (the whole report in one cell): the paragraph of the cell, counted
            # as Word counts the body's, so that a finding there is found among hundreds
            if text.strip() or run.boxes or not _mark_deleted(ppr):
                self.in_frame += 1
            origin = Origin(table=origin.table, row=origin.row, cell=origin.cell, paragraph=self.in_frame)
        if self.in_toc or _toc_style(ppr, self.styles):
            return  # an entry of the table of contents (一、总体情况……1): no heading, no text of the report
        if run.breaks_before:
            for _ in range(run.breaks_before):
                self.page_break()
        if text.strip():
            self.blocks.append(Paragraph(text, origin or Origin(), heading, drawn=run.drawn))
        elif run.picture and not run.boxes:
            self.blocks.append(Paragraph(PICTURE, origin or Origin()))
        for box in run.boxes:
            self.blocks.append(Paragraph(box, origin or Origin()))
        for _ in range(run.breaks_after):
            self.page_break()
        if top and ppr is not None:
            sectpr = ppr.find(SECTPR)
            if sectpr is not None:
                self.close_section(sectpr)  # the section this paragraph ends
                self.section_break_at = len(self.blocks)

    def paragraph(self, p, body: bool):
        """(text, heading hint, run info, pPr) of one paragraph, numbering applied."""
        ppr = None
        style_id = num_id = None
        ilvl: int | None = None
        break_before: bool | None = None
        outline = None
        for first in p:
            if first.tag == PPR:
                ppr = first
            break
        if ppr is not None:
            for el in ppr:
                tag = el.tag
                if tag == PSTYLE:
                    style_id = el.get(VAL)
                elif tag == NUMPR:
                    for sub in el:
                        if sub.tag == NUMID:
                            num_id = sub.get(VAL)
                        elif sub.tag == ILVL:
                            ilvl = _int(sub.get(VAL), 0)
                elif tag == PAGE_BREAK_BEFORE:
                    break_before = _on(el)
                elif tag == OUTLINE:
                    outline = _int(el.get(VAL), 9)
        style = self.styles.resolve(style_id)
        heading = None
        base_bold = self.styles.default_bold
        base_hidden = False
        if style is not None:
            heading = style.heading
            if style.bold is not None:
                base_bold = style.bold
            base_hidden = bool(style.hidden)
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
                    if ilvl is None:
                        ilvl = self.numbering.level_of_style(
                            num_id, style_id or self.styles.default_paragraph
                        )
            if break_before is None:
                break_before = style.break_before
        run = _Run(base_bold, base_hidden)
        self.inline(p, run)
        # a field code never spans paragraphs; forget unbalanced ones so they hide nothing more
        if self.in_code:
            self.fields = [f for f in self.fields if not f]
            self.in_code = 0
        text = "".join(run.out) if len(run.out) != 1 else run.out[0]
        # a paragraph deleted (tracked) or hidden, its mark too, shows nothing, not even its number,
        # and Word counts it in no list
        if num_id is not None and num_id != "0" and not text.strip() and _mark_gone(ppr, base_hidden):
            num_id = None
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl or 0)
            if label:
                text = label + text
                run.drawn = len(label)
        if heading is None and body:
            if outline is not None and 0 <= outline < 9:
                heading = 2
            elif run.bold and not run.plain:
                heading = 2
        if heading is not None and "\n" in text and len(text) <= 80 and not _FIELD_AFTER_BREAK.search(text):
            # a line break (Shift+Enter) that balances a long centred heading: one heading (but not
            # a line of its own after it: 发布日期：…, 来源：… under the title)
            text = cell_text(text)
        if break_before and body and self.blocks:
            run.breaks_before += 1
        return text, heading, run, ppr

    # -- runs --------------------------------------------------------------------------------

    def inline(self, parent, run: _Run) -> None:
        for el in parent:
            tag = el.tag
            if tag == R:
                self.run(el, run)
            elif tag in _INLINE_CONTAINERS:
                self.inline(el, run)
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content, run)
            elif tag == M_PARA or tag == M_MATH:
                if not self.in_code:
                    run.out.append("".join(t.text or "" for t in el.iter(M_T)))

    def run(self, r, run: _Run) -> None:
        bold = None
        hidden = run.base_hidden
        out = run.out
        for child in r:
            tag = child.tag
            if tag == T:
                text = child.text
                if text and not self.in_code and not hidden:
                    out.append(text)
                    if not text.isspace():
                        if bold is None:
                            bold = run.base_bold
                        if bold:
                            run.bold = True
                        else:
                            run.plain = True
            elif tag == RPR:
                rstyle = child.find(RSTYLE)
                sid = (rstyle.get(VAL) or "") if rstyle is not None else None
                el = child.find(B)
                if el is not None:
                    bold = _on(el)
                elif sid is not None:
                    bold = self.styles.bold_of_character_style(sid)
                el = child.find(VANISH)
                if el is not None:
                    hidden = _on(el)
                elif sid is not None:
                    by_style = self.styles.hidden_of_character_style(sid)
                    if by_style is not None:
                        hidden = by_style
            elif tag == FLDCHAR:
                kind = child.get(FLDCHARTYPE)
                if kind == "begin":
                    self.fields.append(True)
                    self.in_code += 1
                elif kind == "separate":
                    if self.fields and self.fields[-1]:
                        self.fields[-1] = False
                        self.in_code -= 1
                elif kind == "end":
                    if self.fields and self.fields.pop():
                        self.in_code -= 1
            elif self.in_code or hidden or tag == INSTR:
                continue
            elif tag == TAB or tag == PTAB:
                out.append("\t")
            elif tag == BR:
                kind = child.get(TYPE)
                if kind == "page":
                    if "".join(out).strip():
                        run.breaks_after += 1
                    else:
                        run.breaks_before += 1
                elif kind != "column":
                    out.append("\n")
            elif tag == CR:
                out.append("\n")
            elif tag == NB_HYPHEN:
                out.append("-")
            elif tag == SYM:
                code = _int_hex(child.get(_W + "char"))
                if code is not None and not 0xE000 <= code <= 0xF8FF:
                    out.append(chr(code))
            elif tag == DRAWING or tag == PICT or tag == ALT:
                self.text_boxes(child, run)

    def text_boxes(self, el, run: _Run) -> None:
        if el.tag == ALT:  # the same box is in Choice and Fallback: read one
            choice = el.find(CHOICE)
            el = choice if choice is not None else el.find(FALLBACK)
            if el is None:
                return
        boxes = 0
        for box in el.iter(TXBX):
            boxes += 1
            if any(a.tag == TXBX for a in box.iterancestors()):
                continue
            for line in self.flat_text(box):
                if line.strip():
                    run.boxes.append(line)
        if not boxes and any(e.tag in _IMAGES for e in el.iter()):
            run.picture = True

    def flat_text(self, parent) -> list[str]:
        """Paragraph texts of a cell, text box or nested table, one per line (tables: one row
        a line, cells separated by a space)."""
        lines: list[str] = []
        for el in parent:
            tag = el.tag
            if tag == P:
                text, _, run, _ = self.paragraph(el, body=False)
                if text.strip():
                    lines.append(text)
                lines.extend(run.boxes)
            elif tag == TBL:
                for tr in _children(el, TR):
                    cells = [" ".join(self.flat_text(tc)) for tc in _children(tr, TC)]
                    row = " ".join(c for c in cells if c.strip())
                    if row:
                        lines.append(row)
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    lines.extend(self.flat_text(content))
            elif tag == CUSTOM_XML:
                lines.extend(self.flat_text(el))
        return lines

    # -- tables ------------------------------------------------------------------------------

    def table(self, tbl) -> None:
        self.tables += 1
        t = self.tables
        rows = list(_children(tbl, TR))
        # a table of one column that frames the text: the whole report in one cell, or one row per
        # chapter (its heading, text and statistics table in one cell): unwrapped into paragraphs
        # and tables, row by row
        by_row = [list(_children(tr, TC)) for tr in rows]
        if all(len(cells) == 1 for cells in by_row) and any(self.is_frame(cells[0]) for cells in by_row):
            outer = self.in_frame  # a frame in a frame: the outer cell's count goes on after it
            for r, cells in enumerate(by_row, 1):
                self.in_frame = 0
                self.blocks_of(cells[0], top=False, origin=Origin(table=t, row=r, cell=1))
            self.in_frame = outer
            return
        grid: list[list[_Cell]] = []
        open_: dict[int, _Cell] = {}
        # rows deleted with Track Changes are left out and not counted: row numbers as Word shows
        shown = [tr for tr in rows if (tr.find(TRPR) is None or tr.find(TRPR).find(DEL) is None)]
        for r, tr in enumerate(shown, 1):
            if self.cells > MAX_CELLS:
                break  # said once, after the document is read
            trpr = tr.find(TRPR)
            column = 0
            row: list[_Cell] = []
            if trpr is not None:
                before = trpr.find(GRID_BEFORE)
                if before is not None:
                    skip = min(max(_int(before.get(VAL), 0), 0), 1000)
                    if skip:
                        row.append(_Cell("", r, 0, skip))
                        column = skip
            for tc in _children(tr, TC):
                span, vmerge, hmerge = 1, None, None
                for tcpr in tc:
                    if tcpr.tag == TCPR:
                        for el in tcpr:
                            tag = el.tag
                            if tag == GRIDSPAN:
                                span = min(max(_int(el.get(VAL), 1), 1), 1000)
                            elif tag == VMERGE:
                                vmerge = el.get(VAL) or "continue"
                            elif tag == HMERGE:
                                hmerge = el.get(VAL) or "continue"
                    break
                text = "\n".join(self.flat_text(tc))
                if vmerge == "continue":
                    above = open_.get(column)
                    if above is not None and above.last_row == r - 1 and above.colspan == span:
                        above.rowspan += 1
                        above.last_row = r
                        if text.strip():
                            above.text = f"{above.text}\n{text}" if above.text else text
                        column += span
                        continue
                if hmerge == "continue" and row and row[-1].column + row[-1].colspan == column:
                    row[-1].colspan += span
                    if text.strip():
                        row[-1].text = f"{row[-1].text}\n{text}" if row[-1].text else text
                    column += span
                    continue
                cell = _Cell(text, r, column, span)
                row.append(cell)
                if vmerge is not None:  # restart (or a stray continue: start one here)
                    open_[column] = cell
                column += span
            for key in [k for k, c in open_.items() if c.last_row < r and c.row < r]:
                del open_[key]
            grid.append(row)
            self.cells += len(row)
        out_rows = tuple(
            tuple(
                GridCell(c.text, Origin(table=t, row=c.row, cell=c.column + 1), c.rowspan, c.colspan)
                for c in row
            )
            for row in grid
        )
        if any(out_rows):
            self.blocks.append(Grid(out_rows, Origin(table=t)))

    @staticmethod
    def is_frame(tc) -> bool:
        """A one-cell table holding several paragraphs or a table: a frame around text."""
        paragraphs = 0
        for el in tc.iter(P, TBL):
            if el.tag == TBL:
                return True
            paragraphs += 1
            if paragraphs > 3:
                return True
        return False

    def finish(self) -> list[Block]:
        blocks = self.blocks
        start = 0
        while start < len(blocks) and isinstance(blocks[start], PageBreak):
            start += 1
        end = len(blocks)
        while end > start and isinstance(blocks[end - 1], PageBreak):
            end -= 1
        return blocks[start:end]


def _int_hex(text: str | None) -> int | None:
    try:
        return int(text, 16) if text else None
    except ValueError:
        return None
