"""``gxlint rules``, ``gxlint explain`` and ``gxlint plugins``: what rules and plugins there are."""

from __future__ import annotations

import os
import sys

import click

from .app import CONTEXT, GxCommand, _option, main
from .ui import _LANG_HELP, _LANG_HELP_ZH, EXIT_ERROR, GxError, _command_lang, _t, run_errors
from gxlint.chinese import text_width


def _all_rules():
    """The plugins and every rule they bring, in code order (gxlint.run.catalog)."""
    from gxlint.run.catalog import all_rules

    with run_errors():
        return all_rules()


@main.command(
    "rules", cls=GxCommand, context_settings=CONTEXT, help_zh="列出所有规则：代码、名称、默认级别和简述。"
)
@_option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text or json  [default: text]",
    help_zh="text 或 json  [默认：text]",
)
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def rules_cmd(fmt: str, lang: str | None) -> None:
    """List every rule: code, name, default severity and summary."""
    import json

    from gxlint.output.ruledocs import severity_text

    lang = _command_lang(lang)
    _, rules = _all_rules()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity,
                        "relaxed_until": r.relaxed_until,
                        "summary": r.short(lang),
                        "plugin": r.plugin or "gxlint",
                        "options": {
                            k: {"default": o.default, "help": o.text(lang)} for k, o in r.options.items()
                        },
                    }
                    for r in rules
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    severities = [severity_text(r, lang, short=True) for r in rules]
    width = max((text_width(s) for s in severities), default=0)
    for r, severity in zip(rules, severities):
        click.echo(
            f"{r.code:<7} {r.name:<28} {severity}{' ' * (width - text_width(severity))} {r.short(lang)}"
        )


@main.command(
    "explain",
    cls=GxCommand,
    context_settings=CONTEXT,
    help_zh="显示一条规则的完整说明及示例（CODE 为规则代码或名称）。",
)
@click.argument("code")
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def explain_cmd(code: str, lang: str | None) -> None:
    """Show a rule's full documentation with its examples (CODE or name)."""
    from gxlint.output.ruledocs import render_rule

    from gxlint.run.catalog import find_rule

    lang = _command_lang(lang)
    _, rules = _all_rules()
    rule = find_rule(rules, code)
    if rule is not None:
        click.echo(render_rule(rule, lang, markdown=False))
        return
    raise GxError(f"unknown rule {code!r}; see 'gxlint rules'", f"没有规则 {code!r}；请查看 'gxlint rules'")


@main.command(
    "plugins",
    cls=GxCommand,
    context_settings=CONTEXT,
    help_zh="""列出已加载的插件：版本、规则数、加载失败的插件。

              有插件加载失败时退出码为 2。""",
)
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def plugins_cmd(lang: str | None) -> None:
    """List the loaded plugins: versions, rule counts, failures.

    Exits 2 when a plugin failed to load."""
    from gxlint.config import disabled_plugins
    from gxlint.run.catalog import warn_unknown_disabled

    _command_lang(lang)  # the words' language is chosen before click runs (gxlint.cli.ui._early_lang)
    plugins, _ = _all_rules()
    warn_unknown_disabled(plugins, disabled_plugins(), lambda en, zh: click.echo(_t(en, zh), err=True))
    for name, dist, version, count in plugins.loaded:
        label = f"{dist} {version}".strip() or _t("(not installed as a distribution)", "（未作为发行包安装）")
        click.echo(
            f"{name:<16} {label:<28} " + _t(f"{count} rule{'s' if count != 1 else ''}", f"{count} 条规则")
        )
    for name, dist, version in plugins.disabled:
        click.echo(
            f"{name:<16} {(dist + ' ' + version).strip():<28} "
            + _t(
                "switched off (plugins: disable in the config file)", "已停用（配置文件的 plugins: disable）"
            )
        )
    for f in plugins.failures:
        click.echo(
            f"{f.name:<16} {(f.distribution + ' ' + f.version).strip():<28} "
            + _t(f"FAILED: {f.error}", f"加载失败：{f.text('zh')}")
        )
        if f.traceback and os.environ.get("GXLINT_TRACEBACK"):
            click.echo(f.traceback.rstrip("\n"), err=True)
    if plugins.failures:
        sys.exit(EXIT_ERROR)
