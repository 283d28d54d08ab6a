"""Data package ``gxlint.grammar``: the document grammar (report.lark), the format templates
(templates/*.json) and the publication deadlines (deadlines.json).  No code lives here."""
