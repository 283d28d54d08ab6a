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
    assert hook["id"] == "gxlint" and hook["language"] == "python"
    # in entry, not args: the args a user sets replace the hook's
    assert hook["entry"] == "gxlint --skip-non-reports"
    assert hook["files"] == r"(?i)\.(txt|md|docx?|html?|mhtml|mht|pdf|wps)$"  # REPORT.PDF too
    assert hook["types"] == ["file"]  # not [text]: Word and PDF files are binary
    assert hook["require_serial"] is True  # one gxlint process: one summary, one worker pool


def test_pre_commit_try_repo(tmp_path):
    pre_commit, git = _tool("pre-commit"), _tool("git")
    if pre_commit is None or git is None:
        pytest.skip(f"needs pre-commit and git on PATH (pre-commit: {pre_commit}, git: {git})")
    inside = subprocess.run(
        [git, "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    if inside.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout, so pre-commit try-repo cannot use it")
    tracked = subprocess.run(
        [git, "-C", str(ROOT), "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
        capture_output=True,
        text=True,
    )
    assert tracked.returncode == 0, (
        ".pre-commit-hooks.yaml must be committed: try-repo reads tracked files only"
    )

    repo = tmp_path / "office"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run([git, "init", "-q", str(repo)], check=True, env=env)
    shutil.copy(EXAMPLE, repo / "report-2021.txt")
    (repo / "minutes.txt").write_text(
        "会议纪要\n今天讨论了三件事。\n", encoding="utf-8"
    )  # not a report: GX002
    (repo / "notes.rst").write_text("", encoding="utf-8")  # empty, but not *.txt or *.md: never linted
    subprocess.run([git, "add", "."], cwd=repo, check=True, env=env)

    def try_repo(*files: str, flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "gxlint", "--color", "never", *flags, "--files", *files],
            cwd=repo,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=600,
        )

    clean = try_repo("report-2021.txt", "notes.rst")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "gxlint" in clean.stdout and "Passed" in clean.stdout

    # minutes.txt is no report: skipped with a note, the commit goes through
    with_minutes = try_repo("report-2021.txt", "minutes.txt", "notes.rst", flags=("--verbose",))
    assert with_minutes.returncode == 0, with_minutes.stdout + with_minutes.stderr
    assert "minutes.txt:1:1: GX002 [提示] 不是年度报告，已跳过" in with_minutes.stdout
    assert "notes.rst" not in with_minutes.stdout

    (repo / "report-2022.txt").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("## 五、存在的主要问题及改进情况\n", ""), encoding="utf-8"
    )  # a chapter missing: GX101
    defective = try_repo("report-2021.txt", "report-2022.txt", "minutes.txt", "notes.rst")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "Failed" in defective.stdout and "exit code: 1" in defective.stdout
    assert "report-2022.txt:" in defective.stdout and "GX101 [错误]" in defective.stdout
    assert "GX002 [错误]" not in defective.stdout
    assert "notes.rst" not in defective.stdout.split("Failed", 1)[1]


def test_a_repository_of_reports_with_readme_changelog_and_notes_commits_cleanly(tmp_path):
    """A real office repository: reports beside a README.md, a CHANGELOG.md and notes, all matched by
    the hook's pattern; installed as a git hook, a commit of all of them goes through, and a
    defective report stops the next one."""
    pre_commit, git = _tool("pre-commit"), _tool("git")
    if pre_commit is None or git is None:
        pytest.skip(f"needs pre-commit and git on PATH (pre-commit: {pre_commit}, git: {git})")
    inside = subprocess.run(
        [git, "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    if inside.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout, so pre-commit try-repo cannot use it")
    repo = tmp_path / "office"
    (repo / "reports").mkdir(parents=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run([git, "init", "-q", str(repo)], check=True, env=env)
    shutil.copy(EXAMPLE, repo / "reports" / "2021年度报告.txt")
    (repo / "README.md").write_text(
        "# 示例县政务公开资料\n\n本仓库保存本办历年公开的文件，提交前由 gxlint 检查。\n", encoding="utf-8"
    )
    (repo / "CHANGELOG.md").write_text("# 更新记录\n\n- 2022-01-20 新增 2021 年度材料\n", encoding="utf-8")
    (repo / "notes.txt").write_text("待办：核对联系电话。\n", encoding="utf-8")
    (repo / "empty.md").write_text("", encoding="utf-8")
    subprocess.run([git, "add", "."], cwd=repo, check=True, env=env)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "gxlint", "--color", "never", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=600,
        )

    everything = run("--all-files", "--verbose")
    assert everything.returncode == 0, everything.stdout + everything.stderr
    assert "Passed" in everything.stdout
    for name in ("README.md", "CHANGELOG.md", "notes.txt", "empty.md"):
        assert f"{name}:1:1: GX002 [提示] 不是年度报告，已跳过" in everything.stdout, name
    assert "共检查 5 个文件（其中 4 个不是年度报告，已跳过）" in everything.stdout  # one run, one summary

    (repo / "reports" / "2022年度报告.txt").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("## 五、存在的主要问题及改进情况\n", ""), encoding="utf-8"
    )
    subprocess.run([git, "add", "."], cwd=repo, check=True, env=env)
    failing = run("--all-files")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "reports/2022年度报告.txt:" in failing.stdout and "GX101 [错误]" in failing.stdout
    # and gxlint on the command line still calls a named non-report an error
    named = subprocess.run(
        [sys.executable, "-m", "gxlint.cli", "README.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert named.returncode == 1 and "README.md:1:1: GX002 [错误]" in named.stdout
