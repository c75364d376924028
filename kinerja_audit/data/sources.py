"""Read an indicator dataset into a raw frame: every column as the source holds it, plus ``_row``.

Sources: CSV (any of ``; , \\t |`` as delimiter, UTF-8 or Windows-1252), XLSX (a named sheet,
default the first), Parquet, and PostgreSQL (``postgresql://…`` with a table or a query).  CSV and
database rows arrive as text (numbers are coerced later, by the project's number rules); XLSX and
Parquet keep their native types.  ``_row`` is where a person finds the row: the spreadsheet row
(header = row 1) for CSV and XLSX, the record number for Parquet and PostgreSQL.

Every failure raises :class:`DataError` with one line of text: the source and the reason.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import i18n

DELIMITERS = ";,\t|"
MAX_BYTES = 2 * 1024**3


class DataError(Exception):
    """A dataset that cannot be used: ``str(err)`` is one line (source: reason)."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


@dataclass
class Raw:
    source: str                       # what to show: the path, or the URL without its password
    frame: object                     # pandas DataFrame; ``_row`` int64 column added
    table: str | None = None          # sheet or table name (None for CSV and Parquet)
    typed: set[str] = field(default_factory=set)   # columns already numeric at the source


def is_database(source: str) -> bool:
    return source.startswith(("postgresql://", "postgres://"))


def _fail(source: str, key: str, lang: str, **values) -> DataError:
    return DataError(source, i18n.label(f"data.err.{key}", lang, **values))


def read(source: str, *, sheet: str | None = None, table: str | None = None,
         query: str | None = None, lang: str = "id") -> Raw:
    if is_database(source):
        return read_postgres(source, table=table, query=query, lang=lang)
    path = Path(source)
    if not path.is_file():
        raise _fail(source, "not_found", lang)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _fail(source, "unreadable", lang, reason=f"{size} bytes")
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") and suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet, lang)
    if head.startswith(b"PAR1") or suffix == ".parquet":
        return read_parquet(path, lang)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv(path, lang)
    if suffix in (".xlsx", ".xlsm"):
        raise _fail(source, "unreadable", lang, reason="XLSX")
    raise _fail(source, "bad_format", lang)


# --------------------------------------------------------------------------------------------- CSV


def _decode_head(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf8"
    except UnicodeDecodeError as exc:
        if exc.start > len(data) - 4:      # the sample cut a multi-byte character
            return data[:exc.start].decode("utf-8-sig"), "utf8"
        return data.decode("cp1252", errors="replace"), "cp1252"


@dataclass
class Dialect:
    encoding: str          # "utf8" or "cp1252"
    skip: int              # blank lines before the header
    delimiter: str
    names: list[str]       # the header, trimmed


def csv_dialect(path: Path, lang: str = "id") -> Dialect:
    """Encoding, delimiter and header of a CSV file, read from its first 64 KiB."""
    source = str(path)
    try:
        with path.open("rb") as fh:
            sample = fh.read(1 << 16)
    except OSError as exc:
        raise _fail(source, "unreadable", lang, reason=exc.strerror) from None
    text, encoding = _decode_head(sample)
    if "\x00" in text:
        raise _fail(source, "unreadable", lang, reason="NUL")
    lines = text.splitlines()
    skip = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if skip is None:
        raise _fail(source, "empty", lang)
    first = lines[skip]
    delimiter = max(DELIMITERS, key=first.count)
    header = next(iter(__import__("csv").reader([first], delimiter=delimiter)))
    return Dialect(encoding, skip, delimiter, [h.strip() for h in header])


def read_csv(path: Path, lang: str = "id") -> Raw:
    """All columns as text (``""`` for an empty cell), header on the first non-empty line."""
    import pandas as pd
    import pyarrow as pa
    from pyarrow import csv as pacsv

    source = str(path)
    dialect = csv_dialect(path, lang)
    encoding, skip, delimiter, names = (
        dialect.encoding,
        dialect.skip,
        dialect.delimiter,
        dialect.names,
    )
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(
                encoding=encoding,
                skip_rows=skip,
                column_names=names,
                skip_rows_after_names=1,
                block_size=1 << 24,
            ),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        reason = str(exc).splitlines()[0][:160]
        raise _fail(source, "unreadable", lang, reason=reason) from None
    if table.num_rows == 0:
        raise _fail(source, "empty", lang)
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    frame = _drop_blank(frame)
    if frame.empty:
        raise _fail(source, "empty", lang)
    # pyarrow counts records; a record spanning lines (quoted newline) shifts later rows by its
    # extra lines, which the text cannot show without re-reading it: the record number is kept
    frame["_row"] = frame.index.to_numpy() + skip + 2
    return Raw(source=source, frame=frame.reset_index(drop=True))


def _drop_blank(frame):
    """Rows whose every cell is empty are no data (spreadsheets leave them); index kept.

    A column is only looked at on the rows still without a filled cell (after the first column,
    usually none), so the cost is about one column's, not every column's."""
    import numpy as np

    if frame.empty:
        return frame
    filled = np.zeros(len(frame), dtype=bool)
    for c in frame.columns:
        open_ = np.flatnonzero(~filled)
        if not len(open_):
            return frame
        s = frame[c].iloc[open_] if len(open_) < len(frame) else frame[c]
        if s.dtype == object or str(s.dtype).startswith(("string", "str")):
            filled[open_] = s.fillna("").astype(str).str.strip().ne("").to_numpy()
        else:
            filled[open_] = s.notna().to_numpy()
    return frame if filled.all() else frame[filled]


# -------------------------------------------------------------------------------------------- XLSX


def read_xlsx(path: Path, sheet: str | None, lang: str = "id") -> Raw:
    import pandas as pd

    source = str(path)
    try:
        import openpyxl
    except ImportError:
        raise _fail(source, "missing_dep", lang, package="openpyxl", extra="xlsx") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on corrupt files
        raise _fail(source, "unreadable", lang, reason=type(exc).__name__) from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise _fail(source, "no_sheet", lang, sheet=sheet, sheets=", ".join(wb.sheetnames))
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        title = ws.title
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    start = next(
        (i for i, r in enumerate(rows) if any(v is not None and str(v).strip() for v in r)), None
    )
    if start is None:
        raise _fail(f"{source}!{title}", "empty", lang)
    names = ["" if v is None else str(v).strip() for v in rows[start]]
    width = len(names)
    body = [list(r[:width]) + [None] * (width - len(r)) for r in rows[start + 1:]]
    frame = pd.DataFrame(body, columns=names, dtype=object)
    frame.index = pd.RangeIndex(start + 2, start + 2 + len(body))
    frame = _drop_blank(frame)
    if frame.empty:
        raise _fail(f"{source}!{title}", "empty", lang)
    frame["_row"] = frame.index.to_numpy()
    return Raw(source=source, frame=frame.reset_index(drop=True), table=title)


# ----------------------------------------------------------------------------------------- Parquet


def read_parquet(path: Path, lang: str = "id") -> Raw:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = str(path)
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise _fail(source, "unreadable", lang, reason=str(exc).splitlines()[0][:160]) from None
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow"),
                                          pa.large_string(): pd.StringDtype("pyarrow")}.get)
    if frame.empty:
        raise _fail(source, "empty", lang)
    typed = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
             and not pd.api.types.is_bool_dtype(frame[c])}
    frame = frame.reset_index(drop=True)
    frame["_row"] = frame.index.to_numpy() + 1
    return Raw(source=source, frame=frame, typed=typed)


