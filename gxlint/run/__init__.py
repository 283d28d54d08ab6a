"""A whole run, the one owner of it: :mod:`.check` (``gxlint check`` given its options),
:mod:`.dataset` (``gxlint parse``: one report, or many into a data set), :mod:`.catalog` (the plugins
and rules there are), :mod:`.init` (a default config file), :mod:`.errors` (what stops a run, in
English and Chinese); under them finding the files (:mod:`.discover`), linting them in parallel
(:mod:`.runner`, with :mod:`.linter`), pairing years (:mod:`.pairs`), baselines, progress, and the
library API (:mod:`.api`).  The command line (gxlint.cli) only parses arguments and calls these."""
