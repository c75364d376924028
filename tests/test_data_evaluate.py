"""The numpy evaluator of the default engine against a plain Python reading of the same checks.

Every check of every rule is evaluated on random frames of the normalised shape (the column
types ``shape.normalise`` writes, missing values everywhere, values chosen so that equalities,
zeros and boundaries occur) by :func:`evaluate.violations` (with the memo shared across checks,
as the pandera schema runs them) and, row by row, by a small interpreter of the expression in
three-valued logic written here from the definitions (None is a missing value).  Both must
select the same rows.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kinerja_audit.data import checks as checks_mod
from kinerja_audit.data.evaluate import violations
from kinerja_audit.data.expr import columns
from kinerja_audit.rules.registry import Context

NUMBERS = [
    None,
    0.0,
    0.05,
    0.5,
    1.0,
    2.5,
    3.0,
    4.0,
    10.0,
    12.5,
    25.0,
    50.0,
    80.0,
    99.99,
    100.0,
    100.5,
    120.0,
    150.0,
    400.0,
    1600.0,
]
HALVES = [None, 0.0, 0.005, 0.05, 0.5]
TEXTS = {
    "_pol": ["positive", "negative"],
    "_basis": ["per-quarter", "cumulative"],
    "aggregation": ["sum", "average", "last", None],
    "_kind": ["score", "percent", None],
    "polarity": ["positive", "negative", None],
    "target_basis": ["per-quarter", "cumulative", None],
    "unit": ["Dinas A", None],
    "code": ["IK.1", None],
    "name": ["Jumlah", None],
    "satuan": ["%", None],
}


def _frame(rng, n: int, names: set[str]) -> pd.DataFrame:
    data = {}
    for c in sorted(names):
        if c in TEXTS:
            values = [TEXTS[c][i] for i in rng.integers(0, len(TEXTS[c]), n)]
            data[c] = pd.array(values, dtype=pd.StringDtype("pyarrow"))
        elif c.endswith("__bad"):
            data[c] = pd.array(rng.integers(0, 3, n), dtype="Int8")
        elif c.endswith("__d"):
            data[c] = pd.array(rng.integers(-1, 3, n), dtype="Int8")
        elif c.startswith("_") and c not in ("_row", "_first_row"):          # 0/1 flags
            data[c] = pd.array(rng.integers(0, 2, n), dtype="Int8")
        else:
            pool = HALVES if c.endswith("__h") else NUMBERS
            data[c] = pd.array([pool[i] for i in rng.integers(0, len(pool), n)], dtype="Float64")
    return pd.DataFrame(data)


def _and(p, q):
    if p is False or q is False:
        return False
    return None if p is None or q is None else True


def _or(p, q):
    if p is True or q is True:
        return True
    return None if p is None or q is None else False


COMPARE = {"<": lambda p, q: p < q, "<=": lambda p, q: p <= q, ">": lambda p, q: p > q,
           ">=": lambda p, q: p >= q, "==": lambda p, q: p == q, "!=": lambda p, q: p != q}
ARITH = {"+": lambda p, q: p + q, "-": lambda p, q: p - q, "*": lambda p, q: p * q,
         "/": lambda p, q: None if q == 0 else p / q}


def _row_value(e, row: dict):
    op, a = e.op, e.args
    if op == "col":
        return row[a[0]]
    if op == "lit":
        return a[0]
    if op in ARITH or op in COMPARE:
        p, q = _row_value(a[0], row), _row_value(a[1], row)
        if p is None or q is None:
            return None
        return (ARITH | COMPARE)[op](p, q)
    if op in ("neg", "abs"):
        v = _row_value(a[0], row)
        return None if v is None else (-v if op == "neg" else abs(v))
    if op == "and":
        return _and(_row_value(a[0], row), _row_value(a[1], row))
    if op == "or":
        return _or(_row_value(a[0], row), _row_value(a[1], row))
    if op == "not":
        v = _row_value(a[0], row)
        return None if v is None else not v
    if op in ("isnull", "notnull"):
        return (_row_value(a[0], row) is None) == (op == "isnull")
    if op == "isin":
        v = _row_value(a[0], row)
        return None if v is None else v in a[1]
    if op == "when":
        return _row_value(a[1] if _row_value(a[0], row) is True else a[2], row)
    if op in ("greatest", "least"):
        known = [v for v in (_row_value(i, row) for i in a) if v is not None]
        return (max if op == "greatest" else min)(known) if known else None
    if op == "fillfalse":
        return _row_value(a[0], row) is True
    raise AssertionError(f"no reading of {op} here")


def _rows(df: pd.DataFrame) -> list[dict]:
    out = []
    for row in df.to_dict("records"):
        out.append({k: None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else
                    (float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v)
                    for k, v in row.items()})
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_check_selects_the_rows_its_definition_selects(seed):
    checks = checks_mod.all_checks(Context().rule_option)
    names = {c for check in checks for c in columns(check.expr)}
    df = _frame(np.random.default_rng(seed), 3000, names)
    rows = _rows(df)
    memo: dict = {}
    fired = 0
    for check in checks:
        got = violations(check.expr, df, memo)
        want = np.array([_row_value(check.expr, r) is True for r in rows])
        assert np.array_equal(got, want), (check.name, np.flatnonzero(got != want)[:5])
        fired += bool(want.any())
    assert fired > len(checks) // 2           # the frames make most checks fire somewhere


def _exprs():
    from kinerja_audit.data.expr import col, greatest, least, lit, when

    t, r, p = col("target_tw1"), col("realisasi_tw1"), col("capaian_tw1")
    pol, agg = col("_pol"), col("aggregation")
    return [
        ~t.eq(r),
        ~t.ne(r),
        ~(t > r),
        ~(t <= r),
        ~((t > 10) | (r > 10)),
        ~((t > 10) & (r > 10)),
        greatest(t, r) > 50,
        least(t, r, 1) < 1,
        ~(greatest(t - r, 0) > 1),
        greatest(t / r, 1) > 2,
        ~agg.isin(["sum", "last"]),
        ~pol.eq("negative"),
        agg.ne("sum"),
        ~agg.isnull(),
        ~(t / r).notnull(),
        when(t > r, p, lit(0)) > 99,
        when(pol.eq("negative"), t, r).isnull(),
        ~(abs(-t + r) > 2),
        ~(t * 2 - r >= p).fillfalse(),
        (lit(True) & (t > 1)) | lit(False),
        ~lit(False) & (r > 3),
    ]


def test_each_operator_keeps_three_valued_logic_under_negation():
    from kinerja_audit.data.evaluate import evaluate

    exprs = _exprs()
    names = {c for e in exprs for c in columns(e)}
    df = _frame(np.random.default_rng(7), 2000, names)
    rows = _rows(df)
    for e in exprs:
        got = violations(e, df)
        want = np.array([_row_value(e, row) is True for row in rows])
        assert np.array_equal(got, want), e
        assert 0 < want.sum() < len(rows), e           # each expression splits the rows
    from kinerja_audit.data.expr import col, greatest

    value = evaluate(greatest(col("target_tw1"), col("realisasi_tw1")), df)   # null only if all are
    both_null = [row["target_tw1"] is None and row["realisasi_tw1"] is None for row in rows]
    assert np.array_equal(np.isnan(value), np.array(both_null))
