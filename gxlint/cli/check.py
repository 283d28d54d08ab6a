"""``gxlint [OPTIONS] PATH...`` (the hidden ``check`` command): lint reports."""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Iterable

import click

from gxlint import __version__

from .app import CONTEXT, SUBCOMMANDS, GxCommand, _option, main
from .streams import _flush_quietly, _silence_stdout
from .ui import _UI, ENV_LANG, EXIT_FINDINGS, EXIT_OK, GxError, _env_lang, _t, _usage_error

FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github", "csv", "html")


@main.command("check", cls=GxCommand, hidden=True, context_settings=CONTEXT, usage="[OPTIONS] PATH...",
              help_zh="""检查年度报告。

              PATH 可以是文件、目录（在其中查找 *.txt、*.md、*.docx、*.html、*.htm 和 *.pdf，
              跳过隐藏目录），或用 - 表示标准输入。""")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=str))
@_option("-f", "--format", "fmt", default="full", metavar="FORMAT",
         help="Output format: full, concise, json, json-lines, sarif, github, csv, html (or one a plugin adds)  "
              "[default: full]",
         help_zh="输出格式：full、concise、json、json-lines、sarif、github、csv、html（或插件提供的格式）  [默认：full]")
@_option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str),
         help="Write the output to this file instead of standard output.",
         help_zh="把输出写入此文件，而不是标准输出。")
@_option("--select", multiple=True, metavar="CODES",
         help="Only these rule codes, prefixes or names (comma-separated), e.g. GX2,GX301.",
         help_zh="只运行这些规则（代码、代码前缀或名称，逗号分隔），如 GX2,GX301。")
@_option("--extend-select", multiple=True, metavar="CODES", help="Add these rules to the selection.",
         help_zh="在已选规则之外再加上这些规则。")
@_option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.",
         help_zh="跳过这些规则代码或代码前缀。")
@_option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
         help="Exit 1 when a finding is at least this severe  [default: error]",
         help_zh="有问题达到此级别时退出码为 1  [默认：error]")
@_option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.",
         help_zh="即使发现问题，退出码也为 0。")
@_option("--lang", type=click.Choice(["zh", "en"]), default=None,
         help=f"Language of the messages  [default: {ENV_LANG}, else the config file's lang, else zh]",
         help_zh=f"消息的语言  [默认：环境变量 {ENV_LANG}，其次配置文件中的 lang，再次 zh]")
@_option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=str),
         help="Use this config file instead of the nearest .gxlint.yaml.",
         help_zh="使用此配置文件，而不是最近的 .gxlint.yaml。")
@_option("--isolated", is_flag=True, help="Ignore all config files.", help_zh="忽略所有配置文件。")
@_option("--show-config", is_flag=True,
         help="Print the resolved settings for each file and where each came from, then exit.",
         help_zh="显示每个文件最终采用的设置及其来源，然后退出。")
@_option("--template", type=click.Choice(["auto", "2019", "2021"]), default=None,
         help="Check against this format instead of the one the report follows.",
         help_zh="按此格式检查，而不是报告实际采用的格式。")
@_option("--organ", type=click.Choice(["auto", "department", "government"]), default=None,
         help="The kind of organ (sets the publication deadline) instead of inferring it from the title.",
         help_zh="机关类型（决定发布期限），而不是从标题推断。")
@_option("--statistics", is_flag=True,
         help="Print the number of findings per rule code and severity instead of the findings.",
         help_zh="按规则代码和级别统计问题数量，而不逐条列出。")
@_option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str),
         help="Report only findings not recorded in this baseline file.",
         help_zh="只报告此基线文件中没有记录的问题。")
@_option("--write-baseline", type=click.Path(dir_okay=False, path_type=str),
         help="Record every current finding in this baseline file, then exit 0.",
         help_zh="把当前所有问题记录到此基线文件，然后以 0 退出。")
@_option("--include", multiple=True, metavar="GLOB",
         help="File globs to lint inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.pdf]",
         help_zh="在目录中检查的文件通配模式  [默认：*.txt、*.md、*.docx、*.html、*.htm、*.pdf]")
