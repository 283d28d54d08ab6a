"""Finding and loading plugins: the entry-point group ``gxlint``.

Each entry point is loaded inside its own try/except, so a plugin that fails to import (or that
implements a hook that does not exist, registers no hook at all, or claims a ``GX`` code) is
reported with its name, version and error while every other plugin still loads.  A plugin switched
off in the configuration (``plugins: {disable: [name]}``) is not imported at all, unless it is
required.  gxlint's own rules come from the ``builtin`` entry point of the gxlint distribution,
exactly like a third party's.
"""

from __future__ import annotations

import re

import logging
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from gxlint.plugins import hookspecs
from gxlint.lint.rule import Rule, chinese

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.read.build import Context

LOG = logging.getLogger(__name__)
GROUP = "gxlint"
#: the code prefix of gxlint's own rules; no plugin may use it
RESERVED_PREFIX = "GX"
#: the packages whose rules may use it
BUILTIN_PACKAGES = ("gxlint", "gxlint_rules")


class _Bilingual(Exception):
    """An error in English (``str()``) and Chinese (``zh``; the English stands in without it)."""

    def __init__(self, message: str, zh: str = "") -> None:
        super().__init__(message)
        self.zh = zh or message


class PluginError(_Bilingual):
    """Plugins are unusable: a required plugin failed, or two plugins claim the same rule code."""


class Refused(_Bilingual):
    """One plugin is not loaded, for the reason given (its message names the plugin)."""


class Failure(NamedTuple):
    name: str
    distribution: str
    version: str
    #: why the plugin was not loaded, in English, and in Chinese (empty: the English is shown, as
    #: for a plugin's own import error)
    error: str
    error_zh: str = ""
    #: the traceback of the exception that failed it, for ``GXLINT_TRACEBACK=1`` ('' when gxlint
    #: itself refused the plugin)
    traceback: str = ""

    def text(self, lang: str = "en") -> str:
        """Why the plugin was not loaded, in ``lang``."""
        return self.error_zh if lang == "zh" and self.error_zh else self.error


@dataclass
class Plugins:
    rules: dict[str, type[Rule]] = field(default_factory=dict)  # code -> class
    templates: list[tuple[Any, str]] = field(default_factory=list)  # (path or dict, plugin)
    formats: dict[str, Any] = field(default_factory=dict)
    #: the plugin that adds each of ``formats``
    format_plugins: dict[str, str] = field(default_factory=dict)
    loaded: list[tuple[str, str, str, int]] = field(default_factory=list)  # name, dist, version, rules
    failures: list[Failure] = field(default_factory=list)
    #: plugins switched off by the configuration and therefore not imported: name, dist, version
    disabled: list[tuple[str, str, str]] = field(default_factory=list)
    #: the names given to ``require`` (they run even where a config file switches them off)
    required: frozenset[str] = frozenset()
    #: the entry-point and distribution names of every third-party plugin found, loaded or not
    names: list[str] = field(default_factory=list)

    def unknown(self, names: Iterable[str]) -> list[tuple[str, str | None]]:
        """Those of ``names`` (``plugins: {disable: [...]}``) that name no plugin found, each with
        the found name closest to it (or None)."""
        import difflib

        found = {_normalise(n): n for n in self.names}
        out = []
        for name in names:
            if _normalise(name) not in found:
                close = difflib.get_close_matches(_normalise(name), list(found), n=1)
                out.append((name, found[close[0]] if close else None))
        return out

    def switched_off(self, names: Iterable[str]) -> set[str]:
        """The loaded plugins that ``names`` (``plugins: {disable: [...]}`` of a config file) switch
        off: those named by entry point or distribution (``-``, ``_``, ``.`` and case alike), except
        the built-in rules and the required plugins."""
        wanted = {_normalise(n) for n in names}
        if not wanted:
            return set()
        keep = {_normalise(n) for n in self.required} | {"builtin"}
        out = set()
        for name, dist, *_ in self.loaded:
            called = {_normalise(name)} | ({_normalise(dist)} if dist else set())
            if called & wanted and not called & keep:
                out.add(name)
        return out

    def context(self) -> Context:
        """The reading context of these plugins: gxlint's templates and the plugins' own, the one
        both linting and ``gxlint parse`` (and ``gxlint.parse_*``) read reports with."""
        return reading_context(tuple(self.templates))

    def owners(self) -> dict[str, frozenset[str]]:
        """For each rule of a plugin ``plugins: disable`` can switch off (not gxlint's own, not a
        required one), the plugin's names, normalised: its entry point's and its distribution's."""
        keep = {_normalise(n) for n in self.required} | {"builtin"}
        dists = {name: dist for name, dist, *_ in self.loaded}
        out = {}
        for code, rule in self.rules.items():
            dist = dists.get(rule.plugin, "")
            names = frozenset({_normalise(rule.plugin)} | ({_normalise(dist)} if dist else set()))
            if not names & keep:
                out[code] = names
        return out

    def rule(self, code_or_name: str) -> type[Rule] | None:
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.name == key.lower():
                return rule
        return None

    def sorted_rules(self) -> list[type[Rule]]:
        return [self.rules[c] for c in sorted(self.rules, key=_code_key)]


