from __future__ import annotations

from gxlint.lint.rule import Rule
from gxlint.model import Span


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
    needs_text = False  # also said of a file with no text
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
            yield ctx.finding(span, zh=problem.message_zh, en=problem.message_en, key=problem.message_en)
