"""The model as data: ``gxlint parse --format json`` (the contract in docs/model.md), ``text``, and
the tidy data set of ``--format csv`` (one row per table cell, :func:`cell_rows`)."""

from __future__ import annotations

from typing import Any, Iterator

from gxlint.finding import describe
from gxlint.lint.analyses.chapters import is_report
from gxlint.lint.engine import infer_report_organ
from gxlint.lint.rule import place
from gxlint.model import KIND_NAMES, TEMPLATE_KINDS, Paragraph, Report, Table
from gxlint.read.source import Source
from gxlint.chinese import numeral_text


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "path": report.path,
        "form": report.source.form,
        "encoding": report.source.encoding or None,
        "title": report.title,
        "agency": report.agency,
        "organ": infer_report_organ(report),
        "year": report.year,
        "template": report.template,
        "legacy_format": report.legacy_format,
        "is_report": is_report(report),
        "period": None
        if report.period is None
        else {
            "start": _iso(report.period.start),
            "end": _iso(report.period.end),
            "line": report.period.span.line,
            "text": report.period.text,
        },
        "published": None
        if report.published is None
        else {"date": _iso(report.published.date), "line": report.published.span.line},
        "signature": None
        if report.signature is None
        else {
            "organ": report.signature.organ,
            "date": _iso(report.signature.date),
            "line": report.signature.span.line,
        },
        "chapters": [
            _located(
                {
                    "number": c.number,
                    "numeral": c.numeral,
                    "title": c.title,
                    "line": c.span.line,
                    "column": c.span.column,
                },
                report,
                c.span,
            )
            for c in report.chapters
        ],
        "tables": [_located(table_to_dict(t, report.source), report, t.span) for t in report.tables],
        "problems": [
            {"message": p.message_en, "line": p.line, "column": p.column, "fatal": p.fatal}
            for p in report.source.problems
        ],
    }


def table_to_dict(table: Table, source: Source | None = None) -> dict[str, Any]:
    """A table as data; with the ``source`` it was read from, its places are the file's own where
    a text file's table was rewritten into rows (:meth:`Source.origin`)."""
    at = _at(source)
    line, column = at(table.span)
    return {
        "kind": table.kind,
        "line": line,
        "column": column,
        "layout": table.layout,
        "template": table.template,
        "values": table.values,
        "malformed": [
            dict(zip(("row", "column", "text", "line", "col"), (r.key, c.column, c.text, *at(c.span))))
            for r in table.rows
            for c in r.cells
            if c.status == "malformed"
        ],
        "rows": [{"row": r.key, "line": at(r.span)[0], "alignment": r.alignment} for r in table.rows],
        "notes": [
            dict(zip(("kind", "line", "column", "message"), (n.kind, *at(n.span), n.en))) for n in table.notes
        ],
    }


def _at(source: Source | None):
    """(line, column) of a span: in the user's file when its tables were rewritten."""
    if source is None or source.original is None:
        return lambda span: (span.line, span.column)
    return lambda span: source.origin(span.line, span.column)


#: the columns of ``gxlint parse --format csv``, one row per table cell (docs/cli.md)
CELL_FIELDS = (
    "file",
    "form",
    "agency",
    "year",
    "template",
    "table",
    "section",
    "row",
    "column",
    "value",
    "status",
    "text",
    "line",
    "alignment",
    "organ",
    "same_as",
)


def statistics_key(report: Report):
    """What makes two files the same report in a data set: the agency, the year and every cell of
    the tables (a report's web page and its PDF, one report crawled from two sites); None when
    there is no agency, year or number to tell by."""
    if report.agency is None or report.year is None:
        return None
    values = tuple((t.kind, repr(t.values)) for t in report.tables)
    if not any(c.status == "number" for t in report.tables for r in t.rows for c in r.cells):
        return None
    return report.agency, report.year, values


