"""``--show-config``: the resolved settings for each file and where each value came from
(a config file and line, ``command line``, or ``default``); for a key merged across ``extend``
(``severity``, ``options``, ``extend-select``, ``per-file-ignores``), where each part came from."""

from __future__ import annotations

from typing import Any

from gxlint.config.resolve import MERGED
from gxlint.output import json_text

KEYS = (
    "select",
    "extend-select",
    "ignore",
    "severity",
    "options",
    "per-file-ignores",
    "template",
    "organ",
    "lang",
    "fail-on",
)


def describe(linter, path: str | None) -> dict[str, Any]:
    """The settings of one file as plain data: values, origins, config file and enabled rules."""
    settings = linter.settings(path)
    values: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(settings, key.replace("-", "_"))
        if key == "per-file-ignores":
            merged: dict[str, list[str]] = {}
            for glob, _, codes in value:  # a glob several files give applies with each one's codes
                merged.setdefault(glob, []).extend(c for c in codes if c not in merged[glob])
            value = merged
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict) or hasattr(value, "items"):
            value = {k: dict(v) if hasattr(v, "items") else v for k, v in value.items()}
        values[key] = {"value": value, "from": settings.origin.get(key, "default")}
        if key in MERGED:
            values[key]["parts"] = {
                k: dict(v) if isinstance(v, dict) else v
                for k, v in settings.origin_parts.get(key, {}).items()
            }
    return {
        "path": path,
        "config": linter.resolver.config_for(path),
        "settings": values,
        "rules": [r.code for r in linter.selected(settings, path)],
    }


def _show(value: Any) -> str:
    """YAML-like flow text, as the value would be written in .gxlint.yaml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


_ZH = {
    "(standard input)": "（标准输入）",
    "config file": "配置文件",
    "(none)": "（无）",
    "rules enabled": "启用的规则",
    "command line": "命令行",
    "default": "默认",
    "environment GXLINT_LANG": "环境变量 GXLINT_LANG",
}


def render_text(entries: list[dict[str, Any]], lang: str = "en") -> str:
    """The settings as text; in Chinese the labels and origins are Chinese (keys and values are
    written as in .gxlint.yaml)."""

    def t(text: str) -> str:
        return _ZH.get(text, text) if lang == "zh" else text

    def pad(text: str, width: int) -> str:
        from gxlint.output.text import _width

        return text + " " * max(0, width - _width(text))

    lines = []
    for entry in entries:
        lines.append(f"{entry['path'] or t('(standard input)')}")
        lines.append(f"  {pad(t('config file'), 17)} {entry['config'] or t('(none)')}")
        for key, item in entry["settings"].items():
            lines.append(f"  {key:<17} {_show(item['value']):<30} # {_whence(item, t)}")
        rules = entry["rules"]
        colon = "：" if lang == "zh" else ": "
        lines.append(f"  {pad(t('rules enabled'), 17)} {len(rules)}{colon}{', '.join(rules)}")
    return "\n".join(lines) + "\n"


def _whence(item: dict[str, Any], t) -> str:
    """Where a setting came from: its place, or, for a merged key whose parts came from more than
    one place, each part's (``GX302: a/.gxlint.yaml:3; GX404: a/b/.gxlint.yaml:2``)."""
    flat: dict[str, str] = {}
    for part, place in item.get("parts", {}).items():
        if isinstance(place, dict):  # options: by code, then option
            flat.update({f"{part}.{option}": p for option, p in place.items()})
        else:
            flat[part] = place
    if len(set(flat.values())) <= 1:
        return t(item["from"])
    return "; ".join(f"{part}: {t(place)}" for part, place in flat.items())


def render_json(entries: list[dict[str, Any]]) -> str:
    return json_text(entries, indent=2) + "\n"
