"""The Spark engine (extra ``[spark]``): the dataset checks on a Spark DataFrame.

1. *Read* with Spark itself: CSV (delimiter, encoding and header sniffed as for pandas; every
   column as text; quoted newlines allowed) and Parquet, from a local path or any URI Spark reads
   (``hdfs://``, ``s3a://`` …).  XLSX and PostgreSQL sources are read by :mod:`sources` and handed
   to Spark.  ``_row`` is the record number, numbered in file order without a Python loop (per
   partition counts, then ``monotonically_increasing_id`` within each partition).
2. *Normalise* with the very function the pandas engine uses (:func:`shape.normalise`), on the
   executors: rows are partitioned by their key (unit, year, code, trimmed), so every duplicate and
   every period of an indicator is in the same partition, and each partition is normalised whole
   (``mapInPandas``).
3. *Check*: every check's column expression (:func:`expr.to_spark`) in one pass over the cached
   normalised rows.  (pandera's PySpark backend cannot be used: it imports ``pyspark.pandas``,
   which does not import under pandas 3 with pyspark 4.x; the expressions are the same ones the
   pandera schema runs on pandas.)
4. Only the failing rows (normalised and raw, for the evidence) come back to the driver, where
   :func:`explain.findings` writes the findings, as for every engine.

``master``: ``--spark-master URL`` (``local[*]`` when not given and no ``spark-submit`` set one).
"""
from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

from .expr import to_spark
from .shape import KEYS, Frame, Mapping, normalise
from .sources import DataError, Raw, csv_dialect, is_database
from .sources import read as read_pandas

ROW = "_row"
PARTITIONS = 8               # shuffle partitions in local mode (2 cores: a few per core)


