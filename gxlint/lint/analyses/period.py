"""The period a report covers and the deadline for publishing it: what the date rules (GX401-GX405)
share, open to plugins.

What it offers:

- :func:`period_bounds`: the statistics period as two dates (as stated when that is a valid range,
  else the report's calendar year);
- :func:`whole_year_statement`: a statement of the period as a whole year (``统计期限为2021年度``),
  which states a period without giving its two dates; :func:`yearless_statement`: one whose dates
  name no year (``统计期限为1月1日至12月31日``);
- :func:`title_year`: the year the title names; :func:`report_years_of`: the report years a
  signature or publication date allows (as the reader weighs it when deciding the report's year);
- :func:`deadline_for`: the statutory publication deadline for a report on a year and the organs it
  applies to, :func:`no_statutory_deadline`: whether the agency is of a kind for which the
  regulation sets none, and :func:`under_2019_revision`: whether the 2019 revision of the regulation
  applies to a year.  They read grammar/deadlines.json (docs/format.md, Deadlines).
"""

from __future__ import annotations

import datetime as dt
import re

from gxlint.chinese import WHOLE_YEAR, norm, year_in
from gxlint.read.build import (
    report_years_of as report_years_of,
)  # offered here: the reader weighs dates with it
from gxlint.read.templates import deadlines


def title_year(report) -> int | None:
    """The year the title names (``2021年``, ``二〇二一年``), or None."""
    return year_in(report.title)


def period_bounds(report) -> tuple[dt.date, dt.date] | None:
    """The statistics period: as stated when it is a valid range, else the report's calendar year;
    None when the report has neither."""
    p = report.period
    if p is not None and p.start is not None and p.end is not None and p.start <= p.end:
        return p.start, p.end
    if report.year is not None:
        return dt.date(report.year, 1, 1), dt.date(report.year, 12, 31)
    return None


def whole_year_statement(report) -> tuple[object, re.Match] | None:
    """A statement of the period as a whole year (``统计期限为2021年度``, ``统计时间：2021年全年``):
    (paragraph, match, whose group 1 is the year) or None."""
    for para in report.paragraphs:
        m = WHOLE_YEAR.search(para.text)
        if m:
            return para, m
    return None


#: a statement of the period as days and months with no year (统计期限为1月1日至12月31日): groups
#: 1-4 the start's month and day, the end's month and day
_YEARLESS = re.compile(
    r"(?:统计(?:期限|时限|时间|区间|周期|时段|期间)|报告期(?!内))[^。；;\d０-９]{0,8}"
    r"(?<![年\d０-９])([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*[日号]\s*起?\s*(?:至|到|—|–|-|－|～|~)\s*"
    r"([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*[日号]"
)


def yearless_statement(report) -> tuple[object, re.Match, tuple[int, int], tuple[int, int]] | None:
    """A statement of the period whose dates name no year (``统计期限为1月1日至11月30日``):
    (paragraph, match, (start month, day), (end month, day)), or None.  It states a period, though
    not whose year."""
    for para in report.paragraphs:
        if "月" not in para.text:
            continue
        m = _YEARLESS.search(para.text)
        if m:
            a, b, c, d = (int(g.translate(_FULL_DIGITS)) for g in m.groups())
            return para, m, (a, b), (c, d)
    return None


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def deadline_for(year: int, organ: str | None) -> tuple[dt.date, str, str] | None:
    """The publication deadline for a report on ``year`` by an organ of kind ``organ``
    (``"department"`` when None), and who it applies to (zh, en); None for an unknown kind."""
    data = deadlines()
    old = data.get("before_2019_revision")
    if old and year <= old["year_to"]:
        return (
            dt.date(year + 1, old["month"], old["day"]),
            "各行政机关（2007年《条例》）",
            "every organ (2007 regulation)",
        )
    entry = data["deadlines"].get(organ or "department")
    if entry is None:
        return None
    return dt.date(year + 1, entry["month"], entry["day"]), entry["zh"], entry["en"]


def under_2019_revision(year: int) -> bool:
    """Whether a report on ``year`` falls under the 2019 revision of the regulation: a year after
    those of deadlines.json's ``before_2019_revision``."""
    return year > deadlines().get("before_2019_revision", {}).get("year_to", 0)


def no_statutory_deadline(agency: str | None) -> dict | None:
    """When the agency is of a kind the regulation sets no deadline for (township governments,
    subdistrict offices, villagers' and residents' committees), that entry of deadlines.json (its
    ``zh`` and ``en`` name the kinds); else None."""
    if not agency:
        return None
    name = norm(agency)
    return next(
        (e for e in deadlines().get("no_statutory_deadline", ()) if re.search(e["pattern"], name)), None
    )
