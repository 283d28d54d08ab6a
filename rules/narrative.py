"""GX205, GX206: the report's own text against its tables (docs/format.md, Identities), and zero totals.

The text is read conservatively: a number is taken as a claim about a table cell only when it
stands next to the words that name that cell, in the same clause, with a count unit, and only in
a sentence about applications (or about 复议/诉讼 in 政府信息公开, or about 规范性文件).  A claim
disagrees with the table only when no accepted reading of it fits: blank cells are unknown (a sum
with a blank has no upper bound), rows the reader could not place are unknown, and "收到申请N件"
may count 新收 (一) or 新收 + 上年结转 (一 + 二).  A missed mismatch costs less than a false one.

The text is matched after removing spaces (PDF text splits ``7 0 件``) and markdown ``**``, with
full-width digits and punctuation normalised (NFKC); a clause ends at ， ； ： and a sentence at
。 ！ ？.  Square brackets mark optional words, | alternatives, N the number.

received      收到|受理|接收|接到|新收|收悉 [了] [各类|各种|群众|公民、法人或其他组织提出的|社会公众提出的]
              [政府信息公开|信息公开|依申请公开|公开] [的] 申请 [共计|总计|合计|累计|共|数量为|数量|总数为|总数|为|达到|达|计]
              N 件|个|宗|份;  or  收到|受理|… [了] [共计|总计|共] N 件|个|份 [政府信息公开|…] [的] 申请.
              Table: 一, or 一 + 二.
handled       已办结|办结|办理完毕|处理完毕|作出答复|予以答复|答复 [了] [政府信息公开|…] [申请] [共计|…] N 件|个.
              Table: 三（七）总计.
workload      办理|处理 [了] [各类] [政府信息公开|…] 申请 [共计|…] N 件 (not 不予处理/其他处理).
              Table: 三（七）总计, 一, or 一 + 二.
carried out   N 件 [申请] (up to 12 characters, no digit or clause end) 结转|转入|顺延|延期|转至 [至|到|入] 下[一]年[度];
              结转|转入|顺延 [至|到|入] 下[一]年[度] [继续] [办理|答复|处理] [的] [申请] [共|为] N 件.  Table: 四.
carried in    上年[度]|上一年[度]|去年 结转|转入|遗留 [的] [政府信息公开] [申请] [共|为] N 件.  Table: 二.
outcomes      予以公开及|和|与|、部分公开 N 件 → （一）+（二）;  予以公开 N 件 → （一）, or （一）+（二）;
              部分公开 → （二）;  不予[以]公开 → the （三） rows;  无法提供 → the （四） rows;  不予处理 → the （五）
              rows;  其他处理 → （六） (one row in 2019, the three sub-rows in 2021);  each as X [的] [申请] [共|为]
              N 件|个, in a sentence that (or whose preceding sentence) speaks of 申请 -- not 依申请 -- and not of
              公文, 属性 or 主动公开 (documents counted by disclosure attribute).
依申请公开     依申请公开 [政府信息|信息|文件|公文|事项] [共计|共] N 件|条|个 -- a weaker phrasing, often the
              disclosure attribute of documents: Table: 一, 一 + 二, 三（七）总计, （一）, or （一）+（二）.  In a
              sentence about 公文/属性/主动公开 it is checked only against a table of no applications at all.
review        [行政]复议 [案件|申请] [共计|总计|共] N 件|起|宗|个|次 (not 未经复议/复议后).  Table: 行政复议 总计.
litigation    [行政]诉讼 [案件] [共计|总计|共] N 件|起|宗|个|次 (not 败诉/胜诉).  Table: the two 行政诉讼
              totals together, or either.
maintained    均|全部|都|皆 [被|获|已|予以|为] [依法] 维持, in a sentence that names 复议 and/or 诉讼 before it:
              contradicted by a 结果纠正, 其他结果 or 尚未审结 above 0 in the blocks named.
              复议/诉讼 numbers count only in the review chapter or in a sentence that says 公开.
规范性文件     制发|印发|制定|出台|新制作|发布|公开 [了] [行政]规范性文件 [共计|共] N 件|个|份 → the 规范性文件 row's
              制发/制作/新公开 columns;  废止|清理废止|宣布失效|失效 … → 本年废止件数 (2021 only; 2019 has no such
              column);  现行有效 [的] [行政]规范性文件 [共计|共|为] N 件 → 现行有效件数 (2021 only).
none received 未收到|没有收到|未受理|未接到|未接收 … 申请 (within the clause, no number in it), or a clause
              opening [本年度|全年|今年|年内|本机关|我局|…] 无 依申请公开|政府信息公开申请|信息公开申请|公开申请.
none reviewed 未|没有 发生|收到|出现|被|有|接到|产生 … 行政复议|行政诉讼|复议|诉讼 (no number in the clause; not
              尚未), or a clause opening [本年度|全年|今年|年内] 无 … 行政复议|行政诉讼.
shares        N 件|个 [申请] [，|（] [约|共] 占 [总数|总量|全部|受理|收到|办结|答复|申请|的|比 …] P% in a sentence
              about applications: some base must give P% -- the text's own received/handled/workload
              totals just before it (the last 8 within 600 characters, or 2 after it), or the tables'
              一, 一 + 二, 三（七）总计 -- rounded or cut to P's decimals.  A share of anything else
              (占全部公文的) is not checked.

A cell the reader could not split (run-together digits with more than one valid split, GX003)
is not simply unknown: the claim must equal the value of that cell in some valid split (of the
row alone; at most 256 splits are listed, beyond that the cell is unknown).

Skipped: approximate numbers (约, 近, 超过, 逾, 不足, 不到 before it; 20余件 has no unit after the
number), percentages (except as shares, above) and decimals, the tail of 1,234, units of time
(个工作日, 个月, 个小时);
clauses that speak of another year (上年, 去年, 上一年, 往年, 同比, 以前年度, 历年, or a year other
than the report's; for 规范性文件 also 累计), of a subset (当面, 现场, 信函, 邮寄, 传真, 网上, 网络,
在线, 电子邮件, 电话, 微信, 窗口, 平台, 涉…, 关于, 有关, …类申请, 方面, 自然人, 法人, 企业, 组织,
律师, 媒体, 个人, 重复, 补正 -- unless 任何/所有 or the whole 公民、法人或其他组织), of other organs
(各部门, 各乡镇, 各街道, 各单位, 各级, 下属, 所属, 指导) or of other business (复议/诉讼 in an
application clause, 投诉, 举报, 信访, 咨询, 建议, 提案, 议案, 热线, 诉求, 工单, 来电, 来信).  Numbers
in Chinese numerals (三件, 两件) are read only when the clause ends right after the unit.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

from gxlint.arith import fmt
from gxlint.model import Cell, Paragraph, Row, Span, Table
from gxlint.rule import Rule
from gxlint.read import splitter
from gxlint.read.tables import identity_rows, is_label
from gxlint.chinese import fold, fold_index, numeral_value

from ._tables import (identities, interval, short_label, table_name, template_of, template_tables,
                      trusted_rows)

INF = float("inf")

# -- reading the text ------------------------------------------------------------------------------

# a whole digit run or nothing: without the guards, a long run of digits is retried from every
# position inside it (quadratic)
_NUM = r"(?P<n>(?<!\d)\d+(?!\d)|[零〇一二两三四五六七八九十]{1,3})"
_CLAUSE_END = ",;:"
_REACH = 400
_SENTENCE_END = "。!?"
_CONNECT = r"(?:共计|总计|合计|累计|共|数量为|数量|总数为|总数|为|达到|达|计)?"
_KIND = r"(?:政府信息公开|信息公开|依申请公开|公开)?"
_APPLICANTS = r"(?:各类|各种|群众|公民、法人(?:和|或|及)其他(?:社会)?组织(?:提出|提交)?的?|社会公众(?:提出|提交)?的?)?"
_RECEIVE = r"(?:收到|受理|接收|接到|新收|收悉)"

RECEIVED = (
    re.compile(_RECEIVE + r"了?" + _APPLICANTS + _KIND + r"的?申请" + _CONNECT + _NUM + r"(?P<u>件|个|宗|份)"),
    re.compile(_RECEIVE + r"了?" + r"(?:共计|总计|共)?" + _NUM + r"(?P<u>件|个|份)" + _KIND + r"的?申请"),
)
HANDLED = (
    re.compile(r"(?:已办结|办结|办理完毕|处理完毕|作出答复|予以答复|答复)了?" + _KIND + r"(?:申请)?" + _CONNECT
               + _NUM + r"(?P<u>件|个)"),
)
WORKLOAD = (
    re.compile(r"(?<![予他])(?:办理|处理)了?(?:各类)?" + _KIND + r"申请" + _CONNECT + _NUM + r"(?P<u>件)"),
)
CARRIED_OUT = (
    re.compile(_NUM + r"(?P<u>件)(?:申请)?[^\d,;:。]{0,12}?(?:结转|转入|顺延|延期|转至)(?:至|到|入)?下一?年度?"),
    re.compile(r"(?:结转|转入|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|答复|处理)?的?(?:申请)?(?:共|为)?"
               + _NUM + r"(?P<u>件)"),
)
CARRIED_IN = (
    re.compile(r"(?:上年度?|上一年度?|去年)(?:结转|转入|遗留)(?:的)?(?:政府信息公开)?(?:申请)?(?:共|为)?"
               + _NUM + r"(?P<u>件)"),
)
OUTCOME = re.compile(
    r"(?P<kind>予以公开(?:及|和|与|、)部分公开|(?<!不)予以公开|部分公开|不予以?公开|无法提供|不予处理|其他处理)"
    r"的?(?:申请)?(?:共|为)?" + _NUM + r"(?P<u>件|个)")
ON_REQUEST = re.compile(r"依申请公开(?:政府信息|信息|文件|公文|事项)?(?:共计|共)?" + _NUM + r"(?P<u>件|条|个)")
REVIEW = re.compile(r"(?<![经后])(?:行政)?复议(?:案件|申请)?(?:共计|总计|共)?" + _NUM + r"(?P<u>件|起|宗|个|次)")
LITIGATION = re.compile(r"(?<![败胜])(?:行政)?诉讼(?:案件)?(?:共计|总计|共)?" + _NUM + r"(?P<u>件|起|宗|个|次)")
MAINTAINED = re.compile(r"(?:均|全部|都|皆)(?:被|获|已|予以|为)?(?:依法)?维持")
DOCUMENTS = (
    re.compile(r"(?P<verb>清理废止|宣布失效|废止|失效|制发|印发|制定|出台|新制作|发布|公开)了?(?:行政)?规范性文件"
               r"(?:共计|共)?" + _NUM + r"(?P<u>件|个|份)"),
    re.compile(r"(?P<verb>现行有效)的?(?:行政)?规范性文件(?:共计|共|为)?" + _NUM + r"(?P<u>件|个|份)"),
)
NONE_RECEIVED = (
    re.compile(r"(?:未收到|没有收到|未受理|未接到|未接收)[^,;:。\d]{0,40}?申请"),
    re.compile(r"(?:^|[,;:。])(?:本年度?|全年|今年|年内|本机关|我局|我委|我办|本单位)?无"
               r"(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)"),
)
NONE_REVIEWED = (
    re.compile(r"(?<!尚)(?:未|没有)(?:发生|收到|出现|被|有|接到|产生)[^,;:。\d]{0,30}?(?:行政复议|行政诉讼|复议|诉讼)"),
    re.compile(r"(?:^|[,;:。])(?:本年度?|全年|今年|年内)?无[^,;:。\d]{0,20}?(?:行政复议|行政诉讼)"),
)

# "258 件，占 33.9%": a count and its share of the whole; what may stand between 占 and the
# percentage (the base named as the whole: 总数的, 受理申请总量的 …), anything else is another base
PERCENT = re.compile(r"(?<![\d.,])(?P<n>\d+)(?P<u>件|个)(?:申请)?[,(]?(?:约|共)?占(?P<base>[^,;:。!?\d%]{0,16}?)"
                     r"(?P<p>\d+(?:\.\d+)?)%")
_WHOLE_BASE = re.compile(r"(?:本年度?|全年|全部|所有|总数|总量|总计|合计|受理|收到|新收|办结|答复|办理|处理|已|"
                         r"政府信息公开|信息公开|依申请公开|申请|件数|数量|数|的|比例?|为|了|总)*")
_BASE_KINDS = ("handled", "received", "workload")
_BASE_REACH = 600  # characters before a share where the text's own total is looked for
_BASE_CLAIMS = 8  # and at most this many of the text's totals before it (two after it)

_APPROX = re.compile(r"(?:约|近|超过|逾|不足|不到|上下)$")
_UNIT_TAIL = re.compile(r"^(?:工作日|月|小时|百分点|批次|人次|方面|部门|单位|栏目|年)")
_OTHER_YEAR = re.compile(r"上年|去年|上一年|往年|同比|以前年度|历年")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_SUBSET = re.compile(r"当面|现场|信函|邮寄|传真|网上|网络|在线|电子邮件|邮件|电话|微信|窗口|平台|涉|关于|有关|"
                     r"类申请|方面|自然人|法人|企业|组织|律师|媒体|个人|重复|补正")
_WHOLE_PUBLIC = re.compile(r"公民、法人(?:和|或|及)其他(?:社会)?组织|任何|所有|一切")
_OTHER_BUSINESS = re.compile(r"投诉|举报|信访|咨询|建议|提案|议案|热线|诉求|工单|来电|来信")
_REVIEW_WORDS = re.compile(r"复议|诉讼")
_APPLICATION = re.compile(r"(?<!依)申请")
# counts of other organs than the reporting one (a government's report speaking of its departments)
_SCOPE = re.compile(r"各部门|各乡镇|各街道|各单位|各级|下属|所属|指导")
# a sentence about documents' disclosure attributes, not about applications
_ATTRIBUTES = re.compile(r"公文|属性|主动公开")
_NOT_MAINTAINED = re.compile(r"败诉|纠正|撤销|维持|确认违法|不服|被告")


class Text:
    """A paragraph's text without spaces and ``*``, NFKC-normalised, with a map back to it."""

    __slots__ = ("para", "norm", "_index", "_stop_cache")

    def __init__(self, para: Paragraph, norm: str) -> None:
        self.para = para
        self.norm = norm
        self._index: list[int] | None = None
        self._stop_cache: dict[str, list[int]] = {}

    @classmethod
    def of(cls, para: Paragraph) -> "Text":
        return cls(para, fold(para.text))

    @property
    def index(self) -> list[int]:
        """For each character of ``norm``, its index in the paragraph's text (built when needed)."""
        if self._index is None:
            self._index = fold_index(self.para.text)
        return self._index

    def source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``norm[start:end]``."""
        a = self.para.source_offset(self.index[start])
        b = self.para.source_offset(self.index[end - 1]) + 1
        return a, b

    def original(self, start: int, end: int) -> str:
        return self.para.text[self.index[start]:self.index[end - 1] + 1]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: between the nearest , ; : or sentence end on either side."""
        return self._around(pos, self._stops(_CLAUSE_END + _SENTENCE_END))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(pos, self._stops(_SENTENCE_END))

    def _stops(self, chars: str) -> list[int]:
        """Positions of the stop characters, computed once per text (bisected per match, so that
        a long text with many matches stays linear)."""
        cache = self._stop_cache
        if chars not in cache:
            cache[chars] = [i for i, ch in enumerate(self.norm) if ch in chars]
        return cache[chars]

    def _around(self, pos: int, stops: list[int]) -> tuple[int, int]:
        # no real sentence is longer than _REACH characters on either side; text without stops
        # (a crawled table, noise) must not make every match look at all of it
        i = bisect_left(stops, pos)
        start = stops[i - 1] + 1 if i > 0 else 0
        end = stops[i] if i < len(stops) else len(self.norm)
        return max(start, pos - _REACH), min(end, pos + _REACH)

    def previous_sentence(self, pos: int) -> str:
        s, _ = self.sentence(pos)
        if s <= 0:
            return ""
        ps, pe = self.sentence(s - 1)
        return self.norm[ps:pe]


