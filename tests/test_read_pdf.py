"""The PDF reader: running text, ruled tables across pages, page furniture, bad files.

The fixtures in tests/fixtures/pdf/ are made by tests/fixtures/pdf/make.py (reportlab, the
built-in STSong-Light CID font); the shared forms in ../shared/forms/pdf are two fictional
reports printed to PDF by a browser, read when present.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pdfbytes import raw_pdf
from tablevalues import misses_in_text

pytest.importorskip("pypdfium2", reason="the PDF reader needs pypdfium2")

from gxlint.read.document import Grid, PageBreak, Paragraph, expand  # noqa: E402
from gxlint.read.pdf import MAX_PAGES, read  # noqa: E402
from gxlint.read.render import render  # noqa: E402

PDFS = Path(__file__).resolve().parent / "fixtures" / "pdf"
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
ROOT_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt"


def fixture(name: str) -> bytes:
    return (PDFS / name).read_bytes()


def paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def grids(doc) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid)]


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text if c is not None else "" for c in row] for row in expand(grid)]


@pytest.fixture(scope="module")
def report():
    return read(fixture("report.pdf"), "report.pdf")


# ---------------------------------------------------------------------------------------------
# a report: text, headings, page breaks


def test_report_reads_without_problems(report):
    assert report.form == "pdf"
    assert report.pages == 3
    assert report.problems == ()


def test_page_furniture_dropped(report):
    text = render(report).text
    assert "—" not in text  # the "— n —" footers
    assert "示例县人民政府信息公开专栏" not in text  # the running header
    assert "示例县教育局2023年政府信息公开工作年度报告" in text


def test_title_and_headings(report):
    paras = paragraphs(report)
    title = paras[0]
    assert title.text == "示例县教育局2023年政府信息公开工作年度报告"
    assert title.heading == 1
    assert title.origin.page == 1
    by_text = {p.text: p for p in paras}
    assert by_text["一、总体情况"].heading == 2  # bold
    assert by_text["二、收到和处理政府信息公开申请情况"].heading == 2  # larger
    assert by_text["三、存在的主要问题及改进情况"].heading == 2
    assert all(p.heading is None for p in paras if p.text.startswith("（"))


def test_wrapped_lines_make_one_paragraph(report):
    intro = paragraphs(report)[1]
    # a line ends short because the web address that follows would not fit: no paragraph end
    assert intro.text.startswith("本报告依照政府信息公开条例的规定编写")
    assert "（www.shilixian.gov.cn/zwgk/ndbg）下载阅读" in intro.text
    assert intro.text.endswith("可向示例县教育局办公室咨询。")
    assert intro.origin.page == 1 and intro.origin.line >= 1


def test_paragraph_across_page_break_rejoined(report):
    blocks = list(report.blocks)
    starts = [
        i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.startswith("（五）监督保障")
    ]
    assert len(starts) == 1
    para = blocks[starts[0]]
    assert para.text.endswith("更好地服务全县教育事业的发展。")
    assert "持续提升公开工作的质量和水平" in para.text
    assert para.origin.page == 1
    assert blocks[starts[0] + 1] == PageBreak(page=2)
    assert not any(isinstance(b, Paragraph) and b.text.startswith("升公开") for b in blocks)


def test_a_wrapped_paragraph_keeps_where_each_printed_line_starts(report):
    para = next(b for b in report.blocks if isinstance(b, Paragraph) and b.text.startswith("（五）监督保障"))
    # the paragraph runs from page 1 onto page 2: its last printed lines are on page 2
    assert para.lines and [at for at, _ in para.lines] == sorted(at for at, _ in para.lines)
    assert para.lines[-1][1].page == 2
    assert all(0 < at < len(para.text) for at, _ in para.lines)
    rendered = render(report)
    number = next(i for i, o in enumerate(rendered.lines, 1) if o.origin == para.origin)
    assert rendered.locate(number, 1) == para.origin
    at, origin = para.lines[0]
    assert rendered.locate(number, at + 1) == origin  # the first character of the second printed line


def test_a_finding_inside_a_paragraph_is_placed_on_its_printed_line():
    from gxlint.run.linter import Linter

    found = Linter(isolated=True).lint_path(str(PDFS / "narrative.pdf"))
    # where each number stands in the printed file (page, line; the — n — footer not counted):
    # before, every finding of a paragraph was placed on the paragraph's first line (page 2, line 1
    # for “不予处理3件”, printed on line 4)
    places = {f.message.split("”")[0].split("“")[1]: (f.location["page"], f.location["line"]) for f in found}
    assert places == {
        "制发行政规范性文件4件": (1, 19),
        "收到政府信息公开申请20件": (2, 1),
        "不予处理3件": (2, 4),
        "均获维持": (2, 12),
    }


def test_page_breaks_between_pages(report):
    breaks = [b for b in report.blocks if isinstance(b, PageBreak)]
    assert breaks == [PageBreak(page=2), PageBreak(page=3)]
    assert not isinstance(report.blocks[0], PageBreak)


def test_enumerated_paragraphs_start_new_paragraphs(report):
    starts = [p.text[:3] for p in paragraphs(report) if p.text.startswith("（")]
    assert starts == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_signature_lines(report):
    paras = [p.text for p in paragraphs(report)]
    assert paras[-2:] == ["示例县教育局", "2024年1月20日"]


# ---------------------------------------------------------------------------------------------
# a ruled table across two pages

EXPECTED_TABLE = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", "", ""],
    ["", "", "自然人", "法人或其他组织", "总计"],
    ["一、本年新收政府信息公开申请数量", "", "6", "2", "8"],
    ["二、上年结转政府信息公开申请数量", "", "1", "0", "1"],
    ["三、本年度办理结果", "（一）予以公开", "3", "1", "4"],
    ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "0", "1"],
    ["", "（三）不予公开", "0", "0", "0"],
    ["", "（四）无法提供", "1", "0", "1"],
    ["", "（五）不予处理", "0", "0", "0"],
    ["", "（六）其他处理", "0", "0", "0"],
    ["", "（七）总计", "5", "1", "6"],
    ["四、结转下年度继续办理", "", "2", "1", "3"],
]


def test_table_joined_across_pages_header_dropped(report):
    tables = grids(report)
    assert len(tables) == 1
    assert texts(tables[0]) == EXPECTED_TABLE


def test_table_merged_cells(report):
    grid = grids(report)[0]
    first = grid.rows[0]
    assert (first[0].rowspan, first[0].colspan) == (2, 2)
    assert (first[1].text, first[1].rowspan, first[1].colspan) == ("申请人情况", 1, 3)
    result = next(c for row in grid.rows for c in row if c.text == "三、本年度办理结果")
    # the merged cell runs over the page break: its empty piece on page 3 joined to it
    assert result.rowspan == 7
    assert result.origin.page == 2
    assert grid.rows[2][0].colspan == 2


def test_table_origins(report):
    grid = grids(report)[0]
    assert grid.origin.page == 2 and grid.origin.table == 1
    cells = {c.text: c.origin for row in grid.rows for c in row}
    assert cells["申请人情况"].to_dict() == {"page": 2, "table": 1, "row": 1, "cell": 3}
    # a row on page 3 is counted there, from the header repeated at the top of the page: the row
    # a person counts on that page
    assert cells["（五）不予处理"].to_dict() == {"page": 3, "table": 1, "row": 3, "cell": 2}
    assert cells["四、结转下年度继续办理"].to_dict() == {"page": 3, "table": 1, "row": 6, "cell": 1}


def test_table_rendered_as_tab_rows(report):
    rendered = render(report)
    lines = rendered.text.splitlines()
    row = lines.index("四、结转下年度继续办理\t\t2\t1\t3")
    assert rendered.lines[row].origin.page == 3
    assert sum("申请人情况" in line for line in lines) == 1  # the repeated header is gone
    assert "三、本年度办理结果\t（一）予以公开\t3\t1\t4" in lines


# ---------------------------------------------------------------------------------------------
# page numbers and running headers


def test_page_numbers_dropped_but_numbers_in_text_kept():
    doc = read(fixture("footers.pdf"))
    assert doc.problems == ()
    text = render(doc).text
    assert "页 共" not in text and "第 1 页" not in text
    assert not re.search(r"^- ?\d+ ?-$", text, re.MULTILINE)
    for n in (1, 2, 3):
        assert f"第{n}页的第一段：本段用来检查页码和页眉的去除，全年共受理申请52件，办结50件。" in text
        assert f"第{n}页的第三段：本段结束。" in text
    # a line holding only a number in the middle of the page is text, not a page number
    assert [p.text for p in paragraphs(doc)].count("2023") == 3


# ---------------------------------------------------------------------------------------------
# files that cannot be read: a Problem, never an exception, never text


def assert_fatal(doc, *words: str) -> None:
    assert doc.form == "pdf"
    assert doc.blocks == ()
    assert doc.problems and doc.problems[0].fatal
    message = doc.problems[0].message_zh + " " + doc.problems[0].message_en
    for word in words:
        assert word in message, message
    assert re.search(r"[\u4e00-\u9fff]", doc.problems[0].message_zh)
    assert re.search(r"[a-z]{4}", doc.problems[0].message_en)


def test_scanned_pdf():
    doc = read(fixture("scanned.pdf"))
    assert_fatal(doc, "扫描件", "OCR", "scanned")
    assert doc.problems[0].message_zh == (
        "PDF 中没有可提取的文字，可能是扫描件；请用原始 Word 文件或网页检查，或先做文字识别（OCR）"
    )


def test_blank_pdf():
    assert_fatal(read(_pages_pdf(2)), "没有可提取的文字", "no extractable text")


def test_fonts_without_text_mapping():
    assert_fatal(read(fixture("unmapped.pdf")), "文字映射", "OCR", "no mapping")


def test_encrypted_pdf():
    assert_fatal(read(fixture("encrypted.pdf")), "密码", "encrypted")


@pytest.mark.parametrize("cut", [0.9, 0.5, 0.1])
def test_truncated_pdf(cut):
    data = fixture("report.pdf")
    doc = read(data[: int(len(data) * cut)])
    assert doc.problems and doc.problems[0].fatal, doc
    assert doc.blocks == ()
    assert "不完整" in doc.problems[0].message_zh
    assert "incomplete" in doc.problems[0].message_en


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-",
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"\x00" * 5000,
        "这不是 PDF 文件".encode("utf-8"),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
)
def test_garbage(data):
    doc = read(data, "x.pdf")
    assert doc.problems and doc.problems[0].fatal
    assert doc.blocks == ()


@pytest.mark.slow  # forty damaged copies of a report
def test_mutated_pdfs_never_raise():
    data = fixture("report.pdf")
    rng = random.Random(20240120)
    for _ in range(40):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        doc = read(bytes(mutated))
        assert doc.form == "pdf"
        if doc.problems and doc.problems[0].fatal:
            assert doc.blocks == ()


def test_not_bytes_does_not_raise():
    doc = read(None)  # type: ignore[arg-type]
    assert doc.problems and doc.problems[0].fatal


def _pages_pdf(count: int, extra: bytes = b"") -> bytes:
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R" + extra + b" >>"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            b"<< /Length 0 >>\nstream\n\nendstream",
        ]
        + [page] * count
    )


def test_too_many_pages_refused_quickly():
    started = time.monotonic()
    doc = read(_pages_pdf(20_000))
    assert time.monotonic() - started < 10
    assert_fatal(doc, str(MAX_PAGES), "20000")
    assert doc.pages == 20_000


def test_a_page_of_many_text_objects_asks_pdfium_for_the_text_of_a_sample_only(monkeypatch):
    # PDFium searches the page's text for each object it is asked about: asked for every one of a
    # grid's 40,000 one-digit objects, a one-page PDF took a minute
    import pypdfium2.raw as pdfium_raw

    cells = b"".join(
        b"BT /F1 4 Tf %d %d Td (%d) Tj ET\n" % (20 + 6 * (i % 90), 20 + 6 * (i // 90), i % 10)
        for i in range(5000)
    )
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Length %d >>\nstream\n" % len(cells) + cells + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    asked = []
    real = pdfium_raw.FPDFTextObj_GetText
    monkeypatch.setattr(pdfium_raw, "FPDFTextObj_GetText", lambda *a: asked.append(1) or real(*a))
    doc = read(data)
    assert not [p for p in doc.problems if p.fatal]
    assert sum(ch.isdigit() for b in doc.blocks if isinstance(b, Paragraph) for ch in b.text) == 5000
    assert len(asked) <= 1_000  # TEXT_SAMPLE_PAGE


def test_deeply_nested_objects():
    deep = b"[" * 50_000 + b"]" * 50_000
    started = time.monotonic()
    doc = read(_pages_pdf(1, b" /X " + deep))
    assert time.monotonic() - started < 10
    assert doc.problems and doc.problems[0].fatal and doc.blocks == ()


def test_self_referencing_form():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Length 7 >>\nstream\n/X0 Do\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            b"/Resources << /XObject << /X0 5 0 R >> >> >>",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject "
            b"<< /X0 5 0 R >> >> /Length 7 >>\nstream\n/X0 Do\nendstream",
        ]
    )
    doc = read(data)
    assert doc.problems and doc.problems[0].fatal and doc.blocks == ()


def test_page_tree_loop():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 3 >>",
        ]
    )
    doc = read(data)
    assert doc.problems and doc.problems[0].fatal and doc.blocks == ()


def test_library_imported_lazily():
    code = (
        "import sys, gxlint.read.pdf; "
        "sys.exit(1 if any(m.startswith('pypdfium2') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ---------------------------------------------------------------------------------------------
# the two shared reports printed to PDF: every table value as the parser reads it


def _shared_pdfs():
    folder = SHARED_FORMS / "pdf"
    if not (folder / "values.json").exists():
        return []
    return sorted(json.loads((folder / "values.json").read_text(encoding="utf-8")).items())


@pytest.mark.skipif(
    not (SHARED_FORMS / "pdf" / "values.json").exists(),
    reason=f"shared forms not available: {SHARED_FORMS / 'pdf'} is absent",
)
@pytest.mark.parametrize("name,expected", _shared_pdfs() or [("none", {})])
def test_shared_pdf_forms(name, expected):
    _assert_read_whole(read((SHARED_FORMS / "pdf" / name).read_bytes(), name), expected)


@pytest.mark.slow  # pdfminer.six reads about 13 pages a second
@pytest.mark.skipif(
    not (SHARED_FORMS / "pdf" / "values.json").exists(),
    reason=f"shared forms not available: {SHARED_FORMS / 'pdf'} is absent",
)
@pytest.mark.parametrize("name,expected", _shared_pdfs() or [("none", {})])
def test_shared_pdf_forms_read_by_pdfminer_alone(name, expected, monkeypatch):
    """pdfminer.six reads a whole document where PDFium's text page loses a font's text: on these
    Word-printed reports its reading is as good as PDFium's."""
    import gxlint.read.pdf as pdf_mod

    real = pdf_mod._read_page
    mined = []

    def by_pdfminer(pdf, raw, index, miner, mine=False):
        page = real(pdf, raw, index, miner, True)
        mined.append(page.mined)
        return page

    monkeypatch.setattr(pdf_mod, "_read_page", by_pdfminer)
    _assert_read_whole(read((SHARED_FORMS / "pdf" / name).read_bytes(), name), expected)
    assert mined and all(mined)


