"""Captions that name a span of years over a table whose columns are years ("Tabel 3.2
Perbandingan Realisasi Kinerja Tahun 2018–2020" over "No Indikator 2019 2020 2021"), for the rule
that checks the span against the columns.

The span is two years joined by a dash or "s.d." (``caption_year_span_re``); the column header is
the first filled line under the caption, made only of header words and years, with at least two
years rising one by one.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..document import Document
from .periods import YEAR
from .tables import caption_match, is_header_word
from .text import norm, pattern

_LOOK = 3   # lines under the caption that may hold its column header


@dataclass(frozen=True)
class CaptionYears:
    line: int               # the caption's line
    number: str             # the caption's number as printed ("3.2")
    caption: str
    span: tuple[int, int]   # the years the caption names (first, last)
    columns: tuple[int, ...]  # the years of the column header, in order
    header_line: int


def caption_year_spans(doc: Document) -> list[CaptionYears]:
    out = []
    for ln in doc.lines:
        m = caption_match(ln.text)
        span = pattern("caption_year_span_re").search(m.group("rest")) if m else None
        if span is None:
            continue
        first, last = int(span.group("first")), int(span.group("last"))
        header = _year_header(doc, ln.no)
        if header is not None and first < last:
            out.append(CaptionYears(ln.no, m.group("num"), norm(ln.text), (first, last), *header))
    return out


def _year_header(doc: Document, line: int) -> tuple[tuple[int, ...], int] | None:
    for j in range(line + 1, min(len(doc.lines), line + _LOOK) + 1):
        tokens = doc.lines[j - 1].text.split()
        if not tokens:
            continue
        years = tuple(int(t) for t in tokens if YEAR.fullmatch(t))
        if len(years) < 2 or not all(is_header_word(t) for t in tokens) \
                or any(b != a + 1 for a, b in pairwise(years)):
            return None
        return years, j
    return None
