"""The engine: selects rules for a file, runs them on its model, and turns their output (or their
crash) into sorted findings with the configured severities and suppressions."""

from __future__ import annotations

import os
import re
import sys
import traceback
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Mapping, Sequence

from . import plugins as plugins_mod
from .read import source as source_mod
from .read.build import Context, build_report, default_context
from .config import ConfigError, Resolver, Settings, parse_layer
from .finding import Finding
from .model import Report, Span
from .rule import Rule, RuleContext
from .templates import Templates, TemplateError, build as build_templates, builtin_raw, deadlines, load_file


class InternalError(Rule):
    """A rule crashed while checking this file.

    The engine reports the rule's exception as this finding and goes on with every other rule, so
    one broken rule (or third-party plugin) never stops a run.  Report it to the rule's authors.
    """

    code = "GX000"
    name = "internal-error"
    severity = "error"
    summary = "a rule crashed on this file (the other rules still ran)"
    summary_zh = "某条规则在检查本文件时出错（其他规则照常运行）"
    doc_zh = """某条规则在检查本文件时抛出了异常。引擎把异常记为这条发现并继续运行其他所有规则，
    因此一条有缺陷的规则（或第三方插件）不会中断检查。请把它报告给该规则的作者。"""
    spec = ""

    def check(self, report, ctx):
        return ()


ENGINE_RULES: dict[str, type[Rule]] = {InternalError.code: InternalError}
#: The rules that still run on a file that could not be read or decoded (GX001 says why).
INPUT_FAMILY = "GX0"


@dataclass(frozen=True)
class RunOptions:
    """Everything a worker process needs to rebuild the same Linter."""

    config: str | None = None
    overrides: tuple[tuple[str, Any], ...] = ()
    require: tuple[str, ...] = ()
    isolated: bool = False
    max_bytes: int = source_mod.DEFAULT_MAX_BYTES


