"""Severity tells the truth: a rule that lowers its errors to warnings for reports of early years
declares it (``Rule.relaxed_until``), and ``gxlint rules``, ``gxlint explain`` and docs/rules say so
(the command-line side is in test_cli.py)."""

from __future__ import annotations

import inspect

from clitools import EXAMPLE, ROOT
from gxlint.cli import docs as generator
from gxlint.output import ruledocs as docs
from gxlint.run.api import lint_text


def _rules():
    return {r.code: r for r in generator.builtin_rules()}


def test_every_rule_that_lowers_its_errors_by_year_declares_it():
    """A rule of the built-in plugin that asks for the year-dependent severity (``_severity``) and
    whose default is error says up to which year it reports warnings instead."""
    for code, rule in _rules().items():
        source = inspect.getsource(rule)
        if rule.severity == "error" and "_severity(" in source:
            assert isinstance(rule.relaxed_until, int), (
                f"{code} lowers its severity by year but declares no relaxed_until"
            )
        if rule.relaxed_until is not None:
            assert rule.severity == "error" and not rule.validate(), code


def _as_2019(text: str) -> str:
    return text.replace("2021", "2019").replace("2022", "2020")


def test_the_findings_on_an_early_report_are_what_the_metadata_says():
    rules = _rules()
    text = EXAMPLE.read_text(encoding="utf-8")
    defective = text.replace("## 五、存在的主要问题及改进情况\n", "").replace("## 六、", "## 七、")
    lowered: set[str] = set()
    for year_text, year in ((_as_2019(defective), 2019), (defective, 2021)):
        for f in lint_text(year_text, config={"lang": "en"}):
            rule = rules.get(f.code)
            if rule is None or f.severity == rule.severity:
                continue
            # an error reported as a warning: only for a rule that declares it, for a year it names
            assert (rule.severity, f.severity) == ("error", "warning"), f
            assert rule.relaxed_until is not None and year <= rule.relaxed_until, (year, f)
            lowered.add(f.code)
    assert {"GX101", "GX102"} <= lowered


def test_rule_pages_and_the_index_show_the_lowered_years():
    for code, rule in _rules().items():
        page = docs.render_rule_page(rule)
        shown = (ROOT / "docs" / "rules" / f"{code}.md").read_text(encoding="utf-8")
        if rule.relaxed_until is None:
            assert "and earlier" not in page.split("\n\n", 3)[2]
            continue
        for text in (page, shown):
            assert (
                f"- **Default severity**: error; a warning for reports of {rule.relaxed_until} and earlier"
                in text
            ), code
            assert f"- **默认级别**：错误；{rule.relaxed_until} 年度及以前的报告为警告" in text, code
        index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
        assert f"| {rule.name} | error, ≤{rule.relaxed_until} warning |" in index, code
