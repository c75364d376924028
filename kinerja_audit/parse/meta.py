"""Report metadata: agency, kind (quarterly / semester / annual), quarter, year,
place and date signed."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .. import rulepack
from ..document import Document, Line
from .periods import period_end, roman_or_int
from .text import filled_cells, finditer, match, norm, pattern, search, word_set

_YEAR = re.compile(r"(?:19|20)\d\d")
_ACRONYM = re.compile(r"\s*\([A-Z]{2,10}\)")   # "(BPLHD)" after a unit's name


@functools.cache
def _agency_head_re() -> re.Pattern:
    """Where a unit's name may begin: one of ``agency_heads`` (as written: capitalised)."""
    heads = "|".join(
        r"\s+".join(map(re.escape, h.split())) for h in rulepack.lexicon()["agency_heads"]
    )
    return re.compile(rf"\b(?:{heads})\b")


def _names_in(text: str, start: int = 0):
    """Every unit name written in ``text`` after ``start`` (each cut at a mark and trimmed)."""
    for m in _agency_head_re().finditer(text, start):
        candidate = re.split(r"[.;:\n]", text[m.start():m.start() + 160], maxsplit=1)[0]
        name = _trimmed_agency(candidate)
        if name is not None:
            yield name


@functools.cache
def _agency_start() -> re.Pattern:
    heads = "|".join(
        r"\s+".join(map(re.escape, h.upper().split()))
        for h in rulepack.lexicon()["agency_cover_heads"]
    )
    return re.compile(rf"^(?:{heads})\b")


_SIGN_RE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{2,40}),\s*(?P<day>\d{1,2})\s+"
                      r"(?P<month>[A-Za-z]+)\s+(?P<year>20\d\d)\s*$")


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
    # title | caption | header | prose | running | form | option: what decided the period
    period_source: str | None = None
    period_line: int | None = None
    mentions: list = field(default_factory=list)   # every PeriodMention

    @property
    def period_end(self) -> dt.date | None:
        return period_end(self.kind, self.quarter, self.year)




def _cover_agency(head) -> str | None:
    """An agency name in capitals on the cover (the first lines), written as a title; a name
    wrapped over the next capital lines ("BADAN PENANGGULANGAN BENCANA" / "DAERAH PROVINSI JAWA
    BARAT") is read whole, up to its year."""
    for k, ln in enumerate(head[:15]):
        cells = filled_cells(ln.text)
        t = norm(cells[0] if cells else ln.text)
        if _agency_start().match(t) and t.isupper() and len(t) <= 120:
            for nxt in head[k + 1:k + 3] if not cells else ():
                more = norm(nxt.text)
                if not more.isupper() or not _continues_name(more) or more in t:
                    break   # not the name going on, or its parent named again below it
                t = f"{t} {more}"
            t = _trimmed_agency(t) or t
            small = word_set("agency_minor_words")
            return " ".join(w.lower() if w.lower() in small else w.capitalize() for w in t.split())
    return None


@dataclass(frozen=True)
class PeriodMention:
    """One place the report names a period: its title, a running title line, a caption or prose."""

    line: int
    source: str            # title | running | caption | prose
    kind: str | None       # quarterly | semester | annual (a title without a quarter) | None
    quarter: int | None    # the period's last quarter (semester I -> 2)
    year: int | None
    text: str


_WEIGHTS = {"title": 3, "caption": 2, "header": 2, "running": 1, "prose": 1}


def _period_of(unit: str | None, q: str | None) -> tuple[str | None, int | None]:
    value = roman_or_int(q) if q else None
    if value is None or not unit:
        return None, None
    if unit.lower().startswith(("sem", "smt")):
        return ("semester", 2 * value) if value in (1, 2) else (None, None)
    return ("quarterly", value) if 1 <= value <= 4 else (None, None)


