"""Resolution: the layers that apply to a linted file (its nearest config file and the ones it
``extend``\\s), applied in order over the defaults, then the command line's settings over them."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from .errors import ConfigError
from .load import extended, find_config, read_file
from .schema import NO_SWITCHES, Layer, Switched, parse_layer


@dataclass(frozen=True)
class Settings:
    """The resolved settings for one file.  ``origin`` says where each key's value came from (the
    last config file, with the key's line, or the command line that set it); for the keys merged
    across ``extend`` -- ``severity`` and ``options`` code by code, ``extend-select`` and
    ``per-file-ignores`` added up -- ``origin_parts`` says it for each part (:data:`MERGED`)."""

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
    #: where each part of a merged key came from: ``severity`` and ``extend-select`` by code,
    #: ``options`` by code and option, ``per-file-ignores`` by glob (a glob several files give:
    #: each place, parted by ", ")
    origin_parts: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

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
            if _ignores(pattern, rel.replace(os.sep, "/")):
                out.extend(codes)
        return tuple(out)


#: the keys whose value is put together from several config files (and the command line)
MERGED = ("severity", "options", "extend-select", "per-file-ignores")


def _ignores(pattern: str, rel: str) -> bool:
    """Whether a ``per-file-ignores`` glob covers the file at ``rel`` (its path from the declaring
    config file's folder, ``/``-separated), as ``--exclude`` matches: the path (``*`` crossing
    ``/``), the file name alone, or a folder the file is in -- by its path (``reports``,
    ``reports/2021``) or, for a glob without ``/``, by its name wherever it is (``drafts``).  A
    leading ``./`` is the config's folder itself; a trailing ``/`` names a folder only."""
    while pattern.startswith("./"):
        pattern = pattern[2:]
    folder_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    if not pattern:  # "./": everything under the config's folder
        return not rel.startswith("../")
    parts = rel.split("/")
    if not folder_only and (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(parts[-1], pattern)):
        return True
    folders = parts[:-1]
    outside = bool(folders) and folders[0] == ".."
    while folders and folders[0] in ("..", "."):
        folders = folders[1:]
    if "/" in pattern:  # a folder's path from the config's folder: not of a file outside it
        return not outside and any(
            fnmatch.fnmatch("/".join(folders[:i]), pattern) for i in range(1, len(folders) + 1)
        )
    return any(fnmatch.fnmatch(folder, pattern) for folder in folders)


def _match_len(prefix: str, code: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1


class Resolver:
    """Finds and caches config layers; resolves the Settings for each linted file."""

    def __init__(
        self,
        known_codes: Iterable[str],
        rule_options: Mapping[str, Mapping[str, Any]],
        names: Mapping[str, str],
        explicit: str | None = None,
        overrides: Mapping[str, Any] | None = None,
        isolated: bool = False,
        switched: Switched = NO_SWITCHES,
    ) -> None:
        self.switched = switched
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
        return find_config(directory, self._dirs)

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
            raise ConfigError(
                "'extend' forms a cycle: " + " -> ".join((*seen, config_path)),
                config_path,
                zh="“extend”形成了循环：" + " -> ".join((*seen, config_path)),
            )
        layer = parse_layer(
            read_file(config_path), config_path, self.codes, self.rule_options, self.names, self.switched
        )
        chain: list[Layer] = []
        parent = layer.values.get("extend")
        if parent:
            parent_path = extended(config_path, parent)
            if not os.path.exists(parent_path):
                raise ConfigError(
                    f"'extend': no such file {parent!r}",
                    config_path,
                    layer.lines.get("extend"),
                    zh=f"“extend”：文件 {parent!r} 不存在",
                )
            if not os.path.isfile(parent_path):  # a folder, a named pipe, a device: never opened
                raise ConfigError(
                    f"'extend': {parent!r} is not a regular file",
                    config_path,
                    layer.lines.get("extend"),
                    zh=f"“extend”：{parent!r} 不是普通文件",
                )
            chain.extend(self.layers(parent_path, seen + (config_path,)))
        chain.append(layer)
        self._layers[config_path] = chain
        return chain

    def settings(self, path: str | None) -> Settings:
        config_path = self.config_for(path)
        if config_path in self._settings:
            return self._settings[config_path]
        settings = Settings()
        origin = {
            k: "default"
            for k in (
                "select",
                "ignore",
                "extend-select",
                "severity",
                "options",
                "per-file-ignores",
                "template",
                "organ",
                "lang",
                "fail-on",
                "plugins",
            )
        }
        parts: dict[str, dict[str, Any]] = {key: {} for key in MERGED}
        layers = self.layers(config_path) if config_path else []
        for layer in layers:
            settings = _apply(
                settings,
                layer.values,
                origin,
                lambda k, layer=layer: f"{layer.path}" + (f":{layer.lines[k]}" if k in layer.lines else ""),
                parts,
            )
        settings = _apply(settings, self.overrides, origin, lambda k: "command line", parts)
        settings = replace(settings, origin=dict(origin), origin_parts=parts)
        self._settings[config_path] = settings
        return settings


def _apply(
    settings: Settings,
    values: Mapping[str, Any],
    origin: dict[str, str],
    where,
    parts: dict[str, dict[str, Any]],
) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key == "extend" or value is None:
            continue
        attr = key.replace("-", "_")
        if key in MERGED:
            _note_parts(parts[key], key, value, where(key))
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


def _note_parts(parts: dict[str, Any], key: str, value: Any, place: str) -> None:
    """Record ``place`` for each part of ``value``, one layer's (or the command line's) setting of
    the merged key ``key``: a later place replaces an earlier one where it replaces the value
    (a code's severity, an option), and adds to it where both apply (a glob of two files)."""
    if key == "severity":
        parts.update(dict.fromkeys(value, place))
    elif key == "options":
        for code, opts in value.items():
            parts.setdefault(code, {}).update(dict.fromkeys(opts, place))
    elif key == "extend-select":
        parts.update(dict.fromkeys(value, place))
    else:  # per-file-ignores: (glob, base dir, codes), each glob applying wherever it was given
        for glob, _, _ in value:
            before = parts.get(glob)
            parts[glob] = place if before in (None, place) else f"{before}, {place}"
