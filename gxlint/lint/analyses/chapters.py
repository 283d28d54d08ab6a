"""Chapter identification, and the analyses of a report's chapters that several rules share: the
structure rules (GX1xx), GX003, the date rules and any plugin may use them.

Chapters are recognised by their titles through the template (``Template.identify_chapter``), never
by their numbers or markdown levels, which real reports get wrong (docs/format.md, Chapters).

What it offers:

- which reports are judged: :func:`is_report`, :func:`checkable`;
- the format a report is measured against: :func:`chapter_template` (its chapters),
  :func:`tables_template` (its tables), and whether the report predates the unified format
  altogether (:func:`first_format_year`, :func:`predates_format`);
- which chapter is which: :func:`identify` (the template chapter each chapter stands for),
  :func:`present`, :func:`stands_in_for`; what stands in a chapter for a table published as an
  image: :func:`picture_in`;
- how a message names a chapter: :func:`numbered` (a template chapter), :func:`heading` (a
  report's chapter), and where to report what belongs after one: :func:`end_of`;
- two analyses computed once per report (``ctx.memo``): where a cut-off text stops
  (:func:`cutoff`, :class:`CutOff`, :func:`lost_tables`: GX108 reports it; GX101, GX104, GX405 and
  GX003 stay silent on what follows from it) and how the chapters were renumbered
  (:func:`renumbered`, :class:`Renumbering`: one GX102 per renumbering, and none when a missing
  chapter, reported by GX101, explains it).
"""

from __future__ import annotations

import re

from functools import lru_cache, partial
from typing import Any

from gxlint.chinese import numeral_text
from gxlint.model import (
    ACTIVE_DISCLOSURE,
    APPLICATIONS,
    LEGACY_STATISTICS,
    REVIEW_LITIGATION,
    TEMPLATE_KINDS,
    Chapter,
    Paragraph,
    Span,
    Table,
    _Frozen,
    _set,
)
from gxlint.read import templates as templates_mod
from gxlint.read.templates import ChapterSpec

#: Table kinds that show a text is a report (the three tables and the pre-2019 统计表).
_REPORT_TABLES = (*TEMPLATE_KINDS, LEGACY_STATISTICS)

#: The first report year of the unified format (国办公开办函〔2019〕60号, issued 2019-11-27), when no
#: template says otherwise.
FIRST_FORMAT_YEAR = 2019

#: What may end a report's last line: sentence-final punctuation and closing brackets or quotes.
_CLOSING = frozenset("。！？!?；;…．.）)】」』”’》")
#: Markup and spaces after the last word, ignored when judging how the text ends.
_TRAILING = " \t\r\n\u3000*_#|"


# -- which reports are judged --------------------------------------------------------------------


def is_report(report) -> bool:
    """Whether a readable report has any recognisable annual-report structure: a chapter heading
    about a chapter of a format, a template table or a report's title (GX002 reports a file that
    has none).  Items numbered 一、二、三 about other things (a notice's, meeting notes') are not
    chapters of a report."""
    if any(_about_a_chapter(chapter.title) for chapter in report.chapters):
        return True
    # a template table counts when a row of it was read as the template's: a table that only
    # quotes a label (notes about reports, in a Markdown table) is no report
    if any(t.kind in _REPORT_TABLES and (t.rows or t.values) for t in report.tables):
        return True
    return bool(report.title) and _REPORT_TITLE.search(report.title.strip(_TRAILING)) is not None


@lru_cache(maxsize=4096)
def _about_a_chapter(title: str) -> bool:
    """Whether a chapter's title stands for a chapter of any format, in whatever wording."""
    return any(template.identify_chapter(title)[0] is not None for template in templates_mod.builtin())


#: A report's title: about 信息公开, ending in 报告 or 年报 (``…2021年政府信息公开工作年度报告``, a
#: year in brackets after it at most).  A note that only mentions reports (a README's ``# 年度报告``,
#: a changelog's ``- 添加 2021 年报告``) is none.
_REPORT_TITLE = re.compile(r"信息公开.*(?:报告|年报)\s*(?:[（(][^）)]{0,20}[）)])?$")


def checkable(report) -> bool:
    """Whether a report is for the rules to judge: read, not blank, and a report at all (GX001 and
    GX002 own the others)."""
    text = report.source.text
    # isspace() reads up to the first character written; strip() would copy the whole text
    return report.readable and bool(text) and not text.isspace() and is_report(report)


# -- the format a report is measured against ----------------------------------------------------


