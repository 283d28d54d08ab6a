"""A whole ``gxlint check`` run (``gxlint [OPTIONS] PATH...``), given its options as a
:class:`CheckOptions`.  The command line only turns its arguments into one, calls these and prints.

The flow, in the order the command line calls it::

    options = CheckOptions(paths, fmt="json", ...)
    validate(options)                  # options that do not go together: UsageProblem
    run = prepare(options, say=...)    # the plugins, the config, the Linter, the files, the language
    run.show_config()                  # --show-config: every file's settings, as text
    run.write_baseline()               # --write-baseline: record every finding
    outcome = run.lint()               # the findings, to the output as each file is done
    run.exit_status(outcome)           # EXIT_OK, or EXIT_FINDINGS for findings at the failing level

What stops a run (a plugin, a config file, a baseline, an output file that cannot be written) is a
:class:`~gxlint.run.errors.RunError`, in English and Chinese; what the run says on standard error
along the way (a plugin that failed to load, the reports paired with last year's) goes to
``say(english, chinese)``.  Heavy modules are imported when a run needs them, not with this one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Any, Callable, Iterable

from gxlint.output import BUILTIN, HUMAN
from gxlint.run.errors import (
    EXIT_FINDINGS,
    EXIT_OK,
    RunError,
    Say,
    UsageProblem,
    config_error,
    say_in_english,
)


class CheckOptions:
    """The options of ``gxlint check``, as the command line names them (docs/cli.md):
    ``CheckOptions(paths, fmt="json", select=("GX2",))``; an option not given keeps its default.

    (A plain class rather than a dataclass: it is created on every cold start, where generating a
    dataclass's methods costs more than the class is worth; docs/performance.md.)"""

    paths: tuple[str, ...] = ()
    fmt: str = "full"
    output_file: str | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    exit_zero: bool = False
    #: ``--lang`` (or the language the environment asks for); None: each file's settings decide
    lang: str | None = None
    #: where ``lang`` came from when not from ``--lang`` (``environment GXLINT_LANG``), for
    #: ``--show-config``
    lang_origin: str | None = None
    config: str | None = None
    isolated: bool = False
    show_config: bool = False
    template: str | None = None
    organ: str | None = None
    statistics: bool = False
    quiet: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    skip_non_reports: bool = False
    stdin_filename: str | None = None
    jobs: int | None = None
    previous: str | None = None
    verbose: bool = False
    require_plugins: tuple[str, ...] = ()
    color: bool | None = None

    def __init__(self, paths: Iterable[str], **options: Any) -> None:
        unknown = [name for name in options if name not in CheckOptions.__annotations__]
        if unknown:
            raise TypeError(f"CheckOptions got unknown options: {', '.join(unknown)}")
        self.paths = tuple(paths)
        for name, value in options.items():
            setattr(self, name, value)

    def __repr__(self) -> str:
        given = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if k != "paths")
        return f"CheckOptions({self.paths!r}{', ' if given else ''}{given})"


def validate(options: CheckOptions) -> None:
    """Options that cannot be used together: :class:`~gxlint.run.errors.UsageProblem`."""
    if options.baseline and options.write_baseline:
        raise UsageProblem(
            "--baseline and --write-baseline cannot be used together",
            "--baseline 和 --write-baseline 不能同时使用",
        )
    paths = options.paths
    if options.previous and (len(paths) != 1 or (paths[0] != "-" and os.path.isdir(paths[0]))):
        raise UsageProblem(
            "--previous checks one REPORT against last year's: give exactly one report file",
            "--previous 用上年报告检查一份报告：请只给出一个报告文件",
        )
    if options.previous and paths[0] != "-" and _same_file(options.previous, paths[0]):
        raise UsageProblem(
            f"--previous {options.previous} is the report itself: give last year's report",
            f"--previous {options.previous} 就是要检查的报告本身：请给出上年的报告",
        )
    if options.statistics:
        from gxlint.output.statistics import STATISTICS_FORMATS

        if options.fmt not in STATISTICS_FORMATS:
            raise UsageProblem(
                f"--statistics works with --format {', '.join(STATISTICS_FORMATS)}, not {options.fmt!r}",
                f"--statistics 只能与 --format {'、'.join(STATISTICS_FORMATS)} 一起使用，"
                f"不能用于 {options.fmt!r}",
            )


