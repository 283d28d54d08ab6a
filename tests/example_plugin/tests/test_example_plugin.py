"""The plugin's own tests: its rule cases through gxlint.testing, as any plugin would write them."""

import sys
from pathlib import Path

import pytest

try:
    import gxlint_example
except ImportError:  # running from the source tree, not installed: import it from there
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import gxlint_example
from gxlint.testing import cases, check

CASES = cases(Path(gxlint_example.__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_cases(case):
    # plugins=[...] registers the plugin object directly, so the test also runs before installation
    check(case, plugins=[gxlint_example])
