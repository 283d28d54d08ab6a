"""Configuration: discovery, extend, overrides, and every validation error with its position."""

import textwrap

import pytest

from gxlint.config import ConfigError, Settings
from gxlint.engine import Linter

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
    write(tmp_path / "a" / ".gxlint.yaml", "extend: ../.gxlint.yaml\nselect: [GX0]\nseverity: {GX003: info}\n")
    s = settings_for(tmp_path)
    assert s.lang == "en" and s.select == ("GX0",) and s.ignore == ("GX003",) and s.severity == {"GX003": "info"}
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


@pytest.mark.parametrize("text,line,fragment", [
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
])
def test_validation_errors_name_file_and_line(tmp_path, text, line, fragment):
    write(tmp_path / ".gxlint.yaml", text)
    with pytest.raises(ConfigError) as err:
        settings_for(tmp_path)
    assert fragment in str(err.value)
    assert err.value.line == line
    assert str(err.value).startswith(str(tmp_path / ".gxlint.yaml"))


def test_wrongly_typed_option():
    from gxlint import plugins
    from gxlint.rule import Option, Rule

    class Opt(Rule):
        code, name, summary = "TT101", "with-option", "has an option"
        options = {"limit": Option(3, "a number")}

        def check(self, report, ctx):
            return ()

    class Plugin:
        @staticmethod
        def gxlint_rules():
            return [Opt]

    from gxlint.hookspecs import hookimpl
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
