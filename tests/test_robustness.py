"""Bad input of every kind: what gxlint does with it (docs/robustness.md has the same table).

Each case runs ``gxlint`` on the bad input together with a good report and a *canary* (a file that
is not a report, so it always gives GX002): the bad input gets a clear message naming the file and
the problem, the exit code is the documented one, nothing is printed as a traceback, and the
canary's finding proves the other files of the run were still linted.

Exit codes: 1 when a file cannot be checked (GX001/GX002 are errors, like any finding at the
failing level); 0 when the odd input is read fine (UTF-16, GB18030); 2 for a broken configuration
or a required plugin that failed (the run stops before any file is linted).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from gxlint.plugins import discovery as plugins_mod
from gxlint.cli import main
from gxlint.run.linter import Linter
from gxlint.plugins.hookspecs import hookimpl
from gxlint.lint.rule import Rule
from conftest import EXAMPLE

GOOD = EXAMPLE.read_text(encoding="utf-8")
CANARY_TEXT = "会议纪要\n今天讨论了三件事。\n"
GXLINT = Path(sys.executable).with_name("gxlint")


@dataclass
class Case:
    id: str
    make: Callable[[Path], list[str]]  # writes the bad input under the folder, returns the paths to pass
    exit_code: int | None  # None: the same as for the example report (the input reads as the example)
    findings: list[tuple[str, str]]  # (code, words of the English message) expected, each exactly once
    only: bool = False  # nothing else is reported for the input (it has no text any rule could check)


def _write(folder: Path, name: str, data: bytes) -> list[str]:
    path = folder / name
    path.write_bytes(data)
    return [str(path)]


NUL_LINE = GOOD[: GOOD.index("一、总体情况")].count("\n") + 1


def _nul_inside(folder: Path) -> list[str]:
    text = GOOD.encode("utf-8")
    cut = text.index("一、总体情况".encode("utf-8"))
    return _write(folder, "nul.txt", text[:cut] + b"\x00" + text[cut:])


def _invalid_utf8(folder: Path) -> list[str]:
    # two damaged bytes in a file that is otherwise read and linted (it is not a report: GX002)
    prose = "今天讨论了三件事，第一件是会议室的安排。\n" * 40
    return _write(
        folder, "damaged.txt", "会议纪要\n今天讨论了".encode("utf-8") + b"\xff\xfe" + prose.encode("utf-8")
    )


def _dir_with_report(folder: Path) -> list[str]:
    target = folder / "looks-like-a-file.txt"
    target.mkdir()
    (target / "inside.txt").write_text(CANARY_TEXT, encoding="utf-8")
    return [str(target)]


def _empty_dir(folder: Path) -> list[str]:
    target = folder / "report.txt"
    target.mkdir()
    (target / "notes.xlsx").write_bytes(b"PK")
    return [str(target)]


def _huge(folder: Path) -> list[str]:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, instant to create
    return [str(path)]


def _symlink_loop(folder: Path) -> list[str]:
    root = folder / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(CANARY_TEXT, encoding="utf-8")
    os.symlink(root, root / "sub" / "back")  # sub/back -> tree: a loop
    os.symlink(root / "sub", root / "sub" / "self-parent")  # sub/self-parent -> sub
    os.symlink(folder / "nowhere.txt", root / "dangling.txt")
    return [str(root)]


def _random_bytes(seed: int, nul: bool) -> bytes:
    import random

    rng = random.Random(seed)
    low = 0 if nul else 1
    data = bytes(rng.randrange(low, 256) for _ in range(4000))
    return data if not nul else data + b"\x00"


PDF_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def _zip(folder: Path, name: str, entries: dict[str, bytes]) -> list[str]:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return _write(folder, name, buffer.getvalue())


def _empty_docx(folder: Path) -> list[str]:
    body = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        b'main"><w:body><w:sectPr/></w:body></w:document>'
    )
    return _zip(folder, "empty.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": body})


def _pdf_bomb(folder: Path) -> list[str]:
    # a page tree claiming 100,000 pages, all the same page object: tiny on disk, absurd to render
    from pdfbytes import raw_pdf

    kids = b" ".join(b"3 0 R" for _ in range(100_000))
    return _write(
        folder,
        "bomb.pdf",
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 100000 /Kids [" + kids + b"] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            ]
        ),
    )


def _huge_html(folder: Path) -> list[str]:
    path = folder / "huge.html"
    with open(path, "wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(50 * 1024 * 1024)
    return [str(path)]


CASES = [
    Case(
        "old Word .doc",
        lambda d: _write(d, "report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),
        1,
        [("GX001", "old binary Office/WPS format")],
        only=True,
    ),
    Case(
        "WPS file",
        lambda d: _write(d, "report.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),
        1,
        [("GX001", "save it as .docx (or .txt)")],
        only=True,
    ),
    Case(
        "a zip that is not a docx",
        lambda d: _zip(d, "report.docx", {"notes.txt": b"x"}),
        1,
        [("GX001", "not a valid Word document")],
        only=True,
    ),
    Case("docx with no body", _empty_docx, 1, [("GX001", "holds no readable text")], only=True),
    Case(
        "docx named so, not a zip",
        lambda d: _write(d, "report.docx", b"\x01\x02 not a zip at all"),
        1,
        [("GX001", "named .docx but its content is not")],
        only=True,
    ),
    Case(
        "encrypted PDF",
        lambda d: _write(d, "secret.pdf", (PDF_FIXTURES / "encrypted.pdf").read_bytes()),
        1,
        [("GX001", "encrypted")],
        only=True,
    ),
    Case(
        "scanned PDF",
        lambda d: _write(d, "scan.pdf", (PDF_FIXTURES / "scanned.pdf").read_bytes()),
        1,
        [("GX001", "scanned")],
        only=True,
    ),
    Case(
        "truncated PDF",
        lambda d: _write(d, "cut.pdf", (PDF_FIXTURES / "report.pdf").read_bytes()[:700]),
        1,
        [("GX001", "PDF")],
        only=True,
    ),
    Case("PDF bomb", _pdf_bomb, 1, [("GX001", "pages")], only=True),
    Case(
        "HTML with no text",
        lambda d: _write(
            d,
            "blank.html",
            b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
        ),
        1,
        [("GX001", "")],
        only=True,
    ),
    Case("50 MB HTML page", _huge_html, 1, [("GX001", "file too large")], only=True),
    Case("empty file", lambda d: _write(d, "empty.txt", b""), 1, [("GX002", "empty")]),
    # a download that failed leaves 0 bytes under the name it was meant to have: empty, not misnamed
    Case("empty .pdf", lambda d: _write(d, "empty.pdf", b""), 1, [("GX002", "the file is empty")], only=True),
    Case(
        "empty .docx", lambda d: _write(d, "empty.docx", b""), 1, [("GX002", "the file is empty")], only=True
    ),
    Case(
        "whitespace only", lambda d: _write(d, "blank.txt", b" \n\t\n\xe3\x80\x80\n"), 1, [("GX002", "empty")]
    ),
    Case(
        "binary file",
        lambda d: _write(d, "program.txt", b"\x7fELF\r\n\x1a\n" + _random_bytes(1, nul=True)),
        1,
        [("GX001", "binary file (NUL byte on line")],
        only=True,
    ),
    Case(
        "binary without NUL bytes",
        lambda d: _write(d, "noise.txt", _random_bytes(2, nul=False)),
        1,
        [("GX001", "unknown encoding")],
        only=True,
    ),
    Case(
        "NUL bytes inside text",
        _nul_inside,
        1,
        [("GX001", f"binary file (NUL byte on line {NUL_LINE})")],
        only=True,
    ),
    Case("UTF-16 with BOM", lambda d: _write(d, "utf16.txt", GOOD.encode("utf-16")), None, []),
    # Notepad's "Unicode" saved without its byte-order mark, little and big end first
    Case("UTF-16 without BOM", lambda d: _write(d, "utf16le.txt", GOOD.encode("utf-16-le")), None, []),
    Case("UTF-16BE without BOM", lambda d: _write(d, "utf16be.txt", GOOD.encode("utf-16-be")), None, []),
    # UTF-32 (two NUL bytes in every four): read as such, never as UTF-16 with a NUL between characters
    Case("UTF-32 with BOM", lambda d: _write(d, "utf32.txt", GOOD.encode("utf-32")), None, []),
    Case(
        "UTF-32BE with BOM",
        lambda d: _write(d, "utf32be.txt", b"\x00\x00\xfe\xff" + GOOD.encode("utf-32-be")),
        None,
        [],
    ),
    Case("UTF-32 without BOM", lambda d: _write(d, "utf32le.txt", GOOD.encode("utf-32-le")), None, []),
    Case("GB18030", lambda d: _write(d, "gb.txt", GOOD.encode("gb18030")), None, []),
    Case(
        "invalid UTF-8 in the middle",
        _invalid_utf8,
        1,
        [("GX001", "invalid UTF-8 bytes from line 2 column 6"), ("GX002", "no annual-report structure")],
    ),
    Case("directory given as a file", _dir_with_report, 1, [("GX002", "no annual-report structure")]),
    Case(
        "directory with nothing to check",
        _empty_dir,
        1,
        [("GX001", "no files to check in directory")],
        only=True,
    ),
    Case(
        "missing path",
        lambda d: [str(d / "missing.txt")],
        1,
        [("GX001", "no such file or directory")],
        only=True,
    ),
    Case(
        "50 MB file", _huge, 1, [("GX001", "file too large (50.0 MB, limit 10 MB); not checked")], only=True
    ),
    Case(
        "symlink loop in a directory",
        _symlink_loop,
        1,
        [("GX002", "no annual-report structure"), ("GX001", "broken symbolic link")],
    ),
]


def _example_run() -> tuple[int, list[tuple]]:
    """Exit code and findings (without the path) of the example report itself."""
    result = _lint([str(EXAMPLE)])
    return result.exit_code, [_strip_path(f) for f in json.loads(result.stdout)]


def _strip_path(finding: dict) -> tuple:
    return tuple((k, v) for k, v in sorted(finding.items()) if k != "path")


def _lint(args: list[str]):
    result = CliRunner().invoke(
        main, ["--isolated", "--format", "json", "--lang", "en", "--jobs", "1", *args]
    )
    return result


def _check_run(result, case: Case, bad: list[str], good: str, canary: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)  # the canary is an error
    findings = json.loads(result.stdout)
    assert not [f for f in findings if f["code"] == "GX000"], findings
    # the other files of the run were linted: the canary's finding is there, the good report as alone
    assert [f["code"] for f in findings if f["path"] == canary].count("GX002") == 1
    assert [_strip_path(f) for f in findings if f["path"] == good] == _example_run()[1]
    mine = [f for f in findings if f["path"] not in (canary, good)]
    assert all(any(f["path"].startswith(b) for b in bad) for f in mine)  # each names the bad file
    for code, words in case.findings:
        hits = [f for f in mine if f["code"] == code and words in f["message"]]
        assert len(hits) == 1, (code, words, mine)  # there, and not twice
    if case.only:
        assert len(mine) == len(case.findings), mine
    if case.exit_code is None:  # read like the example: the same findings
        assert [_strip_path(f) for f in mine] == _example_run()[1]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case, tmp_path):
    bad = case.make(tmp_path)
    good = tmp_path / "good-report.txt"
    good.write_text(GOOD, encoding="utf-8")
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    # alone: the documented exit code
    alone = _lint(bad)
    assert "Traceback" not in alone.stderr
    expected = _example_run()[0] if case.exit_code is None else case.exit_code
    assert alone.exit_code == expected, (alone.stdout, alone.stderr)
    # with other files: they are still linted
    _check_run(_lint([str(good), *bad, str(canary)]), case, bad, str(good), str(canary))


def test_symlink_loop_lints_each_file_once(tmp_path):
    bad = _symlink_loop(tmp_path)
    findings = json.loads(_lint(bad).stdout)
    assert {Path(f["path"]).name for f in findings} == {"a.txt", "dangling.txt"}
    assert [f["code"] for f in findings].count("GX002") == 1  # a.txt once, not again through the loop


def test_a_few_stray_bytes_in_a_short_utf8_report_are_replaced_not_an_unknown_encoding():
    from gxlint.read.source import decode

    # ten stray bytes in a short report: 0.3 % of its bytes, but more than 1 in 200 of its characters
    lines = GOOD.encode("utf-8").split(b"\n")
    damaged_lines = [i for i, line in enumerate(lines) if line.strip()][10:20]
    for i in damaged_lines:
        lines[i] += b" \xff"
    data = b"\n".join(lines)
    data = data[: data.index(b"\n", data.index(b"\xff") + 2000)]  # the first 2000 bytes after the first
    text, encoding, problems = decode(data)
    assert encoding == "utf-8" and text.count("\ufffd") >= 10
    [problem] = problems
    assert not problem.fatal and "replaced" in problem.message_en
    # bytes mostly not UTF-8 are still no text
    assert decode(_random_bytes(2, nul=False))[2][0].fatal


def _unblock(fifo: Path) -> None:
    """Let a reader blocked on opening ``fifo`` go on (at the end of the file): open it for writing."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # no reader waits on it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import threading

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(CANARY_TEXT, encoding="utf-8")
    os.mkfifo(folder / "zz-pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    results: list = []
    run = threading.Thread(
        target=lambda: results.append(_lint([str(folder), str(tmp_path / "named.txt")])), daemon=True
    )
    run.start()
    run.join(20)
    blocked = run.is_alive()
    while run.is_alive():  # without the check, the run waits on a pipe: let it end
        _unblock(folder / "zz-pipe.txt")
        _unblock(tmp_path / "named.txt")
        run.join(0.5)
    assert not blocked, "the run waited for a writer on a named pipe"
    findings = json.loads(results[0].stdout)
    by_name = {Path(f["path"]).name: f for f in findings}
    assert by_name["a.txt"]["code"] == "GX002"  # the other file of the folder was linted
    for name in ("zz-pipe.txt", "named.txt"):
        assert by_name[name]["code"] == "GX001"
        assert "not a regular file (a named pipe)" in by_name[name]["message"]


# -- read permission ------------------------------------------------------------------------------------


@contextmanager
def _as_nobody():
    """Run the block with the effective uid of an unprivileged user (root can switch back)."""
    if not hasattr(os, "seteuid"):
        pytest.skip("no POSIX user ids on this platform")
    if os.geteuid() != 0:
        yield  # already unprivileged: chmod 000 is enough
        return
    try:
        import pwd

        nobody = pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        pytest.skip("running as root and there is no 'nobody' user to drop privileges to")
    os.setegid(nobody.pw_gid)
    os.seteuid(nobody.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_path_without_read_permission(monkeypatch):
    if os.access in os.supports_effective_ids:
        # os.access asks about the real user (root here) unless told otherwise: as the unprivileged
        # user a run really is, a file with mode 000 is unreadable to the check too (click's
        # readable= test said so, and stopped the whole run with a usage error)
        access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: access(path, mode, effective_ids=True))
    _lint(
        [str(EXAMPLE)]
    )  # import everything first: the unprivileged user cannot read the interpreter's files
    folder = Path(tempfile.mkdtemp(prefix="gxlint-perm-"))
    try:
        folder.chmod(0o755)  # reachable by the unprivileged user (pytest's tmp_path is not)
        secret = folder / "secret.txt"
        secret.write_text(GOOD, encoding="utf-8")
        secret.chmod(0)
        locked = folder / "locked"
        locked.mkdir()
        (locked / "inside.txt").write_text(GOOD, encoding="utf-8")
        locked.chmod(0)
        canary = folder / "canary.txt"
        canary.write_text(CANARY_TEXT, encoding="utf-8")
        canary.chmod(0o644)
        with _as_nobody():
            if os.access(secret, os.R_OK, effective_ids=os.access in os.supports_effective_ids):
                pytest.skip("this user can read a file with mode 000 (no permission checks here)")
            result = _lint([str(secret), str(locked), str(canary)])
    finally:
        for path in (folder / "locked", folder / "secret.txt"):
            path.chmod(0o700)
        import shutil

        shutil.rmtree(folder)
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    by_path = {f["path"]: f for f in findings}
    assert by_path[str(secret)]["code"] == "GX001" and "permission denied" in by_path[str(secret)]["message"]
    assert (
        by_path[str(locked)]["code"] == "GX001" and "cannot read directory" in by_path[str(locked)]["message"]
    )
    assert by_path[str(canary)]["code"] == "GX002"


# -- configuration --------------------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{x}: &{x} [{', '.join(['*' + p] * 9)}]\n" for p, x in zip("abcdefgh", "bcdefghi")
)

