"""The library entry points for parsing: what ``gxlint parse`` and a CMS call."""

from __future__ import annotations

import os

from .read import source as source_mod
from .read.build import Context, build_report
from .model import Report


def parse_text(text: str, path: str | None = None, *, template: str | None = None,
               context: Context | None = None) -> Report:
    """Parse report text into the model.  Never raises on bad text."""
    return build_report(source_mod.from_text(text, path), context, template)


def parse_bytes(data: bytes, path: str | None = None, *, template: str | None = None,
                context: Context | None = None) -> Report:
    return build_report(source_mod.from_bytes(data, path), context, template)


def parse_path(path: str | os.PathLike[str], *, template: str | None = None,
               context: Context | None = None, max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> Report:
    """Read, decode and parse a file.  Unreadable files give a Report whose ``source.problems``
    say why (and ``readable`` is False)."""
    return build_report(source_mod.read_path(path, max_bytes), context, template)
