"""Human-readable output: ``full`` (findings with the source line and a caret) and ``concise``."""

from __future__ import annotations

import unicodedata

import click

from ..finding import describe
from . import FileResult, Formatter, Summary

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


TAB = "    "


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
    return sum(_char_width(c) for c in text)


#: control characters in a report (a stray escape sequence) are shown as spaces, never sent to the
#: terminal; one character for one keeps the caret aligned (tabs are shown as four spaces)
_CONTROLS = {i: " " for i in [*range(0x20), 0x7F] if i != 0x09}


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
        sev = self._style(f"[{f.severity}]", fg=_COLORS.get(f.severity))
        place = describe(f.location, self.lang)
        if place:
            place = f"（位置：{place}）" if self.lang == "zh" else f" (in the file: {place})"
        return f"{where} {code} {sev} {f.message}{place}"

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")


class FullFormatter(ConciseFormatter):
    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")
            line = result.lines.get(f.line)
            if line is not None and line.strip():
                shown = line.rstrip("\n").translate(_CONTROLS)
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
                label = "修改建议" if self.lang == "zh" else "fix"
                self.out.write(f"  = {label}: {f.fix}\n")
            self.out.write("\n")

    def end(self, summary: Summary) -> None:
        errors = summary.counts.get("error", 0)
        warnings = summary.counts.get("warning", 0)
        infos = summary.counts.get("info", 0)
        total = errors + warnings + infos
        if self.lang == "zh":
            if total:
                text = (f"发现 {total} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}），"
                        f"涉及 {summary.files_with_findings} 个文件；共检查 {summary.files} 个文件，用时 {summary.seconds:.2f} 秒")
            else:
                text = f"未发现问题；共检查 {summary.files} 个文件，用时 {summary.seconds:.2f} 秒"
            if summary.baseline_hidden:
                text += f"；基线中已有的 {summary.baseline_hidden} 个问题未显示"
        else:
            if total:
                text = (f"Found {total} problem{'s' if total != 1 else ''} ({errors} error{'s' if errors != 1 else ''}, "
                        f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info) in "
                        f"{summary.files_with_findings} file{'s' if summary.files_with_findings != 1 else ''}; "
                        f"{summary.files} file{'s' if summary.files != 1 else ''} checked in {summary.seconds:.2f}s")
            else:
                text = f"No problems found; {summary.files} file{'s' if summary.files != 1 else ''} checked in {summary.seconds:.2f}s"
            if summary.baseline_hidden:
                text += f"; {summary.baseline_hidden} known in the baseline not shown"
        color = "red" if errors else ("yellow" if warnings else "green")
        self.out.write(self._style(text, fg=color, bold=True) + "\n")
