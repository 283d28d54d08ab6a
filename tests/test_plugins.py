"""Plugin discovery and the engine's isolation of broken plugins and rules."""

import re

import pytest

import gxlint_rules

from gxlint import hookimpl

from gxlint.plugins import discovery as plugins
from gxlint.run.linter import Linter
from plugintools import FakeEntryPoint, plugin
from gxlint.lint.rule import Message, Rule


def make_rule(code, name, raises=None, severity="warning"):
    class _Rule(Rule):
        """A test rule.

        Anti-pattern::

            x

        Best practice::

            y
        """

        summary = "a test rule"

        def check(self, report, ctx):
            if raises:
                raise raises
            yield ctx.finding(report.title_span, zh=f"{code} 中文", en=f"{code} english")

    _Rule.code, _Rule.name, _Rule.severity = code, name, severity
    return _Rule


def test_builtin_rules_come_through_the_entry_point():
    loaded = plugins.load()
    assert ("builtin", "gxlint") == loaded.loaded[0][:2]
    assert loaded.rules["GX001"].plugin == "builtin"


def test_a_plugin_that_fails_to_import_is_reported_and_the_run_goes_on(monkeypatch):
    good = plugin(make_rule("TT101", "good-rule"), name="good")
    monkeypatch.setattr(
        plugins,
        "_entry_points",
        lambda: [
            FakeEntryPoint("broken", error=ImportError("No module named 'nothing_here'")),
            FakeEntryPoint("good", obj=good),
        ],
    )
    loaded = plugins.load()
    assert [f.name for f in loaded.failures] == ["broken"]
    assert "ImportError: No module named 'nothing_here'" in loaded.failures[0].error
    assert "TT101" in loaded.rules
    with pytest.raises(plugins.PluginError, match="broken"):
        plugins.load(require=["broken"])
    assert plugins.load(require=["good"]).rules["TT101"]


class _Dist:
    def __init__(self, name, version="0.1.0"):
        self.metadata, self.version = {"Name": name}, version


@pytest.mark.parametrize("named", ["province", "gxlint-province", "gxlint_province", "Gxlint.Province"])
def test_a_required_plugin_is_named_as_disable_names_it(monkeypatch, named):
    # --require-plugins gxlint_province said "not loaded" of the plugin gxlint-province had loaded
    rules = plugin(make_rule("SP101", "staff-stated"), name="province")
    ep = FakeEntryPoint("province", obj=rules, dist=_Dist("gxlint-province"))
    monkeypatch.setattr(plugins, "_entry_points", lambda: [ep])
    assert plugins.load(require=[named]).rules["SP101"]
    with pytest.raises(plugins.PluginError, match="gxlint_provinces"):
        plugins.load(require=["gxlint_provinces"])


def _package(folder, name, files):
    package = folder / name
    package.mkdir()
    for file, text in files.items():
        (package / file).write_text(text, encoding="utf-8")


