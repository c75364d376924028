"""Tables printed on one line: caption, column header and every row run together, as web copies of
PDF tables give them ("Tabel 3.2 Capaian ... Kode Indikator Satuan Target Realisasi Capaian (%)
IKSS 1.1 Laju pertumbuhan ekonomi % 5,10 5,36 105,10 IKSS 1.2 ...").

The header starts at a word that opens a column header (``one_line_header_starts``: "No",
"Kode", "Indikator") and runs to the first indicator code after its target and realisasi words;
each row opens with a code (after its row number when the header has a "No") and holds one figure
per figure column, read from the left; words after the figures (a "Rata-rata" line run in) are
not part of the row.  Lines the ordinary table reader already read are left alone.
"""
from __future__ import annotations

import re

from ..document import Document, Line
from .cells import Cell, unit_words, value_line
from .codes import code_re, find_code
from .meta import years_named
from .tables import (
    NUMERIC_ROLES,
    Row,
    Table,
    caption_match,
    column_years,
    is_header_word,
    parse_header,
)
from .text import norm, pattern, word_set

_ROW_NUMBER = re.compile(r"(\d{1,2})\.?\s*$")


def one_line_tables(doc: Document, tables: list[Table], kind: str | None = None,
                    year: int | None = None, quarter: int | None = None) -> list[Table]:
    """The one-line tables of ``doc`` outside the lines of ``tables``."""
    taken = {n for t in tables for n in range(t.caption_line or t.header_line, t.end_line + 1)}
    out = []
    for ln in doc.lines:
        m = caption_match(ln.text) if ln.no not in taken else None
        table = _read(ln, m, kind, year, quarter) if m else None
        if table is not None:
            out.append(table)
    return out


def _header_start(rest: str) -> int | None:
    """Where the column header starts in the caption's text: among the header words that run up
    to the first "target" (with "realisasi" after it), the first that opens a header."""
    target = pattern("one_line_target_re").search(rest)
    if target is None or not pattern("one_line_realisasi_re").search(rest[target.end():]):
        return None
    starts = word_set("one_line_header_starts")
    best = None
    for w in reversed(list(re.finditer(r"\S+", rest[:target.start()]))):
        if not is_header_word(w.group(0)):
            break
        if w.group(0).lower().rstrip(".:") in starts:
            best = w.start()
    return best


def _codes_after(text: str, pos: int) -> list[tuple[str, str, int, int]]:
    out = []
    for m in code_re().finditer(text, pos):
        code = find_code(m.group(0))
        if code is not None:
            out.append((code[0], code[1], m.start(), m.end()))
    return out


def _read(ln: Line, m: re.Match, kind, year, quarter) -> Table | None:
    rest = m.group("rest")
    start = _header_start(rest)
    if start is None:
        return None
    realisasi = pattern("one_line_realisasi_re").search(rest[start:])
    codes = _codes_after(rest, start + realisasi.end())
    if not codes:
        return None
    header = rest[start:codes[0][2]]
    numbered = pattern("one_line_numbered_re").match(header) is not None
    if numbered:
        header = _ROW_NUMBER.sub("", header)
    columns = parse_header(header, kind, year, quarter)
    roles = [c.role for c in columns]
    numeric = [r for r in roles if r in NUMERIC_ROLES]
    if not {"target", "realisasi"} <= set(numeric) and not {"target_annual", "realisasi"} \
            <= set(numeric) or not ({"indikator", "code"} & set(roles)):
        return None
    rows = []
    for k, (code, printed, a, b) in enumerate(codes):
        end = codes[k + 1][2] if k + 1 < len(codes) else len(rest)
        row = _row(ln.no, rest[b:end], numeric, "unit" in roles)
        if row is None:
            return None   # a row that cannot be read: the line is not such a table
        row.code, row.code_printed = code, printed
        if numbered:
            before = _ROW_NUMBER.search(rest[:a])
            row.number = int(before.group(1)) if before else None
        rows.append(row)
    title = rest[:start]
    caption_code = find_code(title[:80])
    table = Table(header_line=ln.no, end_line=ln.no, columns=columns, rows=rows,
                  caption=norm(ln.text[:m.start("rest") + start]), caption_line=ln.no,
                  caption_number=m.group("num"),
                  caption_code=caption_code[0] if caption_code else None,
                  caption_code_printed=caption_code[1] if caption_code else None)
    table.styles = {c.number.style for r in rows for c in r.cells.values() if c.number}
    table.caption_years = tuple(years_named(title))
    table.column_years = column_years(columns)
    return table


def _row(line: int, text: str, numeric: list[str], unit_column: bool) -> Row | None:
    """One row's name and figures: the first run of exactly one figure per figure column."""
    tokens = text.split()
    if numeric and tokens and _ROW_NUMBER.fullmatch(tokens[-1]):
        tokens = tokens[:-1]   # the next row's number
    for j in range(1, len(tokens)):
        cells = _figures(tokens[j:], line, len(numeric))
        if cells is None:
            continue
        name, unit = tokens[:j], None
        if unit_column and name and (name[-1].lower() in unit_words() or name[-1] == "%"):
            unit, name = name[-1].lower(), name[:-1]
        row = Row(line=line, end_line=line, texts=[(line, norm(" ".join(name)))],
                  cells=dict(zip(numeric, cells)))
        units = [c.unit for c in cells if c.unit and c.unit != "%"]
        row.unit = unit or (units[0] if units else None) or \
            ("%" if any(c.percent for c in cells) else None)
        return row
    return None


def _figures(tokens: list[str], line: int, k: int) -> list[Cell] | None:
    """The cells of the longest run of ``tokens`` from the first that reads as ``k`` figures."""
    if not tokens or value_line(tokens[0], line) is None:
        return None
    found = None
    for end in range(1, len(tokens) + 1):
        cells = value_line(" ".join(tokens[:end]), line)
        if cells is None:
            if found is not None:
                break
            continue
        if len(cells) == k:
            found = cells
        elif len(cells) > k:
            break
    return found
