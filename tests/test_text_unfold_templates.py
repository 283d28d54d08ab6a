"""Numerals and label keys (gxlint.chinese), one-line reports (gxlint.read.unfold), templates as data."""

import pytest

from gxlint.read import templates
from gxlint.chinese import label_key, numeral_text, numeral_value
from gxlint.read.unfold import unfold


@pytest.mark.parametrize(
    "text,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("x", None)]
)
def test_numerals(text, value):
    assert numeral_value(text) == value
    if value:
        assert numeral_value(numeral_text(value)) == value


def test_label_keys_fold_width_spacing_and_punctuation():
    assert label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == label_key(
        "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)"
    )
    assert label_key("结 果 维 持") == (None, "结果维持")
    assert label_key("1.属于国家秘密") == ("arabic:1", "属于国家秘密")
    assert label_key("三、本年度办理结果") == ("cn:3", "本年度办理结果")
    assert label_key("第二十条 第(一)项")[1] == label_key("第二十条第（一）项")[1]


def test_unfold_breaks_a_one_line_report_at_its_chapter_headings():
    body = "本报告由本局编制。" * 60
    line = (
        body
        + "一、总体情况2021年，本局工作平稳。"
        + body
        + "二、主动公开政府信息情况第二十条第（一）项"
        + body
        + "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001"
    )
    result = unfold(line, templates.builtin().chapter_titles)
    lines = result.text.split("\n")
    assert (
        "一、总体情况" in lines
        and "二、主动公开政府信息情况" in lines
        and "三、收到和处理政府信息公开申请情况" in lines
    )
    # the table row 一、本年新收… is not a chapter heading
    assert any(x.startswith("一、本年新收政府信息公开申请数量") for x in lines)
    # offsets map back exactly
    at = result.text.index("二、主动公开")
    assert line[result.to_source(at) :].startswith("二、主动公开")


def test_unfold_leaves_ordinary_text_alone():
    text = "一、总体情况\n" + "正文。" * 500 + "\n"
    assert unfold(text, templates.builtin().chapter_titles).text == text
    mention = "本报告包括一、总体情况；二、主动公开政府信息情况等内容。" + "正文" * 600
    assert unfold(mention, templates.builtin().chapter_titles).text.count("\n") <= 4


def test_builtin_templates():
    t = templates.builtin()
    assert [f.id for f in t.formats] == ["2019", "2021"]
    assert t.for_year(2019).id == "2019" and t.for_year(2020).id == "2019" and t.for_year(2024).id == "2021"
    assert t.for_year(2015).id == "2019" and t.for_year(None).id == "2021"
    f2019, f2021 = t.get("2019"), t.get("2021")
    assert len([n for n in f2019.app_nodes if n.leaf]) == 23
    assert len([n for n in f2021.app_nodes if n.leaf]) == 25
    assert f2021.chapters == f2019.chapters  # inherited through "extends"
    assert [s.caption for s in f2021.sections] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert f2021.money_columns == {"本年收费金额（单位：万元）"} and f2019.signed_columns == {"本年增/减"}
    spec, how = f2019.identify_chapter("政府信息依申请公开情况")
    assert (spec.number, how) == (3, "legacy")
    assert f2019.identify_chapter("政府信息公开行政复议和行政诉讼情况")[1] == "accepted"
    assert f2019.identify_chapter("存在的问题和 2020 年工作思路")[0].number == 5


def test_template_errors():
    with pytest.raises(templates.TemplateError, match="extends unknown"):
        templates.build([({"id": "x", "extends": "nope"}, "x.json")])
    with pytest.raises(templates.TemplateError, match="itself"):
        templates.build([({"id": "x", "extends": "x"}, "x.json")])
    with pytest.raises(templates.TemplateError, match="'id'"):
        templates.build([({"name": "no id"}, "x.json")])


def test_fold_matches_per_character_nfkc_and_drops_whitespace():
    import sys
    import unicodedata

    from gxlint.chinese import _WHITESPACE, fold, fold_index

    assert sorted(c for c in range(sys.maxunicode + 1) if chr(c).isspace()) == sorted(_WHITESPACE)
    text = "（一）予以公开 ２ 件，共计*3*件\u3000申请；①项 ㈠ 〇 R&D\t\n"
    expected = "".join(
        n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c
        for c in text
        if not c.isspace() and c != "*"
    )
    assert fold(text) == expected
    index = fold_index(text)
    assert len(index) == len(expected) and all(fold(text[i]) == expected[k] for k, i in enumerate(index))


def test_folding_is_nfkc_of_the_fold_ranges_and_drops_whitespace_and_stars():
    """The fold table fills as characters are met; it must agree with the whole table computed up
    front, for every code point, in fold() and in fold_index()."""
    import unicodedata

    from gxlint import chinese

    whole: dict[int, str | None] = {}
    for lo, hi in chinese._FOLD_RANGES:
        for cp in range(lo, hi + 1):
            n = unicodedata.normalize("NFKC", chr(cp))
            if n != chr(cp) and len(n) == 1:
                whole[cp] = n
    whole.update({cp: None for cp in (*chinese._WHITESPACE, ord("*"))})
    text = "".join(chr(cp) for cp in range(0x20000) if not 0xD800 <= cp <= 0xDFFF)
    assert chinese.fold(text) == text.translate(whole)
    assert chinese.fold_index(text) == [i for i, ch in enumerate(text) if whole.get(ord(ch), 0) is not None]
    assert chinese.fold("１２ ３＊*，") == "123*,"  # ＊ folds to *, which only a * as written drops
