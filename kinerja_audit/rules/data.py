"""The report against its unit's indicator data (``check --data``): realisasi and capaian.

Targets, names and units are compared by the PK rules on the PK built from the data
(``data/compare.py``); these two rules add what a PK does not hold.  Both yield nothing without
``--data``.  Links come from ``pk_match`` (by code, then by name), as for ``--pk``.
"""
from __future__ import annotations

from dataclasses import replace

from .. import i18n
from ..pk_match import cumulative_column
from .common import pct, period_word
from .registry import Amount, Context, Hit, rule

QUARTERS = ("tw1", "tw2", "tw3", "tw4")


def _pairs(report, ctx: Context):
    """Report indicators linked to the data's rows (the pipeline linked them to the PK it built)."""
    if ctx.data is None:
        return []
    return [(lk.report, lk.pk) for lk in report.pk_links if lk.report and lk.pk and not lk.rejected]


def _quarters(report) -> range | None:
    meta = report.meta
    if meta.kind == "quarterly" and meta.quarter:
        return range(meta.quarter, meta.quarter + 1)
    if meta.kind == "semester" and meta.quarter:
        return range(max(meta.quarter - 1, 1), meta.quarter + 1)
    if meta.kind == "annual":
        return range(1, 5)
    return None


def _cell(ind, role):
    for m in (ind.table, ind.summary):
        if m is not None and m.cells.get(role) is not None and m.cells[role].number is not None:
            return m, m.cells[role]
    return None, None


def _cumulative_view(m, p, report) -> bool:
    return (
        report.meta.kind == "annual" or cumulative_column(m, "realisasi") or p.basis == "cumulative"
    )


def _where(ctx: Context, p) -> str:
    return p.where


@rule("DAT008")
def realisasi_differs_from_data(report, ctx: Context):
    quarters = _quarters(report)
    if quarters is None:
        return
    period = period_word(report, ctx)
    for ind, p in _pairs(report, ctx):
        m, cell = _cell(ind, "realisasi")
        row = ctx.data.realisasi(report.meta.year, p.code)
        if cell is None or row is None:
            continue
        if report.meta.kind == "annual" and row.get("realisasi_annual") is not None:
            expected, view = row["realisasi_annual"], "upto"
        else:
            actual = replace(p, quarters=tuple(row.get(f"realisasi_{q}") for q in QUARTERS))
            cumulative = _cumulative_view(m, p, report)
            expected = actual.period_target(quarters, cumulative)
            view = "upto" if cumulative else "alone"
        if expected is None or abs(cell.number.value - expected) <= cell.number.half_step + 1e-9:
            continue
        decimals = cell.number.decimals or None
        yield Hit(
            ind.code,
            cell.line,
            values={
                "code": ind.code,
                "period": period,
                "where": _where(ctx, p),
                "view": i18n.label(f"data.view.{view}", ctx.lang, period=period),
            },
            found=Amount(cell.number.value, decimals, cell.unit),
            expected=Amount(expected, decimals, cell.unit),
        )


@rule("DAT009")
def capaian_differs_from_data(report, ctx: Context):
    quarters = _quarters(report)
    if quarters is None:
        return
    period = period_word(report, ctx)
    for ind, p in _pairs(report, ctx):
        _m, cell = _cell(ind, "capaian")
        row = ctx.data.realisasi(report.meta.year, p.code)
        if cell is None or row is None:
            continue
        key = (
            "capaian_annual"
            if report.meta.kind == "annual"
            else f"capaian_{QUARTERS[quarters[-1] - 1]}"
        )
        expected = row.get(key)
        if report.meta.kind == "annual" and expected is None:
            expected = (
                row.get("capaian_tw4")
                if p.basis == "cumulative" or p.aggregation == "last"
                else None
            )
        if expected is None:
            continue
        step = max(cell.number.half_step, 0.5 * 10 ** -max(int(row.get(f"{key}__d") or 0), 0))
        if abs(cell.number.value - expected) <= step + 1e-9:
            continue
        decimals = cell.number.decimals or None
        yield Hit(
            ind.code,
            cell.line,
            values={"code": ind.code, "period": period, "where": _where(ctx, p)},
            found=pct(cell.number.value, decimals),
            expected=pct(expected, decimals),
        )