def _assert_read_whole(doc, expected: dict) -> None:
    assert doc.problems == ()
    text = render(doc).text
    total, misses = misses_in_text(text, expected)
    assert total > 100
    assert misses == []
    lines = text.splitlines()
    # page numbers ("— 1 —") gone; a table row of numbers has tabs
    assert not any(re.fullmatch(r"[—\- \d]+", line) for line in lines if line)
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in lines


# ---------------------------------------------------------------------------------------------
# a page stored landscape with /Rotate 90: PDFium's text page loses rotated Chinese text


ROTATED_TEXT = [
    "二、主动公开政府信息情况",
    "（一）主动公开。全年通过门户网站发布各类信息三百余条，重点做好招生入学、学校安全、"
    "教育经费等领域的信息发布，回应家长和学生的关注。",
    "（二）依申请公开。全年收到政府信息公开申请8件，全部在法定期限内作出答复，没有逾期情况。",
]


def test_rotated_page_read_whole():
    pytest.importorskip("pdfminer", reason="pages PDFium loses text of are read with pdfminer.six")
    doc = read(fixture("rotated.pdf"))
    assert doc.problems == ()
    assert [p.text for p in paragraphs(doc)] == ROTATED_TEXT
    assert texts(grids(doc)[0]) == [
        ["信息内容", "本年新制作数量", "本年新公开数量"],
        ["规章", "0", "0"],
        ["规范性文件", "2", "2"],
    ]


