"""Markdown tables for pasting into issues and wikis; report text is escaped."""
from __future__ import annotations

import re

from .. import i18n as labels
from . import common
from .escape import clean

_TABLE_COLUMNS = ("no", "location", "section", "indicator", "severity", "category", "rule",
                  "message", "found", "expected", "suggestion")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~@#!])")


def cell(value) -> str:
    """Text safe inside a table cell: no raw HTML, no Markdown syntax, no line breaks."""
    text = clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    out: list[str] = []
    for report in contract["reports"]:
        out += _report(report, lang)
    if common.is_batch(contract):
        out += _batch(contract["summary"], lang)
    return "\n".join(out).rstrip("\n") + "\n"


def _report(report: dict, lang: str) -> list[str]:
    meta = common.report_meta(report, lang)
    out = [f"## {cell(report['source'])}", ""]
    if meta:
        out += [f"_{cell(meta)}_", ""]
    if report["errors"]:
        out.append(f"**{cell(labels.label('report.unreadable', lang))}:**")
        out += [f"- {cell(err)}" for err in report["errors"]]
        out.append("")
    if report["coverage"]:
        out.append(f"{cell(labels.label('report.coverage', lang))}: "
                   f"{cell(common.coverage_text(report['coverage'], lang))}  ")
    summary = common.severity_counts(report["summary"]["by_severity"], lang)
    out += [f"{cell(labels.label('report.summary', lang))}: {cell(summary)}", ""]
    if report["findings"]:
        rows = []
        for no, f in enumerate(report["findings"], start=1):
            values = {**f, "no": no, "location": common.location(f, lang),
                      "section": common.section_name(f, lang),
                      "severity": labels.severity(f["severity"], lang),
                      "category": labels.category(f["category"], lang)}
            rows.append([values.get(key) for key in _TABLE_COLUMNS])
        out += _table([labels.label(f"col.{key}", lang) for key in _TABLE_COLUMNS], rows)
        out.append("")
    elif not report["errors"]:
        out += [cell(labels.label("report.no_findings", lang)), ""]
    return out


def _batch(summary: dict, lang: str) -> list[str]:
    out = [f"## {cell(labels.label('batch.title', lang))}", "",
           cell(labels.label("batch.reports", lang, reports=summary["reports"],
                             unreadable=summary["reports_unreadable"])), ""]
    count = labels.label("col.count", lang)
    out += _table([labels.label("col.severity", lang), count],
                  [[labels.severity(s, lang), summary["by_severity"].get(s, 0)]
                   for s in common.SEVERITIES])
    out.append("")
    if summary["by_category"]:
        out += _table([labels.label("col.category", lang), count],
                      common.category_counts(summary["by_category"], lang))
        out.append("")
    out += [f"### {cell(labels.label('batch.worst_first', lang))}", ""]
    out += _table(
        [labels.label("col.source", lang)] + [labels.severity(s, lang) for s in common.SEVERITIES]
        + [labels.label("col.status", lang)],
        [[r["source"], r["errors"], r["warnings"], r["infos"],
          labels.label("report.unreadable_short" if r["unreadable"] else "report.ok", lang)]
         for r in summary["worst_first"]])
    return out
