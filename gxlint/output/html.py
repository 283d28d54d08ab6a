"""``html``: one self-contained page to open in a browser (docs/formats.md).

The page has a summary of the files checked (agency, year, template, form, findings by severity),
the findings by rule, and for each report the text gxlint read with every finding marked at its
place and its message and fix written under the line; the statistics tables are shown as HTML
tables.  A little inline script adds filters by severity and by rule; without it the page shows
everything.

Nothing is loaded from elsewhere (no external scripts, styles, fonts or images), every piece of
report text and every file name is escaped, and a Content-Security-Policy allows only the page's
own style and script (by their hashes), so a report that contains markup shows it as text.

The formatter needs the report, not only the findings: :func:`report_view` makes a small picklable
:class:`ReportView` of it where the file is read (in a worker process under ``--jobs``), and the
runner hands it over as ``FileResult.report``.  Sections are spooled to a temporary file, so a
folder of a thousand reports does not stay in memory.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import tempfile
from dataclasses import dataclass, replace
from typing import Any, Iterable

from gxlint import __version__
from gxlint.finding import Finding, describe
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, LEGACY_STATISTICS, OTHER, REVIEW_LITIGATION
from gxlint.output import FileResult, Formatter, Summary, relative_path

#: (line, column, end_line, end_column) in the text gxlint read: 1-based, end exclusive
Pos = tuple[int, int, int, int]


# -- what the page needs of a report (made where the file is read; picklable) --------------------


@dataclass(frozen=True)
class CellView:
    text: str
    #: ``number``, ``blank``, ``malformed`` (the model's), or ``text`` for a field of a table read
    #: without a template
    status: str
    span: Pos


@dataclass(frozen=True)
class RowView:
    key: str
    section: str | None
    columns: tuple[str, ...]
    cells: tuple[CellView, ...]
    span: Pos


@dataclass(frozen=True)
class TableView:
    kind: str
    layout: str
    line: int
    end_line: int
    rows: tuple[RowView, ...]
    #: its lines hold nothing but the table: the page shows the table in their place (the lines
    #: as written stay one click away); otherwise the lines are shown and the table after them
    alone: bool


@dataclass(frozen=True)
class ReportView:
    title: str | None
    agency: str | None
    year: int | None
    template: str | None
    form: str
    text: str
    #: lines of chapter headings
    headings: tuple[int, ...]
    tables: tuple[TableView, ...]


def _pos(span) -> Pos:
    return (span.line, span.column, span.end_line, span.end_column)


def _last_line(span) -> int:
    """The last line a span covers (an end at column 1 ends on the line before)."""
    if span.end_line > span.line and span.end_column <= 1:
        return span.end_line - 1
    return max(span.line, span.end_line)


def report_view(report) -> ReportView:
    """What the page shows of a report: its reading (agency, year, template, form), the text
    gxlint read, where the headings are, and the tables with their cells."""
    paragraphs = [(p.span.line, _last_line(p.span)) for p in report.paragraphs]
    # a text file whose tables were rewritten into rows is shown as the file has it, where the
    # findings point (gxlint.read.source.Source.origin), its tables as the text they are there
    moved = report.source.original is not None
    tables = []
    taken = 0
    for table in report.tables:
        if table.rows:
            rows = tuple(
                RowView(
                    r.key,
                    r.section,
                    tuple(r.columns),
                    tuple(CellView(c.text, c.status, _pos(c.span)) for c in r.cells),
                    _pos(r.span),
                )
                for r in table.rows
            )
        else:  # a table read without a template: its fields as written
            rows = tuple(
                RowView(
                    "",
                    None,
                    (),
                    tuple(CellView(f.text, "text", _pos(f.span)) for f in raw.fields),
                    _pos(raw.span),
                )
                for raw in table.raw
            )
        first, last = table.span.line, _last_line(table.span)
        alone = (
            table.layout != "inline"
            and not moved
            and first > taken
            and not any(a <= last and b >= first for a, b in paragraphs)
        )
        if alone:
            taken = last
        tables.append(TableView(table.kind, table.layout, first, last, rows, alone))
    source = report.source
    # a heading on a line of its own (not one inside a report read as one long line)
    headings = tuple(
        c.span.line
        for c in report.chapters
        if len(source.line(c.span.line).strip()) <= len(c.heading.strip()) + 8
    )
    return ReportView(
        report.title,
        report.agency,
        report.year,
        report.template,
        source.form,
        source.shown_text(),
        headings,
        tuple(tables),
    )


# -- words -----------------------------------------------------------------------------------------

WORDS = {
    "zh": {
        "title": "政府信息公开工作年度报告检查结果",
        "generated": "由 gxlint {version} 生成。本页不引用任何外部资源，可离线打开；筛选需要浏览器允许本页脚本。",
        "files": "检查的文件",
        "by_rule": "按规则统计",
        "file": "文件",
        "agency": "机关",
        "year": "年度",
        "template": "格式",
        "form": "文件形式",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "code": "规则",
        "rule": "名称",
        "what": "说明",
        "filter_sev": "显示级别：",
        "filter_code": "显示规则：",
        "all": "全选",
        "none": "全不选",
        "not_checked": "未检查",
        "skipped": "不是年度报告，已跳过",
        "unknown": "—",
        "clean": "未发现问题。",
        "findings": "问题列表",
        "text": "报告全文（gxlint 读出的文本）",
        "no_text": "没有可显示的文本。",
        "rendered": (
            "本文件是{form}；下面是 gxlint 从中读出的文本，行号指这份文本。每个问题另注明它在原文件中的位置。"
        ),
        "at": "第 {line} 行第 {column} 列",
        "at_line": "第 {line} 行",
        "in_file": "原文件中：{place}",
        "fix": "修改建议：",
        "table": "表格：{kind}（第 {first}–{last} 行）",
        "raw": "原文（第 {first}–{last} 行）",
        "item": "项目",
        "whole_file": "整个文件",
        "no_findings_page": "没有检查任何文件。",
    },
    "en": {
        "title": "Annual report check results (政府信息公开工作年度报告)",
        "generated": (
            "Made by gxlint {version}. The page uses no outside resources and works offline; "
            "the filters need the page's script to be allowed."
        ),
        "files": "Files checked",
        "by_rule": "Findings by rule",
        "file": "File",
        "agency": "Agency",
        "year": "Year",
        "template": "Template",
        "form": "Form",
        "error": "errors",
        "warning": "warnings",
        "info": "info",
        "code": "Rule",
        "rule": "Name",
        "what": "What it checks",
        "filter_sev": "Show severities:",
        "filter_code": "Show rules:",
        "all": "all",
        "none": "none",
        "not_checked": "not checked",
        "skipped": "not an annual report, skipped",
        "unknown": "—",
        "clean": "No problems found.",
        "findings": "Findings",
        "text": "The report's text (as gxlint read it)",
        "no_text": "No text to show.",
        "rendered": (
            "This file is {form}; below is the text gxlint read from it, and line numbers are "
            "lines of that text. Each finding also names its place in the original file."
        ),
        "at": "line {line}, column {column}",
        "at_line": "line {line}",
        "in_file": "in the file: {place}",
        "fix": "Fix: ",
        "table": "Table: {kind} (lines {first}–{last})",
        "raw": "As written (lines {first}–{last})",
        "item": "Item",
        "whole_file": "whole file",
        "no_findings_page": "No file was checked.",
    },
}
SEVERITY_WORD = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
#: the kinds of file gxlint recognises but does not read (gxlint.read.sniff), as the summary names them
UNREAD_FORMS = {
    "zh": {
        "ole": "旧版 Word/WPS",
        "encrypted": "加密文档",
        "zip": "ZIP 压缩包",
        "ooxml": "Excel/PowerPoint",
        "image": "图片",
        "rtf": "RTF",
        "mhtml": "网页（MHTML）",
    },
    "en": {
        "ole": "old Word/WPS",
        "encrypted": "encrypted document",
        "zip": "ZIP archive",
        "ooxml": "Excel/PowerPoint",
        "image": "image",
        "rtf": "RTF",
        "mhtml": "web page (MHTML)",
    },
}
FORMS = {
    "zh": {"text": "文本", "docx": "Word 文档", "html": "网页", "pdf": "PDF"},
    "en": {"text": "text", "docx": "a Word document", "html": "a web page", "pdf": "a PDF"},
}


def _spaced(name: str, lang: str) -> str:
    """A form's name in a Chinese sentence: a space before a Latin word (本文件是 Word 文档)."""
    return f" {name}" if lang == "zh" and name[:1].isascii() else name