def session(master: str | None = None):
    """The active SparkSession, or a new one (quiet: no UI, errors only in the log)."""
    local = master is None or master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # local workers run this interpreter (with pyarrow), not whatever python3 is on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pyspark.sql import SparkSession
        except ImportError as exc:
            raise ImportError(
                f"needs the pyspark package: pip install \"kinerja-audit[spark]\" ({exc})"
            ) from None
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    builder = SparkSession.builder.appName("kinerja-audit")
    if master:
        builder = builder.master(master)
    builder = (builder.config("spark.ui.enabled", "false")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    if local:
        builder = (builder.config("spark.sql.shuffle.partitions", str(PARTITIONS))
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# ------------------------------------------------------------------------------------------- read


def _has_scheme(source: str) -> bool:
    head = source.split("://", 1)
    return len(head) == 2 and head[0].isalpha() and len(head[0]) > 1


def _number_rows(sdf, first: int):
    """Add ``_row`` = ``first`` + the record's position in file order (partition order, then
    position in the partition), computed by Spark."""
    from pyspark.sql import functions as F

    sdf = sdf.withColumn("_pid", F.spark_partition_id()).withColumn(
        "_mid", F.monotonically_increasing_id()
    )
    sdf = sdf.cache()
    counts = dict(sdf.groupBy("_pid").count().collect())
    offsets, total = {}, 0
    for pid in sorted(counts):
        offsets[pid] = total
        total += counts[pid]
    offset = F.lit(0)
    for pid, off in offsets.items():
        offset = F.when(F.col("_pid") == pid, F.lit(off)).otherwise(offset)
    position = F.col("_mid") - F.shiftleft(F.col("_pid").cast("long"), 33)
    return sdf.withColumn(ROW, (offset + position + first).cast("long")).drop("_pid", "_mid")


def _drop_blank(sdf, names):
    """Rows whose every cell is empty are no data (as in :mod:`sources`); ``_row`` kept."""
    from pyspark.sql import functions as F

    filled = F.lit(False)
    for n in names:
        filled = filled | (F.trim(F.col(f"`{n}`").cast("string")) != "")
    return sdf.filter(filled)


def read(spark, source: str, sheet: str | None, table: str | None, query: str | None, lang: str):
    """(Spark DataFrame with ``_row``, typed columns, sheet/table label, shown source)."""
    from pyspark.sql import types as T

    suffix = Path(source.split("?", 1)[0]).suffix.lower()
    remote = _has_scheme(source) and not is_database(source)
    if not remote and (is_database(source) or suffix in (".xlsx", ".xlsm")):
        raw = read_pandas(source, sheet=sheet, table=table, query=query, lang=lang)
        frame = raw.frame.astype({c: object for c in raw.frame.columns if c != ROW})
        frame = frame.where(frame.notna(), None)
        return spark.createDataFrame(frame), raw.typed, raw.table, raw.source
    if not remote and not Path(source).is_file():
        raise DataError(source, _label("data.err.not_found", lang))
    if suffix == ".parquet":
        sdf = spark.read.parquet(source)
        typed = {f.name for f in sdf.schema.fields
                 if isinstance(f.dataType, T.NumericType)}
        return _number_rows(sdf, 1), typed, None, source
    if suffix in (".csv", ".tsv", ".txt"):
        if remote:
            first_line = spark.read.text(source).filter("trim(value) != ''").first()
            if first_line is None:
                raise DataError(source, _label("data.err.empty", lang))
            from .sources import DELIMITERS

            delimiter = max(DELIMITERS, key=first_line[0].count)
            names = [
                h.strip()
                for h in next(iter(__import__("csv").reader([first_line[0]], delimiter=delimiter)))
            ]
            encoding = "UTF-8"
        else:
            dialect = csv_dialect(Path(source), lang)
            delimiter, names = dialect.delimiter, dialect.names
            encoding = "UTF-8" if dialect.encoding == "utf8" else "windows-1252"
        schema = T.StructType([T.StructField(f"_c{i}", T.StringType()) for i in range(len(names))])
        sdf = (spark.read.schema(schema)
               .options(header=True, sep=delimiter, encoding=encoding, multiLine=True, quote='"',
                        escape='"', mode="PERMISSIVE", enforceSchema=True)
               .csv(source))
        sdf = sdf.toDF(*names)
        sdf = _drop_blank(_number_rows(sdf, 2), names)
        return sdf, set(), None, source
    raise DataError(source, _label("data.err.bad_format", lang))


def _label(key: str, lang: str, **values) -> str:
    from .. import i18n

    return i18n.label(key, lang, **values)


# -------------------------------------------------------------------------------------- normalise


def _spark_type(dtype):
    from pyspark.sql import types as T

    name = str(dtype)
    if name in ("Float64", "float64"):
        return T.DoubleType()
    if name in ("Int8", "int8"):
        return T.ByteType()
    if name in ("Int64", "int64"):
        return T.LongType()
    return T.StringType()


def _normaliser(names, typed, mapping: Mapping, lang: str, columns: list[str]):
    """The function each partition runs: the pandas normalisation of the whole partition."""
    def run(batches):
        import pandas as pd

        parts = [b for b in batches if len(b)]
        if not parts:
            return
        raw = (
            pd.concat(parts, ignore_index=True)
            .sort_values(ROW, kind="stable")
            .reset_index(drop=True)
        )
        frame = normalise(Raw(source="", frame=raw, typed=set(typed)), mapping, lang)
        out = frame.df[columns]
        text = [c for c in columns if _spark_type(out[c].dtype).typeName() == "string"]
        # text as plain objects: Arrow-backed strings may be chunked, which mapInPandas refuses
        yield out.astype({c: object for c in text}).where(out.notna(), None) if text else out
    return run


def normalised(spark, sdf, typed, mapping: Mapping, lang: str, source: str):
    """(normalised Spark DataFrame, its columns): :func:`shape.normalise` on every partition."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    names = [c for c in sdf.columns if c != ROW]
    sample = sdf.limit(20).toPandas()
    if sample.empty:
        raise DataError(source, _label("data.err.empty", lang))
    # errors early
    probe = normalise(Raw(source=source, frame=sample, typed=set(typed)), mapping, lang)
    columns = list(probe.df.columns)
    schema = T.StructType([T.StructField(c, _spark_type(probe.df[c].dtype)) for c in columns])
    keys = [probe.columns.get(k) for k in KEYS if probe.columns.get(k)]
    by = [
        F.lower(F.regexp_replace(F.trim(F.col(f"`{k}`").cast("string")), r"\s+", " ")) for k in keys
    ]
    spread = sdf.repartition(*by) if by else sdf
    out = spread.mapInPandas(_normaliser(names, typed, mapping, lang, columns), schema)
    return out.cache(), probe


# ------------------------------------------------------------------------------------------ check


def run_checks(sdf, checks) -> dict[str, list[int]]:
    """{check name: failing ``_row`` values}: every check's column expression in one pass over the
    (cached) normalised rows; only the violating rows and the names of their checks
    are collected."""
    from pyspark.sql import functions as F

    if not checks:
        return {}
    names = F.array(*(F.when(to_spark(c.expr), F.lit(c.name)) for c in checks))
    hits = (sdf.select(ROW, F.filter(names, lambda n: n.isNotNull()).alias("_failed"))
            .filter(F.size("_failed") > 0).collect())
    found: dict[str, list[int]] = {}
    for row in hits:
        for name in row["_failed"]:
            found.setdefault(name, []).append(int(row[ROW]))
    return {name: sorted(rows) for name, rows in found.items()}


def validate(source: str, checks, options, lang: str = "id"):
    """(Frame of the failing rows only, {check name: positions in it}, counts for coverage)."""
    from pyspark.sql import functions as F

    spark = session(options.spark_master)
    sdf, typed, label, shown = read(
        spark, source, options.sheet, options.table, options.query, lang
    )
    norm, probe = normalised(spark, sdf, typed, options.mapping, lang, shown)
    rows = run_checks(norm, checks)
    wanted = sorted({r for found in rows.values() for r in found})
    bad_cols = [c for c in norm.columns if c.endswith("__bad")]
    agg = norm.agg(
        F.countDistinct("code").alias("indicators"),
        F.countDistinct("unit").alias("units"),
        *(F.sum((F.col(c) == 1).cast("long")).alias(c) for c in bad_cols),
    ).first()
    counts = {"rows": sdf.count(), "indicators": int(agg["indicators"]), "units": int(agg["units"]),
              "cells_unreadable": int(sum(agg[c] or 0 for c in bad_cols))}

    if wanted:
        keep = F.col(ROW).isin(wanted)
        df = norm.filter(keep).toPandas().sort_values(ROW, kind="stable").reset_index(drop=True)
        raw_rows = set(wanted)
        for c in (c for c in norm.columns if c.startswith("_row_")):
            raw_rows |= {int(v) for v in df[c].dropna()}
        raw = sdf.filter(F.col(ROW).isin(sorted(raw_rows))).toPandas()
        raw = raw.sort_values(ROW, kind="stable").reset_index(drop=True)
        df = df.astype({c: probe.df[c].dtype for c in df.columns})
    else:
        df, raw = probe.df.iloc[0:0], probe.raw.iloc[0:0]
    frame = Frame(
        source=shown, shape=probe.shape, df=df, raw=raw, table=label, columns=probe.columns
    )
    norm.unpersist()
    where = {int(r): i for i, r in enumerate(df[ROW].to_numpy())} if len(df) else {}
    return frame, {name: [where[r] for r in found] for name, found in rows.items()}, counts
