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

Only the case's rule runs, and the rules a case's ``config: {select: [...]}`` adds: a rule that
leaves a finding to another when that one runs (``ctx.runs``) is tested with it.

and in a test module::

    from gxlint.testing import cases, check

    @pytest.mark.parametrize("case", cases("cases/"), ids=str)
    def test_rule_cases(case):
        check(case)

Cases share report parts instead of repeating them: a line ``{{ name }}`` in a case's text stands
for the file ``fixtures/name.txt`` beside the case file (real tabs in it), and ``replace`` (a
mapping of text to text, each found exactly once after the parts are put in) edits the result::

      - name: one more received than handled
        fail: |
          示例县2021年政府信息公开工作年度报告
          {{ applications-2021 }}
        replace: {"一、本年新收政府信息公开申请数量→→12": "一、本年新收政府信息公开申请数量→→13"}

A rule that compares a report with last year's (``Rule.uses_previous``) gets last year's report
from ``previous``, a text like the case's own (with its parts put in; ``replace`` edits only the
case's text)::

      - name: last year carried forward what this year did not carry over
        fail: |
          示例县2021年政府信息公开工作年度报告
          {{ applications-2021 }}
        previous: |
          示例县2020年政府信息公开工作年度报告
          {{ applications-2021 }}

``previous`` on a case whose rule does not compare years (``uses_previous`` False) is a
:class:`CaseError`: last year's report would not be used.

A case given as ``pass_bytes``/``fail_bytes`` (a YAML double-quoted string with ``\\xNN``
escapes; each character is one byte) is linted as raw file bytes, for encoding and binary cases.

A ``pass`` case must produce no finding of the rule.  A ``fail`` case must produce exactly the
findings listed in ``expect`` (each matched on the keys given: ``code`` -- the case's rule by
default --, ``line``, ``column``, ``end_line``, ``end_column``, ``severity``, and ``message``,
which is a substring); without ``expect`` it must produce at least one.

The kit is strict, so that a mistake in a case cannot make it pass: a key it does not know (in
the file, in a case, or in an ``expect`` item) or a value of the wrong type is a
:class:`CaseError` naming the file and the case, and a rule that crashes on a case (a ``GX000``
finding) fails it, with the traceback, unless the case expects ``code: GX000``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from gxlint.finding import SEVERITIES, Finding

_MATCH_KEYS = ("code", "line", "column", "end_line", "end_column", "severity")
#: the keys of a case file, of a case, and of an ``expect`` item
FILE_KEYS = ("rule", "tab", "cases")
CASE_KEYS = ("name", "pass", "fail", "pass_bytes", "fail_bytes", "expect", "config", "replace", "previous")
EXPECT_KEYS = (*_MATCH_KEYS, "message", "fix")
_TEXT_KEYS = ("pass", "fail", "pass_bytes", "fail_bytes")


_PART = re.compile(r"^[ \t]*\{\{\s*([\w.-]+)\s*\}\}[ \t]*$", re.M)


class CaseError(ValueError):
    """A case file that does not say what it means: an unknown key, a missing or ill-typed value."""


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
    #: last year's report, for the rules that compare with it (None: no last year's report)
    previous: str | None = None

    def __str__(self) -> str:
        return f"{self.rule}-{self.kind}-{self.name}".replace(" ", "_")


def _unknown(keys: Iterable[Any], known: Sequence[str], where: str, within: str = "") -> None:
    for key in keys:
        if key not in known:
            hint = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            raise CaseError(
                f"{where}: unknown key {key!r}{within}"
                + (f" (did you mean {hint[0]!r}?)" if hint else "")
                + f"; known keys: {', '.join(known)}"
            )


