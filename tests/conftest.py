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


@pytest.fixture(scope="session")
def postgres_url():
    """A throw-away PostgreSQL cluster on loopback for the whole session (tests/pg.py)."""
    import pg
    from needs import need

    need(pg.available(), "PostgreSQL server not installed; run tests/setup/postgres.sh as root")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        need(False, "psycopg not installed: pip install -e '.[test]'")
    cluster = pg.Cluster()
    try:
        url = cluster.start()
    except Exception:
        cluster.stop()
        raise
    yield url
    cluster.stop()
