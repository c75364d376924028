"""Rencana Aksi quarter targets: a table giving, per indicator, the target of each quarter and the
annual target, as the action plan of a quarterly report prints it:

    IKU  TW I       TW II      TW III     TW IV      Target 2019
    4    1.742.000  1.822.000  2.178.000  2.178.000  7.920.000
    5    113,00     113,00     113,00     113,00     113,00

The header names the four quarters in order and ends with the annual target column
(``quarter_targets_annual_re``); it names no realisation, achievement or budget
(``quarter_targets_excluded_re``: those are other tables); targets are named before the quarters
or on the line above (``quarter_targets_plan_re``: its caption, or the sentence that introduces
it).  Each row is a label (a code, a row number or a name) and five figures.  A period grid
(parse/grids.py) whose columns hold the four quarters and the year (``grid_quarter_re``,
``grid_year_re``) gives the same row from its target row.  Parsing never judges: TGT005
(rules/table_values.py) checks that the quarters combine to the annual target under some basis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .cells import Cell, split_trailing_cells
from .codes import find_code
from .grids import PeriodGrid
from .periods import roman_or_int
from .text import is_debris, norm, pattern

LOOK = 12   # lines after the header that may hold its rows


@dataclass(frozen=True)
class QuarterTargets:
    line: int
    label: str                  # the row's label as printed ("4", "IKU 4", "Jumlah dokumen")
    code: str | None            # the canonical code the label prints, if any
    number: int | None          # a bare row number as the label
    quarters: tuple[Cell, ...]  # TW I-IV
    annual: Cell
    raw: str
    indicator: str | None = None   # the report's indicator it is about (set by the model)


def _is_header(doc: Document, i: int) -> bool:
    """Line index ``i`` heads a quarter-target table: the four quarters, the annual target last,
    no realisation or budget column, and targets named before the quarters or on the line above
    (its caption, or the sentence that introduces it)."""
    t = norm(doc.lines[i].text)
    found = list(pattern("period_quarter_re").finditer(t))
    if [roman_or_int(q.group(1)) for q in found] != [1, 2, 3, 4] \
            or not pattern("quarter_targets_annual_re").search(t) \
            or pattern("quarter_targets_excluded_re").search(t):
        return False
    if pattern("quarter_targets_plan_re").search(t[:found[0].start()]):
        return True
    above = next((ln.text for ln in reversed(doc.lines[max(0, i - 3):i]) if ln.text.strip()), "")
    return bool(pattern("quarter_targets_plan_re").search(above)) \
        and not pattern("quarter_targets_excluded_re").search(above)


def _row(text: str, line: int) -> QuarterTargets | None:
    rest, cells = split_trailing_cells(text, line)
    if len(cells) == 6 and not rest.strip() and re.fullmatch(r"\d{1,2}\.?", cells[0].raw):
        rest, cells = cells[0].raw, cells[1:]    # the row number opens the row
    if len(cells) != 5:
        return None
    label, number = norm(rest), None
    lead = re.match(r"(\d{1,2})[.)]?(?:\s+|$)", label)
    if lead:     # the row number, alone or before the name ("2 Jumlah laporan")
        number, label = int(lead.group(1)), label[lead.end():] or label
    code = find_code(label, at_start=True) if label else None
    return QuarterTargets(line, label, code[0] if code else None, number, tuple(cells[:4]),
                          cells[4], norm(text))


def parse_quarter_targets(doc: Document) -> list[QuarterTargets]:
    """Every row of every quarter-target table of the document, in order."""
    out: list[QuarterTargets] = []
    lines = doc.lines
    for i in range(len(lines)):
        if not _is_header(doc, i):
            continue
        found = []
        for nxt in lines[i + 1:i + 1 + LOOK]:
            if not nxt.text.strip() or is_debris(nxt.text):
                continue
            row = _row(nxt.text, nxt.no)
            if row is None:
                break
            found.append(row)
        out += found
    return out


def grid_quarter_targets(grid: PeriodGrid) -> QuarterTargets | None:
    """The quarter targets of a period grid's target row: its four quarter columns (each once)
    and its year column; None when the grid lacks one of them or a cell."""
    line, cells = grid.rows["target"]
    if len(cells) != len(grid.periods):
        return None
    quarters: dict[int, Cell | None] = {}
    years = []
    for label, cell in zip(grid.periods, cells):
        q = pattern("grid_quarter_re").match(label.strip())
        if q:
            quarters.setdefault(roman_or_int(q.group("q")), cell)
        elif pattern("grid_year_re").match(label.strip()):
            years.append(cell)
    found = [quarters.get(k) for k in (1, 2, 3, 4)]
    if len(years) != 1 or years[0] is None or any(c is None for c in found):
        return None
    raw = " ".join(c.raw for c in cells if c is not None)
    return QuarterTargets(line, grid.name or "", grid.code, None, tuple(found), years[0], raw)

