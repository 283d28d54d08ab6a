"""``gxlint parse``: the JSON contract (docs/model.md) and the text outline."""

import json
import re

from click.testing import CliRunner

from gxlint.cli import main
from conftest import EXAMPLE, shared, SEED_000


def test_parse_json_contract():
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["year"] == 2021 and data["template"] == "2021" and data["agency"] == "示例县市场监督管理局"
    assert data["period"]["start"] == "2021-01-01" and data["period"]["end"] == "2021-12-31"
    assert data["signature"] == {"organ": "示例县市场监督管理局", "date": "2022-01-20", "line": 84}
    assert [c["number"] for c in data["chapters"]] == [1, 2, 3, 4, 5, 6]
    assert all(isinstance(c["number"], int) and c["line"] > 0 for c in data["chapters"])
    kinds = [t["kind"] for t in data["tables"]]
    assert kinds == ["active_disclosure", "applications", "review_litigation"]
    apps = data["tables"][1]["values"]
    assert apps["一、本年新收政府信息公开申请数量"]["总计"] == 16
    assert data["tables"][2]["values"]["行政复议"]["结果维持"] == 1


def test_parse_json_blank_cell_is_null_and_malformed_is_listed():
    data = json.loads(CliRunner().invoke(main, ["parse", "-f", "json", str(shared(SEED_000))]).output)
    apps = next(t for t in data["tables"] if t["kind"] == "applications")
    assert apps["values"]["（一）予以公开"]["自然人"] is None
    review = next(t for t in data["tables"] if t["kind"] == "review_litigation")
    assert review["values"]["行政复议"]["其他结果"] is None
    assert review["malformed"][0]["text"] == "00"


def test_parse_text_outline_in_either_language():
    result = CliRunner().invoke(main, ["parse", str(EXAMPLE)])
    assert result.exit_code == 0
    assert "章 三、收到和处理政府信息公开申请情况（第 38 行）" in result.output
    assert (
        "格式：    2021\n" in result.output and "落款：    示例县市场监督管理局，2022-01-20" in result.output
    )
    assert "行政规范性文件: 本年制发件数=2 本年废止件数=1 现行有效件数=15" in result.output
    # the form, table kinds and layouts by their Chinese names, no English word
    assert "形式：    文本\n" in result.output
    assert "  表 主动公开情况表（第二十条）（第 23 行，分列，格式 2021）\n" in result.output
    assert not re.search(r"[a-z]{3,}", result.output)
    english = CliRunner().invoke(main, ["parse", "--lang", "en", str(EXAMPLE)])
    assert "chapter 三、收到和处理政府信息公开申请情况  (line 38)" in english.output
    assert "template:  2021\n" in english.output
    assert "行政规范性文件: 本年制发件数=2 本年废止件数=1 现行有效件数=15" in english.output


def test_parse_unreadable_file(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, ["parse", "--lang", "en", str(binary)])
    assert result.exit_code == 2
    assert "binary" in result.stderr
    assert result.stdout == ""  # no outline of nothing before the error
    assert "Traceback" not in result.output


def test_parse_takes_lang_like_the_other_commands(tmp_path):
    from clitools import gx

    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    english = gx("parse", "--lang", "en", str(binary))
    assert english.exit_code == 2 and english.stderr.startswith("gxlint: error: ")
    assert gx("parse", str(binary)).stderr.startswith("gxlint：错误：")


def test_parse_outline_of_a_word_file_names_paragraphs_and_tables(tmp_path):
    # a line of the text gxlint read means nothing in Word: the outline names the paragraph or the
    # table, as the findings do
    from formsgen import to_docx

    path = tmp_path / "report.docx"
    path.write_bytes(to_docx(EXAMPLE.read_text(encoding="utf-8")))
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^章 三、收到和处理政府信息公开申请情况（第 \d+ 段）$", result.output, re.M)
    assert re.search(
        r"^  表 收到和处理政府信息公开申请情况表（表 \d+ 第 1 行，分列，格式 2021）$", result.output, re.M
    )
    assert re.search(r"^落款：    示例县市场监督管理局，2022-01-20（第 \d+ 段）$", result.output, re.M)
    assert " 行）\n" not in result.output.replace("第 1 行，", "")
    english = CliRunner().invoke(main, ["parse", "--lang", "en", str(path)])
    assert re.search(r"^chapter 三、收到和处理政府信息公开申请情况  \(paragraph \d+\)$", english.output, re.M)
