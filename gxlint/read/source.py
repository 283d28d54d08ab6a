"""Bytes to text, and offsets to (line, column).

Everything downstream works on ``Source.text``: the decoded text with the byte-order mark removed
and every line end (CRLF, CR, LF) turned into ``\\n``.  Line and column numbers are 1-based and count
characters, so they agree with what an editor shows for the original file.
"""

from __future__ import annotations

from gxlint.chinese import has_cjk_run, os_error_zh

import codecs
import re
import os
import stat
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add
from typing import BinaryIO

from gxlint.model import Span, _tuple_new
from gxlint.read.document import AlignedLines, Document, Origin, Problem
from gxlint.read.sniff import sniff

#: Files larger than this are refused (real reports are well under 1 MB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

#: PDF and Word files carry images and fonts: they may be this many times larger than a text file.
PACKED_FACTOR = 8
_PACKED = (".pdf", ".docx")
_CJK_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp936", "cp950"}


class Source:
    """The text the grammar reads, plus a line index and the way back to the original file.

    ``form`` is the input form the text was read from (``text``, ``docx``, ``html``, ``pdf``).
    For a text file, lines and columns are the file's own.  For the other forms ``text`` is the
    rendering of the document (:mod:`gxlint.read.render`), and :meth:`locate` names the place in
    the original file (page, paragraph, table cell, HTML source line) that a line came from.
    """

    __slots__ = (
        "path",
        "text",
        "encoding",
        "problems",
        "form",
        "rendered",
        "original",
        "_moves",
        "_line_starts",
    )

    def __init__(
        self,
        text: str,
        path: str | None = None,
        encoding: str = "utf-8",
        problems: tuple[Problem, ...] = (),
        form: str = "text",
        rendered=None,
        original: str | None = None,
    ) -> None:
        self.path = path
        self.text = normalize_newlines(text)
        self.encoding = encoding
        self.problems = problems
        self.form = form
        self.rendered = rendered
        #: the file's text when ``text`` has tables rewritten into tab rows
        #: (:func:`gxlint.read.textforms.normalize`; the line count is the same), else None
        self.original = original
        self._moves: dict | None = None
        # Line k + 1 starts after the first k lines and their k "\n" (one pass in C, no loop in Python).
        ends = accumulate(map(len, self.text.split("\n")))
        self._line_starts = [0, *map(add, ends, count(1))][:-1]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset into ``text``."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_shift(self, offset: int) -> tuple[int, int]:
        """The 1-based line of an offset inside ``text``, and the shift that makes any offset on that
        line its 1-based column (``offset + shift``): for a reader that places every field of a line
        (:meth:`line_col` for each, with its clamping, would find the same line again and again)."""
        starts = self._line_starts
        index = bisect_right(starts, offset) - 1
        return index + 1, 1 - starts[index]

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
        return _tuple_new(Span, (i + 1, a - starts[i] + 1, j + 1, b - starts[j] + 1, start, end))

    def line_span(self, line: int) -> Span:
        start = self.line_start(line)
        return self.span(start, start + len(self.line(line)))

    def line_start(self, line: int) -> int:
        line = max(1, min(line, len(self._line_starts)))
        return self._line_starts[line - 1]

    def origin(self, line: int, column: int) -> tuple[int, int]:
        """Where 1-based (line, column) of ``text`` is in the user's text file: the same place,
        except on a table row that was rewritten from pipes, one cell per line or aligned columns,
        whose cells are found where the file has them (:func:`gxlint.read.textforms.moves`)."""
        if self.original is None:
            return line, column
        if self._moves is None:
            from gxlint.read.textforms import moves

            self._moves = moves(self.original, self.text)
        fields = self._moves.get(line - 1)
        if not fields:
            return line, column
        col = column - 1
        # the field the column is in (or the last before it); inside it, the same distance on
        at, size, old_line, old_col = fields[0]
        for field in fields:
            if field[0] > col:
                break
            at, size, old_line, old_col = field
        return old_line + 1, old_col + min(max(col - at, 0), size) + 1

    def drawn(self, line: int) -> int:
        """How many characters at the start of the 1-based ``line`` are a number the file's
        automatic numbering draws (a Word heading numbered by a list: 一、 that the author never
        typed); 0 for none, and always for a text file."""
        return self.rendered.drawn(line) if self.rendered is not None else 0

    def shown_text(self) -> str:
        """The text as the user's file has it (the lines a finding's line number is in)."""
        return self.original if self.original is not None else self.text

    def locate(self, line: int, column: int | None = None) -> Origin | None:
        """Where (line, column) of ``text`` is in the original file (without a column: the whole
        line, e.g. a table row); None for a text file, whose lines are its own."""
        return self.rendered.locate(line, column) if self.rendered is not None else None

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
    # str.replace, not re.sub or str.translate: it copies whole runs of text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Form feed and vertical tab come from PDF page breaks; editors show them inside a line, so they
    # become spaces (same length, so offsets do not move).
    if "\f" in text:
        text = text.replace("\f", " ")
    if "\v" in text:
        text = text.replace("\v", " ")
    # A web page's &nbsp; copied as text (cells of a crawled table parted by no-break spaces)
    # separates as a space does
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return text


