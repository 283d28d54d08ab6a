"""GX501-GX503: a report against last year's report of the same agency.

The reports are the example's agency (示例县市场监督管理局) for 2020-2022, made by
tests/crossyear_reports.py: consecutive years agree and their narratives differ, unless a test
asks for a defect.  The rules are run through the engine with ``previous`` (what the runner does
for a pair) and through the command line (--previous, a folder of several years, --jobs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clitools import gx
from crossyear_reports import report, write
from gxlint.run.api import parse_text
from gxlint.plugins.hookspecs import hookimpl
from gxlint.run.linter import Linter
from gxlint.lint.rule import Rule

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lint(
    this: str,
    last: str | None,
    *,
    select=("GX5",),
    lang="en",
    options=None,
    this_path="shili-2021.txt",
    last_path="shili-2020.txt",
):
    """The cross-year findings of ``this`` checked against ``last`` (report texts)."""
    overrides = {"select": list(select), "lang": lang}
    if options:
        overrides["options"] = options
    linter = Linter(overrides=overrides, isolated=True)
    report_ = parse_text(this, this_path)
    previous = parse_text(last, last_path) if last is not None else None
    return linter.lint_report(report_, linter.settings(this_path), previous=previous)


def codes(findings):
    return [f.code for f in findings]


# -- the rules are cross-year rules ------------------------------------------------------------------


def test_the_gx5_rules_need_last_years_report_and_are_silent_without_it():
    from gxlint.plugins import discovery as plugins

    rules = {c: r for c, r in plugins.load().rules.items() if c.startswith("GX5")}
    assert set(rules) == {"GX501", "GX502", "GX503"}
    assert all(r.uses_previous for r in rules.values())
    assert not any(
        getattr(r, "uses_previous", False) for c, r in plugins.load().rules.items() if c[:3] != "GX5"
    )
    copied = report(2021, narrative_of=2020, carried=(9, 0, 0, 0, 0, 0))
    assert lint(copied, None) == []


def test_a_consistent_pair_is_silent():
    assert lint(report(2021), report(2020)) == []
    assert lint(report(2022), report(2021)) == []


def test_the_whole_rule_set_on_a_consistent_pair_gives_no_cross_year_finding():
    found = lint(report(2021), report(2020), select=("GX",))
    assert not [f for f in found if f.code.startswith("GX5")]


# -- GX501 carry-over ----------------------------------------------------------------------------------


def test_gx501_a_carry_over_that_is_not_last_years_forward_names_both_numbers_and_files():
    this = report(2021, carried=(3, 0, 0, 0, 0, 0))  # last year carried 1 forward for 自然人
    [finding] = lint(this, report(2020))
    assert finding.code == "GX501" and finding.severity == "error"
    assert "自然人" in finding.message and " 3 " in finding.message and " 1 " in finding.message
    assert "shili-2021.txt" in finding.message and "shili-2020.txt" in finding.message
    line = this.split("\n")[finding.line - 1]
    assert line.startswith("二、上年结转政府信息公开申请数量")
    [zh] = lint(this, report(2020), lang="zh")
    assert "本报告（shili-2021.txt）" in zh.message and "上年报告 shili-2020.txt" in zh.message
    assert "为 3" in zh.message and "为 1" in zh.message


def test_gx501_one_finding_per_applicant_column_and_the_total_not_repeated():
    this = report(2021, carried=(3, 2, 0, 0, 0, 0))
    found = lint(this, report(2020))
    assert codes(found) == ["GX501", "GX501"]
    assert "自然人" in found[0].message and "商业企业" in found[1].message
    assert not any("总计" in f.message for f in found)


def test_gx501_the_total_alone_is_reported_when_only_totals_are_filled():
    blanks = {("二、上年结转", i): "" for i in range(6)}
    this = report(2021, carried=(2, 0, 0, 0, 0, 0), cells=blanks)  # total 2; last year carried 1 forward
    [finding] = lint(this, report(2020), select=("GX501",))
    assert "总计" in finding.message


@pytest.mark.parametrize(
    "where, value",
    [
        ("this", ""),  # blank
        ("this", "l"),  # malformed
        ("last", ""),
        ("last", "1O"),
    ],
)
def test_gx501_unknown_cells_are_never_compared(where, value):
    # 自然人 and 总计 (the columns that differ) unknown on one side
    unknown = {0: value, 6: value}
    wrong = report(
        2021,
        carried=(3, 0, 0, 0, 0, 0),
        cells={("二、上年结转", c): v for c, v in unknown.items()} if where == "this" else None,
    )
    last = report(
        2020,
        cells={("四、结转下年度继续办理", c): v for c, v in unknown.items()} if where == "last" else None,
    )
    if where == "this":
        assert lint(wrong, last, select=("GX501",)) == []
    else:
        assert lint(report(2021, carried=(3, 0, 0, 0, 0, 0)), last, select=("GX501",)) == []


def test_gx501_a_row_the_reader_could_not_place_is_unknown():
    # the row's digits run together: the reader cannot tell the columns apart
    this = report(2021, carried=(3, 0, 0, 0, 0, 0))
    this = re.sub(r"(二、上年结转政府信息公开申请数量)\t+3\t0\t0\t0\t0\t0\t3", r"\1\t\t\t3000003", this)
    assert lint(this, report(2020), select=("GX501",)) == []


# -- GX502 in-force count -------------------------------------------------------------------------------


def test_gx502_the_documents_in_force_must_add_up_across_years():
    this = report(2021, documents=((0, 0, 0), (2, 1, 18)))  # 14 + 2 - 1 = 15, not 18
    [finding] = lint(this, report(2020))
    assert finding.code == "GX502" and finding.severity == "warning"
    for text in ("行政规范性文件", "18", "14", "15", "shili-2021.txt", "shili-2020.txt", "re-count"):
        assert text in finding.message, text
    assert this.split("\n")[finding.line - 1].startswith("行政规范性文件")
    [zh] = lint(this, report(2020), lang="zh")
    assert "重新清理核定" in zh.message and "14 + 本年制发件数 2 − 本年废止件数 1 应为 15" in zh.message


def test_gx502_rules_are_checked_too_and_unknown_cells_keep_it_silent():
    this = report(2021, documents=((1, 0, 5), (2, 1, 15)))  # 规章: 0 + 1 - 0 = 1, not 5
    assert codes(lint(this, report(2020))) == ["GX502"]
    for cells in ({("规章", 2): ""}, {("规章", 0): "—"}):
        assert lint(report(2021, documents=((1, 0, 5), (2, 1, 15)), cells=cells), report(2020)) == []
    assert lint(this, report(2020, cells={("规章", 2): ""})) == []


def _2019_format(year: int, items_last_year: str) -> str:
    """The 2019-format fixture of 示例县农业农村局, as the report of ``year`` with this 行政许可
    上一年项目数量 (the fixture's 2019 report has 14, +2)."""
    text = (FIXTURES / "shili-2019-quirks.txt").read_text(encoding="utf-8")
    text = re.sub(r"2019(\s*年)", rf"{year}\1", text).replace("2020 年 1 月", f"{year + 1} 年 1 月")
    text = text.replace("其他对外管理服务事项\t3\t-1\t41", "其他对外管理服务事项\t2\t0\t37")  # 3 - 1
    return text.replace("行政许可\t14\t+2\t230", f"行政许可\t{items_last_year}\t+1\t198")


def test_gx502_in_the_2019_format_last_years_items_and_change_make_this_years_items_last_year():
    last = (FIXTURES / "shili-2019-quirks.txt").read_text(encoding="utf-8")
    paths = dict(this_path="ny-2020.txt", last_path="ny-2019.txt", select=("GX502",))
    assert lint(_2019_format(2020, "16"), last, **paths) == []
    [finding] = lint(_2019_format(2020, "15"), last, **paths)
    assert finding.code == "GX502" and "行政许可" in finding.message
    assert "15" in finding.message and "14" in finding.message and "+2" not in finding.message
    assert "16" in finding.message and "ny-2019.txt" in finding.message and "ny-2020.txt" in finding.message


def test_gx502_a_2019_format_report_is_not_compared_with_a_2021_format_one():
    last = (FIXTURES / "shili-2019-quirks.txt").read_text(encoding="utf-8")
    this = report(2020, documents=((0, 0, 99), (0, 0, 99)))
    assert lint(this, last, select=("GX502",)) == []


# -- GX503 copied text -------------------------------------------------------------------------------------


def test_gx503_a_report_made_from_last_years_by_changing_the_numbers():
    this = report(2021, narrative_of=2020)
    found = lint(this, report(2020), select=("GX503",))
    assert codes(found) == ["GX503", "GX503"]
    whole, chapter = found
    assert "shili-2021.txt" in whole.message and "shili-2020.txt" in whole.message
    assert "100%" in whole.message and "the paragraphs most copied: line " in whole.message
    assert whole.line == 1  # on the title: a finding on the whole report
    assert "存在的主要问题及改进情况" in chapter.message and "shili-2020.txt" in chapter.message
    assert this.split("\n")[chapter.line - 1].endswith("五、存在的主要问题及改进情况")


def test_gx503_names_the_copied_paragraphs_where_a_word_file_has_them(tmp_path):
    # the whole-report finding stands on the title; the paragraphs it lists are Word's (第 N 段), not
    # lines of the text gxlint read from the file
    import docx

    from gxlint.run.api import parse_path

    document = docx.Document()
    for line in report(2021, narrative_of=2020).split("\n"):
        if line.strip() and "\t" not in line:
            document.add_paragraph(line.lstrip("# "))
    path = tmp_path / "shili-2021.docx"
    document.save(str(path))
    linter = Linter(overrides={"select": ["GX503"], "lang": "en"}, isolated=True)
    this = parse_path(path)
    found = linter.lint_report(
        this, linter.settings(str(path)), previous=parse_text(report(2020), "shili-2020.txt")
    )
    whole = found[0]
    assert (whole.line, whole.location["paragraph"]) == (1, 1)
    listed = re.findall(r"(paragraph|line) (\d+) “", whole.message)
    assert listed and all(kind == "paragraph" for kind, _ in listed)
    paragraphs = [p.text for p in document.paragraphs]
    for _, number in listed:
        excerpt = whole.message.split(f"paragraph {number} “")[1][:8]
        assert paragraphs[int(number) - 1].replace("*", "").startswith(excerpt)  # (** typed in as text)


def test_gx503_honest_years_share_a_few_sentences_and_are_silent():
    from gxlint.lint.analyses.sentences import narrative

    mine, last = narrative(parse_text(report(2021))), narrative(parse_text(report(2020)))
    shared = sum(1 for s in mine.sentences if s.key in last.keys)
    assert 0 < shared < len(mine.sentences) / 2  # a few standing sentences, well under the threshold
    assert lint(report(2021), report(2020), select=("GX503",)) == []


def test_gx503_a_copied_problems_chapter_has_its_own_message():
    this = report(2021, problems_of=2020)
    [finding] = lint(this, report(2020), select=("GX503",))
    assert "存在的主要问题及改进情况" in finding.message and "2 of its 2 sentences" in finding.message
    [zh] = lint(this, report(2020), select=("GX503",), lang="zh")
    assert "第五部分" in zh.message and "上年报告 shili-2020.txt" in zh.message


def test_gx503_the_threshold_is_an_option():
    this = report(2021, narrative_of=2020)
    assert lint(this, report(2020), select=("GX503",), options={"GX503": {"threshold": 1.01}}) == []
    # honest years cross a very low threshold
    assert codes(
        lint(report(2021), report(2020), select=("GX503",), options={"GX503": {"threshold": 0.05}})
    ) == ["GX503"]


def test_gx503_headings_tables_fixed_wording_and_contact_are_not_narrative():
    from gxlint.lint.analyses.sentences import narrative

    keys = [s.key for s in narrative(parse_text(report(2021))).sentences]
    assert not any(k.startswith("本报告") for k in keys)  # the introduction's fixed wording
    assert not any("电话" in k or "邮箱" in k or "联系" in k for k in keys)  # the contact sentence
    assert not any("信息内容" in k or "行政许可" == k for k in keys)  # tables
    assert not any(k in ("一主动公开", "二依申请公开") for k in keys)  # sub-headings
    assert not any("政府信息公开工作年度报告" in k for k in keys)  # the title


# -- the command line: --previous, a folder, --jobs ------------------------------------------------------


def test_previous_on_the_command_line(tmp_path):
    last = write(tmp_path, 2020)
    this = write(tmp_path, 2021, carried=(3, 0, 0, 0, 0, 0))
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "-f", "json", "--previous", last, this)
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "GX501" and str(last) in finding["message"] and str(this) in finding["message"]
    # without --previous the report alone has nothing to compare
    alone = gx("--isolated", "--select", "GX5", "-f", "json", this)
    assert alone.exit_code == 0 and json.loads(alone.stdout) == []


