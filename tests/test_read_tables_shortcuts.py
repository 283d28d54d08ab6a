"""The table reader's shortcuts against their plain definitions: the splitter's search without the
cuts that leave too few digits, a row's kind with its numbers written as they are, cells made by
``Cell`` itself."""

from __future__ import annotations

import pytest

import random

from gxlint.model import Cell, Field, Span, _tuple_new
from gxlint.read import splitter, tables
from gxlint.read.build import default_context


APP = ((6, (0, 1, 2, 3, 4, 5)),)
REVIEW = ((4, (0, 1, 2, 3)), (9, (5, 6, 7, 8)), (14, (10, 11, 12, 13)))


@pytest.mark.slow  # a sweep: every code point or thousands of generated texts
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
        assert splitter._walk(*args) == splitter._walk(*args, prune=False), args


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
    plain = tables.Lexicon._row_kind
    for _ in range(4000):
        row = [
            rng.choice(texts) if rng.random() < 0.4 else str(rng.randrange(200))
            for _ in range(rng.randrange(1, 9))
        ]
        fields = [Field(t, span) for t in row]
        assert lexicon.row_kind(fields) == plain(lexicon, tuple(row)), row


def test_cells_are_those_cell_makes():
    span = Span(1, 0, 1, 2, 0, 2)
    made = _tuple_new(Cell, ("12", span, 12, "number", "总计", ""))
    assert type(made) is Cell and made == Cell("12", span, 12, "number", "总计", "")
    assert made.column == "总计" and made.note == "" and made.is_number
