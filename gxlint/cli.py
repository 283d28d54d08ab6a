"""The command line: ``gxlint [OPTIONS] PATH...`` plus subcommands (parse, rules, explain, plugins,
init).  Commands parse arguments and call the library; no linting logic lives here.

Exit codes: 0 no finding at or above the failing level; 1 findings at or above it; 2 a usage,
configuration, plugin or internal error.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Iterable

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("parse", "rules", "explain", "plugins", "init")
FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class GxError(click.ClickException):
    """A usage, configuration, plugin or baseline error: one line on stderr, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"gxlint: error: {self.format_message()}", err=True)


def _codes(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


class CheckCommand(click.Command):
    """``check`` is the default command: its usage reads ``gxlint [OPTIONS] PATH...``."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.find_root().info_name or "gxlint", "[OPTIONS] PATH...")


class GxGroup(click.Group):
    """Dispatch ``gxlint PATH...`` to ``check``; a subcommand name as the first argument runs it
    (``gxlint -- parse`` lints a file literally named ``parse``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        check = self.commands["check"]
        with click.Context(check, info_name=ctx.info_name, parent=None, **CONTEXT) as sub:
            check.format_help(sub, formatter)
        with formatter.section("Commands (gxlint COMMAND --help for each)"):
            formatter.write_dl([(name, self.commands[name].get_short_help_str(80)) for name in SUBCOMMANDS])
        formatter.write_paragraph()
        formatter.write_text("Exit status: 0 no finding at or above the failing level; 1 findings at or above "
                             "it; 2 a usage, configuration, plugin or internal error.  "
                             "A file named like a command is linted with: gxlint -- parse")

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("gxlint: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (gxlint ... | head): stop quietly, without a second error on exit
            _silence_stdout()
            ctx.exit(EXIT_ERROR)
        except Exception as exc:
            if os.environ.get("GXLINT_TRACEBACK"):
                raise
            click.echo(f"gxlint: internal error: {type(exc).__name__}: {exc} "
                       "(please report it; set GXLINT_TRACEBACK=1 to see where)", err=True)
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@click.group(cls=GxGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="gxlint")
def main() -> None:
    """gxlint: check 政府信息公开工作年度报告 against the unified format."""
    # The process ends when the command does.  Freezing the heap at exit spares interpreter
    # shutdown a full garbage collection of every module's objects (~13 ms of a ~125 ms run).
    import atexit
    import gc

    atexit.register(gc.freeze)


# -- check -------------------------------------------------------------------------------------------

@main.command("check", cls=CheckCommand, hidden=True, context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=str))
@click.option("-f", "--format", "fmt", default="full", show_default=True, metavar="FORMAT",
              help="Output format: full, concise, json, json-lines, sarif, github (or one a plugin adds).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str),
              help="Write the output to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes, prefixes or names (comma-separated), e.g. GX2,GX301.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding is at least this severe  [default: error]")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language of the messages  [default: zh]")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="Use this config file instead of the nearest .gxlint.yaml.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--show-config", is_flag=True,
              help="Print the resolved settings for each file and where each came from, then exit.")
@click.option("--template", type=click.Choice(["auto", "2019", "2021"]), default=None,
              help="Check against this format instead of the one the report follows.")
@click.option("--organ", type=click.Choice(["auto", "department", "government"]), default=None,
              help="The kind of organ (sets the publication deadline) instead of inferring it from the title.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule code instead of the findings.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str),
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=str),
              help="Record every current finding in this baseline file, then exit 0.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="File globs to lint inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.pdf]")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Globs of files or folders to skip.")
@click.option("--stdin-filename", metavar="PATH", help="The file name to report (and configure) for standard input '-'.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Lint this many files in parallel  [default: the number of CPUs]")
@click.option("--require-plugins", multiple=True, metavar="NAME", help="Fail (exit 2) unless this plugin loads.")
@click.option("--color/--no-color", default=None,
              help="Colour the output  [default: on a terminal, unless NO_COLOR is set]")
