"""Split digits that a web page ran together (``640020470``) into a row's cells.

A split is trusted only when it is the *only* one that gives valid cells (no leading zeros, decimals
only in money columns, a sign only in a signed column such as 2019's 本年增/减: ``35-15`` is 35 and
−15) and satisfies the row's own totals (the six applicant cells sum to 总计; each 复议/诉讼 block's
four cells sum to its 总计).  Whitespace in the text is a hard boundary.  The caller gets every
solution up to ``limit``; more than one means the row alone does not decide (the table's column
totals may still do so: see gxlint.read.tables).  The search gives up (returns no solution) after a
fixed amount of work, so adversarial input cannot make it slow.

:func:`search` also says why a row has no single split (:attr:`Search.reason`), for the reader's
message: several splits and no total in the row to decide by, several that all satisfy its totals,
valid splits none of which matches its totals, no way at all to cut it into valid numbers, or too
much work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Constraint = tuple[int, tuple[int, ...]]  # (total column, part columns)

MAX_INT_DIGITS = 9
MAX_MONEY_CHARS = 16
SIGNS = "+-"
#: a number written with thousands separators (23,065): one cell, never cut
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?")
_NO_GROUPS = str.maketrans("", "", ",，")


def _plain(piece: str) -> str:
    """``piece`` without its thousands separators (most pieces have none)."""
    return piece.translate(_NO_GROUPS) if "," in piece or "，" in piece else piece


@dataclass
class Search:
    """The splits found (up to the limit) and what they mean."""

    solutions: list[list[str]] = field(default_factory=list)
    complete: bool = False  # every split was found (fewer than the limit, within the budget)
    gave_up: bool = False  # the work budget ran out: nothing is trusted
    totals: bool = False  # the row has totals that constrained the search
    #: "unique", "ambiguous" (several splits satisfy the row's totals), "no-total" (several splits
    #: and the row has no total to decide by), "total" (valid splits exist, none matches the row's
    #: totals), "invalid" (no way to cut the digits into valid numbers) or "too-long"
    reason: str = ""


def split(
    tokens: list[str],
    n: int,
    constraints=(),
    money: frozenset[int] = frozenset(),
    limit: int = 2,
    budget: int = 50_000,
    signed: frozenset[int] = frozenset(),
) -> list[list[str]]:
    """Up to ``limit`` ways to cut ``tokens`` into ``n`` cells, in order; [] if none or too costly."""
    found = _walk(tokens, n, constraints, money, signed, limit, budget)
    return [] if found.gave_up else found.solutions


def search(
    tokens: list[str],
    n: int,
    constraints=(),
    money: frozenset[int] = frozenset(),
    signed: frozenset[int] = frozenset(),
    limit: int = 2,
    budget: int = 50_000,
) -> Search:
    """The splits of ``tokens`` into ``n`` cells, with the reason when there is not exactly one."""
    found = _walk(tokens, n, constraints, money, signed, limit, budget)
    if found.gave_up:
        found.solutions = []
        found.reason = "too-long"
    elif len(found.solutions) == 1:
        found.reason = "unique"
    elif found.solutions:
        found.reason = "ambiguous" if found.totals else "no-total"
    elif found.totals:
        free = _walk(tokens, n, (), money, signed, 1, budget)
        found.reason = "total" if free.solutions else "too-long" if free.gave_up else "invalid"
    else:
        found.reason = "invalid"
    return found


def _walk(
    tokens: list[str],
    n: int,
    constraints,
    money: frozenset[int],
    signed: frozenset[int],
    limit: int,
    budget: int,
    prune: bool = True,
) -> Search:
    """The splits of ``tokens`` into ``n`` cells; ``prune=False`` tries every cut (the definition
    the pruning is tested against)."""
    result = Search()
    if not tokens or n <= 0 or len(tokens) > n:
        result.complete = True
        return result
    chars = sum(len(t) for t in tokens)
    if chars > MAX_MONEY_CHARS * n:
        result.gave_up = True
        return result
    # every cell takes at least one digit, so a piece that leaves fewer digits than cells to fill
    # cannot lead to a split.  Skipping such pieces changes nothing but the work counted, so it is
    # done only where the budget cannot run out anyway: a walk call per way of cutting a prefix of
    # the digits, at most 2 ** chars of them.
    prune = prune and 2**chars <= budget
    later_chars = [sum(len(t) for t in tokens[i + 1 :]) for i in range(len(tokens))]
    totals: dict[int, tuple[int, ...]] = {}
    for total, parts in constraints:
        if total < n and all(p < total for p in parts):
            totals[total] = tuple(parts)
    cells: list[str] = []
    values: list[float] = []
    solutions: list[list[str]] = []
    work = 0

    result.totals = bool(totals)

    def valid(piece: str, col: int) -> bool:
        if col in signed and piece[0] in SIGNS:
            piece = piece[1:]
            if not piece:
                return False
        if col in money:
            if len(piece) > MAX_MONEY_CHARS or piece.count(".") > 1 or piece[0] == "." or piece[-1] == ".":
                return False
            whole = piece.split(".", 1)[0]
            return whole.isdigit() and (whole == "0" or whole[0] != "0") and piece.replace(".", "").isdigit()
        return piece.isdigit() and len(piece) <= MAX_INT_DIGITS and (piece == "0" or piece[0] != "0")

    def walk(token_i: int, pos: int) -> None:
        nonlocal work
        work += 1
        if len(solutions) >= limit or work > budget:
            return
        col = len(cells)
        if token_i == len(tokens):
            if col == n:
                solutions.append(list(cells))
            return
        if col == n:
            return
        token = tokens[token_i]
        grouped = pos == 0 and _GROUPED.fullmatch(token) is not None
        later_tokens = len(tokens) - token_i - 1
        cells_after = n - col - 1
        longest_piece = len(token) - pos
        if prune:
            longest_piece = min(longest_piece, longest_piece + later_chars[token_i] - cells_after)
        lengths: range | list[int] = range(1, longest_piece + 1)
        parts = totals.get(col)
        if grouped:
            lengths = [len(token)]
        elif parts is not None:
            # a total has as many digits as its largest part, or one more
            longest = max((len(_plain(cells[p]).split(".")[0].lstrip(SIGNS)) for p in parts), default=1)
            lengths = (
                [k for k in (longest, longest + 1) if k <= longest_piece] if col not in money else lengths
            )
        for k in lengths:
            end = pos + k
            piece = token[pos:end]
            plain = piece.translate(_NO_GROUPS) if grouped else piece
            if not valid(plain, col):
                digits = piece[1:] if col in signed and piece[0] in SIGNS else piece
                if digits[:1] == "0" and col not in money:
                    break  # a leading zero never becomes valid by growing
                if digits[:1] in ("+", "-") or "+" in digits[1:] or "-" in digits[1:]:
                    break  # nor does a sign out of place
                continue
            at_end = end == len(token)
            if at_end and cells_after < later_tokens:
                continue
            if not at_end and cells_after == 0:
                continue
            value = float(plain)
            if parts is not None and abs(value - sum(values[p] for p in parts)) > 1e-9:
                continue
            cells.append(piece)
            values.append(value)
            walk(token_i + 1 if at_end else token_i, 0 if at_end else end)
            cells.pop()
            values.pop()
            if len(solutions) >= limit or work > budget:
                return

    walk(0, 0)
    result.solutions = solutions
    result.gave_up = work > budget
    result.complete = not result.gave_up and len(solutions) < limit
    return result