def _expectation(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise CaseError(
            f"{where}: each item of 'expect' must be a mapping like {{line: 3, message: ...}}, not {item!r}"
        )
    _unknown(item, EXPECT_KEYS, where, " in expect")
    for key, value in item.items():
        if key in ("line", "column", "end_line", "end_column"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise CaseError(f"{where}: in expect, {key!r} must be a number from 1, not {value!r}")
        elif key == "severity" and value not in SEVERITIES:
            raise CaseError(
                f"{where}: in expect, 'severity' must be one of {', '.join(SEVERITIES)}, not {value!r}"
            )
        elif key in ("code", "message", "fix") and not isinstance(value, (str, int)):
            raise CaseError(f"{where}: in expect, {key!r} must be text, not {value!r}")
    return dict(item)


def load(path: str | Path) -> list[Case]:
    """The cases of one YAML file; a :class:`CaseError` names the file and case of any mistake."""
    from ruamel.yaml import YAML

    path = Path(path)
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        _unknown(data, FILE_KEYS, str(path))
    if not isinstance(data, dict) or "rule" not in data or "cases" not in data:
        raise CaseError(f"{path}: a case file needs 'rule' and 'cases'")
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise CaseError(f"{path}: no cases ('cases' must be a list of cases)")
    rule = str(data["rule"])
    tab = data.get("tab")
    out = []
    for i, raw in enumerate(data["cases"]):
        if not isinstance(raw, dict):
            raise CaseError(f"{path}: case {i + 1} must be a mapping with 'pass' or 'fail', not {raw!r}")
        name = str(raw.get("name", f"case {i + 1}"))
        where = f"{path}: case {i + 1} ({name})"
        _unknown(raw, CASE_KEYS, where)
        kinds = [k for k in _TEXT_KEYS if k in raw]
        if len(kinds) != 1:
            raise CaseError(f"{where}: needs exactly one of {', '.join(_TEXT_KEYS)}")
        kind = kinds[0]
        text = str(raw[kind])
        payload = None
        if kind.endswith("_bytes"):
            payload, text, kind = text.encode("latin-1"), "", kind[:-6]
        else:
            if tab:
                text = text.replace(tab, "\t")
            text = _edited(_with_parts(text, path.parent / "fixtures", where), raw.get("replace"), tab, where)
        expect = raw.get("expect") or []
        if not isinstance(expect, list):
            raise CaseError(f"{where}: 'expect' must be a list of findings, not {expect!r}")
        if expect and kind == "pass":
            raise CaseError(f"{where}: a pass case expects no finding; 'expect' is for fail cases")
        config = raw.get("config") or {}
        if not isinstance(config, dict):
            raise CaseError(f"{where}: 'config' must be a mapping of .gxlint.yaml keys, not {config!r}")
        previous = raw.get("previous")
        if previous is not None:
            if not isinstance(previous, str):
                raise CaseError(
                    f"{where}: 'previous' must be the text of last year's report, not {previous!r}"
                )
            if tab:
                previous = previous.replace(tab, "\t")
            previous = _with_parts(previous, path.parent / "fixtures", where)
        out.append(
            Case(
                rule,
                name,
                kind,
                text,
                [_expectation(e, where) for e in expect],
                dict(config),
                f"{path}#{i + 1}",
                payload,
                previous,
            )
        )
    return out


def _with_parts(text: str, folder: Path, where: str) -> str:
    """The text with each ``{{ name }}`` line replaced by ``folder/name.txt``."""

    def part(m: re.Match) -> str:
        file = folder / f"{m.group(1)}.txt"
        if not file.is_file():
            known = sorted(p.stem for p in folder.glob("*.txt")) if folder.is_dir() else []
            hint = difflib.get_close_matches(m.group(1), known, n=1, cutoff=0.6)
            raise CaseError(
                f"{where}: no report part {m.group(1)!r} ({file} does not exist)"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
            )
        return file.read_text(encoding="utf-8").rstrip("\n")

    return _PART.sub(part, text)


def _edited(text: str, replace: Any, tab: str | None, where: str) -> str:
    if replace is None:
        return text
    if not isinstance(replace, dict) or not replace:
        raise CaseError(f"{where}: 'replace' must be a mapping of text to the text that replaces it")
    for old, new in replace.items():
        if not isinstance(old, str) or not isinstance(new, (str, int)):
            raise CaseError(f"{where}: in 'replace', {old!r}: {new!r} is not text to text")
        old, new = (old, str(new)) if not tab else (old.replace(tab, "\t"), str(new).replace(tab, "\t"))
        found = text.count(old)
        if found != 1:
            raise CaseError(f"{where}: in 'replace', {old!r} is found {found} times in the text, not once")
        text = text.replace(old, new)
    return text


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
    return _run(case, plugins)[0]


def _run(case: Case, plugins: Sequence[Any] | None) -> tuple[list[Finding], list[str], set[str]]:
    """The findings, the tracebacks of any crash, and the codes of the rules that report crashes."""
    from gxlint.plugins import discovery as plugins_mod
    from gxlint.run.linter import Linter

    from gxlint.config import ConfigError

    config = dict(case.config)
    # only the case's rule runs, and the rules the case's ``select`` adds (those it leaves findings to)
    config["select"] = [case.rule, *(c for c in config.get("select", ()) if c != case.rule)]
    # the installed plugins (or those given) whatever a config file around says: cases are isolated
    loaded = plugins_mod.load(extra=plugins, disable=()) if plugins else plugins_mod.cached((), disable=())
    where = f"{case.origin} ({case.name})"
    given = {getattr(obj, "__name__", f"plugin-{i}") for i, obj in enumerate(plugins or ())}
    for failure in loaded.failures:
        if failure.name in given:  # the case cannot run: say why rather than "unknown rule code"
            raise CaseError(
                f"{where}: plugin {failure.name} was not loaded: {failure.error}"
                + (f"\n{failure.traceback}" if failure.traceback else "")
            )
    try:
        linter = Linter(overrides=config, plugins=loaded, isolated=True)
    except ConfigError as exc:
        if case.rule not in loaded.rules and loaded.rule(case.rule) is None:
            failed = "".join(f"; plugin {f.name} was not loaded: {f.error}" for f in loaded.failures)
            raise CaseError(f"{where}: no loaded plugin has the rule {case.rule}{failed}") from None
        raise CaseError(f"{where}: in its 'config': {exc.message}") from None
    linter.tracebacks = []
    from gxlint.read import source as source_mod

    rule = loaded.rule(case.rule)
    if case.previous is not None and rule is not None and not rule.uses_previous:
        raise CaseError(
            f"{where}: 'previous' gives last year's report, but rule {rule.code} does not compare "
            "reports of consecutive years (its uses_previous is False): the case would not use it"
        )

    name = f"{case.rule}.txt"
    settings = linter.settings(name)
    previous = None
    if case.previous is not None:
        last = f"{case.rule}-previous.txt"
        previous = linter.read_report(source_mod.from_text(case.previous, last), linter.settings(last))
    if case.data is not None:
        source = source_mod.from_bytes(case.data, name)
    else:
        source = source_mod.from_text(case.text, name)
    found = linter.lint_source(source, settings, previous=previous)
    return found, linter.tracebacks, {code for code, r in linter.rules.items() if r.reports_crashes}


def _matches(finding: Finding, expected: dict[str, Any], rule: str) -> bool:
    if finding.code != str(expected.get("code", rule)):
        return False
    for key in _MATCH_KEYS[1:]:
        if key in expected and getattr(finding, key) != expected[key]:
            return False
    if "message" in expected and str(expected["message"]) not in finding.message:
        return False
    if "fix" in expected and str(expected["fix"]) not in (finding.fix or ""):
        return False
    return True


def check(case: Case, plugins: Sequence[Any] | None = None) -> list[Finding]:
    """Assert that the case holds; returns the findings."""
    findings, tracebacks, crash_codes = _run(case, plugins)
    shown = (
        "\n".join(f"  {f.line}:{f.column} {f.code} [{f.severity}] {f.message}" for f in findings)
        or "  (none)"
    )
    crashes = [f for f in findings if f.code in crash_codes]
    if (
        crashes
        and case.rule not in crash_codes
        and not any(str(e.get("code")) in crash_codes for e in case.expect)
    ):
        raise AssertionError(
            f"{case.origin} ({case.name}): the rule crashed ({crashes[0].code}):\n{shown}\n\n"
            + "\n".join(tracebacks)
        )
    if case.kind == "pass":
        own = [f for f in findings if f.code == case.rule]
        assert not own, f"{case.origin} ({case.name}): expected no {case.rule} finding, got:\n{shown}"
        return findings
    if not case.expect:
        assert any(f.code == case.rule for f in findings), (
            f"{case.origin} ({case.name}): expected a {case.rule} finding, got:\n{shown}"
        )
        return findings
    remaining = list(findings)
    for expected in case.expect:
        hit = next((f for f in remaining if _matches(f, expected, case.rule)), None)
        assert hit is not None, f"{case.origin} ({case.name}): no finding matches {expected}; got:\n{shown}"
        remaining.remove(hit)
    extra = [f for f in remaining if f.code == case.rule]
    assert not extra, f"{case.origin} ({case.name}): unexpected {case.rule} findings:\n" + "\n".join(
        f"  {f.line}:{f.column} {f.message}" for f in extra
    )
    return findings