def cell_rows(report: Report, same_as: str | None = None) -> Iterator[tuple[Any, ...]]:
    """The statistics of a report as a tidy data set: one row per cell of every template row of
    every table, in the order of :data:`CELL_FIELDS`.

    ``value`` is the number, or None for a cell that is blank, malformed or unreadable; ``status``
    says which: ``number``, ``blank``, ``malformed``, or ``unreadable`` for every cell of a row
    the reader could not place unambiguously (its cells are blank in the model).  ``text`` is the
    cell as written (empty when blank or unreadable); ``line`` is the cell's line in the text gxlint
    read; ``alignment`` how its row was read (``exact`` … ``guessed``, see docs/model.md);
    ``same_as`` the earlier file of the data set that is the same report (:func:`statistics_key`)."""
    form = report.source.form
    at = _at(report.source)
    organ = infer_report_organ(report)
    for table in report.tables:
        template = table.template or report.template
        for row in table.rows:
            unreadable = row.alignment == "unreadable"
            for cell in row.cells:
                status = "unreadable" if unreadable else cell.status
                value = cell.value if status == "number" else None
                yield (
                    report.path,
                    form,
                    report.agency,
                    report.year,
                    template,
                    table.kind,
                    row.section,
                    row.key,
                    cell.column,
                    value,
                    status,
                    "" if unreadable else cell.text,
                    at(cell.span)[0] if cell.text else at(row.span)[0],
                    row.alignment,
                    organ,
                    same_as,
                )


def _located(data: dict[str, Any], report: Report, span) -> dict[str, Any]:
    """Add where a chapter or table is in the original file, for the forms that are not text."""
    origin = report.source.locate(span.line, span.column)
    if origin is not None:
        data["location"] = origin.to_dict()
    return data


def source_to_text(report: Report) -> str:
    """The text gxlint read, numbered, each line with the place in the original file it came from:
    what the grammar saw, for a Word, web or PDF file (and for a text file, the file itself after
    its tables were put into rows)."""
    out: list[str] = []
    lines = report.source.text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    width = len(str(len(lines)))
    for number, line in enumerate(lines, 1):
        origin = report.source.locate(number)
        place = describe({"form": report.source.form, **origin.to_dict()}, "en") if origin else ""
        shown = line.replace("\t", " ⇥ ")
        out.append(
            f"{number:>{width}} | {place:<28} | {shown}"
            if report.source.rendered
            else f"{number:>{width}} | {shown}"
        )
    return "\n".join(out) + "\n"


#: the outline's words (``gxlint parse``), in each language
_OUTLINE = {
    "en": {
        "form": "form:      ",
        "title": "title:     ",
        "agency": "agency:    ",
        "organ": "organ:     ",
        "year": "year:      ",
        "template": "template:  ",
        "period": "period:    ",
        "published": "published: ",
        "signature": "signature: ",
        "problem": "problem:   ",
        "none": "(none)",
        "unknown": "(unknown)",
        "legacy": "pre-2019 statistics table",
        "no organ": "(no organ)",
        "no date": "(no date)",
        "and": ", ",
        "line": " ({at})",
        "problem line": "{at}: ",
        "preamble": "preamble: {n} paragraph(s)",
        "paragraphs": "{n} paragraph(s)",
        "chapter": "chapter {numeral}、{title}  ({at})",
        "table": "table {kind} ({at}, {layout}, template {template})",
        "no data row": "(no data row)",
        "note": "note {at}: ",
    },
    "zh": {
        "form": "形式：    ",
        "title": "标题：    ",
        "agency": "机关：    ",
        "organ": "机关类型：",
        "year": "年度：    ",
        "template": "格式：    ",
        "period": "统计期限：",
        "published": "发布日期：",
        "signature": "落款：    ",
        "problem": "问题：    ",
        "none": "（无）",
        "unknown": "（未识别）",
        "legacy": "2019 年以前的统计表",
        "no organ": "（无机关名称）",
        "no date": "（无日期）",
        "and": "，",
        "line": "（{at}）",
        "problem line": "{at}：",
        "preamble": "开头：{n} 段",
        "paragraphs": "{n} 段",
        "chapter": "章 {numeral}、{title}（{at}）",
        "table": "表 {kind}（{at}，{layout}，格式 {template}）",
        "no data row": "（没有数据行）",
        "note": "说明 {at}：",
    },
}
#: the outline's names, in Chinese, of the forms, table kinds and layouts (English: as in the JSON)
_ORGANS_ZH = {"department": "政府部门", "government": "人民政府"}
_FORMS_ZH = {"text": "文本", "docx": "Word 文档", "html": "网页", "pdf": "PDF"}
_KINDS_ZH = {kind: names[0] for kind, names in KIND_NAMES.items()}
_LAYOUTS_ZH = {"tabs": "分列", "pipes": "竖线分隔", "cells": "每格一行", "inline": "连排"}


