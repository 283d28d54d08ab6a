"""A report linted is freed as soon as nobody holds it: nothing the rules leave behind (the
per-report analyses of ``ctx.memo``, some of which hold the context that holds them) keeps its
tables alive until the cycle collector happens to run.  Over a thousand reports that garbage
was most of the collector's work (docs/performance.md)."""

from __future__ import annotations

import gc

from gxlint.lint.rule import RuleContext
from gxlint.model import Cell, Paragraph, Row, Table
from gxlint.read import source as source_mod
from gxlint.run.linter import Linter

from clitools import EXAMPLE


def test_linting_a_report_leaves_no_cycle_holding_its_tables():
    linter = Linter(isolated=True)
    settings = linter.settings(None)
    linter.lint_source(source_mod.read_path(str(EXAMPLE), linter.max_bytes), settings)  # warm caches
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        report = linter.read_report(source_mod.read_path(str(EXAMPLE), linter.max_bytes), settings)
        assert report.tables and any(t.rows for t in report.tables)
        findings = linter.lint_report(report, settings)
        del report, findings
        gc.collect()
        held = [o for o in gc.garbage if isinstance(o, (Table, Row, Cell, Paragraph))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert held == []


def test_no_cache_keeps_a_linted_report_alive():
    # a rule's lru_cache keyed on the rule context kept up to its size of contexts alive, each with
    # the report's text and analyses (and last year's report): a run over 1,000 files peaked 5 MB higher
    linter = Linter(isolated=True)
    settings = linter.settings(None)
    name = "示例县-不应留下的报告.txt"
    report = linter.read_report(source_mod.from_bytes(EXAMPLE.read_bytes(), path=name), settings)
    assert report.tables and any(t.rows for t in report.tables)
    linter.lint_report(report, settings)
    del report
    gc.collect()
    held = [
        o
        for o in gc.get_objects()
        if isinstance(o, (source_mod.Source, RuleContext)) and getattr(o, "path", None) == name
    ]
    assert held == []
