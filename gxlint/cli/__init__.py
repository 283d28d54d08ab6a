"""The command line: ``gxlint [OPTIONS] PATH...`` plus subcommands (parse, rules, explain, plugins,
init).  Commands parse arguments and call the library; no linting logic lives here.

Exit codes: 0 no finding at or above the failing level; 1 findings at or above it; 2 a usage,
configuration, plugin or internal error.

Language of gxlint's own words (help, usage errors, configuration and baseline errors, notes):
``--lang``, else the environment variable ``GXLINT_LANG``, else the ``lang`` of the config file
that applies (``--config``, or the nearest ``.gxlint.yaml`` above the working directory; for a
check, the first file's settings once they are read), else Chinese.  Findings follow each file's
settings, in which ``--lang`` and ``GXLINT_LANG`` override the config files.

The modules: :mod:`.ui` (the run's language, exit codes, :class:`GxError`, the run layer's errors
as click's), :mod:`.app` (the click group ``main`` and the bilingual command classes, with
:mod:`.click_zh` and :mod:`.wrap` for click's words in Chinese and help wrapped by display width,
:mod:`.streams` for output that never crashes), and one module per command, each turning its
arguments into calls of gxlint.run: :mod:`.check` (gxlint.run.check), :mod:`.parse`
(gxlint.run.dataset), :mod:`.rules` (rules, explain, plugins: gxlint.run.catalog) and :mod:`.init`
(gxlint.run.init).
"""

from __future__ import annotations

# first: the patterns earlier runs compiled, before any of gxlint's modules compiles its own as it
# loads (gxlint.cli.ui brings gxlint.chinese, whose patterns were compiled anew in every run)
from gxlint import cache  # isort: skip

cache.warm()

# next: it notes when the run started, before click and the rest are imported
from .ui import ENV_LANG, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, LANGS, GxError, ui_lang  # noqa: E402  isort: skip

from .app import CONTEXT, SUBCOMMANDS, GxCommand, GxGroup, GxOption, main  # noqa: E402
from .wrap import wrap_cjk  # noqa: E402

# the commands, each registering itself on ``main``, in the order of gxlint --help
from . import check, parse, rules, init  # noqa: E402,F401  isort: skip
from .check import FORMATS  # noqa: E402

__all__ = [
    "CONTEXT",
    "ENV_LANG",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "FORMATS",
    "LANGS",
    "SUBCOMMANDS",
    "GxCommand",
    "GxError",
    "GxGroup",
    "GxOption",
    "main",
    "ui_lang",
    "wrap_cjk",
]