def test_previous_takes_one_report(tmp_path):
    last = write(tmp_path / "a", 2020)
    this = write(tmp_path / "b", 2021)
    for paths in ((this, this), (tmp_path / "b",)):
        result = gx("--isolated", "--lang", "en", "--previous", last, *paths)
        assert result.exit_code == 2 and "--previous" in result.stderr


def test_previous_of_another_year_is_checked_with_a_warning(tmp_path):
    last = write(tmp_path, 2019)
    this = write(tmp_path, 2021)
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "--previous", last, this)
    assert "not consecutive years" in result.stderr and "2019" in result.stderr


def test_previous_that_is_the_report_itself_is_a_usage_error(tmp_path):
    this = write(tmp_path, 2021)
    result = gx("--isolated", "--lang", "en", "--previous", this, this)
    assert result.exit_code == 2 and "is the report itself" in result.stderr


@pytest.mark.parametrize("year", [2021, 2022])
def test_previous_of_the_same_or_a_later_year_is_not_compared(tmp_path, year):
    last = write(tmp_path / "a", year, carried=(3, 0, 0, 0, 0, 0))
    this = write(tmp_path / "b", 2021, carried=(3, 0, 0, 0, 0, 0))
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "-f", "json", "--previous", last, this)
    assert json.loads(result.stdout) == [] and result.exit_code == 0
    assert "not an earlier year, so the cross-year rules were not run" in result.stderr
    assert "checked as given" not in result.stderr


