"""GX0xx: can the file be read at all, is it a report, can its tables be read; and the crashes
(GX000) -- what the core reports without a code of its own (gxlint.lint.conditions)."""