# -------------------------------------------------------------------------------------- PostgreSQL


def safe_url(url: str) -> str:
    """The URL without its password (what findings and messages show)."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1@", url)


def relation_sql(table: str | None, query: str | None) -> tuple[str, str]:
    """(SQL of the rows in source order, label): a table in its physical order,
    a query as written."""
    from .expr import quote_ident

    if table:
        parts = table.split(".")
        ident = ".".join(quote_ident(p) for p in parts)
        return f"SELECT * FROM {ident} ORDER BY ctid", table
    return f"SELECT * FROM ({query.strip().rstrip(';')}) AS q", "query"


def connect(url: str, lang: str = "id"):
    try:
        import psycopg
    except ImportError:
        raise _fail(
            safe_url(url), "missing_dep", lang, package="psycopg", extra="postgres"
        ) from None
    try:
        return psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=10)
    except psycopg.Error as exc:
        raise _fail(
            safe_url(url), "database", lang, reason=str(exc).strip().splitlines()[0]
        ) from None


def read_postgres(url: str, *, table: str | None, query: str | None, lang: str = "id") -> Raw:
    """Rows via ``COPY … TO STDOUT`` (fast, text); numeric columns are marked as typed."""
    import pandas as pd
    import psycopg
    import pyarrow as pa
    from pyarrow import csv as pacsv

    source = safe_url(url)
    if not table and not query:
        raise _fail(source, "needs_table", lang)
    sql, label = relation_sql(table, query)
    conn = connect(url, lang)
    buf = io.BytesIO()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(f"SELECT * FROM ({sql}) AS t LIMIT 0")
            names = [d.name for d in cur.description]
            numeric_oids = {20, 21, 23, 700, 701, 1700}      # int8/2/4, float4/8, numeric
            typed = {d.name for d in cur.description if d.type_code in numeric_oids}
            with cur.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER false)") as copy:
                for block in copy:
                    buf.write(block)
    except psycopg.Error as exc:
        raise _fail(source, "database", lang, reason=str(exc).strip().splitlines()[0]) from None
    buf.seek(0)
    if buf.getbuffer().nbytes == 0:
        raise _fail(f"{source} {label}", "empty", lang)
    table_ = pacsv.read_csv(
        buf,
        read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    frame = table_.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    frame["_row"] = frame.index.to_numpy() + 1
    return Raw(source=source, frame=frame, table=label, typed=typed)