def from_text(
    text: str, path: str | None = None, encoding: str = "utf-8", problems: tuple[Problem, ...] = ()
) -> Source:
    """The Source of a report's text, read as a text file of it is: its tables in bare pipes, one
    cell per line or aligned columns rebuilt as tab rows (:func:`gxlint.read.textforms.normalize`)."""
    if text and not any(p.fatal for p in problems):
        from gxlint.read.textforms import normalize

        original = normalize_newlines(text)
        rebuilt = normalize(original)
        if rebuilt is not original:  # tables rewritten: positions go back to the file's own
            return Source(rebuilt, path=path, encoding=encoding, problems=problems, original=original)
    return Source(text, path=path, encoding=encoding, problems=problems)


def from_bytes(data: bytes, path: str | None = None) -> Source:
    """Read a file's bytes in whatever form they are (text, Word, web page, PDF)."""
    form = sniff(data, path)
    if (
        form == "text"
        and (path or "").lower().endswith(_BINARY_NAMES)
        and data.strip()  # an empty file is empty (GX002) whatever its name: a download that failed
        and not _looks_like_text(data)
    ):
        ext = os.path.splitext(path or "")[1]
        return Source(
            "",
            path=path,
            encoding="",
            form=form,
            problems=(
                Problem(
                    f"文件扩展名是 {ext}，但内容不是这种格式（文件可能已损坏，或扩展名有误）；请用原程序重新保存后再检查",
                    f"the file is named {ext} but its content is not in that format (it is damaged or misnamed); "
                    f"save it again from the program that made it and check that file",
                ),
            ),
        )
    if form == "text":
        text, encoding, problems = decode(data)
        return from_text(text, path, encoding, problems)
    if form == "mhtml":
        unpacked = _mhtml_page(data)
        if unpacked is None:
            return Source("", path=path, encoding="", problems=(Problem(*_NO_MHTML_PAGE),), form=form)
        from gxlint.read.document import relined

        page, lines = unpacked
        # the page's lines are the file's from where the page starts in it (see _mhtml_page)
        document = relined(
            _read_document("html", page, path), lambda n: lines[n - 1] if 0 < n <= len(lines) else None
        )
        return from_document(document, path)
    if form in _REFUSED:
        zh, en = _REFUSED[form]
        return Source("", path=path, encoding="", problems=(Problem(zh, en),), form=form)
    return from_document(_read_document(form, data, path), path)


def from_document(document: Document, path: str | None = None) -> Source:
    """The Source of a document read by one of the readers: its rendering, with origins."""
    from gxlint.read.render import render

    if any(p.fatal for p in document.problems):
        return Source(
            "", path=path, encoding=document.encoding, problems=document.problems, form=document.form
        )
    rendered = render(document)
    text = rendered.text
    if document.form == "html" or any(isinstance(block, AlignedLines) for block in document.blocks):
        from gxlint.read.textforms import normalize

        # a table drawn without ruling lines, printed as aligned columns: rebuilt as the text
        # reader rebuilds ``pdftotext -layout`` text (line for line: the origins stay right)
        text = normalize(text)
    return Source(
        text,
        path=path,
        encoding=document.encoding,
        problems=tuple(_on_its_page(p, rendered) for p in document.problems),
        form=document.form,
        rendered=rendered,
    )


