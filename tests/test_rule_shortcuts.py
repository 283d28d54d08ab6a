"""The rules' shortcuts find what their plain forms find.

Work the rules do once per run or per table instead of per cell (the places of an identity's
columns, a table's cells read by position, the format evidence of a field's text), the quick
searches that let a slow date pattern skip a paragraph, and the end of the format evidence once
the expected format is seen: these tests hold each to the plain form it stands for, on the
example report and a few generated ones.
"""

from __future__ import annotations

import pytest

from conftest import SAMPLE_REPORTS
from gxlint import parse_text
from gxlint.chinese import DATE_CN, DATE_ISO
from gxlint.lint.analyses.chapters import checkable, is_report
from gxlint.lint.analyses.tables import trusted_rows, unread_tables, written_but_unread
from gxlint.read.templates import Templates, builtin
from gxlint_rules.dates import GX403_date_out_of_period as gx403
from gxlint_rules.structure._formats import evidence, format_markers
from gxlint_rules.tables._identity import _columns, row_cells


def _tables(sample_reports):
    return [t for r in sample_reports for t in r.tables if t.rows]


def test_row_cells_are_the_cells_row_cell_finds(sample_reports):
    for table in _tables(sample_reports):
        columns = sorted({c for row in table.rows for c in row.columns})
        for wanted in (columns, columns[:2], [*columns[:1], "没有的列"], []):
            places: dict = {}
            for row in table.rows:
                plain = [row.cell(c) for c in wanted]
                expected = None if any(c is None for c in plain) else plain
                assert row_cells(row, wanted, places) == expected


def test_columns_read_by_position_are_the_cells_row_cell_finds(sample_reports):
    for table in _tables(sample_reports):
        rows = trusted_rows(table)
        keys = [*list(rows)[:5], "没有的行"]
        for columns in {row.columns for row in table.rows}:
            plain = [[rows[k].cell(c) if k in rows else None for k in keys] for c in columns]
            assert _columns(rows, keys, columns) == plain
        twice = (*table.rows[0].columns[:2], table.rows[0].columns[0])
        plain = [[rows[k].cell(c) if k in rows else None for k in keys] for c in twice]
        assert _columns(rows, keys, twice) == plain


def test_the_evidence_ends_only_where_the_expected_format_is_seen(sample_reports):
    templates: Templates = builtin()
    markers = format_markers(templates)
    for table in (t for r in sample_reports for t in r.tables):
        full = evidence(table, markers)
        for template in templates.formats:
            short = evidence(table, markers, enough=template.id)
            assert (template.id in short) == (template.id in full)
            if template.id not in full:
                assert short == full


@pytest.mark.parametrize(
    "text",
    [
        "2019年7月18日，我局召开会议。",
        "于2019 年 7 月 18 日召开",
        "2019-07-18 发布；2020/1/8；2020.01.08",
        "20190-7-18 不是日期；2019年13月1日也不是",
        "网址 www.example.gov.cn/2019-07-18/a.html",
        "7月18日，没有年份；2019年7月没有日",
        "",
    ],
)
def test_the_quick_date_searches_skip_no_date(text):
    plain = sorted(m.span() for pattern in (DATE_CN, DATE_ISO) for m in pattern.finditer(text))
    found = sorted(
        m.span()
        for pattern in (DATE_CN, DATE_ISO)
        for m in pattern.finditer(text)
        if (pattern is DATE_CN and gx403._CN_DAY.search(text))
        or (pattern is DATE_ISO and gx403._ISO_DAY.search(text))
    )
    assert found == plain


def test_checkable_reads_blank_text_as_strip_does():
    for text in (
        "",
        " ",
        "\n\u3000\t",
        "\u3000示例县人民政府2021年政府信息公开工作年度报告\n",
        "# 报告\n\n正文\n",
    ):
        report = parse_text(text)
        plain = report.readable and bool(report.source.text.strip()) and is_report(report)
        assert checkable(report) == plain


def test_unread_tables_are_the_tables_written_but_unread(sample_reports):
    class Ctx:
        def __init__(self):
            self.shared: dict = {}

        def memo(self, key, factory):
            if key not in self.shared:
                self.shared[key] = factory()
            return self.shared[key]

    for report in sample_reports:
        assert unread_tables(report, Ctx()) == [t for t in report.tables if written_but_unread(t)]


