"""``--statistics``: the number of findings per rule code instead of the findings themselves
(like ruff's ``--statistics``), most frequent first.  As text for ``full`` and ``concise``, followed
by the usual summary line; as a JSON array of ``{code, name, severity, count}`` for ``json``."""

from __future__ import annotations

import json

from . import FileResult, Formatter, Summary
from .text import FullFormatter

FORMATS = ("full", "concise", "json")


class StatisticsFormatter(Formatter):
    def __init__(self, out, *, as_json: bool = False, **kw) -> None:
        super().__init__(out, **kw)
        self.as_json = as_json
        self._counts: dict[str, int] = {}
        self._meta: dict[str, tuple[str, str]] = {}

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            self._counts[f.code] = self._counts.get(f.code, 0) + 1
            self._meta.setdefault(f.code, (f.name, f.severity))

    def rows(self) -> list[dict]:
        ordered = sorted(self._counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [{"code": code, "name": self._meta[code][0], "severity": self._meta[code][1], "count": n}
                for code, n in ordered]

    def end(self, summary: Summary) -> None:
        rows = self.rows()
        if self.as_json:
            self.out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        width = max((len(str(r["count"])) for r in rows), default=1)
        name_width = max((len(r["name"]) for r in rows), default=0)
        for r in rows:
            rule = self.rules.get(r["code"])
            summary_text = rule.short(self.lang) if rule is not None else ""
            self.out.write(f"{r['count']:>{width}}  {r['code']:<7} {('[' + r['severity'] + ']'):<9} "
                           f"{r['name']:<{name_width}}  {summary_text}".rstrip() + "\n")
        FullFormatter(self.out, color=self.color, lang=self.lang).end(summary)
