"""GX501-GX503: a report against last year's report of the same agency (docs/format.md, Across years).

These rules set ``uses_previous``: they read ``ctx.previous``, last year's report, which the runner
provides when it has paired the report with its predecessor (``gxlint --previous LAST REPORT``, or
reports of consecutive years of one agency checked in one run: gxlint.pairs).  Without it they say
nothing.

What is unknown stays unknown: a blank or malformed cell, or a row the reader could not place with
certainty (``Row.trusted``, GX003's notes), on either side, never gives a finding.  Every message
names both numbers and both files.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from gxlint.arith import fmt
from gxlint.model import Cell, Chapter, Paragraph, Row, Table
from gxlint.rule import Option, Rule

from ._tables import row_unread, template_tables


def _name(report) -> str:
    return report.path or "<text>"


def _year(report, zh: bool) -> str:
    if report.year is None:
        return ""
    return f"（{report.year}年）" if zh else f" ({report.year})"


def _table(report, kind: str) -> Table | None:
    """The report's first template table of ``kind`` with rows."""
    return next((t for t in template_tables(report, kind) if t.rows), None)


def _row(table: Table | None, match) -> Row | None:
    """The first row whose key ``match`` accepts, when the reader placed it with certainty."""
    if table is None:
        return None
    row = next((r for r in table.rows if match(r.key)), None)
    if row is None or row_unread(table, row):
        return None
    return row


def _known(row: Row | None, column: str) -> Cell | None:
    """The cell when it holds a number; None when it is blank, malformed or absent (unknown)."""
    if row is None:
        return None
    cell = row.cell(column)
    if cell is None or not cell.is_number or cell.value is None:
        return None
    return cell


def _carried(key: str) -> bool:
    return key.startswith("二、") and "结转" in key


def _forward(key: str) -> bool:
    return key.startswith("四、") and "结转" in key


class CarryOver(Rule):
    """This year's 二、上年结转 must be last year's 四、结转下年度继续办理, column by column.

    The applications that last year's report carried forward to this year (its row
    四、结转下年度继续办理) are the applications this year's report takes over (its row
    二、上年结转政府信息公开申请数量).  The two numbers are the same applications counted at the two
    ends of the same day, so they must agree in every applicant column (自然人, 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他); when an applicant column is reported, the 总计 column, which
    repeats its difference, is not reported again.

    The rule needs last year's report of the same agency: give it with ``gxlint --previous
    LAST_YEAR REPORT``, or check both years in one run (they are paired by agency and year,
    docs/cli.md).  A blank or unreadable cell on either side is unknown and never reported.

    Anti-pattern::

        上年报告（2020年）：
        四、结转下年度继续办理	2	0	0	0	0	0	2
        本年报告（2021年）：
        二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1

    Best practice::

        上年报告（2020年）：
        四、结转下年度继续办理	2	0	0	0	0	0	2
        本年报告（2021年）：
        二、上年结转政府信息公开申请数量	2	0	0	0	0	0	2
    """

    code = "GX501"
    name = "carry-over"
    severity = "error"
    uses_previous = True
    summary = "二、上年结转 is not last year's 四、结转下年度继续办理 (needs last year's report)"
    summary_zh = "“二、上年结转”与上年报告的“四、结转下年度继续办理”不一致（需要上年报告）"
    spec = "across-years, applications"
    doc_zh = """本年报告的“二、上年结转政府信息公开申请数量”必须等于上年报告的“四、结转下年度继续办理”，逐列比较。

    上年报告结转到下一年继续办理的申请，就是本年报告从上年接过来的申请：两个数字统计的是同一批申请，
    因此每个申请人列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）都必须相等；
    某个申请人列已报告时，重复其差额的“总计”列不再单独报告。

    本规则需要同一机关的上年报告：用 ``gxlint --previous 上年报告 本年报告`` 指定，或在一次检查中同时
    给出两年的报告（按机关和年度自动配对，见 docs/cli.md）。任一方的空白或无法读取的单元格视为未知，
    不会报告。"""

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        this_row = _row(_table(report, "applications"), _carried)
        last_row = _row(_table(previous, "applications"), _forward)
        if this_row is None or last_row is None:
            return
        total = this_row.columns[-1] if this_row.columns else None
        wrong = []
        for column in this_row.columns:
            mine, theirs = _known(this_row, column), _known(last_row, column)
            if mine is None or theirs is None or abs(mine.value - theirs.value) < 1e-9:
                continue
            wrong.append((column, mine, theirs))
        if any(column != total for column, _, _ in wrong):
            wrong = [w for w in wrong if w[0] != total]  # the total repeats the applicant columns
        here, there = _name(report), _name(previous)
        for column, mine, theirs in wrong:
            a, b = fmt(mine.value), fmt(theirs.value)
            yield ctx.finding(
                mine,
                zh=f"本报告（{here}）“二、上年结转政府信息公开申请数量”“{column}”列为 {a}，而上年报告 {there}"
                   f"{_year(previous, True)}“四、结转下年度继续办理”该列为 {b}；本年从上年接办的申请就是上年结转下来的申请，"
                   f"两者应相等",
                en=f"“二、上年结转政府信息公开申请数量” (carried over from last year), column “{column}”, is {a} in "
                   f"this report ({here}), but last year's report {there}{_year(previous, False)} carried {b} "
                   f"forward in “四、结转下年度继续办理”; the applications taken over are the ones carried forward, "
                   f"so the two must be equal",
                fix_zh=f"核对两份报告的“{column}”列：本年“二、上年结转”应为 {b}，或改正上年报告",
                fix_en=f"check column “{column}” in both reports: this year's 二 should be {b}, or last year's "
                       f"report is wrong",
                key=f"carry-over:{column}")


