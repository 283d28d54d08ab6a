"""Write one report out in the forms people have it: Word (with and without automatic numbering),
a web page with site chrome in GBK, space-aligned columns, bare-pipe rows, one cell per line.

The input is a report in gxlint's plain-text form (``#`` headings, ``**bold**`` leads, tab rows
with merged slots left empty), such as ``examples/shili-county-2021.txt``.  Merged cells are made
real in Word and HTML: a cell followed by empty slots spans them, and an empty first-column slot
under a cell joins it downwards (三、本年度办理结果 over its outcome rows), so every form holds the
same grid and gxlint must read the same values from each."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

CN = "一二三四五六七八九十"
_HEADING = re.compile(r"^#+\s*")
_CHAPTER = re.compile(rf"^([{CN}])、(.*)$")
_BOLD = re.compile(r"^\*\*(.+?)\*\*(.*)$")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    matrix: list[list[str]]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # owners at their top-left slot


@dataclass
class Para:
    text: str
    level: int | None = None  # 1 title, 2 chapter heading
    bold_lead: str = ""


def blocks(text: str) -> list:
    out: list = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            out.append(_plan(rows[:]))
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if line.startswith("第二十条") and rows is not None and line.strip():
            rows.append([line.strip()])
            continue
        flush()
        if not line.strip():
            continue
        if line.startswith("#"):
            level = 1 if line.startswith("# ") or line.startswith("## 2") else 2
            out.append(Para(_HEADING.sub("", line), level))
            continue
        m = _BOLD.match(line)
        out.append(Para(m.group(1) + m.group(2), None, m.group(1)) if m else Para(line))
    flush()
    return out


def _plan(rows: list[list[str]]) -> Table:
    width = max(len(r) for r in rows)
    matrix = [r + [""] * (width - len(r)) for r in rows]
    claimed: dict[tuple[int, int], tuple[int, int]] = {}
    cells: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(matrix):
        c = 0
        while c < width:
            if (r, c) in claimed:
                c += 1
                continue
            text = row[c]
            if not text and c == 0 and r > 0 and (r - 1, 0) in claimed:
                owner = claimed[(r - 1, 0)]
                if cells[owner].colspan == 1 and any(row[1:]):
                    cells[owner].rowspan += 1
                    claimed[(r, 0)] = owner
                    c += 1
                    continue
            cell = Cell(text)
            cells[(r, c)] = cell
            claimed[(r, c)] = (r, c)
            if text:
                k = c + 1
                while k < width and not row[k] and (r, k) not in claimed and k != width - 1:
                    cell.colspan += 1
                    claimed[(r, k)] = (r, c)
                    k += 1
            c += cell.colspan
    return Table(matrix, cells)


def chapters_number(paragraphs: list) -> None:
    pass


# -- Word -----------------------------------------------------------------------------------------

NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>"""
NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
<w:abstractNumId w:val="90"/></w:num>"""


def to_docx(text: str, auto_numbering: bool = True) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    numbering = None
    if auto_numbering:
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(NUMBERING))
        numbering.append(parse_xml(NUM))
    for block in blocks(text):
        if isinstance(block, Para):
            m = _CHAPTER.match(block.text)
            if block.level == 1:
                p = document.add_paragraph()
                p.add_run(block.text).bold = True
            elif m and auto_numbering:
                p = document.add_paragraph()
                p.add_run(m.group(2)).bold = True
                ppr = p._p.get_or_add_pPr()
                ppr.append(
                    parse_xml(
                        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                        '2006/main"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                    )
                )
            elif block.level:
                p = document.add_paragraph()
                p.add_run(block.text).bold = True
            else:
                p = document.add_paragraph()
                if block.bold_lead:
                    p.add_run(block.bold_lead).bold = True
                    p.add_run(block.text[len(block.bold_lead) :])
                else:
                    p.add_run(block.text)
            continue
        rows, cols = len(block.matrix), len(block.matrix[0])
        table = document.add_table(rows=rows, cols=cols)
        grid = table._cells  # once: python-docx's table.cell() walks the whole table every call
        for (r, c), cell in block.cells.items():
            target = grid[r * cols + c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(grid[(r + cell.rowspan - 1) * cols + c + cell.colspan - 1])
            target.text = cell.text
    section = document.sections[0]
    footer = section.footer.paragraphs[0]
    run = footer.add_run()
    for kind, value in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        if kind == "instr":
            el = parse_xml(
                f'<w:instrText xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"{value}</w:instrText>"
            )
            run._r.append(el)
        elif kind == "text":
            run._r.append(
                parse_xml(
                    '<w:t xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">— 1 —</w:t>'
                )
            )
        else:
            run._r.append(
                parse_xml(
                    f'<w:fldChar xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                    f'main" w:fldCharType="{kind}"/>'
                )
            )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- web page -------------------------------------------------------------------------------------

CHROME_TOP = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_示例县人民政府</title>
<script>var site = "示例县人民政府";</script></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul><div class="search"><input type="text" value="请输入关键字"></div></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<table class="meta"><tr><td>索引号：</td><td>000000000/2022-00001</td><td>发布机构：</td><td>示例县市场监督管理局</td></tr>
<tr><td>生成日期：</td><td>2022-01-20</td><td>主题分类：</td><td>政务公开</td></tr></table>
<div class="article"><h1 class="title">{title}</h1>
<div class="info">发布时间：2022-01-20 &nbsp; 来源：示例县市场监督管理局 &nbsp; 字号：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="TRS_Editor" id="zoom">
"""
CHROME_END = """</div><div class="share">分享到：<a>微信</a> <a>微博</a> [<a>打印本页</a>] [<a>关闭窗口</a>]</div></div>
<div class="footer"><p>主办单位：示例县人民政府办公室 &nbsp; 承办单位：示例县大数据中心</p>
<p>网站标识码：0000000000 &nbsp; 备案号：示ICP备00000000号</p></div></body></html>
"""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_html(text: str, encoding: str = "gbk") -> bytes:
    parts: list[str] = []
    title = ""
    for block in blocks(text):
        if isinstance(block, Para):
            if block.level == 1:
                title += block.text
                continue
            if block.level:
                parts.append(
                    f'<p style="text-indent:2em"><strong>{_esc(block.text)}</strong></p>'
                    if block.text.startswith(("二", "四", "六"))
                    else f"<h2>{_esc(block.text)}</h2>"
                )
            elif block.bold_lead:
                rest = block.text[len(block.bold_lead) :]
                parts.append(
                    f'<p style="text-indent:2em;">&nbsp;&nbsp;<strong>{_esc(block.bold_lead)}</strong>'
                    f'<span style="font-family:仿宋">{_esc(rest)}</span><o:p></o:p></p>'
                )
            elif len(block.text) > 60:
                half = block.text.find("。") + 1 or len(block.text) // 2
                parts.append(f"<p>&nbsp;&nbsp;{_esc(block.text[:half])}<br>{_esc(block.text[half:])}</p>")
            else:
                parts.append(f"<p>{_esc(block.text)}</p>")
            continue
        rows = []
        for r, row in enumerate(block.matrix):
            tds = []
            for c in range(len(row)):
                cell = block.cells.get((r, c))
                if cell is None:
                    continue
                attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                )
                body = _esc(cell.text) or "&nbsp;"
                tds.append(
                    f'<td{attrs} style="border:1px solid #000"><p class="MsoNormal"><span>{body}</span></p></td>'
                )
            rows.append("<tr>" + "".join(tds) + "</tr>")
        parts.append('<table border="1" cellspacing="0">' + "\n".join(rows) + "</table>")
    page = CHROME_TOP.format(title=_esc(title)) + "\n".join(parts) + CHROME_END
    return page.encode(encoding)


