"""GX108 report-cut-off: the text stops in mid-report; the chapters, tables and signature after that
point are missing."""

from __future__ import annotations

from gxlint.lint.analyses.chapters import chapter_template, cutoff, numbered, tables_template
from gxlint.lint.analyses.tables import kind_name
from gxlint.lint.rule import Message, Rule, place

from ._common import LENIENT_UNTIL, joined, relaxed_severity, table_name


class ReportCutOff(Rule):
    """The text stops in the middle of the report.

    A report saved from a web page that was only partly stored, or extracted from a document that
    lost its last pages, stops in mid-report: in the middle of a table, in mid-sentence, or right
    after a chapter heading, with the chapters after that point and the closing signature all
    absent.  That is one problem, reported once at the last characters of the text (“the report
    stops after line N”), naming what is lost: the chapters, the template tables and the
    signature.  GX101 (missing chapter), GX104 (missing table) and GX405 (missing signature) do
    not report these one by one, whether or not this rule is enabled; nor do GX207 and GX208 the
    cells of the table row the text stops in (written up to a cell and blank after it: ``1&`` of
    a web page cut inside ``1&nbsp;``).

    A text counts as cut off only when three signs agree: it ends in the middle of something (a
    template table short of its last row, such as an applications table without
    四、结转下年度继续办理; a last sentence without closing punctuation; or a chapter heading with
    nothing under it); the template's chapters after the last one in the text are all absent; and
    there is no closing signature.  A report that lacks its last chapters but ends with a full
    sentence is reported by GX101.  A text that ends at a scanned page of a PDF (a page with no
    text of its own: the last pages scanned, with the signature and seal) is a warning instead:
    what should follow was not checked, and may be in the picture.  Findings are warnings for 2019 reports; reports for 2018 and
    earlier predate the unified format and are not judged by its chapters (GX109).

    Anti-pattern::

        一、总体情况
        本年度政府信息公开工作有序开展。
        二、主动公开政府信息情况
        本年度主动公开政府信息1200条，其中通过门户网站公开

    Best practice::

        五、存在的主要问题及改进情况
        栏目更新不够及时，下一步建立季度自查制度。
        六、其他需要报告的事项
        本年度未收取信息处理费。

        示例县教育局
        2022年1月20日
    """

    code = "GX108"
    name = "report-cut-off"
    severity = "error"
    relaxed_until = LENIENT_UNTIL
    summary = "the text stops in mid-report; the chapters, tables and signature after that point are missing"
    summary_zh = "报告文本中途中断，其后的章节、表格和落款缺失"
    doc_zh = """报告文本中途中断。

    从只保存了一部分的网页复制、或从丢了最后几页的文件中提取的报告，会在中途中断：停在表格
    中间、半句话，或者章节标题之后，中断处之后的章节和落款全都没有。这是一个问题，只在文本
    最后几个字处报告一条（“报告在第 N 行后中断”），并列出缺失的章节、模板表格和落款。无论
    本规则是否启用，GX101（缺少章节）、GX104（缺少表格）和 GX405（缺少落款）都不再逐一报告
    这些缺失；文本中断处的那一行表格（写到某一格、其后空白，如网页在“1&nbsp;”中间中断留下的
    “1&”）中的单元格，GX207、GX208 也不报告。

    只有三个迹象同时成立才算中断：文本停在某处中间（模板表格没有写到最后一行，如申请情况表
    缺少“四、结转下年度继续办理”；最后一句没有句末标点；或者章节标题之下没有内容）；模板中位于
    文本最后一个章节之后的部分全部缺失；没有落款。缺少最后几个部分、但以完整句子结尾的报告
    由 GX101 报告。文本止于 PDF 中的扫描页（该页没有文字：最后几页是扫描件，含落款和印章）的，以警告说明其后应有的
    内容无法检查（可能在图片中）。2019 年度报告降为警告；2018 年度及以前的报告早于统一格式，不按其章节检查
    （见 GX109）。"""
    spec = "chapters"

    messages = {
        "cut_off": Message(
            zh="报告在{place}后中断：{how}；其后应有的内容都没有：{lost}（不再逐一报告）",
            en="the report stops after {place}: {how}; what should follow is missing: {lost} "
            "(not reported one by one)",
            fix_zh="核对原文件或网页是否完整，补全中断处之后的内容和落款",
            fix_en="check that the file or page is complete and restore the text after this point, with the "
            "closing signature",
        ),
        # {how}: where the text stops (CutOff.how)
        # the text ends at a picture (a scanned last page): not missing, only not checked
        "cut_picture": Message(
            zh="报告的文字在{place}的一张图片处结束（可能是扫描页）：图片中的内容无法读取，其后应有的内容都无法检查："
            "{lost}（不再逐一报告）",
            en="the report's text ends at a picture on {place} (a scanned page, perhaps): what it holds cannot "
            "be read, and what should follow could not be checked: {lost} (not reported one by one)",
            fix_zh="以文字（而不是图片）发布报告的全部内容；核对图片中是否有这些内容",
            fix_en="publish the whole report as text, not as a picture; check that the picture holds these parts",
        ),
        "table": Message(
            zh="文本止于{table}中间（最后一行为“{last}”）",
            en="the text ends in the middle of the {table} (its last row reads “{last}”)",
        ),
        "heading": Message(
            zh="文本止于章节标题“{last}”，其下没有内容",
            en="the text ends with the heading “{last}”, with nothing under it",
        ),
        "sentence": Message(zh="文本止于半句话（“{last}”）", en="the text ends in mid-sentence (“{last}”)"),
        # {lost}: the chapters, the tables and the signature
        "lost_chapter": Message(zh="{chapters}", en="chapter {chapters}"),
        "lost_chapters": Message(zh="{chapters}", en="chapters {chapters}"),
        "chapter": Message(zh="“{chapter}”", en="“{chapter}”"),
        "lost_table": Message(zh="{table}", en="the {table}"),
        "lost_signature": Message(zh="落款", en="the closing signature"),
    }

    def check(self, report, ctx):
        cut = cutoff(report, ctx)
        if cut is None:
            return
        tables = tables_template(report, ctx, chapter_template(report, ctx))
        chapters = joined((ctx.phrase("chapter", chapter=numbered(c)) for c in cut.chapters), "", ", ")
        lost = [ctx.phrase("lost_chapter" if len(cut.chapters) == 1 else "lost_chapters", chapters=chapters)]
        lost.extend(ctx.phrase("lost_table", table=table_name(kind, tables)) for kind in cut.tables)
        lost.append(ctx.phrase("lost_signature"))
        at = {"place": place(report, cut.span), "lost": joined(lost, "；", "; "), "key": "cut-off"}
        if cut.how == "picture":
            yield ctx.say(cut.span, "cut_picture", severity="warning", **at)
            return
        if cut.how == "table":
            how = ctx.phrase("table", table=kind_name(cut.table.kind), last=cut.last)
        else:
            how = ctx.phrase(cut.how, last=cut.last)  # "heading" or "sentence"
        yield ctx.say(cut.span, "cut_off", how=how, severity=relaxed_severity(self, report), **at)
