"""The rule-case kit's shared report parts: ``{{ name }}`` lines and ``replace`` edits, strictly."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from gxlint.testing import CaseError, cases, check

FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "cases" / "fixtures"


def folder_with(tmp_path: Path, body: str) -> Path:
    (tmp_path / "fixtures").mkdir()
    shutil.copy(FIXTURES / "applications-2021.txt", tmp_path / "fixtures")
    (tmp_path / "GX201.yaml").write_text(
        'rule: GX201\ntab: "→"\ncases:\n' + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8"
    )
    return tmp_path


def test_a_part_and_an_edit_make_the_documented_failing_case(tmp_path):
    folder = folder_with(
        tmp_path,
        """\
        - name: one more application received than handled
          fail: |
            示例县2021年政府信息公开工作年度报告
            {{ applications-2021 }}
          replace: {"一、本年新收政府信息公开申请数量→→12": "一、本年新收政府信息公开申请数量→→13"}
          expect:
            - {line: 6, message: "自然人"}
        - name: the part as it is balances
          pass: |
            示例县2021年政府信息公开工作年度报告
            {{ applications-2021 }}
        """,
    )
    found = cases(folder)
    assert found[0].text.splitlines()[5].startswith("一、本年新收政府信息公开申请数量\t\t13\t")
    for case in found:
        check(case)


@pytest.mark.parametrize(
    "body, problem",
    [
        ("pass: |\n    {{ applications-2012 }}\n", "no report part 'applications-2012'"),
        ('pass: |\n    {{ applications-2021 }}\nreplace: {"不存在的文字": "x"}\n', "found 0 times"),
        ('pass: |\n    {{ applications-2021 }}\nreplace: {"→0→0": "→1→1"}\n', "not once"),
        ('pass: |\n    {{ applications-2021 }}\nreplace: ["a"]\n', "'replace' must be a mapping"),
    ],
)
def test_a_part_or_edit_that_does_not_fit_is_an_error_naming_it(tmp_path, body, problem):
    folder = folder_with(tmp_path, "- name: broken\n  " + body.replace("\n", "\n  "))
    with pytest.raises(CaseError, match=problem) as info:
        cases(folder)
    assert "GX201.yaml: case 1 (broken)" in str(info.value)
    if "2012" in problem:
        assert "did you mean 'applications-2021'" in str(info.value)
