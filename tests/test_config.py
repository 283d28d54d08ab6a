"""Configuration: discovery, extend, overrides, and every validation error with its position."""

import textwrap

import pytest

from gxlint.config import ConfigError, Settings
from gxlint.run.linter import Linter

REPORT = "会议纪要\n今天讨论了三件事。\n"  # not a report: GX002


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def settings_for(tmp_path, rel="a/b/report.txt", **kw):
    target = tmp_path / rel
    write(target, REPORT)
    return Linter(**kw).settings(str(target))


def test_defaults_without_config(tmp_path):
    s = settings_for(tmp_path)
    assert s.select == ("ALL",) and s.lang == "zh" and s.template == "auto" and s.fail_on == "error"
    assert s.origin["lang"] == "default"


def test_nearest_config_wins_and_extend_inherits(tmp_path):
    write(tmp_path / ".gxlint.yaml", "lang: en\nignore: [GX003]\n")
    write(
        tmp_path / "a" / ".gxlint.yaml", "extend: ../.gxlint.yaml\nselect: [GX0]\nseverity: {GX003: info}\n"
    )
    s = settings_for(tmp_path)
    assert (
        s.lang == "en" and s.select == ("GX0",) and s.ignore == ("GX003",) and s.severity == {"GX003": "info"}
    )
    assert s.origin["lang"].endswith(".gxlint.yaml:1") and "/a/.gxlint.yaml:2" in s.origin["select"]
    # a file outside a/ only sees the top config
    other = write(tmp_path / "c" / "r.txt", REPORT)
    assert Linter().settings(str(other)).select == ("ALL",)


def test_explicit_config_and_command_line_overrides(tmp_path):
    cfg = write(tmp_path / "elsewhere.yaml", "lang: en\nselect: [GX001]\n")
    s = settings_for(tmp_path, config=str(cfg), overrides={"select": ["GX002"]})
    assert s.lang == "en" and s.select == ("GX002",) and s.origin["select"] == "command line"


def test_isolated_ignores_config_files(tmp_path):
    write(tmp_path / ".gxlint.yaml", "lang: en\n")
    assert settings_for(tmp_path, isolated=True).lang == "zh"


