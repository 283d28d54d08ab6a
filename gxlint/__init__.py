"""gxlint: a linter for 政府信息公开工作年度报告 (government information-disclosure annual reports).

The public library API is imported lazily, so ``import gxlint`` stays cheap::

    import gxlint
    report = gxlint.parse_text(text)
    findings = gxlint.lint_text(text, config=None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "parse_text": ("gxlint.run.api", "parse_text"),
    "parse_path": ("gxlint.run.api", "parse_path"),
    "parse_bytes": ("gxlint.run.api", "parse_bytes"),
    "lint_text": ("gxlint.run.api", "lint_text"),
    "lint_paths": ("gxlint.run.api", "lint_paths"),
    "lint_report": ("gxlint.run.api", "lint_report"),
    "Linter": ("gxlint.run.linter", "Linter"),
    "ConfigError": ("gxlint.config", "ConfigError"),
    "Settings": ("gxlint.config", "Settings"),
    "Finding": ("gxlint.finding", "Finding"),
    "Rule": ("gxlint.lint.rule", "Rule"),
    "Option": ("gxlint.lint.rule", "Option"),
    "Message": ("gxlint.lint.rule", "Message"),
    "Phrase": ("gxlint.lint.rule", "Phrase"),
    "RuleContext": ("gxlint.lint.rule", "RuleContext"),
    "hookimpl": ("gxlint.plugins.hookspecs", "hookimpl"),
}

__all__ = sorted([*_LAZY, "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.run.api import parse_bytes, parse_path, parse_text
    from gxlint.config import ConfigError, Settings
    from gxlint.run.api import lint_paths, lint_report, lint_text
    from gxlint.run.linter import Linter
    from gxlint.finding import Finding
    from gxlint.plugins.hookspecs import hookimpl
    from gxlint.lint.rule import Message, Option, Phrase, Rule, RuleContext


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gxlint' has no attribute {name!r}")
