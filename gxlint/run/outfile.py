"""``-o FILE`` (``--output-file``) of ``gxlint`` and ``gxlint parse``: the output is written to a
temporary file beside ``FILE`` and renamed to it once the command is done, so that a run stopped
half-way (Ctrl-C, SIGTERM, an error) leaves no empty or cut-off file behind -- a file that was
there before stays as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from typing import Iterator, TextIO

from gxlint.run.errors import cannot_write


@contextlib.contextmanager
def open_output(output_file: str | None, newline: str | None = None) -> Iterator[TextIO]:
    """Standard output, or a stream that becomes ``output_file`` (UTF-8) when the block ends
    without an exception; when it ends with one, nothing is written.  A name that is no regular
    file (``/dev/stdout``, a pipe) is written to directly, as is one whose folder cannot hold a
    temporary file."""
    if not output_file:
        yield sys.stdout
        return
    target = os.path.realpath(output_file)  # a link stays a link: the file it points to is replaced
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    temporary = None
    if mode is None or stat.S_ISREG(mode):
        temporary = _temporary(target)
    if temporary is None:
        try:
            stream = open(output_file, "w", encoding="utf-8", newline=newline)
        except OSError as exc:
            raise cannot_write(output_file, exc) from None
        with stream:
            yield stream
        return
    fd, name = temporary
    done = False
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
        # the permissions a file made anew gets (mkstemp's are the owner's only), or the old file's
        os.chmod(name, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        try:
            os.replace(name, target)
        except OSError as exc:
            raise cannot_write(output_file, exc) from None
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _temporary(target: str) -> tuple[int, str] | None:
    import tempfile

    folder, base = os.path.split(target)
    try:
        return tempfile.mkstemp(prefix=f".{base}.", suffix=".part", dir=folder or ".")
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
