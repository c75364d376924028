"""The Perjanjian Kinerja (PK) with its Rencana Aksi quarter targets:
model, period arithmetic, loading.

A PK is read from YAML (validated against ``schemas/pk.schema.json``), CSV or XLSX (one row per
indicator), then checked as a frame against the pandera schema ``schemas.frames.PK``.  Any defect
raises :class:`PKError` whose text is ONE line naming the file, the row (and column) and what is
wrong.  Numbers in cells may be written the Indonesian way (``25.945``, ``87,5``); codes in any
spelling (``IK 1``, ``IKU-1``) are normalised.  Message texts live in ``checks/pk.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LocalisedError
from .parse.codes import exact_code
from .parse.numbers import format_number, parse_number

POLARITIES = ("positive", "negative")
AGGREGATIONS = ("sum", "last", "average")
BASES = ("per-quarter", "cumulative")
CSV_COLUMNS = ("code", "name", "unit", "polarity", "aggregation", "target_annual",
               "target_tw1", "target_tw2", "target_tw3", "target_tw4")
CSV_OPTIONAL = ("target_basis",)
MAX_PK_BYTES = 5 * 1024 * 1024
_NULLS = {"", "-", "–", "—", "null", "none", "n/a", "na"}


def text(name: str, lang: str = "id", /, **values: Any) -> str:
    """A PK error or draft text (``pk.NAME`` under ``ui`` in ``checks/pk.yaml``) in ``lang``."""
    from . import i18n
    from .errors import show

    return i18n.label(f"pk.{name}", lang, **{k: show(v, lang) if isinstance(v, int | float)
                                             and not isinstance(v, bool) else v
                                             for k, v in values.items()})


class PKError(LocalisedError):
    """A PK file that cannot be used. ``str(err)`` is one line: file, where, what (worded in the
    language the PK was loaded in)."""

    def __init__(self, source: str, where: list[str], what: str):
        super().__init__("pk_error")
        self.source, self.where, self.what = source, where, what
        self.line = f"{source}: {', '.join(where)}: {what}" if where else f"{source}: {what}"

    def message(self, lang: str = "id") -> str:
        return self.line


@dataclass(frozen=True)
class PKIndicator:
    code: str                                   # canonical (IK.1)
    name: str
    unit: str | None
    polarity: str                               # positive | negative
    aggregation: str                            # sum | last | average
    annual: float | None
    quarters: tuple[float | None, ...]          # TW I..IV as the PK states them (basis below)
    basis: str = "per-quarter"                  # per-quarter | cumulative
    basis_source: str = "default"               # pk | option | default
    where: str = ""                             # file:line (or file!sheet:row) of the row
    raw: str = ""                               # the row as written (evidence)

    def combine(self, values: list[float]) -> float:
        """Combine per-period values the way this indicator consolidates periods."""
        if self.aggregation == "sum":
            return sum(values)
        if self.aggregation == "average":
            return sum(values) / len(values)
        return values[-1]

    def amounts(self) -> list[float | None]:
        """The target of each quarter on its own (TW k alone), whatever the basis."""
        q = list(self.quarters)
        if self.basis == "per-quarter" or self.aggregation == "last":
            return q
        out: list[float | None] = []
        for k, value in enumerate(q):
            prev = q[k - 1] if k else 0.0
            if value is None or prev is None:
                out.append(None)
            elif self.aggregation == "sum":
                out.append(value - prev)
            else:   # average: the s.d. value is the mean of the quarters so far
                out.append((k + 1) * value - k * prev)
        return out

    def upto(self, k: int) -> float | None:
        """The cumulative ("s.d. TW k") target."""
        if self.basis == "cumulative":
            return self.quarters[k - 1]
        values = self.quarters[:k]
        return None if any(v is None for v in values) else self.combine(list(values))

    def period_target(self, quarters: range, cumulative: bool) -> float | None:
        """Target for the period ``quarters`` (1-based),
        as a cumulative figure or for the period alone."""
        if cumulative:
            return self.upto(quarters[-1])
        values = [self.amounts()[k - 1] for k in quarters]
        return None if any(v is None for v in values) else self.combine(values)


@dataclass(frozen=True)
class PK:
    source: str
    indicators: tuple[PKIndicator, ...]
    unit: str | None = None
    year: int | None = None

    def get(self, code: str) -> PKIndicator | None:
        return next((i for i in self.indicators if i.code == code), None)


# ----------------------------------------------------------------------------------------- loading


class _Reader:
    """Shared cell conversion for the three formats; ``loc`` gives the where-parts of a cell."""

    def __init__(self, source: str, lang: str):
        self.source, self.lang = source, lang

    def fail(self, where: list[str], name: str, /, **values: Any) -> PKError:
        return PKError(self.source, where, text(name, self.lang, **values))

    def number(self, value: Any, where: list[str]) -> float | None:
        raw = getattr(value, "raw", None)        # YAML floats keep their text: 1.600 is 1600
        if isinstance(value, bool):
            raise self.fail(where, "not_number", value=value)
        if isinstance(value, int | float) and raw is None:
            return float(value)
        s = str(raw if raw is not None else value).strip()
        if s.lower() in _NULLS:
            return None
        s = re.sub(r"\s*(%|persen)$", "", s, flags=re.IGNORECASE)
        number = parse_number(s)
        if number is None:
            if raw is not None:
                return float(value)
            raise self.fail(where, "not_number", value=s)
        return number.value

    def code(self, value: Any, where: list[str]) -> str:
        s = "" if value is None else str(value).strip()
        if not s:
            raise self.fail(where, "missing_value")
        canonical = exact_code(s)
        if canonical is None:
            raise self.fail(where, "bad_code", value=s)
        return canonical

    def word(self, value: Any, where: list[str], required: bool = True) -> str | None:
        s = "" if value is None else " ".join(str(value).split())
        if not s and required:
            raise self.fail(where, "missing_value")
        return s or None


def load(path: str | Path, *, basis: str | None = None, lang: str = "id",
         max_bytes: int = MAX_PK_BYTES) -> PK:
    """Read and validate a PK file. ``basis`` applies where the file does not state one."""
    p = Path(path)
    source = str(path)
    reader = _Reader(source, lang)
    if not p.is_file():
        raise reader.fail([], "not_found")
    try:
        size = p.stat().st_size
        head = p.open("rb").read(8)
    except OSError as exc:
        raise reader.fail([], "unreadable", reason=exc.strerror or exc) from None
    if size > max_bytes:
        raise reader.fail([], "too_large", size=size, limit=max_bytes)
    suffix = p.suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        if not head.startswith(b"PK\x03\x04"):
            raise reader.fail([], "xlsx_corrupt")
        rows = _rows(p, reader, xlsx=True)
    elif suffix in (".csv", ".tsv", ".txt"):
        rows = _rows(p, reader, xlsx=False)
    elif suffix in (".yaml", ".yml"):
        return _validated(*_from_yaml(p, reader, basis), reader)
    else:
        raise reader.fail([], "bad_format")
    return _validated(*_from_rows(rows, reader, basis), reader)


def _basis(stated: str | None, option: str | None) -> tuple[str, str]:
    if stated:
        return stated, "pk"
    if option:
        return option, "option"
    return "per-quarter", "default"


# --- YAML


_YAML_KEYS = {"target_annual": "target.annual", "target_basis": "target_basis",
              **{f"target_tw{k}": f"target.quarters[{k}]" for k in range(1, 5)}}


class _Float(float):
    raw: str


class _Map(dict):
    line: int = 0
    end: int = 0
    key_lines: dict


MAX_YAML_NODES = 100_000      # a PK of 500 indicators has under 10,000 nodes


def _expanded_nodes(node, memo: dict) -> int:
    """How many nodes ``node`` stands for once every alias is expanded (shared nodes counted each
    time they are used, each computed once: linear in the file, whatever the expansion)."""
    import yaml

    key = id(node)
    if key not in memo:
        memo[key] = 0        # a recursive alias counts once
        if isinstance(node, yaml.SequenceNode):
            memo[key] = 1 + sum(_expanded_nodes(n, memo) for n in node.value)
        elif isinstance(node, yaml.MappingNode):
            memo[key] = 1 + sum(_expanded_nodes(k, memo) + _expanded_nodes(v, memo)
                                for k, v in node.value)
        else:
            memo[key] = 1
    return memo[key]


def _yaml_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def floats(loader, node):
        value = _Float(loader.construct_yaml_float(node))
        value.raw = node.value
        return value

    def maps(loader, node):
        data = _Map()
        data.line, data.end = node.start_mark.line + 1, node.end_mark.line + 1
        data.key_lines = {getattr(k, "value", None): k.start_mark.line + 1 for k, _ in node.value
                          if isinstance(getattr(k, "value", None), str)}
        yield data
        data.update(loader.construct_mapping(node))

    Loader.add_constructor("tag:yaml.org,2002:float", floats)
    Loader.add_constructor("tag:yaml.org,2002:map", maps)
    return Loader


def _schema() -> dict:
    import json
    from importlib import resources

    return json.loads(
        resources.files("kinerja_audit.schemas").joinpath("pk.schema.json").read_text("utf-8")
    )


def _from_yaml(p: Path, reader: _Reader, option_basis: str | None) -> PK:
    import yaml

    try:
        content = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise reader.fail(
            [], "unreadable", reason=getattr(exc, "strerror", None) or exc.__class__.__name__
        ) from None
    try:
        loader = _yaml_loader()                             # a SafeLoader subclass
        tree = yaml.compose(content, Loader=loader)
        if tree is not None and _expanded_nodes(tree, {}) > MAX_YAML_NODES:
            raise reader.fail([], "yaml_aliases", limit=MAX_YAML_NODES)   # "billion laughs"
        data = _canonical_words(yaml.load(content, Loader=loader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = [text("at_line", reader.lang, line=mark.line + 1)] if mark else []
        raise reader.fail(where, "yaml_invalid") from None
    lines = content.splitlines()
    _check_schema(data, reader)
    stated = data.get("target_basis")
    items, locs = [], []
    for i, item in enumerate(data["indicators"]):
        raw = " ".join(" ".join(lines[item.line - 1:max(item.end - 1, item.line)]).split())
        item_basis = _basis(stated, option_basis)

        def loc(key: str, item=item, i=i) -> list[str]:
            key = _YAML_KEYS.get(key, key)
            return [text("at_line", reader.lang, line=item.line),
                    text("at_key", reader.lang, key=f"indicators[{i + 1}].{key}")]

        locs.append(loc)

        target = item["target"]
        quarters = target.get("quarters") or [None] * 4
        items.append(
            PKIndicator(
                code=reader.code(item["code"], loc("code")),
                name=reader.word(item["name"], loc("name")),
                unit=reader.word(item.get("unit"), loc("unit"), required=False),
                polarity=item["polarity"],
                aggregation=item["aggregation"],
                annual=reader.number(target["annual"], loc("target.annual")),
                quarters=tuple(
                    reader.number(v, loc(f"target.quarters[{k + 1}]"))
                    for k, v in enumerate(quarters)
                ),
                basis=item_basis[0],
                basis_source=item_basis[1],
                where=f"{p.name}:{item.line}",
                raw=raw,
            )
        )
    year = data.get("year")
    pk = PK(
        str(p), tuple(items), unit=data.get("unit"), year=int(year) if year is not None else None
    )
    return pk, locs


def canonical_word(field: str, value: Any) -> Any:
    """``positif`` -> ``positive``, ``rata-rata`` -> ``average``, ``kumulatif`` -> ``cumulative``:
    the Indonesian words for polarity, aggregation and target basis (``pk_value_words`` in
    ``checks/pk.yaml``); other values unchanged."""
    from . import rulepack

    if not isinstance(value, str):
        return value
    words = rulepack.lexicon()["pk_value_words"].get(field, {})
    return words.get(" ".join(value.lower().split()), value)


def _canonical_words(data: Any) -> Any:
    if isinstance(data, dict):
        if "target_basis" in data:
            data["target_basis"] = canonical_word("target_basis", data["target_basis"])
        for item in data.get("indicators") or []:
            if isinstance(item, dict):
                for field in ("polarity", "aggregation"):
                    if field in item:
                        item[field] = canonical_word(field, item[field])
    return data


def _check_schema(data: Any, reader: _Reader) -> None:
    import jsonschema

    schema = _schema()
    if not isinstance(data, dict):
        raise reader.fail([], "wrong_type", expected=text("type_object", reader.lang))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(
        validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator)
    )
    if not errors:
        return
    err = errors[0]
    path = list(err.absolute_path)
    key = "".join(
        f"[{k + 1}]" if isinstance(k, int) else (f".{k}" if n else k) for n, k in enumerate(path)
    )
    line = None
    node: Any = data
    for k in path:   # the line of the deepest key on the path (a top-level key: its own line)
        if isinstance(node, _Map):
            line = node.key_lines.get(k, node.line)
        try:
            node = node[k]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, _Map):
        extra = sorted(k for k in node if k not in err.schema.get("properties", {}))
        if err.validator == "additionalProperties" and extra:
            line = node.key_lines.get(extra[0], node.line)
        elif line is None or err.validator == "required":
            line = node.line
    where = [text("at_line", reader.lang, line=line)] if line else []
    where += [text("at_key", reader.lang, key=key)] if key else []
    inst = err.instance
    if err.validator == "required":
        missing = [k for k in err.validator_value if k not in inst]
        raise reader.fail(where, "missing_key", key=missing[0])
    if err.validator == "additionalProperties":
        allowed = ", ".join(err.schema.get("properties", {}))
        extra = sorted(k for k in inst if k not in err.schema.get("properties", {}))
        raise reader.fail(where, "unknown_key", value=extra[0], allowed=allowed)
    if err.validator == "enum":
        raise reader.fail(
            where, "not_one_of", value=inst, allowed=", ".join(map(str, err.validator_value))
        )
    if err.validator == "anyOf":   # only target values are anyOf: a number >= 0, a numeral, or null
        if isinstance(inst, int | float) and not isinstance(inst, bool) and inst < 0:
            raise reader.fail(where, "negative", value=inst)
        raise reader.fail(where, "not_number", value=inst)
    if err.validator in ("minItems", "maxItems") and path and path[-1] == "quarters":
        raise reader.fail(where, "four_quarters")
    if err.validator in ("minItems", "minLength") or (err.validator == "type" and inst is None):
        raise reader.fail(where, "missing_value")
    types = err.validator_value if err.validator == "type" else ["object"]
    expected = " / ".join(
        text(f"type_{t}", reader.lang) for t in ([types] if isinstance(types, str) else types)
    )
    raise reader.fail(where, "wrong_type", expected=expected)


# --- CSV and XLSX: a grid of (row number, cell values, raw text), then one reading of its rows


def _header(cell: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(cell or "").strip().lower())


def _csv_grid(p: Path, reader: _Reader) -> list[tuple[int, list, str]]:
    import csv

    try:
        data = p.read_bytes()
    except OSError as exc:
        raise reader.fail([], "unreadable", reason=exc.strerror) from None
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")   # Excel's default "CSV" on Windows
    if "\x00" in content:
        raise reader.fail([], "unreadable", reason="NUL")
    lines = content.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    delimiter = max(";\t,", key=first.count)  # Indonesian Excel writes ";" (the comma is decimal)
    records = csv.reader(lines, delimiter=delimiter)
    try:
        return [(records.line_num, rec, lines[records.line_num - 1].strip()) for rec in records]
    except csv.Error as exc:      # a cell over csv.field_size_limit(), a stray NUL, ...
        where = [text("at_line", reader.lang, line=records.line_num)]
        if "field larger than field limit" in str(exc):
            raise reader.fail(where, "csv_field_too_long", limit=csv.field_size_limit()) from None
        raise reader.fail(where, "csv_invalid", reason=str(exc)) from None


def _xlsx_grid(p: Path, reader: _Reader) -> tuple[str, list[tuple[int, list, str]]]:
    try:
        import openpyxl
    except ImportError:
        raise reader.fail([], "xlsx_missing_dep") from None
    from .ingest import zipguard

    try:
        zipguard.members(p, MAX_PK_BYTES)
    except zipguard.ZipRefused as refused:
        if refused.key == "zip_corrupt":
            raise reader.fail([], "xlsx_corrupt") from None
        raise reader.fail([], "xlsx_bomb") from None
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        title = ws.title
        grid = [
            (n, list(values), " | ".join("" if v is None else str(v) for v in values).strip(" |"))
            for n, values in enumerate(ws.iter_rows(values_only=True), start=1)
        ]
        wb.close()
    except Exception as exc:   # openpyxl raises many kinds on corrupt or non-XLSX zips
        raise reader.fail([], "xlsx_corrupt") from exc
    return title, grid


def _rows(
    p: Path, reader: _Reader, xlsx: bool
) -> tuple[list[str], list[tuple[dict, Any, str, str]]]:
    """(header, [(cells by column, where-parts of a column, raw row, file:row)]) of a CSV or
    XLSX PK.

    The header is the first row holding a ``code`` column (title rows above it are skipped).
    """
    if xlsx:
        from openpyxl.utils import get_column_letter

        sheet, grid = _xlsx_grid(p, reader)
    else:
        sheet, grid = None, _csv_grid(p, reader)
    grid = [
        (n, values, raw)
        for n, values, raw in grid
        if any(v is not None and str(v).strip() for v in values)
    ]
    if not grid:
        raise reader.fail([], "empty")
    start = next((i for i, (_, values, _) in enumerate(grid) if "code" in map(_header, values)), 0)
    header_no, header_values, _ = grid[start]
    header = [_header(v) for v in header_values]

    def place(row_no: int, column: str) -> list[str]:
        if sheet is None:
            return [
                text("at_line", reader.lang, line=row_no),
                text("at_column", reader.lang, column=column),
            ]
        letter = get_column_letter(header.index(column) + 1) if column in header else "?"
        return [
            text("at_sheet", reader.lang, sheet=sheet),
            text("at_row", reader.lang, row=row_no),
            text("at_column", reader.lang, column=column),
            text("at_cell", reader.lang, cell=f"{letter}{row_no}"),
        ]

    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        where = place(header_no, missing[0])[:2 if sheet else 1]  # the header row, not a column
        raise reader.fail(
            where, "missing_column", column=missing[0], required=", ".join(CSV_COLUMNS)
        )
    rows = []
    for row_no, values, raw in grid[start + 1:]:
        where = f"{p.name}!{sheet}:{row_no}" if sheet else f"{p.name}:{row_no}"
        rows.append((dict(zip(header, values)), functools.partial(place, row_no), raw, where))
    if not rows:
        raise reader.fail([], "empty")
    return header, rows


def _from_rows(table: tuple[list[str], list], reader: _Reader, option_basis: str | None) -> PK:
    _, rows = table
    items, locs = [], []
    for cells, loc, raw, where in rows:
        locs.append(loc)
        stated = reader.word(cells.get("target_basis"), loc("target_basis"), required=False)
        basis = _basis(canonical_word("target_basis", stated.lower()) if stated else None,
                       option_basis)
        items.append(
            PKIndicator(
                code=reader.code(cells["code"], loc("code")),
                name=reader.word(cells["name"], loc("name")),
                unit=reader.word(cells["unit"], loc("unit"), required=False),
                polarity=canonical_word(
                    "polarity", (reader.word(cells["polarity"], loc("polarity")) or "").lower()
                ),
                aggregation=canonical_word(
                    "aggregation",
                    (reader.word(cells["aggregation"], loc("aggregation")) or "").lower(),
                ),
                annual=reader.number(cells["target_annual"], loc("target_annual")),
                quarters=tuple(
                    reader.number(cells[f"target_tw{k}"], loc(f"target_tw{k}")) for k in range(1, 5)
                ),
                basis=basis[0],
                basis_source=basis[1],
                where=where,
                raw=raw,
            )
        )
    return PK(reader.source, tuple(items)), locs


# --- the frame and its pandera schema


def frame(pk: PK):
    """One row per indicator, columns as in the CSV form (plus basis)."""
    import pandas as pd

    rows = [{"code": i.code, "name": i.name, "unit": i.unit, "polarity": i.polarity,
             "aggregation": i.aggregation, "target_basis": i.basis, "target_annual": i.annual,
             **{f"target_tw{k + 1}": v for k, v in enumerate(i.quarters)}} for i in pk.indicators]
    return pd.DataFrame(rows, columns=[*CSV_COLUMNS, "target_basis"])


def _validated(pk: PK, locs: list, reader: _Reader) -> PK:
    from .pandera_loader import pandera
    from .schemas.frames import PK as PK_SCHEMA

    pe = pandera().errors

    try:
        PK_SCHEMA.validate(frame(pk), lazy=True)
    except pe.SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna()].sort_values("index", kind="stable")
        if cases.empty:  # a column-level failure: cannot happen with values parsed here
            raise reader.fail(
                [], "schema", column="?", value="?", check=str(exc).splitlines()[0]
            ) from None
        dups = cases[cases["column"] == "code"]
        row = dups.iloc[-1] if len(dups) else cases.iloc[0]   # name the second use of a code
        column, value, index = str(row["column"]), row["failure_case"], int(row["index"])
        where = locs[index](column)
        if column == "code":
            first = next(i for i in pk.indicators if i.code == value)
            raise reader.fail(where, "duplicate_code", value=value, other=first.where)
        allowed = {"polarity": POLARITIES, "aggregation": AGGREGATIONS, "target_basis": BASES}.get(
            column
        )
        if allowed:
            raise reader.fail(where, "not_one_of", value=value, allowed=", ".join(allowed))
        if "greater_than" in str(row["check"]):
            raise reader.fail(where, "negative", value=format_number(value, reader.lang))
        raise reader.fail(where, "schema", column=column, value=value, check=row["check"])
    return pk
