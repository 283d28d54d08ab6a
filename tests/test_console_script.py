"""The installed ``gxlint`` console script in real subprocesses: a pipe gets no colour, a terminal
does unless NO_COLOR is set, progress appears on a terminal's standard error only, and exit codes
reach the shell."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from clitools import EXAMPLE, INLINE, reports

ANSI = re.compile(r"\x1b\[[0-9;]*[mK]")
SCRIPT = shutil.which("gxlint", path=os.path.dirname(sys.executable))


def env(**extra):
    out = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GXLINT_TRACEBACK")}
    out.update(extra)
    return out


@pytest.fixture(autouse=True)
def script():
    if SCRIPT is None:
        pytest.skip(f"the gxlint console script is not installed beside {sys.executable}")


def run(*args, cwd=None, **kw):
    return subprocess.run([SCRIPT, *map(str, args)], capture_output=True, cwd=cwd, timeout=120, **kw)


def run_on_tty(*args, stderr_tty=True, stdout_tty=True, extra_env=None, cwd=None):
    """Run with standard output and/or standard error on a pseudo-terminal; returns
    (exit code, what the terminal showed, what went to the pipes)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([SCRIPT, *map(str, args)], stdout=slave if stdout_tty else subprocess.PIPE,
                            stderr=slave if stderr_tty else subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=env(COLUMNS="100", **(extra_env or {})), cwd=cwd)
    os.close(slave)
    piped: list[bytes] = []
    # drain the pipes beside the terminal, or a child writing more than a pipe holds would block
    readers = [threading.Thread(target=lambda s=s: piped.append(s.read())) for s in (proc.stdout, proc.stderr) if s]
    for reader in readers:
        reader.start()
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    for reader in readers:
        reader.join(timeout=120)
    code = proc.wait(timeout=120)
    os.close(master)
    return code, shown.decode("utf-8"), b"".join(piped).decode("utf-8")


def test_pipe_has_no_colour_and_exit_codes_reach_the_shell(tmp_path):
    result = run("--isolated", "--fail-on", "warning", INLINE, env=env())
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    assert "GX003 [warning]" in out and not ANSI.search(out)
    assert run("--isolated", EXAMPLE, env=env()).returncode == 0
    missing = run("--isolated", "--lang", "en", tmp_path / "missing.txt", env=env())
    assert missing.returncode == 1
    assert f"GX001 [error] no such file or directory: {tmp_path / 'missing.txt'}" in missing.stdout.decode("utf-8")
    assert missing.stderr == b""
    bad_option = run("--no-such-option", EXAMPLE, env=env())
    assert bad_option.returncode == 2 and b"Traceback" not in bad_option.stderr


def test_terminal_gets_colour_unless_no_color():
    code, shown, _ = run_on_tty("--isolated", INLINE)
    assert code == 0 and "\x1b[33m" in shown  # the warning in yellow
    code, shown, _ = run_on_tty("--isolated", INLINE, extra_env={"NO_COLOR": "1"})
    assert code == 0 and "GX003 [warning]" in shown and not ANSI.search(shown)


def test_json_on_a_terminal_is_plain_json():
    code, shown, _ = run_on_tty("--isolated", "-f", "json", INLINE)
    assert [f["code"] for f in json.loads(shown)] == ["GX003"]


def test_stdin_through_a_real_pipe():
    result = run("--isolated", "-f", "json", "--stdin-filename", "in.txt", "-", input=INLINE.read_bytes(), env=env())
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [("in.txt", "GX003")]


def _many(tmp_path: Path, copies: int = 40) -> Path:
    folder = tmp_path / "many"
    for i in range(copies):
        reports(folder / f"batch{i:02d}")
    return folder


@pytest.mark.slow
def test_progress_on_a_terminal_stderr_never_in_the_output(tmp_path):
    folder = _many(tmp_path)
    # standard error on a terminal, JSON into a pipe: progress shows, the JSON stays clean
    code, shown, piped = run_on_tty("--isolated", "--select", "GX0", "-j", "1", "-f", "json", folder, stdout_tty=False)
    assert code == 1
    assert re.search(r"\[ *\d+/320\] +\d+%", shown), shown[:300]
    assert shown.endswith("\r\x1b[K")  # erased at the end
    assert len(json.loads(piped)) == 40 * 4


@pytest.mark.slow
def test_no_progress_on_a_pipe_or_with_json_on_the_terminal(tmp_path):
    folder = _many(tmp_path)
    result = run("--isolated", "--select", "GX0", "-j", "1", folder, env=env())
    assert "%" not in result.stderr.decode("utf-8") and result.stderr == b""
    code, shown, _ = run_on_tty("--isolated", "--select", "GX0", "-j", "1", "-f", "json", folder)
    assert "/320]" not in shown
    assert len(json.loads(shown)) == 160


@pytest.mark.slow
def test_full_output_on_a_terminal_with_progress_is_not_garbled(tmp_path):
    folder = _many(tmp_path)
    code, shown, _ = run_on_tty("--isolated", "--select", "GX0", "-j", "2", "--no-color", folder)
    # every finding line starts at the left margin: progress was erased before each write
    visible = [ANSI.sub("", line.split("\r")[-1]) for line in shown.replace("\r\n", "\n").split("\n")]
    headlines = [line for line in visible if re.match(r"\S+:\d+:\d+: GX00\d ", line)]
    assert len(headlines) == 160
    assert visible[-2].startswith("发现 160 个问题") or visible[-1].startswith("发现 160 个问题")


def test_a_closed_pipe_stops_quietly(tmp_path):
    folder = reports(tmp_path / "r")
    for i in range(30):
        reports(folder / f"copy{i}")
    proc = subprocess.Popen([SCRIPT, "--isolated", "-f", "json-lines", "-j", "2", folder], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env())
    proc.stdout.readline()
    proc.stdout.close()  # like `gxlint ... | head -1`
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 2
    assert stderr == ""
