"""The engine's shortcuts give what their plain forms give: a rule's context made from the
report's first one (``RuleContext._for_rule``) holds what a context made with the constructor
holds, and ``ctx.memo`` computes a value once, None included."""

from __future__ import annotations

from gxlint.lint.rule import Message, Rule, RuleContext


class _One(Rule):
    code = "GX901"
    name = "one"
    messages = {"m": Message(zh="一", en="one")}


class _Two(Rule):
    code = "GX902"
    name = "two"


def test_a_rule_context_made_from_the_first_is_the_one_the_constructor_makes():
    shared: dict = {}
    kwargs = dict(
        path="示例县.txt",
        lang="zh",
        template=object(),
        templates=object(),
        organ="government",
        source_text="示例县人民政府",
        shared=shared,
        previous=object(),
        crashes=(object(),),
    )
    first = RuleContext(_One(), options={"a": 1}, **kwargs)
    first._seen["x"] = 1  # the first rule's findings count is its own
    second, options = _Two(), {"b": 2}
    made = first._for_rule(second, options)
    plain = RuleContext(second, options=options, **kwargs)
    assert vars(made) == vars(plain)
    assert list(vars(made)) == list(vars(plain))
    assert made._shared is shared and made._seen is not first._seen
    assert made.memo("k", lambda: 3) == 3 and first.memo("k", lambda: 4) == 3


def test_memo_keeps_a_factory_that_returns_none():
    ctx = RuleContext(_One(), path="p", options={}, lang="zh", template=None, templates=None, organ=None)
    calls = []
    assert ctx.memo("k", lambda: calls.append(1)) is None
    assert ctx.memo("k", lambda: calls.append(1)) is None
    assert calls == [1]
