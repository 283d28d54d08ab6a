"""gxlint.read.word: .docx → Document, on Word files built here with python-docx (a fictional 示例县
agency), and on the two fictional reports in ../shared/forms/docx when they are there."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tablevalues import misses_in_text

docx = pytest.importorskip("docx")
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

from gxlint.read import word  # noqa: E402
from gxlint.read.document import Grid, PageBreak, Paragraph, expand  # noqa: E402
from gxlint.read.render import render  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"

TITLE = "示例县农业农村局2023年政府信息公开工作年度报告"
CHAPTERS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]


# -- building Word files ------------------------------------------------------------------------


def add_chinese_numbering(document) -> str:
    """Put a two-level list (“%1、”, “（%2）”, Chinese counting) into the numbering part, as
    offices number their chapter headings; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NSDECL} w:abstractNumId="90">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2.%3"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {NSDECL} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    return "77"


def paragraph_texts(document, path: Path) -> list[str]:
    """The texts of the paragraphs gxlint reads from ``document``, saved to ``path``."""
    document.save(str(path))
    return [b.text for b in word.read(path.read_bytes()).blocks if isinstance(b, Paragraph)]


def number(paragraph, num_id: str, level: int = 0) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def heading(document, text: str, num_id: str | None = None, level: int = 0):
    p = document.add_paragraph()
    p.add_run(text).bold = True
    if num_id is not None:
        number(p, num_id, level)
    return p


def add_page_footer(document) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("示例县页脚 第")
    footer._p.append(
        parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>')
    )
    footer.add_run("页")


def add_field(paragraph, code: str, result: str) -> None:
    """A complex field: begin, the code, separate, the displayed result, end."""
    p = paragraph._p
    p.append(parse_xml(f'<w:r {NSDECL}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p.append(parse_xml(f'<w:r {NSDECL}><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {NSDECL}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.append(parse_xml(f"<w:r {NSDECL}><w:t>{result}</w:t></w:r>"))
    p.append(parse_xml(f'<w:r {NSDECL}><w:fldChar w:fldCharType="end"/></w:r>'))


def merged_table(document):
    """Rows: a title row across 4 columns; a label spanning two rows in column 1; values.

    | 申请情况 (gridSpan 4)                 |
    | 自然人 (vMerge ↓) | 商业企业 | 科研机构 | 总计 |
    | (continued)       | 3        | 0        | 3    |
    | 合计              | 4        | 1        | 5    |
    """
    table = document.add_table(rows=4, cols=4)
    texts = [
        ["申请情况", "", "", ""],
        ["自然人", "商业企业", "科研机构", "总计"],
        ["", "3", "0", "3"],
        ["合计", "4", "1", "5"],
    ]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 3))
    table.cell(1, 0).merge(table.cell(2, 0))
    return table


def build(tmp_path: Path, name: str = "report.docx") -> bytes:
    document = docx.Document()
    num_id = add_chinese_numbering(document)
    document.add_paragraph(TITLE, style="Title")  # paragraph 1
    document.add_paragraph("本报告由示例县农业农村局编制。")  # paragraph 2
    heading(document, CHAPTERS[0], num_id)  # 3: 一、
    sub = document.add_paragraph("主动公开。")  # 4: （一）
    number(sub, num_id, 1)
    sub = document.add_paragraph("依申请公开。")  # 5: （二）
    number(sub, num_id, 1)
    document.add_paragraph("")  # 6: empty
    heading(document, CHAPTERS[1], num_id)  # 7: 二、
    sub = document.add_paragraph("规章。")  # 8: （一） again
    number(sub, num_id, 1)
    merged_table(document)  # table 1
    p = document.add_paragraph("本年度报告发布日期：")  # 9
    add_field(p, ' DATE \\@ "yyyy年M月d日" ', "2024年1月20日")
    document.add_page_break()  # 10: a page break
    heading(document, CHAPTERS[2], num_id)  # 11: 三、
    p = document.add_paragraph("下一步将加强培训，")  # 12: break inside
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("完善工作机制。")
    heading(document, "附：说明")  # 13: bold, not numbered
    add_page_footer(document)
    path = tmp_path / name
    document.save(str(path))
    return path.read_bytes()


