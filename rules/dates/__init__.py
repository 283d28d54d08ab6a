"""GX4xx: the statistics period, dates inside the report, the closing signature and the deadline.

Deadlines and the organ kinds they depend on are format facts in grammar/deadlines.json (docs/format.md,
Deadlines); the period and the deadline are read by :mod:`gxlint.lint.analyses.period`.
"""
