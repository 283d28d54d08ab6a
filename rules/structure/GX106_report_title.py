"""GX106 report-title: the title lacks the agency, the year, or the words 政府信息公开工作年度报告, or
names another year."""

from __future__ import annotations

import re

from gxlint.chinese import (
    CN_YEAR_DIGITS,
    WHOLE_YEAR,
    names_agency,
    norm,
    read_period,
    title_agency,
    year_in,
    year_number,
)
from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.period import no_statutory_deadline, report_years_of
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, Span

from ._common import NOTHING, joined, listed
from ._formats import evidence, format_markers

TITLE_WORDS = "政府信息公开工作年度报告"
_TITLE_YEAR = re.compile(rf"(?<!\d)\d{{4}}\s*年|[{CN_YEAR_DIGITS}]{{4}}\s*年")


class ReportTitle(Rule):
    """The report's title lacks the agency, the year, or the words 政府信息公开工作年度报告, or
    names another year than the report's.

    The title names the document: which organ, which year, and that it is the
    政府信息公开工作年度报告 the regulation requires.  Titles such as
    ``…2020年政府信息公开年度报告`` (without 工作), ``2021年政府信息公开工作年度报告`` (no agency:
    the reader of a collected set cannot tell whose it is) or ``示例县教育局政府信息公开工作年度报告``
    (no year) are reported, one finding per title listing what it lacks.  A school's, a hospital's
    or a company's report (a public institution or enterprise, which discloses no 政府信息) may be
    titled ``…信息公开工作年度报告``.  An organ named on the line under the title (``——示例县税务局``
    or ``（示例县税务局）``) is the title's.  Spaces left by text extraction (``2020 年``) are ignored.  A report whose first lines carry no recognisable title
    at all is reported too.  A web page's breadcrumb (``当前位置：首页 > …``), its 索引号/发布机构
    fields, its text-size tool (``字号 大 中 小``) and the column name above the title
    (``2020年信息公开年报``) are never the title or the agency, nor is an office's letterhead above
    it (the red header ``示例县教育局文件``, the document number ``示教〔2022〕5号``, ``签发人：…``).
    In a page copied as text, a line that is a whole title (agency, year, 政府信息公开工作年度报告)
    further down is the title when the first lines are menus or a column's name (``年度报告``).

    The report's year is decided from all the evidence: the title, the period statement, the
    tables' format, the signature's and the publication's dates.  A title whose year is the odd
    one out (``示例镇2020年政府信息公开工作年度报告`` over a 2021 period, 2021-format tables and a
    signature of January 2022: last year's title left in place) is reported here, once, naming
    what shows the right year; the period and the tables, which are right, are then not reported
    (GX402, GX107), nor is the date measured against last year's deadline (GX404).  When only the
    title and the period disagree and nothing else decides, the title's year stands and the
    period is reported (GX402).

    Anti-pattern::

        平罗县示例局 2020 年政府信息公开 年度报告

    Best practice::

        示例县教育局2021年政府信息公开工作年度报告
    """

    code = "GX106"
    name = "report-title"
    severity = "warning"
    summary = (
        "the title lacks the agency, the year, or the words “政府信息公开工作年度报告”, or names another year"
    )
    summary_zh = "标题缺少机关名称、年度或“政府信息公开工作年度报告”字样，或年度与报告不符"
    doc_zh = """报告标题缺少机关名称、年度或“政府信息公开工作年度报告”字样，或所写年度与报告不符。

    标题说明这是哪个机关、哪一年、《条例》要求的政府信息公开工作年度报告（学校、医院、企业等公共企事业单位
    不公开政府信息，其标题可为“……信息公开工作年度报告”）。诸如
    “……2020年政府信息公开年度报告”（缺“工作”）、“2021年政府信息公开工作年度报告”（缺机关
    名称：汇编在一起时无法分辨是谁的报告）、“示例县教育局政府信息公开工作年度报告”（缺年度）
    的标题都会报告，每个标题一条，列出所缺内容。标题下一行写明的机关（“——示例县税务局”或
    “（示例县税务局）”）视为标题的一部分。文本提取留下的空格（“2020 年”）不计。
    报告开头几行找不到可识别的标题时也会报告。网页的位置导航（“当前位置：首页 > ……”）、
    索引号/发布机构等信息栏、字号工具（“字号 大 中 小”）以及标题上方的栏目名（“2020年信息公开
    年报”）都不会被当作标题或机关名称，标题上方的红头（“示例县教育局文件”）、发文字号（“示教〔2022〕5号”）
    和“签发人：……”也不会。网页复制成的文本开头几行是菜单或栏目名（如“年度报告”）时，其后独占一行、写明
    机关、年度和“政府信息公开工作年度报告”的完整标题即为标题。

    报告年度综合全部证据判断：标题、统计期限、表格格式、落款日期和发布日期。标题中的年度与其余
    证据不符时（如统计期限为2021年、表格为2021年格式、落款为2022年1月，标题却是“示例镇2020年
    政府信息公开工作年度报告”：沿用了上一年的标题），在此报告一条，并列出表明正确年度的内容；
    此时正确的统计期限和表格不再报告（GX402、GX107），也不按上一年的期限判断是否逾期（GX404）。
    只有标题与统计期限不一致、没有其他证据可以判断时，以标题年度为准，报告统计期限（GX402）。"""
    spec = "the-documents"

    messages = {
        "no_title": Message(
            zh="未找到报告标题：开头几行中没有“××机关××年政府信息公开工作年度报告”形式的标题",
            en="no report title found: the first lines hold no title of the form “<agency><year>年政府信息公开工作年度报告”",
            fix_zh="在开头写明标题，如“示例县教育局2021年政府信息公开工作年度报告”",
            fix_en="start with a title such as “示例县教育局2021年政府信息公开工作年度报告”",
        ),
        "lacks": Message(
            zh="报告标题“{title}”缺少{lacks}",
            en="the report title “{title}” lacks {lacks}",
            fix_zh="标题应为“机关名称＋年度＋政府信息公开工作年度报告”，如“示例县教育局{example}年政府信息公开工作年度报告”",
            fix_en="title it “<agency><year>年政府信息公开工作年度报告”, e.g. “示例县教育局{example}年政府信息公开工作年度报告”",
        ),
        "lacks_and_wrong": Message(
            zh="报告标题“{title}”缺少{lacks}；标题中的{wrong}",
            en="the report title “{title}” lacks {lacks}; it {wrong}",
            fix_zh="标题应为“机关名称＋年度＋政府信息公开工作年度报告”，如“示例县教育局{example}年政府信息公开工作年度报告”",
            fix_en="title it “<agency><year>年政府信息公开工作年度报告”, e.g. “示例县教育局{example}年政府信息公开工作年度报告”",
        ),
        "wrong": Message(
            zh="报告标题“{title}”中的{wrong}",
            en="the report title “{title}” {wrong}",
            fix_zh="把标题中的 {named} 年改为 {year} 年{corrected}",
            fix_en="change the title's year {named} to {year}{corrected}",
        ),
        # {lacks}: what the title lacks
        "no_work": Message(
            zh="“政府信息公开工作年度报告”字样（缺“工作”二字）",
            en="the words “政府信息公开工作年度报告” (“工作” is missing)",
        ),
        "no_words": Message(zh="“政府信息公开工作年度报告”字样", en="the words “政府信息公开工作年度报告”"),
        "no_year": Message(zh="年度", en="the year"),
        "no_agency": Message(zh="机关名称", en="the agency's name"),
        # {wrong}: the title's year against the evidence of the report's year (one piece, or several)
        "wrong_year": Message(
            zh="年度 {named} 年与报告不符：{evidence} 表明这是 {year} 年度报告",
            en="names the year {named}, but {evidence} shows a {year} report",
        ),
        "wrong_year_all": Message(
            zh="年度 {named} 年与报告不符：{evidence} 均表明这是 {year} 年度报告",
            en="names the year {named}, but {evidence} show a {year} report",
        ),
        # {evidence}: what shows the report's year
        "period": Message(zh="统计期限“{text}”", en="the statistics period “{text}”"),
        "format": Message(zh="表格所用的 {format} 年格式", en="the tables' {format} format"),
        "signed": Message(zh="落款日期 {date}", en="the signature date {date}"),
        "published": Message(zh="发布日期 {date}", en="the publication date {date}"),
        # {corrected}: the title with the year corrected, when the year is written in digits
        "corrected": Message(zh="：“{title}”", en=": “{title}”"),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        title = report.title
        if not title:
            yield ctx.say(Span(1, 1, 1, 1), "no_title", key="no-title")
            return
        text = norm(title)
        lacks: list[Phrase] = []
        # a public institution's or enterprise's report is its 信息公开工作年度报告 (deadlines.json's
        # title_words for its kind): it discloses no 政府信息
        kind = no_statutory_deadline(report.agency)
        own_words = kind.get("title_words") if kind is not None else None
        if TITLE_WORDS not in text and not (own_words and own_words in text):
            lacks.append(ctx.phrase("no_work" if "政府信息公开年度报告" in text else "no_words"))
        if not _TITLE_YEAR.search(text):
            lacks.append(ctx.phrase("no_year"))
        agency = title_agency(title) or ""  # the title's own (report.agency may be the signature's)
        if not names_agency(agency):
            lacks.append(ctx.phrase("no_agency"))
        named, year = year_in(title), report.year
        wrong = None
        where = report.title_span or Span(1, 1, 1, 1)
        if named is not None and year is not None and named != year:
            # the odd one out: the period, the tables and the dates agree on another year
            shown = self._year_evidence(report, ctx, year, named)
            wrong = ctx.phrase(
                "wrong_year_all" if len(shown) > 1 else "wrong_year",
                named=named,
                year=year,
                evidence=listed(shown),
            )
            if not lacks and report.title_span is not None:
                span = report.title_span
                at = report.source.text.find(str(named), span.start, span.end)
                if at >= 0:
                    where = report.source.span(at, at + 4)
        if not lacks and wrong is None:
            return
        key = f"title:{text}"
        example = year if year is not None else 2021
        if wrong is None:
            yield ctx.say(where, "lacks", title=title, lacks=joined(lacks), example=example, key=key)
        elif lacks:
            yield ctx.say(
                where,
                "lacks_and_wrong",
                title=title,
                lacks=joined(lacks),
                wrong=wrong,
                example=example,
                key=key,
            )
        else:
            corrected = title.replace(str(named), str(year), 1)
            yield ctx.say(
                where,
                "wrong",
                title=title,
                wrong=wrong,
                named=named,
                year=year,
                key=key,
                corrected=ctx.phrase("corrected", title=corrected) if corrected != title else NOTHING,
            )

    @staticmethod
    def _year_evidence(report, ctx, year: int, named: int) -> list[Phrase]:
        """What in the report shows its year to be ``year`` rather than the title's ``named``: the
        period statement, the tables' format, the signature's and the publication's dates."""
        out: list[Phrase] = []
        p = report.period
        if p is not None:
            reading = read_period(p.text)
            if reading is not None and reading.years == (year,):
                out.append(ctx.phrase("period", text=p.text))
        else:
            m = next((m for m in (WHOLE_YEAR.search(para.text) for para in report.paragraphs) if m), None)
            if m is not None and year_number(m.group(1)) == year:
                out.append(ctx.phrase("period", text=m.group(0)))
        markers = format_markers(ctx.templates)
        formats: set[str] = set()
        for table in report.tables:
            if table.kind in (ACTIVE_DISCLOSURE, APPLICATIONS):
                formats.update(evidence(table, markers))
        used = [ctx.templates.get(tid) for tid in sorted(formats)]
        if used and all(t is not None and t.applies_to(year) and not t.applies_to(named) for t in used):
            out.append(ctx.phrase("format", format=used[0].id))
        dated = (
            ("signed", report.signature.date if report.signature else None),
            ("published", report.published.date if report.published else None),
        )
        for message, date in dated:
            if date is not None:
                low, high = report_years_of(date)
                if low <= year <= high and not low <= named <= high:
                    out.append(ctx.phrase(message, date=date.isoformat()))
        return out