def test_previous_of_another_agency_is_checked_with_a_warning(tmp_path):
    last = write(tmp_path / "a", 2020, agency="示例县教育局")
    this = write(tmp_path / "b", 2021)
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "--previous", last, this)
    assert "is a report of 示例县教育局" in result.stderr and "not the same agency" in result.stderr
    same = gx(
        "--isolated", "--lang", "en", "--select", "GX5", "--previous", write(tmp_path / "c", 2020), this
    )
    assert "not the same agency" not in same.stderr


def test_previous_with_standard_input(tmp_path):
    last = write(tmp_path, 2020)
    result = gx(
        "--isolated",
        "--lang",
        "en",
        "--select",
        "GX5",
        "-f",
        "json",
        "--stdin-filename",
        "new.txt",
        "--previous",
        last,
        "-",
        input=report(2021, carried=(3, 0, 0, 0, 0, 0)),
    )
    [finding] = json.loads(result.stdout)
    assert finding["path"] == "new.txt" and finding["code"] == "GX501"


def _folder(tmp_path: Path) -> Path:
    """Three years of the agency, one with each defect in 2022, and another agency's report."""
    folder = tmp_path / "reports"
    write(folder, 2020)
    write(folder, 2021)
    write(folder, 2022, carried=(1, 0, 0, 0, 0, 0), documents=((0, 0, 0), (4, 2, 30)), problems_of=2021)
    write(folder / "edu", 2021, agency="示例县教育局")
    return folder


