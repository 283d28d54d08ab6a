"""A row's form (gxlint.read.tables._Form), found once per wording and handed on with the segment's
rows, against the plain definitions it replaces: the row's kind, its shape, its votes field by
field, and the label fragments, last label and data of the applications reader."""

from __future__ import annotations

import itertools
from collections import Counter

from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, OTHER, Field, RawRow, Span
from gxlint.read import tables
from gxlint.read.templates import builtin

_SPAN = Span(1, 1, 1, 2, 0, 1)


def _words(template) -> list[str]:
    return [
        *(s.caption for s in template.sections),
        *(c for s in template.sections for c in s.columns),
        *(r for s in template.sections for r in s.rows),
        *(n.label for n in template.app_nodes),
        *template.app_columns,
        *template.label_variants,
        "信息内容",
        "行政复议",
        "行政诉讼",
        "其他",
    ]


def _rows(template) -> list[tuple[str, ...]]:
    words = _words(template)
    data = ["0", "12", "", " ", "—", "3.5", "1.属于"]
    rows: list[tuple[str, ...]] = [(w,) for w in words]
    rows += [(w, *data) for w in words[::3]]
    rows += [("", "", w, "7", "0", "", "24") for w in words[1::5]]
    rows += [(a, b, "1", "2") for a, b in zip(words[::7], words[3::7])]
    rows += [(a, "", b, "0") for a, b in zip(words[::11], words[5::11])]
    rows += [tuple(p) for p in itertools.product(["", "0", "示例", "12"], repeat=3)]
    return rows


def _raw(texts: tuple[str, ...]) -> RawRow:
    return RawRow(tuple(Field(t, _SPAN) for t in texts), _SPAN)


def _plain_votes(lexicon: tables.Lexicon, kind: str, rows: list[RawRow]) -> Counter:
    votes: Counter = Counter()
    for row in rows:
        for f in row.fields:
            for tid in lexicon._voters_of(kind, f.text):
                votes[tid] += 1
    return votes


def test_a_form_is_the_rows_kind_shape_and_label():
    templates = builtin()
    lexicon = tables.Lexicon(templates)
    plain_kind = tables.Lexicon._row_kind
    for template in templates:
        for texts in _rows(template):
            fields = _raw(texts).fields
            form = lexicon.form(fields)
            assert form.kind == plain_kind(lexicon, texts), texts
            shape = "".join("L" if tables.is_label(t) else "D" if t.strip() else "B" for t in texts)
            assert form.shape == shape, texts
            last = shape.rfind("L")
            assert form.last_label == last
            frags = [f for f, role in zip(fields[: last + 1], shape) if role != "B"]
            assert list(form.labels(fields)) == frags, texts
            assert form.has_data == ("D" in shape[last + 1 :])


def test_votes_from_forms_are_the_votes_of_each_field_in_order():
    templates = builtin()
    lexicon = tables.Lexicon(templates)
    for template in templates:
        rows = [_raw(t) for t in _rows(template)]
        for kind in (ACTIVE_DISCLOSURE, APPLICATIONS):
            want = _plain_votes(lexicon, kind, rows)
            got = lexicon.vote(kind, rows)
            assert list(got.items()) == list(want.items())
            for _, part in tables.segment(rows, lexicon):
                assert list(lexicon.vote(kind, part).items()) == list(
                    _plain_votes(lexicon, kind, part).items()
                )


def test_segments_carry_their_rows_forms_in_step():
    templates = builtin()
    lexicon = tables.Lexicon(templates)
    for template in templates:
        rows = [_raw(t) for t in _rows(template)]
        segments = tables.segment(rows, lexicon)
        assert [r for _, part in segments for r in part] == rows
        for kind, part in segments:
            assert [f.kind for f in part.forms] == [lexicon.row_kind(r.fields) for r in part]
            assert kind == OTHER or kind == part.forms[0].kind


def test_a_table_of_the_reports_own_keeps_its_rows_named_like_the_templates():
    # a count by category (公开类别 | 条数) before the 第二十条 table: its 行政许可 and 行政处罚 are its
    # own rows, not the 主动公开 table's, whose values they replaced without a word
    from conftest import EXAMPLE
    from gxlint.run.linter import Linter
    from gxlint.read.source import from_text

    text = EXAMPLE.read_text(encoding="utf-8")
    own = "公开类别\t条数\n机构职能\t12\n行政许可\t25\n行政处罚\t7\n合计\t44\n\n"
    at = text.index("第二十条第（一）项")
    changed = text[:at] + own + text[at:]
    linter = Linter(isolated=True)
    report = linter.read_report(from_text(changed, "r.txt"), linter.settings("r.txt"))
    original = linter.read_report(from_text(text, "r.txt"), linter.settings("r.txt"))
    [active] = [t for t in report.tables if t.kind == ACTIVE_DISCLOSURE]
    [before] = [t for t in original.tables if t.kind == ACTIVE_DISCLOSURE]
    assert active.values == before.values
    assert [t.kind for t in report.tables][:2] == [OTHER, ACTIVE_DISCLOSURE]
    assert [f.code for f in linter.lint_source(from_text(changed, "r.txt"), linter.settings("r.txt"))] == []
