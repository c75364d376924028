"""Budget realisation (Bab III B): rows of pagu, realisasi and percentage, the total row, and
prose statements such as "realisasi ... sebesar Rp X dari pagu Rp Y atau Z%".

Rows are read from lines (or pipe rows) that end with two money amounts and an optional
percentage, below a header naming "Pagu" and "Realisasi".  Parsing never judges.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .numbers import Number, parse_number
from .text import norm, pattern

_AMOUNT = r"(?:rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+)"
_AMOUNT_TOKEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+")
_PERCENT_TOKEN = re.compile(r"\d+(?:[.,]\d+)?")
# a wide header of columns set apart by runs of spaces (``pdftotext -layout``): three gaps or more
_COLUMN_GAP = re.compile(r"\S {3,}(?=\S)")
_RUPIAH = re.compile(r"\brp\.?(?=\s*\d)", re.IGNORECASE)


@functools.cache
def _statement_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Prose giving realisasi, pagu and % (``budget_statement_re``: realisasi first;
    ``budget_statement_pagu_first_re``); ``{amount}`` stands for a money amount."""
    lx = rulepack.lexicon()
    return tuple(re.compile(lx[key].replace("{amount}", _AMOUNT), re.IGNORECASE)
                 for key in ("budget_statement_re", "budget_statement_pagu_first_re"))


@dataclass
class BudgetRow:
    line: int
    label: str
    pagu: Number
    realisasi: Number
    percent: Number | None
    total: bool


@dataclass
class BudgetStatement:
    line: int
    text: str
    pagu: Number
    realisasi: Number
    percent: Number
    subject: str | None = None     # what the figures are of: "Kegiatan Pelatihan ..." before them


def _amount(token: str) -> Number | None:
    n = parse_number(token)
    return n if n is not None and n.value >= 0 else None


def _split_row(text: str) -> tuple[str, str, str, str | None] | None:
    """(label, pagu, realisasi, percent) when the row ends with two amounts and an optional
    percentage; read token by token from the right (no backtracking, linear in the row)."""
    tokens = _RUPIAH.sub(" ", text.replace("|", " ").replace("%", " ")).split()
    if len(tokens) >= 3 and pattern("budget_unit_column_re").fullmatch(tokens[-1]) \
            and _PERCENT_TOKEN.fullmatch(tokens[-2]):
        tokens = tokens[:-1]    # the unit's short name in a last column
    for with_pct in (True, False):
        k = 3 if with_pct else 2
        if len(tokens) < k:
            continue
        *amounts, last = tokens[-k:]
        if with_pct and not _PERCENT_TOKEN.fullmatch(last):
            continue
        pair = amounts if with_pct else [*amounts, last]
        if all(_AMOUNT_TOKEN.fullmatch(t) for t in pair):
            return " ".join(tokens[:-k]), pair[0], pair[1], last if with_pct else None
    return None


def parse_rows(doc: Document, start: int, end: int) -> list[BudgetRow]:
    rows: list[BudgetRow] = []
    in_table = False
    for i in range(start, end + 1):
        text = doc.lines[i - 1].text
        if pattern("budget_header_re").search(text) and (
            len(norm(text.replace("|", " ")).split()) <= 14 or len(_COLUMN_GAP.findall(text)) >= 3
        ):
            in_table = True
            continue
        if not in_table:
            continue
        parts = _split_row(text)
        if parts is None:
            continue
        label, pagu_raw, real_raw, pct_raw = parts
        pagu, real = _amount(pagu_raw), _amount(real_raw)
        if pagu is None or real is None or pagu.value < 1000:
            continue
        pct = parse_number(pct_raw) if pct_raw else None
        label = norm(label)
        rows.append(
            BudgetRow(i, label, pagu, real, pct, bool(pattern("budget_total_re").match(label)))
        )
    return rows


def parse_statements(sentences) -> list[BudgetStatement]:
    """Prose giving realisasi, pagu and their percentage in one sentence."""
    out = []
    limit = rulepack.setting("budget_statement_max_chars")
    for s in sentences:
        if len(s.text) > limit:
            continue   # a budget statement is one short sentence; a longer text is not one
        for pat, order in zip(_statement_patterns(), ("rp", "pr")):
            m = pat.search(s.text)
            if not m:
                continue
            first, second = _amount(m.group(1)), _amount(m.group(2))
            pct = parse_number(m.group("pct"))
            if None in (first, second, pct):
                continue
            real, pagu = (first, second) if order == "rp" else (second, first)
            if pagu.value < 1000:
                continue
            out.append(BudgetStatement(s.line, s.text, pagu, real, pct,
                                       _subject(s.text[:m.start()])))
            break
    return out


def _subject(lead: str) -> str | None:
    """The programme or activity a budget sentence opens with ("(11) Kegiatan Pelatihan ...,
    dengan" -> "Kegiatan Pelatihan ..."): the words before its figures, without the list mark and
    the joining words; None when that is no short name."""
    text = re.sub(r"^\W*(?:\(?\d{1,2}[.)]|[a-z][.)])?\s*", "", norm(lead))
    text = pattern("budget_subject_tail_re").sub("", text).strip(" ,;:-")
    words = text.split()
    return text if 2 <= len(words) <= 14 and words[0][:1].isupper() else None
