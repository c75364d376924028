"""Perjanjian Kinerja rules: the PK's own quarter targets (target-sum) and the report against it
(pk-mismatch).  Every rule yields nothing without a PK (``ctx.pk``); the target-sum rules read only
the PK, so they also run when no report is given.
"""
from __future__ import annotations

from pathlib import Path

from ..parse import names as namesim
from ..parse.cells import unit_key
from ..parse.periods import roman
from ..pk_match import period_target
from .common import as_printed, period_word
from .registry import Context, Hit, rule


def _basis(p, ctx: Context) -> dict:
    return {
        "basis": ctx.word("basis_per_quarter" if p.basis == "per-quarter" else "basis_cumulative"),
        "basis_source": ctx.word(f"basis_src_{p.basis_source}"),
    }


def _evidence(p) -> str:
    return f"{p.where}: {p.raw}" if p.raw else p.where


def _differs(a: float, b: float, tol: float) -> bool:
    return abs(a - b) > tol + 1e-9


# ------------------------------------------------------------------------------------ target-sum


@rule("TGT001")
def pk_quarters_combine(report, ctx: Context):
    if ctx.pk is None:
        return
    tol = float(ctx.option("tolerance"))
    for p in ctx.pk.indicators:
        if p.basis != "per-quarter" or p.aggregation not in ("sum", "average"):
            continue
        if p.annual is None or any(v is None for v in p.quarters):
            continue
        combined = p.combine(list(p.quarters))
        if not _differs(combined, p.annual, tol):
            continue
        yield Hit(p.code, None,
                  values={"code": p.code, "quarters": "; ".join(ctx.num(v) for v in p.quarters),
                          "combined": ctx.word(f"combine_{p.aggregation}"), **_basis(p, ctx)},
                  found=combined, expected=p.annual, evidence=_evidence(p))


@rule("TGT002")
def pk_cumulative_decreasing(report, ctx: Context):
    if ctx.pk is None:
        return
    for p in ctx.pk.indicators:
        if p.basis != "cumulative" or p.aggregation != "sum":
            continue
        for k in range(1, 4):
            prev, cur = p.quarters[k - 1], p.quarters[k]
            if prev is not None and cur is not None and cur < prev - 1e-9:
                yield Hit(
                    p.code,
                    None,
                    values={
                        "code": p.code,
                        "q_prev": roman(k),
                        "q": roman(k + 1),
                        **_basis(p, ctx),
                    },
                    found=cur,
                    expected=prev,
                    evidence=_evidence(p),
                )
                break


@rule("TGT003")
def pk_final_quarter(report, ctx: Context):
    if ctx.pk is None:
        return
    tol = float(ctx.option("tolerance"))
    for p in ctx.pk.indicators:
        if not (p.basis == "cumulative" or p.aggregation == "last"):
            continue
        final = p.quarters[3]
        if final is None or p.annual is None or not _differs(final, p.annual, tol):
            continue
        reason = ctx.word(
            "final_reason_last" if p.aggregation == "last" else "final_reason_cumulative"
        )
        yield Hit(p.code, None, values={"code": p.code, "reason": reason, **_basis(p, ctx)},
                  found=final, expected=p.annual, evidence=_evidence(p))


@rule("TGT004")
def pk_target_empty(report, ctx: Context):
    if ctx.pk is None:
        return
    for p in ctx.pk.indicators:
        empty = ([ctx.word("pk_target_annual")] if p.annual is None else []) + [
            ctx.word("pk_target_quarter", q=roman(k + 1))
            for k, v in enumerate(p.quarters)
            if v is None
        ]
        if empty:
            yield Hit(p.code, None, values={"code": p.code, "empty": ", ".join(empty)},
                      evidence=_evidence(p))


# ----------------------------------------------------------------------------------- pk-mismatch


@rule("PKM008")
def pk_year_differs(report, ctx: Context):
    year = report.meta.year
    if ctx.pk is None or ctx.pk.year is None or year is None or year == ctx.pk.year:
        return
    yield Hit(None, report.meta.title_line, values={"pk": Path(ctx.pk.source).name},
              found=str(year), expected=str(ctx.pk.year))


