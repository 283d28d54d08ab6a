"""The claims analysis's word lists find what the patterns they stand for find.

Word lists that are only looked for (a clause about another year, another business, a subset …)
are tuples tested with ``in``, ``startswith`` or ``endswith`` rather than compiled patterns, and a
run-together row is cut into tokens with ``str.split()``: these tests hold each to the pattern it
replaces, on the words themselves, on texts around them and on random texts of their characters.
"""

from __future__ import annotations

import random
import re

import pytest

from gxlint.chinese import fold
from gxlint.lint.analyses import claims

#: each word list and the pattern it stands for, as the analysis used it (search, or match for ^)
PLAIN = {
    "_OTHER_YEAR": r"上年|去年|上一年|往年|同比|以前年度|历年",
    "_SUBSET": r"当面|现场|信函|邮寄|传真|网上|网络|在线|网站|门户|电子邮件|邮件|电话|微信|窗口|平台|涉|关于|有关|"
    r"类申请|方面|自然人|法人|企业|组织|律师|媒体|个人|重复|补正",
    "_OTHER_BUSINESS": r"投诉|举报|信访|咨询|建议|提案|议案|热线|诉求|工单|来电|来信",
    "_SCOPE": r"各部门|各乡镇|各街道|各单位|各级|下属|所属|局属|委属|直属|二级单位|指导|全县|全市|全区|全省|全州",
    "_ATTRIBUTES": r"公文|属性|主动公开",
    "_NOT_MAINTAINED": r"败诉|纠正|纠错|改变|变更|撤销|维持|确认违法|不服|被告",
    "_REVIEW_WORDS": r"复议|诉讼",
    "_SUIT": r"诉讼|起诉",
    "_OTHER_DOCUMENT_WORK": r"解读|备案|审查|征求|草案|累计",
}
APPROX = r"(?:约|近|超过|逾|不足|不到|上下)$"
UNIT_TAIL = r"^(?:工作日|月|小时|百分点|批次|人次|方面|部门|单位|栏目|年)"


def _texts(words, seed: int) -> list[str]:
    """The words, each inside and around a clause, cut short, and random texts of their characters
    (folded text: no blanks, half-width punctuation)."""
    rng = random.Random(seed)
    alphabet = sorted(set("".join(words)) | set("申请件5,。的了共"))
    texts = ["", "本年度共收到申请5件", "12件", "收到申请共计5件,"]
    for word in words:
        texts += [word, word[:-1], word[1:], f"收到{word}申请5件", f"{word},", f"5件{word}"]
    for _ in range(3000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))))
    return texts


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_word_list_is_held_where_its_pattern_is_found(name):
    words = getattr(claims, name)
    pattern = re.compile(PLAIN[name])
    assert set(words) == set(PLAIN[name].split("|"))
    for text in _texts(words, len(name)):
        assert claims.holds_any(text, words) == bool(pattern.search(text)), (name, text)


def test_a_paragraph_holds_a_word_start_where_the_class_is_found():
    pattern = re.compile("[申复诉维规占许罚强]")
    assert "".join(claims._WORD_STARTS) == "申复诉维规占许罚强"
    for text in _texts(
        ("申请", "复议", "诉讼", "维持", "规范性文件", "占", "行政许可", "行政处罚", "行政强制"), 3
    ):
        assert claims.holds_any(text, claims._WORD_STARTS) == bool(pattern.search(text)), text


def test_approximate_words_end_the_text_where_the_pattern_is_found():
    pattern = re.compile(APPROX)
    for text in _texts(claims._APPROX, 1):
        assert text.endswith(claims._APPROX) == bool(pattern.search(text)), text


def test_unit_tails_begin_the_text_where_the_pattern_matches():
    pattern = re.compile(UNIT_TAIL)
    for text in _texts(claims._UNIT_TAIL, 2):
        assert text.startswith(claims._UNIT_TAIL) == bool(pattern.match(text)), text


def test_folded_text_has_no_line_end_for_the_pattern_end_to_stand_before():
    # ``$`` also matches before a final "\n": endswith() equals it on the folded text the claims read
    assert fold("约\n5件\r\n") == "约5件"


def test_a_run_together_row_splits_into_the_tokens_the_pattern_found():
    # every code point that is a blank to str.split() is one to \s, and no other (none is above U+3000)
    chars = "".join(chr(code) for code in range(0x3100)) + "\ufeff\U00020000"
    text = "".join(f"{c}1 2{c}{c}3" for c in chars)
    assert text.split() == re.findall(r"\S+", text)


