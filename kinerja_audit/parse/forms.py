"""Quarterly realisation forms: one ruled table of programmes, activities and their indicators
with, per quarter, the output realised (K, kinerja) and the budget spent (Rp), as regional
government units fill in the evaluation form of their work plan (Renja) every quarter:

    | Urusan/Program/Kegiatan | Indikator Kinerja ... | Realisasi Kinerja Pada Triwulan I - IV ... |
    |                         |                       |   I        |   II       |  III  |  IV  |
    |                         |                       | K  |  Rp   | K  |  Rp   | K | Rp| K | Rp|
    | Penyediaan Gaji ...     | Jumlah Orang ...      | 41 | 5.132 | 41 | 10.960|   |   |   |   |

The header holds a quarter group (``form_quarter_group_re``), a row of quarter labels and a row
of K/Rp leaf labels (``form_output_labels``, ``form_budget_labels``); each quarter owns the K and
Rp leaves in order, its label standing over them.  A body row whose indicator cell is filled is an
indicator of the activity printed beside it or last printed above it (a programme's, when that
activity opens with ``form_programme_re``: an outcome measured yearly).  The quarters filled in are
those with a figure in any row: the latest of them is the period the form reports.  Parsing never
judges; the model turns the rows into indicators and the structure rules read the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from .cells import Cell, value_line
from .periods import roman_or_int
from .tables import Column, Row, Table, is_pipe_row, parse_header, pipe_cells
from .text import norm, pattern, word_set

HEADER_ROWS = 6          # rows under the quarter group that may hold its labels


@dataclass(frozen=True)
class FormRow:
    line: int
    activity: str | None            # the programme/activity the indicator measures
    name: str                       # the indicator, as printed
    output: dict[int, Cell | None]  # quarter -> its K cell (None: empty)
    budget: dict[int, Cell | None]  # quarter -> its Rp cell
    programme: bool = False         # an outcome of a programme (measured yearly, not per quarter)


@dataclass
class QuarterForm:
    header_line: int
    end_line: int
    year: int | None                     # the year the quarter group names
    quarters: tuple[int, ...]            # the quarters the form has columns for
    rows: list[FormRow] = field(default_factory=list)
    numbers_line: int | None = None      # the row of column numbers ("2 | 3 | 7 | 8 ..."), if any
    target_printed: bool = False         # a header cell names a target or a capaian column

    @property
    def filled(self) -> int | None:
        """The latest quarter any row has a figure for (the period the form reports)."""
        done = [q for q in self.quarters
                if any(r.output.get(q) is not None or r.budget.get(q) is not None
                       for r in self.rows)]
        return max(done) if done else None


def as_table(form: QuarterForm) -> Table:
    """The form as an indicator table: each indicator with the output realised in the latest
    quarter filled in as its realisasi (no target: the form prints none)."""
    latest = form.filled
    rows = []
    for r in form.rows:
        row = Row(line=r.line, end_line=r.line, texts=[(r.line, r.name)])
        cell = r.output.get(latest) if latest else None
        if cell is not None and cell.number is not None:
            row.cells["realisasi"] = cell
            row.unit = "%" if cell.percent else None
        elif cell is not None:
            row.unread.append(cell)
        rows.append(row)
    return Table(header_line=form.header_line, end_line=form.end_line,
                 columns=[Column("indikator", "indikator"), Column("realisasi", "realisasi")],
                 rows=rows, form=True)


def form_only(forms: list[QuarterForm], doc: Document) -> bool:
    """The document is its forms: they fill at least half of its non-blank lines (a form in the
    annex of a written report does not make the report a form)."""
    filled = sum(f.end_line - f.header_line + 1 for f in forms)
    return bool(forms) and 2 * filled >= sum(1 for ln in doc.lines if ln.text.strip())


def find_forms(doc: Document) -> list[QuarterForm]:
    """Every quarterly realisation form of the document."""
    out: list[QuarterForm] = []
    n = len(doc.lines)
    i = 1
    while i <= n:
        form = _form_at(doc, i) if is_pipe_row(doc.lines[i - 1].text) else None
        if form is None:
            i += 1
            continue
        out.append(form)
        i = form.end_line + 1
    return out


def _form_at(doc: Document, i: int) -> QuarterForm | None:
    cells = pipe_cells(doc.lines[i - 1].text)
    group = next((k for k, c in enumerate(cells) if pattern("form_quarter_group_re").search(c)),
                 None)
    if group is None:
        return None
    width = len(cells)
    rows = [(j, pipe_cells(doc.lines[j - 1].text)) for j in range(i + 1, min(len(doc.lines),
                                                                             i + HEADER_ROWS) + 1)
            if is_pipe_row(doc.lines[j - 1].text)]
    rows = [(j, r) for j, r in rows if len(r) == width]
    labels = next(((j, r) for j, r in rows if _quarter_labels(r, group)), None)
    leaves = next(((j, r) for j, r in rows if labels and j > labels[0] and _leaf_labels(r, group)),
                  None)
    if labels is None or leaves is None:
        return None
    quarters = _pair(_quarter_labels(labels[1], group), _leaf_labels(leaves[1], group))
    indicator = _indicator_column(doc, i, leaves[0], group)
    if not quarters or indicator is None:
        return None
    year = re.search(r"\b(20\d\d)\b", cells[group])
    form = QuarterForm(i, leaves[0], int(year.group(1)) if year else None,
                       tuple(sorted(quarters)))
    form.numbers_line = next((j for j, r in rows if j < leaves[0] and _column_numbers(r)), None)
    form.target_printed = any(
        c.role in ("target", "target_annual", "capaian")
        for j in range(i, leaves[0] + 1) for cell in pipe_cells(doc.lines[j - 1].text) if cell
        for c in parse_header(f"| {cell} |"))
    _read_rows(doc, form, width, indicator, quarters)
    return form


def _quarter_labels(cells: list[str], group: int) -> list[tuple[int, int]]:
    """(column, quarter) of the quarter labels ("I", "II", "TW III") from the group's first column
    on, up to the next other label (the K and Rp of the groups beside it may share the row);
    [] unless two or more quarters stand there in order."""
    out = []
    for k, c in enumerate(cells):
        if k < group or not c:
            continue
        label = pattern("form_quarter_label_re").fullmatch(c.strip())
        if label is None:
            break
        out.append((k, roman_or_int(label.group("q"))))
    quarters = [q for _, q in out]
    return out if len(out) >= 2 and quarters == sorted(set(quarters)) else []


def _leaf_labels(cells: list[str], group: int) -> list[tuple[int, str]]:
    """(column, "K" or "Rp") of the row of leaf labels, from the group's first column on (the
    groups after it - the year's realisation, the achievement rate - have K and Rp leaves too)."""
    output, budget = word_set("form_output_labels"), word_set("form_budget_labels")
    out = []
    for k, c in enumerate(cells):
        word = c.strip().lower()
        if k < group or not word:
            continue
        if word in output:
            out.append((k, "K"))
        elif word in budget:
            out.append((k, "Rp"))
        else:
            break
    return out if len(out) >= 4 else []


