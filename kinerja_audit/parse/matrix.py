"""Layout matrices: a whitespace-aligned table (``pdftotext -layout``) of programmes and their
indicators whose header, on two lines, splits the figure columns into output (K) and budget (Rp)
leaves, the rows filling different leaves:

    Program / Indikator        Satuan   Target   Pagu (Rp)     Realisasi s.d. TW II   Capaian TW II
                                        2022                   K        Rp            K (%)   Rp (%)
    PROGRAM PENGELOLAAN                          412.350.000   187.930.115            45,58
      Angka Partisipasi Kasar    %      105,00                 106,42                 101,35

A figure stands under the header cell nearest to it; cells are runs of text set apart by two
spaces or more.  The first header line names the columns (``parse_header``); a leaf of the second
line (``form_output_labels`` / ``form_budget_labels``, as in the realisation forms) splits the
column above it.  Rows with figures under the output leaves (or under an unsplit target column) are
the indicators; a programme's budget row (figures only under budget leaves or the pagu) is left to
the budget reader; a line of text alone goes on with the name above it.  Parsing never judges.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .cells import value_line
from .tables import NUMERIC_ROLES, Column, Row, Table, caption_match, parse_header
from .text import is_debris, norm, word_set

_SEGMENT = re.compile(r"\S+(?: \S+)*")       # a cell: words set apart by single spaces
_GAP = re.compile(r"\S {3,}(?=\S)")
NEAR = 6          # characters a figure may stand off the middle of its header cell
PROSE_WORDS = 8   # a line of this many words without column gaps is a sentence: the table ends


@dataclass(frozen=True)
class _Leaf:
    role: str        # target / realisasi / capaian, unit, indikator, or "other" (budget, codes)
    centre: float
    label: str


def _segments(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(text)]


def _leaves(top: str, below: str, kind, year, quarter) -> list[_Leaf] | None:
    """The leaf columns of a two-line header, or None when the second line splits no column into
    an output and a budget leaf."""
    output, budget = word_set("form_output_labels"), word_set("form_budget_labels")
    parents = _segments(top)
    subs = _segments(below)

    def kind_of(label: str) -> str | None:
        word = norm(label).lower().replace("(%)", "").strip()
        return "output" if word in output else "budget" if word in budget else None

    if not any(kind_of(s[2]) == "output" for s in subs) \
            or not any(kind_of(s[2]) == "budget" for s in subs):
        return None
    out: list[_Leaf] = []
    for k, (start, end, label) in enumerate(parents):
        nxt = parents[k + 1][0] if k + 1 < len(parents) else 10 ** 6
        found = parse_header(label, kind, year, quarter)
        role = found[0].role if found else "other"
        split = [s for s in subs if start - 2 <= s[0] < nxt - 2 and kind_of(s[2])]
        if not split:
            out.append(_Leaf(role, (start + end) / 2, label))
            continue
        for s_start, s_end, s_label in split:
            leaf_role = role if kind_of(s_label) == "output" and role in NUMERIC_ROLES else "other"
            out.append(_Leaf(leaf_role, (s_start + s_end) / 2, f"{label} {s_label}"))
    return out


def _place(leaves: list[_Leaf], start: int, end: int) -> _Leaf | None:
    centre = (start + end) / 2
    best = min(leaves, key=lambda f: abs(f.centre - centre))
    return best if abs(best.centre - centre) <= NEAR + (end - start) / 2 else None


def _header_at(doc: Document, i: int) -> int | None:
    """The line (index) of the header's second line when line index ``i`` opens a matrix header."""
    text = doc.lines[i].text
    if len(_GAP.findall(text)) < 3:
        return None
    roles = {c.role for c in parse_header(text)}
    if not ({"target", "realisasi"} <= roles):
        return None
    j = i + 1
    while j < len(doc.lines) and not doc.lines[j].text.strip():
        j += 1
    return j if j < len(doc.lines) else None


def layout_matrices(doc: Document, tables: list[Table], kind: str | None = None,
                    year: int | None = None, quarter: int | None = None) -> list[Table]:
    """The layout matrices of ``doc`` outside the lines of ``tables``."""
    taken = {n for t in tables for n in range(t.caption_line or t.header_line, t.end_line + 1)}
    out = []
    i = 0
    while i < len(doc.lines):
        j = _header_at(doc, i) if doc.lines[i].no not in taken else None
        leaves = _leaves(doc.lines[i].text, doc.lines[j].text, kind, year, quarter) if j else None
        if not leaves or not any(f.role in ("target", "realisasi") for f in leaves):
            i += 1
            continue
        table = _read(doc, i, j, leaves)
        if table.rows:
            out.append(table)
        i = table.end_line      # the index of the line after the table (lines count from 1)
    return out


def _read(doc: Document, i: int, j: int, leaves: list[_Leaf]) -> Table:
    roles = list(dict.fromkeys(f.role for f in leaves if f.role != "other"))
    table = Table(header_line=doc.lines[i].no, end_line=doc.lines[j].no,
                  columns=[Column(r, next(f.label for f in leaves if f.role == r)) for r in roles],
                  rows=[])
    last: Row | None = None    # the row a name-only line goes on with (None after a budget row)
    for k in range(j + 1, len(doc.lines)):
        ln = doc.lines[k]
        text = ln.text
        if not text.strip() or is_debris(text):
            continue
        if caption_match(text) or _header_at(doc, k) is not None \
                or len(norm(text).split()) >= PROSE_WORDS and not _GAP.search(text):
            break
        row, figures = Row(line=ln.no, end_line=ln.no), 0
        for start, end, cell in _segments(text):
            leaf = _place(leaves, start, end)
            vals = value_line(cell, ln.no) if leaf is not None else None
            if vals and len(vals) == 1:
                figures += 1
                if leaf.role in NUMERIC_ROLES:
                    row.cells[leaf.role] = vals[0]
            elif leaf is not None and leaf.role == "unit":
                row.unit = norm(cell).lower()
            elif leaf is None or leaf.role in ("indikator", "sasaran", "other") and not figures:
                row.texts.append((ln.no, norm(cell)))
        table.end_line = ln.no
        if row.cells:
            if row.unit is None and any(c.percent for c in row.cells.values()):
                row.unit = "%"
            table.rows.append(row)
            last = row
        elif figures:
            last = None                  # a programme's budget row: its name is no indicator's
        elif last is not None:
            last.texts.extend(row.texts)  # a name wrapped onto the next line
            last.end_line = ln.no
    return table
