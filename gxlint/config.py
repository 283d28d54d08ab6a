"""Configuration: ``.gxlint.yaml`` files, command-line overrides, and the resolved settings.

A config file is found by walking up from each linted file (the nearest wins; ``extend:`` inherits
from another file), or given with ``--config``.  Every key, rule code and option is validated;
a mistake is a :class:`ConfigError` naming the file, line and column.  Files are read with
ruamel.yaml in safe mode, and YAML aliases are refused (a config never needs them, and they are
how an "alias bomb" blows up).  ruamel.yaml is imported only when a config file exists.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from .finding import SEVERITIES

CONFIG_NAMES = (".gxlint.yaml", ".gxlint.yml")
TEMPLATES = ("auto", "2019", "2021")
ORGANS = ("auto", "department", "government")
LANGS = ("zh", "en")
KEYS = ("extend", "select", "ignore", "extend-select", "severity", "options", "per-file-ignores",
        "template", "organ", "lang", "fail-on", "plugins")
#: the keys of ``plugins:``
PLUGIN_KEYS = ("disable",)
#: names that stand for gxlint's own rules, which cannot be switched off as a plugin
BUILTIN_PLUGIN = ("builtin", "gxlint")
#: what a third party's rule code (or prefix) looks like, e.g. XT201 or XT
_CODE_LIKE = re.compile(r"[A-Za-z]{1,6}[0-9]{1,4}|[A-Z]{1,6}")


class ConfigError(Exception):
    """A mistake in a config file (or in the command-line settings), with its file, line and column.
    ``str()`` is the English message; :meth:`text` gives it in either language."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, zh: str | None = None) -> None:
        self.path, self.line, self.column = path, line, column
        super().__init__(f"{self._where('en')}: {message}")
        self.message = message
        self.message_zh = zh or message

    def _where(self, lang: str) -> str:
        if self.path == "<command line>" and lang == "zh":
            where = "命令行"
        else:
            where = self.path or ("<配置>" if lang == "zh" else "<config>")
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def text(self, lang: str = "en") -> str:
        """``file:line:column: message`` in ``lang`` (Chinese with a full-width colon)."""
        if lang == "zh":
            return f"{self._where('zh')}：{self.message_zh}"
        return str(self)

    def __reduce__(self):
        # raised in a --jobs worker, it crosses to the main process by pickling: keep every field
        return type(self), (self.message, self.path, self.line, self.column, self.message_zh)


@dataclass(frozen=True)
class Settings:
    """The resolved settings for one file.  ``origin`` says where each key's value came from."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (glob, base dir, codes)
    template: str = "auto"
    organ: str = "auto"
    lang: str = "zh"
    fail_on: str = "error"
    #: plugins switched off (``plugins: {disable: [...]}``): entry-point or distribution names
    disabled_plugins: tuple[str, ...] = ()
    origin: Mapping[str, str] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        """flake8's rule: the most specific matching select/ignore prefix decides."""
        best_select = max((_match_len(p, code) for p in (*self.select, *self.extend_select)), default=-1)
        best_ignore = max((_match_len(p, code) for p in self.ignore), default=-1)
        return best_select >= 0 and best_select > best_ignore

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        out: list[str] = []
        absolute = os.path.abspath(path)
        for pattern, base, codes in self.per_file_ignores:
            rel = os.path.relpath(absolute, base) if base else path
            rel = rel.replace(os.sep, "/")
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                out.extend(codes)
        return tuple(out)


def _match_len(prefix: str, code: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1


# -- loading files --------------------------------------------------------------------------------

def _yaml():
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True)