def _excluded(text: str, start: int, end: int) -> bool:
    """A year that is not a report period: a regulation's ("Nomor 53 Tahun 2014"), one end of a
    range ("2021-2025"), or a comparison ("dibandingkan tahun 2019")."""
    before, after = text[max(0, start - 40):start], text[end:end + 8]
    regulation = pattern("period_vote_regulation_re").search(before) \
        and not pattern("period_vote_numbering_re").search(before)
    return bool(
        regulation
        or re.match(r"\s*[-–—]?\s*(19|20)\d\d\b", after)
        or re.search(r"(19|20)\d\d\s*[-–—]\s*$", before)
        or pattern("period_vote_comparison_re").search(before)
    )


def _title_mentions(doc: Document, front: int) -> list[PeriodMention]:
    out: list[PeriodMention] = []
    lines = doc.lines
    normed = [norm(ln.text) for ln in lines]
    offsets = list(itertools.accumulate((len(t) + 1 for t in normed), initial=0))
    seen: set[tuple[int, int]] = set()
    dated = [bool(_YEAR.search(t)) for t in normed]   # every title names its year
    for idx in range(len(lines)):
        if not normed[idx] or not any(dated[idx:idx + 3]):
            continue
        window = " ".join(t for t in normed[idx:idx + 3] if t)   # titles wrap over lines
        for m in pattern("title_re").finditer(window):
            if m.start() > len(normed[idx]) or _excluded(window, m.start(), m.end()):
                continue
            kind, quarter = _period_of(m.group("unit"), m.group("q"))
            year = int(m.group("year"))
            key = (year, m.start() + offsets[idx])
            if key in seen:
                continue
            seen.add(key)
            out.append(
                PeriodMention(
                    lines[idx].no,
                    "title" if lines[idx].no <= front else "prose-title",
                    kind or "annual",
                    quarter,
                    year,
                    m.group(0),
                )
            )
    return out


def _mentions_in(text: str, line: int, source: str) -> list[PeriodMention]:
    out = []
    taken: list[tuple[int, int]] = []
    found = list(finditer("period_vote_re", text))
    quarters = {m.group("q").upper() for m in found if m.group("q")}
    listing = len(quarters) >= 3   # "TW I TW II TW III TW IV": a row of period columns, no claim
    for m in found:
        if _excluded(text, m.start(), m.end()):
            continue
        kind, quarter = (None, None) if listing else _period_of(m.group("unit"), m.group("q"))
        year_raw = m.group("year") or m.group("year2")
        year = int(year_raw) if year_raw else None
        if kind is None and year is None:
            continue
        taken.append((m.start(), m.end()))
        out.append(PeriodMention(line, source, kind, quarter, year, m.group(0)))
    return out


def _letter_spaced(text: str) -> bool:
    """Text whose words were cut into fragments by the extraction ("Per sentasepeni ngk at an")."""
    words = text.split()
    if len(words) < 8:
        return False
    known = word_set("short_words")
    short = sum(1 for w in words if len(w) <= 2 and w.isalpha() and w.lower() not in known)
    return short >= 0.2 * len(words)


def years_named(text: str) -> list[int]:
    """The report years ``text`` names ("Tahun 2020", "TA 2021", "Triwulan II 2021"), without
    regulation years, ranges and comparisons."""
    return [m.year for m in _mentions_in(norm(text), 0, "prose") if m.year is not None]


def period_mentions(doc: Document, running=()) -> list[PeriodMention]:
    """Every period the report names, with where (titles first, then captions and prose)."""
    front = next((ln.no for ln in doc.lines[60:61]), 10**9)   # the cover and first pages
    mentions = _title_mentions(doc, front)
    in_titles = {m.line for m in mentions}
    for ln in doc.lines:
        if not ln.text.strip() or ln.no in in_titles:
            continue
        source = (
            "caption"
            if match("caption_re", ln.text)
            else "header"
            if search("header_role_words", ln.text) and len(ln.text.split()) <= 12
            else "prose"
        )
        mentions += _mentions_in(norm(ln.text), ln.no, source)
        if _letter_spaced(ln.text):   # "LAPORAN KI NERJ A ... T AHUN 20 15": read it without spaces
            squeezed = pattern("squeezed_title_re").search(ln.text.replace(" ", ""))
            if squeezed:
                mentions.append(
                    PeriodMention(
                        ln.no, "running", None, None, int(squeezed.group("year")), squeezed.group(0)
                    )
                )
    for r in running:
        for m in _title_mentions(Document("", [Line(r.line, None, r.text)]), front=0):
            mentions.append(PeriodMention(r.line, "running", m.kind, m.quarter, m.year, r.text))
    return mentions