def _code_key(code: str) -> tuple:
    prefix = code.rstrip("0123456789")
    return (prefix != "GX", prefix, code)


def _entry_points() -> list[Any]:
    scanned: list[Any] | None = _scan_entry_points(GROUP)
    if scanned is None:  # a zip or egg file on sys.path: let importlib.metadata read it
        from importlib.metadata import entry_points

        scanned = list(entry_points(group=GROUP))
    return sorted(scanned, key=lambda ep: (ep.name != "builtin", ep.name))


def _dist_of(ep: Any) -> tuple[str, str]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "", ""
    return dist.metadata.get("Name", "") or "", dist.version or ""


# -- finding entry points without importlib.metadata -------------------------------------------------
#
# Kept because the benchmark shows it matters (docs/performance.md, "Finding the plugins"): importing
# importlib.metadata costs a cold start more than the rest of plugin loading.  An entry point is a
# line in a distribution's entry_points.txt, so the installed distributions' folders on sys.path are
# read directly, with importlib.metadata's rules: the first distribution of a (normalised) name on
# sys.path wins, sections are [group], lines name = value.  An archive on sys.path (a zip or egg)
# is left to importlib.metadata.


class _Dist:
    """The name and version of an installed distribution, read from its metadata headers."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._headers: dict[str, str] | None = None

    @property
    def metadata(self) -> dict[str, str]:
        if self._headers is None:
            self._headers = {}
            for name in ("METADATA", "PKG-INFO"):
                try:
                    with open(os.path.join(self.folder, name), encoding="utf-8", errors="replace") as handle:
                        for line in handle:
                            if not line.strip():
                                break  # the headers end at the first blank line
                            key, sep, value = line.partition(":")
                            if sep and not key.startswith((" ", "\t")):
                                self._headers.setdefault(key.strip(), value.strip())
                    break
                except OSError:
                    continue
        return self._headers

    @property
    def version(self) -> str:
        return self.metadata.get("Version", "")


class _EntryPoint:
    def __init__(self, name: str, value: str, dist: _Dist) -> None:
        self.name, self.value, self.dist = name, value, dist

    def load(self) -> Any:
        import importlib

        target = self.value.split("[", 1)[0].strip()
        module, _, attrs = target.partition(":")
        obj = importlib.import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={GROUP!r})"


def _normalise(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "_", name).lower()


def _scan_entry_points(group: str) -> list[_EntryPoint] | None:
    """The entry points of ``group`` in the distributions on sys.path; None if a sys.path entry is
    an archive this scan does not read."""
    found: list[_EntryPoint] = []
    seen: set[str] = set()
    header = f"[{group}]"
    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except NotADirectoryError:
            return None
        except OSError:
            continue
        for name in names:
            key = _normalise(name.rsplit(".", 1)[0].split("-", 1)[0])
            if key in seen:
                continue
            seen.add(key)
            path = os.path.join(folder, name)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            if header not in text:
                continue
            dist = _Dist(path)
            section = None
            for line in text.splitlines():
                line = line.strip()
                if not line or line.startswith(("#", ";")):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1].strip()
                elif section == group and "=" in line:
                    ep_name, _, value = line.partition("=")
                    found.append(_EntryPoint(ep_name.strip(), value.strip(), dist))
    return found


def _named(name: str, dist: str, names: set[str]) -> bool:
    """Whether a plugin (entry-point name, distribution) is one of ``names`` (normalised)."""
    return bool(({_normalise(name)} | ({_normalise(dist)} if dist else set())) & names)


def load(
    extra: Iterable[Any] = (),
    require: Iterable[str] = (),
    entry_points: bool = True,
    disable: Iterable[str] = (),
) -> Plugins:
    """Load the installed plugins (plus ``extra`` plugin objects, e.g. in tests).

    ``disable``: entry-point or distribution names of plugins not to import (the built-in rules
    and the plugins in ``require`` are loaded all the same)."""
    import pluggy

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    required = set(require)
    result = Plugins(required=frozenset(required))
    off = {_normalise(n) for n in disable}
    keep = {_normalise(n) for n in required} | {"builtin"}
    candidates: list[tuple[str, str, str, Any]] = []
    if entry_points:
        for ep in _entry_points():
            dist, version = _dist_of(ep)
            if ep.name != "builtin":  # gxlint's own rules cannot be switched off (the config says so)
                result.names.extend(n for n in (ep.name, dist) if n and n not in result.names)
            if _named(ep.name, dist, off) and not _named(ep.name, dist, keep):
                result.disabled.append((ep.name, dist, version))
                continue
            try:
                candidates.append((ep.name, dist, version, ep.load()))
            except BaseException as exc:  # a plugin's import may raise anything, even SystemExit
                if isinstance(exc, KeyboardInterrupt):
                    raise
                module = str(getattr(ep, "value", "") or "").partition(":")[0].strip()
                result.failures.append(_raised(ep.name, dist, version, exc, module))
    for i, obj in enumerate(extra):
        if any(obj is loaded for *_, loaded in candidates):
            continue  # given and installed too (a plugin's tests run after `pip install -e .`)
        name = getattr(obj, "__name__", f"plugin-{i}")
        result.names.append(name)
        if _named(name, "", off) and not _named(name, "", keep):
            result.disabled.append((name, "", ""))
            continue
        candidates.append((name, "", "", obj))

    for name, dist, version, obj in candidates:
        try:
            pm.register(obj, name=name)
            pm.check_pending()
        except Exception as exc:
            if pm.is_registered(obj):
                pm.unregister(obj)
            unknown = _unknown_hooks(name, obj)
            if unknown is None:
                error = f"{type(exc).__name__}: {exc}"
                at = _hook_at(exc, obj)
                result.failures.append(
                    Failure(
                        name,
                        dist,
                        version,
                        error + (f" (at {at})" if at else ""),
                        error + (f"（出错位置：{at}）" if at else ""),
                    )
                )
            else:
                result.failures.append(Failure(name, dist, version, str(unknown), unknown.zh))
            continue
        if not pm.get_hookcallers(obj):
            pm.unregister(obj)
            refused = _no_hooks(name, obj)
            result.failures.append(Failure(name, dist, version, str(refused), refused.zh))
            continue
        count = 0
        try:
            count = _collect(pm, name, obj, result)
        except PluginError:
            raise
        except Refused as exc:
            pm.unregister(obj)
            result.failures.append(Failure(name, dist, version, str(exc), exc.zh))
            continue
        except Exception as exc:  # a hook of the plugin raised
            pm.unregister(obj)
            result.failures.append(_raised(name, dist, version, exc, _module_of(obj)))
            continue
        result.loaded.append((name, dist, version, count))

    if required:
        # named as ``plugins: disable`` names them: ``-``, ``_``, ``.`` and case alike
        failed = {_normalise(f.name) for f in result.failures} | {
            _normalise(f.distribution) for f in result.failures if f.distribution
        }
        loaded = {_normalise(n) for n, *_ in result.loaded} | {
            _normalise(d) for _, d, *_ in result.loaded if d
        }
        missing = sorted(r for r in required if _normalise(r) in failed or _normalise(r) not in loaded)
        if missing:
            gone = {_normalise(r) for r in missing}
            why = [
                f
                for f in result.failures
                if _normalise(f.name) in gone or (f.distribution and _normalise(f.distribution) in gone)
            ]
            details = "; ".join(f"{f.name} ({f.distribution} {f.version}): {f.error}" for f in why)
            details_zh = "；".join(f"{f.name}（{f.distribution} {f.version}）：{f.text('zh')}" for f in why)
            raise PluginError(
                f"required plugin(s) not loaded: {', '.join(missing)}" + (f" — {details}" if details else ""),
                f"必需的插件未能加载：{'、'.join(missing)}" + (f"——{details_zh}" if details_zh else ""),
            )
    return result


def _hook_at(exc: Exception, obj: Any) -> str:
    """Where the hook implementation pluggy refused to register is defined (its error names the hook
    and the signature, not the file): ``file.py:line in gxlint_rules``, or empty."""
    from gxlint.lint.conditions import defined_at

    found = re.search(r"for hook '(\w+)'", str(exc))
    function = getattr(obj, found.group(1), None) if found else None
    return defined_at(function, _module_of(obj)) if callable(function) else ""


def _module_of(obj: Any) -> str:
    """The name of the module a plugin object (a module, a class or an instance) comes from."""
    import types

    if isinstance(obj, types.ModuleType):
        return obj.__name__
    return str(getattr(obj if isinstance(obj, type) else type(obj), "__module__", "") or "")


def _raised(name: str, dist: str, version: str, exc: BaseException, module: str) -> Failure:
    """The failure of a plugin whose import or hook raised ``exc``: the exception, placed at the
    plugin's own line (``module`` names its package), as a rule's crash is; and its traceback."""
    from gxlint.lint.conditions import traceback_text, where

    error = f"{type(exc).__name__}: {exc}"
    at = where(exc, module or None)
    return Failure(
        name,
        dist,
        version,
        error + (f" (at {at})" if at else ""),
        error + (f"（出错位置：{at}）" if at else ""),
        traceback_text(exc),
    )


def _no_hooks(name: str, obj: Any) -> Refused:
    """The error for a plugin object with no hook implementation at all."""
    unmarked = [spec for spec, _ in hookspecs.specs() if callable(getattr(obj, spec, None))]
    listed = ", ".join(unmarked)
    return Refused(
        f"plugin {name} registers no hooks (did you forget @hookimpl?)"
        + (
            f": {listed} {'is' if len(unmarked) == 1 else 'are'} not marked with @hookimpl"
            if unmarked
            else ""
        ),
        f"插件 {name} 没有注册任何钩子（是否忘了 @hookimpl？）"
        + (f"：{'、'.join(unmarked)} 没有标记 @hookimpl" if unmarked else ""),
    )


def _unknown_hooks(name: str, obj: Any) -> Refused | None:
    """The error for a plugin that marks with ``@hookimpl`` a function no hook has that name of
    (a misspelt hook), with the hook meant where the name is close to one; None when it marks none."""
    import difflib

    known = [spec for spec, _ in hookspecs.specs()]
    marker = f"{hookspecs.PROJECT}_impl"  # the attribute pluggy's HookimplMarker sets
    unknown = sorted(
        attr
        for attr in dir(obj)
        if attr not in known and getattr(getattr(obj, attr, None), marker, None) is not None
    )
    if not unknown:
        return None
    en, zh = [], []
    for attr in unknown:
        close = difflib.get_close_matches(attr, known, n=1)
        en.append(attr + (f" (did you mean {close[0]}?)" if close else ""))
        zh.append(attr + (f"（是否应为 {close[0]}？）" if close else ""))
    return Refused(
        f"plugin {name} implements hooks gxlint does not have: {', '.join(en)}; "
        f"the hooks are {', '.join(known)}",
        f"插件 {name} 实现了 gxlint 没有的钩子：{'、'.join(zh)}；可用的钩子：{'、'.join(known)}",
    )


def _implementations(pm: Any, obj: Any) -> dict[str, Any]:
    """hook name -> the plugin's own implementation (the functions it marked with @hookimpl)."""
    out = {}
    for caller in pm.get_hookcallers(obj) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is obj:
                out[caller.name] = impl.function
    return out


