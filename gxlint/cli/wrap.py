"""Help in Chinese that fits the terminal: wrapping by display width, where a CJK character takes
two columns and a line may break between any two of them."""

from __future__ import annotations

import functools
import re

import click

from gxlint.chinese import text_width


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"


@functools.lru_cache(maxsize=1)
def _tokens() -> re.Pattern[str]:
    """A wrapping unit: spaces, one CJK character (with the punctuation that must not start a
    line), or a run of other characters (a word, an option name).  Compiled when help is first
    wrapped, not on every run: its CJK ranges are costly to compile."""
    return re.compile(rf"[ \t]+|[{_CJK}][，。；：、）》」』！？”’…\]),.;:!?]*|[^\s{_CJK}]+")


def wrap_cjk(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap ``text`` to ``width`` terminal columns, where a CJK character takes two columns and a
    line may break between any two of them (click's wrapping counts characters and breaks only at
    spaces, so Chinese help ran far past the terminal's edge).  Paragraphs (blank lines) are kept."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        joined = ""
        for piece in (p.strip() for p in para.split("\n")):
            if (
                joined
                and piece
                and not (re.match(rf"[{_CJK}]", joined[-1]) and re.match(rf"[{_CJK}]", piece[0]))
            ):
                joined += " "
            joined += piece
        lines: list[str] = []
        line, used, space = initial_indent, text_width(initial_indent), False
        empty = True
        for token in _tokens().findall(joined):
            if token.isspace():
                space = not empty
                continue
            need = text_width(token) + (1 if space else 0)
            if used + need > width and not empty:
                lines.append(line)
                line, used, space = subsequent_indent, text_width(subsequent_indent), False
                need = text_width(token)
            line += (" " if space else "") + token
            used += need
            space, empty = False, False
        lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


class GxHelpFormatter(click.HelpFormatter):
    """click's help formatter, wrapping Chinese text by display width."""

    def write_text(self, text: str) -> None:
        if not re.search(rf"[{_CJK}]", text):
            return super().write_text(text)
        indent = " " * self.current_indent
        self.write(wrap_cjk(text, self.width, indent, indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(re.search(rf"[{_CJK}]", second) for _, second in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max((text_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if text_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - text_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            wrap_width = max(self.width - first_col - 2, 10)
            lines = wrap_cjk(second, wrap_width).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