def decide_period(
    mentions: list[PeriodMention],
) -> tuple[str | None, int | None, int | None, PeriodMention | None]:
    """(kind, quarter, year, the mention that decided): the year most weight names; its kind from
    the report's own title if any (a period-specific title beats a bare annual one), else from the
    quarter or semester the captions, prose and running titles name with that year."""
    weight: Counter = Counter()
    for m in mentions:
        if m.year is not None:
            weight[m.year] += 6 if m.source == "title" else _WEIGHTS.get(m.source, 3)
    if not weight:
        return None, None, None, None
    year = max(weight, key=lambda y: (weight[y], -min(m.line for m in mentions if m.year == y)))
    titles = [m for m in mentions if m.year == year and m.source in ("title", "prose-title")]
    if titles:
        best = max(titles, key=lambda m: (m.kind != "annual", m.source == "title", -m.line))
        return best.kind, best.quarter, year, best
    periods: Counter = Counter()
    for m in mentions:
        if m.kind in ("quarterly", "semester") and m.year in (year, None):
            periods[(m.kind, m.quarter)] += (2 if m.source == "running" else _WEIGHTS[m.source]) \
                if m.year == year else 0.5
    if periods:
        (kind, quarter), w = periods.most_common(1)[0]
        # (a quarter named only without its year, "TW II", has no mention of the year to cite)
        first = next(
            (m for m in mentions if (m.kind, m.quarter) == (kind, quarter) and m.year == year), None
        )
        if w >= 2 and first is not None:
            return kind, quarter, year, first
    first = next(m for m in mentions if m.year == year)
    return "annual", None, year, first


def _title_agency(running) -> str | None:
    """The unit a running title names after its period ("Laporan Kinerja Triwulan I Tahun 2021
    Lapas Kelas IIA Pekalongan 38")."""
    for r in running:
        m = pattern("title_re").match(norm(r.text))
        if m:
            rest = re.sub(r"\s+(\d{1,3}|[ivx]{1,4})$", "", norm(r.text)[m.end():]).strip(" –-|,:")
            name = _trimmed_agency(rest)
            if name:
                return name
    return None


def _agency(head, running=()) -> str | None:
    """The reporting unit: a name in capitals on the cover, else the unit a running title names,
    else the first unit named after the report's title words, else the first unit named at all
    (each read within one line)."""
    cover = _cover_agency(head) or _title_agency(running)
    if cover:
        return cover
    after_title, anywhere, title_seen, names = None, None, False, []
    for ln in head:
        t = norm(ln.text)
        title = pattern("report_title_words").search(t)
        found = _names_opening_cells(ln.text) if "|" in ln.text else list(_names_in(t))
        names += found
        after = next(_names_in(t, title.end()), None) if title else (found or [None])[0]
        if after and (title or title_seen) and after_title is None:
            after_title = after
        anywhere = anywhere or (found[0] if found else None)
        title_seen = title_seen or bool(title)
    # a name opening with a weak head ("Pemerintah Pusat dan ...") gives way to a unit's name
    strong = [n for n in (after_title, anywhere) if n and _agency_start().match(n.upper())]
    base = strong[0] if strong else after_title or anywhere
    return _fullest(base, names) if base else None


