"""``--statistics``: the number of findings per rule code and severity instead of the findings
themselves (like ruff's ``--statistics``), most frequent first.  A rule whose findings come at two
severities (an error lowered to a warning for an early report year, a ``severity:`` setting) has a
row for each, so the rows add up to the summary line's counts.  As text for ``full`` and
``concise``, followed by the usual summary line; as a JSON array of ``{code, name, severity,
count}`` for ``json``."""

from __future__ import annotations

import json

from gxlint.output.ruledocs import severity_label
from gxlint.output import FileResult, Formatter, Summary
from gxlint.output.text import FullFormatter, _width

#: the formats ``--statistics`` can be written in (of :data:`gxlint.output.BUILTIN`)
STATISTICS_FORMATS = ("full", "concise", "json")


class StatisticsFormatter(Formatter):
    def __init__(self, out, *, as_json: bool = False, summary: bool = True, **kw) -> None:
        super().__init__(out, **kw)
        self.as_json = as_json
        self.summary = summary  # --quiet: the table alone
        self._counts: dict[tuple[str, str], int] = {}
        self._names: dict[str, str] = {}

    def add(self, result: FileResult) -> None:
        if result.skipped:  # a non-report's note is no problem (the summary does not count it either)
            return
        for f in result.findings:
            key = (f.code, f.severity)
            self._counts[key] = self._counts.get(key, 0) + 1
            self._names.setdefault(f.code, f.name)

    def rows(self) -> list[dict]:
        ordered = sorted(self._counts.items(), key=lambda kv: (-kv[1], kv[0][0], _RANK.get(kv[0][1], 9)))
        return [
            {"code": code, "name": self._names[code], "severity": severity, "count": n}
            for (code, severity), n in ordered
        ]

    def end(self, summary: Summary) -> None:
        rows = self.rows()
        if self.as_json:
            self.out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        width = max((len(str(r["count"])) for r in rows), default=1)
        name_width = max((len(r["name"]) for r in rows), default=0)
        tags = [f"[{severity_label(r['severity'], self.lang)}]" for r in rows]
        tag_width = max((_width(t) for t in tags), default=0)
        for r, tag in zip(rows, tags):
            rule = self.rules.get(r["code"])
            summary_text = rule.short(self.lang) if rule is not None else ""
            self.out.write(
                f"{r['count']:>{width}}  {r['code']:<7} {tag}{' ' * (tag_width - _width(tag) + 1)}"
                f"{r['name']:<{name_width}}  {summary_text}".rstrip()
                + "\n"
            )
        FullFormatter(self.out, color=self.color, lang=self.lang, summary=self.summary).end(summary)


_RANK = {"error": 0, "warning": 1, "info": 2}
