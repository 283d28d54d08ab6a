"""gxlint.read.textforms: tables written as bare pipes, one cell per line or space-aligned columns
are rewritten as tab rows, line for line, and then read like the tab form.

The report is a fictional 2021-format report of 示例县市场监督管理局.  Its tables are written here
once (``AD``, ``APP``, ``RL``) and rendered in each text shape; the aligned-columns form, whose
geometry is the point, is a fixture file (tests/fixtures/forms/shiyi-2021-layout.txt).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tablevalues

from gxlint.model import APPLICATIONS
from gxlint.run.api import parse_text
from gxlint.run.linter import Linter
from gxlint.read.build import build_report
from gxlint.read.source import Source, from_bytes, normalize_newlines
from gxlint.read.textforms import _is_number as textforms_number, normalize
from gxlint.read.templates import builtin
from gxlint.lint.analyses.chapters import numbered

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FORMS = FIXTURES / "forms"
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"

# -- the report's tables --------------------------------------------------------------------------

AD = [  # caption, columns, rows
    (
        "第二十条第（一）项",
        ["本年制发件数", "本年废止件数", "现行有效件数"],
        [("规章", ["1", "0", "5"]), ("行政规范性文件", ["3", "1", "12"])],
    ),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["120"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["35"]), ("行政强制", ["4"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["2.5"])]),
]
APP_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APP_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
Z = [0] * 7
# (outer, group, leaf, values): None = merged into the slot before, "" = written once above
APP = [
    ("一、本年新收政府信息公开申请数量", None, None, [10, 2, 0, 1, 0, 0, 13]),
    ("二、上年结转政府信息公开申请数量", None, None, [1, 0, 0, 0, 0, 0, 1]),
    ("三、本年度办理结果", "（一）予以公开", None, [4, 1, 0, 0, 0, 0, 5]),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, [1, 0, 0, 0, 0, 0, 1]),
    ("", "（三）不予公开", "1.属于国家秘密", Z),
    ("", "", "2.其他法律行政法规禁止公开", Z),
    ("", "", "3.危及“三安全一稳定”", Z),
    ("", "", "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    ("", "", "5.属于三类内部事务信息", Z),
    ("", "", "6.属于四类过程性信息", Z),
    ("", "", "7.属于行政执法案卷", Z),
    ("", "", "8.属于行政查询事项", Z),
    ("", "（四）无法提供", "1.本机关不掌握相关政府信息", [2, 1, 0, 0, 0, 0, 3]),
    ("", "", "2.没有现成信息需要另行制作", Z),
    ("", "", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0, 1]),
    ("", "（五）不予处理", "1.信访举报投诉类申请", Z),
    ("", "", "2.重复申请", [1, 0, 0, 0, 0, 0, 1]),
    ("", "", "3.要求提供公开出版物", Z),
    ("", "", "4.无正当理由大量反复申请", Z),
    ("", "", "5.要求行政机关确认或重新出具已获取信息", Z),
    ("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Z),
    ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Z),
    ("", "", "3.其他", Z),
    ("", "（七）总计", None, [10, 2, 0, 0, 0, 0, 12]),
    ("四、结转下年度继续办理", None, None, [1, 0, 0, 1, 0, 0, 2]),
]
RL_BLOCKS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
RL_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
RL = [[1, 0, 0, 0, 1], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]]
#: the cell written blank in the forms that have one (row label, column)
BLANK_CELL = ("2.没有现成信息需要另行制作", "科研机构")


def expected(blank: bool = False) -> dict:
    """{kind: {row: {column: value}}} as ``gxlint parse --format json`` keys them."""
    ad = {
        row: dict(zip(cols, (float(x) if "." in x else int(x) for x in vals)))
        for _, cols, rows in AD
        for row, vals in rows
    }
    app = {}
    for outer, group, leaf, vals in APP:
        label = leaf or group or outer
        app[label] = dict(zip(APP_COLUMNS, vals))
    if blank:
        app[BLANK_CELL[0]][BLANK_CELL[1]] = None
    rl = {b: dict(zip(RL_COLUMNS, vals)) for b, vals in zip(RL_BLOCKS, RL)}
    return {"active_disclosure": ad, "applications": app, "review_litigation": rl}


def _app_labels(outer, group, leaf) -> list[str | None]:
    """The three label slots of a row: None where a merged cell spans it."""
    slots = [outer, group, leaf]
    return [s for s in slots if s is not None] + [None] * slots.count(None)


# -- the report around its tables -----------------------------------------------------------------

TITLE = "示例县市场监督管理局2021年政府信息公开工作年度报告"
INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
    "如对本报告有疑问，请与示例县市场监督管理局办公室联系（地址：示例县人民路1号，邮编：999999，电话：0000-1234567）。"
)
CH1 = ["一、总体情况", "2021年，示例县市场监督管理局认真贯彻落实政府信息公开条例，主动公开各类信息236条。"]
TAIL = [
    "五、存在的主要问题及改进情况",
    "政策解读的形式还不够丰富。下一步将加强培训，提高信息公开质量。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
    "示例县市场监督管理局",
    "2022年1月20日",
]


def report(ad: list[str], app: list[str], rl: list[str], head: list[str] = (), foot: list[str] = ()) -> str:
    lines = [
        *head,
        TITLE,
        INTRO,
        *CH1,
        "二、主动公开政府信息情况",
        *ad,
        "三、收到和处理政府信息公开申请情况",
        *app,
        "四、政府信息公开行政复议、行政诉讼情况",
        *rl,
        *TAIL,
        *foot,
    ]
    return "\n".join(lines) + "\n"


# -- the shapes -----------------------------------------------------------------------------------


def tabs() -> str:
    """The form the grammar reads: the reference."""
    ad = []
    for caption, cols, rows in AD:
        ad.append(caption + "\t" * len(cols))
        ad.append("\t".join(["信息内容", *cols]))
        ad.extend("\t".join([row, *vals]) for row, vals in rows)
    app = [
        APP_NOTE + "\t\t\t申请人情况" + "\t" * 6,
        "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    for outer, group, leaf, vals in APP:
        app.append("\t".join([s or "" for s in _app_labels(outer, group, leaf)] + [str(v) for v in vals]))
    rl = [
        "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
        "\t".join(
            ["结果维持", *RL_COLUMNS[1:], "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]
        ),
        "\t".join([""] * 5 + RL_COLUMNS * 2),
        "\t".join(str(v) for b in RL for v in b),
    ]
    return report(ad, app, rl)


def pipes() -> str:
    """Bare pipes: no leading pipe, ``|||`` for spanned slots, every other row without its
    trailing pipe, web-page chrome with pipes around."""
    n = 0

    def row(cells: list[str | None]) -> str:
        nonlocal n
        n += 1
        out = ""
        for c in cells:
            out += "|" if c is None else ("" if not out else " ") + c + " |"
        return out if n % 2 else out.rstrip("|").rstrip()

    ad = []
    for caption, cols, rows in AD:
        ad.append(caption + " " + "|" * 4)
        ad.append(row(["信息内容", *cols, *[None] * (3 - len(cols))]))
        ad.extend(row([r, *vals, *[None] * (3 - len(vals))]) for r, vals in rows)
    app = [
        APP_NOTE + " ||| 申请人情况 " + "|" * 7,
        row(["自然人", "法人或其他组织", None, None, None, None, "总计"]),
        row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]),
    ]
    for outer, group, leaf, vals in APP:
        labels = _app_labels(outer, group, leaf)
        app.append(
            row(
                [s for s in labels if s]
                + [None] * sum(1 for s in labels if s is None)
                + [str(v) for v in vals]
            )
        )
    rl = [
        row(["行政复议", None, None, None, None, "行政诉讼", *[None] * 9]),
        row(
            [
                "结 果 维 持",
                *RL_COLUMNS[1:],
                "未经复议直接起诉",
                None,
                None,
                None,
                None,
                "复议后起诉",
                *[None] * 4,
            ]
        ),
        row([*RL_COLUMNS, *RL_COLUMNS, *RL_COLUMNS]),
        row([str(v) for b in RL for v in b]),
    ]
    head = ["网站首页 | 政务公开 | 互动交流", "当前位置：首页 > 政务公开 > 年度报告"]
    foot = [
        "【打印本页】【关闭窗口】",
        "主办单位：示例县人民政府办公室 | 网站地图",
        "网站标识码：0000000000 | 联系我们",
    ]
    return report(ad, app, rl, head, foot)


def cell_lines(blank_after: bool, blank_cell: bool) -> str:
    """One cell per line; with ``blank_after`` a blank line after every cell (an empty cell is then
    one empty line of its own); with ``blank_cell`` one applicant cell left empty."""

    def lines(cells: list[str]) -> list[str]:
        out = []
        for c in cells:
            out.extend([c, ""] if blank_after and c else [c])
        return out

    ad = []
    for caption, cols, rows in AD:
        ad += lines([caption, "信息内容", *cols, *[x for r, vals in rows for x in (r, *vals)]])
    app_cells = [
        APP_NOTE,
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    for outer, group, leaf, vals in APP:
        values = [str(v) for v in vals]
        if blank_cell and leaf == BLANK_CELL[0]:
            values[APP_COLUMNS.index(BLANK_CELL[1])] = ""
        app_cells += [s for s in (outer, group, leaf) if s] + values
    rl_cells = [
        "行政复议",
        "行政诉讼",
        *RL_COLUMNS,
        "未经复议直接起诉",
        "复议后起诉",
        *RL_COLUMNS,
        *RL_COLUMNS,
        *[str(v) for b in RL for v in b],
    ]
    return report(ad, lines(app_cells), lines(rl_cells))


def viewer() -> str:
    """Copied from a PDF viewer: cells one blank apart."""
    ad = []
    for caption, cols, rows in AD:
        ad += [caption, " ".join(["信息内容", *cols]), *(" ".join([r, *vals]) for r, vals in rows)]
    app = [
        APP_NOTE + " 申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    for outer, group, leaf, vals in APP:
        app.append(" ".join([s for s in (outer, group, leaf) if s] + [str(v) for v in vals]))
    rl = [
        "行政复议 行政诉讼",
        " ".join(RL_COLUMNS) + " 未经复议直接起诉 复议后起诉",
        " ".join(RL_COLUMNS * 2),
        " ".join(str(v) for b in RL for v in b),
    ]
    return report(ad, app, rl)


def layout() -> str:
    return (FORMS / "shiyi-2021-layout.txt").read_text(encoding="utf-8")


SHAPES = {
    "pipes": (pipes, False),
    "cells": (lambda: cell_lines(False, False), False),
    "cells-blank-cell": (lambda: cell_lines(False, True), True),
    "cells-blank-lines": (lambda: cell_lines(True, False), False),
    "cells-blank-lines-blank-cell": (lambda: cell_lines(True, True), True),
    "layout": (layout, False),
    "viewer": (viewer, False),
}


# -- comparing ------------------------------------------------------------------------------------


def misses(text: str, want: dict) -> list[tuple]:
    """Every expected table value that ``parse_text(text)`` does not read (kind, row, column,
    expected, got)."""
    return tablevalues.misses(tablevalues.tables_of(parse_text(text)), want)[1]


def misses_unrebuilt(text: str, want: dict) -> list[tuple]:
    """The same for ``text`` read as the grammar reads it, its tables not rebuilt: what a test of
    the rebuilding shows would be missed without it."""
    report_ = build_report(Source(text))
    return tablevalues.misses(tablevalues.tables_of(report_), want)[1]


# -- the shapes are read ----------------------------------------------------------------------------


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_cell_is_placed_where_the_file_has_it(shape):
    # the rows are rewritten, but a cell's place is the file's own line and column
    text = normalize_newlines(SHAPES[shape][0]())  # a form feed is a space, as in the source
    source = from_bytes(text.encode("utf-8"), "r.txt")
    assert source.original == text and source.text != text
    lines = text.split("\n")
    placed = 0
    for table in build_report(source).tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.status == "number":
                    line, column = source.origin(cell.span.line, cell.span.column)
                    assert lines[line - 1][column - 1 :].startswith(cell.text), (
                        row.key,
                        cell.column,
                        line,
                        column,
                    )
                    placed += 1
    assert placed > 100


@pytest.mark.parametrize("shape", ["pipes", "cells-blank-lines", "layout"])
def test_a_finding_on_a_rewritten_row_points_at_the_cell_in_the_file(shape):
    lines = normalize_newlines(SHAPES[shape][0]()).split("\n")
    # one more application received by 自然人 than row 一's 总计 and the column say: GX202 puts its
    # finding on that one wrong cell of row 一
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("一、本年新收"))
    at = next(i for i in range(number, len(lines)) if re.search(r"(?<![\d.])10(?![\d.])", lines[i]))
    lines[at] = re.sub(r"(?<![\d.])10(?![\d.])", "11", lines[at], count=1)
    findings = [
        f
        for f in Linter(isolated=True).lint_source(
            from_bytes("\n".join(lines).encode("utf-8"), "r.txt"), Linter(isolated=True).settings("r.txt")
        )
        if f.code in ("GX201", "GX202")
    ]
    # reported at the 11 written in row 一: in the file, not in the rewritten row
    [found] = findings
    assert found.code == "GX202"
    assert found.line == at + 1, (found.line, at + 1)
    assert lines[found.line - 1][found.column - 1 : found.end_column - 1] == "11", (found.line, found.column)


def test_the_tab_form_is_read_and_left_alone():
    text = tabs()
    assert misses(text, expected()) == []
    assert normalize(text) is text


def test_header_rows_typed_with_blanks_in_a_tab_table_are_made_tab_rows():
    # a header row of a tab table typed with blanks cut the table in two at its header: a false
    # "header but no data row" (GX209) on each of the three tables
    spaced = {
        "信息内容\t本年处理决定数量": "信息内容 本年处理决定数量",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况": (
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况"
        ),
    }
    text = tabs()
    for old, new in spaced.items():
        assert old in text
        text = text.replace(old, new)
    lines = text.split("\n")
    review = next(i for i, line in enumerate(lines) if line.lstrip("\t").startswith("结果维持"))
    lines[review] = "\u3000".join(lines[review].split())
    text = "\n".join(lines)
    assert misses(text, expected()) == []
    assert not [f for f in Linter(isolated=True).lint_text(text) if f.code == "GX209"]
    rewritten = normalize(text).split("\n")
    assert rewritten[review] == "\t".join(lines[review].split("\u3000")) and len(rewritten) == len(lines)


def test_a_line_of_words_next_to_a_tab_table_is_left_as_written():
    text = tabs()
    at = text.index("信息内容\t本年处理决定数量")
    sentence = "本局 行政许可 信息 均已公开\n"  # words with blanks, not header labels
    assert normalize(text[:at] + sentence + text[at:]) == text[:at] + sentence + text[at:]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_value_is_read_after_normalize(shape):
    make, blank = SHAPES[shape]
    text = make()
    assert misses_unrebuilt(text, expected(blank)), "read without normalize: the test would prove nothing"
    out = normalize(text)
    assert out.count("\n") == text.count("\n")
    assert misses(out, expected(blank)) == []


@pytest.mark.parametrize("shape", list(SHAPES))
def test_chapters_and_no_reading_problems(shape):
    report_ = parse_text(normalize(SHAPES[shape][0]()))
    # 四、结转下年度继续办理 and 一、本年新收… are table rows, not chapters
    assert [c.numeral for c in report_.chapters] == list("一二三四五六")
    assert [t.kind for t in report_.tables] == ["active_disclosure", "applications", "review_litigation"]
    problems = [
        (n.kind, n.en) for t in report_.tables for n in t.notes if n.kind in ("unknown-row", "unreadable")
    ]
    assert problems == []


#: the 2021 format's six chapter headings, as the template writes them
CHAPTER_HEADINGS = tuple(numbered(spec) for spec in builtin().get("2021").chapters)


@pytest.mark.parametrize("mark", ["## {}", "**{}**"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_marked_up_heading_right_after_a_table_ends_it(shape, mark):
    make, blank = SHAPES[shape]
    lines = make().split("\n")
    marked = [mark.format(line.strip()) if line.strip() in CHAPTER_HEADINGS else line for line in lines]
    assert sum(a != b for a, b in zip(lines, marked)) == 6
    text = normalize("\n".join(marked))
    report_ = parse_text(text)
    assert [c.numeral for c in report_.chapters] == list("一二三四五六"), shape
    assert misses(text, expected(blank)) == []


def _review_lines(text: str) -> tuple[int, int]:
    """Where the review/litigation table's four lines start and end in ``text``'s lines."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("行政复议\t"))
    return start, start + 4


