"""The documentation stays true: docs/rules/ matches the generator, docs/cli.md names every option
and subcommand, docs/config.md every config key, docs/formats.md every output field, and every
relative link in the README and docs/ leads to a file."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from clitools import ROOT, gx
from gxlint import config
from gxlint.cli import docs as generator
from gxlint.cli import SUBCOMMANDS, main

DOCS = ROOT / "docs"
REGENERATE = "python -m gxlint.cli.docs"


def test_rule_pages_are_in_sync_with_the_rules():
    stale = generator.out_of_date(str(DOCS / "rules"))
    assert not stale, (
        "docs/rules/ is out of date with the rules' metadata:\n  "
        + "\n  ".join(stale)
        + f"\nRegenerate it from the repository root with:  {REGENERATE}"
    )


def test_generator_writes_what_it_checks(tmp_path):
    folder = tmp_path / "rules"
    written = generator.write_docs(str(folder))
    assert generator.out_of_date(str(folder)) == []
    assert sorted(p.rsplit("/", 1)[1] for p in written) == sorted(generator.pages())
    (folder / "GX999.md").write_text(generator.GENERATED + "'s metadata -->\n", encoding="utf-8")
    (folder / "notes.md").write_text("hand-written, kept\n", encoding="utf-8")
    (folder / "GX001.md").write_text("edited\n", encoding="utf-8")
    assert generator.out_of_date(str(folder)) == [
        f"{folder}/GX001.md (differs)",
        f"{folder}/GX999.md (stale: no such rule)",
    ]
    assert generator.main(["--check", str(folder)]) == 1
    generator.write_docs(str(folder))
    assert not (folder / "GX999.md").exists() and (folder / "notes.md").exists()
    assert generator.main(["--check", str(folder)]) == 0


def test_every_rule_page_has_its_examples_in_both_languages():
    for rule in generator.builtin_rules():
        page = (DOCS / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.count("```text") == 2 * len(rule.examples()), rule.code


def _read(name: str) -> str:
    path = DOCS / name
    assert path.exists(), f"docs/{name} is missing"
    return path.read_text(encoding="utf-8")


def test_cli_doc_covers_every_option_subcommand_and_exit_code():
    text = _read("cli.md")
    check = main.commands["check"]
    for param in check.params:
        for opt in (*param.opts, *param.secondary_opts):
            if opt.startswith("--"):
                assert f"`{opt}" in text, f"docs/cli.md does not document {opt}"
    for command in SUBCOMMANDS:
        assert f"gxlint {command}" in text, command
        for param in main.commands[command].params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in text, f"docs/cli.md does not document {command} {opt}"
    for code in ("`0`", "`1`", "`2`"):
        assert code in text


def test_every_builtin_format_is_documented():
    from gxlint.output import BUILTIN

    formats, cli = _read("formats.md"), _read("cli.md")
    [row] = [line for line in cli.splitlines() if line.startswith("| `-f`, `--format")]
    for name in BUILTIN:
        assert re.search(rf"^## `{re.escape(name)}`", formats, re.M), (
            f"docs/formats.md has no section for {name}"
        )
        assert f"`{name}`" in row, f"docs/cli.md's --format row does not name {name}"


def test_the_plugins_listings_in_the_docs_count_the_rules_there_are():
    import gxlint_rules

    count = len(gxlint_rules.gxlint_rules())
    for page in ("cli.md", "plugins.md"):
        [shown] = re.findall(r"^builtin +gxlint [\d.]+ +(\d+) rules$", _read(page), re.M)
        assert int(shown) == count, f"docs/{page} lists the built-in plugin with {shown} rules, not {count}"


def test_config_doc_covers_every_key():
    text = _read("config.md")
    for key in config.KEYS:
        assert re.search(rf"^#+ `{re.escape(key)}`", text, re.M), f"docs/config.md has no section for {key}"


def test_config_doc_shows_what_gxlint_init_writes(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["init", "--lang", "en", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / ".gxlint.yaml").read_text(encoding="utf-8")
    shown = re.search(r"```yaml\n(.*?)```", _read("config.md"), re.S)
    assert shown is not None and shown.group(1) == written, (
        "docs/config.md: paste `gxlint init --lang en` output"
    )


def test_formats_doc_covers_every_field():
    text = _read("formats.md")
    for field in (
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
        "fingerprint",
    ):
        assert f"`{field}`" in text, field
    for field in (
        "ruleId",
        "ruleIndex",
        "level",
        "partialFingerprints",
        "artifactLocation",
        "uriBaseId",
        "region",
        "shortDescription",
        "fullDescription",
        "help",
        "gxlint-baseline",
    ):
        assert field in text, field


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize(
    "page", ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*.md"))]
)
def test_relative_links_lead_to_files(page):
    path = ROOT / page
    broken = []
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        file = (path.parent / unquote(target.split("#", 1)[0])).resolve()
        if not file.exists():
            broken.append(target)
    assert not broken, f"{page}: broken links {broken}"


def test_readme_links_the_docs_and_keeps_its_set_up_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in (
        "docs/index.md",
        "docs/cli.md",
        "docs/config.md",
        "docs/formats.md",
        "docs/rules/README.md",
        "docs/plugins.md",
        "docs/model.md",
    ):
        assert f"]({page})" in readme, page
    assert "pip install . && gxlint examples/shili-county-2021.txt" in readme
    assert "pip install -e '.[test]' && pytest" in readme


def test_rules_cite_the_format_page_users_can_read():
    """Every built-in rule's ``spec`` names sections of docs/format.md that exist; nothing cites the
    project's private notes (“spec §4 R8”)."""
    import re

    from gxlint.plugins import discovery as plugins_mod
    from gxlint.output.ruledocs import FORMAT_SECTIONS

    root = ROOT
    page = (root / "docs" / "format.md").read_text(encoding="utf-8")
    anchors = {
        re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
        for h in re.findall(r"^#{2,3} (.+)$", page, re.M)
    }
    assert set(FORMAT_SECTIONS) <= anchors, set(FORMAT_SECTIONS) - anchors
    rules = plugins_mod.cached(()).rules
    for code, rule in rules.items():
        if rule.plugin != "builtin" or not rule.spec:
            continue
        parts = [p.strip() for p in rule.spec.split(",")]
        assert set(parts) <= set(FORMAT_SECTIONS), (code, rule.spec)
    for path in list((root / "docs").rglob("*.md")) + list((root / "rules").glob("*.py")):
        assert "§" not in path.read_text(encoding="utf-8"), path


