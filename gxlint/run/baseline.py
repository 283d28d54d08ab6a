"""Baselines: record today's findings so that only new ones are reported.

An office adopting gxlint has years of published reports it cannot change (and nobody can put a
suppression comment inside an official report).  ``gxlint --write-baseline FILE PATH...`` records
every current finding; ``gxlint --baseline FILE PATH...`` then hides those and reports only new ones.

A finding is identified by its file, its code and its fingerprint (:attr:`Finding.fingerprint`, a
hash of the offending text and the message, never of the line number), so inserting or deleting
lines above a finding does not make it "new".  Paths are stored relative to the baseline file's
folder with ``/`` separators, so a baseline can be committed and used from any checkout.

The file is JSON (docs/formats.md)::

    {
      "gxlint-baseline": 1,
      "generated-by": "gxlint 0.1.0",
      "findings": [
        {"path": "2021/report.txt", "code": "GX003", "fingerprint": "3f2a…", "message": "…"}
      ]
    }

``message`` is there for people reading the file; matching uses path, code and fingerprint only.
When the same key occurs n times, up to n matching findings are hidden.
"""

from __future__ import annotations

from gxlint.chinese import json_error_zh, os_error_zh

import json
import os
from collections import Counter
from dataclasses import replace
from typing import Iterable, NamedTuple

from gxlint import __version__
from gxlint.output import FileResult, json_text

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read, or is not a gxlint baseline.  ``str()`` is the English
    message; :meth:`text` gives it in either language."""

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def text(self, lang: str = "en") -> str:
        return self.message_zh if lang == "zh" else self.message

    def __reduce__(self):
        return type(self), (self.message, self.message_zh)


class Key(NamedTuple):
    path: str
    code: str
    fingerprint: str


def _relative(path: str, base: str) -> str:
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # pragma: no cover - another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


class Baseline:
    """The recorded findings of one baseline file."""

    def __init__(self, keys: Iterable[Key], base: str) -> None:
        self.base = os.path.abspath(base)
        self._left: Counter[Key] = Counter(keys)
        self.total = sum(self._left.values())

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(
                f"{path}: baseline file not found (write one with --write-baseline)",
                f"{path}：基线文件不存在（可用 --write-baseline 生成）",
            ) from None
        except OSError as exc:
            raise BaselineError(
                f"{path}: cannot read the baseline: {exc}", f"{path}：无法读取基线文件：{os_error_zh(exc)}"
            ) from None
        except UnicodeDecodeError as exc:
            raise BaselineError(
                f"{path}: cannot read the baseline: {exc}", f"{path}：无法读取基线文件：不是 UTF-8 编码"
            ) from None
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"{path}:{exc.lineno}:{exc.colno}: not a gxlint baseline: invalid JSON ({exc.msg})",
                f"{path}:{exc.lineno}:{exc.colno}：不是 gxlint 基线文件：JSON 格式错误（{json_error_zh(exc.msg)}）",
            ) from None
        if not isinstance(data, dict) or "gxlint-baseline" not in data:
            raise BaselineError(
                f'{path}: not a gxlint baseline (no "gxlint-baseline" key)',
                f"{path}：不是 gxlint 基线文件（没有“gxlint-baseline”键）",
            )
        if data["gxlint-baseline"] != FORMAT_VERSION:
            raise BaselineError(
                f"{path}: baseline format {data['gxlint-baseline']!r} is not supported "
                f"(this gxlint reads format {FORMAT_VERSION}); write it again with --write-baseline",
                f"{path}：不支持基线格式 {data['gxlint-baseline']!r}（本版 gxlint 读取格式 "
                f"{FORMAT_VERSION}），请用 --write-baseline 重新生成",
            )
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f'{path}: "findings" must be a list', f"{path}：“findings”必须是列表")
        keys = []
        for i, entry in enumerate(entries):
            try:
                keys.append(Key(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"])))
            except (KeyError, TypeError):
                raise BaselineError(
                    f"{path}: findings[{i}] needs path, code and fingerprint",
                    f"{path}：findings[{i}] 须有 path、code 和 fingerprint",
                ) from None
        return cls(keys, os.path.dirname(os.path.abspath(path)))

    def key(self, path: str, code: str, fingerprint: str) -> Key:
        return Key(_relative(path, self.base), code, fingerprint)

    def filter(self, result: FileResult) -> tuple[FileResult, int]:
        """The result without the findings the baseline records, and how many were hidden."""
        kept = []
        for f in result.findings:
            k = self.key(f.path, f.code, f.fingerprint)
            if self._left[k] > 0:
                self._left[k] -= 1
            else:
                kept.append(f)
        hidden = len(result.findings) - len(kept)
        return (replace(result, findings=kept) if hidden else result), hidden


def entries(results: Iterable[FileResult], base: str) -> list[dict]:
    """The baseline records for every finding of ``results`` (paths relative to ``base``), sorted.
    A path that was no file to check (it does not exist, a folder with nothing to check, a broken
    link: ``checked`` False) is not recorded: a typo in a CI job's paths stays reported, never
    hidden from the second run on; nor is a non-report skipped under ``--skip-non-reports``."""
    base = os.path.abspath(base)
    out = [
        {"path": _relative(f.path, base), "code": f.code, "fingerprint": f.fingerprint, "message": f.message}
        for result in results
        if result.checked and not result.skipped
        for f in result.findings
    ]
    out.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    return out


def dumps(records: list[dict]) -> str:
    doc = {"gxlint-baseline": FORMAT_VERSION, "generated-by": f"gxlint {__version__}", "findings": records}
    return json_text(doc, indent=2) + "\n"


class Recorded(NamedTuple):
    """What :func:`write` recorded: how many findings, in how many files."""

    findings: int
    files: int


def write(path: str, results: Iterable[FileResult]) -> Recorded:
    """Write the baseline file; returns how many findings it records, of how many files."""
    records = entries(results, os.path.dirname(os.path.abspath(path)))
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dumps(records))
    except OSError as exc:
        raise BaselineError(
            f"{path}: cannot write the baseline: {exc.strerror or exc}",
            f"{path}：无法写入基线文件：{os_error_zh(exc)}",
        ) from None
    return Recorded(len(records), len({record["path"] for record in records}))
