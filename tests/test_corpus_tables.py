"""The table and narrative rules (GX201-GX212) on the real reports (issue 4 "Proof", corpus/EXPECTED.md),
on the clean fixtures, and on fictional defect fixtures (tests/fixtures/defects/)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from gxlint.plugins import discovery as plugins_mod
from gxlint.run.linter import Linter
from gxlint.plugins.hookspecs import hookimpl
from gxlint.read.templates import builtin_raw
from conftest import EXAMPLE, FIXTURES, PINGTAN_2018, PINGTAN_2021, SEED_000, SEED_002, SHANGHAI, shared

OURS = (
    "GX201",
    "GX202",
    "GX203",
    "GX204",
    "GX205",
    "GX206",
    "GX207",
    "GX208",
    "GX209",
    "GX210",
    "GX211",
    "GX212",
)
ARITHMETIC = ("GX201", "GX202", "GX203", "GX204", "GX205", "GX211")
DEFECTS = FIXTURES / "defects"


def lint(path: Path, lang: str = "zh", linter: Linter | None = None):
    linter = linter or Linter(overrides={"select": list(OURS), "lang": lang}, isolated=True)
    return linter.lint_path(str(path))


def codes(findings, code: str):
    return [f for f in findings if f.code == code]


def by_line(findings, code: str):
    return sorted(f.line for f in findings if f.code == code)


# -- seed 000 ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed000():
    return lint(shared(SEED_000))


def test_seed000_malformed_00_cell(seed000):
    [f] = codes(seed000, "GX207")
    assert (f.line, f.column, f.end_column) == (106, 5, 7)
    assert "“行政复议”栏“其他结果”列的“00”" in f.message


def test_seed000_sixteen_cell_row(seed000):
    [f] = codes(seed000, "GX210")
    assert f.line == 106 and "16" in f.message and "15" in f.message


def test_seed000_blank_applicant_cells_one_finding_for_the_table(seed000):
    # rows 一 and 二 are complete; every outcome row and 四 fill only 总计 (lines 78-99, 89 is blank)
    [f] = codes(seed000, "GX208")
    assert (f.line, f.column) == (
        78,
        20,
    )  # the first blank cell, after the label 三、本年度办理结果\t(一) 予以公开\t
    assert (
        "有 126 个单元格空白，分布在“（一）予以公开”至“四”共 21 行，"
        "涉及自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他列"
    ) in f.message


def test_seed000_blank_cells_per_row_with_the_option():
    linter = Linter(
        overrides={"select": ["GX208"], "lang": "zh", "options": {"GX208": {"per-row": True}}}, isolated=True
    )
    found = lint(shared(SEED_000), linter=linter)
    assert by_line(found, "GX208") == [n for n in range(78, 100) if n != 89]
    assert all(
        "6 个单元格空白：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他" in f.message
        for f in found
    )
    # the carets are on the blank cells, never on the row label: each row's label ends before its caret
    lines = shared(SEED_000).read_text(encoding="utf-8").split("\n")
    for f in found:
        label_end = len(lines[f.line - 1].rstrip("\t0").rstrip("\t"))
        assert f.column > label_end, (f.line, f.column, label_end)


def test_seed000_label_variant_is_reported_not_silent(seed000):
    [f] = codes(seed000, "GX212")
    assert (f.line, f.severity) == (75, "info") and "“社会组织”按模板“社会公益组织”读取" in f.message


def test_seed000_nothing_else(seed000):
    assert {f.code for f in seed000} == {"GX207", "GX208", "GX210", "GX212"}


# -- seed 002 ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed002():
    return lint(shared(SEED_002))


def test_seed002_review_table_without_data_row(seed002):
    [f] = codes(seed002, "GX209")
    assert f.line == 109 and "没有数据行" in f.message


def test_seed002_on_request_70_against_an_all_zero_table(seed002):
    """Line 11's 依…申请公开 70 件 is rejoined across the page break; reported where the number is."""
    found = codes(seed002, "GX206") + codes(seed002, "GX205")
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column) == (15, 6)
    assert "依申请公开 70 件" in f.message and "均为 0" in f.message


def test_seed002_no_arithmetic_findings(seed002):
    assert not [f for f in seed002 if f.code in ("GX201", "GX202", "GX203", "GX204", "GX211")]


# -- shanghai 2019 ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shanghai():
    return lint(shared(SHANGHAI))