FORM_SHORT = {
    "zh": {"text": "文本", "docx": "Word", "html": "网页", "pdf": "PDF", **UNREAD_FORMS["zh"]},
    "en": {"text": "text", "docx": "Word", "html": "web page", "pdf": "PDF", **UNREAD_FORMS["en"]},
}
TEMPLATES = {
    "zh": {"2021": "2021 年版", "2019": "2019 年版", "pre2019": "2019 年以前"},
    "en": {"2021": "2021", "2019": "2019", "pre2019": "before 2019"},
}
KINDS = {
    "zh": {
        ACTIVE_DISCLOSURE: "主动公开政府信息情况",
        APPLICATIONS: "收到和处理政府信息公开申请情况",
        REVIEW_LITIGATION: "政府信息公开行政复议、行政诉讼情况",
        LEGACY_STATISTICS: "统计表（旧格式）",
        OTHER: "其他表格",
    },
    "en": {
        ACTIVE_DISCLOSURE: "proactive disclosure",
        APPLICATIONS: "applications received and handled",
        REVIEW_LITIGATION: "administrative review and litigation",
        LEGACY_STATISTICS: "statistics (old format)",
        OTHER: "other table",
    },
}
SEVERITIES = ("error", "warning", "info")


# -- the page's own style and script (allowed by their hashes) -------------------------------------

