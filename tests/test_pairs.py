"""Pairing reports of consecutive years of one agency (gxlint.run.pairs): names and their variants,
duplicates and gaps, and the cost (linear: indexed by name and year)."""

from __future__ import annotations

import pytest

from gxlint.run import discover as files

from gxlint.run import runner
from gxlint.run.api import parse_text
from gxlint.run.linter import Linter
from gxlint.run.pairs import Card, card_of, name_key, pair, variant_key

from crossyear_reports import AGENCY, report, write


def cards(*entries):
    return [Card(path, agency, year, order) for order, (path, agency, year) in enumerate(entries)]


def pairs_of(*entries):
    return {(p.path, p.previous, p.how) for p in pair(cards(*entries)).pairs}


def test_the_same_name_pairs_consecutive_years_only():
    found = pairs_of(
        ("a19", "示例县教育局", 2019),
        ("a20", "示例县教育局", 2020),
        ("a22", "示例县教育局", 2022),
        ("b20", "示例县民政局", 2020),
    )
    assert found == {("a20", "a19", "same-name")}  # 2022 has no 2021 before it; 民政局 is another agency


def test_names_are_compared_without_spaces_markup_or_an_alias():
    assert name_key("示例县 市场监督管理局（示例县知识产权局）") == name_key("**示例县市场监督管理局**")
    found = pairs_of(
        ("a", "示例县市场监督管理局", 2020), ("b", "示例县 市场监督管理局（示例县知识产权局）", 2021)
    )
    assert found == {("b", "a", "same-name")}


@pytest.mark.parametrize(
    "old, new",
    [
        ("示例县教育局", "示例区教育局"),  # 撤县设区
        ("示例县工商行政管理局", "示例县市场监督管理局"),  # 2018 reform: merged into 市场监督管理局
        ("示例县国土资源局", "示例区自然资源局"),  # both at once
        ("示例县卫生和计划生育委员会", "示例县卫生健康委员会"),
        ("示例县人民政府办公室", "示例县政府办公室"),
        ("示例县人民政府", "示例县"),  # a title that names the place only: its government's report
        ("示例县", "示例县人民政府"),
    ],
)
def test_a_renamed_agency_is_paired_when_the_match_is_unique(old, new):
    assert variant_key(old) == variant_key(new)
    assert pairs_of(("old", old, 2020), ("new", new, 2021)) == {("new", "old", "renamed")}


def test_a_variant_is_not_paired_when_another_report_matches_it_better_or_equally():
    # 示例县 and 示例区 both report in 2021: two places, each paired with its own name only
    found = pairs_of(
        ("county20", "示例县教育局", 2020),
        ("county21", "示例县教育局", 2021),
        ("district21", "示例区教育局", 2021),
    )
    assert found == {("county21", "county20", "same-name")}
    # two new names match the one old name: which one is its successor is not known, so neither
    assert (
        pairs_of(
            ("old", "示例县卫生计生委", 2020),
            ("x", "示例县卫生健康委员会", 2021),
            ("y", "示例区卫生健康局", 2021),
        )
        == set()
    )
    # one name with an alias is still one name
    assert pairs_of(
        ("old", "示例县教育局", 2020),
        ("x", "示例区教育局", 2021),
        ("y", "示例区教育局（示例区体育局）", 2021),
    ) == {("x", "old", "renamed"), ("y", "old", "renamed")}
    # two old names match the new one
    assert pairs_of(
        ("a", "示例县教育局", 2020), ("b", "示例区教育局", 2020), ("new", "示例区教育局", 2021)
    ) == {("new", "b", "same-name")}
    assert (
        pairs_of(
            ("a", "示例县工商局", 2020),
            ("b", "示例县市场监管局", 2020),
            ("new", "示例区市场监督管理局", 2021),
        )
        == set()
    )


