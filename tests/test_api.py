"""The library API a CMS embeds: gxlint.lint_text / lint_paths / parse_* ."""

import gxlint
from conftest import EXAMPLE, FIXTURES


def test_lint_text_with_a_config_mapping():
    findings = gxlint.lint_text("会议纪要\n今天讨论了三件事。\n", path="minutes.txt", config={"lang": "en"})
    assert [(f.code, f.path, f.line) for f in findings] == [("GX002", "minutes.txt", 1)]
    assert (
        "not an annual report" in findings[0].message or "no annual-report structure" in findings[0].message
    )
    assert gxlint.lint_text("会议纪要\n", config={"ignore": ["GX002"]}) == []


def test_lint_paths_recurses_and_reports_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")  # not *.txt/*.md: not picked up in a folder
    findings = gxlint.lint_paths([tmp_path, tmp_path / "missing.txt"], config={"select": ["GX00"]})
    assert sorted((f.code, f.path.split("/")[-1]) for f in findings) == [
        ("GX001", "missing.txt"),
        ("GX002", "notes.txt"),
    ]


def test_findings_are_sorted_and_well_formed():
    findings = gxlint.lint_text((FIXTURES / "shili-2021-inline.txt").read_text(encoding="utf-8"))
    assert findings == sorted(findings, key=lambda f: f.sort_key)
    for f in findings:
        assert f.severity in ("error", "warning", "info")
        assert (f.end_line, f.end_column) > (f.line, f.column)
        assert set(f.to_dict()) >= {
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "name",
            "severity",
            "message",
        }


def test_parse_path_and_lint_report_agree():
    report = gxlint.parse_path(EXAMPLE)
    assert gxlint.lint_report(report, config={"select": ["GX00"]}) == []


def test_text_given_as_a_string_is_read_as_the_same_text_in_a_file():
    # tables in aligned columns (pdftotext -layout), handed to the library as a string: their cells
    # are read as they are from the file (they were not: every table came out empty)
    for name in ("forms/shiyi-2021-layout.txt", "shili-2021-pipes.md"):
        data = (FIXTURES / name).read_bytes()
        from_file = gxlint.parse_bytes(data, name)
        from_string = gxlint.parse_text(data.decode("utf-8"), name)
        cells = [[(c.text, c.span.line) for r in t.rows for c in r.cells] for t in from_file.tables]
        assert cells and all(cells)
        assert [[(c.text, c.span.line) for r in t.rows for c in r.cells] for t in from_string.tables] == cells
        assert gxlint.lint_text(data.decode("utf-8"), name) == gxlint.lint_report(from_file)