@click.version_option(__version__, "--version", prog_name="gxlint")
def check_cmd(paths: tuple[str, ...], fmt: str, output_file: str | None, select, extend_select, ignore,
              fail_on, exit_zero, lang, config_path, isolated, show_config, template, organ, statistics,
              baseline_path, write_baseline, include, exclude, stdin_filename, jobs, require_plugins,
              color) -> None:
    """Lint annual reports.

    PATH may be files, directories (searched for *.txt, *.md, *.docx, *.html, *.htm and *.pdf;
    hidden folders skipped) or - for standard input.
    """
    from . import files
    from . import runner
    from .config import ConfigError

    if baseline_path and write_baseline:
        raise click.UsageError("--baseline and --write-baseline cannot be used together")
    if statistics:
        from .formatters.statistics import FORMATS as STAT_FORMATS

        if fmt not in STAT_FORMATS:
            raise click.UsageError(f"--statistics works with --format {', '.join(STAT_FORMATS)}, not {fmt!r}")
    # A missing path is a GX001 finding naming it (the other paths are still linted); a word
    # that was meant as a subcommand gets a hint.
    for word in files.missing(paths):
        if word in ("check", *SUBCOMMANDS):
            click.echo(f"gxlint: note: no file named {word!r}; to run the command, put it first: "
                       f"gxlint {word} ...", err=True)

    overrides = _overrides(select=_codes(select), extend_select=_codes(extend_select), ignore=_codes(ignore),
                           lang=lang, template=template, organ=organ, fail_on=fail_on)
    plugins = _plugins(tuple(require_plugins))
    try:
        from .engine import Linter

        linter = Linter(config=config_path, overrides=overrides, plugins=plugins, isolated=isolated)
    except ConfigError as exc:
        raise GxError(str(exc)) from None
    known_formats = (*FORMATS, *plugins.formats)
    if fmt not in known_formats:
        raise click.BadParameter(f"{fmt!r} is not one of {', '.join(known_formats)}", param_hint="'--format'")

    items = files.ordered(files.discover(paths, include=tuple(include) or files.DEFAULT_INCLUDE,
                                         exclude=tuple(exclude), lang=lang or "zh"), stdin_filename)
    try:
        first = next((i.path for i in items if i.path != "-"), stdin_filename)
        effective_lang = lang or linter.settings(first).lang
        if show_config:
            _show_config(linter, items, stdin_filename, fmt)
            return
        rebuild = runner.Rebuild(config_path, overrides, isolated, tuple(require_plugins))
        if write_baseline:
            _write_baseline(linter, items, write_baseline, jobs, stdin_filename, rebuild)
            return
        outcome = _check(linter, items, fmt, output_file, color, effective_lang, statistics, baseline_path,
                         fail_on, jobs, stdin_filename, rebuild, plugins)
    except ConfigError as exc:
        raise GxError(str(exc)) from None
    sys.exit(EXIT_OK if exit_zero or not outcome.failed else EXIT_FINDINGS)


def _overrides(**values: Any) -> dict[str, Any]:
    """Command-line options as config keys (only those given)."""
    return {key.replace("_", "-"): value for key, value in values.items() if value}


def _plugins(require: tuple[str, ...]):
    from . import plugins as plugins_mod

    try:
        plugins = plugins_mod.cached(require)
    except plugins_mod.PluginError as exc:
        raise GxError(str(exc)) from None
    for failure in plugins.failures:
        click.echo(f"gxlint: warning: plugin {failure.name!r}"
                   + (f" ({failure.distribution} {failure.version})" if failure.distribution else "")
                   + f" could not be loaded: {failure.error}", err=True)
    return plugins


def _check(linter, items, fmt, output_file, color, lang, statistics, baseline_path, fail_on, jobs,
           stdin_filename, rebuild, plugins):
    from . import progress as progress_mod
    from . import runner
    from .files import repo_root
    from .formatters import get as get_formatter

    baseline = None
    if baseline_path:
        from .baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(baseline_path)
        except BaselineError as exc:
            raise GxError(str(exc)) from None
    try:
        stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
    except OSError as exc:
        raise GxError(f"cannot write {output_file}: {exc.strerror or exc}") from None
    try:
        options = dict(out=stream, color=_use_color(color, stream) and fmt in ("full", "concise"), lang=lang,
                       rules=linter.rules, root=repo_root())
        if statistics:
            from .formatters.statistics import StatisticsFormatter

            formatter = StatisticsFormatter(as_json=fmt == "json", **options)
        else:
            formatter = get_formatter(fmt, plugins.formats)(**options)
        progress = progress_mod.for_run(fmt, len(items), stream, sys.stderr)
        return runner.check(linter, items, formatter, jobs=jobs, stdin_filename=stdin_filename,
                            baseline=baseline, fail_on=fail_on, progress=progress, rebuild=rebuild)
    finally:
        if output_file:
            stream.close()