def test_last_year_in_two_files_takes_the_first_and_says_so():
    result = pair(
        cards(
            ("2020.docx", "示例县教育局", 2020),
            ("2020.pdf", "示例县教育局", 2020),
            ("2021.txt", "示例县教育局", 2021),
        )
    )
    assert [(p.path, p.previous, p.candidates) for p in result.pairs] == [("2021.txt", "2020.docx", 2)]
    assert "2" in result.pairs[0].describe("zh") and "first" in result.pairs[0].describe("en")


def test_a_file_named_twice_is_one_report():
    result = pair(
        cards(("a", "示例县教育局", 2020), ("b", "示例县教育局", 2021), ("b", "示例县教育局", 2021))
    )
    assert [(p.path, p.previous) for p in result.pairs] == [("b", "a")]


def test_groups_read_each_report_once_with_its_predecessor_first():
    result = pair(
        cards(
            ("c22", "示例县教育局", 2022),
            ("a20", "示例县教育局", 2020),
            ("b21", "示例县教育局", 2021),
            ("x21", "示例县民政局", 2021),
            ("y20", "示例县民政局", 2020),
            ("lone", "示例县财政局", 2021),
        )
    )
    groups = result.groups()
    assert groups == [[("a20", None), ("b21", "a20"), ("c22", "b21")], [("y20", None), ("x21", "y20")]]
    flat = {path for group in groups for path, _ in group}
    assert flat == {"a20", "b21", "c22", "x21", "y20"}
    for group in groups:
        seen = set()
        for path, previous in group:
            assert previous is None or previous in seen
            seen.add(path)
    assert sum(len(g) for g in groups) == 5  # every paired report in exactly one group, once


def test_a_report_without_agency_or_year_has_no_card():
    assert card_of(parse_text("一、总体情况\n本年度工作正常开展。\n", "x.txt")) is None
    card = card_of(parse_text(report(2021), "r.txt"))
    assert (card.path, card.agency, card.year) == ("r.txt", "示例县市场监督管理局", 2021)


@pytest.mark.slow  # running times measured on growing inputs
def test_pairing_is_linear_in_the_number_of_reports():
    """Each report is looked up by (name, year): the work grows with the reports, not with their
    pairs.  Counted in lines of gxlint.run.pairs executed (deterministic), not in seconds."""
    import sys

    from gxlint.run import pairs as pairs_mod

    def lines_run(n):
        many = [Card(f"r{i}", f"示例县第{i // 4}局", 2018 + i % 4, i) for i in range(n)]
        count = [0]

        def tracer(frame, event, arg):
            if frame.f_code.co_filename != pairs_mod.__file__:
                return None
            if event == "line":
                count[0] += 1
            return tracer

        sys.settrace(tracer)
        try:
            result = pair(many)
            groups = result.groups()
        finally:
            sys.settrace(None)
        assert len(result.pairs) == n * 3 // 4 and sum(len(g) for g in groups) == n
        return count[0]

    small, big = lines_run(1_000), lines_run(10_000)
    assert big <= 10 * small * 1.05  # ten times the reports: ten times the work, not a hundred


def test_the_runner_pairs_reports_found_in_a_folder_and_reports_the_pairs(tmp_path):
    for year in (2020, 2021, 2022):
        write(tmp_path / "reports", year)
    write(tmp_path / "reports" / "other", 2021, agency="示例县教育局")
    seen = []
    linter = Linter(isolated=True)
    items = files.ordered(files.discover([str(tmp_path / "reports")]))
    list(runner.run(linter, items, jobs=1, on_pairs=seen.append))
    [pairing] = seen
    assert sorted((p.path.split("/")[-1], p.previous.split("/")[-1]) for p in pairing.pairs) == [
        ("shili-2021.txt", "shili-2020.txt"),
        ("shili-2022.txt", "shili-2021.txt"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "示例县市场监督管理局关于2022年度政府信息公开工作年度报告",
        "关于示例县市场监督管理局2022年政府信息公开工作年度报告",
        "示例县市场监督管理局关于2022年政府信息公开工作的年度报告",
        "示例县市场监督管理局2022年政府信息公开工作年度报告（修订版）",
        # a notice that publishes the report
        "示例县市场监督管理局关于发布2022年政府信息公开工作年度报告的公告",
        "关于公布示例县市场监督管理局2022年政府信息公开工作年度报告的通知",
        "示例县市场监督管理局发布2022年政府信息公开工作年度报告",
    ],
)
def test_a_title_with_guanyu_or_a_note_names_the_agency_and_pairs(tmp_path, title):
    write(tmp_path, 2021)
    text = report(2022).replace("# 示例县市场监督管理局\n\n## 2022年政府信息公开工作年度报告", f"# {title}")
    assert text != report(2022)
    (tmp_path / "next.txt").write_text(text, encoding="utf-8")
    linter = Linter(isolated=True)
    from gxlint.read import source as source_mod

    assert linter.read_identity(source_mod.from_text(text, "next.txt")) == ("示例县市场监督管理局", 2022)
    seen = []
    list(runner.run(linter, files.ordered(files.discover([str(tmp_path)])), jobs=1, on_pairs=seen.append))
    [pairing] = seen
    assert [(p.path.split("/")[-1], p.previous.split("/")[-1]) for p in pairing.pairs] == [
        ("next.txt", "shili-2021.txt")
    ]


