from __future__ import annotations

from gxlint.lint.rule import Rule
from gxlint.model import Span


class UnreadableInput(Rule):
    """The file cannot be read, or only in part.

    gxlint reads Word files (.docx), web pages (.html), PDF and text; text in UTF-8 (with or
    without a byte-order mark), UTF-16 with a byte-order mark, and the Chinese legacy encodings
    GB18030/GBK and Big5 (detected with charset-normalizer).  What cannot be read at all is
    reported here and not checked further: a binary file of no form gxlint reads (an old .doc or
    .wps, an image, NUL bytes), a file in no recognisable encoding, a damaged, encrypted or scanned
    PDF, a damaged Word file, a directory, a missing or unreadable file, a file over the size limit.
    What is read only in part is reported here too, and the rest of the file is still checked: a
    UTF-8 file with a few damaged bytes (at the first of them), PDF pages with no text (scanned) or
    with text that could not all be extracted (set sideways, or in a font that neither the file nor
    the machine has), characters whose font maps them to no text.

    Anti-pattern::

        (a scanned PDF, or the report saved by an old Word as .doc)

    Best practice::

        (the .docx the report was written in, the PDF exported from it, or the published web page)
    """

    code = "GX001"
    name = "unreadable-input"
    needs_text = False  # also said of a file with no text
    severity = "error"
    summary = (
        "the file cannot be read, or only in part (damaged, encrypted, scanned, binary, unknown encoding)"
    )
    summary_zh = "文件无法读取或只能读取一部分（文件损坏、加密、扫描件、二进制文件、编码无法识别）"
    doc_zh = """文件无法读取，或只能读取一部分。

    gxlint 可读取 Word 文件（.docx）、网页（.html）、PDF 和文本；文本可以是 UTF-8（带或不带 BOM）、
    带 BOM 的 UTF-16，以及 GB18030/GBK、Big5 等中文编码（由 charset-normalizer 识别）。完全无法读取的
    文件在此报告且不再继续检查：gxlint 不能读取的二进制文件（旧版 .doc、.wps、图片、含 NUL 字节）、
    无法识别编码的文件、损坏、加密或扫描的 PDF、损坏的 Word 文件、目录、不存在或无权读取的文件、
    超过大小上限的文件。只能读取一部分的文件也在此报告，其余内容照常检查：含少量损坏字节的 UTF-8
    文件（报告第一处的位置）、没有文字的 PDF 页（扫描件）或文字未能全部提取的 PDF 页（旋转排版，或所用
    字体既没有嵌入文件、本机也没有）、字体没有文字映射的字符。"""

    def check(self, report, ctx):
        for problem in report.source.problems:
            span = Span(problem.line, problem.column, problem.line, problem.column + 1)
            yield ctx.finding(span, zh=problem.message_zh, en=problem.message_en, key=problem.message_en)
