"""What several structure rules share: the severity for reports the unified format did not bind,
how a message names a template chapter or table, and how it lists things."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from gxlint.chinese import numeral_text
from gxlint.lint.analyses.chapters import numbered
from gxlint.lint.analyses.tables import kind_name
from gxlint.lint.rule import Phrase
from gxlint.model import ACTIVE_DISCLOSURE

#: The last report year for which the unified format was not binding (docs/format.md, The documents).
LENIENT_UNTIL = 2019

#: An empty field: the optional part of a message that does not apply.
NOTHING = Phrase("", "")


def relaxed_severity(rule, report) -> str:
    """The rule's severity, lowered to a warning for reports the unified format did not bind."""
    lenient = report.year is not None and report.year <= LENIENT_UNTIL
    return "warning" if lenient and rule.severity == "error" else rule.severity


class ChapterName(NamedTuple):
    """A template chapter as a message names it: ``{chapter.full}`` is 六、其他需要报告的事项,
    ``{chapter.numeral}`` 六."""

    numeral: str
    full: str


def chapter_name(spec) -> ChapterName:
    return ChapterName(numeral_text(spec.number), numbered(spec))


def table_name(kind: str, template) -> Phrase:
    """A template table's name; the active-disclosure table's names the template's items of article 20."""
    zh, en = kind_name(kind)
    if kind == ACTIVE_DISCLOSURE and template is not None and template.sections:
        items = "".join(s.caption.removeprefix("第二十条第").rstrip("项") for s in template.sections)
        zh = f"{zh.replace('（第二十条）', '')}（第二十条第{items}项）"
        en = f"{en.replace(' (article 20)', '')} (article 20 items {items})"
    return Phrase(zh, en)


def joined(parts: Iterable[Phrase], zh: str = "、", en: str = ", ") -> Phrase:
    """Parts (each in both languages) joined by ``zh`` and ``en``."""
    parts = list(parts)
    return Phrase(zh.join(p.zh for p in parts), en.join(p.en for p in parts))


def listed(parts: list[Phrase]) -> Phrase:
    """Parts listed as a sentence lists them: ``a、b和c`` / ``a, b and c``."""
    if len(parts) < 2:
        return parts[0] if parts else NOTHING
    head = joined(parts[:-1])
    return Phrase(f"{head.zh}和{parts[-1].zh}", f"{head.en} and {parts[-1].en}")
