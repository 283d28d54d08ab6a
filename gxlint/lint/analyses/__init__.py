"""Analyses of a report that several rules need, offered to every rule and plugin (docs/plugins.md,
"Shared analyses").  Each is computed once per report (``ctx.memo``) however many rules ask:

- ``chapters``: is it a report at all, which template chapter each chapter stands for, renumbered
  chapters, where a cut-off text stops and what it lost;
- ``tables``: the template a table was read with, its trusted rows, the rows that could not be read,
  how a table, row or cell is named in a message;
- ``claims``: the numbers the text states about table cells (收到申请 N 件 …), denials and shares;
- ``contact``: the addresses, phone numbers, e-mail addresses and postcodes in the text;
- ``period``: the statistics period, the year in the title, the publication deadline;
- ``crossyear``: the cells a cross-year comparison may trust;
- ``sentences``: a report's narrative sentences, normalised for comparing years.
"""