def test_the_wordings_gx205_and_gx206_read_are_a_user_document_in_sync_with_the_analysis():
    """The wordings of the text that GX205 and GX206 read are listed in docs/wordings.md, made from
    the claims analysis's documentation (which stands beside its patterns), and the rules' own
    documentation (``gxlint explain``) sends users there, not to a Python module."""
    from gxlint.lint.analyses import claims

    stale = generator.wordings_out_of_date(str(DOCS / "wordings.md"))
    assert not stale, f"{stale}\nRegenerate it from the repository root with:  {REGENERATE}"
    page = (DOCS / "wordings.md").read_text(encoding="utf-8")
    for word in ("收到|受理|接收|接到|新收|收悉", "结转|转入|顺延", "现行有效", "Skipped:"):
        assert word in page and word in (claims.__doc__ or ""), word
    assert "](wordings.md)" in (DOCS / "index.md").read_text(encoding="utf-8")
    for code in ("GX205", "GX206"):
        for lang in ("en", "zh"):
            result = gx("explain", code, "--lang", lang)
            assert result.exit_code == 0
            assert "docs/wordings.md" in result.output and "gxlint.lint.analyses" not in result.output


def test_the_documented_size_limits_of_a_file_are_the_code_s():
    """The size limit of a text file or web page is stated alike everywhere, and is gxlint's."""
    from gxlint.read.source import DEFAULT_MAX_BYTES, PACKED_FACTOR

    stated = []
    for name in ("robustness.md", "input.md", "cli.md", "performance.md"):
        doc = (DOCS / name).read_text(encoding="utf-8")
        stated += re.findall(r"(?:web page|HTML|size limit|file) (?:over|of|\() ?(\d+) MB", doc)
        stated += re.findall(r"(\d+) MB of text or HTML; (\d+) MB for \.pdf", doc)
    flat = [int(mb) for item in stated for mb in (item if isinstance(item, tuple) else (item,))]
    assert flat and set(flat) <= {
        DEFAULT_MAX_BYTES // 1048576,
        DEFAULT_MAX_BYTES * PACKED_FACTOR // 1048576,
    }, stated
