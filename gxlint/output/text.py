"""Human-readable output: ``full`` (findings with the source line and a caret) and ``concise``."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import click

from gxlint.output.ruledocs import severity_label
from gxlint.finding import describe
from gxlint.output import FileResult, Formatter, Summary

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


TAB = "    "


@lru_cache(maxsize=None)  # bounded by the characters in use; asked for each character shown, often
def _char_width(char: str) -> int:
    if char == "\t":
        return len(TAB)
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 1


def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns, combining marks none."""
    return sum(map(_char_width, text))


#: control characters in a report (a stray escape sequence) are shown as spaces, never sent to the
#: terminal; one character for one keeps the caret aligned (tabs are shown as four spaces)
_CONTROLS = {i: " " for i in [*range(0x20), 0x7F] if i != 0x09}
#: whether a line holds one (translate() with a dict costs per character even when nothing changes);
#: compiled on first use (``re`` caches): a run without findings shows no line
_HAS_CONTROL = "[\x00-\x08\x0a-\x1f\x7f]"


#: columns of context shown on each side of a finding on a long line (one-line crawled reports)
CONTEXT = 40
#: at most this many columns of the finding itself are underlined
SPAN = 80


def snippet(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``line`` to show around characters ``start:end`` (with … where cut), the display
    column of the caret and its width.  Widths are terminal columns: CJK characters count two."""
    start = min(start, len(line))
    end = min(max(end, start), len(line))
    lo, used = start, 0
    while lo > 0 and used + _width(line[lo - 1]) <= CONTEXT:
        lo -= 1
        used += _width(line[lo])
    hi, used = start, 0
    while hi < end and used + _width(line[hi]) <= SPAN:
        used += _width(line[hi])
        hi += 1
    mark_end = hi
    used = 0
    while hi < len(line) and used + _width(line[hi]) <= CONTEXT:
        used += _width(line[hi])
        hi += 1
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    caret_at = _width(prefix) + _width(line[lo:start])
    return prefix + line[lo:hi].replace("\t", TAB) + suffix, caret_at, max(1, _width(line[start:mark_end]))


class ConciseFormatter(Formatter):
    def _style(self, text: str, **kw) -> str:
        return click.style(text, **kw) if self.color else text

    def headline(self, f) -> str:
        where = self._style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        code = self._style(f.code, fg=_COLORS.get(f.severity), bold=True)
        sev = self._style(f"[{severity_label(f.severity, self.lang)}]", fg=_COLORS.get(f.severity))
        place = describe(f.location, self.lang)
        if place:
            place = f"（位置：{place}）" if self.lang == "zh" else f" (in the file: {place})"
        return f"{where} {code} {sev} {f.message}{place}"

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")


class FullFormatter(ConciseFormatter):
    def __init__(self, out, *, summary: bool = True, **kwargs) -> None:
        super().__init__(out, **kwargs)
        self.summary = summary  # --quiet: the findings alone

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")
            line = result.lines.get(f.line)
            if line is not None and line.strip():
                shown = line.rstrip("\n")
                if re.search(_HAS_CONTROL, shown):
                    shown = shown.translate(_CONTROLS)
                # the line number of the text gxlint read from a Word, web or PDF file means nothing
                # in that file: the headline names the place there instead
                gutter = str(f.line) if not f.location else " " * len(str(f.line))
                pad = " " * len(gutter)
                start = max(0, f.column - 1)
                end = max(start + 1, f.end_column - 1 if f.end_line == f.line else len(shown))
                text, caret_at, caret_len = snippet(shown, start, end)
                bar = self._style("|", fg="blue")
                self.out.write(f"{pad} {bar}\n")
                self.out.write(f"{self._style(gutter, fg='blue')} {bar} {text}\n")
                carets = self._style("^" * caret_len, fg=_COLORS.get(f.severity), bold=True)
                self.out.write(f"{pad} {bar} {' ' * caret_at}{carets}\n")
            if f.fix:
                label = "修改建议：" if self.lang == "zh" else "fix: "
                self.out.write(f"  = {label}{f.fix}\n")
            self.out.write("\n")

    def end(self, summary: Summary) -> None:
        if not self.summary:
            return
        errors = summary.counts.get("error", 0)
        warnings = summary.counts.get("warning", 0)
        self.out.write(
            self._style(
                summary_line(summary, self.lang),
                fg="red" if errors else ("yellow" if warnings else "green"),
                bold=True,
            )
            + "\n"
        )


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary, lang: str = "zh") -> str:
    """``发现 3 个问题（错误 1，警告 2，提示 0），涉及 2 个文件；共检查 5 个文件，用时 0.12 秒``: the
    problems by severity, the files they are in, the files checked (a missing path or an empty
    folder is no file checked) and the time of the whole run."""
    errors = summary.counts.get("error", 0)
    warnings = summary.counts.get("warning", 0)
    infos = summary.counts.get("info", 0)
    total = errors + warnings + infos
    if lang == "zh":
        if total:
            text = f"发现 {total} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）"
            if summary.files_with_findings:
                text += f"，涉及 {summary.files_with_findings} 个文件"
        else:
            text = "未发现问题"
        text += f"；共检查 {summary.files} 个文件"
        if summary.skipped:
            text += f"（其中 {summary.skipped} 个不是年度报告，已跳过）"
        text += f"，用时 {summary.seconds:.2f} 秒"
        if summary.baseline_hidden:
            text += f"；基线中已有的 {summary.baseline_hidden} 个问题未显示"
        return text
    if total:
        text = (
            f"Found {_n(total, 'problem')} ({_n(errors, 'error')}, {_n(warnings, 'warning')}, {infos} info)"
        )
        if summary.files_with_findings:
            text += f" in {_n(summary.files_with_findings, 'file')}"
    else:
        text = "No problems found"
    text += f"; {_n(summary.files, 'file')} checked"
    if summary.skipped:
        text += f" ({summary.skipped} not {'an annual report' if summary.skipped == 1 else 'annual reports'}, skipped)"
    text += f" in {summary.seconds:.2f}s"
    if summary.baseline_hidden:
        text += f"; {summary.baseline_hidden} known in the baseline not shown"
    return text