def _plain_zero_totals(self, report, ctx):
    """GX205's zero totals as first written: every identity of the table's template looked up for
    every trusted row, before the rows without a number above 0 were left out."""
    from functools import partial

    from gxlint.lint.analyses.tables import identities, short_label, table_name, template_of
    from gxlint.lint.rule import Phrase
    from gxlint.model import APPLICATIONS, REVIEW_LITIGATION

    for table in report.tables:
        if table.kind not in (APPLICATIONS, REVIEW_LITIGATION) or not table.template:
            continue
        tmpl = template_of(table, ctx)
        rows = trusted_rows(table)
        name = Phrase(*table_name(table))
        for ident in (
            *identities(tmpl, "row-total", table.kind),
            *identities(tmpl, "review-litigation-total", table.kind),
        ):
            if ident.per != "row":
                continue
            left, right = ident.sides()
            if len(left) != 1:
                continue
            for row in rows.values():
                total = row.cell(left[0])
                parts = [row.cell(c) for c in right]
                where = partial(self._row_where, ctx, tmpl, table, row)
                yield from self._zero(ctx, total, list(zip(right, parts)), where, name)
        for ident in identities(tmpl, "outcome-total", table.kind):
            if ident.per != "column":
                continue
            left, right = ident.sides(tmpl)
            if len(left) != 1 or left[0] not in rows:
                continue
            for column in rows[left[0]].columns:
                total = rows[left[0]].cell(column)
                parts = [(short_label(tmpl, k), rows[k].cell(column)) for k in right if k in rows]
                where = partial(ctx.phrase, "column_total", column=column, label=short_label(tmpl, left[0]))
                yield from self._zero(ctx, total, parts, where, name)


def test_gx205_reads_only_rows_with_a_number_above_0_and_finds_what_every_row_gives(monkeypatch):
    import random

    import gxlint
    from gxlint_rules.narrative.GX205_zero_total_consistency import ZeroTotalConsistency

    rng = random.Random(7)
    texts = [path.read_text(encoding="utf-8") for path in SAMPLE_REPORTS]
    variants = []
    for text in texts:
        for _ in range(4):
            # table lines with some numbers set to 0 (zero totals beside non-zero parts)
            lines = [
                "\t".join("0" if f.strip().isdigit() and rng.random() < 0.5 else f for f in line.split("\t"))
                if "\t" in line
                else line
                for line in text.split("\n")
            ]
            variants.append("\n".join(lines))

    def found(text):
        return [
            (f.code, f.message, f.line, f.column)
            for f in gxlint.lint_text(text, config={"select": ["GX205"]})
        ]

    shortcut = [found(text) for text in variants]
    assert any(shortcut)
    monkeypatch.setattr(ZeroTotalConsistency, "_zero_totals", _plain_zero_totals)
    assert [found(text) for text in variants] == shortcut


def test_contact_paragraphs_found_at_once_are_those_holding_the_characters():
    from gxlint.lint.analyses.contact import _Within

    texts = ["联系电话：0371-1234567", "", "地址", "无", "邮编 450000\n电子邮箱：a@b.cn", "1234567", "＠"]
    within = _Within(texts)
    for chars in ("话", "址编", "@＠", "无有", "码"):
        assert within.holding(chars) == {i for i, t in enumerate(texts) if any(ch in t for ch in chars)}
    assert _Within([]).holding("话") == set()


# -- the engine's work per report, the identities' sums ---------------------------------------------


def test_a_context_made_for_each_rule_is_the_one_the_constructor_makes():
    from gxlint.lint.rule import Message, Rule, RuleContext
    from gxlint.read.templates import builtin as builtin_templates

    class Some(Rule):
        code = "ZZ901"
        name = "some"
        messages = {"m": Message(zh="甲{x}", en="a {x}", fix_zh="", fix_en="fix {x}")}

    templates = builtin_templates()
    args = dict(
        path="a.txt",
        lang="zh",
        template=templates.for_year(2021),
        templates=templates,
        organ="government",
        source_text="示例县",
        shared={},
        previous=None,
        crashes=(),
    )
    plain = RuleContext(Some(), options={"o": 1}, **args)
    first = RuleContext(Rule(), options={}, **args)  # the context of the report's first rule
    made = first._for_rule(plain.rule, {"o": 1})
    assert vars(made) == vars(plain)
    assert made.say(None, "m", x=1) == plain.finding(None, "甲1", "a 1", fix_zh="", fix_en="fix 1")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_say_shows_what_finding_shows_of_the_message_in_both_languages(lang):
    from gxlint.lint.rule import Message, Phrase, Rule, RuleContext

    class Some(Rule):
        code = "ZZ902"
        name = "some"
        messages = {
            "both": Message(zh="甲{x}{p}", en="a {x}{p}", fix_zh="改{x}", fix_en="fix {x}"),
            "empty": Message(zh="甲", en="a", fix_zh="", fix_en=""),
            "half": Message(zh="甲{p}", en="a {p}", fix_zh="", fix_en="fix"),
            "none": Message(zh="甲", en="a"),
        }

    rule = Some()
    ctx = RuleContext(rule, path="p", options={}, lang=lang, template=None, templates=None, organ=None)
    other = RuleContext(rule, path="p", options={}, lang=lang, template=None, templates=None, organ=None)
    for key, message in Some.messages.items():
        for fields in ({"x": 1, "p": Phrase("乙", "b")}, {"x": "{y}", "p": "c"}):
            fields = {k: v for k, v in fields.items() if "{" + k + "}" in message.zh + (message.fix_zh or "")}
            zh, fix_zh = message.text("zh", fields)
            en, fix_en = message.text("en", fields)
            for finding_key in (None, "k"):
                said = ctx.say(None, key, key=finding_key, **fields)
                assert said == other.finding(None, zh, en, fix_zh=fix_zh, fix_en=fix_en, key=finding_key)
            assert ctx.phrase(key, **fields) == Phrase(zh, en)


