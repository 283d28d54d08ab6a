"""Pairs of years: which report in a run is last year's report of the same agency.

The cross-year rules (GX5xx, ``Rule.uses_previous``) compare a report with its predecessor.  When a
run is given several reports, each is paired with the report of the same agency for the year
before, as read from the reports themselves (``Report.agency`` and ``Report.year``, from the
title) -- never from file names.  Pairing is linear in the number of reports: the reports are
indexed by (name, year), and each looks up its predecessor once; no two reports are compared
unless their names already match.

Agency names are matched in two steps (docs/cli.md, "Reports of consecutive years"):

1. **The same name**, after :func:`name_key`: full-width forms and spaces folded, markup and
   quotation marks dropped, and a bracketed alias removed (示例县市场监督管理局（示例县知识产权局）
   is 示例县市场监督管理局).
2. **A renamed agency**, after :func:`variant_key`, only when the match is unique: 县 and 区 are
   the same (撤县设区: 示例县教育局 → 示例区教育局), 人民政府 and 政府 are the same, a place's name
   alone is its government's (示例县 and 示例县人民政府: a title that names the place only), and the bodies
   renamed or merged in the 2018 institutional reform take their new names (国土资源局 →
   自然资源局, 工商行政管理局 → 市场监督管理局, 卫生和计划生育委员会 → 卫生健康委员会 …, see
   :data:`RENAMES`).  A report is paired this way only when it has no predecessor of the same
   name, exactly one name of last year matches it this way, that name has no successor of its own
   name, and no other name of this year matches it (so 示例县 and 示例区 reports of the same year,
   two different places, are never paired with each other's predecessor).

When last year has several reports of the same name (the same report as .docx and .pdf), the
first in the order of the run is the predecessor; :class:`Pair` records how many there were.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from gxlint.lint.engine import infer_organ

if TYPE_CHECKING:  # pragma: no cover
    from gxlint.model import Report

#: bodies renamed or merged in the 2018 institutional reform (and common short forms): the
#: name's ending on the left becomes the one on the right for :func:`variant_key`.  Longest first.
RENAMES: tuple[tuple[str, str], ...] = (
    ("卫生和计划生育委员会", "卫生健康委员会"),
    ("卫生和计划生育局", "卫生健康委员会"),
    ("卫生计生委员会", "卫生健康委员会"),
    ("卫生计生委", "卫生健康委员会"),
    ("卫生计生局", "卫生健康委员会"),
    ("卫生健康局", "卫生健康委员会"),
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康委员会"),
    ("国土资源和规划局", "自然资源局"),
    ("自然资源和规划局", "自然资源局"),
    ("国土资源局", "自然资源局"),
    ("环境保护局", "生态环境局"),
    ("环保局", "生态环境局"),
    ("工商行政管理局", "市场监督管理局"),
    ("食品药品监督管理局", "市场监督管理局"),
    ("质量技术监督局", "市场监督管理局"),
    ("市场监管局", "市场监督管理局"),
    ("工商局", "市场监督管理局"),
    ("安全生产监督管理局", "应急管理局"),
    ("安监局", "应急管理局"),
    ("农业委员会", "农业农村局"),
    ("农业局", "农业农村局"),
    ("文化广电新闻出版局", "文化和旅游局"),
    ("文化广电体育和旅游局", "文化和旅游局"),
    ("文化广电和旅游局", "文化和旅游局"),
    ("文化体育和旅游局", "文化和旅游局"),
    ("文化广电旅游局", "文化和旅游局"),
    ("文化旅游局", "文化和旅游局"),
    ("文广新局", "文化和旅游局"),
    ("人社局", "人力资源和社会保障局"),
    ("发展改革局", "发展和改革局"),
    ("发改局", "发展和改革局"),
    ("发展改革委员会", "发展和改革委员会"),
    ("发改委", "发展和改革委员会"),
    ("住建局", "住房和城乡建设局"),
    ("住房城乡建设局", "住房和城乡建设局"),
    ("科技局", "科学技术局"),
)
RENAMES = tuple(sorted(RENAMES, key=lambda pair: -len(pair[0])))
_RENAMED = tuple(old for old, _ in RENAMES)

_DROP = re.compile(r"[\s\u3000*#_`《》〈〉“”\"'‘’「」『』:：,，.。;；、|]+")
_ALIAS = re.compile(r"[（(][^（()）]*[)）]")


def name_key(agency: str) -> str:
    """An agency's name as compared for "the same name": folded, markup and aliases dropped."""
    text = unicodedata.normalize("NFKC", agency)
    text = _ALIAS.sub("", text)
    return _DROP.sub("", text)