def test_a_folder_with_three_years_pairs_them_and_checks_each_against_the_year_before(tmp_path):
    folder = _folder(tmp_path)
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "-f", "json", "-v", "-j", "1", folder)
    found = [(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)]
    assert sorted(found) == [
        ("shili-2022.txt", "GX501"),
        ("shili-2022.txt", "GX502"),
        ("shili-2022.txt", "GX503"),
    ]
    assert result.stderr.count("gxlint: paired: ") == 2
    assert (
        "shili-2022.txt ← " in result.stderr
        and "shili-2021.txt (示例县市场监督管理局, 2021→2022)" in result.stderr
    )
    assert "edu" not in result.stderr


@pytest.mark.slow  # worker processes
def test_jobs_2_gives_the_same_output(tmp_path):
    folder = _folder(tmp_path)
    for fmt in ("json", "concise"):
        outputs = [
            gx("--isolated", "--select", "GX", "-f", fmt, "-j", jobs, folder).stdout for jobs in ("1", "2")
        ]
        if fmt == "concise":
            outputs = [re.sub(r" in \d+\.\d+s", "", o) for o in outputs]
        assert outputs[0] == outputs[1]
        assert "GX501" in outputs[0]


def test_agency_name_variants_are_paired_on_the_command_line(tmp_path):
    folder = tmp_path / "renamed"
    write(folder, 2021, agency="示例县工商行政管理局")
    write(folder, 2022, agency="示例区市场监督管理局", carried=(3, 1, 0, 0, 0, 0))
    result = gx("--isolated", "--lang", "zh", "--select", "GX5", "-f", "json", "-v", folder)
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "GX501" and Path(finding["path"]).name == "shili-2022.txt"
    assert "名称变更：示例县工商行政管理局→示例区市场监督管理局" in result.stderr


