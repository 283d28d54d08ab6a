"""The plugin kit, as an outside author meets it: every hook and helper documented, options
type-checked down to list items, a strict YAML test kit, crash messages that point at the plugin's
own line, the GX prefix reserved, plugins switched off in config, a hint for an uninstalled
plugin's codes, and a plugin with no ``@hookimpl`` reported."""

from __future__ import annotations

import dataclasses
import inspect
import re
import textwrap
from pathlib import Path

import pytest

import gxlint_rules

from gxlint.cli import docs as docsgen
from gxlint.plugins import hookspecs

from gxlint.plugins import discovery as plugins
from gxlint.config import ConfigError
from gxlint.run.linter import Linter
from plugintools import FakeEntryPoint, plugin
from gxlint.lint.rule import Option, Rule, RuleContext

ROOT = Path(__file__).resolve().parents[1]
PLUGINS_MD = ROOT / "docs" / "plugins.md"
TEXT = "示例县2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n"


def rule_class(code: str, name: str, check=None, **attrs):
    def _check(self, report, ctx):
        yield ctx.finding(report.title_span, zh=f"{code} 中文", en=f"{code} english")

    body = {
        "__doc__": "A test rule.",
        "code": code,
        "name": name,
        "severity": "warning",
        "summary": "a test rule",
        "check": check or _check,
        **attrs,
    }
    return type(f"Rule_{code}", (Rule,), body)


# -- 1. every hook documented once, and rendered into docs/plugins.md ---------------------------------


def test_every_hook_is_documented_once_in_its_group():
    specs = hookspecs.specs()
    assert [name for name, _ in specs] == ["gxlint_rules", "gxlint_templates", "gxlint_formats"]
    grouped = [name for _, names in hookspecs.GROUPS for name in names]
    assert sorted(grouped) == sorted(name for name, _ in specs)  # each hook in exactly one group
    assert len(grouped) == len(set(grouped))
    for name, function in specs:
        doc = inspect.getdoc(function) or ""
        assert re.search(r"^Called ", doc, re.M), f"{name}: the docstring does not say when it is called"
        assert re.search(r"^Return", doc, re.M), f"{name}: the docstring does not say what it returns"


def test_the_formats_hook_describes_the_formatter_interface_that_exists():
    from gxlint.output import Formatter

    doc = inspect.getdoc(hookspecs.gxlint_formats)
    assert "add(path, findings)" not in doc
    for method in ("begin", "add", "end"):
        params = [p for p in inspect.signature(getattr(Formatter, method)).parameters if p != "self"]
        assert f"{method}({', '.join(params)})" in doc, f"{method}({', '.join(params)}) is not described"
    for keyword in inspect.signature(Formatter.__init__).parameters:
        if keyword not in ("self", "_"):
            assert f"``{keyword}``" in doc, keyword


def test_docs_plugins_md_shows_the_hooks_as_generated_from_hookspecs(tmp_path):
    assert docsgen.hooks_out_of_date(str(PLUGINS_MD)) == [], (
        "the hooks section of docs/plugins.md is out of date; regenerate it with: python -m gxlint.cli.docs"
    )
    page = PLUGINS_MD.read_text(encoding="utf-8")
    section = page[page.index(docsgen.BEGIN) : page.index(docsgen.END)]
    for name, function in hookspecs.specs():
        assert section.count(f"`{name}(") == 1, name
        first = inspect.getdoc(function).splitlines()[0].replace("``", "`")
        assert first in section
    # the generator writes what it checks, and keeps the hand-written rest of the page
    copy = tmp_path / "plugins.md"
    copy.write_text(page.replace("Return the rule classes", "Return some rules"), encoding="utf-8")
    assert docsgen.hooks_out_of_date(str(copy))
    docsgen.write_hooks(str(copy))
    assert docsgen.hooks_out_of_date(str(copy)) == []
    assert copy.read_text(encoding="utf-8") == page


def _section(page: str, heading: str) -> str:
    start = page.index(heading)
    following = re.search(r"^#{1,3} ", page[start + len(heading) :], re.M)
    return page[start : start + len(heading) + following.start()] if following else page[start:]


def test_docs_plugins_md_documents_every_public_helper():
    page = PLUGINS_MD.read_text(encoding="utf-8")
    # RuleContext: its methods and the attributes a rule reads
    ctx = RuleContext(
        rule_class("TT001", "probe")(),
        path="r.txt",
        options={},
        lang="zh",
        template=None,
        templates=None,
        organ=None,
    )
    members = {n for n in (*vars(RuleContext), *vars(ctx)) if not n.startswith("_")}
    missing = sorted(m for m in members if f"`ctx.{m}" not in page)
    assert not missing, f"docs/plugins.md does not document RuleContext members: {missing}"
    # Option: every field, in the section about options
    options = _section(page, "### Options")
    missing = sorted(f.name for f in dataclasses.fields(Option) if f"`{f.name}`" not in options)
    assert not missing, f"docs/plugins.md does not document Option fields: {missing}"
    # Rule: every attribute a rule sets or gxlint sets on it, and check()
    attributes = _section(page, "### Rule attributes")
    missing = sorted(a for a in (*Rule.__annotations__, "check") if f"`{a}`" not in attributes)
    assert not missing, f"docs/plugins.md does not document Rule attributes: {missing}"
    # positions inside a paragraph and the way back to the original file
    for helper in ("span", "locate", "line", "line_span", "line_col", "text", "form"):
        assert f"`report.source.{helper}" in page, helper
    for name, _ in hookspecs.specs():
        assert f"`{name}()`" in page, name