def read_file(path: str | os.PathLike[str]) -> Any:
    """Load one YAML file safely (no object-constructing tags, no aliases); keeps line numbers."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", name, zh="配置文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", name, zh=f"无法读取配置文件：{exc}") from None
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _yaml()
    try:
        for event in yaml.parse(text):
            if type(event).__name__ == "AliasEvent":
                mark = event.start_mark
                raise ConfigError("YAML aliases (*name) are not allowed in a gxlint config", name,
                                  mark.line + 1, mark.column + 1, zh="gxlint 配置中不允许使用 YAML 别名（*name）")
            tag = getattr(event, "tag", None)
            if tag is not None and str(getattr(tag, "value", tag) or "") not in ("", "!"):
                mark = event.start_mark
                shown = getattr(tag, "value", tag)
                raise ConfigError(f"YAML tag {shown} is not allowed (a config holds only plain data)", name,
                                  mark.line + 1, mark.column + 1,
                                  zh=f"不允许使用 YAML 标签 {shown}（配置中只能有普通数据）")
        return yaml.load(text)
    except ConfigError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ConfigError(f"invalid YAML: {exc.problem or exc}", name, line, col,
                          zh=f"YAML 格式错误：{exc.problem or exc}") from None
    except YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", name, zh=f"YAML 格式错误：{exc}") from None
    except RecursionError:
        raise ConfigError("invalid YAML: nested too deeply", name, zh="YAML 格式错误：嵌套层次过深") from None


def _pos(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is not None:
            line, col = lc.key(key)
        else:
            line, col = lc.line, lc.col
        return line + 1, col + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        return (lc.line + 1, lc.col + 1) if getattr(lc, "line", None) is not None else (None, None)


def _item_pos(node: Any, index: int) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    try:
        line, col = lc.item(index)
        return line + 1, col + 1
    except Exception:
        return _pos(node)


@dataclass
class Layer:
    """One config file's validated content."""

    path: str
    values: dict[str, Any]
    lines: dict[str, int]


