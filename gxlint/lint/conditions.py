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

from typing import Any, NamedTuple


# a named tuple, not a dataclass: made at start-up in a tenth of the time (docs/performance.md)
class Crash(NamedTuple):
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
    gxlint), else the innermost frame outside the standard library, else the innermost frame.
    ``rule`` is a rule (class or instance), or a module's name: the package of a plugin that failed
    to import or whose hook raised.  A ``SyntaxError`` is placed at the line it names."""
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        own = _package_files(rule)
        filename = os.path.abspath(exc.filename)
        return f"{_file_shown(filename, own, own is not None and _inside_file(filename, own))}:{exc.lineno}"
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


def defined_at(function: Any, module: str) -> str:
    """Where ``function`` is defined, as :func:`where` names a line (``file.py:line in name``);
    ``module`` names its plugin's package.  Empty when it is not a Python function."""
    import inspect

    code = getattr(inspect.unwrap(function), "__code__", None)
    return _shown(code, code.co_firstlineno, module) if code is not None else ""


def _inside(code: Any, own: tuple[str, str]) -> bool:
    return _inside_file(os.path.abspath(code.co_filename), own)


def _inside_file(name: str, own: tuple[str, str]) -> bool:
    root, single = own
    return name == single or bool(root and name.startswith(root + os.sep))


def _shown(code: Any, line: int, rule: Any) -> str:
    """``file.py:line in function``; the file named from the rule's package's folder when it is
    in that package (``gxlint_myplugin/rules.py``), else by its name alone."""
    own = _package_files(rule)
    filename = os.path.abspath(code.co_filename)
    return f"{_file_shown(filename, own, own is not None and _inside(code, own))}:{line} in {code.co_name}"


def _file_shown(filename: str, own: Any, inside: bool) -> str:
    """A file as a message names it: from the folder of the rule's package when ``inside`` it, else
    by its name alone; with ``/`` separators."""
    shown = (
        os.path.relpath(filename, os.path.dirname(own[0] or own[1])) if inside else os.path.basename(filename)
    )
    return shown.replace(os.sep, "/")


def _package_files(rule: Any) -> tuple[str, str] | None:
    """(folder, "") of the top-level package the rule (a class or an instance, or a module's
    name) belongs to, or ("", file) when it is a single module; None when unknown."""
    if rule is None or rule == "":
        return None
    if isinstance(rule, str):
        module = rule
    else:
        module = rule.__module__ if isinstance(rule, type) else type(rule).__module__
    top_name = module.split(".", 1)[0]
    top = sys.modules.get(top_name)
    if top is None:  # not imported (its import failed): where it would be imported from
        import importlib.util

        try:
            spec = importlib.util.find_spec(top_name)
        except (ImportError, ValueError):
            return None
        if spec is None:
            return None
        paths = list(spec.submodule_search_locations or ())
        file = spec.origin if spec.has_location else None
    else:
        paths = list(getattr(top, "__path__", None) or ())
        file = getattr(top, "__file__", None)
    if paths:
        return os.path.abspath(paths[0]), ""
    return ("", os.path.abspath(file)) if file else None


def _stdlib() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    return tuple(os.path.abspath(paths[k]) + os.sep for k in ("stdlib", "platstdlib") if paths.get(k))


def traceback_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