def _is_builtin(rule: type[Rule]) -> bool:
    return rule.__module__.split(".", 1)[0] in BUILTIN_PACKAGES


def _returned(name: str, hook: str, impl: Any, mapping: bool = False) -> Any:
    """What the plugin ``name``'s implementation ``impl`` of ``hook`` returns: a sequence (a
    mapping with ``mapping``), else the plugin is refused, naming it -- a hook that forgot its
    ``return`` gives None, and must not load as a plugin that contributes nothing."""
    from collections.abc import Iterable as _Iterable, Mapping

    value = impl()
    if mapping:
        fits = isinstance(value, Mapping)
        wanted, wanted_zh = "a mapping of format name to formatter class", "格式名到格式类的映射"
    else:
        fits = isinstance(value, _Iterable) and not isinstance(value, (str, bytes, Mapping))
        wanted, wanted_zh = "a list", "列表"
    if fits:
        return value
    shown = "None" if value is None else f"{type(value).__name__} {value!r}"[:80]
    forgot = " (did it forget to return?)" if value is None else ""
    raise Refused(
        f"plugin {name!r}: its hook {hook} returned {shown}, not {wanted}{forgot}",
        f"插件 {name!r} 的钩子 {hook} 返回了 {shown}，而不是{wanted_zh}"
        + ("（是否忘了 return？）" if value is None else ""),
    )


