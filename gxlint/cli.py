"""The command line: ``gxlint [OPTIONS] PATH...`` plus subcommands (parse, rules, explain, plugins,
init).  Commands parse arguments and call the library; no linting logic lives here.

Exit codes: 0 no finding at or above the failing level; 1 findings at or above it; 2 a usage,
configuration, plugin or internal error.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Iterable

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("check", "parse", "rules", "explain", "plugins", "init")
FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github")


def _codes(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _fail(message: str) -> None:
    click.echo(f"gxlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class GxGroup(click.Group):
    """Dispatch ``gxlint PATH...`` to ``check``; a subcommand name as the first argument runs it
    (use ``gxlint -- parse`` to lint a file literally named ``parse``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        check = self.commands["check"]
        with click.Context(check, info_name=ctx.info_name, parent=None) as sub:
            check.format_help(sub, formatter)
        formatter.write_paragraph()
        with formatter.section("Commands"):
            rows = [(name, (self.commands[name].get_short_help_str(70))) for name in SUBCOMMANDS if name != "check"]
            formatter.write_dl(rows)


@click.group(cls=GxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="gxlint")
def main() -> None:
    """gxlint: check 政府信息公开工作年度报告 against the unified format."""
    # The process ends when the command does.  Freezing the heap at exit spares interpreter
    # shutdown a full garbage collection of every module's objects (~13 ms of a ~125 ms run).
    import atexit
    import gc

    atexit.register(gc.freeze)


# -- check -------------------------------------------------------------------------------------------

@main.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-f", "--format", "fmt", default="full", show_default=True,
              help="Output format: full, concise, json, json-lines, sarif, github (or one a plugin adds).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True, path_type=str),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated), e.g. GX2,GX301.")
@click.option("--extend-select", multiple=True, help="Add these rule codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding is at least this severe [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language of the messages [default: zh].")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="Use this config file instead of the nearest .gxlint.yaml.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--show-config", is_flag=True, help="Print the resolved settings for each path and where they came from.")
@click.option("--template", type=click.Choice(["auto", "2019", "2021"]), default=None,
              help="Check against this format instead of the one the tables follow.")
@click.option("--organ", type=click.Choice(["auto", "department", "government"]), default=None,
              help="The kind of organ (sets the publication deadline) instead of inferring it from the title.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule code.")
@click.option("--include", multiple=True, help="File globs to lint inside directories [default: *.txt, *.md].")
@click.option("--exclude", multiple=True, help="Globs of files or folders to skip.")
@click.option("--stdin-filename", help="The file name to report for standard input ('-').")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Lint this many files in parallel [default: the number of CPUs].")
@click.option("--require-plugins", multiple=True, help="Fail (exit 2) unless these plugins load.")
@click.option("--color/--no-color", default=None, help="Colour the output [default: on a terminal, unless NO_COLOR is set].")
def check_cmd(paths: tuple[str, ...], fmt: str, output_file: str | None, select, extend_select, ignore,
              fail_on, exit_zero, lang, config_path, isolated, show_config, template, organ, statistics,
              include, exclude, stdin_filename, jobs, require_plugins, color) -> None:
    """Lint annual reports.

    PATH may be files, directories (recursed for *.txt and *.md) or - for standard input.
    """
    from . import plugins as plugins_mod
    from .config import ConfigError
    from .engine import Linter

    if not paths:
        click.echo(click.get_current_context().get_usage(), err=True)
        _fail("no PATH given (try: gxlint report.txt)")

    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = _codes(select)
    if extend_select:
        overrides["extend-select"] = _codes(extend_select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    if lang:
        overrides["lang"] = lang
    if template:
        overrides["template"] = template
    if organ:
        overrides["organ"] = organ
    if fail_on:
        overrides["fail-on"] = fail_on

    try:
        plugins = plugins_mod.cached(tuple(require_plugins))
    except plugins_mod.PluginError as exc:
        _fail(str(exc))
        return
    for failure in plugins.failures:
        click.echo(f"gxlint: warning: plugin {failure.name!r}"
                   + (f" ({failure.distribution} {failure.version})" if failure.distribution else "")
                   + f" could not be loaded: {failure.error}", err=True)
    try:
        linter = Linter(config=config_path, overrides=overrides, plugins=plugins, isolated=isolated)
    except ConfigError as exc:
        _fail(str(exc))
        return

    from .formatters import get as get_formatter

    known_formats = (*FORMATS, *plugins.formats)
    if fmt not in known_formats:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(known_formats)}")

    from .files import DEFAULT_INCLUDE, discover

    effective_lang = lang or _settings_or_exit(linter, None).lang
    items = list(discover(paths, include=tuple(include) or DEFAULT_INCLUDE, exclude=tuple(exclude),
                          lang=effective_lang))

    for item in items:  # a broken config stops the run before any file is linted, whatever the file order
        if item.error is None and item.path != "-":
            _settings_or_exit(linter, item.path)

    if show_config:
        _show_config(linter, items)
        return

    stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
    use_color = _use_color(color, stream)
    formatter = get_formatter(fmt, plugins.formats)(out=stream, color=use_color, lang=effective_lang,
                                                     rules=linter.rules, root=os.getcwd())
    from .formatters import Summary
    from .runner import run

    summary = Summary()
    started = time.perf_counter()
    failed = False
    formatter.begin()
    try:
        for result in run(linter, items, jobs=jobs, stdin_filename=stdin_filename,
                          config=config_path, overrides=overrides, isolated=isolated,
                          require=tuple(require_plugins)):
            summary.files += 1
            if result.findings:
                summary.files_with_findings += 1
            for f in result.findings:
                summary.counts[f.severity] = summary.counts.get(f.severity, 0) + 1
                summary.by_code[f.code] = summary.by_code.get(f.code, 0) + 1
                level = _settings_or_exit(linter, result.path if result.path != "-" else None).fail_on
                from .finding import at_least

                if at_least(f.severity, level):
                    failed = True
            formatter.add(result)
    except ConfigError as exc:
        _fail(str(exc))
    summary.seconds = time.perf_counter() - started
    formatter.end(summary)
    if statistics:
        _statistics(summary, linter, effective_lang, stream if fmt in ("full", "concise") else sys.stderr)
    if output_file:
        stream.close()
    sys.exit(EXIT_OK if exit_zero or not failed else EXIT_FINDINGS)


