"""The two sample reports of ../shared/forms in all seven forms, through the path a user takes
(`gxlint parse` / `gxlint FILE`: the form sniffed from the content, read, parsed, linted): every
table value read exactly, the same findings in every form, and no error on these clean reports."""

from __future__ import annotations

import pytest

from gxlint.run import api
from gxlint.run.linter import Linter
from tablevalues import FORMS, expected_values, misses, shared_form, tables_of

pytestmark = pytest.mark.slow  # every form of the ../shared reports, read and linted


@pytest.mark.parametrize("form", FORMS)
def test_every_value_is_read_in_every_form(form):
    folder, entries = shared_form(form)
    for name, entry in entries.items():
        report = api.parse_path(folder / name)
        assert not [p for p in report.source.problems if p.fatal], (name, report.source.problems)
        total, missed = misses(tables_of(report), expected_values(entry))
        assert total > 190 and missed == [], (name, missed[:5])
        assert (report.year, report.template) == (entry["year"], entry["template"]), name
        assert [c.number for c in report.chapters] == [1, 2, 3, 4, 5, 6], name


def test_the_same_findings_and_no_error_in_any_form():
    linter = Linter(isolated=True)
    findings: dict[str, dict[str, list[str]]] = {}
    for form in FORMS:
        folder, entries = shared_form(form)
        for name in entries:
            found = linter.lint_path(str(folder / name))
            assert not [f for f in found if f.severity == "error"], (form, name, found)
            findings.setdefault(name.split(".")[0], {})[form] = sorted(f.code for f in found)
    for report, by_form in findings.items():
        assert len(set(map(tuple, by_form.values()))) == 1, (report, by_form)