def _collect(pm: Any, name: str, obj: Any, result: Plugins) -> int:
    """Ask one plugin what it contributes and add it to ``result`` (all of it, or nothing when any
    of it is refused); returns its rule count."""
    hooks = _implementations(pm, obj)
    rules: dict[str, type[Rule]] = {}
    impl = hooks.get("gxlint_rules")
    for rule in _returned(name, "gxlint_rules", impl) if impl is not None else ():
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise Refused(
                f"TypeError: gxlint_rules returned {rule!r}, which is not a Rule subclass",
                f"TypeError：gxlint_rules 返回的 {rule!r} 不是 Rule 的子类",
            )
        # gxlint's own rules are checked by its tests (tests/test_plugins.py), not on every run
        problems = () if _is_builtin(rule) else rule.validate()
        if problems:
            called = f"{rule.code} ({rule.__name__})" if rule.code else rule.__name__
            raise Refused(
                f"TypeError: rule {called}: " + "; ".join(problems),
                f"规则 {called.replace(' (', '（').replace(')', '）')}"
                + (" " if called == rule.__name__ else "")
                + "的定义有误："
                + "；".join(chinese(p) for p in problems),
            )
        if rule.code.startswith(RESERVED_PREFIX) and not _is_builtin(rule):
            raise Refused(
                f"plugin {name!r} registers rule {rule.code} ({rule.__module__}.{rule.__name__}), "
                f"but the {RESERVED_PREFIX} prefix is reserved for gxlint's built-in rules: "
                "give the plugin's rules a prefix of its own (e.g. XT101)",
                f"插件 {name!r} 注册了规则 {rule.code}（{rule.__module__}.{rule.__name__}），"
                f"但 {RESERVED_PREFIX} 前缀留给 gxlint 的内置规则：请给插件的规则另取前缀（如 XT101）",
            )
        other = result.rules.get(rule.code) or rules.get(rule.code)
        if other is not None and other is not rule:
            owner = name if rule.code in rules else other.plugin
            raise PluginError(
                f"rule code {rule.code} is defined twice: by plugin {owner!r} "
                f"({other.__module__}.{other.__name__}) and by plugin {name!r} "
                f"({rule.__module__}.{rule.__name__})",
                f"规则代码 {rule.code} 被定义了两次：插件 {owner!r}（{other.__module__}.{other.__name__}）"
                f"和插件 {name!r}（{rule.__module__}.{rule.__name__}）",
            )
        for existing in (*result.rules.values(), *rules.values()):
            if existing.name == rule.name and existing is not rule:
                owner = name if existing.code in rules else existing.plugin
                raise PluginError(
                    f"rule name {rule.name} is used twice: {existing.code} (plugin "
                    f"{owner!r}) and {rule.code} (plugin {name!r})",
                    f"规则名称 {rule.name} 被用了两次：{existing.code}（插件 {owner!r}）"
                    f"和 {rule.code}（插件 {name!r}）",
                )
        rules[rule.code] = rule
    impl = hooks.get("gxlint_templates")
    templates = [
        (item, name) for item in (_returned(name, "gxlint_templates", impl) if impl is not None else ())
    ]
    formats: dict[str, Any] = {}
    impl = hooks.get("gxlint_formats")
    if impl is not None:
        from gxlint.output import BUILTIN as BUILTIN_FORMATS

        for fmt, factory in _returned(name, "gxlint_formats", impl, mapping=True).items():
            if fmt in BUILTIN_FORMATS:
                raise Refused(
                    f"plugin {name!r} adds output format {fmt!r}, which is a built-in format's name",
                    f"插件 {name!r} 添加的输出格式 {fmt!r} 与内置格式同名",
                )
            if fmt in result.formats:
                raise PluginError(
                    f"output format {fmt!r} is defined twice (plugin {name!r})",
                    f"输出格式 {fmt!r} 被定义了两次（插件 {name!r}）",
                )
            formats[fmt] = factory
    for rule in rules.values():
        rule.plugin = name
    result.rules.update(rules)
    result.templates.extend(templates)
    result.formats.update(formats)
    result.format_plugins.update({fmt: name for fmt in formats})
    return len(rules)


