"""Period grids: one indicator's target, realisasi and capaian per period, the periods as columns
and the three figures as rows, as the IKU cards of many ministries print them:

    IKU 2 Persentase akurasi RPD harian satuan kerja
    Periode    Q1      Q2     Sm.1     Q3      Q4        Y-22
    Target     80      80      80      80      82         82
    Realisasi  91,40   93,16   92,28   88,60   94,80      91,99
    Capaian    114,25  116,45  115,35  101,75  115,61     112,18

The header holds at least three period labels (``grid_period_re``); the rows open with a label of
``grid_row_labels`` and hold one figure (or "-") per period.  The code and name of the indicator
stand on one of the lines just above.  Parsing never judges: ``rules/arithmetic.py`` recomputes
each column.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .cells import Cell
from .codes import find_code
from .numbers import parse_number
from .text import norm, pattern

_FIGURE = re.compile(r"^[-+]?\d+(?:[.,]\d+)*%?$")
_DASHES = ("-", "–", "—")
LOOK = 6   # lines after the header that may hold its rows (with "Max/" / "Average" between)


@dataclass(frozen=True)
class PeriodGrid:
    header_line: int
    periods: tuple[str, ...]
    rows: dict            # role -> (line, tuple[Cell | None, ...]): one cell per column
    code: str | None      # the indicator's code on a line above ("IKU 2" -> "IKU.2")
    name: str | None      # the words after that code
    lower_is_better: bool  # the grid names its polarity "Min"

    @property
    def end_line(self) -> int:
        return max(line for line, _ in self.rows.values())


@functools.cache
def _row_label() -> re.Pattern:
    labels = rulepack.lexicon()["grid_row_labels"]
    alternatives = "|".join(f"(?P<{role}>{'|'.join(words)})" for role, words in labels.items())
    return re.compile(rf"^\s*(?:{alternatives})(?=\s)", re.IGNORECASE)


def _row(text: str, line: int) -> tuple[str, tuple[Cell | None, ...]] | None:
    m = _row_label().match(text)
    if m is None:
        return None
    cells: list[Cell | None] = []
    for tok in text[m.end():].split():
        if tok in _DASHES:
            cells.append(None)
        elif _FIGURE.match(tok) and parse_number(tok.rstrip("%")) is not None:
            cells.append(Cell(tok, parse_number(tok.rstrip("%")), tok.endswith("%"), None, line))
        else:
            return None   # words after the figures: a sentence, not a grid row
    return (m.lastgroup, tuple(cells)) if len(cells) >= 3 else None


def parse_grids(doc: Document) -> list[PeriodGrid]:
    """Every period grid of the document, in order."""
    grids = []
    lines = doc.lines
    for i, ln in enumerate(lines):
        periods = pattern("grid_period_re").findall(ln.text)
        if len(periods) < 3:
            continue
        rows: dict = {}
        for nxt in lines[i + 1:i + 1 + LOOK]:
            found = _row(nxt.text, nxt.no)
            if found and found[0] not in rows:
                rows[found[0]] = (nxt.no, found[1])
        if {"target", "realisasi", "capaian"} <= set(rows):
            code, name = _indicator_above(doc, i)
            block = " ".join(x.text for x in lines[i:i + 1 + LOOK])
            grids.append(PeriodGrid(ln.no, tuple(periods), rows, code, name,
                                    bool(pattern("grid_lower_better_re").search(block))))
    return grids


def _indicator_above(doc: Document, i: int) -> tuple[str | None, str | None]:
    """The code and name of the indicator on one of the three lines above line index ``i``."""
    for ln in reversed(doc.lines[max(0, i - 3):i]):
        text = norm(ln.text)
        code = find_code(text)
        if code:
            return code[0], norm(text[code[3]:]).lstrip(" :.-") or None
    return None, None
