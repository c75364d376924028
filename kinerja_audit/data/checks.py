"""The dataset checks: one column expression per rule (and period), and what a finding says.

Each :class:`Check` is a boolean expression over the normalised frame (``shape.normalise``) that
is true on the rows violating the rule; every engine evaluates the same expression (pandera on
pandas, Spark, SQL inside PostgreSQL, a Great Expectations row condition).  ``describe`` turns a
violating row into the values of its message; it runs on violating rows only.

Rule ids are the report rules' where the meaning is the same (see ``checks/data.yaml``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import capaian as cp
from .expr import E, any_of, col, greatest, lit
from .shape import QUARTERS

EPS = 1e-9
ROLES = {"target": "target", "realisasi": "realisasi", "capaian": "capaian"}


@dataclass(frozen=True)
class Check:
    rule: str
    name: str              # unique: RULE:column (the name of the pandera check)
    column: str | None     # the cell the finding is about (its row, its "found")
    expr: E
    describe: Callable[[dict, Any], dict]

    @property
    def period(self) -> str | None:
        if self.column is None:
            return None
        for p in (*QUARTERS, "annual"):
            if self.column.endswith(p):
                return p
        return None


def flag(name: str) -> E:
    return col(name).eq(1)


def _t(period: str) -> str:
    return "target_annual" if period == "annual" else f"target_{period}"


# ----------------------------------------------------------------------------- capaian recomputed


def _interval(name: str) -> tuple[E, E]:
    v, h = col(name), col(f"{name}__h")
    return v - h, v + h


def _capaian_parts(period: str, tol: float):
    """(pieces, positive-consistent, negative-consistent) for the capaian of ``period``.

    A printed capaian p with half step h stands for [p − h, p + 2h): rounded or cut off
    (truncated) at its last digit; target and realisasi written with decimals for their rounding
    interval (whole numbers are exact counts).  Consistent when the two intervals overlap, give or
    take ``tol`` percentage points.
    """
    t, r, p = _t(period), f"realisasi_{period}", f"capaian_{period}"
    t_lo, t_hi = _interval(t)
    r_lo, r_hi = _interval(r)
    p_lo = col(p) - col(f"{p}__h") - tol
    p_hi = col(p) + 2 * col(f"{p}__h") + tol
    known = (col(t) > 0) & col(r).notnull() & col(p).notnull()

    def floor(v):
        return greatest(v, 0)

    def consistent(polarity):
        lo, hi = cp.span(t_lo, t_hi, r_lo, r_hi, polarity, floor)
        return (p_hi >= lo) & (p_lo <= hi)

    def inconsistent(polarity):
        lo, hi = cp.span(t_lo, t_hi, r_lo, r_hi, polarity, floor)
        return (p_hi < lo) | (p_lo > hi)

    return known, consistent, inconsistent


def _capaian_values(period: str, polarity_of: Callable[[dict], str]):
    def describe(row: dict, ctx) -> dict:
        t, r, p = row[_t(period)], row[f"realisasi_{period}"], row[f"capaian_{period}"]
        polarity = polarity_of(row)
        value = cp.compute(t, r, polarity)
        decimals = max(int(row[f"capaian_{period}__d"]), 0)
        return {
            "values": {
                "target": t,
                "realisasi": r,
                "formula": ctx.label(f"data.formula.{polarity}"),
            },
            "found": ctx.pct(p, decimals),
            "expected": ctx.pct(value, decimals if decimals else 2),
        }

    return describe


def capaian_checks(tol: float) -> list[Check]:
    out = []
    negative = col("_pol").eq("negative")
    positive = col("_pol").eq("positive")
    for period in (*QUARTERS, "annual"):
        known, consistent, inconsistent = _capaian_parts(period, tol)
        ari = known & (
            (positive & inconsistent("positive"))
            | (negative & inconsistent("negative") & ~consistent("positive")))
        pol = known & negative & inconsistent("negative") & consistent("positive")
        column = f"capaian_{period}"
        out.append(Check("ARI001", f"ARI001:{column}", column, ari,
                         _capaian_values(period, lambda row: row["_pol"])))
        out.append(Check("POL001", f"POL001:{column}", column, pol,
                         _capaian_values(period, lambda row: "negative")))
    return out


# ------------------------------------------------------------------------------------ zero target


def zero_checks(policy: str) -> list[Check]:
    out = []
    for period in (*QUARTERS, "annual"):
        t, r, p = col(_t(period)), col(f"realisasi_{period}"), col(f"capaian_{period}")
        no_target = t.eq(0) | (t.isnull() & col(f"{_t(period)}__bad").eq(0))
        printed = p.notnull()
        if policy != "flag-any":
            printed = printed & (p.ne(0) | (r > 0))
        column = f"capaian_{period}"

        def describe(row, ctx, period=period):
            zero = row[_t(period)] is not None
            return {
                "values": {
                    "target_state": ctx.label("data.target_zero" if zero else "data.target_empty")
                },
                "found": ctx.pct(
                    row[f"capaian_{period}"], max(int(row[f"capaian_{period}__d"]), 0)
                ),
                "expected": "-",
            }
        out.append(Check("ZER001", f"ZER001:{column}", column, no_target & printed, describe))
    return out


# ---------------------------------------------------------------------------------- quarter sums


def target_checks(tol_sum: float, tol_final: float) -> list[Check]:
    t = [col(f"target_{q}") for q in QUARTERS]
    annual = col("target_annual")
    per_quarter = col("_basis").eq("per-quarter")
    cumulative = col("_basis").eq("cumulative")
    agg = col("aggregation")
    out = []
    total = t[0] + t[1] + t[2] + t[3]
    for how, combined in (("sum", total), ("average", total / 4)):
        expr = per_quarter & agg.eq(how) & (abs(combined - annual) > tol_sum + EPS)

        def describe(row, ctx, how=how):
            qs = [row[f"target_{q}"] for q in QUARTERS]
            value = sum(qs) if how == "sum" else sum(qs) / 4
            return {"values": {"quarters": "; ".join(ctx.num(v) for v in qs),
                               "combined": ctx.label(f"data.combine.{how}"),
                               "basis": ctx.label(f"data.basis.{row['_basis']}")},
                    "found": ctx.num(value), "expected": ctx.num(row["target_annual"])}
        out.append(Check("TGT001", f"TGT001:{how}", "target_annual", expr, describe))
    out += _decreasing("TGT002", "target", cumulative & agg.eq("sum"))
    final = (cumulative | agg.eq("last")) & (abs(t[3] - annual) > tol_final + EPS)

    def describe_final(row, ctx):
        reason = "data.final.last" if row["aggregation"] == "last" else "data.final.cumulative"
        return {"values": {"reason": ctx.label(reason)},
                "found": ctx.num(row["target_tw4"]), "expected": ctx.num(row["target_annual"])}
    out.append(Check("TGT003", "TGT003:target_tw4", "target_tw4", final, describe_final))
    return out


def _decreasing(rule: str, role: str, applies: E) -> list[Check]:
    """Cumulative figures never fall: the first quarter that falls below the one before it."""
    out = []
    falls = [
        col(f"{role}_{QUARTERS[k]}") < col(f"{role}_{QUARTERS[k - 1]}") - EPS for k in range(1, 4)
    ]
    for k in range(1, 4):
        earlier = any_of(*falls[:k - 1]).fillfalse() if k > 1 else lit(False)
        expr = applies & falls[k - 1] & ~earlier
        column = f"{role}_{QUARTERS[k]}"

        def describe(row, ctx, k=k):
            return {"values": {"prev": ctx.label(f"data.period.{QUARTERS[k - 1]}"),
                               "basis": ctx.label(f"data.basis.{row['_basis']}")},
                    "found": ctx.num(row[f"{role}_{QUARTERS[k]}"]),
                    "expected": ctx.num(row[f"{role}_{QUARTERS[k - 1]}"])}
        out.append(Check(rule, f"{rule}:{column}", column, expr, describe))
    return out


# ------------------------------------------------------------------------------ units and ranges


def unit_checks() -> list[Check]:
    def describe(expected):
        def fn(row, ctx):
            return {"values": {"name": row["name"]}, "found": row["satuan"], "expected": expected}
        return fn
    return [Check("UNT002", "UNT002:satuan", "satuan", flag("_score_in_count"), describe("nilai")),
            Check("UNT003", "UNT003:satuan", "satuan", flag("_percent_in_count"), describe("%"))]


def range_checks() -> list[Check]:
    out = []
    kind = col("_kind").isin(["score", "percent"])
    for name in (
        "target_annual",
        *(f"target_{q}" for q in QUARTERS),
        *(f"realisasi_{q}" for q in QUARTERS),
    ):
        expr = kind & (col(name) > 100)

        def describe(row, ctx, name=name):
            role = "target_annual" if name == "target_annual" else name.split("_")[0]
            return {"values": {"role": ctx.label(f"data.role.{role}"),
                               "role_lower": ctx.label(f"data.role.{role}").lower(),
                               "kind": ctx.label(f"data.kind.{row['_kind']}")},
                    "found": ctx.num(row[name]), "expected": "0–100"}
        out.append(Check("RNG001", f"RNG001:{name}", name, expr, describe))
    return out


def anomaly_checks(threshold: float) -> list[Check]:
    out = []
    for period in (*QUARTERS, "annual"):
        t, r, p = col(_t(period)), col(f"realisasi_{period}"), col(f"capaian_{period}")
        limit = threshold + EPS
        computed = any_of(
            col("_pol").eq("positive") & (cp.positive(t, r) > limit),
            col("_pol").eq("negative") & (greatest(cp.negative(t, r), 0) > limit))
        expr = (t > 0) & ((r.notnull() & computed) | (r.isnull() & (p > limit)))
        column = f"capaian_{period}"

        def describe(row, ctx, period=period):
            t_, r_, p_ = row[_t(period)], row[f"realisasi_{period}"], row[f"capaian_{period}"]
            value = cp.compute(t_, r_, row["_pol"]) if r_ is not None else p_
            decimals = max(int(row[f"capaian_{period}__d"]), 0) if p_ is not None else 2
            return {"values": {"threshold": ctx.pct(threshold)},
                    "found": ctx.pct(value, decimals or 2), "expected": "≤ " + ctx.pct(threshold)}
        out.append(Check("ANO001", f"ANO001:{column}", column, expr, describe))
    return out


# ---------------------------------------------------------------------------- dataset integrity


def _raw_found(row: dict, column: str, ctx) -> str:
    value = ctx.raw(row, column)
    return ctx.label("data.empty") if value in (None, "") else f"\"{value}\""


def integrity_checks() -> list[Check]:
    from .shape import canonical_values

    out = []

    def dup(row, ctx):
        period = row.get("_period")
        period = ctx.label(f"data.period.{period}") if period and period != "?" else None
        values = {"first_row": int(row["_first_row"]),
                  "period_part": ctx.label("data.period_part", period=period) if period else "",
                  "period_key": ctx.label("data.period_key") if ctx.shape == "long" else ""}
        return {"values": values, "found": None, "expected": None}
    out.append(Check("DAT001", "DAT001:key", None, flag("_dup"), dup))
    for key in ("unit", "code", "year"):
        bad = flag("_year_bad") | col("year").isnull() if key == "year" else col(key).isnull()

        def missing(row, ctx, key=key):
            return {"values": {"column": key}, "found": _raw_found(row, key, ctx), "expected": None}
        out.append(Check("DAT002", f"DAT002:{key}", key, bad, missing))
    for column in ("polarity", "aggregation", "target_basis", "period"):
        def unknown(row, ctx, column=column):
            return {"values": {"column": column}, "found": _raw_found(row, column, ctx),
                    "expected": ", ".join(canonical_values(column))}
        out.append(Check("DAT003", f"DAT003:{column}", column, flag(f"_{column}_bad"), unknown))
    annual = col("target_annual")
    targets = [col(f"target_{q}") for q in QUARTERS]
    reals = [col(f"realisasi_{q}") for q in QUARTERS]
    for k, q in enumerate(QUARTERS):
        others = any_of(*(targets[j].notnull() for j in range(4) if j != k))
        no_target = targets[k].isnull() & col(f"target_{q}__bad").eq(0)
        target_gap = (no_target & reals[k].isnull() & col(f"realisasi_{q}__bad").eq(0)
                      & annual.notnull() & others)

        def gap_target(row, ctx, q=q):
            return {"values": {"role": ctx.label("data.role.target"),
                               "role_lower": ctx.label("data.role.target").lower(),
                               "reason": ctx.label("data.reason.annual_and_quarters")},
                    "found": ctx.label("data.empty"), "expected": None}
        out.append(Check("DAT004", f"DAT004:target_{q}", f"target_{q}", target_gap, gap_target))
        if k < 3:
            later = any_of(*(reals[j].notnull() for j in range(k + 1, 4)))
            real_gap = (reals[k].isnull() & col(f"realisasi_{q}__bad").eq(0) & (targets[k] > 0)
                        & later)

            def gap_real(row, ctx, k=k):
                later_q = next(QUARTERS[j] for j in range(k + 1, 4)
                               if row[f"realisasi_{QUARTERS[j]}"] is not None)
                return {"values": {"role": ctx.label("data.role.realisasi"),
                                   "role_lower": ctx.label("data.role.realisasi").lower(),
                                   "reason": ctx.label("data.reason.later_realisasi",
                                                       later=ctx.label(f"data.period.{later_q}"))},
                        "found": ctx.label("data.empty"), "expected": None}
            out.append(Check("DAT004", f"DAT004:realisasi_{q}", f"realisasi_{q}", real_gap,
                             gap_real))
        without = reals[k].notnull() & no_target

        def real_only(row, ctx, q=q):
            return {"values": {}, "found": ctx.num(row[f"realisasi_{q}"]), "expected": None}
        out.append(Check("DAT005", f"DAT005:realisasi_{q}", f"realisasi_{q}", without, real_only))
    out += _decreasing("DAT006", "realisasi",
                       col("_basis").eq("cumulative") & col("aggregation").eq("sum"))
    return out + _number_checks()


def _number_checks() -> list[Check]:
    """A number column's value that cannot be read (DAT007) or is negative (PRS004)."""
    from .shape import NUMBERS

    out = []
    for name in NUMBERS:
        def unreadable(row, ctx, name=name):
            return {"values": {"column": ctx.source_column(name)},
                    "found": _raw_found(row, name, ctx), "expected": None}

        def negative(row, ctx, name=name):
            return {"values": {"column": ctx.source_column(name)},
                    "found": _raw_found(row, name, ctx), "expected": "≥ 0"}
        out.append(Check("DAT007", f"DAT007:{name}", name, col(f"{name}__bad").eq(1), unreadable))
        out.append(Check("PRS004", f"PRS004:{name}", name, col(f"{name}__bad").eq(2), negative))
    return out


def all_checks(option: Callable[[str, str], Any], rule_ids: set[str] | None = None) -> list[Check]:
    """Every check, with options read through ``option(rule, key)``; only ``rule_ids`` if given."""
    checks = [
        *integrity_checks(),
        *capaian_checks(float(option("ARI001", "tolerance"))),
        *zero_checks(str(option("ZER001", "policy"))),
        *target_checks(float(option("TGT001", "tolerance")), float(option("TGT003", "tolerance"))),
        *unit_checks(),
        *range_checks(),
        *anomaly_checks(float(option("ANO001", "threshold"))),
    ]
    return [c for c in checks if rule_ids is None or c.rule in rule_ids]