def _compared(report):
    """Linked pairs whose report row passed the frame schema."""
    return [
        (lk.report, lk.pk, lk.by)
        for lk in report.pk_links
        if lk.report and lk.pk and not lk.rejected
    ]


def _line(ind) -> int | None:
    m = ind.table or ind.summary or ind.heading
    return m.line if m else None


@rule("PKM001")
def pk_indicator_missing(report, ctx: Context):
    for lk in report.pk_links:
        if lk.report is None:
            p = lk.pk
            yield Hit(p.code, None, values={"code": p.code, "name": p.name, "where": p.where},
                      found=None, expected=p.code, evidence=_evidence(p))


@rule("PKM002")
def indicator_not_in_pk(report, ctx: Context):
    for lk in report.pk_links:
        if lk.pk is None and not lk.rejected:
            ind = lk.report
            yield Hit(ind.code, _line(ind),
                      values={"code": ind.code, "name": ind.name, "pk": Path(ctx.pk.source).name},
                      found=ind.code, expected=None)


@rule("PKM003")
def name_differs_from_pk(report, ctx: Context):
    threshold = float(ctx.option("threshold"))
    for ind, p, _ in _compared(report):
        if not ind.name or namesim.similarity(ind.name, p.name) >= threshold:
            continue
        m = ind.heading if ind.heading and ind.heading.name else (ind.table or ind.summary)
        yield Hit(
            ind.code,
            m.line if m else None,
            values={"code": ind.code},
            found=ind.name,
            expected=p.name,
        )


@rule("PKM004")
def unit_differs_from_pk(report, ctx: Context):
    for ind, p, _ in _compared(report):
        unit = ind.unit
        if not unit or not p.unit or unit_key(unit) == unit_key(p.unit):
            continue
        cell = next(
            (c for m in (ind.table, ind.summary) if m for c in m.cells.values() if c.unit == unit),
            None,
        )
        yield Hit(
            ind.code,
            cell.line if cell else _line(ind),
            values={"code": ind.code},
            found=unit,
            expected=p.unit,
        )


@rule("PKM005")
def annual_target_differs_from_pk(report, ctx: Context):
    for ind, p, _ in _compared(report):
        cell = ind.annual
        if cell is None or cell.number is None or p.annual is None:
            continue
        if not _differs(cell.number.value, p.annual, cell.number.half_step):
            continue
        yield Hit(ind.code, cell.line, values={"code": ind.code},
                  found=as_printed(cell), expected=as_printed(cell, p.annual))


@rule("PKM006")
def period_target_differs_from_pk(report, ctx: Context):
    meta = report.meta
    if meta.kind not in ("quarterly", "semester") or not meta.quarter:
        return
    k = meta.quarter
    quarters = range(k, k + 1) if meta.kind == "quarterly" else range(max(k - 1, 1), k + 1)
    period = period_word(report, ctx)
    for ind, p, _ in _compared(report):
        cell, header_says = period_target(ind)
        if cell is None:
            continue
        cumulative = header_says or p.basis == "cumulative"
        expected = p.period_target(quarters, cumulative)
        if expected is None or not _differs(cell.number.value, expected, cell.number.half_step):
            continue
        yield Hit(
            ind.code,
            cell.line,
            values={
                "code": ind.code,
                "period": period,
                "view": ctx.word("view_upto" if cumulative else "view_alone", period=period),
                "view_reason": ctx.word("view_reason_header" if header_says else "view_reason_pk"),
                **_basis(p, ctx),
            },
            found=as_printed(cell),
            expected=as_printed(cell, expected),
        )


@rule("PKM007")
def code_differs_from_pk(report, ctx: Context):
    for ind, p, by in _compared(report):
        if (
            by != "name"
            or "#" in ind.code
            or ind.code == p.code
            or not any(m.code for m in ind.mentions())
        ):
            continue
        yield Hit(ind.code, _line(ind), values={"name": p.name}, found=ind.code, expected=p.code)