@dataclass
class Claim:
    kind: str
    number: int
    text: Text
    start: int  # of the whole phrase in text.norm
    end: int
    n_start: int
    n_end: int
    detail: str = ""

    @property
    def phrase(self) -> str:
        return self.text.original(self.start, self.end)

    def span(self, source) -> Span:
        a, b = self.text.source(self.n_start, self.n_end)
        return source.span(a, b)

    def phrase_span(self, source) -> Span:
        a, b = self.text.source(self.start, self.end)
        return source.span(a, b)


def _number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    raw = raw.replace("两", "二").replace("〇", "零")
    if raw == "零":
        return 0
    return numeral_value(raw)


def _accept(text: Text, m: re.Match, *, years: bool = True, year: int | None = None) -> bool:
    """Whether a matched number is a plain count in a clause about the report's year."""
    raw = m.group("n")
    value = _number(raw)
    if value is None:
        return False
    after = text.norm[m.end():m.end() + 4]
    if _UNIT_TAIL.match(after):
        return False
    if not raw.isdigit():
        # Chinese numerals only when the clause ends right after the unit (三件。 not 一件一档)
        if after and after[0] not in _CLAUSE_END + _SENTENCE_END + "、)）":
            return False
    before = text.norm[max(0, m.start("n") - 3):m.start("n")]
    if _APPROX.search(before):
        return False
    if text.norm[m.end("n"):m.end("n") + 1] in ("%", "％", "."):
        return False
    if re.search(r"\d[,.]$", text.norm[max(0, m.start("n") - 2):m.start("n")]):
        return False  # the tail of 1,234 or 2.5, not a number of its own
    cs, _ = text.clause(m.start())
    head = text.norm[cs:m.end()]
    if years:
        if _OTHER_YEAR.search(head):
            return False
        if year is not None and any(int(y) != year for y in _YEAR.findall(head)):
            return False
    return True


