"""Comparing the table values gxlint reads with the values a report is known to hold.

``../shared/forms/<form>/values.json`` gives, for each sample report, every value the way
``gxlint parse --format json`` keys them; labels are compared without spaces and with half-width
punctuation.  Used by the reader tests of every form and by tests/test_shared_forms.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
FORMS = ("txt", "docx", "html", "pdf", "layout", "pipes", "cells")
RL_BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")
RL_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_WIDTH = str.maketrans("（）：，", "():,")


def norm(label) -> str:
    return re.sub(r"\s+", "", str(label)).translate(_WIDTH)


def find(mapping, label):
    wanted = norm(label)
    for key, value in (mapping or {}).items():
        if norm(key) == wanted:
            return value
    return None


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return False


def tables_of(report) -> dict:
    from gxlint.output.dataset import report_to_dict

    return {t.get("kind"): t.get("values") for t in report_to_dict(report).get("tables", [])}


def expected_values(entry: dict) -> dict:
    """A values.json entry as kind → row → column → value (its review table is a list per block)."""
    values = entry["values"]
    want = {k: values.get(k, {}) for k in ("active_disclosure", "applications")}
    want["review_litigation"] = {
        block: dict(zip(RL_COLUMNS, row))
        for block, row in zip(RL_BLOCKS, values.get("review_litigation", []))
    }
    return want


def misses(tables: dict, want: dict) -> tuple[int, list[tuple]]:
    """How many values ``want`` holds, and the ones ``tables`` does not read (kind, row, column,
    expected, got)."""
    total, missed = 0, []
    for kind, rows in want.items():
        for row, columns in rows.items():
            for column, value in columns.items():
                total += 1
                got = find(find(tables.get(kind), row), column)
                if not same(got, value):
                    missed.append((kind, row, column, value, got))
    return total, missed


def misses_in_text(text: str, entry: dict) -> tuple[int, list[tuple]]:
    from gxlint.run.api import parse_text

    return misses(tables_of(parse_text(text)), expected_values(entry))


def shared_form(form: str) -> tuple[Path, dict]:
    """The folder of one shared form and its values.json; skips when ../shared is absent."""
    folder = SHARED_FORMS / form
    if not (folder / "values.json").exists():
        pytest.skip(f"the shared sample reports are not available: {folder} does not exist")
    return folder, json.loads((folder / "values.json").read_text(encoding="utf-8"))
