"""The arithmetic identities in grammar/templates/*.json name real rows and columns (spec §4)."""

import pytest

from gxlint.read.templates import builtin

FORMATS = [t for t in builtin().formats]


@pytest.mark.parametrize("template", FORMATS, ids=lambda t: t.id)
def test_every_identity_names_rows_and_columns_of_its_table(template):
    ad_columns = {c for s in template.sections for c in s.columns}
    rl_columns = set(template.rl_columns)
    app_columns = set(template.app_columns)
    for ident in template.identities:
        table, per = ident["table"], ident["per"]
        if table == "applications" and per == "column":
            left, right = ident.sides(template)
            assert left and right, ident["name"]
            assert all(template.node(k) is not None for k in left + right), ident["name"]
        elif table == "applications":
            assert set(ident["left"] + ident["right"]) <= app_columns, ident["name"]
        elif table == "review_litigation":
            assert set(ident["left"] + ident["right"]) <= rl_columns, ident["name"]
        else:
            assert table == "active_disclosure" and per == "row", ident
            assert ident.get("relation") == ">=", ident
            assert ident["zh"] and ident["en"]


def test_disclosure_identities_cover_both_formats():
    """Each format has at least one disclosure identity whose columns are all its own."""
    for template in FORMATS:
        own = []
        for ident in template.identities:
            if ident["name"] != "disclosure-consistency":
                continue
            cols = set(ident["left"] + ident["right"])
            if any(cols <= set(s.columns) for s in template.sections):
                own.append(ident)
        assert own, template.id


def test_outcome_rows_differ_between_2019_and_2021():
    """（六）其他处理 is one row in 2019 and three in 2021 (spec §2.4, §3.6): the R3 identity expands
    to the template's own leaves."""
    out = {}
    for template in FORMATS:
        ident = next(i for i in template.identities if i["name"] == "outcome-total")
        out[template.id] = ident.sides(template)[1]
    assert "（六）其他处理" in out["2019"] and len(out["2019"]) == 19
    assert "（六）其他处理" not in out["2021"] and len(out["2021"]) == 21
    assert "3.其他" in out["2021"]