def test_rotated_page_without_pdfminer_says_so(monkeypatch):
    import gxlint.read.pdf as pdf_mod

    monkeypatch.setattr(pdf_mod._Miner, "chars", lambda self, index, unturned=False: None)
    doc = read(fixture("rotated.pdf"))
    assert doc.problems and not doc.problems[0].fatal
    assert "旋转" in doc.problems[0].message_zh and "sideways" in doc.problems[0].message_en


def test_row_cut_by_page_break_rejoined():
    """A tall row whose label the page break cut in two: the two pieces are one row again."""
    from gxlint.read.pdf import _Cell, _grid, _Group, _Table

    first = _Table(
        page=1,
        top=600,
        bottom=800,
        x0=50,
        x1=450,
        nrows=2,
        cells=[
            _Cell(0, 0, 50, 250, "信息内容", 1),
            _Cell(0, 0, 250, 450, "数量", 1),
            _Cell(1, 1, 50, 250, "1.申请人无正当理由逾期", 1, open_bottom=True),
            _Cell(1, 1, 250, 450, "", 1, open_bottom=True),
        ],
    )
    second = _Table(
        page=2,
        top=50,
        bottom=120,
        x0=50,
        x1=450,
        nrows=2,
        cells=[
            _Cell(0, 0, 50, 250, "不补正", 2),
            _Cell(0, 0, 250, 450, "3", 2),
            _Cell(1, 1, 50, 250, "2.其他", 2),
            _Cell(1, 1, 250, 450, "0", 2),
        ],
    )
    group = _Group(first)
    group.parts.append(second)
    grid = _grid(group, 1)
    assert texts(grid) == [["信息内容", "数量"], ["1.申请人无正当理由逾期不补正", "3"], ["2.其他", "0"]]
    assert grid.rows[2][0].origin.to_dict() == {"page": 2, "table": 1, "row": 2, "cell": 1}  # on page 2


