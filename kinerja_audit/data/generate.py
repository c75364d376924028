"""Synthetic indicator datasets of any size: consistent first, defects planted after,
recorded beside.

``generate(units, indicators, years, seed)`` returns a wide frame whose numbers are written the
Indonesian way (``1.600``, ``81,25``) and the list of planted defects (rule, key, column), like the
report corpus.  Everything is drawn with numpy in whole arrays (a million rows in seconds); the
defects are planted on a few rows chosen at random, each on an indicator where it cannot set off
another rule.  ``write(frame, path)`` writes CSV (``;``), XLSX or Parquet; ``to_long`` melts a
wide frame into the long shape.

    python -m kinerja_audit.data.generate --units 50 --indicators 8 --years 2 --out data.csv
"""
from __future__ import annotations

import argparse
import math
from dataclasses import dataclass

QUARTERS = ("tw1", "tw2", "tw3", "tw4")

# kind, name, satuan, polarity, aggregation
CATALOG = (
    ("count", "Jumlah dokumen perencanaan yang disusun", "dokumen", "positive", "sum"),
    ("percent", "Persentase layanan yang diselesaikan tepat waktu", "%", "positive", "last"),
    ("score", "Nilai Indeks Kepuasan Masyarakat", "nilai", "positive", "last"),
    ("time", "Rata-rata waktu penyelesaian layanan perizinan", "hari", "negative", "average"),
    ("count", "Jumlah laporan pengawasan yang diterbitkan", "laporan", "positive", "sum"),
    ("count", "Jumlah rekomendasi hasil pemeriksaan yang ditindaklanjuti", "rekomendasi",
     "positive", "sum"),
    ("percent", "Persentase penyerapan anggaran", "%", "positive", "last"),
    ("score", "Nilai Kinerja Anggaran", "nilai", "positive", "last"),
)
DEFECTS = ("ARI001", "POL001", "ZER001", "TGT001", "TGT002", "TGT003", "UNT002", "RNG001", "ANO001",
           "DAT001", "DAT002", "DAT003", "DAT004", "DAT005", "DAT006", "DAT007", "PRS004")


@dataclass(frozen=True)
class Defect:
    rule: str
    unit: str
    year: int
    code: str
    column: str | None         # the wide column it is about (its period in the long shape)
    note: str = ""