_IN_FORCE = ("本年制发件数", "本年废止件数", "现行有效件数")
_ITEMS = ("上一年项目数量", "本年增/减")


class InForceCount(Rule):
    """This year's 现行有效件数 should be last year's, plus 本年制发件数, minus 本年废止件数.

    In the 2021 format's table for 第二十条第（一）项, the documents in force at the end of the year
    (现行有效件数) are those in force a year earlier -- last year's report's 现行有效件数 -- plus the
    ones issued this year, minus the ones repealed this year.  The rule checks the rows 规章 and
    行政规范性文件.  It is a warning, not an error: an office that re-counts its documents (a
    clean-up of old documents, documents that expired without a repeal) legitimately breaks the
    identity; the report should then say so.

    In the 2019 format, the tables for 第二十条第（五）（六）（八）项 give the number of items last
    year (上一年项目数量) and this year's change (本年增/减): this year's 上一年项目数量 should be
    last year's 上一年项目数量 plus last year's 本年增/减.  The 2019 table for （一）项 has no
    repeal column (its 对外公开总数量 may fall when documents are repealed), so it is not
    checked, and a 2019-format report is not compared with a 2021-format one (their columns count
    different things).  Any blank or unreadable cell among the numbers involved keeps the rule
    silent.

    Anti-pattern::

        上年报告（2020年）：规章	0	0	3
        本年报告（2021年）：
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	1	0	2

    Best practice::

        上年报告（2020年）：规章	0	0	3
        本年报告（2021年）：
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	1	0	4
    """

    code = "GX502"
    name = "in-force-count"
    severity = "warning"
    uses_previous = True
    summary = "现行有效件数 ≠ last year's + 本年制发件数 − 本年废止件数 (needs last year's report)"
    summary_zh = "现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数（需要上年报告）"
    spec = "across-years, active-disclosure"
    doc_zh = """本年的现行有效件数应等于上年报告的现行有效件数，加本年制发件数，减本年废止件数。

    2021 年格式第二十条第（一）项表中，年末现行有效的文件（现行有效件数）就是一年前现行有效的文件
    （上年报告的现行有效件数），加上本年制发的，减去本年废止的。本规则检查“规章”和“行政规范性文件”两行。
    这是警告而不是错误：机关重新清理、核定文件数量（集中清理旧文件、文件到期失效而未废止）时会合理地
    打破这一关系，此时报告应加以说明。

    2019 年格式第二十条第（五）（六）（八）项表给出上一年项目数量和本年增/减：本年的上一年项目数量应等于
    上年报告的上一年项目数量加上年报告的本年增/减。2019 年格式（一）项表没有废止列（废止文件后对外公开
    总数量可能减少），不检查；2019 年格式的报告也不与 2021 年格式的报告比较（两者的列统计的不是同一件事）。
    所涉数字中有空白或无法读取的单元格时，本规则不报告。"""

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        mine, theirs = _table(report, "active_disclosure"), _table(previous, "active_disclosure")
        if mine is None or theirs is None:
            return
        for row in mine.rows:
            if row_unread(mine, row):
                continue
            last = _row(theirs, lambda key, want=row.key: key == want)
            if last is None:
                continue
            if all(c in row.columns for c in _IN_FORCE) and _IN_FORCE[2] in last.columns:
                yield from self._in_force(ctx, report, previous, row, last)
            elif _ITEMS[0] in row.columns and all(c in last.columns for c in _ITEMS):
                yield from self._items(ctx, report, previous, row, last)

    def _in_force(self, ctx, report, previous, row: Row, last: Row):
        issued, repealed, now = (_known(row, c) for c in _IN_FORCE)
        before = _known(last, _IN_FORCE[2])
        if None in (issued, repealed, now, before):
            return
        expected = before.value + issued.value - repealed.value
        if abs(now.value - expected) < 1e-9:
            return
        here, there = _name(report), _name(previous)
        n, b, i, r, e = (fmt(x) for x in (now.value, before.value, issued.value, repealed.value, expected))
        yield ctx.finding(
            now,
            zh=f"主动公开情况表第二十条第（一）项“{row.key}”：本报告（{here}）现行有效件数为 {n}，而按上年报告 {there}"
               f"{_year(previous, True)}的现行有效件数 {b} + 本年制发件数 {i} − 本年废止件数 {r} 应为 {e}；"
               f"如本年重新清理核定了现行有效件数，两者可以不同，请在报告中说明",
            en=f"active-disclosure table, 第二十条第（一）项, row “{row.key}”: this report ({here}) has 现行有效件数 "
               f"(in force) {n}, but last year's report {there}{_year(previous, False)} had {b} in force, plus "
               f"{i} issued (本年制发件数) minus {r} repealed (本年废止件数) makes {e}; a re-count of the documents "
               f"in force can explain the difference, which the report should then state",
            fix_zh=f"核对“{row.key}”的现行有效件数（应为 {e}），或在报告中说明重新核定的原因",
            fix_en=f"check the number in force for “{row.key}” (expected {e}), or explain the re-count in the report",
            key=f"in-force:{row.key}")

    def _items(self, ctx, report, previous, row: Row, last: Row):
        now = _known(row, _ITEMS[0])
        before, change = _known(last, _ITEMS[0]), _known(last, _ITEMS[1])
        if None in (now, before, change):
            return
        expected = before.value + change.value
        if abs(now.value - expected) < 1e-9:
            return
        here, there = _name(report), _name(previous)
        n, b, c, e = (fmt(x) for x in (now.value, before.value, change.value, expected))
        section = row.section or ""
        yield ctx.finding(
            now,
            zh=f"主动公开情况表{section}“{row.key}”：本报告（{here}）上一年项目数量为 {n}，而上年报告 {there}"
               f"{_year(previous, True)}的上一年项目数量 {b} + 本年增/减 {c} = {e}；如本年重新核定了项目数量，"
               f"两者可以不同，请在报告中说明",
            en=f"active-disclosure table, {section}, row “{row.key}”: this report ({here}) gives 上一年项目数量 "
               f"(items last year) {n}, but last year's report {there}{_year(previous, False)} had {b} items and a "
               f"change (本年增/减) of {c}, which makes {e}; a re-count can explain the difference, which the "
               f"report should then state",
            fix_zh=f"核对“{row.key}”的上一年项目数量（应为 {e}），或在报告中说明重新核定的原因",
            fix_en=f"check 上一年项目数量 of “{row.key}” (expected {e}), or explain the re-count in the report",
            key=f"items:{row.key}")


