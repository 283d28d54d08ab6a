"""Validating one config file (a *layer*): a table of small validators, one per top-level key.

:data:`VALIDATORS` maps each key to the function that checks its value and returns it in the form
the resolver applies (rule codes resolved, prefixes and names accepted, options type-checked).  A
key not in the table is an error naming the file and line, with the nearest known key as a hint.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

from gxlint.finding import SEVERITIES

from .errors import ConfigError
from .load import _item_pos, _pos

TEMPLATES = ("auto", "2019", "2021")
ORGANS = ("auto", "department", "government")
LANGS = ("zh", "en")
#: the keys of ``plugins:``
PLUGIN_KEYS = ("disable",)
#: names that stand for gxlint's own rules, which cannot be switched off as a plugin
BUILTIN_PLUGIN = ("builtin", "gxlint")
#: what a third party's rule code (or prefix) looks like, e.g. XT201 or XT; only an unknown code is
#: read with it: compiled on first use (``re`` caches)
_CODE_LIKE = r"[A-Za-z]{1,6}[0-9]{1,4}|[A-Z]{1,6}"


@dataclass
class Layer:
    """One config file's validated content."""

    path: str
    values: dict[str, Any]
    lines: dict[str, int]


class Switched(NamedTuple):
    """What validating a config file needs to know of the plugins ``plugins: {disable: […]}`` can
    switch off: ``owners``, for each code of such a plugin, the plugin's names (entry point and
    distribution, normalised); ``not_loaded``, the plugins not even imported because the config
    file found from the working directory switches them off (their codes are unknown)."""

    owners: Mapping[str, frozenset[str]] = {}
    not_loaded: tuple[str, ...] = ()


#: no plugin that a config file may switch off
NO_SWITCHES = Switched()


def normalise_plugin_name(name: str) -> str:
    """A plugin's name as ``plugins: disable`` compares it: ``-``, ``_``, ``.`` and case alike."""
    return re.sub(r"[-_.]+", "_", name).lower()


class Check(NamedTuple):
    """What a validator needs besides its key and value: the file, its whole mapping (for the
    positions of its keys), the rules that are loaded and the plugins that can be switched off."""

    path: str
    data: Any
    codes: set[str]
    names: Mapping[str, str]
    rule_options: Mapping[str, Mapping[str, Any]]
    switched: Switched = NO_SWITCHES

    def disables(self) -> list[str]:
        """The plugins this file itself switches off (``plugins: {disable: […]}``), as written."""
        section = self.data.get("plugins") if isinstance(self.data, dict) else None
        names = section.get("disable") if isinstance(section, dict) else None
        if isinstance(names, str):
            names = names.split(",")
        return [n.strip() for n in names or () if isinstance(n, str) and n.strip()]

    def switched_off(self) -> list[str]:
        """The plugins whose codes are unknown or may not be configured here: those this file
        switches off and those not imported because of ``plugins: disable``."""
        out = self.disables()
        return out + [n for n in self.switched.not_loaded if n not in out]

    def refuse_switched_off(
        self, key: str, item: Any, code: str, where: tuple[int | None, int | None]
    ) -> None:
        """A ConfigError when ``code`` (a code or prefix) names only rules of plugins this file
        switches off: such a file may not configure them (where the plugin was not imported, as
        when this is the config file found from the working directory, they are unknown codes)."""
        off = {normalise_plugin_name(n): n for n in self.disables()}
        owners = self.switched.owners
        if not off or not owners or code.upper() == "ALL":
            return
        matching = [c for c in self.codes if c.startswith(code)]
        named = [owners.get(c, frozenset()) & set(off) for c in matching]
        if not matching or not all(named):
            return
        plugin = off[sorted(named[0])[0]]
        raise ConfigError(
            f"'{key}': {item} is a rule of plugin {plugin!r}, which this file switches off "
            "(plugins: disable): a file that switches a plugin off may not configure its rules",
            self.path,
            *where,
            zh=f"“{key}”：{item} 是插件 {plugin!r} 的规则，而本文件停用了该插件（plugins: disable）："
            "停用插件的配置文件不能配置它的规则",
        )

    def error(self, key: Any, message: str, zh: str) -> ConfigError:
        """An error at the top-level ``key``."""
        return ConfigError(message, self.path, *_pos(self.data, key), zh=zh)

    def code_list(self, key: str, value: Any, allow_all: bool) -> tuple[str, ...]:
        """A list (or comma-separated string) of rule codes, prefixes or names -> codes/prefixes."""
        if isinstance(value, str):
            items = [v.strip() for v in value.split(",") if v.strip()]
            nodes = None
        elif isinstance(value, list):
            items, nodes = value, value
        else:
            raise self.error(
                key,
                f"'{key}' must be a list of rule codes or prefixes",
                zh=f"“{key}”必须是规则代码或代码前缀的列表",
            )
        out = []
        for i, item in enumerate(items):
            where = _item_pos(nodes, i) if nodes is not None else _pos(self.data, key)
            if not isinstance(item, str):
                raise ConfigError(
                    f"'{key}': {item!r} is not a rule code",
                    self.path,
                    *where,
                    zh=f"“{key}”：{item!r} 不是规则代码",
                )
            code = resolve_code(item, self.codes, self.names, allow_all=allow_all)
            if code is None:
                en, zh = _unknown_code(
                    key, item, self.codes, prefix=True, off=self.switched_off(), names=self.names
                )
                raise ConfigError(en, self.path, *where, zh=zh)
            self.refuse_switched_off(key, item, code, where)
            out.append(code)
        return tuple(out)


