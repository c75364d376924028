"""The Finding record, severities, ordering and the per-report result.

A finding is the unit every renderer consumes.  It never holds message templates:
messages are rendered from the rule pack (``checks/*.yaml``) when the finding is made.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}

CATEGORIES = (
    "structure", "numbering", "arithmetic", "zero-target", "target-sum", "table-mismatch",
    "narrative-number", "narrative-verdict", "narrative-period", "ik-label", "ik-name", "unit",
    "anomaly", "pk-mismatch", "polarity", "range", "parse", "data",
)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    indicator: str | None
    page: int | None
    line: int | None
    message: str
    expected: str | None = None
    found: str | None = None
    evidence: str | None = None
    suggestion: str | None = None
    section: str | None = None
    row: int | None = None          # a dataset's source row (validate-data); page/line are None
    table: str | None = None        # its sheet (XLSX) or table (PostgreSQL)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def fingerprint(self) -> str:
        """Stable id of a finding: independent of message language and line shifts."""
        parts = (self.rule, self.indicator, self.found, self.expected)
        if self.row is not None:    # a dataset: the same indicator recurs per unit and year
            parts += (self.table, self.section)
        key = "|".join(str(x) for x in parts)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def sort_key(self) -> tuple:
        return (
            self.line if self.line is not None else self.row if self.row is not None else 10**9,
            self.rule,
            self.indicator or "",
            self.found or "",
        )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: by position in the report, then rule id."""
    unique: dict[tuple, Finding] = {}
    for f in findings:
        unique.setdefault((f.rule, f.indicator, f.line, f.row, f.found, f.expected, f.message), f)
    return sorted(unique.values(), key=Finding.sort_key)


def at_or_above(severity: str, threshold: str) -> bool:
    if threshold == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


@dataclass
class ReportResult:
    """One audited input: what was extracted, what was found, what failed."""

    source: str
    kind: str | None = None
    year: int | None = None
    quarter: int | None = None
    agency: str | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, dict[str, int]]:
        by_sev = {s: 0 for s in SEVERITIES}
        by_cat: dict[str, int] = {}
        for f in self.findings:
            by_sev[f.severity] += 1
            by_cat[f.category] = by_cat.get(f.category, 0) + 1
        return {"by_severity": by_sev, "by_category": dict(sorted(by_cat.items()))}

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "year": self.year,
            "quarter": self.quarter,
            "agency": self.agency,
            "indicators": self.indicators,
            "findings": [f.to_dict() for f in self.findings],
            "errors": self.errors,
            "coverage": self.coverage,
            "summary": self.counts(),
        }