_CONTEXTS: dict[str, Context] = {}


def reading_context(plugin_templates: tuple[tuple[Any, str], ...] = ()) -> Context:
    """The reading context for the built-in templates plus the plugins' (``Plugins.templates``:
    each a path or a dict, and the plugin's name), built once per process."""
    import json

    from gxlint.read.build import Context, default_context
    from gxlint.read.templates import build as build_templates, builtin_raw, load_file

    if not plugin_templates:
        return default_context()
    key = json.dumps(
        [(item if isinstance(item, dict) else os.fspath(item), plugin) for item, plugin in plugin_templates],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    if key not in _CONTEXTS:
        raw = builtin_raw()
        for item, plugin in plugin_templates:
            raw.append((item, f"plugin {plugin}") if isinstance(item, dict) else load_file(item))
        _CONTEXTS[key] = Context.create(build_templates(raw))
    return _CONTEXTS[key]


_CACHE: dict[tuple, Plugins] = {}


def cached(require: tuple[str, ...] = (), disable: Iterable[str] | None = None) -> Plugins:
    """The installed plugins, loaded once per process (for each ``require`` and ``disable``).

    ``disable`` defaults to the plugins switched off by the config file that applies to the working
    directory (the nearest ``.gxlint.yaml`` above it; see :func:`gxlint.config.disabled_plugins`)."""
    if disable is None:
        from gxlint.config import disabled_plugins

        disable = disabled_plugins()
    key: tuple = tuple(sorted(require))
    off = tuple(sorted(set(disable)))
    if off:
        key = (*key, ("disable", *off))
    if key not in _CACHE:
        _CACHE[key] = load(require=require, disable=off)
    return _CACHE[key]