def codes(values: Iterable[str]) -> list[str]:
    """``--select GX1,GX2 --select GX3`` -> ``[GX1, GX2, GX3]``."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def overrides(options: CheckOptions) -> dict[str, Any]:
    """The options that are settings, as config keys (only those given): they override every
    config file."""
    values = dict(
        select=codes(options.select),
        extend_select=codes(options.extend_select),
        ignore=codes(options.ignore),
        lang=options.lang,
        template=options.template,
        organ=options.organ,
        fail_on=options.fail_on,
    )
    return {key.replace("_", "-"): value for key, value in values.items() if value}


def use_color(flag: bool | None, stream) -> bool:
    """``--color``/``--no-color``, else colour on a terminal unless ``NO_COLOR`` is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def prepare(options: CheckOptions, *, say: Say = say_in_english, started: float | None = None) -> Check:
    """Everything before the first file is linted: the options checked (:func:`validate`), the
    plugins loaded, the Linter built from the config, the format known, the files found, and the
    language of the run's own words (``--lang``, else the first file's settings).

    ``started`` is when the run began (``time.perf_counter()``; default: now): the summary's time
    runs from there.  :class:`~gxlint.run.errors.RunError` (or ``UsageProblem``) when the run
    cannot go on."""
    from gxlint.run import discover as files
    from gxlint.run.catalog import load_plugins

    started = time.perf_counter() if started is None else started
    validate(options)
    settings = overrides(options)
    plugins = load_plugins(options.require_plugins, options.config, options.isolated, say=say)
    with _config_errors(options.lang):
        from gxlint.run.linter import Linter

        linter = Linter(config=options.config, overrides=settings, plugins=plugins, isolated=options.isolated)
    known_formats = (*BUILTIN, *plugins.formats)
    if options.fmt not in known_formats:
        raise UsageProblem(
            f"{options.fmt!r} is not one of {', '.join(known_formats)}",
            f"{options.fmt!r} 不是可用的格式（{'、'.join(known_formats)}）之一",
            option="--format",
        )
    items = files.ordered(
        files.discover(
            options.paths, include=options.include or files.DEFAULT_INCLUDE, exclude=options.exclude
        ),
        options.stdin_filename,
    )
    with _config_errors(options.lang):
        first = next((i.path for i in items if i.path != "-"), options.stdin_filename)
        lang = options.lang or linter.settings(first).lang
    return Check(options, plugins, linter, items, lang, settings, started, say)


@contextlib.contextmanager
def _config_errors(lang: str | None):
    """A config file's mistake (:class:`gxlint.config.ConfigError`) as a RunError."""
    from gxlint.config import ConfigError

    try:
        yield
    except ConfigError as exc:
        raise config_error(exc, lang) from None


