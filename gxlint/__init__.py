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
    "parse_text": ("gxlint.api", "parse_text"),
    "parse_path": ("gxlint.api", "parse_path"),
    "parse_bytes": ("gxlint.api", "parse_bytes"),
    "lint_text": ("gxlint.engine", "lint_text"),
    "lint_paths": ("gxlint.engine", "lint_paths"),
    "lint_report": ("gxlint.engine", "lint_report"),
    "Linter": ("gxlint.engine", "Linter"),
    "ConfigError": ("gxlint.config", "ConfigError"),
    "Settings": ("gxlint.config", "Settings"),
    "Finding": ("gxlint.finding", "Finding"),
    "Rule": ("gxlint.rule", "Rule"),
    "hookimpl": ("gxlint.hookspecs", "hookimpl"),
}

__all__ = sorted([*_LAZY, "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from .api import parse_bytes, parse_path, parse_text
    from .config import ConfigError, Settings
    from .engine import Linter, lint_paths, lint_report, lint_text
    from .finding import Finding
    from .hookspecs import hookimpl
    from .rule import Rule


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gxlint' has no attribute {name!r}")
