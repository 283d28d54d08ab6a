"""Every rule's YAML cases (rules/cases/*.yaml), run through gxlint.testing."""

from pathlib import Path

import pytest

from gxlint.plugins import discovery as plugins
from gxlint.testing import cases, check

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"
ALL = cases(CASES)


@pytest.mark.parametrize("case", ALL, ids=str)
def test_rule_case(case):
    check(case)


def test_every_builtin_rule_has_a_failing_and_a_passing_case():
    # the cross-year rules (GX5xx) compare two reports, which a case of one text cannot hold:
    # their passing and failing pairs are in tests/test_crossyear.py; GX000 reports other rules'
    # crashes, which a case running one rule cannot make: tests/test_robustness.py has them
    rules = {
        code
        for code, r in plugins.load().rules.items()
        if r.plugin == "builtin" and not r.uses_previous and not r.reports_crashes
    }
    kinds = {(c.rule, c.kind) for c in ALL}
    missing = sorted(
        f"{code} {kind}" for code in rules for kind in ("pass", "fail") if (code, kind) not in kinds
    )
    assert not missing, "rules without cases: " + ", ".join(missing)
