"""The words of a run: which language gxlint's own messages are in (``--lang``, else
``GXLINT_LANG``, else the applicable config file's ``lang``, else Chinese), the exit codes (those of
gxlint.run.errors), the one-line error gxlint exits 2 with, and :func:`run_errors`, which turns the
run layer's errors (gxlint.run.errors) into click's."""

from __future__ import annotations

import time

#: when this process started running gxlint (before click and the rest are imported): the
#: summary's time is the whole run
_IMPORTED = time.perf_counter()

import contextlib  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
from typing import Any, Iterator  # noqa: E402

import click  # noqa: E402

# the exit codes are the run's; the commands (and gxlint.cli) take them from here
from gxlint.run.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: E402,F401

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
        raise GxError(
            f"{ENV_LANG}={value!r} is not a language gxlint knows: use zh or en",
            f"{ENV_LANG}={value!r} 不是 gxlint 支持的语言：请用 zh 或 en",
        )
    return None


def _command_lang(lang: str | None) -> str:
    """--lang of the commands that only show things (rules, explain, plugins, init), else GXLINT_LANG, else the config file's, else zh."""
    if lang is None:
        _env_lang(strict=True)
    return lang or _UI["lang"]


_LANG_HELP = f"Language  [default: {ENV_LANG}, else the config file's lang, else zh]"
_LANG_HELP_ZH = f"语言  [默认：环境变量 {ENV_LANG}，其次配置文件中的 lang，再次 zh]"


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
        from gxlint.config import configured_lang

        found = configured_lang(config if config and os.path.isfile(config) else None)
        if found in LANGS:
            return found
    return "zh"


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


def say(en: str, zh: str) -> None:
    """A line of the run on standard error, in the run's language (gxlint.run.errors.Say)."""
    click.echo(_t(en, zh), err=True)


@contextlib.contextmanager
def run_errors() -> Iterator[None]:
    """The run layer's errors as click's: a :class:`~gxlint.run.errors.UsageProblem` is a usage
    error (about its option, when it names one), any other
    :class:`~gxlint.run.errors.RunError` a :class:`GxError` (exit 2), shown in the language of the
    config file it is about when nothing else chose the language."""
    from gxlint.run.errors import RunError, UsageProblem

    try:
        yield
    except UsageProblem as exc:
        if exc.option:
            raise click.BadParameter(_t(exc.message, exc.message_zh), param_hint=f"'{exc.option}'") from None
        raise _usage_error(exc.message, exc.message_zh) from None
    except RunError as exc:
        if exc.lang:
            _UI["lang"] = exc.lang
        raise GxError(exc.message, exc.message_zh) from None


def _localize(exc: click.ClickException) -> None:
    """Chinese usage errors end with a full stop of their own (click adds an ASCII one)."""
    if _UI["lang"] != "zh" or not isinstance(exc, click.UsageError) or getattr(exc, "_gx_localized", False):
        return
    patched: Any = exc  # two attributes of gxlint's own on click's exception
    patched._gx_localized = True
    original = exc.format_message

    def format_message() -> str:
        text = original()
        if not re.search(r"[\u4e00-\u9fff]", text):
            return text
        text = text.replace("。 ", "。")
        return text[:-1] + "。" if text.endswith(".") else text

    patched.format_message = format_message
