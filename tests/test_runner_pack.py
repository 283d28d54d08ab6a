"""A result held back for its turn in the output comes back as it was: its findings packed as
tuples of their fields are the same findings."""

from __future__ import annotations

from dataclasses import fields

from gxlint.finding import Finding
from gxlint.output import FileResult
from gxlint.run import runner


def test_a_packed_result_comes_back_the_same():
    findings = [
        Finding(
            "r.txt", 3, 1, 3, 5, "GX206", "narrative-mismatch", "warning", "正文与表格不符", "核对", "ab12"
        ),
        Finding(
            "r.txt",
            0,
            0,
            0,
            0,
            "GX001",
            "unreadable",
            "error",
            "无法读取",
            None,
            "",
            {"form": "pdf", "page": 2},
        ),
    ]
    for result in (
        FileResult("r.txt", findings, {3: "示例县\t1"}),
        FileResult("r.txt", [], {}, checked=False),
        FileResult("r.txt", findings[:1], {}, skipped=True, report={"text": "示例县"}),
    ):
        back = runner._unpack(runner._pack(result))
        assert back == result and type(back.findings[0] if back.findings else None) in (Finding, type(None))


def test_the_pack_carries_every_field():
    # a field added to FileResult or Finding must be carried by _pack and _unpack too
    assert [f.name for f in fields(FileResult)] == [
        "path",
        "findings",
        "lines",
        "checked",
        "skipped",
        "report",
    ]
    finding = Finding("p", 1, 2, 3, 4, "X", "x", "info", "m", "f", "g", {"form": "docx"})
    assert Finding(*runner._FINDING_VALUES(finding)) == finding
