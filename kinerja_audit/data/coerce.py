"""Numbers written as text, read by the report parser's rules (``kinerja_audit.parse.numbers``).

Two forms of one rule set:

* :func:`numbers` (pandas): every distinct text is read once by
  :func:`~kinerja_audit.parse.numbers.parse_number` itself, then mapped back to the rows; a
  loop over distinct values, never over rows;
* :func:`number_expr` (Spark, SQL): the same rules as a column expression, for engines that read
  the data themselves.  A property test keeps it equal to ``parse_number`` on any ASCII text.

A cell is a value, empty (``""``, ``-``, ``n/a`` … : no value, no finding), or unreadable
(reported by DAT007).  A trailing ``%`` or ``persen`` is dropped; a negative value is kept apart
(reported by PRS004).  ``decimals`` is the number of digits after the decimal separator as
written; ``half`` the half step of the last digit (0 for whole numbers unless ``always_half``).
"""
from __future__ import annotations

import functools
import math

from ..parse.numbers import parse_number
from .expr import E, any_of, col, lit, when

NULL_TOKENS = ("", "-", "–", "—", "null", "none", "n/a", "na", "nan", "#n/a")
OK, UNREADABLE, NEGATIVE = 0, 1, 2
_PERCENT = r"\s*(%|persen)$"


def _clean(text: str) -> str:
    import re

    return re.sub(_PERCENT, "", text.strip(), flags=re.IGNORECASE).strip()


@functools.lru_cache(maxsize=1 << 17)
def read_text(text: str) -> tuple[float | None, int, int]:
    """(value, decimals, status) of one cell written as text (remembered: the number columns of a
    dataset share most of their values)."""
    s = _clean(text)
    if s.lower() in NULL_TOKENS:
        return None, -1, OK
    number = parse_number(s)
    if number is None:
        return None, -1, UNREADABLE
    if number.value < 0:
        return None, -1, NEGATIVE
    return number.value, number.decimals, OK


def decimals_of(value: float) -> int:
    """Digits after the point of a number stored as a number: the fewest that reproduce it."""
    for d in range(7):
        if round(value, d) == value:
            return d
    return 6


def read_value(value) -> tuple[float | None, int, int]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, -1, OK
    if isinstance(value, bool):
        return None, -1, UNREADABLE
    if isinstance(value, int | float):
        v = float(value)
        if math.isinf(v):
            return None, -1, UNREADABLE
        return (None, -1, NEGATIVE) if v < 0 else (v, decimals_of(v), OK)
    if hasattr(value, "isoformat"):          # an Excel date in a number column
        return None, -1, UNREADABLE
    return read_text(str(value))


def numbers(series, typed: bool = False):
    """(value Float64, decimals Int8, status Int8) Series for one column of any dtype."""
    import numpy as np
    import pandas as pd

    index = series.index
    if (
        typed
        or pd.api.types.is_numeric_dtype(series.dtype)
        and not pd.api.types.is_bool_dtype(series.dtype)
    ):
        values = pd.to_numeric(series, errors="coerce").astype("float64")
        text_bad = series.notna() & values.isna()
        if typed and not pd.api.types.is_numeric_dtype(series.dtype):    # database text of a number
            text_bad = series.astype("string").str.strip().ne("") & values.isna()
        arr = values.to_numpy()
        finite = np.isfinite(arr)
        dec = np.full(len(arr), -1, dtype=np.int8)
        done = ~finite
        for d in range(7):
            hit = ~done & (np.round(arr, d) == arr)
            dec[hit] = d
            done |= hit
        dec[~done] = 6
        status = np.zeros(len(arr), dtype=np.int8)
        status[text_bad.to_numpy()] = UNREADABLE
        neg = finite & (arr < 0)
        status[neg] = NEGATIVE
        arr = np.where(neg, np.nan, arr)
        dec[neg] = -1
        return (
            pd.Series(arr, index=index, dtype="Float64"),
            pd.Series(dec, index=index, dtype="Int8"),
            pd.Series(status, index=index, dtype="Int8"),
        )
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    distinct = uniques.tolist()
    text = isinstance(series.dtype, pd.StringDtype)      # every distinct value is a str
    parsed = [read_text(u) for u in distinct] if text else [read_value(u) for u in distinct]
    parsed.append((None, -1, OK))                       # code -1 (no value) picks the last entry
    v = np.array([np.nan if p[0] is None else p[0] for p in parsed], dtype="float64")
    d = np.array([min(p[1], 127) for p in parsed], dtype=np.int8)     # int8 holds 127 digits
    s = np.array([p[2] for p in parsed], dtype=np.int8)
    v, d, s = v.take(codes), d.take(codes), s.take(codes)
    none = np.zeros(len(codes), dtype=bool)
    return (pd.Series(pd.arrays.FloatingArray(v, np.isnan(v)), index=index, copy=False),
            pd.Series(pd.arrays.IntegerArray(d, none), index=index, copy=False),
            pd.Series(pd.arrays.IntegerArray(s, none.copy()), index=index, copy=False))


