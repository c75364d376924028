"""The two documented dataset shapes, the column mapping, and the normalised frame
every engine checks.

*wide*: one row per unit × year × indicator — ``unit, year, code, name, satuan, polarity,
aggregation, target_annual, target_tw1…tw4, realisasi_tw1…tw4, capaian_tw1…tw4`` (optional:
``target_basis, realisasi_annual, capaian_annual``).
*long*: one row per unit × year × period × indicator — ``unit, year, period, code, name, satuan,
polarity, aggregation, target, realisasi, capaian`` (optional ``target_basis``); period is TW I–IV
(``1``, ``TW2``, ``Triwulan III`` …) or the year (``tahunan``).  Long rows are pivoted to the wide
shape; each value keeps the row it came from (``_row_tw1`` …).

Other column names are mapped in the configuration (``data: columns: {canonical: "Source name"}``).
The normalised frame (:func:`normalise`) holds numbers as Float64 with their decimals and status,
vocabulary columns in canonical form, the kind of each indicator (from its name and satuan, by the
report rules' lexicon) and the flags of the row-level rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import i18n, rulepack
from . import coerce
from .sources import DataError, Raw

QUARTERS = ("tw1", "tw2", "tw3", "tw4")
PERIODS = (*QUARTERS, "annual")
KEYS = ("unit", "year", "code")
TEXT = ("unit", "code", "name", "satuan", "polarity", "aggregation", "target_basis")
WIDE_REQUIRED = (
    "unit",
    "year",
    "code",
    "name",
    "satuan",
    "polarity",
    "aggregation",
    "target_annual",
    *(f"target_{q}" for q in QUARTERS),
)
WIDE_OPTIONAL = (
    "target_basis",
    *(f"realisasi_{q}" for q in QUARTERS),
    *(f"capaian_{q}" for q in QUARTERS),
    "realisasi_annual",
    "capaian_annual",
)
LONG_REQUIRED = (
    "unit",
    "year",
    "period",
    "code",
    "name",
    "satuan",
    "polarity",
    "aggregation",
    "target",
)
LONG_OPTIONAL = ("target_basis", "realisasi", "capaian")
# every number column of the normalised (wide) frame
NUMBERS = (
    "target_annual",
    *(f"target_{q}" for q in QUARTERS),
    *(f"realisasi_{q}" for q in QUARTERS),
    *(f"capaian_{q}" for q in QUARTERS),
    "realisasi_annual",
    "capaian_annual",
)
VOCABULARY = ("polarity", "aggregation", "target_basis")


def header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


@dataclass
class Mapping:
    """How the source names its columns, which shape it has, and the basis when none is stated."""
    columns: dict[str, str] = field(default_factory=dict)     # canonical -> source header
    shape: str | None = None                                   # wide | long | None (detect)
    basis: str = "per-quarter"


@dataclass
class Frame:
    """A normalised dataset: ``df`` in the wide shape, ``raw`` as read (evidence),
    where it came from."""

    source: str
    shape: str
    df: object
    raw: object
    table: str | None = None
    columns: dict[str, str] = field(default_factory=dict)      # canonical -> source column name


def vocabulary() -> dict[str, dict[str, str]]:
    """{column: {written form (lower case): canonical}} from ``checks/data.yaml``."""
    out: dict[str, dict[str, str]] = {}
    for column, canon in rulepack.lexicon()["data_vocabulary"].items():
        out[column] = {str(w).strip().lower(): c for c, words in canon.items() for w in words}
    return out


def canonical_values(column: str) -> list[str]:
    return list(rulepack.lexicon()["data_vocabulary"][column])


def _resolve(raw: Raw, mapping: Mapping, lang: str) -> tuple[str, dict[str, str]]:
    """(shape, canonical -> source column) or DataError for a missing required column."""
    present = {header(c): c for c in raw.frame.columns if c != "_row"}
    wanted = {**{k: header(v) for k, v in mapping.columns.items()}}
    found: dict[str, str] = {}
    for canonical in {*WIDE_REQUIRED, *WIDE_OPTIONAL, *LONG_REQUIRED, *LONG_OPTIONAL}:
        key = wanted.get(canonical, canonical)
        if key in present:
            found[canonical] = present[key]
    shape = mapping.shape
    if shape is None:
        if "period" in found:
            shape = "long"
        elif any(f"target_{q}" in found for q in QUARTERS) or "target_annual" in found:
            shape = "wide"
        else:
            raise DataError(raw.source, i18n.label("data.err.no_shape", lang))
    required = WIDE_REQUIRED if shape == "wide" else LONG_REQUIRED
    missing = [c for c in required if c not in found]
    if missing:
        col_name = mapping.columns.get(missing[0], missing[0])
        raise DataError(
            raw.source,
            i18n.label(
                "data.err.missing_column",
                lang,
                column=col_name,
                shape=shape,
                required=", ".join(required),
            ),
        )
    return shape, found


def _clean_text(value):
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value).strip())
    return text or None


def _text(series):
    """Trimmed text with single spaces; empty -> <NA> (each distinct value cleaned once)."""
    return _map_text(series, _clean_text)


def _distinct(series, fn) -> tuple:
    """(codes, ``fn`` of each distinct value, then of None): codes -1 (null) pick the last."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, [fn(u) for u in uniques] + [fn(None)]


