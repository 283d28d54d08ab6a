"""The command line: ``gxlint [OPTIONS] PATH...`` plus subcommands (parse, rules, explain, plugins,
init).  Commands parse arguments and call the library; no linting logic lives here.

Exit codes: 0 no finding at or above the failing level; 1 findings at or above it; 2 a usage,
configuration, plugin or internal error.

Language of gxlint's own words (help, usage errors, configuration and baseline errors, notes):
``--lang``, else the environment variable ``GXLINT_LANG``, else the ``lang`` of the config file
that applies (``--config``, or the nearest ``.gxlint.yaml`` above the working directory; for a
check, the first file's settings once they are read), else Chinese.  Findings follow each file's
settings, in which ``--lang`` and ``GXLINT_LANG`` override the config files.
"""

from __future__ import annotations

import time

#: when this process started running gxlint (before click and the rest are imported): the
#: summary's time is the whole run
_IMPORTED = time.perf_counter()

import contextlib  # noqa: E402
import gettext  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from typing import Any, Iterable  # noqa: E402

import click  # noqa: E402

from . import __version__  # noqa: E402

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("parse", "rules", "explain", "plugins", "init")
FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github", "csv", "html")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
LANGS = ("zh", "en")
#: the environment variable that chooses the language when --lang is not given
ENV_LANG = "GXLINT_LANG"

#: the run in progress: the language of gxlint's own words, and when the run started
_UI: dict[str, Any] = {"lang": "zh", "started": None}


def ui_lang() -> str:
    """The language of gxlint's own messages in the run in progress (``zh`` or ``en``)."""
    return _UI["lang"]


def _t(en: str, zh: str) -> str:
    return zh if _UI["lang"] == "zh" else en


def _env_lang(strict: bool = False) -> str | None:
    """``GXLINT_LANG`` when set; with ``strict`` a value other than zh/en is a usage error."""
    value = os.environ.get(ENV_LANG, "").strip().lower()
    if not value:
        return None
    if value in LANGS:
        return value
    if strict:
        raise GxError(f"{ENV_LANG}={value!r} is not a language gxlint knows: use zh or en",
                      f"{ENV_LANG}={value!r} 不是 gxlint 支持的语言：请用 zh 或 en")
    return None


def _early_lang(args: list[str]) -> str:
    """The language before click has parsed anything (for --help and usage errors): --lang,
    GXLINT_LANG, the applicable config file's lang, zh."""
    explicit = config = None
    isolated = False
    for i, arg in enumerate(args):
        if arg == "--":
            break
        following = args[i + 1] if i + 1 < len(args) else None
        if arg == "--lang":
            explicit = following
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
        elif arg == "--config":
            config = following
        elif arg.startswith("--config="):
            config = arg.split("=", 1)[1]
        elif arg == "--isolated":
            isolated = True
    if explicit in LANGS:
        return explicit
    env = _env_lang()
    if env is not None:
        return env
    if not isolated:
        from .config import configured_lang

        found = configured_lang(config if config and os.path.isfile(config) else None)
        if found in LANGS:
            return found
    return "zh"


# -- click's own words in Chinese -----------------------------------------------------------------------
# click passes every message it prints through gettext; in a Chinese run these are the words.

_CLICK_ZH = {
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想用其中之一：{possibilities}？）",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数（{number_type}）。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值。可用的值：{states}",
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是目录。",
    "{name} {filename!r} is a directory.": "{filename!r} 是目录，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{filename!r} 无法写入。",
    "{name} {filename!r} is not executable.": "{filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已中止！",
    "Missing command.": "缺少命令。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
}


def _click_gettext(message: str) -> str:
    return _CLICK_ZH.get(message, message) if _UI["lang"] == "zh" else message


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return _click_gettext(singular if n == 1 else plural)


