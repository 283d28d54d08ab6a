"""``sarif``: SARIF 2.1.0 with everything GitHub code scanning requires.

The tool driver lists every known rule (id, name, short and full description, help as text and
markdown with the rule's examples, default level); each result carries ruleId, ruleIndex, level,
message, one physical location (an RFC 3986 URI relative to the repository root, with
``uriBaseId`` ``%SRCROOT%``, and a region with start and end line and column) and
``partialFingerprints`` (gxlint's line-independent fingerprint), so code scanning tracks a finding
across edits.  Columns count Unicode code points (``columnKind``), like gxlint's own columns.
The fields are listed in docs/formats.md and checked by tests/sarif-github-schema.json.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from gxlint import __version__
from gxlint.output.ruledocs import unwrap
from gxlint.finding import describe
from gxlint.output import FileResult, Formatter, Summary, file_region, json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/gxlint/gxlint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str, root: str) -> dict:
    """A SARIF artifactLocation: relative to ``root`` when inside it, else an absolute file URI;
    standard input read without ``--stdin-filename`` is ``-`` as it is, relative to nothing (it is
    no file of the working directory, nor of the repository)."""
    if path == "-":
        return {"uri": "-"}
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # pragma: no cover - another drive on Windows
        rel = ".."
    if rel == ".." or rel.startswith(".." + os.sep):
        return {"uri": Path(absolute).as_uri()}
    # everything but '/' percent-encoded: spaces, '#', ':' (it would read as a scheme), Chinese names
    # (a name's bytes that are no UTF-8 as the bytes they are)
    return {"uri": quote(os.fsencode(rel.replace(os.sep, "/")), safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(finding) -> dict:
    """The region in the file itself (a web page's: its source line, from its first character,
    whose column is not known; GitHub requires the columns; see ``file_region``).  Where no line of
    the file is known (a page stored in base64 in an .mhtml file), the file's first line: GitHub
    requires ``startLine``, and a viewer then opens the file at its top, as for a finding about the
    whole file, rather than at a line of the decoded page."""
    region = file_region(finding) or (1, 1, 1, 1)
    line, column, end_line, end_column = region
    if column is None:
        column = end_column = 1
    elif end_column is None:
        end_column = column
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


class SarifFormatter(Formatter):
    def begin(self) -> None:
        self._rules = sorted(self.rules.values(), key=lambda r: r.code)
        self._index = {r.code: i for i, r in enumerate(self._rules)}
        self._results: list[dict] = []
        self._root = os.path.abspath(self.root or os.getcwd())

    def add(self, result: FileResult) -> None:
        for f in result.findings:
            text = f.message + (
                ("（修改建议：" + f.fix + "）" if self.lang == "zh" else f" (fix: {f.fix})") if f.fix else ""
            )
            physical = {"artifactLocation": artifact_location(f.path, self._root), "region": _region(f)}
            item: dict = {
                "ruleId": f.code,
                "level": _LEVEL.get(f.severity, "error"),
                "message": {"text": text},
                "locations": [{"physicalLocation": physical}],
                "partialFingerprints": {
                    "gxlintFingerprint/v1": f.fingerprint or f"{f.code}:{f.line}:{f.column}"
                },
            }
            if f.code in self._index:
                item["ruleIndex"] = self._index[f.code]
            if f.location:
                # the region is in the text gxlint read from a Word, web or PDF file; say where
                # that is in the original, for people and for tools that know the form
                place = describe(f.location, self.lang)
                item["message"]["text"] += (
                    ("（位置：" + place + "）") if self.lang == "zh" else f" (in the file: {place})"
                )
                item["properties"] = {"location": f.location}
            self._results.append(item)

    def _rule(self, rule) -> dict:
        summary = rule.short(self.lang)
        full = unwrap(rule.explanation(self.lang)) or summary
        examples = rule.examples()
        help_md = full
        for key, en, zh in (("bad", "Anti-pattern", "反例"), ("good", "Best practice", "正例")):
            if examples.get(key):
                help_md += f"\n\n**{zh if self.lang == 'zh' else en}**\n\n```text\n{examples[key]}\n```"
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
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "gxlint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [self._rule(r) for r in self._rules],
                        }
                    },
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(self._root).as_uri().rstrip("/") + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        self.out.write(json_text(doc, indent=2))
        self.out.write("\n")
