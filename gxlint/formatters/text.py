"""Human-readable output: ``full`` (findings with the source line and a caret) and ``concise``."""

from __future__ import annotations

import unicodedata

import click

from . import FileResult, Formatter, Summary

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class ConciseFormatter(Formatter):
    def _style(self, text: str, **kw) -> str:
        return click.style(text, **kw) if self.color else text

    def headline(self, f) -> str:
        where = self._style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        code = self._style(f.code, fg=_COLORS.get(f.severity), bold=True)
        sev = self._style(f"[{f.severity}]", fg=_COLORS.get(f.severity))
        return f"{where} {code} {sev} {f.message}"

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")


class FullFormatter(ConciseFormatter):
    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(self.headline(f) + "\n")
            line = result.lines.get(f.line)
            if line is not None and line.strip():
                shown = line.rstrip("\n").replace("\t", " ")
                gutter = str(f.line)
                pad = " " * len(gutter)
                start = max(0, f.column - 1)
                if f.end_line == f.line:
                    end = max(start + 1, f.end_column - 1)
                else:
                    end = max(start + 1, len(shown))
                # long lines (one-line reports): show a window around the finding
                lo = max(0, start - 30)
                hi = min(len(shown), max(end, start + 1) + 30)
                if hi - lo > 120:
                    hi = lo + 120
                prefix = "…" if lo > 0 else ""
                suffix = "…" if hi < len(shown) else ""
                window = shown[lo:hi]
                caret_at = _width(prefix) + _width(shown[lo:start])
                caret_len = max(1, _width(shown[start:min(end, hi)]))
                bar = self._style("|", fg="blue")
                self.out.write(f"{pad} {bar}\n")
                self.out.write(f"{self._style(gutter, fg='blue')} {bar} {prefix}{window}{suffix}\n")
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
