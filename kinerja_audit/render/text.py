"""Human-readable text: per report, findings grouped by section then indicator."""
from __future__ import annotations

from .. import i18n as labels
from . import common
from .escape import clean, visible

_ANSI = {"error": "\x1b[31;1m", "warning": "\x1b[33;1m", "info": "\x1b[36m", "bold": "\x1b[1m",
         "dim": "\x1b[2m"}
_RESET = "\x1b[0m"
_FIELDS = (("found", "field.found"), ("expected", "field.expected"),
           ("evidence", "field.evidence"), ("suggestion", "field.suggestion"))


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    color = bool(options and options.color)

    def paint(text: str, style: str) -> str:
        return f"{_ANSI[style]}{text}{_RESET}" if color else text

    out: list[str] = []
    for report in contract["reports"]:
        out += _report(report, lang, paint)
    if common.is_batch(contract):
        out += _batch_summary(contract["summary"], lang, paint)
    return "\n".join(out) + "\n"


def _report(report: dict, lang: str, paint) -> list[str]:
    meta = common.report_meta(report, lang)
    title = visible(report["source"]) + (f" ({clean(meta)})" if meta else "")
    out = [paint(f"== {title} ==", "bold")]
    if report["errors"]:
        out.append(paint(labels.label("report.unreadable", lang) + ":", "error"))
        out += [f"  - {clean(err)}" for err in report["errors"]]
    for section, indicators in common.grouped(report, lang):
        out.append("")
        out.append(paint(clean(section), "bold"))
        for indicator, findings in indicators:
            out.append(f"  {clean(indicator)}")
            for finding in findings:
                out += _finding(finding, lang, paint)
    if not report["findings"] and not report["errors"]:
        out.append(labels.label("report.no_findings", lang))
    out.append("")
    if report["coverage"]:
        out.append(f"{labels.label('report.coverage', lang)}: "
                   f"{common.coverage_text(report['coverage'], lang)}")
    out.append(f"{labels.label('report.summary', lang)}: "
               f"{common.severity_counts(report['summary']['by_severity'], lang)}")
    out.append("")
    return out


def _finding(finding: dict, lang: str, paint) -> list[str]:
    sev = finding["severity"]
    where = common.location(finding, lang)
    head = f"    {paint(labels.severity(sev, lang).upper(), sev)} {finding['rule']}"
    head += f" [{where}]" if where else ""
    out = [f"{head} {clean(finding['message'])}"]
    for key, label_key in _FIELDS:
        if finding.get(key) not in (None, ""):
            name = paint(labels.label(label_key, lang) + ":", "dim")
            out.append(f"      {name} {clean(finding[key])}")
    return out


def _batch_summary(summary: dict, lang: str, paint) -> list[str]:
    out = [paint(f"== {labels.label('batch.title', lang)} ==", "bold"),
           labels.label("batch.reports", lang, reports=summary["reports"],
                        unreadable=summary["reports_unreadable"]),
           common.severity_counts(summary["by_severity"], lang)]
    if summary["by_category"]:
        out.append(f"{labels.label('batch.by_category', lang)}:")
        out += [f"  {name}: {n}"
                for name, n in common.category_counts(summary["by_category"], lang)]
    out.append(f"{labels.label('batch.worst_first', lang)}:")
    for row in summary["worst_first"]:
        counts = common.severity_counts(
            {"error": row["errors"], "warning": row["warnings"], "info": row["infos"]}, lang)
        unreadable = labels.label("report.unreadable_short", lang)
        status = f" — {unreadable}" if row["unreadable"] else ""
        out.append(f"  {visible(row['source'])}: {counts}{status}")
    return out
