"""Indicator tables: header roles, rows, values, codes and names, whatever the extraction style.

Handles (1) cells scattered over lines as text extracted from a PDF gives them (values on lines of
their own, names wrapped, row numbers of sasaran), (2) one row per line with columns separated by
runs of spaces (``pdftotext -layout``) and (3) pipe-separated rows (``| a | b |``), which is also
how the PDF and DOCX readers emit real tables.  Parsing never judges: rows that cannot be completed
are kept with what was read, and the counts go to the coverage report.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from itertools import pairwise

from .. import rulepack
from ..document import Document
from .cells import Cell, split_trailing_cells, unit_words, value_line
from .codes import code_tail, find_code
from .periods import YEAR, roman_or_int, years_in
from .text import is_debris, match, norm, pattern, search, word_set

NUMERIC_ROLES = (
    "target_annual",
    "target",
    "realisasi",
    "capaian",
    "capaian_annual",   # against the annual target in a quarterly table ("% thd Target 2019")
    "target_other",
    "realisasi_other",
    "capaian_other",
)


@functools.lru_cache(maxsize=8192)
def caption_match(text: str) -> re.Match | None:
    """A table caption ("Tabel 3.1 : ..."): groups ``num`` and ``rest``.  Remembered: the
    parsers ask it of every line, several times over."""
    m = match("caption_re", text)
    # "Tabel 2.2 berikut ini :" ends a sentence that points at the table: a reference, no caption
    return None if m is None or pattern("caption_reference_re").match(m.group("rest")) else m


@dataclass(frozen=True)
class Caption:
    line: int
    number: str           # as printed: "7", "3.4"
    # the last number of the indicator code the caption names near its start ("Tabel 7. Progres
    # IK.7 ..." -> 7), None when it names none
    code_number: int | None = None

    @property
    def chapter(self) -> str:
        """The chapter part of a chapter-numbered caption ("3" of "3.4" or "3-4"; "" for "7")."""
        return ".".join(re.split(r"[.\-]", self.number)[:-1])

    @property
    def position(self) -> int:
        return int(re.split(r"[.\-]", self.number)[-1])


def find_captions(doc: Document) -> list[Caption]:
    """Every table caption of the document, in order."""
    out = []
    for ln in doc.lines:
        m = caption_match(ln.text)
        if m:
            code = find_code(m.group("rest")[:80])
            out.append(Caption(ln.no, m.group("num"), code_tail(code[0]) if code else None))
    return out


@functools.cache
def _header_token() -> re.Pattern:
    return re.compile("^(?:" + "|".join(rulepack.lexicon()["header_tokens"]) + ")$", re.IGNORECASE)


@dataclass
class Column:
    role: str
    label: str


@dataclass
class Row:
    line: int
    end_line: int
    code: str | None = None             # canonical form of the code printed in the row
    code_printed: str | None = None
    number: int | None = None           # "No." column
    item: int | None = None             # the number opening its name cell ("2. Persentase ...")
    texts: list[tuple[int, str]] = field(default_factory=list)
    cells: dict[str, Cell] = field(default_factory=dict)
    unit: str | None = None
    unread: list[Cell] = field(default_factory=list)
    ranges: dict[str, str] = field(default_factory=dict)  # role -> a range as printed ("5-6%")

    @property
    def name(self) -> str:
        return norm(" ".join(t for _, t in self.texts))


@dataclass
class Table:
    header_line: int
    end_line: int
    columns: list[Column]
    rows: list[Row]
    caption: str | None = None
    caption_line: int | None = None
    caption_number: str | None = None
    caption_code: str | None = None
    caption_code_printed: str | None = None
    styles: set[str] = field(default_factory=set)
    caption_years: tuple[int, ...] = ()   # the years its caption names
    column_years: tuple[int, ...] = ()    # the years its target/realisasi/capaian columns name
    form: bool = False     # a quarterly realisation form (parse/forms.py): a quarter's K, no target

    @property
    def numeric_roles(self) -> list[str]:
        return [c.role for c in self.columns if c.role in NUMERIC_ROLES]


@functools.cache
def _role_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for role, pats in rulepack.lexicon()["header_roles"].items():
        for p in pats:
            out.append((role, re.compile(p, re.IGNORECASE)))
    return out


def _qualify(
    role: str, qualifier: str, kind: str | None, year: int | None, quarter: int | None
) -> str:
    """Turn a target/realisasi/capaian column into target_annual / target / *_other."""
    from .text import any_match

    q = qualifier.lower()
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", q)]
    is_period = any_match("header_period", q)
    is_annual = any_match("header_annual", q) and not is_period
    if years and year and all(y != year for y in years) or any_match("header_other", q):
        return f"{role}_other"
    quarters = pattern("period_quarter_re").findall(q)
    if quarters and quarter and all(roman_or_int(x) != quarter for x in quarters):
        return f"{role}_other"
    if role in ("target", "capaian") and is_annual and kind != "annual":
        return f"{role}_annual"
    return role


def parse_header(text: str, kind: str | None = None, year: int | None = None,
                 quarter: int | None = None, *, cell: bool = False) -> list[Column]:
    """Column roles, in order, from the (joined) header text (``cell``: one cell of a pipe
    header, whose roles are settled with the whole header's)."""
    if is_pipe_row(text):
        return _parse_pipe_header(text, kind, year, quarter)
    t = norm(text.replace("|", " | "))
    pos = 0
    columns: list[Column] = []
    qualifiers: list[str] = []
    lead = ""          # the header words before the first role ("TAHUN 2020 TAHUN 2021")
    while pos < len(t):
        best = None
        for role, pat in _role_patterns():
            m = pat.match(t, pos)
            if m and m.end() > pos and (best is None
                                        or m.end() - m.start() > best[1].end() - best[1].start()):
                best = (role, m)
        if best:
            role, m = best
            if role == "target" and not any(c.role == "target" for c in columns):
                lead = t[:pos]
            # "Capaian" right after "Indikator Kinerja" etc. is still a column of its own
            columns.append(Column(role, m.group(0)))
            qualifiers.append("")
            pos = m.end()
        else:
            nxt = t.find(" ", pos)
            word = t[pos:] if nxt < 0 else t[pos:nxt]
            if columns and word != "|":
                qualifiers[-1] += " " + word
            pos = len(t) if nxt < 0 else nxt
        while pos < len(t) and t[pos] == " ":
            pos += 1
    groups = _group_years(lead, columns)
    out: list[Column] = []
    for col, qual, group_year in zip(columns, qualifiers, groups):
        role = col.role
        if role in ("target", "realisasi", "capaian"):
            role = _qualify(role, f"{qual} {group_year or ''}", kind, year, quarter)
        out.append(Column(role, norm(col.label + qual)))
    # Two plain period targets: the first is the annual one (e.g. "Target | Target TW II").
    targets = [c for c in out if c.role == "target"]
    if len(targets) > 1 and kind != "annual" and not any(groups):
        targets[0].role = "target_annual"
    # A header wrapped over two lines ("Persentase" / "Capaian") names one column twice: a repeat
    # with no qualifier of its own is that wrap, not a column.
    out = [c for i, c in enumerate(out)
           if not (c.role == "capaian" and i
                   and any(o.role == "capaian"
                           for o, g in zip(out[:i], groups) if g == groups[i])
                   and norm(c.label).lower() in word_set("capaian_wrap_words"))]
    _mark_other_columns(out, settle=not cell)
    return out


def _mark_other_columns(out: list[Column], settle: bool = True) -> None:
    """A second column of the same role is an ``*_other`` one, and so is the capaian against a
    target that is no period target.  A capaian against the annual target stands beside the
    period's capaian and the annual target: alone, it is the table's (period) capaian."""
    annual = [c for c in out if c.role == "capaian_annual"]
    if settle and annual and not (any(c.role == "capaian" for c in out)
                       and any(c.role == "target_annual" for c in out)):
        for c in annual:
            c.role = "capaian"
    for role in ("target", "realisasi", "capaian", "target_annual", "capaian_annual"):
        same = [c for c in out if c.role == role]
        for extra in same[1:]:
            extra.role = f"{role.split('_')[0]}_other"
    if any(c.role == "target_other" for c in out) \
            and not any(c.role in ("target", "target_annual") for c in out):
        # "Target Akhir Renstra | Realisasi 2023 | Capaian": the capaian against that target
        for c in out:
            if c.role == "capaian":
                c.role = "capaian_other"


def _group_years(lead: str, columns: list[Column]) -> list[str | None]:
    """Column groups under years named above them ("TAHUN 2020 TAHUN 2021" over "Target Realisasi
    % Capaian" twice): the year of each column's group, or None when the header has no
    such groups."""
    years = YEAR.findall(lead)
    starts = [i for i, c in enumerate(columns) if c.role == "target"]
    if len(years) < 2 or len(starts) != len(years):
        return [None] * len(columns)
    out: list[str | None] = []
    group = -1
    for i, _ in enumerate(columns):
        if i in starts:
            group += 1
        out.append(years[group] if group >= 0 else None)
    return out


def _parse_pipe_header(text: str, kind, year, quarter) -> list[Column]:
    """One column per pipe cell, so the columns line up with the rows' cells exactly."""
    columns: list[Column] = []
    cells = pipe_cells(text)
    for cell in cells:
        found = parse_header(cell, kind, year, quarter, cell=True) if cell else []
        # "No. IK" holds codes, not row numbers
        code = next((c for c in found if c.role == "code"), None)
        columns.append(code or (found[0] if found else Column("other", cell)))
    _qualify_year_groups(columns, cells, kind, year, quarter)
    # the same de-duplication of roles as for text headers
    targets = [c for c in columns if c.role == "target"]
    if len(targets) > 1 and kind != "annual":
        targets[0].role = "target_annual"
    _mark_other_columns(columns)
    return columns


def _qualify_year_groups(columns: list[Column], cells: list[str], kind, year, quarter) -> None:
    """Column groups under years merged above them ("2015" over "Target | Realisasi | Capaian",
    then "2016" over the same three): a merged label prints in one cell of its span (the cell's
    words then open with the year), so the groups are told by their target columns, one per
    year in order; each group's figure columns are qualified by its year (another year's become
    ``*_other``)."""
    years = [m.group() for m in (YEAR.match(c.strip()) for c in cells) if m]
    starts = [i for i, c in enumerate(columns) if c.role in ("target", "target_annual")]
    if len(years) < 2 or len(years) != len(starts):
        return
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(columns)
        for col in columns[start:end]:
            base = col.role.split("_")[0]
            if base in ("target", "realisasi", "capaian") and not col.role.endswith("_other"):
                col.role = _qualify(base, years[k], kind, year, quarter)


def is_header_word(token: str) -> bool:
    """A word that column headers are made of (``header_tokens``)."""
    return bool(_header_token().match(token))


def _header_line(text: str) -> bool:
    toks = norm(text.replace("|", " ")).split()
    if not toks or len(toks) > 24:
        return False
    return all(_header_token().match(tok) for tok in toks)


def is_table_header(text: str) -> bool:
    """A line made only of column-header words, naming a target/realisasi/capaian column."""
    return bool(search("header_role_words", text)) and _header_line(text)


def is_pipe_row(text: str) -> bool:
    """Cells separated explicitly: by pipes (converters, PDF/DOCX tables) or by tabs
    (copied tables)."""
    return text.count("|") >= 2 or ("\t" in text and text.strip().count("\t") >= 2)


def pipe_cells(text: str) -> list[str]:
    """Every cell of a pipe (or tab) row, empty ones too, so positions line up across rows."""
    if text.count("|") >= 2:
        return [p.strip() for p in text.strip().strip("|").split("|")]
    return [p.strip() for p in text.strip().split("\t")]


def _pipe_separator(text: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?[\s:\-|+=]+\|?\s*", text)) and "-" in text


_COLUMN_GAP = re.compile(r"\S {4,}\S")


def _prose(text: str) -> bool:
    """A sentence, not a table row: it ends with a full stop, or is long and not a row of values."""
    if _COLUMN_GAP.search(text.strip()):
        # text standing in separate columns ("dan daya saing    yang bekerja") is a table
        return False
    t = norm(text)
    words = t.split()
    if len(words) >= 4 and t.endswith(".") and t[:1].isupper():
        return True
    if len(split_trailing_cells(text, 0)[1]) >= 2:
        return False
    return len(words) >= 8 and len(t) >= 50


def _header_prefix(text: str) -> int:
    """Length of the column-header words opening a line that goes on with data ("2021 % CAPAIAN
    Persentase Obat yang ..."): 0 when the line does not open with a header part naming a column."""
    pos, named, tokens = 0, False, []
    for m in re.finditer(r"\S+", text):
        if not _header_token().match(m.group(0)):
            break
        tokens.append(m.group(0))
        # "Persentase ..." opens many indicator names; a header part names target/realisasi/capaian
        named = named or bool(re.fullmatch(r"target|realisasi|capaian", m.group(0), re.IGNORECASE))
        pos = m.end()
    if len(tokens) < 2 or re.fullmatch(r"\d{1,2}\.?", tokens[0]):
        return 0   # a row number opens a row, not a header
    return pos if named and text[pos:].strip() else 0


def find_header(doc: Document, start: int, end: int) -> tuple[int, int, int] | None:
    """(first, last, split) of the next table header in lines start..end (1-based): its first and
    last line, and when the line after it opens with the header's last words and goes on with
    data, how many characters of that line belong to the header (else 0)."""
    i = start
    while i <= end:
        text = doc.lines[i - 1].text
        if search("header_role_words", text) and _header_line(text):
            # extend over neighbouring header-only lines (headers wrapped over several lines);
            # a pipe header is complete in itself (a caption's wrapped tail above it,
            # "Tahun 2025", is no header)
            first = last = i
            if is_pipe_row(text):
                first, last = _stacked_pipe_header(doc, i, start, end)
                if _is_full_header(_pipe_header_text(doc, first, last)):
                    return first, last, 0
                i = last + 1
                continue
            j = i - 1
            while j >= start and j >= i - 12 and not is_pipe_row(text):
                t = doc.lines[j - 1].text
                if not t.strip():
                    j -= 1
                    continue
                if _header_line(t) and not is_pipe_row(t):
                    first = j
                    j -= 1
                    continue
                break
            j = i + 1
            while j <= end and j <= i + 14:
                t = doc.lines[j - 1].text
                if not t.strip():
                    j += 1
                    continue
                if (
                    _header_line(t)
                    and not is_pipe_row(t)
                    and (value_line(t, j) is None or _header_wrap(t))
                ):
                    last = j
                    j += 1
                    continue
                break
            header_text = " ".join(doc.lines[k - 1].text for k in range(first, last + 1))
            split = (
                _header_prefix(doc.lines[j - 1].text) if j <= end and not is_pipe_row(text) else 0
            )
            if split and _is_full_header(header_text + " " + doc.lines[j - 1].text[:split]):
                return first, j, split
            if _is_full_header(header_text):
                return first, last, 0
            i = last + 1
            continue
        i += 1
    return None


def _stacked_pipe_header(doc: Document, i: int, start: int, end: int) -> tuple[int, int]:
    """The first and last line of a pipe header written over several rows of one table (a
    merged header cell prints its words in the row where they fall: "Tahun 2016" above
    "Target | Realisasi", "Renstra (%)" below "Target Akhir"): the adjacent pipe rows of the same
    width made of header words, or (above it) of short labels without figures."""
    width = len(pipe_cells(doc.lines[i - 1].text))

    def part(j: int, above: bool) -> bool:
        t = doc.lines[j - 1].text
        if not is_pipe_row(t):
            return False
        row = pipe_cells(t)
        cells = [c for c in row if c]
        return (
            len(row) == width
            and bool(cells)
            and (
                _header_line(t)
                or above
                and not any(ch.isdigit() for ch in YEAR.sub("", t))    # group years ("2015")
                and all(len(c.split()) <= 4 for c in cells)
            )
        )

    first = last = i
    while first - 1 >= max(start, i - 4) and part(first - 1, True):
        first -= 1
    while last + 1 <= min(end, i + 4) and part(last + 1, False):
        last += 1
    return first, last


def _new_header(doc: Document, i: int, end: int, text: str, pipe: bool) -> bool:
    """A full header opens at line ``i`` of a table body: a text header, or (in a pipe table) a
    pipe header alone or stacked over the rows below it."""
    if is_table_header(text) and _is_full_header(_header_block(doc, i, end)):
        return True
    return pipe and is_pipe_row(text) and _pipe_header_starts(doc, i, end)


def _pipe_header_starts(doc: Document, i: int, end: int) -> bool:
    """Line ``i`` opens a full pipe header (alone or stacked over the rows below it): a row of
    words without figures, as the first line of a header printed again after a page break."""
    if any(ch.isdigit() for ch in YEAR.sub("", doc.lines[i - 1].text)):
        return False        # figures: a row of data (years are labels: "2015" over a group)
    _, last = _stacked_pipe_header(doc, i, i, end)
    return _is_full_header(_pipe_header_text(doc, i, last))


def _pipe_header_text(doc: Document, first: int, last: int) -> str:
    """The pipe header of lines first..last as one pipe row: each column's words, top to bottom."""
    rows = [pipe_cells(doc.lines[k - 1].text) for k in range(first, last + 1)]
    return "| " + " | ".join(norm(" ".join(_column_parts(col))) for col in zip(*rows)) + " |"


def _column_parts(parts: tuple[str, ...]) -> list[str]:
    """The words of one column of a stacked header, top to bottom, without a group label of the
    name columns standing over a figure column ("INDIKATOR KINERJA" merged over "TAHUN 2016" /
    "TARGET | REALISASI" prints in the first figure column: that column is the target's)."""
    if sum(1 for p in parts if p.strip()) < 2:
        return list(parts)   # one label: nothing stands over it
    roles = [parse_header(f"| {p} |")[0].role if p.strip() else "other" for p in parts]
    if not any(r in NUMERIC_ROLES for r in roles):
        return list(parts)
    return [p for p, r in zip(parts, roles) if r not in ("indikator", "sasaran")]


def _is_full_header(text: str) -> bool:
    """Column headers of an indicator table: a target column and a realisasi or capaian column.
    ("Persentase realisasi" alone is a wrapped indicator name, not a header.)"""
    roles = {c.role for c in parse_header(text)}
    return bool(roles & {"target", "target_annual"}) and bool(roles & {"realisasi", "capaian"})


def _header_block(doc: Document, i: int, end: int) -> str:
    """The header-only lines starting at line ``i``, joined."""
    parts = []
    for j in range(i, min(end, i + 14) + 1):
        t = doc.lines[j - 1].text
        if not t.strip():
            continue
        if not _header_line(t):
            break
        parts.append(t)
    return " ".join(parts)


def _header_wrap(text: str) -> bool:
    """A header cell wrapped onto its own line: only years and period words ("2025", "TW II")."""
    toks = norm(text).split()
    wrap = re.compile(
        "^(?:" + "|".join(rulepack.lexicon()["header_wrap_tokens"]) + ")$", re.IGNORECASE
    )
    return (
        bool(toks)
        and all(wrap.match(t) for t in toks)
        and any(re.fullmatch(r"(19|20)\d\d", t) for t in toks)
    )


def _caption_before(doc: Document, header_first: int, floor: int):
    for j in range(header_first - 1, max(floor, header_first - 4) - 1, -1):
        t = doc.lines[j - 1].text
        m = caption_match(t)
        if m:
            return j, m
    return None


def parse_tables(doc: Document, start: int, end: int, *, kind: str | None = None,
                 year: int | None = None, quarter: int | None = None,
                 stop_lines: set[int] | None = None) -> list[Table]:
    """Every indicator table in lines start..end."""
    stop_lines = stop_lines or set()
    tables: list[Table] = []
    pos = start
    while pos <= end:
        hdr = find_header(doc, pos, end)
        if hdr is None:
            break
        first, last, split = hdr
        pipe = is_pipe_row(doc.lines[first - 1].text)
        if pipe:
            header_text = _pipe_header_text(doc, first, last)
        else:
            header_text = " ".join(doc.lines[k - 1].text for k in range(first, last))
            header_text += " " + (
                doc.lines[last - 1].text[:split] if split else doc.lines[last - 1].text
            )
        columns = parse_header(header_text, kind, year, quarter)
        if pipe:
            columns = _aligned(columns, _body_cells(doc, last + 1, end, len(columns)))
        table = Table(header_line=first, end_line=last, columns=columns, rows=[])
        cap = _caption_before(doc, first, max(start, tables[-1].end_line + 1 if tables else start))
        if cap:
            table.caption_line, m = cap
            table.caption = norm(doc.lines[cap[0] - 1].text)
            table.caption_number = m.group("num")
            code = find_code(m.group("rest"))
            if code:
                table.caption_code, table.caption_code_printed = code[0], code[1]
        _years(table)
        continued = bool(tables) and _continues(doc, tables[-1], table)
        if continued and len(columns) == len(tables[-1].columns):
            # the header printed again may lack a line of the first one: read with the first
            table.columns = tables[-1].columns
        if split:  # the header's last line goes on with the first row's data
            _read_body(
                doc, table, last, end, pipe, stop_lines, first_text=doc.lines[last - 1].text[split:]
            )
        else:
            _read_body(doc, table, last + 1, end, pipe, stop_lines)
        if not pipe and table.columns and table.columns[0].role == "number":
            _numbers_in_names(table.rows)
        if continued:
            tables[-1].rows += table.rows
            tables[-1].end_line = table.end_line
            tables[-1].styles |= table.styles
        else:
            tables.append(table)
        pos = table.end_line + 1
    return tables


_CONTINUATION_ROLES = ("number", "code", "indikator", "target", "realisasi", "capaian")


def _continues(doc: Document, previous: Table, table: Table) -> bool:
    """``table`` goes on with ``previous`` over a page break: the same header printed again (the
    same indicator and figure columns in the same order), no caption of its own, and nothing but
    blank lines between them (running headers and page numbers are blanked before)."""
    def roles(t: Table) -> list[str]:
        return [c.role for c in t.columns if c.role in _CONTINUATION_ROLES]

    return bool(previous.rows) and table.caption is None and roles(previous) == roles(table) \
        and all(not doc.lines[k - 1].text.strip() or is_debris(doc.lines[k - 1].text)
                for k in range(previous.end_line + 1, table.header_line))


def _read_body(doc: Document, table: Table, start: int, end: int, pipe: bool,  # noqa: C901
               stop_lines: set[int], first_text: str | None = None) -> None:
    numeric = table.numeric_roles
    k = len(numeric)
    has_number_col = any(c.role == "number" for c in table.columns)
    has_unit_col = any(c.role == "unit" for c in table.columns)
    roles = [c.role for c in table.columns]
    # a text column after the figures ("Kategori": "Sangat baik") ends the row's lines with words
    text_after = k > 0 and any(r == "keterangan" for r in roles[max(i for i, r in enumerate(roles)
                                                                      if r in NUMERIC_ROLES) + 1:])
    rows: list[Row] = []
    current: Row | None = None
    pending: list[Cell] = []      # values of the current row, in column order
    pending_text: list[tuple[int, str]] = []
    last_content = table.end_line
    remarked = 0      # the last line whose remark cell (after its figures) was cut off

    def complete_row(line: int) -> None:
        nonlocal current, pending
        row = current or Row(line=pending[0].line if pending else line, end_line=line)
        for role, cell in zip(numeric, pending):
            row.cells[role] = cell
        _set_unit(row, pending)
        row.end_line = line
        rows.append(row)
        current, pending = None, []

    def start_row(line: int) -> Row:
        nonlocal current, pending_text
        row = Row(line=line, end_line=line)
        if pending_text:
            row.texts.extend(pending_text)
            row.line = pending_text[0][0]
            pending_text = []
        current = row
        return row

    i = start
    while i <= end:
        line = doc.lines[i - 1]
        text = first_text if (i == start and first_text is not None) else line.text
        if not pipe and is_pipe_row(text):
            break   # bordered cells under a plain-text header: columns that cannot be lined up
        if text_after and not pipe:
            text, cut = _without_trailing_words(text), text
            remarked = i if text != cut else remarked
        if i in stop_lines or caption_match(text):
            break
        if not text.strip() or is_debris(text):
            i += 1
            continue
        if pipe and _pipe_separator(text):
            i += 1
            continue
        if rows and _new_header(doc, i, end, text, pipe):
            break  # a new table starts, or the header is printed again after a page break
        if not is_pipe_row(text) and _prose(text):
            if pending:
                complete_row(last_content)   # an incomplete row: keep what was read, stop here
                break
            if rows and current is None:
                break
        if pipe and is_pipe_row(text):
            cells_text = pipe_cells(text)
            _pipe_row(table, cells_text, i, rows)
            last_content = i
            i += 1
            continue
        if pipe and not is_pipe_row(text) and rows:
            break
        table.styles.update(c.number.style for c in (value_line(text, i) or []) if c.number)
        code = find_code(text, at_start=True)
        if code and (len(norm(text)) < 120):
            if pending and current is not None:
                complete_row(i - 1)  # incomplete row; keep what was read
            row = start_row(i)
            row.code, row.code_printed = code[0], code[1]
            text = text[code[3]:].lstrip(" :.-")
        vals = value_line(text, i)
        if vals is not None:
            if has_number_col and len(vals) == 1 and not pending and _is_row_number(vals[0]) \
                    and _next_is_text(doc, i, end):
                if current is None:
                    start_row(i)
                current.number = int(vals[0].value)
                last_content = i
                i += 1
                continue
            expected_role = numeric[len(pending)] if len(pending) < k else None
            if pending and len(vals) == 1 \
                    and _stray_number(vals[0], pending, _next_value(doc, i, end), expected_role):
                i += 1   # a page number fallen between a row's cells ("4,5 hari / 7 / 4,5 hari")
                continue
            pending.extend(vals)
            if current is None:
                start_row(i)
            last_content = i
            while len(pending) >= k > 0:
                extra = pending[k:]
                pending = pending[:k]
                complete_row(i)
                pending = extra
                if pending:
                    start_row(i)
            i += 1
            continue
        rest, cells = split_trailing_cells(text, i, max_cells=k - len(pending) if k else None)
        if len(cells) >= 2 or (cells and pending):
            table.styles.update(c.number.style for c in cells if c.number)
            if current is None:
                start_row(i)
            if rest and has_unit_col:
                words = rest.split()
                if words and words[-1].lower() in unit_words():
                    current.unit = current.unit or words[-1].lower()
                    rest = " ".join(words[:-1])
            if rest:
                current.texts.append((i, rest))
            pending.extend(cells)
            last_content = i
            if len(pending) >= k:
                complete_row(i)
            i += 1
            continue
        # plain text: a name fragment, sasaran text or a unit cell
        t = norm(text)
        if has_unit_col and t.lower() in unit_words() and current is not None:
            current.unit = current.unit or t.lower()
        elif rows and current is None and not pending and not pending_text \
                and _trailing_fragment(t):
            if rows[-1].end_line != remarked:     # else the remark's words wrapped, not the name's
                rows[-1].texts.append((i, t))
        elif current is None:
            pending_text.append((i, t))
        else:
            current.texts.append((i, t))
        last_content = i
        i += 1
    if current is not None and (pending or current.code or current.texts):
        if pending:
            complete_row(last_content)
        elif current.code:
            rows.append(current)
    table.rows = [r for r in rows if not _header_in_name(r) and not _summary_row(r)]
    table.end_line = max(last_content, table.end_line)


def _set_unit(row: Row, cells: list[Cell]) -> None:
    """A read row's unit, when it has none: the unit word of its cells, else "%" when its target
    or realisasi is printed as a percentage."""
    units = [c.unit for c in cells if c.unit and c.unit != "%"]
    if units and not row.unit:
        row.unit = units[0]
    if not row.unit and any(row.cells.get(r) is not None and row.cells[r].percent
                            for r in ("target", "realisasi", "target_annual")):
        row.unit = "%"


_NAME_NUMBER = re.compile(r"(\d{1,2})[.)]?\s+(?=[^\W\d_])")


def _numbers_in_names(rows: list[Row]) -> None:
    """Under a "No" first column, a row whose name cell opens with a small number ("1 Luas
    kawasan ...") printed its row number there: it becomes the row's number, out of the name,
    when those numbers rise from row to row."""
    found = [(row, m) for row in rows if row.number is None and row.code is None and row.texts
             for m in [_NAME_NUMBER.match(row.texts[0][1])] if m]
    values = [int(m.group(1)) for _, m in found]
    if not found or any(b <= a for a, b in pairwise(values)):
        return
    for row, m in found:
        line, text = row.texts[0]
        row.number, row.texts[0] = int(m.group(1)), (line, text[m.end():])


def _years(table: Table) -> None:
    from .meta import years_named

    if table.caption:
        table.caption_years = tuple(years_named(table.caption))
    table.column_years = column_years(table.columns)


def column_years(columns: list[Column]) -> tuple[int, ...]:
    """The years the target/realisasi/capaian columns name, in order."""
    return tuple(y for c in columns if c.role in NUMERIC_ROLES for y in years_in(c.label))


def _without_trailing_words(text: str) -> str:
    """A row line without the words of a text column after its figures ("... 101,20 Sangat baik",
    "... 36,01 Akumulasi (orang)."), when figures stand before them."""
    tokens = text.split()
    i = len(tokens)
    while (
        i > 0 and len(tokens) - i < 5
        and re.fullmatch(r"\(?[A-Za-z][A-Za-z./-]*\)?[.,;:]?", tokens[i - 1])
    ):
        i -= 1
    if i == len(tokens) or i < 2 or not re.fullmatch(r"[-+]?\d+(?:[.,]\d+)*%?", tokens[i - 1]):
        return text
    return " ".join(tokens[:i])


def _summary_row(row: Row) -> bool:
    """The table's own average or total row ("Rata-rata capaian 108,17"): no indicator
    of its own."""
    return bool(pattern("summary_row_re").match(row.name)) and not row.code \
        and "target" not in row.cells and "realisasi" not in row.cells


def _header_in_name(row: Row) -> bool:
    """A "row" whose name opens with three column-header words ("Capaian Target Realisasi % ...")
    is a header the reader did not recognise, read as data: its values cannot be trusted."""
    run = 0
    for tok in row.name.split():
        if not (tok == "%" or pattern("header_role_words").fullmatch(tok)):
            break
        run += 1
    return run >= 3


def _stray_number(
    cell: Cell, pending: list[Cell], following: Cell | None, expected_role: str | None
) -> bool:
    """A bare whole number fallen between a row's cells (a page number): the cells around it carry a
    unit it lacks, or it stands where the percentage belongs and the percentage follows it."""
    if (
        cell.unit
        or cell.percent
        or cell.number is None
        or cell.number.decimals
        or following is None
    ):
        return False
    if expected_role == "capaian" and following.percent:
        return True
    units = {c.unit for c in pending if c.number is not None}
    if len(units) != 1:
        return False
    unit = units.pop()
    return unit is not None and unit != "%" and following.unit == unit


def _next_value(doc: Document, i: int, end: int) -> Cell | None:
    for j in range(i + 1, min(end, i + 20) + 1):
        t = doc.lines[j - 1].text
        if t.strip() and not is_debris(t):
            vals = value_line(t, j)
            return vals[0] if vals else None
    return None


def _is_row_number(cell: Cell) -> bool:
    return (
        cell.number is not None
        and not cell.percent
        and cell.unit is None
        and cell.number.style == "plain"
        and cell.number.value.is_integer()
        and 0 < cell.number.value < 100
    )


def _next_is_text(doc: Document, i: int, end: int) -> bool:
    for j in range(i + 1, min(end, i + 40) + 1):
        t = doc.lines[j - 1].text
        if t.strip() and not is_debris(t):
            return value_line(t, j) is None
    return False


def _trailing_fragment(text: str) -> bool:
    """A short lower-case fragment after a row's values (the end of a wrapped name)."""
    return len(text) <= 40 and text[:1].islower() and len(text.split()) <= 5


def _body_cells(doc: Document, start: int, end: int, width: int) -> list[list[str]]:
    """The cells of the pipe rows of one width after a header, up to the first other line."""
    out = []
    for k in range(start, end + 1):
        t = doc.lines[k - 1].text
        if not t.strip():
            continue
        row = pipe_cells(t) if is_pipe_row(t) else []
        if len(row) != width:
            break
        out.append(row)
    return out


# "(1) (2) (3)": the columns numbered under the header
_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?")

# the label of a column a figure column may move onto: none, or a period ("Tahun 2016") printed
# over the merged header cell
_PERIOD_LABEL = re.compile(
    r"((tahun|tw|triwulan|semester)\s*)?(\d{4}|[ivx]+|[1-4])?", re.IGNORECASE
)


def _aligned(columns: list[Column], body: list[list[str]]) -> list[Column]:
    """Figure columns moved onto the cells their figures are printed in.  A header cell merged
    over several grid columns names the first, its figures may stand in the next ("Target" over
    the spacer and the value column of a PDF grid): a figure column no row has a figure in takes
    the nearest column with figures, one or two places away, that is unnamed or named only by a
    period.  A label repeated in the next column is one merged header cell: of the two, the
    column with figures keeps the role."""
    body = [row for row in body if not all(_COLUMN_NUMBER.fullmatch(c) for c in row if c)]
    if not body:
        return columns
    cols = [Column(c.role, c.label) for c in columns]
    filled = [any(any(ch.isdigit() for ch in row[k]) for row in body) for k in range(len(cols))]
    for k, col in enumerate(cols):
        nxt = cols[k + 1] if k + 1 < len(cols) else None
        if (
            col.role in NUMERIC_ROLES
            and nxt is not None
            and nxt.role in NUMERIC_ROLES
            and norm(nxt.label).lower() == norm(col.label).lower()
            and filled[k] != filled[k + 1]
        ):
            keep, drop = (k, k + 1) if filled[k] else (k + 1, k)
            cols[keep], cols[drop] = Column(col.role, col.label), Column("other", "")
    for k, col in enumerate(cols):
        if col.role not in NUMERIC_ROLES or filled[k]:
            continue
        for d in (1, -1, 2, -2):
            j = k + d
            if 0 <= j < len(cols) and filled[j] and cols[j].role == "other" \
                    and _PERIOD_LABEL.fullmatch(cols[j].label):
                cols[j] = Column(col.role, norm(f"{col.label} {cols[j].label}"))
                cols[k] = Column("other", "")
                break
    return cols


_ITEM_NUMBER = re.compile(r"(\d{1,2})[.)]\s+(?=\D)")   # "2. Persentase ...": the list's numbering
_CATEGORY_NOTE = re.compile(r"\s*\([^()]*\)\s*$")   # "(Sedang)" after a capaian


def _fits(col: Column, raw: str, line: int) -> bool:
    """A cell's text can be the content of ``col``: a value for a figure column, words for a
    name."""
    if col.role in NUMERIC_ROLES:
        return bool(value_line(raw, line))
    if col.role == "number":
        return raw.rstrip(".").isdigit()
    if col.role == "keterangan":
        return True
    return col.role in ("indikator", "sasaran") and any(ch.isalpha() for ch in raw)


def _row_realigned(cols: list[Column], cells: list[str], line: int) -> list[str]:
    """A row of a PDF grid whose cells stand one or two grid columns off the header's (the rows
    of one table are cut by other vertical lines than its header): each filled cell under an
    unnamed spacer column moves into the nearest named column (one or two places away) that is
    empty in the row and can hold the cell's text, when no other such column is as near."""
    named = [k for k, c in enumerate(cols) if c.role != "other" or c.label]
    out = list(cells)
    for k, raw in enumerate(cells):
        if not raw or cols[k].role != "other" or cols[k].label:
            continue
        near = sorted((abs(j - k), j) for j in named
                      if abs(j - k) <= 2 and not out[j] and _fits(cols[j], raw, line))
        if near and (len(near) == 1 or near[0][0] < near[1][0]):
            j = near[0][1]
            out[j], out[k] = raw, ""
    return out


def _figure_cell(table: Table, row: Row, role: str, raw: str, line: int) -> None:
    """A cell under a figure column: its value (and unit), a range ("5-6%": read, no figure), or
    an unreadable cell kept for the coverage report."""
    vals = value_line(raw, line)
    if vals:
        row.cells[role] = vals[0]
        table.styles.update(c.number.style for c in vals if c.number)
        if vals[0].unit and vals[0].unit != "%" and not row.unit:
            row.unit = vals[0].unit
    elif pattern("range_value_re").fullmatch(raw):
        row.ranges[role] = raw
    else:
        row.unread.append(Cell(raw, None, False, None, line))


def _pipe_row(table: Table, cells_text: list[str], line: int, rows: list[Row]) -> None:
    cols = table.columns
    if len(cells_text) != len(cols):
        # continuation of a wrapped row; a ragged row with figures cannot be read by position
        if any(value_line(c, line) for c in cells_text if c):
            return
        if rows:
            rows[-1].texts.append((line, norm(" ".join(c for c in cells_text if c))))
        return
    cells_text = _row_realigned(cols, cells_text, line)
    row = Row(line=line, end_line=line)
    for col, raw in zip(cols, cells_text):
        raw = raw.strip()
        if not raw:
            continue
        if col.role in NUMERIC_ROLES:
            _figure_cell(table, row, col.role, raw, line)
        elif col.role == "code":
            code = find_code(raw)
            if code:
                row.code, row.code_printed = code[0], code[1]
        elif col.role == "number":
            if raw.rstrip(".").isascii() and raw.rstrip(".").isdigit():
                row.number = int(raw.rstrip("."))
            elif pattern("summary_row_re").match(raw):
                row.texts.append((line, raw))   # "Rata-rata" under "No": the row's label
        elif col.role == "unit":
            row.unit = raw.lower()
        elif col.role in ("indikator",):
            code = find_code(raw, at_start=True)
            if code and row.code is None:
                row.code, row.code_printed = code[0], code[1]
                raw = raw[code[3]:].lstrip(" :.-")
            item = _ITEM_NUMBER.match(raw)
            if item and not row.texts:
                row.item, raw = int(item.group(1)), raw[item.end():]
            row.texts.append((line, raw))
        elif col.role == "sasaran":
            continue
        elif col.role == "keterangan" and "capaian" not in table.numeric_roles:
            # "63,36 % (Sedang)" under "Kategori Penilaian": the capaian with its category
            vals = value_line(_CATEGORY_NOTE.sub("", raw), line)
            if vals and len(vals) == 1 and vals[0].percent:
                row.cells["capaian"] = vals[0]
    _set_unit(row, [])
    if row.cells or row.code:
        rows.append(row)
    elif rows and row.texts:
        rows[-1].texts.extend(row.texts)
