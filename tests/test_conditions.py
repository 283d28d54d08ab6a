"""The core knows no rule's code: a file it cannot read and a crash are conditions (a Problem on the
source, a Crash), which the built-in plugin's rules turn into findings (GX001, GX000).  Neither is
silenced by a narrow ``select``; only ``ignore`` silences them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import gxlint_rules
from gxlint.lint.rule import Rule
from gxlint.plugins import discovery as plugins
from gxlint.run.api import lint_paths
from gxlint.run.linter import Linter
from plugintools import plugin

ROOT = Path(__file__).resolve().parents[1]
TEXT = "示例县2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n"


class Boom(Rule):
    """Crashes on every report."""

    code = "TT901"
    name = "boom"
    summary = "crashes"

    def check(self, report, ctx):
        raise ValueError("boom")


def test_no_module_of_the_core_uses_a_rule_code_as_a_value():
    used = []
    for path in sorted((ROOT / "gxlint").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"""["']GX\d{3}""", text):
            continue  # no string starts with a code: nothing to parse
        for node in ast.walk(ast.parse(text)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"GX\d{3}(:.*)?", node.value)
            ):
                used.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert not used, "the core names built-in codes: " + ", ".join(used)


def test_a_crash_is_reported_by_the_builtin_rule_even_when_select_names_only_the_crashing_rule():
    loaded = plugins.load(extra=[gxlint_rules, plugin(Boom, name="bad")], entry_points=False)
    found = Linter(plugins=loaded, overrides={"select": ["TT901"], "lang": "en"}, isolated=True).lint_text(
        TEXT
    )
    assert [f.code for f in found] == ["GX000"]
    assert "rule TT901 (boom, plugin bad) crashed on this file: ValueError: boom" in found[0].message


def test_ignore_silences_crashes_and_without_a_rule_that_reports_them_nothing_is_said():
    loaded = plugins.load(extra=[gxlint_rules, plugin(Boom, name="bad")], entry_points=False)
    quiet = Linter(plugins=loaded, overrides={"select": ["TT901"], "ignore": ["GX000"]}, isolated=True)
    assert quiet.lint_text(TEXT) == []
    alone = plugins.load(extra=[plugin(Boom, name="bad")], entry_points=False)
    assert Linter(plugins=alone, isolated=True).lint_text(TEXT) == []


def test_a_missing_path_is_reported_whatever_select_says_and_only_ignore_silences_it(tmp_path):
    gone = str(tmp_path / "gone.txt")
    found = lint_paths([gone], config={"select": ["GX2"], "lang": "en"})
    assert [(f.code, f.message) for f in found] == [("GX001", f"no such file or directory: {gone}")]
    assert lint_paths([gone], config={"select": ["GX2"], "ignore": ["GX001"]}) == []


@pytest.mark.parametrize(
    "data, code",
    [
        (b"\x00\x01binary\x00", "GX001"),
        (b"PK\x03\x04damaged", "GX001"),
    ],
)
def test_a_file_that_cannot_be_read_is_reported_whatever_select_says(tmp_path, data, code):
    # before: `select: [GX1, GX2]` (a setting docs/config.md suggests) let such a file pass as clean
    path = tmp_path / ("r.docx" if data.startswith(b"PK") else "r.txt")
    path.write_bytes(data)
    assert [f.code for f in lint_paths([str(path)], config={"select": ["GX2"]})] == [code]
    assert lint_paths([str(path)], config={"select": ["GX2"], "ignore": [code]}) == []


def test_a_reader_crash_is_one_finding_and_nothing_else_runs(monkeypatch):
    linter = Linter(overrides={"lang": "en"}, isolated=True)

    def broken(*args, **kwargs):
        raise RuntimeError("reader bug")

    monkeypatch.setattr("gxlint.run.linter.build_report", broken)
    found = linter.lint_text(TEXT, "r.txt")
    assert [f.code for f in found] == ["GX000"]
    assert found[0].message.startswith(
        "gxlint failed while reading this file's structure: RuntimeError: reader bug"
    )