class Check:
    """A prepared ``gxlint check`` run (see :func:`prepare`)."""

    def __init__(
        self,
        options: CheckOptions,
        plugins,
        linter,
        items: list,
        lang: str,
        overrides: dict[str, Any],
        started: float,
        say: Say = say_in_english,
    ) -> None:
        self.options = options
        self.plugins = plugins
        #: the :class:`gxlint.run.linter.Linter` every file is linted with
        self.linter = linter
        #: the files to check, in order (:class:`gxlint.run.discover.Item`)
        self.items = items
        #: the language of the run's own words and of the output (``zh`` or ``en``)
        self.lang = lang
        #: the options that are settings, as config keys
        self.overrides = overrides
        self.started = started
        self.say = say

    @property
    def rebuild(self):
        """How a worker process rebuilds the Linter when it cannot inherit it."""
        from gxlint.run import runner

        return runner.Rebuild(
            self.options.config, self.overrides, self.options.isolated, tuple(self.options.require_plugins)
        )

    def show_config(self) -> str:
        """``--show-config``: every file's resolved settings and where each came from, as text
        (``--format json``: JSON) in the run's language."""
        from gxlint.output.settings import describe, render_json, render_text

        o = self.options
        with _config_errors(o.lang):
            entries = [
                describe(self.linter, o.stdin_filename if i.path == "-" else i.path)
                for i in self.items
                if i.problem is None
            ]
        if o.lang_origin:  # the environment came in as a command-line setting: say where it came from
            for entry in entries:
                lang = entry["settings"]["lang"]
                if lang["from"] == "command line":
                    lang["from"] = o.lang_origin
        return render_json(entries) if o.fmt == "json" else render_text(entries, self.lang)

    def write_baseline(self) -> int:
        """``--write-baseline``: record every current finding in the baseline file, say so; returns
        the number of findings recorded."""
        from gxlint.run import baseline as baseline_mod
        from gxlint.run import runner

        o = self.options
        target = o.write_baseline
        assert target is not None
        with _config_errors(o.lang):
            results = runner.collect(
                self.linter,
                self.items,
                jobs=o.jobs,
                stdin_filename=o.stdin_filename,
                rebuild=self.rebuild,
                skip_non_reports=o.skip_non_reports,
                previous=o.previous,
                on_pairs=self._paired,
            )
            try:
                count, files = baseline_mod.write(target, results)
            except baseline_mod.BaselineError as exc:
                raise RunError(exc.text("en"), exc.text("zh")) from None
        # the files the findings are in, and the files checked, counted as the summary line counts them
        checked = sum(1 for result in results if result.checked)
        self.say(
            f"gxlint: recorded {count} finding{'s' if count != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''} to {target} ({checked} file{'s' if checked != 1 else ''} checked)",
            f"gxlint：已把 {files} 个文件中的 {count} 个问题记录到 {target}（共检查 {checked} 个文件）",
        )
        return count

    def formatter(self, stream):
        """The output format chosen (``--statistics``: the counts per rule in its place), writing
        to ``stream``."""
        from gxlint.run.discover import repo_root
        from gxlint.output import get as get_formatter

        o = self.options
        kwargs = dict(
            out=stream,
            color=use_color(o.color, stream) and o.fmt in HUMAN,
            lang=self.lang,
            rules=self.linter.rules,
            root=repo_root(),
        )
        if o.statistics:
            from gxlint.output.statistics import StatisticsFormatter

            return StatisticsFormatter(as_json=o.fmt == "json", summary=not o.quiet, **kwargs)
        factory = get_formatter(o.fmt, self.plugins.formats)
        if o.fmt not in self.plugins.formats:
            return factory(**kwargs, summary=not o.quiet)
        plugin = PluginFormat(o.fmt, self.plugins.format_plugins.get(o.fmt, ""), factory, self.say)
        return plugin.made(lambda: factory(**kwargs))

    def lint(self, *, on_stdout_closed: Callable[[], None] | None = None):
        """Lint every file and write the findings to ``--output-file`` (default: standard output)
        as each file is done, with a progress line on a terminal; returns the
        :class:`gxlint.run.runner.Outcome`.  ``on_stdout_closed`` is called when the reader of
        standard output goes away (nothing more is written; the run goes on to its verdict)."""
        with _config_errors(self.options.lang):
            return self._lint(on_stdout_closed)

    def _lint(self, on_stdout_closed: Callable[[], None] | None):
        from gxlint.run import progress as progress_mod
        from gxlint.run import runner

        o = self.options
        baseline = None
        if o.baseline:
            from gxlint.run.baseline import Baseline, BaselineError

            try:
                baseline = Baseline.load(o.baseline)
            except BaselineError as exc:
                raise RunError(exc.text("en"), exc.text("zh")) from None
        from gxlint.run.outfile import open_output

        # -o FILE: written whole when the run ends, or not at all (an interrupted run, an error)
        with open_output(o.output_file) as stream:
            formatter = self.formatter(stream)
            progress = None if o.quiet else progress_mod.for_run(o.fmt, len(self.items), stream, sys.stderr)
            return runner.check(
                self.linter,
                self.items,
                formatter,
                jobs=o.jobs,
                stdin_filename=o.stdin_filename,
                baseline=baseline,
                fail_on=o.fail_on,
                progress=progress,
                rebuild=self.rebuild,
                started=self.started,
                skip_non_reports=o.skip_non_reports,
                on_closed=None if o.output_file else on_stdout_closed,
                previous=o.previous,
                on_pairs=self._paired,
            )

    def exit_status(self, outcome) -> int:
        """EXIT_FINDINGS when a finding reached its file's failing level (unless ``--exit-zero``)."""
        return EXIT_OK if self.options.exit_zero or not outcome.failed else EXIT_FINDINGS

    def _paired(self, pairing) -> None:
        """What the run says about the reports it paired with last year's (gxlint.run.pairs): with
        ``--verbose`` each pair; always a warning when a report given with ``--previous`` is not
        of the year before."""
        for pair in pairing.pairs:
            if pair.how == "given" and pair.year is not None and pair.previous_year is not None:
                if pair.previous_year >= pair.year:
                    self.say(
                        f"gxlint: warning: --previous {pair.previous} is a report for {pair.previous_year}, "
                        f"{pair.path} for {pair.year}: not an earlier year, so the cross-year rules were "
                        "not run",
                        f"gxlint：警告：--previous {pair.previous} 是 {pair.previous_year} 年的报告，"
                        f"{pair.path} 是 {pair.year} 年的：不是往年的报告，未做跨年度检查",
                    )
            if (
                pair.how == "given"
                and pair.year is not None
                and pair.previous_year is not None
                and pair.previous_year < pair.year
                and not pair.consecutive
            ):
                self.say(
                    f"gxlint: warning: --previous {pair.previous} is a report for {pair.previous_year}, "
                    f"{pair.path} for {pair.year}: not consecutive years (checked as given)",
                    f"gxlint：警告：--previous {pair.previous} 是 {pair.previous_year} 年的报告，"
                    f"{pair.path} 是 {pair.year} 年的：不是相邻年度（仍按指定检查）",
                )
            if pair.how == "given" and pair.other_agency:
                self.say(
                    f"gxlint: warning: --previous {pair.previous} is a report of {pair.previous_agency}, "
                    f"{pair.path} of {pair.agency}: not the same agency (checked as given)",
                    f"gxlint：警告：--previous {pair.previous} 是{pair.previous_agency}的报告，"
                    f"{pair.path} 是{pair.agency}的：不是同一机关（仍按指定检查）",
                )
            if self.options.verbose:
                self.say("gxlint: paired: " + pair.describe("en"), "gxlint：配对：" + pair.describe("zh"))
        if self.options.verbose:
            for path in pairing.unidentified:
                self.say(
                    f"gxlint: not paired: {path} (its agency or year could not be read)",
                    f"gxlint：未配对：{path}（读不出机关或年度）",
                )
        if self.options.verbose:
            for agency, year, paths in pairing.same_year:
                self.say(
                    f"gxlint: {len(paths)} reports of {agency} for {year}: {', '.join(paths)} (the same "
                    "report in several forms, or a title that names another year)",
                    f"gxlint：{agency} {year} 年度的报告有 {len(paths)} 份：{'、'.join(paths)}（同一报告的不同格式，"
                    "或标题写错了年度）",
                )
        if self.options.verbose and not pairing.pairs:
            self.say(
                "gxlint: no reports of consecutive years of one agency to pair",
                "gxlint：没有同一机关相邻年度的报告可配对",
            )