def _paired_names(folder) -> list[tuple[str, str]]:
    seen = []
    linter = Linter(isolated=True)
    list(runner.run(linter, files.ordered(files.discover([str(folder)])), jobs=1, on_pairs=seen.append))
    return [(p.path.split("/")[-1], p.previous.split("/")[-1]) for p in seen[0].pairs] if seen else []


def test_a_title_after_dozens_of_lines_of_links_is_found_and_pairs(tmp_path):
    write(tmp_path, 2021)
    links = "".join(f"相关链接：示例县第{i}号网站\n" for i in range(60))
    (tmp_path / "next.txt").write_text(links + "\n" + report(2022), encoding="utf-8")
    parsed = parse_text(links + "\n" + report(2022))
    assert (parsed.title, parsed.agency) == ("示例县市场监督管理局2022年政府信息公开工作年度报告", AGENCY)
    assert _paired_names(tmp_path) == [("next.txt", "shili-2021.txt")]


def test_a_title_without_the_agency_takes_the_signatures_and_pairs(tmp_path):
    write(tmp_path, 2021)
    text = report(2022).replace("# 示例县市场监督管理局\n\n## 2022年", "# 2022年")
    assert text.startswith("# 2022年政府信息公开工作年度报告")
    (tmp_path / "next.txt").write_text(text, encoding="utf-8")
    assert parse_text(text).agency == AGENCY  # the signature's
    assert _paired_names(tmp_path) == [("next.txt", "shili-2021.txt")]
    # the title still lacks it
    found = Linter(isolated=True).lint_text(text, "next.txt")
    assert [f.code for f in found if f.code == "GX106"] == ["GX106"]
    # a signature that is no organ's name is not taken
    assert parse_text(text.replace(f"{AGENCY}\n\n2023年1月20日", "办公室\n\n2023年1月20日")).agency is None


def test_a_title_naming_last_year_pairs_the_report_by_the_year_it_is_for(tmp_path):
    # the 2022 report's title says 2021, and its period statement comes after the beginning
    # pairing reads first: paired as the 2022 report it is (GX106's year), not as a second 2021
    # report that leaves the 2023 report without its predecessor
    for year in (2021, 2023):
        write(tmp_path, year)
    filler = "示例县市场监督管理局坚持以公开为常态、不公开为例外，推进政务公开标准化规范化。" * 40
    text = report(2022).replace(
        "## 2022年政府信息公开工作年度报告\n", f"## 2021年政府信息公开工作年度报告\n\n{filler}\n", 1
    )
    assert text.index("统计期限") > runner.IDENTITY_CHARS and parse_text(text).year == 2022
    (tmp_path / "shili-2022.txt").write_text(text, encoding="utf-8")
    assert sorted(_paired_names(tmp_path)) == [
        ("shili-2022.txt", "shili-2021.txt"),
        ("shili-2023.txt", "shili-2022.txt"),
    ]