#: what the patterns tried only at their start words begin with, and what those needing a word hold
STARTS_AND_NEEDS_TEXT = (
    "收到申请5件,予以公开3件,部分公开1件,不予以公开1件,未发生行政复议,无行政诉讼,结转下年度2件"
)


@pytest.mark.parametrize("source", sorted({**claims._STARTS, **claims._NEEDS}))
def test_a_pattern_tried_at_its_start_words_finds_what_finditer_finds(source):
    pattern = re.compile(source)
    words = claims._STARTS.get(source) or claims._NEEDS[source]
    rng = random.Random(len(source))
    alphabet = sorted(set("".join(words)) | set(source) - set("()?:|[]^\\{}<!=*+P") | set("0123456789,。"))
    texts = [STARTS_AND_NEEDS_TEXT, *_texts(words, len(source))]
    for _ in range(3000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))))
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in claims._matches(pattern, text)] == expected, text


def test_only_the_listed_characters_are_what_other_characters_fold_to():
    # Text.holds looks for a word's characters in the paragraph before folding it
    words = set("申请复议诉讼维持规范性文件占%")
    others = {
        fold(chr(cp))
        for cp in range(0x00A0, 0x10000)
        if not 0xD800 <= cp <= 0xDFFF and fold(chr(cp)) != chr(cp) and fold(chr(cp)) in words
    }
    assert others == set(claims._FOLDED_TO)


def test_narrative_keys_are_the_sentences_normalised_one_by_one():
    # the keys of a paragraph are cut apart at once: each equals its sentence's, as the patterns
    # of one sentence at a time make it
    from types import SimpleNamespace

    from gxlint.lint.analyses import sentences
    from gxlint.model import Paragraph, Span

    def one_by_one(text: str) -> list[str]:
        text = re.sub(r"[*#_`>]+", "", text)
        out = []
        for m in re.finditer(r"[^。！？；!?;\n]+", sentences._numbers_out(text)):
            raw = m.group().strip()
            key = re.sub(r"[^\w#]+|_", "", raw)
            if len(key) < 8 or not re.search("[\u4e00-\u9fff]", key):
                continue
            if re.search(
                r"^(?:本(?:年度)?报告|(?:根据|依据|按照)中华人民共和国政府信息公开条例)|报告如下$", key
            ):
                continue
            if re.search(r"如对本|联系(?:地址|电话|方式|人)|电话|邮箱|邮编|邮政编码|传真|地址", key):
                continue
            if re.match(sentences._ENUMERATED, raw) and len(key) <= 16:
                continue
            out.append(key)
        return out

    rng = random.Random(5)
    alphabet = list(
        "本年度报告如下联系电话地址邮编一二〇九年（）(、.．，,。！？；;!? \n*#_`>12３.工作公开"
    ) + ["政府信息"]
    span = Span(0, 1, 1, 1)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        report = SimpleNamespace(title_span=None, preamble=[Paragraph(text, span)], chapters=[])
        assert [s.key for s in sentences.narrative(report).sentences] == one_by_one(text), text


def test_narrative_keys_of_paragraphs_read_together_are_each_paragraphs_own():
    # all paragraphs are normalised in one pass: each sentence keeps its paragraph, as when each
    # paragraph is read alone (also when a paragraph holds the letter that stands between them)
    from types import SimpleNamespace

    from gxlint.lint.analyses import sentences
    from gxlint.model import Paragraph, Span

    rng = random.Random(11)
    alphabet = list("本年度报告如下联系电话地址一二〇九年（）(、.，。！？；!? \n*#12３工作公开") + [
        "政府信息",
        sentences._BETWEEN,
    ]
    span = Span(0, 1, 1, 1)
    for _ in range(500):
        texts = [
            "".join(
                rng.choice(alphabet[:-1] if rng.random() < 0.9 else alphabet)
                for _ in range(rng.randint(0, 50))
            )
            for _ in range(rng.randint(0, 5))
        ]
        alone = [
            (s.key, index)
            for index, text in enumerate(texts)
            for s in sentences.narrative(
                SimpleNamespace(title_span=None, preamble=[Paragraph(text, span)], chapters=[])
            ).sentences
        ]
        report = SimpleNamespace(title_span=None, preamble=[Paragraph(t, span) for t in texts], chapters=[])
        assert [(s.key, s.paragraph) for s in sentences.narrative(report).sentences] == alone, texts
        sentences._RECENT.clear()
        assert sentences.narrative_keys(report) == frozenset(key for key, _ in alone)
