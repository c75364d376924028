"""Report metadata: agency, kind (quarterly / semester / annual), quarter, year, place and date signed."""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .periods import period_end, roman_or_int
from .text import norm, pattern, word_set


@functools.cache
def _agency_re() -> re.Pattern:
    """An agency name in running text: a head word (``agency_heads``) up to a stop word or mark."""
    lx = rulepack.lexicon()
    heads = "|".join(r"\s+".join(map(re.escape, h.split())) for h in lx["agency_heads"])
    stops = "|".join(r"\s+".join(map(re.escape, w.split())) for w in lx["agency_stop_words"])
    return re.compile(rf"\b(?P<agency>(?:{heads})\b[^.;:\n]{{3,120}}?)(?=\s+(?:{stops})\b|[.;:]|$)")


@functools.cache
def _agency_start() -> re.Pattern:
    heads = "|".join(r"\s+".join(map(re.escape, h.upper().split())) for h in rulepack.lexicon()["agency_cover_heads"])
    return re.compile(rf"^(?:{heads})\b")


_SIGN_RE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{2,40}),\s*(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>20\d\d)\s*$")


@dataclass
class Meta:
    kind: str | None = None          # quarterly | semester | annual
    quarter: int | None = None       # the period's last quarter (semester I -> 2)
    year: int | None = None
    agency: str | None = None
    signed_place: str | None = None
    signed_date: dt.date | None = None
    signed_line: int | None = None
    title_line: int | None = None

    @property
    def period_end(self) -> dt.date | None:
        return period_end(self.kind, self.quarter, self.year)




def _cover_agency(head) -> str | None:
    """An agency name in capitals on the cover (the first lines), written as a title."""
    for ln in head[:15]:
        t = norm(ln.text)
        if _agency_start().match(t) and t.isupper() and len(t) <= 120:
            small = word_set("agency_minor_words")
            return " ".join(w.lower() if w.lower() in small else w.capitalize() for w in t.split())
    return None


def parse_meta(doc: Document, scan_lines: int = 400) -> Meta:
    meta = Meta()
    head = doc.lines[:scan_lines]
    # Titles are often wrapped: join a sliding window of 3 lines.
    votes: Counter = Counter()
    first_line: dict = {}
    for idx in range(len(head)):
        window = norm(" ".join(ln.text for ln in head[idx:idx + 3]))
        for m in pattern("title_re").finditer(window):
            if m.start() > len(norm(head[idx].text)):
                continue
            unit = (m.group("unit") or "").lower()
            q = roman_or_int(m.group("q")) if m.group("q") else None
            if unit.startswith("semester") and q:
                key = ("semester", 2 * q, int(m.group("year")))
            elif q:
                key = ("quarterly", q, int(m.group("year")))
            else:
                key = ("annual", None, int(m.group("year")))
            votes[key] += 1
            first_line.setdefault(key, head[idx].no)
    if votes:
        # a period-specific title beats a bare "Laporan Kinerja Tahun 2025" mention
        ranked = sorted(votes.items(), key=lambda kv: (kv[0][0] != "annual", kv[1]), reverse=True)
        (kind, quarter, year), _ = ranked[0]
        meta.kind, meta.quarter, meta.year = kind, quarter, year
        meta.title_line = first_line[(kind, quarter, year)]
    text = " ".join(ln.text for ln in head)
    m = _agency_re().search(norm(text[text.lower().find("laporan kinerja"):] if "laporan kinerja" in text.lower() else text))
    cover = _cover_agency(head)
    if cover:
        meta.agency = cover
    elif m:
        meta.agency = norm(m.group("agency"))
    months = rulepack.lexicon()["months"]
    for ln in doc.lines:
        sm = _SIGN_RE.match(ln.text)
        if sm and sm.group("month").lower() in months:
            try:
                meta.signed_date = dt.date(int(sm.group("year")), months[sm.group("month").lower()], int(sm.group("day")))
            except ValueError:
                continue
            meta.signed_place = sm.group("place").strip()
            meta.signed_line = ln.no
            break
    return meta