def _pct(x):
    """Indonesian text of a percentage with two decimals ("81,25"); vectorised."""
    import numpy as np
    import pandas as pd

    cents = np.round(np.asarray(x, dtype="float64") * 100).astype("int64")
    whole = pd.Series(cents // 100).astype(str)
    frac = pd.Series(cents % 100).astype(str).str.zfill(2)
    return (whole + "," + frac).to_numpy(dtype=object)


def _int(x):
    """Indonesian text of whole numbers ("1.600"); vectorised."""
    import numpy as np
    import pandas as pd

    v = np.asarray(x, dtype="int64")
    s = pd.Series(np.abs(v)).astype(str)
    long = s.str.len() > 3
    s = s.where(~long, s.str[:-3] + "." + s.str[-3:])
    s = s.where(v >= 0, "-" + s)
    return s.to_numpy(dtype=object)


def _capaian(t, r, negative):
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        pos = r / t * 100
        neg = np.maximum((2 * t - r) / t * 100, 0)
    return np.where(negative, neg, pos)


def generate(units: int = 20, indicators: int = 8, years: int = 2,
             seed: int = 2025, defects: int | None = None, first_year: int = 2021):
    """(wide text frame, [Defect]).

    ``defects``: how many of each kind (default: scale with size).
    """
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n = units * indicators * years
    u = np.repeat(np.arange(units), indicators * years)
    y = np.tile(np.repeat(np.arange(years), indicators), units)
    k = np.tile(np.arange(indicators), units * years)
    cat = [CATALOG[i % len(CATALOG)] for i in range(indicators)]
    kind = np.array([c[0] for c in cat])[k]
    negative, score = kind == "time", kind == "score"
    cumulative = rng.random(units)[u] < 0.4
    t, annual, r = _figures(rng, n, kind, cumulative)
    cap = _capaian(t, r, negative[:, None])
    measured = t > 0

    unit_names = np.array([f"Satker {i + 1:04d}" for i in range(units)])
    frame = pd.DataFrame({
        "unit": unit_names[u], "year": (first_year + y).astype(str),
        "code": np.array([f"IK.{i + 1}" for i in range(indicators)])[k],
        "name": np.array([c[1] for c in cat])[k], "satuan": np.array([c[2] for c in cat])[k],
        "polarity": np.array([c[3] for c in cat])[k],
        "aggregation": np.array([c[4] for c in cat])[k],
        "target_basis": np.where(cumulative, "cumulative", "per-quarter"),
        "target_annual": _int(annual),
    })
    for q in range(4):
        frame[f"target_{QUARTERS[q]}"] = _int(t[:, q])
    for q in range(4):
        whole = np.all(np.equal(np.mod(r[:, q], 1), 0))
        text = _int(r[:, q]) if whole else np.where(np.mod(r[:, q], 1) == 0, _int(r[:, q]),
                                                    _pct(r[:, q]))
        frame[f"realisasi_{QUARTERS[q]}"] = np.where(~measured[:, q] & (r[:, q] == 0) & score,
                                                     "", text)
    for q in range(4):
        frame[f"capaian_{QUARTERS[q]}"] = np.where(measured[:, q],
                                                   _pct(np.nan_to_num(cap[:, q])), "")
    per_kind = defects if defects is not None else max(1, n // 2000)
    planted = _plant(frame, rng, per_kind, t, r, annual, kind, cumulative)
    return frame, planted


def _figures(rng, n: int, kind, cumulative):
    """(quarter targets, annual targets, quarter realisations) consistent with each row's kind."""
    import numpy as np

    t = np.zeros((n, 4))
    annual = np.zeros(n)
    r = np.zeros((n, 4))
    # counts: per-quarter amounts adding up to the annual
    c = kind == "count"
    base = rng.integers(1, 400, size=n)
    share = rng.integers(1, 5, size=(n, 4))
    t_c = share * base[:, None]
    t[c] = t_c[c]
    annual[c] = t_c[c].sum(axis=1)
    r_c = np.minimum(np.round(t_c * rng.uniform(0.8, 1.15, size=(n, 4))), np.floor(t_c * 1.2))
    r[c] = r_c[c]
    # percentages: rising to the annual (last value)
    p = kind == "percent"
    a_p = rng.integers(80, 96, size=n).astype(float)
    steps = np.array([0.25, 0.5, 0.75, 1.0])
    t_p = np.round(a_p[:, None] * steps)
    t_p[:, 3] = a_p
    t[p] = t_p[p]
    annual[p] = a_p[p]
    r[p] = np.minimum(np.round(t_p * rng.uniform(0.85, 1.05, size=(n, 4)), 2), 100)[p]
    # scores: measured at year end (0 before TW IV)
    s = kind == "score"
    a_s = rng.integers(70, 90, size=n).astype(float)
    t[s] = 0
    t[s, 3] = a_s[s]
    annual[s] = a_s[s]
    r[s] = 0
    r[s, 3] = np.minimum(np.round(a_s * rng.uniform(0.9, 1.12, size=n), 2), 100)[s]
    # times (negative polarity): the same target every quarter, averaging to the annual
    w = kind == "time"
    a_w = rng.integers(3, 15, size=n).astype(float)
    t[w] = a_w[w, None]
    annual[w] = a_w[w]
    r[w] = np.round(a_w[:, None] * rng.uniform(0.9, 1.15, size=(n, 4)))[w]
    # cumulative basis: counts become running totals
    cc = c & cumulative
    t[cc] = np.cumsum(t[cc], axis=1)
    r[cc] = np.cumsum(r[cc], axis=1)
    return t, annual, r


def _set_capaian(frame, i, q, t, r, negative):
    frame.loc[i, f"capaian_{q}"] = _pct([_capaian(t, r, negative)])[0]


def _plant(frame, rng, per_kind: int, t, r, annual, kind, cumulative) -> list:
    """Plant ``per_kind`` defects of every kind on distinct rows; record them."""
    import numpy as np

    n = len(frame)
    used: set[int] = set()
    out: list[Defect] = []

    def pick(mask) -> int | None:
        idx = np.flatnonzero(mask)
        idx = idx[~np.isin(idx, list(used))] if used else idx
        if not len(idx):
            return None
        i = int(rng.choice(idx))
        used.add(i)
        return i

    def record(rule, i, column, note=""):
        row = frame.loc[i]
        out.append(Defect(rule, row["unit"], int(row["year"]), row["code"], column, note))

    count, percent, score, time = (kind == x for x in ("count", "percent", "score", "time"))
    per_q, cum = ~cumulative, cumulative
    for _ in range(per_kind):
        i = pick(count & (t[:, 1] > 0))
        if i is not None:                                   # capaian misprinted
            q = "tw2"
            value = _capaian(t[i, 1], r[i, 1], False) + float(rng.choice([-7, -4, 5, 8]))
            frame.loc[i, f"capaian_{q}"] = _pct([max(value, 1.0)])[0]
            record("ARI001", i, f"capaian_{q}")
        i = pick(time & (r[:, 0] != t[:, 0]))
        if i is not None:                                   # negative polarity computed as r/t
            frame.loc[i, "capaian_tw1"] = _pct([r[i, 0] / t[i, 0] * 100])[0]
            record("POL001", i, "capaian_tw1")
        i = pick(score)
        if i is not None:                                   # 0 of 0 printed as 100 %
            frame.loc[i, "realisasi_tw1"] = "0"
            frame.loc[i, "capaian_tw1"] = "100"
            record("ZER001", i, "capaian_tw1")
        i = pick(count & per_q)
        if i is not None:                                   # quarters no longer add up
            t2 = t[i, 1] + int(rng.integers(1, 4))
            frame.loc[i, "target_tw2"] = _int([t2])[0]
            _set_capaian(frame, i, "tw2", t2, r[i, 1], False)
            record("TGT001", i, "target_annual")
        i = pick(count & cum)
        if i is not None:                                   # cumulative target falls after TW II
            t2 = t[i, 2] + int(rng.integers(1, 4))
            frame.loc[i, "target_tw2"] = _int([t2])[0]
            _set_capaian(frame, i, "tw2", t2, r[i, 1], False)
            record("TGT002", i, "target_tw3")
        i = pick(percent)
        if i is not None:                                   # TW IV differs from the annual (last)
            t4 = annual[i] - int(rng.integers(2, 6))
            frame.loc[i, "target_tw4"] = _int([t4])[0]
            _set_capaian(frame, i, "tw4", t4, r[i, 3], False)
            record("TGT003", i, "target_tw4")
        i = pick(score)
        if i is not None:                                   # a score counted in documents
            frame.loc[i, "satuan"] = "dokumen"
            record("UNT002", i, "satuan")
        i = pick(score)
        if i is not None:                                   # a score of 812 for 81,2
            frame.loc[i, "target_annual"] = _int([annual[i] * 10])[0]
            frame.loc[i, "target_tw4"] = _int([annual[i] * 10])[0]
            _set_capaian(frame, i, "tw4", annual[i] * 10, r[i, 3], False)
            record("RNG001", i, "target_annual")
            record("RNG001", i, "target_tw4")
        i = pick(count & per_q & (t[:, 3] > 0))
        if i is not None:                                   # far above target
            r4 = math.ceil(t[i, 3] * 1.6)
            frame.loc[i, "realisasi_tw4"] = _int([r4])[0]
            _set_capaian(frame, i, "tw4", t[i, 3], r4, False)
            record("ANO001", i, "capaian_tw4")
        i = pick(count)
        if i is not None:                                   # a row repeated (appended at the end)
            dup = frame.loc[[i]].copy()
            dup.index = [n + len([d for d in out if d.rule == "DAT001"])]
            frame.loc[dup.index[0]] = dup.iloc[0]
            used.add(int(dup.index[0]))
            out.append(Defect("DAT001", dup.iloc[0]["unit"], int(dup.iloc[0]["year"]),
                              dup.iloc[0]["code"], None, "duplicate"))
        i = pick(count)
        if i is not None:                                   # the year left empty
            record("DAT002", i, "year")
            frame.loc[i, "year"] = ""
        i = pick(time | count)
        if i is not None:                                   # an unknown polarity word
            frame.loc[i, "polarity"] = "sedang"
            record("DAT003", i, "polarity")
        i = pick(count & per_q)
        if i is not None:                                   # TW III missing
            for role in ("target", "realisasi", "capaian"):
                frame.loc[i, f"{role}_tw3"] = ""
            record("DAT004", i, "target_tw3")
        i = pick(count & per_q)
        if i is not None:                                   # a realisasi without its target
            frame.loc[i, "target_tw2"] = ""
            frame.loc[i, "capaian_tw2"] = ""
            record("DAT005", i, "realisasi_tw2")
        i = pick(count & cum & (r[:, 1] > 1))
        if i is not None:                                   # cumulative realisasi falls
            r3 = r[i, 1] - 1
            frame.loc[i, "realisasi_tw3"] = _int([r3])[0]
            _set_capaian(frame, i, "tw3", t[i, 2], r3, False)
            record("DAT006", i, "realisasi_tw3")
        i = pick(count)
        if i is not None:                                   # a number written in words
            frame.loc[i, "target_annual"] = "dua belas"
            record("DAT007", i, "target_annual")
        i = pick(count & per_q & (r[:, 0] > 0))
        if i is not None:                                   # a negative realisasi
            frame.loc[i, "realisasi_tw1"] = _int([-r[i, 0]])[0]
            frame.loc[i, "capaian_tw1"] = ""
            record("PRS004", i, "realisasi_tw1")
    return out


def to_long(frame):
    """The same rows in the long shape: one row per period (TW I–IV and the annual target)."""
    import pandas as pd

    keys = ["unit", "year", "code", "name", "satuan", "polarity", "aggregation", "target_basis"]
    parts = []
    for order, p in enumerate((*QUARTERS, "annual")):
        part = frame[keys].copy()
        part["period"] = {"annual": "tahunan"}.get(p, f"TW{order + 1}")
        if p == "annual":
            part["target"], part["realisasi"], part["capaian"] = frame["target_annual"], "", ""
        else:
            part["target"] = frame[f"target_{p}"]
            part["realisasi"] = frame[f"realisasi_{p}"]
            part["capaian"] = frame[f"capaian_{p}"]
        part["_order"] = order
        part["_src"] = range(len(frame))
        parts.append(part)
    long = pd.concat(parts).sort_values(["_src", "_order"], kind="stable")
    cols = [
        "unit",
        "year",
        "period",
        "code",
        "name",
        "satuan",
        "polarity",
        "aggregation",
        "target_basis",
        "target",
        "realisasi",
        "capaian",
    ]
    return long[cols].reset_index(drop=True)


def write(frame, path: str) -> None:
    """CSV (";" delimited, UTF-8), XLSX (sheet "Data") or Parquet, by the suffix of ``path``."""
    import pyarrow as pa

    if path.endswith(".parquet"):
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    elif path.endswith(".xlsx"):
        frame.to_excel(path, sheet_name="Data", index=False)
    else:
        from pyarrow import csv as pacsv

        table = pa.Table.from_pandas(frame.astype(str), preserve_index=False)
        pacsv.write_csv(
            table, path, write_options=pacsv.WriteOptions(delimiter=";", quoting_style="needed")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic indicator dataset with planted defects."
    )
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=8)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--defects", type=int, default=None, help="defects of each kind")
    parser.add_argument("--long", action="store_true", help="write the long shape")
    parser.add_argument("--out", required=True, help=".csv, .xlsx or .parquet")
    args = parser.parse_args(argv)
    frame, defects = generate(args.units, args.indicators, args.years, args.seed, args.defects)
    write(to_long(frame) if args.long else frame, args.out)
    import yaml

    with open(args.out + ".defects.yaml", "w", encoding="utf-8") as fh:
        yaml.safe_dump([d.__dict__ for d in defects], fh, allow_unicode=True, sort_keys=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
