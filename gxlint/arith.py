"""Checking a sum identity when some cells are unknown.

A blank, malformed or missing cell is *unknown*, not zero: it stands for some non-negative number.
An identity ``sum(left) = sum(right)`` is then *violated* only when no non-negative values of the
unknown cells could make it hold (all known and unequal; or the side with unknowns already exceeds
the fully known side).  This is what keeps the arithmetic rules silent on blank cells while still
catching a total that is smaller than its known parts.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from gxlint.model import Cell


class Balance(NamedTuple):
    status: str  # "ok", "violated" or "unknown"
    left: float
    right: float
    left_unknown: int
    right_unknown: int


def known(cell: Cell | None) -> float | None:
    if cell is None or cell.status != "number" or cell.value is None:
        return None
    return float(cell.value)


def balance(left: Iterable[Cell | None], right: Iterable[Cell | None]) -> Balance:
    return weigh(*_known_sum(left), *_known_sum(right))


def weigh(lsum: float, lu: int, rsum: float, ru: int) -> Balance:
    """:func:`balance` of two sides given as the sum of their known cells and how many are unknown
    (for a caller that sums the cells itself)."""
    return Balance(verdict(lsum, lu, rsum, ru), lsum, rsum, lu, ru)


def verdict(lsum: float, lu: int, rsum: float, ru: int) -> str:
    """The status of :func:`weigh`'s Balance, without making the Balance: the identity rules weigh
    every trusted row and column of a table, and want a Balance only for the few they report."""
    close = abs(lsum - rsum) < 1e-6
    if lu == 0 and ru == 0:
        return "ok" if close else "violated"
    if lu and ru:
        return "unknown"
    if lu:  # left can only grow
        return "violated" if lsum > rsum + 1e-6 else ("ok" if close else "unknown")
    return "violated" if rsum > lsum + 1e-6 else ("ok" if close else "unknown")


def _known_sum(cells: Iterable[Cell | None]) -> tuple[float, int]:
    """The sum of the known cells and how many are unknown (:func:`known` inline: the identity
    rules weigh every cell of every trusted row)."""
    total = 0.0
    unknown = 0
    for cell in cells:
        if cell is None or cell.status != "number" or cell.value is None:
            unknown += 1
        else:
            total += float(cell.value)
    return total, unknown


def fmt(value: float) -> str:
    """A number as a report writes it: 3, 2.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
