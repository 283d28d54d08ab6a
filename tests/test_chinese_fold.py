"""fold() and find_period() against their plain definitions: a translation over the whole text and
_RANGE.finditer at every character."""

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
