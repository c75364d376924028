"""Budget rules: realisasi / pagu percentages and totals (Bab III B)."""
from __future__ import annotations

from .common import pct
from .registry import Context, Hit, rule


def _total_groups(rows):
    """Each total row with the detail rows above it (since the previous total)."""
    start = 0
    for idx, row in enumerate(rows):
        if row.total:
            yield row, [r for r in rows[start:idx] if not r.total]
            start = idx + 1


def _matches(percent, real: float, pagu: float, tol: float) -> bool:
    return pagu != 0 and abs(real / pagu * 100 - percent.value) <= percent.half_step + tol


@rule("ARI002")
def budget_percentage(report, ctx: Context):
    tol = float(ctx.option("tolerance"))
    # a total whose percentage fits the sum of its rows has a wrong figure, not a wrong
    # percentage: ARI003 reports it, once
    sums = {id(total): (sum(r.pagu.value for r in parts), sum(r.realisasi.value for r in parts))
            for total, parts in _total_groups(report.budget_rows) if len(parts) >= 2}
    items = [(r.line, r.label, r.pagu, r.realisasi, r.percent, sums.get(id(r)), None)
             for r in report.budget_rows if r.percent]
    items += [(s.line, s.subject or ctx.word("budget_statement"), s.pagu, s.realisasi, s.percent,
               None, s.text) for s in report.budget_statements]
    for line, label, pagu, real, percent, summed, sentence in items:
        if pagu.value == 0 or _matches(percent, real.value, pagu.value, tol):
            continue
        if summed is not None and _matches(percent, summed[1], summed[0], tol):
            continue
        value = real.value / pagu.value * 100
        yield Hit(
            None,
            line,
            evidence=sentence,
            values={
                "label": label or ctx.word("budget_total"),
                "pagu": ctx.num(pagu.value, 0),
                "realisasi": ctx.num(real.value, 0),
            },
            found=pct(percent.value, percent.decimals),
            expected=pct(value, max(percent.decimals, 2)),
        )


@rule("ARI003")
def budget_total(report, ctx: Context):
    tol, ratio = float(ctx.option("tolerance")), float(ctx.option("misread_ratio"))
    for total, parts in _total_groups(report.budget_rows):
        if len(parts) < 2:
            continue
        for column in ("pagu", "realisasi"):
            printed = getattr(total, column).value
            summed = sum(getattr(r, column).value for r in parts)
            misread = (
                summed <= 0 or printed <= 0 or max(printed, summed) > ratio * min(printed, summed)
            )
            if abs(printed - summed) > tol and not misread:
                yield Hit(
                    None,
                    total.line,
                    values={"column": ctx.word(f"column_{column}"), "n": len(parts)},
                    found=printed,
                    expected=summed,
                    unit="rupiah",
                )