def _map_unique(series, fn, dtype="object"):
    """Apply ``fn`` to each distinct value (loop over distinct values, not rows)."""
    import numpy as np
    import pandas as pd

    codes, mapped = _distinct(series, fn)
    out = np.empty(len(mapped), dtype=object)
    out[:] = mapped
    return pd.Series(out[codes], index=series.index).astype(dtype)


def _map_text(series, fn):
    """:func:`_map_unique` into text (``StringDtype("pyarrow")``), built by arrow's ``take``
    (no Python string per row); the column itself when ``fn`` changes none of its values."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = [fn(u) for u in uniques] + [fn(None)]
    return _same_or_taken(series, uniques, codes, mapped)


def _same_or_taken(series, uniques, codes, mapped: list):
    """``series`` when ``mapped`` (one value per distinct value of it, then None's) is what it
    holds already, else :func:`_take_text`."""
    import pandas as pd

    same = (series.dtype == pd.StringDtype("pyarrow") and mapped[-1] is None
            and all(isinstance(m, str) and m == u for m, u in zip(mapped, uniques, strict=False)))
    return series if same else _take_text(codes, mapped, series.index)


def _take_text(codes, values: list, index):
    """Row ``i``: ``values[codes[i]]`` (code -1: the last value) as ``StringDtype("pyarrow")``."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    table = pa.array([None if v is None else str(v) for v in values], type=pa.large_string())
    taken = table.take(pa.array(np.where(codes < 0, len(values) - 1, codes)))
    return pd.Series(pd.array(taken, dtype=pd.StringDtype("pyarrow")), index=index, copy=False)


def _code(value):
    from ..parse.codes import exact_code

    if value is None:
        return None
    return exact_code(value) or value


def _year(series, typed: bool):
    """(year Float64, bad bool): a four-digit whole number."""
    value, dec, _status = coerce.numbers(series, typed)
    ok = value.notna() & (dec == 0) & (value >= 1900) & (value <= 2200)
    present = series.notna() & series.astype("string").str.strip().ne("")
    return value.where(ok), (present.fillna(False) & ~ok.fillna(False)).astype("Int8")


def _kinds(names, units):
    """Per distinct (name, satuan): range kind, score-in-count and percent-in-count flags, and
    whether the name reads as lower-is-better (the report rules' lexicon, by the same functions)."""
    import numpy as np
    import pandas as pd

    from ..parse.cells import unit_family
    from ..parse.text import any_match

    name_codes, name_values = pd.factorize(names, use_na_sentinel=True)
    unit_codes, unit_values = pd.factorize(units, use_na_sentinel=True)
    name_values, unit_values = [*name_values, ""], [*unit_values, None]    # the last: no value
    name_codes = np.where(name_codes < 0, len(name_values) - 1, name_codes).astype(np.int64)
    unit_codes = np.where(unit_codes < 0, len(unit_values) - 1, unit_codes)
    width = len(unit_values)
    codes, pairs = pd.factorize(name_codes * width + unit_codes)
    rows = []
    for pair in pairs:
        name, unit = name_values[pair // width], unit_values[pair % width]
        family = unit_family(unit)
        score = any_match("score_name_patterns", name)
        percent = any_match("percent_name_patterns", name)
        kind = "score" if score and family in (None, "score") else \
            "percent" if percent and family in (None, "percent") else None
        rows.append((kind, int(bool(unit) and family == "count" and score),
                     int(bool(unit) and family in ("count", "score") and percent),
                     int(any_match("negative_name_patterns", name))))
    kinds, *flags = zip(*rows, strict=True) if rows else ((), (), (), ())
    out = pd.DataFrame({"_kind": _take_text(codes, list(kinds), names.index)}, index=names.index)
    none = np.zeros(len(codes), dtype=bool)
    for c, values in zip(("_score_in_count", "_percent_in_count", "_neg_name"), flags, strict=True):
        out[c] = pd.arrays.IntegerArray(np.array(values, dtype=np.int8)[codes], none.copy())
    return out


def _canonical(series, words: dict[str, str], empty_is_bad: bool):
    """(canonical text, bad Int8) of a vocabulary column: written forms looked up lower-cased
    (by pandas' own ``str.lower``, once per distinct value); unknown, or empty where
    ``empty_is_bad``, is bad."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    lowered = pd.Series(uniques, dtype=series.dtype).str.lower()
    canon = [words.get(w) if w is not pd.NA else None for w in lowered]
    bad = np.array([c is None for c in canon] + [empty_is_bad], dtype=np.int8)
    bad = pd.Series(bad[codes], index=series.index, dtype="Int8")
    return _same_or_taken(series, uniques, codes, [*canon, None]), bad


def _period(series):
    vocab = vocabulary()["period"]

    def canon(value):
        if value is None:
            return "?"
        text = re.sub(r"\s+", " ", str(value).strip().lower())
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        return vocab.get(text, "?")
    return _map_unique(series, canon)


def normalise(raw: Raw, mapping: Mapping | None = None, lang: str = "id") -> Frame:
    """The wide, typed frame of ``raw`` (see the module docstring)."""
    import numpy as np
    import pandas as pd

    mapping = mapping or Mapping()
    shape, found = _resolve(raw, mapping, lang)
    src = raw.frame
    df = pd.DataFrame(index=src.index)
    df["_row"] = src["_row"].astype("int64")
    for c in TEXT:
        df[c] = _text(src[found[c]]) if c in found else pd.Series(pd.NA, index=src.index,
                                                                  dtype=pd.StringDtype("pyarrow"))
    df["code"] = _map_text(df["code"], _code)
    df["year"], df["_year_bad"] = _year(src[found["year"]], found["year"] in raw.typed)
    vocab = vocabulary()
    for c in VOCABULARY:
        df[c], df[f"_{c}_bad"] = _canonical(df[c], vocab[c], empty_is_bad=c != "target_basis")
    names = ["target", "realisasi", "capaian"] if shape == "long" else list(NUMBERS)
    for c in names:
        if c in found:
            value, dec, status = coerce.numbers(src[found[c]], found[c] in raw.typed)
        else:
            value = pd.Series(pd.NA, index=src.index, dtype="Float64")
            dec = pd.Series(-1, index=src.index, dtype="Int8")
            status = pd.Series(0, index=src.index, dtype="Int8")
        df[c], df[f"{c}__d"], df[f"{c}__bad"] = value, dec, status
    if shape == "long":
        df["_period"] = _period(src[found["period"]])
        df = _pivot(df)
    else:
        df["_period_bad"] = pd.Series(0, index=df.index, dtype="Int8")
        df["_period"] = pd.Series(pd.NA, index=df.index, dtype=pd.StringDtype("pyarrow"))
        df["_dup"], df["_first_row"] = _duplicates(df)
    for c in NUMBERS:
        df[f"{c}__h"] = coerce.half_step(df[f"{c}__d"], always=c.startswith("capaian"))
    for c, values in _kinds(df["name"], df["satuan"]).items():
        df[c] = values
    df["_basis"] = df["target_basis"].fillna(mapping.basis).astype(pd.StringDtype("pyarrow"))
    negative = df["polarity"].eq("negative").fillna(False) | \
        (df["polarity"].isna() & df["_neg_name"].astype(bool))
    df["_pol"] = _take_text(negative.to_numpy(dtype=np.int8), ["positive", "negative"], df.index)
    df = df.reset_index(drop=True)
    return Frame(source=raw.source, shape=shape, df=df, raw=src, table=raw.table, columns=found)


def _duplicates(df):
    """(dup Int8, first_row Int64) of the wide shape: a row whose key (unit, year, code, none
    missing) an earlier row has, and the first source row of that key.

    Each key is one integer (the codes of its columns, mixed radix; renumbered when the range
    outgrows the rows), and the first position and first row of every key are its minima."""
    import numpy as np
    import pandas as pd

    n = len(df)
    keyed = np.ones(n, dtype=bool)
    key, size = np.zeros(n, dtype=np.int64), 1
    cap = max(4 * n, 1 << 16)
    for k in KEYS:
        codes, uniques = pd.factorize(df[k], use_na_sentinel=True)
        keyed &= codes >= 0
        width = len(uniques) + 1
        key, size = key * width + (codes + 1), size * width
        if size > cap:
            key, distinct = pd.factorize(key)
            size = len(distinct)
    positions = np.arange(n, dtype=np.int64)
    first_at = np.full(size, n, dtype=np.int64)
    np.minimum.at(first_at, key, positions)
    dup = (first_at.take(key) != positions) & keyed
    first_row = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_row, key, df["_row"].to_numpy(dtype=np.int64))
    flags = pd.arrays.IntegerArray(dup.astype(np.int8), np.zeros(n, dtype=bool))
    first = pd.arrays.IntegerArray(first_row.take(key), ~dup)
    return (pd.Series(flags, index=df.index, copy=False),
            pd.Series(first, index=df.index, copy=False))


def _pivot(df):
    """Long rows -> one wide row per unit × year × code; duplicate and unknown-period rows stay as
    rows of their own (flagged), so that none is dropped."""
    import pandas as pd

    keyed = df[list(KEYS)].notna().all(axis=1)
    df["_period_bad"] = df["_period"].eq("?").astype("Int8") & keyed.astype("Int8")
    dup = df[[*KEYS, "_period"]].duplicated(keep="first") & keyed & df["_period"].ne("?")
    first = df.groupby([*KEYS, "_period"], dropna=False, sort=False)["_row"].transform("min")
    df["_dup"] = dup.astype("Int8")
    df["_first_row"] = first.where(dup).astype("Int64")
    pivotable = keyed & ~dup & df["_period"].ne("?") & df["_period"].notna()
    body, rest = df[pivotable], df[~pivotable]
    attrs = [c for c in df.columns if c not in ("target", "realisasi", "capaian", "_row", "_period")
             and not c.startswith(("target__", "realisasi__", "capaian__"))]
    ordered = body.sort_values("_row", kind="stable")
    group = ordered.groupby(list(KEYS), sort=False, dropna=False)
    wide = group[[a for a in attrs if a not in KEYS]].first()
    wide["_row"] = group["_row"].min()
    for p in PERIODS:
        part = ordered[ordered["_period"].eq(p)].set_index(list(KEYS))
        wide[f"_row_{p}"] = part["_row"].reindex(wide.index).astype("Int64")
        for role in ("target", "realisasi", "capaian"):
            name = "target_annual" if (role, p) == ("target", "annual") else f"{role}_{p}"
            wide[name] = part[role].reindex(wide.index)
            wide[f"{name}__d"] = part[f"{role}__d"].reindex(wide.index).fillna(-1).astype("Int8")
            wide[f"{name}__bad"] = part[f"{role}__bad"].reindex(wide.index).fillna(0).astype("Int8")
    wide = wide.reset_index()
    # the rows that did not pivot: their own flags, no values (their values have no period)
    extra = rest[[*attrs, "_row", "_period"]].copy()
    for p in PERIODS:
        extra[f"_row_{p}"] = pd.array([pd.NA] * len(extra), dtype="Int64")
    for c in NUMBERS:
        extra[c] = pd.array([pd.NA] * len(extra), dtype="Float64")
        extra[f"{c}__d"] = pd.array([-1] * len(extra), dtype="Int8")
        extra[f"{c}__bad"] = pd.array([0] * len(extra), dtype="Int8")
    wide["_period"] = pd.array([pd.NA] * len(wide), dtype=pd.StringDtype("pyarrow"))
    extra["_period"] = extra["_period"].astype(pd.StringDtype("pyarrow"))
    wide["_dup"] = wide["_dup"].astype("Int8") * 0
    wide["_first_row"] = pd.array([pd.NA] * len(wide), dtype="Int64")
    wide["_period_bad"] = wide["_period_bad"].astype("Int8") * 0
    out = pd.concat([wide, extra[wide.columns]], ignore_index=True)
    # the text key columns of rows with a bad key must not form a group with others: kept as is
    return out.sort_values("_row", kind="stable").reset_index(drop=True)