def _settings_or_exit(linter, path):
    from .config import ConfigError

    try:
        return linter.settings(path)
    except ConfigError as exc:
        _fail(str(exc))


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _statistics(summary, linter, lang: str, stream) -> None:
    for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = linter.rules.get(code)
        name = rule.name if rule else ""
        stream.write(f"{count:6d}  {code:<7} {name}\n")


def _show_config(linter, items) -> None:
    paths = [i.path for i in items if i.error is None] or [None]
    for path in paths:
        settings = _settings_or_exit(linter, path if path != "-" else None)
        source = linter.resolver.config_for(path) or "(none)"
        click.echo(f"{path or '<no path>'}:")
        click.echo(f"  config file: {source}")
        for key in ("select", "extend-select", "ignore", "severity", "options", "per-file-ignores", "template",
                    "organ", "lang", "fail-on"):
            value = getattr(settings, key.replace("-", "_"))
            if isinstance(value, tuple):
                value = list(value)
            if key == "per-file-ignores":
                value = [f"{glob}: {', '.join(codes)}" for glob, _, codes in value]
            origin = settings.origin.get(key, "default")
            click.echo(f"  {key}: {value}    # {origin}")
        enabled = [r.code for r in linter.selected(settings, path)]
        click.echo(f"  rules enabled: {len(enabled)} ({', '.join(enabled)})")


# -- parse -------------------------------------------------------------------------------------------

@main.command("parse")
@click.argument("file", type=click.Path(path_type=str))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--template", type=click.Choice(["auto", "2019", "2021"]), default="auto",
              help="Read the tables against this format.")
def parse_cmd(file: str, fmt: str, template: str) -> None:
    """Print the report model gxlint reads from FILE (chapters, tables, every cell)."""
    import json

    from . import api
    from .export import report_to_dict, report_to_text

    if file == "-":
        report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=None if template == "auto" else template)
    else:
        report = api.parse_path(file, template=None if template == "auto" else template)
    fatal = [p for p in report.source.problems if p.fatal]
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
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
        _fail(str(exc))
    rules = {**ENGINE_RULES, **plugins.rules}
    return plugins, [rules[c] for c in sorted(rules, key=plugins_mod._code_key)]


@main.command("rules")
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


@main.command("explain")
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
    _fail(f"unknown rule {code!r}; see 'gxlint rules'")


@main.command("plugins")
def plugins_cmd() -> None:
    """List the loaded plugins with their versions and rule counts, and any that failed."""
    plugins, _ = _all_rules()
    for name, dist, version, count in plugins.loaded:
        label = f"{dist} {version}".strip() or "(not installed as a distribution)"
        click.echo(f"{name:<16} {label:<28} {count} rule{'s' if count != 1 else ''}")
    for f in plugins.failures:
        click.echo(f"{f.name:<16} {(f.distribution + ' ' + f.version).strip():<28} FAILED: {f.error}")
    if plugins.failures:
        sys.exit(EXIT_ERROR)


@main.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
def init_cmd(directory: str) -> None:
    """Write a commented .gxlint.yaml with every option at its default (never overwrites)."""
    from .docs import default_config

    target = os.path.join(directory, ".gxlint.yaml")
    if os.path.exists(target):
        _fail(f"{target} already exists; not overwriting it")
    _, rules = _all_rules()
    os.makedirs(directory, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(default_config(rules))
    click.echo(f"wrote {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