def test_reports_of_one_agency_for_one_year_are_named_by_verbose(tmp_path):
    # last year's report with only its title moved on a year: no pair, and --verbose says why
    from click.testing import CliRunner

    from gxlint.cli import main

    write(tmp_path, 2022)
    text = report(2022).replace("## 2022年政府信息公开工作年度报告", "## 2023年政府信息公开工作年度报告", 1)
    (tmp_path / "shili-2023.txt").write_text(text, encoding="utf-8")
    assert _paired_names(tmp_path) == []
    result = CliRunner().invoke(main, ["--isolated", "--lang", "en", "-v", "-f", "concise", str(tmp_path)])
    assert f"gxlint: 2 reports of {AGENCY} for 2022: " in result.stderr
    assert "GX106" in result.stdout


def test_no_pairing_when_no_cross_year_rule_is_selected(tmp_path):
    for year in (2020, 2021):
        write(tmp_path, year)
    seen = []
    linter = Linter(overrides={"select": ["GX2"]}, isolated=True)
    items = files.ordered(files.discover([str(tmp_path)]))
    list(runner.run(linter, items, jobs=1, on_pairs=seen.append))
    assert seen == []  # nothing to pair for: the files are linted one by one as before


def test_a_run_with_pairing_tells_the_progress_of_every_file(tmp_path):
    for year in (2020, 2021, 2022):
        write(tmp_path, year)
    write(tmp_path, 2021, name="other.txt", agency="示例县教育局")
    told = []
    linter = Linter(isolated=True)
    items = files.ordered(files.discover([str(tmp_path)]))
    results = list(runner.run(linter, items, jobs=1, on_read=lambda done, path: told.append(done)))
    assert len(results) == 4 and told == sorted(told) and told[-1] == 4


def test_every_item_gets_its_result_in_order_even_a_file_given_twice(tmp_path):
    paths = [write(tmp_path, year) for year in (2020, 2021)]
    linter = Linter(isolated=True)
    items = [files.Item(str(p)) for p in (paths[1], paths[0], paths[1])]
    for jobs in (1, 2):
        results = list(runner.run(linter, items, jobs=jobs))
        assert [r.path for r in results] == [str(paths[1]), str(paths[0]), str(paths[1])]
        assert [f.code for f in results[0].findings] == [f.code for f in results[2].findings]


_PERIOD = "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
# the example's title and period changed: each year missing in turn, and the two disagreeing
_EDITS = {
    "as is": [],
    "no period": [(_PERIOD, "")],
    "no year in the title": [("## 2021年政府信息公开工作年度报告", "## 政府信息公开工作年度报告")],
    "period of another year": [(_PERIOD, _PERIOD.replace("2021", "2020"))],
    "title of another year": [("## 2021年政府信息公开", "## 2020年政府信息公开")],
}


def _identity_cases():
    """(path, edit) for the example and every fixture text, each with the edits its wording allows."""
    from pathlib import Path

    here = Path(__file__).parent
    texts = [here.parent / "examples" / "shili-county-2021.txt", *sorted((here / "fixtures").rglob("*.txt"))]
    cases = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for edit, changes in _EDITS.items():
            if all(old in text for old, _ in changes):
                cases.append(pytest.param(path, edit, id=f"{path.name}-{edit}"))
    return cases


@pytest.mark.parametrize(("path", "edit"), _identity_cases())
@pytest.mark.parametrize("head", [None, runner.IDENTITY_CHARS])
def test_the_identity_read_for_pairing_is_the_one_the_whole_reader_reads(path, head, edit):
    """Pairing reads a text file's agency and year from its title and period only (the whole reader
    only when their years disagree): the same agency and year the whole reader reads, from the whole
    text or from the beginning pairing reads."""
    from gxlint.read import source as source_mod

    linter = Linter(isolated=True)
    text = path.read_text(encoding="utf-8")
    for old, new in _EDITS[edit]:
        text = text.replace(old, new)
    source = source_mod.from_text(text[:head] if head else text, str(path))
    report = linter.read_report(source, linter.settings(str(path)))
    assert linter.read_identity(source) == (report.agency, report.year)
