"""``--format sarif`` validated against tests/sarif-github-schema.json (what GitHub code scanning
requires), plus the cross-references a JSON schema cannot express."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from clitools import INLINE, gx, reports
from gxlint.output.sarif import artifact_location

SCHEMA = json.loads((Path(__file__).with_name("sarif-github-schema.json")).read_text(encoding="utf-8"))


@pytest.fixture
def sarif(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the repository root the URIs are relative to
    folder = reports(tmp_path / "年报 2021")
    shutil.copy(INLINE, folder / "示例县 教育局#1.txt")
    result = gx("--isolated", "--select", "GX0", "-f", "sarif", "--lang", "en", str(folder))
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_sarif_output_is_valid_for_github_code_scanning(sarif):
    errors = sorted(validator().iter_errors(sarif), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_the_schema_rejects_what_github_would_reject(sarif):
    """The schema is not vacuous: each required piece, removed or broken, fails validation."""
    v = validator()
    breakages = [
        lambda d: d.pop("version"),
        lambda d: d["runs"][0]["tool"]["driver"]["rules"][0].pop("fullDescription"),
        lambda d: d["runs"][0]["tool"]["driver"]["rules"][0]["help"].pop("text"),
        lambda d: d["runs"][0]["results"][0].pop("partialFingerprints"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].pop("startLine"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"
        ].__setitem__("uri", "/abs/path with space.txt"),
        lambda d: d["runs"][0]["results"][0].__setitem__("level", "fatal"),
    ]
    for breakage in breakages:
        broken = copy.deepcopy(sarif)
        breakage(broken)
        assert list(v.iter_errors(broken)), breakage


def test_every_known_rule_is_in_the_driver_and_results_point_at_them(sarif):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:4] == ["GX000", "GX001", "GX002", "GX003"]
    listed = json.loads(gx("rules", "-f", "json").stdout)
    assert sorted(ids) == sorted(r["code"] for r in listed)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"GX001": "error", "GX002": "error", "GX003": "warning"}
    gx003 = rules[ids.index("GX003")]
    assert gx003["name"] == "table-unreadable"
    assert gx003["shortDescription"]["text"].startswith("a template table's cells")
    assert "\n" not in gx003["fullDescription"]["text"].split("\n\n")[1]  # docstring lines rejoined
    assert "**Anti-pattern**" in gx003["help"]["markdown"]


def test_uris_are_repo_relative_and_percent_encoded(sarif):
    run = sarif["runs"][0]
    locations = [r["locations"][0]["physicalLocation"] for r in run["results"]]
    uris = [loc["artifactLocation"]["uri"] for loc in locations]
    assert all(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for loc in locations)
    assert "%E5%B9%B4%E6%8A%A5%202021/binary.txt" in uris
    decoded = sorted(unquote(u) for u in uris)
    assert decoded == [
        "年报 2021/binary.txt",
        "年报 2021/empty.txt",
        "年报 2021/shili-2021-inline.txt",
        "年报 2021/sub/inline-copy.txt",
        "年报 2021/示例县 教育局#1.txt",
    ]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


def test_region_and_fingerprint_of_a_finding(sarif):
    [result] = [
        r
        for r in sarif["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("inline-copy.txt")
    ]
    region = result["locations"][0]["physicalLocation"]["region"]
    as_json = json.loads(gx("--isolated", "-f", "json", INLINE).stdout)[0]
    assert region == {
        "startLine": 5,
        "startColumn": as_json["column"],
        "endLine": 5,
        "endColumn": as_json["end_column"],
    }
    assert result["partialFingerprints"] == {"gxlintFingerprint/v1": as_json["fingerprint"]}
    assert result["message"]["text"].endswith("(fix: write one number per column, tab-separated)")


def test_artifact_location_outside_the_root_is_an_absolute_file_uri(tmp_path):
    root = tmp_path / "repo"
    assert artifact_location(str(tmp_path / "other dir" / "a.txt"), str(root)) == {
        "uri": (tmp_path / "other dir" / "a.txt").as_uri()
    }
    assert artifact_location(str(root / "a:b.txt"), str(root)) == {
        "uri": "a%3Ab.txt",
        "uriBaseId": "%SRCROOT%",
    }


def test_standard_input_is_dash_relative_to_nothing_unless_named(tmp_path, monkeypatch):
    """Before: ``reports/-``, with the base id, as if a file named ``-`` were in the working folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path / "reports")
    args = ("--isolated", "--select", "GX0", "-f", "sarif", "--lang", "en")
    result = gx(*args, "-", input="")  # empty: GX002
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    [found] = doc["runs"][0]["results"]
    assert found["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "-"}
    named = json.loads(gx(*args, "--stdin-filename", "2021.txt", "-", input="").stdout)
    [found] = named["runs"][0]["results"]
    assert found["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "reports/2021.txt",
        "uriBaseId": "%SRCROOT%",
    }


def test_empty_run_is_valid_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text(
        (Path(__file__).parents[1] / "examples" / "shili-county-2021.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = gx("--isolated", "-f", "sarif", "clean.txt")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["runs"][0]["results"] == []
    assert not list(validator().iter_errors(data))
