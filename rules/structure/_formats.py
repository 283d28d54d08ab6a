"""Which format a table follows, by the labels only that format has (GX106 weighs it as evidence of
the report's year, GX107 reports a table in a format that does not apply)."""

from __future__ import annotations

from gxlint.chinese import label_key
from gxlint.read.tables import key as words_key


def format_markers(templates) -> dict[str, dict[str, dict[str, str]]]:
    """Per format and table kind, the labels that only that format has (normalised key -> label):
    the evidence that a table follows a given format."""
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for t in templates.formats:
        ad = {}
        for s in t.sections:
            for x in (s.caption, *s.columns, *s.rows):
                ad[words_key(x)] = x
        app = {}
        for node in t.app_nodes:
            app[f"{node.numbering}|{node.key}"] = node.label
        labels[t.id] = {"active_disclosure": ad, "applications": app}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for tid, kinds in labels.items():
        out[tid] = {}
        for kind, own in kinds.items():
            others = set()
            for other, okinds in labels.items():
                if other != tid:
                    others.update(okinds[kind])
            out[tid][kind] = {k: v for k, v in own.items() if k not in others}
    return out


def evidence(table, markers: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Format id -> the distinctive labels of that format written in the table."""
    found: dict[str, list[str]] = {}
    for raw in table.raw:
        for f in raw.fields:
            if not f.text.strip():
                continue
            if table.kind == "applications":
                numbering, k = label_key(f.text)
                item = f"{numbering}|{k}"
            else:
                item = words_key(f.text)
            for tid, kinds in markers.items():
                label = kinds.get(table.kind, {}).get(item)
                if label is not None and label not in found.setdefault(tid, []):
                    found[tid].append(label)
    return {tid: labels for tid, labels in found.items() if labels}
