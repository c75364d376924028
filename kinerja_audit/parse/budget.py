"""Budget realisation (Bab III B): rows of pagu, realisasi and percentage, the total row, and
prose statements such as "realisasi ... sebesar Rp X dari pagu Rp Y atau Z%".

Rows are read from lines (or pipe rows) that end with two money amounts and an optional
percentage, below a header naming "Pagu" and "Realisasi".  Parsing never judges.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .numbers import Number, parse_number
from .text import norm

_HEADER = re.compile(r"\bpagu\b.*\brealisasi\b|\brealisasi\b.*\bpagu\b", re.IGNORECASE)
_AMOUNT = r"(?:rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+)"
_ROW = re.compile(rf"^(?P<label>.*?)\s*\|?\s*{_AMOUNT}\s*\|?\s*{_AMOUNT}\s*\|?\s*(?:(?P<pct>\d+(?:[.,]\d+)?)\s*%?)?\s*\|?\s*$",
                  re.IGNORECASE)
_TOTAL = re.compile(r"^\W*(total|jumlah|jumlah\s+total)\b", re.IGNORECASE)
_PROSE = re.compile(
    rf"realisasi[^.]*?sebesar\s+{_AMOUNT}\s*(?:\([^)]*\))?[^.]*?(?:dari\s+pagu[^.]*?sebesar\s+|dari\s+pagu\s+(?:sebesar\s+)?|"
    rf"pagu\s+(?:anggaran\s+)?(?:sebesar\s+)?){_AMOUNT}[^.%]*?(?:atau|sebesar|yaitu)\s+(?P<pct>\d+(?:[.,]\d+)?)\s*%",
    re.IGNORECASE)
_PROSE_PAGU_FIRST = re.compile(
    rf"pagu\s+(?:anggaran\s+)?(?:\w+\s+){{0,6}}?sebesar\s+{_AMOUNT}[^.]*?realisasi[^.]*?sebesar\s+{_AMOUNT}[^.%]*?"
    rf"(?:atau|sebesar|yaitu)\s+(?P<pct>\d+(?:[.,]\d+)?)\s*%",
    re.IGNORECASE)


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


def _amount(token: str) -> Number | None:
    n = parse_number(token)
    return n if n is not None and n.value >= 0 else None


def parse_rows(doc: Document, start: int, end: int) -> list[BudgetRow]:
    rows: list[BudgetRow] = []
    in_table = False
    for i in range(start, end + 1):
        text = doc.lines[i - 1].text
        if _HEADER.search(text) and len(norm(text.replace("|", " ")).split()) <= 14:
            in_table = True
            continue
        if not in_table:
            continue
        t = norm(text.replace("|", " | "))
        if not t or re.fullmatch(r"[|\s:\-+=]+", t):
            continue
        m = _ROW.match(t)
        if not m:
            continue
        pagu, real = _amount(m.group(2)), _amount(m.group(3))
        if pagu is None or real is None or pagu.value < 1000:
            continue
        pct = parse_number(m.group("pct")) if m.group("pct") else None
        label = norm(m.group("label").replace("|", " "))
        rows.append(BudgetRow(i, label, pagu, real, pct, bool(_TOTAL.match(label))))
    return rows


def parse_statements(sentences) -> list[BudgetStatement]:
    """Prose giving realisasi, pagu and their percentage in one sentence."""
    out = []
    for s in sentences:
        for pat, order in ((_PROSE, "rp"), (_PROSE_PAGU_FIRST, "pr")):
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
            out.append(BudgetStatement(s.line, s.text, pagu, real, pct))
            break
    return out
