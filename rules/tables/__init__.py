"""GX2xx tables: the template tables as written -- their arithmetic (the template's identities,
read as data from grammar/templates/*.json) and their cells, rows and labels.  The text's numbers
against the tables, also GX2xx, are the narrative family's.

Blank and malformed cells are unknown non-negative numbers, never 0 (gxlint.arith.balance), and
only rows the reader placed with certainty (``Row.trusted``) take part in a sum.  What GX003
reports (rows that could not be read) is not reported again here: ``gxlint.lint.analyses.tables``
says which rows those are.
"""