def _against_tables(findings):
    """GX206's text-against-table findings (a stated percentage checked against its base is another)."""
    return [f for f in codes(findings, "GX206") if "比例" not in f.message]


def test_shanghai_narrative_mismatches(shanghai):
    found = _against_tables(shanghai)
    assert [f.line for f in found] == [14, 14, 14]
    text = " | ".join(f.message for f in found)
    assert "予以公开及部分公开258件" in text and "至少为 275" in text
    assert "无法提供265件" in text and "至少为 337" in text
    assert "均获维持" in text and "“行政复议”栏尚未审结 2 件" in text and "尚未审结 1 件" in text


def test_shanghai_correct_numbers_are_not_flagged(shanghai):
    text = " | ".join(f.message for f in shanghai if f.code != "GX206" or f in _against_tables(shanghai))
    for correct in ("不予公开35件", "不予处理158件", "859", "805", "72件", "18件", "行政复议7件", "诉讼9件"):
        assert correct not in text, correct
    assert not [f for f in shanghai if f.code in ARITHMETIC]


def test_shanghai_blank_cells_and_no_sum_on_blank_totals(shanghai):
    applications, review = codes(shanghai, "GX208")
    assert (applications.line, applications.column) == (50, 25)  # 科研机构 of row 一, its first blank cell
    assert (
        "有 126 个单元格空白，分布在“一”至“四”共 23 行，涉及全部 7 列，其中 8 行整行空白"
        in applications.message
    )
    assert review.line == 77 and "“行政复议”至“行政诉讼（复议后起诉）”共 3 栏" in review.message
    assert not codes(shanghai, "GX202") and not codes(shanghai, "GX203")


def test_shanghai_blank_totals_per_row_with_the_option():
    """With ``per-row: true`` every outcome row names its blank 总计 (or is wholly blank)."""
    linter = Linter(
        overrides={"select": ["GX208"], "lang": "zh", "options": {"GX208": {"per-row": True}}}, isolated=True
    )
    found = lint(shared(SHANGHAI), linter=linter)
    assert by_line(found, "GX208") == sorted([*range(50, 73), 77, 77, 77])
    outcome = [f for f in found if f.line in range(52, 71)]
    assert all("总计" in f.message or "整行空白" in f.message for f in outcome)


def test_shanghai_money_with_unit_is_a_number(shanghai):
    assert not codes(shanghai, "GX207")


# -- pingtan -----------------------------------------------------------------------------------------


def test_pingtan_2021_consistent_text_and_tables():
    found = lint(shared(PINGTAN_2021))
    assert found == [], [f"{f.line}:{f.column} {f.code} {f.message}" for f in found]


def test_pingtan_2018_legacy_has_no_table_findings():
    assert lint(shared(PINGTAN_2018)) == []


# -- clean fixtures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        EXAMPLE,
        FIXTURES / "shili-2021-cells.txt",
        FIXTURES / "shili-2021-inline.txt",
        FIXTURES / "shili-2021-pipes.md",
    ],
    ids=lambda p: p.name,
)
def test_clean_fixtures_give_none_of_these_findings(path):
    assert lint(path) == []


def test_captions_on_lines_of_their_own_over_markdown_tables_head_them(tmp_path):
    # 第二十条第（一）项 as a plain line above its Markdown table (a blank line between, or none):
    # the caption stood alone as a table with a header and no data row (four false GX209)
    text = (FIXTURES / "shili-2021-pipes.md").read_text(encoding="utf-8")
    lines = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| 第二十条") and not any(cells[1:]):
            lines += ["", cells[0], ""]
        elif set(line) <= set("|-") and line:
            continue  # the separator under the caption row: one comes under the header instead
        else:
            lines.append(line)
            if line.startswith("| 信息内容 "):
                lines.append("|" + "---|" * (line.count("|") - 1))
    changed = "\n".join(lines)
    assert "\n第二十条第（一）项\n\n| 信息内容 | 本年制发件数 |" in changed
    for blank_line in ("\n\n", "\n"):
        path = tmp_path / "captions.md"
        path.write_text(changed.replace("项\n\n|", "项" + blank_line + "|"), encoding="utf-8")
        assert lint(path) == []


