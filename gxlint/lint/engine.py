"""The engine: runs the rules it is given on one report and turns their output (or their crash) into
sorted findings with the configured severities.

It knows no rule: which rules run on a file, with which options and severities, is decided by the
caller (``gxlint.run.linter.Linter``, from the configuration and the loaded plugins).  A rule that
crashes becomes a :class:`~gxlint.lint.conditions.Crash`, which the rules that report crashes
(``Rule.reports_crashes``) see after all the others have run.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from typing import Any, Iterable, Mapping, Protocol, Sequence
from types import MappingProxyType

from gxlint.finding import Finding
from gxlint.lint.conditions import Crash, misuse, traceback_text
from gxlint.lint.rule import Rule, RuleContext
from gxlint.model import Report
from gxlint.read.source import Source
from gxlint.read.templates import Templates, deadlines


class RunSettings(Protocol):
    """What the engine needs of a file's resolved settings (``gxlint.config.Settings`` has it)."""

    @property
    def lang(self) -> str: ...
    @property
    def organ(self) -> str: ...
    @property
    def severity(self) -> Mapping[str, str]: ...
    @property
    def options(self) -> Mapping[str, Mapping[str, Any]]: ...


#: a rule to run and its options
_Step = tuple[type[Rule], Mapping[str, Any]]

#: how many plans an engine keeps (a run has one per configuration file, and a few more where
#: per-file-ignores leave out rules)
_PLANS_KEPT = 64