def _clause_text(text: Text, m: re.Match) -> str:
    """The clause up to the end of the match: what qualifies the number (a remark after it, such as
    （含当面申请5件）, does not)."""
    cs, _ = text.clause(m.start())
    return text.norm[cs:m.end()]


def _subset(clause: str) -> bool:
    """The clause counts a subset (a channel, a kind of applicant, a topic)."""
    stripped = _WHOLE_PUBLIC.sub("", clause)
    if _WHOLE_PUBLIC.search(clause) and not _SUBSET.search(stripped):
        return False
    return bool(_SUBSET.search(stripped))


def _application_sentence(text: Text, pos: int, previous: bool = False) -> bool:
    s, e = text.sentence(pos)
    if _APPLICATION.search(text.norm[s:e]):
        return True
    return previous and bool(_APPLICATION.search(text.previous_sentence(pos)))


def _paragraphs(report) -> Iterator[tuple[Paragraph, str]]:
    """Each paragraph with the title of the chapter it stands in ("" in the preamble)."""
    for block in report.preamble:
        if isinstance(block, Paragraph):
            yield block, ""
    for chapter in report.chapters:
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                yield block, chapter.title


def texts(report, ctx) -> list[tuple[Text, str]]:
    """Each paragraph's folded text and its chapter's title, computed once per report."""
    return ctx.memo(("gxlint_rules.narrative", "texts"),
                    lambda: [(Text.of(para), chapter) for para, chapter in _paragraphs(report) if para.text])


def claims(report, ctx) -> list[Claim]:
    """Every recognised numeric claim in the report's paragraphs (computed once per report)."""
    return ctx.memo(("gxlint_rules.narrative", "claims"), lambda: list(_claims(report, ctx)))


def _claims(report, ctx) -> Iterator[Claim]:
    year = report.year
    for text, chapter in texts(report, ctx):
        norm = text.norm
        # every application pattern needs 申请 in its paragraph, every review one 复议/诉讼/维持,
        # every document one 规范性文件: a substring test spares most paragraphs all the regexes
        if "申请" in norm:
            yield from _application_claims(text, year)
        if "复议" in norm or "诉讼" in norm or "维持" in norm:
            yield from _review_claims(text, year, _REVIEW_WORDS.search(chapter) is not None)
        if "规范性文件" in norm:
            yield from _document_claims(text, year)


def _mk(kind: str, text: Text, m: re.Match, detail: str = "") -> Claim:
    return Claim(kind, _number(m.group("n")), text, m.start(), m.end(), m.start("n"), m.end("n"), detail)


def _application_claims(text: Text, year: int | None) -> Iterator[Claim]:
    taken = bytearray(len(text.norm))  # characters already claimed by an earlier match

    def free(m: re.Match) -> bool:
        return not any(taken[m.start():m.end()])

    def take(m: re.Match) -> None:
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    def ok(m: re.Match, *, years: bool = True, subset: bool = True) -> bool:
        clause = _clause_text(text, m)
        if _OTHER_BUSINESS.search(clause) or _REVIEW_WORDS.search(clause) or _SCOPE.search(clause):
            return False
        if subset and _subset(clause):
            return False
        return _accept(text, m, years=years, year=year)

    for kind, patterns, years in (("received", RECEIVED, True), ("handled", HANDLED, True),
                                  ("workload", WORKLOAD, True), ("carried_out", CARRIED_OUT, True),
                                  ("carried_in", CARRIED_IN, False)):
        for pattern in patterns:
            for m in pattern.finditer(text.norm):
                if not free(m) or not ok(m, years=years):
                    continue
                if kind != "received" and not _application_sentence(text, m.start()):
                    continue
                take(m)
                yield _mk(kind, text, m)
    for m in OUTCOME.finditer(text.norm):
        if not free(m) or not ok(m) or not _application_sentence(text, m.start(), previous=True):
            continue
        s, e = text.sentence(m.start())
        if _ATTRIBUTES.search(text.norm[s:e]):
            continue
        take(m)
        yield _mk("outcome", text, m, m.group("kind"))
    for m in ON_REQUEST.finditer(text.norm):
        clause = _clause_text(text, m)
        if not free(m) or _REVIEW_WORDS.search(clause) or not _accept(text, m, year=year):
            continue
        take(m)
        s, e = text.sentence(m.start())
        yield _mk("on_request", text, m, "attributes" if _ATTRIBUTES.search(text.norm[s:e]) else "")


def _about_disclosure(text: Text, pos: int, in_chapter: bool) -> bool:
    """复议/诉讼 numbers count only about 政府信息公开: in the review chapter, or in a sentence that
    says 公开 (an organ's other 行政复议 work is not the table's)."""
    if in_chapter:
        return True
    s, e = text.sentence(pos)
    return "公开" in text.norm[s:e]


def _review_claims(text: Text, year: int | None, in_chapter: bool = False) -> Iterator[Claim]:
    for kind, pattern in (("review", REVIEW), ("litigation", LITIGATION)):
        for m in pattern.finditer(text.norm):
            clause = _clause_text(text, m)
            if _NOT_MAINTAINED.search(clause) or _OTHER_BUSINESS.search(clause) or _SCOPE.search(clause):
                continue
            if _accept(text, m, year=year) and _about_disclosure(text, m.start(), in_chapter):
                yield _mk(kind, text, m)
    for m in MAINTAINED.finditer(text.norm):
        s, _ = text.sentence(m.start())
        head = text.norm[s:m.start()]
        if _OTHER_YEAR.search(head) or (year is not None and any(int(y) != year for y in _YEAR.findall(head))):
            continue
        if _SCOPE.search(head) or not _about_disclosure(text, m.start(), in_chapter):
            continue
        words = re.sub(r"未经复议直接起诉|复议后起诉", "诉讼", head)
        blocks = ("review" if "复议" in words else "") + ("litigation" if re.search("诉讼|起诉", words) else "")
        if blocks:
            yield Claim("maintained", 0, text, m.start(), m.end(), m.start(), m.end(), blocks)


