"""Which plugins and rules a run has: the plugins loaded for a check (less those its config file
disables), and every rule the plugins bring, in code order (``gxlint rules``, ``explain``,
``plugins`` and ``init``)."""

from __future__ import annotations

import os

from gxlint.run.errors import Say, plugin_error, say_in_english


def load_plugins(
    require: tuple[str, ...] = (),
    config: str | None = None,
    isolated: bool = False,
    *,
    say: Say = say_in_english,
):
    """The plugins of a check: ``require`` must load (else :class:`~gxlint.run.errors.RunError`);
    the config the run names (``config``, else the nearest one; none with ``isolated``) decides
    which are not even imported.  A plugin that fails to load is a warning (``say``), and the run
    goes on without it."""
    from gxlint.plugins import discovery as plugins_mod
    from gxlint.config import disabled_plugins

    disable = disabled_plugins(config, isolated=isolated)
    try:
        plugins = plugins_mod.cached(require, disable=disable)
    except plugins_mod.PluginError as exc:
        raise plugin_error(exc) from None
    warn_unknown_disabled(plugins, disable, say)
    for failure in plugins.failures:
        dist = f" ({failure.distribution} {failure.version})" if failure.distribution else ""
        say(
            f"gxlint: warning: plugin {failure.name!r}{dist} could not be loaded: {failure.error}",
            f"gxlint：警告：插件 {failure.name!r}{dist.replace(' (', '（').replace(')', '）')}"
            f"无法加载：{failure.text('zh')}",
        )
        if failure.traceback and os.environ.get("GXLINT_TRACEBACK"):
            say(failure.traceback.rstrip("\n"), failure.traceback.rstrip("\n"))
    return plugins


def warn_unknown_disabled(plugins, disable: tuple[str, ...], say: Say) -> None:
    """A warning for each name under ``plugins: disable`` that no installed plugin has: a misspelt
    name would leave the plugin running.  (gxlint's own names are refused by the config itself.)"""
    from gxlint.config.schema import BUILTIN_PLUGIN

    wanted = tuple(name for name in disable if name.strip().lower() not in BUILTIN_PLUGIN)
    for name, close in plugins.unknown(wanted):
        say(
            f"gxlint: warning: the config file switches off plugin {name!r} (plugins: disable), but no "
            "plugin of that name is installed" + (f"; did you mean {close!r}?" if close else ""),
            f"gxlint：警告：配置文件停用了插件 {name!r}（plugins: disable），但没有安装这个名字的插件"
            + (f"；是否应为 {close!r}？" if close else ""),
        )


def all_rules(require: tuple[str, ...] = ()):
    """``(plugins, rules)``: every plugin installed and every rule they bring, in code order."""
    from gxlint.plugins import discovery as plugins_mod

    try:
        plugins = plugins_mod.cached(require)
    except plugins_mod.PluginError as exc:
        raise plugin_error(exc) from None
    return plugins, [plugins.rules[c] for c in sorted(plugins.rules, key=plugins_mod._code_key)]


def find_rule(rules, wanted: str):
    """The rule of ``rules`` whose code (any case) or name is ``wanted``, or None."""
    wanted = wanted.strip()
    for rule in rules:
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None