# -- 2. Option types, list items type-checked -----------------------------------------------------------


def _option_plugin(**options):
    def check(self, report, ctx):
        words = ctx.options["words"]
        yield ctx.finding(report.title_span, zh="、".join(words), en=", ".join(words))

    rule = rule_class("TT501", "with-options", options=options, check=check)
    return plugins.load(extra=[plugin(rule, name="opts")], entry_points=False)


def test_a_list_option_given_numbers_where_words_go_is_a_config_error_naming_file_and_line(tmp_path):
    loaded = _option_plugin(words=Option(["联系人"], "the words to look for"))  # item type from the default
    (tmp_path / ".gxlint.yaml").write_text(
        "options:\n  TT501:\n    words:\n      - 联系人\n      - 2\n", encoding="utf-8"
    )
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Linter(plugins=loaded).lint_path(str(report))
    assert err.value.path == str(tmp_path / ".gxlint.yaml") and err.value.line == 5
    assert "TT501.words must be a list of str: item 2 is int (2)" in str(err.value)
    assert "TT501.words 必须是 str 的列表：第 2 项是 int（2）" in err.value.text("zh")
    # the right items pass, and the rule gets them
    (tmp_path / ".gxlint.yaml").write_text("options:\n  TT501: {words: [经办人, 联系人]}\n", encoding="utf-8")
    found = Linter(plugins=loaded, overrides={"lang": "en"}).lint_path(str(report))
    assert [f.message for f in found if f.code == "TT501"] == ["经办人, 联系人"]


