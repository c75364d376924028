"""Fuzzing (issue 13): mutated reports never make an exception escape, the JSON stays valid and
every case stays within its time budget (tests/fuzz.py; hypothesis draws the mutations).

A bounded run: 25 cases here; ``python -m tests.fuzz --cases 1000`` gives the README figures."""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import fuzz

TIMEOUT = 30            # seconds per case (the runner stops the case there)
TEXTS = [p.read_text(encoding="utf-8") for p in fuzz.SOURCES]
EDITS = st.lists(st.tuples(st.sampled_from(fuzz.KINDS), st.integers(0, 9_999),
                           st.integers(0, 9_999)), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(source=st.integers(0, len(TEXTS) - 1), edits=EDITS)
def test_mutated_reports_are_audited_or_refused_never_crash(tmp_path, source, edits):
    outcome = fuzz.check_case(fuzz.mutate(TEXTS[source], edits), tmp_path, "kasus.txt", TIMEOUT)
    assert not fuzz.is_failure(outcome), outcome["errors"]
    assert outcome["reports"] == 1 and outcome["seconds"] < TIMEOUT
