"""fold() and find_period() against their plain definitions: a translation over the whole text and
_RANGE.finditer at every character."""

import pytest
import random
import unicodedata
from functools import lru_cache

from gxlint import chinese


@lru_cache(maxsize=1)
def _whole() -> dict[int, str | None]:
    whole: dict[int, str | None] = {}
    for lo, hi in chinese._FOLD_RANGES:
        for cp in range(lo, hi + 1):
            n = unicodedata.normalize("NFKC", chr(cp))
            if len(n) == 1:
                whole[cp] = n
    whole.update({cp: None for cp in (*chinese._WHITESPACE, ord("*"))})
    return whole


def _translated(text: str) -> str:
    return text.translate(_whole())


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_fold_is_one_translation_for_every_code_point_and_random_strings():
    points = [chr(cp) for cp in range(0x20000) if not 0xD800 <= cp <= 0xDFFF]
    for ch in points:
        assert chinese.fold(ch) == _translated(ch)
        assert chinese.fold(f"a{ch}*{ch}b") == _translated(f"a{ch}*{ch}b")
    rng = random.Random(11)
    common = list("，。（）：；、“”《》＊* \t\u3000\xa0１２年月日统计期限ＡＢab①㈠〇⼀")
    for _ in range(3000):
        pool = common if rng.random() < 0.7 else points
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(40)))
        assert chinese.fold(text) == _translated(text)
    assert chinese.fold("＊*＊") == "**"  # ＊ folds to *, which only a * as written drops


def _period_by_finditer(text: str):
    folded = chinese.fold(text)
    for m in chinese._RANGE.finditer(folded):
        if chinese.PERIOD_WORDS.search(folded, max(0, m.start() - 40), m.start()):
            return 1, chinese._range(text, m)
    return None


def _ranges_at_years(folded: str) -> list[tuple[int, int]]:
    out, resume = [], 0
    for year in chinese._YEAR_START.finditer(folded):
        if year.start() >= resume and (m := chinese._RANGE.match(folded, year.start())) is not None:
            out.append(m.span())
            resume = m.end()
    return out


def test_ranges_are_found_where_years_start_as_at_every_character():
    rng = random.Random(11)
    parts = [
        "2021", "２０２１", "20211", "1231", "12", "1", "年", "月", "日", "号", "底", "至", "到", "起",
        "开始", "-", "—", "~", ".", "/", "，", "。", "统计", "期间", "报告期", "截至", "数据", " ", "示例县",
    ]  # fmt: skip
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(30)))
        folded = chinese.fold(text)
        assert _ranges_at_years(folded) == [m.span() for m in chinese._RANGE.finditer(folded)]
        found = chinese.find_period(text)
        if found is None or found[0] == 1:
            expected = _period_by_finditer(text)
            assert (found and (found[0], found[1].begin, found[1].stop)) == (
                expected and (expected[0], expected[1].begin, expected[1].stop)
            )
    for text in (
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "示例县2021年度在统计期间（2021-01-01至2021-12-31）共受理申请12件。",
        "期间为20210101—20211231，其中2021年1-12月办理12件。",
    ):
        folded = chinese.fold(text)
        assert _ranges_at_years(folded) == [m.span() for m in chinese._RANGE.finditer(folded)]


def test_year_starts_are_those_of_the_look_behind_pattern():
    import re

    plain = re.compile(r"(?<!\d)\d{4}")
    rng = random.Random(5)
    parts = ["1", "12", "2021", "20211231", "２０２１", "٢٠٢١", "年", "-", " ", "示例"]
    for _ in range(3000):
        text = chinese.fold("".join(rng.choice(parts) for _ in range(rng.randrange(20))))
        assert [m.start() for m in chinese._YEAR_START.finditer(text)] == [
            m.start() for m in plain.finditer(text)
        ]


def test_no_other_character_folds_to_a_character_that_period_words_need():
    for lo, hi in chinese._FOLD_RANGES:
        for cp in range(lo, hi + 1):
            if chr(cp) not in chinese._PERIOD_CHARS:
                assert not set(chinese.fold(chr(cp))) & set(chinese._PERIOD_CHARS)
    for m in chinese.PERIOD_WORDS.finditer("统计期限期间时段时限区间所列数据报告期"):
        assert set(m.group()) & set(chinese._PERIOD_CHARS)
    # the words of every alternative
    for word in chinese.PERIOD_WORDS.pattern.replace("(?!内)", "").split("|"):
        assert set(word) & set(chinese._PERIOD_CHARS), word


def _find_period_plain(text: str):
    """find_period() as it was before its shortcuts: every text folded, both word patterns tried
    over the whole text, years found by the look-behind pattern."""
    import re

    folded = chinese.fold(text)
    if not chinese.PERIOD_WORDS.search(folded):
        return None
    words = sorted(
        [*chinese.PERIOD_STATEMENT.finditer(folded), *re.finditer(r"(?:所列|统计)数据|数据统计", folded)],
        key=lambda w: w.start(),
    )
    for w in words:
        stop = min(len(folded), w.end() + 50)
        for end_char in chinese._SENTENCE_END:
            at = folded.find(end_char, w.end(), stop)
            if at >= 0:
                stop = at
        until = chinese._UNTIL.search(folded, w.end(), stop)
        first = chinese._TOKEN.search(folded, w.end(), stop)
        if (
            until is not None
            and (first is None or until.start() < first.start())
            and not re.search(r"[,，]", folded[w.end() : until.start()])
        ):
            reading = chinese._read_date(until, "2", last=True)
            return 2, chinese._cut(text, folded, None, reading, until.start(), until.end(), True)
        reading = chinese._tokens(text, folded, w.end(), stop, loose=w.re is chinese.PERIOD_STATEMENT)
        if reading is not None:
            return 2, reading
    resume = 0
    for year in re.finditer(r"(?<!\d)\d{4}", folded):
        if year.start() < resume:
            continue
        m = chinese._RANGE.match(folded, year.start())
        if m is None:
            continue
        resume = m.end()
        if chinese.PERIOD_WORDS.search(folded, max(0, m.start() - 40), m.start()):
            return 1, chinese._range(text, m)
    return None


def _reading(found) -> tuple | None:
    if found is None:
        return None
    r = found[1]
    dates = [(d.text, d.year, d.dates, d.lost) if d is not None else None for d in (r.start, r.end)]
    return found[0], r.begin, r.stop, r.text, r.until, dates


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
def test_find_period_is_its_plain_definition():
    rng = random.Random(7)
    parts = [
        "2021", "２０２１", "1231", "12", "1", "年", "月", "日", "至", "到", "起", "-", "，", "。", "统计",
        "统 计", "期间", "期限", "报告期", "报告 期", "所列数据", "数据统计", "数 据", "截至", "时段", "区间", " ",
        "示例县", "度", "时间", "内",
    ]  # fmt: skip
    for _ in range(6000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(25)))
        assert _reading(chinese.find_period(text)) == _reading(_find_period_plain(text)), text


def test_statements_are_mapped_back_as_by_fold_index():
    rng = random.Random(3)
    parts = ["统计期限", "自", "2021年1月1日", "至", "2021年12月31日", " ", "*", "\u3000", "，", "示例"]
    for _ in range(2000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 15)))
        folded = chinese.fold(text)
        if not folded:
            continue
        index = chinese.fold_index(text)
        begin = rng.randrange(len(folded))
        stop = rng.randrange(begin + 1, len(folded) + 1)
        reading = chinese._cut(text, folded, None, None, begin, stop)
        assert (reading.begin, reading.stop) == (index[begin], index[stop - 1] + 1)
