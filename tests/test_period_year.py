"""Statements of the statistics period in the wordings offices use, the report's year decided from
all the evidence, and site chrome that is never the title or the agency (issue 10, points 4–5)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import EXAMPLE, shared
from gxlint import parse_text
from gxlint.chinese import find_period, read_period, year_in
from gxlint.run.linter import Linter
from gxlint.read.build import decide_year, report_years_of

D = dt.date


def lint(text: str, lang: str = "zh"):
    return Linter(overrides={"lang": lang}, isolated=True).lint_text(text, path="report.txt")


def key(f):
    return f.code, f.line, f.message


# -- the example report with only its title's year changed ----------------------------------------


def test_example_with_last_years_title_gets_one_title_finding():
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "## 2021年政府信息公开工作年度报告" in text
    renamed = text.replace("## 2021年政府信息公开工作年度报告", "## 2020年政府信息公开工作年度报告", 1)
    before = {key(f) for f in lint(text)}
    new = [f for f in lint(renamed) if key(f) not in before]
    # one finding on the title: not GX402 on the right period, GX107 on the right tables, GX404
    # measured against the 2020 report's deadline
    assert [(f.code, f.line, f.column) for f in new] == [("GX106", 3, 4)], new
    [title] = new
    assert title.severity == "warning"
    assert "年度 2020 年与报告不符" in title.message and "2021 年度报告" in title.message
    for evidence in ("统计期限“2021年1月1日起至2021年12月31日”", "2021 年格式", "落款日期 2022-01-20"):
        assert evidence in title.message
    assert title.fix and "示例县市场监督管理局2021年政府信息公开工作年度报告" in title.fix
    assert parse_text(renamed).year == 2021


def test_example_with_last_years_title_in_english():
    text = EXAMPLE.read_text(encoding="utf-8").replace("## 2021年", "## 2020年", 1)
    [title] = [f for f in lint(text, "en") if f.code == "GX106"]
    assert "names the year 2020" in title.message and "show a 2021 report" in title.message


# -- the year decision ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, period, arbiters, year",
    [
        (2021, 2021, [], 2021),
        (2021, None, [(2019, 2020)], 2021),  # nothing to weigh: the title's
        (None, 2021, [], 2021),
        (None, None, [(2021, 2100)], None),
        (2020, 2021, [], 2020),  # a tie keeps the title's
        (2020, 2021, [(2021, 2100), (2021, 2021)], 2021),  # the title is the odd one out
        (2021, 2020, [(2021, 2100), (2021, 2021)], 2021),  # the period is
        (2020, 2021, [(2019, 2020), (2021, 2021)], 2020),  # format and signature disagree: a tie
    ],
)
def test_decide_year(title, period, arbiters, year):
    assert decide_year(title, period, arbiters) == year


def test_report_years_of_a_date():
    assert report_years_of(D(2022, 1, 20)) == (2021, 2021)
    assert report_years_of(D(2021, 12, 20)) == (2020, 2021)


def test_year_in_title():
    assert year_in("示例县教育局2021年政府信息公开工作年度报告") == 2021
    assert year_in("示例县教育局２０２１ 年政府信息公开工作年度报告") == 2021
    assert year_in("示例县教育局二〇二一年政府信息公开工作年度报告") == 2021
    assert year_in("示例县教育局政府信息公开工作年度报告") is None


def test_chinese_numeral_year_in_title():
    report = parse_text(
        "示例县教育局二〇二一年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n"
    )
    assert (report.year, report.agency) == (2021, "示例县教育局")


# -- period statements ------------------------------------------------------------------------------


def _read(sentence: str):
    found = find_period(sentence)
    assert found is not None, sentence
    reading = found[1]
    again = read_period(reading.text)  # what GX402 re-reads from Period.text
    assert (again.start, again.end, again.until) == (reading.start, reading.end, reading.until)
    return reading


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        ("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。", D(2021, 1, 1), D(2021, 12, 31)),
        ("本报告统计时限为２０２１年１月１日至２０２１年１２月３１日。", D(2021, 1, 1), D(2021, 12, 31)),
        ("统计时间：2021年1月至12月。", D(2021, 1, 1), D(2021, 12, 31)),
        ("本报告统计区间为2021年1-12月。", D(2021, 1, 1), D(2021, 12, 31)),
        ("本报告所列数据自2021年1月1日起至2021年12月31日止。", D(2021, 1, 1), D(2021, 12, 31)),
        ("本年度报告中所列数据为2021-01-01至2021-12-31期间数据。", D(2021, 1, 1), D(2021, 12, 31)),
        ("本报告的报告期为2021年1月1日至2021年12月31日。", D(2021, 1, 1), D(2021, 12, 31)),
        (
            "本年度报告中所列数据统计期限从 2021 年 1 月 1 日到 12 月 31 日止。",
            D(2021, 1, 1),
            D(2021, 12, 31),
        ),
        ("统计期限自2021年1月1日至2021年底。", D(2021, 1, 1), D(2021, 12, 31)),
    ],
)
def test_wordings_of_the_period(sentence, start, end):
    reading = _read(sentence)
    assert (reading.start.date, reading.end.date) == (start, end)
    assert not reading.start.lost and not reading.end.lost


def test_the_end_only():
    reading = _read("本报告中的数据统计截至2021年12月31日。")
    assert reading.until and reading.start is None and reading.end.date == D(2021, 12, 31)
    assert reading.text == "截至2021年12月31日"


def test_year_and_month_lost_in_extraction():
    sentence = "本报告所列数据的统计期限自202111日起至20211230日止。"
    reading = _read(sentence)
    assert (reading.start.date, reading.end.date) == (D(2021, 1, 1), D(2021, 12, 30))
    assert reading.start.lost == reading.end.lost == "年月"
    assert sentence[reading.begin : reading.stop] == reading.text == "202111日起至20211230日"


def test_run_together_digits_that_split_two_ways_are_ambiguous():
    reading = _read("统计期限自2021111日起至2021年12月31日止。")
    assert reading.start.date is None and reading.start.dates == (D(2021, 1, 11), D(2021, 11, 1))
    reading = _read("统计期限自2021131日起至20211231日止。")  # 13月1日 is no date: one reading
    assert reading.start.date == D(2021, 1, 31)


def test_malformed_statements_are_still_statements():
    reading = _read("统计期限自2021年1月1日起至2021年12月日止。")
    assert reading.start.date == D(2021, 1, 1) and reading.end.dates == ()
    reading = _read("统计期限自2021年1月1日起。")
    assert reading.start.date == D(2021, 1, 1) and reading.end is None


@pytest.mark.parametrize(
    "sentence",
    [
        "据统计，截至2021年12月31日，我局现行有效规范性文件15件。",
        "报告期内，2021年3月15日，我局召开专题会议。",
        "根据统计数据，2021年3月15日，我局召开专题会议。",
        "2021年3月1日至5月31日，开展专项行动。",
        "本报告统计期限为2021年度。",  # a whole year: GX401/GX402 read it separately
    ],
)
def test_sentences_that_are_no_range_statement(sentence):
    assert find_period(sentence) is None


def test_a_malformed_period_is_no_missing_period():
    text = (
        "示例县教育局2021年政府信息公开工作年度报告\n本报告所列数据的统计期限自202111日起至20211230日止。\n"
        "一、总体情况\n本年度工作正常开展。\n"
    )
    report = parse_text(text)
    assert report.period is not None and (report.period.start, report.period.end) == (
        D(2021, 1, 1),
        D(2021, 12, 30),
    )
    found = [f for f in lint(text) if f.code in ("GX401", "GX402")]
    assert [(f.code, f.severity) for f in found] == [("GX402", "error")]
    assert "读作 2021-01-01 至 2021-12-30" in found[0].message


# -- site chrome is never the title or the agency -------------------------------------------------------

BODY = "\n一、总体情况\n本年度工作正常开展。\n"


@pytest.mark.parametrize(
    "head",
    [
        "当前位置：首页 > 政务公开 > 政府信息公开年报\n索引号：114101/2022-00012\n发布机构：示例县教育局\n字号：大 中 小\n",
        "首页 > 政务公开 > 政府信息公开年报 > 示例县教育局2021年政府信息公开工作年度报告\n",
        "您现在的位置：首页 > 政务公开 > 年报\n",
        "【字体：大 中 小】\n",
        "字号 大 中 小\n",
        "发布机构：示例县教育局  发布日期：2022-01-20\n",
        "索引号\t114101/2022-001\t发布机构\t示例县教育局\n",
        "2021年信息公开年报\n",  # the site's column name above the title
    ],
)
def test_chrome_is_not_the_title(head):
    report = parse_text(head + "示例县教育局2021年政府信息公开工作年度报告" + BODY)
    assert (report.title, report.agency, report.year) == (
        "示例县教育局2021年政府信息公开工作年度报告",
        "示例县教育局",
        2021,
    )


def test_a_breadcrumb_or_a_sentence_is_never_the_title():
    report = parse_text(
        "当前位置：首页 > 政务公开 > 示例县教育局2021年政府信息公开工作年度报告\n"
        "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。" + BODY
    )
    assert report.title is None and report.agency is None and report.year == 2021


def test_a_two_line_title_keeps_its_agency():
    report = parse_text("示例县教育局\n关于2021年政府信息公开工作年度报告" + BODY)
    assert report.title == "示例县教育局关于2021年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "head, title, agency",
    [
        # a page run onto one line, a blank between the agency and the rest of the title
        (
            "示例县农业农村局 2023年政府信息公开工作年度报告 ",
            "示例县农业农村局2023年政府信息公开工作年度报告",
            "示例县农业农村局",
        ),
        (
            "示例县人民政府办公室\u30002023年政府信息公开工作年度报告 ",
            "示例县人民政府办公室2023年政府信息公开工作年度报告",
            "示例县人民政府办公室",
        ),
        # a word before the blank that names no organ is not taken into the title
        ("年度报告 2023年政府信息公开工作年度报告 ", "2023年政府信息公开工作年度报告", None),
    ],
)
def test_a_title_run_onto_one_line_keeps_its_agency(head, title, agency):
    body = (
        "本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2023年1月1日起至2023年12月31日止。" * 2
    )
    report = parse_text(head + body)
    assert (report.title, report.agency) == (title, agency)


@pytest.mark.parametrize("head", ["发布日期：2022年01月20日\n\n", "发布时间：2022-01-20 09:30\n"])
def test_a_publication_date_above_a_two_line_title_is_not_part_of_it(head):
    # before: 发布日期：2022年01月20日示例县教育局2021年…, a title "of 2022" and an agency that
    # paired with no other year
    report = parse_text(head + "示例县教育局\n2021年政府信息公开工作年度报告" + BODY)
    assert (report.title, report.agency) == ("示例县教育局2021年政府信息公开工作年度报告", "示例县教育局")
    assert report.published is not None and report.published.date.isoformat() == "2022-01-20"


def test_a_publication_date_after_another_header_field_is_read():
    report = parse_text(
        "发布机构：示例县教育局\u3000\u3000发布日期：2022-02-10\n\n示例县教育局2021年政府信息公开工作年度报告"
        + BODY
    )
    assert report.published is not None and report.published.date.isoformat() == "2022-02-10"


def test_chibi_column_name_is_not_in_the_title():
    report = parse_text(shared("corpus/chibi_pufang_2020_pipes.txt").read_text(encoding="utf-8"))
    assert (report.title, report.agency) == ("蒲纺工业园区2020年政府信息公开工作年度报告", "蒲纺工业园区")