@pytest.fixture
def built(tmp_path):
    data = build(tmp_path)
    return word.read(data, str(tmp_path / "report.docx"))


def paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def grids(doc) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid)]


# -- the model --------------------------------------------------------------------------------


def test_reads_without_problems(built):
    assert built.form == "docx"
    assert built.problems == ()
    assert paragraphs(built)[0].text == TITLE


def test_automatic_numbers_are_drawn_in_front_of_the_text(built):
    texts = [p.text for p in paragraphs(built)]
    assert "一、总体情况" in texts
    assert "二、主动公开政府信息情况" in texts
    assert "三、收到和处理政府信息公开申请情况" in texts
    # level 2 counts under its chapter and restarts under the next one
    assert (
        texts.index("（一）主动公开。")
        < texts.index("（二）依申请公开。")
        < texts.index("二、主动公开政府信息情况")
    )
    assert texts.index("（一）规章。") > texts.index("二、主动公开政府信息情况")
    assert "附：说明" in texts  # a bold heading without numbering gets no number
    rendered = render(built).text
    assert "\n一、总体情况\n" in rendered and "\n三、收到和处理政府信息公开申请情况\n" in rendered


def test_heading_hints(built):
    by_text = {p.text: p for p in paragraphs(built)}
    assert by_text[TITLE].heading == 1
    assert by_text["一、总体情况"].heading == 2
    assert by_text["附：说明"].heading == 2
    assert by_text["本报告由示例县农业农村局编制。"].heading is None


def test_paragraph_origins_count_every_body_paragraph(built):
    by_text = {p.text: p.origin for p in paragraphs(built)}
    assert by_text[TITLE].paragraph == 1
    assert by_text["一、总体情况"].paragraph == 3
    assert by_text["二、主动公开政府信息情况"].paragraph == 7  # the empty paragraph 6 counts
    assert by_text["三、收到和处理政府信息公开申请情况"].paragraph == 11
    assert all(o.table is None for o in by_text.values())


def test_merged_cells_are_spans_and_expand_to_their_slots(built):
    [grid] = grids(built)
    assert grid.origin.table == 1
    first = grid.rows[0]
    assert len(first) == 1 and first[0].colspan == 4 and first[0].text == "申请情况"
    label = grid.rows[1][0]
    assert label.text == "自然人" and label.rowspan == 2
    assert len(grid.rows[2]) == 3  # the continued cell is left out of its row
    matrix = expand(grid)
    assert [len(row) for row in matrix] == [4, 4, 4, 4]
    assert matrix[0][1:] == [None, None, None]
    assert matrix[2][0] is None
    assert [c.text for c in matrix[2][1:]] == ["3", "0", "3"]
    assert [c.origin.cell for c in matrix[2][1:]] == [2, 3, 4]
    assert {(c.origin.table, c.origin.row, c.origin.cell) for c in grid.rows[3]} == {
        (1, 4, 1),
        (1, 4, 2),
        (1, 4, 3),
        (1, 4, 4),
    }
    lines = render(built).text.splitlines()
    assert "申请情况\t\t\t" in lines
    assert "自然人\t商业企业\t科研机构\t总计" in lines
    assert "\t3\t0\t3" in lines
    assert "合计\t4\t1\t5" in lines


def test_footer_is_not_read(built):
    text = render(built).text
    assert "页脚" not in text and "第7页" not in text


def test_fields_show_their_result_not_their_code(built):
    text = render(built).text
    assert "本年度报告发布日期：2024年1月20日" in text
    assert "DATE" not in text and "yyyy" not in text


def test_page_breaks(built):
    kinds = [type(b).__name__ for b in built.blocks]
    assert kinds[0] != "PageBreak" and kinds[-1] != "PageBreak"
    texts = [b.text if isinstance(b, Paragraph) else type(b).__name__ for b in built.blocks]
    # the explicit break paragraph sits between the field paragraph and chapter three
    i = texts.index("三、收到和处理政府信息公开申请情况")
    assert texts[i - 1] == "PageBreak"
    # a break inside a paragraph keeps the paragraph whole and follows it
    j = texts.index("下一步将加强培训，完善工作机制。")
    assert texts[j + 1] == "PageBreak"
    assert sum(isinstance(b, PageBreak) for b in built.blocks) == 2
    assert built.pages is None  # python-docx's template says 1 page with 0 characters: not real


