"""Shared test helpers: fixture paths and the real reports in ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"
SHARED = ROOT.parent / "shared"


def shared(rel: str) -> Path:
    """A real report from ../shared, or skip the test saying why."""
    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"real reports not available: {path} does not exist (../shared is absent)")
    return path


SEED_000 = "seeds/000_543d43fcacd4389d.txt"
SEED_002 = "seeds/002_2d25910051411c61.txt"
SHANGHAI = "corpus/shanghai_office_2019.txt"
PINGTAN_2021 = "corpus/pingtan_2021.txt"
PINGTAN_2018 = "corpus/pingtan_2018_legacy.txt"


#: the example and, where the benchmark corpus has been generated (benchmarks/run.py), its first
#: reports: for the tests that hold a shortcut to what it stands for over many reports
SAMPLE_REPORTS = [EXAMPLE, *sorted((ROOT / "benchmarks" / "corpus" / "reports-1000-2024").glob("r000*.txt"))]


@pytest.fixture(scope="session")
def sample_reports():
    """:data:`SAMPLE_REPORTS`, parsed."""
    from gxlint import parse_text

    return [parse_text(path.read_text(encoding="utf-8"), str(path)) for path in SAMPLE_REPORTS]


@pytest.fixture
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