def test_a_wrong_value_from_a_config_file_is_named_as_yaml_writes_it(tmp_path):
    # ruamel.yaml reads 1.5 as its own float class, a list as its own list class: the message names
    # the plain types and writes the value as the YAML was written
    loaded = _option_plugin(
        limit=Option(3, "at most"), words=Option(["联系人"], "words"), strict=Option(False, "strictly")
    )
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    for setting, message in (
        ("limit: 1.5", "TT501.limit must be int, not float (1.5)"),
        ("limit: true", "TT501.limit must be int, not bool (true)"),
        ("limit: [1]", "TT501.limit must be int, not list ([1])"),
        ("limit: {a: 1}", 'TT501.limit must be int, not mapping ({"a": 1})'),
        ("limit: ~", "TT501.limit must be int, not null (null)"),
        ("words: [联系人, 1.5]", "TT501.words must be a list of str: item 2 is float (1.5)"),
        ("strict: 是", 'TT501.strict must be bool, not str ("是")'),
    ):
        (tmp_path / ".gxlint.yaml").write_text(f"options:\n  TT501:\n    {setting}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            Linter(plugins=loaded).lint_path(str(report))
        assert str(err.value).endswith(message), (setting, str(err.value))
        assert "Scalar" not in err.value.text("zh") and "Commented" not in err.value.text("zh")


def test_an_option_may_declare_its_range_and_a_float_option_takes_no_nan(tmp_path):
    loaded = _option_plugin(
        ratio=Option(0.5, "a share between 0 and 1", type=float, minimum=0, maximum=1),
        minimum=Option(1, "at least this many", minimum=0),
        shares=Option([0.5], "shares", item_type=float, maximum=1),
        loose=Option(2.0, "any number"),
    )
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    for setting, line, message, message_zh in (
        (
            "ratio: -3",
            3,
            "TT501.ratio must be between 0 and 1, not -3",
            "TT501.ratio 必须是0 到 1 之间的数，而不是 -3",
        ),
        ("ratio: 1.5", 3, "TT501.ratio must be between 0 and 1, not 1.5", "而不是 1.5"),
        ("ratio: .NaN", 3, "TT501.ratio must be a number, not NaN", "TT501.ratio 必须是数值，而不是 NaN"),
        ("loose: .nan", 3, "TT501.loose must be a number, not NaN", "TT501.loose"),
        ("minimum: -1", 3, "TT501.minimum must be at least 0, not -1", "必须是不小于 0 的数"),
        (
            "shares:\n      - 0.5\n      - 2",
            5,
            "TT501.shares (item 2) must be at most 1, not 2",
            "（第 2 项）",
        ),
    ):
        (tmp_path / ".gxlint.yaml").write_text(f"options:\n  TT501:\n    {setting}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            Linter(plugins=loaded).lint_path(str(report))
        assert str(err.value).endswith(message), (setting, str(err.value))
        assert err.value.line == line, setting
        assert message_zh in err.value.text("zh"), err.value.text("zh")
    (tmp_path / ".gxlint.yaml").write_text(
        "options:\n  TT501: {ratio: 0, minimum: 0, shares: [1]}\n", encoding="utf-8"
    )
    Linter(plugins=loaded).lint_path(str(report))
    for option, problem in (
        (Option(2, "h", minimum=0, maximum=1), "default 2 is not between 0 and 1 (2)"),
        (Option(0.5, "h", minimum=1, maximum=0), "minimum 1 is greater than maximum 0"),
        (Option(0.5, "h", minimum="0"), "minimum '0' is not a number"),
        (Option(float("nan"), "h"), "default nan is not a number (nan)"),
    ):
        bad = plugin(rule_class("TT505", "bad-range", options={"o": option}), name="bad")
        [failure] = plugins.load(extra=[bad], entry_points=False).failures
        assert failure.error.endswith(f"option 'o': {problem}"), failure.error


def test_a_rule_without_check_fails_its_plugin():
    class NoCheck(Rule):
        """A rule that forgot its check."""

        code, name, summary = "TT506", "no-check", "forgot its check"

    [failure] = plugins.load(extra=[plugin(NoCheck, name="bad")], entry_points=False).failures
    assert (
        failure.error == "TypeError: rule TT506 (NoCheck): no check() method: define check(self, report, ctx)"
    )
    assert "没有 check() 方法" in failure.text("zh")


def test_item_type_is_declared_for_an_empty_default_and_tuples_read_as_lists():
    loaded = _option_plugin(words=Option((), "the words", item_type=str))
    with pytest.raises(ConfigError, match=r"TT501.words must be a list of str: item 1 is int \(1\)"):
        Linter(plugins=loaded, overrides={"options": {"TT501": {"words": [1, 2]}}})
    assert Linter(plugins=loaded, overrides={"options": {"TT501": {"words": ["甲"]}}}).settings(
        None
    ).options == {"TT501": {"words": ["甲"]}}
    with pytest.raises(ConfigError, match=r'TT501.words must be a list of str, not str \("甲"\)'):
        Linter(plugins=loaded, overrides={"options": {"TT501": {"words": "甲"}}})
    numbers = _option_plugin(words=Option([1], "numbers", item_type=(int, float)))
    with pytest.raises(ConfigError, match=r"must be a list of int or float: item 1 is bool"):
        Linter(plugins=numbers, overrides={"options": {"TT501": {"words": [True]}}})
    Linter(plugins=numbers, overrides={"options": {"TT501": {"words": [1, 2.5]}}})


def test_an_option_that_contradicts_itself_fails_its_plugin():
    for option, problem, problem_zh in (
        (Option("x", "h", type=int), "default 'x' is not int", "默认值 'x' 不是 int"),
        (Option(["x", 1], "h", item_type=str), "default ['x', 1] is not a list of str", "不是 str 的列表"),
        (Option(3, "h", item_type=str), "item_type is only for list options", "item_type 只用于列表选项"),
        ("三", "is not an Option", "不是 Option"),
    ):
        bad = plugin(rule_class("TT502", "bad-option", options={"o": option}), name="bad")
        loaded = plugins.load(extra=[bad], entry_points=False)
        [failure] = loaded.failures
        assert failure.name == "bad" and problem in failure.error, (option, failure)
        # the rule named by its code; in Chinese, gxlint's own words in Chinese
        assert failure.error.startswith("TypeError: rule TT502 (Rule_TT502): option 'o'")
        assert failure.text("zh").startswith("规则 TT502（Rule_TT502）的定义有误：选项 'o'")
        assert problem_zh in failure.text("zh"), failure.text("zh")


def test_a_message_field_named_as_a_parameter_of_ctx_say_fails_its_plugin():
    """``severity`` and ``key`` are ctx.say's own keywords: such a field could never be filled."""
    from gxlint.lint.rule import Message

    for field, zh, en in (
        ("severity", "文件级别为“{severity}”", "document level “{severity}”"),
        ("key", "缺少关键词“{key}”", "keyword “{key}” missing"),
    ):
        messages = {"m": Message(zh=zh, en=en)}
        bad = plugin(rule_class("TT503", "reserved-field", messages=messages), name="bad")
        [failure] = plugins.load(extra=[bad], entry_points=False).failures
        assert failure.error == (
            f"TypeError: rule TT503 (Rule_TT503): message 'm' uses the reserved field name {field!r}: "
            "ctx.say takes severity and key itself; rename the field"
        )
        assert f"提示 'm' 使用了保留的字段名 {field!r}" in failure.text("zh")
    fine = {"m": Message(zh="缺少关键词“{keyword}”", en="keyword “{keyword}” missing")}
    assert not plugins.load(
        extra=[plugin(rule_class("TT504", "fine", messages=fine))], entry_points=False
    ).failures


# -- 3. a strict test kit ---------------------------------------------------------------------------


def _case_file(tmp_path, text):
    path = tmp_path / "TT601.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_unknown_keys_in_a_case_or_in_expect_are_errors_naming_file_and_case(tmp_path):
    from gxlint.testing import CaseError, cases

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: fine
            pass: 示例
          - name: misspelt expectation
            fail: 示例
            expect:
              - {line: 1, mesage: "联系人"}
        """,
    )
    with pytest.raises(CaseError) as err:
        cases(path)
    assert str(path) in str(err.value) and "case 2 (misspelt expectation)" in str(err.value)
    assert "unknown key 'mesage' in expect" in str(err.value) and "did you mean 'message'?" in str(err.value)

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: a typo in the case
            fail: 示例
            expected:
              - {line: 1}
        """,
    )
    with pytest.raises(CaseError, match=r"case 1 \(a typo in the case\): unknown key 'expected'.*'expect'"):
        cases(path)
    head = "rule: TT601\ncases:\n"
    for text, fragment in (
        ("rule: TT601\ncase: []\n", "unknown key 'case'"),
        (head + "  - {pass: x, fail: y}\n", "exactly one of"),
        (head + "  - {fail: x, expect: [{line: one}]}\n", "'line' must be"),
        (head + "  - {fail: x, expect: [{severity: fatal}]}\n", "'severity' must"),
        (head + "  - {fail: x, expect: {line: 1}}\n", "'expect' must be a list"),
        (head + "  - {pass: x, expect: [{line: 1}]}\n", "'expect' is for fail cases"),
        ("rule: TT601\ncases: []\n", "no cases"),
    ):
        with pytest.raises(CaseError, match=re.escape(fragment)):
            cases(_case_file(tmp_path, text))


def test_an_expected_fix_is_matched_as_a_substring_of_the_findings_fix(tmp_path):
    from gxlint.testing import cases, check

    text = """\
        rule: GX302
        cases:
          - name: the fix
            fail: "示例县教育局2021年政府信息公开工作年度报告\\n联系电话：0591-61113333，传真：61113334。\\n"
            expect:
              - {{message: "缺少区号", fix: "{fix}"}}
        """
    [case] = cases(_case_file(tmp_path, text.format(fix="写明区号，如 0591-61113334")))
    check(case)
    [case] = cases(_case_file(tmp_path, text.format(fix="写明区号，如 0592-61113334")))
    with pytest.raises(AssertionError, match="no finding matches"):
        check(case)


def _crashing_plugin():
    def check(self, report, ctx):
        return [len(report.title) / 0]

    return plugin(rule_class("TT601", "crashes", check=check), name="crashy")


def test_a_rule_that_crashes_fails_its_pass_and_fail_cases_with_the_traceback(tmp_path):
    from gxlint.testing import cases, check

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: nothing to find
            pass: 示例县2021年政府信息公开工作年度报告
          - name: something to find
            fail: 示例县2021年政府信息公开工作年度报告
        """,
    )
    for case in cases(path):
        with pytest.raises(AssertionError) as err:
            check(case, plugins=[_crashing_plugin()])
        message = str(err.value)
        assert "GX000" in message and "ZeroDivisionError" in message, message
        assert "Traceback (most recent call last)" in message and "return [len(report.title) / 0]" in message


def test_a_case_may_still_expect_gx000_itself(tmp_path):
    from gxlint.testing import cases, check

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: the crash is the point
            fail: 示例县2021年政府信息公开工作年度报告
            expect:
              - {code: GX000, message: ZeroDivisionError}
        """,
    )
    check(cases(path)[0], plugins=[_crashing_plugin()])