def test_a_plugin_that_fails_at_import_or_in_a_hook_is_placed_at_its_own_line(monkeypatch, tmp_path):
    """As a rule's crash is: the plugin's file and line, and its traceback with GXLINT_TRACEBACK=1."""
    from clitools import gx

    _package(
        tmp_path,
        "tt_importboom",
        {"__init__.py": "from . import sub\n", "sub.py": "X = 1\n\nY = undefined_name + 1\n"},
    )
    _package(
        tmp_path,
        "tt_hookboom",
        {
            "__init__.py": "from gxlint import hookimpl\nfrom .helpers import rules\n\n\n"
            "@hookimpl\ndef gxlint_rules():\n    return rules()\n",
            "helpers.py": "def rules():\n    raise ValueError('rules hook exploded')\n",
        },
    )
    _package(tmp_path, "tt_syntax", {"__init__.py": "x = 1\ndef (:\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    dist = plugins._Dist(str(tmp_path / "none.dist-info"))
    monkeypatch.setattr(
        plugins,
        "_entry_points",
        lambda: [plugins._EntryPoint(n, f"tt_{n}", dist) for n in ("importboom", "hookboom", "syntax")],
    )
    loaded = plugins.load(entry_points=True)
    failed = {f.name: f for f in loaded.failures}
    assert failed["importboom"].error == (
        "NameError: name 'undefined_name' is not defined (at tt_importboom/sub.py:3 in <module>)"
    )
    assert failed["importboom"].text("zh").endswith("（出错位置：tt_importboom/sub.py:3 in <module>）")
    assert (
        failed["hookboom"].error == "ValueError: rules hook exploded (at tt_hookboom/helpers.py:2 in rules)"
    )
    assert failed["syntax"].error.endswith("(at tt_syntax/__init__.py:2)")
    assert "Traceback (most recent call last)" in failed["importboom"].traceback

    monkeypatch.setitem(plugins._CACHE, (), loaded)
    monkeypatch.chdir(tmp_path)
    quiet = gx("plugins", "--lang", "en", env={"GXLINT_TRACEBACK": ""})
    assert "(at tt_importboom/sub.py:3 in <module>)" in quiet.stdout and "Traceback" not in quiet.stderr
    loud = gx("plugins", "--lang", "en", env={"GXLINT_TRACEBACK": "1"})
    assert loud.stderr.count("Traceback (most recent call last)") == 3
    assert 'tt_importboom/sub.py", line 3' in loud.stderr
    (tmp_path / "r.txt").write_text("示例县2021年政府信息公开工作年度报告\n", encoding="utf-8")
    check = gx("--isolated", "--lang", "en", "r.txt", env={"GXLINT_TRACEBACK": "1"})
    assert (
        "gxlint: warning: plugin 'hookboom' could not be loaded: ValueError: rules hook exploded "
        "(at tt_hookboom/helpers.py:2 in rules)" in check.stderr
    )
    assert "raise ValueError('rules hook exploded')" in check.stderr


def test_a_plugin_format_that_raises_is_that_plugins_failure_not_an_internal_error(monkeypatch, tmp_path):
    from clitools import EXAMPLE, gx
    from gxlint.output import Formatter

    class Boom(Formatter):
        def begin(self):
            self.out.write("ledger\n")

        def add(self, result):
            raise RuntimeError("formatter add exploded")

    class Fmts:
        @staticmethod
        @hookimpl
        def gxlint_formats():
            return {"boom": Boom}

    monkeypatch.setitem(plugins._CACHE, (), plugins.load(extra=[Fmts]))
    line = Boom.add.__code__.co_firstlineno + 1
    result = gx("--isolated", "--lang", "en", "-f", "boom", EXAMPLE, env={"GXLINT_TRACEBACK": ""})
    assert result.exit_code == 2 and result.stdout == "ledger\n"
    assert result.stderr == (
        "gxlint: error: output format 'boom' (plugin 'Fmts') crashed in add(): "
        f"RuntimeError: formatter add exploded (at test_plugins.py:{line} in add)\n"
    )
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    zh = gx("--isolated", "-f", "boom", EXAMPLE, env={"GXLINT_TRACEBACK": ""})
    assert "输出格式 'boom'（插件 'Fmts'）在 add() 中出错：RuntimeError: formatter add exploded" in zh.stderr
    loud = gx("--isolated", "--lang", "en", "-f", "boom", EXAMPLE, env={"GXLINT_TRACEBACK": "1"})
    assert loud.exit_code == 2 and "Traceback (most recent call last)" in loud.stderr
    assert 'raise RuntimeError("formatter add exploded")' in loud.stderr


def test_a_misspelt_hook_is_an_error_for_that_plugin_only():
    class Misspelt:
        @staticmethod
        @hookimpl
        def gxlint_rule():  # no such hook
            return []

    loaded = plugins.load(extra=[Misspelt, plugin(make_rule("TT102", "fine"))], entry_points=False)
    assert [f.name for f in loaded.failures] == ["Misspelt"]
    [failure] = loaded.failures
    assert failure.error.startswith(
        "plugin Misspelt implements hooks gxlint does not have: gxlint_rule (did you mean gxlint_rules?); "
        "the hooks are gxlint_rules, "
    )
    assert failure.text("zh").startswith(
        "插件 Misspelt 实现了 gxlint 没有的钩子：gxlint_rule（是否应为 gxlint_rules？）"
    )
    assert "TT102" in loaded.rules


def test_a_hook_that_returns_none_or_no_sequence_is_the_plugins_mistake_not_zero_rules():
    class NoReturn:
        @staticmethod
        @hookimpl
        def gxlint_rules():
            [make_rule("TT103", "forgotten")]  # no return

    class OneRule:
        @staticmethod
        @hookimpl
        def gxlint_rules():
            return make_rule("TT104", "not-in-a-list")

    class OneTemplate:
        @staticmethod
        @hookimpl
        def gxlint_templates():
            return {"id": "2021", "extends": "2021"}  # a dict, not a list of them

    class NoFormats:
        @staticmethod
        @hookimpl
        def gxlint_formats():
            return None

    loaded = plugins.load(
        extra=[NoReturn, OneRule, OneTemplate, NoFormats, plugin(make_rule("TT105", "fine"))],
        entry_points=False,
    )
    errors = {f.name: f for f in loaded.failures}
    assert set(errors) == {"NoReturn", "OneRule", "OneTemplate", "NoFormats"}
    assert errors["NoReturn"].error == (
        "plugin 'NoReturn': its hook gxlint_rules returned None, not a list (did it forget to return?)"
    )
    assert errors["NoReturn"].text("zh") == (
        "插件 'NoReturn' 的钩子 gxlint_rules 返回了 None，而不是列表（是否忘了 return？）"
    )
    assert errors["OneRule"].error.startswith("plugin 'OneRule': its hook gxlint_rules returned type ")
    assert "gxlint_templates returned dict" in errors["OneTemplate"].error
    assert "gxlint_formats returned None, not a mapping" in errors["NoFormats"].error
    assert [name for name, *_ in loaded.loaded] == ["p"] and "TT105" in loaded.rules


def test_rule_code_collision_names_both_plugins():
    first = plugin(make_rule("TT201", "one"), name="first")
    second = plugin(make_rule("TT201", "two"), name="second")
    with pytest.raises(plugins.PluginError) as err:
        plugins.load(extra=[first, second], entry_points=False)
    assert "'first'" in str(err.value) and "'second'" in str(err.value) and "TT201" in str(err.value)


def test_malformed_rule_metadata_fails_the_plugin():
    bad = plugin(make_rule("lower1", "Not Kebab"), name="bad")
    loaded = plugins.load(extra=[bad], entry_points=False)
    assert loaded.failures and "not like GX201" in loaded.failures[0].error


def test_a_rule_that_raises_becomes_gx000_and_the_others_still_run():
    crash = make_rule("TT301", "crashes", raises=ZeroDivisionError("division by zero"))
    fine = make_rule("TT302", "still-runs")
    # the crash is reported by the built-in GX000 (the core makes no finding of its own)
    loaded = plugins.load(extra=[gxlint_rules, plugin(crash, fine, name="mixed")], entry_points=False)
    linter = Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True)
    findings = linter.lint_text("示例县2021年政府信息公开工作年度报告\n一、总体情况\n", path="r.txt")
    codes = [f.code for f in findings]
    assert codes.count("GX000") == 1 and "TT302" in codes
    crash_finding = next(f for f in findings if f.code == "GX000")
    assert "TT301" in crash_finding.message and "ZeroDivisionError" in crash_finding.message
    assert crash_finding.severity == "error"


@pytest.mark.parametrize(
    "call, said",
    [
        (
            lambda ctx, span: ctx.say(span, "mising", what="电话"),
            "has no message 'mising' (its messages: 'missing')",
        ),
        (
            lambda ctx, span: ctx.say(span, "missing"),
            "message 'missing' of rule TT303 needs the field 'what'",
        ),
        (lambda ctx, span: ctx.phrase("missing"), "message 'missing' of rule TT303 needs the field 'what'"),
    ],
    ids=["misspelt key", "field not given", "phrase without its field"],
)
def test_a_message_misnamed_or_unfilled_says_which(call, said):
    # a bare KeyError: 'mising' / 'what' left the plugin's author guessing
    class Says(Rule):
        """A test rule.

        Anti-pattern::

            x

        Best practice::

            y
        """

        code, name, summary = "TT303", "says-wrongly", "a test rule"
        messages = {"missing": Message(zh="缺少{what}", en="no {what}")}

        def check(self, report, ctx):
            yield call(ctx, report.title_span)

    loaded = plugins.load(extra=[gxlint_rules, plugin(Says, name="says")], entry_points=False)
    linter = Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True)
    findings = linter.lint_text("示例县2021年政府信息公开工作年度报告\n一、总体情况\n", path="r.txt")
    crash = next(f for f in findings if f.code == "GX000")
    assert said in crash.message and "KeyError" not in crash.message