def variant_key(agency: str) -> str:
    """An agency's name as compared for "a renamed agency" (see the module's documentation)."""
    return _variant_of(name_key(agency))


def _variant_of(key: str) -> str:
    """:func:`variant_key` of a name already made its :func:`name_key`."""
    if key.endswith(_RENAMED):  # most names end in none of them: one test, not one per ending
        for old, new in RENAMES:
            if key.endswith(old):
                key = key[: -len(old)] + new
                break
    key = key.replace("人民政府", "政府")
    if not key.endswith("政府") and infer_organ(key) == "government":
        key += "政府"  # a place's name alone titles its people's government's report (示例县2020年…)
    return key.replace("县", "区")


@dataclass(frozen=True)
class Card:
    """What pairing knows of one report: where it is, whose it is, for which year."""

    path: str
    agency: str
    year: int
    #: the report's position in the run (the earlier of two candidates wins)
    order: int = 0
    #: :func:`name_key` and :func:`variant_key` of the agency (computed once)
    key: str = field(init=False, repr=False, compare=False)
    variant: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = name_key(self.agency)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "variant", _variant_of(key))


def card_of(report: "Report", order: int = 0, path: str | None = None) -> Card | None:
    """The report's card, or None when its agency or year could not be read (it is not paired)."""
    path = path if path is not None else report.path
    if not report.readable:
        return None
    return card_for(path, report.agency, report.year, order)


def card_for(path: str | None, agency: str | None, year: int | None, order: int = 0) -> Card | None:
    """The card of the report at ``path`` of ``agency`` and ``year`` (as :func:`card_of`), or None."""
    if not path or not agency or year is None:
        return None
    card = Card(path, agency, year, order)
    return card if card.key else None


@dataclass(frozen=True)
class Pair:
    """``path`` is checked against ``previous``, last year's report of the same agency."""

    path: str
    previous: str
    agency: str
    previous_agency: str
    #: this report's year (None when a report given with ``--previous`` has none)
    year: int | None
    #: ``same-name``, ``renamed`` (matched by :func:`variant_key`) or ``given`` (``--previous``)
    how: str
    #: how many reports of last year had that name (the first in the run was taken)
    candidates: int = 1
    previous_year: int | None = None

    @property
    def consecutive(self) -> bool:
        """Whether the two reports are known to be of consecutive years."""
        return (
            self.year is not None and self.previous_year is not None and self.previous_year == self.year - 1
        )

    @property
    def other_agency(self) -> bool:
        """Whether the two reports are known to be of different agencies (a ``--previous`` given
        by mistake): both name one, and not the same nor a renamed one."""
        if not self.agency or not self.previous_agency:
            return False
        return variant_key(self.agency) != variant_key(self.previous_agency)

    def describe(self, lang: str = "zh") -> str:
        """One line for ``--verbose``: which report is checked against which, and why."""
        years = f"{self.previous_year or '?'}→{self.year or '?'}"
        if lang == "zh":
            why = {
                "same-name": f"{self.agency}，{years}年",
                "renamed": f"名称变更：{self.previous_agency}→{self.agency}，{years}年",
                "given": f"--previous 指定，{years}年",
            }[self.how]
            more = f"；上年有 {self.candidates} 份同名报告，取第一份" if self.candidates > 1 else ""
            return f"{self.path} ← {self.previous}（{why}{more}）"
        why = {
            "same-name": f"{self.agency}, {years}",
            "renamed": f"renamed: {self.previous_agency} → {self.agency}, {years}",
            "given": f"given by --previous, {years}",
        }[self.how]
        more = (
            f"; last year has {self.candidates} reports of that name, the first was taken"
            if self.candidates > 1
            else ""
        )
        return f"{self.path} ← {self.previous} ({why}{more})"