def chapter_template(report, ctx):
    """The format whose chapters the report is measured against: the report's own, or the current
    format for the report's year (a legacy report has no chapter list of its own); None when there
    is none."""
    template = ctx.template
    if template is None or not template.chapters:
        template = ctx.templates.for_year(report.year)
    return template if template is not None and template.chapters else None


def tables_template(report, ctx, template):
    """The format the report's tables are measured against: the detected one when it has tables,
    else ``template`` (the report's :func:`chapter_template`)."""
    if ctx.template is not None and ctx.template.tables.get(ACTIVE_DISCLOSURE):
        return ctx.template
    return template


def first_format_year(ctx) -> int:
    """The first report year the unified formats apply to (2019)."""
    return _first_format_year(ctx.templates)


@lru_cache(maxsize=8)
def _first_format_year(templates) -> int:
    # asked by most rules on every report, and the same for a whole run
    years = [t.year_from for t in templates.formats if t.year_from]
    return min(years) if years else FIRST_FORMAT_YEAR


def predates_format(report, ctx) -> bool:
    """Whether the report is for a year before the unified format existed (2018 and earlier).

    The 2019 format was issued on 2019-11-27 and first used for the 2019 reports: an earlier report
    followed the format of its time (its 政府信息公开情况统计表 included), so the rules that measure
    a report against the unified format's chapters and tables do not judge it, and GX109 says so
    once."""
    return report.year is not None and report.year < first_format_year(ctx)


# -- which chapter is which ----------------------------------------------------------------------


def identify(report, template) -> list[tuple[Chapter, ChapterSpec | None, str | None]]:
    """(chapter, template chapter or None, how) for every chapter of the report, in order; ``how``
    is as for ``Template.identify_chapter`` ('official', 'accepted', 'legacy', 'similar' or None).

    The chapter that holds a pre-2019 统计表 stands for no chapter of the unified format, even
    when its title shares a keyword with one: GX107 reports the old table instead."""
    out = []
    for chapter in report.chapters:
        spec, how = chapter_spec(template, chapter.title)
        if how == "similar" and any(t.kind == LEGACY_STATISTICS for t in chapter.tables):
            spec, how = None, None
        out.append((chapter, spec, how))
    return out


@lru_cache(maxsize=4096)
def chapter_spec(template, title: str) -> tuple[ChapterSpec | None, str | None]:
    """``template.identify_chapter(title)``, found once per template and title: the rules ask it
    of every chapter of every report, and the same titles recur from report to report."""
    return template.identify_chapter(title)


def identified(report, template, ctx) -> list[tuple[Chapter, ChapterSpec | None, str | None]]:
    """:func:`identify`, found once per report and template (``ctx.memo``): most structure rules
    ask it.  The list is shared: read it, do not change it."""
    return ctx.memo(("gxlint", "identify", id(template)), partial(identify, report, template))


def present(found) -> set[int]:
    """The template chapters (numbers) the report has, whatever their titles' wording, from
    :func:`identify`'s answer."""
    return {spec.number for _, spec, _ in found if spec is not None}


#: a picture standing in the text: what the Word and web readers write for it (``[图片]``), or a
#: crawler's placeholder (【图片】, [图像])
_PICTURE = re.compile(r"^\s*[\[【〔(（]\s*(?:图片|图像|image|img)\s*[\]】〕)）]\s*$", re.I)


def picture_in(chapter) -> Paragraph | None:
    """The first paragraph of ``chapter`` that stands for a picture (a table published as an
    image, often), or None."""
    return next((p for p in chapter.paragraphs if _PICTURE.match(p.text)), None)


def stands_in_for(found, number: int):
    """The first chapter numbered ``number`` whose title is about no template chapter: where
    GX101 reports the template's chapter of that number when it is missing."""
    return next((c for c, s, _ in found if s is None and c.number == number), None)


# -- naming chapters in messages -----------------------------------------------------------------


def numbered(spec) -> str:
    """A template chapter as the template writes it: ``六、其他需要报告的事项``."""
    return f"{numeral_text(spec.number)}、{spec.title}"


def heading(chapter) -> str:
    """A report's chapter as its heading writes it, without markup: ``五、存在的问题和下一步打算``."""
    return f"{chapter.numeral}、{chapter.title}" if chapter.numeral else chapter.title


