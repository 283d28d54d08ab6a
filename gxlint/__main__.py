"""``python -m gxlint``: the same as the ``gxlint`` command."""

from gxlint.cli import main

if __name__ == "__main__":
    main()
