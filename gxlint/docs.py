"""Documentation generated from the rules' own metadata: ``gxlint explain``, docs/rules/*.md, and
the commented default config written by ``gxlint init``."""

from __future__ import annotations

from typing import Iterable

from .rule import Rule

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def render_rule(rule: type[Rule], lang: str = "en", markdown: bool = True) -> str:
    zh = lang == "zh"
    examples = rule.examples()
    lines: list[str] = []
    title = f"{rule.code} {rule.name}"
    lines.append(f"# {title}" if markdown else title)
    lines.append("")
    lines.append(rule.short(lang))
    lines.append("")
    sev = _SEV_ZH.get(rule.severity, rule.severity) if zh else rule.severity
    meta = [("默认级别" if zh else "Default severity", sev)]
    if rule.spec:
        meta.append(("依据" if zh else "Spec", rule.spec))
    if rule.plugin and rule.plugin != "builtin":
        meta.append(("插件" if zh else "Plugin", rule.plugin))
    for label, value in meta:
        lines.append(f"- **{label}**: {value}" if markdown else f"{label}: {value}")
    lines.append("")
    lines.append(rule.explanation(lang))
    if rule.options:
        lines.append("")
        lines.append("## 选项" if zh and markdown else ("## Options" if markdown else ("选项：" if zh else "Options:")))
        lines.append("")
        for name, opt in rule.options.items():
            lines.append(f"- `{name}` (default `{opt.default!r}`): {opt.help}")
    for key, label_en, label_zh in (("bad", "Anti-pattern", "反例"), ("good", "Best practice", "正例")):
        if key in examples:
            lines.append("")
            label = label_zh if zh else label_en
            lines.append(f"## {label}" if markdown else f"{label}:")
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
    head = ("<!-- Generated from the rule's metadata by `python -m gxlint.docs`; do not edit. -->\n\n")
    return head + render_rule(rule, "en") + "\n---\n\n" + render_rule(rule, "zh").split("\n", 2)[2]


def render_index(rules: Iterable[type[Rule]]) -> str:
    out = ["<!-- Generated from the rules' metadata by `python -m gxlint.docs`; do not edit. -->", "",
           "# Rules", "", "| code | name | default | summary |", "|---|---|---|---|"]
    for r in rules:
        out.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity} | {r.summary} |")
    return "\n".join(out) + "\n"


def default_config(rules: Iterable[type[Rule]]) -> str:
    rules = list(rules)
    out = [
        "# gxlint configuration (https://github.com/gxlint/gxlint/blob/main/docs/config.md)",
        "# Every key is shown at its default.  Rule codes may be prefixes (GX2 = every GX2xx rule).",
        "",
        "# extend: ../.gxlint.yaml        # inherit another config file first",
        "select: [ALL]                    # rules to run",
        "ignore: []                       # rules to skip",
        "extend-select: []                # added to select",
        "severity: {}                     # e.g. {GX208: info}",
        "per-file-ignores: {}             # e.g. {\"archive/2019-*.txt\": [GX107]}",
        "template: auto                   # auto, 2019 or 2021",
        "organ: auto                      # auto, department (deadline 31 Jan) or government (31 Mar)",
        "lang: zh                         # zh or en",
        "fail-on: error                   # error, warning or info",
        "options:",
    ]
    any_option = False
    for r in rules:
        if r.options:
            any_option = True
            out.append(f"  {r.code}:                        # {r.name}")
            for name, opt in r.options.items():
                value = opt.default
                shown = "true" if value is True else "false" if value is False else repr(value) if isinstance(value, str) else value
                out.append(f"    {name}: {shown}    # {opt.help}")
    if not any_option:
        out[-1] = "options: {}"
    return "\n".join(out) + "\n"


def write_docs(folder: str = "docs/rules") -> list[str]:
    """Regenerate docs/rules/; returns the files written."""
    import os

    from .engine import ENGINE_RULES
    from .plugins import load

    plugins = load()
    rules = {**ENGINE_RULES, **{c: r for c, r in plugins.rules.items() if r.plugin == "builtin"}}
    ordered = [rules[c] for c in sorted(rules)]
    os.makedirs(folder, exist_ok=True)
    written = []
    for r in ordered:
        path = os.path.join(folder, f"{r.code}.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render_rule_page(r))
        written.append(path)
    path = os.path.join(folder, "README.md")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_index(ordered))
    written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for p in write_docs():
        print(p)
