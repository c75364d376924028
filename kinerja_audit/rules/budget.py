"""Budget rules: realisasi / pagu percentages and totals (Bab III B)."""
from __future__ import annotations

from .common import pct
from .registry import Context, Hit, rule


@rule("ARI002")
def budget_percentage(report, ctx: Context):
    tol = float(ctx.option("tolerance"))
    items = [(r.line, r.label, r.pagu, r.realisasi, r.percent) for r in report.budget_rows if r.percent]
    items += [(s.line, ctx.word("budget_statement"), s.pagu, s.realisasi, s.percent) for s in report.budget_statements]
    for line, label, pagu, real, percent in items:
        if pagu.value == 0:
            continue
        value = real.value / pagu.value * 100
        if abs(value - percent.value) <= percent.half_step + tol:
            continue
        yield Hit(None, line, values={"label": label or ctx.word("budget_total"), "pagu": ctx.num(pagu.value, 0),
                                      "realisasi": ctx.num(real.value, 0)},
                  found=pct(percent.value, percent.decimals), expected=pct(value, max(percent.decimals, 2)))


@rule("ARI003")
def budget_total(report, ctx: Context):
    tol, ratio = float(ctx.option("tolerance")), float(ctx.option("misread_ratio"))
    rows = report.budget_rows
    totals = [i for i, r in enumerate(rows) if r.total]
    start = 0
    for idx in totals:
        parts = [r for r in rows[start:idx] if not r.total]
        start = idx + 1
        if len(parts) < 2:
            continue
        total = rows[idx]
        for column in ("pagu", "realisasi"):
            printed = getattr(total, column).value
            summed = sum(getattr(r, column).value for r in parts)
            misread = summed <= 0 or printed <= 0 or max(printed, summed) > ratio * min(printed, summed)
            if abs(printed - summed) > tol and not misread:
                yield Hit(None, total.line, values={"column": ctx.word(f"column_{column}"), "n": len(parts)},
                          found=printed, expected=summed, unit="rupiah")