def test_rows_either_side_of_a_page_break_stay_apart():
    """Two data rows either side of a break in a table without a bottom rule stay two rows."""
    from gxlint.read.pdf import _Cell, _grid, _Group, _Table

    first = _Table(
        page=1,
        top=700,
        bottom=800,
        x0=50,
        x1=450,
        nrows=1,
        cells=[
            _Cell(0, 0, 50, 250, "规章", 1, open_bottom=True),
            _Cell(0, 0, 250, 450, "28", 1, open_bottom=True),
        ],
    )
    second = _Table(
        page=2,
        top=50,
        bottom=80,
        x0=50,
        x1=450,
        nrows=1,
        cells=[_Cell(0, 0, 50, 250, "规范性文件", 2), _Cell(0, 0, 250, 450, "27", 2)],
    )
    group = _Group(first)
    group.parts.append(second)
    assert texts(_grid(group, 1)) == [["规章", "28"], ["规范性文件", "27"]]


# -- a font neither the file nor the machine has ---------------------------------------------------

#: reads a PDF in a process whose PDFium finds no system font at all (a server without Chinese
#: fonts, whatever this machine has installed), and prints what the reader made of it; with the
#: argument ``no-pdfminer``, as if pdfminer.six were not installed
_WITHOUT_FONTS = r"""
import builtins, json, sys
import pypdfium2  # noqa: F401 - initialises PDFium
import pypdfium2.raw as raw

info = raw.FPDF_SYSFONTINFO()
info.version = 1
kinds = dict(raw.FPDF_SYSFONTINFO._fields_)
callbacks = {}
for name, result in [("Release", None), ("EnumFonts", None), ("MapFont", None), ("GetFont", None),
                     ("GetFontData", 0), ("GetFaceName", 0), ("GetFontCharset", 0), ("DeleteFont", None)]:
    callbacks[name] = kinds[name](lambda *args, result=result: result)
    setattr(info, name, callbacks[name])
raw.FPDF_SetSystemFontInfo(info)
if sys.argv[2:] == ["no-pdfminer"]:
    real_import = builtins.__import__
    def without_pdfminer(name, *args, **kwargs):
        if name.startswith("pdfminer"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    builtins.__import__ = without_pdfminer
from gxlint.run import api
from gxlint.output.dataset import report_to_dict
report = api.parse_path(sys.argv[1])
print(json.dumps({
    "values": {t["kind"]: t["values"] for t in report_to_dict(report)["tables"]},
    "problems": [[p.message_zh, p.message_en, p.fatal] for p in report.source.problems],
    "text": report.source.text,
}, ensure_ascii=False))
"""


