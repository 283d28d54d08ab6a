"""The unified formats as data: loading grammar/templates/*.json and matching labels against them.

A template file describes one format revision: its chapters (official title, accepted variants,
old-format titles), its tables (captions, row and column labels, signed and money columns) and
its arithmetic identities.  ``extends`` inherits every key of another template that the file does
not set itself (``tables`` is merged per table kind).  Plugins add templates through the
``gxlint_templates`` hook; see docs/plugins.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from gxlint.data import grammar_dir, read_text
from gxlint.chinese import label_key, norm
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION, _Frozen, _set

TEMPLATE_DIR = "templates"


class TemplateError(ValueError):
    """A template file is malformed."""


class ChapterSpec(_Frozen):
    __slots__ = ("number", "title", "accepted", "legacy", "match")
    number: int
    title: str
    accepted: tuple[str, ...]
    legacy: tuple[str, ...]
    match: re.Pattern[str] | None

    def __init__(
        self,
        number: int,
        title: str,
        accepted: tuple[str, ...],
        legacy: tuple[str, ...],
        match: re.Pattern[str] | None,
    ) -> None:
        _set(self, "number", number)
        _set(self, "title", title)
        _set(self, "accepted", accepted)
        _set(self, "legacy", legacy)
        _set(self, "match", match)

    def classify(self, title: str) -> str | None:
        """'official', 'accepted' or 'legacy' when ``title`` is this chapter's wording, else None."""
        key = label_key(title)[1]
        if key == label_key(self.title)[1]:
            return "official"
        if any(key == label_key(t)[1] for t in self.accepted):
            return "accepted"
        if any(key == label_key(t)[1] for t in self.legacy):
            return "legacy"
        return None


@dataclass
class Node:
    """A row or a row group of the applications table."""

    label: str
    numbering: str | None
    key: str
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)

    @property
    def leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list["Node"]:
        if self.leaf:
            return [self]
        out: list[Node] = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def ancestors(self) -> list["Node"]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class Section(_Frozen):
    __slots__ = ("caption", "columns", "rows")
    caption: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]

    def __init__(self, caption: str, columns: tuple[str, ...], rows: tuple[str, ...]) -> None:
        _set(self, "caption", caption)
        _set(self, "columns", columns)
        _set(self, "rows", rows)


class Identity(dict):
    """One arithmetic identity of a template (an entry of ``identities`` in
    grammar/templates/*.json), still the JSON object it was written as, with typed accessors:

    - ``name``: what the rule that checks it is called (``row-total`` …); ``table``: the table kind
      it holds in (``gxlint.model.APPLICATIONS`` …);
    - ``per``: ``row`` (it holds in every row; its sides name columns) or ``column`` (in every
      column; its sides name rows); ``relation``: ``=`` or ``>=`` (``=`` when not written);
    - ``zh``, ``en``: why it holds, for messages (``""`` when not written);
    - :meth:`sides`: the labels of its two sides.
    """

    __slots__ = ()

    @property
    def name(self) -> str | None:
        return self.get("name")

    @property
    def table(self) -> str | None:
        return self.get("table")

    @property
    def per(self) -> str | None:
        return self.get("per")

    @property
    def relation(self) -> str:
        return self.get("relation", "=")

    @property
    def zh(self) -> str:
        return self.get("zh", "")

    @property
    def en(self) -> str:
        return self.get("en", "")

    def sides(self, template: "Template | None" = None) -> tuple[list[str], list[str]]:
        """The labels of the left and right side.  A side written as ``{"leaves_of": group,
        "except": […]}`` is the leaves of that row group of ``template``'s applications table,
        less the exceptions (nothing without a template or when it has no such group)."""

        def side(spec) -> list[str]:
            if isinstance(spec, dict):
                node = template.node(spec.get("leaves_of", "")) if template is not None else None
                if node is None:
                    return []
                skip = set(spec.get("except", ()))
                return [leaf.label for leaf in node.leaves() if leaf.label not in skip]
            return list(spec)

        return side(self.get("left", [])), side(self.get("right", []))


