"""Which input form a file is, decided by its content first and its name second.

A PDF renamed ``.txt``, a Word file renamed ``.doc`` or a web page saved as ``.txt`` are common;
the magic bytes and the markup decide.  The name only breaks ties (a page with almost no markup
saved as ``.html``)."""

from __future__ import annotations

import codecs
import re

#: forms that have a reader: ``text`` (also .md), ``html`` (also ``mhtml``, a page saved as one
#: file, whose page is unpacked and read as ``html``), ``docx``, ``pdf``; and forms refused
#: with a message: ``ole`` (.doc/.wps/.xls, the old binary formats), ``encrypted`` (a .docx or
#: another Office file with an opening password), ``zip`` (a zip that is not a Word document),
#: ``ooxml`` (an Excel or PowerPoint file), ``image``.
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|title)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAG = re.compile(rb"<(?:p|div|table|td|tr|br|span|h[1-6])\b[^>]*>", re.IGNORECASE)
_HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml")
#: a web page saved as one file (Chrome's 网页，单个文件; .mhtml/.mht): a MIME message around it
_MHTML = re.compile(rb"^Content-Type:\s*multipart/related", re.I | re.M)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


#: byte-order marks of the encodings whose text is not ASCII-compatible, longest first (a UTF-32-LE
#: mark starts with UTF-16-LE's)
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff(data: bytes, path: str | None = None) -> str:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            # text in UTF-16 or UTF-32 (Notepad's "Unicode"): its markup is looked for in the
            # text, not in the bytes, where every character is two or four bytes
            width = 4 if "32" in encoding else 2
            head = data[len(bom) : len(bom) + 65536 * width]
            head = head[: len(head) - len(head) % width]
            text = head.decode(encoding, "replace").encode("utf-8", "replace")
            return "html" if _markup(text, path) else "text"
    head = data[:2048]
    name = (path or "").lower()
    if b"%PDF-" in head[:1024] or head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or name.endswith(".docx"):
            return "docx"
        if b"xl/" in data[:65536] or b"ppt/" in data[:65536]:
            return "ooxml"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # a .docx with an opening password is stored by Word and WPS as an OLE file holding the
        # encrypted package (its directory names the stream in UTF-16)
        return "encrypted" if _ENCRYPTED_PACKAGE in data else "ole"
    if head.startswith(_IMAGES):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if b"MIME-Version:" in head and _MHTML.search(head) is not None:
        return "mhtml"
    return "html" if _markup(data, path) else "text"


def _markup(data: bytes, path: str | None) -> bool:
    """Whether ASCII-compatible text is a web page: it starts as one, or holds its tags."""
    name = (path or "").lower()
    body = data[:2048].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(body):
        return True
    # five tags need five "<" (counted first: a text file has few or none; and looked for before
    # counting: finding one is much quicker than counting them all)
    if name.endswith(_HTML_NAMES) or (
        data.find(b"<", 0, 65536) >= 0
        and data.count(b"<", 0, 65536) >= 5
        and len(_HTML_TAG.findall(data[:65536])) >= 5
    ):
        return _HTML_TAG.search(data[:65536]) is not None
    return False
