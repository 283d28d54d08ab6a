"""One finding per problem in the structure rules (GX1xx), and reports judged by the format of their
time: a cut-off text is one GX108, not a cascade of missing chapters, tables and signature; one
renumbering is one GX102; a heading gets one finding for one problem; a report for 2018 or earlier
is not measured against the unified format (GX109); missing contact details are a warning.

The texts are fictional (示例县); the real reports of ../shared are checked at the end, skipped when
it is absent."""

from __future__ import annotations

import pytest

from conftest import PINGTAN_2018, SEED_000, SEED_002, shared
from gxlint.plugins import discovery as plugins
from gxlint.run.linter import Linter
from gxlint.plugins.discovery import reading_context
from gxlint.finding import Finding
from gxlint.read import source as source_mod
from gxlint.read.build import build_report
from gxlint.lint.rule import RuleContext

STRUCTURE = ("GX101", "GX102", "GX103", "GX104", "GX105", "GX106", "GX107", "GX108", "GX109")
EVERYTHING_BUT_TABLES = (*STRUCTURE, "GX301", "GX302", "GX303", "GX401", "GX402", "GX403", "GX404", "GX405")


def lint(text: str, select=EVERYTHING_BUT_TABLES, lang: str = "zh") -> list[Finding]:
    linter = Linter(overrides={"select": list(select), "lang": lang}, isolated=True)
    return linter.lint_text(text, path="report.txt")


