"""Tables written inside running text (a crawled page: the whole report on one line).

A row whose data is written wrongly (``0—00000``, ``1001O001``) is one the table reader cannot read
(GX003, its cells ``unreadable``), and every other row is read as written.  Before, the wrong row
was taken for prose that ended the table: the rows after it were lost without a word, or it was
read as a row with nothing written (a false GX208).  Cells padded with runs of blanks are a table
too."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.output.dataset import report_to_dict
from gxlint.run import api
from gxlint.run.linter import Linter

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "shili-2021-inline.txt"
TEXT = FIXTURE.read_text(encoding="utf-8")


def applications(text: str) -> dict:
    tables = report_to_dict(api.parse_text(text, "report.txt"))["tables"]
    return next(t for t in tables if t["kind"] == "applications")


WANT = applications(TEXT)


@pytest.mark.parametrize(
    "label, data, written",
    [
        ("1.信访举报投诉类申请", "0000000", "0—00000"),
        ("1.信访举报投诉类申请", "0000000", "00O0000"),
        ("2.重复申请", "1000001", "100l001"),
        ("2.重复申请", "1000001", "—"),
    ],
)
def test_a_row_written_wrongly_is_unreadable_and_the_rows_after_it_are_read(label, data, written):
    assert label + data in TEXT
    text = TEXT.replace(label + data, label + written, 1)
    got = applications(text)
    wrong = label
    assert set(got["values"][wrong].values()) == {None}
    # every other row, those after the wrong one included, as written
    assert {k: v for k, v in got["values"].items() if k != wrong} == {
        k: v for k, v in WANT["values"].items() if k != wrong
    }
    codes = [f.code for f in Linter(isolated=True).lint_text(text, "report.txt")]
    assert "GX003" in codes
    assert "GX208" not in codes  # something is written in the row: it is not blank


def test_prose_after_the_table_still_ends_it():
    got = applications(TEXT)
    assert list(got["values"])[-1] == "四、结转下年度继续办理"


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt"


@pytest.mark.parametrize("pad", [" ", "     ", "\u3000\u3000"])
def test_a_page_run_onto_one_line_with_padded_cells_gives_every_table(pad):
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = [line.strip("#* ") for line in text.split("\n") if line.strip()]
    one_line = "".join(line.replace("\t", pad) for line in lines)

    def tables(t: str) -> dict:
        return {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(t, "report.txt"))["tables"]}

    # before: with more than a few blanks between 行政诉讼 and 结果维持, the review table was not found (GX104)
    assert tables(one_line) == tables(text)
    assert "GX104" not in [f.code for f in Linter(isolated=True).lint_text(one_line, "report.txt")]


@pytest.mark.parametrize("comma", [",", "，"])
def test_a_number_with_thousands_separators_on_one_line_is_one_number(comma):
    # before: 23,065 was read as 23, and the table ended at the comma (its later items "missing")
    text = EXAMPLE.read_text(encoding="utf-8").replace("行政许可\t356", f"行政许可\t23{comma}065")
    lines = [line.strip("#* ") for line in text.split("\n") if line.strip()]
    one_line = "".join(line.replace("\t", " ") for line in lines)

    def tables(t: str) -> dict:
        return {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(t, "report.txt"))["tables"]}

    got = tables(one_line)
    assert got == tables(text)
    assert got["active_disclosure"]["行政许可"] == {"本年处理决定数量": 23065}
    assert [f.code for f in Linter(isolated=True).lint_text(one_line, "report.txt")] == []


def test_a_row_one_number_short_on_one_line_is_unread_not_cut_into_digits():
    # a crawler that drops an empty cell: 行政规范性文件 2 15 for 2, (blank), 15 -- before, read as
    # 2, 1, 5 with no finding; now the row is unread (GX003), as the same row in a tab table
    text = EXAMPLE.read_text(encoding="utf-8").replace("行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t\t15")
    lines = [line.strip("#* ") for line in text.split("\n") if line.strip()]
    one_line = " ".join(" ".join(p for p in line.split("\t") if p) for line in lines)
    got = {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(one_line, "report.txt"))["tables"]}
    assert set(got["active_disclosure"]["行政规范性文件"].values()) == {None}
    findings = Linter(isolated=True).lint_text(one_line, "report.txt")
    assert [f.code for f in findings] == ["GX003"]
    assert "该行写有 2 个数（2 15），模板有 3 列" in findings[0].message


@pytest.mark.parametrize("caption", ["第二十条第（一）项", "第二十条第（一）项\t\t\t"])
def test_a_table_item_whose_cells_ran_together_line_by_line_is_read(caption):
    # a crawl that dropped the separators but kept the lines: 第二十条第（一）项 / 信息内容本年制发件数… /
    # 规章000 / 行政规范性文件2115 -- before, nothing was read and the item was "missing" (GX209);
    # now the header and rows are read, 2115 being the one split it has not (GX003)
    text = EXAMPLE.read_text(encoding="utf-8")
    item = "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t15"
    assert item in text
    text = text.replace(item, caption + "\n" + item.split("\n", 1)[1].replace("\t", ""))
    got = {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(text, "report.txt"))["tables"]}
    assert got["active_disclosure"]["规章"] == {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0}
    assert set(got["active_disclosure"]["行政规范性文件"].values()) == {None}
    findings = Linter(isolated=True).lint_text(text, "report.txt")
    assert [f.code for f in findings] == ["GX003"] and "2115" in findings[0].message


_REVIEW = (
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n"
    "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n"
    + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    + "\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "行政复议行政诉讼\n未经复议直接起诉复议后起诉\n" + "结果维持结果纠正其他结果尚未审结总计" * 3,
        "行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n"
        + "结果维持结果纠正其他结果尚未审结总计" * 2,
    ],
    ids=["blocks-then-columns", "first-block's-columns-first"],
)
def test_the_review_table_whose_cells_ran_together_line_by_line_is_read(header):
    # a crawl that dropped the separators but kept the lines: the table was "missing" (GX104, an
    # error telling the author to add a table that is there); its fifteen digits have one split
    text = EXAMPLE.read_text(encoding="utf-8")
    assert _REVIEW in text
    text = text.replace(_REVIEW, header + "\n100010000000000\n")
    got = {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(text, "report.txt"))["tables"]}
    assert got["review_litigation"]["行政复议"] == {
        "结果维持": 1,
        "结果纠正": 0,
        "其他结果": 0,
        "尚未审结": 0,
        "总计": 1,
    }
    assert set(got["review_litigation"]["复议后起诉"].values()) == {0}
    assert Linter(isolated=True).lint_text(text, "report.txt") == []


def test_words_of_the_review_header_in_a_sentence_open_no_table():
    text = EXAMPLE.read_text(encoding="utf-8").replace(_REVIEW, "行政复议行政诉讼均为零。\n" + _REVIEW)
    got = [x["kind"] for x in report_to_dict(api.parse_text(text, "report.txt"))["tables"]]
    assert got.count("review_litigation") == 1
    assert Linter(isolated=True).lint_text(text, "report.txt") == []


def test_a_group_label_run_into_its_first_row_label_is_read_as_both():
    # a merged cell's text and the next cell's, their border lost (三、本年度办理结果（一）予以公开,
    # （三）不予公开1.属于国家秘密): the five rows were "not rows of the table" (GX210) and unread
    text = EXAMPLE.read_text(encoding="utf-8")
    joined = text
    for group in (
        "三、本年度办理结果",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ):
        assert f"{group}\t（" in joined or f"{group}\t1." in joined
        joined = joined.replace(f"{group}\t", group)
    assert joined.count("三、本年度办理结果（一）予以公开\t") == 1
    assert joined.count("（三）不予公开1.属于国家秘密\t") == 1

    def values(t):
        tables = report_to_dict(api.parse_text(t, "report.txt"))["tables"]
        return next(x["values"] for x in tables if x["kind"] == "applications")

    assert values(joined) == values(text)
    assert Linter(isolated=True).lint_text(joined, "report.txt") == []


def test_a_label_that_only_starts_like_a_group_and_a_row_is_not_split():
    from gxlint.read.tables import _joined_at
    from gxlint.read.build import default_context

    t = next(t for t in default_context().templates.formats if t.id == "2021")
    assert _joined_at(t, "三、本年度办理结果（一）予以公开") == len("三、本年度办理结果")
    assert _joined_at(t, "（三）不予公开1.属于国家秘密") == len("（三）不予公开")
    assert _joined_at(t, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）") is None
    assert _joined_at(t, "（三）不予公开2.本机关不掌握相关政府信息") is None  # not a row of （三）


def _values(text: str) -> dict:
    return {x["kind"]: x["values"] for x in report_to_dict(api.parse_text(text, "report.txt"))["tables"]}


def test_the_applications_table_whose_cells_ran_together_line_by_line_is_read():
    # each row a line, its cells run together (申请人情况 / 自然人法人或其他组织总计 /
    # 一、本年新收政府信息公开申请数量123001016 / …): the header was read as a table and the rows as
    # text, and GX209 said the table had no data rows -- an error about rows that are there
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("## 三、"), text.index("## 四、")
    run_together = text[:start] + text[start:end].replace("\t", "") + text[end:]
    assert "一、本年新收政府信息公开申请数量123001016\n" in run_together
    assert _values(run_together)["applications"] == _values(text)["applications"]
    assert Linter(isolated=True).lint_text(run_together, "report.txt") == []


def test_a_report_whose_every_table_ran_together_line_by_line_is_read():
    text = EXAMPLE.read_text(encoding="utf-8")
    bare = text.replace("\t", "")
    got, want = _values(bare), _values(text)
    assert got["applications"] == want["applications"]
    assert got["review_litigation"] == want["review_litigation"]
    findings = Linter(isolated=True).lint_text(bare, "report.txt")
    # 行政规范性文件2115 has three splits and no total to choose by: one honest GX003, nothing else
    assert [f.code for f in findings] == ["GX003"] and "2115" in findings[0].message


def test_text_after_a_table_run_together_line_by_line_stays_text():
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("## 三、"), text.index("## 四、")
    chapter = text[start:end].replace("\t", "").rstrip("\n")
    # a sentence and a heading-like line straight after the last row, no blank line between
    chapter += "\n注：本表数据截至年底。\n四、政府信息公开行政复议、行政诉讼情况\n\n"
    report = api.parse_text(text[:start] + chapter + text[end:], "report.txt")
    paragraphs = [p.text for p in report.paragraphs]
    assert "注：本表数据截至年底。" in paragraphs
