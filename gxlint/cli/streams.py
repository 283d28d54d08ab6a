"""Standard output and error that never crash the run: a reader that went away (``gxlint rules |
head``), a console whose encoding cannot show a character."""

from __future__ import annotations

import os
import sys
from typing import Any


def _silence_stdout() -> None:
    """Point standard output at the null device: its reader is gone, and what is still buffered
    would fail again when Python flushes it on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError, AttributeError):
        pass


def _tolerant_output() -> None:
    """Any terminal: a character the console's encoding cannot show (a GBK console, a bullet in a
    report line) is replaced, never a crash.  The encoding itself stays the console's."""
    import io

    for name in ("stdout", "stderr"):
        stream: Any = getattr(sys, name, None)
        if getattr(stream, "errors", None) != "strict":
            continue
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            pass