def _read_without_fonts(path: Path, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _WITHOUT_FONTS, str(path), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


@pytest.mark.slow  # a second process reading the whole example twice (PDFium, then pdfminer.six)
def test_text_in_a_font_no_one_has_is_read_with_pdfminer():
    """The example is set in a Chinese font the file does not embed (the printed fixtures use
    reportlab's STSong-Light).  Where the machine has no font to stand in for it, PDFium knows no
    glyph boxes and its text page drops every character drawn on its own (all of a justified
    line, a lone digit in a cell): such a document is read with pdfminer.six, all its pages alike
    (a table going on over a page break is read the same on both pages)."""
    from gxlint.run import api
    from gxlint.output.dataset import report_to_dict

    example = ROOT_EXAMPLE.read_text(encoding="utf-8")
    want = {t["kind"]: t["values"] for t in report_to_dict(api.parse_text(example))["tables"]}
    got = _read_without_fonts(PDFS / "example.pdf")
    assert got["problems"] == []
    assert got["values"] == want
    assert "上年度报告提出的栏目更新不及时问题" in got["text"]


def test_text_in_a_font_no_one_has_without_pdfminer_says_so():
    got = _read_without_fonts(PDFS / "example.pdf", "no-pdfminer")
    [(zh, en, fatal)] = got["problems"]
    assert not fatal
    assert "第 1、2、4 页" in zh and "没有嵌入" in zh and "pdfminer.six" in zh
    assert "page 1, 2, 4" in en and "does not embed" in en


@pytest.mark.slow  # reads the example twice over
@pytest.mark.parametrize("time_left", [True, False])
def test_the_pages_read_again_with_pdfminer_are_the_others_within_the_time_limit(monkeypatch, time_left):
    """When one page's font is missing (simulated here on page 1, whatever this machine's fonts),
    the pages PDFium read are read again with pdfminer.six -- unless the time for the file is up."""
    import gxlint.read.pdf as pdf_mod

    pages = 5  # example.pdf
    now = [0.0]
    monkeypatch.setattr(pdf_mod.time, "monotonic", lambda: now[0])
    real = pdf_mod._read_page
    by_pdfium: list[int] = []  # in the first reading
    again: list[int] = []

    def read_page(pdf, raw, index, miner, mine=False):
        page = real(pdf, raw, index, miner, mine)
        if mine:
            again.append(index)
            return page
        if index == 0:
            page.unfonted = page.mined = True
        elif not page.mined:  # a machine without Chinese fonts has pdfminer.six read some already
            by_pdfium.append(index)
        if index == pages - 1 and not time_left:
            now[0] = pdf_mod.MAX_SECONDS + 1  # the first reading took all the time there was
        return page

    monkeypatch.setattr(pdf_mod, "_read_page", read_page)
    doc = read(fixture("example.pdf"))
    assert not [p for p in doc.problems if p.fatal]
    assert by_pdfium
    assert again == (by_pdfium if time_left else [])


def _lone_characters_pdf() -> bytes:
    """A page in STSong-Light, not embedded: a title, and two labels each with a one-character
    value drawn on its own (无, 有), as a table cell or a justified line draws it."""

    def text(value: str, size: int, x: int, y: int) -> str:
        codes = "".join(f"{ord(c):04X}" for c in value)  # UniGB-UCS2-H: the UCS-2 code
        return f"BT /F1 {size} Tf {x} {y} Td <{codes}> Tj ET"

    stream = "\n".join(
        [
            text("示例县教育局2021年政府信息公开工作年度报告", 14, 72, 760),
            text("收到申请", 12, 72, 720),
            text("无", 12, 200, 720),
            text("予以公开", 12, 72, 700),
            text("有", 12, 200, 700),
        ]
    ).encode("ascii")
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        ]
    )


