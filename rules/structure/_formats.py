"""Which format a table follows, by the labels only that format has (GX106 weighs it as evidence of
the report's year, GX107 reports a table in a format that does not apply)."""

from __future__ import annotations

from typing import Any

from gxlint.chinese import label_key
from gxlint.lint.analyses.tables import label_words
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS

#: id(templates) -> (templates, markers, index): built once per template set, not per report (the
#: templates are kept so that their id is not reused).
_BUILT: dict[int, tuple[object, dict, dict]] = {}


def format_markers(templates) -> dict[str, dict[str, dict[str, str]]]:
    """Per format and table kind, the labels that only that format has (normalised key -> label):
    the evidence that a table follows a given format."""
    return _built(templates)[1]


def _built(templates) -> tuple[object, dict, dict]:
    built = _BUILT.get(id(templates))
    if built is None or built[0] is not templates:
        markers = _markers(templates)
        built = _BUILT[id(templates)] = (templates, markers, _index(markers))
    return built


def _markers(templates) -> dict[str, dict[str, dict[str, str]]]:
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for t in templates.formats:
        ad = {}
        for s in t.sections:
            for x in (s.caption, *s.columns, *s.rows):
                ad[label_words(x)] = x
        app = {}
        for node in t.app_nodes:
            app[f"{node.numbering}|{node.key}"] = node.label
        labels[t.id] = {ACTIVE_DISCLOSURE: ad, APPLICATIONS: app}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for tid, kinds in labels.items():
        out[tid] = {}
        for kind, own in kinds.items():
            others: set[str] = set()
            for other, okinds in labels.items():
                if other != tid:
                    others.update(okinds[kind])
            out[tid][kind] = {k: v for k, v in own.items() if k not in others}
    # a row that holds data in one format and heads a group of rows in the others (the 2019
    # （六）其他处理, three rows in 2021): written with numbers, it is that format's
    groups = {t.id: {f"{n.numbering}|{n.key}" for n in t.app_nodes if not n.leaf} for t in templates.formats}
    for t in templates.formats:
        out[t.id][DATA_ROWS] = {
            item: node.label
            for node in t.app_nodes
            if node.leaf
            and len(groups) > 1
            and all((item := f"{node.numbering}|{node.key}") in groups[o] for o in groups if o != t.id)
        }
    return out


#: the markers' key for an applications row that is a marker only when it holds data
DATA_ROWS = "applications-data"


def _index(markers) -> dict:
    """Per table kind, normalised key -> [(format id, label)] in the order of ``markers``, and
    whether a key can be made of ASCII digits and dots only (else a number cell, the most common
    field, is skipped without being normalised: it cannot name a label).  ``seen`` keeps, per
    kind, what a field's text was found to name (its labels, and the applications rows it names
    that are markers with data: ``DATA_ROWS``): the same labels and numbers recur in every
    report's tables."""
    index: dict[str, dict[str, list[tuple[str, str]]]] = {}
    numeric = False
    for tid, kinds in markers.items():
        for kind, own in kinds.items():
            for item, label in own.items():
                index.setdefault(kind, {}).setdefault(item, []).append((tid, label))
                words = item.rpartition("|")[2] if kind in (APPLICATIONS, DATA_ROWS) else item
                numeric = numeric or _number(words) or not words
    return {"by_kind": index, "numeric": numeric, "seen": {kind: {} for kind in index}}


#: how many field texts ``seen`` keeps per table kind before it starts afresh
_SEEN = 8192
#: a text not in ``seen`` yet (a None there means: the text names no such label)
_UNSEEN: Any = object()


def _number(text: str) -> bool:
    return text.isascii() and text.replace(".", "").isdigit()


def _item(applications: bool, text: str) -> str:
    """A field's key as the markers are keyed."""
    if applications:
        numbering, k = label_key(text)
        return f"{numbering}|{k}"
    return label_words(text)


def _hits(keys: dict, skip_numbers: bool, applications: bool, text: str) -> list[tuple[str, str]] | None:
    """The (format id, label) pairs a field's text names, or None."""
    stripped = text.strip()
    if not stripped or (skip_numbers and _number(stripped)):
        return None
    return keys.get(_item(applications, text))


def evidence(
    table, markers: dict[str, dict[str, dict[str, str]]], enough: str | None = None
) -> dict[str, list[str]]:
    """Format id -> the distinctive labels of that format written in the table.  ``enough``: a
    format id whose first label found ends the search, for a caller that asks whether the table
    follows that format (and, only when it does not, what it follows)."""
    built = next((b for b in _BUILT.values() if b[1] is markers), None)
    index = built[2] if built is not None else _index(markers)
    keys = index["by_kind"].get(table.kind)
    if not keys:
        return {}
    skip_numbers = not index["numeric"]
    applications = table.kind == APPLICATIONS
    seen = index["seen"][table.kind]
    data_rows = index["by_kind"].get(DATA_ROWS) if applications else None
    found: dict[str, list[str]] = {}
    for raw in table.raw:
        fields = raw.fields
        for i, f in enumerate(fields):
            text = f.text
            # what the text names: a marker label; an applications row that is one only with data
            both = seen.get(text, _UNSEEN)
            if both is _UNSEEN:
                if len(seen) >= _SEEN:
                    seen.clear()
                both = seen[text] = (
                    _hits(keys, skip_numbers, applications, text),
                    _hits(data_rows, skip_numbers, True, text) if data_rows else None,
                )
            hits, data = both
            if data is not None and _number(next((t for g in fields[i + 1 :] if (t := g.text.strip())), "")):
                hits = [*(hits or ()), *data]  # the data are the row's own, not a sub-row's after it
            if not hits:
                continue
            for tid, label in hits:
                labels = found.setdefault(tid, [])
                if label not in labels:
                    labels.append(label)
            if enough is not None and enough in found:
                return found
    return {tid: labels for tid, labels in found.items() if labels}
