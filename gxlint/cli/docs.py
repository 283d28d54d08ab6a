"""``python -m gxlint.cli.docs [--check]``: regenerate the generated documentation -- docs/rules/
from the built-in rules' metadata (gxlint.output.ruledocs renders each page), the hooks section
of docs/plugins.md from gxlint/plugins/hookspecs.py, and docs/wordings.md from the documentation
of gxlint/lint/analyses/claims.py -- or with ``--check`` only say what is out of date (exit 1)."""

from __future__ import annotations

import inspect
import os
import re
import sys
from typing import Iterable

from gxlint.lint.rule import Rule
from gxlint.output.ruledocs import render_index, render_rule_page
from gxlint.plugins import hookspecs
from gxlint.plugins.discovery import load

# -- docs/plugins.md: the hooks, from gxlint/plugins/hookspecs.py ----------------------------------------

BEGIN = "<!-- The hooks: generated from gxlint/plugins/hookspecs.py by `python -m gxlint.cli.docs`; do not edit. -->"
END = "<!-- End of the generated hooks. -->"
PAGE = "docs/plugins.md"


def _markdown(doc: str) -> str:
    """A docstring as markdown: ````x```` and Sphinx roles become code spans."""
    doc = re.sub(r":(?:class|func|meth|mod|attr):`~?([^`]+)`", r"`\1`", doc)
    return re.sub(r"``(.+?)``", r"`\1`", doc, flags=re.S).replace(" -- ", " — ")


def render_hooks() -> str:
    """The generated section of docs/plugins.md, from BEGIN to END inclusive."""
    hooks = dict(hookspecs.specs())
    out = [BEGIN, ""]
    for title, names in hookspecs.GROUPS:
        out += [f"### {title}", ""]
        for name in names:
            function = hooks[name]
            params = ", ".join(inspect.signature(function).parameters)
            returns = function.__annotations__.get("return", "")
            doc = _markdown(inspect.getdoc(function) or "")
            out += [f"#### `{name}({params})` → `{returns}`", "", doc, ""]
    out.append(END)
    return "\n".join(out)


def hooks_out_of_date(path: str = PAGE) -> list[str]:
    """What is wrong with the generated section of ``path`` (empty when it is in sync)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        return [f"{path}: {exc.strerror or exc}"]
    if BEGIN not in text or END not in text:
        return [f"{path}: no generated hooks section (the lines {BEGIN} ... {END})"]
    current = text[text.index(BEGIN) : text.index(END) + len(END)]
    return (
        []
        if current == render_hooks()
        else [f"{path}: the hooks section differs from gxlint/plugins/hookspecs.py"]
    )


def write_hooks(path: str = PAGE) -> None:
    """Replace the generated section of ``path`` (which must have its BEGIN and END lines)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if BEGIN not in text or END not in text:
        raise ValueError(f"{path}: no generated hooks section to replace (the lines {BEGIN} ... {END})")
    text = text[: text.index(BEGIN)] + render_hooks() + text[text.index(END) + len(END) :]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


# -- docs/wordings.md: the wordings GX205 and GX206 read, from gxlint/lint/analyses/claims.py ----------

WORDINGS = "docs/wordings.md"
WORDINGS_HEAD = (
    "<!-- Generated from the documentation of gxlint/lint/analyses/claims.py by "
    "`python -m gxlint.cli.docs`; do not edit. -->"
)


def render_wordings() -> str:
    """docs/wordings.md: the wordings of the text that GX205 and GX206 read, from the claims
    analysis's own documentation (the list beside its patterns), so that the two cannot drift."""
    from gxlint.lint.analyses import claims

    parts = (claims.__doc__ or "").strip().split("\n\n")
    # the documentation's parts: how the text is read, the table of wordings, what is skipped
    read = [p for p in parts if p.startswith(("The text is read conservatively", "The text is matched"))]
    table = [p for p in parts if p.startswith("received ")]
    rest = [p for p in parts if p.startswith(("A cell the reader could not split", "Skipped:"))]
    if len(read) != 2 or len(table) != 1 or len(rest) != 2:
        raise ValueError(
            "gxlint/lint/analyses/claims.py: its documentation no longer has the parts docs/wordings.md is made of"
        )

    def prose(text: str) -> str:
        return _markdown(" ".join(line.strip() for line in text.splitlines()))

    out = [
        WORDINGS_HEAD,
        "",
        "# The wordings of the text that GX205 and GX206 read",
        "",
        "本页列出 GX205、GX206 能识别的正文措辞：正文数字只有按下列措辞书写时才与表格核对；"
        "其他写法既不核对，也不报告。",
        "",
        "GX205 ([rules/GX205.md](rules/GX205.md)) and GX206 ([rules/GX206.md](rules/GX206.md)) compare "
        "numbers stated in the report's text with its tables. They read only the wordings listed "
        "here: a number written otherwise is neither checked nor reported.",
        "",
        "## How the text is read",
        "",
        *(x for p in read for x in (prose(p), "")),
        "## The wordings",
        "",
        "```text",
        table[0].rstrip(),
        "```",
        "",
        "## What is not read",
        "",
        *(x for p in rest for x in (prose(p), "")),
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def wordings_out_of_date(path: str = WORDINGS) -> list[str]:
    """What is wrong with ``path`` (empty when it is what :func:`render_wordings` makes)."""
    try:
        with open(path, encoding="utf-8") as handle:
            current = handle.read()
    except OSError as exc:
        return [f"{path}: {exc.strerror or exc}"]
    return [] if current == render_wordings() else [f"{path}: differs from gxlint/lint/analyses/claims.py"]


def write_wordings(path: str = WORDINGS) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_wordings())


# -- docs/rules/: one page per built-in rule ---------------------------------------------------------

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
    """``python -m gxlint.cli.docs [--check]``: regenerate docs/rules/, the hooks section of
    docs/plugins.md and docs/wordings.md, or with ``--check`` only say what is out of date (exit 1)."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    folder = args[0] if args else "docs/rules"
    page = args[1] if len(args) > 1 else PAGE
    if check:
        stale = out_of_date(folder) + hooks_out_of_date(page) + wordings_out_of_date()
        for line in stale:
            print(f"out of date: {line}")
        if stale:
            print("regenerate with: python -m gxlint.cli.docs")
        return 1 if stale else 0
    try:
        write_hooks(page)
        write_wordings()
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in [*write_docs(folder), page, WORDINGS]:
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
