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

pytestmark = pytest.mark.slow  # every test runs the installed console script in a new process

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
    proc = subprocess.Popen(
        [SCRIPT, *map(str, args)],
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env(COLUMNS="100", **(extra_env or {})),
        cwd=cwd,
    )
    os.close(slave)
    piped: list[bytes] = []
    # drain the pipes beside the terminal, or a child writing more than a pipe holds would block
    readers = [
        threading.Thread(target=lambda s=s: piped.append(s.read())) for s in (proc.stdout, proc.stderr) if s
    ]
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
    assert "GX003 [警告]" in out and not ANSI.search(out)
    assert "GX003 [warning]" in run("--isolated", "--lang", "en", INLINE, env=env()).stdout.decode("utf-8")
    assert run("--isolated", EXAMPLE, env=env()).returncode == 0
    missing = run("--isolated", "--lang", "en", tmp_path / "missing.txt", env=env())
    assert missing.returncode == 1
    assert f"GX001 [error] no such file or directory: {tmp_path / 'missing.txt'}" in missing.stdout.decode(
        "utf-8"
    )
    assert missing.stderr == b""
    bad_option = run("--no-such-option", EXAMPLE, env=env())
    assert bad_option.returncode == 2 and b"Traceback" not in bad_option.stderr


def test_terminal_gets_colour_unless_no_color():
    code, shown, _ = run_on_tty("--isolated", INLINE)
    assert code == 0 and "\x1b[33m" in shown  # the warning in yellow
    code, shown, _ = run_on_tty("--isolated", INLINE, extra_env={"NO_COLOR": "1"})
    assert code == 0 and "GX003 [警告]" in shown and not ANSI.search(shown)


def test_json_on_a_terminal_is_plain_json():
    code, shown, _ = run_on_tty("--isolated", "-f", "json", INLINE)
    assert [f["code"] for f in json.loads(shown)] == ["GX003"]


def test_stdin_through_a_real_pipe():
    result = run(
        "--isolated", "-f", "json", "--stdin-filename", "in.txt", "-", input=INLINE.read_bytes(), env=env()
    )
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
    code, shown, piped = run_on_tty(
        "--isolated", "--select", "GX0", "-j", "1", "-f", "json", folder, stdout_tty=False
    )
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
def test_no_progress_with_quiet(tmp_path):
    code, shown, _ = run_on_tty("--isolated", "--select", "GX0", "-j", "1", "-q", _many(tmp_path, 10))
    assert code == 1 and "/80]" not in shown and "GX002" in shown


@pytest.mark.slow
def test_full_output_on_a_terminal_with_progress_is_not_garbled(tmp_path):
    folder = _many(tmp_path)
    code, shown, _ = run_on_tty("--isolated", "--select", "GX0", "-j", "2", "--no-color", folder)
    # every finding line starts at the left margin: progress was erased before each write
    visible = [ANSI.sub("", line.split("\r")[-1]) for line in shown.replace("\r\n", "\n").split("\n")]
    headlines = [line for line in visible if re.match(r"\S+:\d+:\d+: GX00\d ", line)]
    assert len(headlines) == 160
    assert visible[-2].startswith("发现 160 个问题") or visible[-1].startswith("发现 160 个问题")


def _big_folder(tmp_path: Path, copies: int = 30) -> Path:
    folder = reports(tmp_path / "r")
    for i in range(copies):
        reports(folder / f"copy{i}")
    return folder


