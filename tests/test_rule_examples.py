"""Every rule's documentation tells the truth: its ``Anti-pattern::`` example gives its finding and
its ``Best practice::`` example does not (the examples are what ``gxlint explain`` and docs/rules
show).  A new rule is checked here without being listed; only a rule whose examples cannot be
linted as they stand is named below, with the reason."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap

import pytest

from gxlint.plugins import discovery as plugins
from gxlint.run.linter import Linter

#: what the examples are put after: a report's title, so that they are read as part of a report
TITLE = "示例县2021年政府信息公开工作年度报告\n"
#: rules whose examples need another beginning
BEGINNINGS = {
    "GX002": "",  # the examples are whole texts: one that is no report, one that is
    "GX106": "",  # the examples are titles
    "GX403": "示例县教育局2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n",
    # the examples are a department's signature: a title naming only the place is a government's report
    "GX404": "示例县教育局2021年政府信息公开工作年度报告\n",
}
#: rules whose examples show what cannot be linted as it stands
ILLUSTRATIVE = {
    "GX000": "a crash has no example text",
    "GX001": "the examples describe files (a scanned PDF, a .doc), not text",
    "GX003": "a table row shown outside its table",
    "GX101": "excerpts around the chapters, with …… for the rest of the report",
    "GX104": "a chapter shown without the rest of the report",
    "GX109": "no examples: a report that reads as the old format",
    "GX501": "two years' reports, last year's given with --previous",
    "GX502": "two years' reports, last year's given with --previous",
    "GX503": "two years' reports, last year's given with --previous",
}
RULES = plugins.load().rules


def raw_examples(rule) -> dict[str, str]:
    """The Anti-pattern / Best practice blocks as written (Rule.examples() expands tabs for display),
    from the class's source: Python 3.13 compiles a docstring dedented and its tabs expanded."""
    doc = ast.get_docstring(ast.parse(textwrap.dedent(inspect.getsource(rule))).body[0], clean=False)
    out = {}
    for label, key in (("Anti-pattern", "bad"), ("Best practice", "good")):
        m = re.search(rf"^ *{label}::\n\n((?:(?: {{8}}.*)?\n)+)", doc or "", re.M)
        if m:
            out[key] = "\n".join(line[8:] for line in m.group(1).splitlines()).strip("\n") + "\n"
    return out


@pytest.mark.parametrize("code", sorted(set(RULES) - set(ILLUSTRATIVE)))
def test_the_anti_pattern_is_found_and_the_best_practice_is_not(code):
    rule = RULES[code]
    examples = raw_examples(rule)
    assert set(examples) == {"bad", "good"}, f"{code}: its docstring needs both examples"
    linter = Linter(overrides={"select": [code]}, isolated=True)
    start = BEGINNINGS.get(code, TITLE)
    bad = [f for f in linter.lint_text(start + examples["bad"]) if f.code == code]
    good = [f for f in linter.lint_text(start + examples["good"]) if f.code == code]
    assert bad, f"{code}: the Anti-pattern example gives no finding"
    assert not good, f"{code}: the Best practice example gives {[f.message for f in good]}"


def test_every_rule_is_documented_in_both_languages():
    for code, rule in RULES.items():
        assert rule.doc_zh and rule.summary_zh and rule.summary, code
        # the input rules are about files; every other rule cites the format it enforces
        assert rule.spec or code.startswith("GX0"), code


def test_the_rules_listed_as_illustrative_exist():
    assert set(ILLUSTRATIVE) <= set(RULES) and set(BEGINNINGS) <= set(RULES)
