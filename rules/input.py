"""GX0xx: can the file be read at all, and is it a report."""

from __future__ import annotations

from gxlint.model import Span
from gxlint.read.tables import KIND_NAMES
from gxlint.rule import Rule

from ._tables import holds_data, short_label, template_of, unreadable_notes, written_but_unread

_TEMPLATE_KINDS = ("active_disclosure", "applications", "review_litigation", "legacy_statistics")


class UnreadableInput(Rule):
    """The file cannot be read or decoded.

    gxlint reads UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and the
    Chinese legacy encodings GB18030/GBK and Big5 (detected with charset-normalizer).  A binary
    file (it contains NUL bytes), a file in no recognisable encoding, a directory, a missing or
    unreadable file, or one over the size limit is reported here and not checked further.  A
    UTF-8 file with a few damaged bytes is reported here too, with the position of the first
    one, and the rest of it is still checked.

    Anti-pattern::

        (a PDF or Word file given instead of its extracted text)

    Best practice::

        (the report's text, saved as UTF-8)
    """

    code = "GX001"
    name = "unreadable-input"
    severity = "error"
    summary = "the file cannot be read or decoded (binary, NUL bytes, unknown encoding)"
    summary_zh = "文件无法读取或解码（二进制文件、含 NUL 字节、编码无法识别）"
    doc_zh = """文件无法读取或解码。

    gxlint 可读取 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16，以及 GB18030/GBK、Big5 等中文编码
    （由 charset-normalizer 识别）。二进制文件（含 NUL 字节）、无法识别编码的文件、目录、
    不存在或无权读取的文件、超过大小上限的文件，都在此报告且不再继续检查。UTF-8 文件中若只有
    少量损坏字节，也在此报告第一处的位置，其余内容照常检查。"""

    def check(self, report, ctx):
        for problem in report.source.problems:
            span = Span(problem.line, problem.column, problem.line, problem.column + 1)
            yield ctx.finding(span, zh=problem.message_zh, en=problem.message_en,
                              key=problem.message_en)


class NotAReport(Rule):
    """No annual-report structure is recognised at all.

    The file was read, but it has no chapter heading (一、…), no template table and no title
    that mentions 报告: it is empty, whitespace only, or some other document.  Nothing else is
    checked on such a file, so that one wrong file does not bury the output in findings.

    Anti-pattern::

        会议纪要
        今天讨论了三件事。

    Best practice::

        示例县人民政府办公室2021年政府信息公开工作年度报告
        一、总体情况
        ……
    """

    code = "GX002"
    name = "not-a-report"
    severity = "error"
    summary = "no annual-report structure recognised at all"
    summary_zh = "未识别出任何年度报告结构"
    doc_zh = """文件可以读取，但既没有章节标题（一、……），也没有模板表格，标题中也没有“报告”字样：
    它是空文件、只有空白，或者是别的文档。对这样的文件不再做其他检查，以免一个放错的文件
    淹没全部输出。"""

    def check(self, report, ctx):
        if not report.readable:
            return
        text = report.source.text
        if not text.strip():
            yield ctx.finding(Span(1, 1, 1, 1), zh="文件为空（或只有空白），不是年度报告",
                              en="the file is empty (or whitespace only): not an annual report")
            return
        if is_report(report):
            return
        yield ctx.finding(Span(1, 1, 1, 1),
                          zh="未识别出年度报告的结构：没有“一、总体情况”等章节标题，没有模板表格，标题也未提及“年度报告”",
                          en="no annual-report structure found: no chapter headings such as 一、总体情况, "
                             "no template tables, and no title mentioning 年度报告")


def is_report(report) -> bool:
    """Whether a readable report has any recognisable annual-report structure."""
    if report.chapters:
        return True
    if any(t.kind in _TEMPLATE_KINDS for t in report.tables):
        return True
    title = report.title or ""
    return "报告" in title


