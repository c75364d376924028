"""Skip locally, fail in CI: a test that needs a program or service never passes by skipping in CI.

``.ci/run`` exports ``CI=true``; the set-up scripts under ``tests/setup/`` install what is needed.
"""
from __future__ import annotations

import os

import pytest


def need(available: bool, reason: str) -> None:
    """Fail (in CI) or skip (elsewhere) with ``reason`` unless ``available``."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)