@pytest.mark.parametrize(
    "text,line,fragment",
    [
        ("lang: en\nlanguage: zh\n", 2, "unknown key 'language'"),
        ("select:\n  - GX001\n  - GX99\n", 3, "unknown rule code or prefix 'GX99'"),
        ("severity:\n  GX001: fatal\n", 2, "'fatal' is not one of"),
        ("severity: {GX777: info}\n", 1, "unknown rule code"),
        ("options:\n  GX777: {x: 1}\n", 2, "unknown rule code 'GX777'"),
        ("options:\n  GX001: {x: 1}\n", 2, "has no option 'x'"),
        ("per-file-ignores:\n  '*.txt': [NOPE1]\n", 2, "unknown rule code"),
        ("template: 2018\n", 1, "'template' must be one of"),
        ("organ: ministry\n", 1, "'organ' must be one of"),
        ("lang: fr\n", 1, "'lang' must be one of"),
        ("select: [GX001\n", 2, "invalid YAML"),
        ("select: !!python/object:os.system [ls]\n", 1, "tag"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", 2, "aliases"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("extend: ./missing.yaml\n", 1, "no such file"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path, text, line, fragment):
    write(tmp_path / ".gxlint.yaml", text)
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert fragment in str(err.value)
    assert err.value.line == line
    assert str(err.value).startswith(str(tmp_path / ".gxlint.yaml"))


def test_wrongly_typed_option():
    from gxlint.plugins import discovery as plugins
    from gxlint.lint.rule import Option, Rule

    class Opt(Rule):
        code, name, summary = "TT101", "with-option", "has an option"
        options = {"limit": Option(3, "a number")}

        def check(self, report, ctx):
            return ()

    class Plugin:
        @staticmethod
        def gxlint_rules():
            return [Opt]

    from gxlint.plugins.hookspecs import hookimpl

    Plugin.gxlint_rules = hookimpl(Plugin.gxlint_rules)
    loaded = plugins.load(extra=[Plugin], entry_points=False)
    with pytest.raises(ConfigError, match=r"TT101.limit must be int, not str"):
        Linter(plugins=loaded, overrides={"options": {"TT101": {"limit": "many"}}})
    linter = Linter(plugins=loaded, overrides={"options": {"TT101": {"limit": 5}}})
    assert linter.settings(None).options == {"TT101": {"limit": 5}}


def test_extend_cycle(tmp_path):
    write(tmp_path / ".gxlint.yaml", "extend: other.yaml\n")
    write(tmp_path / "other.yaml", "extend: .gxlint.yaml\n")
    with pytest.raises(ConfigError, match="cycle"):
        settings_for(tmp_path)


def test_selection_most_specific_prefix_wins():
    s = Settings(select=("GX2",), ignore=("GX20",))
    assert s.enabled("GX210") and not s.enabled("GX201") and not s.enabled("GX101")
    assert Settings(select=("ALL",), ignore=("GX3",)).enabled("GX201")
    assert not Settings(select=("ALL",), ignore=("GX3",)).enabled("GX301")
    assert Settings(select=("GX3",), extend_select=("GX101",)).enabled("GX101")


def test_per_file_ignores_are_relative_to_the_config_file(tmp_path):
    write(tmp_path / ".gxlint.yaml", "per-file-ignores:\n  'archive/*.txt': [GX002]\n")
    archived = write(tmp_path / "archive" / "old.txt", REPORT)
    current = write(tmp_path / "current" / "new.txt", REPORT)
    linter = Linter()
    assert [f.code for f in linter.lint_path(str(archived))] == []
    assert [f.code for f in linter.lint_path(str(current))] == ["GX002"]


@pytest.mark.parametrize(
    "glob, silenced",
    [
        ("reports/*.txt", True),  # * crosses /
        ("reports/**", True),
        ("m.txt", True),  # the file name alone
        ("*.txt", True),
        # before: none of these matched (a leading ./, a folder)
        ("./reports/2021/dept/m.txt", True),
        ("./reports/*.txt", True),
        ("reports", True),
        ("reports/", True),
        ("./reports/", True),
        ("reports/2021", True),
        ("reports/20*/dept", True),
        ("dept", True),  # a folder's name, wherever it is (as --exclude)
        ("./", True),
        # and these still do not
        ("report", False),
        ("2021/dept", False),  # a folder's path is from the config's folder
        ("m.txt/", False),  # a trailing / names a folder
        ("reports/2022", False),
        ("other/*.txt", False),
    ],
)
def test_per_file_ignores_globs_match_as_exclude_does(tmp_path, glob, silenced):
    write(tmp_path / ".gxlint.yaml", f"per-file-ignores:\n  '{glob}': [GX002]\n")
    report = write(tmp_path / "reports" / "2021" / "dept" / "m.txt", REPORT)
    codes = [f.code for f in Linter().lint_path(str(report))]
    assert codes == ([] if silenced else ["GX002"])


def test_per_file_ignores_folders_are_those_under_the_config_file(tmp_path):
    """A file outside the declaring file's folder (a config named with --config) is matched by its
    own name and folders' names, never by a path from the config's folder."""
    config = write(
        tmp_path / "conf" / "gxlint.yaml", "per-file-ignores:\n  'reports/*': [GX002]\n  'x': [GX002]\n"
    )
    report = write(tmp_path / "reports" / "m.txt", REPORT)
    assert [f.code for f in Linter(config=str(config)).lint_path(str(report))] == ["GX002"]
    inside = write(tmp_path / "conf" / "x" / "m.txt", REPORT)
    assert [f.code for f in Linter(config=str(config)).lint_path(str(inside))] == []


def test_rule_names_work_like_codes(tmp_path):
    write(tmp_path / ".gxlint.yaml", "select: [not-a-report]\n")
    assert settings_for(tmp_path).select == ("GX002",)


def test_config_errors_in_both_languages():
    from gxlint.config import ConfigError

    error = ConfigError("unknown key 'x'", "/p/.gxlint.yaml", 3, 1, zh="未知的配置项“x”")
    assert str(error) == error.text("en") == "/p/.gxlint.yaml:3:1: unknown key 'x'"
    assert error.text("zh") == "/p/.gxlint.yaml:3:1：未知的配置项“x”"
    assert ConfigError("bad", "<command line>", zh="错").text("zh") == "命令行：错"
    import pickle

    assert pickle.loads(pickle.dumps(error)).text("zh") == error.text("zh")


def test_configured_lang_follows_discovery_and_extend(tmp_path):
    from gxlint.config import configured_lang

    (tmp_path / "base.yaml").write_text("lang: en\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".gxlint.yaml").write_text("extend: ../base.yaml\nselect: [GX0]\n", encoding="utf-8")
    assert configured_lang(start=str(sub)) == "en"
    assert configured_lang(str(tmp_path / "base.yaml")) == "en"
    (sub / ".gxlint.yaml").write_text("lang: zh\nextend: ../base.yaml\n", encoding="utf-8")
    assert configured_lang(start=str(sub)) == "zh"
    (sub / ".gxlint.yaml").write_text("select: [GX0\n", encoding="utf-8")  # broken: no language from it
    assert configured_lang(start=str(sub)) is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("lang: en\nselect: [GX0\n", "en"),  # read as far as the mistake
        ("select: [GX0]\nseverity: {GX208: info}\nlang: en\nignore: [GX1,\n", "en"),
        ("options: {GX302: {lang: en}}\nselect: [GX0\n", None),  # not the top-level key
        ("select: [GX0\nlang: en\n", None),  # after the mistake
    ],
)
def test_a_broken_config_is_reported_in_the_language_it_sets_before_its_mistake(tmp_path, text, lang):
    from gxlint.config import configured_lang

    (tmp_path / ".gxlint.yaml").write_text(text, encoding="utf-8")
    assert configured_lang(start=str(tmp_path)) == lang


@pytest.mark.parametrize(
    "text, zh",
    [
        ("select: [GX1,\n", "这里缺少值"),
        ("select: {a: 1\n", "花括号映射 {...} 没有闭合"),
        ("a:\n\t- b\n", "YAML 不能用制表符缩进"),
        ("select: a: b\n", "这里不能写“键: 值”"),
        ("select: [GX1]\nselect: [GX2]\n", "同一个键出现了两次"),
        ('a: "x\n', "文件在引号或括号闭合之前就结束了"),
    ],
)
def test_yaml_mistakes_are_explained_in_chinese(tmp_path, text, zh):
    from gxlint.config import read_file

    path = tmp_path / ".gxlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_file(path)
    assert f"YAML 格式错误：{zh}" in caught.value.text("zh")
    assert not any("a" <= ch <= "z" for ch in caught.value.message_zh.split("：", 1)[1])
    assert "invalid YAML: " in caught.value.text("en")


# -- a plugin's codes, and switching plugins off (plugins: {disable: [...]}) ---------------------------


@pytest.mark.parametrize(
    "text,line",
    [
        ("select: [GX0, XT201]\n", 1),
        ("ignore:\n  - XT2\n", 2),
        ("severity:\n  XT201: info\n", 2),
        ("options:\n  XT201: {limit: 3}\n", 2),
        ("per-file-ignores:\n  '*.txt': XT201\n", 2),
    ],
)
def test_an_unknown_code_of_another_prefix_asks_whether_its_plugin_is_installed(tmp_path, text, line):
    write(tmp_path / ".gxlint.yaml", text)
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert err.value.line == line
    code = "XT2" if "XT2\n" in text else "XT201"
    assert (
        f"unknown rule code {code!r} — is the plugin that provides it installed? "
        "(gxlint plugins lists the installed ones)"
    ) in str(err.value)
    assert (
        f"未知的规则代码 {code!r}——提供它的插件是否已安装？（gxlint plugins 会列出已安装的插件）"
        in err.value.text("zh")
    )


def test_an_unknown_gx_code_gets_no_plugin_hint(tmp_path):
    write(tmp_path / ".gxlint.yaml", "select: [GX999]\n")
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert "plugin" not in str(err.value) and "插件" not in err.value.text("zh")


@pytest.mark.parametrize("text", ["select: [XT9]\n", "severity:\n  XT299: info\n", "ignore: [XT2]\n"])
def test_an_unknown_code_of_an_installed_plugins_prefix_gets_no_plugin_hint(tmp_path, text):
    from gxlint.lint.rule import Rule
    from gxlint.plugins import discovery
    from plugintools import plugin

    rule = type("XtOne", (Rule,), {"code": "XT101", "name": "xt-one", "summary": "s", "check": lambda *a: []})
    loaded = discovery.load(extra=[plugin(rule, name="xt")])
    write(tmp_path / ".gxlint.yaml", text)
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path, plugins=loaded)
    assert "unknown rule code" in str(err.value)
    assert "plugin" not in str(err.value) and "插件" not in err.value.text("zh")


def test_plugins_disable_is_read_and_validated(tmp_path):
    write(tmp_path / ".gxlint.yaml", "plugins:\n  disable: [example, gxlint-other-plugin]\n")
    s = settings_for(tmp_path)
    assert s.disabled_plugins == ("example", "gxlint-other-plugin")
    assert s.origin["plugins"].endswith(".gxlint.yaml:1")
    write(tmp_path / "a" / ".gxlint.yaml", "extend: ../.gxlint.yaml\nplugins: {disable: []}\n")
    assert settings_for(tmp_path).disabled_plugins == ()  # the nearer file's list replaces the one it extends
    for text, line, fragment, zh in (
        (
            "plugins: [example]\n",
            1,
            "'plugins' must be a mapping like {disable: [name, ...]}",
            "“plugins”必须是形如 {disable: [插件名, ...]} 的映射",
        ),
        (
            "plugins:\n  disabled: [x]\n",
            2,
            "'plugins': unknown key 'disabled' (did you mean 'disable'?)",
            "“plugins”：未知的配置项“disabled”（是否应为“disable”？）",
        ),
        (
            "plugins:\n  disable:\n    - 3\n",
            3,
            "'plugins: disable': 3 is not a plugin name",
            "“plugins: disable”：3 不是插件名",
        ),
        (
            "plugins: {disable: [builtin]}\n",
            1,
            "the built-in rules cannot be switched off",
            "内置规则不能停用",
        ),
    ):
        write(tmp_path / "a" / ".gxlint.yaml", text)
        with pytest.raises(ConfigError) as err:
            settings_for(tmp_path)
        assert fragment in str(err.value) and err.value.line == line, str(err.value)
        assert zh in err.value.text("zh"), err.value.text("zh")


def test_disabled_plugins_are_found_from_the_working_directory(tmp_path):
    from gxlint.config import disabled_plugins

    write(tmp_path / "base.yaml", "plugins: {disable: [example]}\n")
    write(tmp_path / "sub" / ".gxlint.yaml", "extend: ../base.yaml\nselect: [GX0]\n")
    assert disabled_plugins(start=str(tmp_path / "sub" / "deeper")) == ("example",)
    assert disabled_plugins(str(tmp_path / "base.yaml")) == ("example",)
    assert disabled_plugins(start=str(tmp_path)) == ()
    assert disabled_plugins(str(tmp_path / "base.yaml"), isolated=True) == ()
    write(tmp_path / "sub" / ".gxlint.yaml", "select: [GX0\n")  # broken: the error comes when linting
    assert disabled_plugins(start=str(tmp_path / "sub")) == ()


def test_brackets_nested_beyond_any_config_are_refused_where_they_go_too_deep(tmp_path):
    # the parser's time grows fast with the depth (1,000 levels took half a minute): refused before it
    from gxlint.config import configured_lang
    from gxlint.config.load import MAX_DEPTH, read_file, too_deep

    deep = "[" * 1000 + "]" * 1000
    (tmp_path / ".gxlint.yaml").write_text(f"lang: en\nselect: {deep}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_file(tmp_path / ".gxlint.yaml")
    assert (err.value.line, err.value.column) == (2, 9 + MAX_DEPTH)
    assert "nested too deeply" in str(err.value)
    assert configured_lang(start=str(tmp_path)) == "en"  # read as far as the mistake
    # brackets in quotes or comments are no nesting; a config's own depth is far below the limit
    assert too_deep("a: '" + "[" * 100 + "'\n# " + "{" * 100 + '\nb: "' + "[" * 100 + '"\n') is None
    assert too_deep("severity: {GX208: info}\noptions: {GX302: {domains: [a, b]}}\n") is None


@pytest.mark.parametrize(
    "text, fragment, zh",
    [
        (
            "ignore: [GX2O6]\n",
            "unknown rule code or prefix 'GX2O6' (did you mean 'GX206'?)",
            "（是否应为 'GX206'？）",
        ),
        (
            "select: [missing-contcat]\n",
            "'missing-contcat' (did you mean 'missing-contact'?)",
            "（是否应为 'missing-contact'？）",
        ),
        (
            "severity: {GX21O: error}\n",
            "unknown rule code 'GX21O' (did you mean 'GX210'?)",
            "'GX21O'（是否应为 'GX210'？）",
        ),
        ("options: {GX3O2: {}}\n", "(did you mean 'GX302'?)", "（是否应为 'GX302'？）"),
    ],
)
def test_a_mistyped_rule_code_or_name_gets_the_nearest_one(tmp_path, text, fragment, zh):
    # as a misspelt key or option does (the plugin trial: SP210 for SP201 got no hint)
    write(tmp_path / ".gxlint.yaml", text)
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert fragment in str(err.value), str(err.value)
    assert zh in err.value.text("zh"), err.value.text("zh")


@pytest.mark.parametrize("code", ["GX9", "GX999", "GX260"], ids=["a prefix", "far from all", "two as near"])
def test_no_guess_where_there_is_no_one_nearest_code(tmp_path, code):
    write(tmp_path / ".gxlint.yaml", f"select: [{code}]\n")
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert "did you mean" not in str(err.value)
