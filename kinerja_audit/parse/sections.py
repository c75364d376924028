"""Chapters and parts of the report, with their line spans.

Recognises ``BAB III`` headings (title on the same or the next line), standalone headings such as
``IKHTISAR EKSEKUTIF`` or ``Lampiran :``, and lettered parts such as ``B. REALISASI ANGGARAN``.
Table-of-contents entries (dotted leaders, trailing page numbers, headings with no body) are not
chapters.  The part vocabulary lives in ``checks/lexicon.yaml`` (``parts``).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .periods import YEAR, roman_or_int, years_in
from .text import any_match, norm, pattern, word_set

MARKER_RE = re.compile(r"^(?:(?:[A-H]|[IVX]{1,4}|\d{1,2})[.)]|\d{1,2}\.\d{1,2}\.?)\s+")
TOC_RE = re.compile(r"(\.{4,}|…|\s\d{1,3}$)")


@dataclass
class Section:
    key: str
    title: str
    level: int
    start: int          # line of the heading
    end: int            # last line of the part
    parent: str | None = None
    number: int | None = None   # chapter number as printed (BAB III -> 3)

    def contains(self, line: int) -> bool:
        return self.start <= line <= self.end


@functools.cache
def parts():
    """The parts of a report (checks/lexicon.yaml ``parts``) with their heading
    patterns compiled."""
    parts = rulepack.lexicon()["parts"]
    return [
        {**p, "_re": [re.compile(x, re.IGNORECASE) for x in p["patterns"]]}
        for p in parts
    ]


def _chapter(text: str) -> re.Match | None:
    """"BAB III ...": group 1 the numeral, group 2 the title (``chapter_re``)."""
    return pattern("chapter_re").match(text)


def _match_part(title: str, level: int | None = None) -> dict | None:
    t = norm(title).rstrip(":").strip()
    for part in parts():
        if level is not None and part["level"] != level:
            continue
        if any(r.match(t) for r in part["_re"]):
            return part
    return None




def _headingish(text: str) -> bool:
    """Short, and written like a heading: in capitals, in Title Case, or after a list marker."""
    t = norm(text)
    if not t or len(t) > 80 or t.endswith("."):
        return False   # a heading is no sentence: "... dan Lampiran." is the end of one
    letters = [c for c in t if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    words = MARKER_RE.sub("", t).split()
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    title_case = all(
        w[:1].isupper() or w.lower() in word_set("minor_words") or not w[:1].isalpha()
        for w in words
    )
    return title_case or MARKER_RE.match(t) is not None


def _next_nonblank(doc: Document, idx: int, limit: int = 3) -> int | None:
    for j in range(idx + 1, min(len(doc.lines), idx + 1 + limit * 2)):
        if doc.lines[j].text.strip():
            return j
    return None


def _candidates(doc: Document) -> list[Section]:
    found: list[Section] = []
    for i, line in enumerate(doc.lines):
        t = norm(line.text)
        if not t or len(t) > 90 or TOC_RE.search(t) and not _chapter(t) or "...." in t:
            continue
        m = _chapter(t)
        if m and (m.group(1).isupper() or m.group(1).isdigit()) and t[:3].isupper():
            number = roman_or_int(m.group(1))
            title = m.group(2).strip()
            if TOC_RE.search(title):
                continue
            if not title:
                j = _next_nonblank(doc, i)
                title = (
                    norm(doc.lines[j].text)
                    if j is not None and _headingish(doc.lines[j].text)
                    else ""
                )
            part = _match_part(title, level=1) if title else None
            if part is None or part["key"] in (
                "kata_pengantar",
                "daftar_isi",
                "ikhtisar",
                "lampiran",
            ):
                part = next((p for p in parts() if p.get("number") == number), None)
            if part is None:
                continue
            found.append(Section(part["key"], f"BAB {m.group(1)} {title}".strip(), 1, line.no,
                                 line.no, number=number))
            continue
        if not _headingish(t):
            continue
        bare = MARKER_RE.sub("", t)
        if bare == t:
            part = _match_part(bare, level=1)
            if part is not None and part.get("number") is None:
                found.append(Section(part["key"], t.rstrip(": "), 1, line.no, line.no))
                continue
        part = _match_part(bare, level=2)
        if part is not None:
            found.append(Section(part["key"], t, 2, line.no, line.no, parent=part.get("parent")))
    return found


def _outline_entry(body: list) -> bool:
    """The lines under a heading are an outline of its sub-headings
    ("1.1 Latar Belakang"), no prose."""
    texts = [norm(ln.text) for ln in body]
    numbered = sum(
        1 for t in texts if MARKER_RE.match(t) or re.match(r"\d{1,2}(\.\d{1,2}){1,3}", t)
    )
    return 0 < len(texts) <= 15 and numbered * 5 >= len(texts) * 3 and all(
        len(t) <= 90 and not t.endswith(".") for t in texts)


def find_sections(doc: Document) -> list[Section]:
    cands = _candidates(doc)
    last = len(doc.lines)
    # A level-1 heading directly followed by another level-1 heading is a table-of-contents entry.
    level1 = [c for c in cands if c.level == 1]
    kept: list[Section] = []
    for idx, sec in enumerate(level1):
        nxt = level1[idx + 1].start if idx + 1 < len(level1) else last + 1
        body = [ln for ln in doc.lines[sec.start:nxt - 1] if ln.text.strip()]
        # the title line of a "BAB I" heading written over two lines is not body
        title_below = _chapter(norm(doc.lines[sec.start - 1].text)) is not None and \
            not _chapter(norm(doc.lines[sec.start - 1].text)).group(2)
        if len(body) <= (1 if title_below else 0) and idx + 1 < len(level1):
            continue
        if _outline_entry(body) and any(later.key == sec.key for later in level1[idx + 1:]):
            continue  # a chapter listed in an outline ("Sistematika Penulisan"), written out later
        if kept and kept[-1].key == sec.key:
            continue  # running header repeating the chapter we are in
        kept.append(sec)
    for idx, sec in enumerate(kept):
        sec.end = (kept[idx + 1].start - 1) if idx + 1 < len(kept) else last
    chapters = kept
    subparts: list[Section] = []
    last_owner = None
    for sub in (c for c in cands if c.level == 2):
        owner = next((ch for ch in chapters if ch.contains(sub.start)), None)
        if owner is None or sub.parent not in (owner.key, None):
            continue
        if subparts and subparts[-1].key == sub.key and last_owner is owner:
            continue
        subparts.append(sub)
        last_owner = owner
    for idx, sub in enumerate(subparts):
        owner = next(ch for ch in chapters if ch.contains(sub.start))
        nxt = next((s.start for s in subparts[idx + 1:] if owner.contains(s.start)), owner.end + 1)
        sub.end = nxt - 1
    return sorted(chapters + subparts, key=lambda s: (s.start, s.level))


def section_at(sections: list[Section], line: int) -> Section | None:
    """The innermost section holding ``line``."""
    best = None
    for s in sections:
        if s.contains(line) and (best is None or s.level >= best.level):
            best = s
    return best


def parts_present(doc: Document, sections: list[Section]) -> set[str]:
    """Keys of the parts the report has: by their heading, or (for parts that may be written as
    prose, ``body_patterns``) by words in the body of their chapter."""
    present = {s.key for s in sections}
    for part in parts():
        if (
            part["key"] in present
            or not part.get("body_patterns")
            or part.get("parent") not in present
        ):
            continue
        chapter = next(s for s in sections if s.key == part["parent"])
        body = " ".join(doc.lines[i - 1].text for i in range(chapter.start, chapter.end + 1))
        if any(re.search(p, body, re.IGNORECASE) for p in part["body_patterns"]):
            present.add(part["key"])
    return present


@dataclass(frozen=True)
class Annex:
    line: int             # the annex heading
    has_agreement: bool   # it names the Perjanjian Kinerja (or Rencana Aksi)
    empty: bool           # nothing but the heading


def annex_of(doc: Document, sections: list[Section]) -> Annex | None:
    annex = next((s for s in sections if s.key == "lampiran"), None)
    if annex is None:
        return None
    body = [doc.lines[i - 1].text for i in range(annex.start, annex.end + 1)]
    text = " ".join(t.strip() for t in body)
    rest = pattern("annex_heading_re").sub("", text, count=1).strip()
    return Annex(annex.start, any_match("lampiran_pk_patterns", text), not rest)


@dataclass(frozen=True)
class NumberedHeading:
    line: int
    numbers: tuple[int, ...]      # "3.1.2" -> (3, 1, 2)
    printed: str                  # "3.1.2"
    title: str = ""               # the words after the number
    outline: bool = False         # an entry of an outline (Sistematika, Daftar Isi), no heading


OUTLINE_RUN = 3     # this many numbered headings on consecutive lines: an outline, not headings
HEADING_MAX_CHARS = 110


def numbered_headings(doc: Document) -> list[NumberedHeading]:
    """Decimal-numbered section headings ("3.1.2 Analisa Perbandingan ..."): short lines opening
    with ``numbered_heading_re``; those of a run an outline (Sistematika, Daftar Isi) prints on
    consecutive lines (a wrapped title line between two of them still runs on) are its entries."""
    found = []
    for ln in doc.lines:
        text = ln.text.strip()
        m = re.match(r"(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s", text)
        if m and len(text) <= HEADING_MAX_CHARS and pattern("numbered_heading_re").match(text) \
                and not text.endswith((".", ",", ";")):
            found.append(NumberedHeading(ln.no, tuple(int(x) for x in m.group(1).split(".")),
                                         m.group(1), text[m.end():].strip()))
    lines = {h.line for h in found}

    def step(line: int, way: int) -> int | None:
        """The next numbered heading from ``line`` (one way), over one wrapped title line."""
        if line + way in lines:
            return line + way
        between = doc.lines[line + way - 1].text.strip() if 1 <= line + way <= len(doc.lines) \
            else ""
        if between and not between.endswith(".") and line + 2 * way in lines:
            return line + 2 * way
        return None

    def run(line: int) -> int:
        count = 1
        for way in (-1, 1):
            at = step(line, way)
            while at is not None:
                count += 1
                at = step(at, way)
        return count

    return [dataclasses.replace(h, outline=run(h.line) >= OUTLINE_RUN) for h in found]


@dataclass(frozen=True)
class OutlineYear:
    line: int                     # the outline entry
    heading_line: int             # the heading it lists
    printed: str                  # "3.1.2"
    found: int                    # the year the entry names
    expected: int                 # the year the heading names


TITLE_MATCH = 85    # similarity (0-100) of an entry's title and a heading's, years left out


def outline_years(headings: list[NumberedHeading]) -> list[OutlineYear]:
    """Outline entries that name another year than the heading they list ("2.1.2 Rencana Kinerja
    Tahunan 2015" in the Sistematika, "2.1.2 Rencana Kinerja Tahunan 2016" as the heading): the
    same number, the same title but for the year."""
    from rapidfuzz import fuzz

    def years(title: str) -> set[int]:
        return set(years_in(title))

    def bare(title: str) -> str:
        return norm(YEAR.sub(" ", title)).lower()

    out = []
    for entry in (h for h in headings if h.outline and years(h.title)):
        for heading in headings:
            if heading.outline or heading.numbers != entry.numbers or heading.line < entry.line:
                continue
            a, b = years(entry.title), years(heading.title)
            if b and a != b and len(a) == len(b) == 1 and \
                    fuzz.ratio(bare(entry.title), bare(heading.title)) >= TITLE_MATCH:
                out.append(OutlineYear(entry.line, heading.line, entry.printed, a.pop(), b.pop()))
            break
    return out
