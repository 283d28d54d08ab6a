"""Documentation generated from the rules' own metadata: ``gxlint explain``, docs/rules/*.md, and
the commented default config written by ``gxlint init``."""

from __future__ import annotations

import re
from typing import Iterable

from gxlint.lint.rule import Rule

#: the severities as Chinese output names them
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _is_cjk(ch: str) -> bool:
    """A CJK character or full-width form (U+2E80-U+9FFF, U+FF00-U+FFEF; not a regex class: one this
    wide takes 3 ms to compile)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def severity_label(severity: str, lang: str = "en") -> str:
    """``error``/``warning``/``info``, or 错误/警告/提示 in Chinese."""
    return SEVERITY_ZH.get(severity, severity) if lang == "zh" else severity


def severity_text(rule: type[Rule], lang: str = "en", *, short: bool = False) -> str:
    """A rule's default severity as the truth: with the report years for which the rule lowers its
    errors to warnings (``Rule.relaxed_until``).  ``short`` is the form for a table column."""
    label = severity_label(rule.severity, lang)
    until = rule.relaxed_until
    if until is None or rule.severity != "error":
        return label
    if short:
        return f"{label}，≤{until} 警告" if lang == "zh" else f"{label}, ≤{until} warning"
    if lang == "zh":
        return f"{label}；{until} 年度及以前的报告为警告（当时统一格式尚未强制适用）"
    return f"{label}; a warning for reports of {until} and earlier (the unified format did not yet bind them)"


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph (no space between Chinese characters), so
    viewers that wrap text themselves show sentences, not docstring line breaks."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = para.split("\n")
        if any(line.startswith(" ") for line in lines[1:]):
            out.append(para)  # an indented block: keep as written
            continue
        joined = lines[0].strip()
        for line in lines[1:]:
            line = line.strip()
            if joined and line and _is_cjk(joined[-1]) and _is_cjk(line[0]):
                joined += line
            else:
                joined += " " + line
        out.append(joined)
    return "\n\n".join(out)


#: the sections of docs/format.md a built-in rule's ``spec`` names by their anchors
FORMAT_SECTIONS = {
    "the-documents": ("有关文件", "The documents"),
    "chapters": ("章节", "Chapters"),
    "tables": ("表格", "Tables"),
    "active-disclosure": ("主动公开情况表", "Active disclosure"),
    "applications": ("收到和处理申请情况表", "Applications"),
    "review-and-litigation": ("行政复议、行政诉讼情况表", "Review and litigation"),
    "identities": ("勾稽关系", "Identities"),
    "cells": ("数据单元格", "Cells"),
    "deadlines": ("报送期限", "Deadlines"),
    "good-practice": ("良好做法", "Good practice"),
    "before-2019": ("2019 年以前的报告", "Before 2019"),
    "across-years": ("跨年度核对", "Across years"),
}


def spec_text(spec: str, lang: str = "en", markdown: bool = True) -> str:
    """A rule's ``spec`` for people: the docs/format.md sections it names (as links in markdown),
    or a plugin's own free text as it is."""
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    if not parts or any(p not in FORMAT_SECTIONS for p in parts):
        return spec
    index = 0 if lang == "zh" else 1
    if markdown:
        return (
            "、".join(f"[{FORMAT_SECTIONS[p][index]}](../format.md#{p})" for p in parts)
            if lang == "zh"
            else ", ".join(f"[{FORMAT_SECTIONS[p][index]}](../format.md#{p})" for p in parts)
        )
    names = [FORMAT_SECTIONS[p][index] for p in parts]
    return (
        ("docs/format.md：" + "、".join(names)) if lang == "zh" else ("docs/format.md: " + ", ".join(names))
    )


