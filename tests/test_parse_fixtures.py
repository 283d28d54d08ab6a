"""The model on fixtures written for this project: every layout, every quirk, every cell."""

import pytest

from gxlint import parse_path, parse_text
import formsgen
from conftest import EXAMPLE, FIXTURES

COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
Z = [0] * 7
EXPECTED_2021_APPS = {
    "一、本年新收政府信息公开申请数量": [12, 3, 0, 0, 1, 0, 16],
    "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
    "（一）予以公开": [6, 1, 0, 0, 0, 0, 7],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [1, 0, 0, 0, 0, 0, 1],
    "1.属于国家秘密": Z,
    "2.其他法律行政法规禁止公开": Z,
    "3.危及“三安全一稳定”": Z,
    "4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],
    "5.属于三类内部事务信息": Z,
    "6.属于四类过程性信息": Z,
    "7.属于行政执法案卷": Z,
    "8.属于行政查询事项": Z,
    "1.本机关不掌握相关政府信息": [3, 1, 0, 0, 1, 0, 5],
    "2.没有现成信息需要另行制作": Z,
    "3.补正后申请内容仍不明确": Z,
    "1.信访举报投诉类申请": Z,
    "2.重复申请": [1, 0, 0, 0, 0, 0, 1],
    "3.要求提供公开出版物": Z,
    "4.无正当理由大量反复申请": Z,
    "5.要求行政机关确认或重新出具已获取信息": Z,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": Z,
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": Z,
    "3.其他": Z,
    "（七）总计": [12, 2, 0, 0, 1, 0, 15],
    "四、结转下年度继续办理": [1, 1, 0, 0, 0, 0, 2],
}
EXPECTED_2021_AD = {
    "规章": {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0},
    "行政规范性文件": {"本年制发件数": 2, "本年废止件数": 1, "现行有效件数": 15},
    "行政许可": {"本年处理决定数量": 356},
    "行政处罚": {"本年处理决定数量": 48},
    "行政强制": {"本年处理决定数量": 3},
    "行政事业性收费": {"本年收费金额（单位：万元）": 12.5},
}
REVIEW_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
EXPECTED_2021_REVIEW = {
    "行政复议": dict(zip(REVIEW_COLS, [1, 0, 0, 0, 1])),
    "未经复议直接起诉": dict.fromkeys(REVIEW_COLS, 0),
    "复议后起诉": dict.fromkeys(REVIEW_COLS, 0),
}
CHAPTERS = [
    (1, "总体情况"),
    (2, "主动公开政府信息情况"),
    (3, "收到和处理政府信息公开申请情况"),
    (4, "政府信息公开行政复议、行政诉讼情况"),
    (5, "存在的主要问题及改进情况"),
    (6, "其他需要报告的事项"),
]


@pytest.mark.parametrize(
    "path,layout",
    [
        (EXAMPLE, "tabs"),
        (FIXTURES / "shili-2021-pipes.md", "pipes"),
        (FIXTURES / "shili-2021-cells.txt", "cells"),
    ],
)
def test_every_layout_reads_every_cell(path, layout):
    report = parse_path(path)
    assert report.template == "2021" and report.year == 2021
    assert [(c.number, c.title) for c in report.chapters] == CHAPTERS
    assert [t.kind for t in report.tables] == ["active_disclosure", "applications", "review_litigation"]
    assert all(t.layout == layout for t in report.tables)
    apps = report.table("applications")
    assert {k: [v[c] for c in COLS] for k, v in apps.values.items()} == EXPECTED_2021_APPS
    assert report.table("active_disclosure").values == EXPECTED_2021_AD
    assert report.table("review_litigation").values == EXPECTED_2021_REVIEW
    assert report.signature is not None and report.signature.date.isoformat() == "2022-01-20"