class Linter:
    def __init__(self, config: str | None = None, overrides: Mapping[str, Any] | None = None, *,
                 plugins: plugins_mod.Plugins | None = None, require: Sequence[str] = (),
                 isolated: bool = False, max_bytes: int = source_mod.DEFAULT_MAX_BYTES) -> None:
        self.plugins = plugins if plugins is not None else plugins_mod.cached(tuple(require))
        self.rules: dict[str, type[Rule]] = {**ENGINE_RULES, **self.plugins.rules}
        self.names = {r.name: code for code, r in self.rules.items()}
        self.max_bytes = max_bytes
        self.context = _context_for(tuple(self.plugins.templates))
        validated = {}
        if overrides:
            layer = parse_layer(dict(overrides), "<command line>", self.rules,
                                {c: r.options for c, r in self.rules.items()}, self.names)
            validated = layer.values
        self.resolver = Resolver(self.rules, {c: r.options for c, r in self.rules.items()}, self.names,
                                 explicit=config, overrides=validated, isolated=isolated)
        self._instances: dict[str, Rule] = {}
        #: when a list, the full traceback of every crash (rule or reader) is appended to it
        #: (gxlint.testing shows them when a case fails)
        self.tracebacks: list[str] | None = None

    @property
    def templates(self) -> Templates:
        return self.context.templates

    def settings(self, path: str | None) -> Settings:
        return self.resolver.settings(path)

    def selected(self, settings: Settings, path: str | None = None) -> list[type[Rule]]:
        ignored = settings.ignored_for(path)
        off = self.plugins.switched_off(settings.disabled_plugins)  # plugins: {disable: [...]}
        out = []
        for code in sorted(self.rules):
            if not settings.enabled(code) or (off and self.rules[code].plugin in off):
                continue
            if any(code.startswith(p) for p in ignored):
                continue
            out.append(self.rules[code])
        return out

    # -- entry points --------------------------------------------------------------------------
    def lint_path(self, path: str) -> list[Finding]:
        settings = self.settings(path)
        source = source_mod.read_path(path, self.max_bytes)
        return self.lint_source(source, settings)

    def lint_text(self, text: str, path: str | None = None) -> list[Finding]:
        settings = self.settings(path)
        return self.lint_source(source_mod.from_text(text, path), settings)

    def read_report(self, source: source_mod.Source, settings: Settings) -> Report:
        """The report model of ``source``, read against the template ``settings`` force, if any."""
        forced = settings.template if settings.template != "auto" else None
        return build_report(source, self.context, forced)

    def lint_source(self, source: source_mod.Source, settings: Settings,
                    reports: list[Report] | None = None, *, previous: Report | None = None) -> list[Finding]:
        """The findings of one file; ``reports``, when a list, receives the report read (for a
        formatter that shows it, such as ``--format html``, and for pairing reports of consecutive
        years); ``previous`` is last year's report of the same agency (see :meth:`lint_report`)."""
        try:
            report = self.read_report(source, settings)
        except Exception as exc:  # a reader bug on one file must not stop the run
            return [self._internal(exc, source.path or "<text>", settings)]
        if reports is not None:
            reports.append(report)
        return self.lint_report(report, settings, previous=previous)

    def lint_report(self, report: Report, settings: Settings, *, previous: Report | None = None,
                    cross_only: bool = False) -> list[Finding]:
        """``previous``: last year's report of the same agency, the rules' ``ctx.previous`` (the
        cross-year rules, ``Rule.uses_previous``, are silent without it); ``cross_only``: run only
        the cross-year rules, for a report whose other findings are already known."""
        path = report.path or "<text>"
        template = self.templates.get(report.template) if report.template else self.templates.for_year(report.year)
        organ = settings.organ if settings.organ != "auto" else infer_organ(report.agency)
        findings: list[Finding] = []
        shared: dict = {}  # ctx.memo: analyses computed once per report for all rules
        rules = self.selected(settings, report.path)
        if not report.readable:  # no text at all: only the input rules (GX0xx) have anything to say
            rules = [r for r in rules if r.code.startswith(INPUT_FAMILY)]
        if cross_only:
            rules = [r for r in rules if getattr(r, "uses_previous", False)]
        for rule_cls in rules:
            options = {name: opt.default for name, opt in rule_cls.options.items()}
            options.update(settings.options.get(rule_cls.code, {}))
            try:
                rule = self._instances.get(rule_cls.code)
                if rule is None:
                    rule = self._instances[rule_cls.code] = rule_cls()
                ctx = RuleContext(rule, path=path, options=options, lang=settings.lang, template=template,
                                  templates=self.templates, organ=organ, source_text=report.source.text,
                                  shared=shared, previous=previous)
                produced = list(rule.check(report, ctx) or ())
                wrong = next((f for f in produced if not isinstance(f, Finding)), None)
                if wrong is not None:
                    raise TypeError(f"check() yielded {type(wrong).__name__} {wrong!r:.60}, not a Finding")
            except (Exception, SystemExit) as exc:  # one broken rule never stops the others
                produced = [self._crash(rule_cls, exc, path, settings)]
            findings.extend(produced)
        if settings.severity:
            findings = [_with_severity(f, settings.severity) for f in findings]
        if report.source.rendered is not None:
            findings = [_located(f, report.source) for f in findings]
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def _internal(self, exc: Exception, path: str, settings: Settings) -> Finding:
        where = _where(exc)
        self._report_crash(exc, f"gxlint failed while reading {path}")
        detail = f"{type(exc).__name__}: {exc}"
        zh = f"gxlint 读取本文件结构时出错：{detail}{_at(where, 'zh')}；未检查本文件，请报告此问题"
        en = (f"gxlint failed while reading this file's structure: {detail}{_at(where, 'en')}; "
              "the file was not checked (please report this)")
        return Finding(path, 1, 1, 1, 2, InternalError.code, InternalError.name, "error",
                       zh if settings.lang == "zh" else en, fingerprint=f"reader:{type(exc).__name__}")

    def _crash(self, rule_cls: type[Rule], exc: BaseException, path: str, settings: Settings) -> Finding:
        where = _where(exc, rule_cls)
        plugin_en = f", plugin {rule_cls.plugin}" if rule_cls.plugin else ""
        heading = f"gxlint: rule {rule_cls.code} ({rule_cls.name}{plugin_en}) crashed on {path}"
        self._report_crash(exc, heading)
        detail = f"{type(exc).__name__}: {exc}"
        plugin = f"插件 {rule_cls.plugin} 的" if rule_cls.plugin else ""
        zh = f"{plugin}规则 {rule_cls.code}（{rule_cls.name}）检查本文件时出错：{detail}{_at(where, 'zh')}；其他规则照常运行"
        en = (f"rule {rule_cls.code} ({rule_cls.name}{plugin_en}) crashed on this file: "
              f"{detail}{_at(where, 'en')}; the other rules still ran")
        msg = zh if settings.lang == "zh" else en
        return Finding(path, 1, 1, 1, 2, InternalError.code, InternalError.name, "error", msg,
                       fingerprint=f"{rule_cls.code}:{type(exc).__name__}")

    def _report_crash(self, exc: BaseException, heading: str) -> None:
        """The full traceback of a crash: kept in :attr:`tracebacks` when asked, and printed to
        standard error when the environment sets ``GXLINT_TRACEBACK``."""
        if self.tracebacks is None and not os.environ.get("GXLINT_TRACEBACK"):
            return
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        if self.tracebacks is not None:
            self.tracebacks.append(f"{heading}:\n{text}")
        if os.environ.get("GXLINT_TRACEBACK"):
            try:
                sys.stderr.write(f"{heading}:\n{text}")
                sys.stderr.flush()
            except (OSError, ValueError):  # standard error closed: the finding still says it
                pass