def render_rule(rule: type[Rule], lang: str = "en", markdown: bool = True) -> str:
    zh = lang == "zh"
    examples = rule.examples()
    lines: list[str] = []
    title = f"{rule.code} {rule.name}"
    lines.append(f"# {title}" if markdown else title)
    lines.append("")
    lines.append(rule.short(lang))
    lines.append("")
    colon = "：" if zh else ": "
    meta = [("默认级别" if zh else "Default severity", severity_text(rule, lang))]
    if rule.spec:
        meta.append(("依据" if zh else "Based on", spec_text(rule.spec, lang, markdown)))
    if rule.plugin and rule.plugin != "builtin":
        meta.append(("插件" if zh else "Plugin", rule.plugin))
    for label, value in meta:
        lines.append(f"- **{label}**{colon}{value}" if markdown else f"{label}{colon}{value}")
    lines.append("")
    lines.append(unwrap(rule.explanation(lang)) if markdown else rule.explanation(lang))
    if rule.options:
        lines.append("")
        lines.append(
            "## 选项" if zh and markdown else ("## Options" if markdown else ("选项：" if zh else "Options:"))
        )
        lines.append("")
        for name, opt in rule.options.items():
            default = yaml_value(opt.default)
            lines.append(
                f"- `{name}`（默认 `{default}`）：{opt.text(lang)}"
                if zh
                else f"- `{name}` (default `{default}`): {opt.text(lang)}"
            )
    for key, label_en, label_zh in (("bad", "Anti-pattern", "反例"), ("good", "Best practice", "正例")):
        if key in examples:
            lines.append("")
            label = label_zh if zh else label_en
            lines.append(f"## {label}" if markdown else label + ("：" if zh else ":"))
            lines.append("")
            if markdown:
                lines.append("```text")
                lines.append(examples[key])
                lines.append("```")
            else:
                lines.extend("    " + line for line in examples[key].splitlines())
    return "\n".join(lines).rstrip() + "\n"


def render_rule_page(rule: type[Rule]) -> str:
    """docs/rules/CODE.md: both languages."""
    head = "<!-- Generated from the rule's metadata by `python -m gxlint.cli.docs`; do not edit. -->\n\n"
    return head + render_rule(rule, "en") + "\n---\n\n" + render_rule(rule, "zh").split("\n", 2)[2]


def render_index(rules: Iterable[type[Rule]]) -> str:
    out = [
        "<!-- Generated from the rules' metadata by `python -m gxlint.cli.docs`; do not edit. -->",
        "",
        "# Rules",
        "",
        "| code | name | default | summary |",
        "|---|---|---|---|",
    ]
    for r in rules:
        out.append(f"| [{r.code}]({r.code}.md) | {r.name} | {severity_text(r, short=True)} | {r.summary} |")
    return "\n".join(out) + "\n"


def yaml_value(value) -> str:
    """A default as YAML flow text (JSON is valid YAML: strings quoted, None as null, lists and
    mappings in brackets), so the written config reads back as the same value."""
    import json

    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False)


#: the settings of ``gxlint init``'s config file, each with its comment in English and Chinese
_CONFIG_LINES = (
    ("# extend: ../.gxlint.yaml", "inherit another config file first", "先继承另一个配置文件"),
    ("select: [ALL]", "rules to run", "要运行的规则"),
    ("ignore: []", "rules to skip", "要跳过的规则"),
    ("extend-select: []", "added to select", "追加到 select"),
    ("severity: {}", "e.g. {GX208: info}", "例如 {GX208: info}"),
    ("per-file-ignores: {}", 'e.g. {"archive/2019-*.txt": [GX107]}', '例如 {"archive/2019-*.txt": [GX107]}'),
    ("template: auto", "auto, 2019 or 2021", "auto、2019 或 2021"),
    (
        "organ: auto",
        "auto, department (deadline 31 Jan) or government (31 Mar)",
        "auto、department（部门，1 月 31 日前）或 government（政府，3 月 31 日前）",
    ),
    # the language init was asked for, not the default: who asks for English comments wants English
    ("lang: {lang}", "zh or en (default zh)", "zh 或 en（默认 zh）"),
    ("fail-on: error", "error, warning or info", "error、warning 或 info"),
)


def default_config(rules: Iterable[type[Rule]], lang: str = "zh") -> str:
    """The text of ``gxlint init``'s ``.gxlint.yaml``: every setting and rule option at its default,
    commented in ``lang``."""
    zh = lang == "zh"
    rules = list(rules)
    out = [
        "# gxlint 配置（https://github.com/gxlint/gxlint/blob/main/docs/config.md）"
        if zh
        else "# gxlint configuration (https://github.com/gxlint/gxlint/blob/main/docs/config.md)",
        "# 除 lang 外每一项都是默认值。规则代码可以写前缀（GX2 即全部 GX2xx 规则）。"
        if zh
        else "# Every key but lang is shown at its default.  Rule codes may be prefixes (GX2 = every GX2xx rule).",
        "",
    ]
    for setting, en, zh_text in _CONFIG_LINES:
        out.append(f"{setting.replace('{lang}', lang):<32} # {zh_text if zh else en}")
    out.append("options:")
    any_option = False
    for r in rules:
        if r.options:
            any_option = True
            out.append(f"  {r.code}:                        # {r.name}")
            for name, opt in r.options.items():
                out.append(f"    {name}: {yaml_value(opt.default)}    # {opt.text(lang)}")
    if not any_option:
        out[-1] = "options: {}"
    return "\n".join(out) + "\n"
