"""GX5xx: a report against last year's report of the same agency (docs/format.md, Across years).

These rules set ``uses_previous``: they read ``ctx.previous``, last year's report, which the runner
provides when it has paired the report with its predecessor (``gxlint --previous LAST REPORT``, or
reports of consecutive years of one agency checked in one run: gxlint.run.pairs).  Without it they say
nothing.

What is unknown stays unknown: a blank or malformed cell, or a row the reader could not place with
certainty (``Row.trusted``, GX003's notes), on either side, never gives a finding
(:mod:`gxlint.lint.analyses.crossyear`).  Every message names both numbers and both files.
"""
