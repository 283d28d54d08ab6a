"""The table reader's shortcuts against their plain definitions: a field's fixed key kept per
template and text, the row group a label is preferred in found by walking up from the last group
read, the fields of a split made as the tuples they are."""

from __future__ import annotations

import itertools

from gxlint.model import Field, RawRow, Span
from gxlint.read import tables
from gxlint.read.templates import Node, builtin


def _texts(template) -> list[str]:
    words = [
        *(s.caption for s in template.sections),
        *(c for s in template.sections for c in s.columns),
        *(r for s in template.sections for r in s.rows),
        *(n.label for n in template.app_nodes),
        *template.app_columns,
        *template.label_variants,
        *template.label_variants.values(),
    ]
    return [*words, *(f" {w}（续）" for w in words), "", " ", "0", "12", "—", "信息内容", "社会组织", "其他"]


def test_a_fixed_key_is_the_templates_fix_of_the_key():
    for template in builtin():
        for text in _texts(template):
            assert tables._fixed_key(template, text) == template.fix_variant(tables.key(text)), text


def _prefer_in_context(nodes, context: list[Node]) -> Node | None:
    """The definition: the groups of the rows read so far, outermost first."""
    if len(nodes) == 1:
        return nodes[0]
    for group in reversed(context):
        inside = [n for n in nodes if n.parent is group]
        if len(inside) == 1:
            return inside[0]
    top = [n for n in nodes if n.parent is None]
    if len(top) == 1:
        return top[0]
    return None


def test_the_preferred_node_is_the_one_the_groups_around_the_last_row_choose():
    for template in builtin():
        nodes = template.app_nodes
        # candidates as a label fragment finds them: a few rows, in the template's order
        candidates = [*itertools.combinations(nodes, 2), *itertools.combinations(nodes[::4], 3), tuple(nodes)]
        for found, last in itertools.product(candidates, [None, *nodes]):
            # after a leaf the context is its groups; after a group label, the groups and it
            group = last if last is None or not last.leaf else last.parent
            context = [] if last is None else [*reversed(last.ancestors())] + ([] if last.leaf else [last])
            assert tables.Reader._prefer(found, group) is _prefer_in_context(found, context)


def test_split_fields_are_those_field_and_span_make():
    span = Span(3, 4, 3, 20, 100, 116)
    data = (Field("6400 2047", Span(3, 6, 3, 15, 102, 111)), Field(" 0 ", Span(3, 16, 3, 19, 112, 115)))
    raw = RawRow((Field("示例", Span(3, 4, 3, 6, 100, 102)), *data), span, True)
    got = tables.Reader._split_fields(raw, data, ["6", "400", "20", "47", "0"])
    want = []
    for f, pieces in zip(data, (["6", "400", "20", "47"], ["0"])):
        pos = 0
        for piece in pieces:
            at = f.text.find(piece, pos)
            s = f.span
            start = s.start + at
            want.append(
                Field(
                    piece,
                    Span(
                        s.line, s.column + at, s.line, s.column + at + len(piece), start, start + len(piece)
                    ),
                )
            )
            pos = at + len(piece)
    assert got == want
    assert all(type(f) is Field and type(f.span) is Span for f in got)
    assert [f.span.start for f in got] == [102, 103, 107, 109, 113]
