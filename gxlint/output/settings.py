"""``--show-config``: the resolved settings for each file and where each value came from
(a config file and line, ``command line``, or ``default``)."""

from __future__ import annotations

from typing import Any

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
            lines.append(f"  {key:<17} {_show(item['value']):<30} # {t(item['from'])}")
        rules = entry["rules"]
        colon = "：" if lang == "zh" else ": "
        lines.append(f"  {pad(t('rules enabled'), 17)} {len(rules)}{colon}{', '.join(rules)}")
    return "\n".join(lines) + "\n"


def render_json(entries: list[dict[str, Any]]) -> str:
    return json_text(entries, indent=2) + "\n"
