"""The numbers a table prints in its row-number column ("No": "1.", "2.", "4."), with the name
each numbered row carries, one sequence per block of pipe rows, for the numbering rule.

The column is the one under a "No" header cell (or the cell beside it: grids often print the
number one cell off its header); every filled cell of it must be a plain number or a summary
label ("Rata-rata"), else the column holds something else and is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Line
from .tables import is_pipe_row, pipe_cells
from .text import pattern, word_set

_ROW_NUMBER = re.compile(r"(\d{1,3})([.)]?)")
_MIN_ROWS = 3
_HEADER_ROWS = 4          # the header cell is looked for in a block's first rows


@dataclass(frozen=True)
class RowNumber:
    line: int
    value: int
    mark: str             # what follows the digits: "." ")" or ""
    label: str            # the first filled cell after the number (the row's name), as printed

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.label.lower().split())


def row_number_sequences(doc: Document) -> list[list[RowNumber]]:
    """The row numbers of each numbered table block, in line order."""
    out = []
    for block in _pipe_blocks(doc):
        numbers = _numbers_of(block)
        if len(numbers) >= _MIN_ROWS:
            out.append(numbers)
    return out


def _pipe_blocks(doc: Document) -> list[list[Line]]:
    blocks, run = [], []
    for ln in doc.lines:
        if is_pipe_row(ln.text):
            run.append(ln)
            continue
        if run:
            blocks.append(run)
        run = []
    if run:
        blocks.append(run)
    return blocks


def _numbers_of(block: list[Line]) -> list[RowNumber]:
    rows = [(ln, pipe_cells(ln.text)) for ln in block]
    heads = word_set("row_number_heads")
    head = next(((k, j) for k, (_, cells) in enumerate(rows[:_HEADER_ROWS])
                 for j, cell in enumerate(cells) if cell.lower() in heads), None)
    if head is None:
        return []
    k, h = head
    for j in (h, h - 1, h + 1):
        numbers = _column_numbers(rows[k + 1:], j)
        if numbers is not None and len(numbers) >= _MIN_ROWS:
            return numbers
    return []


def _column_numbers(rows, j: int) -> list[RowNumber] | None:
    """The numbers of column ``j``; None when a filled cell of it is neither a number nor a
    summary label."""
    if j < 0:
        return None
    out = []
    for ln, cells in rows:
        cell = cells[j] if j < len(cells) else ""
        if not cell:
            continue
        m = _ROW_NUMBER.fullmatch(cell)
        if m is None:
            if pattern("summary_row_re").match(cell):
                continue
            return None
        label = next((c for c in cells[j + 1:] if c), "")
        out.append(RowNumber(ln.no, int(m.group(1)), m.group(2), label))
    return out
