"""The period reader's shortcuts held to the definitions they replace: a date's groups fetched at
once (not the whole pattern's by name), the period words merged as they are asked for (not all
found and sorted), and :func:`fold`'s common characters replaced by name."""

import pytest
import datetime as dt
import random
import re
import unicodedata
from typing import Any, Callable

from gxlint import chinese


def _read_date_by_name(
    m: re.Match, t: str, year: int | None = None, last: bool = False, month_start: bool = False
) -> chinese.DateReading:
    """The date matched by the groups suffixed ``t``.  ``year``: the start's, for an end written
    without one.  ``last``: a month alone (``12月``) stands for its last day, else its first.
    ``month_start``: a number alone after 年 is a month (``2021年1-12月``)."""
    g: Callable[[str], Any] = m.groupdict().get
    text = g(f"t{t}")
    y: int | None
    if g(f"iy{t}") is not None:
        y = int(g(f"iy{t}"))
        d = chinese.make_date(y, g(f"im{t}"), g(f"id{t}")) if 1990 <= y <= 2100 else None
        return chinese.DateReading(text, y, (d,) if d else ())
    written = g(f"ey{t}") if g(f"ey{t}") is not None else g(f"y{t}")
    y = int(written) if written is not None else year
    if y is None or not 1990 <= y <= 2100:
        return chinese.DateReading(text, y, ())
    if g(f"a{t}") is None:  # 年底 / 2021年底
        return chinese.DateReading(text, y, (dt.date(y, 12, 31),))
    a, b = g(f"a{t}"), g(f"b{t}") or ""
    has_year = written is None or g(f"n{t}") is not None
    has_month, has_day = g(f"m{t}") is not None, g(f"d{t}") is not None
    if has_month:
        lost = "" if has_year else "年"
        if len(a) > 2:
            return chinese.DateReading(text, y, (), lost)
        if b:
            d = chinese.make_date(y, a, b)
        elif has_day:  # 12月日: the day is missing
            d = None
        elif 1 <= int(a) <= 12:
            d = chinese._month_end(y, int(a)) if last else dt.date(y, int(a), 1)
        else:
            d = None
        return chinese.DateReading(text, y, (d,) if d else (), lost)
    if month_start and not b and not has_day and has_year and len(a) <= 2:  # 2021年1-12月
        d = chinese.make_date(y, a, 1)
        return chinese.DateReading(text, y, (d,) if d else ())
    if written is not None and not has_year and not has_day:
        lost = ""  # 20211231: a compact date, nothing lost
    else:
        lost = ("" if has_year else "年") + "月"
    digits, found = a + b, []
    for i in range(1, len(digits)):
        month, day = digits[:i], digits[i:]
        if len(month) <= 2 and len(day) <= 2:
            d = chinese.make_date(y, month, day)
            if d is not None and d not in found:
                found.append(d)
    return chinese.DateReading(text, y, tuple(found), lost)


def _dates(m: re.Match, t: str) -> list:
    out = []
    for year in (None, 2021):
        for last in (False, True):
            for month_start in (False, True):
                r = chinese._read_date(m, t, year, last, month_start)
                out.append((r.text, r.year, r.dates, r.lost))
    return out


def _dates_by_name(m: re.Match, t: str) -> list:
    out = []
    for year in (None, 2021):
        for last in (False, True):
            for month_start in (False, True):
                r = _read_date_by_name(m, t, year, last, month_start)
                out.append((r.text, r.year, r.dates, r.lost))
    return out


_PARTS = [
    "2021", "2020", "1989", "202111", "20211231", "12", "1", "31", "0", "年", "月", "日", "号", "底", "末",
    "-", ".", "/", "至", "到", "起", "开始", "—", "~", "截至", "截止", "统计", "示例", "。",
    "2021年1月1日", "2021-01-01", "2021.1.1", "12月31日", "2021年底", "1231日", "2021年12月", "2月30日",
    "至", "至", "起至", "到",
]  # fmt: skip


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_read_date_is_the_reading_by_group_name():
    rng = random.Random(5)
    seen = 0
    for _ in range(6000):
        pieces = [rng.choice(_PARTS) for _ in range(rng.randrange(1, 12))]
        if rng.random() < 0.5:  # a range as statements write it, with noise around
            sep = rng.choice(["至", "到", "起至", "-", "—", "~", "开始到"])
            start = rng.choice(["2021年1月1日", "2021-01-01", "2021年1", "202111日", "20210101", "2021年"])
            pieces[rng.randrange(len(pieces)) :] = [start, sep, rng.choice(_PARTS), rng.choice(_PARTS)]
        text = "".join(pieces)
        for m in chinese._RANGE.finditer(text):
            seen += 1
            t = "2" if m.group("t2") is not None else "3"
            for suffix in ("1", t):
                assert _dates(m, suffix) == _dates_by_name(m, suffix), text
        for pattern, t in ((chinese._TOKEN, "1"), (chinese._UNTIL, "2")):
            for m in pattern.finditer(text):
                assert _dates(m, t) == _dates_by_name(m, t), text
    assert seen > 800


def test_period_words_are_all_of_them_sorted():
    rng = random.Random(9)
    parts = ["统计", "数据", "所列", "期限", "时间", "报告期", "内", "数据统计期间", "示例", "2021年"]
    for _ in range(4000):
        folded = "".join(rng.choice(parts) for _ in range(rng.randrange(12)))
        words = sorted(
            [*chinese.PERIOD_STATEMENT.finditer(folded), *chinese.PERIOD_DATA.finditer(folded)],
            key=lambda w: w.start(),
        )
        found = list(chinese._period_words(folded))
        assert [(w.re, w.span()) for w in found] == [(w.re, w.span()) for w in words], folded


def test_fold_common_characters_are_what_the_table_makes_of_them():
    table = chinese._fold_table()
    for ch in chinese._COMMON_DROPPED:
        assert table[ord(ch)] is None
    for ch, folded in chinese._COMMON_FOLDED:
        assert table[ord(ch)] == folded == unicodedata.normalize("NFKC", ch)
        # nothing else folds to the character replaced by name: it stands only as written
        assert all(table[cp] != ch for cp in range(0x10000) if chr(cp) != ch)
    for ch in chinese._COMMON_KEPT:
        assert table[ord(ch)] == ch == unicodedata.normalize("NFKC", ch)
        assert not chinese._foldable().search(ch)
    assert dt.date(2021, 1, 1)  # the module imports dt for _read_date_by_name


def test_every_statement_word_holds_a_period_word():
    """find_period asks PERIOD_WORDS only once no word of the statement stated the period."""
    head, _, rest = chinese.PERIOD_STATEMENT.pattern.partition("|报告期")
    assert head.startswith("统计(?:") and rest == "(?!内)"
    words = ["统计" + w for w in head[len("统计(?:") : -1].split("|")] + ["报告期"]
    words += chinese.PERIOD_DATA.pattern.split("|")
    for word in words:
        assert chinese.PERIOD_STATEMENT.fullmatch(word) or chinese.PERIOD_DATA.fullmatch(word), word
        m = chinese.PERIOD_WORDS.search(word)
        assert m is not None and m.end() <= len(word), word
    rng = random.Random(13)
    parts = ["统计", "数据", "所列", "期限", "报告期", "内", "统", "计", "期", "示例"]
    for _ in range(3000):
        folded = "".join(rng.choice(parts) for _ in range(rng.randrange(10)))
        if any(True for _ in chinese._period_words(folded)):
            assert chinese.PERIOD_WORDS.search(folded), folded