def test_messages_follow_the_language_setting():
    loaded = plugins.load(extra=[plugin(make_rule("TT401", "lang-rule"))], entry_points=False)
    text = "示例县2021年政府信息公开工作年度报告\n"
    zh = Linter(plugins=loaded, isolated=True).lint_text(text)
    en = Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True).lint_text(text)
    assert zh[0].message == "TT401 中文" and en[0].message == "TT401 english"
    assert zh[0].fingerprint == en[0].fingerprint  # the baseline identity does not depend on the language


_VARIANT_TEXT = (
    "示例县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    "一、本年新收申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
)


class Province:
    """A province's plugin whose only hook is a variant of the 2021 template."""

    @staticmethod
    @hookimpl
    def gxlint_templates():
        return [
            {
                "id": "2021",
                "extends": "2021",
                "name": "示例省 variant",
                "label_variants": {"本年新收申请数量": "本年新收政府信息公开申请数量"},
            }
        ]


def test_a_plugin_template_variant_extends_the_format_it_replaces():
    from gxlint.read.build import build_report
    from gxlint.read.source import from_text

    loaded = plugins.load(extra=[Province], entry_points=False)
    ctx = loaded.context()
    assert ctx.templates.get("2021").name == "示例省 variant"
    assert ctx.templates.get("2021").label_variants["社会组织"] == "社会公益组织"  # inherited
    report = build_report(from_text(_VARIANT_TEXT), ctx, "2021")
    assert report.table("applications").value("一、本年新收政府信息公开申请数量", "总计") == 1
    plain = build_report(from_text(_VARIANT_TEXT), None, "2021")
    assert plain.table("applications").row("一、本年新收政府信息公开申请数量") is None


