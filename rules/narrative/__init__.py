"""GX2xx narrative: the report's own text against its tables (docs/format.md, Identities), and zero totals.

The text is read by :mod:`gxlint.lint.analyses.claims`, whose documentation lists every phrasing
read as a number about a table cell, and what is skipped (subsets, other years, approximations).
"""