@pytest.mark.parametrize("blank", [" ", "\u3000"])
def test_a_review_table_with_its_cells_one_blank_apart_is_read(blank):
    # copied from a page whose table had no borders: the header words and the numbers one blank apart
    lines = tabs().split("\n")
    start, end = _review_lines(tabs())
    rows = [
        blank.join(["行政复议", "行政诉讼"]),
        blank.join(["未经复议直接起诉", "复议后起诉"]),
        blank.join(RL_COLUMNS * 3),
        blank.join(str(v) for b in RL for v in b),
    ]
    text = "\n".join(lines[:start] + rows + lines[end:])
    assert misses_unrebuilt(text, expected())
    assert misses(normalize(text), expected()) == []


def test_cells_parted_by_no_break_spaces_are_read():
    # a crawled page's &nbsp; between the cells, copied as text
    text = tabs().replace("\t", "\xa0 ")
    source = from_bytes(text.encode("utf-8"), "r.txt")
    assert misses(source.text, expected()) == []
    linter = Linter(isolated=True)
    assert [f for f in linter.lint_source(source, linter.settings("r.txt")) if f.severity == "error"] == []


def test_markdown_escapes_are_read_as_what_they_escape():
    # a page converted to Markdown (html2text, markdownify): ``1\.`` so that no line starts a list
    lines = []
    for line in tabs().split("\n"):
        if "\t" in line:
            fields = [re.sub(r"^(\d+)\.", r"\1\\.", f).replace("2.5", "2\\.5") for f in line.split("\t")]
            line = "| " + " | ".join(fields) + " |"
        lines.append(line)
    text = "\n".join(lines)
    assert "| 1\\.属于国家秘密 |" in text and "| 2\\.5 |" in text
    source = from_bytes(text.encode("utf-8"), "r.md")
    assert misses(source.text, expected()) == []
    linter = Linter(isolated=True)
    assert [f for f in linter.lint_source(source, linter.settings("r.md")) if f.severity == "error"] == []