class Template:
    def __init__(self, data: dict[str, Any], origin: str = "") -> None:
        self.data = data
        self.origin = origin
        try:
            self.id: str = str(data["id"])
        except KeyError as exc:
            raise TemplateError(f"{origin}: template without an 'id'") from exc
        self.name: str = data.get("name", self.id)
        years = data.get("years") or {}
        self.year_from: int | None = years.get("from")
        self.year_to: int | None = years.get("to")
        self.legacy: bool = bool(data.get("legacy"))
        self.chapters: tuple[ChapterSpec, ...] = tuple(
            ChapterSpec(
                int(c["number"]),
                c["title"],
                tuple(c.get("accepted", ())),
                tuple(c.get("legacy", ())),
                re.compile(c["match"]) if c.get("match") else None,
            )
            for c in data.get("chapters", ())
        )
        order = data.get("chapter_match_order") or [c.number for c in self.chapters]
        by_number = {c.number: c for c in self.chapters}
        self.chapter_match_order = tuple(by_number[n] for n in order if n in by_number)
        # a title's key -> the first chapter (and wording) whose classify() knows it, as
        # identify_chapter() would find it by trying each chapter in order
        self._chapter_keys: dict[str, tuple[ChapterSpec, str]] = {}
        for spec in self.chapters:
            for kind, titles in (
                ("official", (spec.title,)),
                ("accepted", spec.accepted),
                ("legacy", spec.legacy),
            ):
                for t in titles:
                    self._chapter_keys.setdefault(label_key(t)[1], (spec, kind))
        self.tables: dict[str, dict[str, Any]] = data.get("tables", {})
        self.identities: tuple[Identity, ...] = tuple(
            Identity(i) if isinstance(i, dict) else i for i in data.get("identities", ())
        )
        self.label_variants: dict[str, str] = dict(data.get("label_variants", {}))
        # (variant, its key, the template's key), in order: fix_variant() is asked of every label
        self._variant_keys = tuple(
            (wrong, label_key(wrong)[1], label_key(right)[1]) for wrong, right in self.label_variants.items()
        )
        self._build_indices()

    def __repr__(self) -> str:
        return f"<Template {self.id}>"

    def applies_to(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.year_from is None or year >= self.year_from) and (
            self.year_to is None or year <= self.year_to
        )

    # -- indices ---------------------------------------------------------------------------------
    def _build_indices(self) -> None:
        ad = self.tables.get(ACTIVE_DISCLOSURE, {})
        self.sections: tuple[Section, ...] = tuple(
            Section(s["caption"], tuple(s["columns"]), tuple(s["rows"])) for s in ad.get("sections", ())
        )
        self.signed_columns: frozenset[str] = frozenset(ad.get("signed_columns", ()))
        self.money_columns: frozenset[str] = frozenset(ad.get("money_columns", ()))
        app = self.tables.get(APPLICATIONS, {})
        self.app_columns: tuple[str, ...] = tuple(app.get("columns", ()))
        self.app_roots: list[Node] = [self._node(r, None) for r in app.get("rows", ())]
        self.app_nodes: list[Node] = []
        stack = list(reversed(self.app_roots))
        while stack:
            node = stack.pop()
            self.app_nodes.append(node)
            stack.extend(reversed(node.children))
        #: the nodes of each label key, in the order of ``app_nodes``
        self.app_nodes_by_key: dict[str, list[Node]] = {}
        for node in self.app_nodes:
            self.app_nodes_by_key.setdefault(node.key, []).append(node)
        rl = self.tables.get(REVIEW_LITIGATION, {})
        self.rl_blocks: tuple[str, ...] = tuple(rl.get("blocks", ()))
        self.rl_columns: tuple[str, ...] = tuple(rl.get("columns", ()))
        # the first section or row of each key, as a scan of ``sections`` in order finds it
        self.section_by_caption_key: dict[str, Section] = {}
        self._section_of_row: dict[str, Section] = {}
        self.ad_row_by_key: dict[str, str] = {}
        #: (row label, its key) of every section's rows, in order
        self.ad_row_keys: tuple[tuple[str, str], ...] = tuple(
            (r, label_key(r)[1]) for s in self.sections for r in s.rows
        )
        for s in self.sections:
            self.section_by_caption_key.setdefault(label_key(s.caption)[1], s)
            for r in s.rows:
                self._section_of_row.setdefault(r, s)
        for r, k in self.ad_row_keys:
            self.ad_row_by_key.setdefault(k, r)
        labels: set[str] = set()
        for s in self.sections:
            labels.update(label_key(x)[1] for x in (s.caption, *s.columns, *s.rows))
        labels.update(n.key for n in self.app_nodes)
        self.label_keys = frozenset(labels)

    def _node(self, spec: dict[str, Any], parent: Node | None) -> Node:
        numbering, key = label_key(spec["label"])
        node = Node(spec["label"], numbering, key, parent)
        node.children = [self._node(child, node) for child in spec.get("rows", ())]
        return node

    def node(self, label: str) -> Node | None:
        for n in self.app_nodes:
            if n.label == label:
                return n
        return None

    def table_chapter(self, kind: str) -> int | None:
        """The number of the chapter that holds the template's table of ``kind`` (its ``chapter`` in
        ``tables``), or None."""
        return self.tables.get(kind, {}).get("chapter")

    def section_of_row(self, row_label: str) -> Section | None:
        return self._section_of_row.get(row_label)

    def chapter(self, number: int) -> ChapterSpec | None:
        for c in self.chapters:
            if c.number == number:
                return c
        return None

    def identify_chapter(self, title: str) -> tuple[ChapterSpec | None, str | None]:
        """The template chapter a heading's title stands for, and how closely it follows the wording:
        'official', 'accepted', 'legacy' or 'similar' (recognised by its keywords only)."""
        known = self._chapter_keys.get(label_key(title)[1])
        if known is not None:
            return known
        text = norm(title)
        for spec in self.chapter_match_order:
            if spec.match is not None and spec.match.search(text):
                return spec, "similar"
        return None, None

    def fix_variant(self, key: str) -> tuple[str, str | None]:
        """Apply the known label typos and variants to a label key: (fixed key, what was replaced)."""
        for wrong, wrong_key, right_key in self._variant_keys:
            if wrong_key and wrong_key in key and right_key not in key:
                return key.replace(wrong_key, right_key), wrong
        return key, None


