"""The table reader's shortcuts against their plain definitions: the splitter's search without the
cuts that leave too few digits, a row's kind with its numbers written as they are, cells made by
``Cell`` itself."""

from __future__ import annotations

import random

from gxlint.model import Cell, Field, Span
from gxlint.read import splitter, tables
from gxlint.read.build import default_context
from gxlint.read.splitter import MAX_INT_DIGITS, MAX_MONEY_CHARS, SIGNS, Search


def _walk_plain(tokens, n, constraints, money, signed, limit, budget) -> Search:
    """splitter._walk trying every cut (the definition its pruning is held to)."""
    result = Search()
    if not tokens or n <= 0 or len(tokens) > n:
        result.complete = True
        return result
    if sum(len(t) for t in tokens) > MAX_MONEY_CHARS * n:
        result.gave_up = True
        return result
    totals = {
        total: tuple(parts) for total, parts in constraints if total < n and all(p < total for p in parts)
    }
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
        later_tokens = len(tokens) - token_i - 1
        cells_after = n - col - 1
        lengths: range | list[int] = range(1, len(token) - pos + 1)
        parts = totals.get(col)
        if parts is not None:
            longest = max((len(cells[p].split(".")[0].lstrip(SIGNS)) for p in parts), default=1)
            lengths = (
                [k for k in (longest, longest + 1) if pos + k <= len(token)] if col not in money else lengths
            )
        for k in lengths:
            end = pos + k
            piece = token[pos:end]
            if not valid(piece, col):
                digits = piece[1:] if col in signed and piece[0] in SIGNS else piece
                if digits[:1] == "0" and col not in money:
                    break
                if digits[:1] in ("+", "-") or "+" in digits[1:] or "-" in digits[1:]:
                    break
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
    result.solutions = solutions
    result.gave_up = work > budget
    result.complete = not result.gave_up and len(solutions) < limit
    return result


APP = ((6, (0, 1, 2, 3, 4, 5)),)
REVIEW = ((4, (0, 1, 2, 3)), (9, (5, 6, 7, 8)), (14, (10, 11, 12, 13)))


def test_the_pruned_search_finds_what_trying_every_cut_finds():
    rng = random.Random(11)
    for _ in range(1000):
        n = rng.choice([1, 2, 3, 5, 7, 7, 15])
        constraints = (
            APP if n == 7 and rng.random() < 0.8 else REVIEW if n == 15 and rng.random() < 0.8 else ()
        )
        alphabet = rng.choice(["0123456789", "0001", "01", "10", "0123456789.", "0123456789+-"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 17)))
        tokens = text.replace("9", " ").split() if rng.random() < 0.2 else [text]
        tokens = tokens or ["0"]
        money = frozenset(rng.sample(range(n), rng.randrange(min(n, 2) + 1)))
        signed = frozenset(rng.sample(range(n), rng.randrange(min(n, 2) + 1)))
        limit = rng.choice([1, 2, 8])
        budget = rng.choice([50_000, 5_000, 300, 40])
        args = (tokens, n, constraints, money, signed, limit, budget)
        assert splitter._walk(*args) == _walk_plain(*args), args


def test_a_row_kind_does_not_depend_on_its_numbers():
    lexicon = default_context().lexicon
    assert lexicon._numbers_alike  # the built-in templates' words hold no digits
    templates = list(lexicon.templates)
    words = sorted(
        {
            w
            for t in templates
            for w in (
                *(s.caption for s in t.sections),
                *(r for s in t.sections for r in s.rows),
                *(n.label for n in t.app_nodes),
                *t.tables.get("applications", {}).get("anchors", ()),
                *t.tables.get("review_litigation", {}).get("blocks", ()),
                *t.label_variants,
            )
        }
    )
    texts = [
        *words,
        "0",
        "1",
        "12",
        "2023",
        "007",
        "1.",
        "3、",
        "0 0",
        " 5 ",
        "—",
        "",
        "１２",
        "750.4",
        "行政复议",
        "结果",
    ]
    rng = random.Random(5)
    span = Span(1, 0, 1, 1, 0, 1)
    plain = tables.Lexicon._row_kind.__wrapped__
    for _ in range(4000):
        row = [
            rng.choice(texts) if rng.random() < 0.4 else str(rng.randrange(200))
            for _ in range(rng.randrange(1, 9))
        ]
        fields = [Field(t, span) for t in row]
        assert lexicon.row_kind(fields) == plain(lexicon, tuple(row)), row


def test_cells_are_those_cell_makes():
    span = Span(1, 0, 1, 2, 0, 2)
    made = tables._tuple(Cell, ("12", span, 12, "number", "总计", ""))
    assert type(made) is Cell and made == Cell("12", span, 12, "number", "总计", "")
    assert made.column == "总计" and made.note == "" and made.is_number
