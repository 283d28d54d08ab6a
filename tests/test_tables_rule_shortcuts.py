"""The table rules' shortcuts held to what they stand for: the row identities' plans kept per
template instead of per report."""

from __future__ import annotations


from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION
from gxlint.read.templates import builtin
from gxlint_rules.tables import GX211_disclosure_consistency as gx211
from gxlint_rules.tables._identity import row_plan, row_plans, row_sides


def _fresh(wanted, rows):
    """Each row's plan as found with a store of its own (what a rule did per report)."""
    plans: dict = {}
    return [row_plan(row, wanted, plans) for row in rows]


def test_the_row_plans_kept_per_template_are_the_plans_of_each_report(sample_reports):
    checked = 0
    for template in builtin().formats:
        for name, kind in (
            ("row-total", APPLICATIONS),
            ("review-litigation-total", REVIEW_LITIGATION),
            ("disclosure-consistency", ACTIVE_DISCLOSURE),
        ):
            wanted, plans = row_plans(template, name, kind)
            assert wanted == [(columns, len(left)) for left, _, columns in row_sides(template, name, kind)]
            # the rule's own: GX211 keeps its checks with them
            if name == "disclosure-consistency":
                checks, gx211_wanted, gx211_plans = gx211._plans(template, name)
                assert checks == gx211._checks(template, name) and gx211_wanted == wanted
            for report in sample_reports:
                for table in report.tables:
                    if table.kind != kind or not table.rows:
                        continue
                    expected = _fresh(wanted, table.rows)
                    # the store kept across sample_reports gives each row the plan a store of its own gives
                    assert [row_plan(row, wanted, plans) for row in table.rows] == expected
                    if name == "disclosure-consistency":
                        assert [row_plan(row, gx211_wanted, gx211_plans) for row in table.rows] == expected
                    checked += 1
    assert checked