def parse_layer(data: Any, path: str, known_codes: Iterable[str], rule_options: Mapping[str, Mapping[str, Any]],
                names: Mapping[str, str]) -> Layer:
    """Validate a loaded config mapping against the known rule codes and their options."""
    codes = set(known_codes)
    if data is None:
        return Layer(path, {}, {})
    if not isinstance(data, dict):
        raise ConfigError("a gxlint config must be a mapping of keys to values", path, *_pos(data),
                          zh="gxlint 配置必须是“键: 值”的映射")
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}

    def err(msg: str, key: Any = None, node: Any = data, zh: str | None = None) -> ConfigError:
        return ConfigError(msg, path, *_pos(node, key), zh=zh)

    def code_list(key: str, value: Any, allow_all: bool) -> tuple[str, ...]:
        if isinstance(value, str):
            items = [v.strip() for v in value.split(",") if v.strip()]
            nodes = None
        elif isinstance(value, list):
            items, nodes = value, value
        else:
            raise err(f"'{key}' must be a list of rule codes or prefixes", key,
                      zh=f"“{key}”必须是规则代码或代码前缀的列表")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise ConfigError(f"'{key}': {item!r} is not a rule code", path,
                                  *(_item_pos(nodes, i) if nodes is not None else _pos(data, key)),
                                  zh=f"“{key}”：{item!r} 不是规则代码")
            code = resolve_code(item, codes, names, allow_all=allow_all)
            if code is None:
                en, zh = _unknown_code(key, item, prefix=True)
                where = _item_pos(nodes, i) if nodes is not None else _pos(data, key)
                raise ConfigError(en, path, *where, zh=zh)
            out.append(code)
        return tuple(out)

    for key, value in data.items():
        line = _pos(data, key)[0]
        if line is not None:
            lines[str(key)] = line
        if key not in KEYS:
            hint = _suggest(str(key), KEYS)
            raise err(f"unknown key '{key}'" + (f" (did you mean '{hint}'?)" if hint else "")
                      + f"; known keys: {', '.join(KEYS)}", key,
                      zh=f"未知的配置项“{key}”" + (f"（是否应为“{hint}”？）" if hint else "")
                      + f"；可用的配置项：{'、'.join(KEYS)}")
        if key == "extend":
            if not isinstance(value, str) or not value.strip():
                raise err("'extend' must be the path of another config file", key,
                          zh="“extend”必须是另一个配置文件的路径")
            values[key] = value
        elif key in ("select", "ignore", "extend-select"):
            values[key] = code_list(key, value, allow_all=key != "ignore")
        elif key == "severity":
            if not isinstance(value, dict):
                raise err("'severity' must map rule codes to error, warning or info", key,
                          zh="“severity”必须把规则代码映射到 error、warning 或 info")
            out = {}
            for code, sev in value.items():
                real = resolve_code(str(code), codes, names, allow_all=False)
                if real is None:
                    en, zh = _unknown_code("severity", code)
                    raise ConfigError(en, path, *_pos(value, code), zh=zh)
                if sev not in SEVERITIES:
                    raise ConfigError(f"'severity': {code}: {sev!r} is not one of {', '.join(SEVERITIES)}",
                                      path, *_pos(value, code),
                                      zh=f"“severity”：{code} 的级别 {sev!r} 无效，应为 {'、'.join(SEVERITIES)} 之一")
                out[real] = sev
            values[key] = out
        elif key == "options":
            if not isinstance(value, dict):
                raise err("'options' must map rule codes to their options", key,
                          zh="“options”必须把规则代码映射到该规则的选项")
            out_opts: dict[str, dict[str, Any]] = {}
            for code, opts in value.items():
                real = resolve_code(str(code), codes, names, allow_all=False, exact=True)
                if real is None:
                    en, zh = _unknown_code("options", code)
                    raise ConfigError(en, path, *_pos(value, code), zh=zh)
                if not isinstance(opts, dict):
                    raise ConfigError(f"'options': {code} must map option names to values", path, *_pos(value, code),
                                      zh=f"“options”：{code} 必须是“选项名: 值”的映射")
                known = rule_options.get(real, {})
                checked = {}
                for name, val in opts.items():
                    if name not in known:
                        hint = _suggest(str(name), list(known))
                        raise ConfigError(f"'options': rule {real} has no option {name!r}"
                                          + (f" (did you mean {hint!r}?)" if hint else "")
                                          + (f"; its options: {', '.join(known)}" if known else "; it has no options"),
                                          path, *_pos(opts, name),
                                          zh=f"“options”：规则 {real} 没有选项 {name!r}"
                                          + (f"（是否应为 {hint!r}？）" if hint else "")
                                          + (f"；它的选项：{'、'.join(known)}" if known else "；它没有选项"))
                    wrong = known[name].problem(val)
                    if wrong is not None:
                        raise _option_error(known[name], f"{real}.{name}", val, *wrong, path,
                                            _pos(opts, name))
                    checked[str(name)] = _plain(val)
                out_opts[real] = checked
            values[key] = out_opts
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise err("'per-file-ignores' must map file globs to lists of rule codes", key,
                          zh="“per-file-ignores”必须把文件通配模式映射到规则代码列表")
            base = os.path.dirname(os.path.abspath(path))
            entries = []
            for glob, codes_value in value.items():
                entries.append((str(glob), base, code_list(f"per-file-ignores: {glob}", codes_value, False)
                                if isinstance(codes_value, list) else _codes_in_str(codes_value, codes, names, path,
                                                                                      _pos(value, glob))))
            values[key] = tuple(entries)
        elif key in ("template", "organ", "lang", "fail-on"):
            allowed = {"template": TEMPLATES, "organ": ORGANS, "lang": LANGS, "fail-on": SEVERITIES}[key]
            if str(value) not in allowed:
                raise err(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}", key,
                          zh=f"“{key}”必须是 {'、'.join(allowed)} 之一，而不是 {value!r}")
            values[key] = str(value)
        elif key == "plugins":
            values[key] = _plugins_section(value, path, _pos(data, key))
    return Layer(path, values, lines)