STYLE = """
:root{--err:#b3261e;--err-bg:#fde4e1;--warn:#8a5300;--warn-bg:#fff0c7;--info:#1a5fb4;--info-bg:#e3edfb;
--line:#d9dde3;--muted:#5d6773;--paper:#fff;--ground:#f3f4f6;--ink:#1f2328}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--ground);color:var(--ink);font:15px/1.65 system-ui,-apple-system,"Segoe UI",
"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",
"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:23px;margin:6px 0 2px}
h2{font-size:18px;margin:0;overflow-wrap:anywhere}
h3{font-size:15px;margin:18px 0 6px}
.card>h3:first-child{margin-top:0}
a{color:#0b57d0}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
.lead{margin:2px 0;font-size:16px}
.small{color:var(--muted);font-size:13px;margin:2px 0 12px}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0}
table.list{border-collapse:collapse;width:100%;font-size:14px}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
table.list th{background:#f7f8fa;font-weight:600;white-space:nowrap}
table.list td.at{color:var(--muted);min-width:8.5em;max-width:17em}
table.list td.at span{display:block}
table.list td.n,table.list th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.list tfoot td{font-weight:600}
.file{overflow-wrap:anywhere}
.c-error{color:var(--err);font-weight:700}.c-warning{color:var(--warn);font-weight:700}.c-info{color:var(--info)}
.zero{color:#9aa3ad;font-weight:400}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;line-height:20px;font-weight:600;
white-space:nowrap}
.sev.error{background:var(--err);color:#fff}.sev.warning{background:#e8a317;color:#221500}
.sev.info{background:var(--info);color:#fff}
.filters{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;margin:0 0 8px;font-size:14px}
.filters label{white-space:nowrap;cursor:pointer}
.filters button{font:inherit;font-size:13px;padding:1px 10px;border:1px solid var(--line);border-radius:4px;
background:#fff;cursor:pointer}
.nojs .js{display:none}
.report{background:var(--paper);border:1px solid var(--line);border-radius:8px;margin:22px 0;overflow:hidden}
.report>header{padding:12px 16px;border-bottom:1px solid var(--line);background:#fafbfc}
.meta{display:flex;flex-wrap:wrap;gap:2px 18px;margin:4px 0 0;font-size:14px;color:var(--muted)}
.meta b{color:var(--ink);font-weight:600}
.report>.body{padding:4px 16px 14px}
.hint{background:#f1f5fb;border-left:3px solid var(--info);padding:6px 10px;font-size:14px;margin:10px 0}
.clean{color:#1a7f37;font-weight:600}
.src{border:1px solid var(--line);border-radius:6px;padding:6px 0;background:#fff}
.ln{display:grid;grid-template-columns:3.6em 1fr;min-height:1.2em}
.ln .no{color:#a0a8b2;text-align:right;padding-right:10px;font-size:12px;line-height:25px;user-select:none;
font-variant-numeric:tabular-nums}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;padding-right:12px}
.ln.h .tx{font-weight:700;font-size:16px}
.ln.e{min-height:0;height:10px}.ln.e .no{font-size:9px;line-height:10px;color:#c4cad1}
.ln:target{background:#fffbe6}
mark{background:none;color:inherit;border-radius:2px;padding:0 1px}
mark.error{background:var(--err-bg);box-shadow:inset 0 -2px 0 var(--err)}
mark.warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 #e8a317}
mark.info{background:var(--info-bg);box-shadow:inset 0 -2px 0 var(--info)}
mark.off{background:none;box-shadow:none}
mark.at{padding:0 2px;font-weight:700}
a.ref{display:inline-block;min-width:1.5em;margin:0 2px;padding:0 4px;border-radius:9px;font-size:11px;
line-height:16px;text-align:center;text-decoration:none;vertical-align:2px;color:#fff;background:var(--muted)}
a.ref.error{background:var(--err)}a.ref.warning{background:#c98a0b}a.ref.info{background:var(--info)}
.note{margin:3px 12px 8px 3.6em;padding:6px 10px;border-radius:6px;border:1px solid var(--line);
border-left:4px solid var(--muted);background:#fbfbfc;font-size:14px}
.note.error{border-left-color:var(--err);background:#fff8f7}
.note.warning{border-left-color:#e8a317;background:#fffcf2}
.note.info{border-left-color:var(--info);background:#f7faff}
.note .nh{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center}
.note .where{color:var(--muted);font-size:13px}
.note p{margin:3px 0 0;overflow-wrap:anywhere}
.note .fix{color:#1a5a2a}
.note .fix b{font-weight:600}
.file-notes .note{margin-left:12px}
.off{display:none}
.tbl{margin:6px 12px 10px 3.6em}
.tbl .note{margin-left:0}
.tcap{font-size:13px;color:var(--muted);margin:2px 0 4px}
.tscroll{overflow-x:auto}
table.data{border-collapse:collapse;font-size:13px;margin:0 0 8px;background:#fff}
table.data th,table.data td{border:1px solid #c9ced6;padding:3px 7px;vertical-align:middle}
table.data thead th{background:#eef1f5;font-weight:600;text-align:center}
table.data thead th+th{white-space:nowrap}
table.data tbody th{background:#f7f8fa;font-weight:400;text-align:left;min-width:8em}
table.data td{text-align:right;font-variant-numeric:tabular-nums;min-width:2.6em;white-space:nowrap}
table.data td.blank{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#f0f1f3 4px,#f0f1f3 6px)}
table.data td.malformed{color:var(--err);font-weight:700}
table.data td.text{text-align:left;white-space:normal}
table.data :is(td,th).error:not(.off){background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
table.data :is(td,th).warning:not(.off){background:var(--warn-bg);outline:2px solid #e8a317;outline-offset:-2px}
table.data :is(td,th).info:not(.off){background:var(--info-bg);outline:2px solid var(--info);outline-offset:-2px}
details.raw{margin:2px 0 6px}
details.raw summary{cursor:pointer;color:var(--muted);font-size:13px}
details.raw .ln{margin-left:-3.6em}
@media print{.js{display:none}details.raw{display:none}.report{break-inside:auto}}
"""

