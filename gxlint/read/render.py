"""A Document as the text the grammar reads, with the way back to the original file.

Paragraphs become lines separated by a blank line (a line break inside a paragraph, such as an
HTML ``<br>``, stays a line break); a table becomes one line per grid row, its cells separated by
tabs and each slot covered by a merged cell left empty, which is the shape the template table
reader reads best.  For every line of the rendered text the renderer records the :class:`Origin`
it came from, and for a table row the origin of each cell with the column where it starts, so
that a finding at (line, column) of the rendered text can name a page, paragraph or table cell.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from gxlint.read.document import NOWHERE, AlignedLines, Document, Grid, Origin, PageBreak, Paragraph, expand

_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")


@dataclass(frozen=True)
class LineOrigin:
    """Where one rendered line came from: the line's origin, and for a table row the column
    (1-based, in the rendered line) where each cell starts, with that cell's origin (for a
    paragraph printed on several lines, where each printed line starts, with its origin)."""

    origin: Origin
    cells: tuple[tuple[int, Origin], ...] = ()
    #: how many characters at the line's start a number drawn by automatic numbering is (Word)
    drawn: int = 0

    def at(self, column: int | None) -> Origin:
        if not self.cells or column is None:
            return self.origin
        starts = [c for c, _ in self.cells]
        i = bisect_right(starts, column) - 1
        return self.cells[max(0, i)][1]


@dataclass(frozen=True)
class Rendered:
    text: str
    lines: tuple[LineOrigin, ...]

    def locate(self, line: int, column: int | None = None) -> Origin | None:
        """The origin of (line, column); without a column, of the whole line (a table row)."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].at(column)
        return None

    def drawn(self, line: int) -> int:
        """How many characters at the start of ``line`` are a number the file's automatic
        numbering draws (Word's list numbering: the author never typed it), 0 for none."""
        return self.lines[line - 1].drawn if 1 <= line <= len(self.lines) else 0


def _without_cell(o: Origin) -> Origin:
    return Origin(o.page, o.line, o.column, o.paragraph, o.table, o.row)


_NUMBER_ONLY = re.compile(r"[+\-－]?[0-9０-９][0-9０-９,，.．]*")


def cell_text(text: str) -> str:
    """One cell's text on one line: wrapped lines rejoined (without a space between Chinese
    characters), tabs and runs of blanks made one space."""
    parts = [p.strip() for p in text.replace("\r", "\n").split("\n")]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and (not (_CJK_END.search(out) or _CJK_START.search(part)) or _NUMBER_ONLY.fullmatch(out)):
            # (a number alone on its line and words on the next: a remark, apart from the number)
            out += " "
        out += part
    return _BLANKS.sub(" ", out).strip()


def render(document: Document) -> Rendered:
    lines: list[str] = []
    origins: list[LineOrigin] = []

    def blank() -> None:
        if lines and lines[-1] != "":
            lines.append("")
            origins.append(origins[-1])

    for key, value, origin in document.metadata:
        lines.append(f"{key}：{value}")
        origins.append(LineOrigin(origin))
    if document.metadata:
        lines.append("==== 正文 ====")
        origins.append(LineOrigin(NOWHERE))
    for block in document.blocks:
        if isinstance(block, Paragraph):
            text = block.text.replace("\t", " ").replace("\r", "")
            parts = [p.strip() for p in text.split("\n")]
            parts = [p for p in parts if p]
            if not parts:
                continue
            blank()
            if block.lines and len(parts) == 1:
                # one rendered line from several printed ones: each piece keeps its own line
                lead = len(text) - len(text.lstrip())
                pieces = ((1, block.origin), *((at - lead + 1, origin) for at, origin in block.lines))
                lines.append(parts[0])
                origins.append(LineOrigin(block.origin, pieces))
                continue
            # the number automatic numbering draws, at the start of the first line
            drawn = max(0, block.drawn - (len(text) - len(text.lstrip()))) if block.drawn else 0
            for i, part in enumerate(parts):
                lines.append(part)
                origins.append(LineOrigin(block.origin, drawn=min(drawn, len(part)) if i == 0 else 0))
        elif isinstance(block, Grid):
            blank()
            for r, row in enumerate(expand(block)):
                texts = [cell_text(c.text) if c is not None else "" for c in row]
                if not any(texts):
                    continue
                starts, column = [], 1
                for cell, text in zip(row, texts):
                    if cell is not None:
                        starts.append((column, cell.origin))
                    column += len(text) + 1
                # the row's own origin: its first written cell's, without the column
                first = next((c for c in row if c is not None), None)
                row_origin = _without_cell(first.origin) if first is not None else block.origin
                lines.append("\t".join(texts))
                origins.append(LineOrigin(row_origin, tuple(starts)))
            blank()
        elif isinstance(block, AlignedLines):
            blank()
            for text, origin in block.lines:
                lines.append(text.replace("\t", " "))
                origins.append(LineOrigin(origin))
            blank()
        elif isinstance(block, PageBreak):
            continue
    while lines and lines[-1] == "":
        lines.pop()
        origins.pop()
    return Rendered("\n".join(lines) + ("\n" if lines else ""), tuple(origins))
