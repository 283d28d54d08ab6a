"""A PDF written by hand from its objects (object 1 is the catalog): for the fixtures and tests that
need a PDF no library would write (no text mapping, absurd page counts)."""

from __future__ import annotations


def raw_pdf(objects: list[bytes]) -> bytes:
    parts = [b"%PDF-1.4\n"]
    size = len(parts[0])
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(size)
        parts.append(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        size += len(parts[-1])
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts.append(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, size))
    return b"".join(parts)
