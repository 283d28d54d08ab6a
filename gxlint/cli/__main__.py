"""``python -m gxlint.cli``: the same as the ``gxlint`` command."""

from gxlint.cli import main

main()
