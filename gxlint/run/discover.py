"""Which files to lint: paths given on the command line, directories recursed.

Files named explicitly are always linted.  In directories, files matching ``include`` (default
``*.txt`` and ``*.md``) and not matching ``exclude`` are linted, in sorted order; hidden entries
(``.name``), the lock files of documents open in Word or WPS (``~$name.docx``), ``node_modules``, ``__pycache__`` and virtual environments are skipped, and symlinked
directories are followed at most once (a symlink loop is not an infinite walk).  A directory named
on the command line in which no file matches ``include`` is reported (an :class:`Item` with a
``problem``, linted as a file that cannot be read): a wrong or misspelt folder must not pass as "no
problems found".
"""

from __future__ import annotations

from gxlint.chinese import os_error_zh

import errno
import fnmatch
import os
from typing import Iterable, Iterator, NamedTuple, Sequence

from gxlint.read.document import Problem
from gxlint.read.source import Source

#: the files a folder is searched for: every form gxlint reads, and the old binary Word/WPS files
#: it cannot (each is reported, GX001: save it as .docx), so that none is left out unnoticed
DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.docx",
    "*.html",
    "*.htm",
    "*.mhtml",
    "*.mht",
    "*.pdf",
    "*.doc",
    "*.wps",
)
SKIP_DIRS = {"node_modules", "__pycache__", "site-packages"}


class Item(NamedTuple):
    """A path to lint; ``problem``: why it cannot be read at all (it does not exist, a folder with
    nothing to check, a broken link), reported by the rules like any unreadable file."""

    path: str
    problem: Problem | None = None

    def source(self) -> Source:
        """The item as a source with no text and its problem (only for an item with a problem)."""
        return Source("", path=self.path, encoding="", problems=(self.problem,) if self.problem else ())


def _matches(path: str, patterns: Sequence[str]) -> bool:
    """Whether an exclude pattern matches ``path``: its name, the whole path, its end, or a folder it
    is in (``--exclude drafts`` leaves out ``drafts/a.txt`` named on the command line too)."""
    name = os.path.basename(path)
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    folders = ["/".join(parts[:i]) for i in range(1, len(parts))]
    return any(
        fnmatch.fnmatch(name, p)
        or fnmatch.fnmatch(norm, p)
        or fnmatch.fnmatch(norm, "*/" + p)
        or any(fnmatch.fnmatch(f, p) or fnmatch.fnmatch(f, "*/" + p) for f in folders)
        for p in patterns
    )


def _included(path: str, patterns: Sequence[str]) -> bool:
    """Whether a file found in a folder is one to check: its name against the include globs, in any
    case (``REPORT.PDF`` is a PDF: scanners and Windows write capitals)."""
    name = os.path.basename(path).lower()
    norm = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatchcase(name, p.lower()) or fnmatch.fnmatch(norm, p) or fnmatch.fnmatch(norm, "*/" + p)
        for p in patterns
    )


def discover(
    paths: Iterable[str], include: Sequence[str] = DEFAULT_INCLUDE, exclude: Sequence[str] = ()
) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield Item("-")
            continue
        if not os.path.lexists(path):
            yield Item(path, Problem(f"路径不存在：{path}", f"no such file or directory: {path}"))
            continue
        if os.path.isdir(path):
            matched = [0]
            yield from _walk(path, include, exclude, matched)
            if not matched[0]:  # a typo'd or wrong folder must not pass silently
                patterns = ", ".join(include)
                yield Item(
                    path,
                    Problem(
                        f"目录中没有可检查的文件（{patterns}）：{path}",
                        f"no files to check in directory {path} (looked for {patterns})",
                    ),
                )
        elif os.path.islink(path) and not os.path.exists(path):
            yield Item(path, _broken_link(path))
        else:
            if exclude and _matches(path, exclude):
                continue
            name = os.path.basename(path)
            if name.startswith("~$"):  # named, as pre-commit names a staged file: said, not read as damaged
                yield Item(path, _lock_file(name))
                continue
            yield Item(path)


def _lock_file(name: str) -> Problem:
    document = name[2:]
    return Problem(
        f"这是 Word/WPS 打开文档时在旁边生成的临时锁定文件（文件名以 ~$ 开头），不是报告：请检查文档本身"
        f"（…{document}），不要提交或发布锁定文件",
        f"this is the lock file Word or WPS keeps beside a document open in it (its name starts with ~$), "
        f"not a report: check the document itself (…{document}), and do not commit or publish the lock file",
    )


def _walk(root: str, include: Sequence[str], exclude: Sequence[str], matched: list[int]) -> Iterator[Item]:
    """The files under ``root`` to lint; ``matched[0]`` counts the files (or errors) found, excluded
    files included."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: str) -> Iterator[Item]:
        try:
            st = os.stat(directory)
        except OSError as exc:
            matched[0] += 1
            yield Item(
                directory,
                Problem(f"无法读取目录：{os_error_zh(exc)}", f"cannot read directory: {exc.strerror}"),
            )
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return  # already walked (a symlink loop, or two links to one folder)
        seen.add(ident)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            matched[0] += 1
            yield Item(
                directory,
                Problem(f"无法读取目录：{os_error_zh(exc)}", f"cannot read directory: {exc.strerror}"),
            )
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name.startswith("~$"):
                continue  # hidden, or the lock file Word and WPS keep beside a document open in them
            path = entry.path
            try:
                is_dir = entry.is_dir()
            except OSError:  # a link that leads back to itself: not a folder, a broken file
                is_dir = False
            if is_dir:
                if entry.name in SKIP_DIRS or os.path.exists(os.path.join(path, "pyvenv.cfg")):
                    continue
                if exclude and _matches(path, exclude):
                    continue
                yield from visit(path)
            else:
                if not _included(path, include):
                    continue
                matched[0] += 1
                if exclude and _matches(path, exclude):
                    continue
                if entry.is_symlink() and not os.path.exists(path):
                    yield Item(path, _broken_link(path))
                    continue
                yield Item(path)

    yield from visit(root)


def _broken_link(path: str) -> Problem:
    """The problem of a symbolic link that leads to no file: where it points (as the link holds it,
    whatever the path it is reached by), or that it leads back to itself."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(
                "符号链接循环指向自身，无法打开", "symbolic link loop: the link leads back to itself"
            )
    try:
        target = os.readlink(path)
    except OSError:
        return Problem("符号链接指向的文件不存在", "broken symbolic link: its target does not exist")
    return Problem(
        f"符号链接指向的文件不存在：{target}", f"broken symbolic link: its target {target} does not exist"
    )


def missing(paths: Iterable[str]) -> list[str]:
    """The command-line paths that do not exist (``-`` is standard input and always exists)."""
    return [p for p in paths if p != "-" and not os.path.lexists(p)]


def ordered(items: Iterable[Item], stdin_filename: str | None = None) -> list[Item]:
    """Items without duplicates (``a.txt ./a.txt dir/`` lints each file once), sorted by the path
    shown in the output, so every format lists files in the same order whatever the order of the
    arguments or the number of jobs."""
    seen: set[str] = set()
    out: list[Item] = []
    for item in items:
        key = "-" if item.path == "-" else os.path.normcase(os.path.abspath(item.path))
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return sorted(out, key=lambda i: (stdin_filename or "-") if i.path == "-" else i.path)


def repo_root(start: str | None = None) -> str:
    """The root of the git checkout containing ``start`` (default: the working directory), or
    ``start`` itself outside a checkout.  SARIF and GitHub annotations name files relative to it."""
    here = os.path.abspath(start or os.getcwd())
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return here
        probe = parent
