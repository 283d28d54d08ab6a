"""Helpers for the command-line tests: invoking gxlint, fixture reports, a probe plugin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from gxlint.plugins import discovery as plugins_mod
from gxlint.cli import main
from gxlint.plugins.hookspecs import hookimpl
from gxlint.model import Span
from gxlint.lint.rule import Option, Rule

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"
#: the run-together fixture: exactly one GX003 (warning), on line 5
INLINE = FIXTURES / "shili-2021-inline.txt"


def gx(*args: str, input: str | bytes | None = None, env: dict | None = None):
    """Run ``gxlint ARGS`` in-process; stdout and stderr are kept apart (result.stdout / .stderr)."""
    return CliRunner().invoke(
        main, [str(a) for a in args], input=input, env=env, prog_name="gxlint", catch_exceptions=False
    )


def findings(result) -> list[dict]:
    assert result.stdout.lstrip().startswith("["), result.output
    return json.loads(result.stdout)


def reports(folder: Path) -> Path:
    """A folder of several reports: the example and every fixture, a nested copy, an empty file
    (GX002), a binary file (GX001) and a run-together report (GX003)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLE, folder / "example.txt")
    for fixture in sorted(FIXTURES.iterdir()):
        if fixture.suffix in (".txt", ".md"):
            shutil.copy(fixture, folder / fixture.name)
    (folder / "sub").mkdir(exist_ok=True)
    shutil.copy(INLINE, folder / "sub" / "inline-copy.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "notes.xlsx").write_bytes(b"not linted: not a report form")
    return folder


# -- a probe plugin: reports what the rule context says, to test --template/--organ/--lang ---------


class Probe(Rule):
    """Reports the template, organ and language the engine gave the rule.

    Anti-pattern::

        (any report)

    Best practice::

        (none: a test rule)
    """

    code = "ZZ901"
    name = "context-probe"
    severity = "info"
    summary = "reports the rule context"
    summary_zh = "报告规则上下文"
    options = {"label": Option("probe", "a string option"), "limit": Option(3, "an integer option")}

    def check(self, report, ctx):
        template = ctx.template.id if ctx.template is not None else None
        text = (
            f"template={template} organ={ctx.organ} label={ctx.options['label']} limit={ctx.options['limit']}"
        )
        yield ctx.finding(Span(1, 1, 1, 2), zh="探针 " + text, en="probe " + text)


class ProbePlugin:
    @hookimpl
    def gxlint_rules(self):
        return [Probe]


def with_probe(monkeypatch) -> plugins_mod.Plugins:
    """Make the CLI see the built-in rules plus the probe rule ZZ901."""
    loaded = plugins_mod.load(extra=[ProbePlugin()])
    monkeypatch.setitem(plugins_mod._CACHE, (), loaded)
    return loaded
