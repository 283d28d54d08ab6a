"""gxlint's English as an English reader meets it: the rules' summaries (``gxlint rules --lang
en``, SARIF ``shortDescription``) say what they check in English, quoting a template label only
where the reader needs it to find the place."""

from __future__ import annotations

import re

import pytest

from gxlint.run.catalog import all_rules

RULES = all_rules()[1]
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
QUOTED = re.compile(r"“[^”]*”")


def unquoted_chinese(text: str) -> list[str]:
    """The Chinese characters (and Chinese punctuation) of ``text`` outside “quotes”."""
    return HAN.findall(QUOTED.sub("", text))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_rule_s_english_summary_is_english(rule):
    assert not unquoted_chinese(rule.summary), rule.summary
