"""``python -m gxlint.cli.docs [--check] [FOLDER]``: regenerate docs/rules/ from the built-in rules'
metadata (gxlint.output.ruledocs renders each page), or with ``--check`` only say which pages are
out of date (exit 1)."""

from __future__ import annotations

import os
import sys
from typing import Iterable

from gxlint.lint.rule import Rule
from gxlint.output.ruledocs import render_index, render_rule_page
from gxlint.plugins.discovery import load

GENERATED = "<!-- Generated from the rule"


def builtin_rules() -> list[type[Rule]]:
    """The rules docs/rules/ documents: the built-in plugin's (not third parties')."""
    plugins = load()
    rules = {c: r for c, r in plugins.rules.items() if r.plugin == "builtin"}
    return [rules[c] for c in sorted(rules)]


def pages(rules: Iterable[type[Rule]] | None = None) -> dict[str, str]:
    """File name -> content of every page of docs/rules/."""
    ordered = list(builtin_rules() if rules is None else rules)
    out = {f"{r.code}.md": render_rule_page(r) for r in ordered}
    out["README.md"] = render_index(ordered)
    return out


def out_of_date(folder: str = "docs/rules") -> list[str]:
    """The pages of ``folder`` that differ from the generator's: changed, missing, or stale
    (a generated page for a rule that no longer exists)."""
    wanted = pages()
    problems = []
    for name, text in wanted.items():
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            problems.append(f"{path} (missing)")
            continue
        if current != text:
            problems.append(f"{path} (differs)")
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(".md") and name not in wanted and _generated(path):
                problems.append(f"{path} (stale: no such rule)")
    return problems


def _generated(path: str) -> bool:
    with open(path, encoding="utf-8") as handle:
        return handle.read(len(GENERATED)) == GENERATED


def write_docs(folder: str = "docs/rules") -> list[str]:
    """Regenerate docs/rules/ (and remove generated pages of rules that no longer exist);
    returns the files written."""
    wanted = pages()
    os.makedirs(folder, exist_ok=True)
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".md") and name not in wanted and _generated(path):
            os.remove(path)
    written = []
    for name, text in wanted.items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m gxlint.cli.docs [--check] [FOLDER]``: regenerate docs/rules/, or with --check only
    say which pages are out of date (exit 1)."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    folder = args[0] if args else "docs/rules"
    if check:
        stale = out_of_date(folder)
        for line in stale:
            print(f"out of date: {line}")
        if stale:
            print("regenerate with: python -m gxlint.cli.docs")
        return 1 if stale else 0
    for path in write_docs(folder):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