def _document_claims(text: Text, year: int | None) -> Iterator[Claim]:
    for pattern in DOCUMENTS:
        for m in pattern.finditer(text.norm):
            clause = _clause_text(text, m)
            # 累计 of documents is a running total, not this year's; the rest are other document work
            if re.search(r"解读|备案|审查|征求|草案|累计", clause) or _SCOPE.search(clause):
                continue
            if _accept(text, m, year=year):
                yield _mk("documents", text, m, m.group("verb"))


# -- what the tables say ---------------------------------------------------------------------------

@dataclass
class Quantity:
    """A table quantity as the message names it, with the range its unknown cells allow."""

    zh: str
    en: str
    lo: float
    hi: float
    values: frozenset[float] | None = None  # the only values possible (a cell that could not be split)
    written: str = ""  # the run-together digits those values come from

    def fits(self, n: float) -> bool:
        if self.values is not None and not any(abs(v - n) < 1e-9 for v in self.values):
            return False
        return self.lo - 1e-9 <= n <= self.hi + 1e-9

    def says_zh(self, unit: str = "") -> str:
        if self.values is not None:
            return (f"无法确定（数字连写为“{self.written}”，拆分方式不止一种），但任何拆分下都只可能是"
                    f"{_listed_zh(self.values)}{unit}")
        if self.hi == INF:
            return f"至少为 {fmt(self.lo)}{unit}（另有空白单元格）"
        return f"为 {fmt(self.lo)}{unit}"

    def value_en(self) -> str:
        if self.values is not None:
            return (f"undetermined (digits run together as “{self.written}”, with more than one split), "
                    f"but every split gives {_listed_en(self.values)}")
        if self.hi == INF:
            return f"at least {fmt(self.lo)} (with blank cells)"
        return fmt(self.lo)


_SHOWN = 8


def _listed_zh(values: frozenset[float]) -> str:
    shown = "、".join(fmt(v) for v in sorted(values)[:_SHOWN])
    if len(values) == 1:
        return f" {shown}"
    if len(values) > _SHOWN:
        return f" {shown} 等 {len(values)} 个值之一"
    return f" {shown} 之一"


def _listed_en(values: frozenset[float]) -> str:
    shown = ", ".join(fmt(v) for v in sorted(values)[:_SHOWN])
    if len(values) == 1:
        return shown
    if len(values) > _SHOWN:
        return f"one of {len(values)} values ({shown}, …)"
    return f"one of {shown}"


# -- rows whose run-together digits could not be split -----------------------------------------------------

_SPLIT_LIMIT = 256  # more splits than this: the values are not listed, the cell stays unknown
_SUM_LIMIT = 1024


@dataclass(frozen=True)
class Splits:
    """What a run-together row that could not be split can still say: per column, every value that
    some valid split gives it (a number the text states that no split allows is a mismatch)."""

    written: str
    columns: dict[str, frozenset[float]]


def _row_constraints(tmpl, kind: str, columns) -> list[tuple[int, tuple[int, ...]]]:
    """The row's own totals as column positions, as the reader uses them to split (the
    active-disclosure rows have none: their identities are inequalities)."""
    if kind not in ("applications", "review_litigation"):
        return []
    index = {c: i for i, c in enumerate(columns)}
    out = []
    for ident in tmpl.identities:
        if ident.get("table") == kind and ident.get("per") == "row" and ident.get("relation", "=") == "=":
            left, right = ident.get("left", []), ident.get("right", [])
            if len(left) == 1 and left[0] in index and all(r in index for r in right):
                out.append((index[left[0]], tuple(index[r] for r in right)))
    return out


def row_splits(table: Table, row: Row, tmpl, ctx) -> Splits | None:
    """The :class:`Splits` of an unreadable run-together row (computed once per row), or None when
    the row is not one, or has no valid split, or too many to list."""
    if row.alignment != "unreadable" or tmpl is None:
        return None
    return ctx.memo(("gxlint_rules.narrative", "splits", id(table), row.key, row.span.start),
                    lambda: _row_splits(table, row, tmpl))


def _row_splits(table: Table, row: Row, tmpl) -> Splits | None:
    raw = next((r for r in table.raw if r.run_together and r.span == row.span), None)
    if raw is None:
        return None
    tokens = [m.group() for f in raw.fields if not is_label(f.text) for m in re.finditer(r"\S+", f.text)]
    if not tokens:
        return None
    if table.kind == "review_litigation":
        blocks, cols = tmpl.rl_blocks, tmpl.rl_columns
        if row.key not in blocks:
            return None
        columns = [f"{b}/{c}" for b in blocks for c in cols]
        width = len(cols)
        constraints = [(b * width + t, tuple(b * width + p for p in parts))
                       for b in range(len(blocks)) for t, parts in _row_constraints(tmpl, table.kind, cols)]
        mine = {f"{row.key}/{c}": c for c in cols}
    else:
        columns = list(row.columns)
        constraints = _row_constraints(tmpl, table.kind, columns)
        mine = {c: c for c in columns}
    money = frozenset(i for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in tmpl.money_columns)
    signed = frozenset(i for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in tmpl.signed_columns)
    found = splitter.search(tokens, len(columns), constraints, money, signed, limit=_SPLIT_LIMIT)
    if not found.complete or not found.solutions:
        return None
    values = {mine[c]: frozenset(float(s[i]) for s in found.solutions)
              for i, c in enumerate(columns) if c in mine}
    return Splits(" ".join(tokens), values)


def _possible(q: "Quantity") -> frozenset[float] | None:
    """Every value a quantity can have, when that is a finite set."""
    if q.values is not None:
        return q.values
    if q.lo == q.hi and q.hi != INF:
        return frozenset((q.lo,))
    return None


def _sum_values(parts: list["Quantity"]) -> tuple[frozenset[float] | None, str]:
    """The finite set of sums of ``parts`` when one of them comes from an unsplit row (else None),
    and the run-together digits involved."""
    if not any(p.values is not None for p in parts):
        return None, ""
    sums = frozenset((0.0,))
    for p in parts:
        own = _possible(p)
        if own is None:
            return None, ""
        sums = frozenset(a + b for a in sums for b in own)
        if len(sums) > _SUM_LIMIT:
            return None, ""
    return sums, "、".join(dict.fromkeys(p.written for p in parts if p.written))


def _add(*qs: tuple[float, float]) -> tuple[float, float]:
    return sum(q[0] for q in qs), sum(q[1] for q in qs)


