"""Bytes to text, and offsets to (line, column).

Everything downstream works on ``Source.text``: the decoded text with the byte-order mark removed
and every line end (CRLF, CR, LF) turned into ``\\n``.  Line and column numbers are 1-based and count
characters, so they agree with what an editor shows for the original file.
"""

from __future__ import annotations

import codecs
import os
import re
from bisect import bisect_right
from dataclasses import dataclass

from .model import Span

#: Files larger than this are refused (real reports are well under 1 MB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_LINE_ENDS = re.compile(r"\r\n?")
# Form feed and vertical tab come from PDF page breaks; editors show them inside a line, so they
# become spaces (same length, so offsets do not move).
_PAGE_BREAKS = str.maketrans({"\f": " ", "\v": " "})
_CJK_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp936", "cp950"}


@dataclass(frozen=True)
class Problem:
    """Why a file could not be read (or read only in part); reported as GX001."""

    message_zh: str
    message_en: str
    line: int = 1
    column: int = 1
    fatal: bool = True


class Source:
    """Decoded text plus a line index."""

    __slots__ = ("path", "text", "encoding", "problems", "_line_starts")

    def __init__(self, text: str, path: str | None = None, encoding: str = "utf-8",
                 problems: tuple[Problem, ...] = ()) -> None:
        self.path = path
        self.text = normalize_newlines(text)
        self.encoding = encoding
        self.problems = problems
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset into ``text``."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int | None = None) -> Span:
        if end is None or end < start:
            end = start
        # line_col() twice, inlined: spans are made for every field of every row
        starts = self._line_starts
        size = len(self.text)
        a = 0 if start < 0 else size if start > size else start
        b = 0 if end < 0 else size if end > size else end
        i = bisect_right(starts, a) - 1
        j = i if (i + 1 == len(starts) or b < starts[i + 1]) else bisect_right(starts, b, i + 1) - 1
        return Span(i + 1, a - starts[i] + 1, j + 1, b - starts[j] + 1, start, end)

    def line_span(self, line: int) -> Span:
        start = self.line_start(line)
        return self.span(start, start + len(self.line(line)))

    def line_start(self, line: int) -> int:
        line = max(1, min(line, len(self._line_starts)))
        return self._line_starts[line - 1]

    def line(self, line: int) -> str:
        """The text of a 1-based line, without its line end ('' when out of range)."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


def normalize_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    if "\f" in text or "\v" in text:  # translate() costs ~50 ns a character even when nothing changes
        text = text.translate(_PAGE_BREAKS)
    return text


def from_text(text: str, path: str | None = None) -> Source:
    return Source(text, path=path, encoding="utf-8")


def from_bytes(data: bytes, path: str | None = None) -> Source:
    text, encoding, problems = decode(data)
    return Source(text, path=path, encoding=encoding, problems=problems)


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a file.  Never raises for a bad file: problems are recorded on the Source."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            return _unreadable(name, f"文件过大（{size / 1048576:.1f} MB，上限 {max_bytes / 1048576:.0f} MB），未检查",
                               f"file too large ({size / 1048576:.1f} MB, limit {max_bytes / 1048576:.0f} MB); not checked")
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return _unreadable(name, "这是一个目录，不是文件", "this is a directory, not a file")
    except FileNotFoundError:
        return _unreadable(name, "文件不存在", "no such file")
    except PermissionError:
        return _unreadable(name, "没有读取权限", "permission denied")
    except OSError as exc:
        return _unreadable(name, f"无法读取：{exc.strerror or exc}", f"cannot read: {exc.strerror or exc}")
    return from_bytes(data, path=name)


def _unreadable(path: str, zh: str, en: str) -> Source:
    return Source("", path=path, encoding="", problems=(Problem(zh, en),))


def decode(data: bytes) -> tuple[str, str, tuple[Problem, ...]]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

    Returns the text, the encoding used and the problems found.  Undecodable or binary input gives
    empty text and a fatal problem.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError:
            return "", "utf-16", (Problem("文件以 UTF-16 字节序标记开头，但内容无法按 UTF-16 解码",
                                          "file starts with a UTF-16 byte-order mark but is not valid UTF-16"),)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return "", "", (Problem(f"这是二进制文件（第 {line} 行含 NUL 字节），不是文本报告",
                                f"binary file (NUL byte on line {line}), not a text report", line=line),)
    return _decode_utf8(data, "utf-8")


def _decode_utf8(data: bytes, encoding: str) -> tuple[str, str, tuple[Problem, ...]]:
    try:
        return data.decode("utf-8"), encoding, ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    detected = _detect_cjk(data)
    if detected:
        return detected
    # Mostly UTF-8 with a few damaged bytes: say where, and lint the rest.
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if damaged * 200 < len(text):
        line = data.count(b"\n", 0, first_bad) + 1
        line_start = data.rfind(b"\n", 0, first_bad) + 1
        column = len(data[line_start:first_bad].decode("utf-8", errors="replace")) + 1
        return text, encoding, (Problem(
            f"第 {line} 行第 {column} 列起有无效的 UTF-8 字节（共 {damaged} 处），已按替换字符处理",
            f"invalid UTF-8 bytes from line {line} column {column} ({damaged} in all), replaced",
            line=line, column=column, fatal=False),)
    return "", "", (Problem("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK 或 Big5 文本",
                            "unknown encoding: the file is neither UTF-8 nor GB18030/GBK or Big5 text"),)


def _detect_cjk(data: bytes) -> tuple[str, str, tuple[Problem, ...]] | None:
    """Let charset-normalizer decide between the Chinese legacy encodings (imported only here)."""
    from charset_normalizer import from_bytes as detect

    best = detect(data, cp_isolation=["gb18030", "big5", "utf_8"]).best()
    if best is None or best.encoding not in _CJK_ENCODINGS:
        return None
    encoding = "gb18030" if best.encoding in {"gbk", "gb2312", "cp936", "hz"} else best.encoding
    try:
        return data.decode(encoding), encoding, ()
    except (UnicodeDecodeError, LookupError):
        return None