def _install_click_translation() -> None:
    import importlib

    for name in ("click.core", "click.exceptions", "click.parser", "click.types", "click.formatting",
                 "click.decorators"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - another click layout: its English stays
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _click_ngettext


_install_click_translation()


class GxError(click.ClickException):
    """A usage, configuration, plugin or baseline error: one line on stderr, exit 2."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message_zh = message_zh or message

    def format_message(self) -> str:
        return self.message_zh if _UI["lang"] == "zh" else self.message

    def show(self, file=None) -> None:
        click.echo(_t("gxlint: error: ", "gxlint：错误：") + self.format_message(), err=True)


def _usage_error(en: str, zh: str) -> click.UsageError:
    return click.UsageError(_t(en, zh))


def _codes(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


# -- help in both languages --------------------------------------------------------------------------

def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
#: a wrapping unit: spaces, one CJK character (with the punctuation that must not start a line),
#: or a run of other characters (a word, an option name)
_TOKEN = re.compile(rf"[ \t]+|[{_CJK}][，。；：、）》」』！？”’…\]),.;:!?]*|[^\s{_CJK}]+")


def wrap_cjk(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap ``text`` to ``width`` terminal columns, where a CJK character takes two columns and a
    line may break between any two of them (click's wrapping counts characters and breaks only at
    spaces, so Chinese help ran far past the terminal's edge).  Paragraphs (blank lines) are kept."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        joined = ""
        for piece in (p.strip() for p in para.split("\n")):
            if joined and piece and not (re.match(rf"[{_CJK}]", joined[-1]) and re.match(rf"[{_CJK}]", piece[0])):
                joined += " "
            joined += piece
        lines: list[str] = []
        line, used, space = initial_indent, _width(initial_indent), False
        empty = True
        for token in _TOKEN.findall(joined):
            if token.isspace():
                space = not empty
                continue
            need = _width(token) + (1 if space else 0)
            if used + need > width and not empty:
                lines.append(line)
                line, used, space = subsequent_indent, _width(subsequent_indent), False
                need = _width(token)
            line += (" " if space else "") + token
            used += need
            space, empty = False, False
        lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


class GxHelpFormatter(click.HelpFormatter):
    """click's help formatter, wrapping Chinese text by display width."""

    def write_text(self, text: str) -> None:
        if not re.search(rf"[{_CJK}]", text):
            return super().write_text(text)
        indent = " " * self.current_indent
        self.write(wrap_cjk(text, self.width, indent, indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(re.search(rf"[{_CJK}]", second) for _, second in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max((_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = wrap_cjk(second, text_width).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


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

    def __init__(self, *args: Any, help_zh: str | None = None, usage: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_zh = help_zh
        self.usage = usage

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

            first = wrap_cjk(inspect.cleandoc(self.help_zh).split("\n\n")[0], 10 ** 6)
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


def _localize(exc: click.ClickException) -> None:
    """Chinese usage errors end with a full stop of their own (click adds an ASCII one)."""
    if _UI["lang"] != "zh" or not isinstance(exc, click.UsageError) or getattr(exc, "_gx_localized", False):
        return
    exc._gx_localized = True
    original = exc.format_message

    def format_message() -> str:
        text = original()
        if not re.search(r"[\u4e00-\u9fff]", text):
            return text
        text = text.replace("。 ", "。")
        return text[:-1] + "。" if text.endswith(".") else text

    exc.format_message = format_message


class GxGroup(click.Group):
    """Dispatch ``gxlint PATH...`` to ``check``; a subcommand name as the first argument runs it
    (``gxlint -- parse`` lints a file literally named ``parse``)."""

    context_class = GxContext

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        _UI["lang"] = _early_lang(argv)
        # the console script: the run started when gxlint was imported; called in-process: now
        _UI["started"] = _IMPORTED if args is None else time.perf_counter()
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
        formatter.write_text(_t("Commands (gxlint COMMAND --help for each):", "命令（各命令的帮助：gxlint 命令 --help）："))
        with formatter.indentation():
            formatter.write_dl([(name, self.commands[name].get_short_help_str(80)) for name in SUBCOMMANDS])
        formatter.write_paragraph()
        formatter.write_text(_t("Exit status: 0 no finding at or above the failing level; 1 findings at or above "
                                "it; 2 a usage, configuration, plugin or internal error.  "
                                "A file named like a command is linted with: gxlint -- parse",
                                "退出码：0 没有达到失败级别的问题；1 有达到失败级别的问题；2 用法、配置、插件错误或"
                                "内部错误。与命令同名的文件这样检查：gxlint -- parse"))
        formatter.write_paragraph()
        formatter.write_text(_t(f"Language: --lang, else {ENV_LANG}, else the config file's lang, else zh.",
                                f"语言：--lang，其次环境变量 {ENV_LANG}，其次配置文件中的 lang，默认 zh。"))

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
            click.echo(_t(f"gxlint: internal error: {type(exc).__name__}: {exc} "
                          "(please report it; set GXLINT_TRACEBACK=1 to see where)",
                          f"gxlint：内部错误：{type(exc).__name__}: {exc}"
                          "（请报告此问题；设置 GXLINT_TRACEBACK=1 可看到出错位置）"), err=True)
            ctx.exit(EXIT_ERROR)


def _without_lang(args: list[str]) -> list[str]:
    out, skip = [], False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def _silence_stdout() -> None:
    """Point standard output at the null device: its reader is gone, and what is still buffered
    would fail again when Python flushes it on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError, AttributeError):
        pass


def _tolerant_output() -> None:
    """Any terminal: a character the console's encoding cannot show (a GBK console, a bullet in a
    report line) is replaced, never a crash.  The encoding itself stays the console's."""
    import io

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if getattr(stream, "errors", None) != "strict":
            continue
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
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

def _option(*decls: str, help: str, help_zh: str, **kwargs: Any):
    return click.option(*decls, cls=GxOption, help=help, help_zh=help_zh, **kwargs)


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
    from . import files
    from . import runner
    from .config import ConfigError

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
        from .formatters.statistics import FORMATS as STAT_FORMATS

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
        from .engine import Linter

        linter = Linter(config=config_path, overrides=overrides, plugins=plugins, isolated=isolated)
    except ConfigError as exc:
        raise _config_error(exc, lang) from None
    known_formats = (*FORMATS, *plugins.formats)
    if fmt not in known_formats:
        raise click.BadParameter(_t(f"{fmt!r} is not one of {', '.join(known_formats)}",
                                    f"{fmt!r} 不是可用的格式（{'、'.join(known_formats)}）之一"),
                                 param_hint="'--format'")

    items = files.ordered(files.discover(paths, include=tuple(include) or files.DEFAULT_INCLUDE,
                                         exclude=tuple(exclude), lang=lang or _UI["lang"]), stdin_filename)
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


def _config_error(exc, lang: str | None) -> GxError:
    """A config file's mistake, in the language that file asks for when nothing else chose one."""
    if lang is None and exc.path and os.path.isfile(exc.path):
        from .config import configured_lang

        _UI["lang"] = configured_lang(exc.path) or _UI["lang"]
    return GxError(exc.text("en"), exc.text("zh"))


def _overrides(**values: Any) -> dict[str, Any]:
    """Command-line options as config keys (only those given)."""
    return {key.replace("_", "-"): value for key, value in values.items() if value}


def _plugins(require: tuple[str, ...], config_path: str | None = None, isolated: bool = False):
    from . import plugins as plugins_mod
    from .config import disabled_plugins

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
    """What the run says about the reports it paired with last year's (gxlint.pairs): with
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


def _check(linter, items, fmt, output_file, color, lang, statistics, baseline_path, fail_on, jobs,
           stdin_filename, rebuild, plugins, started=None, skip_non_reports=False, previous=None,
           on_pairs=None):
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
            from .formatters.statistics import StatisticsFormatter

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
    from . import baseline as baseline_mod
    from . import runner

    results = runner.collect(linter, items, jobs=jobs, stdin_filename=stdin_filename, rebuild=rebuild,
                             skip_non_reports=skip_non_reports, previous=previous, on_pairs=on_pairs)
    try:
        count = baseline_mod.write(target, results)
    except baseline_mod.BaselineError as exc:
        raise GxError(exc.text("en"), exc.text("zh")) from None
    click.echo(_t(f"gxlint: recorded {count} finding{'s' if count != 1 else ''} in {len(results)} "
                  f"file{'s' if len(results) != 1 else ''} to {target}",
                  f"gxlint：已把 {len(results)} 个文件中的 {count} 个问题记录到 {target}"), err=True)


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
    from .formatters.settings import describe, render_json, render_text

    entries = [describe(linter, stdin_filename if i.path == "-" else i.path) for i in items if i.error is None]
    if env_lang:  # GXLINT_LANG came in as a command-line setting: say where it really came from
        for entry in entries:
            lang = entry["settings"]["lang"]
            if lang["from"] == "command line":
                lang["from"] = f"environment {ENV_LANG}"
    click.echo(render_json(entries) if fmt == "json" else render_text(entries, _UI["lang"]), nl=False)


# -- parse -------------------------------------------------------------------------------------------

@main.command("parse", cls=GxCommand, context_settings=CONTEXT,
              help_zh="""显示 gxlint 从 PATH 读出的报告模型（章节、表格、每个单元格），或用 --format source
              显示它从 Word、网页或 PDF 文件中读出的文本。

              --format csv 把多个报告的统计表写成一个数据集（每个表格单元格一行），--format json-lines
              每行一个报告的模型；这两种格式接受多个文件和目录（像检查命令一样在目录中查找报告）。
              无法读取的文件不输出任何行，在标准错误中说明，退出码为 1，其余文件照常输出。""")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=str))
@_option("-f", "--format", "fmt", type=click.Choice(["text", "json", "source", "csv", "json-lines"]),
         default="text",
         help="text or json: the report model; source: the text gxlint read from the file, "
              "numbered, with where each line came from (page, paragraph, table cell); csv: one row per "
              "table cell of every report (a data set); json-lines: one report's JSON model per line  "
              "[default: text]",
         help_zh="text 或 json：报告模型；source：gxlint 从文件中读出的文本，带行号及每行的来源"
                 "（页、段落、表格单元格）；csv：每个报告的每个表格单元格一行（数据集）；json-lines："
                 "每行一个报告的 JSON 模型  [默认：text]")
@_option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str),
         help="Write the output to this file instead of standard output.",
         help_zh="把输出写入此文件，而不是标准输出。")
@_option("--template", type=click.Choice(["auto", "2019", "2021"]), default="auto",
         help="Read the tables against this format.", help_zh="按此格式读取表格。")
@_option("--include", multiple=True, metavar="GLOB",
         help="File globs to read inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.pdf]",
         help_zh="在目录中读取的文件通配模式  [默认：*.txt、*.md、*.docx、*.html、*.htm、*.pdf]")
@_option("--exclude", multiple=True, metavar="GLOB", help="Globs of files or folders to skip.",
         help_zh="要跳过的文件或目录的通配模式。")
def parse_cmd(paths: tuple[str, ...], fmt: str, output_file: str | None, template: str, include, exclude) -> None:
    """Print the report model gxlint reads from PATH (chapters, tables, every cell), or with
    --format source the text it read from a Word, web or PDF file.

    --format csv writes the statistics tables of many reports as one data set (one row per table
    cell), --format json-lines one report's model per line; these two take several files and
    folders (searched for reports as by the check).  A file that cannot be read gives no rows and a
    message on standard error, and the exit status is 1; the other files are still written."""
    import json

    from . import api
    from .export import report_to_dict, report_to_text, source_to_text

    chosen = None if template == "auto" else template
    if fmt in ("csv", "json-lines"):
        failed = _parse_many(paths, fmt, output_file, chosen, tuple(include), tuple(exclude))
        sys.exit(EXIT_FINDINGS if failed else EXIT_OK)
    if len(paths) > 1 or (paths[0] != "-" and os.path.isdir(paths[0])):
        raise _usage_error(f"--format {fmt} reads one file; for several files or a folder use --format csv "
                           "or json-lines",
                           f"--format {fmt} 只读取一个文件；多个文件或目录请用 --format csv 或 json-lines")
    file = paths[0]
    if file == "-":
        report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=chosen)
    else:
        report = api.parse_path(file, template=chosen)
    fatal = [p for p in report.source.problems if p.fatal]
    if fmt == "json":
        text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "source":
        text = source_to_text(report)
    else:
        text = report_to_text(report)
    with _parse_output(output_file) as stream:
        click.echo(text, nl=False, file=stream)
    if fatal:
        click.echo(_t(f"gxlint: error: {file}: {fatal[0].message_en}",
                      f"gxlint：错误：{file}：{fatal[0].message_zh}"), err=True)
        sys.exit(EXIT_ERROR)


@contextlib.contextmanager
def _parse_output(output_file: str | None):
    """Standard output, or ``--output-file`` opened for writing (and closed afterwards)."""
    if not output_file:
        yield sys.stdout
        return
    try:
        stream = open(output_file, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise GxError(f"cannot write {output_file}: {exc.strerror or exc}",
                      f"无法写入 {output_file}：{exc.strerror or exc}") from None
    with stream:
        yield stream


def _parse_many(paths, fmt: str, output_file: str | None, template: str | None, include, exclude) -> bool:
    """``parse --format csv|json-lines``: every report under ``paths``, file by file; True when a
    path or a file could not be read (it was reported on standard error and gave no output)."""
    import json

    from . import api, files
    from .export import CELL_FIELDS, cell_rows, report_to_dict
    from .formatters.csv import CsvWriter

    items = files.ordered(files.discover(paths, include=include or files.DEFAULT_INCLUDE, exclude=exclude,
                                         lang=_UI["lang"]))
    failed = False
    with _parse_output(output_file) as stream:
        writer = CsvWriter(stream) if fmt == "csv" else None
        if writer is not None:
            writer.header(CELL_FIELDS)
        for item in items:
            if item.error is not None:
                failed = True
                _flush_quietly()
                click.echo(_t("gxlint: error: ", "gxlint：错误：") + item.error.message, err=True)
                continue
            try:
                if item.path == "-":
                    report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=template)
                else:
                    report = api.parse_path(item.path, template=template)
            except Exception as exc:  # a bug on one report must not lose a province's data set
                if os.environ.get("GXLINT_TRACEBACK"):
                    raise
                failed = True
                _flush_quietly()
                click.echo(_t(f"gxlint: internal error: {item.path}: {type(exc).__name__}: {exc} (please report it)",
                              f"gxlint：内部错误：{item.path}：{type(exc).__name__}: {exc}（请报告此问题）"), err=True)
                continue
            fatal = [p for p in report.source.problems if p.fatal]
            if fatal:
                failed = True
                _flush_quietly()
                click.echo(_t(f"gxlint: error: {item.path}: {fatal[0].message_en}",
                              f"gxlint：错误：{item.path}：{fatal[0].message_zh}"), err=True)
                continue
            if writer is not None:
                writer.rows(cell_rows(report))
            else:
                stream.write(json.dumps(report_to_dict(report), ensure_ascii=False) + "\n")
    return failed


# -- rules / explain / plugins / init ----------------------------------------------------------------

def _all_rules(require: tuple[str, ...] = ()):
    from . import plugins as plugins_mod
    from .engine import ENGINE_RULES

    try:
        plugins = plugins_mod.cached(require)
    except plugins_mod.PluginError as exc:
        raise GxError(str(exc), f"插件错误：{exc}") from None
    rules = {**ENGINE_RULES, **plugins.rules}
    return plugins, [rules[c] for c in sorted(rules, key=plugins_mod._code_key)]


def _command_lang(lang: str | None) -> str:
    """--lang of rules/explain, else GXLINT_LANG, else the config file's, else zh."""
    if lang is None:
        _env_lang(strict=True)
    return lang or _UI["lang"]


_LANG_HELP = f"Language  [default: {ENV_LANG}, else the config file's lang, else zh]"
_LANG_HELP_ZH = f"语言  [默认：环境变量 {ENV_LANG}，其次配置文件中的 lang，再次 zh]"


@main.command("rules", cls=GxCommand, context_settings=CONTEXT,
              help_zh="列出所有规则：代码、名称、默认级别和简述。")
@_option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
         help="text or json  [default: text]", help_zh="text 或 json  [默认：text]")
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def rules_cmd(fmt: str, lang: str | None) -> None:
    """List every rule: code, name, default severity and summary."""
    import json

    from .docs import severity_text

    lang = _command_lang(lang)
    _, rules = _all_rules()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                "relaxed_until": r.relaxed_until,
                                "summary": r.short(lang), "plugin": r.plugin or "gxlint",
                                "options": {k: {"default": o.default, "help": o.help} for k, o in r.options.items()}}
                               for r in rules], ensure_ascii=False, indent=2))
        return
    severities = [severity_text(r, lang, short=True) for r in rules]
    width = max((_width(s) for s in severities), default=0)
    for r, severity in zip(rules, severities):
        click.echo(f"{r.code:<7} {r.name:<28} {severity}{' ' * (width - _width(severity))} {r.short(lang)}")


@main.command("explain", cls=GxCommand, context_settings=CONTEXT,
              help_zh="显示一条规则的完整说明及示例（CODE 为规则代码或名称）。")
@click.argument("code")
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def explain_cmd(code: str, lang: str | None) -> None:
    """Show a rule's full documentation with its examples (CODE or name)."""
    from .docs import render_rule

    lang = _command_lang(lang)
    plugins, rules = _all_rules()
    wanted = code.strip()
    for r in rules:
        if r.code == wanted.upper() or r.name == wanted.lower():
            click.echo(render_rule(r, lang, markdown=False))
            return
    raise GxError(f"unknown rule {code!r}; see 'gxlint rules'", f"没有规则 {code!r}；请查看 'gxlint rules'")


@main.command("plugins", cls=GxCommand, context_settings=CONTEXT,
              help_zh="""列出已加载的插件：版本、规则数、加载失败的插件。

              有插件加载失败时退出码为 2。""")
def plugins_cmd() -> None:
    """List the loaded plugins: versions, rule counts, failures.

    Exits 2 when a plugin failed to load."""
    plugins, _ = _all_rules()
    for name, dist, version, count in plugins.loaded:
        label = f"{dist} {version}".strip() or _t("(not installed as a distribution)", "（未作为发行包安装）")
        click.echo(f"{name:<16} {label:<28} " + _t(f"{count} rule{'s' if count != 1 else ''}", f"{count} 条规则"))
    for f in plugins.failures:
        click.echo(f"{f.name:<16} {(f.distribution + ' ' + f.version).strip():<28} "
                   + _t(f"FAILED: {f.error}", f"加载失败：{f.error}"))
    if plugins.failures:
        sys.exit(EXIT_ERROR)


@main.command("init", cls=GxCommand, context_settings=CONTEXT,
              help_zh="""写出一个带注释、列出全部默认值的 .gxlint.yaml。

              DIRECTORY 默认为当前目录；已有的配置文件不会被覆盖。""")
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
            raise GxError(f"{existing} already exists; not overwriting it", f"{existing} 已存在，不会覆盖它")
    _, rules = _all_rules()
    os.makedirs(directory, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(default_config(rules))
    except OSError as exc:
        raise GxError(f"cannot write {target}: {exc.strerror or exc}",
                      f"无法写入 {target}：{exc.strerror or exc}") from None
    click.echo(_t(f"wrote {target}", f"已写入 {target}"))


if __name__ == "__main__":  # pragma: no cover
    main()