class TableUnreadable(Rule):
    """A template table is present, but some of its cells cannot be placed in columns unambiguously.

    This happens when a row has a different number of cells than the template's columns and the
    surplus or missing cells could belong to more than one column, or when a web page ran a row's
    digits together (``693665``) and more than one split is possible.  gxlint does not guess: the
    arithmetic rules stay silent on such rows.  Write the table with one cell per column.

    One finding per table, on the first row that cannot be read, naming every such row: a crawled
    page whose rows all ran together gets one finding, not one per row.  A table with numbers
    written in it of which no row can be read at all (the 复议/诉讼 data row under a label the
    template does not have, such as 合计; rows run into one cell) is reported here too, once, and
    is not also "a table without a data row" (GX209).  What this rule reports is not reported again:
    the cells of these rows are not blank cells (GX208).

    Anti-pattern::

        行政规范性文件693665

    Best practice::

        行政规范性文件	69	3	665
    """

    code = "GX003"
    name = "table-unreadable"
    severity = "warning"
    summary = "a template table's cells cannot be aligned or separated unambiguously"
    summary_zh = "模板表格的单元格无法唯一对齐或拆分"
    doc_zh = """模板表格存在，但部分单元格无法唯一地对应到各列：某行的单元格数与模板列数不同且
    多出或缺少的单元格可能属于不同的列；或网页把一行数字连在一起（如 ``693665``）而拆分方式
    不止一种。gxlint 不做猜测：这些行不参与算术检查。请按模板每列一个单元格填写。

    每张表只报告一次，位于第一处无法读取的行，并列出所有这样的行：网页中整张表的数字都连写
    在一起时只有一条，而不是每行一条。表中写有数字、却没有一行能按模板读出（如复议诉讼表的
    数据行用了模板没有的行名“合计”，或各行挤在同一个单元格中）的，也在此报告一次，不再报告为
    “没有数据行”（GX209）。这里报告的内容不再重复报告：这些行的单元格不算空白单元格（GX208）。"""

    def check(self, report, ctx):
        for table in report.tables:
            name_zh, name_en = KIND_NAMES.get(table.kind, (table.kind, table.kind))
            if written_but_unread(table):
                raw = next(r for r in table.raw if holds_data(r))
                yield ctx.finding(
                    raw.span,
                    zh=f"{name_zh}写有数字，但没有一行能按模板读出（行名不是模板中的行名，或各行挤在同一个单元格中）；"
                       f"本表不参与算术检查",
                    en=f"{name_en}: numbers are written, but no row can be read against the template (row labels "
                       f"that are not the template's, or rows run into one cell); the table is left out of the "
                       f"arithmetic checks",
                    fix_zh="按模板的行名逐行填写，每列一个数字", fix_en="write each row under the template's label, one number per column")
                continue
            notes = unreadable_notes(table)
            from .structure import cutoff  # structure imports this module: import at use

            cut = cutoff(report, ctx)
            if cut is not None and cut.table is table and table.raw and not table.raw[-1].run_together:
                # the row the text stops in is short because the text stops: GX108 says so (digits
                # run together are whole, only ambiguous: that stays a GX003)
                last = table.raw[-1].span
                notes = [n for n in notes if not (last.start <= n.span.start <= last.end)]
            if not notes:
                continue
            first = notes[0]
            if len(notes) == 1:
                yield ctx.finding(first.span, zh=f"{name_zh}：{first.zh}；该行不参与算术检查",
                                  en=f"{name_en}: {first.en}; the row is left out of the arithmetic checks",
                                  fix_zh="每列填写一个数字，用制表符分隔", fix_en="write one number per column, tab-separated")
                continue
            names = [_row_name(report, ctx, table, n) for n in notes]
            yield ctx.finding(
                first.span,
                zh=f"{name_zh}有 {len(notes)} 行无法唯一确定各数对应的列：{'、'.join(z for z, _ in names)}；"
                   f"第一处：{first.zh}；这些行不参与算术检查",
                en=f"{name_en}: {len(notes)} rows whose numbers cannot be placed in columns unambiguously: "
                   f"{', '.join(e for _, e in names)}; the first: {first.en}; these rows are left out of the "
                   f"arithmetic checks",
                fix_zh="每列填写一个数字，用制表符分隔", fix_en="write one number per column, tab-separated",
                key=f"{table.kind}\x00unreadable\x00{len(notes)}")


def _row_name(report, ctx, table, note) -> tuple[str, str]:
    """The row a note is about, as a message names it: its template label, else its first field."""
    for row in table.rows:
        if row.span.start == note.span.start:
            if table.kind == "review_litigation":
                return "数据行", "the data row"
            label = short_label(template_of(table, ctx), row.key) if table.kind == "applications" else row.key
            return f"“{label}”", f"“{label}”"
    for raw in table.raw:
        if raw.span.start == note.span.start:
            text = next((f.text.strip() for f in raw.fields if f.text.strip()), "")
            if text and len(text) <= 30:
                return f"“{text}”", f"“{text}”"
    return f"第 {note.span.line} 行", f"line {note.span.line}"
