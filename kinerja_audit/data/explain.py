"""Violating rows -> findings, in the output contract: same record, same renderers as a report.

A dataset finding has no page or line: ``row`` is the source row of the cell it is about (for the
long shape, the row of that period), ``table`` the sheet or table, ``section`` "unit · year".
Messages come from ``checks/data.yaml`` (``data_checks``), falling back to the rule's own message.
"""
from __future__ import annotations

import functools
import math
from importlib import resources
from typing import Any

import yaml

from .. import i18n, rulepack
from ..findings import Finding, sort_findings
from ..parse.numbers import format_number
from .shape import Frame

EVIDENCE_MAX = 400


@functools.cache
def data_checks() -> dict[str, dict[str, dict[str, str]]]:
    """{rule id: {"message": {id, en}, "suggestion": {id, en}}} of ``checks/data.yaml``."""
    text = resources.files("kinerja_audit.checks").joinpath("data.yaml").read_text(encoding="utf-8")
    entries = (yaml.safe_load(text) or {}).get("data_checks") or {}
    return {rid: dict(value or {}) for rid, value in entries.items()}


class Say:
    """What a check's ``describe`` may ask: labels, numbers, raw cells, source column names."""

    def __init__(self, frame: Frame, lang: str):
        self.frame, self.lang, self.shape = frame, lang, frame.shape
        raw = frame.raw
        self._raw_rows = raw["_row"].to_numpy()
        self._raw = raw
        self._cells: dict[int, dict] = {}

    def label(self, key: str, **values: Any) -> str:
        return i18n.label(key, self.lang, **values)

    def num(self, value, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals)

    def pct(self, value, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals) + "%"

    def source_column(self, name: str) -> str:
        if self.shape == "long":
            role = name.split("_")[0]
            return self.frame.columns.get(role, role)
        return self.frame.columns.get(name, name)

    def fetch(self, rows) -> None:
        """Read the source rows ``rows`` at once (what :meth:`raw_row` will be asked for)."""
        import numpy as np

        rows = np.unique(np.asarray(list(rows), dtype=np.int64))
        pos = np.searchsorted(self._raw_rows, rows)
        found = pos < len(self._raw_rows)
        found[found] = self._raw_rows[pos[found]] == rows[found]
        records = self._raw.iloc[pos[found]].to_dict("records")
        self._cells.update(zip((int(r) for r in rows[found]), records, strict=True))
        self._cells.update((int(r), {}) for r in rows[~found])

    def raw_row(self, row: int) -> dict:
        if row not in self._cells:
            self.fetch([row])
        return self._cells[row]

    def raw(self, row: dict, column: str):
        """The cell as the source wrote it (the cell of ``column``'s period in the long shape)."""
        from .shape import NUMBERS

        source = (
            self.source_column(column)
            if column in NUMBERS
            else self.frame.columns.get(column, column)
        )
        cells = self.raw_row(row_of(row, column, self.shape))
        value = cells.get(source)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return str(value).strip()


def row_of(row: dict, column: str | None, shape: str) -> int:
    if shape == "long" and column:
        for p in ("tw1", "tw2", "tw3", "tw4", "annual"):
            if column.endswith(p):
                r = row.get(f"_row_{p}")
                if r is not None:
                    return int(r)
    return int(row["_row"])


def _clean(value):
    import pandas as pd

    if value is pd.NA or value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _evidence(say: Say, row_no: int) -> str | None:
    cells = say.raw_row(row_no)
    text = " | ".join(
        "" if _clean(v) is None else str(v).strip() for k, v in cells.items() if k != "_row"
    )
    text = text.strip(" |")
    return (text[:EVIDENCE_MAX] + " …" if len(text) > EVIDENCE_MAX else text) or None


def findings(frame: Frame, checks, failing: dict[str, list[int]], ctx) -> list[Finding]:
    """Findings of the failing rows (positions in ``frame.df``) of each check."""
    specs = rulepack.rules()
    texts = data_checks()
    say = Say(frame, ctx.lang)
    records = _records(frame.df, failing)
    say.fetch(row_of(r, c.column, frame.shape) for c in checks for r in
              (records[p] for p in failing.get(c.name) or ()))
    out: list[Finding] = []
    for check in checks:
        positions = failing.get(check.name)
        if not positions:
            continue
        spec = specs[check.rule]
        own = texts.get(check.rule, {})
        for row in (records[p] for p in positions):
            told = check.describe(row, say)
            year = int(row["year"]) if row.get("year") is not None else None
            period = check.period
            values = {
                "code": row.get("code") or "-",
                "name": row.get("name") or "-",
                "unit": row.get("unit") or "-",
                "year": year if year is not None else "-",
                "period": say.label(f"data.period.{period}") if period else "",
                **{
                    k: (say.num(v) if isinstance(v, int | float) and not isinstance(v, bool) else v)
                    for k, v in told["values"].items()
                },
                "found": told["found"],
                "expected": told["expected"],
            }
            row_no = row_of(row, check.column, frame.shape)
            message = own.get("message") or spec.message
            suggestion = own.get("suggestion") or spec.suggestion
            section = f"{row['unit']} · {year}" if row.get("unit") and year is not None else None
            out.append(
                Finding(
                    rule=check.rule,
                    category=spec.category,
                    severity=ctx.severity.get(check.rule, spec.severity),
                    indicator=row.get("code"),
                    page=None,
                    line=None,
                    message=_fill(message, ctx.lang, values, check.rule),
                    expected=None if told["expected"] is None else str(told["expected"]),
                    found=None if told["found"] is None else str(told["found"]),
                    evidence=_evidence(say, row_no),
                    suggestion=_fill(suggestion, ctx.lang, values, check.rule),
                    section=section,
                    row=row_no,
                    table=frame.table,
                )
            )
    return sort_findings(out)


def _records(df, failing: dict[str, list[int]]) -> dict[int, dict]:
    """{position: the row's values (None for a missing one)} of every failing row, read at once."""
    positions = sorted({p for found in failing.values() for p in found})
    rows = df.iloc[positions].to_dict("records")
    return {
        p: {k: _clean(v) for k, v in row.items()} for p, row in zip(positions, rows, strict=True)
    }


def _fill(templates: dict[str, str], lang: str, values: dict, rule: str) -> str:
    template = templates.get(lang) or templates.get("id", "")
    try:
        return template.format(**{k: ("-" if v is None else v) for k, v in values.items()})
    except (KeyError, IndexError) as exc:
        raise rulepack.RulePackError(f"{rule}: data message [{lang}] needs {exc}") from exc