def end_of(report, chapter) -> Span:
    """The last characters of a chapter's content before the signature (its heading when it has
    none): where something that belongs after the chapter is reported."""
    signed = report.signature.span.start if report.signature is not None else None
    blocks = [
        b
        for b in chapter.blocks
        if (signed is None or b.span.start < signed)
        and not (isinstance(b, Paragraph) and not b.text.strip(_TRAILING))
    ]
    return _tail(report.source, blocks[-1].span) if blocks else chapter.span


def _tail(source, span: Span) -> Span:
    """The last few characters written in a span, on its last line (where a finding about the end
    of the text points)."""
    text = source.text
    end = min(span.end, len(text))
    while end > span.start and text[end - 1] in _TRAILING:
        end -= 1
    start = max(span.start, end - 12, text.rfind("\n", 0, end) + 1)
    return source.span(start, end)


# -- shared: where a cut-off text stops ----------------------------------------------------------


class CutOff(_Frozen):
    """Where a cut-off text stops, and what the report lost after that point."""

    __slots__ = ("span", "how", "last", "table", "chapters", "tables")
    span: Span  # the last characters of the text
    how: str  # "table" (in the middle of a table), "sentence" (in mid-sentence), "heading" or "picture"
    last: str  # the last words, the last row or the heading, as written (shortened)
    table: Table | None  # the table the text stops in
    chapters: tuple  # the template chapters (ChapterSpec) absent after that point
    tables: tuple[str, ...]  # the template tables (kinds) absent with them, or from the last chapter

    def __init__(
        self,
        span: Span,
        how: str,
        last: str,
        table: Table | None,
        chapters: tuple = (),
        tables: tuple[str, ...] = (),
    ) -> None:
        _set(self, "span", span)
        _set(self, "how", how)
        _set(self, "last", last)
        _set(self, "table", table)
        _set(self, "chapters", chapters)
        _set(self, "tables", tables)

    @property
    def line(self) -> int:
        return self.span.line


def cutoff(report, ctx) -> CutOff | None:
    """Where the report's text stops in mid-report, or None when it ends as a report does.

    A text is cut off when all of these hold: it has no closing signature; it ends in the middle of
    something -- a template table short of its last row, a sentence without its closing
    punctuation, or a chapter heading with nothing under it; and the template's chapters after the
    last one it has are all absent.  (A report that lacks its last chapters but ends with a full
    stop is GX101's.)  Computed once per report: GX108 reports it; GX101, GX104 and GX405 do not
    report the chapters, tables and signature it explains."""
    return ctx.memo(("gxlint", "cutoff"), lambda: _cutoff(report, ctx))


def in_cut_row(report, ctx, row) -> bool:
    """Whether ``row`` is the table row a cut-off text stops in (:func:`cutoff`): its last row,
    written up to a cell and blank after it (``3``, ``1&`` of a ``1&nbsp;``, nothing more). Its cells
    were cut with the text, not written so: the rules about cells (GX207, GX208) leave them to
    GX108."""
    cut = cutoff(report, ctx)
    if cut is None or cut.how != "table" or cut.table is None or not cut.table.rows:
        return False
    last = cut.table.rows[-1]
    if row is not last:
        return False
    written = [i for i, c in enumerate(row.cells) if c.status != "blank"]
    return bool(written) and written[-1] < len(row.cells) - 1


def lost_tables(report, ctx) -> tuple[str, ...]:
    """The template tables (kinds) a cut-off text lost, which GX104 leaves to GX108."""
    cut = cutoff(report, ctx)
    return cut.tables if cut is not None else ()


