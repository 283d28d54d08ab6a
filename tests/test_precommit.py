"""The pre-commit hook (.pre-commit-hooks.yaml): ``pre-commit try-repo`` pointed at this checkout,
in a throwaway git repository, fails on a defective report and passes on a clean one.

pre-commit installs this checkout into its own environment with pip (the dependencies come from
the package index), which takes a few seconds; the test is marked slow but runs by default.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from clitools import EXAMPLE, ROOT

pytestmark = pytest.mark.slow


def _tool(name: str) -> str | None:
    return shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)


def test_hook_manifest():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "gxlint" and hook["entry"] == "gxlint" and hook["language"] == "python"
    assert hook["files"] == r"\.(txt|md|docx|html?|pdf)$"
    assert hook["types"] == ["file"]  # not [text]: Word and PDF files are binary


def test_pre_commit_try_repo(tmp_path):
    pre_commit, git = _tool("pre-commit"), _tool("git")
    if pre_commit is None or git is None:
        pytest.skip(f"needs pre-commit and git on PATH (pre-commit: {pre_commit}, git: {git})")
    inside = subprocess.run([git, "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True,
                            text=True)
    if inside.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout, so pre-commit try-repo cannot use it")
    tracked = subprocess.run([git, "-C", str(ROOT), "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
                             capture_output=True, text=True)
    assert tracked.returncode == 0, ".pre-commit-hooks.yaml must be committed: try-repo reads tracked files only"

    repo = tmp_path / "office"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run([git, "init", "-q", str(repo)], check=True, env=env)
    shutil.copy(EXAMPLE, repo / "report-2021.txt")
    (repo / "minutes.txt").write_text("会议纪要\n今天讨论了三件事。\n", encoding="utf-8")  # not a report: GX002
    (repo / "notes.rst").write_text("", encoding="utf-8")  # empty, but not *.txt or *.md: never linted
    subprocess.run([git, "add", "."], cwd=repo, check=True, env=env)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "gxlint", "--color", "never", "--files", *files],
                              cwd=repo, capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)

    clean = try_repo("report-2021.txt", "notes.rst")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "gxlint" in clean.stdout and "Passed" in clean.stdout

    defective = try_repo("report-2021.txt", "minutes.txt", "notes.rst")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "Failed" in defective.stdout and "exit code: 1" in defective.stdout
    assert "minutes.txt:1:1: GX002 [error]" in defective.stdout
    assert "notes.rst" not in defective.stdout.split("Failed", 1)[1]
