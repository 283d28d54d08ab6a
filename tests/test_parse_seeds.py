"""The model on the real reports in ../shared (issue: report model, proof on both seeds)."""

import pytest

from gxlint import parse_path
from conftest import PINGTAN_2018, PINGTAN_2021, SEED_000, SEED_002, SHANGHAI, shared

APP_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


@pytest.fixture(scope="module")
def seed000():
    return parse_path(shared(SEED_000))


@pytest.fixture(scope="module")
def seed002():
    return parse_path(shared(SEED_002))


def test_seed000_chapters_and_title(seed000):
    assert [(c.numeral, c.number, c.title, c.span.line) for c in seed000.chapters] == [
        ("一", 1, "概述", 9),
        ("二", 2, "政府信息主动公开情况", 27),
        ("四", 4, "重视其他信息公开", 39),
        ("五", 5, "政府信息依申请公开情况", 71),
        ("六", 6, "因信息公开申请行政复议、提起行政诉讼、收到投诉举报情况", 101),
        ("七", 7, "存在的问题和 2020 年工作思路", 108),
    ]
    assert seed000.title_span.line == 3 and seed000.title_span.end_line == 5
    assert seed000.agency == "中卫市科学技术局"
    assert seed000.year == 2019
    assert seed000.template == "2019"
    assert (seed000.period.start.isoformat(), seed000.period.end.isoformat()) == ("2019-01-01", "2019-12-31")
    assert seed000.signature.organ == "中卫市科学技术局"
    assert seed000.signature.date.isoformat() == "2020-01-08"


def test_seed000_active_disclosure_has_all_five_sections(seed000):
    table = seed000.table("active_disclosure")
    assert table.span.line == 51
    sections = {r.section for r in table.rows}
    assert sections == {
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "第二十条第（九）项",
    }
    assert table.values == {
        "规章": {"本年新制作数量": 0, "本年新公开数量": 0, "对外公开总数量": 0},
        "规范性文件": {"本年新制作数量": 0, "本年新公开数量": 0, "对外公开总数量": 0},
        "行政许可": {"上一年项目数量": 0, "本年增/减": 0, "处理决定数量": 0},
        "其他对外管理服务事项": {"上一年项目数量": 1, "本年增/减": 1, "处理决定数量": 0},
        "行政处罚": {"上一年项目数量": 0, "本年增/减": 0, "处理决定数量": 0},
        "行政强制": {"上一年项目数量": 0, "本年增/减": 0, "处理决定数量": 0},
        "行政事业性收费": {"上一年项目数量": 0, "本年增/减": 0},
        "政府集中采购": {"采购项目数量": 0, "采购总金额": 0},
    }


def test_seed000_application_totals_read_from_the_drifting_column(seed000):
    table = seed000.table("applications")
    assert table.span.line == 73
    assert len(table.rows) == 23  # spec §2.4 counts 24, but its own list has 23 data rows
    first = table.row("一、本年新收政府信息公开申请数量")
    assert [first.cell(c).value for c in APP_COLUMNS] == [0] * 7
    # outcome rows: only 总计 is written, at tab positions 9, 10 or 16; the applicant cells are blank
    for key in (
        "（一）予以公开",
        "1.属于国家秘密",
        "2.没有现成信息需要另行制作",
        "（六）其他处理",
        "（七）总计",
        "四、结转下年度继续办理",
    ):
        row = table.row(key)
        assert row.cell("总计").value == 0, key
        assert all(row.cell(c).status == "blank" for c in APP_COLUMNS[:6]), key
    assert any(n.kind == "label-variant" and "社会组织" in n.zh for n in table.notes)


def test_seed000_review_row_keeps_the_malformed_cell(seed000):
    table = seed000.table("review_litigation")
    review = table.row("行政复议")
    cell = review.cell("其他结果")
    assert (cell.status, cell.text, cell.value) == ("malformed", "00", None)
    assert cell.span.line == 106
    assert table.values["未经复议直接起诉"] == dict.fromkeys(
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], 0
    )
    assert any(n.kind == "row-shape" and "16" in n.en for n in table.notes)


