"""Where gxlint's data files are: the ``gxlint.grammar`` package (grammar/ in the source tree)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def grammar_dir() -> Any:
    """A Traversable for grammar/ whether gxlint is installed (wheel or editable) or run from a
    source checkout that was never installed."""
    try:
        import gxlint.grammar as package
    except ModuleNotFoundError:  # pragma: no cover - only in an uninstalled checkout
        return Path(__file__).resolve().parent.parent / "grammar"
    # A plain folder in every ordinary install; importlib.resources (which imports zipfile and its
    # readers, ~2 ms of the cold start) only for a package inside an archive.
    folder = Path(getattr(package, "__file__", None) or ".").parent
    if folder.joinpath("report.lark").is_file():
        return folder
    from importlib import resources

    return resources.files("gxlint.grammar")  # pragma: no cover - zipped installs


def read_text(name: str) -> str:
    return grammar_dir().joinpath(name).read_text(encoding="utf-8")