def test_parse_reads_with_the_plugins_templates_as_linting_does(monkeypatch, tmp_path):
    """gxlint parse (every format) and gxlint.parse_* read a province's row the linter reads."""
    import csv
    import io
    import json

    import gxlint
    from clitools import gx

    monkeypatch.setitem(plugins._CACHE, (), plugins.load(extra=[Province]))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "report.txt"
    path.write_text(_VARIANT_TEXT, encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量"
    assert Linter().context is plugins.cached().context()
    for report in (
        gxlint.parse_path(path),
        gxlint.parse_text(_VARIANT_TEXT),
        gxlint.parse_bytes(_VARIANT_TEXT.encode()),
    ):
        assert report.table("applications").value(row, "总计") == 1
    text = gx("parse", "--lang", "en", str(path))
    assert text.exit_code == 0 and "its data was not read" not in text.stdout
    model = json.loads(gx("parse", "-f", "json", str(path)).stdout)
    applications = [t for t in model["tables"] if t["kind"] == "applications"][0]
    assert row in json.dumps(applications, ensure_ascii=False)
    cells = list(csv.DictReader(io.StringIO(gx("parse", "-f", "csv", str(path)).stdout.lstrip("\ufeff"))))
    assert len([c for c in cells if c["row"] == row]) == 7
    lines = gx("parse", "-f", "json-lines", str(path)).stdout
    assert row in lines


def test_every_builtin_rule_is_well_formed():
    """What loading checks of a third party's rules; gxlint's own are checked here instead."""
    import gxlint_rules

    rules = gxlint_rules.gxlint_rules()
    assert len(rules) >= 36
    for rule in rules:
        assert rule.validate() == [], rule.code


def test_every_builtin_option_has_its_help_in_both_languages():
    import gxlint_rules

    for rule in gxlint_rules.gxlint_rules():
        for name, option in rule.options.items():
            assert option.help and re.search(r"[\u4e00-\u9fff]", option.help_zh), (rule.code, name)
            assert option.text("zh") == option.help_zh and option.text("en") == option.help


def test_a_rule_cannot_change_its_options_for_the_next_report():
    # the engine hands every report of one configuration the same options: they are read-only
    from gxlint.lint.rule import Option

    seen = []

    class Greedy(Rule):
        """Changes its own option.

        Anti-pattern::

            x

        Best practice::

            y
        """

        code, name, summary = "TT501", "greedy", "a test rule"
        options = {"limit": Option(3, "a number")}

        def check(self, report, ctx):
            seen.append(ctx.options["limit"])
            ctx.options["limit"] = 99
            yield ctx.finding(report.title_span, zh="不会到这里", en="never here")

    loaded = plugins.load(extra=[gxlint_rules, plugin(Greedy, name="greedy")], entry_points=False)
    linter = Linter(plugins=loaded, overrides={"lang": "en"}, isolated=True)
    for _ in range(2):
        codes = [f.code for f in linter.lint_text("示例县2021年政府信息公开工作年度报告\n", path="r.txt")]
        assert "GX000" in codes and "TT501" not in codes
    assert seen == [3, 3]