def test_a_case_whose_plugin_is_refused_says_why(tmp_path):
    from gxlint.testing import CaseError, cases, check

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: any
            pass: 示例县2021年政府信息公开工作年度报告
        """,
    )
    [case] = cases(path)

    class Unmarked:  # its hook is not marked with @hookimpl
        @staticmethod
        def gxlint_rules():
            return [rule_class("TT601", "fine")]

    with pytest.raises(CaseError) as err:
        check(case, plugins=[Unmarked])
    assert str(err.value).startswith(f"{path}#1 (any): plugin Unmarked was not loaded: ")
    assert "@hookimpl" in str(err.value)
    reserved = plugin(rule_class("GX601", "reserved"), name="reserved")
    with pytest.raises(CaseError, match="plugin reserved was not loaded: .*GX prefix is reserved"):
        check(case, plugins=[reserved])
    with pytest.raises(CaseError, match=r"\(any\): no loaded plugin has the rule TT601$"):
        check(case, plugins=[plugin(rule_class("TT602", "other"), name="other")])


def test_a_plugin_given_to_the_kit_and_installed_too_is_loaded_once(monkeypatch, tmp_path):
    from gxlint.testing import cases, check

    installed = plugin(rule_class("TT601", "installed"), name="installed_module")
    real = plugins._entry_points()
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*real, FakeEntryPoint("inst", obj=installed)])
    loaded = plugins.load(extra=[installed])
    assert not loaded.failures and loaded.rules["TT601"].plugin == "inst"
    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: found
            fail: 示例县2021年政府信息公开工作年度报告
        """,
    )
    check(cases(path)[0], plugins=[installed])