# -- copied text ---------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？；!?;\n]+")
_MARKUP = re.compile(r"[*#_`>]+")
_CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}年")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NOT_WORD = re.compile(r"[^\w#]+|_")
#: the template's and the convention's fixed wording: the introduction's sentences (本报告依据…编制,
#: 本报告所列数据的统计期限…, 本报告电子版可在…查阅和下载, 现将…报告如下)
_FIXED = re.compile(r"^(?:本(?:年度)?报告|(?:根据|依据|按照)中华人民共和国政府信息公开条例)|报告如下$")
#: the contact sentence and its pieces (address, post code, phone, e-mail, fax)
_CONTACT = re.compile(r"如对本|联系(?:地址|电话|方式|人)|电话|邮箱|邮编|邮政编码|传真|地址")
#: a numbered sub-heading standing as its own sentence: （一）主动公开, 一、总体情况, 1.加强领导 (numbers are # here)
_ENUMERATED = re.compile(r"^[（(]?[一二三四五六七八九十\d#]+[)）、.．]")


def _numbers_out(text: str) -> str:
    """Every number (half- or full-width digits: ``\\d`` is Unicode) and year as #."""
    return _NUMBER.sub("#", _CN_YEAR.sub("#年", text))


def normalise(sentence: str) -> str:
    """A sentence as compared across years: numbers and years become #, spaces and punctuation go."""
    return _NOT_WORD.sub("", _numbers_out(sentence))


@dataclass(frozen=True)
class Sentence:
    key: str  # normalised
    paragraph: int  # index into Narrative.paragraphs


@dataclass
class Narrative:
    """A report's narrative sentences: the running text, less headings, tables, the introduction's
    fixed wording, the contact sentence and short fragments."""

    paragraphs: list[tuple[Paragraph, Chapter | None]]
    sentences: list[Sentence]

    @property
    def keys(self) -> set[str]:
        return {s.key for s in self.sentences}


#: the sentence keys of the reports read last: a report is this year's in one pair and last year's
#: in the next (weak references: the cache keeps no report alive)
_RECENT: list[tuple[weakref.ref, int, frozenset[str]]] = []


def narrative_keys(report, min_chars: int = 8) -> frozenset[str]:
    """The normalised sentences of a report's narrative (remembered for the two reports read last)."""
    for ref, chars, keys in _RECENT:
        if ref() is report and chars == min_chars:
            return keys
    return _remember(report, min_chars, narrative(report, min_chars))


def _remember(report, min_chars: int, found: "Narrative") -> frozenset[str]:
    keys = frozenset(found.keys)
    try:
        _RECENT.insert(0, (weakref.ref(report), min_chars, keys))
    except TypeError:  # an object without weak references: not remembered
        return keys
    del _RECENT[2:]
    return keys


def narrative(report, min_chars: int = 8) -> "Narrative":
    title = report.title_span
    paragraphs: list[tuple[Paragraph, Chapter | None]] = []
    blocks = [(b, None) for b in report.preamble] + [(b, c) for c in report.chapters for b in c.blocks]
    for block, chapter in blocks:
        if not isinstance(block, Paragraph) or block.heading_level:
            continue
        if title is not None and block.span.start < title.end and title.start < block.span.end:
            continue  # the title
        paragraphs.append((block, chapter))
    sentences = []
    for index, (para, _) in enumerate(paragraphs):
        for m in _SENTENCE.finditer(_numbers_out(_MARKUP.sub("", para.text))):
            raw = m.group().strip()
            key = _NOT_WORD.sub("", raw)
            if len(key) < min_chars or not _CJK.search(key):
                continue
            if _FIXED.search(key) or _CONTACT.search(key):
                continue
            if _ENUMERATED.match(raw) and len(key) <= 16:
                continue  # a sub-heading: （一）主动公开
            sentences.append(Sentence(key, index))
    return Narrative(paragraphs, sentences)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _problems_chapter(chapter: Chapter | None) -> bool:
    return chapter is not None and (chapter.number == 5 or "存在的主要问题" in chapter.title
                                    or "改进情况" in chapter.title)


def _excerpt(text: str, length: int = 14) -> str:
    text = re.sub(r"\s+", "", _MARKUP.sub("", text))
    return text[:length] + ("…" if len(text) > length else "")


class CopiedText(Rule):
    """Much of the report's narrative is the same as last year's report.

    A year's report must describe that year's work; the 2021 format's notice names content copied
    from earlier years (内容雷同) among the failings for which those responsible are held to
    account.  The rule compares the narrative sentences of this year's report with last year's
    report of the same agency, after setting numbers, years and dates, spaces and punctuation
    aside (so a sentence whose only change is its numbers counts as copied).  Only the narrative
    counts: headings, tables, the introduction's fixed wording (本报告依据…, 本报告所列数据的统计
    期限…, 本报告电子版…), the contact sentence and fragments under ``min-chars`` characters are left
    out.  When the share of copied sentences reaches ``threshold``, the warning names the most
    copied paragraphs by line.

    The default threshold, 0.5, comes from real reports: different years of one agency's honest
    reports share 4-17% of their sentences (standing phrases about the same office and channels);
    the real reports of different agencies gxlint is tested with share none once the fixed wording
    and the contact sentence are left out; a report made from last year's by changing the numbers
    shares nearly all of them (100% in the tests).  Half the sentences leaves a wide margin on
    both sides: raise it to hear only of near copies, lower it (not below 0.2) for a stricter
    review.

    Chapter 五、存在的主要问题及改进情况 gets its own warning when its sentences reach the threshold:
    that chapter exists to report what changed -- how last year's problems were dealt with and which
    remain -- and a copy of last year's says nothing of the kind.

    Anti-pattern::

        上年报告（2020年）：五、存在的主要问题及改进情况
        政策解读形式较为单一。下一步，我局将丰富图解、问答等解读形式。
        本年报告（2021年）：五、存在的主要问题及改进情况
        政策解读形式较为单一。下一步，我局将丰富图解、问答等解读形式。

    Best practice::

        本年报告（2021年）：五、存在的主要问题及改进情况
        上年度提出的解读形式单一问题，本年度新增图解12篇、视频解读3期，已基本整改。
        当前主要问题是部分检查结果公开不够及时，下一步将把结果公开纳入执法流程。
    """

    code = "GX503"
    name = "copied-text"
    severity = "warning"
    uses_previous = True
    summary = "much of the narrative is the same as last year's report (needs last year's report)"
    summary_zh = "叙述内容与上年报告大量雷同（需要上年报告）"
    spec = "across-years, good-practice"
    options = {
        "threshold": Option(0.5, "the share of this year's narrative sentences equal to last year's (numbers and "
                                 "dates aside) from which the rule warns, for the report and for chapter 五"),
        "min-sentences": Option(5, "reports with fewer narrative sentences than this are not judged as a whole"),
        "min-chars": Option(8, "shorter sentences (after dropping numbers and punctuation) are not compared"),
    }
    doc_zh = """报告叙述内容的大部分与上年报告相同。

    年度报告应当反映当年的工作；2021 年格式的通知把“内容雷同”列为要追究责任的问题之一。本规则把本年
    报告的叙述句子与同一机关上年报告比较，比较时不计数字、年份和日期、空格和标点（只改了数字的句子算作
    雷同）。只比较叙述：标题、表格、前言中的固定表述（本报告依据……、本报告所列数据的统计期限……、本报告
    电子版……）、联系方式句子以及短于 ``min-chars`` 个字的片段不计。雷同句子所占比例达到 ``threshold`` 时
    报告警告，并按行号列出雷同最多的段落。

    默认阈值 0.5 来自真实报告：同一机关不同年度如实编写的报告，相同句子只占 4%–17%（关于同一机构、同一
    渠道的固定说法）；gxlint 测试所用的不同机关的真实报告，去掉固定表述和联系方式后没有相同的句子；而照着
    上年报告只改数字的报告，几乎所有句子都相同（测试中为 100%）。取一半，两边都留有充分余地：只想发现
    近乎照抄的报告可调高阈值，要更严格地审查可调低（不宜低于 0.2）。

    第五部分“存在的主要问题及改进情况”的句子达到阈值时单独报告：这一部分要写的正是变化——上年的问题
    如何整改、还存在哪些问题——照搬上年的内容等于什么都没有说。"""

    def check(self, report, ctx):
        previous = ctx.previous
        if previous is None:
            return
        min_chars = ctx.options["min-chars"]
        threshold = ctx.options["threshold"]
        last = narrative_keys(previous, min_chars)
        mine = narrative(report, min_chars)
        _remember(report, min_chars, mine)  # next year's report will ask for this one's
        if not mine.sentences or not last:
            return
        here, there = _name(report), _name(previous)
        copied = [s for s in mine.sentences if s.key in last]
        share = len(copied) / len(mine.sentences)
        if len(mine.sentences) >= ctx.options["min-sentences"] and copied and share >= threshold:
            yield self._whole(ctx, report, previous, mine, copied, share, threshold, here, there)
        # chapter 五 on its own
        ch5 = [s for s in mine.sentences if _problems_chapter(mine.paragraphs[s.paragraph][1])]
        if ch5:
            same = [s for s in ch5 if s.key in last]
            if same and len(same) / len(ch5) >= threshold:
                chapter = mine.paragraphs[ch5[0].paragraph][1]
                yield ctx.finding(
                    chapter,
                    zh=f"第五部分“存在的主要问题及改进情况”{len(ch5)} 句中有 {len(same)} 句与上年报告 {there}"
                       f"{_year(previous, True)}相同（数字、日期不计），本报告为 {here}；这一部分应写明上年问题的整改情况和"
                       f"本年仍存在的问题，而不是照搬上年的内容",
                    en=f"chapter 五、存在的主要问题及改进情况: {len(same)} of its {len(ch5)} sentences are the same as in "
                       f"last year's report {there}{_year(previous, False)} (numbers and dates aside), in this report "
                       f"{here}; the chapter must say how last year's problems were dealt with and which remain, "
                       f"not repeat last year's text",
                    fix_zh="重写这一部分：写明上年问题的整改结果和本年发现的问题及改进措施",
                    fix_en="rewrite the chapter: the results of last year's improvements, this year's problems and "
                           "the measures planned",
                    key="copied:problems")

    def _whole(self, ctx, report, previous, mine: Narrative, copied, share, threshold, here, there):
        per: dict[int, int] = {}
        total: dict[int, int] = {}
        for s in mine.sentences:
            total[s.paragraph] = total.get(s.paragraph, 0) + 1
        for s in copied:
            per[s.paragraph] = per.get(s.paragraph, 0) + 1
        ranked = sorted(per, key=lambda i: (-per[i], i))[:3]
        shown_zh = "、".join(f"第{mine.paragraphs[i][0].span.line}行“{_excerpt(mine.paragraphs[i][0].text)}”"
                            f"（{per[i]}/{total[i]} 句）" for i in ranked)
        shown_en = ", ".join(f"line {mine.paragraphs[i][0].span.line} “{_excerpt(mine.paragraphs[i][0].text)}” "
                             f"({per[i]}/{total[i]} sentences)" for i in ranked)
        pct, limit = round(share * 100), round(threshold * 100)
        n, m = len(mine.sentences), len(copied)
        return ctx.finding(
            mine.paragraphs[ranked[0]][0],
            zh=f"本报告（{here}）{n} 句叙述中有 {m} 句（{pct}%）与上年报告 {there}{_year(previous, True)}相同"
               f"（数字、日期不计），达到 {limit}%；雷同最多的段落：{shown_zh}；年度报告应反映当年的工作，"
               f"内容雷同是格式通知列明要追责的问题",
            en=f"{m} of the {n} narrative sentences of this report ({here}), {pct}%, are the same as in last year's "
               f"report {there}{_year(previous, False)} (numbers and dates aside), at or above {limit}%; most "
               f"copied paragraphs: {shown_en}; the report must describe this year's work, and copied content "
               f"(内容雷同) is named for accountability in the format's notice",
            fix_zh="按本年度的实际工作重写这些段落", fix_en="rewrite these paragraphs about this year's work",
            key="copied:report")
