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
#: ``--fail-on`` / ``fail_on``: the lowest severity that makes the exit code 1 ("never": none).
FAIL_ON = (*SEVERITIES, "never")

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
    expected: str | None = None       # for people: formatted in the run's language ("237,93%")
    found: str | None = None
    evidence: str | None = None       # the report's own words (never translated)
    suggestion: str | None = None
    section: str | None = None
    expected_value: float | None = None   # for machines: the same figures as plain numbers
    found_value: float | None = None
    unit: str | None = None               # unit of the two values ("%", "dokumen"), when known
    row: int | None = None          # a dataset's source row (validate-data); page/line are None
    table: str | None = None        # its sheet (XLSX) or table (PostgreSQL)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def _neutral(self) -> tuple:
        """What identifies the finding whatever the message language: no formatted text."""
        return (
            self.rule,
            self.indicator or "",
            self.found_value if self.found_value is not None else "",
            self.expected_value if self.expected_value is not None else "",
            self.evidence or "",
        )

    @property
    def fingerprint(self) -> str:
        """Stable id of a finding: independent of message language and line shifts."""
        parts = self._neutral()
        if self.row is not None:    # a dataset: the same indicator recurs per unit and year
            parts += (self.table or "", self.section or "")
        key = "|".join(str(x) for x in parts)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def sort_key(self) -> tuple:
        position = (
            self.line if self.line is not None else self.row if self.row is not None else 10**9
        )
        return (position, *self._neutral(), self.found or "")


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: by position in the report, then rule id; exact repeats dropped."""
    unique: dict[tuple, Finding] = {}
    for f in findings:
        unique.setdefault((f.line, f.row, *f._neutral(), f.found, f.expected, f.message), f)
    return sorted(unique.values(), key=Finding.sort_key)


def count(findings) -> dict[str, dict[str, int]]:
    """Findings per severity (every severity listed) and per category (sorted)."""
    by_sev = {s: 0 for s in SEVERITIES}
    by_cat: dict[str, int] = {}
    for f in findings:
        by_sev[f.severity] += 1
        by_cat[f.category] = by_cat.get(f.category, 0) + 1
    return {"by_severity": by_sev, "by_category": dict(sorted(by_cat.items()))}


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
    # what decided the period: title, caption, prose, running, option
    period_source: str | None = None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "year": self.year,
            "quarter": self.quarter,
            "agency": self.agency,
            "period_source": self.period_source,
            "indicators": self.indicators,
            "findings": [f.to_dict() for f in self.findings],
            "errors": self.errors,
            "coverage": self.coverage,
            "summary": count(self.findings),
        }
