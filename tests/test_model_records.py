"""The model's records behave alike whether written out (_Frozen) or named tuples (Span, Field,
Cell): immutable, equal only to a record of their own class, hashable, picklable, with a repr that
names the fields."""

from __future__ import annotations

import copy
import pickle

import pytest

from gxlint.model import Cell, Field, Note, Span


def _records():
    span = Span(3, 1, 3, 5, 40, 44)
    return [
        span,
        Field("12", span),
        Cell("12", span, 12, "number", "自然人"),
        Note("row-shape", span, "中", "en"),
    ]


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_a_record_is_immutable(record):
    name = type(record).__match_args__[0]
    with pytest.raises(AttributeError):
        setattr(record, name, None)


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_a_record_equals_only_its_own_class(record):
    values = tuple(getattr(record, k) for k in type(record).__match_args__)
    same = type(record)(*values)
    assert record == same and not record != same
    assert hash(record) == hash(same)
    assert {record: 1}[same] == 1
    assert record != values and values != record
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.deepcopy(record) == record
    assert repr(record).startswith(type(record).__name__ + "(")
    assert f"{type(record).__match_args__[0]}=" in repr(record)


def test_records_of_other_classes_with_the_same_values_differ():
    span = Span(1, 1, 1, 3, 0, 2)
    assert Field("ab", span) != Cell("ab", span, None, "blank")[:2]
    assert Span(1, 2, 3, 4) == Span(1, 2, 3, 4, 0, 0)
    assert Cell("1", span, 1, "number").is_number and Cell("1", span, 1, "number").note == ""
