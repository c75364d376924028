"""Budget rules: realisasi / pagu percentages and totals (Bab III B)."""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from ..parse import names as namesim
from ..parse.text import pattern
from .common import line_place, pct
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


def _digit_slip(a: float, b: float, max_digits: int) -> bool:
    """Two amounts of as many digits that differ in at most ``max_digits`` places (a slip of the
    keyboard: 866.600.000 / 866.800.000, 324.281.000 / 342.281.000), not two different sums."""
    da, db = str(round(a)), str(round(b))
    return len(da) == len(db) and 0 < sum(x != y for x, y in zip(da, db)) <= max_digits


def _rescaled(a: float, b: float) -> bool:
    """The same amount in another unit: a table "dalam ribuan rupiah" (or millions) beside
    rupiah in the text."""
    low, high = sorted((a, b))
    return low > 0 and any(abs(high / low - f) <= f * 0.005 for f in (1e3, 1e6))


def _name(subject: str) -> str:
    """A programme's or activity's name as compared: without "Kegiatan/Program" before it."""
    lead = pattern("budget_subject_lead_re")
    return lead.sub("", lead.sub("", subject))


def _key(subject: str) -> str:
    """The name lower case without spaces ("Kesiap Siagaan" is "kesiapsiagaan")."""
    return namesim.normalise(_name(subject)).replace(" ", "")


def _table_row_of(item, rows: list[tuple[str, object]], floor: float, margin: float):
    """The budget table row of the activity a sentence names, among ``rows`` (name key, row):
    the row whose name is (nearly) the same and clearly nearer than any other row's ("Pemantauan
    Pencemaran Air" is not "... Udara")."""
    key = _key(item.subject)
    scored = sorted(((fuzz.ratio(key, k), i)
                     for i, (k, r) in enumerate(rows) if r.kind == item.kind), reverse=True)
    if not scored or scored[0][0] < floor or len(scored) > 1 and \
            scored[1][0] > scored[0][0] - margin:
        return None
    return rows[scored[0][1]][1]


@rule("NNU012")
def budget_restated(report, ctx: Context):
    """An activity's ceiling (or realisation) in a sentence that its budget table row gives
    otherwise; without such a row, one amount a digit or two apart from the amount at least two
    other places agree on: the one place has a slip."""
    floor, slip = float(ctx.option("name_similarity")), int(ctx.option("max_digits"))
    row_floor, margin = float(ctx.option("row_name_similarity")), float(ctx.option("row_margin"))
    items = [a for a in report.budget_amounts if not a.revised]
    rows = [(_key(a.subject), a) for a in items if a.source == "table"]
    reported = set()
    for item in items:
        row = _table_row_of(item, rows, row_floor, margin) if item.source == "prose" else None
        if row is not None and row.amount.value != item.amount.value \
                and not _rescaled(row.amount.value, item.amount.value):
            reported.add(id(item))
            yield _restated(report, ctx, item, row.amount.value, [row.line])
    groups: list[list] = []
    for item in items:
        group = next((g for g in groups if g[0].kind == item.kind
                      and namesim.similarity(_name(g[0].subject), _name(item.subject)) >= floor),
                     None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    for group in groups:
        counts = Counter(a.amount.value for a in group).most_common()
        if len(counts) != 2 or counts[0][1] < 2 or counts[1][1] != 1:
            continue
        (common, _), (odd, _) = counts
        item = next(a for a in group if a.amount.value == odd)
        if id(item) in reported or not _digit_slip(common, odd, slip):
            continue
        yield _restated(report, ctx, item, common,
                        sorted({a.line for a in group if a.amount.value == common}))


def _restated(report, ctx: Context, item, expected: float, others: list[int]) -> Hit:
    return Hit(
        None,
        item.line,
        evidence=item.evidence,
        values={"subject": item.subject, "kind": ctx.word(f"budget_{item.kind}"),
                "places": "; ".join(line_place(report, n, ctx) for n in others)},
        found=item.amount.value,
        expected=expected,
        unit="rupiah",
    )


@rule("NNU013")
def budget_share_restated(report, ctx: Context):
    """"realisasi anggaran ... sebesar 87,14% dari total anggaran Rp 5.118.378.700": the budget
    table row with that ceiling realised another share of it."""
    tol = float(ctx.option("tolerance"))
    for share in report.budget_shares:
        rows = {(r.pagu.value, r.realisasi.value): r for r in report.budget_rows
                if r.pagu.value == share.pagu.value}
        if len(rows) != 1:
            continue     # no row with that ceiling, or rows that disagree: nothing to hold it to
        (row,) = rows.values()
        if _matches(share.percent, row.realisasi.value, row.pagu.value, tol):
            continue
        value = row.realisasi.value / row.pagu.value * 100
        yield Hit(
            None,
            share.line,
            evidence=share.text,
            values={"pagu": ctx.num(row.pagu.value, 0),
                    "realisasi": ctx.num(row.realisasi.value, 0),
                    "place": line_place(report, row.line, ctx)},
            found=pct(share.percent.value, share.percent.decimals),
            found_value=share.percent.value,
            expected=pct(value, max(share.percent.decimals, 2)),
            expected_value=value,
        )