def _cutoff(report, ctx) -> CutOff | None:
    if not checkable(report) or report.signature is not None or not report.chapters:
        return None
    if predates_format(report, ctx):
        return None
    template = chapter_template(report, ctx)
    if template is None:
        return None
    found = identified(report, template, ctx)
    last_chapter, last_spec, _ = found[-1]
    reached = last_spec.number if last_spec is not None else last_chapter.number
    if reached is None:
        return None
    there = present(found)
    lost = tuple(c for c in template.chapters if c.number > reached and c.number not in there)
    if not lost:
        return None
    blocks = [
        b for b in last_chapter.blocks if not (isinstance(b, Paragraph) and not b.text.strip(_TRAILING))
    ]
    table = None
    if not blocks:
        how, last, where = "heading", heading(last_chapter), last_chapter.span
    elif isinstance(blocks[-1], Table):
        table = blocks[-1]
        if not _short_of_last_row(table, ctx, template):
            return None
        row = table.raw[-1] if table.raw else None
        how, where = "table", row.span if row is not None else table.span
        last = " ".join(t.strip() for t in row.texts if t.strip()) if row is not None else ""
    elif _PICTURE.match(blocks[-1].text):
        if not _scanned(report, blocks[-1]):
            return None  # a table or a photo ends the text, no sentence cut: GX101 and GX405 say what lacks
        # the text ends at a scanned page: what it holds cannot be read
        how, last, where = "picture", "", blocks[-1].span
    else:
        text = blocks[-1].text.rstrip(_TRAILING)
        if text[-1] in _CLOSING or text.strip() == report.agency:
            return None  # a sentence ends; or the organ's name closes the report, undated (GX405)
        how, last, where = "sentence", text, blocks[-1].span
    tables = tables_template(report, ctx, template)
    numbers = {c.number for c in lost}
    if how != "picture":  # (a picture in the chapter it stops in stands where its table goes: GX104)
        numbers.add(reached)  # the chapter it stops in may have lost its table too
    kinds = {t.kind for t in report.tables}
    gone = tuple(
        k
        for k in TEMPLATE_KINDS
        if k not in kinds and tables is not None and tables.table_chapter(k) in numbers
    )
    short = last if len(last) <= 30 else "…" + last[-29:]
    return CutOff(_tail(report.source, where), how, short, table, lost, gone)


def _scanned(report, picture) -> bool:
    """Whether ``picture`` stands on a page of a PDF that has no text of its own (a scanned page,
    which the reader reported): a picture in a chapter is a table or a photo, not the report's
    last pages."""
    origin = report.source.locate(picture.span.line)
    page = origin.page if origin is not None else None
    return bool(page) and any(p.page == page for p in report.source.problems)


def _short_of_last_row(table, ctx, template) -> bool:
    """Whether a template table stops before its last row (or has that row unreadable)."""
    if table.kind not in TEMPLATE_KINDS:
        return False
    tpl = (ctx.templates.get(table.template) if table.template else None) or template
    if table.kind == APPLICATIONS:
        leaves = [n.label for n in tpl.app_nodes if n.leaf]
        key = leaves[-1] if leaves else None
    elif table.kind == REVIEW_LITIGATION:
        key = tpl.rl_blocks[-1] if tpl.rl_blocks else None
    else:
        key = tpl.sections[-1].rows[-1] if tpl.sections and tpl.sections[-1].rows else None
    if key is None:
        return False
    row = table.row(key)
    return row is None or row.alignment == "unreadable"


# -- shared: renumbered chapters -----------------------------------------------------------------


class Renumbering(_Frozen):
    """Consecutive chapters that stand at the template's numbers shifted by the same offset.

    ``chapters`` are those of them titled as the template has it ((chapter, template chapter)
    pairs; renamed ones get their number from GX103).  ``missing`` are the template chapters absent
    just before the first of them: when there are as many as the shift, the chapters were only
    moved up to fill the gap, and GX101's finding on the missing chapter says so."""

    __slots__ = ("offset", "chapters", "missing")
    offset: int  # the report's number minus the template's
    chapters: tuple
    missing: tuple[int, ...]

    def __init__(self, offset: int, chapters: tuple, missing: tuple[int, ...]) -> None:
        _set(self, "offset", offset)
        _set(self, "chapters", chapters)
        _set(self, "missing", missing)

    @property
    def explained(self) -> bool:
        return self.offset < 0 and len(self.missing) == -self.offset


def renumbered(report, ctx) -> list[Renumbering]:
    """The renumberings of the report's chapters (computed once per report)."""
    return ctx.memo(("gxlint", "renumbered"), lambda: _renumbered(report, ctx))


def _renumbered(report, ctx) -> list[Renumbering]:
    template = chapter_template(report, ctx)
    if template is None or predates_format(report, ctx):
        return []
    found = identified(report, template, ctx)
    there = present(found)
    runs: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    before = 0  # the template number of the chapter before
    for chapter, spec, how in found:
        n = chapter.number
        if spec is not None and n is not None and n != spec.number:
            offset = n - spec.number
            if current is None or current["offset"] != offset:
                current = {"offset": offset, "items": [], "after": before, "start": spec.number}
                runs.append(current)
            if how in ("official", "accepted"):
                current["items"].append((chapter, spec))
        else:
            current = None
        if spec is not None:
            before = spec.number
        elif n is not None:
            before = n
    return [
        Renumbering(
            r["offset"],
            tuple(r["items"]),
            tuple(k for k in range(r["after"] + 1, r["start"]) if k not in there),
        )
        for r in runs
        if r["items"]
    ]