def test_a_case_gives_last_years_report_to_a_cross_year_rule(tmp_path):
    from gxlint.testing import CaseError, cases, check

    def compare(self, report, ctx):
        if ctx.previous is not None and ctx.previous.year == report.year - 1:
            yield ctx.finding(report.title_span, zh="有上年报告", en="last year's report given")

    rule = rule_class("TT602", "compares", check=compare, uses_previous=True)
    path = _case_file(
        tmp_path,
        """\
        rule: TT602
        cases:
          - name: with last year's
            fail: 示例县2021年政府信息公开工作年度报告
            previous: 示例县2020年政府信息公开工作年度报告
          - name: without
            pass: 示例县2021年政府信息公开工作年度报告
          - name: not text
            pass: 示例县2021年政府信息公开工作年度报告
            previous: [1, 2]
        """,
    )
    with pytest.raises(
        CaseError, match=r"case 3 \(not text\): 'previous' must be the text of last year's report"
    ):
        cases(path)
    path.write_text(path.read_text(encoding="utf-8").split("  - name: not text")[0], encoding="utf-8")
    with_last, without = cases(path)
    assert with_last.previous == "示例县2020年政府信息公开工作年度报告"
    for case in (with_last, without):
        check(case, plugins=[plugin(rule, name="cross")])


def test_previous_on_a_rule_that_does_not_compare_years_is_a_kit_error(tmp_path):
    from gxlint.testing import CaseError, cases, check

    rule = rule_class("TT603", "one-year")  # uses_previous is False
    path = _case_file(
        tmp_path,
        """\
        rule: TT603
        cases:
          - name: given last year's
            fail: 示例县2021年政府信息公开工作年度报告
            expect: [{line: 1}]
            previous: 示例县2020年政府信息公开工作年度报告
        """,
    )
    [case] = cases(path)
    with pytest.raises(
        CaseError, match=r"\(given last year's\): 'previous' gives last year's report, but rule TT603"
    ):
        check(case, plugins=[plugin(rule, name="single")])


def test_a_mistake_in_a_cases_config_names_the_case_not_the_command_line(tmp_path):
    from gxlint.testing import CaseError, cases, check

    path = _case_file(
        tmp_path,
        """\
        rule: TT601
        cases:
          - name: misspelt
            pass: 示例县2021年政府信息公开工作年度报告
            config: {optons: {TT601: {limit: 2}}}
          - name: wrong type
            pass: 示例县2021年政府信息公开工作年度报告
            config: {options: {TT601: {limit: two}}}
        """,
    )
    typo, wrong = cases(path)
    limited = plugin(rule_class("TT601", "limited", options={"limit": Option(1, "at most")}), name="limited")
    with pytest.raises(CaseError) as err:
        check(typo, plugins=[limited])
    assert str(err.value).startswith(f"{path}#1 (misspelt): in its 'config': unknown key 'optons'")
    assert "command line" not in str(err.value)
    with pytest.raises(
        CaseError, match=r"#2 \(wrong type\): in its 'config': 'options': TT601.limit must be int"
    ):
        check(wrong, plugins=[limited])


# -- 4. crash messages name the plugin's own frame; GXLINT_TRACEBACK=1 prints the traceback -----------


def _regex_crash(self, report, ctx):
    return re.sub(r"(示例)", r"\2", report.title)  # an invalid group reference: re raises deep inside


def test_a_crash_message_names_the_plugins_own_line_not_the_stdlibs(monkeypatch, capsys):
    monkeypatch.delenv("GXLINT_TRACEBACK", raising=False)
    # the crash is reported by the built-in GX000 (the core makes no finding of its own)
    loaded = plugins.load(
        extra=[gxlint_rules, plugin(rule_class("TT701", "regex-crash", check=_regex_crash), name="rx")],
        entry_points=False,
    )
    line = inspect.getsourcelines(_regex_crash)[1] + 1
    for lang, where in (
        ("en", f"(at test_plugin_kit.py:{line} in _regex_crash)"),
        ("zh", f"（出错位置：test_plugin_kit.py:{line}，_regex_crash）"),
    ):
        found = Linter(plugins=loaded, overrides={"lang": lang}, isolated=True).lint_text(TEXT, "r.txt")
        crash = next(f for f in found if f.code == "GX000")
        assert where in crash.message, crash.message
        assert "re/" not in crash.message and "_parser.py" not in crash.message
    assert capsys.readouterr().err == ""  # no traceback unless asked

    monkeypatch.setenv("GXLINT_TRACEBACK", "1")
    Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True).lint_text(TEXT, "r.txt")
    err = capsys.readouterr().err
    assert "gxlint: rule TT701 (regex-crash, plugin rx) crashed on r.txt" in err
    assert "Traceback (most recent call last)" in err and "_regex_crash" in err
    assert "invalid group reference" in err


def _yields_text(self, report, ctx):
    yield "oops"


def _returns_a_number(self, report, ctx):
    return 5


def _returns_zero(self, report, ctx):
    return 0


def _iteration_fails(self, report, ctx):
    for _ in ():
        yield None
    raise TypeError("the rule's own bug")