@dataclass
class Applications:
    table: Table
    template: object
    rows: dict[str, Row]
    total_column: str = "总计"

    ctx: object = None

    @classmethod
    def of(cls, table: Table, ctx) -> "Applications | None":
        tmpl = template_of(table, ctx)
        if tmpl is None or not tmpl.app_columns:
            return None
        return cls(table, tmpl, trusted_rows(table), tmpl.app_columns[-1], ctx)

    def row_quantity(self, key: str) -> "Quantity":
        """A row's total as a quantity: its range, and the values a run-together row that could not
        be split still allows."""
        lo, hi = self.row(key)
        values, written = None, ""
        if key not in self.rows and self.ctx is not None:
            raw_row = next((r for r in self.table.rows if r.key == key), None)
            splits = row_splits(self.table, raw_row, self.template, self.ctx) if raw_row is not None else None
            if splits is not None and self.total_column in splits.columns:
                values, written = splits.columns[self.total_column], splits.written
        return Quantity("", "", lo, hi, values, written)

    def row(self, key: str) -> tuple[float, float]:
        """The range of a row's total: its 总计 cell, or the sum of its applicant cells."""
        row = self.rows.get(key)
        if row is None:
            return 0.0, INF
        total = row.cell(self.total_column)
        if total is not None and total.status == "number":
            return float(total.value), float(total.value)
        return interval(c for c in row.cells if c.column != self.total_column)

    def leaves(self, label: str) -> list[str]:
        node = self.template.node(label)
        return [leaf.label for leaf in node.leaves()] if node is not None else []

    def group(self, label: str) -> tuple[float, float]:
        keys = self.leaves(label)
        if not keys:
            return 0.0, INF
        return _add(*(self.row(k) for k in keys))

    def _sum(self, keys: list[str]) -> tuple[float, float, frozenset[float] | None, str]:
        parts = [self.row_quantity(k) for k in keys]
        lo, hi = _add(*((p.lo, p.hi) for p in parts))
        values, written = _sum_values(parts)
        return lo, hi, values, written

    def key(self, numbering: str) -> str | None:
        """The template label of a row by its numbering, e.g. 'cn:1' -> 一、本年新收…, 'paren:7' -> （七）总计."""
        for node in self.template.app_nodes:
            if node.numbering == numbering and (node.parent is None) == numbering.startswith("cn:"):
                return node.label
        return None

    def q(self, numbering: str) -> Quantity:
        label = self.key(numbering)
        node = self.template.node(label) if label is not None else None
        if node is None:
            return Quantity("", "", 0.0, INF)
        values, written = None, ""
        if not node.leaf:
            lo, hi, values, written = self._sum(self.leaves(label))
        elif label in self.rows:
            lo, hi = self.row(label)
        else:
            own = self.row_quantity(label)
            if own.values is not None:
                lo, hi, values, written = own.lo, own.hi, own.values, own.written
            elif node.key == "总计" and node.parent is not None:
                # the total row is missing or unplaced: the outcome rows it sums stand for it
                lo, hi, values, written = self._sum([k for k in self.leaves(node.parent.label) if k != label])
            else:
                lo, hi = 0.0, INF
        short = short_label(self.template, label)
        return Quantity(short, short, lo, hi, values, written)

    def zero(self) -> bool:
        """Every number in the table is 0 and row 一 is known to be 0."""
        first = self.key("cn:1")
        if first is None or self.row(first) != (0.0, 0.0):
            return False
        return all(c.value == 0 for r in self.rows.values() for c in r.cells if c.status == "number")

    def candidates(self, claim: Claim) -> list[Quantity]:
        one, two, seven, four = (self.q("cn:1"), self.q("cn:2"), self.q("paren:7"), self.q("cn:4"))

        def plus(a: Quantity, b: Quantity) -> Quantity:
            lo, hi = _add((a.lo, a.hi), (b.lo, b.hi))
            values, written = _sum_values([a, b])
            return Quantity(f"{a.zh} + {b.zh}", f"{a.en} + {b.en}", lo, hi, values, written)

        kind = claim.kind
        if kind == "received":
            return [one, plus(one, two)]
        if kind == "handled":
            return [seven]
        if kind == "workload":
            return [seven, one, plus(one, two)]
        if kind == "carried_out":
            return [four]
        if kind == "carried_in":
            return [two]
        if kind == "on_request":
            return [one, plus(one, two), seven, self.q("paren:1"), plus(self.q("paren:1"), self.q("paren:2"))]
        if kind == "outcome":
            return self._outcome(claim.detail, plus)
        return []

    def _outcome(self, kind: str, plus) -> list[Quantity]:
        granted, partial = self.q("paren:1"), self.q("paren:2")
        if "部分公开" in kind and "予以公开" in kind:
            return [plus(granted, partial)]
        if kind == "予以公开":
            return [granted, plus(granted, partial)]
        numbering = {"部分公开": "paren:2", "不予公开": "paren:3", "不予以公开": "paren:3", "无法提供": "paren:4",
                     "不予处理": "paren:5", "其他处理": "paren:6"}.get(kind)
        return [self.q(numbering)] if numbering else []


@dataclass
class Review:
    table: Table
    rows: dict[str, Row]
    ctx: object = None

    def block_quantity(self, key: str, zh: str, en: str) -> Quantity:
        lo, hi = self.block(key)
        values, written = None, ""
        if key not in self.rows and self.ctx is not None:
            row = next((r for r in self.table.rows if r.key == key), None)
            tmpl = template_of(self.table, self.ctx)
            splits = row_splits(self.table, row, tmpl, self.ctx) if row is not None and row.columns else None
            if splits is not None and row.columns[-1] in splits.columns:
                values, written = splits.columns[row.columns[-1]], splits.written
        return Quantity(zh, en, lo, hi, values, written)

    def block(self, key: str) -> tuple[float, float]:
        row = self.rows.get(key)
        if row is None:
            return 0.0, INF
        columns = row.columns
        total = row.cell(columns[-1]) if columns else None
        if total is not None and total.status == "number":
            return float(total.value), float(total.value)
        return interval(c for c in row.cells if c.column != columns[-1])

    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.table.rows)

    def candidates(self, claim: Claim) -> list[Quantity]:
        keys = self.keys()
        if not keys:
            return []
        if claim.kind == "review":
            return [self.block_quantity(keys[0], f"“{keys[0]}”栏总计", f"block “{keys[0]}” 总计")]
        lit = keys[1:]
        out = []
        blocks = [self.block_quantity(k, f"行政诉讼“{k}”栏总计", f"行政诉讼 block “{k}” 总计") for k in lit]
        if len(lit) > 1:
            lo, hi = _add(*((q.lo, q.hi) for q in blocks))
            values, written = _sum_values(blocks)
            out.append(Quantity("行政诉讼两栏总计之和", "the two 行政诉讼 blocks' 总计 together", lo, hi, values, written))
        out.extend(blocks)
        return out

    def not_maintained(self, blocks: str) -> list[tuple[str, str, Cell]]:
        """(block zh, block en, cell) of every known non-zero 纠正/其他/尚未审结 cell in the blocks named."""
        keys = self.keys()
        chosen = ([keys[0]] if "review" in blocks and keys else []) + (list(keys[1:]) if "litigation" in blocks else [])
        out = []
        for k in chosen:
            row = self.rows.get(k)
            if row is None:
                continue
            name = k if k == keys[0] else f"行政诉讼（{k}）"
            for cell in row.cells[1:len(row.cells) - 1]:
                if cell.status == "number" and cell.value and cell.value > 0:
                    out.append((name, name, cell))
        return out


class _Documents:
    """The 规范性文件 row of the report's first active-disclosure table, found once."""

    def __init__(self, report, ctx) -> None:
        self.report, self.ctx = report, ctx
        self._found = False
        self._table: Table | None = None

    def candidates(self, claim: Claim) -> list[Quantity]:
        if not self._found:
            self._found = True
            self._table = self.report.table("active_disclosure")
        if self._table is None:
            return []
        return _documents_candidates(self._table, self.ctx, claim)


class _Ranges:
    """What the tables of one kind allow for each kind of claim, for a claim to be checked against
    all of them at once.

    Each table's candidates for a (kind, detail) of claim are computed once; their ranges (and the
    exact values a run-together cell can take) are merged into disjoint sorted intervals, searched
    by bisection.  A claim disagrees when it fits no candidate of any table -- as checking every
    table in turn would say, in time that does not grow with claims × tables."""

    def __init__(self, sources) -> None:
        self.sources = list(sources)
        self._cache: dict[tuple[str, str], tuple[list[Quantity], list[float], list[float]] | None] = {}

    def _of(self, claim: Claim):
        key = (claim.kind, claim.detail)
        if key not in self._cache:
            self._cache[key] = self._build(claim)
        return self._cache[key]

    def _build(self, claim: Claim):
        per_table = [s.candidates(claim) for s in self.sources]
        if not per_table or not all(per_table):
            return None  # a table with nothing to compare agrees with anything
        spans: list[tuple[float, float]] = []
        for cands in per_table:
            for q in cands:
                if q.values is not None:
                    spans.extend((v, v) for v in q.values if q.lo - 1e-9 <= v <= q.hi + 1e-9)
                else:
                    spans.append((q.lo, q.hi))
        spans.sort()
        los: list[float] = []
        his: list[float] = []
        for lo, hi in spans:
            if his and lo <= his[-1] + 1e-9:
                his[-1] = max(his[-1], hi)
            else:
                los.append(lo)
                his.append(hi)
        return per_table[0], los, his

    def mismatch(self, claim: Claim) -> list[Quantity] | None:
        """The first table's candidates when the claim fits no table, else None."""
        found = self._of(claim)
        if found is None:
            return None
        cands, los, his = found
        n = claim.number
        i = bisect_right(los, n + 1e-9) - 1
        if i >= 0 and n <= his[i] + 1e-9:
            return None
        return cands


