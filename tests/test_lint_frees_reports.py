"""A report linted is freed as soon as nobody holds it: nothing the rules leave behind (the
per-report analyses of ``ctx.memo``, some of which hold the context that holds them) keeps its
tables alive until the cycle collector happens to run.  Over a thousand reports that garbage
was most of the collector's work (docs/performance.md)."""

from __future__ import annotations

import gc

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
