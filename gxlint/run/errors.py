"""What stops a run, in English and Chinese: :class:`RunError` (a plugin, configuration, baseline
or output-file error; the command line exits 2 with it) and :class:`UsageProblem` (options that do
not go together, an unknown format; the command line shows its usage); the exit statuses.  And :data:`Say`, how a run
says a line on standard error (a plugin that failed to load, the reports paired with last year's)
without knowing the language of the run's own words: it gives both, the caller chooses.

The run layer never imports click; the command line turns these into click's errors."""

from __future__ import annotations

from gxlint.chinese import os_error_zh

import sys
from typing import Callable

#: the exit statuses of a run: no finding at or above the failing level; findings at or above it; a
#: usage, configuration, plugin or internal error (a RunError)
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

#: ``say(english, chinese)``: one line for standard error, in both languages
Say = Callable[[str, str], None]


def say_in_english(en: str, zh: str) -> None:
    """The default :data:`Say` of a run called as a library: the English line on standard error."""
    print(en, file=sys.stderr)


class RunError(Exception):
    """A run that cannot go on.  ``str()`` is the English message; :meth:`text` gives it in either
    language.  ``lang``, when set, is the language the message should be shown in: that of the
    config file it is about, when nothing else chose the language of the run."""

    def __init__(self, message: str, message_zh: str | None = None, *, lang: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message
        self.lang = lang

    def text(self, lang: str = "en") -> str:
        return self.message_zh if lang == "zh" else self.message


class UsageProblem(RunError):
    """Options that cannot be used together, or an option's value that is not known (``option``
    names it, e.g. ``--format``): a usage error on the command line."""

    def __init__(self, message: str, message_zh: str | None = None, *, option: str | None = None) -> None:
        super().__init__(message, message_zh)
        self.option = option


def cannot_write(path: str, exc: OSError) -> RunError:
    """An output file that cannot be opened for writing."""
    return RunError(f"cannot write {path}: {exc.strerror or exc}", f"无法写入 {path}：{os_error_zh(exc)}")


def config_error(exc, lang: str | None) -> RunError:
    """A config file's mistake (a :class:`gxlint.config.ConfigError`), to be shown in the language
    that file asks for when nothing else (``lang``: ``--lang`` or the environment) chose one."""
    shown = None
    if lang is None and exc.path:
        import os

        if os.path.isfile(exc.path):
            from gxlint.config import configured_lang

            shown = configured_lang(exc.path)
    return RunError(exc.text("en"), exc.text("zh"), lang=shown)


def plugin_error(exc) -> RunError:
    """A plugin that was required or broke the loading of the others (a
    :class:`gxlint.plugins.discovery.PluginError`)."""
    return RunError(str(exc), f"插件错误：{getattr(exc, 'zh', exc)}")
