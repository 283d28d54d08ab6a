"""GX2xx tables: the template tables as written -- their arithmetic (GX201-GX204, GX211: the
template's identities, read as data from grammar/templates/*.json) and their cells, rows and labels
(GX207-GX210, GX212).  GX205 and GX206, the text's numbers against the tables, are the narrative
family's.

Blank and malformed cells are unknown non-negative numbers, never 0 (gxlint.arith.balance), and
only rows the reader placed with certainty (``Row.trusted``) take part in a sum.  What GX003
reports (rows that could not be read) is not reported again here: ``gxlint.lint.analyses.tables``
says which rows those are.
"""
