"""gxlint's built-in rules, shipped as the ``gxlint_rules`` plugin (entry point ``gxlint = builtin``).

One folder per family, one rule per file named by its code (``tables/GX201_application_balance.py``):
``input`` (GX0xx), ``structure`` (GX1xx), ``tables`` (GX2xx), ``narrative`` (text against the
tables), ``contact`` (GX3xx), ``dates`` (GX4xx), ``crossyear`` (GX5xx: a report against last year's,
``Rule.uses_previous``).  A rule file holds one ``Rule`` class and the table of what it says
(``messages``); analyses several rules share live in ``gxlint.lint.analyses``, open to plugins too.
``cases/`` holds each rule's YAML cases, ``cases/fixtures/`` the report parts they share.
Each rule's ``spec`` names the sections of docs/format.md that it enforces, as that page's anchors.
"""

from __future__ import annotations

import importlib
import pkgutil

from gxlint.lint.rule import Rule
from gxlint.plugins.hookspecs import hookimpl


def _modules():
    """Every module of the package that may hold rules: the families' rule files (and a family that
    is still a single module)."""
    for info in pkgutil.iter_modules(__path__, __name__ + "."):
        leaf = info.name.rsplit(".", 1)[1]
        if leaf.startswith("_") or leaf == "cases":
            continue
        module = importlib.import_module(info.name)
        if not info.ispkg:
            yield module
            continue
        for sub in pkgutil.iter_modules(module.__path__, info.name + "."):
            if not sub.ispkg and not sub.name.rsplit(".", 1)[1].startswith("_"):
                yield importlib.import_module(sub.name)


@hookimpl
def gxlint_rules():
    rules = []
    for module in _modules():
        rules.extend(
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Rule)
            and obj is not Rule
            and obj.__module__ == module.__name__
            and obj.code
        )
    return sorted(rules, key=lambda r: r.code)