def test_one_character_in_a_font_no_one_has_is_read(tmp_path):
    """Two lone characters are enough for pdfminer.six to read the page: the one digit or word of
    a table cell changes what the table says."""
    path = tmp_path / "lone.pdf"
    path.write_bytes(_lone_characters_pdf())
    got = _read_without_fonts(path)
    assert got["problems"] == []
    assert "无" in got["text"] and "有" in got["text"]


def test_a_page_of_sideways_text_that_cannot_be_read_is_said_to_be_sideways():
    # the rotated fixture's page without its /Rotate: the text shows sideways, and neither PDFium
    # nor pdfminer.six reads it; before, "no extractable text, a scan?" or, among other pages, nothing
    doc = read(fixture("sideways.pdf"))
    [problem] = doc.problems
    assert "sideways" in problem.message_en and "旋转" in problem.message_zh
    assert "scan" not in problem.message_en


def _flate_bomb(unpacked: int) -> bytes:
    import zlib

    content = zlib.compress(b" " * unpacked, 9)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>",
        ]
    )


def test_a_flate_bomb_is_refused_before_pdfium_unpacks_it(monkeypatch):
    # a stream that unpacks far beyond the limit (scaled down: 4 MB of blanks against a 1 MB limit)
    import gxlint.read.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_UNPACKED_STREAM", 1024 * 1024)
    doc = read(_flate_bomb(4 * 1024 * 1024))
    assert_fatal(doc, "too large when unpacked", "1 MB")
    assert "scanned" not in doc.problems[0].message_en
    # under the limit the same file is only blank (no text: may be a scan)
    assert "too large" not in read(_flate_bomb(512 * 1024)).problems[0].message_en