def test_numbering_through_a_paragraph_style(tmp_path):
    document = docx.Document()
    num_id = add_chinese_numbering(document)
    style = document.styles.add_style("ReportChapter", 1)  # 1 = paragraph style
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NSDECL}><w:numId w:val="{num_id}"/></w:numPr>')
    )
    for text in ("总体情况", "其他需要报告的事项"):
        document.add_paragraph(text, style="ReportChapter")
    path = tmp_path / "style.docx"
    document.save(str(path))
    doc = word.read(path.read_bytes())
    assert [p.text for p in paragraphs(doc)] == ["一、总体情况", "二、其他需要报告的事项"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCounting", "一百零五"),
        (12, "chineseCountingThousand", "十二"),
        (3, "ideographTraditional", "丙"),
        (11, "japaneseCounting", "十一"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "upperLetter", "B"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (12, "decimalFullWidth", "１２"),
        (10, "ideographDigital", "一〇"),
        (7, "decimal", "7"),
        (4, "somethingNew", "4"),
    ],
)
def test_number_formats(n, fmt, expected):
    assert word.format_number(n, fmt) == expected


def test_a_huge_list_start_is_drawn_in_digits_not_built_letter_by_letter():
    # upperLetter draws n as ⌈n / 26⌉ letters: a start of 10**10 was a 385-million-letter label
    assert word.format_number(word.MAX_LETTERS_NUMBER, "upperLetter") == "Z" * 30
    assert word.format_number(10**10, "upperLetter") == "10000000000"
    assert word.format_number(10**9 + 1, "lowerLetter") == "1000000001"


def test_running_out_of_memory_is_not_called_damage(tmp_path, monkeypatch):
    data = build(tmp_path)

    def exhausted(data):
        raise MemoryError

    monkeypatch.setattr(word, "_read", exhausted)
    problem = only_problem(word.read(data))
    assert "out of memory" in problem.message_en and "damaged" not in problem.message_en


def test_number_text_with_two_levels(tmp_path):
    document = docx.Document()
    num_id = add_chinese_numbering(document)
    for text, level in (("甲", 0), ("乙", 1), ("丙", 2), ("丁", 2), ("戊", 1), ("己", 2)):
        number(document.add_paragraph(text), num_id, level)
    path = tmp_path / "levels.docx"
    document.save(str(path))
    texts = [p.text for p in paragraphs(word.read(path.read_bytes()))]
    # level 3's text is "%2.%3" with level 2 in Chinese counting
    assert texts == ["一、甲", "（一）乙", "一.1丙", "一.2丁", "（二）戊", "二.1己"]


