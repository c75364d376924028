"""Capaian (achievement) arithmetic: formulas by polarity and rounding-interval comparison.

A printed value stands for an interval (``2,35`` for [2,345; 2,355)); inputs written with decimals
are rounded too, whole numbers are counts and exact.  A
printed capaian is consistent when some value in its interval is reachable from the intervals of
the printed target and realisasi (statcheck's rule), give or take ``tolerance`` percentage points.
"""
from __future__ import annotations

from .parse.cells import Cell


def positive(target, realisasi):
    """Higher is better: realisasi / target × 100 (numbers, arrays or column expressions)."""
    return realisasi / target * 100


def negative(target, realisasi):
    """Lower is better: (2·target − realisasi) / target × 100, before the floor at 0."""
    return (2 * target - realisasi) / target * 100


def span(t_lo, t_hi, r_lo, r_hi, polarity: str, floor=lambda v: max(v, 0.0)):
    """[min, max] capaian over target in [t_lo, t_hi] and realisasi in [r_lo, r_hi] (t_lo > 0).

    Both formulas are monotonic in realisasi / target, so two corners bound the four; written
    with operators only, it serves numbers and the column expressions of ``kinerja_audit.data``
    alike (``floor`` is the engine's maximum with 0).
    """
    if polarity == "negative":
        return floor(negative(t_lo, r_hi)), floor(negative(t_hi, r_lo))
    return positive(t_hi, r_lo), positive(t_lo, r_hi)


def compute(
    target: float | None, realisasi: float | None, polarity: str = "positive"
) -> float | None:
    """Capaian in percent, or None when undefined (no target, zero target)."""
    if target is None or realisasi is None or target == 0:
        return None
    if polarity == "negative":
        return max(0.0, negative(target, realisasi))
    return positive(target, realisasi)


def _bounds(cell: Cell) -> tuple[float, float]:
    """Target and realisasi written without decimals are counts, taken as exact; a value written
    with decimals stands for its rounding interval."""
    v = cell.number.value
    h = cell.number.half_step if cell.number.decimals else 0.0
    return v - h, v + h


def reachable(target: Cell, realisasi: Cell, polarity: str) -> tuple[float, float] | None:
    """[min, max] capaian over the rounding intervals of target and realisasi."""
    t_lo, t_hi = _bounds(target)
    r_lo, r_hi = _bounds(realisasi)
    if t_lo <= 0 <= t_hi and target.number.value == 0:
        return None
    values = [compute(t, r, polarity) for t in (t_lo, t_hi) for r in (r_lo, r_hi) if t != 0]
    values = [v for v in values if v is not None]
    if not values:
        return None
    return min(values), max(values)


def consistent(printed: Cell, target: Cell, realisasi: Cell, polarity: str, tolerance: float,
               caps: tuple[float, ...] | list[float] = ()) -> bool | None:
    """True/False, or None when it cannot be decided (missing numbers, zero target).

    A printed value stands for what rounds *or truncates* to it (116 for 116,67: [p − h, p + 2h)),
    give or take ``tolerance``; a printed value equal to one of ``caps`` (an agency's maximum, e.g.
    120) is consistent when the figures reach that cap or more."""
    if printed.number is None or target.number is None or realisasi.number is None:
        return None
    span = reachable(target, realisasi, polarity)
    if span is None:
        return None
    p, h = printed.number.value, printed.number.half_step
    if any(abs(p - cap) <= h + 1e-9 and span[1] >= cap - tolerance for cap in caps):
        return True
    return p + 2 * h + tolerance >= span[0] and p - h - tolerance <= span[1]


def decimals_for(printed: Cell | None) -> int:
    return max(printed.number.decimals, 0) if printed and printed.number else 2
