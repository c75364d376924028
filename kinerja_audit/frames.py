"""The tidy frames of a report (one row per indicator) and their schema validation."""
from __future__ import annotations

from typing import Any

from . import capaian as cp

INDICATOR_COLUMNS = [
    "code",
    "position",
    "name",
    "unit",
    "polarity",
    "target_annual",
    "target",
    "realisasi",
    "capaian_reported",
    "capaian",
    "line",
    "target_line",
    "realisasi_line",
    "capaian_reported_line",
    "summary_line",
    "heading_line",
    "plan_line",
    "code_printed",
]


def _val(cell) -> float | None:
    return cell.number.value if cell is not None and cell.number is not None else None


def indicator_rows(report) -> list[dict[str, Any]]:
    rows = []
    for ind in report.indicators:
        t, r = ind.value("target"), ind.value("realisasi")
        p = ind.table.cells.get("capaian") if ind.table else None
        if p is None and ind.summary:
            p = ind.summary.cells.get("capaian")
        annual = ind.value("target_annual")
        if annual is None and report.meta.kind == "annual":
            annual = t
        value = cp.compute(_val(t), _val(r), ind.polarity)
        rows.append({
            "code": ind.code,
            "position": ind.position,
            "name": ind.name or None,
            "unit": ind.unit,
            "polarity": ind.polarity,
            "target_annual": _val(annual),
            "target": _val(t),
            "realisasi": _val(r),
            "capaian_reported": _val(p),
            "capaian": round(value, 2) if value is not None else None,
            "line": ind.table.line if ind.table else (ind.summary.line if ind.summary else None),
            "target_line": t.line if t else None,
            "realisasi_line": r.line if r else None,
            "capaian_reported_line": p.line if p else None,
            "summary_line": ind.summary.line if ind.summary else None,
            "heading_line": ind.heading.line if ind.heading else None,
            "plan_line": ind.plan.line if ind.plan else None,
            "code_printed": ind.table.code_printed if ind.table else None,
        })
    return rows


def to_frame(rows: list[dict[str, Any]]):
    import pandas as pd

    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def schema_failures(frame) -> list[dict[str, Any]]:
    """Rows failing the pandera schema: [{index, column, check, value}], lazily collected."""
    from .pandera_loader import pandera
    from .schemas.frames import INDICATORS

    pe = pandera().errors

    try:
        INDICATORS.validate(frame, lazy=True)
    except pe.SchemaErrors as exc:
        cases = exc.failure_cases
        out = []
        for _, row in cases.iterrows():
            out.append(
                {
                    "index": row.get("index"),
                    "column": row.get("column"),
                    "check": str(row.get("check")),
                    "value": row.get("failure_case"),
                }
            )
        return out
    return []
