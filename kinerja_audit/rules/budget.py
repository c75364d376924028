"""Budget rules: realisasi / pagu percentages and totals (Bab III B)."""
from __future__ import annotations

from ..parse.numbers import format_number
from .registry import Context, Hit, rule


def _money(value: float) -> str:
    return format_number(value, "id", 0)


@rule("ARI002")
def budget_percentage(report, ctx: Context):
    tol = float(ctx.option("ARI002", "tolerance"))
    items = [(r.line, r.label, r.pagu, r.realisasi, r.percent) for r in report.budget_rows if r.percent]
    items += [(s.line, ctx.word("budget_statement"), s.pagu, s.realisasi, s.percent) for s in report.budget_statements]
    for line, label, pagu, real, pct in items:
        if pagu.value == 0:
            continue
        value = real.value / pagu.value * 100
        if abs(value - pct.value) <= pct.half_step + tol:
            continue
        yield Hit(None, line, values={"label": label or ctx.word("budget_total"), "pagu": _money(pagu.value),
                                      "realisasi": _money(real.value)},
                  found=ctx.pct(pct.value, pct.decimals), expected=ctx.pct(value, max(pct.decimals, 2)))


@rule("ARI003")
def budget_total(report, ctx: Context):
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
            if abs(printed - summed) > 0.5:
                yield Hit(None, total.line, values={"column": ctx.word(f"column_{column}"), "n": len(parts)},
                          found=_money(printed), expected=_money(summed))
