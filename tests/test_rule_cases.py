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
    # GX000 reports other rules' crashes, which a case running one rule cannot make:
    # tests/test_robustness.py has them
    loaded = plugins.load().rules
    rules = {code for code, r in loaded.items() if r.plugin == "builtin" and not r.reports_crashes}
    kinds = {(c.rule, c.kind) for c in ALL}
    missing = sorted(
        f"{code} {kind}" for code in rules for kind in ("pass", "fail") if (code, kind) not in kinds
    )
    assert not missing, "rules without cases: " + ", ".join(missing)
    # a rule that compares with last year's report fails only with it
    for case in ALL:
        if case.kind == "fail" and loaded[case.rule].uses_previous:
            assert case.previous, f"{case}: a fail case of a cross-year rule needs 'previous'"