def _read_one_line_and_close(*args):
    """``gxlint ARGS | head -1``: read one line, close the pipe; returns (exit code, stderr)."""
    proc = subprocess.Popen(
        [SCRIPT, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env()
    )
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    return proc.wait(timeout=120), stderr


def test_a_closed_pipe_exits_as_if_the_output_had_been_read(tmp_path):
    folder = _big_folder(tmp_path)
    # errors (GX001, GX002) in the folder: exit 1, as the whole output would have given
    code, stderr = _read_one_line_and_close("--isolated", "-f", "json-lines", "-j", "2", folder)
    assert (code, stderr) == (1, "")
    # only warnings (GX003; the unreadable file's GX001 is reported whatever is selected, unless
    # ignored): 0; with --fail-on warning: 1
    only = ("--isolated", "--select", "GX003", "--ignore", "GX001")
    code, stderr = _read_one_line_and_close(*only, "-f", "concise", "-j", "2", folder)
    assert (code, stderr) == (0, "")
    code, stderr = _read_one_line_and_close(*only, "--fail-on", "warning", "-f", "concise", "-j", "2", folder)
    assert (code, stderr) == (1, "")
    # serially, and with the output still in Python's buffer when the pipe closes
    code, stderr = _read_one_line_and_close("--isolated", "-j", "1", EXAMPLE)
    assert (code, stderr) == (0, "")
    # other commands: what was read was the output
    code, stderr = _read_one_line_and_close("rules")
    assert (code, stderr) == (0, "")


@pytest.mark.slow
def test_parallel_runs_never_print_exceptions_at_exit(tmp_path):
    folder = reports(tmp_path / "r")
    for i in range(12):
        result = run("--isolated", "--select", "GX0", "-j", "2", "-f", "concise", folder, env=env())
        assert result.returncode == 1
        assert result.stderr == b"", result.stderr.decode(
            "utf-8", "replace"
        )  # no "Exception ignored ... Bad file descriptor"


SLOW_WORKERS = """
import sys, time
from gxlint.run import runner
from gxlint.cli import main
real = runner.lint_one
def slow(linter, path):
    time.sleep(60)  # a worker busy with a long file
    return real(linter, path)
runner.lint_one = slow
sys.argv = ["gxlint", *sys.argv[1:]]
main()
"""


def _stopped(folder, number: int, *options: str) -> tuple[int, str, float, list[str]]:
    """gxlint ``-j 2`` over ``folder`` with its workers in a 60-second sleep, sent the signal
    ``number`` after 2 seconds: its exit code, standard error, how long it took to end after the
    signal, and the processes of its group still running then (a worker that outlived it; a dead
    one that no one waited for, a zombie where pid 1 reaps none, is not running)."""
    import signal
    import time

    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WORKERS, "--isolated", *options, "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        start_new_session=True,
    )
    try:
        time.sleep(2)  # the workers are in their 60-second sleep
        proc.send_signal(number)
        sent = time.monotonic()
        _, err = proc.communicate(timeout=20)  # the pipes close only when no worker holds them
        elapsed = time.monotonic() - sent
        time.sleep(0.5)  # a worker that outlived its parent would still be there
        listed = subprocess.run(
            ["ps", "-o", "stat=,args=", "-g", str(proc.pid)], capture_output=True, text=True
        )
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left, so that no test leaves processes
        except ProcessLookupError:
            pass
        proc.wait()
    alive = [
        line for line in listed.stdout.splitlines() if line.strip() and not line.lstrip().startswith("Z")
    ]
    return proc.returncode, err.decode("utf-8"), elapsed, alive


def _examples(folder, count: int):
    folder.mkdir()
    for i in range(count):
        shutil.copy(EXAMPLE, folder / f"示例县-{i:02}.txt")
    return folder


def test_ctrl_c_stops_within_a_second_whatever_the_workers_do(tmp_path):
    import signal

    code, err, elapsed, alive = _stopped(reports(tmp_path / "r"), signal.SIGINT)
    assert code == 130
    assert err == "gxlint：已中断\n"
    assert elapsed < 10, elapsed  # not the workers' 60-second sleep
    assert alive == [], "worker processes left running"


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_stop_the_run_and_its_workers_as_ctrl_c_does(tmp_path, name):
    """What a cancelled CI job, ``timeout`` or ``docker stop`` sends.  Before: the main process
    died at once (its default) and the worker processes ran on for ever, orphaned."""
    import signal

    number = getattr(signal, name)
    code, err, elapsed, alive = _stopped(_examples(tmp_path / "many", 60), number, "--lang", "en")
    assert code == 128 + number, (code, err)
    assert err == f"gxlint: terminated ({name})\n"
    assert elapsed < 10, elapsed  # not the workers' 60-second sleep
    assert alive == [], "worker processes left running"