def test_a_check_that_gives_no_findings_is_placed_at_its_check_not_in_the_engine():
    loaded = plugins.load(
        extra=[
            gxlint_rules,
            plugin(
                rule_class("TT711", "yields-text", check=_yields_text),
                rule_class("TT712", "returns-number", check=_returns_a_number),
                rule_class("TT713", "own-type-error", check=_iteration_fails),
                rule_class("TT714", "returns-zero", check=_returns_zero),
                name="odd",
            ),
        ],
        entry_points=False,
    )
    found = Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True).lint_text(TEXT, "r.txt")
    crashes = {f.message.split(" ", 2)[1]: f.message for f in found if f.code == "GX000"}
    defined = {
        code: inspect.getsourcelines(fn)[1]
        for code, fn in (("TT711", _yields_text), ("TT712", _returns_a_number))
    }
    assert "TypeError: check() yielded str 'oops', not a Finding" in crashes["TT711"]
    assert f"(at test_plugin_kit.py:{defined['TT711']} in _yields_text)" in crashes["TT711"]
    assert (
        "TypeError: check() returned int 5; it must yield findings (or return a list of them)"
        in crashes["TT712"]
    )
    assert f"(at test_plugin_kit.py:{defined['TT712']} in _returns_a_number)" in crashes["TT712"]
    # a TypeError inside the rule's own code stays where it was raised
    line = inspect.getsourcelines(_iteration_fails)[1] + 3
    assert "TypeError: the rule's own bug" in crashes["TT713"]
    assert f"(at test_plugin_kit.py:{line} in _iteration_fails)" in crashes["TT713"]
    # 0 is no "no findings"
    assert "TypeError: check() returned int 0; it must yield findings" in crashes["TT714"]
    assert all("engine.py" not in message for message in crashes.values())
    zh = Linter(plugins=loaded, isolated=True).lint_text(TEXT, "r.txt")  # in Chinese, gxlint's words too
    said = " | ".join(f.message for f in zh if f.code == "GX000")
    assert "TypeError: check() 给出的是 str 'oops'，而不是问题（Finding）" in said
    assert "TypeError: check() 返回了 int 5；它应逐个 yield 问题（Finding），或返回问题的列表" in said
    assert "TypeError: the rule's own bug" in said  # a rule's own exception text is shown as it is


# -- 5. the GX prefix is gxlint's ----------------------------------------------------------------------


def test_a_plugin_may_not_register_a_gx_code():
    fine = plugin(rule_class("TT801", "fine-rule"), name="fine")
    squatter = plugin(rule_class("GX999", "squatter"), name="squatter")
    loaded = plugins.load(extra=[squatter, fine])
    assert [f.name for f in loaded.failures] == ["squatter"]
    error = loaded.failures[0].error
    assert "plugin 'squatter'" in error and "GX999" in error
    assert "reserved for gxlint's built-in rules" in error
    assert "GX999" not in loaded.rules and "TT801" in loaded.rules and "GX001" in loaded.rules


# -- 6. plugins: {disable: [name]} ----------------------------------------------------------------------


def test_a_disabled_plugin_is_not_imported_and_its_rules_do_not_run(monkeypatch, tmp_path):
    broken = FakeEntryPoint("broken", error=ImportError("No module named 'nothing_here'"))
    good = FakeEntryPoint("good", obj=plugin(rule_class("TT901", "good-rule"), name="good"))
    monkeypatch.setattr(plugins, "_entry_points", lambda: [broken, good])
    loaded = plugins.load(disable=["broken"])
    assert loaded.failures == [] and broken.loads == 0 and "TT901" in loaded.rules
    assert [d[0] for d in loaded.disabled] == ["broken"]
    # --require-plugins wins over the config
    with pytest.raises(plugins.PluginError, match="broken"):
        plugins.load(disable=["broken"], require=["broken"])
    assert "TT901" in plugins.load(disable=["good"], require=["good"]).rules
    # a plugin disabled in the config file that applies to a report: its rules do not run there
    everything = plugins.load(disable=())
    (tmp_path / "off").mkdir()
    (tmp_path / "off" / ".gxlint.yaml").write_text("plugins:\n  disable: [good]\n", encoding="utf-8")
    (tmp_path / "off" / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "on").mkdir()
    (tmp_path / "on" / "r.txt").write_text(TEXT, encoding="utf-8")
    linter = Linter(plugins=everything)
    assert "TT901" not in [f.code for f in linter.lint_path(str(tmp_path / "off" / "r.txt"))]
    assert "TT901" in [f.code for f in linter.lint_path(str(tmp_path / "on" / "r.txt"))]
    required = plugins.load(disable=(), require=["good"])
    assert "TT901" in [f.code for f in Linter(plugins=required).lint_path(str(tmp_path / "off" / "r.txt"))]