SCRIPT = """
(function () {
  var root = document.documentElement;
  root.classList.remove('nojs');
  var form = document.getElementById('filters');
  if (!form) { return; }
  var boxes = function (name) { return Array.prototype.slice.call(form.querySelectorAll('input[name=' + name + ']')); };
  var each = function (selector, f) { Array.prototype.forEach.call(document.querySelectorAll(selector), f); };
  function apply() {
    var sev = {}, code = {};
    boxes('sev').forEach(function (b) { sev[b.value] = b.checked; });
    boxes('code').forEach(function (b) { code[b.value] = b.checked; });
    each('[data-sev]', function (e) {
      e.classList.toggle('off', sev[e.getAttribute('data-sev')] === false || code[e.getAttribute('data-code')] === false);
    });
    each('[data-f]', function (e) {
      var shown = e.getAttribute('data-f').split(' ').some(function (id) {
        var n = document.getElementById(id);
        return n && !n.classList.contains('off');
      });
      e.classList.toggle('off', !shown);
    });
    var state = [];
    ['sev', 'code'].forEach(function (name) {
      var all = boxes(name), on = all.filter(function (b) { return b.checked; });
      if (on.length < all.length) { state.push(name + '=' + on.map(function (b) { return b.value; }).join(',')); }
    });
    try { history.replaceState(null, '', state.length ? '#' + state.join('&') : location.pathname + location.search); } catch (e) {}
  }
  var wanted = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (part) {
    var kv = part.split('=');
    if (kv.length === 2 && (kv[0] === 'sev' || kv[0] === 'code')) { wanted[kv[0]] = decodeURIComponent(kv[1]).split(','); }
  });
  ['sev', 'code'].forEach(function (name) {
    if (wanted[name]) { boxes(name).forEach(function (b) { b.checked = wanted[name].indexOf(b.value) >= 0; }); }
  });
  form.addEventListener('change', apply);
  form.addEventListener('click', function (event) {
    var t = event.target;
    if (t.tagName === 'BUTTON') {
      boxes('code').forEach(function (b) { b.checked = t.value === 'all'; });
      apply();
    }
  });
  if (wanted.sev || wanted.code) { apply(); }
})();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


#: nothing may load but the page's own style and script; no form may submit, no base may be set
CSP = (
    f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


# -- escaping ----------------------------------------------------------------------------------------

#: control characters are no text: shown as spaces (tab and line end are kept)
_CONTROLS = {i: " " for i in [*range(0x20), *range(0x7F, 0xA0)] if i not in (0x09, 0x0A)}


def esc(value: Any) -> str:
    """Text and attribute values made inert: ``& < > " '`` escaped, control characters shown as
    spaces, unpaired surrogates (an undecodable file name) as U+FFFD."""
    text = str(value).translate(_CONTROLS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return _html.escape(text, quote=True)


# -- the formatter -----------------------------------------------------------------------------------


@dataclass
class _Entry:
    """What the files table needs of one report, kept until the end: its identity, not its text
    or tables (those are written to the page's body as the report is done)."""

    index: int
    path: str
    view: ReportView | None
    counts: dict[str, int]
    checked: bool
    skipped: bool


class HtmlFormatter(Formatter):
    report_view = staticmethod(report_view)

    def begin(self) -> None:
        if self.lang not in WORDS:  # the page speaks zh or en
            self.lang = "en"
        self.words = WORDS[self.lang]
        self._entries: list[_Entry] = []
        self._codes: dict[str, dict[str, int]] = {}
        self._names: dict[str, str] = {}
        self._body = tempfile.TemporaryFile("w+", encoding="utf-8")

    # one report -------------------------------------------------------------------------------------
    def add(self, result: FileResult) -> None:
        index = len(self._entries) + 1
        path = relative_path(result.path, self.root)
        counts = {s: 0 for s in SEVERITIES}
        # a skipped file's note says it is no report: not a problem, counted as the summary counts
        for f in () if result.skipped else result.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
            by = self._codes.setdefault(f.code, {s: 0 for s in SEVERITIES})
            by[f.severity] = by.get(f.severity, 0) + 1
            self._names.setdefault(f.code, f.name)
        view = result.report if isinstance(result.report, ReportView) else None
        self._body.write(_Section(self, index, path, result, view).render())
        identity = replace(view, text="", headings=(), tables=()) if view is not None else None
        self._entries.append(_Entry(index, path, identity, counts, result.checked, result.skipped))

    # the page ---------------------------------------------------------------------------------------
    def end(self, summary: Summary) -> None:
        from gxlint.output.text import summary_line

        w = self.words
        out = self.out
        lang = "zh-CN" if self.lang == "zh" else "en"
        out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}" class="nojs">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="gxlint {esc(__version__)}">\n'
            f"<title>{esc(w['title'])}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        )
        out.write(
            f'<header>\n<h1>{esc(w["title"])}</h1>\n<p class="lead">{esc(summary_line(summary, self.lang))}</p>\n'
            f'<p class="small">{esc(w["generated"].format(version=__version__))}</p>\n</header>\n'
        )
        out.write(self._filters(summary))
        out.write(self._files_table())
        out.write(self._rules_table())
        self._body.seek(0)
        while True:
            chunk = self._body.read(1 << 16)
            if not chunk:
                break
            out.write(chunk)
        self._body.close()
        out.write(f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")

    def _filters(self, summary: Summary) -> str:
        w = self.words
        parts = [
            f'<form id="filters" class="card filters js" autocomplete="off">\n<span>{esc(w["filter_sev"])}</span>'
        ]
        for s in SEVERITIES:
            parts.append(
                f'<label><input type="checkbox" name="sev" value="{s}" checked> '
                f'<span class="sev {s}">{esc(SEVERITY_WORD[self.lang][s])}'
                f"</span> {summary.counts.get(s, 0)}</label>"
            )
        if self._codes:
            parts.append(f"<span>{esc(w['filter_code'])}</span>")
            for code in sorted(self._codes):
                total = sum(self._codes[code].values())
                parts.append(
                    f'<label><input type="checkbox" name="code" value="{esc(code)}" checked> '
                    f"<code>{esc(code)}</code> {total}</label>"
                )
            parts.append(
                f'<button type="button" value="all">{esc(w["all"])}</button>'
                f'<button type="button" value="none">{esc(w["none"])}</button>'
            )
        parts.append("</form>\n")
        return "\n".join(parts)

    def _files_table(self) -> str:
        w = self.words
        head = "".join(f'<th class="n">{esc(w[s])}</th>' for s in SEVERITIES)
        rows = []
        totals = {s: 0 for s in SEVERITIES}
        for e in self._entries:
            v = e.view
            if not e.checked:
                agency, year, template, form = esc(w["not_checked"]), "", "", ""
            elif e.skipped:
                agency, year, template, form = esc(w["skipped"]), "", "", ""
            else:
                agency = esc(v.agency) if v and v.agency else w["unknown"]
                year = esc(v.year) if v and v.year else w["unknown"]
                template = esc(_template_label(v.template, self.lang)) if v and v.template else w["unknown"]
                form = esc(FORM_SHORT[self.lang].get(v.form, v.form)) if v else w["unknown"]
            cells = []
            for s in SEVERITIES:
                n = e.counts.get(s, 0)
                totals[s] += n
                cells.append(f'<td class="n {f"c-{s}" if n else "zero"}">{n}</td>')
            rows.append(
                f'<tr><td class="n">{e.index}</td><td class="file"><a href="#r{e.index}">{esc(e.path)}</a></td>'
                f'<td>{agency}</td><td class="n">{year}</td><td>{template}</td><td>{form}</td>{"".join(cells)}</tr>'
            )
        if not rows:
            return f'<section class="card"><p>{esc(w["no_findings_page"])}</p></section>\n'
        foot = "".join(f'<td class="n">{totals[s]}</td>' for s in SEVERITIES)
        return (
            f'<section class="card"><h3>{esc(w["files"])}</h3>\n<table class="list files">\n'
            f'<thead><tr><th class="n">#</th><th>{esc(w["file"])}</th><th>{esc(w["agency"])}</th>'
            f'<th class="n">{esc(w["year"])}</th><th>{esc(w["template"])}</th><th>{esc(w["form"])}</th>{head}</tr></thead>\n'
            f"<tbody>\n"
            + "\n".join(rows)
            + f"\n</tbody>\n<tfoot><tr><td></td><td>{len(rows)}</td><td></td><td></td>"
            f"<td></td><td></td>{foot}</tr></tfoot>\n</table></section>\n"
        )

    def _rules_table(self) -> str:
        if not self._codes:
            return ""
        w = self.words
        rows = []
        for code in sorted(self._codes):
            rule = self.rules.get(code)
            name = getattr(rule, "name", None) or self._names.get(code, "")
            what = ""
            if rule is not None:
                try:
                    what = rule.short(self.lang)
                except Exception:  # a plugin rule without the usual summary
                    what = getattr(rule, "summary", "") or ""
            counts = "".join(
                f'<td class="n {f"c-{s}" if self._codes[code][s] else "zero"}">{self._codes[code][s]}</td>'
                for s in SEVERITIES
            )
            rows.append(
                f'<tr><td><code>{esc(code)}</code></td><td class="mono">{esc(name)}</td><td>{esc(what)}</td>{counts}</tr>'
            )
        head = "".join(f'<th class="n">{esc(w[s])}</th>' for s in SEVERITIES)
        return (
            f'<section class="card"><h3>{esc(w["by_rule"])}</h3>\n<table class="list rules">\n'
            f"<thead><tr><th>{esc(w['code'])}</th><th>{esc(w['rule'])}</th><th>{esc(w['what'])}</th>{head}</tr></thead>\n"
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table></section>\n"
        )


def _template_label(template: str | None, lang: str) -> str:
    if not template:
        return ""
    return TEMPLATES.get(lang, TEMPLATES["en"]).get(template, template)


# -- one report's section ----------------------------------------------------------------------------


class _Section:
    """The HTML of one file: its heading, its findings, and its text with the findings in place."""

    def __init__(
        self, fmt: HtmlFormatter, index: int, path: str, result: FileResult, view: ReportView | None
    ):
        self.fmt = fmt
        self.w = fmt.words
        self.lang = fmt.lang
        self.index = index
        self.path = path
        self.result = result
        self.view = view
        self.findings = list(result.findings)
        self.ids = {id(f): f"r{index}-f{n}" for n, f in enumerate(self.findings, start=1)}
        self.numbers = {id(f): n for n, f in enumerate(self.findings, start=1)}
        self.lines = view.text.split("\n") if view is not None and view.text else []

    def fid(self, f: Finding) -> str:
        return self.ids[id(f)]

    # pieces -----------------------------------------------------------------------------------------
    def where(self, f: Finding) -> str:
        w = self.w
        if f.line < 1 or self.view is None or not self.view.text.strip() or f.line > len(self.lines):
            text = w["whole_file"]
        else:
            text = w["at"].format(line=f.line, column=f.column)
        place = describe(f.location, self.lang)
        if place:
            text += " · " + w["in_file"].format(place=place)
        return text

    def where_html(self, f: Finding) -> str:
        return "".join(f"<span>{esc(part)}</span>" for part in self.where(f).split(" · "))

    def severity(self, s: str) -> str:
        words = SEVERITY_WORD.get(self.lang, SEVERITY_WORD["en"])
        return f'<span class="sev {esc(s)}">{esc(words.get(s, s))}</span>'

    def note(self, f: Finding) -> str:
        n = self.numbers[id(f)]
        fix = f'\n<p class="fix"><b>{esc(self.w["fix"])}</b>{esc(f.fix)}</p>' if f.fix else ""
        return (
            f'<div class="note {esc(f.severity)}" id="{self.fid(f)}" data-sev="{esc(f.severity)}" data-code="{esc(f.code)}">'
            f'<div class="nh"><a class="ref {esc(f.severity)}" href="#r{self.index}-l{n}">{n}</a>{self.severity(f.severity)}'
            f'<code>{esc(f.code)}</code><span class="mono">{esc(f.name)}</span>'
            f'<span class="where">{esc(self.where(f))}</span></div>\n'
            f'<p class="msg">{esc(f.message)}</p>{fix}</div>\n'
        )

    def ref(self, f: Finding) -> str:
        n = self.numbers[id(f)]
        return (
            f'<a class="ref {esc(f.severity)}" href="#{self.fid(f)}" data-sev="{esc(f.severity)}" '
            f'data-code="{esc(f.code)}">{n}</a>'
        )

    # the section ------------------------------------------------------------------------------------
    def render(self) -> str:
        w = self.w
        v = self.view
        out = [
            f'<section class="report" id="r{self.index}">\n<header><h2>{self.index}. {esc(self.path)}</h2>\n'
        ]
        meta = []
        if v is not None:
            for key, value in (
                ("agency", v.agency),
                ("year", v.year),
                ("template", _template_label(v.template, self.lang)),
                ("form", FORM_SHORT[self.lang].get(v.form, v.form)),
            ):
                meta.append(
                    f"<span>{esc(w[key])}：<b>{esc(value) if value else w['unknown']}</b></span>"
                    if self.lang == "zh"
                    else f"<span>{esc(w[key])}: <b>{esc(value) if value else w['unknown']}</b></span>"
                )
        if meta:
            out.append('<div class="meta">' + "".join(meta) + "</div>\n")
        out.append('</header>\n<div class="body">\n')
        if not self.findings:
            out.append(f'<p class="clean">{esc(w["clean"])}</p>\n')
        else:
            out.append(self.findings_list())
        if v is not None and v.form != "text":
            out.append(
                f'<p class="hint">{esc(w["rendered"].format(form=_spaced(FORMS[self.lang].get(v.form, v.form), self.lang)))}</p>\n'
            )
        out.append(self.text())
        out.append("</div>\n</section>\n")
        return "".join(out)

    def findings_list(self) -> str:
        w = self.w
        rows = []
        for f in self.findings:
            n = self.numbers[id(f)]
            rows.append(
                f'<tr id="r{self.index}-l{n}" data-sev="{esc(f.severity)}" data-code="{esc(f.code)}">'
                f'<td class="n"><a href="#{self.fid(f)}">{n}</a></td><td>{self.severity(f.severity)}</td>'
                f'<td><code>{esc(f.code)}</code></td><td class="at">{self.where_html(f)}</td><td>{esc(f.message)}</td></tr>'
            )
        return (
            f'<h3>{esc(w["findings"])}</h3>\n<table class="list findings">\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n"
        )

    def text(self) -> str:
        w = self.w
        v = self.view
        has_text = v is not None and bool(v.text.strip())
        out = [f"<h3>{esc(w['text'])}</h3>\n"] if has_text else []
        placed: dict[int, list[Finding]] = {}
        loose = []
        for f in self.findings:
            if has_text and 1 <= f.line <= len(self.lines):
                placed.setdefault(f.line, []).append(f)
            else:
                loose.append(f)
        if loose:
            out.append('<div class="file-notes">' + "".join(self.note(f) for f in loose) + "</div>\n")
        if v is None or not has_text:
            out.append(f'<p class="small">{esc(w["no_text"])}</p>\n')
            return "".join(out)
        marks = self._marks()
        alone = {t.line: t for t in v.tables if t.alone}
        after: dict[int, list[TableView]] = {}
        for t in v.tables:
            if not t.alone:
                after.setdefault(min(t.end_line, len(self.lines)), []).append(t)
        headings = set(v.headings)
        out.append('<div class="src">\n')
        number = 1
        total = len(self.lines)
        while number <= total:
            table = alone.get(number)
            if table is not None:
                last = min(table.end_line, total)
                inside = [f for n in range(number, last + 1) for f in placed.get(n, ())]
                raw = "".join(self._line(n, marks, headings) for n in range(number, last + 1))
                out.append(self._table(table, inside, raw))
                number = last + 1
                continue
            out.append(self._line(number, marks, headings))
            out.extend(self.note(f) for f in placed.get(number, ()))
            for t in after.get(number, ()):
                inside = [f for n in range(t.line, min(t.end_line, total) + 1) for f in placed.get(n, ())]
                out.append(self._table(t, inside, None))
            number += 1
        out.append("</div>\n")
        return "".join(out)

    # marks in the text ------------------------------------------------------------------------------
    def _marks(self) -> dict[int, list[tuple[int, int, Finding, bool]]]:
        """line -> (start, end, finding, first line of the finding) in 0-based columns of that line."""
        marks: dict[int, list[tuple[int, int, Finding, bool]]] = {}
        total = len(self.lines)
        for f in self.findings:
            if not 1 <= f.line <= total:
                continue
            last = min(max(f.end_line, f.line), total)
            for n in range(f.line, last + 1):
                text = self.lines[n - 1]
                start = max(0, f.column - 1) if n == f.line else 0
                end = (f.end_column - 1) if n == last and f.end_line == last else len(text)
                start = min(start, len(text))
                end = min(max(end, start), len(text))
                if n != f.line and end <= start:
                    continue  # a span ending at column 1 of the next line: nothing of that line
                marks.setdefault(n, []).append((start, end, f, n == f.line))
        return marks

    def _line(self, number: int, marks, headings) -> str:
        text = self.lines[number - 1]
        here = marks.get(number, ())
        body = self._marked(text, here) if here else esc(text)
        cls = "ln h" if number in headings else ("ln" if text.strip() or here else "ln e")
        return (
            f'<div class="{cls}" id="r{self.index}-L{number}"><span class="no">{number}</span>'
            f'<span class="tx">{body}</span></div>\n'
        )

    def _marked(self, text: str, here) -> str:
        cuts = {0, len(text)}
        for start, end, _, _ in here:
            cuts.update((start, end))
        points = sorted(cuts)
        # what to insert at a point: zero-width marks and the numbers after a finding's first line
        inserts: dict[int, list[str]] = {}
        for start, end, f, first in here:
            if end <= start:
                inserts.setdefault(start, []).append(
                    f'<mark class="at {esc(f.severity)}" data-f="{self.fid(f)}">‸</mark>'
                )
            if first:
                inserts.setdefault(end, []).append(self.ref(f))
        out = []
        for a, b in zip(points, points[1:] + [None]):
            if a in inserts:
                out.extend(inserts.pop(a))
            if b is None:
                break
            piece = text[a:b]
            covering = [f for start, end, f, _ in here if start <= a and b <= end and start < end]
            if covering:
                worst = _worst(f.severity for f in covering)
                ids = " ".join(self.fid(f) for f in covering)
                out.append(f'<mark class="{worst}" data-f="{ids}">{esc(piece)}</mark>')
            else:
                out.append(esc(piece))
        return "".join(out)

    # tables -----------------------------------------------------------------------------------------
    def _table(self, table: TableView, inside: list[Finding], raw: str | None) -> str:
        w = self.w
        kind = KINDS.get(self.lang, KINDS["en"]).get(table.kind, table.kind)
        cells: dict[tuple[int, int], list[Finding]] = {}
        rows: dict[int, list[Finding]] = {}
        whole: list[Finding] = []  # about the table, not one row of it
        for f in inside:
            spot = _find_cell(table, f)
            if spot is not None:
                cells.setdefault(spot, []).append(f)
                continue
            row = _find_row(table, f, by_line=table.alone)
            if row is not None:
                rows.setdefault(row, []).append(f)
            elif table.alone:
                whole.append(f)
        caption = esc(w["table"].format(kind=kind, first=table.line, last=table.end_line))
        if whole:
            caption = (
                f'<mark class="{_worst(f.severity for f in whole)}" data-f="{" ".join(self.fid(f) for f in whole)}">'
                f"{caption}</mark>" + "".join(self.ref(f) for f in whole)
            )
        out = [
            f'<div class="tbl" id="r{self.index}-t{table.line}"><div class="tcap">{caption}</div>\n'
            '<div class="tscroll">\n'
        ]
        for group in _groups(table.rows):
            out.append(self._group(table, group, cells, rows))
        out.append("</div>\n")
        if raw is not None:
            out.append(
                f'<details class="raw"><summary>{esc(w["raw"].format(first=table.line, last=table.end_line))}'
                f"</summary>\n{raw}</details>\n"
            )
            out.extend(self.note(f) for f in inside)
        out.append("</div>\n")
        return "".join(out)

    def _group(self, table: TableView, group: list[tuple[int, RowView]], cells, rows) -> str:
        columns = group[0][1].columns
        sectioned = any(r.section for _, r in group)
        out = ['<table class="data">\n']
        if columns:
            span = ' colspan="2"' if sectioned else ""
            out.append(
                f"<thead><tr><th{span}>{esc(self.w['item'])}</th>"
                + "".join(f"<th>{esc(c)}</th>" for c in columns)
                + "</tr></thead>\n"
            )
        out.append("<tbody>\n")
        runs = _runs([r.section for _, r in group])
        for position, (i, row) in enumerate(group):
            parts = ["<tr>"]
            if columns:
                found = rows.get(i, ())
                attrs = self._mark_attrs(found)
                label = esc(row.key) + "".join(self.ref(f) for f in found)
                if sectioned and row.section:
                    if position in runs:
                        parts.append(f'<th rowspan="{runs[position]}">{esc(row.section)}</th>')
                    parts.append(f"<th{attrs}>{label}</th>")
                elif sectioned:
                    parts.append(f'<th colspan="2"{attrs}>{label}</th>')
                else:
                    parts.append(f"<th{attrs}>{label}</th>")
            for j, cell in enumerate(row.cells):
                found = cells.get((i, j), ())
                status = cell.status if cell.status in ("blank", "malformed", "text") else "number"
                attrs = self._mark_attrs(found, status)
                parts.append(f"<td{attrs}>{esc(cell.text)}{''.join(self.ref(f) for f in found)}</td>")
            if columns and len(row.cells) < len(columns):
                parts.append('<td class="blank"></td>' * (len(columns) - len(row.cells)))
            parts.append("</tr>\n")
            out.append("".join(parts))
        out.append("</tbody>\n</table>\n")
        return "".join(out)

    def _mark_attrs(self, found: Iterable[Finding], cls: str = "") -> str:
        found = list(found)
        classes = [cls] if cls else []
        if found:
            classes.append(_worst(f.severity for f in found))
            ids = " ".join(self.fid(f) for f in found)
            return f' class="{" ".join(classes)}" data-f="{ids}"'
        return f' class="{cls}"' if cls else ""


def _worst(severities: Iterable[str]) -> str:
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return min(severities, key=lambda s: order.get(s, len(order)))


def _inside(pos: Pos, line: int, column: int) -> bool:
    start, end = (pos[0], pos[1]), (pos[2], pos[3])
    here = (line, column)
    return start <= here < end or (start == end == here)


def _find_cell(table: TableView, f: Finding) -> tuple[int, int] | None:
    """The cell a finding starts in (a written cell before a blank one at the same place)."""
    for written in (True, False):
        for i, row in enumerate(table.rows):
            for j, cell in enumerate(row.cells):
                if bool(cell.text) == written and _inside(cell.span, f.line, f.column):
                    return i, j
    return None


def _find_row(table: TableView, f: Finding, by_line: bool = True) -> int | None:
    """The row a finding starts in; ``by_line``: else the first row on its line."""
    best = None
    for i, row in enumerate(table.rows):
        if row.span[0] <= f.line <= max(row.span[0], row.span[2]):
            if _inside(row.span, f.line, f.column):
                return i
            if best is None and by_line:
                best = i
    return best


def _groups(rows: tuple[RowView, ...]) -> list[list[tuple[int, RowView]]]:
    """Consecutive rows with the same columns (the 第二十条 table has a header per item)."""
    groups: list[list[tuple[int, RowView]]] = []
    for i, row in enumerate(rows):
        if groups and groups[-1][-1][1].columns == row.columns:
            groups[-1].append((i, row))
        else:
            groups.append([(i, row)])
    return groups


def _runs(sections: list[str | None]) -> dict[int, int]:
    """position -> length of each run of equal, non-empty sections (for rowspan)."""
    runs: dict[int, int] = {}
    start = None
    for i, section in enumerate(sections + [None]):
        if start is not None and (section != sections[start] or i == len(sections)):
            runs[start] = i - start
            start = None
        if section and start is None and i < len(sections):
            start = i
    return runs
