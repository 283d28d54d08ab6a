"""The throughput verdicts of benchmarks/run.py say which measurement met the budget."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _run_module():
    spec = importlib.util.spec_from_file_location("gxlint_benchmarks_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def _measured(median: float, best: float, cpu: float) -> dict:
    return {"jobs1_reports_per_s": median, "jobs1_best_reports_per_s": best, "jobs1_reports_per_cpu_s": cpu}


def test_the_verdict_names_the_measurement_that_met_the_budget():
    verdict = _run_module().throughput_verdict
    assert verdict(_measured(210, 240, 212)) == "met"
    assert verdict(_measured(180, 230, 182)) == "met (best run)"
    assert verdict(_measured(180, 190, 205)) == "met (CPU)"
    assert verdict(_measured(150, 190, 160)) == "MISSED"


def test_the_speedup_verdict_names_the_runs_that_met_the_budget():
    verdict = _run_module().speedup_verdict
    assert verdict({"jobs2_speedup": 1.8, "jobs2_best_speedup": 1.6}) == "met"
    assert verdict({"jobs2_speedup": 1.6, "jobs2_best_speedup": 1.8}) == "met (best runs)"
    assert verdict({"jobs2_speedup": 1.6, "jobs2_best_speedup": 1.65}) == "MISSED"


def test_results_written_before_the_best_run_was_kept_still_get_a_verdict():
    verdict = _run_module().throughput_verdict
    assert verdict({"jobs1_reports_per_s": 150, "jobs1_reports_per_cpu_s": 160}) == "MISSED"