def test_a_file_that_disables_a_plugin_and_configures_its_codes_is_refused_from_any_directory(
    monkeypatch, tmp_path
):
    """The same config file gives the same verdict wherever gxlint starts: from its folder the plugin
    is not imported (its codes are unknown), from above it is (its codes are known, but this file
    switches it off); either way an error saying that the plugin is switched off, not "installed?"."""
    from clitools import gx

    shiyi = FakeEntryPoint("shiyi", obj=plugin(rule_class("TT911", "portal-phrase"), name="shiyi"))
    monkeypatch.setattr(plugins, "_entry_points", lambda: [shiyi])
    monkeypatch.setattr(plugins, "_CACHE", {})
    folder = tmp_path / "county"
    folder.mkdir()
    config = folder / ".gxlint.yaml"
    config.write_text("plugins:\n  disable: [shiyi]\nseverity:\n  TT911: error\n", encoding="utf-8")
    (folder / "r.txt").write_text(TEXT, encoding="utf-8")

    monkeypatch.chdir(folder)
    inside = gx("--lang", "en", "r.txt")
    assert inside.exit_code == 2, inside.output
    assert inside.stderr == (
        f"gxlint: error: {config}:4:3: 'severity': unknown rule code 'TT911' — plugin 'shiyi' is switched off "
        "(plugins: disable), so its rules are unknown: a file that switches a plugin off may not configure "
        "its rules\n"
    )
    assert "installed" not in inside.stderr
    assert "插件 'shiyi' 已停用（plugins: disable）" in gx("r.txt").stderr

    monkeypatch.chdir(tmp_path)
    above = gx("--lang", "en", "county/r.txt")
    assert above.exit_code == 2, above.output
    assert above.stderr == (
        f"gxlint: error: {config}:4:3: 'severity': TT911 is a rule of plugin 'shiyi', which this file switches "
        "off (plugins: disable): a file that switches a plugin off may not configure its rules\n"
    )
    for setting in (
        "select: [TT9]",
        "ignore: [TT911]",
        "options: {portal-phrase: {}}",
        "per-file-ignores: {'*.txt': TT911}",
    ):
        config.write_text(f"plugins:\n  disable: [shiyi]\n{setting}\n", encoding="utf-8")
        assert gx("--lang", "en", "county/r.txt").exit_code == 2, setting
    # switched off and not configured: valid from anywhere, and its rule does not run there
    config.write_text("plugins:\n  disable: [shiyi]\nselect: [ALL]\n", encoding="utf-8")
    assert "TT911" not in gx("--lang", "en", "-f", "concise", "county/r.txt").stdout
    # a required plugin runs wherever a file switches it off, so such a file may configure it
    config.write_text("plugins:\n  disable: [shiyi]\nseverity:\n  TT911: error\n", encoding="utf-8")
    required = gx("--lang", "en", "--require-plugins", "shiyi", "county/r.txt")
    assert required.exit_code != 2, required.stderr


def test_a_misspelt_plugin_name_in_disable_is_a_warning_not_silence(monkeypatch, tmp_path):
    from clitools import gx

    good = FakeEntryPoint("extra", obj=plugin(rule_class("TT951", "extra-rule"), name="extra"))
    real = plugins._entry_points()
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*real, good])
    monkeypatch.setattr(plugins, "_CACHE", {})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".gxlint.yaml").write_text("plugins: {disable: [exra, nothing-like-it]}\n", encoding="utf-8")
    checked = gx("--lang", "en", "--format", "json", "r.txt")
    assert (
        "gxlint: warning: the config file switches off plugin 'exra' (plugins: disable), but no plugin of "
        "that name is installed; did you mean 'extra'?\n"
    ) in checked.stderr
    assert (
        "plugin 'nothing-like-it' (plugins: disable), but no plugin of that name is installed\n"
        in checked.stderr
    )
    assert "TT951" in checked.stdout  # the plugin meant still runs: hence the warning
    zh = gx("r.txt")
    assert (
        "gxlint：警告：配置文件停用了插件 'exra'（plugins: disable），但没有安装这个名字的插件；是否应为 'extra'？"
        in zh.stderr
    )
    listed = gx("plugins", "--lang", "en")  # the command an author checks with says it too
    assert listed.exit_code == 0 and "plugin 'exra' (plugins: disable)" in listed.stderr
    assert re.search(r"^extra .* 1 rule$", listed.stdout, re.M)
    # gxlint's own names are the config's error, not this warning
    (tmp_path / ".gxlint.yaml").write_text("plugins: {disable: [builtin]}\n", encoding="utf-8")
    refused = gx("--lang", "en", "r.txt")
    assert refused.exit_code == 2 and "the built-in rules cannot be switched off" in refused.stderr
    assert "warning" not in refused.stderr
    # a name that is right is no warning
    (tmp_path / ".gxlint.yaml").write_text("plugins: {disable: [extra]}\n", encoding="utf-8")
    quiet = gx("--lang", "en", "--format", "json", "r.txt")
    assert "warning" not in quiet.stderr and "TT951" not in quiet.stdout


def test_the_config_above_the_working_directory_switches_a_broken_plugin_off(monkeypatch, tmp_path):
    from clitools import gx

    broken = FakeEntryPoint("broken", error=ImportError("No module named 'nothing_here'"))
    real = plugins._entry_points()
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*real, broken])
    monkeypatch.setattr(plugins, "_CACHE", {})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    noisy = gx("plugins")
    assert noisy.exit_code == 2 and "broken" in noisy.stdout
    (tmp_path / ".gxlint.yaml").write_text("lang: en\nplugins: {disable: [broken]}\n", encoding="utf-8")
    quiet = gx("plugins")
    assert quiet.exit_code == 0 and "FAILED" not in quiet.output, quiet.output
    assert re.search(r"^broken +switched off \(plugins: disable in the config file\)$", quiet.stdout, re.M)
    checked = gx("--format", "json", "r.txt")
    assert checked.exit_code in (0, 1) and "broken" not in checked.stderr, checked.stderr
    assert broken.loads == 1  # only the first run, before the config switched it off
    required = gx("--require-plugins", "broken", "r.txt")
    assert required.exit_code == 2 and "required plugin(s) not loaded: broken" in required.stderr


