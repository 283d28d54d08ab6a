"""gxlint never writes to the files it lints, nor into the folders that hold them.

The files and folders are made read-only, and the test compares content hashes, sizes, modes and
modification times of everything under the linted folder before and after, plus the listing
itself (no file created, renamed or removed).  Running as root, read-only modes do not stop a
write, so the hashes and times are what prove it.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gxlint import lint_paths, parse_path
from gxlint.cli import main
from conftest import EXAMPLE, FIXTURES

GXLINT = Path(sys.executable).with_name("gxlint")


def snapshot(root: Path) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            st = path.lstat()
            digest = ""
            if stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = (
                stat.S_IFMT(st.st_mode),
                stat.S_IMODE(st.st_mode),
                st.st_size,
                st.st_mtime_ns,
                digest,
            )
    return out


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "reports"
    (root / "2021").mkdir(parents=True)
    (root / "2021" / "example.txt").write_bytes(EXAMPLE.read_bytes())
    for fixture in sorted(p for p in FIXTURES.iterdir() if p.is_file()):
        (root / fixture.name).write_bytes(fixture.read_bytes())
    (root / "crlf.txt").write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    (root / "gb.txt").write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    (root / "damaged.txt").write_bytes(EXAMPLE.read_bytes()[:900] + b"\xff" + EXAMPLE.read_bytes()[900:])
    (root / "empty.txt").write_bytes(b"")
    os.symlink(root / "2021" / "example.txt", root / "link.txt")
    paths = sorted(root.rglob("*"), key=lambda p: -len(p.parts))
    for path in paths:
        if not path.is_symlink():
            path.chmod(0o555 if path.is_dir() else 0o444)
    root.chmod(0o555)
    yield root
    for path in [root, *paths]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.slow  # the console script in a new process
def test_console_script_writes_nothing(tree, tmp_path):
    before = snapshot(tree)
    outside = tmp_path / "out"
    outside.mkdir()
    runs = [
        [str(GXLINT), str(tree)],  # default --jobs: worker processes
        [str(GXLINT), "--jobs", "1", "--format", "json", "--statistics", str(tree)],
        [str(GXLINT), "--format", "sarif", "--output-file", str(outside / "out.sarif"), str(tree)],
        [str(GXLINT), "--show-config", str(tree)],
        [str(GXLINT), "parse", "--format", "json", str(tree / "2021" / "example.txt")],
        [str(GXLINT), "parse", str(tree / "gb.txt")],
    ]
    for run in runs:
        result = subprocess.run(run, capture_output=True, text=True, cwd=tree)
        assert result.returncode in (0, 1), (run, result.stderr)
        assert "Traceback" not in result.stderr
    assert snapshot(tree) == before


@pytest.mark.slow
def test_library_writes_nothing(tree):
    before = snapshot(tree)
    findings = lint_paths([tree])
    assert findings  # the damaged and the empty files at least
    parse_path(tree / "crlf.txt")
    result = CliRunner().invoke(main, ["--jobs", "1", str(tree)])
    assert result.exit_code in (0, 1)
    assert snapshot(tree) == before


def test_snapshot_sees_a_write(tree):
    # the comparison is not vacuous: touching a file's content, or adding one, changes the snapshot
    before = snapshot(tree)
    target = tree / "empty.txt"
    target.chmod(0o644)
    target.write_bytes(b"x")
    target.chmod(0o444)
    after = snapshot(tree)
    assert after["empty.txt"][4] != before["empty.txt"][4]  # the content hash
    assert {k: v for k, v in after.items() if k != "empty.txt"} == {
        k: v for k, v in before.items() if k != "empty.txt"
    }
