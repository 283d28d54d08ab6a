"""Rule cases: tiny reports with the findings a rule must (or must not) produce, kept in YAML.

gxlint's own rules and third-party plugins test themselves the same way::

    # cases/GX201.yaml
    rule: GX201
    tab: "→"                 # optional: this character stands for a tab in the texts below
    cases:
      - name: balanced table
        pass: |
          三、收到和处理政府信息公开申请情况
          一、本年新收政府信息公开申请数量→1→0→0→0→0→0→1
          ...
      - name: one more received than handled
        fail: |
          ...
        expect:
          - {line: 3, severity: error, message: "自然人"}
        config: {lang: zh}    # optional, the keys of a .gxlint.yaml

and in a test module::

    from gxlint.testing import cases, check

    @pytest.mark.parametrize("case", cases("cases/"), ids=str)
    def test_rule_cases(case):
        check(case)

A case given as ``pass_bytes``/``fail_bytes`` (a YAML double-quoted string with ``\\xNN``
escapes; each character is one byte) is linted as raw file bytes, for encoding and binary cases.

A ``pass`` case must produce no finding of the rule.  A ``fail`` case must produce exactly the
findings listed in ``expect`` (each matched on the keys given: ``code`` -- the case's rule by
default --, ``line``, ``column``, ``end_line``, ``end_column``, ``severity``, and ``message``,
which is a substring); without ``expect`` it must produce at least one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .finding import Finding

_MATCH_KEYS = ("code", "line", "column", "end_line", "end_column", "severity")


@dataclass
class Case:
    rule: str
    name: str
    kind: str  # "pass" or "fail"
    text: str
    expect: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    origin: str = ""
    data: bytes | None = None

    def __str__(self) -> str:
        return f"{self.rule}-{self.kind}-{self.name}".replace(" ", "_")


def load(path: str | Path) -> list[Case]:
    """The cases of one YAML file."""
    from ruamel.yaml import YAML

    path = Path(path)
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "rule" not in data or "cases" not in data:
        raise ValueError(f"{path}: a case file needs 'rule' and 'cases'")
    rule = str(data["rule"])
    tab = data.get("tab")
    out = []
    for i, raw in enumerate(data["cases"]):
        kinds = [k for k in ("pass", "fail", "pass_bytes", "fail_bytes") if k in raw]
        if len(kinds) != 1:
            raise ValueError(f"{path}: case {i + 1} needs exactly one of 'pass' or 'fail'")
        kind = kinds[0]
        text = str(raw[kind])
        data = None
        if kind.endswith("_bytes"):
            data, text, kind = text.encode("latin-1"), "", kind[:-6]
        elif tab:
            text = text.replace(tab, "\t")
        out.append(Case(rule, str(raw.get("name", f"case {i + 1}")), kind, text,
                        [dict(e) for e in raw.get("expect", []) or []], dict(raw.get("config", {}) or {}),
                        f"{path}#{i + 1}", data))
    return out


def cases(where: str | Path | Iterable[str | Path]) -> list[Case]:
    """Every case in a YAML file, a folder of them, or several of either."""
    items = [where] if isinstance(where, (str, Path)) else list(where)
    out: list[Case] = []
    for item in items:
        item = Path(item)
        files = sorted(item.glob("*.yaml")) if item.is_dir() else [item]
        for f in files:
            out.extend(load(f))
    return out


def run(case: Case, plugins: Sequence[Any] | None = None) -> list[Finding]:
    """The findings of the case's rule on the case's text (only that rule runs)."""
    from . import plugins as plugins_mod
    from .engine import Linter

    config = dict(case.config)
    config["select"] = [case.rule]
    loaded = plugins_mod.load(extra=plugins or ()) if plugins else None
    linter = Linter(overrides=config, plugins=loaded, isolated=True)
    if case.data is not None:
        from .read import source as source_mod

        name = f"{case.rule}.txt"
        return linter.lint_source(source_mod.from_bytes(case.data, name), linter.settings(name))
    return linter.lint_text(case.text, path=f"{case.rule}.txt")


def _matches(finding: Finding, expected: dict[str, Any], rule: str) -> bool:
    if finding.code != expected.get("code", rule):
        return False
    for key in _MATCH_KEYS[1:]:
        if key in expected and getattr(finding, key) != expected[key]:
            return False
    if "message" in expected and str(expected["message"]) not in finding.message:
        return False
    return True


def check(case: Case, plugins: Sequence[Any] | None = None) -> list[Finding]:
    """Assert that the case holds; returns the findings."""
    findings = run(case, plugins)
    shown = "\n".join(f"  {f.line}:{f.column} {f.code} [{f.severity}] {f.message}" for f in findings) or "  (none)"
    if case.kind == "pass":
        own = [f for f in findings if f.code == case.rule]
        assert not own, f"{case.origin} ({case.name}): expected no {case.rule} finding, got:\n{shown}"
        return findings
    if not case.expect:
        assert any(f.code == case.rule for f in findings), \
            f"{case.origin} ({case.name}): expected a {case.rule} finding, got:\n{shown}"
        return findings
    remaining = list(findings)
    for expected in case.expect:
        hit = next((f for f in remaining if _matches(f, expected, case.rule)), None)
        assert hit is not None, f"{case.origin} ({case.name}): no finding matches {expected}; got:\n{shown}"
        remaining.remove(hit)
    extra = [f for f in remaining if f.code == case.rule]
    assert not extra, (f"{case.origin} ({case.name}): unexpected {case.rule} findings:\n"
                       + "\n".join(f"  {f.line}:{f.column} {f.message}" for f in extra))
    return findings