def test_verbose_says_when_nothing_was_paired(tmp_path):
    write(tmp_path, 2020)
    write(tmp_path, 2022)
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "-v", tmp_path)
    assert "no reports of consecutive years" in result.stderr and result.exit_code == 0


def test_verbose_names_the_files_whose_agency_or_year_is_not_read(tmp_path):
    write(tmp_path, 2020)
    write(tmp_path, 2021)
    (tmp_path / "notes.txt").write_text("会议记录\n\n今天讨论了三件事。\n", encoding="utf-8")
    result = gx("--isolated", "--lang", "en", "--select", "GX5", "-v", tmp_path)
    assert (
        "not paired: " in result.stderr
        and "notes.txt (its agency or year could not be read)" in result.stderr
    )
    assert "shili-2021.txt (its agency" not in result.stderr
    quiet = gx("--isolated", "--lang", "en", "--select", "GX5", tmp_path)
    assert "not paired" not in quiet.stderr


def test_a_sentence_copied_under_the_agencys_new_name_is_a_copied_sentence():
    # last year's report of 工商行政管理局, copied under the new 市场监督管理局 name
    from gxlint.lint.analyses.sentences import narrative_keys
    from gxlint.run.api import parse_text

    def with_sentence(text: str, agency: str) -> str:
        return text.replace(
            "## 二、", f"{agency}全年组织政务公开培训三次，参训人员覆盖全部科室。\n\n## 二、", 1
        )

    last = parse_text(with_sentence(report(2020, agency="示例县工商行政管理局"), "示例县工商行政管理局"))
    this = parse_text(
        with_sentence(report(2021, agency="示例县市场监督管理局", narrative_of=2020), "示例县市场监督管理局")
    )
    mine, theirs = narrative_keys(this), narrative_keys(last)
    assert any("培训" in key for key in mine)
    assert mine <= theirs


