"""What gxlint keeps between runs, in a folder of the temp dir that only this user can write
(:func:`folder`): Lark's parser of the grammar (gxlint.read.outline) and the regular expressions
compiled by earlier runs (:func:`warm`).

Why the patterns are kept: CPython's ``re`` compiles in Python, and each class of scattered CJK
characters (``[一二三四五六七八九十]``, ``[，。；]``) costs it a 64K-entry table; compiling the
patterns a run needs was about half of a cold start beyond importing lark, pluggy and click (the
number is in docs/performance.md, "The cold start gap").  ``re`` itself keeps every pattern it
compiles for the rest of the process, keyed by pattern and flags; :func:`warm` fills that store
with the patterns earlier runs compiled, rebuilt from their compiled code by the call ``re`` makes
(which checks the code), and a command-line run adds at exit those it compiled anew (:func:`keep`).  ``re`` then behaves as if
it had compiled them itself (a test compares every pattern of a run with a freshly compiled one).

The file is named after the interpreter and the regular expression engine's version, so another
Python never reads it; an unreadable or damaged file, a folder that is not private, or an
interpreter whose ``re`` is built differently (not CPython 3.10-3.13's) means no cache, never an
error.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import Any

#: at most this many patterns are kept (re's own store holds 512; gxlint compiles ~250 across all input forms)
MAX_PATTERNS = 400

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def folder() -> str | None:
    """The folder of gxlint's caches (created if needed), or None if it cannot be made private.

    A predictable name in the world-writable temp dir would let another local user plant a file
    there, so the folder must belong to this user and be closed to everyone else."""
    import tempfile

    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the temp dir is per user already
        path = os.path.join(tempfile.gettempdir(), "gxlint")
        try:
            os.makedirs(path, exist_ok=True)
        except OSError:
            return None
        return path
    path = os.path.join(tempfile.gettempdir(), f"gxlint-{os.getuid()}")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077:
        return None
    return path


def _engine() -> Any:
    """``(_sre, compiler, parser)``: the parts of CPython's ``re`` that compile a pattern."""
    if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
        return None
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10 names them sre_compile and sre_parse
        try:
            import _sre
            import sre_compile as _compiler
            import sre_parse as _parser
        except ImportError:
            return None
    if not all(hasattr(m, n) for m, n in ((_sre, "compile"), (_compiler, "_code"), (_parser, "parse"))):
        return None  # pragma: no cover
    return _sre, _compiler, _parser


def _file(engine: Any) -> str | None:
    where = folder()
    if where is None:
        return None
    sre = engine[0]
    tag = f"{sys.implementation.cache_tag}-{sre.MAGIC}-{sre.CODESIZE}-{sys.maxunicode}"
    return os.path.join(where, f"patterns-{tag}.marshal")


def entry(pattern: str, flags: int, engine: Any = None) -> _Entry:
    """What :func:`rebuild` needs to make ``re.compile(pattern, flags)`` again, computed as
    ``re`` computes it."""
    _, compiler, parser = engine or _engine()
    p = parser.parse(pattern, flags)
    code = [int(c) for c in compiler._code(p, flags)]
    groupindex = dict(p.state.groupdict)
    indexgroup: list[Any] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup)


def rebuild(pattern: str, stored: _Entry, engine: Any = None) -> re.Pattern[str]:
    """The compiled pattern, from what :func:`entry` computed (``_sre`` checks the code)."""
    sre = (engine or _engine())[0]
    final_flags, code, groups, groupindex, indexgroup = stored
    return sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


#: the cache file of this process and what it held, once :func:`warm` has read it
_RUN: dict[str, Any] = {}


def warm() -> None:
    """Put the patterns that earlier runs compiled into ``re``'s store.  Does nothing the second
    time, or where there is no cache."""
    if _RUN:
        return
    engine = _engine()
    path = _file(engine) if engine else None
    if engine is None or path is None:
        return
    stored = _read(path)
    _RUN.update(path=path, stored=stored, engine=engine)
    store = re._cache  # type: ignore[attr-defined]
    for (pattern, flags), value in list(stored.items())[:MAX_PATTERNS]:
        key = (str, pattern, flags)
        if key in store:
            continue
        try:
            store[key] = rebuild(pattern, value, engine)
        except Exception:  # a damaged or foreign entry: compiled as usual when needed
            del stored[(pattern, flags)]


def keep_at_exit() -> None:
    """Have :func:`keep` run when the process ends: for a gxlint command run from the command line
    (a program or a test run that imports gxlint compiles patterns of its own, not worth keeping)."""
    if _RUN and not _RUN.get("keeping"):
        import atexit

        _RUN["keeping"] = True
        atexit.register(keep)


def _read(path: str) -> dict[tuple[str, int], _Entry]:
    import marshal

    try:
        with open(path, "rb") as handle:
            data = marshal.loads(handle.read())  # whole: marshal.load() reads a file piecemeal
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: value
        for key, value in data.items()
        if isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str)
        and isinstance(key[1], int)
        and isinstance(value, tuple)
        and len(value) == 5
    }


def keep() -> None:
    """Add to the cache file the patterns in ``re``'s store that it lacks (patterns of gxlint's code:
    gxlint never compiles a report's text), dropping the oldest when there would be too many."""
    if not _RUN:
        return
    path, stored, engine = _RUN["path"], _RUN["stored"], _RUN["engine"]
    new = {}
    for key in list(re._cache):  # type: ignore[attr-defined]
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] is str):
            continue
        _, pattern, flags = key
        if not isinstance(flags, int):
            continue
        # a plain int: Python 3.13 keys some patterns by an int subclass (re._ZeroSentinel, the
        # default of re.sub's flags), which marshal refuses -- and with it the whole file
        flags = int(flags)
        if (pattern, flags) in stored:
            continue
        try:
            new[(pattern, flags)] = entry(pattern, flags, engine)
        except Exception:  # pragma: no cover - re compiled it, so computing it again succeeds
            continue
    if not new:
        return
    # what other runs kept since this one started, then this run's; the oldest go first
    merged = {**stored, **_read(path), **new}
    _write(path, dict(list(merged.items())[-MAX_PATTERNS:]))
    stored.update(new)


def _write(path: str, data: dict) -> None:
    import marshal

    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(data))
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
