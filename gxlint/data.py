"""Where gxlint's data files are: the ``gxlint.grammar`` package (grammar/ in the source tree)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any


def grammar_dir() -> Any:
    """A Traversable for grammar/ whether gxlint is installed (wheel or editable) or run from a
    source checkout that was never installed."""
    try:
        return resources.files("gxlint.grammar")
    except ModuleNotFoundError:  # pragma: no cover - only in an uninstalled checkout
        return Path(__file__).resolve().parent.parent / "grammar"


def read_text(name: str) -> str:
    return grammar_dir().joinpath(name).read_text(encoding="utf-8")
