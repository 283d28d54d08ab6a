"""The command-line application: the click group ``main`` (``gxlint PATH...`` runs ``check``, a
subcommand name first runs it) and the command, option and context classes whose help and usage
have a Chinese version.  The commands themselves are in :mod:`.check`, :mod:`.parse`, :mod:`.rules`
and :mod:`.init`."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

from gxlint import __version__, cache

from . import click_zh
from .click_zh import _click_gettext
from .streams import _flush_quietly, _silence_stdout, _tolerant_output
from .ui import _IMPORTED, _UI, ENV_LANG, EXIT_ERROR, EXIT_OK, _early_lang, _localize, _t, _without_lang
from .wrap import GxHelpFormatter, wrap_cjk

click_zh.install()

SUBCOMMANDS = ("parse", "rules", "explain", "plugins", "init")
#: ``--version``'s help, given in English: click's default is looked up in its catalogue once, when
#: the command is defined (in Chinese then, gxlint's default language), and an English run would show
#: it in Chinese; given, it is looked up when the help is shown, in the run's language
#: (GxCommand.format_options)
VERSION_HELP = "Show the version and exit."
CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class GxContext(click.Context):
    formatter_class = GxHelpFormatter


class GxOption(click.Option):
    """An option whose help has a Chinese version (``help_zh``)."""

    def __init__(self, *args: Any, help_zh: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh = help_zh

    def get_help_record(self, ctx: click.Context):
        if _UI["lang"] != "zh" or not self.help_zh:
            return super().get_help_record(ctx)
        english, self.help = self.help, self.help_zh
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


class GxCommand(click.Command):
    """A command whose help has a Chinese version (``help_zh``), headings and usage included."""

    context_class = GxContext

    def __init__(
        self, *args: Any, help_zh: str | None = None, usage: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh = help_zh
        self.usage = usage

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _files_named_like_options(self, args))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.usage is not None:
            prog, pieces = ctx.find_root().info_name or "gxlint", self.usage
        else:
            prog, pieces = ctx.command_path, " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(prog, pieces, prefix=_t("Usage: ", "用法："))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _UI["lang"] != "zh" or not self.help_zh:
            return super().format_help_text(ctx, formatter)
        import inspect

        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(inspect.cleandoc(self.help_zh))

    def get_short_help_str(self, limit: int = 45) -> str:
        if _UI["lang"] == "zh" and self.help_zh:
            import inspect

            first = wrap_cjk(inspect.cleandoc(self.help_zh).split("\n\n")[0], 10**6)
            return first.split("。")[0]
        return super().get_short_help_str(limit)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                rows.append((record[0], _click_gettext(record[1])))
        if rows:
            formatter.write_paragraph()
            formatter.write_text(_t("Options:", "选项："))
            with formatter.indentation():
                formatter.write_dl(rows)


def _files_named_like_options(command: click.Command, args: list[str]) -> list[str]:
    """``args`` with the files whose names start with ``-`` (``-草稿.txt``, staged and handed on by
    pre-commit, which puts no ``--`` before the files) moved after a ``--``: an argument that is no
    option of ``command``, nor an option's value, and names a file that exists is a path."""
    if "--" in args or not any(a.startswith("-") and a != "-" and os.path.lexists(a) for a in args):
        return args
    options = [p for p in command.params if isinstance(p, click.Option)]
    takes_value = {
        name for p in options if not p.is_flag and not p.count for name in p.opts + p.secondary_opts
    }
    names = {name for p in options for name in p.opts + p.secondary_opts}
    kept: list[str] = []
    files: list[str] = []
    value_next = False
    for arg in args:
        if value_next:
            kept.append(arg)
            value_next = False
        elif arg.startswith("-") and arg != "-":
            named = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
            if named in names or not os.path.lexists(arg):
                kept.append(arg)
                value_next = (
                    named in takes_value and "=" not in arg and (arg.startswith("--") or len(arg) == 2)
                )
            else:
                files.append(arg)
        else:
            kept.append(arg)
    return [*kept, "--", *files] if files else kept


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a CI job cancelled, ``timeout``, ``docker stop``, a closed terminal): the
    run stops as Ctrl-C stops it -- a KeyboardInterrupt to everything below, so that the worker
    processes are stopped, not waited for, and no file is left half written -- and gxlint exits
    128 + the signal's number.  Left to their default, these signals ended the main process at once
    and left its workers running for ever."""

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _stop_on_signals() -> None:
    """Raise :class:`Stopped` on SIGTERM and SIGHUP in this process (the console script's; not when
    gxlint is called in-process, whose host owns its signals).  A signal the process was started
    ignoring (``nohup``) stays ignored.  A worker process forked from this one is stopped by them as
    by default (gxlint.run.runner sets them back in each worker; until it does, the handler does)."""
    import signal

    owner = os.getpid()

    def stop(signum: int, frame: Any) -> None:
        if os.getpid() != owner:  # a worker not yet set up: ended as the default would
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        try:
            if signal.getsignal(number) == signal.SIG_DFL:
                signal.signal(number, stop)
        except (ValueError, OSError):  # pragma: no cover - not the main thread
            pass


class GxGroup(click.Group):
    """Dispatch ``gxlint PATH...`` to ``check``; a subcommand name as the first argument runs it
    (``gxlint -- parse`` lints a file literally named ``parse``)."""

    context_class = GxContext

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        _UI["lang"] = _early_lang(argv)
        # the console script: the run started when gxlint was imported; called in-process: now
        _UI["started"] = _IMPORTED if args is None else time.perf_counter()
        if args is None:
            cache.keep_at_exit()
            _stop_on_signals()
        _tolerant_output()
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            _localize(exc)
            raise

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if _without_lang(args) in (["--help"], ["-h"]):
            args = _without_lang(args)  # gxlint --lang en --help: the whole help (the language is set)
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        check = self.commands["check"]
        with GxContext(check, info_name=ctx.info_name, parent=None, **CONTEXT) as sub:
            check.format_help(sub, formatter)
        formatter.write_paragraph()
        formatter.write_text(
            _t("Commands (gxlint COMMAND --help for each):", "命令（各命令的帮助：gxlint 命令 --help）：")
        )
        with formatter.indentation():
            formatter.write_dl([(name, self.commands[name].get_short_help_str(80)) for name in SUBCOMMANDS])
        formatter.write_paragraph()
        formatter.write_text(
            _t(
                "Exit status: 0 no finding at or above the failing level; 1 findings at or above "
                "it; 2 a usage, configuration, plugin or internal error.  "
                "A file named like a command is linted with: gxlint -- parse",
                "退出码：0 没有达到失败级别的问题；1 有达到失败级别的问题；2 用法、配置、插件错误或"
                "内部错误。与命令同名的文件这样检查：gxlint -- parse",
            )
        )
        formatter.write_paragraph()
        formatter.write_text(
            _t(
                f"Language: --lang, else {ENV_LANG}, else the config file's lang, else zh.",
                f"语言：--lang，其次环境变量 {ENV_LANG}，其次配置文件中的 lang，默认 zh。",
            )
        )

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except click.ClickException as exc:
            _localize(exc)
            raise
        except click.Abort:
            raise
        except Stopped as exc:
            _flush_quietly()
            click.echo(_t(f"gxlint: terminated ({exc.name})", f"gxlint：已终止（{exc.name}）"), err=True)
            ctx.exit(128 + exc.signum)
        except KeyboardInterrupt:
            _flush_quietly()
            click.echo(_t("gxlint: interrupted", "gxlint：已中断"), err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (gxlint rules | head): what it read was the output; stop quietly,
            # without a second error when Python flushes standard output on exit
            _silence_stdout()
            ctx.exit(EXIT_OK)
        except Exception as exc:
            if os.environ.get("GXLINT_TRACEBACK"):
                raise
            click.echo(
                _t(
                    f"gxlint: internal error: {type(exc).__name__}: {exc} "
                    "(please report it; set GXLINT_TRACEBACK=1 to see where)",
                    f"gxlint：内部错误：{type(exc).__name__}: {exc}"
                    "（请报告此问题；设置 GXLINT_TRACEBACK=1 可看到出错位置）",
                ),
                err=True,
            )
            ctx.exit(EXIT_ERROR)


@click.group(cls=GxGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="gxlint", help=VERSION_HELP)
def main() -> None:
    """gxlint: check 政府信息公开工作年度报告 against the unified format."""
    # The process ends when the command does.  Freezing the heap at exit spares interpreter
    # shutdown a full garbage collection of every module's objects (~13 ms of a ~125 ms run).
    import atexit
    import gc

    atexit.register(gc.freeze)


def _option(*decls: str, help: str, help_zh: str, **kwargs: Any):
    return click.option(*decls, cls=GxOption, help=help, help_zh=help_zh, **kwargs)
