"""Statements of the statistics period written in Chinese numerals (二〇二一年一月一日起至…) read as
the same statement in Arabic digits, cut from the text as written."""

import datetime as dt
import random

from gxlint.chinese import arabic_dates, find_period, numeral_text, read_period, year_number


def _cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(year))


def _cn_date(d: dt.date, with_year: bool = True) -> str:
    year = _cn_year(d.year) + "年" if with_year else ""
    return f"{year}{numeral_text(d.month)}月{numeral_text(d.day)}日"


def test_the_dates_are_converted_and_each_digit_stands_on_its_numerals():
    text = "统计期限自二〇二一年一月一日起至二〇二一年十二月三十一日止。十月"
    arabic, index = arabic_dates(text)
    assert arabic == "统计期限自2021年1月1日起至2021年12月31日止。10月"
    assert len(index) == len(arabic)
    assert all(arabic[i] == text[index[i]] for i, ch in enumerate(arabic) if not ch.isdigit())
    # a number's last digit stands on its last numeral, its first on its first
    end = arabic.index("31日")
    assert text[index[end]] == "三" and text[index[end + 1]] == "一"
    assert index == sorted(index)


def test_a_text_without_a_year_in_chinese_numerals_is_left_alone():
    for text in ("统计期限自2021年1月1日起至2021年12月31日止", "全年共一月一日", "零星", "○○"):
        assert arabic_dates(text) is None, text


def test_a_statement_in_chinese_numerals_reads_as_in_arabic_and_is_cut_as_written():
    rng = random.Random(7)
    for _ in range(300):
        year = rng.randrange(2000, 2100)
        start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        end = start + dt.timedelta(days=rng.randrange(400))
        with_year = rng.random() < 0.5 or end.year != start.year
        cn = f"{_cn_date(start)}起至{_cn_date(end, with_year)}"
        ar = f"{start.year}年{start.month}月{start.day}日起至" + (
            f"{end.year}年{end.month}月{end.day}日" if with_year else f"{end.month}月{end.day}日"
        )
        before = "本报告所列数据的统计期限自"
        strength, reading = find_period(f"{before}{cn}止。")
        strength_ar, reading_ar = find_period(f"{before}{ar}止。")
        assert strength == strength_ar == 2
        assert (reading.start, reading.end) == (reading_ar.start, reading_ar.end), cn
        assert reading.text == cn and reading.begin == len(before) and reading.stop == len(before) + len(cn)
        again = read_period(cn)
        assert again is not None and again.text == cn
        assert [d.dates for d in (again.start, again.end)] == [(start,), (end,)], cn


def test_a_whole_year_in_chinese_numerals_is_its_number():
    assert year_number("二〇二一") == 2021
    assert year_number("二零二零") == 2020
    assert year_number("２０２２") == 2022
    assert year_number("2023") == 2023
