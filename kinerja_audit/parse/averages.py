"""Average rows of ruled tables: the "Rata-Rata" row under a table and the column figures it
averages, whatever the table holds (capaian, absorption, efficiency):

    | 1. | Jumlah rekomendasi ... | 200    | 80,40 |
    |    | Persentase OPD ...     | 100    | 77,34 |
    |    | Rata-Rata              | 150,00 | 78,87 |

A row whose first filled cell opens with ``average_row_re`` is an average row; for each of its
cells that holds one number, the figures above it in the same column, up to the table's header
(a row without any figure) or the previous average row, are what it averages.  Pipe rows only:
the columns of a text table are not known.  Parsing never judges: ``rules/arithmetic.py``
recomputes the mean.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from .cells import value_line
from .numbers import Number
from .tables import is_pipe_row, pipe_cells
from .text import pattern, search

MIN_VALUES = 2      # figures a column needs above the average row to be averaged


@dataclass(frozen=True)
class AveragedColumn:
    column: int
    printed: Number
    values: tuple[Number, ...]


@dataclass(frozen=True)
class AverageRow:
    line: int
    label: str
    columns: tuple[AveragedColumn, ...]


def find_average_rows(doc: Document) -> list[AverageRow]:
    """Every average row of the document's pipe tables, with the figures each cell averages."""
    out = []
    block: list[tuple[int, list[str]]] = []       # the pipe rows of the current table
    for ln in doc.lines:
        if not is_pipe_row(ln.text):
            block = []
            continue
        cells = pipe_cells(ln.text)
        if block and len(cells) != len(block[-1][1]):
            block = []
        label = next((c for c in cells if c), "")
        if pattern("average_row_re").match(label):
            row = _average_row(ln.no, label, cells, block)
            if row is not None:
                out.append(row)
            block = []                            # the next average starts below this one
            continue
        block.append((ln.no, cells))
    return out


def _average_row(line: int, label: str, cells: list[str], above) -> AverageRow | None:
    """The row's figures and, per figure column, the figures of the data rows above it: rows with
    figures in at least two of those columns (one, when it has one), below the table's header.
    A header printed again after a page break goes on with the table; another header starts
    another table."""
    printed = {k: _figure(raw, line) for k, raw in enumerate(cells)}
    figure_cols = [k for k, v in printed.items() if v is not None]
    need = min(2, len(figure_cols))
    data: list[dict] = []
    headers: set[str] = set()
    in_header = False
    for no, row in above:
        figures = {k: _figure(row[k], no) for k in figure_cols}
        if sum(v is not None for v in figures.values()) >= need > 0:
            data.append(figures)
            in_header = False
        elif any(search("header_role_words", c) for c in row if c):
            key = " | ".join(row)
            if key not in headers and not in_header and data:
                data, headers = [], set()        # a header of its own: another table
            headers.add(key)
            in_header = True
    columns = []
    for k in figure_cols:
        values = [d[k] for d in data if d[k] is not None]
        if len(values) >= MIN_VALUES:
            columns.append(AveragedColumn(k, printed[k], tuple(values)))
    return AverageRow(line, label, tuple(columns)) if columns else None


def _figure(raw: str, line: int) -> Number | None:
    vals = value_line(raw, line) if raw.strip() else None
    return vals[0].number if vals and len(vals) == 1 else None