def test_workers_die_with_a_parent_that_was_killed(tmp_path):
    """SIGKILL (or a crash) leaves the parent nothing to stop its workers with: on Linux the kernel
    ends them.  Before: they slept on for a minute, holding the output's pipe, so that a program
    reading gxlint's output hung."""
    import signal

    if not sys.platform.startswith("linux"):
        pytest.skip("the kernel's parent-death signal is Linux's")
    code, _, elapsed, alive = _stopped(_examples(tmp_path / "many", 20), signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert elapsed < 10, elapsed  # the output's pipe closed: no worker holds it
    assert alive == [], "worker processes left running"


def test_star_import():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from gxlint import *; print(sorted(k for k in dir() if not k.startswith('_')))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    import gxlint

    names = eval(result.stdout)
    assert set(gxlint.__all__) - {"__version__"} <= set(names) and "lint_text" in names


# -- any terminal: console encodings, the C locale, Chinese paths ------------------------------------------


@pytest.fixture
def chinese_folder(tmp_path):
    """A report under a folder and a file with Chinese names, whose chapter heading holds a bullet and
    a thin space (both outside GBK), so the finding's message and snippet hold them.  (Not a no-break
    space: a text file's is read as a space.)"""
    folder = tmp_path / "示例县 报告"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "## 一、总体情况\n", "## 一、工作概况•总体\u2009情况\n"
    )
    (folder / "2021年报告.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_gbk_console_gets_gbk_and_replacement_characters(chinese_folder):
    result = run("--isolated", chinese_folder, env=env(PYTHONIOENCODING="gbk"))
    assert result.stderr == b"", result.stderr.decode("gbk", "replace")
    assert result.returncode == 0  # GX103 is a warning
    out = result.stdout.decode("gbk")  # every byte is GBK: no mojibake
    assert f"{chinese_folder.name}/2021年报告.txt:7:1: GX103 [警告]" in out
    assert "工作概况?总体?情况" in out  # replaced, not a crash
    assert re.search(r"^发现 1 个问题（错误 0，警告 1，提示 0），涉及 1 个文件；共检查 1 个文件", out, re.M)
    # gxlint's own messages on standard error too
    bad = run("--no-such-option", chinese_folder, env=env(PYTHONIOENCODING="gbk"))
    assert bad.returncode == 2 and "错误：没有选项 '--no-such-option'" in bad.stderr.decode("gbk")


@pytest.mark.parametrize(
    "variables", [{"LANG": "C"}, {"LANG": "C", "LC_ALL": "C"}], ids=["LANG=C", "LC_ALL=C"]
)
def test_the_c_locale_gets_readable_chinese(chinese_folder, variables):
    environ = {
        k: v
        for k, v in env().items()
        if not k.startswith("LC_") and k not in ("LANG", "PYTHONIOENCODING", "PYTHONUTF8")
    }
    environ.update(variables)
    result = run("--isolated", chinese_folder.name, env=environ, cwd=chinese_folder.parent)
    assert result.stderr == b"", result.stderr
    out = result.stdout.decode("utf-8")
    assert "示例县 报告/2021年报告.txt:7:1: GX103 [警告] 章节标题“一、工作概况•总体\u2009情况”" in out
    assert "共检查 1 个文件" in out
    as_json = run("--isolated", "-f", "json", chinese_folder.name, env=environ, cwd=chinese_folder.parent)
    assert json.loads(as_json.stdout.decode("utf-8"))[0]["path"] == "示例县 报告/2021年报告.txt"
