"""The Lark parser is loaded from its cache in a new process, and the cache lives where no other
user can plant a file (it is a pickle)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from gxlint.read import outline

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file ownership")

PROBE = """
import io, logging
from lark import logger
buffer = io.StringIO()
logger.addHandler(logging.StreamHandler(buffer))
logger.setLevel(logging.DEBUG)
from gxlint.read.outline import cache_path, parser
parser()
print(cache_path())
print(buffer.getvalue())
"""


@pytest.mark.slow  # new Python processes
def test_a_new_process_loads_the_parser_from_the_cache():
    subprocess.run([sys.executable, "-c", PROBE], capture_output=True, check=True)  # may write the cache
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    path = out.splitlines()[0]
    assert f"Loading grammar from cache: {path}" in out
    folder = os.stat(os.path.dirname(path))
    assert folder.st_uid == os.geteuid() and stat.S_IMODE(folder.st_mode) & 0o077 == 0


def test_the_cache_folder_is_private(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    path = outline.cache_path()
    assert isinstance(path, str) and path.startswith(str(tmp_path))
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    planted = tmp_path / f"gxlint-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)
    assert outline.cache_path() is False
    planted.chmod(0o700)
    planted.rename(tmp_path / "real")
    os.symlink(tmp_path / "real", planted)  # a symlink in place of the folder is refused too
    assert outline.cache_path() is False