def _on_its_page(problem: Problem, rendered) -> Problem:
    """A problem about a page of a PDF placed on the first line read from that page (or from the
    pages after it; else the last line): a finding names the page a person turns to."""
    if not problem.page or not rendered.lines:
        return problem
    line = next(
        (i for i, o in enumerate(rendered.lines, 1) if (o.origin.page or 0) >= problem.page),
        len(rendered.lines),
    )
    return Problem(problem.message_zh, problem.message_en, line, 1, problem.fatal, problem.page)


_READERS = {"docx": "word", "html": "web", "pdf": "pdf"}
_NAMES = {
    "docx": ("Word 文档", "Word document"),
    "html": ("网页", "web page"),
    "pdf": ("PDF 文件", "PDF file"),
}
_REFUSED = {
    "ole": (
        "这是旧版 Word/WPS/Excel 的二进制格式（.doc、.wps、.xls），gxlint 无法读取；请在 Word 或 WPS 中"
        "另存为 .docx（或 .txt）后再检查",
        "this is an old binary Office/WPS format (.doc, .wps, .xls), which gxlint cannot read; save it as "
        ".docx (or .txt) in Word or WPS and check that file",
    ),
    "encrypted": (
        "文件已加密（设置了打开密码），无法读取；请在 Word 或 WPS 中取消密码（文件 › 信息 › 保护文档）后另存，"
        "再检查",
        "the file is encrypted (it has an opening password) and cannot be read; remove the password in "
        "Word or WPS (File › Info › Protect Document), save it and check that file",
    ),
    "zip": (
        "这是一个 ZIP 压缩包，不是 Word 文档；请解压后检查其中的报告文件",
        "this is a ZIP archive, not a Word document; unpack it and check the report inside",
    ),
    "ooxml": (
        "这是 Excel 或 PowerPoint 文件，不是年度报告；请检查报告的 Word、网页、PDF 或文本版本",
        "this is an Excel or PowerPoint file, not an annual report; check the report's Word, web page, "
        "PDF or text version",
    ),
    "rtf": (
        "这是 RTF 格式文件，gxlint 无法读取；请在 Word 或 WPS 中另存为 .docx（或 .txt）后再检查",
        "this is an RTF file, which gxlint cannot read; save it as .docx (or .txt) in Word or WPS and "
        "check that file",
    ),
    "image": (
        "这是图片文件，没有可读取的文字；请检查报告的 Word、网页、PDF 或文本版本",
        "this is an image, with no text to read; check the report's Word, web page, PDF or text version",
    ),
}


_BINARY_NAMES = (".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls")


def _looks_like_text(data: bytes) -> bool:
    """A renamed text file: decodes, and holds some Chinese."""
    text, _, problems = decode(data[:65536])
    return not any(p.fatal for p in problems) and sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 20


_NO_MHTML_PAGE = (
    "这是一个保存为单个文件的网页（.mhtml），但其中没有网页正文；请在浏览器中打开后另存为“网页，仅 HTML”再检查",
    "this is a web page saved as one file (.mhtml), but it holds no page; open it in a browser and save it "
    "as “Webpage, HTML only”, then check that file",
)


