"""The wheel carries every package of the source tree: pyproject.toml lists packages by hand (rules/
and grammar/ are mapped to other names), so a new folder must be added there."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_in_the_distribution():
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(tool["packages"])
    mapped = {folder: name for name, folder in tool["package-dir"].items()}
    found = set()
    for init in ROOT.glob("*/**/__init__.py"):
        folder = init.parent.relative_to(ROOT)
        top = folder.parts[0]
        if top not in mapped:
            continue
        found.add(".".join([mapped[top], *folder.parts[1:]]))
    assert found - listed == set(), f"add these packages to pyproject.toml: {sorted(found - listed)}"