@dataclass
class Pairing:
    """The pairs of a run, in the order of the run."""

    pairs: list[Pair] = field(default_factory=list)
    #: the files of the run whose agency or year could not be read: never paired
    unidentified: list[str] = field(default_factory=list)
    #: the reports of one agency for one year that are more than one file, as (agency, year,
    #: paths): the same report in two forms, or one whose title names a year it is not for
    same_year: list[tuple[str, int, list[str]]] = field(default_factory=list)
    _cache: tuple[int, dict[str, str]] | None = field(default=None, repr=False, compare=False)

    def previous_of(self, path: str) -> str | None:
        return self._index().get(path)

    def _index(self) -> dict[str, str]:
        if self._cache is None or self._cache[0] != len(self.pairs):
            self._cache = (len(self.pairs), {p.path: p.previous for p in self.pairs})
        return self._cache[1]

    def groups(self) -> list[list[tuple[str, str | None]]]:
        """The paired reports as units of work: each group is an agency's chain of years (with any
        duplicates), as ``(path, previous path or None)`` in an order where every previous report
        comes before the reports paired with it.  Reading each group's reports once is enough to
        check all its pairs; groups are independent of each other (they can go to different
        processes)."""
        previous = self._index()
        children: dict[str, list[str]] = {}
        for pair in self.pairs:
            children.setdefault(pair.previous, []).append(pair.path)
        roots: list[str] = []
        seen: set[str] = set()
        for pair in self.pairs:
            root = pair.previous
            steps = 0
            while root in previous and steps <= len(previous):  # a cycle cannot form: years go down
                root = previous[root]
                steps += 1
            if root not in seen:
                seen.add(root)
                roots.append(root)
        out = []
        for root in roots:
            group: list[tuple[str, str | None]] = [(root, None)]
            queue = [root]
            while queue:
                nxt = []
                for path in queue:
                    for child in children.get(path, ()):
                        group.append((child, path))
                        nxt.append(child)
                queue = nxt
            out.append(group)
        return out


def pair(cards: Iterable[Card]) -> Pairing:
    """Pair every report with last year's report of the same agency (see the module's rules)."""
    unique: dict[str, Card] = {}
    for card in sorted(cards, key=lambda c: c.order):
        unique.setdefault(card.path, card)  # a file named twice is one report
    cards = list(unique.values())
    by_name: dict[tuple[str, int], list[Card]] = {}
    by_variant: dict[tuple[str, int], dict[str, list[Card]]] = {}
    for card in cards:
        by_name.setdefault((card.key, card.year), []).append(card)
        by_variant.setdefault((card.variant, card.year), {}).setdefault(card.key, []).append(card)
    # per (variant name, year): the names in it with no report of the same name the year after
    # (``open_after``) or the year before (``open_before``); computed once per group
    open_after: dict[tuple[str, int], list[str]] = {}
    open_before: dict[tuple[str, int], list[str]] = {}
    for (variant, year), names in by_variant.items():
        open_after[(variant, year)] = [n for n in names if (n, year + 1) not in by_name]
        open_before[(variant, year)] = [n for n in names if (n, year - 1) not in by_name]
    out = Pairing()
    out.same_year = [
        (group[0].agency, year, [c.path for c in group])
        for (_, year), group in by_name.items()
        if len(group) > 1
    ]
    for card in cards:
        same = by_name.get((card.key, card.year - 1))
        if same:
            out.pairs.append(
                Pair(
                    card.path,
                    same[0].path,
                    card.agency,
                    same[0].agency,
                    card.year,
                    "same-name",
                    len(same),
                    card.year - 1,
                )
            )
            continue
        # a renamed agency: the one name of last year that matches, with no successor of its own
        # name, and no other name of this year that matches it
        last = open_after.get((card.variant, card.year - 1), [])
        this = open_before.get((card.variant, card.year), [])
        if len(last) == 1 and this == [card.key]:
            group = by_variant[(card.variant, card.year - 1)][last[0]]
            out.pairs.append(
                Pair(
                    card.path,
                    group[0].path,
                    card.agency,
                    group[0].agency,
                    card.year,
                    "renamed",
                    len(group),
                    card.year - 1,
                )
            )
    return out


__all__ = ["Card", "Pair", "Pairing", "RENAMES", "card_for", "card_of", "name_key", "pair", "variant_key"]
