"""gxlint's English as an English reader meets it: the rules' summaries (``gxlint rules --lang
en``, SARIF ``shortDescription``) and messages say what they check in English, quoting a template
label, a report's words or an example to write only where the reader needs them, each in “quotes”
(a bare Chinese label run into an English sentence cannot be told from its neighbours)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import gxlint
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


# GX001's words come from the readers (a Problem's English message), not from the rule's table: they
# are held to the style of every other message -- a lower-case fragment, no full stop at the end, no
# second sentence -- wherever they are written.
PROBLEM_MODULES = sorted(Path(gxlint.__file__).parent.joinpath("read").glob("*.py")) + [
    Path(gxlint.__file__).parent / "run" / "discover.py"
]
PROPER_NOUNS = ("PDF", "Word", "WPS", "UTF-", "HTML")


def _pieces(node: ast.AST, names: dict[str, ast.AST]) -> list[str | None]:
    """The literal text of a string expression, in order (None for a part computed at run time); a
    name stands for the module's string of that name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value if isinstance(v, ast.Constant) else None for v in node.values]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pieces(node.left, names) + _pieces(node.right, names)
    if isinstance(node, ast.Name) and node.id in names:
        return _pieces(names[node.id], names)
    return [None]


def _english_messages(path: Path) -> list[tuple[int, list[str | None]]]:
    """Each English message of a Problem written in the module: the second argument of
    ``Problem(...)`` or of a module's ``_problem(...)`` helper, and the second of a (Chinese, English)
    pair kept for one (``_ENCRYPTED = ("…", "…")``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    out = []
    for node in ast.walk(tree):
        en = None
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Problem", "_problem"):
            en = node.args[1] if len(node.args) > 1 and not isinstance(node.args[1], ast.Starred) else None
            en = next((k.value for k in node.keywords if k.arg == "message_en"), en)
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            zh, en_ = (_pieces(e, names) for e in node.elts)
            if zh[0] and HAN.search(zh[0]) and en_[0] and en_[0][:1].isascii() and en_[0][:1].isalpha():
                en = node.elts[1]
        if en is not None:
            out.append((node.lineno, _pieces(en, names)))
    return out


@pytest.mark.parametrize("path", PROBLEM_MODULES, ids=lambda p: p.name)
def test_gx001_s_english_is_a_lower_case_fragment_as_every_message(path):
    for line, pieces in _english_messages(path):
        first, last = pieces[0], pieces[-1]
        where = f"{path.name}:{line}: {''.join(p or '…' for p in pieces)!r}"
        if first:
            assert not first[:1].isupper() or first.startswith(PROPER_NOUNS), where
        if last:
            assert not last.rstrip().endswith("."), where
        for piece in filter(None, pieces):
            assert not re.search(r"[a-z)\]]\. +[A-Z]", piece), where
