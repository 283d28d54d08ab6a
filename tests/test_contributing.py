"""CONTRIBUTING.md does not rot: every path it names in backticks, every folder of its tree and
every relative link leads to something in the repository.

A path is a word in an inline code span (also inside a command such as ``pytest
tests/test_rule_cases.py``) that contains ``/`` or ends with a file extension; a glob must match
at least one file.  A word with ``<angle brackets>`` is a file the reader creates and is not
checked; fenced code blocks are examples, except the tree, whose folders are checked by their
indentation.
"""

from __future__ import annotations

import re

import pytest

from clitools import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
EXTENSIONS = (
    ".py",
    ".md",
    ".toml",
    ".yaml",
    ".yml",
    ".json",
    ".lark",
    ".txt",
    ".pdf",
    ".docx",
    ".html",
    ".cfg",
    ".ini",
    ".sh",
)
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
_CODE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_WORD = re.compile(r"^[\w.*/-]+$")


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def paths_in(markdown: str) -> list[str]:
    """The words of the inline code spans outside fenced blocks that look like paths."""
    prose = _FENCE.sub("", markdown)
    out = []
    for span in _CODE.findall(prose):
        for word in span.split():
            word = word.strip("'\"")
            if "<" in word or word.startswith("-") or "://" in word or not _WORD.match(word):
                continue
            if "/" in word or word.endswith(EXTENSIONS):
                out.append(word)
    return list(dict.fromkeys(out))


def tree_folders(markdown: str) -> list[str]:
    """The folders of the ``text`` block under "## The tree", joined by their indentation."""
    section = markdown.split("## The tree", 1)[1]
    block = _FENCE.search(section).group(1)
    out, stack = [], []
    for line in block.splitlines():
        m = re.match(r"^( *)(\S+/)(\s|$)", line)
        if not m:
            continue
        depth = len(m.group(1)) // 2
        stack[depth:] = [m.group(2)]
        out.append("".join(stack))
    return out


def exists(path: str) -> bool:
    if any(ch in path for ch in "*?["):
        return any(ROOT.glob(path.rstrip("/")))
    target = ROOT / path
    return target.is_dir() if path.endswith("/") else target.exists()


def test_the_guide_names_paths_to_check():
    paths = paths_in(_text())
    # not vacuous: the guide walks through the tree and the four "add a …" recipes
    assert len(paths) > 50, paths
    for expected in ("gxlint/read/source.py", "rules/cases/", "tests/formsgen.py", ".ci/run"):
        assert expected in paths


def test_every_path_in_backticks_exists():
    missing = [p for p in paths_in(_text()) if not exists(p)]
    assert not missing, "CONTRIBUTING.md names paths that do not exist: " + ", ".join(missing)


def test_every_folder_of_the_tree_exists():
    folders = tree_folders(_text())
    assert {"gxlint/", "gxlint/read/", "rules/cases/", "grammar/templates/", "benchmarks/"} <= set(folders)
    missing = [f for f in folders if not (ROOT / f).is_dir()]
    assert not missing, "CONTRIBUTING.md's tree shows folders that do not exist: " + ", ".join(missing)


def test_every_relative_link_exists():
    links = [link.split("#", 1)[0] for link in _LINK.findall(_text()) if "://" not in link]
    assert links
    missing = [link for link in links if link and not (ROOT / link).exists()]
    assert not missing, missing


@pytest.mark.parametrize(
    "markdown,expected",
    [
        ("see `gxlint/read/` and `pytest tests/test_cli.py -k x`", ["gxlint/read/", "tests/test_cli.py"]),
        ("create `gxlint/read/<form>.py`, run `ruff check gxlint rules`", []),
        ('`pyproject.toml`, `ctx.memo(key, factory)`, `-m "not slow"`', ["pyproject.toml"]),
        ("```sh\npip install -e '.[test]' tests/nothing.py\n```\n`docs/`", ["docs/"]),
    ],
)
def test_what_counts_as_a_path(markdown, expected):
    assert paths_in(markdown) == expected


def test_a_missing_path_is_caught():
    assert not exists("gxlint/no_such_module.py")
    assert not exists("gxlint/model.py/")
    assert not exists("grammar/templates/*.yaml")
    assert exists("grammar/templates/*.json")


def test_the_family_table_gives_each_folder_the_code_block_of_its_rules():
    # the table names a block (GX2xx), not codes, so that a new rule needs no edit of it; every
    # rule file in a folder has a code of its block, and every folder of rules is in the table
    text = GUIDE.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `rules/(\w+)/` \| (GX\d)xx: ", text, re.M))
    folders = {p.parent.name for p in (ROOT / "rules").glob("*/GX[0-9][0-9][0-9]_*.py")}
    assert set(rows) == folders, (sorted(rows), sorted(folders))
    for family, block in rows.items():
        for path in (ROOT / "rules" / family).glob("GX[0-9][0-9][0-9]_*.py"):
            assert path.name.startswith(block), f"{path.name} is in rules/{family}/, whose block is {block}xx"