def _write_baseline(linter, items, target, jobs, stdin_filename, rebuild) -> None:
    from . import baseline as baseline_mod
    from . import runner

    results = runner.collect(linter, items, jobs=jobs, stdin_filename=stdin_filename, rebuild=rebuild)
    try:
        count = baseline_mod.write(target, results)
    except baseline_mod.BaselineError as exc:
        raise GxError(str(exc)) from None
    click.echo(f"gxlint: recorded {count} finding{'s' if count != 1 else ''} in {len(results)} "
               f"file{'s' if len(results) != 1 else ''} to {target}", err=True)


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _show_config(linter, items, stdin_filename, fmt) -> None:
    from .formatters.settings import describe, render_json, render_text

    entries = [describe(linter, stdin_filename if i.path == "-" else i.path) for i in items if i.error is None]
    click.echo(render_json(entries) if fmt == "json" else render_text(entries), nl=False)


# -- parse -------------------------------------------------------------------------------------------

@main.command("parse", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=str))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "source"]), default="text",
              show_default=True, help="text or json: the report model; source: the text gxlint read from the file, "
                                      "numbered, with where each line came from (page, paragraph, table cell).")
@click.option("--template", type=click.Choice(["auto", "2019", "2021"]), default="auto",
              help="Read the tables against this format.")
def parse_cmd(file: str, fmt: str, template: str) -> None:
    """Print the report model gxlint reads from FILE (chapters, tables, every cell), or with
    --format source the text it read from a Word, web or PDF file."""
    import json

    from . import api
    from .export import report_to_dict, report_to_text, source_to_text

    if file == "-":
        report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=None if template == "auto" else template)
    else:
        report = api.parse_path(file, template=None if template == "auto" else template)
    fatal = [p for p in report.source.problems if p.fatal]
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    elif fmt == "source":
        click.echo(source_to_text(report), nl=False)
    else:
        click.echo(report_to_text(report), nl=False)
    if fatal:
        click.echo(f"gxlint: error: {file}: {fatal[0].message_en}", err=True)
        sys.exit(EXIT_ERROR)


# -- rules / explain / plugins / init ----------------------------------------------------------------

def _all_rules(require: tuple[str, ...] = ()):
    from . import plugins as plugins_mod
    from .engine import ENGINE_RULES

    try:
        plugins = plugins_mod.cached(require)
    except plugins_mod.PluginError as exc:
        raise GxError(str(exc)) from None
    rules = {**ENGINE_RULES, **plugins.rules}
    return plugins, [rules[c] for c in sorted(rules, key=plugins_mod._code_key)]


@main.command("rules", context_settings=CONTEXT)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_cmd(fmt: str, lang: str) -> None:
    """List every rule: code, name, default severity and summary."""
    import json

    _, rules = _all_rules()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                "summary": r.short(lang), "plugin": r.plugin or "gxlint",
                                "options": {k: {"default": o.default, "help": o.help} for k, o in r.options.items()}}
                               for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code:<7} {r.name:<28} {r.severity:<8} {r.short(lang)}")


@main.command("explain", context_settings=CONTEXT)
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def explain_cmd(code: str, lang: str) -> None:
    """Show a rule's full documentation with its examples (CODE or name)."""
    from .docs import render_rule

    plugins, rules = _all_rules()
    wanted = code.strip()
    for r in rules:
        if r.code == wanted.upper() or r.name == wanted.lower():
            click.echo(render_rule(r, lang, markdown=False))
            return
    raise GxError(f"unknown rule {code!r}; see 'gxlint rules'")


@main.command("plugins", context_settings=CONTEXT)
def plugins_cmd() -> None:
    """List the loaded plugins: versions, rule counts, failures.

    Exits 2 when a plugin failed to load."""
    plugins, _ = _all_rules()
    for name, dist, version, count in plugins.loaded:
        label = f"{dist} {version}".strip() or "(not installed as a distribution)"
        click.echo(f"{name:<16} {label:<28} {count} rule{'s' if count != 1 else ''}")
    for f in plugins.failures:
        click.echo(f"{f.name:<16} {(f.distribution + ' ' + f.version).strip():<28} FAILED: {f.error}")
    if plugins.failures:
        sys.exit(EXIT_ERROR)


@main.command("init", context_settings=CONTEXT)
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
def init_cmd(directory: str) -> None:
    """Write a commented .gxlint.yaml with every default.

    DIRECTORY defaults to the current one; an existing config file is never overwritten."""
    from .docs import default_config

    from .config import CONFIG_NAMES

    target = os.path.join(directory, CONFIG_NAMES[0])
    for name in CONFIG_NAMES:
        existing = os.path.join(directory, name)
        if os.path.exists(existing):
            raise GxError(f"{existing} already exists; not overwriting it")
    _, rules = _all_rules()
    os.makedirs(directory, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(default_config(rules))
    except OSError as exc:
        raise GxError(f"cannot write {target}: {exc.strerror or exc}") from None
    click.echo(f"wrote {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
