"""Arithmetic rules: recomputed capaian, polarity, zero targets, anomalies."""
from __future__ import annotations

from .. import capaian as cp
from .common import (
    caps_option,
    numbered,
    pct,
    period_word,
    polarity_word,
    recap_capaian_slip,
    table_values,
)
from .registry import Context, Hit, rule


def _recomputable(ind):
    """(target, realisasi, capaian) of the indicator's table when all three are numbers and the
    target is not zero, else None."""
    t, r, p = (numbered(c) for c in table_values(ind))
    if not (t and r and p) or t.number.value == 0:
        return None
    return t, r, p


@rule("ARI001")
def capaian_recomputed(report, ctx: Context):
    tol = float(ctx.option("tolerance"))
    for ind in report.indicators:
        cells = _recomputable(ind)
        if cells is None:
            continue
        t, r, p = cells
        if cp.consistent(p, t, r, ind.polarity, tol) is not False:
            continue
        if ind.polarity == "negative" and cp.consistent(p, t, r, "positive", tol):
            continue  # POL001 reports it
        yield _capaian_hit(ind, ind.table, ctx)
    for ind in report.indicators:
        if recap_capaian_slip(ind, tol):
            yield _capaian_hit(ind, ind.summary, ctx)


def _capaian_hit(ind, mention, ctx: Context) -> Hit:
    """The capaian of ``mention`` (the indicator's table or recap row) against its own figures."""
    t, r, p = (mention.cells[k] for k in ("target", "realisasi", "capaian"))
    value = cp.compute(t.number.value, r.number.value, ind.polarity)
    return Hit(ind.code, p.line, evidence_lines=mention.span,
               values={"code": ind.code, "target": t.number.value, "realisasi": r.number.value,
                       "formula": ctx.word(f"formula_{ind.polarity}")},
               found=pct(p.number.value, p.number.decimals),
               # two decimals at least: "132,5%" should read 132,05%, not 132%
               expected=pct(value, max(cp.decimals_for(p), 2)))


@rule("POL001")
def negative_polarity_formula(report, ctx: Context):
    tol = float(ctx.option("tolerance"))
    for ind in report.indicators:
        cells = _recomputable(ind) if ind.polarity == "negative" else None
        if cells is None:
            continue
        t, r, p = cells
        if cp.consistent(p, t, r, "negative", tol) is False and cp.consistent(
            p, t, r, "positive", tol
        ):
            value = cp.compute(t.number.value, r.number.value, "negative")
            yield Hit(
                ind.code,
                p.line,
                evidence_lines=ind.table.span,
                values={
                    "code": ind.code,
                    "target": t.number.value,
                    "realisasi": r.number.value,
                    "source": polarity_word(ind, ctx),
                },
                found=pct(p.number.value, p.number.decimals),
                expected=pct(value, cp.decimals_for(p)),
            )


@rule("ZER001")
def zero_target_percentage(report, ctx: Context):
    for ind in report.indicators:
        for m in (ind.table, ind.summary):
            if m is None:
                continue
            t, r, p = m.cells.get("target"), m.cells.get("realisasi"), m.cells.get("capaian")
            # a target of 0, or "-" (no target this period), with a percentage printed against it
            if (
                not (t and p)
                or p.number is None
                or (t.number.value != 0 if t.number else not t.is_dash)
            ):
                continue
            realised = r is not None and r.number is not None and r.number.value > 0
            if p.number.value == 0 and not realised and ctx.option("policy") != "flag-any":
                continue  # "0%" for 0 of 0 reads as "nothing yet"; only a non-zero figure misleads
            annual = numbered(ind.value("target_annual"))
            extra = ctx.word("zero_extra_annual", annual=ctx.num(annual.number.value)) \
                if annual and annual.number.value > 0 else ""
            # something realised against no target was measured:
            # "belum diukur" would be wrong advice
            advice = ctx.word("zero_advice_realised", realised=r.raw) if realised else \
                ctx.word("zero_advice_unmeasured", extra=extra)
            yield Hit(
                ind.code,
                p.line,
                evidence_lines=m.span,
                values={"code": ind.code, "period": period_word(report, ctx), "advice": advice},
                found=pct(p.number.value, p.number.decimals),
                expected="-",
            )
            break


@rule("ANO001")
def capaian_anomaly(report, ctx: Context):
    threshold = float(ctx.option("threshold"))
    for ind in report.indicators:
        # its own table row, else (a fragment with no Bab III table) the row that states it
        mention = ind.table or ind.summary
        if mention is None:
            continue
        cells = tuple(mention.cells.get(k) for k in ("target", "realisasi", "capaian"))
        t, r, p = (numbered(c) for c in cells)
        value = cp.compute(t.number.value, r.number.value, ind.polarity) if t and r else None
        if value is None and p is not None and t and t.number.value:
            value = p.number.value
        if value is None or value <= threshold + 1e-9 or ind.explained:
            continue
        line = cells[2].line if cells[2] is not None else mention.line
        if p is not None and cp.consistent(p, t, r, ind.polarity, 0.0) is not False:
            value = p.number.value   # the figure as printed (254,55 for 254,56 recomputed)
        yield Hit(ind.code, line, values={"code": ind.code, "threshold": ctx.pct(threshold)},
                  evidence_lines=mention.span,
                  found=pct(value, cp.decimals_for(p)), expected="≤ " + ctx.pct(threshold))


def _yoy_indicator(report, row) -> str | None:
    """The indicator a year-over-year row is about: the report's indicator of that name, else the
    row as the report numbers it."""
    from ..parse import names as namesim

    best = max(report.indicators, key=lambda i: namesim.similarity(i.name, row.name), default=None)
    if best is not None and namesim.similarity(best.name, row.name) >= 85:
        return best.code
    return f"Indikator {row.number}" if row.number else (row.name[:60] or None)


