"""parse_text never raises, whatever the text (hypothesis)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gxlint import parse_text
from conftest import EXAMPLE, FIXTURES

pytestmark = pytest.mark.slow  # property runs (hypothesis)

SEEDS = [
    EXAMPLE.read_text(encoding="utf-8"),
    (FIXTURES / "shili-2019-quirks.txt").read_text(encoding="utf-8"),
    (FIXTURES / "shili-2021-inline.txt").read_text(encoding="utf-8"),
]
ALPHABET = st.sampled_from(
    list("一二三四五六七八九十、（）()0123456789\t\n |.－—总计第二十条项年月日报告#*") + ["\r\n", "　"]
)


def _check(report):
    text = report.source.text
    for block in report.blocks:
        assert 1 <= block.span.line <= report.source.line_count
        assert block.span.start <= len(text)
    for table in report.tables:
        for row in table.rows:
            for cell in row.cells:
                assert cell.status in ("number", "blank", "malformed")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    _check(parse_text(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_report_like_noise(text):
    _check(parse_text(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_reports(seed, data):
    lines = seed.split("\n")
    for _ in range(data.draw(st.integers(0, 8))):
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap", "garble"]))
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            cut = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + data.draw(st.text(max_size=10)) + lines[i][cut:]
    _check(parse_text("\n".join(lines)))
