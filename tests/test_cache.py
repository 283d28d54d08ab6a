"""The caches kept between runs (gxlint.cache): the private folder, and the compiled patterns that
earlier runs leave to later ones."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gxlint import cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"

needs_cpython_re = pytest.mark.skipif(cache._engine() is None, reason="re is not CPython's: no pattern cache")


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """A temp dir of this test's own, no cache read yet in this process, and re's stores holding only
    what the test compiles (keeping the hundreds that a test process has compiled takes ~0.7 s)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(cache, "_RUN", {})
    for store in ("_cache", "_cache2"):  # _cache2: Python 3.12+
        if isinstance(getattr(re, store, None), dict):
            monkeypatch.setattr(re, store, {})
    return tmp_path


def _fresh(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled now, whatever re's store holds."""
    _, compiler, _ = cache._engine()  # re._compiler, sre_compile on Python 3.10
    return compiler.compile(pattern, flags)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_the_folder_is_made_private_and_refused_when_others_may_write_to_it(private_tmp):
    folder = cache.folder()
    assert folder == str(private_tmp / f"gxlint-{os.getuid()}")
    assert os.stat(folder).st_mode & 0o777 == 0o700
    os.chmod(folder, 0o777)
    assert cache.folder() is None


@pytest.mark.slow  # a sweep: every pattern in re's store
@needs_cpython_re
def test_every_pattern_a_run_compiles_is_rebuilt_exactly():
    """Equal patterns have the same flags, pattern and compiled code (CPython compares all three)."""
    from gxlint.run.api import lint_text

    lint_text(EXAMPLE.read_text(encoding="utf-8"))
    keys = [k for k in list(re._cache) if k[0] is str]  # type: ignore[attr-defined]
    assert len(keys) > 50
    for _, pattern, flags in keys:
        rebuilt, fresh = cache.rebuild(pattern, cache.entry(pattern, flags)), _fresh(pattern, flags)
        assert rebuilt == fresh, pattern
        assert rebuilt.groupindex == fresh.groupindex


@needs_cpython_re
def test_flags_of_an_int_subclass_are_kept_as_plain_numbers(private_tmp):
    """Python 3.13 keys a pattern compiled with re.sub's default flags by re._ZeroSentinel, an int
    subclass that marshal refuses: one such key kept the whole file from being written."""

    class Zero(int):
        pass

    cache.warm()
    pattern = "示例县[东西南北]+"
    re._cache[(str, pattern, Zero(0))] = _fresh(pattern, 0)  # type: ignore[attr-defined]
    try:
        cache.keep()
    finally:
        re._cache.pop((str, pattern, 0), None)  # type: ignore[attr-defined]
    stored = marshal.loads(Path(cache._RUN["path"]).read_bytes())
    assert (pattern, 0) in stored


@needs_cpython_re
def test_a_run_keeps_its_patterns_and_the_next_one_starts_with_them(private_tmp):
    cache.warm()
    pattern = "示例县(?P<n>[一二三四五六七八九十]+)号"
    re.compile(pattern)
    cache.keep()
    path = Path(cache._RUN["path"])
    assert path.stat().st_mode & 0o777 == 0o600
    stored = marshal.loads(path.read_bytes())
    assert (pattern, 0) in stored

    # the next process: re's store filled from the file before anything compiles (Python 3.12+
    # also keeps the patterns last used in a second store, looked at first)
    re._cache.pop((str, pattern, 0), None)  # type: ignore[attr-defined]
    getattr(re, "_cache2", {}).pop((str, pattern, 0), None)
    cache._RUN.clear()
    cache.warm()
    served = re._cache[(str, pattern, 0)]  # type: ignore[attr-defined]
    assert served == _fresh(pattern, 0)
    assert re.compile(pattern) is served
    assert served.match("示例县十二号").group("n") == "十二"


@needs_cpython_re
@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal data \x00\xff", marshal.dumps([1, 2, 3]), marshal.dumps({("x", "y"): 1})],
    ids=["empty", "garbage", "a list", "foreign entries"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(private_tmp, content):
    cache.warm()
    path = Path(cache._RUN["path"])
    path.write_bytes(content)
    cache._RUN.clear()
    cache.warm()  # no error
    pattern = "示例县[甲乙丙丁]+"
    re.compile(pattern)
    cache.keep()
    assert (pattern, 0) in marshal.loads(path.read_bytes())


@needs_cpython_re
def test_an_entry_whose_code_is_wrong_is_dropped_not_used(private_tmp):
    cache.warm()
    path = Path(cache._RUN["path"])
    pattern = "示例县(坏)+的条目"
    good = cache.entry(pattern, 0)
    path.write_bytes(marshal.dumps({(pattern, 0): (good[0], [1, 2, 3], *good[2:])}))
    cache._RUN.clear()
    re._cache.pop((str, pattern, 0), None)  # type: ignore[attr-defined]
    cache.warm()
    assert (str, pattern, 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(pattern).fullmatch("示例县坏坏的条目")


def test_only_a_command_line_run_keeps_its_patterns(private_tmp, monkeypatch):
    import atexit

    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    cache.warm()
    assert registered == []  # importing gxlint (a test run, a program) keeps nothing
    cache.keep_at_exit()
    cache.keep_at_exit()
    assert registered == [cache.keep]


def test_no_private_folder_means_no_cache(private_tmp, monkeypatch):
    monkeypatch.setattr(cache, "folder", lambda: None)
    cache.warm()
    assert cache._RUN == {}
    cache.keep()  # nothing to do, no error


@needs_cpython_re
@pytest.mark.slow  # two new processes
def test_the_second_run_reads_the_cache_and_says_the_same(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "gxlint", "--format", "json", str(EXAMPLE)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    files = list(tmp_path.glob("gxlint-*/patterns-*.marshal"))
    assert len(files) == 1
    kept = marshal.loads(files[0].read_bytes())
    assert len(kept) > 50
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert marshal.loads(files[0].read_bytes()) == kept  # nothing new to keep


_SPY = """
import json, sys
from gxlint import cache

_, compiler, _ = cache._engine()
real, compiled = compiler.compile, []


def spy(pattern, flags=0):
    if isinstance(pattern, str):
        compiled.append(pattern)
    return real(pattern, flags)


compiler.compile = spy
sys.argv = ["gxlint", sys.argv[1]]
from gxlint.cli import main  # noqa: E402

try:
    main()
except SystemExit:
    pass
sys.stderr.write("COMPILED " + json.dumps(compiled) + "\\n")
"""


@needs_cpython_re
def test_the_second_run_compiles_no_pattern_of_its_own(tmp_path):
    # gxlint.cli.ui brought gxlint.chinese before the cache was read: its patterns, about a twentieth
    # of a cold start, were compiled anew in every run
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "gxlint", str(EXAMPLE)], capture_output=True, env=env, cwd=tmp_path)
    spied = subprocess.run(
        [sys.executable, "-c", _SPY, str(EXAMPLE)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    line = [x for x in spied.stderr.splitlines() if x.startswith("COMPILED ")]
    assert line, spied.stderr
    assert json.loads(line[0].removeprefix("COMPILED ")) == []
