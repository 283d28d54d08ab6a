"""The table reader's per-text and per-template shortcuts against their plain definitions: a field's
role, a header row's columns read once per wording, the header test of a row's alignment, the
template's column identities worked out once."""

from __future__ import annotations

import itertools
import random

from gxlint.model import APPLICATIONS, REVIEW_LITIGATION, Field, Span
from gxlint.read import tables
from gxlint.read.templates import builtin


def _texts(template) -> list[str]:
    words = [
        *(s.caption for s in template.sections),
        *(c for s in template.sections for c in s.columns),
        *(r for s in template.sections for r in s.rows),
        *(n.label for n in template.app_nodes),
        *template.app_columns,
        *template.rl_blocks,
        *template.rl_columns,
        *template.label_variants,
        *template.label_variants.values(),
        *template.tables.get(APPLICATIONS, {}).get("header_labels", ()),
        *template.tables.get(REVIEW_LITIGATION, {}).get("header_labels", ()),
    ]
    return [
        *words,
        *(f" {w}（续）" for w in words),
        *(w[:3] for w in words),
        "",
        " ",
        "0",
        "12",
        "—",
        "1.",
        "无",
        "信息内容",
        "社会组织",
        "其他",
        "勾稽关系",
    ]


def test_a_fields_role_is_whether_it_is_a_label_or_blank():
    for template in builtin():
        for text in _texts(template):
            want = "L" if tables.is_label(text) else "D" if text.strip() else "B"
            assert tables._role(text) == want, text
    span = Span(1, 0, 1, 1, 0, 1)
    fields = [Field(t, span) for t in ("（一）自然人", "", " 3 ", "—", "其他")]
    assert tables._shape(fields) == "LBDDL"


def test_a_header_is_plain_when_its_positions_are_the_fields_from_first_on():
    for first, n in itertools.product(range(4), range(1, 6)):
        # a header has one rising position per column
        for header in itertools.combinations(range(first + n + 3), n):
            header = list(header)
            got = not header or (header[0] == first and header[-1] == first + n - 1)
            assert got == (header == list(range(first, first + n))), (first, header)


def _rows(template, n: int = 400) -> list[tuple[str, ...]]:
    rng = random.Random(8)
    texts = _texts(template)
    return [tuple(rng.choice(texts) for _ in range(rng.randrange(1, 17))) for _ in range(n)]


def test_an_applications_header_row_is_read_as_field_by_field():
    for template in builtin():
        col_keys = tables._keys(template.app_columns)
        for texts in [*_rows(template), tuple(template.app_columns), ("", *template.app_columns)]:
            # the plain reading: the row's labels (up to the last) all headers, then each field's key
            last_label = len(texts) - 1
            while last_label >= 0 and not tables.is_label(texts[last_label]):
                last_label -= 1
            frags = [t for t in texts[: last_label + 1] if t.strip()]
            want = None
            if all(tables._is_app_header(template, t) for t in frags):
                want = []
                for i, t in enumerate(texts):
                    k, replaced = tables._fixed_key(template, t)
                    if k in col_keys:
                        want.append((i, col_keys.index(k), replaced))
                want = tuple(want)
            assert tables._app_header_columns(template, texts) == want, texts


def test_an_active_disclosure_header_is_read_as_column_by_column():
    for template in builtin():
        for section in template.sections:
            rows = [*_rows(template, 200), tuple(section.columns), tuple(reversed(section.columns))]
            for texts in rows:
                positions, variants = [], []
                fixed = [(i, *tables._fixed_key(template, t)) for i, t in enumerate(texts)]
                for want in tables._keys(section.columns):
                    found = None
                    for i, k, replaced in fixed:
                        if k == want or (k and (k.startswith(want) or want.startswith(k)) and len(k) >= 3):
                            found = i
                            if replaced or k != want:
                                variants.append((i, want))
                            break
                    if found is None:
                        positions = None
                        break
                    positions.append(found)
                # rising, or (columns typed out of the template's order) one run of fields, each once
                if positions is not None and positions != sorted(set(positions)):
                    spread = max(positions) - min(positions) + 1
                    if len(set(positions)) != len(positions) or spread != len(positions):
                        positions = None
                got = tables._ad_header_reading(template, section.columns, texts)
                assert got == (None if positions is None else tuple(positions), tuple(variants)), texts


def test_a_review_header_row_names_its_columns_field_by_field():
    for template in builtin():
        col_keys = tables._keys(template.rl_columns)
        for texts in [*_rows(template), tuple(template.rl_columns) * 3]:
            want = tuple(
                (i, col_keys.index(tables.key(t))) for i, t in enumerate(texts) if tables.key(t) in col_keys
            )
            assert tables._review_header_columns(template, texts) == want, texts


def test_the_review_plan_and_column_identities_are_the_templates():
    for template in builtin():
        plan = tables._review_plan(template)
        if not template.rl_blocks or not template.rl_columns:
            assert plan is None
            continue
        blocks, cols, columns, constraints, readers = plan
        assert columns == tuple(f"{b}/{c}" for b in blocks for c in cols)
        width = len(cols)
        own = tables._row_constraints(template, REVIEW_LITIGATION, cols)
        assert constraints == tuple(
            (b * width + total, tuple(b * width + p for p in parts))
            for b in range(len(blocks))
            for total, parts in own
        )
        assert readers == tables._column_readers(template, cols)
        for table in (APPLICATIONS, REVIEW_LITIGATION):
            want = [
                ident.sides(template)
                for ident in template.identities
                if ident.table == table and ident.per == "column"
            ]
            assert [
                (list(left), list(right)) for left, right in tables._column_identities(template, table)
            ] == want