def test_run_together_one_line_report():
    report = parse_path(FIXTURES / "shili-2021-inline.txt")
    assert [(c.number, c.title) for c in report.chapters] == CHAPTERS
    assert report.title == "示例县教育局2021年政府信息公开工作年度报告"
    assert report.published.date.isoformat() == "2022-01-25"
    apps = report.table("applications")
    assert {k: [v[c] for c in COLS] for k, v in apps.values.items()} == EXPECTED_2021_APPS
    assert report.table("review_litigation").values == EXPECTED_2021_REVIEW
    ad = report.table("active_disclosure")
    # "行政规范性文件2115": 2/1/15, 21/1/5, 2/11/5 ... no unique split, so nothing is guessed
    assert ad.row("行政规范性文件").alignment == "unreadable"
    assert ad.values["行政规范性文件"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    assert ad.values["行政许可"] == {"本年处理决定数量": 356}
    assert report.signature.organ == "示例县教育局"


def test_quirks_2019():
    report = parse_path(FIXTURES / "shili-2019-quirks.txt")
    assert [(c.numeral, c.title, c.level) for c in report.chapters] == [
        ("一", "总体情况", 3),
        ("二", "主动公开政府信息情况", 2),
        ("三", "收到和处理政府信息公开申请情况", 4),
        ("四", "政府信息公开行政复议、行政诉讼情况", 2),
        ("五", "存在的主要问题及改进情况", 2),
        ("六", "其他需要报告的事项", 2),
    ]
    assert report.title == "示例县农业农村局2019 年政府信息公开工作年度报告"
    assert report.template == "2019"
    # a paragraph broken by a page break is one paragraph again
    first = next(report.chapters[0].paragraphs)
    assert "等内容。全年未收到" in first.text
    joined_at = first.text.index("内容。全年未收到")
    assert first.source_offset(joined_at) == report.source.text.index("内容。全年未收到")
    ad = report.table("active_disclosure")
    assert ad.values["行政许可"] == {"上一年项目数量": 14, "本年增/减": 2, "处理决定数量": 230}
    assert ad.row("行政许可").cell("本年增/减").text == "+2"
    assert ad.values["其他对外管理服务事项"]["本年增/减"] == -1
    assert ad.values["行政强制"] == {
        "上一年项目数量": 4,
        "本年增/减": 0,
        "处理决定数量": 0,
    }  # after a blank line
    assert ad.values["政府集中采购"] == {"采购项目数量": 2, "采购总金额": 36.8}
    apps = report.table("applications")
    assert len(apps.rows) == 23
    for row in apps.rows:
        assert row.cell("总计").value == 0, row.key
    assert apps.row("一、本年新收政府信息公开申请数量").cell("自然人").value == 0
    assert apps.row("（七）总计").cell("自然人").status == "blank"
    kinds = sorted(n.kind for n in apps.notes)
    assert kinds == ["label-split", "label-split", "label-split", "label-split", "label-variant"]
    review = report.table("review_litigation")
    assert review.row("行政复议").cell("其他结果").status == "malformed"
    assert [t.kind for t in report.tables] == [
        "active_disclosure",
        "applications",
        "review_litigation",
        "other",
    ]
    assert report.signature.date.isoformat() == "2020-01-15"


def test_table_row_starting_with_a_numeral_is_not_a_chapter():
    text = (
        "示例县2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    )
    report = parse_text(text)
    assert [c.number for c in report.chapters] == [1, 3]
    assert report.table("applications").row("一、本年新收政府信息公开申请数量").cell("总计").value == 1


def test_empty_and_whitespace_text():
    assert parse_text("").chapters == ()
    assert parse_text("  \n\t\n").tables == ()


@pytest.mark.parametrize(
    "row, pipes",
    [("行政许可1234\t\t", False), ("行政许可 1234\t\t", False), ("行政许可1234 |||", True)],
)
def test_a_row_whose_numbers_ran_into_its_label_in_a_cell_merged_over_columns_is_read(row, pipes):
    # 第二十条第（五）项's one number cell spans the three columns of （一）: a tab or pipe export
    # ends the row with empty fields, and a lost cell border ran the number into the label -- the
    # row was dropped without a word
    text = EXAMPLE.read_text(encoding="utf-8")
    if pipes:
        text = formsgen.to_pipes(text)
        assert "行政许可 | 356 |||" in text
        text = text.replace("行政许可 | 356 |||", row)
    else:
        assert "行政许可\t356" in text
        text = text.replace("行政许可\t356", row)
    report = parse_text(text)
    ad = report.table("active_disclosure")
    assert ad.values["行政许可"] == {"本年处理决定数量": 1234}
    cell = ad.row("行政许可").cells[0]
    # the cell's span in the text read (the pipes rewritten as tabs; a finding maps it back)
    assert report.source.text[cell.span.start : cell.span.end] == "1234"


@pytest.mark.parametrize(
    "letterhead",
    [["示例县教育局文件"], ["示教〔2022〕5号"], ["示例县教育局文件", "示教〔2022〕5号"], ["签发人：张三"]],
)
def test_the_letterhead_above_a_two_line_title_is_not_the_organs_name(letterhead):
    # an office prints its report on its red-header paper: the header and the document number
    # were taken into the agency's name (and the report then paired with no other year's)
    text = "\n".join(
        [*letterhead, "示例县教育局", "2021年政府信息公开工作年度报告", "", "一、总体情况", "正文。"]
    )
    report = parse_text(text)
    assert (report.title, report.agency) == ("示例县教育局2021年政府信息公开工作年度报告", "示例县教育局")