def test_seed002_chapters_tables_and_signature(seed002):
    assert [(c.number, c.title) for c in seed002.chapters] == [
        (1, "总体情况"),
        (2, "主动公开政府信息情况"),
        (3, "收到和处理政府信息公开申请情况"),
        (4, "政府信息公开行政复议、行政诉讼情况"),
        (5, "存在的主要问题及改进情况"),
    ]
    assert seed002.title == "平罗县科学技术局 2020 年政府信息公开 年度报告"
    assert seed002.year == 2020 and seed002.signature is None
    kinds = [(t.kind, t.span.line) for t in seed002.tables]
    assert kinds == [
        ("other", 23),
        ("other", 40),
        ("active_disclosure", 54),
        ("applications", 76),
        ("review_litigation", 109),
    ]


def test_seed002_application_table_despite_split_labels(seed002):
    table = seed002.table("applications")
    assert len(table.rows) == 23  # spec §2.4 counts 24, but its own list has 23 data rows
    assert table.row("（五）不予处理") is None  # a group label, not a data row
    assert table.row("1.信访举报投诉类申请").cell("总计").value == 0
    assert table.row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").cell("总计").value == 0
    splits = [n for n in table.notes if n.kind == "label-split"]
    assert {n.span.line for n in splits} == {81, 82, 96}


def test_seed002_review_table_has_no_data_row(seed002):
    table = seed002.table("review_litigation")
    assert table.rows == ()
    assert table.raw  # the header was recognised


def test_seed002_embedded_list_is_an_other_table(seed002):
    other = seed002.tables[0]
    assert other.kind == "other"
    assert other.raw[0].texts[:3] == ["序号", "名称", "发文日期"]
    assert len(other.raw) == 8


def test_shanghai_merged_cells_written_once():
    report = parse_path(shared(SHANGHAI))
    app = report.table("applications")
    assert [app.row("一、本年新收政府信息公开申请数量").cell(c).value for c in APP_COLUMNS] == [
        821,
        35,
        None,
        None,
        2,
        1,
        859,
    ]
    assert app.row("2.其他法律行政法规禁止公开").cell("自然人").status == "blank"
    assert app.row("（七）总计").cell("总计").value == 805
    purchase = report.table("active_disclosure").row("政府集中采购").cell("采购总金额")
    assert (purchase.value, purchase.note, purchase.status) == (251000, "元", "number")
    review = report.table("review_litigation")
    assert review.values["行政复议"] == {
        "结果维持": 5,
        "结果纠正": None,
        "其他结果": None,
        "尚未审结": 2,
        "总计": 7,
    }
    assert report.published.date.isoformat() == "2020-01-31"
    assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6]


def test_pingtan_one_line_report_with_run_together_tables():
    report = parse_path(shared(PINGTAN_2021))
    assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6]
    assert all(c.span.line == 10 for c in report.chapters)
    assert report.chapters[0].span.column > 1
    app = report.table("applications")
    assert [app.row("一、本年新收政府信息公开申请数量").cell(c).value for c in APP_COLUMNS] == [
        64,
        0,
        0,
        2,
        0,
        4,
        70,
    ]
    assert app.row("（一）予以公开").cell("自然人").value == 27  # decided by the table's column totals
    assert app.row("（七）总计").cell("总计").value == 69
    assert all(r.alignment == "split" for r in app.rows)
    review = report.table("review_litigation")
    assert [review.row(b).cell("总计").value for b in ("行政复议", "未经复议直接起诉", "复议后起诉")] == [
        3,
        12,
        0,
    ]
    ad = report.table("active_disclosure")
    assert ad.row("行政规范性文件").alignment == "unreadable"
    assert ad.row("行政许可").cell("本年处理决定数量").value == 2293
    assert report.metadata["标题"] == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert report.published.date.isoformat() == "2022-02-08"


def test_pingtan_legacy_statistics_table():
    report = parse_path(shared(PINGTAN_2018))
    assert report.legacy_format and report.template is None
    assert [t.kind for t in report.tables] == ["legacy_statistics"]
    assert report.year == 2018
