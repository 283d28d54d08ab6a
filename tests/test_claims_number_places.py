"""The claims analysis tries its patterns only where they can begin: at their start words, or at
the numbers right before a unit.  These tests hold each shortcut to ``finditer``, also on digits
that are not ASCII and on runs of numerals longer than a number."""

from __future__ import annotations

import random

import pytest

from gxlint.lint.analyses import claims

PATTERNS = sorted({**claims._STARTS, **claims._NEEDS, **claims._NUMBER_BEFORE})
BY_SOURCE = {
    p.pattern: p
    for p in (
        *claims.RECEIVED,
        *claims.HANDLED,
        *claims.WORKLOAD,
        *claims.CARRIED_OUT,
        *claims.CARRIED_IN,
        *claims.CARRIED_IN_YEAR,
        *claims.CARRIED_OUT_YEAR,
        claims.OUTCOME,
        claims.REVIEW,
        claims.LITIGATION,
        claims.MAINTAINED,
        *claims.NONE_RECEIVED,
        *claims.NONE_REVIEWED,
    )
}
TEXTS = (
    "件5件结转至下年度",
    "十二件结转下年,二二二二件结转下年,5十件延期至下年度",
    "３件结转至下年度,٣件结转至下年度,12件3件结转下一年度",
    "新收到申请5件,已办结7件,行政复议3件,未收到行政复议申请,没有收到申请",
    "2020年结转的5件,5件结转至2022年,结转至2022年继续办理3件,20212件转至2022年",
)


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    words = sorted({w for ws in (*claims._STARTS.values(), *claims._NEEDS.values()) for w in ws})
    pieces = (
        words
        + list("0123456789３٣零〇一二两三十百千件个申请了的共,。下年度至")
        + ["申请", "政府信息公开", "2020年", "2022年"]
    )
    out = list(TEXTS)
    for _ in range(3000):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))))
    return out


@pytest.mark.parametrize("source", PATTERNS)
def test_a_pattern_tried_where_it_can_begin_finds_what_finditer_finds(source):
    pattern = BY_SOURCE[source]
    for text in _texts(len(source)):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in claims._matches(pattern, text)] == expected, text
