"""Split digits that a web page ran together (``640020470``) into a row's cells.

A split is trusted only when it is the *only* one that gives valid cells (no leading zeros, decimals
only in money columns) and satisfies the row's own totals (the six applicant cells sum to 总计; each
复议/诉讼 block's four cells sum to its 总计).  Whitespace in the text is a hard boundary.  The caller
gets every solution up to ``limit``; more than one means the row alone does not decide (the table's
column totals may still do so: see gxlint.read.tables).  The search gives up (returns no solution) after a
fixed amount of work, so adversarial input cannot make it slow.
"""

from __future__ import annotations

Constraint = tuple[int, tuple[int, ...]]  # (total column, part columns)

MAX_INT_DIGITS = 9
MAX_MONEY_CHARS = 16


def split(tokens: list[str], n: int, constraints=(), money: frozenset[int] = frozenset(),
          limit: int = 2, budget: int = 50_000) -> list[list[str]]:
    """Up to ``limit`` ways to cut ``tokens`` into ``n`` cells, in order; [] if none or too costly."""
    if not tokens or n <= 0 or len(tokens) > n:
        return []
    if sum(len(t) for t in tokens) > MAX_MONEY_CHARS * n:
        return []
    totals: dict[int, tuple[int, ...]] = {}
    for total, parts in constraints:
        if total < n and all(p < total for p in parts):
            totals[total] = tuple(parts)
    cells: list[str] = []
    values: list[float] = []
    solutions: list[list[str]] = []
    work = 0

    def valid(piece: str, col: int) -> bool:
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
        later_tokens = len(tokens) - token_i - 1
        cells_after = n - col - 1
        lengths = range(1, len(token) - pos + 1)
        parts = totals.get(col)
        if parts is not None:
            # a total has as many digits as its largest part, or one more
            longest = max((len(cells[p].split(".")[0]) for p in parts), default=1)
            lengths = [k for k in (longest, longest + 1) if pos + k <= len(token)] if col not in money else lengths
        for k in lengths:
            end = pos + k
            piece = token[pos:end]
            if not valid(piece, col):
                if piece[0] == "0" and col not in money:
                    break  # a leading zero never becomes valid by growing
                continue
            at_end = end == len(token)
            if at_end and cells_after < later_tokens:
                continue
            if not at_end and cells_after == 0:
                continue
            value = float(piece)
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
    if work > budget:
        return []
    return solutions
