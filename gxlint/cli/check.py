"""``gxlint [OPTIONS] PATH...`` (the hidden ``check`` command): lint reports.  The options become a
:class:`gxlint.run.check.CheckOptions`; the run itself is gxlint.run.check's."""

from __future__ import annotations

import gc
import sys
import time

import click

from gxlint import __version__
from gxlint.output import BUILTIN

from .app import CONTEXT, SUBCOMMANDS, VERSION_HELP, GxCommand, _option, main
from .streams import _flush_quietly, _silence_stdout
from .ui import _UI, ENV_LANG, _env_lang, _t, run_errors, say

#: allocations between two passes of the collector over the young generation while files are
#: linted (Python's default is 700, a few percent of one report's objects)
YOUNG_GENERATION = 20_000

#: the built-in output formats (the registry is gxlint.output.BUILTIN)
FORMATS = tuple(BUILTIN)


@main.command(
    "check",
    cls=GxCommand,
    hidden=True,
    context_settings=CONTEXT,
    usage="[OPTIONS] PATH...",
    help_zh="""检查年度报告。

              PATH 可以是文件、目录（在其中查找 *.txt、*.md、*.docx、*.html、*.htm、*.mhtml、*.mht、
              *.pdf，以及无法读取、会逐个报告的 *.doc 和 *.wps；跳过隐藏目录），或用 - 表示标准输入。""",
)
@click.argument(
    "paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(readable=False, path_type=str)
)
@_option(
    "-f",
    "--format",
    "fmt",
    default="full",
    metavar="FORMAT",
    help=f"Output format: {', '.join(FORMATS)} (or one a plugin adds)  [default: full]",
    help_zh=f"输出格式：{'、'.join(FORMATS)}（或插件提供的格式）  [默认：full]",
)
@_option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the output to this file instead of standard output.",
    help_zh="把输出写入此文件，而不是标准输出。",
)
@_option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rule codes, prefixes or names (comma-separated), e.g. GX2,GX301.",
    help_zh="只运行这些规则（代码、代码前缀或名称，逗号分隔），如 GX2,GX301。",
)
@_option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    help="Add these rules to the selection.",
    help_zh="在已选规则之外再加上这些规则。",
)
@_option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rule codes or prefixes.",
    help_zh="跳过这些规则代码或代码前缀。",
)
@_option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit 1 when a finding is at least this severe  [default: error]",
    help_zh="有问题达到此级别时退出码为 1  [默认：error]",
)
@_option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when there are findings.",
    help_zh="即使发现问题，退出码也为 0。",
)
@_option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help=f"Language of the messages  [default: {ENV_LANG}, else the config file's lang, else zh]",
    help_zh=f"消息的语言  [默认：环境变量 {ENV_LANG}，其次配置文件中的 lang，再次 zh]",
)
@_option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="Use this config file instead of the nearest .gxlint.yaml.",
    help_zh="使用此配置文件，而不是最近的 .gxlint.yaml。",
)
@_option("--isolated", is_flag=True, help="Ignore all config files.", help_zh="忽略所有配置文件。")
@_option(
    "--show-config",
    is_flag=True,
    help="Print the resolved settings for each file and where each came from, then exit.",
    help_zh="显示每个文件最终采用的设置及其来源，然后退出。",
)
@_option(
    "--template",
    type=click.Choice(["auto", "2019", "2021"]),
    default=None,
    help="Check against this format instead of the one the report follows.",
    help_zh="按此格式检查，而不是报告实际采用的格式。",
)
@_option(
    "--organ",
    type=click.Choice(["auto", "department", "government"]),
    default=None,
    help="The kind of organ (sets the publication deadline) instead of inferring it from the title.",
    help_zh="机关类型（决定发布期限），而不是从标题推断。",
)
@_option(
    "--statistics",
    is_flag=True,
    help="Print the number of findings per rule code and severity instead of the findings.",
    help_zh="按规则代码和级别统计问题数量，而不逐条列出。",
)
@_option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=str),
    help="Report only findings not recorded in this baseline file.",
    help_zh="只报告此基线文件中没有记录的问题。",
)
@_option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=str),
    help="Record every current finding in this baseline file, then exit 0.",
    help_zh="把当前所有问题记录到此基线文件，然后以 0 退出。",
)
@_option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="File globs to lint inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.doc, *.wps]",
    help_zh="在目录中检查的文件通配模式  [默认：*.txt、*.md、*.docx、*.html、*.htm、*.mhtml、*.mht、*.pdf、*.doc、*.wps]",
)
@_option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Globs of files or folders to skip.",
    help_zh="要跳过的文件或目录的通配模式。",
)
@_option(
    "--skip-non-reports",
    is_flag=True,
    help="Skip files with no annual-report structure at all (an info note instead of GX002), "
    "even when named; what the pre-commit hook passes.",
    help_zh="跳过完全没有年度报告结构的文件（以提示代替 GX002），即使文件是明确指定的；"
    "pre-commit 钩子使用此选项。",
)
@_option(
    "--stdin-filename",
    metavar="PATH",
    help="The file name to report (and configure) for standard input '-'.",
    help_zh="标准输入 - 在输出中使用的文件名（也用于选择配置）。",
)
@_option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Lint this many files in parallel  [default: the number of CPUs]",
    help_zh="同时检查的文件数  [默认：CPU 数]",
)
@_option(
    "--previous",
    "previous",
    metavar="LAST_YEAR_REPORT",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="Last year's report of the same agency: check the one REPORT against it (GX5xx).  Without it, "
    "reports of consecutive years of one agency among the paths are paired by themselves.",
    help_zh="同一机关的上年报告：据此检查给出的一份报告（GX5xx）。不指定时，所给路径中同一机关相邻年度的"
    "报告自动配对。",
)
@_option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print the findings alone: no summary line, no progress line.",
    help_zh="只输出问题本身：不显示汇总行和进度行。",
)
@_option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say on standard error which reports were paired with last year's.",
    help_zh="在标准错误中说明哪些报告与上年报告配对。",
)
@_option(
    "--require-plugins",
    multiple=True,
    metavar="NAME",
    help="Fail (exit 2) unless this plugin loads.",
    help_zh="此插件未能加载时失败（退出码 2）。",
)
@_option(
    "--color/--no-color",
    default=None,
    help="Colour the output  [default: on a terminal, unless NO_COLOR is set]",
    help_zh="彩色输出  [默认：在终端上且未设置 NO_COLOR 时]",
)
@click.version_option(__version__, "--version", prog_name="gxlint", help=VERSION_HELP)
def check_cmd(
    paths: tuple[str, ...],
    fmt: str,
    output_file: str | None,
    select,
    extend_select,
    ignore,
    fail_on,
    exit_zero,
    lang,
    config_path,
    isolated,
    show_config,
    template,
    organ,
    statistics,
    baseline_path,
    write_baseline,
    include,
    exclude,
    skip_non_reports,
    stdin_filename,
    jobs,
    previous,
    quiet,
    verbose,
    require_plugins,
    color,
) -> None:
    """Lint annual reports.

    PATH may be files, directories (searched for *.txt, *.md, *.docx, *.html, *.htm, *.mhtml, *.mht,
    *.pdf, and *.doc and *.wps, which are reported as unreadable; hidden folders skipped) or - for
    standard input.
    """
    from gxlint.run import check

    started = _UI.get("started") or time.perf_counter()
    env_lang = None if lang else _env_lang(strict=True)
    options = check.CheckOptions(
        tuple(paths),
        fmt=fmt,
        output_file=output_file,
        select=tuple(select),
        extend_select=tuple(extend_select),
        ignore=tuple(ignore),
        fail_on=fail_on,
        exit_zero=exit_zero,
        lang=lang or env_lang,
        lang_origin=f"environment {ENV_LANG}" if env_lang else None,
        config=config_path,
        isolated=isolated,
        show_config=show_config,
        template=template,
        organ=organ,
        statistics=statistics,
        baseline=baseline_path,
        write_baseline=write_baseline,
        include=tuple(include),
        exclude=tuple(exclude),
        skip_non_reports=skip_non_reports,
        stdin_filename=stdin_filename,
        jobs=jobs,
        previous=previous,
        quiet=quiet,
        verbose=verbose,
        require_plugins=tuple(require_plugins),
        color=color,
    )
    with run_errors():
        check.validate(options)
        _hint_commands(paths)
        run = check.prepare(options, say=say, started=started)
        _UI["lang"] = run.lang
        if show_config:
            click.echo(run.show_config(), nl=False)
            return
        if write_baseline:
            run.write_baseline()
            return
        # What is alive now (modules, plugins, rules, settings) lives through the run: frozen, the
        # cycle collector stops walking it again at every full collection while the files are read
        # (docs/performance.md); the worker processes of --jobs inherit it frozen.  A report's
        # objects die with it, freed by their counts: a young generation that holds a report's worth
        # of them spares the collector passes over objects that die anyway.  Both given back after,
        # for a caller that runs the command in its own process (the tests).
        gc.freeze()
        threshold = gc.get_threshold()
        gc.set_threshold(YOUNG_GENERATION, *threshold[1:])
        try:
            outcome = run.lint(on_stdout_closed=_silence_stdout)
        finally:
            gc.set_threshold(*threshold)
            gc.unfreeze()
    if not outcome.output_closed:
        _flush_quietly()  # a reader that goes away now still gets the exit status the run earned
    sys.exit(run.exit_status(outcome))


def _hint_commands(paths) -> None:
    """A missing path is a GX001 finding naming it (the other paths are still linted); a word that
    was meant as a subcommand gets a hint."""
    from gxlint.run import discover as files

    for word in files.missing(paths):
        if word in ("check", *SUBCOMMANDS):
            click.echo(
                _t(
                    f"gxlint: note: no file named {word!r}; to run the command, put it first: "
                    f"gxlint {word} ...",
                    f"gxlint：提示：没有名为 {word!r} 的文件；要运行该命令，请把它放在最前面："
                    f"gxlint {word} ...",
                ),
                err=True,
            )
