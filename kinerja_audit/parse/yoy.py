"""Year-over-year tables: realisasi of several years side by side, with a difference column and a
percentage column ("Realisasi 2018 2019 2020 +/- %"), as real reports print them for output
indicators.  They have no target column, so the indicator-table reader leaves them alone.

Rows are read from the right, whatever the extraction did to the columns: the percentage, the
difference, then one value per year; the row's number and name stand before (on the line or the
line above).  Parsing never judges: ``rules/arithmetic.py`` recomputes the two columns.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..document import Document
from .numbers import Number, parse_number
from .periods import YEAR, years_in
from .text import norm, pattern

_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+")
_SIGNED = re.compile(r"^[+\-–]?\d+(?:[.,]\d+)*$")


@dataclass(frozen=True)
class YoyRow:
    line: int
    number: int | None          # the row number printed before the name ("3.")
    name: str
    values: tuple[Number, ...]  # one per year, oldest first
    difference: Number | None   # the "+/-" column
    percent: Number | None      # the "%" column
    raw: str


@dataclass(frozen=True)
class YoyTable:
    header_line: int
    years: tuple[int, ...]
    rows: tuple[YoyRow, ...]


def _header(doc: Document, i: int, end: int) -> tuple[int, tuple[int, ...], bool, bool] | None:
    """(last header line, years, has difference, has percent) when lines from ``i`` are the header
    of a year-over-year table: consecutive years, and a "+/-" or "%" column."""
    text, last = "", i
    for j in range(i, min(end, i + 4) + 1):
        t = norm(doc.lines[j - 1].text)
        if not t:
            continue
        if len(t) > 80:
            break
        text, last = f"{text} {t}", j
        years = years_in(text)
        runs = [years[k:k + 2] for k in range(len(years) - 1)]
        consecutive = [y for y, z in runs if z == y + 1]
        diff, pct = (
            bool(pattern("yoy_difference_re").search(text)),
            bool(re.search(r"(^|\s)%(\s|$)", text)),
        )
        if len(consecutive) >= 1 and (diff or pct) and pattern("yoy_header_re").search(text):
            years = tuple(sorted(set(years)))
            if all(b == a + 1 for a, b in itertools.pairwise(years)):
                return last, years, diff, pct
    return None


def _row(
    text: str, k: int, diff: bool, pct: bool
) -> tuple[str, tuple, Number | None, Number | None] | None:
    tokens = text.replace("%", " ").split()
    need = k + diff + pct
    if len(tokens) < need + 1:
        return None
    tail = tokens[-need:]
    if not all(_SIGNED.match(t) for t in tail):
        return None
    numbers = [parse_number(t.replace("–", "-")) for t in tail]
    if None in numbers:
        return None
    p = numbers.pop() if pct else None
    d = numbers.pop() if diff else None
    if any(n.value < 0 for n in numbers):
        return None
    return " ".join(tokens[:-need]), tuple(numbers), d, p


def parse_yoy_tables(doc: Document, stop_lines: set[int] | None = None) -> list[YoyTable]:
    stop_lines = stop_lines or set()
    tables: list[YoyTable] = []
    n = len(doc.lines)
    # a header names years: only lines with a year within the next few may start one
    dated = [i for i, ln in enumerate(doc.lines, 1) if YEAR.search(ln.text)]
    near_year = set()
    for d in dated:
        near_year.update(range(max(1, d - 4), d + 1))
    i = 1
    while i <= n:
        head = _header(doc, i, n) if i in near_year else None
        if head is None:
            i += 1
            continue
        last, years, diff, pct = head
        rows: list[YoyRow] = []
        label, label_number, misses = "", None, 0
        j = last + 1
        while j <= n and misses < 3 and j not in stop_lines:
            raw = doc.lines[j - 1].text
            t = norm(raw)
            if not t:
                j += 1
                continue
            number_m = _ROW_NUMBER.match(t)
            body = t[number_m.end():] if number_m else t
            parsed = _row(body, len(years), diff, pct)
            if parsed is None:
                if number_m:        # "3. Laporan Inventarisasi ...": the name of the next row
                    label, label_number = body, int(number_m.group(1))
                    misses = 0
                else:
                    misses += 1
                    label = f"{label} {t}".strip() if label else ""
                j += 1
                continue
            name, values, d, p = parsed
            number = int(number_m.group(1)) if number_m else label_number
            rows.append(
                YoyRow(
                    j, number, norm(f"{label} {name}" if not number_m else name), values, d, p, t
                )
            )
            label, label_number, misses = "", None, 0
            j += 1
        if rows:
            tables.append(YoyTable(i, years, tuple(rows)))
        i = j if rows else last + 1
    return tables