def test_a_row_without_a_label_is_named_so_in_either_language():
    lines = tabs().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("二、上年结转"))
    lines.insert(at + 1, "\t\t\t1\t0\t0\t0\t0\t0\t1")
    found = Linter(isolated=True, overrides={"select": ["GX210"], "lang": "en"}).lint_text("\n".join(lines))
    assert any("“(no label)” is not a row" in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize(
    "row",
    [
        "行政许可\t120",
        "四、结转下年度继续办理\t\t\t1\t0\t0\t1\t0\t0\t2",
        "1\t0\t0\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0",
    ],
    ids=["one column", "applications row", "review row"],
)
def test_a_row_whose_digits_ran_into_its_label_is_split_where_one_split_fits(row):
    text = tabs()
    assert row in text
    glued = text.replace(row, row.replace("\t", ""))
    assert misses(glued, expected()) == []
    linter = Linter(isolated=True)
    assert [f.code for f in linter.lint_text(glued, "r.txt")] == [
        f.code for f in linter.lint_text(text, "r.txt")
    ]


def test_a_row_whose_digits_ran_into_its_label_and_split_several_ways_is_one_gx003():
    glued = tabs().replace("行政规范性文件\t3\t1\t12", "行政规范性文件3112")
    found = [f for f in Linter(isolated=True).lint_text(glued, "r.txt") if f.code != "GX303"]
    assert [(f.code, f.line) for f in found] == [("GX003", glued.split("\n").index("行政规范性文件3112") + 1)]
    assert "3112" in found[0].message


def _glue(text: str, label: str, pair: str) -> str:
    """``text`` with two cells of the row ``label`` run together (``2⇥0`` written ``20``)."""
    lines = text.split("\n")
    [at] = [i for i, line in enumerate(lines) if label in line and "\t" in line]
    assert pair in lines[at]
    lines[at] = lines[at].replace(pair, "\t" + pair.strip("\t").replace("\t", "") + "\t", 1)
    return "\n".join(lines)


def test_two_cells_run_together_are_split_where_one_split_makes_the_row_add_up():
    # （七）总计 10 2 0 0 0 0 12, written 10 20 0 0 0 12: only 2|0 gives a total of 12
    text = _glue(tabs(), "（七）总计", "\t2\t0\t")
    report_ = parse_text(text)
    assert misses(text, expected()) == []
    [row] = [r for r in report_.table(APPLICATIONS).rows if r.key == "（七）总计"]
    assert row.alignment == "split"


def test_two_cells_run_together_that_split_more_than_one_way_are_one_gx003():
    # 一 10 2 0 1 0 0 13, written 10 2 0 10 0 13: 1|0 of either 10 gives a total of 13
    text = _glue(tabs(), "一、本年新收", "\t1\t0\t")
    found = [f for f in Linter(isolated=True).lint_text(text, "r.txt") if f.code != "GX303"]
    assert [f.code for f in found] == ["GX003"], [f.message for f in found]
    assert "两个数连写在一起" in found[0].message


def test_a_row_whose_total_wrapped_onto_the_next_line_is_one_row():
    # 一、… 10 2 0 1 0 0 / 13: the line was wrapped before the total
    lines = tabs().split("\n")
    [at] = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")]
    label, *cells = [f for f in lines[at].split("\t") if f]
    lines[at : at + 1] = [" ".join([label, *cells[:-1]]), " " + cells[-1]]
    text = "\n".join(lines)
    assert misses_unrebuilt(text, expected())
    assert misses(normalize(text), expected()) == []
    linter = Linter(isolated=True, overrides={"select": ["GX2", "GX003"]})
    assert linter.lint_source(from_bytes(text.encode("utf-8"), "r.txt"), linter.settings("r.txt")) == []


@pytest.mark.parametrize("written", ["无", "l", "6O"])
def test_a_word_where_a_number_goes_in_space_aligned_columns_is_that_cell(written):
    # 4.保护第三方合法权益 1 0 0 …: the first 0 written as 无, l or 6O (a letter for a digit)
    lines = layout().split("\n")
    [at] = [i for i, line in enumerate(lines) if "4.保护第三方合法权益" in line]
    lines[at] = lines[at].replace("1     0", "1     " + written.ljust(1), 1)
    text = "\n".join(lines)
    found = [(m[1], m[2]) for m in misses(normalize(text), expected())]
    assert found == [("4.保护第三方合法权益", "商业企业")], found


@pytest.mark.parametrize(
    "row, written",
    [
        ("行政强制", "        行政强制                             4"),
        ("行政许可", "        行政许可                            120"),
    ],
)
def test_a_blank_one_cell_row_in_space_aligned_columns_is_that_row_blank(row, written):
    # 行政强制 with its number left out, below 行政处罚 35: before, the two labels were read as one
    # (行政处罚行政强制 = 35, 行政处罚 "missing"); 行政许可 alone in its item was no row at all
    text = layout().replace(written, "        " + row)
    assert text != layout()
    want = expected()
    got = tablevalues.tables_of(parse_text(text))
    assert got["active_disclosure"][row] == {"本年处理决定数量": None}
    assert {k: v for k, v in got["active_disclosure"].items() if k != row} == {
        k: v for k, v in want["active_disclosure"].items() if k != row
    }
    codes = [f.code for f in Linter(isolated=True).lint_text(text, "r.txt")]
    assert "GX208" in codes and "GX209" not in codes and "GX212" not in codes


def test_a_blank_cell_of_the_review_row_in_space_aligned_columns_is_placed_by_the_header():
    # the review table has one row of numbers, no other row to place a blank by: its header's
    # fifteen column labels do (before: 14 numbers that fit several ways, the row unread, GX003)
    import formsgen

    example = (Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt").read_text(
        encoding="utf-8"
    )
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    assert row in example
    text = formsgen.to_layout(example.replace(row, "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t1\t\t0\t1"))
    got = tablevalues.tables_of(parse_text(text))["review_litigation"]
    assert got["复议后起诉"] == {"结果维持": 0, "结果纠正": 1, "其他结果": None, "尚未审结": 0, "总计": 1}
    assert got["行政复议"]["总计"] == 1
    codes = [f.code for f in Linter(isolated=True).lint_text(text, "r.txt")]
    assert codes == ["GX208"]


def test_a_full_width_plus_in_space_aligned_columns_is_a_sign():
    assert textforms_number("＋2") and textforms_number("−1")


@pytest.mark.parametrize("between", ["（续表）", "续表：", "[NextPage]", "上一页 1 2 下一页"])
@pytest.mark.parametrize("header_again", [False, True], ids=["rows go on", "header repeated"])
def test_a_table_that_goes_on_after_a_continuation_line_is_one_table(between, header_again):
    lines = tabs().split("\n")
    [at] = [i for i, line in enumerate(lines) if "1.本机关不掌握相关政府信息" in line]
    header = [line for line in lines if "自然人" in line or "商业企业" in line] if header_again else []
    text = "\n".join([*lines[:at], "", between, "", *header, *lines[at:]])
    report_ = parse_text(text)
    assert misses(text, expected()) == []
    assert [t.kind for t in report_.tables] == ["active_disclosure", "applications", "review_litigation"]
    linter = Linter(isolated=True)
    assert [f.code for f in linter.lint_text(text, "r.txt")] == [
        f.code for f in linter.lint_text(tabs(), "r.txt")
    ]


def test_lines_outside_tables_are_unchanged():
    for text in (pipes(), cell_lines(True, True), layout(), viewer()):
        before, after = text.split("\n"), normalize(text).split("\n")
        for line in (
            TITLE,
            INTRO,
            *CH1,
            *TAIL,
            "三、收到和处理政府信息公开申请情况",
            "网站首页 | 政务公开 | 互动交流",
            "主办单位：示例县人民政府办公室 | 网站地图",
            "网站标识码：0000000000 | 联系我们",
        ):
            for i, b in enumerate(before):
                if b.strip() == line:
                    assert after[i] == b, (line, after[i])


def test_bare_pipe_rows_become_tab_rows_with_spanned_slots_empty():
    out = normalize(pipes()).split("\n")
    assert "第二十条第（一）项\t\t\t" in out
    assert "行政许可\t120\t\t" in out  # ||| of the one-column sections
    assert "行政强制\t4" in out  # a row without its trailing pipe
    assert "一、本年新收政府信息公开申请数量\t\t\t10\t2\t0\t1\t0\t0\t13" in out
    assert "四、结转下年度继续办理\t\t\t1\t0\t0\t1\t0\t0\t2" in out


def test_one_cell_per_line_rows_go_on_their_label_line():
    text = cell_lines(True, True)
    lines, out = text.split("\n"), normalize(text).split("\n")
    at = lines.index("一、本年新收政府信息公开申请数量")
    assert out[at] == "一、本年新收政府信息公开申请数量\t10\t2\t0\t1\t0\t0\t13"
    assert out[at + 1 : at + 15] == [""] * 14  # its cells and the blank lines after them
    at = lines.index(BLANK_CELL[0])
    assert out[at] == BLANK_CELL[0] + "\t0\t0\t\t0\t0\t0\t0"
    at = lines.index("行政复议")
    assert out[at].startswith("行政复议\t行政诉讼\t结果维持")


def test_layout_wrapped_labels_footer_and_form_feed():
    text = layout()
    lines, out = text.split("\n"), normalize(text).split("\n")

    def line_of(words: str) -> int:
        [i] = [i for i, line in enumerate(lines) if words in line]
        return i

    # a label wrapped above and below its numbers is joined on the line of the numbers
    i = line_of("期不补正、行政机关不")
    assert out[i] == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" + "\t0" * 7
    assert out[i - 1] == out[i + 1] == out[i + 2] == ""
    # a group label in its own column, wrapped: one field before the row's own label
    i = line_of("公开      4.保护第三方合法权益")
    assert out[i] == "（三）不予公开\t4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1"
    # the page footer inside the table is emptied, the one after the signature is not the table's
    assert out[line_of("— 2 —")] == ""
    assert out[line_of("— 3 —")] == lines[line_of("— 3 —")]
    # the header repeated after the page break is one field: read as no row at all
    i = line_of("\f" + " " * 44 + "申请人情况")
    assert out[i - 1] == ""
    assert out[i].startswith("\f") and out[i].count("\t") == 1
    # a form feed in front of a row stays in front of it
    assert out[line_of("第二十条第（六）项")] == "\f第二十条第（六）项\t"


def test_a_running_header_that_repeats_the_title_is_no_part_of_a_row():
    # a page's header, the report's title, after a page break inside the table
    lines = layout().split("\n")
    at = next(i for i, line in enumerate(lines) if "— 2 —" in line)
    lines.insert(at + 1, " " * 20 + TITLE)
    text = "\n".join(lines)
    assert misses(normalize(text), expected()) == []
    report_ = parse_text(normalize(text))
    assert not [n for t in report_.tables for n in t.notes if n.kind in ("unknown-row", "unreadable")]


def test_a_table_row_with_spaces_in_a_tab_table_is_not_a_chapter():
    lines = tabs().split("\n")
    [i] = [i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理")]
    lines[i] = "四、结转下年度继续办理  1 0 0 1 0 0 2"
    text = "\n".join(lines)
    out = normalize(text)
    assert out.split("\n")[i] == "四、结转下年度继续办理\t1\t0\t0\t1\t0\t0\t2"
    report_ = parse_text(out)
    assert [c.numeral for c in report_.chapters] == list("一二三四五六")
    assert misses(out, expected()) == []


def test_markdown_rule_row_without_edge_pipes_is_emptied():
    text = (
        "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 | 本年处理决定数量\n--- | ---\n行政许可 | 7\n"
    )
    out = normalize(text).split("\n")
    assert out[2:5] == ["信息内容\t本年处理决定数量", "", "行政许可\t7"]


# -- what must come back untouched ----------------------------------------------------------------

UNCHANGED = sorted(
    [
        *(ROOT / "examples").glob("*.txt"),
        *FIXTURES.glob("*.txt"),
        *FIXTURES.glob("*.md"),
        *(FIXTURES / "defects").glob("*.txt"),
    ]
)


@pytest.mark.parametrize("path", UNCHANGED, ids=[p.name for p in UNCHANGED])
def test_reports_without_these_shapes_come_back_as_the_same_string(path):
    text = path.read_text(encoding="utf-8")
    assert normalize(text) is text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "一、总体情况\n本年度共收到申请 12 件。\n",
        "一、总体情况\n  信息内容  有  2  项\n",  # a marker in prose, numbers after gaps: no table
        "| 第二十条第（一）项 |  |\n|---|---|\n| 规章 | 0 |\n",  # markdown with edge pipes
        "第二十条第（一）项 |\n信息内容 |\n规章 |\n0 |\n",  # one cell per line with " |"
        "第二十条第（一）项 |\n信息内容 |\n本年制发件数 | 本年废止件数 |\n规章 |\n0 |\n0 |\n",  # … one with a pipe inside
        "网站首页 | 政务公开\n",
    ],
)
def test_other_text_is_returned_as_is(text):
    assert normalize(text) is text


