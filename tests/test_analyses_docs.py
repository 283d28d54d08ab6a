"""docs/plugins.md, "Shared analyses", names only what gxlint.lint.analyses offers, and every module
of gxlint.lint.analyses is in it."""

from __future__ import annotations

import importlib
import pkgutil
import re

import gxlint.lint.analyses as analyses
from clitools import ROOT


def _table() -> dict[str, str]:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = page[page.index("### Shared analyses") : page.index("### When a rule crashes")]
    return dict(re.findall(r"^\| `(gxlint\.lint\.analyses\.\w+)` \| (.+) \|$", section, re.M))


def test_every_analysis_module_is_documented_and_every_name_it_documents_exists():
    rows = _table()
    modules = {f"{analyses.__name__}.{m.name}" for m in pkgutil.iter_modules(analyses.__path__)}
    assert set(rows) == modules
    for module, text in rows.items():
        loaded = importlib.import_module(module)
        names = set(re.findall(r"`(\w+)(?:\(|`)", text))
        missing = sorted(n for n in names if not hasattr(loaded, n))
        assert not missing, f"{module} has no {missing}"