def test_the_baseline_records_cross_year_findings(tmp_path):
    folder = _folder(tmp_path)
    target = tmp_path / "baseline.json"
    gx("--isolated", "--select", "GX5", "--write-baseline", target, folder)
    data = target.read_text(encoding="utf-8")
    assert "GX501" in data and "GX503" in data
    again = gx("--isolated", "--select", "GX5", "--baseline", target, folder)
    assert again.exit_code == 0


class PreviousProbe(Rule):
    """A plugin's cross-year rule: says which year's report it was given as last year's.

    Anti-pattern::

        (none: a test rule)

    Best practice::

        (none: a test rule)
    """

    code = "SX501"
    name = "previous-probe"
    severity = "info"
    summary = "names last year's report"
    uses_previous = True

    def check(self, report, ctx):
        if ctx.previous is not None:
            yield ctx.finding(
                report.title_span, zh=f"上年 {ctx.previous.year}", en=f"last year {ctx.previous.year}"
            )


class PreviousProbePlugin:
    @hookimpl
    def gxlint_rules(self):
        return [PreviousProbe]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_plugins_cross_year_rule_sees_the_previous_report(tmp_path, jobs):
    from gxlint.run import discover as files
    from gxlint.plugins import discovery as plugins_mod
    from gxlint.run import runner

    linter = Linter(
        plugins=plugins_mod.load(extra=[PreviousProbePlugin()]),
        overrides={"select": ["SX5"], "lang": "en"},
        isolated=True,
    )
    for year in (2020, 2021):
        write(tmp_path, year)
    results = list(runner.run(linter, files.ordered(files.discover([str(tmp_path)])), jobs=jobs))
    assert [[f.message for f in r.findings] for r in results] == [[], ["last year 2020"]]


# -- other input forms and the guard on identities read from a file's beginning --------------------------

PDF = FIXTURES / "pdf" / "example.pdf"  # the example report (2021) as a PDF


@pytest.mark.slow  # a PDF read, with and without worker processes
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pdf_report_is_paired_with_text_reports_of_the_years_around_it(tmp_path, jobs):
    pytest.importorskip("pypdfium2")
    import shutil

    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(PDF, folder / "shili-2021.pdf")
    write(folder, 2020, forward=(2, 0, 0, 0, 0, 0))  # the PDF takes over 1 for 自然人, not 2
    write(folder, 2022, carried=(1, 1, 0, 0, 0, 1))  # the PDF carries (1, 1, 0, 0, 0, 0) forward
    result = gx("--isolated", "--lang", "en", "--select", "GX501", "-f", "json", "-v", "-j", jobs, folder)
    found = sorted(
        (Path(f["path"]).name, f["message"].split(",")[1].strip()) for f in json.loads(result.stdout)
    )
    assert found == [("shili-2021.pdf", "column “自然人”"), ("shili-2022.txt", "column “其他”")]
    assert result.stderr.count("paired: ") == 2


def test_a_pairing_read_from_a_files_beginning_holds_only_if_the_whole_report_agrees(tmp_path):
    from gxlint.run import runner
    from gxlint.run.pairs import Card

    last = write(tmp_path, 2020)
    this = write(tmp_path, 2021, carried=(3, 0, 0, 0, 0, 0))
    linter = Linter(overrides={"select": ["GX5"], "lang": "en"}, isolated=True)
    right = [
        (str(last), None, False, Card(str(last), "示例县市场监督管理局", 2020)),
        (str(this), str(last), False, Card(str(this), "示例县市场监督管理局", 2021)),
    ]
    assert [f.code for f in runner.settle(linter, right)[1][2].findings] == ["GX501"]
    # had the beginning of the file named another agency, the whole report contradicts it
    wrong = [right[0], (str(this), str(last), False, Card(str(this), "示例县教育局", 2021))]
    assert runner.settle(linter, wrong)[1][2].findings == []
