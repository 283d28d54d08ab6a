"""gxlint's built-in rules, shipped as the ``gxlint_rules`` plugin (entry point ``gxlint = builtin``).

One module per family: ``input`` (GX0xx), ``structure`` (GX1xx), ``arithmetic`` and ``cells``
(GX2xx tables), ``narrative`` (text against tables), ``contact`` (GX3xx), ``dates`` (GX4xx),
``crossyear`` (GX5xx: a report against last year's, ``Rule.uses_previous``).
Each rule's ``spec`` names the sections of docs/format.md (the unified format: chapters, tables,
identities, deadlines) that it enforces, as that page's anchors.
"""

from __future__ import annotations

from gxlint.hookspecs import hookimpl

FAMILIES = ("input", "structure", "arithmetic", "cells", "narrative", "contact", "dates", "crossyear")


@hookimpl
def gxlint_rules():
    import importlib

    from gxlint.rule import Rule

    rules = []
    for family in FAMILIES:
        try:
            module = importlib.import_module(f"{__name__}.{family}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{family}":
                continue  # a family not written yet
            raise
        rules.extend(obj for obj in vars(module).values()
                     if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                     and obj.__module__ == module.__name__ and obj.code)
    return sorted(rules, key=lambda r: r.code)
