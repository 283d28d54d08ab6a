"""``--show-config``: the resolved settings for each file and where each value came from
(a config file and line, ``command line``, or ``default``)."""

from __future__ import annotations

import json
from typing import Any

KEYS = ("select", "extend-select", "ignore", "severity", "options", "per-file-ignores", "template", "organ",
        "lang", "fail-on")


def describe(linter, path: str | None) -> dict[str, Any]:
    """The settings of one file as plain data: values, origins, config file and enabled rules."""
    settings = linter.settings(path)
    values: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(settings, key.replace("-", "_"))
        if key == "per-file-ignores":
            value = {glob: list(codes) for glob, _, codes in value}
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict) or hasattr(value, "items"):
            value = {k: dict(v) if hasattr(v, "items") else v for k, v in value.items()}
        values[key] = {"value": value, "from": settings.origin.get(key, "default")}
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


def render_text(entries: list[dict[str, Any]]) -> str:
    lines = []
    for entry in entries:
        lines.append(f"{entry['path'] or '(standard input)'}")
        lines.append(f"  config file       {entry['config'] or '(none)'}")
        for key, item in entry["settings"].items():
            lines.append(f"  {key:<17} {_show(item['value']):<30} # {item['from']}")
        rules = entry["rules"]
        lines.append(f"  rules enabled     {len(rules)}: {', '.join(rules)}")
    return "\n".join(lines) + "\n"


def render_json(entries: list[dict[str, Any]]) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