def _mhtml_page(data: bytes) -> tuple[bytes, list[int | None]] | None:
    """The web page inside a page saved as one file (.mhtml: a MIME message of the page and its
    pictures): its first ``text/html`` part, decoded from quoted-printable or base64; and for each
    line of the page, the line of the file where it starts (:func:`_mhtml_lines`)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                lines = _mhtml_lines(data, part, payload)
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:2048].lower():
                    # the charset is given by the part's header only: the page's reader needs it
                    # (on the page's first line: the lines stay where they are)
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload, lines
    return None


def _mhtml_lines(data: bytes, part, page: bytes) -> list[int | None]:
    """For each line of ``page`` (the decoded body of ``part`` of the .mhtml file ``data``), the
    line of the file it starts on, so that a finding names the line a viewer of the file shows.
    A body written as it is (7bit, 8bit) keeps its lines; in quoted-printable a line of the page
    starts at a known line of the file (a line ending in ``=`` is continued on the next, and the
    page's line breaks are the file's or an encoded ``=0A`` within a line).  A body in base64
    (or one that cannot be found again in the file) has no such lines: None for each."""
    import quopri

    unknown: list[int | None] = [None] * (page.count(b"\n") + 1)
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding not in ("", "7bit", "8bit", "binary", "quoted-printable"):
        return unknown
    # the body as the parser holds it: the file's bytes, those past ASCII as surrogates
    # (get_payload() would decode them by the part's charset)
    raw = getattr(part, "_payload", None)
    if not isinstance(raw, str) or not raw:
        return unknown
    try:
        body = raw.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return unknown
    at = data.find(body)
    if at < 0:
        return unknown
    first = data.count(b"\n", 0, at) + 1
    lines: list[int | None] = [first]
    decoded: list[bytes] = []
    for number, line in enumerate(body.splitlines(keepends=True), first):
        piece = quopri.decodestring(line) if encoding == "quoted-printable" else line
        decoded.append(piece)
        start = 0
        while (end := piece.find(b"\n", start)) >= 0:
            start = end + 1
            # the next line of the page starts after this line break: further on this line of the
            # file, or (the break is the line's own) at the start of the next
            lines.append(number + 1 if start == len(piece) else number)
    if b"".join(decoded) != page:  # decoded otherwise than line by line: no lines rather than wrong ones
        return unknown
    return lines


def _read_document(form: str, data: bytes, path: str | None) -> Document:
    """Run the reader of ``form``; a reader that fails is a GX001 problem, never a traceback."""
    import importlib

    try:
        reader = importlib.import_module(f"gxlint.read.{_READERS[form]}")
        return reader.read(data, path)
    except Exception as exc:  # a reader bug or a library failure on one file must not stop the run
        zh, en = _NAMES[form]
        return Document(
            form,
            problems=(
                Problem(
                    f"无法读取这个{zh}（{type(exc).__name__}: {str(exc)[:200]}）；文件可能已损坏，请用原程序另存后再检查",
                    f"could not read this {en} ({type(exc).__name__}: {str(exc)[:200]}); the file may be damaged: "
                    f"save it again from the program that made it and check that file",
                ),
            ),
        )


class NotRegularFile(OSError):
    """The path names something other than a regular file or a directory: a named pipe (FIFO),
    a device or a socket.  Such a thing is never opened: reading a pipe waits for a writer that
    may never come, and a device may never end."""

    def __init__(self, name: str, kind_zh: str, kind_en: str) -> None:
        super().__init__(f"not a regular file ({kind_en})")
        self.filename = name
        self.kind_zh, self.kind_en = kind_zh, kind_en


#: what a path that is not a regular file is, by ``stat``'s test of it
_NOT_REGULAR = (
    (stat.S_ISFIFO, "命名管道", "a named pipe"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
    (stat.S_ISSOCK, "套接字", "a socket"),
)


#: where a process finds the descriptors it holds open
_DESCRIPTORS = ("/dev/fd/", "/proc/self/fd/")


def open_regular(name: str) -> tuple[BinaryIO, int]:
    """Open a regular file for reading, and its size.  Raises :class:`IsADirectoryError` for a
    directory and :class:`NotRegularFile` for anything else that is not a regular file, decided
    from ``stat`` before opening it (and checked again on what was opened, which never waits:
    opened without blocking), and :class:`OSError` as ``open`` does.  A pipe this process holds
    open (``/dev/fd/N``: the shell's ``<(command)``) is read, as a file being written is: the
    size returned is 0, and the caller reads on to its limit (:func:`read_at_most`)."""
    mode = os.stat(name).st_mode
    if stat.S_ISFIFO(mode) and name.startswith(_DESCRIPTORS):
        # a pipe this process was given open (the shell's ``<(command)``): its writer is there
        handle = open(name, "rb")
        return handle, 0
    _refuse_not_regular(name, mode)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        _refuse_not_regular(name, st.st_mode)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def _refuse_not_regular(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", name)
    for test, zh, en in _NOT_REGULAR:
        if test(mode):
            raise NotRegularFile(name, zh, en)
    raise NotRegularFile(name, "特殊文件", "a special file")


def _limit(name: str, max_bytes: int) -> int:
    return max_bytes * PACKED_FACTOR if name.lower().endswith(_PACKED) else max_bytes


def _too_large(name: str, size: int | None, max_bytes: int) -> Source:
    """``size`` None: a stream, whose size is not known beyond the limit."""
    limit = max_bytes / 1048576
    if size is None:
        return _unreadable(
            name,
            f"内容过大（超过上限 {limit:.0f} MB），未检查",
            f"too large (over the {limit:.0f} MB limit); not checked",
        )
    return _unreadable(
        name,
        f"文件过大（{size / 1048576:.1f} MB，上限 {limit:.0f} MB），未检查",
        f"file too large ({size / 1048576:.1f} MB, limit {limit:.0f} MB); not checked",
    )


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode what a stream (standard input) holds, named ``name``; past the size limit a
    file is, nothing is decoded (the rest of the stream is left unread)."""
    max_bytes = _limit(name, max_bytes)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _unreadable(name, f"无法读取：{os_error_zh(exc)}", f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _too_large(name, None, max_bytes)
    return from_bytes(data, path=name)


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a file.  Never raises for a bad file: problems are recorded on the Source."""
    name = os.fspath(path)
    max_bytes = _limit(name, max_bytes)
    try:
        handle, size = open_regular(name)
        with handle:
            if size > max_bytes:
                return _too_large(name, size, max_bytes)
            data = read_at_most(handle, size, max_bytes)
    except IsADirectoryError:
        return _unreadable(name, "这是一个目录，不是文件", "this is a directory, not a file")
    except NotRegularFile as exc:
        return _unreadable(
            name,
            f"这不是普通文件（是{exc.kind_zh}），未读取；要检查标准输入的内容，请用 -",
            f"not a regular file ({exc.kind_en}); not read (to check standard input, give -)",
        )
    except FileNotFoundError:
        return _unreadable(name, "文件不存在", "no such file")
    except PermissionError:
        return _unreadable(name, "没有读取权限", "permission denied")
    except OSError as exc:
        return _unreadable(name, f"无法读取：{os_error_zh(exc)}", f"cannot read: {exc.strerror or exc}")
    return from_bytes(data, path=name)


def read_at_most(handle: BinaryIO, size: int, max_bytes: int) -> bytes:
    """What an open file holds, at most ``max_bytes`` + 1 bytes: the ``size`` its directory entry
    gave (a buffered read of n bytes allocates n bytes first, and the limit is far beyond most
    reports), and the rest up to the limit only when it holds more (a pipe, a file being written)."""
    data = handle.read(size + 1)
    if len(data) > size:
        data += handle.read(max_bytes - size)
    return data


def _unreadable(path: str, zh: str, en: str) -> Source:
    return Source("", path=path, encoding="", problems=(Problem(zh, en),))


def decode(data: bytes) -> tuple[str, str, tuple[Problem, ...]]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

    Returns the text, the encoding used and the problems found.  Undecodable or binary input gives
    empty text and a fatal problem.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], "utf-8-sig")
    utf32 = _utf32(data)  # before UTF-16: UTF-32-LE's mark starts with UTF-16-LE's
    if utf32 is not None:
        return utf32
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            decoded = data.decode("utf-16")
            if "\x00" in decoded:  # binary after the mark
                return "", "utf-16", (_binary(data, decoded.index("\x00")),)
            return decoded, "utf-16", ()
        except UnicodeDecodeError:
            return (
                "",
                "utf-16",
                (
                    Problem(
                        "文件以 UTF-16 字节序标记开头，但内容无法按 UTF-16 解码",
                        "file starts with a UTF-16 byte-order mark but is not valid UTF-16",
                    ),
                ),
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        line = data.count(b"\n", 0, nul) + 1
        return "", "", (_binary_line(line),)
    return _decode_utf8(data, "utf-8")


def _binary(data: bytes, char: int) -> Problem:
    """A NUL character at ``char`` of text decoded from two bytes a character."""
    return _binary_line(data[: 2 * char + 2].decode("utf-16", "replace").count("\n") + 1)


def _binary_line(line: int) -> Problem:
    return Problem(
        f"这是二进制文件（第 {line} 行含 NUL 字节），不是文本报告",
        f"binary file (NUL byte on line {line}), not a text report",
        line=line,
    )


def _utf32(data: bytes) -> tuple[str, str, tuple[Problem, ...]] | None:
    """UTF-32 text, with its byte-order mark or without (then every character's two high bytes
    are NUL: ``x x 0 0`` or ``0 0 x x`` throughout); None when the bytes are not that."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif (
        len(data) >= 8 and len(data) % 4 == 0 and data[2::4].count(0) == data[3::4].count(0) == len(data) // 4
    ):
        encoding = "utf-32-le"
    elif (
        len(data) >= 8 and len(data) % 4 == 0 and data[0::4].count(0) == data[1::4].count(0) == len(data) // 4
    ):
        encoding = "utf-32-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return (
            "",
            encoding,
            (
                Problem(
                    "文件像是 UTF-32 编码，但内容无法按 UTF-32 解码",
                    "file looks like UTF-32 (a byte-order mark, or two NUL bytes in every four) but is not valid UTF-32",
                ),
            ),
        )
    if "\x00" in text:
        return "", encoding, (_binary_line(text[: text.index("\x00")].count("\n") + 1),)
    return text, encoding, ()