def _yoy_values(table, row, previous, latest, ctx: Context) -> dict:
    """The message values of a year-over-year row: its name, the two years and their figures."""
    return {"name": row.name, "previous": ctx.num(previous.value), "latest": ctx.num(latest.value),
            "year_previous": str(table.years[-2]), "year_latest": str(table.years[-1])}


def _yoy_rows(report):
    for table in report.yoy_tables:
        for row in table.rows:
            if len(row.values) >= 2:
                yield table, row, row.values[-2], row.values[-1]


@rule("ARI004")
def yoy_difference(report, ctx: Context):
    for table, row, previous, latest in _yoy_rows(report):
        d = row.difference
        if d is None:
            continue
        expected = latest.value - previous.value
        # whole numbers are counts
        slack = sum(n.half_step for n in (d, previous, latest) if n.decimals)
        if abs(d.value - expected) <= slack + 1e-9:
            continue
        yield Hit(
            _yoy_indicator(report, row),
            row.line,
            evidence=row.raw,
            values=_yoy_values(table, row, previous, latest, ctx),
            found=d.value,
            expected=expected,
        )


@rule("ARI005")
def yoy_percentage(report, ctx: Context):
    tol = float(ctx.option("tolerance"))
    for table, row, previous, latest in _yoy_rows(report):
        p = row.percent
        if p is None or previous.value == 0:
            continue
        ratio = latest.value / previous.value * 100
        growth = ratio - 100
        h = p.half_step
        if any(
            value - h - tol <= p.value <= value + h + tol
            or value - 2 * h - tol <= p.value <= value + tol
            for value in (ratio, growth)
        ):
            continue   # rounded or truncated ratio (116 for 116,67) or growth rate
        yield Hit(
            _yoy_indicator(report, row),
            row.line,
            evidence=row.raw,
            values=_yoy_values(table, row, previous, latest, ctx),
            found=pct(p.value, p.decimals),
            expected=pct(ratio, 2),
        )


@rule("ARI007")
def average_row(report, ctx: Context):
    caps = caps_option(ctx)
    for row in report.average_rows:
        for col in row.columns:
            values = [v.value for v in col.values]
            slack = col.printed.half_step + sum(v.half_step for v in col.values) / len(values)
            means = [sum(values) / len(values)] + \
                [sum(min(v, cap) for v in values) / len(values) for cap in caps]
            if any(abs(m - col.printed.value) <= slack + 1e-9 for m in means):
                continue      # the mean, or the mean of the capped figures (a rule's cap)
            decimals = max(col.printed.decimals, 2)
            yield Hit(None, row.line,
                      values={"label": row.label, "count": len(values),
                              "values": "; ".join(v.raw for v in col.values)},
                      found=ctx.num(col.printed.value, col.printed.decimals),
                      found_value=col.printed.value,
                      expected=ctx.num(means[0], decimals), expected_value=means[0])


@rule("ARI006")
def grid_capaian(report, ctx: Context):
    tol, caps = float(ctx.option("tolerance")), caps_option(ctx)
    for grid in report.grids:
        (_, targets), (_, reals), (line, printed) = (grid.rows[k] for k in
                                                     ("target", "realisasi", "capaian"))
        if not len(targets) == len(reals) == len(printed):
            continue   # columns that cannot be lined up
        ind = report.indicator(grid.code) if grid.code else None
        code = ind.code if ind else grid.code
        polarity = ind.polarity if ind else ("negative" if grid.lower_is_better else "positive")
        periods = list(grid.periods) if len(grid.periods) == len(printed) else []
        for k, (t, r, p) in enumerate(zip(targets, reals, printed)):
            if not (t and r and p) or t.number.value == 0 \
                    or cp.consistent(p, t, r, polarity, tol, caps=caps) is not False:
                continue
            value = cp.compute(t.number.value, r.number.value, polarity)
            yield Hit(code, line,
                      values={"code": code or grid.name or "",
                              "period": periods[k] if periods else str(k + 1),
                              "target": t.number.value, "realisasi": r.number.value,
                              "formula": ctx.word(f"formula_{polarity}")},
                      found=pct(p.number.value, p.number.decimals),
                      expected=pct(value, cp.decimals_for(p)))


@rule("ARI008")
def annual_capaian_recomputed(report, ctx: Context):
    """A quarterly table's capaian against the annual target ("% thd Target 2019" beside "% thd
    Target TW II"): the realisasi so far over the annual target.  Lower-is-better indicators
    have no such share of the year's target, and are left alone."""
    tol = float(ctx.option("tolerance"))
    for ind in report.indicators:
        if ind.polarity != "positive":
            continue
        for m in (ind.table, ind.summary):
            hit = _annual_capaian_hit(ind, m, tol) if m is not None else None
            if hit is not None:
                yield hit


def _annual_capaian_hit(ind, m, tol: float) -> Hit | None:
    t, r, p = (numbered(m.cells.get(k)) for k in ("target_annual", "realisasi", "capaian_annual"))
    if not (t and r and p) or t.number.value == 0 \
            or cp.consistent(p, t, r, "positive", tol) is not False:
        return None
    value = cp.compute(t.number.value, r.number.value, "positive")
    return Hit(ind.code, p.line, evidence_lines=m.span,
               values={"code": ind.code, "target": t.number.value, "realisasi": r.number.value},
               found=pct(p.number.value, p.number.decimals),
               expected=pct(value, max(cp.decimals_for(p), 2)))
