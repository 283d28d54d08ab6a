"""What the identity rules share: the per-column identities of the applications table (GX201,
GX203), the per-row totals (GX202, GX204), and how a message says why two sides cannot be equal.

The identities are data: each rule reads the template's ``identities`` whose ``name`` is the rule's
name (grammar/templates/2019.json, inherited by 2021.json), so a province's template variant
changes what is checked without code.

A total that is 0 while its parts are not is reported once, by GX205 zero-total-consistency;
GX202-GX204 report the totals that are non-zero and wrong.

One finding per discrepancy: in the applications table the 总计 column is the sum of the six
applicant columns, so when a column identity fails in an applicant column it fails in 总计 by the
same amount.  When every cell involved is known and the 总计 column's difference is exactly the sum
of the applicant columns' differences, the 总计 column is not reported on its own: the finding on
the applicant column names its numbers too.  Across rules: a column one wrong cell unbalances together
with its row's total (``culprits`` in gxlint.lint.analyses.tables) is reported by GX202 at that
cell; a 总计 column thrown off by rows whose 总计 is wrong is left to GX202's findings on those
rows; and GX201 leaves to GX203 a column where （七）总计, the row both share, is off by the same
amount.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Sequence

from gxlint.arith import Balance, fmt, verdict, weigh
from gxlint.lint.analyses.claims import convicted
from gxlint.lint.analyses.tables import (
    culprits,
    short_label,
    identities,
    table_name,
    template_of,
    template_tables,
    trusted_rows,
)
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import APPLICATIONS, Cell, Row

from ._naming import NOTHING, TERM, joined, terms

#: the rule that reports a row's 总计 against its cells, and names the one wrong cell (GX202)
ROW_TOTAL = "GX202"

#: the parts :func:`tail` builds: why the two sides of an identity cannot be equal
TAIL = {
    "sides": Message(
        zh="{left}为 {left_value}，{right}为 {right_value}",
        en="{left} is {left_value}, {right} is {right_value}",
    ),
    # the right side named as its cells (“the six applicant cells”), which add up to a value
    "sides_cells": Message(
        zh="{left}为 {left_value}，{right}为 {right_value}",
        en="{left} is {left_value}, {right} add up to {right_value}",
    ),
    "unbalanceable": Message(
        zh="{grows}的已知部分已达 {known}，超过{full}的 {whole}；空白、无效或未读出的单元格无论是什么非负数都无法相等",
        en="the known part of {grows} is already {known}, more than {full} ({whole}); no non-negative value "
        "in the blank, invalid or unread cells can make them equal",
    ),
}


def tail(ctx, b: Balance, left: Phrase | str, right: Phrase | str, cells: bool = False) -> Phrase:
    """Why the two sides cannot be equal, in words; ``left``/``right`` name the sides (``cells``: the
    right side is named as its cells, which “add up to” its value in English)."""
    if not b.left_unknown and not b.right_unknown:
        return ctx.phrase(
            "sides_cells" if cells else "sides",
            left=left,
            left_value=fmt(b.left),
            right=right,
            right_value=fmt(b.right),
        )
    grows, full = (left, right) if b.left_unknown else (right, left)
    known, whole = (b.left, b.right) if b.left_unknown else (b.right, b.left)
    return ctx.phrase("unbalanceable", grows=grows, known=fmt(known), full=full, whole=fmt(whole))


def zero_total(b: Balance) -> bool:
    """The total side is a known 0 and its parts are not: GX205 reports that."""
    return b.left_unknown == 0 and abs(b.left) < 1e-9


def row_cells(row: Row, columns: list[str], places: dict) -> list[Cell] | None:
    """``[row.cell(c) for c in columns]`` when the row has a cell in each of ``columns``, else None.
    Where ``columns`` are among the row's own is found once per set of row columns (``places``,
    kept by the caller while it reads one table: its rows share a few sets)."""
    at = places.get(row.columns)
    if at is None:
        own = row.columns
        if all(c in own for c in columns):
            found = [own.index(c) for c in columns]
            at = places[own] = (found, max(found, default=-1) + 1)
        else:
            at = places[own] = ([], -1)
    positions, needed = at
    cells = row.cells
    if needed < 0 or len(cells) < needed:
        return None
    return [cells[i] for i in positions]


def row_plan(row: Row, wanted, plans: dict) -> list[tuple[int, list[int], list[int], int]]:
    """Of ``wanted`` (per identity, its columns and how many of them are its left side), the
    identities whose every column is among the row's: (its index in ``wanted``, where the row's
    cells of its left side are, where those of its right side are, how many cells the row must
    have), in order.  Found once per set of row columns (``plans``, kept by the caller while it
    reads one table with the same ``wanted``: its rows share a few sets)."""
    own = row.columns
    plan = plans.get(own)
    if plan is None:
        if len(plans) > 64:  # a caller's store kept across reports stays small
            plans.clear()
        plan = plans[own] = []
        for k, (columns, n) in enumerate(wanted):
            if all(c in own for c in columns):
                found = [own.index(c) for c in columns]
                plan.append((k, found[:n], found[n:], max(found, default=-1) + 1))
    return plan


def sums(cells, left, right) -> tuple[float, int, float, int]:
    """The sum of the known cells and how many are unknown, of ``[cells[i] for i in left]`` and of
    ``[cells[i] for i in right]`` (a row's cells), as :func:`gxlint.arith.balance` weighs them
    (:func:`gxlint.arith.weigh` takes them): what a row's identity weighs, without making the two
    lists for every row of a table."""
    return (*_side(cells, left), *_side(cells, right))


def _side(cells, indices) -> tuple[float, int]:
    # a cell's value is added as it is: a float sum plus an int is the sum plus ``float(int)``
    total = 0.0
    unknown = 0
    for i in indices:
        cell = cells[i]
        if cell.status == "number":
            value = cell.value
            if value is not None:
                total += value
                continue
        unknown += 1
    return total, unknown


def _column_cells(row: Row | None, columns: tuple[str, ...], by_position: bool) -> list[Cell | None]:
    """The row's cell in each of ``columns`` (None where the row is missing or has no such cell):
    a row with these very columns (the template's) by position, any other through ``Row.cell``."""
    n = len(columns)
    if row is None:
        return [None] * n
    if by_position and row.columns == columns:
        return [*row.cells[:n], *[None] * (n - len(row.cells))]
    return [row.cell(c) for c in columns]


def _columns(rows: dict[str, Row], keys: list[str], columns: tuple[str, ...]) -> list[list[Cell | None]]:
    """Per column of ``columns``, the cells of the rows ``keys`` (None where a row is missing or has
    no such cell), each row read once (:func:`_column_cells`)."""
    by_position = len(set(columns)) == len(columns)  # Row.cell finds a column named twice at its first place
    per_row = [_column_cells(rows.get(k), columns, by_position) for k in keys]
    return [list(cells) for cells in zip(*per_row)]


def column_sums(
    rows: dict[str, Row], keys: list[str], columns: tuple[str, ...]
) -> tuple[list[float], list[int]]:
    """Per column of ``columns``, the sum of the known cells of the rows ``keys`` and how many are
    unknown: what :func:`gxlint.arith.balance` makes of each column of :func:`_columns`."""
    n = len(columns)
    by_position = len(set(columns)) == n
    missing = 0  # rows not in ``rows``: unknown in every column
    per_row: list[Sequence[Cell | None]] = []
    for k in keys:
        row = rows.get(k)
        if row is None:
            missing += 1
        elif by_position and row.columns == columns:
            cells = row.cells
            per_row.append(cells if len(cells) == n else (*cells[:n], *[None] * (n - len(cells))))
        else:
            per_row.append([row.cell(c) for c in columns])
    # column by column, each sum kept in a local: the rows' cells read once each, in the rows' order
    total: list[float] = []
    unknown: list[int] = []
    for column in zip(*per_row) if per_row else [()] * n:
        t = 0.0
        u = missing
        for cell in column:
            if cell is not None and cell.status == "number":
                value = cell.value
                if value is not None:
                    t += value
                    continue
            u += 1
        total.append(t)
        unknown.append(u)
    return total, unknown


@lru_cache(maxsize=256)
def row_sides(template, name: str, table_kind: str) -> tuple[tuple[list[str], list[str], list[str]], ...]:
    """The template's per-row identities called ``name`` on tables of ``table_kind``: (left, right,
    both sides' columns) of each with a left side; found once per template, not per report."""
    sides = [i.sides() for i in identities(template, name, table_kind) if i.per == "row"]
    return tuple((left, right, left + right) for left, right in sides if left)


@lru_cache(maxsize=256)
def row_plans(template, name: str, table_kind: str) -> tuple[list[tuple[list[str], int]], dict]:
    """What :func:`row_plan` is given for the per-row identities called ``name``: ``wanted`` (their
    columns and how many are the left side, from :func:`row_sides`) and the plans found so far per
    set of row columns.  Kept per template, not per report: a template's rows have its few sets of
    columns."""
    wanted = [(columns, len(left)) for left, _, columns in row_sides(template, name, table_kind)]
    return wanted, {}


@lru_cache(maxsize=256)
def column_sides(template, name: str) -> tuple[tuple[list[str], list[str]], ...]:
    """The template's per-column identities called ``name`` on the applications table: (left,
    right) of each with two sides; found once per template, not per report."""
    sides = [i.sides(template) for i in identities(template, name, APPLICATIONS) if i.per == "column"]
    return tuple((left, right) for left, right in sides if left and right)


@lru_cache(maxsize=256)
def _total_column(tmpl) -> tuple[str, list[str]] | None:
    """The applications table's row total: (its column, the columns it sums), from the template."""
    for ident in identities(tmpl, "row-total", APPLICATIONS):
        left, right = ident.sides()
        if ident.per == "row" and len(left) == 1 and right:
            return left[0], right
    return None


def _explained(total: str, parts: list[str], balances: dict[str, Balance]) -> bool:
    """Whether the total column's difference is exactly the sum of the part columns' differences
    (every cell known): the same error, seen again in the total column."""
    if total not in balances or not all(p in balances for p in parts):
        return False
    if any(balances[c].left_unknown or balances[c].right_unknown for c in (total, *parts)):
        return False
    diff = lambda c: balances[c].left - balances[c].right  # noqa: E731
    return abs(diff(total) - sum(diff(p) for p in parts)) < 1e-6


def _known_column_diffs(rows: dict[str, Row], left, right, columns) -> dict[str, float]:
    """Per column, left minus right of a per-column identity, where every cell is a known number."""
    ltotal, lunknown = column_sums(rows, left, columns)
    rtotal, runknown = column_sums(rows, right, columns)
    return {c: ltotal[j] - rtotal[j] for j, c in enumerate(columns) if not lunknown[j] and not runknown[j]}


def _rows_explain(rows: dict[str, Row], left, right, total: str, parts: list[str]) -> bool:
    """Whether rows of the identity whose 总计 is not the sum of their parts (every cell known)
    change the 总计 column's difference: GX202 reports those rows, and the 总计 column's error is
    theirs plus the applicant columns' (reported on their own)."""
    moved = 0.0
    for sign, keys in ((1, left), (-1, right)):
        for key in keys:
            row = rows.get(key)
            if row is None:
                return False
            cells = [row.cell(c) for c in (total, *parts)]
            if any(c is None or c.status != "number" or c.value is None for c in cells):
                return False
            values = [float(c.value) for c in cells]  # type: ignore[arg-type, union-attr]
            moved += sign * (values[0] - sum(values[1:]))
    return abs(moved) > 1e-6


def _swapped(failed: dict[str, tuple], left: list[str], right: list[str]) -> dict[str, tuple[str, str]]:
    """Columns that fail by opposite amounts (every cell known), where exactly one row's two cells
    swapped make both balance: column -> (that row, the other column).  Two numbers typed in each
    other's place (自然人 2 and 商业企业 9 for 9 and 2) leave the row's total right, and no other
    evidence names the row."""
    known = {}
    for column, (lc, rc, b, _) in failed.items():
        if b.left_unknown or b.right_unknown:
            continue
        if any(c is None or c.status != "number" or c.value is None for c in (*lc, *rc)):
            continue
        known[column] = (b.left - b.right, dict(zip(left, lc)) | dict(zip(right, rc)))
    out: dict[str, tuple[str, str]] = {}
    columns = list(known)
    for i, a in enumerate(columns):
        for b in columns[i + 1 :]:
            (da, ca), (db, cb) = known[a], known[b]
            if a in out or b in out or abs(da + db) > 1e-6:
                continue
            rows = [
                k
                for k in ca
                if abs(da + (1 if k in left else -1) * (cb[k].value - ca[k].value)) < 1e-6
                and ca[k].value != cb[k].value
            ]
            if len(rows) == 1:
                out[a], out[b] = (rows[0], b), (rows[0], a)
    return out


class ColumnIdentity(Rule):
    """Base of the per-column identities of the applications table."""

    skip_zero_total = False
    #: which side holds the cell the finding is put on (the total)
    anchor = "left"

    messages = {
        **TAIL,
        # why the finding is put on the cell it is on (:meth:`_places`)
        "text_blames": Message(
            zh="；正文“{phrase}”与其他各项推得的“{row}”一致，应是“{row}”有误",
            en="; the text's “{phrase}” gives what the other items make {row}, so {row} is likely the wrong cell",
        ),
        "row_blames": Message(
            zh="；“{row}”行的总计也不等于本行各项之和，应是“{row}”的这一格有误",
            en="; the total of row “{row}” is not the sum of its cells either, so that row's cell is likely the "
            "wrong one",
        ),
        "swapped": Message(
            zh="；把“{row}”行“{column}”与“{other}”两格的数对调，两列就都相符，应是这两格填反了",
            en="; swapping row {row}'s numbers in “{column}” and “{other}” balances both columns, so the two "
            "cells are likely in each other's place",
        ),
        "cleared": Message(
            zh="；“{row}”与{other}相符，应核对其他各项",
            en="; {row} agrees with {other}, so check the other items",
        ),
        "outcome_rows": Message(zh="各项办理结果之和", en="the sum of the outcome rows"),
        "also": Message(
            zh="；“{column}”列因此也不平衡（{tail}）",
            en="; as a result column “{column}” does not balance either ({tail})",
        ),
    }

    def check(self, report, ctx):
        for table in template_tables(report, APPLICATIONS):
            tmpl = template_of(table, ctx)
            # GX201 and GX203 read the same rows (read-only): gathered once per table
            rows = ctx.memo(("gxlint", "trusted_rows", id(table)), partial(trusted_rows, table))
            for left, right in column_sides(tmpl, self.name):
                if not any(k in rows for k in left + right):
                    continue
                columns = next(rows[k].columns for k in left + right if k in rows)
                # each column weighed from its sums; its cells gathered only for a finding
                ltotal, lunknown = column_sums(rows, left, columns)
                rtotal, runknown = column_sums(rows, right, columns)
                failed: dict[str, tuple] = {}
                cells = None
                for j, column in enumerate(columns):
                    if verdict(ltotal[j], lunknown[j], rtotal[j], runknown[j]) != "violated":
                        continue
                    b = weigh(ltotal[j], lunknown[j], rtotal[j], runknown[j])
                    if self.skip_zero_total and zero_total(b):
                        continue
                    if cells is None:
                        cells = _columns(rows, left, columns), _columns(rows, right, columns)
                    lc, rc = cells[0][j], cells[1][j]
                    order = (*rc, *lc) if self.anchor == "right" else (*lc, *rc)
                    where = next((c for c in order if c is not None), None) or table
                    failed[column] = (lc, rc, b, where)
                # one finding per discrepancy: the 总计 column repeats the applicant columns' error
                also, parts = None, ()
                if not failed:
                    continue
                self._leave_to_others(ctx, table, tmpl, rows, left, right, columns, failed)
                if not failed:
                    continue
                split = _total_column(tmpl)
                if split is not None:
                    total, parts = split
                    if total in failed and any(p in failed for p in parts):
                        balances = {
                            c: weigh(ltotal[j], lunknown[j], rtotal[j], runknown[j])
                            for j, c in enumerate(columns)
                        }
                        if _explained(total, parts, balances):
                            also = (total, failed.pop(total)[2])
                places = self._places(report, ctx, table, tmpl, rows, left, right, columns, failed)
                for column, (lc, rc, b, where) in failed.items():
                    extra = also if column in parts else None
                    where, note = places.get(column, (where, NOTHING))
                    yield self.report(ctx, table, tmpl, column, left, right, lc, rc, b, where, extra, note)

    def _places(self, report, ctx, table, tmpl, rows, left, right, columns, failed) -> dict:
        """Where the finding on each failed column goes when the evidence points at one of its
        cells, and why (column -> (cell, note)): the one wrong cell its row's total shows too
        (:func:`culprits`; reported here only when GX202 does not run), the row the text shows to
        be wrong (it states what
        the other rows make that row: :func:`~gxlint.lint.analyses.claims.convicted`), else any
        cell but that of a row another identity clears in this column (三（七）总计, when it is the
        sum of the outcome rows, is not the cell to change)."""
        keys = [*left, *right]
        found = {}
        blamed = [(k, c) for k, c in convicted(report, ctx, table).items() if k in keys]
        cleared: dict[str, tuple[str, Phrase]] = {}
        if self.defers_to:
            for other_left, other_right in column_sides(tmpl, self.defers_to[1]):
                shared = [k for k in keys if k in (*other_left, *other_right)]
                if len(shared) != 1:
                    continue
                side = other_right if shared[0] in other_left else other_left
                theirs = _known_column_diffs(rows, other_left, other_right, columns)
                for column in failed:
                    if column in theirs and abs(theirs[column]) < 1e-6:
                        cleared[column] = (shared[0], self._side_name(ctx, tmpl, side))
        culprit = culprits(table, ctx)
        swapped = _swapped(failed, left, right)
        for column, (lc, rc, _, _) in failed.items():
            cells = dict(zip(left, lc)) | dict(zip(right, rc))
            order = [*right, *left] if self.anchor == "right" else keys
            one = culprit.get((self.name, column))
            if column in swapped:
                key, other = swapped[column]
                note = ctx.phrase("swapped", row=short_label(tmpl, key), column=column, other=other)
                found[column] = (cells[key], note)
            elif one is not None and cells.get(one.row) is not None:
                # one wrong cell its row's total shows too (GX202 names it when it runs)
                found[column] = (cells[one.row], ctx.phrase("row_blames", row=short_label(tmpl, one.row)))
            elif len(blamed) == 1 and cells.get(blamed[0][0]) is not None:
                key, claim = blamed[0]
                note = ctx.phrase("text_blames", phrase=claim.phrase, row=short_label(tmpl, key))
                found[column] = (cells[key], note)
            elif column in cleared:
                key, named = cleared[column]
                where = next((cells[k] for k in order if k != key and cells.get(k) is not None), None)
                if where is not None:
                    found[column] = (where, ctx.phrase("cleared", row=short_label(tmpl, key), other=named))
        return found

    def _side_name(self, ctx, tmpl, keys) -> Phrase:
        """A side of an identity as a message names it: its rows, or 各项办理结果之和."""
        if len(keys) > 4:
            return ctx.phrase("outcome_rows")
        return Phrase(*([" + ".join(short_label(tmpl, k) for k in keys)] * 2))

    def _leave_to_others(self, ctx, table, tmpl, rows, left, right, columns, failed) -> None:
        """Drop from ``failed`` the columns another finding already explains: one wrong cell the
        row totals show too (:func:`culprits`, reported by GX202); a 总计 column whose difference
        rows with a wrong 总计 make (GX202 reports those rows); and, for a rule that defers to
        another column identity (:attr:`defers_to`), a column where that identity fails by the same
        amount through the row both share (that row's cell is the wrong one: the other rule says so)."""
        if ctx.runs(ROW_TOTAL):
            blamed = culprits(table, ctx)
            for column in [c for c in failed if (self.name, c) in blamed]:
                del failed[column]
            split = _total_column(tmpl)
            if split is not None and split[0] in failed and _rows_explain(rows, left, right, *split):
                del failed[split[0]]
        if self.defers_to and failed and ctx.runs(self.defers_to[0]):
            for other_left, other_right in column_sides(tmpl, self.defers_to[1]):
                shared = [k for k in (*left, *right) if k in (*other_left, *other_right)]
                if len(shared) != 1:
                    continue
                mine = _known_column_diffs(rows, left, right, columns)
                theirs = _known_column_diffs(rows, other_left, other_right, columns)
                s_mine = 1 if shared[0] in left else -1
                s_theirs = 1 if shared[0] in other_left else -1
                for column in list(failed):
                    a, b = mine.get(column), theirs.get(column)
                    if a is not None and b is not None and abs(a * s_mine - b * s_theirs) < 1e-6:
                        del failed[column]

    #: the code and name of another per-column identity's rule that reports a wrong cell of a row
    #: both share (when it runs)
    defers_to: tuple[str, str] | None = None

    def report(
        self, ctx, table, tmpl, column, left, right, lc, rc, b, where, also=None, note=NOTHING
    ):  # pragma: no cover
        raise NotImplementedError

    @staticmethod
    def also_clause(ctx, also, left: Phrase | str, right: Phrase | str) -> Phrase:
        """“；“总计”列因此也不平衡（…）”: the total column's numbers, in the finding that explains them."""
        if also is None:
            return NOTHING
        column, b = also
        return ctx.phrase("also", column=column, tail=tail(ctx, b, left, right))


class RowIdentity(Rule):
    """Base of the per-row identities (the row-total rules).  A rule names the place of a row
    (``where``: ``{label}``) and the side of the parts (``parts``) in its own messages."""

    table_kind = ""

    messages = {
        **TERM,
        **TAIL,
        "unbalanced": Message(
            zh="{table}{where}：{left}≠ {right}（{tail}）",
            en="{table}, {where}: {left} ≠ {right} ({tail})",
            fix_zh="{columns}应等于 {target}",
            fix_en="{columns} should equal {target}",
        ),
        "one_cell": Message(
            zh="{table}{where}：{left}≠ {right}（{tail}）；“{column}”列也因此不平衡（{identities}）："
            "应是本行“{column}”（{value}）有误，按本行和该列的勾稽关系都应为 {expected}",
            en="{table}, {where}: {left} ≠ {right} ({tail}); column “{column}” does not balance either "
            "({identities}): this row's “{column}” ({value}) is likely the wrong cell, as the row and the "
            "column both make it {expected}",
            fix_zh="核对本行“{column}”：按勾稽关系应为 {expected}",
            fix_en="check this row's “{column}”: the identities make it {expected}",
        ),
        "outcome_rows": Message(zh="各项办理结果之和", en="the sum of the outcome rows"),
    }

    def check(self, report, ctx):
        for table in template_tables(report, self.table_kind):
            tmpl = template_of(table, ctx)
            sides = row_sides(tmpl, self.name, self.table_kind)
            if not sides:
                continue
            wanted, plans = row_plans(tmpl, self.name, self.table_kind)
            own, plan = None, ()  # the rows of a table share their columns: planned once
            for row in table.rows:
                if not row.trusted:
                    continue
                cells = row.cells
                if row.columns is not own:
                    own, plan = row.columns, row_plan(row, wanted, plans)
                for k, lpos, rpos, needed in plan:
                    if len(cells) < needed:
                        continue
                    lsum, lu = _side(cells, lpos)
                    rsum, ru = _side(cells, rpos)
                    if verdict(lsum, lu, rsum, ru) != "violated":
                        continue
                    b = weigh(lsum, lu, rsum, ru)
                    if zero_total(b):
                        continue
                    left, right, _ = sides[k]
                    lc = [cells[i] for i in lpos]
                    rc = [cells[i] for i in rpos]
                    yield self.report(ctx, table, tmpl, row, left, right, lc, rc, b)

    def report(self, ctx, table, tmpl, row, left, right, lc, rc, b):
        fields = dict(
            table=table_name(table),
            where=ctx.phrase("where", label=self.label(tmpl, row)),
            left=terms(ctx, left, lc),
            right=terms(ctx, right, rc),
            tail=tail(ctx, b, " + ".join(left), ctx.phrase("parts"), cells=True),
        )
        blamed = culprits(table, ctx)
        culprit = blamed.get((self.name, row.key))
        if culprit is not None:
            # one wrong cell: the columns' identities it breaks are said here, not by their rules
            others = [name for (name, where), c in blamed.items() if c is culprit and name != self.name]
            cell = row.cell(culprit.column)
            return ctx.say(
                cell if cell is not None else row,
                "one_cell",
                column=culprit.column,
                identities=joined(
                    (self._identity(ctx, tmpl, name) for name in dict.fromkeys(others)), "、", "; "
                ),
                value=fmt(culprit.value),
                expected=fmt(culprit.expected),
                **fields,
            )
        return ctx.say(
            lc[0] if lc[0] is not None else row,
            "unbalanced",
            columns=joined(left),
            target=" + ".join(right),
            **fields,
        )

    @staticmethod
    def _identity(ctx, tmpl, name: str) -> Phrase:
        """A per-column identity as a message writes it: 一 + 二 = 三（七）总计 + 四, 三（七）总计 =
        各项办理结果之和."""
        out = []
        for left, right in column_sides(tmpl, name):
            sides = []
            for keys in (left, right):
                if len(keys) > 4:
                    sides.append(ctx.phrase("outcome_rows"))
                else:
                    sides.append(Phrase(*([" + ".join(short_label(tmpl, k) for k in keys)] * 2)))
            out.append(Phrase(f"{sides[0].zh} = {sides[1].zh}", f"{sides[0].en} = {sides[1].en}"))
        return joined(out, "、", "; ")

    def label(self, tmpl, row: Row) -> str:  # pragma: no cover
        raise NotImplementedError
