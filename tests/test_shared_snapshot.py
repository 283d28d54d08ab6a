"""What gxlint reports on every real report and form in ../shared, recorded: the JSON findings in both
languages and the parsed tree of each file. The record keeps the place, code and severity of each
finding and a digest of its words (the reports are other people's texts; the project keeps no copy). A change that means to alter them regenerates the record
(``GXLINT_UPDATE_SNAPSHOT=1 pytest tests/test_shared_snapshot.py``) and the diff shows what moved; a
change that does not mean to (a refactoring) must leave it byte-identical."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from clitools import gx
from conftest import SHARED

pytestmark = pytest.mark.slow  # every report in ../shared, read and linted twice

RECORD = Path(__file__).resolve().parent / "snapshots"
SUFFIXES = {".txt", ".html", ".docx", ".pdf"}


def shared_files() -> list[str]:
    if not SHARED.is_dir():
        pytest.skip(f"real reports not available: {SHARED} does not exist (../shared is absent)")
    found = [
        p
        for part in ("seeds", "corpus", "forms")
        for p in sorted((SHARED / part).rglob("*"))
        if p.suffix in SUFFIXES
    ]
    return [p.relative_to(SHARED).as_posix() for p in sorted(found)]


def run_in_shared(*args: str) -> str:
    here = os.getcwd()
    os.chdir(SHARED)
    try:
        result = gx(*args)
    finally:
        os.chdir(here)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


CASES = {
    "findings-zh.json": ("--format", "json", "--isolated", "--lang", "zh"),
    "findings-en.json": ("--format", "json", "--isolated", "--lang", "en"),
    "parse.jsonl": ("parse", "--format", "json-lines"),
}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def recorded(name: str, output: str) -> str:
    """The output as kept in the record: findings with their words digested, one parsed file a line."""
    if name.endswith(".jsonl"):
        rows = [json.loads(line) for line in output.splitlines() if line.strip()]
        return "".join(f"{row.get('path')}\t{digest(json.dumps(row, ensure_ascii=False))}\n" for row in rows)
    lines = []
    for f in json.loads(output):
        kept = {k: (digest(v) if k in ("message", "fix") and isinstance(v, str) else v) for k, v in f.items()}
        lines.append(json.dumps(kept, ensure_ascii=False, sort_keys=True) + "\n")
    return "".join(lines)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_on_the_shared_reports_is_as_recorded(name):
    files = shared_files()
    got = recorded(name, run_in_shared(*CASES[name], *files))
    record = RECORD / name
    if os.environ.get("GXLINT_UPDATE_SNAPSHOT"):
        record.parent.mkdir(exist_ok=True)
        record.write_text(got, encoding="utf-8")
    assert record.exists(), f"no record yet: run GXLINT_UPDATE_SNAPSHOT=1 pytest {__file__}"
    assert got == record.read_text(encoding="utf-8"), (
        f"output differs from {record.name}; if the change is meant, regenerate it with "
        "GXLINT_UPDATE_SNAPSHOT=1 and review the diff"
    )