CONFIGS = [
    ("syntax error", "select: [GX001\n", "invalid YAML", ":2:1:"),
    ("unknown key", "selec: [GX001]\n", "unknown key 'selec' (did you mean 'select'?)", ":1:1:"),
    ("unknown rule code", "select: [GX999]\n", "unknown rule code or prefix 'GX999'", ":1:"),
    (
        "python object tag",
        'select: !!python/object/apply:os.system ["touch PWNED"]\n',
        "YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
        ":1:9:",
    ),
    ("alias bomb", BILLION_LAUGHS, "YAML aliases (*name) are not allowed", ":2:"),
    ("not a mapping", "- GX001\n- GX002\n", "a gxlint config must be a mapping", ":1:1:"),
    ("binary config", "select: [GX001]\n\x00\x01\n", "", ".gxlint.yaml"),
    # a device never ends: it was read to the end of memory (a MemoryError and a traceback)
    ("extend a device", "extend: /dev/zero\n", "'/dev/zero' is not a regular file", ":1:"),
]


@pytest.mark.parametrize("name,content,message,where", CONFIGS, ids=[c[0] for c in CONFIGS])
def test_broken_config_stops_the_run_with_a_clear_error(name, content, message, where, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    config = project / ".gxlint.yaml"
    config.write_text(content, encoding="utf-8")
    (project / "canary.txt").write_text(CANARY_TEXT, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(CANARY_TEXT, encoding="utf-8")
    # the broken config governs only project/: the run still stops, whatever the order of the files
    for args in ([str(outside), str(project)], [str(project), str(outside)]):
        result = CliRunner().invoke(main, ["--format", "json", "--lang", "en", *args])
        assert result.exit_code == 2, (result.stdout, result.stderr)
        assert (
            "Traceback" not in result.stderr
            and result.exception is None
            or isinstance(result.exception, SystemExit)
        )
        assert result.stderr.startswith(f"gxlint: error: {config}")
        assert where in result.stderr.splitlines()[0] and message in result.stderr
        assert result.stdout == ""  # nothing linted with a config that cannot be read
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


@pytest.mark.slow  # worker processes
def test_config_error_keeps_its_file_and_line_across_worker_processes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gxlint.yaml").write_text("select: [GX001]\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".gxlint.yaml").write_text("lang: fr\n", encoding="utf-8")
    for i in range(3):
        (sub / f"r{i}.txt").write_text(CANARY_TEXT, encoding="utf-8")
    result = subprocess.run(
        [str(GXLINT), "--jobs", "2", "--lang", "en", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"gxlint: error: {sub / '.gxlint.yaml'}:1:")
    assert "Traceback" not in result.stderr


def test_config_error_survives_pickling():
    import pickle

    from gxlint.config import ConfigError

    error = pickle.loads(pickle.dumps(ConfigError("unknown key 'x'", "/p/.gxlint.yaml", 3, 1)))
    assert (str(error), error.path, error.line, error.column) == (
        "/p/.gxlint.yaml:3:1: unknown key 'x'",
        "/p/.gxlint.yaml",
        3,
        1,
    )


# -- plugins --------------------------------------------------------------------------------------------


class Crashes(Rule):
    """Always raises (a broken third-party rule)."""

    code = "ZZ901"
    name = "always-crashes"
    severity = "warning"
    summary = "raises ZeroDivisionError"

    def check(self, report, ctx):
        yield from ()
        raise ZeroDivisionError("division by zero")


class ReturnsJunk(Rule):
    """Yields something that is not a Finding."""

    code = "ZZ902"
    name = "returns-junk"
    severity = "warning"
    summary = "yields a string"

    def check(self, report, ctx):
        yield "not a finding"


class Exits(Rule):
    """Calls sys.exit() inside check()."""

    code = "ZZ903"
    name = "calls-exit"
    severity = "warning"
    summary = "calls sys.exit"

    def check(self, report, ctx):
        sys.exit(3)


class BrokenPlugin:
    __name__ = "zz-broken"

    @staticmethod
    @hookimpl
    def gxlint_rules():
        return [Crashes, ReturnsJunk, Exits]


def test_a_rule_that_raises_becomes_one_gx000_finding_and_the_others_still_run():
    plugins = plugins_mod.load(extra=[BrokenPlugin()])
    assert not plugins.failures
    linter = Linter(plugins=plugins, isolated=True, overrides={"lang": "en"})
    findings = linter.lint_text(CANARY_TEXT, "canary.txt")
    internal = [f for f in findings if f.code == "GX000"]
    assert len(internal) == 3
    messages = " | ".join(f.message for f in internal)
    assert "rule ZZ901 (always-crashes, plugin zz-broken) crashed on this file: ZeroDivisionError" in messages
    assert (
        "rule ZZ902 (returns-junk, plugin zz-broken) crashed on this file: TypeError: check() yielded str"
        in messages
    )
    assert "rule ZZ903 (calls-exit, plugin zz-broken) crashed on this file: SystemExit: 3" in messages
    assert all(f.severity == "error" and f.path == "canary.txt" for f in internal)
    assert "GX002" in [f.code for f in findings]  # the built-in rules still ran


def _fake_distribution(site: Path, name: str, source: str) -> None:
    (site / f"{name}.py").write_text(source, encoding="utf-8")
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[gxlint]\n{name} = {name}\n", encoding="utf-8")


BOOM = "raise RuntimeError('this plugin is broken on purpose')\n"
CRASHY = '''
from gxlint.plugins.hookspecs import hookimpl
from gxlint.lint.rule import Rule

class Crashes(Rule):
    """Always raises."""
    code = "ZZ911"
    name = "crashes-in-check"
    severity = "warning"
    summary = "raises KeyError"

    def check(self, report, ctx):
        raise KeyError("no such table")

@hookimpl
def gxlint_rules():
    return [Crashes]
'''


@pytest.fixture
def plugin_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _fake_distribution(site, "zz_boom", BOOM)
    _fake_distribution(site, "zz_crashy", CRASHY)
    return site


@pytest.mark.slow  # the console script in a new process
def test_broken_plugins_through_the_console_script(plugin_site, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(plugin_site), "NO_COLOR": "1"}
    run = [str(GXLINT), "--isolated", "--format", "json", "--lang", "en", str(good), str(canary)]
    result = subprocess.run(run, capture_output=True, text=True, env=env)
    assert "Traceback" not in result.stderr
    assert (
        "gxlint: warning: plugin 'zz_boom' (zz_boom 0.1) could not be loaded: "
        "RuntimeError: this plugin is broken on purpose"
    ) in result.stderr
    findings = json.loads(result.stdout)
    crashes = [f for f in findings if f["code"] == "GX000"]
    assert {f["path"] for f in crashes} == {str(good), str(canary)}  # once per file
    assert all(
        "rule ZZ911 (crashes-in-check, plugin zz_crashy) crashed on this file: KeyError" in f["message"]
        for f in crashes
    )
    assert [f["path"] for f in findings if f["code"] == "GX002"] == [str(canary)]  # the other rules ran
    assert result.returncode == 1  # GX000 is an error
    # a plugin the user requires but that does not load is a usage error: exit 2, nothing linted
    required = subprocess.run(
        run[:1] + ["--require-plugins", "zz_boom"] + run[1:], capture_output=True, text=True, env=env
    )
    assert required.returncode == 2 and required.stdout == ""
    assert "required plugin(s) not loaded: zz_boom" in required.stderr and "Traceback" not in required.stderr


def test_broken_plugin_in_process(plugin_site, monkeypatch):
    monkeypatch.syspath_prepend(str(plugin_site))
    loaded = plugins_mod.load()
    failures = {f.name: f for f in loaded.failures}
    assert (
        failures["zz_boom"].error
        == "RuntimeError: this plugin is broken on purpose (at zz_boom.py:1 in <module>)"
    )
    assert failures["zz_boom"].distribution == "zz_boom" and failures["zz_boom"].version == "0.1"
    assert "ZZ911" in loaded.rules and "GX001" in loaded.rules


# -- everything at once, through the real console script ----------------------------------------------


@pytest.mark.slow  # the console script in a new process
def test_every_bad_input_in_one_run_of_the_console_script(tmp_path):
    paths: list[str] = []
    for case in CASES:
        folder = tmp_path / case.id.replace(" ", "-")
        folder.mkdir()
        paths.extend(case.make(folder))
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    result = subprocess.run(
        [str(GXLINT), "--isolated", "--format", "json", "--lang", "en", *paths, str(canary)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr == ""
    findings = json.loads(result.stdout)
    assert not [f for f in findings if f["code"] == "GX000"], findings
    for case in CASES:
        folder = str(tmp_path / case.id.replace(" ", "-"))
        for code, words in case.findings:
            hits = [
                f
                for f in findings
                if f["path"].startswith(folder) and f["code"] == code and words in f["message"]
            ]
            assert len(hits) == 1, (case.id, code, words)
    assert any(f["path"] == str(canary) and f["code"] == "GX002" for f in findings)


class AlwaysFinds(Rule):
    """Reports every file (stands for any rule that is not an input rule)."""

    code = "ZZ920"
    name = "always-finds"
    severity = "warning"
    summary = "one finding per file"

    def check(self, report, ctx):
        yield ctx.finding(report.title_span, zh="总有一条", en="always one")


class AlwaysFindsPlugin:
    __name__ = "zz-always"

    @staticmethod
    @hookimpl
    def gxlint_rules():
        return [AlwaysFinds]


def test_a_file_without_text_is_checked_by_the_input_rules_only():
    from gxlint.read import source

    linter = Linter(
        plugins=plugins_mod.load(extra=[AlwaysFindsPlugin()]), isolated=True, overrides={"lang": "en"}
    )
    settings = linter.settings(None)
    binary = linter.lint_source(source.from_bytes(b"\x89PNG\x00\x01", "image.txt"), settings)
    assert [f.code for f in binary] == ["GX001"]
    text = linter.lint_source(source.from_text(CANARY_TEXT, "canary.txt"), settings)
    assert sorted(f.code for f in text) == ["GX002", "ZZ920"]


def test_utf16_text_holding_nul_characters_is_a_binary_file():
    from gxlint.read.source import decode

    text, _, problems = decode(("示例县\n第二行\x00二进制").encode("utf-16"))
    assert text == "" and problems[0].fatal and "NUL byte on line 2" in problems[0].message_en


def test_a_config_file_is_read_only_from_a_regular_file_of_a_config_s_size(tmp_path, monkeypatch):
    from gxlint.config import load
    from gxlint.config.errors import ConfigError

    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.yaml")  # opening it would wait for a writer: it is not opened
        with pytest.raises(ConfigError, match="not a regular file"):
            load.read_text(tmp_path / "pipe.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 100 + "\n", encoding="utf-8")
    monkeypatch.setattr(load, "MAX_CONFIG_BYTES", 50)
    with pytest.raises(ConfigError, match="config file too large"):
        load.read_file(big)
