"""The staging shortcut held to its definition: a run of text lines whose text, run together, holds
no word of an inline table is not searched paragraph by paragraph for inline tables; the paragraphs
are the same as when each is searched (:meth:`_Builder._cut_inline`)."""

from gxlint.model import Paragraph
from gxlint.read.build import _Builder, default_context
from gxlint.read.inline import _CHEAP, InlineTables
from gxlint.read.outline import Line
from gxlint.read.source import from_text

_LINES = [
    # a sentence cut by a page break: the two lines are one paragraph
    "本机关严格按照《中华人民共和国政府信息公开条例》的要求，认真做好示例县政府信息公开工作，并按照第二十",
    "条第（一）项的规定主动公开各类信息，现将有关情况报告如下。",
    "一、本年新收政府信息公开申请数量640020470",
    "示例县教育局",
    "（一）主动公开情况。第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000",
    "行政复议行政诉讼结果维持结果纠正 1 0",
    "指标名称计量单位统计数",
    "本年度无其他事项。",
]


def _lines(texts: list[str]) -> tuple[str, list[Line]]:
    text = "\n".join(texts) + "\n"
    lines, at = [], 0
    for t in texts:
        lines.append(Line("TEXT", t, at, at + len(t)))
        at += len(t) + 1
    return text, lines


def _searched_each(builder: _Builder, lines: list[Line], monkeypatch) -> list:
    """The definition: every paragraph searched for inline tables."""
    with monkeypatch.context() as m:
        m.setattr(InlineTables, "may_hold", staticmethod(lambda text: True))
        return builder._paragraphs(lines)


def _shape(items: list) -> list:
    return [
        (type(i).__name__, i.text, i.span, i.pieces)
        if isinstance(i, Paragraph)
        else (type(i).__name__, i.layout, [(k, [(r.fields, r.span) for r in rows]) for k, rows in i.segments])
        for i in items
    ]


def test_may_hold_is_the_anchors_precondition():
    for word in _CHEAP:
        assert InlineTables.may_hold("示例" + word + "示例")
    assert not InlineTables.may_hold("示例县教育局2021年政府信息公开工作年度报告")
    for text in _LINES:
        if not InlineTables.may_hold(text):
            assert InlineTables.anchors(text) == []


def test_runs_read_as_when_every_paragraph_is_searched(monkeypatch):
    ctx = default_context()
    for start in range(len(_LINES)):
        for stop in range(start + 1, len(_LINES) + 1):
            text, lines = _lines(_LINES[start:stop])
            builder = _Builder(from_text(text), ctx, None)
            assert _shape(builder._paragraphs(lines)) == _shape(_searched_each(builder, lines, monkeypatch))


def test_a_word_across_lines_not_joined_finds_nothing(monkeypatch):
    # 第二十 / 条 run together only in the run's text: the lines stay two paragraphs, neither searched
    text, lines = _lines(["示例县第二十", "条。"])
    builder = _Builder(from_text(text), default_context(), None)
    items = builder._paragraphs(lines)
    assert [i.text for i in items] == ["示例县第二十", "条。"]
    assert _shape(items) == _shape(_searched_each(builder, lines, monkeypatch))
