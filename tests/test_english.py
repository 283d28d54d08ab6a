"""gxlint's English as an English reader meets it: the rules' summaries (``gxlint rules --lang
en``, SARIF ``shortDescription``) and messages say what they check in English, quoting a template
label, a report's words or an example to write only where the reader needs them, each in “quotes”
(a bare Chinese label run into an English sentence cannot be told from its neighbours)."""

from __future__ import annotations

import re

import pytest

from gxlint.run.catalog import all_rules

RULES = all_rules()[1]
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
QUOTED = re.compile(r"“[^”]*”")
FIELD = re.compile(r"\{[^}]*\}")
#: what an English message may say unquoted: an item's or chapter's number (“items 一 + 二”,
#: “numbering should start at 一”) and the number of an official document
BARE = re.compile(r"(?<![\u3400-\u9fff])[一二三四五六七八九十]+(?![\u3400-\u9fff])|\S+〔\d{4}〕\d+号")


def unquoted_chinese(text: str) -> list[str]:
    """The Chinese characters (and Chinese punctuation) of ``text`` outside “quotes”."""
    return HAN.findall(QUOTED.sub("", text))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_rule_s_english_summary_is_english(rule):
    assert not unquoted_chinese(rule.summary), rule.summary


@pytest.mark.parametrize("rule", [r for r in RULES if r.messages], ids=lambda r: r.code)
def test_a_rule_s_english_messages_quote_the_chinese_they_name(rule):
    for key, message in rule.messages.items():
        for text in (message.en, message.fix_en):
            if text:
                assert not unquoted_chinese(BARE.sub("", FIELD.sub("", text))), (key, text)
