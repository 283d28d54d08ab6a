"""From the grammar's outline to the typed report model.

This is where the document's meaning is read: which headings are chapters, the title, agency and
year, the statistics period, the closing signature, paragraphs rejoined across page breaks, and
every table read against the template that the report's tables follow.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from gxlint.read import templates as templates_mod
from gxlint.read.inline import InlineTables
from gxlint.model import (
    ACTIVE_DISCLOSURE,
    APPLICATIONS,
    LEGACY_STATISTICS,
    REVIEW_LITIGATION,
    TEMPLATE_KINDS,
    Block,
    Chapter,
    Dated,
    Field,
    Paragraph,
    Period,
    RawRow,
    Report,
    Signature,
    Span,
    Table,
    _Frozen,
    _set,
    _tuple_new,
)
from gxlint.read.outline import Line, RawBlock, parse_outline
from gxlint.read.source import Source
from gxlint.read.tables import Lexicon, Reader, choose_template, is_label, key, segment
from gxlint.read.templates import Templates
from gxlint.chinese import (
    DATE_CN,
    DATE_ISO,
    HSPACE,
    WHOLE_YEAR,
    PUBLICATION_LABELS,
    PeriodReading,
    find_dates,
    find_period,
    label_key,
    labelled_date,
    make_date,
    names_agency,
    norm,
    numeral_value,
    title_agency,
    year_in,
    whole_date,
    written_dates,
    WrittenDate,
    year_number,
)
from gxlint.read.unfold import unfold

# No two adjacent repeats over the same blanks: the plain form backtracked cubically on a line of
# spaces (tests/test_linear_patterns.py checks the two read the same).
_HEADING = re.compile(
    rf"^{HSPACE}*(?:#{{1,6}}(?:[ \t]*\*\*)?{HSPACE}*|\*\*{HSPACE}*)?(?P<num>[一二三四五六七八九十]{{1,3}})"
    rf"{HSPACE}*[、.．]{HSPACE}*(?P<title>.*)$"
)
_MD = re.compile(r"^[ \t]*(#{1,6})[ \t]*")
# a chapter heading numbered otherwise than 一、: 第三部分 …, 三，… / 三,…, 三 …, （六）…, and in
# Arabic numerals (a school's or a company's documents): 3、…, 3.…, 3 …, （3）…, full-width ３．…
_LOOSE_HEADING = re.compile(
    rf"^{HSPACE}*(?:#{{1,6}}{HSPACE}*)?(?:\*\*{HSPACE}*)?"
    rf"(?:第(?P<num>[一二三四五六七八九十]{{1,3}})部分{HSPACE}*[、：:.．]?"
    rf"|(?P<num2>[一二三四五六七八九十]{{1,3}})(?:{HSPACE}*[，,]|{HSPACE}+)"
    rf"|[（(]{HSPACE}*(?P<num3>[一二三四五六七八九十]{{1,3}}|[1-9１-９]){HSPACE}*[)）]"
    rf"|(?P<num4>[1-9１-９])(?:{HSPACE}*[、.．，,]|{HSPACE}+))"
    rf"{HSPACE}*(?P<title>[^\t]{{2,40}})$"
)
#: the longest line :data:`_LOOSE_HEADING` can match (markup, numbering and blanks around a title
#: of 40): a longer line, most of a report's, is not tried
_LOOSE_HEADING_MAX = 80
#: what such a heading starts with after its markup (第, a bracket, a numeral): another line is not tried
_LOOSE_HEADING_STARTS = frozenset("第（(一二三四五六七八九十123456789１２３４５６７８９")
_TERMINAL = tuple("。！？!?；;：:”」』")
_SENTENCE_END = tuple("。！？!?；;")
#: what no format's chapter title holds (a test checks the templates): a line with one is a sentence
_NOT_IN_TITLES = re.compile("[0-9０-９，,；;。]")
# _TITLE_OPENING, _NEW_ITEM and _TRAILING_SIGNATURE read only some reports: compiled on first use
# (``re.compile`` caches).
#: a title that opens a paragraph run into it: 示例县教育局2021年政府信息公开工作年度报告 根据…
_LIST_ITEM = re.compile(r"\s*[-+*•·][ \t\u3000]")
_TITLE_OPENING = r"[^，。；,;\s]{2,40}?\d{4}\s*年度?[^，。；,;\s]{0,30}?年度报告(?=\s|$)"
_NEW_ITEM = (
    r"^" + HSPACE + r"*(?:\*\*|#|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是.．]"
    r"|\d{1,2}[.、．]|第[一二三四五六七八九十]|附件|注[:：])"
)
# _FIELD_LINE is asked only of a line that may continue a paragraph, _METADATA_LINE only of a
# crawler's header: both compiled on first use (``re`` caches)
_FIELD_LINE = r"^\s*[^\s:：，。]{2,8}[:：]"
_METADATA_END = re.compile(r"^=+\s*正文\s*=+$")
_METADATA_LINE = r"^([^\s:：]{1,10})\s*[:：]\s*(.*)$"
#: what may follow the signature: a remark in brackets (（联系人：…，电话：…）), an attachment's line,
#: 抄送, a picture (the seal: [图片])
_NOTE_LINE = re.compile(
    r"^\s*(?:[（(][^（()）]{1,60}[)）]|附件[:：]?.{0,60}|附件下载|抄送[:：].{0,120}|\[(?:图片|图像|image)\])\s*$"
)
#: the heading of a page's list of related links (copied as text with the report)
_RELATED = re.compile(
    r"^\s*(?:相关链接|相关阅读|相关文章|相关新闻|相关信息|相关文件|推荐阅读|延伸阅读)\s*[:：]?\s*$"
)
#: an attachment's heading on a line of its own: what follows it is the attachment, not the report
_ATTACHMENT = re.compile(r"^\s*附件\s*\d{0,2}\s*[:：]?\s*$")
#: a line of an office's letterhead above a title: the red header (示例市自然资源和规划局文件) or the
#: document number (示自然资〔2023〕5号, 签发人：…)
_LETTERHEAD = re.compile(
    r"\S{2,30}文件$|\S{0,20}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号.*$|签发人[:：].*$"
)
#: a table of contents' entry: the title, leader dots, the page number
_TOC_ENTRY = re.compile(r"(?:[.…·．]\s*){2,}\d{1,3}\s*$")
#: the title of a numbered heading that is an appendix (七、附件, 七、附表：…, 七、附录)
_APPENDIX = re.compile(r"\s*(?:附件|附表|附录)\s*\d{0,2}\s*(?:[:：].*)?$")
_TRAILING_SIGNATURE = (
    r"[。！；]\s*([^\s。，；：:]{2,30}?(?:局|委员会|办公室|办公厅|人民政府|政府|厅|中心|院|委|办|管委会|实验区))"
    r"\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
)
#: the blocks before the first chapter searched for the title, site chrome included
_TITLE_BLOCKS = 200
#: lines of a web site's frame that crawled text keeps around the report (never the title or the
#: signature): breadcrumbs, metadata fields, tools, previous/next links, footers
_CHROME = re.compile(
    r"^\s*(?:当前位置|您的位置|你的位置|首页\s*[>＞»]|【?打印本页|【?关闭窗口|【?打印】|【?关闭】|上一篇|下一篇|"
    r"分享到|扫一扫|相关链接|相关文章|主办单位|承办单位|主办：|承办：|网站标识码|技术支持|联系我们|版权所有|"
    r"©|Copyright|建议使用|(?:字号|字体)[:：]|浏览次数|访问量|阅读次数|"
    r"(?:索\s*引\s*号|发布机构|主题分类|生成日期|成文日期|文\s*号|有\s*效\s*性|名\s*称|信息来源|公开方式|公开时限)\s*[:：]"
    # the page's credits: 【责任编辑：…】, （审核：…）
    r"|[【\[（(]?\s*(?:责任编辑|责编|编辑|审核|审校|校对|初审|复审|终审)\s*[:：])"
    r"|^\s*(?:[—–－-]\s*\d{1,3}\s*[—–－-]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)"
    r"\s*$|ICP备|公网安备|(?:^|\s)(?:发布时间|发布日期)[:：][^，。]*(?:来源|浏览|字号)"
    # the publication date alone on its line: the site's, not the title's
    r"|^\s*(?:发布时间|发布日期)\s*[:：][\s\d年月日:：./-]*$"
    # a header line that opens with the publication date, whatever follows it (字体：[大 中 小], 成文日期：…)
    r"|^\s*[【\[]?\s*(?:发布时间|发布日期)\s*[:：]\s*[\d０-９]{4}\s*[-/.年－／．]",
    re.IGNORECASE,
)


def _is_nav_item(text: str) -> bool:
    """A site's navigation item, one per line: a few characters, no punctuation, no digits (1-6 CJK
    ideographs or Latin letters; not a regex: the class [\\u4e00-\\u9fff] takes 1 ms to compile)."""
    s = text.strip()
    return 0 < len(s) <= 6 and all("\u4e00" <= c <= "\u9fff" or "a" <= c <= "z" or "A" <= c <= "Z" for c in s)


#: more of the same: breadcrumbs however they start (您现在的位置：…, …首页 > 政务公开 > …) and the
#: text-size tool (【字体：大 中 小】, 字号 大 中 小, [大][中][小]); compiled on first use, for a line
#: that holds one of the words it needs (:data:`_CHROME_MORE_WORDS`)
_CHROME_MORE = (
    r"^\s*[【\[]?(?:您|你)?(?:现在|当前|所在)的?位置"
    r"|(?:^|[\s:：])首页\s*[>＞»›][^。]*[>＞»›]"
    r"|^\s*[【\[(（]?\s*(?:字号|字体)\s*[:：]?\s*[【\[(（]?\s*大\s*[】\])）]?"
    r"\s*[【\[(（]?\s*中"
    r"|^\s*[【\[(（]?大[】\])）]?\s*[【\[(（]?中[】\])）]?\s*[【\[(（]?小[】\])）]?\s*$"
)
#: _CHROME_MORE finds nothing in a line without one of these
_CHROME_MORE_WORDS = ("位置", "首页", "字号", "字体", "小")


def _is_chrome(text: str) -> bool:
    # Every alternative of _CHROME that may match after the start holds 备 or 发布: without them a
    # match at the start is the only one, and trying it there alone saves a scan of the line.
    if (_CHROME.search(text) if "备" in text or "发布" in text else _CHROME.match(text)) is not None:
        return True
    return any(w in text for w in _CHROME_MORE_WORDS) and re.search(_CHROME_MORE, text) is not None


def _lines_of(items: Iterable, source: Source) -> Iterator:
    """``items`` with each paragraph joined across lines split back into its lines: a title is one
    line or a few short ones, and a line of chrome run into it (欢迎访问…，今天是…) is not part of it.
    One by one: the title is found in the first few."""
    for item in items:
        if isinstance(item, Paragraph) and len(item.pieces) > 1:
            for offset, start, length in item.pieces:
                yield Paragraph(
                    item.text[offset : offset + length],
                    source.span(start, start + length),
                    ((0, start, length),),
                )
        else:
            yield item


def _without_chrome(items: Iterable) -> Iterator[Paragraph]:
    """The paragraphs of ``items`` that are not site chrome.  A short line is a menu item only in a
    run of three or more (首页 / 政务公开 / 互动交流): alone it may be an agency's name.  One by one
    (a run of menu items once it ends): the title is found in the first few."""
    value_of_field = False  # one cell per line: a field's value follows its 索引号： line
    menu: list[Paragraph] = []  # the menu items in a row so far (the chrome between them left out)
    for item in items:
        if not isinstance(item, Paragraph):
            continue
        text = item.text.strip()
        if _is_chrome(text):
            value_of_field = text.endswith((":", "："))
            continue
        if value_of_field and "报告" not in text:  # 名称： 示例县…年度报告 may be the only title
            value_of_field = False
            continue
        value_of_field = False
        if _is_nav_item(item.text) and "报告" not in item.text:
            menu.append(item)
            continue
        if len(menu) < 3:
            yield from menu
        menu = []
        yield item
    if len(menu) < 3:
        yield from menu


#: a line between two parts of a table that says it goes on: （续表）, 续上表, a CMS's page break
#: ([NextPage]) or pager (上一页 1 2 下一页)
_CONTINUED = re.compile(
    r"\s*(?:[（(]?\s*(?:续表|续上表|接上表)\s*[)）]?[:：]?|\[NextPage\]"
    r"|(?=.*(?:上一页|下一页))(?:(?:上一页|下一页|首页|尾页|\d{1,3})\s*){2,})\s*$"
)
#: the wordings of a chapter's title that make a line a chapter heading when its number is written
#: otherwise (第三部分 …) or lost
_TITLED_LOOSE = ("official", "accepted", "legacy")
_TITLED_EXACT = ("official", "accepted")
#: what the numbers of a row run into its label are written with
_NUMBER_CHARS = " \t\u3000.-0123456789"
#: A table row is split into at most this many fields; the rest of a longer line stays in its last
#: field.  The widest template row has 18; a line of 500,000 tabs is not a table row, and splitting
#: it would cost a Field and a Span per tab.
MAX_FIELDS = 200


class Context(_Frozen):
    """What one parse needs besides the text: the templates, and reusable helpers built from them."""

    __slots__ = ("templates", "lexicon", "inline", "titles", "titles_by_first", "row_label_ends")
    templates: Templates
    lexicon: Lexicon
    inline: InlineTables
    titles: tuple[str, ...]  # every known chapter title, longest first
    titles_by_first: dict[str, tuple[str, ...]]  # the titles by their first character, longest first
    # the ends (four characters or more) of the applications table's row labels (normalised), all
    # formats
    row_label_ends: frozenset[str]

    def __init__(
        self,
        templates: Templates,
        lexicon: Lexicon,
        inline: InlineTables,
        titles: tuple[str, ...],
        row_labels: tuple[str, ...],
    ) -> None:
        _set(self, "templates", templates)
        _set(self, "lexicon", lexicon)
        _set(self, "inline", inline)
        _set(self, "titles", titles)
        by_first: dict[str, list[str]] = {}
        for title in titles:
            by_first.setdefault(title[:1], []).append(title)
        _set(self, "titles_by_first", {first: tuple(group) for first, group in by_first.items()})
        _set(
            self,
            "row_label_ends",
            frozenset(label[i:] for label in row_labels for i in range(len(label) - 3)),
        )

    @classmethod
    def create(cls, templates: Templates) -> "Context":
        titles = tuple(sorted(templates.chapter_titles, key=len, reverse=True))
        rows = tuple(sorted({norm(n.label) for t in templates.formats for n in t.app_nodes if n.key}))
        return cls(templates, Lexicon(templates), InlineTables(templates), titles, rows)


_DEFAULT: Context | None = None


def default_context() -> Context:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Context.create(templates_mod.builtin())
    return _DEFAULT


def build_report(source: Source, context: Context | None = None, template: str | None = None) -> Report:
    """Parse ``source`` into a Report.  ``template`` forces a format id ('2019'/'2021')."""
    ctx = context or default_context()
    if not source.text.strip():
        return Report(source)
    unfolded = unfold(source.text, ctx.titles)
    outline = parse_outline(unfolded)
    return _Builder(source, ctx, template).build(outline)


def read_identity(
    source: Source, context: Context | None = None, *, beginning: bool = False
) -> tuple[str | None, int | None]:
    """The agency and year that :func:`build_report` reads in ``source`` (None where it reads none),
    from the title and the statement of the period alone; the rest of the report is read only when
    the two years disagree (its tables' format and its dates then decide).  For pairing reports of
    consecutive years, which needs nothing else.

    ``beginning``: ``source`` is only the beginning of a report; (None, None) unless the title and a
    statement of the period there agree (the rest of the report may say another year)."""
    ctx = context or default_context()
    if not source.text.strip():
        return None, None
    outline = parse_outline(unfold(source.text, ctx.titles))
    builder = _Builder(source, ctx, None)
    found = builder.identity(outline, confirmed=beginning)
    if found is None:
        if beginning:
            return None, None
        report = builder.build(outline)
        return report.agency, report.year
    return found


class _Builder:
    def __init__(self, source: Source, ctx: Context, forced: str | None) -> None:
        self.source = source
        self.ctx = ctx
        self.forced = forced

    # -- top level -------------------------------------------------------------------------------
    def build(self, outline) -> Report:
        metadata, sections, headings = self._sections(outline)

        # blocks: paragraphs and raw tables (tables read once the template is known)
        staged = [(heading, self._stage(blocks)) for heading, blocks in sections]
        title, title_span = self._title(staged[0][1], metadata)
        period, reading = self._period(staged)
        agency = title_agency(title)
        published = self._published(staged[0][1], metadata)

        votes: Counter = Counter()
        legacy_tables = False
        for _, items in staged:
            for item in items:
                if isinstance(item, _RawTable):
                    item.votes = [self.ctx.lexicon.vote(kind, rows) for kind, rows in item.segments]
                    for (kind, _), segment_votes in zip(item.segments, item.votes):
                        votes.update(segment_votes)
                        legacy_tables = legacy_tables or kind == LEGACY_STATISTICS
        year = self._year(title, reading, staged, votes, legacy_tables, published)
        forced = self.ctx.templates.get(self.forced) if self.forced else None
        report_template = forced or choose_template(votes, self.ctx.templates, year)
        legacy = False
        readers: dict[str, Reader] = {}

        def reader_for(kind: str, table_votes: Counter, tmpl: templates_mod.Template) -> Reader:
            if forced is None and kind in (ACTIVE_DISCLOSURE, APPLICATIONS):
                if table_votes:
                    tmpl = choose_template(table_votes, self.ctx.templates, year) or tmpl
                elif kind == APPLICATIONS and year is not None:
                    # an applications table whose rows say nothing of its format is read as its year's
                    # (a 2020 report with a 2021 主动公开 table keeps its 2019 （六）其他处理 row)
                    tmpl = self.ctx.templates.for_year(year) or tmpl
            if tmpl.id not in readers:
                readers[tmpl.id] = Reader(tmpl, self.ctx.lexicon)
            return readers[tmpl.id]

        built_sections: list[tuple[Line | None, list[Block]]] = []
        for heading, items in staged:
            blocks: list[Block] = []
            for item in items:
                if isinstance(item, Paragraph):
                    blocks.append(item)
                    continue
                for (kind, rows), table_votes in zip(item.segments, item.votes):
                    if kind == LEGACY_STATISTICS:
                        legacy = True
                    span = self.source.span(rows[0].span.start, rows[-1].span.end)
                    if report_template is None:
                        blocks.append(Table(kind, span, item.layout, None, (), tuple(rows)))
                    else:
                        blocks.append(
                            reader_for(kind, table_votes, report_template).read(kind, rows, item.layout, span)
                        )
            built_sections.append((heading, blocks))

        signature = None
        last_blocks = built_sections[-1][1]
        signature, keep = self._signature(last_blocks)
        built_sections[-1] = (built_sections[-1][0], keep)
        if not names_agency(agency):
            # a title without the agency (2021年政府信息公开工作年度报告, 本局…): the page's publisher
            # or the signature names it, for pairing and the data set (GX106 still says the title lacks it)
            organ = signature.organ if signature is not None else None
            agency = next((n for n in (metadata.get("发布机构"), organ) if _is_placed_organ(n)), agency)

        chapters = []
        for (heading, blocks), (number, title_text, numeral) in zip(built_sections[1:], headings):
            assert heading is not None  # each section after the preamble starts at its chapter's heading
            md = _MD.match(heading.text)
            level = len(md.group(1)) if md else 0
            chapters.append(
                Chapter(
                    number,
                    numeral,
                    title_text,
                    heading.text.strip(),
                    self.source.span(heading.start, heading.end),
                    tuple(blocks),
                    level,
                )
            )
        has_template_tables = any(
            isinstance(b, Table) and b.kind in TEMPLATE_KINDS for _, blocks in built_sections for b in blocks
        )
        template_id = report_template.id if (report_template and has_template_tables) else None
        if forced is not None:
            template_id = forced.id
        return Report(
            self.source,
            title,
            title_span,
            agency,
            year,
            period,
            published,
            signature,
            tuple(built_sections[0][1]),
            tuple(chapters),
            template_id,
            legacy,
            metadata,
        )

    def identity(self, outline, confirmed: bool = False) -> tuple[str | None, int | None] | None:
        """The agency and year :meth:`build` reads, from the title and the period (in the first
        three sections) alone, or None when their years disagree: the other evidence decides then.
        ``confirmed``: None also when the title's year is not confirmed by a statement of the period."""
        metadata, sections, _ = self._sections(outline)
        staged = [(sections[0][0], self._stage(sections[0][1]))]
        title, _ = self._title(staged[0][1], metadata)

        def reached() -> Iterator[list]:
            # a chapter is staged only when the search for the period reaches it: most reports
            # state the period in their introduction
            yield staged[0][1]
            for heading, blocks in sections[1:3]:
                staged.append((heading, self._stage(blocks)))
                yield staged[-1][1]

        best = self._statement(reached())
        reading = best[2] if best is not None else None
        title_year, period_year = _year_of(title), self._period_year(reading, staged)
        if title_year is not None and period_year is not None and title_year != period_year:
            return None
        if confirmed and period_year is None:
            return None
        agency = title_agency(title)
        if not names_agency(agency):
            return None  # the signature may name it: the whole report is read
        return agency, title_year if title_year is not None else period_year

    def _sections(
        self, outline
    ) -> tuple[dict[str, str], list[tuple[Line | None, list]], list[tuple[int | None, str, str]]]:
        """The crawler's metadata, and the preamble and each chapter with their raw blocks: which
        headings are chapters is decided here; a demoted heading becomes text.  With each chapter's
        number, title and numeral (:func:`_heading_parts`, :func:`_numeral_of`), read from the match
        that decided it."""
        preamble_raw = outline[0].blocks if outline and outline[0].heading is None else []
        chapters_raw = [c for c in outline if c.heading is not None]
        metadata, preamble_raw = self._metadata(preamble_raw)
        sections: list[tuple[Line | None, list]] = [(None, [])]
        headings: list[tuple[int | None, str, str]] = []
        # which of them were written otherwise than 一、 (（三）, 3、, 第三部分, no number): a subheading
        # where the 一、 heading of that number follows
        loosely: list[bool] = []
        last_number = 0

        def add(blocks: Iterable[RawBlock]) -> None:
            # a chapter heading written otherwise (第三部分 …, 三，…, （六）…) is a line of text to the
            # grammar: one whose title is a template chapter's, at its number, starts the chapter
            nonlocal last_number
            for block in blocks:
                first = block.lines[0].text
                loose = (
                    _LOOSE_HEADING.match(first)
                    if block.kind in ("text", "markup")
                    and len(first) <= _LOOSE_HEADING_MAX
                    and first.lstrip(" \t\u3000#*")[:1] in _LOOSE_HEADING_STARTS
                    else None
                )
                found = None
                if loose is not None and len(block.lines) == 1:
                    found = self._loose_chapter(loose, last_number)
                elif block.kind in ("text", "markup") and len(block.lines) == 1 and len(first) <= 40:
                    found = self._unnumbered_chapter(first, last_number)
                if found is not None:
                    sections.append((block.lines[0], []))
                    headings.append(found)
                    loosely.append(True)
                    last_number = found[0]
                    continue
                sections[-1][1].append(block)

        add(preamble_raw)
        for raw in chapters_raw:
            m = _HEADING.match(raw.heading.text)
            if m is not None and _TOC_ENTRY.search(raw.heading.text):
                m = None  # 一、总体情况……………1: an entry of the table of contents, no chapter
            chapter_heading, rest, number, title_text = self._split_heading(raw.heading, m)
            if m is not None and self._is_chapter(number, title_text, last_number):
                sections.append((chapter_heading, [RawBlock("text", [rest])] if rest else []))
                # the numeral of the heading cut from the line is the line's: the cut is in the title
                headings.append((number, title_text, m.group("num")))
                loosely.append(False)
                last_number = number or last_number
            else:
                sections[-1][1].append(RawBlock("text", [raw.heading]))
            add(raw.blocks)
        # a template chapter's title on a line of its own, or under another numbering (（三）…), was
        # taken for that chapter's heading; where the 一、 heading of that number comes after all, the
        # line was a subheading (（三）收到和处理政府信息公开申请情况 within 一、总体情况)
        for i in range(len(headings) - 1, -1, -1):
            number, _, numeral = headings[i]
            if loosely[i] and any(
                h[0] == number and (numeral == "" or not weak) and not self._other_chapter(h[1], number)
                for h, weak in zip(headings[i + 1 :], loosely[i + 1 :])
            ):
                line, blocks = sections.pop(i + 1)
                if line is not None:  # a chapter's section always starts at its heading
                    sections[i][1].append(RawBlock("text", [line]))
                sections[i][1].extend(blocks)
                del headings[i], loosely[i]
        return metadata, sections, headings

    def _other_chapter(self, title: str, number: int | None) -> bool:
        """Whether a heading's title is word for word another chapter's than ``number`` (四、存在的主要
        问题及改进情况 after the title of 四 standing unnumbered: its numbering switched off in Word,
        the numbers after it one short) -- then the unnumbered title is chapter ``number`` itself."""
        for t in self.ctx.templates:
            spec, how = t.identify_chapter(title)
            if spec is not None and how in ("official", "accepted"):
                return spec.number != number
        return False

    def _loose_chapter(self, m: re.Match, last: int) -> tuple[int, str, str] | None:
        """(number, title, numeral) of a chapter heading written with another numbering than 一、 (see
        :data:`_LOOSE_HEADING`): only at a number after the last chapter's, and only where its title
        is the template's chapter title of that number, word for word or as reports accept it."""
        numeral = m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")
        number = numeral_value(numeral)
        title = m.group("title").strip().strip("*").strip().rstrip("。：:")
        if number is None or number <= last or not self._titled(title, number, _TITLED_LOOSE):
            return None
        return number, title, numeral

    def _unnumbered_chapter(self, line: str, last: int) -> tuple[int, str, str] | None:
        """(number, title, "") of a chapter heading written without its number (收到和处理政府信息公开申请
        情况 where 三、 was lost): only the next chapter's title, word for word as the format or
        reports write it, on a line of its own (GX103 says the number is missing)."""
        if len(line) > _LOOSE_HEADING_MAX:
            return None  # a paragraph
        title = line.strip(" \t\u3000#*").rstrip("。：:")
        if title[:1] not in self.ctx.titles_by_first or title.endswith(_SENTENCE_END):
            # no chapter title starts so: not looked up (each line's key would fill label_key's cache)
            return None
        return (last + 1, title, "") if self._titled(title, last + 1, _TITLED_EXACT) else None

    def _titled(self, title: str, number: int, wordings: tuple[str, ...]) -> bool:
        """Whether ``title`` is a format's title of chapter ``number`` in one of ``wordings``
        (:meth:`~gxlint.read.templates.Template.identify_chapter`'s: official, accepted, legacy)."""
        if _NOT_IN_TITLES.search(title):
            # a numbered sentence (1. 本年共受理申请23件；（二）…纳入公开目录，明确…) is not looked up:
            # each one's key would take a place in label_key's and norm's caches (docs/performance.md)
            return False
        for t in self.ctx.templates:
            spec, how = t.identify_chapter(title)
            if spec is not None and how in wordings and spec.number == number:
                return True
        return False

    def _split_heading(
        self, line: Line, m: re.Match | None = None
    ) -> tuple[Line, Line | None, int | None, str]:
        """A heading line that runs on past a known chapter title ("二、主动公开政府信息情况 第二十条…")
        is the heading plus the first line of the chapter's body; with the heading's
        :func:`_heading_parts` (read from the line's match: the heading cut from it matches the same
        up to the title it keeps).  ``m``: that match, when the caller has made it."""
        if m is None:
            m = _HEADING.match(line.text)
        if not m:
            return line, None, None, line.text.strip()
        title_at = m.start("title")
        title = line.text[title_at:]
        # the titles it may start with: those of its first character (an empty title starts every text)
        for known in self.ctx.titles_by_first.get(title[:1], ()) + self.ctx.titles_by_first.get("", ()):
            if title.startswith(known) and len(title.strip()) > len(known):
                rest = title[len(known) :]
                # the title's own end (：, 。, the ** of bold), and the chapter's first sentence after
                # it on the same line or in the same Word paragraph (六、其他需要报告的事项。本年度…)
                after = rest.lstrip(" \t\u3000。：:*")
                if not after or rest.strip()[0] == "*":
                    break
                cut = title_at + len(known)
                head = Line(line.kind, line.text[:cut], line.start, line.start + cut)
                body_at = cut + len(rest) - len(after)
                body = Line("TEXT", line.text[body_at:], line.start + body_at, line.end)
                return head, body, *_parts_of(m.group("num"), known)
        return line, None, *_parts_of(m.group("num"), m.group("title"))

    def _is_chapter(self, number: int | None, title: str, last: int) -> bool:
        if number is None:
            return False
        # an applications-table row written without tabs, its numbers after the label
        # (四、结转下年度继续办理 1 1 0 …) is never a chapter
        # (numbers end the title where its last character but spaces is a digit, ``\d`` or isdecimal)
        # (or run into it: 四、结转下年度继续办理1100002, a crawled row that lost its cell borders)
        key = norm(title.rstrip(_NUMBER_CHARS) if title.rstrip()[-1:].isdecimal() else title)
        if key in self.ctx.row_label_ends:
            return False
        # 七、附件 after the template's six chapters: an appendix under a number of its own, no chapter
        if _APPENDIX.match(title) and number > max(len(t.chapters) for t in self.ctx.templates):
            return False
        if number <= last:
            for t in self.ctx.templates:
                spec, how = t.identify_chapter(title)
                if spec is not None and how != "similar":
                    return True
            return False
        return True

    # -- preamble helpers --------------------------------------------------------------------------
    def _metadata(self, blocks: list[RawBlock]) -> tuple[dict[str, str], list[RawBlock]]:
        """A crawler's header (``标题: …`` lines up to ``==== 正文 ====``) is metadata, not report text."""
        for i, block in enumerate(blocks[:25]):
            if block.kind == "text" and _METADATA_END.match(block.lines[0].text.strip()):
                data: dict[str, str] = {}
                for earlier in blocks[:i]:
                    for line in earlier.lines:
                        m = re.match(_METADATA_LINE, line.text.strip())
                        if m:
                            data[m.group(1)] = m.group(2).strip()
                            data.setdefault("_line:" + m.group(1), str(self.source.line_col(line.start)[0]))
                return data, blocks[i + 1 :]
        return {}, blocks

    def _title(self, preamble: list, metadata: dict[str, str]) -> tuple[str | None, Span | None]:
        if metadata.get("标题"):
            line = int(metadata.get("_line:标题", "1"))
            return metadata["标题"], self.source.line_span(line)
        parts: list[Paragraph] = []
        # a crawled page's navigation, breadcrumb and 索引号 table come before the title: skip them
        # (a page's related links may be dozens of lines; the six lines after them decide, and the
        # one after those a subtitle may stand on)
        lines = list(islice(_without_chrome(_lines_of(preamble[:_TITLE_BLOCKS], self.source)), 7))
        for i, item in enumerate(lines[:6]):
            if _LIST_ITEM.match(item.text):
                continue  # a list's item (a changelog's ``- 新增…年度报告``) is no title
            text = item.text.strip().strip("#* \u3000")
            if _LETTERHEAD.match(text):
                parts = []  # the red header (…局文件) and the document number above the title
                continue
            at = len(item.text) - len(item.text.lstrip().lstrip("#* \u3000"))  # where ``text`` starts
            if len(text) > 80:
                if "年度报告" in text[:80] and not parts:
                    m = re.search(r"[^，。；\s]{0,40}?\d{4}\s*年度?[^，。；\s]{0,30}?年度报告", text)
                    if m:
                        return self._title_at(item, at, text, m.start(), m.end())
                break
            if text.endswith(_SENTENCE_END) or "，" in text or "。" in text:
                # a sentence (本报告所列数据…) is no title, but may open with one
                m = re.match(_TITLE_OPENING, text) if not parts else None
                if m:
                    return self._title_at(item, at, text, 0, m.end())
                if parts:
                    break
                continue
            parts.append(item)
            if "报告" in text:
                if year_in(text) is None and not _names_agency("".join(p.text for p in parts)):
                    # a column's name (年度报告, 政府信息公开年度报告) over the title a few lines on
                    whole = next((line for line in lines[i + 1 :] if _whole_title(line.text)), None)
                    if whole is not None:
                        return self._whole_title_span(whole)
                if len(parts) > 1 and _names_agency(text):
                    # a line that names agency, year and report alone is the whole title: the lines
                    # above it are the site's column (2020年信息公开年报), not part of the name
                    parts = [item]
                joined = "".join(p.text.strip().strip("#* \u3000") for p in parts)
                subtitle = _subtitle(lines[i + 1].text) if i + 1 < len(lines) else None
                if subtitle is not None and not _names_agency(joined):
                    # 2021年政府信息公开工作年度报告 over ——示例县教育局: the organ is the title's
                    joined, parts = joined + subtitle, [*parts, lines[i + 1]]
                first, last = parts[0], parts[-1]
                start = first.span.start + len(first.text) - len(first.text.lstrip())
                end = last.span.end - (len(last.text) - len(last.text.rstrip()))
                return joined, self.source.span(start, max(end, start + 1))
            if len(parts) >= 3:
                break
        # a page's menus copied as text (栏目导航, 无障碍浏览, 登录 注册 …) before the title: a line
        # that is a whole title further on
        further = islice(_without_chrome(_lines_of(preamble[:_TITLE_BLOCKS], self.source)), _TITLE_REACH)
        whole = next((line for line in further if _whole_title(line.text)), None)
        if whole is not None:
            return self._whole_title_span(whole)
        return None, None

    def _whole_title_span(self, line) -> tuple[str, Span]:
        text = line.text.strip().strip("#* \u3000")
        start = line.span.start + line.text.index(text)
        return text, self.source.span(start, start + len(text))

    def _title_at(self, item, at: int, text: str, start: int, end: int) -> tuple[str, Span]:
        """The title ``text[start:end]`` at the start of a paragraph ``item`` (``text`` from its
        offset ``at``), with the agency's name before it where a blank parts the two
        (``示例县农业农村局 2023年政府信息公开工作年度报告 本报告依据…``, a page run together)."""
        title = text[start:end].strip()
        before = text[:start].rstrip(" \u3000")
        if len(before) < start:
            agency = re.search(r"[^，。；,;\s]{2,40}$", before)
            if agency and _is_organ(agency.group()):
                title, start = agency.group() + title, agency.start()
        return title, self.source.span(item.source_offset(at + start), item.source_offset(at + end))

    def _published(self, preamble: list, metadata: dict[str, str]) -> Dated | None:
        """The date the report was published on, read as the web reader reads a page's header
        (:data:`~gxlint.chinese.PUBLICATION_LABELS`, in their order: 发布日期/发布时间 …, else
        生成日期, else 成文日期): a crawler's metadata field, else a line before the first chapter
        (``发布时间：2022-01-25　字体：[大 中 小]``, ``成文日期：…　发布日期：…``, ``【发布时间：…】``).
        Only the date right after its label is the field's: never another field's on the line."""
        for labels in PUBLICATION_LABELS:
            for name in labels:
                value = metadata.get(name)
                if value:
                    for date, _, _ in find_dates(value):
                        line = int(metadata.get("_line:" + name, "1"))
                        return Dated(date, self.source.line_span(line), value)
        header = [item for item in preamble[:8] if isinstance(item, Paragraph)]
        for labels in PUBLICATION_LABELS:
            for item in header:
                written = labelled_date(item.text, labels)
                if written is not None and written.date is not None:
                    line = self.source.line_col(item.source_offset(written.start))[0]
                    return Dated(
                        written.date, self.source.line_span(line), item.text[written.start : written.end]
                    )
        return None

    def _period(self, staged) -> tuple[Period | None, PeriodReading | None]:
        """The statement of the statistics period in the introduction or the first chapters: the
        first that follows words such as 统计期限/所列数据, else the first range after 统计/期间
        (:func:`gxlint.chinese.find_period`).  A statement whose dates cannot all be read is still
        the statement (its unreadable dates are None)."""
        best = self._statement(items for _, items in staged[:3])
        if best is None:
            return None, None
        _, item, reading = best
        span = self.source.span(item.source_offset(reading.begin), item.source_offset(reading.stop - 1) + 1)
        start = reading.start.date if reading.start is not None else None
        end = reading.end.date if reading.end is not None else None
        return Period(start, end, span, reading.text), reading

    @staticmethod
    def _statement(sections: Iterable[list]) -> tuple[int, Paragraph, PeriodReading] | None:
        """:meth:`_period`'s search: the strength, paragraph and reading of the statement found in
        ``sections`` (their items), which are taken no further than the first strong statement."""
        best = None
        for items in sections:
            for item in items:
                if isinstance(item, Paragraph):
                    found = find_period(item.text)
                    if found is not None and (best is None or found[0] > best[0]):
                        best = (found[0], item, found[1])
                        if found[0] == 2:
                            break
            if best is not None and best[0] == 2:
                break
        return best

    def _year(self, title, reading, staged, votes, legacy_tables, published) -> int | None:
        """The report's year, from all the evidence (:func:`decide_year`): the title's year, the
        period's, and as arbiters the tables' format and the signature's and publication's dates."""
        title_year, period_year = _year_of(title), self._period_year(reading, staged)
        if title_year is None or period_year is None or title_year == period_year:
            return title_year if title_year is not None else period_year  # no arbiter needed
        arbiters: list[tuple[int, int]] = []
        if legacy_tables:
            arbiters.append((1900, 2018))
        else:
            best = votes.most_common(2)
            if best and (len(best) == 1 or best[0][1] > best[1][1]):
                t = self.ctx.templates.get(best[0][0])
                if t is not None and not t.legacy:
                    arbiters.append((t.year_from or 1900, t.year_to or 2100))
        signature, _ = self._signature(staged[-1][1])
        for date in (
            signature.date if signature is not None else None,
            published.date if published is not None else None,
        ):
            if date is not None:
                arbiters.append(report_years_of(date))
        return decide_year(title_year, period_year, arbiters)

    @staticmethod
    def _period_year(reading: PeriodReading | None, staged) -> int | None:
        """The year the statement of the period names (one year only), else the whole year stated in
        the first three sections (统计期限为2021年度)."""
        if reading is not None:
            years = reading.years
            return years[0] if len(years) == 1 else None
        stated = (
            WHOLE_YEAR.search(i.text) for _, items in staged[:3] for i in items if isinstance(i, Paragraph)
        )
        m = next((m for m in stated if m), None)
        return year_number(m.group(1)) if m else None

    # -- blocks ------------------------------------------------------------------------------------
    def _stage(self, blocks: list[RawBlock]) -> list:
        """Paragraphs (page-break fragments rejoined, inline tables cut out) and raw tables."""
        out: list = []
        pending: list[Line] = []
        # the rows of the table read last, while the lines after it may be rows of it whose digits
        # ran into the label (行政许可356) or say it goes on (（续表）): [block kind, rows, whether
        # the next table is the rest of it]
        table: list = []

        def flush() -> None:
            if pending:
                out.extend(self._paragraphs(pending))
                pending.clear()

        def close() -> None:
            if table:
                rows = table[1]
                if rows:
                    out.append(_RawTable(table[0], segment(rows, self.ctx.lexicon)))
                table.clear()

        for block in blocks:
            if block.kind == "text":
                lines = block.lines
                if not table and len(lines) == 1 and self._caption_line(lines[0]):
                    # a caption with blank cells after it (第二十条第（一）项⇥⇥⇥) is read as text, being
                    # one cell: its item's rows may follow run together (信息内容本年制发件数…)
                    flush()
                    line = lines[0]
                    field = Field(line.text.strip(), self.source.span(line.start, line.end))
                    table[:] = ["tabs", [RawRow((field,), self.source.span(line.start, line.end))], False]
                    continue
                if not table and (header := self._run_together_review_header(lines[0])) is not None:
                    # the review/litigation table's header, its cells run together line by line
                    # (行政复议行政诉讼 / 结果维持结果纠正…): its rows follow (the numbers in one run)
                    flush()
                    table[:] = ["tabs", [header], False]
                    lines = lines[1:]
                    if not lines:
                        continue
                if table and all(_CONTINUED.match(line.text) for line in lines):
                    table[2] = True  # （续表）, a page's 上一页 1 2 下一页: the table goes on after it
                    continue
                if table:
                    taken = 0
                    while taken < len(lines) and (row := self._run_together_row(lines[taken], table[1])):
                        table[1].append(row)
                        taken += 1
                    table[2] = table[2] or taken > 0
                    if taken == len(lines):
                        continue  # the table may go on after them
                    close()
                    lines = lines[taken:]
                pending.extend(lines)
            elif block.kind == "markup":
                close()
                flush()
                for line in block.lines:
                    md = _MD.match(line.text)
                    level = len(md.group(1)) if md else 1
                    out.append(
                        Paragraph(
                            line.text,
                            self.source.span(line.start, line.end),
                            ((0, line.start, len(line.text)),),
                            level,
                        )
                    )
            else:
                flush()
                rows = self._rows(block)
                if table and table[2] and block.kind == table[0]:
                    table[1].extend(rows)  # one table, a run-together row in it
                    table[2] = False
                elif table and self._captions_only(table[1]):
                    # a caption on a line of its own, apart from its table or written otherwise
                    # (第二十条第（一）项 above a Markdown pipe table): the caption heads the table
                    table[:] = [block.kind, [*table[1], *rows], False]
                else:
                    close()
                    table[:] = [block.kind, rows, False]
        close()
        flush()
        return out

    def _caption_line(self, line: Line) -> bool:
        """Whether ``line`` is a 第二十条 caption alone, blank cells after it or not."""
        text = line.text.strip()
        return text.startswith("第二十条") and key(text) in self.ctx.lexicon.captions

    def _captions_only(self, rows: list[RawRow]) -> bool:
        """Whether every row is a 第二十条 caption alone (the rest of its fields blank)."""
        captions = self.ctx.lexicon.captions
        for row in rows:
            written = [f.text for f in row.fields if f.text.strip()]
            if len(written) != 1 or key(written[0]) not in captions:
                return False
        return bool(rows)

    def _run_together_row(self, line: Line, rows: list[RawRow]) -> RawRow | None:
        """A line right after a table's ``rows`` (or between two parts of it) that is a template row
        whose numbers ran into its label (行政规范性文件2115, 四、结转下年度继续办理1100002), or the
        review/litigation table's data row run together (it has no label): the label and the
        digits, for the table reader to split only where one split fits (else GX003)."""
        text = line.text
        if "\t" in text or len(text) > 120:
            return None
        if not text[-1:].isdigit():
            if rows and self._review_header_row(rows[-1]):
                return self._run_together_review_header(line)
            return self._run_together_header(line)
        label = text.rstrip(_NUMBER_CHARS)
        digits = text[len(label) :]
        stripped = label.strip()
        if not any(c.isdigit() for c in digits):
            return None
        lexicon = self.ctx.lexicon
        if not stripped:
            if len(digits.strip()) < 5 or not any(
                lexicon.form(r.fields).kind == REVIEW_LITIGATION for r in rows[-4:]
            ):
                return None
            start = line.start + len(digits) - len(digits.lstrip())
            field = Field(digits.strip(), self.source.span(start, start + len(digits.strip())))
            return RawRow((field,), self.source.span(line.start, line.end), run_together=True)
        fields = self._label_and_digits(text, line.start)
        if fields is None:
            return None
        return RawRow(fields, self.source.span(line.start, line.end), run_together=True)

    def _run_together_review_header(self, line: Line) -> RawRow | None:
        """A review/litigation header line whose cells ran together (行政复议行政诉讼,
        结果维持结果纠正其他结果尚未审结总计…): its labels as the fields of a row, or None for a line
        that is not wholly two of them or more."""
        text = line.text.strip()
        if len(text) < 8 or len(text) > 120:
            return None
        words = self.ctx.lexicon.rl_words
        at = line.start + len(line.text) - len(line.text.lstrip())
        fields = []
        i = 0
        while i < len(text):
            word = next((w for w in words if text.startswith(w, i)), None)
            if word is None:
                return None
            fields.append(Field(word, self.source.span(at + i, at + i + len(word))))
            i += len(word)
        if len(fields) < 2:
            return None
        return RawRow(tuple(fields), self.source.span(line.start, line.end))

    def _review_header_row(self, row: RawRow) -> bool:
        """Whether ``row`` is a review/litigation header row (every field one of its labels)."""
        written = [f.text for f in row.fields if f.text.strip()]
        return len(written) >= 2 and all(key(t) in self.ctx.lexicon.rl_keys for t in written)

    def _run_together_header(self, line: Line) -> RawRow | None:
        """A 第二十条 item's header whose cells ran together (信息内容本年制发件数本年废止件数现行有效件数),
        right after its caption: its labels as the fields of a row, or None for other text."""
        text = line.text.strip()
        if not text.startswith("信息内容"):
            return None
        for t in self.ctx.templates.formats:
            for section in t.sections:
                labels = ("信息内容", *section.columns)
                if text != "".join(labels):
                    continue
                start = line.start + len(line.text) - len(line.text.lstrip())
                fields = []
                for label in labels:
                    fields.append(Field(label, self.source.span(start, start + len(label))))
                    start += len(label)
                return RawRow(tuple(fields), self.source.span(line.start, line.end))
        return None

    def _label_and_digits(self, text: str, at: int) -> tuple[Field, Field] | None:
        """A template row's label and the digits run into it (``行政规范性文件2115``), written from
        offset ``at``: the two fields the table reader splits the digits of; None for other text."""
        label = text.rstrip(_NUMBER_CHARS)
        stripped = label.strip()
        digits = text[len(label) :].strip()
        if not stripped or not any(c.isdigit() for c in digits):
            return None
        lexicon = self.ctx.lexicon
        if (
            norm(stripped) not in self.ctx.row_label_ends
            and lexicon._fixed_key(stripped) not in lexicon.ad_rows
        ):
            return None
        start = at + len(label) - len(label.lstrip())
        after = at + len(label) + len(text[len(label) :]) - len(text[len(label) :].lstrip())
        return (
            Field(stripped, self.source.span(start, start + len(stripped))),
            Field(digits, self.source.span(after, after + len(digits))),
        )

    def _paragraphs(self, lines: list[Line]) -> list:
        # Each paragraph is some of the lines run together: where all of them run together hold no
        # word of an inline table, no paragraph holds one, and none is searched for its tables.
        inline = self.ctx.inline.may_hold("".join([line.text for line in lines]))
        groups: list[list[Line]] = []
        # the last group starts an inline table whose lines were kept, its cells run together
        # (申请人情况… / 自然人法人或其他组织总计 / 一、本年新收政府信息公开申请数量123001016 / …): the
        # table's lines join it, to be read as a table run together on one line is
        table_lines: int | None = None
        for line in lines:
            if table_lines is not None and (kind := _table_line(line.text, table_lines)):
                groups[-1].append(line)
                table_lines += kind == "row"
            elif groups and _joins(groups[-1][-1].text, line.text):
                groups[-1].append(line)
            else:
                groups.append([line])
                table_lines = (
                    0 if inline and len(line.text) <= 200 and self.ctx.inline.anchors(line.text) else None
                )
        out: list = []
        pieces: tuple[tuple[int, int, int], ...]
        for group in groups:
            if len(group) == 1:  # most paragraphs: one line, its span as in _rows
                line = group[0]
                text, pieces = line.text, ((0, line.start, len(line.text)),)
                number, shift = self.source.line_shift(line.start)
                whole = (number, line.start + shift, number, line.end + shift, line.start, line.end)
                span = _tuple_new(Span, whole)
            else:
                text, offset, joined = "", 0, []
                for line in group:
                    joined.append((offset, line.start, len(line.text)))
                    text += line.text
                    offset += len(line.text)
                pieces = tuple(joined)
                span = self.source.span(group[0].start, group[-1].end)
            if inline:
                out.extend(self._cut_inline(Paragraph(text, span, pieces)))
            else:
                out.append(Paragraph(text, span, pieces))
        return out

    def _cut_inline(self, para: Paragraph) -> list:
        anchors = self.ctx.inline.anchors(para.text)
        if not anchors:
            return [para]
        out: list = []
        before = para.text[: anchors[0][0]]
        if before.strip():
            out.append(self._sub_paragraph(para, 0, anchors[0][0]))
        for i, (start, kind) in enumerate(anchors):
            end = anchors[i + 1][0] if i + 1 < len(anchors) else len(para.text)
            base = para.source_offset(start)
            region = para.text[start:end]
            if len(para.pieces) > 1:
                # a region spanning joined lines is read line by line, offsets per piece
                region_source = self.source.text[base : para.source_offset(end - 1) + 1]
                if region_source.replace("\n", "") == region:
                    region = region_source
            rows = self.ctx.inline.rows(kind, region, base, self.source)
            if rows:
                out.append(_RawTable("inline", [(kind, rows)]))
        return out

    def _sub_paragraph(self, para: Paragraph, start: int, end: int) -> Paragraph:
        s, e = para.source_offset(start), para.source_offset(max(start, end - 1)) + 1
        pieces = tuple(
            (max(0, o - start), src + max(0, start - o), length)
            for o, src, length in para.pieces
            if o < end and o + length > start
        )
        return Paragraph(para.text[start:end], self.source.span(s, e), pieces or ((0, s, e - s),))

    def _rows(self, block: RawBlock) -> list[RawRow]:
        rows: list[RawRow] = []
        # A line is on one source line: every field's span is on it (no bisect per field), its
        # columns the offsets shifted by the line's.
        if block.kind == "tabs":
            for line in block.lines:
                fields, pos = [], line.start
                number, shift = self.source.line_shift(pos)
                for text in line.text.split("\t", MAX_FIELDS - 1):
                    end = pos + len(text)
                    span = _tuple_new(Span, (number, pos + shift, number, end + shift, pos, end))
                    fields.append(_tuple_new(Field, (text, span)))
                    pos = end + 1
                whole = (number, line.start + shift, number, line.end + shift, line.start, line.end)
                # (most rows' first field, a label, ends in no digit: made as they are)
                first = fields[0].text
                if first[-1:].isdigit() or first.rstrip()[-1:].isdigit():
                    rows.append(self._row_of(fields, _tuple_new(Span, whole)))
                else:
                    rows.append(RawRow(tuple(fields), _tuple_new(Span, whole)))
        elif block.kind == "pipes":
            for line in block.lines:
                if line.kind == "PIPE_SEP":
                    continue
                body = line.text
                lead = len(body) - len(body.lstrip())
                inner = body.strip()
                if inner.startswith("|"):
                    inner, lead = inner[1:], lead + 1
                if inner.endswith("|"):
                    inner = inner[:-1]
                number, shift = self.source.line_shift(line.start)
                fields, pos = [], line.start + lead
                for text in inner.split("|", MAX_FIELDS - 1):
                    stripped = text.strip()
                    at = pos + (text.index(stripped) if stripped else 0)
                    end = at + len(stripped)
                    span = _tuple_new(Span, (number, at + shift, number, end + shift, at, end))
                    fields.append(_tuple_new(Field, (stripped, span)))
                    pos += len(text) + 1
                whole = (number, line.start + shift, number, line.end + shift, line.start, line.end)
                rows.append(self._row_of(fields, _tuple_new(Span, whole)))
        elif block.kind == "cells":
            rows = self._cell_lines(block.lines)
        return rows

    def _row_of(self, fields: list[Field], span: Span) -> RawRow:
        """A table row of ``fields``; a template row whose numbers ran into its label in its first
        field, the others empty (``行政许可1234⇥⇥``: a cell merged over three columns), as the label
        and its digits, for the table reader to split as any row run together."""
        first = fields[0].text.rstrip()
        if first[-1:].isdigit() and not any(f.text.strip() for f in fields[1:]):
            split = self._label_and_digits(first, fields[0].span.start)
            if split is not None:
                return RawRow(split, span, run_together=True)
        return RawRow(tuple(fields), span)

    def _cell_lines(self, lines: list[Line]) -> list[RawRow]:
        """One cell per line: a new row starts at a label that follows data, or at a template label."""
        cells: list[Field] = []
        for line in lines:
            text = line.text.rstrip()
            if text.strip().strip("|") == "":
                continue  # a run of "||||": merged cells, nothing written
            body = text[: text.rfind("|")].rstrip() if text.endswith("|") else text
            value = body.strip()
            at = line.start + len(body) - len(body.lstrip())
            end = at + len(value)
            number, shift = self.source.line_shift(line.start)
            span = _tuple_new(Span, (number, at + shift, number, end + shift, at, end))
            cells.append(_tuple_new(Field, (value, span)))
        rows: list[list[Field]] = []
        lex = self.ctx.lexicon

        def row_label(text: str) -> bool:
            return key(text) in lex.ad_rows or label_key(text) in lex.app_rows

        for cell in cells:
            starts_row = not rows
            if rows:
                previous = rows[-1][-1].text
                if is_label(cell.text):
                    k = key(cell.text)
                    starts_row = (
                        not is_label(previous) or k in lex.captions or k == "信息内容" or row_label(cell.text)
                    )
                else:  # data after a header label starts the data row; after a row label it continues it
                    starts_row = (
                        is_label(previous)
                        and not row_label(previous)
                        and not any(row_label(f.text) for f in rows[-1])
                    )
            if starts_row:
                rows.append([cell])
            else:
                rows[-1].append(cell)
        return [RawRow(tuple(r), self.source.span(r[0].span.start, r[-1].span.end)) for r in rows]

    # -- signature ---------------------------------------------------------------------------------
    def _signature(self, blocks: list[Block]) -> tuple[Signature | None, list[Block]]:
        tail = list(blocks)
        original = blocks  # what a table's lines replace only when they are the signature
        while tail and isinstance(tail[-1], Paragraph) and _is_chrome(tail[-1].text):
            tail.pop()  # a crawled page's footer: 打印本页, 上一篇, 主办单位, 备案号 …
        # a page copied as text: its related links after the signature, and the chrome around them
        # (分享到, the site's footer with its own phone and address): no text of the report
        i = _after_signature(tail, _RELATED, 4)
        if i is not None:
            del tail[i:]
            while tail and isinstance(tail[-1], Paragraph) and _is_chrome(tail[-1].text):
                tail.pop()
            page = {id(b) for b in blocks[len(tail) :]}
            blocks = original = [b for b in blocks if id(b) not in page]
        # an attachment after the signature (附件 / 政府信息公开工作机构设置情况 / …): cut from its heading
        # (附件 before the signature lists what the report holds)
        i = _after_signature(tail, _ATTACHMENT, 3)
        if i is not None:
            del tail[i:]
        trailing_notes = []
        while tail and isinstance(tail[-1], Paragraph) and _NOTE_LINE.match(tail[-1].text):
            trailing_notes.append(tail.pop())
        if tail and isinstance(tail[-1], Table) and (lines := _table_lines(tail[-1])) is not None:
            # the signature set in a borderless table to push it right (a Word or web layout table;
            # its text comes out as lines led by a tab): read as the lines it holds
            table = tail.pop()
            tail.extend(lines)
            blocks = [*(b for b in blocks if b is not table), *lines]
        if not tail or not isinstance(tail[-1], Paragraph):
            return None, original
        last = tail[-1]
        text = last.text.strip()
        written = whole_date(text)
        if written is not None:
            organ = None
            organ_block = None
            if len(tail) >= 2 and isinstance(tail[-2], Paragraph):
                candidate = tail[-2].text.strip().strip("*# \u3000")
                if (
                    2 <= len(candidate) <= 40
                    and not any(c in candidate for c in "。；;，,")
                    and not candidate[-1].isdigit()
                ):
                    organ, organ_block = candidate, tail[-2]
            first = organ_block.span if organ_block is not None else last.span
            span = self.source.span(first.start, last.span.end)
            keep = [b for b in blocks if b is not last and b is not organ_block]
            return Signature(organ, written.date, span, last.span), keep
        # the date above the organ: "2022年2月1日" / "示例县教育局"
        if len(tail) >= 2 and isinstance(tail[-2], Paragraph) and _is_organ_line(text):
            above = tail[-2]
            written = whole_date(above.text)
            if written is not None:
                span = self.source.span(above.span.start, last.span.end)
                keep = [b for b in blocks if b is not last and b is not above]
                return Signature(text.strip("*# \u3000"), written.date, span, above.span), keep
        # organ and date on one line: "中卫市科学技术局 2020年1月8日"
        # (run together, as a table cell's two lines come out of a web page, only after an organ's name)
        one_line = _organ_then_date(text)
        if one_line is not None:
            organ, gap, written = one_line
            if not any(c in organ for c in "。；，") and (gap or _is_organ(organ)):
                return Signature(organ, written.date, last.span, last.span), [
                    b for b in blocks if b is not last
                ]
        # a one-line report: the signature closes its last paragraph ("…事项。示例县教育局 2022年1月20日")
        m = re.search(_TRAILING_SIGNATURE, last.text)
        if m and len(last.text) > len(m.group(0)):
            dm = DATE_CN.search(m.group(2))
            date = make_date(*dm.groups()) if dm else None
            start = last.source_offset(m.start(1))
            end = last.source_offset(m.end(2) - 1) + 1
            date_start = last.source_offset(m.start(2))
            return Signature(
                m.group(1), date, self.source.span(start, end), self.source.span(date_start, end)
            ), blocks
        return None, original


def _after_signature(tail: list, pattern: re.Pattern[str], above: int) -> int | None:
    """Where, among the last twelve blocks, a paragraph ``pattern`` matches stands with a date within
    ``above`` blocks over it (the signature's): what follows the signature from there, not what a
    chapter lists (a 相关文件 list, 附件 naming what the report holds)."""
    for i in range(len(tail) - 1, max(-1, len(tail) - 12), -1):
        block = tail[i]
        if (
            isinstance(block, Paragraph)
            and pattern.match(block.text)
            and any(
                isinstance(b, Paragraph) and whole_date(b.text.strip()) for b in tail[max(0, i - above) : i]
            )
        ):
            return i
    return None


def _table_lines(table: Table) -> list[Paragraph] | None:
    """The texts of a small table that is none of the template's (a few rows, two or three cells
    written in all) as paragraphs, top to bottom: a layout table holding the signature."""
    if table.kind in TEMPLATE_KINDS or len(table.raw) > 4:
        return None
    fields = [f for raw in table.raw for f in raw.fields if f.text.strip()]
    if not 1 <= len(fields) <= 3 or any(len(f.text) > 60 for f in fields):
        return None
    out = []
    for f in fields:
        lead = len(f.text) - len(f.text.lstrip())
        text = f.text.strip()
        start = f.span.start + lead
        out.append(
            Paragraph(
                text,
                Span(
                    f.span.line,
                    f.span.column + lead,
                    f.span.line,
                    f.span.column + lead + len(text),
                    start,
                    start + len(text),
                ),
                ((0, start, len(text)),),
            )
        )
    return out


class _RawTable:
    __slots__ = ("layout", "segments", "votes")
    layout: str
    segments: list[tuple[str, list[RawRow]]]
    votes: list[Counter]  # each segment's votes for a format (Lexicon.vote), once they are counted

    def __init__(self, kind: str, segments) -> None:
        self.layout = {"tabs": "tabs", "pipes": "pipes", "cells": "cells", "inline": "inline"}[kind]
        self.segments = segments
        self.votes = []


def _table_line(text: str, rows: int) -> str | None:
    """What a line is to an inline table whose lines were kept (see ``_paragraphs``): ``"row"``, a
    label with its digits run together (一、本年新收政府信息公开申请数量123001016); ``"header"``, a
    header line of words only (自然人法人或其他组织总计), before the first row; None for text."""
    t = text.strip()
    if not t or len(t) > 200 or any(c in t for c in "。；;！？!?"):
        return None
    if t[-1].isdigit():
        return "row" if not t.isdigit() or rows else None
    if rows or len(t) > 80 or any(c.isdigit() for c in t) or _HEADING.match(t):
        return None
    return "header"


def _joins(previous: str, following: str) -> bool:
    """Whether two text lines are one paragraph broken by a page break."""
    prev = previous.rstrip()
    if len(prev.strip()) < 25 or prev.endswith(_TERMINAL) or prev.endswith("**"):
        return False
    if (
        re.match(_NEW_ITEM, following)
        or whole_date(following) is not None
        or re.match(_FIELD_LINE, following)
    ):
        return False
    # a crawled page's header lines (发布时间… 浏览次数… 字号) are no paragraph the title continues
    return not (_is_chrome(prev) or _is_chrome(following))


def _heading_parts(text: str) -> tuple[int | None, str]:
    m = _HEADING.match(text)
    if not m:
        return None, text.strip()
    return _parts_of(m.group("num"), m.group("title"))


def _parts_of(numeral: str, title: str) -> tuple[int | None, str]:
    return numeral_value(numeral), title.strip().strip("*").strip().rstrip("。：:")


def _numeral_of(text: str) -> str:
    m = _HEADING.match(text)
    return m.group("num") if m else ""


def _year_of(title: str | None) -> int | None:
    return year_in(title)


def report_years_of(date) -> tuple[int, int]:
    """The report years a signature or publication date allows: the year before (reports are
    published in the first months after their year), or, late in a year, that year too."""
    return (date.year - 1, date.year - 1) if date.month <= 9 else (date.year - 1, date.year)


def decide_year(title: int | None, period: int | None, arbiters: list[tuple[int, int]]) -> int | None:
    """The report's year from the evidence.  The title names it and the period statement states it;
    when only one gives a year, that is the year.  When they disagree, the other evidence
    (``arbiters``: the years the tables' format and the signature's and publication's dates allow)
    decides for the one more of it allows, and the other is the odd one out (a title left from
    last year's report is GX106, a period copied forward GX402).  A tie keeps the title's year."""
    if title is None or period is None or title == period:
        return title if title is not None else period

    def support(year: int) -> int:
        return sum(1 for low, high in arbiters if low <= year <= high)

    return period if support(period) > support(title) else title


@lru_cache(maxsize=256)
def _is_organ(name: str) -> bool:
    """Whether ``name`` ends like the name of a body that publishes a report: an administrative
    organ's (deadlines.json's organ_patterns: …人民政府, …局, …委员会) or one the regulation sets no
    deadline for (its no_statutory_deadline: …镇人民政府, …村民委员会, a school, a hospital, a company)."""
    data = templates_mod.deadlines()
    return any(
        re.search(e["pattern"], name)
        for e in (*data.get("organ_patterns", ()), *data.get("no_statutory_deadline", ()))
    )


_SUBTITLE = re.compile(r"^(?:——|—|－－|--|―)\s*(\S.{1,38}?)\s*$|^[(（]\s*(\S.{1,38}?)\s*[)）]$")


def _subtitle(line: str) -> str | None:
    """A subtitle naming the organ under a title (——示例县教育局, （示例县教育局）), as the title ends
    it: ``——示例县教育局``."""
    m = _SUBTITLE.match(line.strip().strip("*# \u3000"))
    name = m and (m.group(1) or m.group(2))
    return "——" + name if name and _is_organ(name) else None


#: how many lines from the top a whole title is looked for when the first lines hold none
_TITLE_REACH = 40


def _whole_title(text: str) -> bool:
    """Whether a line is a whole title on its own: an agency, a year and 政府信息公开工作年度报告 (or
    信息公开年度报告), no sentence."""
    if _LIST_ITEM.match(text):
        return False  # a list's item (a changelog's ``- 新增…年度报告``) is no title
    t = text.strip().strip("#* \u3000")
    return (
        len(t) <= 80
        and t.endswith("年度报告")
        and "信息公开" in t
        and not any(c in t for c in "，。；：:")
        and _names_agency(t)
    )


def _names_agency(title: str) -> bool:
    """Whether a title line names an agency besides the year and the report (示例县教育局2021年…报告,
    2021年示例县人民政府办公室…报告), not just 关于/本局 (示例县教育局 / 关于2021年…报告)."""
    agency = title_agency(title) or ""
    return year_in(title) is not None and len(agency) >= 2 and not agency.startswith(("关于", "本", "我"))


def _is_placed_organ(name: str | None) -> bool:
    """Whether ``name`` is an organ's name with its place (示例县教育局, not 办公室 or 本局): one
    that tells two agencies apart, as pairing needs."""
    if name is None or not names_agency(name):
        return False
    return _is_organ(name) and re.search("[省市县区州盟旗镇乡]", name[:-1]) is not None


def _organ_then_date(text: str) -> tuple[str, str, WrittenDate] | None:
    """``text`` as a name (2–40 characters, no space inside), the space after it and a date that
    ends the line (``中卫市科学技术局 2020年1月8日``), or None."""
    last = None
    for written in written_dates(text):
        last = written
    if last is None or last.end != len(text) or last.day is None:
        return None
    head = text[: last.start]
    organ = head.rstrip(" \t\u3000")
    if not 2 <= len(organ) <= 40 or re.search(r"\s", organ):
        return None
    return organ, head[len(organ) :], last


def _is_organ_line(text: str) -> bool:
    """Whether a line is an organ's name alone (示例县教育局), as a signature writes it."""
    name = text.strip().strip("*# \u3000")
    return 2 <= len(name) <= 40 and not any(c in name for c in "。；;，,：: ") and _is_organ(name)


__all__ = ["build_report", "Context", "default_context", "DATE_ISO"]
