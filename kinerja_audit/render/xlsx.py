"""The review working paper ("Kertas Kerja Reviu") as an Excel workbook (needs openpyxl)."""
from __future__ import annotations

import io

from .. import i18n as labels
from . import common
from .escape import neutralise

# Working-paper columns (label key, width); "source" only in a batch.
_REVIEW_COLUMNS = (
    ("no", 6), ("source", 28), ("section", 22), ("location", 16), ("indicator", 12),
    ("category", 18), ("severity", 12), ("message", 60), ("found", 22), ("expected", 22),
    ("suggestion", 45),
)
_SUMMARY_REPORT_COLUMNS = ("source", "kind", "year", "quarter", "agency", "findings", "status")


def render(contract: dict, *, lang: str = "id", color: bool = False) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("xlsx output needs openpyxl: pip install 'kinerja-audit[xlsx]'") from exc

    wb = Workbook()
    _review_sheet(wb.active, contract, lang)
    _summary_sheet(wb.create_sheet(labels.label("sheet.summary", lang)), contract, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _review_sheet(ws, contract: dict, lang: str) -> None:
    ws.title = labels.label("sheet.review", lang)
    batch = common.is_batch(contract)
    columns = [(key, width) for key, width in _REVIEW_COLUMNS if batch or key != "source"]
    rows = []
    for no, (report, f) in enumerate(common.iter_findings(contract), start=1):
        values = {
            "no": no, "source": report["source"], "section": common.section_name(f, lang),
            "location": common.location(f, lang), "indicator": f.get("indicator"),
            "category": labels.category(f["category"], lang),
            "severity": labels.severity(f["severity"], lang), "message": f["message"],
            "found": f.get("found"), "expected": f.get("expected"),
            "suggestion": f.get("suggestion"),
        }
        rows.append([values[key] for key, _ in columns])
    _table(ws, [labels.label(f"col.{key}", lang) for key, _ in columns], rows,
           [width for _, width in columns])


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
    return ([report["source"], report.get("kind"), report.get("year"), report.get("quarter"),
             report.get("agency"), len(report["findings"]), status]
            + [counts.get(s, 0) for s in common.SEVERITIES])


def _table(ws, header: list, rows: list[list], widths: list[int], *, start: int = 1,
           filters: bool = True) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=start, column=col, value=text)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
    for r, values in enumerate(rows, start=start + 1):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=neutralise(value)).alignment = wrap
    for col, width in enumerate(widths[: len(header)], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    if filters:
        ws.freeze_panes = ws.cell(row=start + 1, column=1)
        last = get_column_letter(len(header))
        ws.auto_filter.ref = f"A{start}:{last}{start + max(len(rows), 1)}"