def of(findings, code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def codes(findings) -> list[str]:
    return [f.code for f in findings]


HEAD = "示例县教育局{year}年政府信息公开工作年度报告\n"
INTRO = (
    "本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如有疑问请联系示例县教育局办公室"
    "（电话：0371-61234567）。本报告电子版可在示例县人民政府门户网站查阅和下载。\n"
)


def report(body: str, year: int = 2021) -> str:
    return HEAD.format(year=year) + INTRO.format(year=year) + body


# -- 2: a cut-off text is one finding -------------------------------------------------------------

CUT_IN_TABLE = report(
    "一、总体情况\n本年度工作正常开展。\n"
    "二、主动公开政府信息情况\n本年度主动公开信息100条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
    "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    "三、本年度办理结果\t（一）予以公开\t2\n"
)


def test_a_text_cut_off_in_a_table_is_one_finding_not_a_cascade():
    found = lint(CUT_IN_TABLE)
    [cut] = of(found, "GX108")
    assert cut.line == 10 and cut.severity == "error"
    assert cut.message.startswith("报告在第 10 行后中断：文本止于收到和处理政府信息公开申请情况表中间")
    for lost in (
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "行政复议、行政诉讼情况表",
        "落款",
    ):
        assert lost in cut.message, lost
    assert not of(found, "GX101") and not of(found, "GX405")
    # the 主动公开 table was missing before the cut: that is still a finding of its own
    [table] = of(found, "GX104")
    assert "主动公开情况表" in table.message and table.line < cut.line


def test_before_the_gate_each_consequence_was_a_finding():
    # the same text with a full stop and a signature-less ending is no cut-off: GX101 ×3, GX104, GX405
    complete = CUT_IN_TABLE.replace("三、本年度办理结果\t（一）予以公开\t2\n", "本年度申请均已办结。\n")
    found = lint(complete)
    assert not of(found, "GX108")
    assert len(of(found, "GX101")) == 3 and len(of(found, "GX405")) == 1
    assert {"行政复议、行政诉讼情况表" in f.message for f in of(found, "GX104")} == {True, False}


def test_a_cut_off_text_in_one_cell_per_line_form(tmp_path):
    cells = [
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "一、本年新收政府信息公开申请数量",
        "3",
        "0",
        "0",
        "0",
        "0",
        "0",
        "3",
        "二、上年结转政府信息公开申请数量",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "三、本年度办理结果",
        "（一）予以公开",
    ]
    text = report(
        "一、总体情况\n\n本年度工作正常开展。\n\n二、主动公开政府信息情况\n\n本年度主动公开信息100条。\n\n"
        + "\n\n".join(cells)
        + "\n",
        year=2020,
    )
    path = tmp_path / "cells.txt"  # a file: the one-cell-per-line form is read from files
    path.write_text(text, encoding="utf-8")
    found = Linter(overrides={"select": list(EVERYTHING_BUT_TABLES)}, isolated=True).lint_path(str(path))
    [cut] = of(found, "GX108")
    assert "文本止于收到和处理政府信息公开申请情况表中间" in cut.message
    assert not [f for f in found if f.code in ("GX101", "GX405")]
    assert not [f for f in of(found, "GX104") if "行政复议" in f.message]


def test_a_text_cut_off_in_mid_sentence_and_at_a_heading():
    sentence = report(
        "一、总体情况\n本年度工作正常开展。\n二、主动公开政府信息情况\n本年度主动公开政府信息1200条，其中通过"
    )
    [cut] = of(lint(sentence), "GX108")
    assert "文本止于半句话（“本年度主动公开政府信息1200条，其中通过”）" in cut.message
    heading = report("一、总体情况\n本年度工作正常开展。\n二、主动公开政府信息情况\n")
    found = lint(heading)
    [cut] = of(found, "GX108")
    assert cut.line == 5 and "文本止于章节标题“二、主动公开政府信息情况”，其下没有内容" in cut.message
    assert not [f for f in found if f.code in ("GX101", "GX104", "GX405")]


def test_the_gates_hold_when_gx108_is_not_selected():
    # GX101, GX104 and GX405 ask the shared analysis, not GX108's output
    found = lint(CUT_IN_TABLE, select=("GX101", "GX104", "GX405"))
    assert codes(found) == ["GX104"] and "主动公开情况表" in found[0].message


def test_the_cut_off_analysis_is_computed_once_per_report():
    from gxlint.lint.analyses import chapters

    context = reading_context(())
    built = build_report(source_mod.from_text(CUT_IN_TABLE, "report.txt"), context, None)
    linter = Linter(isolated=True)
    rule = linter.rules["GX108"]()
    shared_memo: dict = {}
    ctx = RuleContext(
        rule,
        path="report.txt",
        options={},
        lang="zh",
        template=linter.templates.get("2021"),
        templates=linter.templates,
        organ=None,
        source_text=built.source.text,
        shared=shared_memo,
    )
    first = chapters.cutoff(built, ctx)
    assert first is not None and shared_memo[("gxlint", "cutoff")] is first
    assert chapters.cutoff(built, ctx) is first
    assert chapters.lost_tables(built, ctx) == ("review_litigation",)


# -- 14: one renumbering, one finding; one finding per heading ------------------------------------

SIX = [
    "一、总体情况\n本年度工作正常开展。\n",
    "二、主动公开政府信息情况\n本年度主动公开信息100条。\n",
    "三、收到和处理政府信息公开申请情况\n本年度收到申请3件。\n",
    "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n",
    "五、存在的主要问题及改进情况\n栏目更新不够及时。\n",
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n",
]
SIGNED = "\n示例县教育局\n2022年1月20日\n"
#: the rules about chapters (these texts have no tables: GX104 is not what they test)
CHAPTERS = ("GX101", "GX102", "GX103", "GX105", "GX108", "GX109", "GX405")


def test_an_inserted_chapter_gives_one_gx102_not_one_per_later_heading():
    inserted = SIX[:4] + [
        "五、重视宣传培训工作\n全年组织培训两次。\n",
        "六、存在的主要问题及改进情况\n栏目更新不够及时。\n",
        "七、其他需要报告的事项\n本年度未收取信息处理费。\n",
    ]
    found = lint(report("".join(inserted)) + SIGNED, select=CHAPTERS)
    [numbering] = of(found, "GX102")
    assert "从“六、存在的主要问题及改进情况”起" in numbering.message
    assert "“七、其他需要报告的事项”应为“六”" in numbering.message
    assert [f.code for f in found] == ["GX103", "GX102"]  # and the inserted chapter's title


def test_chapters_moved_up_to_fill_a_gap_are_one_finding():
    moved = [
        SIX[0],
        SIX[1],
        "三、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n",
        "四、存在的主要问题及改进情况\n栏目更新不够及时。\n",
        "五、其他需要报告的事项\n无。\n",
    ]
    found = lint(report("".join(moved)) + SIGNED, select=CHAPTERS)
    [missing] = of(found, "GX101")
    assert "缺少第三部分" in missing.message and "“五、其他需要报告的事项”应为“六”" in missing.message
    assert codes(found) == ["GX101"]


def test_a_gap_left_by_a_missing_chapter_is_not_also_a_numbering_finding():
    found = lint(report("".join([SIX[0], SIX[1], SIX[3], SIX[4], SIX[5]])) + SIGNED, select=CHAPTERS)
    assert codes(found) == ["GX101"]


def test_a_heading_standing_at_a_missing_chapters_number_gets_one_finding():
    text = report("".join(SIX[:5]) + "六、重视宣传培训工作\n全年组织培训两次。\n") + SIGNED
    found = lint(text, select=CHAPTERS)
    [missing] = found
    assert missing.code == "GX101" and "本报告的“六、重视宣传培训工作”不是这一部分的内容" in missing.message


def test_no_heading_gets_a_missing_chapter_and_a_title_finding():
    # the last chapter renamed and the sixth missing: GX103 on the heading, GX101 after its text
    text = report("".join(SIX[:4]) + "五、存在的问题和2022年工作思路\n栏目更新不够及时。\n") + SIGNED
    found = lint(text)
    [title], [missing] = of(found, "GX103"), of(found, "GX101")
    assert title.line == 11 and missing.line == 12


# -- 15: reports before the unified format ---------------------------------------------------------

OLD = (
    "一、概述\n本年度工作正常开展。\n二、政府信息主动公开情况\n本年度主动公开信息100条。\n"
    "四、政府信息依申请公开情况\n本年度未收到申请。\n"
)


def test_a_2018_report_is_not_measured_against_the_unified_format():
    found = lint(
        report(OLD, year=2018).replace("（电话：0371-61234567）", "") + "\n示例县教育局\n2019年1月20日\n"
    )
    [note] = of(found, "GX109")
    assert note.severity == "info" and note.line == 1 and "2018 年度报告" in note.message
    for code in ("GX101", "GX103", "GX104", "GX105", "GX108"):
        assert code not in codes(found), code
    # the format-independent checks still run: numbering in itself, contact details
    [skip] = of(found, "GX102")
    assert "“二”之后是“四”" in skip.message and skip.severity == "warning"
    assert of(found, "GX301")


def test_the_same_text_for_2019_is_judged():
    found = lint(report(OLD, year=2019) + "\n示例县教育局\n2020年1月20日\n")
    assert not of(found, "GX109")
    assert of(found, "GX101") and of(found, "GX103") and of(found, "GX104")


# -- 19: severities that match the written rules ---------------------------------------------------


def test_missing_contact_is_a_warning():
    rules = plugins.load().rules
    assert rules["GX301"].severity == "warning" and rules["GX303"].severity == "info"
    [contact] = of(lint(report("".join(SIX)).replace("（电话：0371-61234567）", "") + SIGNED), "GX301")
    assert contact.severity == "warning"


# -- the real reports ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,line", [("chibi_pufang_2020_pipes.txt", 31), ("yanling_jiulong_2020_cells.txt", 172)]
)
def test_the_cut_off_corpus_reports(name, line):
    found = Linter(isolated=True).lint_path(str(shared(f"corpus/{name}")))
    [cut] = of(found, "GX108")
    assert cut.line == line and "收到和处理政府信息公开申请情况表中间" in cut.message
    assert "“四、政府信息公开行政复议、行政诉讼情况”" in cut.message and "落款" in cut.message
    for code in ("GX101", "GX104", "GX405"):
        assert code not in codes(found), code


def test_complete_real_reports_are_not_cut_off():
    for rel in (
        SEED_000,
        SEED_002,
        PINGTAN_2018,
        "corpus/pingtan_2021.txt",
        "corpus/shanghai_office_2019.txt",
    ):
        assert "GX108" not in codes(Linter(isolated=True).lint_path(str(shared(rel)))), rel


def test_seed000_has_one_finding_per_heading_for_its_chapters():
    found = [
        f for f in Linter(isolated=True).lint_path(str(shared(SEED_000))) if f.code in ("GX101", "GX103")
    ]
    lines = [f.line for f in found]
    assert len(lines) == len(set(lines)), [(f.line, f.code) for f in found]