def to_mhtml(page: bytes, transfer: str = "quoted-printable", charset: str = "gbk") -> bytes:
    """``page`` saved as one file, as Chrome saves it (网页，单个文件): a MIME message with CRLF line
    ends, the page in ``transfer`` (quoted-printable, 8bit or base64) and a picture after it."""
    import base64
    import quopri

    if transfer == "quoted-printable":
        body = quopri.encodestring(page)
    elif transfer == "base64":
        body = base64.encodebytes(page)
    else:
        body = page
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n").rstrip(b"\r\n")
    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: http://www.shili.example.gov.cn/2021.html\r\n"
        "Subject: =?utf-8?Q?=E7=A4=BA=E4=BE=8B=E5=8E=BF?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n'
        "\r\n\r\n------B\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\n"
        "Content-Location: http://www.shili.example.gov.cn/2021.html\r\n\r\n"
    )
    picture = (
        b"\r\n------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(40)).replace(b"\n", b"\r\n")
        + b"\r\n------B--\r\n"
    )
    return head.encode("ascii") + body + picture


# -- text renderings ------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _text_form(text: str, table_writer) -> str:
    out: list[str] = []
    for block in blocks(text):
        if isinstance(block, Para):
            prefix = "" if block.level else "　　"
            out.append(prefix + block.text)
        else:
            out.extend(table_writer(block))
    return "\n".join(out) + "\n"


def to_layout(text: str) -> str:
    """Space-aligned columns, as ``pdftotext -layout`` or a copy from a PDF viewer gives them."""

    def table(block: Table) -> list[str]:
        cols = len(block.matrix[0])
        widths = [max(_width(r[c]) for r in block.matrix) + 3 for c in range(cols)]
        lines = []
        for row in block.matrix:
            line = ""
            for c, cell in enumerate(row):
                line += cell + " " * (widths[c] - _width(cell))
            lines.append(line.rstrip())
        return lines

    return _text_form(text, table)


def to_pipes(text: str) -> str:
    """Bare pipe rows as crawlers store them: ``规章 | 0 | 0 |``, ``||`` for a spanned slot."""

    def table(block: Table) -> list[str]:
        lines = []
        for r, row in enumerate(block.matrix):
            fields = []
            for c in range(len(row)):
                cell = block.cells.get((r, c))
                fields.append(cell.text if cell is not None else "")
            line = ""
            for f in fields:
                line += (f + " |" if f else "|") if not line else (f" {f} |" if f else "|")
            lines.append(line)
        return lines

    return _text_form(text, table)


def to_cells(text: str, blank_lines: bool = False) -> str:
    """One cell per line, no row boundaries (a spanned slot is not written)."""

    def table(block: Table) -> list[str]:
        lines = []
        for r, row in enumerate(block.matrix):
            for c in range(len(row)):
                cell = block.cells.get((r, c))
                if cell is not None and cell.text:
                    lines.append(cell.text)
                    if blank_lines:
                        lines.append("")
        return lines

    return _text_form(text, table)