def _at(where: str, lang: str) -> str:
    if not where:
        return ""
    place, _, function = where.partition(" in ")
    if lang == "zh":
        return f"（出错位置：{place}" + (f"，{function}" if function else "") + "）"
    return f" (at {where})"


def _where(exc: BaseException, rule_cls: type[Rule] | None = None) -> str:
    """Where an exception was raised, as ``file.py:line in function``: the innermost frame of its
    traceback inside the rule's own package (the plugin's line, not a frame inside ``re`` or
    gxlint), else the innermost frame outside the standard library, else the innermost frame."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code, tb.tb_lineno))
        tb = tb.tb_next
    if not frames:
        return ""
    own = _package_files(rule_cls.__module__) if rule_cls is not None else None
    chosen, base = None, None
    if own is not None:
        root, single = own
        for code, line in reversed(frames):
            name = os.path.abspath(code.co_filename)
            if name == single or (root and name.startswith(root + os.sep)):
                chosen, base = (code, line), os.path.dirname(root or single)
                break
    if chosen is None:
        stdlib = _stdlib()
        chosen = next(((c, n) for c, n in reversed(frames)
                       if not os.path.abspath(c.co_filename).startswith(stdlib)), frames[-1])
    code, line = chosen
    filename = os.path.abspath(code.co_filename)
    shown = os.path.relpath(filename, base) if base else os.path.basename(filename)
    return f"{shown.replace(os.sep, '/')}:{line} in {code.co_name}"


def _package_files(module: str) -> tuple[str, str] | None:
    """(folder, "") of the top-level package a module belongs to, or ("", file) when it is a
    single module; None when unknown."""
    top = sys.modules.get(module.split(".", 1)[0])
    paths = list(getattr(top, "__path__", None) or ())
    if paths:
        return os.path.abspath(paths[0]), ""
    file = getattr(top, "__file__", None)
    return ("", os.path.abspath(file)) if file else None


def _stdlib() -> tuple[str, ...]:
    import sysconfig

    paths = sysconfig.get_paths()
    return tuple(os.path.abspath(paths[k]) + os.sep for k in ("stdlib", "platstdlib") if paths.get(k))


def _located(finding: Finding, source: source_mod.Source) -> Finding:
    origin = source.locate(finding.line, finding.column)
    location = {"form": source.form, **(origin.to_dict() if origin is not None else {})}
    return replace(finding, location=location)


def _with_severity(finding: Finding, overrides: Mapping[str, str]) -> Finding:
    best = None
    for prefix, sev in overrides.items():
        if finding.code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, sev)
    if best is None or best[1] == finding.severity:
        return finding
    from dataclasses import replace

    return replace(finding, severity=best[1])


_CONTEXTS: dict[str, Context] = {}


def _context_for(plugin_templates: tuple[tuple[Any, str], ...]) -> Context:
    """The parse context for the built-in templates plus the plugins' (built once per process)."""
    if not plugin_templates:
        return default_context()
    import json

    key = json.dumps([(item if isinstance(item, dict) else os.fspath(item), plugin)
                      for item, plugin in plugin_templates], sort_keys=True, ensure_ascii=False, default=str)
    if key not in _CONTEXTS:
        raw = builtin_raw()
        for item, plugin in plugin_templates:
            raw.append((item, f"plugin {plugin}") if isinstance(item, dict) else load_file(item))
        _CONTEXTS[key] = Context.create(build_templates(raw))
    return _CONTEXTS[key]