def test_all_streams_together_are_limited_too(monkeypatch):
    import gxlint.read.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_UNPACKED_TOTAL", 1024 * 1024)
    data = _flate_bomb(700 * 1024)
    assert "too large when unpacked" not in read(data).problems[0].message_en
    # two such streams (the second a form the page does not draw) are over the total
    import zlib

    content = zlib.compress(b" " * 700 * 1024, 9)
    two = data.replace(
        b"xref",
        b"5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(content)
        + content
        + b"\nendstream\nendobj\nxref",
        1,
    )
    assert_fatal(read(two), "too large when unpacked")


def _helvetica_pdf(stream: bytes) -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_two_narrow_letters_side_by_side_are_both_read_and_fake_bold_once():
    # the ll of jill, the // of http:// stand a letter's width apart: no second copy of one letter
    text = b"BT /F1 10 Tf 50 800 Td (jill@mail.example.gov.cn http://ll.example) Tj ET\n"
    # fake bold: the same word drawn again a hair's breadth to the right
    bold = b"BT /F1 10 Tf 50 760 Td (Bold) Tj ET\nBT /F1 10 Tf 50.3 760 Td (Bold) Tj ET\n"
    doc = read(_helvetica_pdf(text + bold))
    lines = [p.text for p in paragraphs(doc)]
    assert "jill@mail.example.gov.cn http://ll.example" in lines, lines
    assert "Bold" in lines, lines


def test_a_browsers_printed_header_and_footer_are_page_furniture():
    # a page printed from a browser: its date and title at the top, its URL and n/3 at the bottom,
    # small and long; read as text they cut tables and paragraphs at every page break
    doc = read(fixture("browser-print.pdf"))
    text = render(doc).text
    assert "2024/1/20 09:35" not in text and "123456.html" not in text
    assert "第1页：本报告" in text and "第3页：本报告" in text
