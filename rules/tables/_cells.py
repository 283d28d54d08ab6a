"""Words in a number cell, shared by GX207 (a number written wrongly) and GX210 (a row out of place)."""

from __future__ import annotations

import re
import unicodedata

from gxlint.chinese import cjk_count
from gxlint.model import Cell

#: characters that stand in for a number (—, /, ~ …)
DASHES = "-－—–‐―/／~～"
#: words that stand for "nothing" in a number cell (无, 暂无, 未发生, 不涉及 …): a bad number, not a
#: label; a pattern compiled on first use (``re`` caches), since only a malformed cell is read with it
NONE_WORDS = r"^(?:暂|尚|均)?(?:无|没有|未|不|零|空|同上|略|见)"


def words_in_cell(cell: Cell) -> bool:
    """A number cell holding words that read as a row label (行政检查), not a number written wrongly
    (00, 1O, —, 3件左右) nor a word for nothing (无, 暂无): GX210 reports it, not GX207."""
    if cell.status != "malformed":
        return False
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return cjk_count(text) >= 2 and not re.search(r"\d", text) and not re.match(NONE_WORDS, text)
