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
_NO_CENTS = re.compile(r"(?<=\d)[.,]-(?!\d)")     # "528.600.000,-": rupiah without cents


def _tokens(text: str) -> list[str]:
    """The words of a budget row, with "Rp", "%", pipes and the ",-" after amounts dropped."""
    return _NO_CENTS.sub("", _RUPIAH.sub(" ", text.replace("|", " ").replace("%", " "))).split()


@functools.cache
def _amount_pattern(key: str) -> re.Pattern:
    """The lexicon regex ``key``, in which ``{amount}`` stands for a money amount (one group)."""
    return re.compile(rulepack.lexicon()[key].replace("{amount}", _AMOUNT), re.IGNORECASE)


def _statement_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Prose giving realisasi, pagu and % (``budget_statement_re``: realisasi first;
    ``budget_statement_pagu_first_re``)."""
    return _amount_pattern("budget_statement_re"), _amount_pattern("budget_statement_pagu_first_re")


@dataclass
class BudgetRow:
    line: int
    label: str
    pagu: Number
    realisasi: Number
    percent: Number | None
    total: bool
    printed: str = ""        # the row as printed


@dataclass
class BudgetStatement:
    line: int
    text: str
    pagu: Number
    realisasi: Number
    percent: Number
    subject: str | None = None     # what the figures are of: "Kegiatan Pelatihan ..." before them


@dataclass(frozen=True)
class BudgetAmount:
    """An amount the report gives for one programme or activity: its ceiling (``pagu``) or its
    realisation, in a budget table row or a sentence."""

    line: int
    subject: str          # the programme or activity, as printed
    kind: str             # pagu | realisasi
    amount: Number
    evidence: str         # the sentence, or the row as printed
    revised: bool         # the text speaks of a revision ("perubahan", "semula ... menjadi")
    source: str = "prose"  # prose | table (a budget table row)


@dataclass(frozen=True)
class BudgetShare:
    """A sentence giving the budget absorbed as a percentage of a ceiling, without the amount
    realised ("realisasi anggaran ... sebesar 87,14% dari total anggaran Rp.5.118.378.700")."""

    line: int
    text: str
    percent: Number
    pagu: Number


def _amount(token: str) -> Number | None:
    n = parse_number(token)
    return n if n is not None and n.value >= 0 else None


def _split_row(text: str) -> tuple[str, str, str, str | None] | None:
    """(label, pagu, realisasi, percent) when the row ends with two amounts and an optional
    percentage; read token by token from the right (no backtracking, linear in the row)."""
    tokens = _tokens(text)
    if len(tokens) >= 3 and pattern("budget_unit_column_re").fullmatch(tokens[-1]) \
            and _PERCENT_TOKEN.fullmatch(tokens[-2]):
        tokens = tokens[:-1]    # the unit's short name in a last column
    for k in (3, 2, 4):    # 4: a physical-progress percentage after the budget one
        if len(tokens) < k:
            continue
        first, second, *pcts = tokens[len(tokens) - k:]
        if not all(_PERCENT_TOKEN.fullmatch(t) for t in pcts):
            continue
        if all(_AMOUNT_TOKEN.fullmatch(t) for t in (first, second)):
            return _label(text, tokens[:len(tokens) - k]), first, second, pcts[0] if pcts else None
    return None


def _label(text: str, words: list[str]) -> str:
    """The row's label: in a pipe row the last cell before the figures that holds words (the
    activity, not its programme and unit printed before it), else every word before them
    (``words``)."""
    label = " ".join(words)
    if text.count("|") < 2:
        return label
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    worded = [c for c in cells if any(ch.isalpha() for ch in _RUPIAH.sub("", c))]
    return worded[-1] if worded and worded[-1] in label else label


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
            BudgetRow(i, label, pagu, real, pct, bool(pattern("budget_total_re").match(label)),
                      norm(text))
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
    lead = norm(lead.replace("|", " "))
    marks = list(pattern("budget_item_mark_re").finditer(lead))   # the last item's name
    text = re.sub(r"^\W*(?:\(?\d{1,2}[.)]|[a-z][.)])?\s*", "", lead[marks[-1].end():] if marks
                  else lead)
    text = pattern("budget_subject_tail_re").sub("", text).strip(" ,;:-")
    words = text.split()
    return text if 2 <= len(words) <= 14 and words[0][:1].isupper() else None


def budget_amounts(rows: list[BudgetRow], statements: list[BudgetStatement],
                   sentences) -> list[BudgetAmount]:
    """Every ceiling and realisation the report gives for a named programme or activity: budget
    table rows (not their totals), budget statements with their subject, and sentences allotting
    a ceiling to one ("(7) Penguatan kapasitas kesiapsiagaan, dengan alokasi anggaran
    Rp.866.600.000")."""
    out = []
    for r in rows:
        subject = re.sub(r"^\W*\d{1,3}[.)]?\s+", "", r.label)   # without its row number
        if not r.total and subject:
            revised = _revised(r.printed)
            out += [BudgetAmount(r.line, subject, "pagu", r.pagu, r.printed, revised, "table"),
                    BudgetAmount(r.line, subject, "realisasi", r.realisasi, r.printed, revised,
                                 "table")]
    stated = set()
    for s in statements:
        stated.add(s.text)
        if s.subject:
            revised = _revised(s.text)
            out += [BudgetAmount(s.line, s.subject, "pagu", s.pagu, s.text, revised),
                    BudgetAmount(s.line, s.subject, "realisasi", s.realisasi, s.text, revised)]
    for s in sentences:
        if s.text in stated:
            continue
        start = 0   # a list run into one sentence allots one ceiling per item
        for m in _amount_pattern("budget_allocation_re").finditer(s.text):
            subject = _subject(s.text[start:m.start()])
            amount = _amount(m.group(1))
            start = m.end()
            if subject and amount is not None and amount.value >= 1000:
                out.append(BudgetAmount(s.line_at(m.start()), subject, "pagu", amount, s.text,
                                        _revised(s.text)))
    return out


def _revised(text: str) -> bool:
    return bool(pattern("budget_revision_re").search(text))


def parse_shares(sentences, statements: list[BudgetStatement]) -> list[BudgetShare]:
    """Sentences giving the share of a ceiling realised, without the realised amount (a sentence
    with both amounts is a budget statement)."""
    stated = {s.text for s in statements}
    out = []
    for s in sentences:
        if s.text in stated:
            continue
        for m in _amount_pattern("budget_share_re").finditer(s.text):
            # (the amount's group comes after the named percentage)
            pct, pagu = parse_number(m.group("pct")), _amount(m.groups()[-1])
            if pct is not None and pagu is not None and pagu.value >= 1000:
                out.append(BudgetShare(s.line_at(m.start()), s.text, pct, pagu))
    return out
