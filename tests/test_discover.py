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


def test_the_pre_commit_hook_passes_every_extension_a_folder_is_searched_for():
    """The hook's ``files:`` pattern and DEFAULT_INCLUDE name the same extensions (before: .mhtml
    and .mht were searched for in folders but never passed by the hook), in any case; and the
    pattern cli.md quotes is the hook's."""
    import re
    from pathlib import Path

    from ruamel.yaml import YAML

    from gxlint.run.discover import DEFAULT_INCLUDE

    root = Path(__file__).resolve().parents[1]
    [hook] = YAML(typ="safe").load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    included = set()
    for glob in DEFAULT_INCLUDE:
        assert re.fullmatch(r"\*\.[a-z]+", glob), glob  # the hook's pattern can only name extensions
        included.add(glob[2:])
    # the pattern is (?i)\.(a|b?|…)$: the extensions it names, each "x?" both with and without x
    shape = re.fullmatch(r"\(\?i\)\\\.\(([a-z?|]+)\)\$", hook["files"])
    assert shape, hook["files"]
    named = set()
    for alternative in shape[1].split("|"):
        assert alternative.count("?") <= 1 and not alternative.startswith("?"), alternative
        named |= {alternative.replace("?", ""), re.sub(".\\?", "", alternative)}
    assert named == included
    pattern = re.compile(hook["files"])
    for ext in included:
        for name in (f"r.{ext}", f"R.{ext.upper()}", f"reports/2021/示例县.{ext.capitalize()}"):
            assert pattern.search(name), (name, hook["files"])
    assert not pattern.search("r.mhtm") and not pattern.search("r.txt.bak")
    assert f"`{hook['files']}`" in (root / "docs" / "cli.md").read_text(encoding="utf-8")


def test_the_lock_file_of_a_document_open_in_word_is_no_report(tmp_path):
    # ~$报告.docx sits beside a document while Word or WPS has it open: 162 bytes, no report; before,
    # it was a "damaged" file (GX001) and failed the run
    (tmp_path / "报告.docx").write_bytes(b"x")
    (tmp_path / "~$报告.docx").write_bytes(b"\x0c" + "示例".encode("utf-16-le") + b"\x00" * 100)
    assert [p.rsplit("/", 1)[1] for p in _found(tmp_path)] == ["报告.docx"]
    # named, as pre-commit names a staged file: said to be a lock file, not called a damaged .docx
    named = list(discover([str(tmp_path / "~$报告.docx")]))
    assert [i.path for i in named] == [str(tmp_path / "~$报告.docx")]
    assert "锁定文件" in named[0].problem.message_zh and "lock file" in named[0].problem.message_en