def half_step(decimals, always: bool):
    """Half the last printed digit; whole numbers are exact counts unless ``always``."""
    import numpy as np
    import pandas as pd

    d = decimals.to_numpy(dtype=np.int8, na_value=-1)      # Int8: -128 … 127, never missing
    table = 0.5 * np.power(10.0, -np.arange(-128, 128, dtype="float64").clip(0))
    if not always:
        table[:129] = 0.0                                    # decimals <= 0
    table[:128] = np.nan                                     # decimals < 0: no value
    h = table.take(d.view(np.uint8) ^ 0x80)                  # -128 … 127 -> 0 … 255
    return pd.Series(pd.arrays.FloatingArray(h, d < 0), index=decimals.index, copy=False)


# ---------------------------------------------------------------------- the same rules, as columns

# (pattern, decimal separator or None, thousands separator or None), tried in order; the body is
# the text without spaces, percent sign and leading sign, and must match one pattern entirely.
_SHAPES = (
    (r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]+", ",", "."),       # 1.234,5
    (r"[0-9]{1,3}(,[0-9]{3})+\.[0-9]+", ".", ","),       # 1,234.5
    (r"[0-9]{1,3}(\.[0-9]{3}){2,}", None, "."),          # 1.234.567
    (r"[0-9]{1,3}(,[0-9]{3}){2,}", None, ","),           # 1,234,567
    (r"([1-9][0-9]{0,2}|0[0-9]{1,2})\.[0-9]{3}", None, "."),   # 25.945 (Indonesian thousands)
    (r"[0-9]+\.[0-9]+", ".", None),                      # 87.93
    (r"[0-9]+,[0-9]+", ",", None),                       # 237,93
    (r"[0-9]+", None, None),                             # 12
)


def number_expr(name: str, typed: bool = False) -> dict[str, E]:
    """{"value", "decimals", "status"} expressions reading text column ``name``."""
    raw = col(name)
    if typed:
        value = raw.to_float()
        decimals = when(value.isnull(), -1, _decimals_of_value(value))
        negative = value < 0
        status = when(negative, NEGATIVE, when(raw.notnull() & value.isnull(), UNREADABLE, OK))
        return {"value": when(negative, None, value), "decimals": when(negative, -1, decimals),
                "status": status}
    text = raw.strip().lower().sub(_PERCENT, "").strip()
    empty = raw.isnull() | text.isin(NULL_TOKENS)
    compact = text.replace(" ", "")
    signed = compact.fullmatch(r"[+-].*")
    minus = compact.fullmatch(r"-.*")
    body = when(signed, compact.sub(r"^[+-]", ""), compact)
    value: E = lit(None)
    decimals: E = lit(-1)
    matched = []
    for pattern, dec_sep, thou_sep in reversed(_SHAPES):
        hit = body.fullmatch(pattern)
        matched.append(hit)
        digits = body.replace(thou_sep, "") if thou_sep else body
        if dec_sep == ",":
            digits = digits.replace(",", ".")
        v = digits.to_float()
        d = body.sub(r"^.*[.,]", "").length() if dec_sep else lit(0)
        value = when(hit, v, value)
        decimals = when(hit, d, decimals)
    readable = any_of(*matched)
    value = when(minus, -value, value)
    negative = readable & minus & (value < 0)
    status = when(empty, OK, when(readable, when(negative, NEGATIVE, OK), UNREADABLE))
    keep = (~empty) & readable & ~negative
    return {
        "value": when(keep, value, None),
        "decimals": when(keep, decimals, -1),
        "status": status,
    }


def _decimals_of_value(value: E) -> E:
    out: E = lit(6)
    for d in range(6, -1, -1):
        out = when(value.round(d).eq(value), d, out)
    return out


def half_expr(decimals: E, always: bool) -> E:
    h = 0.5 * (-greatest0(decimals)).pow10()
    if not always:
        h = when(decimals > 0, h, 0.0)
    return when(decimals < 0, None, h)


def greatest0(e: E) -> E:
    from .expr import greatest

    return greatest(e, 0)