def _names_opening_cells(text: str) -> list[str]:
    """The unit names that open a cell of a pipe row: a name inside a cell ("Pengadaan Barang
    Milik Daerah Penunjang Urusan Pemerintah Daerah") is part of an activity, not a unit."""
    out = []
    for cell in filled_cells(text):
        name = next(_names_in(norm(cell)), None)
        if name is not None and norm(cell).startswith(name):
            out.append(name)
    return out


def _continues_name(text: str) -> bool:
    """The words go on with a unit's name ("Daerah Provinsi Jawa Barat", "Kota Madiun")."""
    first = text.split()[0].lower() if text.split() else ""
    return first in word_set("agency_continuations")


def _fullest(base: str, names: list[str]) -> str:
    """``base`` in the fullest form the text writes it: the longest name that goes on from it
    with the words of a unit's place ("Biro Organisasi" -> "Biro Organisasi Sekretariat Daerah
    Provinsi Jawa Barat"), without an acronym in parentheses ("(BPLHD)")."""
    key = norm(_ACRONYM.sub(" ", base))
    best = key
    for name in names:
        n = norm(_ACRONYM.sub(" ", name))
        if n.startswith(key + " ") and _continues_name(n[len(key) + 1:]) and len(n) > len(best):
            best = n
    return best


def _trimmed_agency(name: str) -> str | None:
    """A unit's name as far as it is written like a name: capitalised words, acronyms in
    parentheses and small words (dan, di); it ends at a lower-case word,
    a figure or a period word."""
    minor = word_set("agency_minor_words")
    kept: list[str] = []
    for tok in name.split():
        bare = tok.strip("(),")
        if (
            not bare
            or bare[:1].isdigit()
            or pattern("agency_end_re").fullmatch(bare)
            or "/" in bare
        ):
            break   # a figure, a period word, or "Urusan/Program/Kegiatan" (a column header)
        if not (bare[:1].isupper() or bare.lower() in minor):
            break
        kept.append(tok)
    while kept and (kept[-1].lower() in minor or kept[-1].endswith(",")):
        if kept[-1].endswith(",") and kept[-1].lower() not in minor:
            kept[-1] = kept[-1].rstrip(",")
            break
        kept.pop()
    from .tables import is_header_word

    if kept and sum(is_header_word(t) for t in kept) * 2 >= len(kept):
        return None   # "Satuan Target Realisasi Capaian": a table's column headers
    text = " ".join(kept).strip("\"'“”‘’")
    if text.count(")") > text.count("("):   # the name ended a parenthesis: "(Pusat ... Anak)"
        text = text.rstrip(")")
    return text if len(text.split()) >= 2 else None


def parse_meta(doc: Document, running=(), period: tuple[str, int | None, int] | None = None,
               scan_lines: int = 400) -> Meta:
    """The report's metadata.  ``running``: running title lines found in the body (parse.repair);
    ``period``: (kind, quarter, year) given by the user (``--period``), which wins."""
    meta = Meta()
    meta.mentions = period_mentions(doc, running)
    if period is not None:
        meta.kind, meta.quarter, meta.year = period
        meta.period_source = "option"
    else:
        meta.kind, meta.quarter, meta.year, decided = decide_period(meta.mentions)
        if decided is not None:
            meta.period_source = (
                "title" if decided.source in ("title", "prose-title") else decided.source
            )
            meta.period_line = decided.line
            meta.title_line = decided.line if decided.source == "title" else None
    head = doc.lines[:scan_lines]
    meta.agency = _agency(head, running)
    months = rulepack.lexicon()["months"]
    for ln in doc.lines:
        sm = _SIGN_RE.match(ln.text)
        if sm and sm.group("month").lower() in months:
            try:
                meta.signed_date = dt.date(
                    int(sm.group("year")), months[sm.group("month").lower()], int(sm.group("day"))
                )
            except ValueError:
                continue
            meta.signed_place = sm.group("place").strip()
            meta.signed_line = ln.no
            break
    return meta
