import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "lkj-tw2-2025-bkhit-kalbar.txt"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The reference report lives outside the project (never copied into it)."""
    if not SEED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"reference seed missing in CI: {SEED}")
        pytest.skip(f"reference seed not available at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def base_text() -> str:
    from kinerja_audit.rulepack import example_report

    return example_report()
