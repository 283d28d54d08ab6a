"""Which files a run checks (gxlint.run.discover): names in capitals are reports too, and an
excluded folder leaves out the files named inside it, as the pre-commit hook names them."""

from __future__ import annotations

from gxlint.run.discover import discover


def _found(*paths, **kw) -> list[str]:
    return [item.path for item in discover([str(p) for p in paths], **kw)]


def test_a_folder_yields_report_files_whatever_the_case_of_their_names(tmp_path):
    for name in ("REPORT.PDF", "a.TXT", "b.Docx", "c.txt", "notes.xlsx", "OLD.DOC"):
        (tmp_path / name).write_bytes(b"x")
    # before: REPORT.PDF, a.TXT, b.Docx and OLD.DOC were left out without a word
    assert sorted(p.rsplit("/", 1)[1] for p in _found(tmp_path)) == [
        "OLD.DOC",
        "REPORT.PDF",
        "a.TXT",
        "b.Docx",
        "c.txt",
    ]


def test_an_excluded_folder_leaves_out_the_files_named_in_it(tmp_path):
    for folder in ("drafts", "x/drafts", "draftsman"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text("x", encoding="utf-8")
    named = [tmp_path / "drafts/a.txt", tmp_path / "x/drafts/a.txt", tmp_path / "draftsman/a.txt"]
    # before: a file named explicitly was left out only when its own name or whole path matched
    assert _found(*named, exclude=("drafts",)) == [str(tmp_path / "draftsman/a.txt")]
    assert _found(*named, exclude=("x/drafts",)) == [str(p) for p in named if "x/" not in str(p)]
    assert _found(tmp_path, exclude=("drafts",)) == [str(tmp_path / "draftsman/a.txt")]
