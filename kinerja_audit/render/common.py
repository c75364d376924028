"""Shared views of the contract used by several formats: the flat finding rows, locations,
grouping by section and indicator, and the short summary/coverage phrases.

Formats differ only in how they lay these out; the logic of *what* is shown lives here once.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import i18n as labels
from ..findings import SEVERITIES

#: Fixed column order of the flat finding table (csv; xlsx and md pick from it).
COLUMNS = (
    "source",
    "rule",
    "category",
    "severity",
    "indicator",
    "section",
    "page",
    "line",
    "table",
    "row",
    "message",
    "found",
    "expected",
    "evidence",
    "suggestion",
)


def iter_findings(contract: dict) -> Iterator[tuple[dict, dict]]:
    """(report, finding) pairs in contract order."""
    for report in contract["reports"]:
        for finding in report["findings"]:
            yield report, finding


def flat_rows(contract: dict, lang: str | None = None) -> list[dict[str, Any]]:
    """One dict per finding, keys in :data:`COLUMNS` order; with ``lang``, category and severity
    in that language (else their codes)."""
    rows = []
    for report, finding in iter_findings(contract):
        row = {"source": report["source"], **{col: finding.get(col) for col in COLUMNS[1:]}}
        if lang:
            row["category"] = labels.category(row["category"], lang)
            row["severity"] = labels.severity(row["severity"], lang)
        rows.append(row)
    return rows


def is_batch(contract: dict) -> bool:
    return len(contract["reports"]) > 1


def location(finding: dict, lang: str) -> str:
    """"hlm. 4, baris 123" / "baris 123" / "Sheet1, baris 12" (a dataset row) / "" when unknown."""
    parts = []
    if finding.get("table"):
        parts.append(labels.label("loc.table", lang, table=finding["table"]))
    if finding.get("row") is not None:
        parts.append(labels.label("loc.row", lang, row=finding["row"]))
    if finding.get("page") is not None:
        parts.append(labels.label("loc.page", lang, page=finding["page"]))
    if finding.get("line") is not None:
        parts.append(labels.label("loc.line", lang, line=finding["line"]))
    return ", ".join(parts)


def section_name(finding: dict, lang: str) -> str:
    return finding.get("section") or labels.label("group.general", lang)


def indicator_name(finding: dict, lang: str) -> str:
    return finding.get("indicator") or labels.label("group.no_indicator", lang)


NAME_IN_HEADING = 80   # characters of an indicator's name shown beside its code


def grouped(report: dict, lang: str) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Findings grouped by section, then indicator, both in order of first appearance; an
    indicator is headed by its code and, when the report names it, its name ("Indikator 1 -
    Jumlah PMKS yang ditangani")."""
    names = {row.get("code"): row.get("name") for row in report.get("indicators") or []}
    sections: dict[str, dict[str, list[dict]]] = {}
    for finding in report["findings"]:
        by_indicator = sections.setdefault(section_name(finding, lang), {})
        heading = indicator_name(finding, lang)
        name = names.get(finding.get("indicator"))
        if name and name != heading:
            cut = name if len(name) <= NAME_IN_HEADING else name[:NAME_IN_HEADING - 1] + "…"
            # a report without codes names the indicator by its (shortened) name: the name alone
            heading = cut if name.lower().startswith(heading.lower()) else f"{heading} – {cut}"
        by_indicator.setdefault(heading, []).append(finding)
    return [(sec, list(inds.items())) for sec, inds in sections.items()]


def report_meta(report: dict, lang: str) -> str:
    """"triwulanan · 2025 · triwulan 2 · BKHIT" from whatever metadata is known (the kind of
    report in the reader's language)."""
    kind = report.get("kind")
    parts = [labels.load().get(f"kind.{kind}", {}).get(lang, kind), report.get("year")]
    if report.get("quarter") is not None and report.get("kind") == "semester":
        parts.append(labels.label("report.semester", lang, semester=(report["quarter"] + 1) // 2))
    elif report.get("quarter") is not None and report.get("kind") != "annual":
        parts.append(labels.label("report.quarter", lang, quarter=report["quarter"]))
    parts.append(report.get("agency"))
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def severity_counts(by_severity: dict[str, int], lang: str) -> str:
    """"6 temuan (kesalahan: 2, peringatan: 3, info: 1)"."""
    total = sum(by_severity.values())
    detail = ", ".join(f"{labels.severity(s, lang)}: {by_severity.get(s, 0)}" for s in SEVERITIES)
    return f"{labels.label('report.findings_total', lang, count=total)} ({detail})"


def category_counts(by_category: dict[str, int], lang: str) -> list[tuple[str, int]]:
    """(readable category, count) pairs, most frequent first."""
    named = [(labels.category(cat, lang), n) for cat, n in by_category.items()]
    return sorted(named, key=lambda pair: (-pair[1], pair[0].casefold()))


def coverage_text(coverage: dict[str, Any], lang: str) -> str:
    """"12 indikator, 30 klaim narasi, 2 angka tidak terbaca"; unknown keys as "key: value";
    lists (the unread cells themselves) are details for the JSON and the working paper."""
    known = labels.load()
    parts = []
    for key, value in coverage.items():
        if isinstance(value, (list, dict)):
            continue
        entry = known.get(f"coverage.{key}")
        parts.append(f"{value} {entry[lang]}" if entry else f"{key}: {value}")
    return ", ".join(parts)