def test_quirks_fixture_gives_only_its_deliberate_quirks():
    found = lint(FIXTURES / "shili-2019-quirks.txt")
    assert {f.code for f in found} == {"GX207", "GX208", "GX210", "GX212"}
    [malformed] = codes(found, "GX207")
    assert malformed.line == 80 and "“00”" in malformed.message
    assert by_line(found, "GX210") == [80]
    # the blank applicant cells of the outcome rows (only 总计 written): one finding for the table
    [blank] = codes(found, "GX208")
    assert blank.line == 48 and "共 21 行" in blank.message
    assert by_line(found, "GX212") == [45]  # 社会组织 for 社会公益组织
    per_row = Linter(overrides={"select": ["GX208"], "options": {"GX208": {"per-row": True}}}, isolated=True)
    assert by_line(lint(FIXTURES / "shili-2019-quirks.txt", linter=per_row), "GX208") == [
        48,
        49,
        52,
        53,
        54,
        55,
        56,
        57,
        58,
        59,
        60,
        62,
        63,
        64,
        67,
        68,
        69,
        70,
        71,
        72,
        73,
    ]


# -- fictional defects ---------------------------------------------------------------------------


def test_unbalanced_2021_table():
    """One wrong cell (四, 自然人 3 for 1, carried into its 总计) is one finding, naming both columns' numbers."""
    found = lint(DEFECTS / "shili-2021-unbalanced.txt")
    assert [(f.code, f.line) for f in found] == [
        ("GX201", 67)
    ]  # on 四, not on （七）总计, which the outcome rows confirm
    assert "“自然人”列：一（12）+ 二（1）≠ 三（七）总计（12）+ 四（3）" in found[0].message
    assert "“总计”列因此也不平衡（一 + 二为 17，三（七）总计 + 四为 19）" in found[0].message


def test_wrong_row_total():
    found = lint(DEFECTS / "shili-2021-row-total.txt")
    # one wrong cell, one finding: the 总计 column's （七）总计 sum it breaks is said in it (was GX203 too)
    assert [(f.code, f.line) for f in found] == [("GX202", 55)]
    assert "总计（6）≠ 自然人（3）+ 商业企业（1）" in found[0].message
    assert found[0].column == 37  # on the 总计 cell
    assert "“总计”列也因此不平衡（三（七）总计 = 各项办理结果之和）" in found[0].message


def test_text_against_tables():
    found = lint(DEFECTS / "shili-2021-narrative.txt")
    assert {f.code for f in found} == {"GX206"}
    messages = [f.message for f in found]
    assert any("制发行政规范性文件4件" in m and "本年制发件数”为 2" in m for m in messages)
    assert any("收到政府信息公开申请20件" in m and "“一”为 16；“一 + 二”为 17" in m for m in messages)
    assert any("不予处理3件" in m for m in messages)
    assert any("均获维持" in m and "尚未审结 1 件" in m for m in messages)
    assert len(found) == 4  # 予以公开7件, 部分公开1件, 不予公开1件, 无法提供5件, 已办结15件 … agree


def test_2019_single_other_row_and_text_saying_none():
    found = lint(DEFECTS / "shili-2019-other-row.txt")
    assert [(f.code, f.line) for f in found] == [("GX205", 13)]
    assert "未收到政府信息公开申请" in found[0].message and "为 4 件" in found[0].message


def test_2019_tables_in_a_2021_report_keep_the_single_other_row():
    # every table in the 2019 format: the applications table too, by its （六）其他处理 row with
    # data, where its labels common to both formats left it to the report's year (2021) and the
    # row was dropped as a 2019 row in a 2021 table
    text = (DEFECTS / "shili-2019-other-row.txt").read_text(encoding="utf-8")
    text = text.replace("2020年1月20日", "2022年1月20日").replace("2019年", "2021年")
    from gxlint.run.api import lint_text, parse_text

    report = parse_text(text)
    assert report.year == 2021
    [table] = [t for t in report.tables if t.kind == "applications"]
    assert table.template == "2019"
    assert any(r.key == "（六）其他处理" and r.cells[0].value == 1 for r in table.rows)
    found = lint_text(text)
    assert [(f.code, f.line) for f in found if f.code in ("GX107", "GX210")] == [("GX107", 23), ("GX107", 44)]
    assert all(f.severity == "error" for f in found if f.code == "GX107")