def infer_organ(agency: str | None) -> str | None:
    """department or government, from the agency's name (deadlines.json's organ_patterns)."""
    if not agency:
        return None
    for entry in deadlines().get("organ_patterns", ()):
        if re.search(entry["pattern"], agency):
            return entry["kind"]
    return None


# -- library API -----------------------------------------------------------------------------------

def _linter_for(config: Any) -> Linter:
    if config is None:
        return Linter(isolated=True)
    if isinstance(config, Linter):
        return config
    if isinstance(config, (str, os.PathLike)):
        return Linter(config=os.fspath(config))
    if isinstance(config, Mapping):
        return Linter(overrides=config, isolated=True)
    raise TypeError("config must be None, a config file path, a mapping of config keys, or a Linter")


def lint_text(text: str, path: str | None = None, config: Any = None) -> list[Finding]:
    """Lint report text.  ``config``: None (defaults), a ``.gxlint.yaml`` path, or a mapping with the
    same keys as a config file (``{"select": ["GX2"], "lang": "en"}``)."""
    return _linter_for(config).lint_text(text, path)


def lint_report(report: Report, config: Any = None, previous: Report | None = None) -> list[Finding]:
    """Lint a report model; ``previous``, last year's report of the same agency, turns on the
    cross-year rules (GX5xx)."""
    linter = _linter_for(config)
    return linter.lint_report(report, linter.settings(report.path), previous=previous)


def lint_paths(paths: Iterable[str | os.PathLike[str]], config: Any = None) -> list[Finding]:
    """Lint files and directories (recursing like the CLI).  Without ``config``, each file uses the
    nearest ``.gxlint.yaml`` above it."""
    from .files import discover

    linter = Linter() if config is None else _linter_for(config)
    findings: list[Finding] = []
    for item in discover([os.fspath(p) for p in paths]):
        if item.error is not None:
            findings.append(item.error)
            continue
        findings.extend(linter.lint_path(item.path))
    return findings


def iter_lint(linter: Linter, paths: Iterable[str]) -> Iterator[tuple[str, list[Finding]]]:
    for path in paths:
        yield path, linter.lint_path(path)


__all__ = ["Linter", "InternalError", "lint_text", "lint_paths", "lint_report", "infer_organ", "ConfigError",
           "RunOptions", "Span"]
