"""The review working paper ("Kertas Kerja Reviu") as an Excel workbook (openpyxl).

Sheets: the working paper (every finding: report, place, indicator, rule id, category, severity,
finding, what is printed, what it should be, the evidence, the suggested fix), the summary, and in
a batch one sheet per report holding that report's findings.  Each finding sheet prints on
landscape pages fitted to the width, its header row repeated on every page.  Every text cell is
cleaned of the characters Excel cannot hold and neutralised against formulas.
"""
from __future__ import annotations

import io
import os
import re

from .. import i18n as labels
from . import common
from .escape import cell, clean

# Working-paper columns (label key, width).
_REVIEW_COLUMNS = (
    ("no", 6), ("source", 28), ("section", 22), ("location", 16), ("indicator", 12),
    ("rule", 10), ("category", 18), ("severity", 12), ("message", 60), ("found", 22),
    ("expected", 22), ("evidence", 50), ("suggestion", 45),
)
_SUMMARY_REPORT_COLUMNS = ("source", "kind", "year", "quarter", "agency", "findings", "status")
_SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def render(contract: dict, *, lang: str = "id", options=None) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError:
        from ..output import OutputError

        raise OutputError("missing_library", what="XLSX", library="openpyxl") from None

    wb = Workbook()
    ws = wb.active
    ws.title = labels.label("sheet.review", lang)
    _findings_sheet(ws, list(common.iter_findings(contract)), lang)
    _summary_sheet(wb.create_sheet(labels.label("sheet.summary", lang)), contract, lang)
    if common.is_batch(contract):
        taken = {ws.title.lower(), labels.label("sheet.summary", lang).lower()}
        for no, report in enumerate(contract["reports"], start=1):
            name = _sheet_name(report["source"], no, taken, lang)
            _findings_sheet(wb.create_sheet(name),
                            [(report, f) for f in report["findings"]], lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet_name(source: str, no: int, taken: set[str], lang: str) -> str:
    """A unique, valid sheet name from the report's file name (Excel: 31 characters at most,
    none of ``[]:*?/\\'``)."""
    stem = os.path.splitext(os.path.basename(source.replace("\\", "/")))[0]
    base = _SHEET_FORBIDDEN.sub("_", clean(stem)).strip() or labels.label(
        "sheet.report", lang, no=no
    )
    name, k = base[:_SHEET_NAME_MAX], 2
    while name.lower() in taken:
        suffix = f" ({k})"
        name, k = base[:_SHEET_NAME_MAX - len(suffix)] + suffix, k + 1
    taken.add(name.lower())
    return name


def _findings_sheet(ws, pairs: list[tuple[dict, dict]], lang: str) -> None:
    rows = []
    for no, (report, f) in enumerate(pairs, start=1):
        values = {
            "no": no, "source": report["source"], "section": common.section_name(f, lang),
            "location": common.location(f, lang), "indicator": f.get("indicator"),
            "rule": f["rule"], "category": labels.category(f["category"], lang),
            "severity": labels.severity(f["severity"], lang), "message": f["message"],
            "found": f.get("found"), "expected": f.get("expected"),
            "evidence": f.get("evidence"), "suggestion": f.get("suggestion"),
        }
        rows.append([values[key] for key, _ in _REVIEW_COLUMNS])
    _table(ws, [labels.label(f"col.{key}", lang) for key, _ in _REVIEW_COLUMNS], rows,
           [width for _, width in _REVIEW_COLUMNS])
    _print_setup(ws)


def _print_setup(ws) -> None:
    """Landscape, fitted to the page width (as many pages down as needed), header row repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _summary_sheet(ws, contract: dict, lang: str) -> None:
    summary = contract["summary"]
    blocks = [
        ([labels.label("col.severity", lang), labels.label("col.count", lang)],
         [[labels.severity(s, lang), summary["by_severity"].get(s, 0)] for s in common.SEVERITIES]),
        ([labels.label("col.category", lang), labels.label("col.count", lang)],
         [list(pair) for pair in common.category_counts(summary["by_category"], lang)]),
        ([labels.label(f"col.{key}", lang) for key in _SUMMARY_REPORT_COLUMNS]
         + [labels.severity(s, lang) for s in common.SEVERITIES],
         [_report_row(r, lang) for r in contract["reports"]]),
    ]
    widths = [28, 12, 12, 12, 20, 10, 40, 12, 12, 12]
    row = 1
    for header, body in blocks:
        _table(ws, header, body, widths, start=row, filters=False)
        row += len(body) + 2


def _report_row(report: dict, lang: str) -> list:
    status = ("; ".join(report["errors"]) if report["errors"]
              else labels.label("report.ok", lang))
    counts = report["summary"]["by_severity"]
    kind = report.get("kind")
    return ([report["source"], labels.load().get(f"kind.{kind}", {}).get(lang, kind),
             report.get("year"), report.get("quarter"), report.get("agency"),
             len(report["findings"]), status]
            + [counts.get(s, 0) for s in common.SEVERITIES])


def _table(ws, header: list, rows: list[list], widths: list[int], *, start: int = 1,
           filters: bool = True) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, text in enumerate(header, start=1):
        c = ws.cell(row=start, column=col, value=cell(text))
        c.font, c.fill, c.alignment = bold, fill, wrap
    for r, values in enumerate(rows, start=start + 1):
        for col, value in enumerate(values, start=1):
            ws.cell(
                row=r, column=col, value=None if value is None else cell(value)
            ).alignment = wrap
    for col, width in enumerate(widths[: len(header)], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    if filters:
        ws.freeze_panes = ws.cell(row=start + 1, column=1)
        last = get_column_letter(len(header))
        ws.auto_filter.ref = f"A{start}:{last}{start + max(len(rows), 1)}"