@_option("--exclude", multiple=True, metavar="GLOB", help="Globs of files or folders to skip.",
         help_zh="要跳过的文件或目录的通配模式。")
@_option("--skip-non-reports", is_flag=True,
         help="Skip files with no annual-report structure at all (an info note instead of GX002), "
              "even when named; what the pre-commit hook passes.",
         help_zh="跳过完全没有年度报告结构的文件（以提示代替 GX002），即使文件是明确指定的；"
                 "pre-commit 钩子使用此选项。")
@_option("--stdin-filename", metavar="PATH",
         help="The file name to report (and configure) for standard input '-'.",
         help_zh="标准输入 - 在输出中使用的文件名（也用于选择配置）。")
@_option("-j", "--jobs", type=click.IntRange(min=1), default=None,
         help="Lint this many files in parallel  [default: the number of CPUs]",
         help_zh="同时检查的文件数  [默认：CPU 数]")
@_option("--previous", "previous", metavar="LAST_YEAR_REPORT", type=click.Path(exists=True, dir_okay=False, path_type=str),
         help="Last year's report of the same agency: check the one REPORT against it (GX5xx).  Without it, "
              "reports of consecutive years of one agency among the paths are paired by themselves.",
         help_zh="同一机关的上年报告：据此检查给出的一份报告（GX5xx）。不指定时，所给路径中同一机关相邻年度的"
                 "报告自动配对。")
@_option("-v", "--verbose", is_flag=True,
         help="Say on standard error which reports were paired with last year's.",
         help_zh="在标准错误中说明哪些报告与上年报告配对。")
@_option("--require-plugins", multiple=True, metavar="NAME", help="Fail (exit 2) unless this plugin loads.",
         help_zh="此插件未能加载时失败（退出码 2）。")
@_option("--color/--no-color", default=None,
         help="Colour the output  [default: on a terminal, unless NO_COLOR is set]",
         help_zh="彩色输出  [默认：在终端上且未设置 NO_COLOR 时]")
@click.version_option(__version__, "--version", prog_name="gxlint")
def check_cmd(paths: tuple[str, ...], fmt: str, output_file: str | None, select, extend_select, ignore,
              fail_on, exit_zero, lang, config_path, isolated, show_config, template, organ, statistics,
              baseline_path, write_baseline, include, exclude, skip_non_reports, stdin_filename, jobs,
              previous, verbose, require_plugins, color) -> None:
    """Lint annual reports.

    PATH may be files, directories (searched for *.txt, *.md, *.docx, *.html, *.htm and *.pdf;
    hidden folders skipped) or - for standard input.
    """
    from gxlint.run import discover as files
    from gxlint.run import runner
    from gxlint.config import ConfigError

    started = _UI.get("started") or time.perf_counter()
    env_lang = None if lang else _env_lang(strict=True)
    lang = lang or env_lang
    if baseline_path and write_baseline:
        raise _usage_error("--baseline and --write-baseline cannot be used together",
                           "--baseline 和 --write-baseline 不能同时使用")
    if previous and (len(paths) != 1 or (paths[0] != "-" and os.path.isdir(paths[0]))):
        raise _usage_error("--previous checks one REPORT against last year's: give exactly one report file",
                           "--previous 用上年报告检查一份报告：请只给出一个报告文件")
    if statistics:
        from gxlint.output.statistics import FORMATS as STAT_FORMATS

        if fmt not in STAT_FORMATS:
            raise _usage_error(f"--statistics works with --format {', '.join(STAT_FORMATS)}, not {fmt!r}",
                               f"--statistics 只能与 --format {'、'.join(STAT_FORMATS)} 一起使用，不能与 {fmt!r}")
    # A missing path is a GX001 finding naming it (the other paths are still linted); a word
    # that was meant as a subcommand gets a hint.
    for word in files.missing(paths):
        if word in ("check", *SUBCOMMANDS):
            click.echo(_t(f"gxlint: note: no file named {word!r}; to run the command, put it first: "
                          f"gxlint {word} ...",
                          f"gxlint：提示：没有名为 {word!r} 的文件；要运行该命令，请把它放在最前面："
                          f"gxlint {word} ..."), err=True)

    overrides = _overrides(select=_codes(select), extend_select=_codes(extend_select), ignore=_codes(ignore),
                           lang=lang, template=template, organ=organ, fail_on=fail_on)
    plugins = _plugins(tuple(require_plugins), config_path, isolated)
    try:
        from gxlint.run.linter import Linter

        linter = Linter(config=config_path, overrides=overrides, plugins=plugins, isolated=isolated)
    except ConfigError as exc:
        raise _config_error(exc, lang) from None
    known_formats = (*FORMATS, *plugins.formats)
    if fmt not in known_formats:
        raise click.BadParameter(_t(f"{fmt!r} is not one of {', '.join(known_formats)}",
                                    f"{fmt!r} 不是可用的格式（{'、'.join(known_formats)}）之一"),
                                 param_hint="'--format'")

    items = files.ordered(files.discover(paths, include=tuple(include) or files.DEFAULT_INCLUDE,
                                         exclude=tuple(exclude)), stdin_filename)
    try:
        first = next((i.path for i in items if i.path != "-"), stdin_filename)
        effective_lang = lang or linter.settings(first).lang
        _UI["lang"] = effective_lang
        if show_config:
            _show_config(linter, items, stdin_filename, fmt, env_lang)
            return
        rebuild = runner.Rebuild(config_path, overrides, isolated, tuple(require_plugins))
        if write_baseline:
            _write_baseline(linter, items, write_baseline, jobs, stdin_filename, rebuild, skip_non_reports,
                            previous=previous, on_pairs=_on_pairs(verbose))
            return
        outcome = _check(linter, items, fmt, output_file, color, effective_lang, statistics, baseline_path,
                         fail_on, jobs, stdin_filename, rebuild, plugins, started, skip_non_reports,
                         previous=previous, on_pairs=_on_pairs(verbose))
    except ConfigError as exc:
        raise _config_error(exc, lang) from None
    if not outcome.output_closed:
        _flush_quietly()  # a reader that goes away now still gets the exit status the run earned
    sys.exit(EXIT_OK if exit_zero or not outcome.failed else EXIT_FINDINGS)