def _documents_candidates(table: Table, ctx, claim: Claim) -> list[Quantity]:
    if not table.template:
        return []
    row = next((r for r in table.rows if r.key.endswith("规范性文件")), None)
    if row is None:
        return []
    splits = None
    if not row.trusted:
        splits = row_splits(table, row, template_of(table, ctx), ctx)
        if splits is None:
            return []
    verb = claim.detail
    if verb in ("清理废止", "宣布失效", "废止", "失效"):
        wanted = ("废止",)
    elif verb == "现行有效":
        wanted = ("现行有效",)
    else:
        wanted = ("制发", "制作", "新公开")
    out = []
    for cell in row.cells:
        col = cell.column or ""
        if not any(w in col for w in wanted):
            continue
        lo, hi = interval([cell])
        name_zh, name_en = table_name(table)
        values = splits.columns.get(col) if splits is not None else None
        out.append(Quantity(f"{name_zh}“{row.key}”行“{col}”", f"{name_en}, row “{row.key}”, column “{col}”",
                            lo, hi, values, splits.written if splits is not None else ""))
    return out


def _describe(cands: list[Quantity]) -> tuple[str, str]:
    """The table's side of a mismatch: "一为 12；一 + 二为 13", or "一、一 + 二均为 0" when they agree."""
    values = {(q.lo, q.hi, q.values) for q in cands}
    if len(values) == 1 and len(cands) > 1:
        q = cands[0]
        return (f"{'、'.join(c.zh for c in cands)}均{q.says_zh()}",
                f"{', '.join(c.en for c in cands)} are all {q.value_en()}")
    return ("；".join(f"{q.zh}{q.says_zh()}" for q in cands),
            "; ".join(f"{q.en} is {q.value_en()}" for q in cands))


_STRONG = ("received", "handled", "workload")


class ZeroTotalConsistency(Rule):
    """A table or total that is zero while a part of it, or the report's own text, says otherwise.

    Three cases:

    * the text says no applications were received (未收到政府信息公开申请, 本年度无依申请公开 …) while
      row 一 of the applications table is above 0; or says no 行政复议/行政诉讼 happened (未发生…
      行政复议、行政诉讼) while the review/litigation table counts some;
    * the text counts applications received or handled (收到政府信息公开申请 N 件, 办结 N 件 …, N > 0)
      while every number in the applications table is 0;
    * a 总计 of 0 beside non-zero parts: a row's 总计 with a non-zero applicant cell, （七）总计 in a
      column with a non-zero outcome row, a 复议/诉讼 block's 总计 with a non-zero result.  These are
      reported here, once, and not again by GX202-GX204.

    Only the phrasings listed in ``gxlint_rules.narrative`` are read, and only rows the reader
    placed with certainty; blank cells are unknown, never 0.

    Anti-pattern::

        全年未收到政府信息公开申请。
        一、本年新收政府信息公开申请数量	2	0	0	0	0	0	2

    Best practice::

        全年收到政府信息公开申请 2 件。
        一、本年新收政府信息公开申请数量	2	0	0	0	0	0	2
    """

    code = "GX205"
    name = "zero-total-consistency"
    severity = "error"
    summary = "a table or total that is zero while a part of it, or the report's own text, says otherwise"
    summary_zh = "表格或总计为 0，而其组成部分或报告正文显示并非如此"
    spec = "identities"
    doc_zh = """表格或总计为 0，而其组成部分或报告正文显示并非如此。三种情形：

    * 正文称未收到申请（“未收到政府信息公开申请”“本年度无依申请公开”等），而申请情况表“一、本年新收”
      大于 0；或正文称未发生行政复议、行政诉讼，而复议诉讼情况表有案件；
    * 正文列出收到或办结的申请数（“收到政府信息公开申请 N 件”“办结 N 件”等，N > 0），而申请情况表
      全部为 0；
    * 总计为 0 而组成部分不为 0：某行总计为 0 但有申请人单元格不为 0；某列（七）总计为 0 但有办理
      结果不为 0；复议、诉讼某栏总计为 0 但有结果不为 0。这些情形只在此报告一次，GX202–GX204
      不再重复。

    只识别 gxlint_rules.narrative 中列出的措辞，只使用能确定对齐的行；空白单元格视为未知数，不当作 0。"""

    def check(self, report, ctx):
        apps = [a for a in (Applications.of(t, ctx) for t in template_tables(report, "applications")) if a]
        reviews = [Review(t, trusted_rows(t)) for t in template_tables(report, "review_litigation") if t.rows]
        yield from self._zero_totals(report, ctx)
        if not apps and not reviews:
            return
        yield from self._none_said(report, ctx, apps, reviews)
        if apps and all(a.zero() for a in apps):
            for claim in claims(report, ctx):
                if claim.kind in _STRONG and claim.number > 0:
                    a = apps[0]
                    one, seven = a.q("cn:1"), a.q("paren:7")
                    yield ctx.finding(
                        claim.span(report.source),
                        zh=f"正文“{claim.phrase}”称有 {claim.number} 件申请，但申请情况表全部为 0"
                           f"（{one.zh}{one.says_zh()}，{seven.zh}{seven.says_zh()}）",
                        en=f"the text “{claim.phrase}” counts {claim.number} applications, but every number in the "
                           f"applications table is 0 ({one.en} is {one.value_en()}, {seven.en} is {seven.value_en()})",
                        fix_zh="核对正文与申请情况表，使两者一致", fix_en="make the text and the applications table agree")

    # -- text that says none ---------------------------------------------------------------------
    def _none_said(self, report, ctx, apps, reviews):
        year = report.year
        for text, _chapter in texts(report, ctx):
            if not text.norm:
                continue
            if apps and "申请" in text.norm:
                for pattern in NONE_RECEIVED:
                    for m in pattern.finditer(text.norm):
                        f = self._none_received(report, ctx, text, m, apps, year)
                        if f is not None:
                            yield f
            if reviews and ("复议" in text.norm or "诉讼" in text.norm):
                for pattern in NONE_REVIEWED:
                    for m in pattern.finditer(text.norm):
                        f = self._none_reviewed(report, ctx, text, m, reviews, year)
                        if f is not None:
                            yield f

    @staticmethod
    def _plain_clause(text: Text, m: re.Match, year) -> str | None:
        cs, ce = text.clause(m.start())
        clause = text.norm[cs:ce]
        if re.search(r"\d", _YEAR.sub("", clause)):
            return None
        if _OTHER_YEAR.search(clause) or any(int(y) != year for y in _YEAR.findall(clause) if year):
            return None
        return clause

    def _none_received(self, report, ctx, text, m, apps, year):
        clause = self._plain_clause(text, m, year)
        if clause is None or _REVIEW_WORDS.search(clause) or _OTHER_BUSINESS.search(clause) or _subset(clause):
            return None
        a = apps[0]
        one = a.q("cn:1")
        if one.lo <= 0:
            return None
        start = m.start() + (1 if text.norm[m.start()] in _CLAUSE_END + _SENTENCE_END else 0)
        span = report.source.span(*text.source(start, m.end()))
        said = text.original(start, m.end())
        return ctx.finding(
            span,
            zh=f"正文“{said}”称未收到申请，但申请情况表{one.zh}（本年新收）{one.says_zh(' 件')}",
            en=f"the text “{said}” says no applications were received, but the applications table's {one.en} "
               f"(received this year) is {one.value_en()}",
            fix_zh="核对正文与申请情况表，使两者一致", fix_en="make the text and the applications table agree")

    def _none_reviewed(self, report, ctx, text, m, reviews, year):
        clause = self._plain_clause(text, m, year)
        if clause is None or _NOT_MAINTAINED.search(clause):
            return None
        words = re.sub(r"未经复议直接起诉|复议后起诉", "诉讼", clause)
        r = reviews[0]
        keys = r.keys()
        chosen = ([keys[0]] if "复议" in words else []) + (list(keys[1:]) if "诉讼" in words else [])
        found = [(k, r.block(k)) for k in chosen if r.block(k)[0] > 0]
        if not found:
            return None
        start = m.start() + (1 if text.norm[m.start()] in _CLAUSE_END + _SENTENCE_END else 0)
        span = report.source.span(*text.source(start, m.end()))
        said = text.original(start, m.end())
        name_zh, name_en = table_name(r.table)
        parts_zh = "、".join(f"“{k}”栏总计为 {fmt(v[0])}" for k, v in found)
        parts_en = ", ".join(f"block “{k}” 总计 is {fmt(v[0])}" for k, v in found)
        return ctx.finding(
            span,
            zh=f"正文“{said}”称没有复议或诉讼，但{name_zh}中{parts_zh}",
            en=f"the text “{said}” says there were no reviews or lawsuits, but in the {name_en} {parts_en}",
            fix_zh="核对正文与复议诉讼情况表，使两者一致", fix_en="make the text and the review/litigation table agree")

    # -- zero totals beside non-zero parts -------------------------------------------------------
    def _zero_totals(self, report, ctx):
        for table in report.tables:
            if table.kind not in ("applications", "review_litigation") or not table.template:
                continue
            tmpl = template_of(table, ctx)
            rows = trusted_rows(table)
            name_zh, name_en = table_name(table)
            for ident in (*identities(tmpl, "row-total", table.kind),
                          *identities(tmpl, "review-litigation-total", table.kind)):
                left, right = ident.get("left", []), ident.get("right", [])
                if ident.get("per") != "row" or len(left) != 1:
                    continue
                for row in rows.values():
                    total = row.cell(left[0])
                    parts = [row.cell(c) for c in right]
                    yield from self._zero(ctx, table, total, list(zip(right, parts)),
                                          *self._row_where(tmpl, table, row), name_zh, name_en)
            for ident in identities(tmpl, "outcome-total", table.kind):
                if ident.get("per") != "column":
                    continue
                left, right = identity_rows(tmpl, ident, rows)
                if len(left) != 1 or left[0] not in rows:
                    continue
                for column in rows[left[0]].columns:
                    total = rows[left[0]].cell(column)
                    parts = [(short_label(tmpl, k), rows[k].cell(column)) for k in right if k in rows]
                    label = short_label(tmpl, left[0])
                    yield from self._zero(ctx, table, total, parts, f"“{column}”列{label}",
                                          f"column “{column}”, {label}", name_zh, name_en)

    @staticmethod
    def _row_where(tmpl, table, row) -> tuple[str, str]:
        if table.kind == "review_litigation":
            block = row.key if row.key == "行政复议" else f"行政诉讼（{row.key}）"
            return f"“{block}”栏总计", f"block “{block}”, 总计"
        label = short_label(tmpl, row.key)
        return f"“{label}”行总计", f"row “{label}”, 总计"

    @staticmethod
    def _zero(ctx, table, total: Cell | None, parts, where_zh, where_en, name_zh, name_en):
        if total is None or total.status != "number" or total.value != 0:
            return
        nonzero = [(label, c) for label, c in parts if c is not None and c.status == "number" and c.value > 0]
        if not nonzero:
            return
        pz = "、".join(f"{label}（{fmt(c.value)}）" for label, c in nonzero)
        pe = ", ".join(f"{label} ({fmt(c.value)})" for label, c in nonzero)
        yield ctx.finding(
            total,
            zh=f"{name_zh}{where_zh}为 0，但其组成部分不为 0：{pz}",
            en=f"{name_en}, {where_en} is 0 while its parts are not: {pe}",
            fix_zh="总计应为各组成部分之和", fix_en="the total should be the sum of its parts")


