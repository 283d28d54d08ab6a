"""One finding per problem, with every rule on (issue 10, points 1, 3, 6, 14, 18).

Each test starts from the example report (examples/shili-county-2021.txt, a fictional 示例县 office),
changes one thing, and checks the default output: the problem is reported once, by the rule that
owns it, and nothing that follows from it is reported again by another rule.
"""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from gxlint.run.api import parse_text
from gxlint.run.linter import Linter
from conftest import EXAMPLE, FIXTURES

TEXT = EXAMPLE.read_text(encoding="utf-8")
INLINE = (FIXTURES / "shili-2021-inline.txt").read_text(encoding="utf-8")
REVIEW_ROW = "\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"


def lint(text: str, **overrides) -> list:
    return Linter(overrides={"lang": "zh", **overrides}, isolated=True).lint_text(text, path="report.txt")


def changed(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def summary(found) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in found]


def test_the_example_is_clean():
    assert lint(TEXT) == []


# -- point 1: blank cells, once per table ------------------------------------------------------------

BLANK_OUTCOMES = changed(
    "三、本年度办理结果\t（一）予以公开\t\t6\t1\t0\t0\t0\t0\t7",
    "三、本年度办理结果\t（一）予以公开\t\t\t\t\t\t\t\t7",
    changed(
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\t0\t0\t0\t0\t1",
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t\t1",
    ),
)


def test_blank_cells_of_a_table_are_one_finding_on_the_first_blank_cell():
    found = lint(BLANK_OUTCOMES)
    [blank] = [f for f in found if f.code == "GX208"]
    line = BLANK_OUTCOMES.split("\n")[blank.line - 1]
    assert line.startswith("三、本年度办理结果\t（一）予以公开")
    assert blank.column > len("三、本年度办理结果\t（一）予以公开\t")  # on a blank cell, not the label
    assert "有 12 个单元格空白，分布在“（一）予以公开”、“（二）部分公开”共 2 行" in blank.message
    # blanks are unknown numbers: no arithmetic finding can come from them
    assert {f.code for f in found} == {"GX208"}


def test_an_empty_cell_before_a_filled_total_is_blank_and_the_total_is_read():
    from gxlint.run import api

    table = api.parse_text(BLANK_OUTCOMES, "report.txt").table("applications")
    row = table.row("（一）予以公开")
    assert [c.status for c in row.cells] == ["blank"] * 6 + ["number"]
    assert table.value("（一）予以公开", "总计") == 7


def test_blank_cells_per_row_from_a_config_file(tmp_path: Path):
    (tmp_path / ".gxlint.yaml").write_text("options:\n  GX208:\n    per-row: true\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(BLANK_OUTCOMES, encoding="utf-8")
    found = [f for f in Linter().lint_path(str(report)) if f.code == "GX208"]
    assert len(found) == 2 and "“（一）予以公开”行：6 个单元格空白" in found[0].message


# -- point 3: what could not be read is reported once, by GX003 ----------------------------------------


def test_a_review_row_under_a_label_the_template_lacks_is_one_gx003():
    """The 15 numbers under 合计 were silently dropped before: now one GX003, and no missing table
    (GX104), no missing data row (GX209), no blank cells (GX208)."""
    found = lint(changed(REVIEW_ROW, "\n合计\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"))
    assert summary(found) == [("GX003", 74)]
    assert "写有数字，但没有一行能按模板读出" in found[0].message


def test_rows_run_into_one_cell_are_one_gx003_not_a_table_without_rows():
    """A crawled page with a stray tab: the whole applications table lands in one header cell."""
    text = changed(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况 自然人",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况\t自然人",
        INLINE,
    )
    found = [f for f in lint(text) if f.code in ("GX003", "GX104", "GX208", "GX209")]
    assert [f.code for f in found].count("GX003") == 2  # the applications table; the known 2115 row
    assert not [f for f in found if f.code in ("GX104", "GX208", "GX209")]
    assert any("收到和处理政府信息公开申请情况表写有数字，但没有一行能按模板读出" in f.message for f in found)


# -- point 14: GX003 once per table; one arithmetic finding per discrepancy -----------------------------


def test_several_unreadable_rows_of_a_crawled_table_are_one_gx003():
    text = changed("规章000", "规章1234", changed("行政规范性文件2115", "行政规范性文件693665", INLINE))
    found = [f for f in lint(text) if f.code == "GX003"]
    assert len(found) == 1
    assert (
        "主动公开情况表（第二十条）有 2 行无法唯一确定各数对应的列：“规章”、“行政规范性文件”"
        in found[0].message
    )


def test_run_together_digits_are_worded_in_english_in_an_english_run():
    text = changed("规章000", "规章1234", changed("行政规范性文件2115", "行政规范性文件693665", INLINE))
    notes = [n.en for t in parse_text(text).tables for n in t.notes if "693665" in n.en]
    assert notes and all(re.search(r"digits run together \(693665\) can", n) for n in notes), notes
    [found] = [f for f in lint(text, lang="en") if f.code == "GX003"]
    assert "数字连写" not in found.message


def test_one_wrong_cell_is_one_arithmetic_finding():
    """四 carried over: 自然人 1 → 2 and its 总计 2 → 3.  Column 自然人 and column 总计 both fail
    application-balance, by the same 1: one finding, on 自然人, naming the 总计 column's numbers."""
    text = changed(
        "四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2", "四、结转下年度继续办理\t\t\t2\t1\t0\t0\t0\t0\t3"
    )
    found = [f for f in lint(text) if f.code in ("GX201", "GX202", "GX203", "GX204", "GX205")]
    assert summary(found) == [("GX201", 67)]  # (GX206 reports the text's 结转…2件, which is another problem)
    assert (
        "“自然人”列" in found[0].message
        and "“总计”列因此也不平衡（一 + 二为 17，三（七）总计 + 四为 18）" in found[0].message
    )


# -- point 6: words in a number cell, a row the template lacks ------------------------------------------


def test_a_row_label_where_a_number_goes_is_a_row_shape_finding_not_a_bad_number():
    found = lint(changed("行政强制\t3", "行政强制\t行政检查"))
    assert summary(found) == [("GX210", 33)]
    assert "“行政强制”行应填数字的“本年处理决定数量”列写的是文字“行政检查”" in found[0].message


def test_a_row_the_template_lacks_is_reported_not_dropped():
    found = lint(changed("行政强制\t3", "行政检查\t3"))
    assert summary(found) == [("GX210", 33)]
    assert (
        "“行政检查”不是模板中的行，本行数据未读取" in found[0].message
        and "缺少“行政强制”" in found[0].message
    )


# -- point 18: what the reader corrects, it reports -------------------------------------------------------


def test_the_2019_label_in_a_2021_table_is_a_warning():
    found = lint(changed("行政规范性文件\t2\t1\t15", "规范性文件\t2\t1\t15"))
    assert [(f.code, f.line, f.severity) for f in found] == [("GX212", 26, "warning")]
    assert "“规范性文件”是 2019 年格式的写法，本表是 2021 年格式的表格" in found[0].message


@pytest.mark.parametrize("variant", ["社会组织"])
def test_a_corrected_label_is_an_info(variant):
    found = lint(
        changed("\t\t\t\t商业企业\t科研机构\t社会公益组织\t", f"\t\t\t\t商业企业\t科研机构\t{variant}\t")
    )
    assert [(f.code, f.severity) for f in found] == [("GX212", "info")]
    assert f"列名“{variant}”按模板“社会公益组织”读取" in found[0].message