class Engine:
    """Runs rules on reports.  Rule instances are made once and reused for every report."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        self._instances: dict[str, Rule] = {}
        #: per settings and rule list, what running them needs that no report changes: the rules
        #: in running order with their options (see :meth:`_plan`)
        self._plans: dict[tuple[int, tuple[type[Rule], ...]], tuple[RunSettings, list[_Step]]] = {}
        #: when a list, the full traceback of every crash (rule or reader) is appended to it
        #: (gxlint.testing shows them when a case fails)
        self.tracebacks: list[str] | None = None

    def run(
        self,
        report: Report,
        rules: Sequence[type[Rule]],
        settings: RunSettings,
        *,
        previous: Report | None = None,
        cross_only: bool = False,
        crashes: Iterable[Crash] = (),
    ) -> list[Finding]:
        """The findings of ``rules`` on ``report``.  ``previous``: last year's report of the same
        agency (``ctx.previous``; the cross-year rules, ``Rule.uses_previous``, are silent without
        it); ``cross_only``: run only the cross-year rules; ``crashes``: failures on this file that
        happened before the rules ran (reading it), for the rules that report crashes."""
        path = report.path or "<text>"
        template = (
            self.templates.get(report.template) if report.template else self.templates.for_year(report.year)
        )
        organ = settings.organ if settings.organ != "auto" else infer_report_organ(report)
        plan = self._plan(rules, settings)
        if not report.readable:  # no text at all: only the rules that speak about such a file
            plan = [step for step in plan if not step[0].needs_text]
        if cross_only:
            plan = [step for step in plan if step[0].uses_previous]
        found: list[Crash] = list(crashes)
        # the first rule's context holds what every rule's holds on this report (ctx.memo's dict
        # among it: analyses computed once per report for all rules); the others are made from it
        first: RuleContext | None = None
        instances = self._instances
        findings: list[Finding] = []
        for rule_cls, options in plan:
            try:
                rule = instances.get(rule_cls.code)
                if rule is None:
                    rule = instances[rule_cls.code] = rule_cls()
                if first is None:
                    ctx = first = RuleContext(
                        rule,
                        path=path,
                        options=options,
                        lang=settings.lang,
                        template=template,
                        templates=self.templates,
                        organ=organ,
                        source_text=report.source.text,
                        shared={},
                        previous=previous,
                        crashes=tuple(found),
                        running=frozenset(step[0].code for step in plan),
                    )
                else:
                    ctx = first._for_rule(rule, options)
                given = rule.check(report, ctx)
                try:
                    produced = [] if given is None else list(given)
                except TypeError as exc:
                    if hasattr(given, "__iter__"):  # a generator's own TypeError: the rule's crash
                        raise
                    raise misuse(
                        f"check() returned {type(given).__name__} {given!r:.60}; "
                        "it must yield findings (or return a list of them)",
                        f"check() 返回了 {type(given).__name__} {given!r:.60}；它应逐个 yield 问题（Finding），"
                        "或返回问题的列表",
                        rule_cls,
                    ) from exc
                for f in produced:
                    if not isinstance(f, Finding):
                        raise misuse(
                            f"check() yielded {type(f).__name__} {f!r:.60}, not a Finding",
                            f"check() 给出的是 {type(f).__name__} {f!r:.60}，而不是问题（Finding）",
                            rule_cls,
                        )
            except (Exception, SystemExit) as exc:  # one broken rule never stops the others
                plugin = f", plugin {rule_cls.plugin}" if rule_cls.plugin else ""
                self.crashed(exc, f"gxlint: rule {rule_cls.code} ({rule_cls.name}{plugin}) crashed on {path}")
                found.append(Crash.of("rule", exc, rule_cls))
                if first is not None:
                    first.crashes = tuple(found)
                produced = []
            findings.extend(produced)
        if first is not None:
            # the report's analyses go with it: some hold the context that holds them (a cycle,
            # which only the cycle collector could free, keeping the report's tables until then)
            first._shared.clear()
        if settings.severity:
            findings = [_with_severity(f, settings.severity) for f in findings]
        if report.source.rendered is not None:
            findings = [_located(f, report.source) for f in findings]
        elif report.source.original is not None:
            findings = [_moved(f, report.source) for f in findings]
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def _plan(self, rules: Sequence[type[Rule]], settings: RunSettings) -> list[_Step]:
        """The rules in running order (those that report crashes after the others), each with its
        options: the defaults with the settings' applied.  Settings are frozen, so the plan is made
        once per settings and rule list, not once per report."""
        key = (id(settings), tuple(rules))
        known = self._plans.get(key)
        if known is not None and known[0] is settings:
            return known[1]
        ordered = [r for r in rules if not r.reports_crashes] + [r for r in rules if r.reports_crashes]
        # read-only: the same options serve every report of the settings
        plan: list[_Step] = [
            (
                r,
                MappingProxyType(
                    {**{n: o.default for n, o in r.options.items()}, **settings.options.get(r.code, {})}
                ),
            )
            for r in ordered
        ]
        if len(self._plans) >= _PLANS_KEPT:  # settings made afresh for each file: keep no history
            self._plans.clear()
        self._plans[key] = (settings, plan)
        return plan

    def crashed(self, exc: BaseException, heading: str) -> None:
        """Keep the full traceback of a crash in :attr:`tracebacks` when asked, and print it to
        standard error when the environment sets ``GXLINT_TRACEBACK``."""
        if self.tracebacks is None and not os.environ.get("GXLINT_TRACEBACK"):
            return
        text = traceback_text(exc)
        if self.tracebacks is not None:
            self.tracebacks.append(f"{heading}:\n{text}")
        if os.environ.get("GXLINT_TRACEBACK"):
            try:
                sys.stderr.write(f"{heading}:\n{text}")
                sys.stderr.flush()
            except (OSError, ValueError):  # standard error closed: the finding still says it
                pass


def _located(finding: Finding, source: Source) -> Finding:
    origin = source.locate(finding.line, finding.column)
    location = {"form": source.form, **(origin.to_dict() if origin is not None else {})}
    return replace(finding, location=location)


def _moved(finding: Finding, source: Source) -> Finding:
    """A finding on a table row rewritten from another text shape, placed where the file has it."""
    line, column = source.origin(finding.line, finding.column)
    if finding.end_line == finding.line and finding.end_column > finding.column:
        end_line, end_column = source.origin(finding.line, finding.end_column - 1)
        end_column += 1
    else:
        end_line, end_column = source.origin(finding.end_line, finding.end_column)
    end_line, end_column = max((end_line, end_column), (line, column))
    place = (line, column, end_line, end_column)
    if place == (finding.line, finding.column, finding.end_line, finding.end_column):
        return finding
    return replace(finding, line=line, column=column, end_line=end_line, end_column=end_column)


def _with_severity(finding: Finding, overrides: Mapping[str, str]) -> Finding:
    best = None
    for prefix, sev in overrides.items():
        if finding.code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, sev)
    if best is None or best[1] == finding.severity:
        return finding
    return replace(finding, severity=best[1])


def infer_report_organ(report: Report) -> str | None:
    """The kind of the organ whose report it is (``organ: auto``): inferred from the agency the
    title names, else, when that name does not tell it (a title that names no organ, 示例林场), from
    the signature's organ (示例县人民政府).  A township's is none (:func:`infer_organ`)."""
    kind = infer_organ(report.agency)
    if kind is not None or _unregulated(report.agency):
        return kind
    signed = report.signature.organ if report.signature is not None else None
    return infer_organ(signed) if signed != report.agency else None


def _unregulated(agency: str | None) -> bool:
    from gxlint.lint.analyses.period import no_statutory_deadline

    return no_statutory_deadline(agency) is not None


def infer_organ(agency: str | None) -> str | None:
    """department or government, from the agency's name (deadlines.json's organ_patterns); None
    when it cannot be inferred, and for a kind the regulation sets no deadline for (a township
    government, a subdistrict office: deadlines.json's no_statutory_deadline), which only the
    ``organ`` setting gives a kind."""
    if not agency:
        return None
    if _unregulated(agency):
        return None
    for pattern, kind in _organ_patterns(deadlines()):
        if pattern.search(agency):
            return kind
    return None


_ORGAN_PATTERNS: dict[int, tuple[dict, list[tuple[re.Pattern[str], str]]]] = {}


def _organ_patterns(data: dict) -> list[tuple[re.Pattern[str], str]]:
    """deadlines.json's organ_patterns compiled, once per (cached) file rather than looked up in
    ``re``'s cache for every report."""
    known = _ORGAN_PATTERNS.get(id(data))
    if known is None or known[0] is not data:
        compiled = [(re.compile(e["pattern"]), e["kind"]) for e in data.get("organ_patterns", ())]
        known = _ORGAN_PATTERNS[id(data)] = (data, compiled)
    return known[1]
