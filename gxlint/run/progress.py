"""A one-line progress indicator on standard error, for long runs in a terminal.

It appears only when standard error is a terminal, only after the run has taken a moment (short
runs never flash a bar), and it erases itself before anything else is written, so it never ends up
in a pipe, a file or the findings.  Redrawing is throttled: a run over thousands of files spends no
measurable time on it.
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

from gxlint.chinese import text_width
from gxlint.output import HUMAN


def wanted(fmt: str, total: int, out: TextIO, err: TextIO) -> bool:
    """Whether to show progress: many files, standard error on a terminal, and never on the same
    terminal as machine-readable output (``--format json`` printed to the screen stays clean)."""
    if total < 2 or not _isatty(err):
        return False
    if fmt not in HUMAN and _isatty(out):
        return False
    return True


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Progress:
    """``[ 120/4000]  3%  path/of/the/last/file.txt`` on one line of ``stream``."""

    def __init__(
        self, total: int, stream: TextIO, *, delay: float = 0.3, interval: float = 0.1, clock=time.monotonic
    ) -> None:
        self.total = total
        self.stream = stream
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self._last = float("-inf")
        self._shown = False

    def update(self, done: int, path: str) -> None:
        now = self.clock()
        if now - self.started < self.delay or now - self._last < self.interval:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 24)).columns
        count = f"[{done:>{len(str(self.total))}}/{self.total}] {100 * done // max(1, self.total):3d}%  "
        self.stream.write("\r\x1b[K" + count + _tail(path, max(10, width - len(count) - 1)))
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def close(self) -> None:
        self.clear()


def _tail(path: str, room: int) -> str:
    """The end of ``path`` in at most ``room`` terminal columns (CJK characters take two)."""
    if text_width(path) <= room:
        return path
    out: list[str] = []
    used = 1  # the ellipsis
    for char in reversed(path):
        used += text_width(char)
        if used > room:
            break
        out.append(char)
    return "…" + "".join(reversed(out))


def for_run(fmt: str, total: int, out: TextIO, err: TextIO) -> Progress | None:
    return Progress(total, err) if wanted(fmt, total, out, err) else None