def _codes(values: Iterable[str]) -> list[str]:
    """``--select GX1,GX2 --select GX3`` -> ``[GX1, GX2, GX3]``."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _config_error(exc, lang: str | None) -> GxError:
    """A config file's mistake, in the language that file asks for when nothing else chose one."""
    if lang is None and exc.path and os.path.isfile(exc.path):
        from gxlint.config import configured_lang

        _UI["lang"] = configured_lang(exc.path) or _UI["lang"]
    return GxError(exc.text("en"), exc.text("zh"))


def _overrides(**values: Any) -> dict[str, Any]:
    """Command-line options as config keys (only those given)."""
    return {key.replace("_", "-"): value for key, value in values.items() if value}


def _plugins(require: tuple[str, ...], config_path: str | None = None, isolated: bool = False):
    from gxlint.plugins import discovery as plugins_mod
    from gxlint.config import disabled_plugins

    try:
        # the config the run names (--config, or none with --isolated) decides which plugins are
        # not even imported
        plugins = plugins_mod.cached(require, disable=disabled_plugins(config_path, isolated=isolated))
    except plugins_mod.PluginError as exc:
        raise GxError(str(exc), f"插件错误：{exc}") from None
    for failure in plugins.failures:
        dist = f" ({failure.distribution} {failure.version})" if failure.distribution else ""
        click.echo(_t(f"gxlint: warning: plugin {failure.name!r}{dist} could not be loaded: {failure.error}",
                      f"gxlint：警告：插件 {failure.name!r}{dist.replace(' (', '（').replace(')', '）')}"
                      f"无法加载：{failure.error}"), err=True)
    return plugins


