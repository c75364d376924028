"""The stable output contract (schema_version "1.2") built from per-report results.

Version "MAJOR.MINOR": a minor step only adds fields (1.1: ``expected_value``, ``found_value`` and
``unit`` on findings); a major step changes or removes one.

Every renderer consumes the dict returned by :func:`build`; ``schemas/output.schema.json``
describes it and a test validates real output against it.
"""
from __future__ import annotations

import math
from typing import Any

from . import __version__
from .findings import ReportResult, count

SCHEMA_VERSION = "1.2"


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def build(results: list[ReportResult], config: str | None = None) -> dict[str, Any]:
    """The contract of ``results``; ``config`` names the configuration file in use, if any."""
    reports = [r.to_dict() for r in results]
    totals = count(f for r in results for f in r.findings)
    ranking = sorted(
        results,
        key=lambda r: (
            -len(r.errors),
            -sum(f.severity == "error" for f in r.findings),
            -sum(f.severity == "warning" for f in r.findings),
            -len(r.findings),
            r.source,
        ),
    )
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "kinerja-audit", "version": __version__},
        "config": config,
        "reports": finite(reports),
        "summary": {
            "reports": len(results),
            "reports_unreadable": sum(bool(r.errors) for r in results),
            "findings": sum(totals["by_severity"].values()),
            **totals,
            "worst_first": [
                {
                    "source": r.source,
                    "errors": sum(f.severity == "error" for f in r.findings),
                    "warnings": sum(f.severity == "warning" for f in r.findings),
                    "infos": sum(f.severity == "info" for f in r.findings),
                    "unreadable": bool(r.errors),
                }
                for r in ranking
            ],
        },
    }
