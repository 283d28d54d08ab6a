"""GX1xx: does the report follow the unified format's structure (chapters, tables, title, format year).

Chapters are recognised by their titles through the template, never by their numbers or markdown
levels, which real reports get wrong (docs/format.md, Chapters): ``gxlint.lint.analyses.chapters``
identifies them, and computes once per report where a cut-off text stops (GX108 reports it; GX101,
GX104 and GX405 stay silent on what follows from it) and how the chapters were renumbered (one
GX102 per renumbering, and none when a missing chapter, reported by GX101, explains it).

Severity: for report year 2019 the unified format was only encouraged (docs/format.md, The documents), so GX101–GX105,
GX107 and GX108 are warnings for 2019 reports.  No report for an earlier year could follow it at all
(it was published on 2019-11-27): such a report is judged by the format of its time, so the checks
against the unified format (GX101, GX103, GX104, GX105, GX107) do not apply to it and GX109 says so
once.
"""
