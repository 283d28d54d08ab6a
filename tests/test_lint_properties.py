"""lint_text never raises and always returns well-formed findings (hypothesis).

Well-formed: a Finding of a known severity with a code, a name and a message; its start inside the
text (1-based line and column, the column at most one past the line's end); its end at or after
its start; sorted.  And no GX000: no rule may crash on any of these texts.  Example counts are kept
modest so the suite stays fast.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gxlint import lint_text, parse_text
from gxlint.finding import SEVERITIES, Finding
from gxlint.read.source import normalize_newlines
from conftest import EXAMPLE, FIXTURES, SHARED

pytestmark = pytest.mark.slow  # property runs (hypothesis)

REPORTS = [
    EXAMPLE,
    *sorted(FIXTURES.glob("*.txt")),
    *sorted(FIXTURES.glob("*.md")),
    *sorted(SHARED.glob("seeds/*.txt")),
    *sorted(SHARED.glob("corpus/*.txt")),
]
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in REPORTS}
NAMES = sorted(TEXTS)

SLOW = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CELL_TEXT = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３+-—.,，。（）()元件 \t|一二十总计年") + ["\n", "\u3000"]
    ),
    max_size=12,
) | st.text(max_size=8)


def check_findings(text: str, findings: list, path: str = "<text>") -> None:
    lines = normalize_newlines(text).split("\n")
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    for f in findings:
        assert isinstance(f, Finding)
        assert f.code != "GX000", f.message  # no rule crashed
        assert f.code and f.name and f.message and f.severity in SEVERITIES
        assert f.path == path
        assert 1 <= f.line <= len(lines), (f, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1][:80])
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
        assert f.end_line <= len(lines), f


def lint(text: str) -> list:
    findings = lint_text(text)
    check_findings(text, findings)
    return findings


# -- arbitrary text ----------------------------------------------------------------------------------------


@settings(max_examples=120, **SLOW)
@given(st.text(max_size=600))
def test_arbitrary_text(text):
    lint(text)


REPORTISH = st.sampled_from(
    list("一二三四五六七八九十、（）()0123456789\t\n |.－—总计第二十条项年月日报告#*：")
    + ["\r\n", "\r", "\u3000", "\f", "一、总体情况\n", "行政复议", "申请人情况", "结果维持"]
)


@settings(max_examples=120, **SLOW)
@given(st.lists(REPORTISH, max_size=400).map("".join))
def test_report_like_noise(text):
    lint(text)


# -- real and fixture reports, lines deleted, duplicated, shuffled ----------------------------------------


@settings(max_examples=60, **SLOW)
@given(st.sampled_from(NAMES), st.data())
def test_reports_with_lines_deleted_duplicated_or_shuffled(name, data):
    lines = TEXTS[name].split("\n")
    for _ in range(data.draw(st.integers(1, 10), label="edits")):
        if not lines:
            break
        op = data.draw(st.sampled_from(["delete", "duplicate", "shuffle", "move", "join"]), label="op")
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines[i:i] = lines[i : i + data.draw(st.integers(1, 5), label="count")]
        elif op == "shuffle":
            j = min(len(lines), i + data.draw(st.integers(2, 12), label="span"))
            window = lines[i:j]
            lines[i:j] = data.draw(st.permutations(window), label="order")
        elif op == "move":
            j = data.draw(st.integers(0, len(lines) - 1), label="to")
            lines.insert(j, lines.pop(i))
        else:  # a crawler that lost the line breaks
            lines[i : i + 2] = [" ".join(lines[i : i + 2])]
    lint("\n".join(lines))


@settings(max_examples=15, **SLOW)
@given(st.sampled_from(NAMES))
def test_reports_on_one_line(name):
    lint(TEXTS[name].replace("\n", " "))


# -- tables with random cells replaced by random strings --------------------------------------------------


def _cell_spans(text: str) -> list[tuple[int, int]]:
    report = parse_text(text)
    spans = set()
    for table in report.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.span.end > cell.span.start:
                    spans.add((cell.span.start, cell.span.end))
        for raw in table.raw:
            for field in raw.fields:
                if field.span.end > field.span.start:
                    spans.add((field.span.start, field.span.end))
    # keep spans that do not overlap (a run-together field holds several cells)
    out, last = [], -1
    for start, end in sorted(spans):
        if start >= last:
            out.append((start, end))
            last = end
    return out


SPANS = {name: _cell_spans(normalize_newlines(text)) for name, text in TEXTS.items()}
WITH_TABLES = [name for name in NAMES if SPANS[name]]


@settings(max_examples=60, **SLOW)
@given(st.sampled_from(WITH_TABLES), st.data())
def test_tables_with_random_cells_replaced(name, data):
    text = normalize_newlines(TEXTS[name])
    spans = SPANS[name]
    chosen = data.draw(st.lists(st.sampled_from(spans), min_size=1, max_size=12, unique=True), label="cells")
    for start, end in sorted(chosen, reverse=True):
        text = text[:start] + data.draw(CELL_TEXT, label="new text") + text[end:]
    lint(text)


def test_the_strategies_reach_the_tables():
    # the cell-replacement test is only meaningful if the reports do have cells to replace
    assert len(WITH_TABLES) >= 4
    assert sum(len(SPANS[name]) for name in WITH_TABLES) > 500


def test_findings_carry_the_given_path():
    findings = lint_text("", "reports/empty.txt")
    check_findings("", findings, "reports/empty.txt")
    assert [f.code for f in findings] == ["GX002"]