class NarrativeMismatch(Rule):
    """A number stated in the text disagrees with its table cell.

    The report's text often repeats the tables' key numbers: applications received, handled and
    carried over, the outcomes (予以公开, 不予公开, 无法提供, 不予处理 …), 行政复议 and 行政诉讼 cases
    (and whether they were all upheld, 均获维持), 规范性文件 issued, repealed or in force.  When the
    text and the table disagree, one of them is wrong.

    The text is read conservatively (the phrasings are listed in ``gxlint_rules.narrative``): a
    number counts only next to the words naming the cell, in the same clause, with a count unit, in
    a sentence about applications; subsets (当面申请, 自然人申请, 涉及…的申请), other years (上年,
    同比) and approximations (约, 近, 余) are skipped.  "收到申请 N 件" is accepted as either 一 or
    一 + 二 (many reports include those carried over); a sum with blank cells has no upper bound,
    so it only disagrees when its known part already exceeds the text's number.  Counts of
    applications against an all-zero table are GX205.

    A row whose run-together digits can be split in more than one way (GX003) still limits its
    cells: a number the text states that no valid split gives is reported (现行有效行政规范性文件
    393 件 against ``77132470``, whose last cell can only be 0, 70, 470, 2470, 32470 or 132470).

    A stated share -- 予以公开 N 件，占 P% -- is checked against its base: the text's own total of
    applications received or answered, or the table's 一, 一 + 二 or 三（七）总计.  When no base
    gives P% at the precision it is written with (rounded or cut: 31.25% may be 31.3%, 31.2% or
    31%), the finding names the share and the figure the base gives.  A share of something else
    (占全部公文的 …) is not checked.

    Anti-pattern::

        本年度共收到政府信息公开申请 16 件。
        一、本年新收政府信息公开申请数量	10	2	0	0	1	0	13
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0

    Best practice::

        本年度共收到政府信息公开申请 13 件。
        一、本年新收政府信息公开申请数量	10	2	0	0	1	0	13
        二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0
    """

    code = "GX206"
    name = "narrative-mismatch"
    severity = "warning"
    summary = "a number stated in the text disagrees with its table cell"
    summary_zh = "正文所述数字与表格不一致"
    spec = "identities"
    doc_zh = """正文所述数字与对应的表格单元格不一致。报告正文常复述表格的关键数字：收到、办结、结转的申请数，
    办理结果（予以公开、不予公开、无法提供、不予处理等），行政复议、行政诉讼案件数（以及是否“均获
    维持”），规范性文件的制发、废止、现行有效件数。两者不一致，必有一处有误。

    正文按保守方式识别（可识别的措辞列在 gxlint_rules.narrative 中）：数字必须紧跟指明该单元格的词语、
    在同一分句中、带计数单位，且所在句子讲的是申请；涉及部分申请（当面申请、自然人申请、涉及……的
    申请）、其他年份（上年、同比）和约数（约、近、余）的一律跳过。“收到申请 N 件”既可对应“一”也可
    对应“一 + 二”（很多报告把上年结转计入）；含空白单元格的合计没有上限，只有已知部分已超过正文
    数字时才报告。申请情况表全部为 0 而正文列出申请数的情形由 GX205 报告。

    网页把一行数字连在一起、拆分方式不止一种（GX003）时，该行单元格并非完全未知：正文所述数字若在
    任何有效拆分下都不可能出现，同样报告（如正文称现行有效行政规范性文件 393 件，而该行连写为
    ``77132470``，“现行有效件数”只可能是 0、70、470、2470、32470 或 132470）。

    正文所述比例（“予以公开 N 件，占 P%”）按其基数核对：正文自述的收到或答复申请总数，或表中
    一、一 + 二、三（七）总计。若没有任何基数能按所写精度得出该比例（允许四舍五入
    或截断：31.25% 可写作 31.3%、31.2% 或 31%），则报告所写比例和按基数算出的比例。占其他事项的比例
    （“占全部公文的”）不核对。"""

    def check(self, report, ctx):
        apps = [a for a in (Applications.of(t, ctx) for t in template_tables(report, "applications")) if a]
        reviews = [Review(t, trusted_rows(t), ctx)
                   for t in template_tables(report, "review_litigation") if t.rows]
        all_zero = bool(apps) and all(a.zero() for a in apps)
        # a claim is compared with every table of its kind (a file may hold several reports): each
        # table's candidates are computed once per kind of claim and merged into one set of ranges,
        # so that the work grows with the number of claims plus the number of tables, not their product
        app_ranges = _Ranges(apps)
        review_ranges = _Ranges(reviews)
        documents = _Ranges([_Documents(report, ctx)])
        for claim in claims(report, ctx):
            if claim.kind in ("review", "litigation"):
                if reviews:
                    yield from self._compare(report, ctx, claim, review_ranges, table_name(reviews[0].table))
            elif claim.kind == "maintained":
                if reviews:
                    yield from self._maintained(report, ctx, claim, reviews[0])
            elif claim.kind == "documents":
                yield from self._compare(report, ctx, claim, documents, ("", ""))
            elif apps:
                if all_zero and claim.kind in _STRONG and claim.number > 0:
                    continue  # GX205
                if claim.kind == "on_request" and claim.detail == "attributes" and not all_zero:
                    continue  # 公文 counted by disclosure attribute: only a table of no applications at all contradicts it
                yield from self._compare(report, ctx, claim, app_ranges, table_name(apps[0].table))
        yield from self._percentages(report, ctx, apps)

    # -- percentages against their base -----------------------------------------------------------
    def _percentages(self, report, ctx, apps):
        """A stated share (N 件，占 P%) that no base the report gives can produce: not the text's own
        totals in that paragraph (收到/办结/答复 … N 件), nor the applications tables' 一, 一 + 二
        or 三（七）总计.  The percentage may be rounded or cut at the precision it is written with
        (31.25% may be written 31.3%, 31.2% or 31%, not 32%)."""
        table_bases: list[tuple[float, str, str]] = []
        for a in apps:
            name_zh, name_en = table_name(a.table)
            for numbering in ("paren:7", "cn:1"):
                q = a.q(numbering)
                if q.lo == q.hi != INF:
                    table_bases.append((q.lo, f"{name_zh}{q.zh}", f"{name_en}, {q.en}"))
            one, two = a.q("cn:1"), a.q("cn:2")
            if one.lo == one.hi != INF and two.lo == two.hi != INF:
                table_bases.append((one.lo + two.lo, f"{name_zh}{one.zh} + {two.zh}",
                                    f"{name_en}, {one.en} + {two.en}"))
        sorted_table = sorted(b for b, _, _ in table_bases)
        by_text: dict[int, list[Claim]] = {}
        for claim in claims(report, ctx):
            if claim.kind in _BASE_KINDS:
                by_text.setdefault(id(claim.text), []).append(claim)
        for text, _chapter in texts(report, ctx):
            if "%" not in text.norm or "占" not in text.norm:
                continue
            own = sorted(by_text.get(id(text), []), key=lambda c: c.start)
            starts = [c.start for c in own]
            for m in PERCENT.finditer(text.norm):
                # the text's totals near the share (a one-line report is one long paragraph)
                at = bisect_left(starts, m.start())
                near = own[max(bisect_left(starts, m.start() - _BASE_REACH), at - _BASE_CLAIMS):
                           min(bisect_right(starts, m.end() + _BASE_REACH // 4), at + 2)]
                f = self._percentage(report, ctx, text, m, near, sorted_table, table_bases)
                if f is not None:
                    yield f

    def _percentage(self, report, ctx, text: Text, m: re.Match, own: list[Claim], sorted_table, table_bases):
        if _WHOLE_BASE.fullmatch(m.group("base")) is None:
            return None  # a share of something else (占全部公文的 …)
        if _APPROX.search(text.norm[max(0, m.start("n") - 3):m.start("n")]):
            return None
        cs, _ = text.clause(m.start())
        head = text.norm[cs:m.end()]
        if (_OTHER_YEAR.search(head) or _SCOPE.search(head) or _OTHER_BUSINESS.search(head)
                or not _application_sentence(text, m.start(), previous=True)):
            return None
        year = report.year
        if year is not None and any(int(y) != year for y in _YEAR.findall(head)):
            return None
        n, written = int(m.group("n")), m.group("p")
        stated = float(written)
        decimals = len(written.split(".", 1)[1]) if "." in written else 0
        unit = 10.0 ** -decimals
        if n == 0 or stated <= 0:
            return None
        text_bases = [(float(c.number), c) for c in own if c.number >= n]
        if not text_bases and not sorted_table:
            return None
        # the true share 100n/b, rounded or cut to the written decimals, gives the written figure
        # when stated - unit/2 <= 100n/b < stated + unit: b lies between these two
        low = 100.0 * n / (stated + unit + 1e-9)
        high = 100.0 * n / (stated - unit / 2 - 1e-9) if stated - unit / 2 > 1e-9 else INF
        if any(low < b <= high for b, _ in text_bases):
            return None
        i = bisect_right(sorted_table, low)
        if i < len(sorted_table) and sorted_table[i] <= high:
            return None
        # the base a reader would take: the text's own total (办结/答复 for outcomes), else the table's
        base_zh = base_en = ""
        base = None
        for kind in ("handled", "workload", "received"):
            for b, c in text_bases:
                if c.kind == kind:
                    base, base_zh, base_en = b, f"正文“{c.phrase}”", f"the text's “{c.phrase}”"
                    break
            if base is not None:
                break
        if base is None:
            fitting = [(b, zh, en) for b, zh, en in table_bases if b >= n]
            if not fitting:
                return None
            base, base_zh, base_en = fitting[0]
        actual = 100.0 * n / base
        shown = f"{actual:.{max(2, decimals + 1)}f}"
        start = max(cs, m.start() - 30)
        phrase = text.original(start, m.end())
        span = report.source.span(*text.source(m.start("p"), m.end()))
        return ctx.finding(
            span,
            zh=f"正文“{phrase}”所写比例与基数不符：{n} 件占 {fmt(base)} 件（{base_zh}）的 {shown}%，而不是 {written}%",
            en=f"the text “{phrase}” gives {written}%, but {n} of {fmt(base)} ({base_en}) is {shown}%",
            fix_zh="按基数重新计算百分比，或写明所用的基数",
            fix_en="recompute the percentage from its base, or name the base used")

    def _compare(self, report, ctx, claim: Claim, ranges: "_Ranges", name):
        cands = ranges.mismatch(claim)
        if cands is None:
            return
        desc_zh, desc_en = _describe(cands)
        name_zh, name_en = name
        where_zh = f"{name_zh}中" if name_zh else ""
        where_en = f"in the {name_en}, " if name_en else ""
        extra_zh = extra_en = ""
        if claim.kind == "on_request":
            extra_zh = "；如此处指公文的公开属性，建议改写以免与申请数混淆"
            extra_en = "; if it means the documents' disclosure attribute, reword it so it does not read as a count of applications"
        yield ctx.finding(
            claim.span(report.source),
            zh=f"正文“{claim.phrase}”与表格不符：{where_zh}{desc_zh}{extra_zh}",
            en=f"the text “{claim.phrase}” disagrees with the table: {where_en}{desc_en}{extra_en}",
            fix_zh="核对正文与表格，使两者一致", fix_en="make the text and the table agree")

    def _maintained(self, report, ctx, claim: Claim, review: Review):
        found = review.not_maintained(claim.detail)
        if not found:
            return
        name_zh, name_en = table_name(review.table)
        pz = "；".join(f"“{b}”栏{c.column} {fmt(c.value)} 件" for b, _, c in found)
        pe = "; ".join(f"block “{b}”: {c.column} {fmt(c.value)}" for _, b, c in found)
        yield ctx.finding(
            claim.phrase_span(report.source),
            zh=f"正文称“{claim.phrase}”，但{name_zh}中并非全部维持：{pz}",
            en=f"the text says “{claim.phrase}” (all upheld), but the {name_en} shows otherwise: {pe}",
            fix_zh="按表格如实表述复议、诉讼结果（含尚未审结的案件）",
            fix_en="state the review and litigation results as the table gives them (including cases not yet closed)")
