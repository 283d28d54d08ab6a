"""The library API: what ``gxlint`` and ``gxlint parse`` do, as calls a CMS or a script can make.

Parsing gives the report model (gxlint.model); linting gives findings (gxlint.finding).  Both read
with the installed plugins' templates (a province's variant of the format), as ``gxlint`` does.  ``config``
is None (defaults), the path of a ``.gxlint.yaml``, a mapping with the same keys as a config file
(``{"select": ["GX2"], "lang": "en"}``), or a :class:`~gxlint.run.linter.Linter` to reuse.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Mapping

from gxlint.finding import Finding
from gxlint.model import Report
from gxlint.read import source as source_mod
from gxlint.read.build import Context, build_report
from gxlint.run.discover import discover
from gxlint.run.linter import Linter


def _reading(context: Context | None) -> Context:
    """``context``, or the one linting reads with: gxlint's templates and the installed plugins'
    (less the plugins the config file found from the working directory switches off)."""
    if context is not None:
        return context
    from gxlint.plugins import discovery as plugins_mod

    return plugins_mod.cached().context()


def parse_text(
    text: str, path: str | None = None, *, template: str | None = None, context: Context | None = None
) -> Report:
    """Parse report text into the model.  Never raises on bad text."""
    return build_report(source_mod.from_text(text, path), _reading(context), template)


def parse_bytes(
    data: bytes, path: str | None = None, *, template: str | None = None, context: Context | None = None
) -> Report:
    return build_report(source_mod.from_bytes(data, path), _reading(context), template)


def parse_path(
    path: str | os.PathLike[str],
    *,
    template: str | None = None,
    context: Context | None = None,
    max_bytes: int = source_mod.DEFAULT_MAX_BYTES,
) -> Report:
    """Read, decode and parse a file.  Unreadable files give a Report whose ``source.problems``
    say why (and ``readable`` is False)."""
    return build_report(source_mod.read_path(path, max_bytes), _reading(context), template)


def _linter_for(config: Any) -> Linter:
    if config is None:
        return Linter(isolated=True)
    if isinstance(config, Linter):
        return config
    if isinstance(config, (str, os.PathLike)):
        return Linter(config=os.fspath(config))
    if isinstance(config, Mapping):
        return Linter(overrides=config, isolated=True)
    raise TypeError("config must be None, a config file path, a mapping of config keys, or a Linter")


def lint_text(text: str, path: str | None = None, config: Any = None) -> list[Finding]:
    """Lint report text."""
    return _linter_for(config).lint_text(text, path)


def lint_report(report: Report, config: Any = None, previous: Report | None = None) -> list[Finding]:
    """Lint a report model; ``previous``, last year's report of the same agency, turns on the
    cross-year rules (GX5xx)."""
    linter = _linter_for(config)
    return linter.lint_report(report, linter.settings(report.path), previous=previous)


def lint_paths(paths: Iterable[str | os.PathLike[str]], config: Any = None) -> list[Finding]:
    """Lint files and directories (recursing like the CLI).  Without ``config``, each file uses the
    nearest ``.gxlint.yaml`` above it."""
    linter = Linter() if config is None else _linter_for(config)
    findings: list[Finding] = []
    for item in discover([os.fspath(p) for p in paths]):
        findings.extend(
            linter.lint_unread(item.source(), linter.settings(item.path))
            if item.problem
            else linter.lint_path(item.path)
        )
    return findings
