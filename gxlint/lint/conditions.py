"""What the core reports without knowing any rule: a file it could not read, and a crash.

The core (readers, the engine, the runner) never makes a finding with a code of its own.  A file
that cannot be read carries :class:`gxlint.read.document.Problem` s on its ``Source``; a rule, a
reader or the run that fails on a file is a :class:`Crash`.  Rules turn them into findings like
anything else they report: a rule with ``Rule.needs_text = False`` also runs on a file with no text
(the built-in GX001 reports its problems), and a rule with ``Rule.reports_crashes = True`` runs after
all the others and sees the crashes in ``ctx.crashes`` (the built-in GX000 reports them).  Without
such a rule selected, nothing is said about them: ``--ignore GX000`` silences crashes.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import traceback
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Crash:
    """Something failed on a file.  ``stage``: ``rule`` (a rule's ``check()``; ``rule`` is its code,
    ``rule_name`` and ``plugin`` name it), ``reader`` (reading the report's structure) or ``file``
    (anything else while the file was linted).  ``error`` is ``Type: message``; ``where`` is the
    ``file.py:line in function`` most useful to whoever must fix it ('' when unknown)."""

    stage: str
    error: str
    error_type: str
    where: str = ""
    rule: str | None = None
    rule_name: str | None = None
    plugin: str = ""
    #: ``error`` in Chinese where gxlint worded it (a rule's ``check()`` that gives no findings);
    #: empty for an exception's own text
    error_zh: str = ""

    @classmethod
    def of(cls, stage: str, exc: BaseException, rule: Any = None) -> "Crash":
        """The crash ``exc`` raised at ``stage``; ``rule``: the rule class that raised it."""
        return cls(
            stage,
            f"{type(exc).__name__}: {exc}",
            type(exc).__name__,
            getattr(exc, "gxlint_where", None) or where(exc, rule),
            getattr(rule, "code", None),
            getattr(rule, "name", None),
            getattr(rule, "plugin", "") or "",
            f"{type(exc).__name__}: {zh}" if (zh := getattr(exc, "gxlint_zh", "")) else "",
        )


def misuse(message: str, zh: str, rule: Any) -> TypeError:
    """The error for a rule's ``check()`` that gave the engine something else than findings: a
    TypeError placed at the ``check()`` (its ``gxlint_where``), not in the engine that found it out,
    worded in Chinese too (``gxlint_zh``)."""
    code = getattr(getattr(rule, "check", None), "__code__", None)
    error: Any = TypeError(message)
    error.gxlint_where = _shown(code, code.co_firstlineno, rule) if code is not None else ""
    error.gxlint_zh = zh
    return error


def where(exc: BaseException, rule: Any = None) -> str:
    """Where an exception was raised, as ``file.py:line in function``: the innermost frame of its
    traceback inside the rule's own package (the plugin's line, not a frame inside ``re`` or
    gxlint), else the innermost frame outside the standard library, else the innermost frame."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code, tb.tb_lineno))
        tb = tb.tb_next
    if not frames:
        return ""
    own = _package_files(rule)
    chosen = None
    if own is not None:
        chosen = next(((code, line) for code, line in reversed(frames) if _inside(code, own)), None)
    if chosen is None:
        stdlib = _stdlib()
        chosen = next(
            ((c, n) for c, n in reversed(frames) if not os.path.abspath(c.co_filename).startswith(stdlib)),
            frames[-1],
        )
    return _shown(*chosen, rule)


def _inside(code: Any, own: tuple[str, str]) -> bool:
    root, single = own
    name = os.path.abspath(code.co_filename)
    return name == single or bool(root and name.startswith(root + os.sep))


def _shown(code: Any, line: int, rule: Any) -> str:
    """``file.py:line in function``; the file named from the rule's package's folder when it is
    in that package (``gxlint_myplugin/rules.py``), else by its name alone."""
    own = _package_files(rule)
    filename = os.path.abspath(code.co_filename)
    if own is not None and _inside(code, own):
        shown = os.path.relpath(filename, os.path.dirname(own[0] or own[1]))
    else:
        shown = os.path.basename(filename)
    return f"{shown.replace(os.sep, '/')}:{line} in {code.co_name}"


def _package_files(rule: Any) -> tuple[str, str] | None:
    """(folder, "") of the top-level package the rule (a class or an instance) belongs to, or
    ("", file) when it is a single module; None when unknown."""
    if rule is None:
        return None
    module = rule.__module__ if isinstance(rule, type) else type(rule).__module__
    top = sys.modules.get(module.split(".", 1)[0])
    paths = list(getattr(top, "__path__", None) or ())
    if paths:
        return os.path.abspath(paths[0]), ""
    file = getattr(top, "__file__", None)
    return ("", os.path.abspath(file)) if file else None


def _stdlib() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    return tuple(os.path.abspath(paths[k]) + os.sep for k in ("stdlib", "platstdlib") if paths.get(k))


def traceback_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