def _on_pairs(verbose: bool):
    """What the run says about the reports it paired with last year's (gxlint.run.pairs): with
    ``--verbose`` each pair on standard error; always a warning when a report given with
    ``--previous`` is not of the year before."""

    def note(pairing) -> None:
        lang = _UI["lang"]
        for pair in pairing.pairs:
            if pair.how == "given" and pair.year is not None and pair.previous_year is not None \
                    and not pair.consecutive:
                click.echo(_t(f"gxlint: warning: --previous {pair.previous} is a report for {pair.previous_year}, "
                              f"{pair.path} for {pair.year}: not consecutive years (checked as given)",
                              f"gxlint：警告：--previous {pair.previous} 是 {pair.previous_year} 年的报告，"
                              f"{pair.path} 是 {pair.year} 年的：不是相邻年度（仍按指定检查）"), err=True)
            if verbose:
                click.echo(_t("gxlint: paired: ", "gxlint：配对：") + pair.describe(lang), err=True)
        if verbose and not pairing.pairs:
            click.echo(_t("gxlint: no reports of consecutive years of one agency to pair",
                          "gxlint：没有同一机关相邻年度的报告可配对"), err=True)

    return note


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _show_config(linter, items, stdin_filename, fmt, env_lang=None) -> None:
    from gxlint.output.settings import describe, render_json, render_text

    entries = [describe(linter, stdin_filename if i.path == "-" else i.path) for i in items if i.problem is None]
    if env_lang:  # GXLINT_LANG came in as a command-line setting: say where it really came from
        for entry in entries:
            lang = entry["settings"]["lang"]
            if lang["from"] == "command line":
                lang["from"] = f"environment {ENV_LANG}"
    click.echo(render_json(entries) if fmt == "json" else render_text(entries, _UI["lang"]), nl=False)


# -- run logic that belongs in gxlint/run/ (issue 11: the command line only parses arguments and
# calls the library); kept here, working, until gxlint/run/ offers it ------------------------------

def _check(linter, items, fmt, output_file, color, lang, statistics, baseline_path, fail_on, jobs,
           stdin_filename, rebuild, plugins, started=None, skip_non_reports=False, previous=None,
           on_pairs=None):
    from gxlint.run import progress as progress_mod
    from gxlint.run import runner
    from gxlint.run.discover import repo_root
    from gxlint.output import get as get_formatter

    baseline = None
    if baseline_path:
        from gxlint.run.baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(baseline_path)
        except BaselineError as exc:
            raise GxError(exc.text("en"), exc.text("zh")) from None
    try:
        stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
    except OSError as exc:
        raise GxError(f"cannot write {output_file}: {exc.strerror or exc}",
                      f"无法写入 {output_file}：{exc.strerror or exc}") from None
    try:
        options = dict(out=stream, color=_use_color(color, stream) and fmt in ("full", "concise"), lang=lang,
                       rules=linter.rules, root=repo_root())
        if statistics:
            from gxlint.output.statistics import StatisticsFormatter

            formatter = StatisticsFormatter(as_json=fmt == "json", **options)
        else:
            formatter = get_formatter(fmt, plugins.formats)(**options)
        progress = progress_mod.for_run(fmt, len(items), stream, sys.stderr)
        return runner.check(linter, items, formatter, jobs=jobs, stdin_filename=stdin_filename,
                            baseline=baseline, fail_on=fail_on, progress=progress, rebuild=rebuild,
                            started=started, skip_non_reports=skip_non_reports,
                            on_closed=None if output_file else _silence_stdout, previous=previous,
                            on_pairs=on_pairs)
    finally:
        if output_file:
            stream.close()


def _write_baseline(linter, items, target, jobs, stdin_filename, rebuild, skip_non_reports=False, *,
                    previous=None, on_pairs=None) -> None:
    from gxlint.run import baseline as baseline_mod
    from gxlint.run import runner

    results = runner.collect(linter, items, jobs=jobs, stdin_filename=stdin_filename, rebuild=rebuild,
                             skip_non_reports=skip_non_reports, previous=previous, on_pairs=on_pairs)
    try:
        count = baseline_mod.write(target, results)
    except baseline_mod.BaselineError as exc:
        raise GxError(exc.text("en"), exc.text("zh")) from None
    click.echo(_t(f"gxlint: recorded {count} finding{'s' if count != 1 else ''} in {len(results)} "
                  f"file{'s' if len(results) != 1 else ''} to {target}",
                  f"gxlint：已把 {len(results)} 个文件中的 {count} 个问题记录到 {target}"), err=True)