def _utf16_without_bom(data: bytes) -> tuple[str, str, tuple[Problem, ...]] | None:
    """UTF-16 text saved without its byte-order mark (Windows' "Unicode" without a BOM): a NUL byte
    is the high byte of a Latin character (a digit, a blank, a line end), so most stand on one side
    of the pairs (a 汉字 such as 一, U+4E00, puts its low byte on the other); the whole decodes into
    lines, and holds no control character but tab and line ends."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if min(even, odd) * 4 > max(even, odd) or max(even, odd) * 100 < len(data):
        return None  # not one side, or too few: a stray NUL in other text
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\n" not in text or re.search(r"[\x00-\x08\x0b\x0e-\x1f]", text) or not has_cjk_run(text, 2):
        return None
    return text, encoding, ()


def damaged_utf8(data: bytes) -> tuple[str, int, int] | None:
    """UTF-8 with a few damaged bytes: the text with each bad sequence replaced by U+FFFD, how many
    were replaced, and the offset of the first; None when the bytes are valid UTF-8 or are not
    UTF-8 at all.  UTF-8 it is when its characters outside ASCII are mostly valid sequences (at
    most one bad for ten good): text in GB18030, Big5 or a Western charset, and binary data,
    decode as UTF-8 into mostly bad sequences (some one in six GB18030 characters happens to be a
    valid two-byte sequence), whatever the share of ASCII around them."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return (text, bad, first_bad) if bad * 10 <= good else None