def _pair(labels: list[tuple[int, int]], leaves: list[tuple[int, str]]) -> dict[int, tuple]:
    """Quarter -> (K column, Rp column): the first leaves in K, Rp pairs, one pair per label in
    order, each label standing over its pair.  {} when the two rows do not fit together."""
    if len(leaves) < 2 * len(labels):
        return {}
    out = {}
    for n, (col, quarter) in enumerate(labels):
        (k_col, k_kind), (rp_col, rp_kind) = leaves[2 * n], leaves[2 * n + 1]
        if (k_kind, rp_kind) != ("K", "Rp") or not k_col <= col <= rp_col + 1 or quarter in out:
            return {}
        out[quarter] = (k_col, rp_col)
    return out


def _indicator_column(doc: Document, first: int, last: int, group: int) -> int | None:
    """The column before the quarter group whose header names the indicator."""
    rows = [pipe_cells(doc.lines[j - 1].text) for j in range(first, last + 1)]
    for k in range(group):
        words = norm(" ".join(r[k] for r in rows if k < len(r)))
        found = parse_header(f"| {words} |") if words else []
        if found and found[0].role == "indikator":
            return k
    return None


def _read_rows(doc: Document, form: QuarterForm, width: int, indicator: int,
               quarters: dict[int, tuple]) -> None:
    activity: str | None = None
    programme = False
    j = form.end_line + 1
    while j <= len(doc.lines):
        text = doc.lines[j - 1].text
        if not is_pipe_row(text) or len(pipe_cells(text)) != width:
            break
        cells = pipe_cells(text)
        form.end_line = j
        j += 1
        if _column_numbers(cells):
            form.numbers_line = form.numbers_line or j - 1
            continue                            # the row of column numbers
        named = norm(" ".join(c for c in cells[:indicator] if c))
        if named:
            activity = named
            programme = bool(pattern("form_programme_re").match(named))
        name = norm(cells[indicator])
        if not name:
            continue
        line = j - 1
        form.rows.append(FormRow(
            line, activity, name,
            {q: _cell(cells[k], line) for q, (k, _) in quarters.items()},
            {q: _cell(cells[rp], line) for q, (_, rp) in quarters.items()}, programme))


def _column_numbers(cells: list[str]) -> bool:
    """A row numbering the form's columns ("2 | 3 | 7 | 8 | ... | 14")."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(re.fullmatch(r"\d{1,2}", c) for c in filled)


def _cell(raw: str, line: int) -> Cell | None:
    raw = raw.strip()
    if not raw:
        return None
    vals = value_line(raw, line)
    return vals[0] if vals else Cell(raw, None, False, None, line)