def _cells(values):
    from gxlint.model import Cell, Span

    span = Span(1, 1, 1, 2, 0, 1)
    out = []
    for v in values:
        if v == "blank":
            out.append(Cell("", span, None, "blank", "c"))
        elif v == "bad":
            out.append(Cell("1O", span, None, "malformed", "c"))
        elif v == "nil":
            out.append(Cell("", span, None, "number", "c"))
        else:
            out.append(Cell(str(v), span, v, "number", "c"))
    return out


def test_the_identities_weigh_their_sides_as_balance_does():
    import random

    from gxlint.arith import balance
    from gxlint.lint.analyses.tables import at_least
    from gxlint_rules.tables._identity import sums, weigh

    pick = random.Random(11)
    choices = [0, 1, 2, 3, 7, 2.5, 0.1, 0.2, 0.3, 10**17, "blank", "bad", "nil"]
    for _ in range(3000):
        cells = _cells(pick.choice(choices) for _ in range(pick.randint(1, 8)))
        left = pick.sample(range(len(cells)), pick.randint(0, len(cells)))
        right = [i for i in range(len(cells)) if i not in left]
        lc, rc = [cells[i] for i in left], [cells[i] for i in right]
        found = sums(cells, left, right)
        assert weigh(*found) == balance(lc, rc)
        lsum, lu, rsum, _ = found
        assert (not lu and lsum < rsum - 1e-6) == (at_least(lc, rc) == "violated")


def test_the_column_sums_are_the_sums_of_the_columns(sample_reports):
    from gxlint.arith import _known_sum
    from gxlint_rules.tables._identity import _columns, column_sums

    for table in _tables(sample_reports):
        rows = trusted_rows(table)
        keys = [*list(rows)[:5], "没有的行"]
        twice = (*table.rows[0].columns[:2], table.rows[0].columns[0])
        for columns in {*(row.columns for row in table.rows), twice, table.rows[0].columns[:-1]}:
            plain = [_known_sum(cells) for cells in _columns(rows, keys, columns)]
            total, unknown = column_sums(rows, keys, columns)
            assert list(zip(total, unknown)) == plain


def test_a_chapter_is_identified_as_the_template_identifies_it(sample_reports):
    from gxlint.lint.analyses.chapters import chapter_spec

    for template in builtin().formats:
        for report in sample_reports:
            for chapter in report.chapters:
                assert chapter_spec(template, chapter.title) == template.identify_chapter(chapter.title)


def test_holds_data_reads_each_field_as_before(sample_reports):
    import unicodedata

    from gxlint.lint.analyses.tables import _DATA_NUMBER, holds_data
    from gxlint.read.tables import is_label

    def plain(raw):
        for f in raw.fields:
            text = f.text.strip()
            if not text:
                continue
            if not is_label(text) or _DATA_NUMBER.search(unicodedata.normalize("NFKC", text)):
                return True
        return False

    for table in (t for r in sample_reports for t in r.tables):
        for raw in table.raw:
            assert holds_data(raw) == plain(raw)


def test_the_lines_shown_are_the_lines_of_the_text():
    import random

    from gxlint.finding import Finding
    from gxlint.run.runner import _lines_for

    def plain(findings, text):
        wanted = {f.line for f in findings}
        out = {}
        for number, line in enumerate(text.split("\n"), start=1):
            if number in wanted:
                out[number] = line
        return out

    pick = random.Random(5)
    for _ in range(3000):
        text = "".join(pick.choice("ab\n") for _ in range(pick.randint(0, 12)))
        findings = [
            Finding("p", pick.randint(-1, 8), 1, 1, 1, "X", "x", "error", "m")
            for _ in range(pick.randint(0, 4))
        ]
        found = _lines_for(findings, text)
        assert found == plain(findings, text) and list(found) == sorted(found)


def test_a_row_plan_places_the_cells_row_cells_finds(sample_reports):
    from gxlint_rules.tables._identity import row_plan

    for table in _tables(sample_reports):
        columns = sorted({c for row in table.rows for c in row.columns})
        wanted = [(columns, 1), (columns[:2], 1), ([*columns[:1], "没有的列"], 1), (columns[1:3], 0)]
        plans: dict = {}
        for row in table.rows:
            plan = {k: (left, right, needed) for k, left, right, needed in row_plan(row, wanted, plans)}
            for k, (wanted_columns, n) in enumerate(wanted):
                expected = row_cells(row, wanted_columns, {})
                if k not in plan or len(row.cells) < plan[k][2]:
                    assert expected is None
                    continue
                left, right, _ = plan[k]
                assert [row.cells[i] for i in left + right] == expected
                assert len(left) == n
