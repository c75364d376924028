"""Report metadata: agency, kind (quarterly / semester / annual), quarter, year, place and date signed."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .text import norm, roman_or_int

_TITLE_RE = re.compile(
    r"laporan\s+(?:akuntabilitas\s+)?kinerja(?:\s+instansi\s+pemerintah)?(?:\s+\(?(?:lkj\w*|lakip|lakin)\)?)?"
    r"(?:\s+(?:interim|interm))?"
    r"(?:\s+(?P<unit>triwulan|tw\.?|semester)\s*(?P<q>iv|iii|ii|i|[1-4])\b)?"
    r"(?:\s+(?:\(?(?:s\.?d\.?|sampai\s+dengan)[^)]*\)?))?"
    r"(?:\s+tahun(?:\s+anggaran)?)?\s+(?P<year>20\d\d)",
    re.IGNORECASE,
)
_AGENCY_RE = re.compile(
    r"\b(?P<agency>(?:Balai|Dinas|Badan|Biro|Kantor|Loka|Direktorat|Pusat|Sekretariat|Inspektorat|Satuan|"
    r"Bagian|Kementerian|Pemerintah|Rumah\s+Sakit|Lembaga|Unit|Stasiun|Pos|Bidang|Kecamatan|Kelurahan)"
    r"\b[^.;:\n]{3,120}?)(?=\s+(?:telah|ini|dibuat|disusun|merupakan|yang\s+telah|dapat|tahun|untuk|selama|sebagai)\b|[.;:]|$)",
)
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
        if self.year is None:
            return None
        q = 4 if self.kind == "annual" else self.quarter
        if q is None:
            return None
        month = 3 * q
        nxt = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)


_AGENCY_START = re.compile(r"^(BALAI|DINAS|BADAN|BIRO|KANTOR|LOKA|DIREKTORAT|PUSAT|SEKRETARIAT|INSPEKTORAT|SATUAN|"
                           r"BAGIAN|KEMENTERIAN|RUMAH SAKIT|LEMBAGA|STASIUN|UNIT)\b")


def _cover_agency(head) -> str | None:
    """An agency name in capitals on the cover (the first lines), written as a title."""
    for ln in head[:15]:
        t = norm(ln.text)
        if _AGENCY_START.match(t) and t.isupper() and len(t) <= 120:
            small = {"DAN", "DI", "KE", "DARI"}
            return " ".join(w.lower() if w in small else w.capitalize() for w in t.split())
    return None


def parse_meta(doc: Document, scan_lines: int = 400) -> Meta:
    meta = Meta()
    head = doc.lines[:scan_lines]
    # Titles are often wrapped: join a sliding window of 3 lines.
    votes: Counter = Counter()
    first_line: dict = {}
    for idx in range(len(head)):
        window = norm(" ".join(ln.text for ln in head[idx:idx + 3]))
        for m in _TITLE_RE.finditer(window):
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
    m = _AGENCY_RE.search(norm(text[text.lower().find("laporan kinerja"):] if "laporan kinerja" in text.lower() else text))
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
