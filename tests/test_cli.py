"""``gxlint [OPTIONS] PATH...`` through click's CliRunner: every option and every exit code.

Only GX000-GX003 are relied on (the rest of the catalogue is written elsewhere): an empty file
gives GX002 (error), a binary file GX001 (error), the run-together fixture one GX003 (warning),
and the clean example nothing.  Options that change what rules see (--template, --organ, rule
options) are checked with a probe rule that reports its context.
"""

from __future__ import annotations

import json
import re

import pytest

from clitools import EXAMPLE, INLINE, findings, gx, reports, with_probe
from gxlint.plugins import discovery as plugins_mod
from gxlint.run import runner

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def tmp_cwd(tmp_path, monkeypatch):
    """Work in an empty folder with no config file above it that could leak into the test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def empty(tmp_cwd):
    path = tmp_cwd / "empty.txt"
    path.write_text("", encoding="utf-8")
    return path


# -- usage, help, version -------------------------------------------------------------------------


def test_help_shows_the_path_usage_and_the_subcommands():
    for flag in ("--help", "-h"):
        for lang, usage in (
            ("en", "Usage: gxlint [OPTIONS] PATH..."),
            ("zh", "用法：gxlint [OPTIONS] PATH..."),
        ):
            result = gx(flag, "--lang", lang)
            assert result.exit_code == 0
            assert result.stdout.startswith(usage)
            for command in ("parse", "rules", "explain", "plugins", "init"):
                assert re.search(rf"^  {command}\s", result.stdout, re.M), command
            assert "--write-baseline" in result.stdout and "--stdin-filename" in result.stdout
            assert "gxlint -- parse" in result.stdout


def test_version():
    result = gx("--version")
    assert result.exit_code == 0 and result.stdout.startswith("gxlint, version ")


def test_no_path_is_a_usage_error():
    result = gx("--lang", "en")
    assert result.exit_code == 2
    assert "Missing argument 'PATH...'" in result.stderr
    result = gx()
    assert result.exit_code == 2
    assert "错误：缺少参数 'PATH...'。" in result.stderr and result.stderr.startswith(
        "用法：gxlint [OPTIONS] PATH..."
    )


def test_unknown_option_is_a_usage_error():
    result = gx("--lang", "en", "--no-such-option", str(EXAMPLE))
    assert result.exit_code == 2 and "No such option" in result.stderr
    result = gx("--no-such-option", str(EXAMPLE))
    assert result.exit_code == 2 and "错误：没有选项 '--no-such-option'" in result.stderr


def test_subcommand_help_works_for_each():
    for command in ("parse", "rules", "explain", "plugins", "init"):
        result = gx(command, "-h", "--lang", "en")
        assert result.exit_code == 0 and result.stdout.startswith(f"Usage: gxlint {command}")
        result = gx(command, "-h")
        assert result.exit_code == 0 and result.stdout.startswith(f"用法：gxlint {command}")
        assert "选项：" in result.stdout and "显示本帮助并退出。" in result.stdout


def test_english_help_is_english_in_every_way_of_asking_for_it(tmp_path, monkeypatch):
    """No Chinese in any English help screen (before: --version's line was 显示版本并退出。, its
    text looked up once when the command line was imported); the Chinese help keeps it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gxlint.yaml").write_text("lang: en\n", encoding="utf-8")
    cjk = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    for command in ((), ("check",), ("parse",), ("rules",), ("explain",), ("plugins",), ("init",)):
        for how, env in (
            (("--lang", "en"), {"GXLINT_LANG": None}),
            ((), {"GXLINT_LANG": "en"}),
            ((), {"GXLINT_LANG": None}),  # lang: en in the config file
        ):
            result = gx(*how, *command, "--help", env=env)
            assert result.exit_code == 0, result.output
            assert not cjk.findall(result.stdout), (command, how, env, cjk.findall(result.stdout))
    result = gx("--help", "--lang", "zh")
    assert re.search(r"^  --version +显示版本并退出。$", result.stdout, re.M), result.stdout


# -- exit codes ----------------------------------------------------------------------------------


def test_clean_report_exits_0_with_a_summary():
    result = gx("--isolated", EXAMPLE)
    assert result.exit_code == 0
    assert re.fullmatch(r"未发现问题；共检查 1 个文件，用时 \d+\.\d\d 秒\n", result.stdout)


def test_quiet_prints_the_findings_alone_with_the_same_exit_code(empty):
    assert gx("--isolated", "-q", EXAMPLE).stdout == ""
    loud, quiet = gx("--isolated", empty), gx("--isolated", "--quiet", empty)
    assert quiet.exit_code == loud.exit_code == 1
    assert "empty.txt:1:1: GX002 [错误]" in quiet.stdout
    assert loud.stdout.startswith(quiet.stdout) and "发现 1 个问题" in loud.stdout[len(quiet.stdout) :]
    statistics = gx("--isolated", "-q", "--statistics", "--lang", "en", empty).stdout.splitlines()
    assert len(statistics) == 1 and statistics[0].startswith("1  GX002")


def test_warning_only_exits_0_unless_fail_on_warning():
    assert gx("--isolated", INLINE).exit_code == 0
    assert gx("--isolated", "--fail-on", "warning", INLINE).exit_code == 1
    assert gx("--isolated", "--fail-on", "info", INLINE).exit_code == 1
    assert gx("--isolated", "--fail-on", "warning", "--exit-zero", INLINE).exit_code == 0


def test_error_exits_1_and_exit_zero_makes_it_0(empty):
    result = gx("--isolated", empty)
    assert result.exit_code == 1
    assert "empty.txt:1:1: GX002 [错误]" in result.stdout
    assert gx("--isolated", "--exit-zero", empty).exit_code == 0


