"""The publication date of a report: a crawled page's header line read in text as the web reader reads
it in a page (docs/input.md: the same report gives the same findings whatever its form), and the
date spellings read once, in gxlint/chinese.py, for header lines and signatures alike."""

from __future__ import annotations

import datetime as dt

import pytest

from gxlint import parse_bytes, parse_text
from gxlint.chinese import PUBLICATION_LABELS, labelled_date, whole_date, written_dates
from gxlint.run.linter import Linter

TITLE = "示例县教育局2021年政府信息公开工作年度报告"
INTRO = "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
CHAPTERS = (
    "一、总体情况",
    "2021年，本机关依法推进政府信息公开。",
    "二、主动公开政府信息情况",
    "（表略）",
    "三、收到和处理政府信息公开申请情况",
    "（表略）",
    "四、政府信息公开行政复议、行政诉讼情况",
    "（表略）",
    "五、存在的主要问题及改进情况",
    "栏目更新不够及时，将建立月度巡查机制。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
)
SIGNATURE = ("示例县教育局", "2022年1月20日")

#: header lines of crawled pages, and the publication date each states
HEADERS = [
    ("发布时间：2022-01-25\u3000字体：[大 中 小]", "2022-01-25"),
    ("发布日期：2022-01-25\u3000\u3000成文日期：2022-01-20", "2022-01-25"),
    ("成文日期：2022-01-20\u3000\u3000发布日期：2022-02-01", "2022-02-01"),
    ("【发布时间：2022-02-01】【字体：大 中 小】", "2022-02-01"),
    ("发布日期：２０２２－０２－０１", "2022-02-01"),
    ("发布日期：二〇二二年二月一日", "2022-02-01"),
    ("成文日期：2022-01-18", "2022-01-18"),  # the only date the page gives
]


def text_report(header: str) -> str:
    return "\n".join((TITLE, header, INTRO, *CHAPTERS, *SIGNATURE)) + "\n"


def html_report(header: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in (INTRO, *CHAPTERS, *SIGNATURE))
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>' + TITLE + "</title></head>\n<body>\n"
        '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>\n<div class="article">\n'
        f'<h1>{TITLE}</h1>\n<div class="info">{header}</div>\n<div class="content">\n{paragraphs}'
        "</div>\n</div>\n</body></html>\n"
    ).encode("utf-8")


def findings(path) -> list[tuple[str, str]]:
    linter = Linter(overrides={"lang": "en", "select": ["GX4"]}, isolated=True)
    return sorted((f.code, f.message) for f in linter.lint_path(str(path)))


@pytest.mark.parametrize(("header", "date"), HEADERS)
def test_a_header_lines_publication_date_is_read_in_text(header, date):
    # before: the first 年月日 date of the paragraph the header line was run into (the period's
    # start, 2021-01-01), or the 成文日期 written before the 发布日期, or nothing
    report = parse_text(text_report(header))
    assert report.published is not None
    assert report.published.date.isoformat() == date
    assert report.published.span.line == 2


@pytest.mark.parametrize(("header", "date"), HEADERS)
def test_a_header_lines_publication_date_is_the_same_in_text_and_in_a_page(header, date):
    page = parse_bytes(html_report(header), "report.html")
    assert page.published is not None and page.published.date.isoformat() == date


@pytest.mark.parametrize(("header", "date"), HEADERS)
def test_a_header_line_gives_the_same_findings_in_text_and_in_a_page(header, date, tmp_path):
    (tmp_path / "report.txt").write_text(text_report(header), encoding="utf-8")
    (tmp_path / "report.html").write_bytes(html_report(header))
    in_text = findings(tmp_path / "report.txt")
    assert in_text == findings(tmp_path / "report.html")
    late = date > "2022-01-31"
    assert [code for code, _ in in_text] == (["GX404"] if late else [])


def test_the_header_line_is_not_run_into_the_introduction():
    report = parse_text(text_report(HEADERS[0][0]))
    assert all("字体" not in p.text or INTRO not in p.text for p in report.paragraphs)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2022年2月1日", dt.date(2022, 2, 1)),
        ("2022年2月1号", dt.date(2022, 2, 1)),
        ("２０２２－０２－０１", dt.date(2022, 2, 1)),
        ("２０２２年２月１日", dt.date(2022, 2, 1)),
        ("2022.2.1", dt.date(2022, 2, 1)),
        ("二〇二二年二月一日", dt.date(2022, 2, 1)),
        ("二0二二年二月一日", dt.date(2022, 2, 1)),  # the digit zero typed for 〇
        ("二０二二年二月一日", dt.date(2022, 2, 1)),
        # the old forms a 公文 may still use: 元月 (January), 廿 (twenty), 卅 (thirty)
        ("二〇二三年元月二十日", dt.date(2023, 1, 20)),
        ("二〇二三年一月廿日", dt.date(2023, 1, 20)),
        ("二〇二三年一月廿一日", dt.date(2023, 1, 21)),
        ("二〇二三年三月卅一日", dt.date(2023, 3, 31)),
    ],
)
def test_the_shared_date_reader_reads_each_spelling(text, date):
    written = whole_date(text)
    assert written is not None and written.date == date
    assert [w.date for w in written_dates("落款：" + text)] == [date]


def test_a_month_written_alone_is_a_month():
    written = whole_date("2022年2月")
    assert written is not None and written.date is None
    assert (written.year, written.month, written.day, written.last_day) == (
        2022,
        2,
        None,
        dt.date(2022, 2, 28),
    )


def test_dates_come_in_the_order_they_are_written():
    text = "发布日期：2022-01-25 统计期限自2021年1月1日起"
    assert [w.date for w in written_dates(text)] == [dt.date(2022, 1, 25), dt.date(2021, 1, 1)]


def test_a_label_reads_only_its_own_fields_date():
    assert labelled_date("成文日期：2022-01-20　发布日期：2022-02-01", PUBLICATION_LABELS[0]).date == dt.date(
        2022, 2, 1
    )
    assert labelled_date("发布日期：（空）成文日期：2022-01-20", PUBLICATION_LABELS[0]) is None
