"""GX212 label-variant: a table label read only after correcting it (a typo, a variant, another format's label)."""

from __future__ import annotations

from gxlint.lint.analyses.tables import label_words, table_name, template_tables
from gxlint.lint.rule import Message, Phrase, Rule
from gxlint.model import Note

from ._naming import NOTHING


def _labels_of(template) -> frozenset[str]:
    """Every row, column and caption label of a template's tables, as label keys."""
    keys = set(template.label_keys)
    for text in (*template.app_columns, *template.rl_columns, *template.rl_blocks):
        keys.add(label_words(text))
    return frozenset(keys)


class LabelVariant(Rule):
    """A row or column label the reader read as the template's only after correcting it.

    The reader tolerates spacing, width and punctuation, but some labels it matches only after
    correcting a known variant or typo (社会组织 for 社会公益组织, 内容事务 for 内部事务, a label
    cut short such as 本年增/), by its ending (规范性文件 for 行政规范性文件), or -- a numbered row or
    group of the applications table -- by its number and all but one character (5.属于三类内部事物信息
    for 5.属于三类内部事务信息: a character mistyped, added or left out; in a label of fewer than six
    characters only a character mistyped, in place: 3.其它, （四）无法提共).  It reads the numbers
    all the same, and says so here rather than in silence: the published table should carry the
    template's labels.  One finding per label and table, with the number of places.  These are
    infos, except a label that belongs to another format's table -- 规范性文件 (2019 format) in a
    2021 table -- which is a warning: the table mixes two formats.  Labels broken over two lines by
    a page break are the extraction's doing, not the writer's, and are not reported.

    Anti-pattern::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        规范性文件	2	1	15

    Best practice::

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	2	1	15
    """

    code = "GX212"
    name = "label-variant"
    severity = "info"
    summary = "a table label read only after correcting it (a typo, a variant, another format's label)"
    summary_zh = "表格的行名或列名经纠正后才能识别（错字、变体写法、另一格式的写法）"
    spec = "tables"
    doc_zh = """读取表格时，宽度、空格和标点的差异都可以容忍，但有些行名或列名要纠正已知的变体或错字
    （“社会组织”应为“社会公益组织”，“内容事务”应为“内部事务”，被截断的“本年增/”），或按词尾
    （“规范性文件”对应“行政规范性文件”），或（申请情况表中带序号的行和分组）按序号及除一个字以外
    的全部文字（“5.属于三类内部事物信息”对应“5.属于三类内部事务信息”：错、多或少一个字；不足六个字
    的行名只认错一个字，如“3.其它”“（四）无法提共”）才能与模板对上。数字照常读取，并在此说明，而不是悄悄纠正：
    公开的表格应使用模板的行名和列名。每张表中同一写法报告一次，并注明出现的次数。这类问题为提示，
    但另一格式的写法（如 2021 年格式的表中使用 2019 年格式的“规范性文件”）为警告：表格混用了两种
    格式。分页造成的行名断行是文本提取的结果，不是撰写者的问题，不在此报告。"""

    messages = {
        "variant": Message(
            zh="{table}：{variant}{times}；请使用模板的写法",
            en="{table}: {variant}{times}; use the template's label",
            fix_zh="改用模板的写法",
            fix_en="use the template's label",
        ),
        "other_format": Message(
            zh="{table}：{variant}{times}；“{written}”是{other}的写法，本表是{own}的表格",
            en="{table}: {variant}{times}; “{written}” is the label of {other}, and this table is in {own}",
            fix_zh="改用{own}的写法",
            fix_en="use the label of {own}",
        ),
        "times": Message(zh="（共 {n} 处）", en=" ({n} places)"),
        # a format by its year (a space before the year inside a Chinese sentence: 是 2019 年格式)
        "format_year": Message(zh=" {year} 年格式", en="the {year} format"),
    }

    def check(self, report, ctx):
        text = report.source.text
        for table in template_tables(report):
            own = ctx.templates.get(table.template) if ctx.templates is not None else None
            name = table_name(table)
            groups: dict[str, list[Note]] = {}
            for note in table.notes:
                if note.kind == "label-variant":
                    groups.setdefault(note.zh, []).append(note)
            for zh, notes in groups.items():
                first = notes[0]
                written = text[first.span.start : first.span.end].strip()
                other = self._other_format(ctx, own, written)
                fields = dict(
                    table=name,
                    variant=Phrase(zh, first.en),
                    times=ctx.phrase("times", n=len(notes)) if len(notes) > 1 else NOTHING,
                )
                if other is not None and own is not None:
                    yield ctx.say(
                        first.span,
                        "other_format",
                        written=written,
                        other=self._format(ctx, other),
                        own=self._format(ctx, own),
                        severity="warning",
                        key=f"{table.kind}\x00{zh}",
                        **fields,
                    )
                else:
                    yield ctx.say(first.span, "variant", key=f"{table.kind}\x00{zh}", **fields)

    @staticmethod
    def _format(ctx, template) -> Phrase:
        """A format as a message names it: the 2021 format, or the template's own name."""
        tid = str(template.id)
        if tid.isdigit():
            return ctx.phrase("format_year", year=tid)
        name = template.name
        return Phrase(f" {name}" if name[:1].isdigit() else name, name)

    @staticmethod
    def _other_format(ctx, own, written: str):
        """The format whose table has ``written`` as a label while the table's own format does not."""
        if own is None or ctx.templates is None or not written:
            return None
        k = label_words(written)
        if not k or k in _labels_of(own):
            return None
        for template in reversed(ctx.templates.formats):
            if template.id != own.id and k in _labels_of(template):
                return template
        return None