#: a validator: (the file being checked, the key, its value) -> the value to apply
Validator = Callable[[Check, Any, Any], Any]


# -- the validators, one per key ------------------------------------------------------------------


def _extend(check: Check, key: Any, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise check.error(
            key, "'extend' must be the path of another config file", zh="“extend”必须是另一个配置文件的路径"
        )
    return value


def _select(check: Check, key: Any, value: Any) -> tuple[str, ...]:
    """``select`` and ``extend-select``: codes, prefixes, names or ALL."""
    return check.code_list(key, value, allow_all=True)


def _ignore(check: Check, key: Any, value: Any) -> tuple[str, ...]:
    return check.code_list(key, value, allow_all=False)


def _severity(check: Check, key: Any, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise check.error(
            key,
            "'severity' must map rule codes to error, warning or info",
            zh="“severity”必须把规则代码映射到 error、warning 或 info",
        )
    out = {}
    for code, sev in value.items():
        real = resolve_code(str(code), check.codes, check.names, allow_all=False)
        if real is None:
            en, zh = _unknown_code("severity", code, check.codes, off=check.switched_off(), names=check.names)
            raise ConfigError(en, check.path, *_pos(value, code), zh=zh)
        check.refuse_switched_off("severity", code, real, _pos(value, code))
        if sev not in SEVERITIES:
            raise ConfigError(
                f"'severity': {code}: {sev!r} is not one of {', '.join(SEVERITIES)}",
                check.path,
                *_pos(value, code),
                zh=f"“severity”：{code} 的级别 {sev!r} 无效，应为 {'、'.join(SEVERITIES)} 之一",
            )
        out[real] = sev
    return out


def _options(check: Check, key: Any, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise check.error(
            key,
            "'options' must map rule codes to their options",
            zh="“options”必须把规则代码映射到该规则的选项",
        )
    out: dict[str, dict[str, Any]] = {}
    for code, opts in value.items():
        real = resolve_code(str(code), check.codes, check.names, allow_all=False, exact=True)
        if real is None:
            en, zh = _unknown_code("options", code, check.codes, off=check.switched_off(), names=check.names)
            raise ConfigError(en, check.path, *_pos(value, code), zh=zh)
        check.refuse_switched_off("options", code, real, _pos(value, code))
        if not isinstance(opts, dict):
            raise ConfigError(
                f"'options': {code} must map option names to values",
                check.path,
                *_pos(value, code),
                zh=f"“options”：{code} 必须是“选项名: 值”的映射",
            )
        out[real] = _rule_options(check, real, opts)
    return out


def _rule_options(check: Check, real: str, opts: dict) -> dict[str, Any]:
    """The options given to the rule ``real``: each one it has, of the type it takes."""
    known = check.rule_options.get(real, {})
    checked = {}
    for name, val in opts.items():
        if name not in known:
            hint = _suggest(str(name), list(known))
            raise ConfigError(
                f"'options': rule {real} has no option {name!r}"
                + (f" (did you mean {hint!r}?)" if hint else "")
                + (f"; its options: {', '.join(known)}" if known else "; it has no options"),
                check.path,
                *_pos(opts, name),
                zh=f"“options”：规则 {real} 没有选项 {name!r}"
                + (f"（是否应为 {hint!r}？）" if hint else "")
                + (f"；它的选项：{'、'.join(known)}" if known else "；它没有选项"),
            )
        wrong = known[name].problem(val)
        if wrong is not None:
            index, bad = wrong
            raise _option_error(known[name], f"{real}.{name}", val, index, bad, check.path, _pos(opts, name))
        outside = known[name].out_of_range(val)
        if outside is not None:
            index, bad, wanted, wanted_zh = outside
            pos = (
                _item_pos(val, index - 1)
                if index and getattr(val, "lc", None) is not None
                else _pos(opts, name)
            )
            item, item_zh = (f" (item {index})", f"（第 {index} 项）") if index else ("", "")
            raise ConfigError(
                f"'options': {real}.{name}{item} must be {wanted}, not {_shown(bad)}",
                check.path,
                *pos,
                zh=f"“options”：{real}.{name}{item_zh} 必须是{wanted_zh}，而不是 {_shown(bad)}",
            )
        checked[str(name)] = _plain(val)
    return checked


def _per_file_ignores(check: Check, key: Any, value: Any) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise check.error(
            key,
            "'per-file-ignores' must map file globs to lists of rule codes",
            zh="“per-file-ignores”必须把文件通配模式映射到规则代码列表",
        )
    base = os.path.dirname(os.path.abspath(check.path))
    entries = []
    for glob, codes_value in value.items():
        if isinstance(codes_value, list):
            codes = check.code_list(f"per-file-ignores: {glob}", codes_value, False)
        else:
            codes = _codes_in_str(codes_value, check, _pos(value, glob))
        entries.append((str(glob), base, codes))
    return tuple(entries)


def _one_of(allowed: tuple[str, ...]) -> Validator:
    """A validator for a key whose value is one of ``allowed`` (template, organ, lang, fail-on)."""

    def validate(check: Check, key: Any, value: Any) -> str:
        if str(value) not in allowed:
            raise check.error(
                key,
                f"'{key}' must be one of {', '.join(allowed)}, not {value!r}",
                zh=f"“{key}”必须是 {'、'.join(allowed)} 之一，而不是 {value!r}",
            )
        return str(value)

    return validate


def _plugins(check: Check, key: Any, value: Any) -> dict[str, Any]:
    return _plugins_section(value, check.path, _pos(check.data, key))


#: every key a config file may have, in the order the docs and the error messages list them
VALIDATORS: dict[str, Validator] = {
    "extend": _extend,
    "select": _select,
    "ignore": _ignore,
    "extend-select": _select,
    "severity": _severity,
    "options": _options,
    "per-file-ignores": _per_file_ignores,
    "template": _one_of(TEMPLATES),
    "organ": _one_of(ORGANS),
    "lang": _one_of(LANGS),
    "fail-on": _one_of(SEVERITIES),
    "plugins": _plugins,
}
KEYS = tuple(VALIDATORS)


def parse_layer(
    data: Any,
    path: str,
    known_codes: Iterable[str],
    rule_options: Mapping[str, Mapping[str, Any]],
    names: Mapping[str, str],
    switched: Switched = NO_SWITCHES,
) -> Layer:
    """Validate a loaded config mapping against the known rule codes and their options
    (``switched``: the plugins that can be switched off, see :class:`Switched`)."""
    if data is None:
        return Layer(path, {}, {})
    if not isinstance(data, dict):
        raise ConfigError(
            "a gxlint config must be a mapping of keys to values",
            path,
            *_pos(data),
            zh="gxlint 配置必须是“键: 值”的映射",
        )
    check = Check(path, data, set(known_codes), names, rule_options, switched)
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, value in data.items():
        line = _pos(data, key)[0]
        if line is not None:
            lines[str(key)] = line
        if key not in KEYS:
            hint = _suggest(str(key), KEYS)
            raise check.error(
                key,
                f"unknown key '{key}'"
                + (f" (did you mean '{hint}'?)" if hint else "")
                + f"; known keys: {', '.join(KEYS)}",
                zh=f"未知的配置项“{key}”"
                + (f"（是否应为“{hint}”？）" if hint else "")
                + f"；可用的配置项：{'、'.join(KEYS)}",
            )
        values[key] = VALIDATORS[key](check, key, value)
    return Layer(path, values, lines)


# -- the pieces the validators share ----------------------------------------------------------------


def _option_error(
    option: Any, where: str, value: Any, index: int, bad: Any, path: str, pos: tuple[int | None, int | None]
) -> ConfigError:
    """A configured option value of the wrong type (``index`` 0), or a list whose ``index``-th item
    (1-based) is of the wrong type."""
    wanted, wanted_zh = option.describe(), option.describe("zh")
    if option.is_list and option.item_types is not None:
        wanted = f"a {wanted}"
    else:
        wanted_zh = f"{wanted_zh} 类型"
    if index == 0:
        got, shown = _kind(value), _shown(value)
        return ConfigError(
            f"'options': {where} must be {wanted}, not {got} ({shown})",
            path,
            *pos,
            zh=f"“options”：{where} 的值必须是 {wanted_zh}，而不是 {got}（{shown}）",
        )
    if getattr(value, "lc", None) is not None:
        pos = _item_pos(value, index - 1)
    got, shown = _kind(bad), _shown(bad)
    return ConfigError(
        f"'options': {where} must be {wanted}: item {index} is {got} ({shown})",
        path,
        *pos,
        zh=f"“options”：{where} 必须是 {wanted_zh}：第 {index} 项是 {got}（{shown}）",
    )


#: the names of the types a YAML value can have, as the options' declared types are named
_KINDS = ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (list, "list"), (dict, "mapping"))


def _kind(value: Any) -> str:
    """The type of a configured value by its plain name (ruamel.yaml reads 1.5 as a ScalarFloat,
    a list as a CommentedSeq: subclasses of the plain types, named here as those)."""
    if value is None:
        return "null"
    return next((name for kind, name in _KINDS if isinstance(value, kind)), type(value).__name__)


def _shown(value: Any) -> str:
    """A configured value as it is written in YAML (true, null, "text")."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


_LOOK_ALIKE = str.maketrans("OIL", "011")


def _unknown_code(
    key: str,
    item: Any,
    codes: Iterable[str],
    prefix: bool = False,
    off: Sequence[str] = (),
    names: Iterable[str] = (),
) -> tuple[str, str]:
    """The English and Chinese message for a code no loaded rule has.  A code of a prefix no loaded
    rule has (``XT201``, neither gxlint's own nor an installed plugin's) most likely belongs to a
    plugin that is switched off (``off``: by ``plugins: disable``, so not imported) or not
    installed: say so."""
    text = str(item).strip()
    letters = text.upper().rstrip("0123456789")
    if (
        re.fullmatch(_CODE_LIKE, text)
        and text.upper() != "ALL"
        and not text.upper().startswith("GX")
        and not any(code.rstrip("0123456789") == letters for code in codes)
    ):
        if off:
            names = ", ".join(repr(n) for n in off)
            return (
                f"'{key}': unknown rule code {item!r} — plugin {names} is switched off (plugins: disable), "
                "so its rules are unknown: a file that switches a plugin off may not configure its rules",
                f"“{key}”：未知的规则代码 {item!r}——插件 {'、'.join(repr(n) for n in off)} 已停用"
                "（plugins: disable），它的规则都是未知的：停用插件的配置文件不能配置它的规则",
            )
        return (
            f"'{key}': unknown rule code {item!r} — is the plugin that provides it installed? "
            "(gxlint plugins lists the installed ones)",
            f"“{key}”：未知的规则代码 {item!r}——提供它的插件是否已安装？（gxlint plugins 会列出已安装的插件）",
        )
    # a whole code or a rule name mistyped (SP210 for SP201, GX2O6, supervison-phone): the nearest
    # one there is (a prefix, GX9, is no mistyped code)
    looks = text.upper().translate(_LOOK_ALIKE)  # O for 0, I or L for 1
    hint = (
        (looks if looks in set(codes) else _nearest_code(text.upper(), codes)) if len(text) >= 5 else None
    ) or _suggest(text.lower(), sorted(names))
    en_hint, zh_hint = (f" (did you mean {hint!r}?)", f"（是否应为 {hint!r}？）") if hint else ("", "")
    if prefix:
        return (
            f"'{key}': unknown rule code or prefix {item!r}{en_hint}",
            f"“{key}”：未知的规则代码或代码前缀 {item!r}{zh_hint}",
        )
    return f"'{key}': unknown rule code {item!r}{en_hint}", f"“{key}”：未知的规则代码 {item!r}{zh_hint}"


def _plugins_section(value: Any, path: str, pos: tuple[int | None, int | None]) -> dict[str, Any]:
    """``plugins: {disable: [name, ...]}``: the plugins (entry-point or distribution names) to
    switch off."""
    if not isinstance(value, dict):
        raise ConfigError(
            "'plugins' must be a mapping like {disable: [name, ...]}",
            path,
            *pos,
            zh="“plugins”必须是形如 {disable: [插件名, ...]} 的映射",
        )
    out: dict[str, Any] = {}
    for key, names in value.items():
        if key not in PLUGIN_KEYS:
            hint = _suggest(str(key), PLUGIN_KEYS)
            raise ConfigError(
                f"'plugins': unknown key '{key}'"
                + (f" (did you mean '{hint}'?)" if hint else "")
                + f"; known keys: {', '.join(PLUGIN_KEYS)}",
                path,
                *_pos(value, key),
                zh=f"“plugins”：未知的配置项“{key}”"
                + (f"（是否应为“{hint}”？）" if hint else "")
                + f"；可用的配置项：{'、'.join(PLUGIN_KEYS)}",
            )
        if isinstance(names, str):
            items, nodes = [n.strip() for n in names.split(",") if n.strip()], None
        elif isinstance(names, list):
            items, nodes = names, names
        else:
            raise ConfigError(
                "'plugins: disable' must be a list of plugin names",
                path,
                *_pos(value, key),
                zh="“plugins: disable”必须是插件名的列表",
            )
        disabled = []
        for i, name in enumerate(items):
            where = _item_pos(nodes, i) if nodes is not None else _pos(value, key)
            if not isinstance(name, str) or not name.strip():
                raise ConfigError(
                    f"'plugins: disable': {name!r} is not a plugin name",
                    path,
                    *where,
                    zh=f"“plugins: disable”：{name!r} 不是插件名",
                )
            if name.strip().lower() in BUILTIN_PLUGIN:
                raise ConfigError(
                    f"'plugins: disable': the built-in rules cannot be switched off "
                    f"({name!r}); to skip them, use ignore: [GX]",
                    path,
                    *where,
                    zh=f"“plugins: disable”：内置规则不能停用（{name!r}）；要跳过它们，请用 ignore: [GX]",
                )
            disabled.append(str(name).strip())
        out[str(key)] = tuple(disabled)
    return out


def _codes_in_str(value: Any, check: Check, pos: tuple[int | None, int | None]) -> tuple[str, ...]:
    codes, names, path = check.codes, check.names, check.path
    if not isinstance(value, str):
        raise ConfigError(
            "'per-file-ignores' values must be lists of rule codes",
            path,
            *pos,
            zh="“per-file-ignores”的值必须是规则代码列表",
        )
    out = []
    for item in value.replace(",", " ").split():
        code = resolve_code(item, codes, names, allow_all=False)
        if code is None:
            en, zh = _unknown_code(
                "per-file-ignores", item, codes, prefix=True, off=check.switched_off(), names=names
            )
            raise ConfigError(en, path, *pos, zh=zh)
        check.refuse_switched_off("per-file-ignores", item, code, pos)
        out.append(code)
    return tuple(out)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def resolve_code(
    item: str, codes: set[str], names: Mapping[str, str], *, allow_all: bool, exact: bool = False
) -> str | None:
    """A code, a code prefix (GX2), a rule name (application-balance) or ALL -> the code/prefix."""
    item = item.strip()
    if allow_all and item.upper() == "ALL":
        return "ALL"
    if item.lower() in names:
        return names[item.lower()]
    upper = item.upper()
    if upper in codes:
        return upper
    if not exact and upper and any(c.startswith(upper) for c in codes):
        return upper
    return None


def _nearest_code(code: str, codes: Iterable[str]) -> str | None:
    """The one code nearest ``code``, a character or so away (GX2066 for GX206); no guess where two
    are as near (GX260: GX206 or GX210?)."""
    import difflib

    scored = sorted(((difflib.SequenceMatcher(None, code, c).ratio(), c) for c in codes), reverse=True)
    if not scored or scored[0][0] < 0.8 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _suggest(word: str, options: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return match[0] if match else None
