"""Column expressions (:mod:`.expr`) evaluated on a pandas DataFrame with numpy.

The default engine's checks (the pandera schema) call :func:`violations`.  Values are held the
cheap way, with the nullable-pandas meaning (SQL's three-valued logic) kept exactly:

* a number is a float64 array, NaN where the value is missing (pandas' nullable arrays turn a NaN
  from arithmetic into a missing value too, so the two agree);
* a boolean is a :class:`Kleene` pair of arrays: where it is surely true, where surely false
  (neither: unknown, a missing value took part);
* a text is a :class:`Text`: codes into its distinct values (a small pandas Series of the
  column's own string type), so a text operation runs once per distinct value, by pandas' own
  string methods.

``memo`` (a dict kept across calls on the same frame) shares the sub-expressions that several
checks have in common (a polarity test, a capaian interval), each computed once.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .expr import E, key


class Kleene:
    """A boolean column: ``t`` where surely true, ``f`` where surely false (arrays or scalars)."""

    __slots__ = ("f", "t")

    def __init__(self, t, f):
        self.t, self.f = t, f

    def __and__(self, o: Kleene) -> Kleene:
        return Kleene(self.t & o.t, self.f | o.f)

    def __or__(self, o: Kleene) -> Kleene:
        return Kleene(self.t | o.t, self.f & o.f)

    def __invert__(self) -> Kleene:
        return Kleene(self.f, self.t)


class Text:
    """Row ``i`` holds ``values.iloc[codes[i]]``; a null where ``codes[i] < 0``."""

    __slots__ = ("codes", "values")

    def __init__(self, codes, values):
        self.codes, self.values = codes, values

    def map(self, fn) -> Text:
        """The same rows through ``fn`` (a pandas string operation on the distinct values)."""
        return Text(self.codes, fn(self.values))

    def spread(self, per_value, fill):
        """One array entry per row from one per distinct value (``fill`` on nulls)."""
        per_value = np.asarray(per_value)
        table = np.append(per_value, np.asarray(fill, dtype=per_value.dtype))
        return table[self.codes]                  # code -1 picks the appended ``fill``

    def test(self, hit) -> Kleene:
        """A per-value test (nullable booleans: a null value gives an unknown row)."""
        import pandas as pd

        hit = pd.array(hit, dtype="boolean")
        t = hit.fillna(False).to_numpy(dtype=bool)
        f = (~hit).fillna(False).to_numpy(dtype=bool)
        return Kleene(self.spread(t, False), self.spread(f, False))

    def isnull(self):
        return self.codes < 0


def column(series):
    """A frame column as held here: float64 numbers (NaN for null), :class:`Kleene`,
    :class:`Text`."""
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        known = series.notna().to_numpy(dtype=bool)
        v = series.fillna(False).to_numpy(dtype=bool)
        return Kleene(v & known, ~v & known)
    if pd.api.types.is_numeric_dtype(dtype):
        return _floats(series)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    values = pd.Series(uniques, dtype=dtype if isinstance(dtype, pd.StringDtype) else "string")
    return Text(codes, values)


def _floats(series):
    """float64, NaN for a missing value: a read-only view of a nullable float column whose missing
    cells already hold NaN (as ``shape.normalise`` writes them: no copy kept per column), else a
    copy."""
    data, mask = getattr(series.array, "_data", None), getattr(series.array, "_mask", None)
    if (
        isinstance(data, np.ndarray)
        and data.dtype == np.float64
        and np.array_equal(np.isnan(data), mask)
    ):
        view = data.view()
        view.flags.writeable = False
        return view
    return series.to_numpy(dtype="float64", na_value=np.nan)


def known(v):
    if isinstance(v, np.ndarray):
        return ~np.isnan(v)
    return np.bool_(not np.isnan(v))


def num(v):
    if v is None:
        return np.nan
    if isinstance(v, Text | Kleene):
        raise TypeError("a number was expected")
    return v


def kleene(v) -> Kleene:
    if isinstance(v, Kleene):
        return v
    if isinstance(v, bool | np.bool_):
        return Kleene(np.bool_(v), np.bool_(not v))
    raise TypeError("a boolean was expected")


_TRUE = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
_FALSE = {"<": np.greater_equal, "<=": np.greater, ">": np.less_equal, ">=": np.less}


def compare(op: str, p, q) -> Kleene:
    if isinstance(p, Text):
        if op not in ("==", "!=") or not isinstance(q, str):
            raise TypeError("text is compared for equality with a literal only")
        out = p.test(p.values == q)
        return out if op == "==" else ~out
    p, q = num(p), num(q)
    with np.errstate(invalid="ignore"):
        if op in ("==", "!="):
            both = known(p) & known(q)
            equal = np.equal(p, q)
            unequal = ~equal & both
            return Kleene(equal, unequal) if op == "==" else Kleene(unequal, equal)
        return Kleene(_TRUE[op](p, q), _FALSE[op](p, q))


def choose(cond: Kleene, then, other, n: int):
    """``then`` where ``cond`` is surely true, else ``other`` (numbers, texts or booleans)."""
    import pandas as pd

    c = np.broadcast_to(cond.t, (n,))
    if isinstance(then, Text) or isinstance(other, Text):
        a, b = (
            p
            if isinstance(p, Text)
            else Text(
                np.full(n, -1 if p is None else 0, dtype=np.intp), pd.Series([p], dtype="string")
            )
            for p in (then, other)
        )
        shifted = np.where(b.codes < 0, -1, b.codes + len(a.values))
        return Text(
            np.where(c, a.codes, shifted), pd.concat([a.values, b.values], ignore_index=True)
        )
    if isinstance(then, Kleene) or isinstance(other, Kleene):
        a, b = kleene(then), kleene(other)
        return Kleene(np.where(c, a.t, b.t), np.where(c, a.f, b.f))
    return np.where(
        c, np.asarray(num(then), dtype="float64"), np.asarray(num(other), dtype="float64")
    )


def _arith(op, p, q):
    p, q = num(p), num(q)
    if op == "+":
        return p + q
    if op == "-":
        return p - q
    if op == "*":
        return p * q
    with np.errstate(divide="ignore", invalid="ignore"):       # a / 0 is null
        return np.where(np.equal(q, 0), np.nan, np.true_divide(p, q))


def _null(v, op: str) -> Kleene:
    if isinstance(v, Text):
        null = v.isnull()
    elif isinstance(v, Kleene):
        null = ~(v.t | v.f)
    else:
        null = ~known(num(v))
    return Kleene(null, ~null) if op == "isnull" else Kleene(~null, null)


def _isin(v, values) -> Kleene:
    if isinstance(v, Text):
        return v.test(v.values.isin(list(values)))
    t = np.isin(v, np.asarray(values, dtype="float64"))
    return Kleene(t, ~t & known(v))


def _text_op(op: str, v: Text, a: tuple):
    if op == "lower":
        return v.map(lambda s: s.str.lower())
    if op == "strip":
        return v.map(lambda s: s.str.strip())
    if op == "replace":
        return v.map(lambda s: s.str.replace(a[1], a[2], regex=False))
    if op == "sub":
        return v.map(lambda s: s.str.replace(a[1], a[2], regex=True))
    if op == "fullmatch":
        return v.test(v.values.str.fullmatch(a[1]))
    if op == "length":
        return v.spread(v.values.str.len().to_numpy(dtype="float64", na_value=np.nan), np.nan)
    import pandas as pd  # to_float

    parsed = pd.to_numeric(v.values, errors="coerce")
    return v.spread(pd.Series(parsed).to_numpy(dtype="float64", na_value=np.nan), np.nan)


TEXT_OPS = ("lower", "strip", "replace", "sub", "fullmatch", "length", "to_float")
BINARY = ("+", "-", "*", "/")
COMPARE = ("<", "<=", ">", ">=", "==", "!=")


def evaluate(e: E, frame, memo: dict | None = None) -> Any:
    """The value of ``e`` on ``frame``: a float64 array, :class:`Kleene`,
    :class:`Text` or a scalar."""
    memo = {} if memo is None else memo
    n = len(frame)

    def ev(x: E):
        k = key(x)
        if k in memo:
            return memo[k]
        op, a = x.op, x.args
        if op == "col":
            out = column(frame[a[0]])
        elif op == "lit":
            out = a[0]
        elif op in BINARY:
            out = _arith(op, ev(a[0]), ev(a[1]))
        elif op == "neg":
            out = -num(ev(a[0]))
        elif op == "abs":
            out = np.abs(num(ev(a[0])))
        elif op in COMPARE:
            out = compare(op, ev(a[0]), ev(a[1]))
        elif op == "and":
            out = kleene(ev(a[0])) & kleene(ev(a[1]))
        elif op == "or":
            out = kleene(ev(a[0])) | kleene(ev(a[1]))
        elif op == "not":
            out = ~kleene(ev(a[0]))
        elif op in ("isnull", "notnull"):
            out = _null(ev(a[0]), op)
        elif op == "isin":
            out = _isin(ev(a[0]), a[1])
        elif op == "when":
            out = choose(kleene(ev(a[0])), ev(a[1]), ev(a[2]), n)
        elif op in ("greatest", "least"):      # nulls skipped; null when every argument is
            fn = np.fmax if op == "greatest" else np.fmin
            out = num(ev(a[0]))
            for item in a[1:]:
                out = fn(out, num(ev(item)))
        elif op in TEXT_OPS:
            out = _text_op(op, ev(a[0]), a)
        elif op == "round":
            out = np.round(num(ev(a[0])), a[1])
        elif op == "pow10":
            out = np.power(10.0, num(ev(a[0])))
        elif op == "fillfalse":
            t = kleene(ev(a[0])).t
            out = Kleene(t, ~t)
        else:  # pragma: no cover - a new op without a rule here
            raise ValueError(f"unknown op {op}")
        memo[k] = out
        return out

    return ev(e)


def violations(e: E, frame, memo: dict | None = None):
    """Boolean numpy array: the rows where ``e`` is surely true (unknown counts as false)."""
    out = evaluate(e, frame, memo)
    if isinstance(out, Kleene):
        return np.broadcast_to(out.t, (len(frame),))
    if isinstance(out, bool | np.bool_):
        return np.full(len(frame), bool(out))
    raise TypeError("a check must be a boolean expression")


def to_pandas(e: E, frame, memo: dict | None = None):
    """:func:`evaluate` as a pandas Series: Float64, nullable boolean or text."""
    import pandas as pd

    out = evaluate(e, frame, memo)
    n, index = len(frame), frame.index
    if isinstance(out, Kleene):
        t, f = np.broadcast_to(out.t, (n,)), np.broadcast_to(out.f, (n,))
        return pd.Series(pd.arrays.BooleanArray(t.copy(), ~(t | f)), index=index)
    if isinstance(out, Text):
        values = pd.concat(
            [out.values, pd.Series([None], dtype=out.values.dtype)], ignore_index=True
        )
        return pd.Series(values.to_numpy()[out.codes], index=index, dtype=out.values.dtype)
    return pd.Series(np.broadcast_to(num(out), (n,)), index=index, dtype="Float64")