def _decode_utf8(data: bytes, encoding: str) -> tuple[str, str, tuple[Problem, ...]]:
    try:
        return data.decode("utf-8"), encoding, ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Mostly UTF-8 with a few damaged bytes (its Chinese mostly valid UTF-8, :func:`damaged_utf8`),
    # else a legacy Chinese encoding, else few damaged bytes for the file's size: say where, and
    # lint the rest.
    mostly = damaged_utf8(data)
    if mostly is None:
        detected = _detect_cjk(data)
        if detected:
            return detected
    text = data.decode("utf-8", errors="replace") if mostly is None else mostly[0]
    damaged = text.count("\ufffd")
    if mostly is not None or damaged * 200 < len(text):
        line = data.count(b"\n", 0, first_bad) + 1
        line_start = data.rfind(b"\n", 0, first_bad) + 1
        column = len(data[line_start:first_bad].decode("utf-8", errors="replace")) + 1
        return (
            text,
            encoding,
            (
                Problem(
                    f"第 {line} 行第 {column} 列起有无效的 UTF-8 字节（共 {damaged} 处），已按替换字符处理",
                    f"invalid UTF-8 bytes from line {line} column {column} ({damaged} in all), replaced",
                    line=line,
                    column=column,
                    fatal=False,
                ),
            ),
        )
    return (
        "",
        "",
        (
            Problem(
                "无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK 或 Big5 文本",
                "unknown encoding: the file is neither UTF-8 nor GB18030/GBK or Big5 text",
            ),
        ),
    )


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
