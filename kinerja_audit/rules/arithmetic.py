"""Arithmetic rules: recomputed capaian, polarity, zero targets, anomalies."""
from __future__ import annotations

import re

from .. import capaian as cp
from ..parse.text import any_match
from .registry import Context, Hit, rule


def _period_word(report, ctx: Context) -> str:
    meta = report.meta
    if meta.kind == "annual" and meta.year:
        return ctx.word("period_year", y=meta.year)
    if meta.kind == "semester" and meta.quarter:
        return ctx.word("period_semester", s="I" if meta.quarter <= 2 else "II")
    if meta.quarter:
        return ctx.word("period_quarter", q=["I", "II", "III", "IV"][meta.quarter - 1])
    return ""


def _table_values(ind):
    m = ind.table
    if m is None:
        return None, None, None
    return m.cells.get("target"), m.cells.get("realisasi"), m.cells.get("capaian")


def _polarity_word(ind, ctx: Context) -> str:
    return ctx.word({"name": "polarity_name", "pk": "polarity_pk", "config": "polarity_config",
                     "report": "polarity_report"}.get(ind.polarity_source, "polarity_name"))


@rule("ARI001")
def capaian_recomputed(report, ctx: Context):
    tol = float(ctx.option("ARI001", "tolerance"))
    for ind in report.indicators:
        t, r, p = _table_values(ind)
        if not (t and r and p) or None in (t.number, r.number, p.number) or t.number.value == 0:
            continue
        if cp.consistent(p, t, r, ind.polarity, tol) is not False:
            continue
        if ind.polarity == "negative" and cp.consistent(p, t, r, "positive", tol):
            continue  # POL001 reports it
        value = cp.compute(t.number.value, r.number.value, ind.polarity)
        yield Hit(ind.code, p.line, evidence_lines=ind.table.span,
                  values={"code": ind.code, "target": t.number.value, "realisasi": r.number.value,
                          "formula": ctx.word(f"formula_{ind.polarity}")},
                  found=ctx.pct(p.number.value, p.number.decimals),
                  expected=ctx.pct(value, cp.decimals_for(p)))


@rule("POL001")
def negative_polarity_formula(report, ctx: Context):
    tol = float(ctx.option("ARI001", "tolerance"))
    for ind in report.indicators:
        if ind.polarity != "negative":
            continue
        t, r, p = _table_values(ind)
        if not (t and r and p) or None in (t.number, r.number, p.number) or t.number.value == 0:
            continue
        if cp.consistent(p, t, r, "negative", tol) is False and cp.consistent(p, t, r, "positive", tol):
            value = cp.compute(t.number.value, r.number.value, "negative")
            yield Hit(ind.code, p.line, evidence_lines=ind.table.span,
                      values={"code": ind.code, "target": t.number.value, "realisasi": r.number.value,
                              "source": _polarity_word(ind, ctx)},
                      found=ctx.pct(p.number.value, p.number.decimals),
                      expected=ctx.pct(value, cp.decimals_for(p)))


@rule("ZER001")
def zero_target_percentage(report, ctx: Context):
    for ind in report.indicators:
        for m in (ind.table, ind.summary):
            if m is None:
                continue
            t, r, p = m.cells.get("target"), m.cells.get("realisasi"), m.cells.get("capaian")
            # a target of 0, or "-" (no target this period), with a percentage printed against it
            if not (t and p) or p.number is None or (t.number.value != 0 if t.number else not t.is_dash):
                continue
            realised = r is not None and r.number is not None and r.number.value > 0
            if p.number.value == 0 and not realised and ctx.option("ZER001", "policy") != "flag-any":
                continue  # "0%" for 0 of 0 reads as "nothing yet"; only a non-zero figure misleads
            annual = ind.value("target_annual")
            extra = ctx.word("zero_extra_annual", annual=ctx.num(annual.number.value)) \
                if annual and annual.number and annual.number.value > 0 else ""
            yield Hit(ind.code, p.line, evidence_lines=m.span,
                      values={"code": ind.code, "period": _period_word(report, ctx), "extra": extra},
                      found=ctx.pct(p.number.value, p.number.decimals), expected="-")
            break


def _explained(report, ind) -> bool:
    """Some sentence about the indicator (its narrative, analysis or conclusion) gives a cause."""
    texts = [s.text for s in report.sentences if s.indicator == ind.code]
    if ind.narrative is not None:
        a, b = ind.narrative
        texts.append(" ".join(report.doc.lines[i - 1].text for i in range(a, b + 1)))
    return any(any_match("explanation_patterns", re.sub(r"\s+", " ", t)) for t in texts)


@rule("ANO001")
def capaian_anomaly(report, ctx: Context):
    threshold = float(ctx.option("ANO001", "threshold"))
    for ind in report.indicators:
        t, r, p = _table_values(ind)
        value = None
        if t and r and t.number and r.number:
            value = cp.compute(t.number.value, r.number.value, ind.polarity)
        if value is None and p is not None and p.number is not None and t and t.number and t.number.value:
            value = p.number.value
        if value is None or value <= threshold + 1e-9 or _explained(report, ind):
            continue
        line = p.line if p is not None else ind.table.line
        yield Hit(ind.code, line, values={"code": ind.code, "threshold": ctx.pct(threshold)},
                  evidence_lines=ind.table.span,
                  found=ctx.pct(value, cp.decimals_for(p)), expected="≤ " + ctx.pct(threshold))