class PluginFormat:
    """A plugin's output format, whose failures are the plugin's: an exception from making it or
    from its ``begin``, ``add`` or ``end`` stops the run with a :class:`RunError` naming the format,
    the plugin and the line of the plugin where it was raised (not as gxlint's internal error);
    ``GXLINT_TRACEBACK=1`` also says the traceback.  Anything else it has is its own."""

    def __init__(self, name: str, plugin: str, factory: Any, say: Say) -> None:
        self._name, self._plugin, self._factory, self._say = name, plugin, factory, say
        self._inner: Any = None

    def made(self, make: Callable[[], Any]) -> "PluginFormat":
        self._inner = self._call("__init__", make)
        return self

    def begin(self) -> None:
        self._call("begin", self._inner.begin)

    def add(self, result: Any) -> None:
        self._call("add", lambda: self._inner.add(result))

    def end(self, summary: Any) -> None:
        self._call("end", lambda: self._inner.end(summary))

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        return getattr(self._inner, attr)

    def _call(self, method: str, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except (BrokenPipeError, KeyboardInterrupt):
            raise  # the reader went away, or the user stopped the run: not the plugin's failure
        except Exception as exc:
            from gxlint.lint.conditions import traceback_text, where

            if os.environ.get("GXLINT_TRACEBACK"):
                text = traceback_text(exc).rstrip("\n")
                self._say(text, text)
            at = where(exc, self._factory)
            owner = f" (plugin {self._plugin!r})" if self._plugin else ""
            raise RunError(
                f"output format {self._name!r}{owner} crashed in {method}(): {type(exc).__name__}: {exc}"
                + (f" (at {at})" if at else ""),
                f"输出格式 {self._name!r}"
                + (f"（插件 {self._plugin!r}）" if self._plugin else "")
                + f"在 {method}() 中出错：{type(exc).__name__}: {exc}"
                + (f"（出错位置：{at}）" if at else ""),
            ) from None


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (a missing or unreadable one is said elsewhere)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