# -- 8. a plugin with no @hookimpl -----------------------------------------------------------------------


def test_a_plugin_with_no_hookimpl_is_reported_not_loaded_silently():
    class Forgetful:
        @staticmethod
        def gxlint_rules():  # no @hookimpl
            return [rule_class("TT991", "forgotten")]

    class Empty:
        pass

    loaded = plugins.load(
        extra=[Forgetful, Empty, plugin(rule_class("TT992", "remembered"), name="fine")], entry_points=False
    )
    errors = {f.name: f.error for f in loaded.failures}
    assert errors["Forgetful"] == (
        "plugin Forgetful registers no hooks (did you forget @hookimpl?): "
        "gxlint_rules is not marked with @hookimpl"
    )
    assert errors["Empty"] == "plugin Empty registers no hooks (did you forget @hookimpl?)"
    assert "TT991" not in loaded.rules and "TT992" in loaded.rules
    assert [name for name, *_ in loaded.loaded] == ["fine"]


def test_a_hook_with_the_wrong_arguments_is_placed_at_its_definition():
    class WrongArguments:
        @hookspecs.hookimpl
        def gxlint_rules(self, wrong_arg):
            return []

    first = inspect.getsourcelines(WrongArguments.gxlint_rules)[1]
    [failure] = plugins.load(extra=[WrongArguments()], entry_points=False).failures
    assert "wrong_arg" in failure.error  # pluggy's words: the hook and the argument it does not know
    assert failure.error.endswith(f"(at test_plugin_kit.py:{first} in gxlint_rules)"), failure.error
    assert f"出错位置：test_plugin_kit.py:{first}" in failure.text("zh")


def test_the_command_line_warns_about_a_plugin_with_no_hookimpl(monkeypatch, tmp_path):
    from clitools import gx

    class Forgetful:
        @staticmethod
        def gxlint_rules():
            return []

    real = plugins._entry_points()
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*real, FakeEntryPoint("forgetful", obj=Forgetful)])
    monkeypatch.setattr(plugins, "_CACHE", {})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    listed = gx("plugins", "--lang", "en")
    assert listed.exit_code == 2
    assert "plugin forgetful registers no hooks (did you forget @hookimpl?)" in listed.stdout
    # in Chinese, gxlint's own words about a plugin are Chinese
    listed = gx("plugins")
    assert (
        "加载失败：插件 forgetful 没有注册任何钩子（是否忘了 @hookimpl？）：gxlint_rules 没有标记 @hookimpl"
        in listed.stdout
    )
    checked = gx("--lang", "en", "r.txt")
    assert (
        "gxlint: warning: plugin 'forgetful' could not be loaded: plugin forgetful registers no hooks "
        "(did you forget @hookimpl?): gxlint_rules is not marked with @hookimpl"
    ) in checked.stderr
    checked = gx("r.txt")
    assert "gxlint：警告：插件 'forgetful'无法加载：插件 forgetful 没有注册任何钩子" in checked.stderr


def test_the_config_named_by_the_run_decides_which_plugins_are_imported(monkeypatch, tmp_path):
    from clitools import gx

    broken = FakeEntryPoint("broken", error=ImportError("No module named 'nothing_here'"))
    real = plugins._entry_points()
    monkeypatch.setattr(plugins, "_entry_points", lambda: [*real, broken])
    monkeypatch.setattr(plugins, "_CACHE", {})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    config = tmp_path / "elsewhere" / "gxlint.yaml"
    config.write_text("lang: en\nplugins: {disable: [broken]}\n", encoding="utf-8")
    checked = gx("--config", str(config), "--format", "json", "r.txt")
    assert checked.exit_code in (0, 1) and "broken" not in checked.stderr, checked.stderr
    assert broken.loads == 0
    # --isolated reads no config: the broken plugin is imported and reported
    isolated = gx("--isolated", "--format", "json", "r.txt")
    assert "broken" in isolated.stderr and broken.loads == 1


# -- the docs say what the kit and the reader do ------------------------------------------------------


def test_plugins_md_lists_every_key_a_case_may_have():
    from gxlint.testing import CASE_KEYS

    text = PLUGINS_MD.read_text(encoding="utf-8")
    listed = re.search(r"in a case \(((?:`\w+`,?\s*)+)\)", text)
    assert listed, "the kit's case keys are not listed in docs/plugins.md"
    assert re.findall(r"`(\w+)`", listed.group(1)) == list(CASE_KEYS)


def test_model_md_states_when_lines_are_joined_into_one_paragraph():
    """A line shorter than 25 characters is not joined to the next (model.md, "Paragraphs")."""
    import gxlint

    model = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    assert "a line of at least 25 characters that does\n  not end a sentence" in model
    head = "示例县2021年政府信息公开工作年度报告\n一、总体情况\n"
    for first, joined in (("本报告电子版可在示例省人民政", False), ("本" * 24, False), ("本" * 25, True)):
        report = gxlint.parse_text(head + first + "\n府门户网站查阅，欢迎监督。\n", context=None)
        texts = [p.text for c in report.chapters for p in c.paragraphs]
        assert any(first + "府门户" in t for t in texts) is joined, (first, texts)
