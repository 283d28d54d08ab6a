"""The Linter: one configured way of linting files -- the loaded plugins, the rules they give, the
configuration resolved for each file, the templates -- used by a whole run and by the library API.

It reads a file into a report (gxlint.read), picks the rules the file's settings select and hands
both to the engine (gxlint.lint.engine), which runs them.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from gxlint.config import Resolver, Settings, Switched, parse_layer
from gxlint.finding import Finding
from gxlint.lint.conditions import Crash
from gxlint.lint.engine import Engine
from gxlint.lint.rule import Rule
from gxlint.model import Report
from gxlint.plugins import discovery as plugins_mod
from gxlint.read import source as source_mod
from gxlint.read.build import build_report, read_identity
from gxlint.read.templates import Templates


class Linter:
    def __init__(
        self,
        config: str | None = None,
        overrides: Mapping[str, Any] | None = None,
        *,
        plugins: plugins_mod.Plugins | None = None,
        require: Sequence[str] = (),
        isolated: bool = False,
        max_bytes: int = source_mod.DEFAULT_MAX_BYTES,
    ) -> None:
        self.plugins = plugins if plugins is not None else plugins_mod.cached(tuple(require))
        self.rules: dict[str, type[Rule]] = dict(self.plugins.rules)
        self.names = {r.name: code for code, r in self.rules.items()}
        self.max_bytes = max_bytes
        self.context = self.plugins.context()  # the templates parse reads with too
        self.engine = Engine(self.context.templates)
        #: the last settings object seen by :meth:`selected` and the rules it selects (by ``unread``)
        self._selected: dict[bool, tuple[Settings, list[type[Rule]]]] = {}
        validated = {}
        options = {c: r.options for c, r in self.rules.items()}
        # a config file that switches a plugin off may not configure its rules, whether or not the
        # plugin was imported (it is not when that file is the one found from the working directory)
        switched = Switched(self.plugins.owners(), tuple(name for name, *_ in self.plugins.disabled))
        if overrides:
            validated = parse_layer(
                dict(overrides), "<command line>", self.rules, options, self.names, switched
            ).values
        self.resolver = Resolver(
            self.rules,
            options,
            self.names,
            explicit=config,
            overrides=validated,
            isolated=isolated,
            switched=switched,
        )

    @property
    def templates(self) -> Templates:
        return self.context.templates

    @property
    def tracebacks(self) -> list[str] | None:
        """When set to a list, the full traceback of every crash is appended to it."""
        return self.engine.tracebacks

    @tracebacks.setter
    def tracebacks(self, value: list[str] | None) -> None:
        self.engine.tracebacks = value

    def settings(self, path: str | None) -> Settings:
        return self.resolver.settings(path)

    def selected(
        self, settings: Settings, path: str | None = None, *, unread: bool = False
    ) -> list[type[Rule]]:
        """The rules that run on ``path``.  Whatever ``select`` says (only ``ignore`` stops them), the
        rules that report crashes run, and, on a path that cannot be read at all (``unread``: missing,
        binary, damaged), the rules that speak about files with no text: neither a crash nor a file
        gxlint cannot read is silent."""
        # Settings is frozen and what decides here is tuples: the same settings object (shared by
        # the files its config covers) selects the same rules, wherever no per-file ignore applies
        if not settings.per_file_ignores:
            last = self._selected.get(unread)
            if last is not None and last[0] is settings:
                return list(last[1])
        ignored = settings.ignored_for(path)
        off = self.plugins.switched_off(settings.disabled_plugins)  # plugins: {disable: [...]}
        out = []
        for code in sorted(self.rules):
            rule = self.rules[code]
            if off and rule.plugin in off:
                continue
            if any(code.startswith(p) for p in ignored):
                continue
            if not settings.enabled(code):
                forced = rule.reports_crashes or (unread and not rule.needs_text)
                if not forced or any(code.startswith(p) for p in settings.ignore):
                    continue
            out.append(rule)
        if not settings.per_file_ignores:
            self._selected[unread] = (settings, out)
            return list(out)
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

    def read_identity(
        self, source: source_mod.Source, *, beginning: bool = False
    ) -> tuple[str | None, int | None]:
        """The agency and year :meth:`read_report` reads in ``source`` (whatever the template), read
        from its title and period alone where they agree (``beginning``: see
        :func:`gxlint.read.build.read_identity`)."""
        return read_identity(source, self.context, beginning=beginning)

    def lint_source(
        self,
        source: source_mod.Source,
        settings: Settings,
        reports: list[Report] | None = None,
        *,
        previous: Report | None = None,
    ) -> list[Finding]:
        """The findings of one file; ``reports``, when a list, receives the report read (for a
        formatter that shows it, such as ``--format html``, and for pairing reports of consecutive
        years); ``previous`` is last year's report of the same agency (see :meth:`lint_report`)."""
        try:
            report = self.read_report(source, settings)
        except Exception as exc:  # a reader bug on one file must not stop the run
            return self.crashed(source, exc, settings, stage="reader")
        if reports is not None:
            reports.append(report)
        return self.lint_report(report, settings, previous=previous)

    def lint_report(
        self, report: Report, settings: Settings, *, previous: Report | None = None, cross_only: bool = False
    ) -> list[Finding]:
        """``previous``: last year's report of the same agency, the rules' ``ctx.previous`` (the
        cross-year rules, ``Rule.uses_previous``, are silent without it); ``cross_only``: run only
        the cross-year rules, for a report whose other findings are already known."""
        # a file that could not be read (binary, an unknown encoding, damaged) is as loud as a missing
        # one; an empty file is read, and is a report or not as select decides (GX002)
        unread = not report.source.text and any(p.fatal for p in report.source.problems)
        return self.engine.run(
            report,
            self.selected(settings, report.path, unread=unread),
            settings,
            previous=previous,
            cross_only=cross_only,
        )

    def lint_unread(self, source: source_mod.Source, settings: Settings) -> list[Finding]:
        """The findings on a path that cannot be read at all (``source`` has no text, only the
        problem: see gxlint.run.discover.Item)."""
        return self.engine.run(Report(source), self.selected(settings, source.path, unread=True), settings)

    def crashed(
        self, source: source_mod.Source, exc: BaseException, settings: Settings, *, stage: str = "file"
    ) -> list[Finding]:
        """What the rules that report crashes say about ``exc``, raised while ``source`` was read
        (``stage="reader"``) or otherwise linted (``"file"``); nothing else is checked."""
        path = source.path or "<text>"
        self.engine.crashed(
            exc, f"gxlint failed while reading {path}" if stage == "reader" else f"gxlint failed on {path}"
        )
        rules = [r for r in self.selected(settings, source.path) if r.reports_crashes]
        return self.engine.run(
            Report(source_mod.Source("", path=source.path, form=source.form)),
            rules,
            settings,
            crashes=[Crash.of(stage, exc)],
        )