def _option_error(option: Any, where: str, value: Any, index: int, bad: Any, path: str,
                  pos: tuple[int | None, int | None]) -> ConfigError:
    """A configured option value of the wrong type (``index`` 0), or a list whose ``index``-th item
    (1-based) is of the wrong type."""
    wanted = option.describe()
    if option.is_list and option.item_types is not None:
        items = " or ".join(t.__name__ for t in option.item_types)
        wanted, wanted_zh = f"a {wanted}", f"{items} 的列表"
    else:
        wanted_zh = f"{wanted} 类型"
    if index == 0:
        got = type(value).__name__
        return ConfigError(f"'options': {where} must be {wanted}, not {got} ({value!r})", path, *pos,
                           zh=f"“options”：{where} 的值必须是 {wanted_zh}，而不是 {got}（{value!r}）")
    if getattr(value, "lc", None) is not None:
        pos = _item_pos(value, index - 1)
    got = type(bad).__name__
    return ConfigError(f"'options': {where} must be {wanted}: item {index} is {got} ({bad!r})", path, *pos,
                       zh=f"“options”：{where} 必须是 {wanted_zh}：第 {index} 项是 {got}（{bad!r}）")


def _unknown_code(key: str, item: Any, prefix: bool = False) -> tuple[str, str]:
    """The English and Chinese message for a code no loaded rule has.  A code of another prefix than
    gxlint's own (``XT201``) most likely belongs to a plugin that is not installed: say so."""
    text = str(item).strip()
    if _CODE_LIKE.fullmatch(text) and text.upper() != "ALL" and not text.upper().startswith("GX"):
        return (f"'{key}': unknown rule code {item!r} — is the plugin that provides it installed? "
                "(gxlint plugins lists the installed ones)",
                f"“{key}”：未知的规则代码 {item!r}——提供它的插件是否已安装？（gxlint plugins 会列出已安装的插件）")
    if prefix:
        return f"'{key}': unknown rule code or prefix {item!r}", f"“{key}”：未知的规则代码或代码前缀 {item!r}"
    return f"'{key}': unknown rule code {item!r}", f"“{key}”：未知的规则代码 {item!r}"


def _plugins_section(value: Any, path: str, pos: tuple[int | None, int | None]) -> dict[str, Any]:
    """``plugins: {disable: [name, ...]}``: the plugins (entry-point or distribution names) to
    switch off."""
    if not isinstance(value, dict):
        raise ConfigError("'plugins' must be a mapping like {disable: [name, ...]}", path, *pos,
                          zh="“plugins”必须是形如 {disable: [插件名, ...]} 的映射")
    out: dict[str, Any] = {}
    for key, names in value.items():
        if key not in PLUGIN_KEYS:
            hint = _suggest(str(key), PLUGIN_KEYS)
            raise ConfigError(f"'plugins': unknown key '{key}'"
                              + (f" (did you mean '{hint}'?)" if hint else "")
                              + f"; known keys: {', '.join(PLUGIN_KEYS)}", path, *_pos(value, key),
                              zh=f"“plugins”：未知的配置项“{key}”" + (f"（是否应为“{hint}”？）" if hint else "")
                              + f"；可用的配置项：{'、'.join(PLUGIN_KEYS)}")
        if isinstance(names, str):
            items, nodes = [n.strip() for n in names.split(",") if n.strip()], None
        elif isinstance(names, list):
            items, nodes = names, names
        else:
            raise ConfigError("'plugins: disable' must be a list of plugin names", path, *_pos(value, key),
                              zh="“plugins: disable”必须是插件名的列表")
        disabled = []
        for i, name in enumerate(items):
            where = _item_pos(nodes, i) if nodes is not None else _pos(value, key)
            if not isinstance(name, str) or not name.strip():
                raise ConfigError(f"'plugins: disable': {name!r} is not a plugin name", path, *where,
                                  zh=f"“plugins: disable”：{name!r} 不是插件名")
            if name.strip().lower() in BUILTIN_PLUGIN:
                raise ConfigError(f"'plugins: disable': the built-in rules cannot be switched off "
                                  f"({name!r}); to skip them, use ignore: [GX]", path, *where,
                                  zh=f"“plugins: disable”：内置规则不能停用（{name!r}）；要跳过它们，请用 ignore: [GX]")
            disabled.append(str(name).strip())
        out[str(key)] = tuple(disabled)
    return out