def test_2021_other_sub_rows_left_out_of_the_total():
    found = lint(DEFECTS / "shili-2021-other-rows.txt")
    assert [(f.code, f.line) for f in found] == [("GX203", 66)]
    assert "（六）其他处理 1" in found[0].message
    assert "“总计”列因此也不平衡（三（七）总计为 15，各项办理结果之和为 16）" in found[0].message


def test_messages_in_english():
    found = lint(DEFECTS / "shili-2021-unbalanced.txt", lang="en")
    assert found[0].message.startswith(
        "applications table, column “自然人”: 一 (12) + 二 (1) ≠ 三（七）总计 (12) + 四 (3)"
    )
    assert (
        "as a result column “总计” does not balance either (一 + 二 is 17, 三（七）总计 + 四 is 19)"
        in found[0].message
    )


# -- identities are data -----------------------------------------------------------------------------


def _linter_with(change, folder: Path) -> Linter:
    """A linter whose 2019 template (which 2021 extends: the identities live there) is a variant,
    contributed by a plugin as a template file, as a province would ship it."""
    raw = {data["id"]: data for data, _ in builtin_raw()}
    variant = copy.deepcopy(raw["2019"])
    change(variant)
    path = folder / "variant-2019.json"
    path.write_text(json.dumps(variant, ensure_ascii=False), encoding="utf-8")

    class Plugin:
        @staticmethod
        @hookimpl
        def gxlint_templates():
            return [str(path)]

    loaded = plugins_mod.load(extra=[Plugin])
    return Linter(overrides={"select": list(OURS)}, plugins=loaded, isolated=True)


def test_a_template_variant_without_an_identity_silences_its_rule(tmp_path):
    def drop(t):
        t["identities"] = [i for i in t["identities"] if i["name"] != "application-balance"]

    assert codes(lint(DEFECTS / "shili-2021-unbalanced.txt"), "GX201")
    found = lint(DEFECTS / "shili-2021-unbalanced.txt", linter=_linter_with(drop, tmp_path))
    assert not codes(found, "GX201")


def test_a_template_variant_changes_what_is_checked(tmp_path):
    """A province that leaves 尚未审结 out of the block total: the same row now violates R4."""

    def narrow(t):
        for i in t["identities"]:
            if i["name"] == "review-litigation-total":
                i["right"] = ["结果维持", "结果纠正", "其他结果"]

    path = DEFECTS / "shili-2021-narrative.txt"  # 未经复议直接起诉: 0 0 0 1 | 1
    assert not codes(lint(path), "GX204")
    found = lint(path, linter=_linter_with(narrow, tmp_path))
    [r4] = codes(found, "GX204")
    assert r4.line == 74
    assert (
        "“行政诉讼（未经复议直接起诉）”栏：总计（1）≠ 结果维持（0）+ 结果纠正（0）+ 其他结果（0）"
        in r4.message
    )


# -- one blank-cell finding per table, in the default output (issue 10) ------------------------------

REAL = [
    SEED_000,
    SEED_002,
    SHANGHAI,
    PINGTAN_2021,
    PINGTAN_2018,
    "corpus/chibi_pufang_2020_pipes.txt",
    "corpus/yanling_jiulong_2020_cells.txt",
]


def _inside(finding, span) -> bool:
    return (span.line, span.column) <= (finding.line, finding.column) <= (span.end_line, span.end_column)


@pytest.mark.parametrize("rel", REAL)
def test_default_output_has_at_most_one_blank_cell_finding_per_table(rel):
    from gxlint.run import api

    path = shared(rel)
    found = codes(Linter(isolated=True).lint_path(str(path)), "GX208")
    tables = [
        t
        for t in api.parse_path(str(path)).tables
        if t.kind in ("active_disclosure", "applications", "review_litigation")
    ]
    assert len(found) <= len(tables)
    for table in tables:
        assert len([f for f in found if _inside(f, table.span)]) <= 1, rel
    assert all(any(_inside(f, t.span) for t in tables) for f in found)


def test_yanling_blank_applicant_cells_are_one_finding():
    """yanling's 表三 rows 一 and 二 leave the six applicant cells blank (empty lines) with 总计 0."""
    found = lint(shared("corpus/yanling_jiulong_2020_cells.txt"))
    [blank] = codes(found, "GX208")
    assert (
        "有 12 个单元格空白，分布在“一”、“二”共 2 行，涉及自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他列"
        in blank.message
    )
    assert not codes(found, "GX209")