def test_fail_on_from_the_config_file(tmp_cwd):
    (tmp_cwd / ".gxlint.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    (tmp_cwd / "r.txt").write_text(INLINE.read_text(encoding="utf-8"), encoding="utf-8")
    assert gx("r.txt").exit_code == 1
    assert gx("--fail-on", "error", "r.txt").exit_code == 0  # the command line wins


def test_missing_path_is_a_gx001_finding_and_the_rest_is_linted(tmp_cwd):
    result = gx("--isolated", "--lang", "en", "--format", "concise", EXAMPLE, "no/such/report.txt")
    assert result.exit_code == 1
    assert (
        "no/such/report.txt:1:1: GX001 [error] no such file or directory: no/such/report.txt" in result.stdout
    )
    assert "shili-county-2021.txt" not in result.stdout  # the example itself was linted: no findings


def test_missing_path_named_like_a_command_gets_a_hint(tmp_cwd):
    result = gx("--lang", "en", "rules")
    assert result.exit_code == 1
    assert "put it first: gxlint rules" in result.stderr
    assert "GX001" in result.stdout


def test_file_named_like_a_subcommand_is_linted_after_double_dash(tmp_cwd):
    (tmp_cwd / "parse").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = gx("--", "parse")
    assert result.exit_code == 0, result.output
    assert "共检查 1 个文件" in result.stdout
    # without '--' the word is the subcommand
    assert gx("parse", "--format", "json", "parse").stdout.lstrip().startswith("{")


def test_check_subcommand_is_the_default():
    result = gx("check", "--isolated", "-f", "json", EXAMPLE)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_internal_error_exits_2_with_one_line_and_no_traceback(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(runner, "check", boom)
    result = gx("--isolated", "--lang", "en", EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("gxlint: internal error: RuntimeError: simulated bug")
    assert "Traceback" not in result.output
    result = gx("--isolated", EXAMPLE)
    assert result.exit_code == 2 and result.stderr.startswith(
        "gxlint：内部错误：RuntimeError: simulated bug（请报告"
    )


def test_plugin_error_exits_2(monkeypatch):
    result = gx("--require-plugins", "no-such-plugin", "--lang", "en", EXAMPLE)
    assert result.exit_code == 2
    assert "gxlint: error: required plugin(s) not loaded: no-such-plugin" in result.stderr
    result = gx("--require-plugins", "no-such-plugin", EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr.startswith("gxlint：错误：插件错误：必需的插件未能加载：no-such-plugin")


def test_a_plugin_that_fails_to_load_is_a_warning_and_the_run_goes_on(monkeypatch):
    loaded = plugins_mod.load()
    loaded.failures.append(plugins_mod.Failure("broken", "gxlint-broken", "0.3", "ImportError: nope"))
    monkeypatch.setitem(plugins_mod._CACHE, (), loaded)
    result = gx("--isolated", "--lang", "en", EXAMPLE)
    assert result.exit_code == 0
    assert (
        "gxlint: warning: plugin 'broken' (gxlint-broken 0.3) could not be loaded: ImportError: nope"
        in result.stderr
    )
    assert (
        "gxlint：警告：插件 'broken'（gxlint-broken 0.3）无法加载：ImportError: nope"
        in gx("--isolated", EXAMPLE).stderr
    )


# -- selection -------------------------------------------------------------------------------------


def test_select_ignore_extend_select(empty, tmp_cwd):
    assert gx("--isolated", "--select", "GX003", empty).exit_code == 0
    assert gx("--isolated", "--ignore", "GX002", empty).exit_code == 0
    assert gx("--isolated", "--ignore", "GX0", empty).exit_code == 0
    assert gx("--isolated", "--select", "not-a-report", empty).exit_code == 1  # a rule's name works too
    assert gx("--isolated", "--select", "GX001,GX002", empty).exit_code == 1
    (tmp_cwd / ".gxlint.yaml").write_text("select: [GX003]\n", encoding="utf-8")
    assert gx(empty).exit_code == 0
    result = gx("--extend-select", "GX002", "-f", "json", empty)
    assert [f["code"] for f in findings(result)] == ["GX002"]


def test_unknown_code_on_the_command_line_exits_2(empty):
    result = gx("--isolated", "--select", "GX9", "--lang", "en", empty)
    assert result.exit_code == 2
    assert "unknown rule code or prefix 'GX9'" in result.stderr
    result = gx("--isolated", "--select", "GX9", empty)
    assert result.exit_code == 2
    assert result.stderr == "gxlint：错误：命令行：“select”：未知的规则代码或代码前缀 'GX9'\n"


def test_lang(empty):
    result = gx("--isolated", "--lang", "en", empty)
    assert "GX002 [error] the file is empty (or whitespace only): not an annual report" in result.stdout
    assert re.search(
        r"^Found 1 problem \(1 error, 0 warnings, 0 info\) in 1 file; 1 file checked in", result.stdout, re.M
    )
    assert "文件为空" in gx("--isolated", "--lang", "zh", empty).stdout


def test_template_organ_and_rule_options_reach_the_rules(monkeypatch, tmp_cwd):
    with_probe(monkeypatch)
    (tmp_cwd / ".gxlint.yaml").write_text("options:\n  ZZ901: {label: from-config}\n", encoding="utf-8")
    report = tmp_cwd / "r.txt"
    report.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    def probe(*args):
        [f] = findings(gx("--select", "ZZ901", "--lang", "en", "-f", "json", *args, report))
        return f["message"]

    # the example is a 2021-format report of a 局: a department
    assert probe() == "probe template=2021 organ=department label=from-config limit=3"
    assert probe("--template", "2019").startswith("probe template=2019 ")
    assert "organ=government" in probe("--organ", "government")
    assert "organ=department" in probe("--organ", "auto")
    assert "label=probe" in probe("--isolated")


def test_config_option_and_isolated(empty, tmp_cwd):
    other = tmp_cwd / "elsewhere.yaml"
    other.write_text("ignore: [GX002]\n", encoding="utf-8")
    assert gx("--config", other, empty).exit_code == 0
    (tmp_cwd / ".gxlint.yaml").write_text("ignore: [GX002]\n", encoding="utf-8")
    assert gx(empty).exit_code == 0
    assert gx("--isolated", empty).exit_code == 1


def test_missing_config_file_is_a_usage_error(empty):
    result = gx("--config", "nope.yaml", empty)
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


def test_invalid_config_exits_2_with_file_line_and_column_before_any_output(tmp_cwd):
    sub = tmp_cwd / "sub"
    sub.mkdir()
    (sub / ".gxlint.yaml").write_text("lang: en\nselectt: [GX001]\n", encoding="utf-8")
    (sub / "r.txt").write_text("x", encoding="utf-8")
    (tmp_cwd / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = gx("-f", "json", "a.txt", "sub")
    assert result.exit_code == 2
    assert result.stdout == ""  # not half a JSON array
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert re.fullmatch(
        r"gxlint: error: .*sub/\.gxlint\.yaml:2:1: unknown key 'selectt' \(did you mean 'select'\?\).*",
        message,
    )


def test_wrongly_typed_rule_option_exits_2(monkeypatch, tmp_cwd):
    with_probe(monkeypatch)
    (tmp_cwd / ".gxlint.yaml").write_text("options:\n  ZZ901:\n    limit: many\n", encoding="utf-8")
    (tmp_cwd / "r.txt").write_text("x", encoding="utf-8")
    result = gx("r.txt", "--lang", "en")
    assert result.exit_code == 2
    assert "/.gxlint.yaml:3:5: 'options': ZZ901.limit must be int, not str (\"many\")" in result.stderr
    result = gx("r.txt")
    assert result.exit_code == 2
    assert (
        '/.gxlint.yaml:3:5：“options”：ZZ901.limit 的值必须是 int 类型，而不是 str（"many"）' in result.stderr
    )


# -- show-config -----------------------------------------------------------------------------------


def test_show_config_says_where_each_setting_came_from(tmp_cwd):
    (tmp_cwd / ".gxlint.yaml").write_text("select: [GX0]\nseverity:\n  GX003: error\n", encoding="utf-8")
    (tmp_cwd / "r.txt").write_text("x", encoding="utf-8")
    result = gx("--show-config", "--lang", "en", "r.txt")
    assert result.exit_code == 0
    config = str(tmp_cwd / ".gxlint.yaml")
    lines = result.stdout.splitlines()
    assert lines[0] == "r.txt"
    assert re.search(rf"^  config file +{re.escape(config)}$", result.stdout, re.M)
    assert re.search(rf"^  select +\[GX0\] +# {re.escape(config)}:1$", result.stdout, re.M)
    assert re.search(rf"^  severity +\{{GX003: error\}} +# {re.escape(config)}:2$", result.stdout, re.M)
    assert re.search(r"^  lang +en +# command line$", result.stdout, re.M)
    assert re.search(r"^  organ +auto +# default$", result.stdout, re.M)
    assert re.search(r"^  rules enabled +4: GX000, GX001, GX002, GX003$", result.stdout, re.M)


def test_show_config_json_per_file_with_per_file_ignores(tmp_cwd):
    (tmp_cwd / ".gxlint.yaml").write_text('per-file-ignores:\n  "old/*.txt": [GX002]\n', encoding="utf-8")
    (tmp_cwd / "old").mkdir()
    (tmp_cwd / "old" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_cwd / "b.txt").write_text("x", encoding="utf-8")
    result = gx("--show-config", "-f", "json", ".")
    entries = json.loads(result.stdout)
    assert [e["path"] for e in entries] == ["./b.txt", "./old/a.txt"]
    assert "GX002" in entries[0]["rules"] and "GX002" not in entries[1]["rules"]
    pfi = entries[1]["settings"]["per-file-ignores"]
    assert pfi["value"] == {"old/*.txt": ["GX002"]} and pfi["from"].endswith(".gxlint.yaml:1")


def test_show_config_names_where_each_part_of_a_key_merged_across_extend_came_from(tmp_cwd):
    (tmp_cwd / ".gxlint.yaml").write_text(
        "lang: en\nseverity:\n  GX302: error\noptions:\n  GX503: {threshold: 0.6}\n"
        "extend-select: [GX301]\nper-file-ignores:\n  '*.txt': [GX303]\n",
        encoding="utf-8",
    )
    (tmp_cwd / "archive").mkdir()
    (tmp_cwd / "archive" / ".gxlint.yaml").write_text(
        "extend: ../.gxlint.yaml\nseverity:\n  GX404: warning\noptions:\n  GX503: {min-chars: 10}\n"
        "extend-select: [GX302]\nper-file-ignores:\n  '*.txt': [GX401]\n",
        encoding="utf-8",
    )
    (tmp_cwd / "archive" / "r.txt").write_text("x", encoding="utf-8")
    parent, child = str(tmp_cwd / ".gxlint.yaml"), str(tmp_cwd / "archive" / ".gxlint.yaml")
    settings = json.loads(gx("--show-config", "-f", "json", "archive/r.txt").stdout)[0]["settings"]
    assert settings["severity"] == {
        "value": {"GX302": "error", "GX404": "warning"},
        "from": f"{child}:2",  # where the value was last set, as before
        "parts": {"GX302": f"{parent}:2", "GX404": f"{child}:2"},
    }
    assert settings["options"]["parts"] == {"GX503": {"threshold": f"{parent}:4", "min-chars": f"{child}:4"}}
    assert settings["extend-select"]["parts"] == {"GX301": f"{parent}:6", "GX302": f"{child}:6"}
    pfi = settings["per-file-ignores"]
    assert pfi["value"] == {"*.txt": ["GX303", "GX401"]}  # both files' codes apply
    assert pfi["parts"] == {"*.txt": f"{parent}:7, {child}:7"}
    assert settings["lang"] == {"value": "en", "from": f"{parent}:1"}  # a replaced key has no parts
    text = gx("--show-config", "archive/r.txt").stdout
    assert re.search(
        rf"^  severity +\{{GX302: error, GX404: warning\}} +# GX302: {re.escape(parent)}:2; "
        rf"GX404: {re.escape(child)}:2$",
        text,
        re.M,
    )
    assert f"# GX503.threshold: {parent}:4; GX503.min-chars: {child}:4" in text


# -- output: formats, file, statistics, colour -------------------------------------------------------


@pytest.mark.slow  # every format over a folder, in worker processes
def test_every_format_on_a_folder(tmp_cwd):
    from gxlint.output import BUILTIN

    reports(tmp_cwd / "r")
    for fmt in BUILTIN:
        result = gx("--isolated", "--select", "GX0", "-f", fmt, "r")
        assert result.exit_code == 1, (fmt, result.output)
        assert "r/binary.txt" in result.stdout and "r/sub/inline-copy.txt" in result.stdout
        assert "notes.xlsx" not in result.stdout


def test_every_help_that_lists_the_default_globs_lists_those_discovery_uses():
    from gxlint.cli import main
    from gxlint.run.discover import DEFAULT_INCLUDE

    texts = []
    for name in ("check", "parse"):
        command = main.commands[name]
        texts += [command.help or "", getattr(command, "help_zh", "") or ""]
        for param in command.params:
            texts += [getattr(param, "help", "") or "", getattr(param, "help_zh", "") or ""]
    listed = [text for text in texts if "*.txt" in text]
    assert len(listed) >= 6  # the two commands' --include in both languages, check's PATH in both
    for text in listed:
        assert tuple(re.findall(r"\*\.\w+", text)) == DEFAULT_INCLUDE, text


def test_unknown_format_exits_2(empty):
    result = gx("--isolated", "-f", "xml", "--lang", "en", empty)
    assert result.exit_code == 2 and "'xml' is not one of full, concise, json" in result.stderr
    result = gx("--isolated", "-f", "xml", empty)
    assert (
        result.exit_code == 2
        and "错误：'--format' 的值无效：'xml' 不是可用的格式（full、concise、json" in result.stderr
    )


def test_json_is_the_sorted_array_contract(tmp_cwd):
    reports(tmp_cwd / "r")
    # arguments in reverse order and a duplicate: the output is still sorted by path, once each
    result = gx("--isolated", "--select", "GX0", "-f", "json", "r/sub", "r/empty.txt", "r", "r/binary.txt")
    data = findings(result)
    keys = [(f["path"], f["line"], f["column"]) for f in data]
    assert keys == sorted(keys)
    assert len({(f["path"], f["code"]) for f in data}) == len(data)
    assert [(f["path"], f["code"], f["severity"]) for f in data] == [
        ("r/binary.txt", "GX001", "error"),
        ("r/empty.txt", "GX002", "error"),
        ("r/shili-2021-inline.txt", "GX003", "warning"),
        ("r/sub/inline-copy.txt", "GX003", "warning"),
    ]
    gx003 = data[2]
    assert set(gx003) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
        "fingerprint",
    }
    assert (gx003["line"], gx003["end_line"]) == (5, 5) and gx003["end_column"] > gx003["column"]
    assert gx003["name"] == "table-unreadable" and "2115" in gx003["message"]
    assert "fix" not in data[1]  # only when the rule says what the template expects


def test_json_lines_is_one_object_per_line(tmp_cwd):
    reports(tmp_cwd / "r")
    result = gx("--isolated", "--select", "GX0", "-f", "json-lines", "r")
    lines = result.stdout.splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["GX001", "GX002", "GX003", "GX003"]
    assert gx("--isolated", "--select", "GX0", "-f", "json-lines", EXAMPLE).stdout == ""


def test_concise_is_one_line_per_finding(tmp_cwd):
    reports(tmp_cwd / "r")
    result = gx("--isolated", "--select", "GX0", "-f", "concise", "--lang", "en", "r")
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0] == "r/binary.txt:1:1: GX001 [error] binary file (NUL byte on line 1), not a text report"
    assert re.match(r"r/shili-2021-inline\.txt:5:\d+: GX003 \[warning\] ", lines[2])


def test_github_annotations(tmp_cwd):
    reports(tmp_cwd / "r")
    result = gx("--isolated", "--select", "GX0", "-f", "github", "--lang", "en", "r")
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "::error file=r/binary.txt,line=1,col=1,title=GX001::binary file (NUL byte on line 1), not a text report"
    )
    assert re.match(
        r"::warning file=r/shili-2021-inline\.txt,line=5,col=\d+,title=GX003::active-disclosure table",
        lines[2],
    )
    assert "%0Afix: write one number per column, tab-separated" in lines[2]


def test_output_file(tmp_cwd):
    result = gx("--isolated", "-f", "json", "-o", "out.json", INLINE)
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads((tmp_cwd / "out.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in data] == ["GX003"]
    gx("--isolated", "--output-file", "out.txt", INLINE)
    text = (tmp_cwd / "out.txt").read_text(encoding="utf-8")
    assert "GX003 [警告]" in text and "共检查 1 个文件" in text
    assert not ANSI.search(text)  # a file is not a terminal


def test_output_file_that_cannot_be_written_exits_2(tmp_cwd):
    result = gx("--isolated", "-o", "no/such/dir/out.txt", "--lang", "en", EXAMPLE)
    assert result.exit_code == 2 and "cannot write no/such/dir/out.txt" in result.stderr
    result = gx("--isolated", "-o", "no/such/dir/out.txt", EXAMPLE)
    assert result.exit_code == 2 and "gxlint：错误：无法写入 no/such/dir/out.txt" in result.stderr


@pytest.mark.slow  # a second or so: whole folders or many runs
def test_statistics(tmp_cwd):
    reports(tmp_cwd / "r")
    result = gx("--isolated", "--select", "GX0", "--statistics", "--lang", "en", "r")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"2  GX003 +\[warning\] table-unreadable +a template table's cells .*", lines[0])
    assert re.fullmatch(r"1  GX001 +\[error\] +unreadable-input +.*", lines[1])
    assert re.fullmatch(r"1  GX002 +\[error\] +not-a-report +.*", lines[2])
    assert lines[3].startswith("Found 4 problems (2 errors, 2 warnings, 0 info) in 4 files; 8 files checked")
    data = json.loads(gx("--isolated", "--select", "GX0", "--statistics", "-f", "json", "r").stdout)
    assert data[0] == {"code": "GX003", "name": "table-unreadable", "severity": "warning", "count": 2}
    assert sum(d["count"] for d in data) == 4


def test_statistics_with_a_format_it_cannot_use_exits_2():
    result = gx("--isolated", "--statistics", "-f", "sarif", "--lang", "en", EXAMPLE)
    assert result.exit_code == 2 and "--statistics works with --format full, concise, json" in result.stderr
    result = gx("--isolated", "--statistics", "-f", "sarif", EXAMPLE)
    assert (
        result.exit_code == 2
        and "--statistics 只能与 --format full、concise、json 一起使用，不能用于 'sarif'" in result.stderr
    )


def test_colour_is_off_when_not_a_terminal_and_forced_by_flag():
    plain = gx("--isolated", INLINE)
    assert not ANSI.search(plain.stdout)
    coloured = gx("--isolated", "--color", INLINE)
    assert ANSI.search(coloured.stdout)
    assert ANSI.sub("", coloured.stdout).replace("0.00", "").split("用时")[0] == plain.stdout.split("用时")[0]
    assert not ANSI.search(gx("--isolated", "--no-color", INLINE).stdout)
    assert not ANSI.search(gx("--isolated", "--color", "-f", "json", INLINE).stdout)  # never inside JSON


# -- files -----------------------------------------------------------------------------------------


@pytest.mark.slow  # a second or so: whole folders or many runs
def test_include_and_exclude(tmp_cwd):
    reports(tmp_cwd / "r")

    def paths(*a):
        return sorted({f["path"] for f in findings(gx("--isolated", "--select", "GX0", "-f", "json", *a))})

    assert paths("r") == ["r/binary.txt", "r/empty.txt", "r/shili-2021-inline.txt", "r/sub/inline-copy.txt"]
    assert paths("--exclude", "sub", "r") == ["r/binary.txt", "r/empty.txt", "r/shili-2021-inline.txt"]
    assert paths("--exclude", "*.txt", "r") == []
    assert paths("--include", "*.xlsx", "r") == ["r/notes.xlsx"]  # read, and not a report
    hidden = tmp_cwd / "r" / ".archive"
    hidden.mkdir()
    (hidden / "old.txt").write_text("", encoding="utf-8")
    assert "r/.archive/old.txt" not in paths("r")
    assert paths("r/.archive/old.txt") == ["r/.archive/old.txt"]  # named explicitly: linted


def test_a_file_whose_name_starts_with_a_dash_is_a_path(tmp_cwd):
    # pre-commit hands staged files on without a `--` before them; before, `-草稿.txt` was an
    # unknown option and stopped the run (exit 2) before any file was checked
    (tmp_cwd / "-草稿.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_cwd / "empty.txt").write_text("", encoding="utf-8")
    result = gx("--isolated", "-f", "concise", "--skip-non-reports", "-草稿.txt", "empty.txt")
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stdout and "没有选项" not in result.output
    # an option's value that names a file stays its value; an unknown option is still one
    result = gx("--isolated", "-o", "-草稿.txt", "--lang", "en", "--bogus", "empty.txt")
    assert result.exit_code == 2 and "No such option '--bogus'" in result.output


def test_one_bad_file_never_stops_the_others(tmp_cwd):
    reports(tmp_cwd / "r")
    result = gx("--isolated", "--select", "GX0", "-f", "concise", "r")
    assert "GX001" in result.stdout and "GX003" in result.stdout
    summary = gx("--isolated", "--select", "GX0", "r").stdout.splitlines()[-1]
    assert "共检查 8 个文件" in summary


def test_stdin_with_a_file_name(tmp_cwd):
    text = INLINE.read_text(encoding="utf-8")
    result = gx("-f", "json", "--isolated", "-", input=text.encode("utf-8"))
    assert [f["path"] for f in findings(result)] == ["-"]
    result = gx(
        "-f", "json", "--isolated", "--stdin-filename", "2021/report.txt", "-", input=text.encode("utf-8")
    )
    [finding] = findings(result)
    assert finding["path"] == "2021/report.txt" and finding["code"] == "GX003"
    # GB18030 bytes on standard input are decoded like a file's
    result = gx("-f", "json", "--isolated", "-", input=text.encode("gb18030"))
    assert [f["code"] for f in findings(result)] == ["GX003"]


def test_stdin_over_the_size_limit_is_refused_unread(tmp_cwd):
    # a file over the limit is refused from its size; standard input is read only to the limit
    big = b"\xe4\xb8\x80" * (11 * 1024 * 1024 // 3)
    result = gx("-f", "json", "--isolated", "--lang", "en", "-", input=big)
    assert [(f["code"], f["message"]) for f in findings(result)] == [
        ("GX001", "too large (over the 10 MB limit); not checked")
    ]
    result = gx("parse", "-", input=big)
    assert result.exit_code == 2 and "超过上限 10 MB" in result.stderr


def test_stdin_filename_selects_the_config_and_per_file_ignores(tmp_cwd):
    sub = tmp_cwd / "archive"
    sub.mkdir()
    (sub / ".gxlint.yaml").write_text(
        'lang: en\nper-file-ignores:\n  "old-*.txt": [GX002]\n', encoding="utf-8"
    )
    assert gx("--stdin-filename", "archive/old-2019.txt", "-", input=b"").exit_code == 0
    result = gx("--stdin-filename", "archive/new.txt", "-", input=b"")
    assert result.exit_code == 1
    assert "archive/new.txt:1:1: GX002 [error] the file is empty" in result.stdout


@pytest.mark.slow  # worker processes
def test_jobs_2_output_is_identical_to_jobs_1(tmp_cwd):
    folder = reports(tmp_cwd / "r")
    for i in range(3):
        reports(folder / f"copy{i}")
    outputs = {}
    for fmt in ("json", "concise", "sarif"):
        for jobs in ("1", "2", "4"):
            result = gx("--isolated", "-f", fmt, "--jobs", jobs, "r")
            assert result.exit_code == 1
            outputs[fmt, jobs] = result.stdout
        assert outputs[fmt, "1"] == outputs[fmt, "2"] == outputs[fmt, "4"]
    assert len(findings(gx("--isolated", "-f", "json", "-j", "2", "r"))) > 16  # every rule ran


def test_jobs_must_be_positive():
    assert gx("--jobs", "0", EXAMPLE).exit_code == 2


# -- baseline ----------------------------------------------------------------------------------------


def test_baseline_options_errors(tmp_cwd):
    assert gx("--baseline", "b.json", "--write-baseline", "c.json", EXAMPLE).exit_code == 2
    result = gx("--isolated", "--lang", "en", "--baseline", "missing.json", EXAMPLE)
    assert result.exit_code == 2 and "missing.json: baseline file not found" in result.stderr
    (tmp_cwd / "bad.json").write_text('{"findings": 3', encoding="utf-8")
    result = gx("--isolated", "--lang", "en", "--baseline", "bad.json", EXAMPLE)
    assert result.exit_code == 2 and "bad.json:1:" in result.stderr and "invalid JSON" in result.stderr
    (tmp_cwd / "other.json").write_text("[]", encoding="utf-8")
    assert (
        "not a gxlint baseline"
        in gx("--isolated", "--lang", "en", "--baseline", "other.json", EXAMPLE).stderr
    )


# -- subcommands -------------------------------------------------------------------------------------


def test_rules_text_and_json():
    result = gx("rules", "--lang", "en")
    assert result.exit_code == 0
    assert re.search(
        r"^GX002 +not-a-report +error +no annual-report structure recognised at all$", result.stdout, re.M
    )
    assert re.search(r"^GX002 +not-a-report +错误 +未识别出", gx("rules").stdout, re.M)
    data = json.loads(gx("rules", "--format", "json").stdout)
    codes = [r["code"] for r in data]
    assert codes[:4] == ["GX000", "GX001", "GX002", "GX003"] and codes == sorted(codes)
    gx003 = next(r for r in data if r["code"] == "GX003")
    assert gx003 == {
        "code": "GX003",
        "name": "table-unreadable",
        "severity": "warning",
        "relaxed_until": None,
        "summary": "模板表格的单元格无法唯一对齐或拆分",
        "plugin": "builtin",
        "options": {},
    }
    # an option's help in the summaries' language
    gx208 = next(r for r in data if r["code"] == "GX208")
    assert gx208["options"]["per-row"]["help"] == "每个有空白单元格的行报告一次，而不是每张表一次"
    en = next(r for r in json.loads(gx("rules", "-f", "json", "--lang", "en").stdout) if r["code"] == "GX208")
    assert en["options"]["per-row"]["help"] == "one finding per row with blank cells instead of one per table"


def test_rules_json_lists_plugin_rules_with_their_options(monkeypatch):
    with_probe(monkeypatch)
    data = json.loads(gx("rules", "-f", "json", "--lang", "en").stdout)
    probe = next(r for r in data if r["code"] == "ZZ901")
    assert probe["options"] == {
        "label": {"default": "probe", "help": "a string option"},
        "limit": {"default": 3, "help": "an integer option"},
    }
    assert data[-1]["code"] == "ZZ901"  # third-party prefixes after gxlint's own


def test_explain_in_both_languages():
    en = gx("explain", "GX003", "--lang", "en")
    assert en.exit_code == 0
    assert en.stdout.startswith("GX003 table-unreadable\n\na template table's cells cannot be aligned")
    assert "Default severity: warning" in en.stdout
    assert "Anti-pattern:\n\n    行政规范性文件693665" in en.stdout
    zh = gx("explain", "table-unreadable", "--lang", "zh")
    assert zh.stdout.startswith("GX003 table-unreadable\n\n模板表格的单元格无法唯一对齐或拆分")
    assert "默认级别：警告" in zh.stdout and "反例：" in zh.stdout and "正例：" in zh.stdout
    assert gx("explain", "gx003").stdout == zh.stdout  # default zh, case-insensitive code


def test_explain_shows_options_in_the_language_asked_with_yaml_defaults():
    zh = gx("explain", "GX208").stdout
    assert "- `per-row`（默认 `false`）：每个有空白单元格的行报告一次，而不是每张表一次\n" in zh
    en = gx("explain", "GX208", "--lang", "en").stdout
    assert (
        "- `per-row` (default `false`): one finding per row with blank cells instead of one per table\n" in en
    )
    assert "Based on: docs/format.md" in en


def test_explain_unknown_rule_exits_2():
    result = gx("explain", "GX999", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "gxlint: error: unknown rule 'GX999'; see 'gxlint rules'\n"
    result = gx("explain", "GX999")
    assert result.exit_code == 2
    assert result.stderr == "gxlint：错误：没有规则 'GX999'；请查看 'gxlint rules'\n"


def test_plugins_lists_the_builtin_plugin():
    result = gx("plugins", env={"GXLINT_LANG": "en"})
    assert result.exit_code == 0
    assert re.search(r"^builtin +gxlint 0\.1\.0 +\d+ rules?$", result.stdout, re.M)
    assert re.search(r"^builtin +gxlint 0\.1\.0 +\d+ 条规则$", gx("plugins").stdout, re.M)


def test_plugins_takes_lang_like_the_other_commands_that_show_things():
    result = gx("plugins", "--lang", "en")
    assert result.exit_code == 0
    assert re.search(r"^builtin +gxlint 0\.1\.0 +\d+ rules?$", result.stdout, re.M)


def test_plugins_lists_a_plugin_the_config_switched_off(monkeypatch):
    loaded = plugins_mod.load()
    loaded.disabled.append(("extra", "gxlint-extra", "1.0"))
    monkeypatch.setitem(plugins_mod._CACHE, (), loaded)
    result = gx("plugins", "--lang", "en")
    assert result.exit_code == 0
    assert re.search(
        r"^extra +gxlint-extra 1\.0 +switched off \(plugins: disable in the config file\)$",
        result.stdout,
        re.M,
    )
    assert re.search(
        r"^extra +gxlint-extra 1\.0 +已停用（配置文件的 plugins: disable）$", gx("plugins").stdout, re.M
    )


def test_plugins_exits_2_when_a_plugin_failed(monkeypatch):
    loaded = plugins_mod.load()
    loaded.failures.append(plugins_mod.Failure("broken", "gxlint-broken", "0.3", "ImportError: nope"))
    monkeypatch.setitem(plugins_mod._CACHE, (), loaded)
    result = gx("plugins", env={"GXLINT_LANG": "en"})
    assert result.exit_code == 2
    assert re.search(r"^broken +gxlint-broken 0\.3 +FAILED: ImportError: nope$", result.stdout, re.M)
    assert re.search(r"^broken +gxlint-broken 0\.3 +加载失败：ImportError: nope$", gx("plugins").stdout, re.M)


def test_init_writes_a_config_gxlint_accepts_and_refuses_to_overwrite(tmp_cwd, empty):
    result = gx("init")
    assert result.exit_code == 0 and result.stdout == "已写入 ./.gxlint.yaml\n"
    text = (tmp_cwd / ".gxlint.yaml").read_text(encoding="utf-8")
    for key in (
        "select:",
        "ignore:",
        "extend-select:",
        "severity:",
        "per-file-ignores:",
        "template: auto",
        "organ: auto",
        "lang: zh",
        "fail-on: error",
        "options:",
    ):
        assert key in text, key
    shown = gx("--show-config", "-f", "json", empty)
    assert shown.exit_code == 0, shown.output
    [entry] = json.loads(shown.stdout)
    assert entry["config"] == str(tmp_cwd / ".gxlint.yaml")
    assert entry["settings"]["select"] == {"value": ["ALL"], "from": f"{tmp_cwd / '.gxlint.yaml'}:5"}
    assert gx(empty).exit_code == 1  # the defaults: GX002 still reported
    before = text
    again = gx("init", env={"GXLINT_LANG": "en"})
    assert again.exit_code == 2
    assert again.stderr == "gxlint: error: ./.gxlint.yaml already exists; not overwriting it\n"
    assert gx("init").stderr == "gxlint：错误：./.gxlint.yaml 已存在，不会覆盖它\n"
    assert (tmp_cwd / ".gxlint.yaml").read_text(encoding="utf-8") == before


def test_init_comments_the_config_in_the_language_of_the_messages(tmp_cwd):
    for folder in ("zh", "en0", "en2"):
        (tmp_cwd / folder).mkdir()
    assert gx("init", "zh").exit_code == 0
    zh = (tmp_cwd / "zh" / ".gxlint.yaml").read_text(encoding="utf-8")
    assert "select: [ALL]                    # 要运行的规则\n" in zh
    # every option's help in Chinese, its default written as YAML
    assert "    per-row: false    # 每个有空白单元格的行报告一次，而不是每张表一次\n" in zh
    assert "# rules to run" not in zh
    for how in (("--lang", "en"), ()):
        folder = f"en{len(how)}"
        assert gx("init", folder, *how, env=None if how else {"GXLINT_LANG": "en"}).exit_code == 0
        en = (tmp_cwd / folder / ".gxlint.yaml").read_text(encoding="utf-8")
        assert "select: [ALL]                    # rules to run\n" in en
        assert "    per-row: false    # one finding per row with blank cells instead of one per table\n" in en

    # the settings themselves are the same in both languages, but for the language asked for
    def settings(text: str) -> list[str]:
        return [line.split("#")[0].rstrip() for line in text.splitlines() if not line.startswith("#")]

    assert [s.replace("lang: en", "lang: zh") for s in settings(en)] == settings(zh)
    assert "lang: en" in settings(en) and "lang: zh" in settings(zh)
    (tmp_cwd / "en2" / "r.txt").write_text("你好\n", encoding="utf-8")
    assert gx("en2/r.txt", env={"GXLINT_LANG": None}).stdout.startswith(
        "en2/r.txt:1:1: GX002 [error] no annual"
    )


def test_init_with_rule_options_round_trips_every_default(monkeypatch, tmp_cwd):
    with_probe(monkeypatch)
    (tmp_cwd / "conf").mkdir()
    assert gx("init", "conf").exit_code == 0
    text = (tmp_cwd / "conf" / ".gxlint.yaml").read_text(encoding="utf-8")
    assert "  ZZ901:" in text and '    label: "probe"' in text and "    limit: 3" in text
    (tmp_cwd / "conf" / "r.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    [f] = findings(gx("--select", "ZZ901", "-f", "json", "--lang", "en", "conf/r.txt"))
    assert f["message"].endswith("label=probe limit=3")


def test_init_refuses_when_a_yml_config_exists(tmp_cwd):
    (tmp_cwd / ".gxlint.yml").write_text("lang: en\n", encoding="utf-8")
    result = gx("init")
    assert result.exit_code == 2 and ".gxlint.yml already exists" in result.stderr
    assert not (tmp_cwd / ".gxlint.yaml").exists()


def test_init_into_a_folder_that_does_not_exist_is_refused(tmp_cwd):
    """Before: a mistyped path was made, folders and all, and the file written there."""
    result = gx("init", "no/such/dir", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "gxlint: error: no such directory: no/such/dir (gxlint init writes into a folder that exists: "
        "make it first)\n"
    )
    assert (
        gx("init", "no/such/dir").stderr
        == "gxlint：错误：目录不存在：no/such/dir（gxlint init 只写入已有的目录，请先创建它）\n"
    )
    assert list(tmp_cwd.iterdir()) == []
    (tmp_cwd / "file").write_text("", encoding="utf-8")
    result = gx("init", "file")
    assert result.exit_code == 2 and "'file' 是文件，不是目录。" in result.stderr
    result = gx("init", "file/sub")  # a folder inside a plain file
    assert (
        result.exit_code == 2 and "目录不存在：file/sub" in result.stderr and "内部错误" not in result.stderr
    )


def test_init_into_a_folder_that_cannot_be_written_is_an_error_not_a_crash(tmp_cwd):
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes into any folder")
    (tmp_cwd / "locked").mkdir(mode=0o500)
    result = gx("init", "locked")
    assert result.exit_code == 2
    assert "无法写入 locked/.gxlint.yaml" in result.stderr and "内部错误" not in result.stderr


def test_parse_still_works_and_reads_stdin():
    text = EXAMPLE.read_text(encoding="utf-8")
    result = gx("parse", "-f", "json", "-", input=text.encode("utf-8"))
    assert result.exit_code == 0 and json.loads(result.stdout)["year"] == 2021


def test_no_color_environment_and_an_explicit_flag(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(gx("--isolated", INLINE).stdout)
    assert ANSI.search(gx("--isolated", "--color", INLINE).stdout)  # an explicit flag wins


def test_required_plugin_that_loaded_is_fine():
    assert gx("--isolated", "--require-plugins", "builtin", EXAMPLE).exit_code == 0


def test_interrupt_exits_130_without_a_traceback(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "check", interrupted)
    result = gx("--isolated", "--lang", "en", EXAMPLE)
    assert result.exit_code == 130 and result.stderr == "gxlint: interrupted\n"
    result = gx("--isolated", EXAMPLE)
    assert result.exit_code == 130 and result.stderr == "gxlint：已中断\n"


def test_an_interrupted_run_leaves_no_output_file_and_an_old_one_as_it_was(tmp_cwd, monkeypatch):
    """-o FILE is written to a temporary file beside it and renamed at the end.  Before: an
    interrupted run left an empty or cut-off file (an empty gxlint.sarif, for a CI step to upload)."""
    import os
    import stat

    real = runner.check

    def interrupted(linter, items, formatter, **kwargs):
        formatter.begin()
        formatter.out.write("half of it")
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "check", interrupted)
    for fmt in ("sarif", "json", "full"):
        result = gx("--isolated", "-f", fmt, "-o", "out.txt", EXAMPLE)
        assert result.exit_code == 130
        assert os.listdir(tmp_cwd) == []  # neither the file nor a temporary one
    (tmp_cwd / "out.txt").write_text("last run's\n", encoding="utf-8")
    assert gx("--isolated", "-f", "sarif", "-o", "out.txt", EXAMPLE).exit_code == 130
    assert (tmp_cwd / "out.txt").read_text(encoding="utf-8") == "last run's\n"
    assert os.listdir(tmp_cwd) == ["out.txt"]
    # a run that ends writes it whole, with the permissions of the file it replaces
    monkeypatch.setattr(runner, "check", real)
    os.chmod(tmp_cwd / "out.txt", 0o640)
    assert gx("--isolated", "-f", "json", "-o", "out.txt", EXAMPLE).exit_code == 0
    assert json.loads((tmp_cwd / "out.txt").read_text(encoding="utf-8")) == []
    assert stat.S_IMODE(os.stat(tmp_cwd / "out.txt").st_mode) == 0o640
    mask = os.umask(0o022)
    os.umask(mask)
    assert gx("--isolated", "-f", "json", "-o", "new.json", EXAMPLE).exit_code == 0
    assert stat.S_IMODE(os.stat(tmp_cwd / "new.json").st_mode) == 0o666 & ~mask
    assert sorted(os.listdir(tmp_cwd)) == ["new.json", "out.txt"]


def test_parse_output_file_is_written_whole_or_not_at_all(tmp_cwd, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    import gxlint.output.dataset as model

    (tmp_cwd / "r.csv").write_text("old\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(model, "cell_rows", interrupted)
        result = gx("parse", "--format", "csv", "-o", "r.csv", EXAMPLE)
    assert result.exit_code == 130
    assert (tmp_cwd / "r.csv").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_cwd.iterdir()] == ["r.csv"]
    assert gx("parse", "--format", "csv", "-o", "r.csv", EXAMPLE).exit_code == 0
    assert (tmp_cwd / "r.csv").read_text(encoding="utf-8").startswith("\ufefffile,form,")


def test_a_folder_without_reports_is_a_gx001_finding(tmp_cwd):
    (tmp_cwd / "docs").mkdir()
    (tmp_cwd / "docs" / "a.xlsx").write_bytes(b"PK")
    result = gx("--isolated", "--lang", "en", "--format", "concise", "docs")
    assert result.exit_code == 1
    assert (
        "docs:1:1: GX001 [error] no files to check in directory docs "
        "(looked for *.txt, *.md, *.docx, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.doc, *.wps)"
        in result.stdout
    )


def test_an_old_word_or_wps_file_in_a_folder_is_reported_not_left_out(tmp_cwd):
    # a supervising office checking a folder must see that a department sent a .doc
    (tmp_cwd / "in").mkdir()
    (tmp_cwd / "in" / "report.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (tmp_cwd / "in" / "old.doc").write_bytes(ole)
    (tmp_cwd / "in" / "older.wps").write_bytes(ole)
    result = gx("--isolated", "--lang", "en", "--format", "concise", "in")
    assert result.exit_code == 1
    for name in ("old.doc", "older.wps"):
        assert re.search(
            rf"^in/{re.escape(name)}:1:1: GX001 \[error\] .*save it as \.docx", result.stdout, re.M
        )
    summary = gx("--isolated", "--lang", "en", "in").stdout
    assert "3 files checked" in summary, summary


# -- the language of gxlint's own words -------------------------------------------------------------------


def test_language_order_option_environment_config_default(tmp_cwd):
    def usage_language(*args, env=None):
        stderr = gx(*args, env=env).stderr
        return (
            "en"
            if "Missing argument 'PATH...'" in stderr
            else "zh"
            if "缺少参数 'PATH...'" in stderr
            else stderr
        )

    assert usage_language() == "zh"  # the default
    (tmp_cwd / ".gxlint.yaml").write_text("lang: en\n", encoding="utf-8")
    assert usage_language() == "en"  # the config file above the working directory
    assert usage_language("--isolated") == "zh"
    assert usage_language(env={"GXLINT_LANG": "zh"}) == "zh"  # the environment beats the config
    assert usage_language("--lang", "zh", env={"GXLINT_LANG": "en"}) == "zh"  # the option beats both
    assert usage_language("--lang=en") == "en"
    other = tmp_cwd / "other.yaml"
    other.write_text("lang: zh\n", encoding="utf-8")
    assert usage_language("--config", str(other)) == "zh"
    # the help, and the findings and summary of a run
    assert gx("--help").stdout.startswith("Usage: gxlint")
    assert gx("--help", env={"GXLINT_LANG": "zh"}).stdout.startswith("用法：gxlint")
    (tmp_cwd / "r.txt").write_text("", encoding="utf-8")
    assert "GX002 [error] the file is empty" in gx("r.txt").stdout
    assert "GX002 [错误] 文件为空" in gx("r.txt", env={"GXLINT_LANG": "zh"}).stdout
    assert "GX002 [error]" in gx("--lang", "en", "r.txt", env={"GXLINT_LANG": "zh"}).stdout


def test_gxlint_lang_must_be_a_known_language(tmp_cwd):
    result = gx("x.txt", env={"GXLINT_LANG": "fr"})
    assert result.exit_code == 2
    assert result.stderr == "gxlint：错误：GXLINT_LANG='fr' 不是 gxlint 支持的语言：请用 zh 或 en\n"
    assert gx("rules", env={"GXLINT_LANG": "fr"}).exit_code == 2
    assert gx("rules", "--lang", "en", env={"GXLINT_LANG": "fr"}).exit_code == 0


def test_show_config_names_the_environment_as_the_origin_of_lang(tmp_cwd):
    (tmp_cwd / "r.txt").write_text("x", encoding="utf-8")
    result = gx("--show-config", "--isolated", "r.txt", env={"GXLINT_LANG": "en"})
    assert re.search(r"^  lang +en +# environment GXLINT_LANG$", result.stdout, re.M)


def test_write_baseline_counts_the_files_with_findings_and_those_checked(tmp_cwd):
    """Before: "recorded 1 finding in 2 files" for one finding, the count of files being those checked."""
    (tmp_cwd / "clean.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_cwd / "empty.txt").write_text("", encoding="utf-8")  # GX002: one finding
    (tmp_cwd / "also-clean.txt").write_bytes(EXAMPLE.read_bytes())
    written = gx("--isolated", "--lang", "en", "--write-baseline", "b.json", ".")
    assert written.exit_code == 0
    assert written.stderr == "gxlint: recorded 1 finding in 1 file to b.json (3 files checked)\n"
    written = gx("--isolated", "--write-baseline", "b.json", ".")
    assert written.stderr == "gxlint：已把 1 个文件中的 1 个问题记录到 b.json（共检查 3 个文件）\n"
    (tmp_cwd / "short.txt").write_text("", encoding="utf-8")
    written = gx("--isolated", "--lang", "en", "--write-baseline", "b.json", ".")
    assert written.stderr == "gxlint: recorded 2 findings in 2 files to b.json (4 files checked)\n"


def test_configuration_and_baseline_errors_in_chinese(tmp_cwd):
    (tmp_cwd / ".gxlint.yaml").write_text("selec: [GX001]\n", encoding="utf-8")
    (tmp_cwd / "r.txt").write_text("x", encoding="utf-8")
    result = gx("r.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"gxlint：错误：{tmp_cwd / '.gxlint.yaml'}:1:1：未知的配置项“selec”（是否应为“select”？）；"
        "可用的配置项：extend、select、"
    )
    # a broken config that says lang: en is answered in English
    (tmp_cwd / ".gxlint.yaml").write_text("lang: en\nselec: [GX001]\n", encoding="utf-8")
    assert gx("r.txt").stderr.startswith("gxlint: error: ")
    (tmp_cwd / ".gxlint.yaml").unlink()
    result = gx("--baseline", "missing.json", "r.txt")
    assert result.exit_code == 2
    assert result.stderr == "gxlint：错误：missing.json：基线文件不存在（可用 --write-baseline 生成）\n"
    (tmp_cwd / "other.json").write_text("[]", encoding="utf-8")
    assert (
        gx("--baseline", "other.json", "r.txt").stderr
        == "gxlint：错误：other.json：不是 gxlint 基线文件（没有“gxlint-baseline”键）\n"
    )
    written = gx("--write-baseline", "b.json", "r.txt")
    assert written.stderr == "gxlint：已把 1 个文件中的 1 个问题记录到 b.json（共检查 1 个文件）\n"
    usage = gx("--baseline", "b.json", "--write-baseline", "c.json", "r.txt")
    assert usage.exit_code == 2 and "错误：--baseline 和 --write-baseline 不能同时使用" in usage.stderr


def test_chinese_output_has_chinese_tags_and_full_width_colons(tmp_cwd):
    text = gx("--isolated", INLINE).stdout
    assert (
        "GX003 [警告]" in text
        and "  = 修改建议：" in text
        and "[warning]" not in text
        and "修改建议:" not in text
    )
    explain = gx("explain", "GX101").stdout
    assert "默认级别：错误" in explain and "依据：" in explain and ": " not in explain.split("\n\n", 3)[2]
    (tmp_cwd / "r.txt").write_text("x", encoding="utf-8")
    shown = gx("--show-config", "--lang", "zh", "r.txt").stdout
    assert re.search(r"^  lang +zh +# 命令行$", shown, re.M) and re.search(
        r"^  organ +auto +# 默认$", shown, re.M
    )
    assert re.search(r"^  启用的规则 +\d+：GX000, ", shown, re.M) and "config file" not in shown


# -- severities tell the truth ------------------------------------------------------------------------------


def _report_2019_missing_a_chapter(folder):
    """The example as a 2019 report whose chapter 五 is missing (GX101) and 六 numbered 七 (GX102)."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("2021", "2019").replace("2022", "2020")
    text = text.replace("## 五、存在的主要问题及改进情况\n", "").replace("## 六、", "## 七、")
    path = folder / "2019.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_and_explain_show_the_years_a_rule_is_lowered_for(tmp_cwd):
    from gxlint.cli.docs import builtin_rules

    relaxed = [r for r in builtin_rules() if r.relaxed_until is not None]
    assert {"GX101", "GX102", "GX104", "GX107"} <= {r.code for r in relaxed}
    listing = gx("rules", "--lang", "en").stdout
    assert re.search(r"^GX101 +missing-chapter +error, ≤2019 warning +one of the six chapters", listing, re.M)
    assert re.search(r"^GX003 +table-unreadable +warning +a template table", listing, re.M)
    assert re.search(r"^GX101 +missing-chapter +错误，≤2019 警告 +缺少", gx("rules").stdout, re.M)
    data = {r["code"]: r for r in json.loads(gx("rules", "-f", "json").stdout)}
    assert data["GX101"]["relaxed_until"] == 2019 and data["GX003"]["relaxed_until"] is None
    for rule in relaxed:
        en = gx("explain", rule.code, "--lang", "en").stdout
        assert f"Default severity: error; a warning for reports of {rule.relaxed_until} and earlier" in en
        zh = gx("explain", rule.code).stdout
        assert f"默认级别：错误；{rule.relaxed_until} 年度及以前的报告为警告" in zh


def test_statistics_count_per_code_and_severity_and_agree_with_the_summary(tmp_cwd):
    _report_2019_missing_a_chapter(tmp_cwd)
    text = EXAMPLE.read_text(encoding="utf-8").replace("## 五、存在的主要问题及改进情况\n", "")
    (tmp_cwd / "2021.txt").write_text(text, encoding="utf-8")
    data = json.loads(gx("--isolated", "--statistics", "-f", "json", "--select", "GX101", ".").stdout)
    assert sorted((d["code"], d["severity"], d["count"]) for d in data) == [
        ("GX101", "error", 1),
        ("GX101", "warning", 1),
    ]  # the 2021 report's error, the 2019 report's warning
    result = gx("--isolated", "--statistics", "--lang", "en", "--select", "GX101", ".")
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"1  GX101 +\[error\] +missing-chapter +.*", lines[0])
    assert re.fullmatch(r"1  GX101 +\[warning\] +missing-chapter +.*", lines[1])
    assert lines[2].startswith("Found 2 problems (1 error, 1 warning, 0 info) in 2 files; 2 files checked")
    zh = gx("--isolated", "--statistics", "--select", "GX101", ".").stdout.splitlines()
    assert re.fullmatch(r"1  GX101 +\[错误\] +missing-chapter +缺少.*", zh[0])
    # a severity setting splits the rows the same way
    (tmp_cwd / ".gxlint.yaml").write_text("severity: {GX101: info}\n", encoding="utf-8")
    data = json.loads(gx("--statistics", "-f", "json", "--select", "GX101", ".").stdout)
    assert [(d["severity"], d["count"]) for d in data] == [("info", 2)]


# -- pre-commit's way of calling: non-reports skipped, a named non-report still an error ----------------------


def test_a_named_file_that_is_not_a_report_is_an_error_unless_skipped(tmp_cwd):
    (tmp_cwd / "README.md").write_text("# 资料说明\n\n本目录存放本办历年公开的文件。\n", encoding="utf-8")
    (tmp_cwd / "report.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    named = gx("--isolated", "README.md", "report.txt")
    assert named.exit_code == 1 and "README.md:1:1: GX002 [错误]" in named.stdout
    skipped = gx("--isolated", "--skip-non-reports", "--fail-on", "info", "README.md", "report.txt")
    assert skipped.exit_code == 0, skipped.output
    assert "README.md:1:1: GX002 [提示] 不是年度报告，已跳过（--skip-non-reports）：" in skipped.stdout
    assert skipped.stdout.splitlines()[-1].startswith(
        "未发现问题；共检查 2 个文件（其中 1 个不是年度报告，已跳过）"
    )
    en = gx(
        "--isolated", "--skip-non-reports", "--lang", "en", "README.md", "report.txt"
    ).stdout.splitlines()[-1]
    assert en.startswith("No problems found; 2 files checked (1 not an annual report, skipped) in ")
    assert (
        json.loads(gx("--isolated", "--skip-non-reports", "--statistics", "-f", "json", "README.md").stdout)
        == []
    )
    # a defective report still fails
    (tmp_cwd / "bad.txt").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("## 五、存在的主要问题及改进情况\n", ""), encoding="utf-8"
    )
    assert gx("--isolated", "--skip-non-reports", "README.md", "bad.txt").exit_code == 1
    # nothing to record for a skipped file in a baseline
    assert gx("--isolated", "--skip-non-reports", "--write-baseline", "b.json", "README.md").exit_code == 0
    assert json.loads((tmp_cwd / "b.json").read_text(encoding="utf-8"))["findings"] == []


# -- the summary: files checked, time ------------------------------------------------------------------------


def test_an_empty_directory_is_a_finding_but_no_file_checked(tmp_cwd):
    (tmp_cwd / "empty").mkdir()
    result = gx("--isolated", "--lang", "en", "empty")
    assert result.exit_code == 1
    assert re.search(
        r"^Found 1 problem \(1 error, 0 warnings, 0 info\); 0 files checked in \d", result.stdout, re.M
    )
    zh = gx("--isolated", "empty").stdout.splitlines()[-1]
    assert re.fullmatch(r"发现 1 个问题（错误 1，警告 0，提示 0）；共检查 0 个文件，用时 \d+\.\d\d 秒", zh)


@pytest.mark.slow  # a second or so: whole folders or many runs
def test_the_summary_time_is_the_whole_run(tmp_cwd, monkeypatch):
    import time

    from gxlint.run import discover as files_mod

    real = files_mod.discover

    def slow_discovery(*args, **kwargs):
        time.sleep(0.4)  # finding the files (or loading plugins, reading configs) takes a while
        yield from real(*args, **kwargs)

    monkeypatch.setattr(files_mod, "discover", slow_discovery)
    result = gx("--isolated", "--lang", "en", EXAMPLE)
    seconds = float(re.search(r"checked in (\d+\.\d+)s", result.stdout).group(1))
    assert seconds >= 0.4


def test_the_heap_is_frozen_during_a_run_and_unfrozen_after(monkeypatch):
    """What exists before the files are read is frozen for the run (the collector does not walk it
    again for every report) and the young generation is made larger; both are given back after: a
    caller that runs the command in its own process keeps its heap and its collector as they were."""
    import gc

    from gxlint.cli.check import YOUNG_GENERATION
    from gxlint.run import check as check_mod

    seen = []
    lint = check_mod.Check.lint

    def watched(self, **kwargs):
        seen.append((gc.get_freeze_count(), gc.get_threshold()))
        return lint(self, **kwargs)

    monkeypatch.setattr(check_mod.Check, "lint", watched)
    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    assert threshold[0] != YOUNG_GENERATION
    result = gx("--format", "json", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert seen and seen[0][0] > before
    assert seen[0][1] == (YOUNG_GENERATION, *threshold[1:])
    assert gc.get_freeze_count() == before
    assert gc.get_threshold() == threshold