class Templates:
    """All known templates: the unified formats by id, newest last."""

    def __init__(self, templates: Iterable[Template]) -> None:
        self.by_id = {t.id: t for t in templates}

    def __iter__(self):
        return iter(self.by_id.values())

    def get(self, template_id: str) -> Template | None:
        return self.by_id.get(template_id)

    @property
    def formats(self) -> list[Template]:
        """The current-style formats (not legacy), oldest first."""
        return sorted((t for t in self.by_id.values() if not t.legacy), key=lambda t: t.year_from or 0)

    @property
    def legacy(self) -> list[Template]:
        return [t for t in self.by_id.values() if t.legacy]

    def for_year(self, year: int | None) -> Template | None:
        formats = self.formats
        if not formats:
            return None
        if year is not None:
            for t in formats:
                if t.applies_to(year):
                    return t
            if year < (formats[0].year_from or 0):
                return formats[0]
        return formats[-1]

    @property
    def chapter_titles(self) -> list[str]:
        titles: set[str] = set()
        for t in self.by_id.values():
            for c in t.chapters:
                titles.update((c.title, *c.accepted, *c.legacy))
        return sorted(titles)


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in child.items():
        if key in ("tables", "label_variants") and isinstance(value, dict):
            combined = dict(base.get(key, {}))
            combined.update(value)
            merged[key] = combined
        elif key != "extends":
            merged[key] = value
    return merged


def build(raw: list[tuple[dict[str, Any], str]]) -> Templates:
    """Resolve ``extends`` and build templates from (data, origin) pairs.

    A later template with the id of an earlier one replaces it; if it ``extends`` its own id, it
    extends the earlier definition (how a plugin ships a province's variant of "2021").
    """
    defs: dict[str, list[tuple[dict[str, Any], str]]] = {}
    for data, origin in raw:
        if not isinstance(data, dict) or "id" not in data:
            raise TemplateError(f"{origin}: a template must be a JSON object with an 'id'")
        defs.setdefault(str(data["id"]), []).append((data, origin))

    resolved: dict[tuple[str, int], dict[str, Any]] = {}

    def resolve(tid: str, level: int, seen: tuple[tuple[str, int], ...] = ()) -> dict[str, Any]:
        if (tid, level) in resolved:
            return resolved[(tid, level)]
        if (tid, level) in seen:
            raise TemplateError(f"template {tid!r} extends itself")
        data, origin = defs[tid][level]
        parent = data.get("extends")
        if parent is not None:
            parent = str(parent)
            if parent == tid:
                if level == 0:
                    raise TemplateError(f"{origin}: template {tid!r} extends itself")
                base = resolve(tid, level - 1, seen + ((tid, level),))
            elif parent in defs:
                base = resolve(parent, len(defs[parent]) - 1, seen + ((tid, level),))
            else:
                raise TemplateError(f"{origin}: extends unknown template {parent!r}")
            data = _merge(base, data)
        resolved[(tid, level)] = data
        return data

    return Templates(
        Template(resolve(tid, len(versions) - 1), versions[-1][1]) for tid, versions in defs.items()
    )


def load_file(path: str | Path) -> tuple[dict[str, Any], str]:
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8")), str(path)
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{path}: {exc}") from exc


def builtin_raw() -> list[tuple[dict[str, Any], str]]:
    folder = grammar_dir().joinpath(TEMPLATE_DIR)
    out = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            out.append((json.loads(entry.read_text(encoding="utf-8")), f"gxlint:{TEMPLATE_DIR}/{entry.name}"))
    return out


@lru_cache(maxsize=1)
def builtin() -> Templates:
    return build(builtin_raw())


@lru_cache(maxsize=1)
def deadlines() -> dict[str, Any]:
    return json.loads(read_text("deadlines.json"))