def test_nested_table_text_is_flattened_into_its_cell(tmp_path):
    document = docx.Document()
    document.add_paragraph("正文。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "行政许可"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "12"
    inner.cell(0, 1).text = "件"
    path = tmp_path / "nested.docx"
    document.save(str(path))
    doc = word.read(path.read_bytes())
    [grid] = grids(doc)
    assert len(grid.rows) == 2 and len(grid.rows[1]) == 2
    assert "12 件" in grid.rows[1][1].text


def test_text_boxes_hidden_and_deleted_text_and_sections(tmp_path):
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    p = document.add_paragraph("正文一。")
    vml = "urn:schemas-microsoft-com:vml"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent>"
    p._p.append(
        parse_xml(
            f'<w:r {NSDECL} xmlns:v="{vml}"><w:pict><v:shape><v:textbox>{box.format("文本框甲")}'
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:r {NSDECL} xmlns:v="{vml}" xmlns:mc="{mc}"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><w:x>{box.format("文本框乙")}</w:x></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box.format('文本框乙')}</v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    p = document.add_paragraph("可见")
    p._p.append(parse_xml(f"<w:r {NSDECL}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"))
    p._p.append(
        parse_xml(f'<w:del {NSDECL} w:id="1" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>')
    )
    p._p.append(parse_xml(f'<w:ins {NSDECL} w:id="2" w:author="x"><w:r><w:t>插入</w:t></w:r></w:ins>'))
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("新一节。")
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    doc = word.read(path.read_bytes())
    texts = [b.text if isinstance(b, Paragraph) else type(b).__name__ for b in doc.blocks]
    assert texts == ["正文一。", "文本框甲", "文本框乙", "可见插入", "PageBreak", "新一节。"]
    assert doc.blocks[1].origin.paragraph == 1


# -- bad input never raises ---------------------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def only_problem(doc):
    assert doc.form == "docx" and doc.blocks == ()
    assert len(doc.problems) == 1 and doc.problems[0].fatal
    problem = doc.problems[0]
    assert re.search(r"[\u4e00-\u9fff]", problem.message_zh) and problem.message_en
    return problem


def test_zip_without_document_part():
    problem = only_problem(word.read(zip_of({"readme.txt": b"hello"})))
    assert "word/document.xml" in problem.message_zh and "word/document.xml" in problem.message_en
    assert ".docx" in problem.message_zh


def test_random_bytes_in_a_zip():
    import random

    noise = bytes(random.Random(7).randrange(256) for _ in range(4000))
    only_problem(word.read(zip_of({"word/document.xml": noise})))
    only_problem(word.read(zip_of({"[Content_Types].xml": noise, "word/document.xml": b"<w:document"})))


def test_not_a_zip_at_all():
    only_problem(word.read(b"PK\x03\x04 this is not really a zip"))
    only_problem(word.read(b""))


def test_empty_body(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    problem = only_problem(word.read(path.read_bytes()))
    assert "没有" in problem.message_zh and "no readable text" in problem.message_en
    body_less = zip_of({"word/document.xml": f"<w:document {NSDECL}/>".encode()})
    only_problem(word.read(body_less))


def test_damaged_numbering_is_a_warning_not_a_failure(tmp_path):
    data = build(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {name: z.read(name) for name in z.namelist()}
    files["word/numbering.xml"] = b"<w:numbering oops"
    doc = word.read(zip_of(files))
    assert paragraphs(doc) and any("总体情况" in p.text for p in paragraphs(doc))
    assert len(doc.problems) == 1 and not doc.problems[0].fatal


def test_oversized_part_is_refused(tmp_path, monkeypatch):
    data = build(tmp_path)
    monkeypatch.setattr(word, "MAX_PART_BYTES", 1000)
    problem = only_problem(word.read(data))
    assert "过大" in problem.message_zh


def test_a_document_unpacking_far_beyond_a_report_is_refused_from_its_declared_size(monkeypatch):
    # 25 MB of XML (a report's is well under 1 MB) in a 25 KB file: refused before it is unpacked
    body = f"<w:document {NSDECL}><w:body><w:p><w:r><w:t>示例县</w:t></w:r></w:p>".encode()
    body += b" " * (25 * 1024 * 1024) + b"</w:body></w:document>"
    data = zip_of({"word/document.xml": body})
    assert len(data) < 100_000
    unpacked = []
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, name, pwd=None: unpacked.append(name))
    problem = only_problem(word.read(data))
    assert "too large when unpacked" in problem.message_en and "过大" in problem.message_zh
    assert unpacked == []


def test_the_parts_read_are_limited_together(tmp_path, monkeypatch):
    data = build(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        largest = max(info.file_size for info in z.infolist())
        document = z.getinfo("word/document.xml").file_size
    monkeypatch.setattr(word, "MAX_PART_BYTES", largest)
    assert word.read(data).blocks  # each part is within the limit
    monkeypatch.setattr(word, "MAX_PARTS_BYTES", document + 1)  # the styles' part is one too many
    assert "too large when unpacked" in only_problem(word.read(data)).message_en


def test_encrypted_member(tmp_path):
    body = f"<w:document {NSDECL}><w:body/></w:document>".encode()
    data = bytearray(zip_of({"word/document.xml": body}))
    # set the "encrypted" flag bit in both the local header and the central directory entry
    local = data.index(b"PK\x03\x04")
    data[local + 6] |= 1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1
    problem = only_problem(word.read(bytes(data)))
    assert "加密" in problem.message_zh


def test_importing_the_reader_does_not_import_lxml_or_docx():
    code = "import sys, gxlint.read.word; print('lxml' in sys.modules, 'docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# -- the two fictional reports in ../shared -----------------------------------------------------


def test_shared_docx_forms_give_every_table_value():
    folder = SHARED_FORMS / "docx"
    if not (folder / "values.json").exists():
        pytest.skip(f"the shared report forms are not available: {folder} does not exist")
    expected = json.loads((folder / "values.json").read_text(encoding="utf-8"))
    assert expected
    for name, exp in expected.items():
        doc = word.read((folder / name).read_bytes(), str(folder / name))
        assert doc.problems == (), name
        text = render(doc).text
        assert "一、总体情况" in text.splitlines(), name
        assert "二、主动公开政府信息情况" in text.splitlines(), name
        total, misses = misses_in_text(text, exp)
        assert total > 100, name
        assert misses == [], (name, misses[:5])


def test_a_damaged_document_is_said_to_be_damaged_in_chinese_and_why_in_english():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", "<w:document><w:body>")  # an undefined prefix, not closed
    doc = word.read(buffer.getvalue())
    [problem] = doc.problems
    assert problem.fatal
    assert problem.message_zh == "Word 文档已损坏，无法读取；请用 Word 打开后另存为 .docx 或 .txt 再检查"
    assert "XMLSyntaxError" in problem.message_en


def test_a_numbered_paragraph_deleted_or_hidden_with_its_mark_is_not_shown_nor_counted(tmp_path):
    for how in ("deleted", "hidden"):
        document = docx.Document()
        num_id = add_chinese_numbering(document)
        heading(document, CHAPTERS[0], num_id)
        document.add_paragraph("本年度工作正常开展。")
        gone = document.add_paragraph()
        number(gone, num_id)
        if how == "deleted":  # Track Changes: the text and the paragraph mark deleted
            gone._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:rPr {NSDECL}><w:del w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
                )
            )
            gone._p.append(
                parse_xml(
                    f'<w:del {NSDECL} w:id="6" w:author="x"><w:r><w:delText>删去的一段</w:delText></w:r></w:del>'
                )
            )
        else:
            gone._p.get_or_add_pPr().append(parse_xml(f"<w:rPr {NSDECL}><w:vanish/></w:rPr>"))
            gone._p.append(parse_xml(f"<w:r {NSDECL}><w:rPr><w:vanish/></w:rPr><w:t>隐藏的一段</w:t></w:r>"))
        heading(document, CHAPTERS[1], num_id)
        texts = paragraph_texts(document, tmp_path / f"{how}.docx")
        assert texts == ["一、总体情况", "本年度工作正常开展。", "二、主动公开政府信息情况"], how


def test_text_hidden_by_its_style_is_not_read(tmp_path):
    document = docx.Document()
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>"
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style>"
        )
    )
    p = document.add_paragraph("可见。")
    p._p.append(
        parse_xml(f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>藏在样式里</w:t></w:r>')
    )
    p._p.append(
        parse_xml(
            f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="Secret"/><w:vanish w:val="0"/></w:rPr><w:t>又显示</w:t></w:r>'
        )
    )
    note = document.add_paragraph("整段隐藏。")
    note._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="Note"/>'))
    shown = document.add_paragraph()
    shown._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="Note"/>'))
    shown._p.append(
        parse_xml(
            f'<w:r {NSDECL}><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>样式隐藏但本段显示</w:t></w:r>'
        )
    )
    texts = paragraph_texts(document, tmp_path / "styles.docx")
    assert texts == ["可见。又显示", "样式隐藏但本段显示"]


def test_a_picture_on_a_paragraph_of_its_own_is_a_paragraph_that_says_so(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    document.add_picture(io.BytesIO(png))  # the table pasted as a picture
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    texts = paragraph_texts(document, tmp_path / "picture.docx")
    assert texts == ["三、收到和处理政府信息公开申请情况", "[图片]", "四、政府信息公开行政复议、行政诉讼情况"]


def test_a_one_column_table_framing_each_chapter_is_unwrapped_row_by_row(tmp_path):
    document = docx.Document()
    frame = document.add_table(rows=3, cols=1)
    first = frame.cell(0, 0)
    first.paragraphs[0].text = TITLE
    first.add_paragraph("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
    second = frame.cell(1, 0)
    second.paragraphs[0].text = "三、" + CHAPTERS[2]
    inner = second.add_table(rows=2, cols=3)
    for c, text in enumerate(["信息内容", "本年制发件数", "本年废止件数"]):
        inner.cell(0, c).text = text
    for c, text in enumerate(["规章", "1", "0"]):
        inner.cell(1, c).text = text
    last = frame.cell(2, 0)
    last.paragraphs[0].text = "示例县农业农村局"
    last.add_paragraph("2024年1月20日")
    path = tmp_path / "frame.docx"
    document.save(str(path))
    blocks = word.read(path.read_bytes()).blocks
    kinds = [b.text if isinstance(b, Paragraph) else type(b).__name__ for b in blocks]
    assert kinds == [
        TITLE,
        "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "三、" + CHAPTERS[2],
        "Grid",
        "示例县农业农村局",
        "2024年1月20日",
    ]
    assert blocks[2].origin.row == 2 and blocks[5].origin.row == 3
    # each paragraph is also placed among its cell's, counted as Word counts the body's
    assert [(b.origin.row, b.origin.paragraph) for b in blocks if isinstance(b, Paragraph)] == [
        (1, 1),
        (1, 2),
        (2, 1),
        (3, 1),
        (3, 2),
    ]


def test_a_paragraph_after_a_frame_inside_a_frame_goes_on_counting_the_outer_cell(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.paragraphs[0].text = TITLE
    inner = outer.add_table(rows=1, cols=1).cell(0, 0)
    inner.paragraphs[0].text = "一、" + CHAPTERS[0]
    for text in ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理"):
        inner.add_paragraph(text)
    outer.add_paragraph("二、" + CHAPTERS[1])
    path = tmp_path / "frames.docx"
    document.save(str(path))
    blocks = word.read(path.read_bytes()).blocks
    places = [(b.origin.table, b.origin.paragraph) for b in blocks if isinstance(b, Paragraph)]
    # (python-docx leaves an empty paragraph after a table in a cell, which Word counts)
    assert places == [(1, 1), (2, 1), (2, 2), (2, 3), (2, 4), (1, 3)]


def test_a_line_break_inside_a_heading_leaves_one_heading(tmp_path):
    document = docx.Document()
    num_id = add_chinese_numbering(document)
    heading(document, CHAPTERS[0], num_id)
    p = heading(document, "收到和处理政府信息", num_id)
    p.runs[0].add_break()  # Shift+Enter, to balance a long centred heading
    p.add_run("公开申请情况").bold = True
    body = document.add_paragraph("第一行")
    body.runs[0].add_break()
    body.add_run("第二行")
    texts = paragraph_texts(document, tmp_path / "br.docx")
    assert texts == ["一、总体情况", "二、收到和处理政府信息公开申请情况", "第一行\n第二行"]


def test_a_field_after_a_line_break_under_the_title_is_a_line_of_its_own(tmp_path):
    document = docx.Document()
    title = document.add_paragraph()
    title.add_run("示例县自然资源局2019年政府信息公开工作年度报告").bold = True
    title.runs[0].add_break()  # Shift+Enter, then the publication date under the title
    title.add_run("发布日期：2020-02-12").bold = True
    texts = paragraph_texts(document, tmp_path / "title.docx")
    assert texts == ["示例县自然资源局2019年政府信息公开工作年度报告\n发布日期：2020-02-12"]


def test_positions_count_what_word_shows_not_what_track_changes_deleted(tmp_path):
    document = docx.Document()
    document.add_paragraph("第一段。")
    gone = document.add_paragraph()
    gone._p.get_or_add_pPr().append(
        parse_xml(f'<w:rPr {NSDECL}><w:del w:id="7" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>')
    )
    gone._p.append(
        parse_xml(
            f'<w:del {NSDECL} w:id="8" w:author="x"><w:r><w:delText>删去的一段。</w:delText></w:r></w:del>'
        )
    )
    document.add_paragraph("第二段。")
    table = document.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("规章", "1"), ("删去的行", "9"), ("行政规范性文件", "2")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    table.rows[1]._tr.get_or_add_trPr().append(
        parse_xml(f'<w:del {NSDECL} w:id="9" w:author="x" w:date="2024-01-01T00:00:00Z"/>')
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    blocks = word.read(path.read_bytes()).blocks
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.origin.paragraph) for p in paragraphs] == [("第一段。", 1), ("第二段。", 2)]
    [grid] = [b for b in blocks if isinstance(b, Grid)]
    assert [(row[0].text, row[0].origin.row) for row in grid.rows] == [("规章", 1), ("行政规范性文件", 2)]


def test_the_number_automatic_numbering_draws_is_known_to_the_source(built):
    """A paragraph numbered by a Word list says how much of its text is the drawn number, and the
    rendering's Source says it of that line (GX103 asks it for a heading's fix); typed text says 0."""
    from gxlint.read.source import from_document

    by_text = {p.text: p for p in paragraphs(built)}
    assert by_text["一、总体情况"].drawn == 2
    assert by_text["（一）主动公开。"].drawn == 3
    assert by_text[TITLE].drawn == by_text["附：说明"].drawn == 0
    source = from_document(built)
    lines = source.text.split("\n")
    assert source.drawn(lines.index("二、主动公开政府信息情况") + 1) == 2
    assert source.drawn(lines.index(TITLE) + 1) == 0
    assert source.drawn(0) == source.drawn(len(lines) + 5) == 0


@pytest.mark.parametrize("auto_numbering", [True, False])
def test_a_retitled_heading_numbered_by_word_is_fixed_by_its_words_alone(tmp_path, auto_numbering):
    """GX103's fix for a heading whose number Word draws gives the title's words only: typing the
    whole template heading there would show the number twice.  A typed number is typed again."""
    import formsgen
    from conftest import EXAMPLE

    from gxlint.run.api import lint_paths

    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "五、存在的主要问题及改进情况", "五、存在的问题和下一步打算"
    )
    path = tmp_path / "report.docx"
    path.write_bytes(formsgen.to_docx(text, auto_numbering=auto_numbering))
    [found] = [f for f in lint_paths([path], config={"lang": "zh"}) if f.code == "GX103"]
    if auto_numbering:
        assert found.fix == "把标题文字改为“存在的主要问题及改进情况”（序号“五、”由自动编号生成，不要输入）"
    else:
        assert found.fix == "改为“五、存在的主要问题及改进情况”"


def test_a_document_of_more_table_cells_than_any_report_is_read_up_to_a_limit(monkeypatch):
    # a table of 100,000 rows took half a minute; a web page's cells were already limited
    from formsgen import to_docx

    from conftest import EXAMPLE

    data = to_docx(EXAMPLE.read_text(encoding="utf-8"))
    whole = word.read(data)
    assert not whole.problems
    monkeypatch.setattr(word, "MAX_CELLS", 40)
    cut = word.read(data)
    assert [(p.fatal, "too many table cells" in p.message_en) for p in cut.problems] == [(False, True)]
    assert len(render(cut).text) < len(render(whole).text)


def test_a_table_of_contents_is_no_text_of_the_report(tmp_path):
    # Word's 目录: entries in the TOC 1 style, or in a content control of the Table of Contents
    # gallery; read as text they were six more chapter headings (a false GX102 "六 is followed by 一")
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("目录")
    for i, title in enumerate(CHAPTERS):
        p = document.add_paragraph(f"{'一二三'[i]}、{title}\t{i + 1}")
        p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="TOC1"/>'))
    sdt = parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
        f"<w:p><w:r><w:t>一、{CHAPTERS[0]}……1</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body = document.add_paragraph(f"一、{CHAPTERS[0]}")
    body._p.addprevious(sdt)
    path = tmp_path / "toc.docx"
    document.save(str(path))
    doc = word.read(path.read_bytes())
    assert [p.text for p in paragraphs(doc)] == [TITLE, "目录", f"一、{CHAPTERS[0]}"]
    # the entries are counted as Word counts paragraphs: the heading after them is paragraph 7
    assert paragraphs(doc)[-1].origin.paragraph == 7
