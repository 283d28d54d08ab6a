"""``sarif``: SARIF 2.1.0, with what GitHub code scanning requires.

The tool driver lists every known rule (id, name, short and full description, help text and a
help URI-less markdown body, default level); each result carries ruleId, ruleIndex, level,
message, a physical location with a repository-relative URI and a region, and
``partialFingerprints`` (gxlint's line-independent fingerprint), so code scanning can track a
finding across edits.
"""

from __future__ import annotations

import json
import os

from .. import __version__
from . import FileResult, Formatter, Summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifFormatter(Formatter):
    def begin(self) -> None:
        self._rules = sorted(self.rules.values(), key=lambda r: r.code)
        self._index = {r.code: i for i, r in enumerate(self._rules)}
        self._results: list[dict] = []

    def _uri(self, path: str) -> str:
        root = self.root or os.getcwd()
        absolute = os.path.abspath(path)
        try:
            rel = os.path.relpath(absolute, root)
        except ValueError:  # pragma: no cover - other drive on Windows
            rel = absolute
        if rel.startswith(".."):
            rel = absolute
        return rel.replace(os.sep, "/")

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            item = {
                "ruleId": f.code,
                "level": _LEVEL.get(f.severity, "error"),
                "message": {"text": f.message + (f" ({f.fix})" if f.fix else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": self._uri(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column}}}],
                "partialFingerprints": {"gxlintFingerprint/v1": f.fingerprint or f"{f.code}:{f.line}"},
            }
            if f.code in self._index:
                item["ruleIndex"] = self._index[f.code]
            self._results.append(item)

    def _rule(self, rule) -> dict:
        summary = rule.short(self.lang)
        full = rule.explanation(self.lang)
        examples = rule.examples()
        help_md = full
        if examples.get("bad"):
            help_md += "\n\n**Anti-pattern**\n\n```\n" + examples["bad"] + "\n```"
        if examples.get("good"):
            help_md += "\n\n**Best practice**\n\n```\n" + examples["good"] + "\n```"
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": full},
            "help": {"text": full, "markdown": help_md},
            "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "error")},
            "properties": {"tags": [rule.plugin or "gxlint"], "precision": "high"},
        }

    def end(self, summary: Summary) -> None:
        doc = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "gxlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": "https://github.com/gxlint/gxlint",
                    "rules": [self._rule(r) for r in self._rules],
                }},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + (self.root or os.getcwd()).replace(os.sep, "/").rstrip("/") + "/"}},
                "results": self._results,
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(doc, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