def report_to_text(report: Report, lang: str = "zh") -> str:
    """The outline ``gxlint parse`` prints: the report's identity, then its chapters and every
    table cell, in ``lang``'s words (the table kinds and cell labels as the model names them)."""
    w = _OUTLINE[lang]
    out: list[str] = []
    form = report.source.form

    def at(line: int) -> str:
        """A line of the text read, as a person finds it in the file: 第 7 段, 表 2 第 5 行第 3 列,
        第 3 页第 12 行 for Word, PDF and web pages (the line of the text read means nothing there)."""
        found = place(report, line)
        return found.zh if lang == "zh" else found.en

    out.append(w["form"] + (_FORMS_ZH.get(form, form) if lang == "zh" else form))
    out.append(w["title"] + (report.title or w["none"]))
    out.append(w["agency"] + (report.agency or w["unknown"]))
    organ = infer_report_organ(report)
    out.append(w["organ"] + ((_ORGANS_ZH[organ] if lang == "zh" else organ) if organ else w["unknown"]))
    out.append(w["year"] + (str(report.year) if report.year else w["unknown"]))
    out.append(w["template"] + (report.template or (w["legacy"] if report.legacy_format else w["none"])))
    if report.period:
        line = w["line"].format(at=at(report.period.span.line))
        out.append(f"{w['period']}{_iso(report.period.start)} – {_iso(report.period.end)}{line}")
    if report.published:
        out.append(
            w["published"]
            + f"{_iso(report.published.date)}"
            + w["line"].format(at=at(report.published.span.line))
        )
    if report.signature:
        s = report.signature
        line = w["line"].format(at=at(s.span.line))
        out.append(
            f"{w['signature']}{s.organ or w['no organ']}{w['and']}{_iso(s.date) or w['no date']}{line}"
        )
    for p in report.source.problems:
        message = p.message_zh if lang == "zh" else p.message_en
        out.append(w["problem"] + w["problem line"].format(at=at(p.line)) + message)
    _blocks(out, report.preamble, w, at, 0, preamble=True)
    for c in report.chapters:
        numeral = c.numeral or (numeral_text(c.number) if c.number else "?")
        out.append(w["chapter"].format(numeral=numeral, title=c.title, at=at(c.span.line)))
        _blocks(out, c.blocks, w, at, 1)
    return "\n".join(out) + "\n"


def _blocks(out: list[str], blocks, w: dict[str, str], at, depth: int, preamble: bool = False) -> None:
    pad = "  " * depth
    paragraphs = sum(1 for b in blocks if isinstance(b, Paragraph))
    if preamble:
        out.append(w["preamble"].format(n=paragraphs))
    elif paragraphs:
        out.append(pad + w["paragraphs"].format(n=paragraphs))
    zh = w is _OUTLINE["zh"]
    for b in blocks:
        if isinstance(b, Table):
            out.append(
                pad
                + w["table"].format(
                    kind=_KINDS_ZH.get(b.kind, b.kind) if zh else b.kind,
                    at=at(b.span.line),
                    layout=_LAYOUTS_ZH.get(b.layout, b.layout) if zh else b.layout,
                    template=b.template or "-",
                )
            )
            for r in b.rows:
                cells = " ".join(
                    f"{c.column}={c.text if c.status != 'blank' else '∅'}"
                    + ("!" if c.status == "malformed" else "")
                    for c in r.cells
                )
                out.append(f"{pad}  {r.key}: {cells}")
            if b.kind in TEMPLATE_KINDS and not b.rows:
                out.append(f"{pad}  {w['no data row']}")
            for n in b.notes:
                out.append(f"{pad}  " + w["note"].format(at=at(n.span.line)) + (n.zh if zh else n.en))


def _iso(date) -> str | None:
    return date.isoformat() if date is not None else None