@pytest.mark.slow  # inputs of up to a megabyte
@pytest.mark.parametrize(
    "text",
    [
        "信息内容 " + "0 " * 300_000,  # a crawled page on one line
        "信息内容" + " " * 500_000 + "1",
        "信息内容 | " + "0 | " * 200_000,
        "信息内容 " + "|" * 500_000 + " x",
        "信息内容\n" + "0\n" * 100_000,
        "第二十条第（一）项\n信息内容\n" + "规章\n0\n" * 50_000,
        "申请人情况\n" + "商业\n" * 50_000 + "0\n0\n0\n",
        "第二十条第（一）项\n信息内容  本年制发件数\n" + "规章     0     0\n" * 20_000,
        "申请人情况\n" + "  商业   科研\n" * 20_000 + "一、本年新收政府信息公开申请数量  1  2  3\n",
        ("行政复议   行政诉讼\n 0 0 0\n") * 20_000,
        "规章 | 0 | 0 |\n" * 50_000,
        ("申请人情况\n" + "1. 2. 3. " * 40 + "\n") * 2_000,
    ],
    ids=lambda t: repr(t[:20]),
)
def test_adversarial_input_keeps_its_lines(text):
    assert normalize(text).count("\n") == text.count("\n")


def test_the_module_imports_nothing_heavy():
    """The templates are loaded on the first table, not when the module is imported."""
    import subprocess
    import sys

    code = (
        "import sys, gxlint.read\n"
        "before = set(sys.modules)\n"
        "import gxlint.read.textforms\n"
        "print(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    new = json.loads(result.stdout.replace("'", '"'))
    assert [m for m in new if m.startswith("gxlint")] == ["gxlint.read.textforms"]
    assert not [m for m in new if m.split(".")[0] in ("lark", "charset_normalizer", "json")]


# -- the shared sample reports (../shared/forms) --------------------------------------------------


def _shared(form: str) -> Path:
    folder = SHARED_FORMS / form
    if not (folder / "values.json").exists():
        pytest.skip(f"the shared sample reports are not available: {folder} does not exist")
    return folder


@pytest.mark.parametrize("form", ["pipes", "cells", "layout"])
def test_shared_forms_read_every_value(form):
    folder = _shared(form)
    entries = json.loads((folder / "values.json").read_text(encoding="utf-8"))
    for name, entry in entries.items():
        text = (folder / name).read_text(encoding="utf-8")
        out = normalize(text)
        assert out.count("\n") == text.count("\n")
        want = tablevalues.expected_values(entry)
        assert sum(len(cols) for rows in want.values() for cols in rows.values()) > 190
        assert misses(out, want) == [], name


def test_shared_tab_form_is_unchanged():
    folder = _shared("txt")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert normalize(text) is text