def _codes_in_str(value: Any, codes: set[str], names: Mapping[str, str], path: str, pos) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise ConfigError("'per-file-ignores' values must be lists of rule codes", path, *pos,
                          zh="“per-file-ignores”的值必须是规则代码列表")
    out = []
    for item in value.replace(",", " ").split():
        code = resolve_code(item, codes, names, allow_all=False)
        if code is None:
            en, zh = _unknown_code("per-file-ignores", item, prefix=True)
            raise ConfigError(en, path, *pos, zh=zh)
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


def resolve_code(item: str, codes: set[str], names: Mapping[str, str], *, allow_all: bool,
                 exact: bool = False) -> str | None:
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


def _suggest(word: str, options: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return match[0] if match else None


def configured_lang(explicit: str | None = None, start: str | None = None) -> str | None:
    """The ``lang`` of the config file ``explicit``, or else of the nearest config file above
    ``start`` (default: the working directory), following ``extend``; None when none sets it or the
    file cannot be read.  gxlint's own messages (help, usage and configuration errors) need a
    language before any file's settings are resolved, and when a config file is broken."""
    try:
        path = explicit or Resolver((), {}, {}).find(start or os.getcwd())
        seen: set[str] = set()
        while path and os.path.abspath(path) not in seen:
            seen.add(os.path.abspath(path))
            data = read_file(path)
            if not isinstance(data, dict):
                return None
            lang = data.get("lang")
            if isinstance(lang, str) and lang in LANGS:
                return lang
            parent = data.get("extend")
            if not isinstance(parent, str) or not parent.strip():
                return None
            path = parent if os.path.isabs(parent) else os.path.join(os.path.dirname(path), parent)
    except (ConfigError, OSError, ImportError):
        return None
    return None


def disabled_plugins(explicit: str | None = None, start: str | None = None,
                     isolated: bool = False) -> tuple[str, ...]:
    """The plugins switched off (``plugins: {disable: [...]}``) by the config file ``explicit``, or
    else by the nearest config file above ``start`` (default: the working directory), following
    ``extend``; () with ``isolated``, when none sets it, or when the file cannot be read (its error
    is reported when the files are linted).  Plugins are loaded once, before any file's settings
    are resolved: this is the file that decides which plugins are not even imported."""
    if isolated:
        return ()
    try:
        path = explicit or Resolver((), {}, {}).find(start or os.getcwd())
        seen: set[str] = set()
        while path and os.path.abspath(path) not in seen:
            seen.add(os.path.abspath(path))
            text = Path(path).read_text(encoding="utf-8")
            if "plugins" not in text and "extend" not in text:
                return ()  # the common case: no YAML to parse
            data = read_file(path)
            if not isinstance(data, dict):
                return ()
            section = data.get("plugins")
            if isinstance(section, dict) and "disable" in section:
                names = section["disable"]
                if isinstance(names, str):
                    names = names.split(",")
                if not isinstance(names, list):
                    return ()
                return tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
            parent = data.get("extend")
            if not isinstance(parent, str) or not parent.strip():
                return ()
            path = parent if os.path.isabs(parent) else os.path.join(os.path.dirname(path), parent)
    except (ConfigError, OSError, UnicodeDecodeError, ImportError):
        return ()
    return ()


# -- discovery and resolution ----------------------------------------------------------------------

class Resolver:
    """Finds and caches config layers; resolves the Settings for each linted file."""

    def __init__(self, known_codes: Iterable[str], rule_options: Mapping[str, Mapping[str, Any]],
                 names: Mapping[str, str], explicit: str | None = None,
                 overrides: Mapping[str, Any] | None = None, isolated: bool = False) -> None:
        self.codes = set(known_codes)
        self.rule_options = rule_options
        self.names = dict(names)
        self.explicit = explicit
        self.overrides = dict(overrides or {})
        self.isolated = isolated
        self._layers: dict[str, list[Layer]] = {}
        self._dirs: dict[str, str | None] = {}
        self._settings: dict[str | None, Settings] = {}

    def find(self, directory: str) -> str | None:
        directory = os.path.abspath(directory)
        if directory in self._dirs:
            return self._dirs[directory]
        found = None
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                found = candidate
                break
        if found is None:
            parent = os.path.dirname(directory)
            found = None if parent == directory else self.find(parent)
        self._dirs[directory] = found
        return found

    def config_for(self, path: str | None) -> str | None:
        if self.isolated:
            return None
        if self.explicit:
            return self.explicit
        directory = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        return self.find(directory)

    def layers(self, config_path: str, seen: tuple[str, ...] = ()) -> list[Layer]:
        config_path = os.path.abspath(config_path)
        if config_path in self._layers:
            return self._layers[config_path]
        if config_path in seen:
            raise ConfigError("'extend' forms a cycle: " + " -> ".join((*seen, config_path)), config_path,
                              zh="“extend”形成了循环：" + " -> ".join((*seen, config_path)))
        layer = parse_layer(read_file(config_path), config_path, self.codes, self.rule_options, self.names)
        chain: list[Layer] = []
        parent = layer.values.get("extend")
        if parent:
            parent_path = parent if os.path.isabs(parent) else os.path.join(os.path.dirname(config_path), parent)
            if not os.path.isfile(parent_path):
                raise ConfigError(f"'extend': no such file {parent!r}", config_path, layer.lines.get("extend"),
                                  zh=f"“extend”：文件 {parent!r} 不存在")
            chain.extend(self.layers(parent_path, seen + (config_path,)))
        chain.append(layer)
        self._layers[config_path] = chain
        return chain

    def settings(self, path: str | None) -> Settings:
        config_path = self.config_for(path)
        if config_path in self._settings:
            return self._settings[config_path]
        settings = Settings()
        origin = {k: "default" for k in ("select", "ignore", "extend-select", "severity", "options",
                                         "per-file-ignores", "template", "organ", "lang", "fail-on",
                                         "plugins")}
        layers = self.layers(config_path) if config_path else []
        for layer in layers:
            settings = _apply(settings, layer.values, origin,
                              lambda k, layer=layer: f"{layer.path}" + (f":{layer.lines[k]}" if k in layer.lines else ""))
        settings = _apply(settings, self.overrides, origin, lambda k: "command line")
        settings = replace(settings, origin=dict(origin))
        self._settings[config_path] = settings
        return settings


def _apply(settings: Settings, values: Mapping[str, Any], origin: dict[str, str], where) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key == "extend" or value is None:
            continue
        attr = key.replace("-", "_")
        if key == "severity":
            merged = dict(settings.severity)
            merged.update(value)
            value = merged
        elif key == "options":
            merged_opts = {k: dict(v) for k, v in settings.options.items()}
            for code, opts in value.items():
                merged_opts.setdefault(code, {}).update(opts)
            value = merged_opts
        elif key == "per-file-ignores":
            value = (*settings.per_file_ignores, *value)
        elif key == "extend-select":
            value = (*settings.extend_select, *value)
        elif key == "ignore" and values is not None and where("ignore") == "command line":
            value = (*settings.ignore, *value)
        elif key == "plugins":
            attr, value = "disabled_plugins", value.get("disable", settings.disabled_plugins)
        changes[attr] = value
        origin[key] = where(key)
    return replace(settings, **changes) if changes else settings
