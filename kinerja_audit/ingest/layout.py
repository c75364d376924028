"""Layout cleaning: running headers and footers, and page numbers, for every reader.

One home for what is page furniture rather than content.  It is found from two kinds of evidence,
in two steps, with one vocabulary (the page-number pattern, the running key, the counting chain):

1. :func:`drop_edge_items` — where the place of a line on its page is known (PDF): lines in the
   top or bottom edge zone that repeat on most pages, and page numbers there, are dropped before
   tables continued on the next page are stitched together (the PDF reader calls it).
2. :func:`blank_running_lines` — for every document (text, DOCX, PDF), from the lines alone: a
   short line repeated at the first or last lines of the pages (or, without page breaks, one that
   carries a page number or reads like the report's title), bare numbers at page edges that count
   with the pages, and, without page breaks, the longest run of bare numbers counting up one page
   apart.  Such lines are blanked, so line numbers do not move.  :func:`read_document` applies it
   to every document it returns.

A bare number elsewhere may be a value, and a wrapped year at the top of a page is text: numbers
count as page numbers only when they run with the pages.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ..document import Document, Line

# ---------------------------------------------------------------------------- shared vocabulary
# A page-number line: "12", "xii", "Halaman 3", "hal. 3 dari 40", "- 3 -", "(3)", "3/40".
PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:halaman|hal\.?|page)\s*)?[-–—(]?\s*(?:[0-9]{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?"
    r"(?:\s*(?:dari|of|/)\s*[0-9]{1,4})?\s*$",
    re.IGNORECASE,
)
# A bare page number (ASCII digits: "²" is a digit to str.isdigit() and not to int()).
BARE_NUMBER = re.compile(r"^\s*[0-9]{1,3}\s*$")
_BARE_PAGE_NO = re.compile(r"^\s*([0-9]{1,3}|[ivxl]{1,6})\s*$", re.IGNORECASE)
# A page number at either end of a running line ("3 | Laporan Kinerja", "LKj 2025 - 3").
_PAGE_NO_AT_END = re.compile(r"^[0-9]{1,3}\s*[|\-–]\s*|\s*[|\-–]\s*[0-9]{1,3}$|\s+[0-9]{1,3}$")
_TITLE_LIKE = re.compile(r"\b(laporan\s+kinerja|lkj\w*|lakip|lakin)\b.*\b20\d\d\b"
                         r"|\b20\d\d\b.*\b(laporan\s+kinerja|lkj\w*)\b", re.IGNORECASE)


def is_bare_number(text: str) -> bool:
    return bool(BARE_NUMBER.match(text))


def counting_chain(candidates: list[tuple[int, int]], min_gap: int) -> list[int]:
    """Lines of the longest run of (line, value) whose values count up by one, ``min_gap`` lines
    apart."""
    best: list[list[int]] = []          # best chain ending at each candidate (indices)
    for i, (no, value) in enumerate(candidates):
        chain = [i]
        for j in range(i - 1, -1, -1):
            pno, pvalue = candidates[j]
            if pvalue == value - 1 and no - pno >= min_gap and len(best[j]) + 1 > len(chain):
                chain = best[j] + [i]
        best.append(chain)
    longest = max(best, key=len, default=[])
    return [candidates[i][0] for i in longest]


# ---------------------------------------------------------------------------- 1. edge items (PDF)
EDGE_ZONE = 0.12           # top/bottom fraction of the page where running lines live
EDGE_LINES = 2             # ... and how many lines from each edge are candidates
RUNNING_SHARE = 0.5        # a running line repeats on at least this share of the pages
RUNNING_MAX_CHARS = 150


def _edge_items(page) -> list:
    """Text items near the top or bottom edge of ``page`` that may be running headers/footers
    (``page``: ``number``, ``height``, ``items`` with ``top``/``bottom``; text items have
    ``text``)."""
    items = page.items
    head = [it for it in items[:EDGE_LINES] if it.top < EDGE_ZONE * page.height]
    tail = [it for it in items[-EDGE_LINES:] if it.bottom > (1 - EDGE_ZONE) * page.height]
    seen: list = []
    for it in head + tail:
        if isinstance(getattr(it, "text", None), str) and not any(it is s for s in seen):
            seen.append(it)
    return seen


def _edge_key(text: str) -> str:
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", " ", text)).strip().lower()


def _page_offset(text: str, number: int) -> int | None:
    """printed number - page number of a page-number line (None for roman numerals)."""
    m = re.search(r"[0-9]+", text)
    return int(m.group()) - number if m else None


def drop_edge_items(pages: list) -> None:
    """Remove page numbers and lines repeated in the edge zone of most pages.

    A bare arabic number is a page number when it is no greater than the page count or when it
    runs with the pages (another page has a number with the same offset from its page number);
    so a year that wrapped onto the top of the next page ("... Tahun" / "2025") stays, while the
    same number at the edge of most pages (a running "2016" whose title words are an image) goes.
    """
    counts: dict[str, int] = {}
    same: Counter = Counter()          # the exact text, for numbers: "2016" on every page
    offsets: dict[int, set[int]] = {}
    for page in pages:
        edge = _edge_items(page)
        for key in {_edge_key(it.text) for it in edge}:
            counts[key] = counts.get(key, 0) + 1
        same.update({it.text.strip() for it in edge})
        for it in edge:
            offset = _page_offset(it.text, page.number) if PAGE_NUMBER.match(it.text) else None
            if offset is not None:
                offsets.setdefault(offset, set()).add(page.number)
    need = max(2, round(RUNNING_SHARE * len(pages) + 0.01))
    running = {k for k, n in counts.items() if n >= need and len(k) <= RUNNING_MAX_CHARS}

    def drop(it, page) -> bool:
        if not PAGE_NUMBER.match(it.text):
            return _edge_key(it.text) in running
        if same[it.text.strip()] >= need:
            return True            # one number on most pages: a running year, no page number
        offset = _page_offset(it.text, page.number)
        return (offset is None or offset + page.number <= len(pages)
                or len(offsets.get(offset, ())) >= 2)

    for page in pages:
        gone = [it for it in _edge_items(page) if drop(it, page)]
        page.items = [it for it in page.items if not any(it is d for d in gone)]


# ---------------------------------------------------------------------------- 2. lines (all)
def _page_number_lines(content: list[Line]) -> set[int]:
    """Bare numbers that are page numbers: the first or last line of a page whose value follows the
    page count (value - page is the same on most pages).  Elsewhere a bare number may be a value."""
    if not any(ln.page for ln in content):
        return _page_number_chain(content)
    candidates: list[tuple[int, int]] = []   # (line, value - page)
    for prev, cur, nxt in zip([None] + content[:-1], content, content[1:] + [None]):
        if cur.page is None or not _BARE_PAGE_NO.match(cur.text) or not is_bare_number(cur.text):
            continue
        at_edge = (prev is None or prev.page != cur.page) or (nxt is None or nxt.page != cur.page)
        if at_edge:
            candidates.append((cur.no, int(cur.text) - cur.page))
    if not candidates:
        return set()
    offset, n = Counter(off for _, off in candidates).most_common(1)[0]
    pages = len({ln.page for ln in content})
    if n < 3 or n < pages / 2:
        return set()
    return {line for line, off in candidates if off == offset}


def _page_number_chain(content: list[Line]) -> set[int]:
    """Without page breaks: the longest run of bare numbers counting up by one, far apart (one per
    page) and spanning at least half the document, is the page numbering."""
    from ..parse.text import is_debris

    if any(is_debris(ln.text) for ln in content):
        return set()   # the pages are numbered some other way ("Halaman 3", "- 3 -")
    bare = [(ln.no, int(ln.text)) for ln in content if is_bare_number(ln.text)]
    chain = counting_chain(bare, min_gap=15)
    if len(chain) < 5 or not content:
        return set()
    # numbered rows of one table (sasaran 1..5) count up too; pages run through the whole document,
    # one page length apart
    if chain[-1] - chain[0] < 0.5 * (content[-1].no - content[0].no):
        return set()
    gaps = sorted(b - a for a, b in pairwise(chain))
    median = gaps[len(gaps) // 2]
    if sum(abs(g - median) <= 0.4 * median for g in gaps) < 0.7 * len(gaps):
        return set()
    return set(chain)


def _running_keys(content: list[Line], key) -> set[str]:
    """Keys of the running lines: short, no full stop, repeated at least three times, neither a
    table header nor a caption; with page breaks at a page's edge, without them carrying a page
    number or reading like the report's title (wrapped table names repeat too, and are content)."""
    from ..parse.tables import caption_match, is_table_header
    from ..parse.text import norm

    paged = any(ln.page for ln in content) and len({ln.page for ln in content}) > 1
    edge: set[int] = set()
    if paged:
        by_page: dict[int, list[int]] = {}
        for ln in content:
            by_page.setdefault(ln.page, []).append(ln.no)
        for nos in by_page.values():
            edge.update(nos[:3] + nos[-3:])
    occurrences: dict[str, list] = {}
    for ln in content:
        occurrences.setdefault(key(ln.text), []).append(ln)
    running: set[str] = set()
    for k, lns in occurrences.items():
        if len(lns) < 3 or not 10 <= len(k) <= 100 or k.endswith(".") or caption_match(k) \
                or is_table_header(k) or k.startswith("|") or not any(c.isalpha() for c in k):
            continue
        if paged:
            if sum(ln.no in edge for ln in lns) >= 2 * len(lns) / 3:
                running.add(k)
        elif sum(key(ln.text) != norm(ln.text) for ln in lns) >= 2 * len(lns) / 3 \
                or _TITLE_LIKE.search(k):
            running.add(k)
    return running


def blank_running_lines(doc: Document) -> Document:
    """A copy of ``doc`` with running headers/footers and page numbers blanked (same line
    numbers), or ``doc`` itself when it has none."""
    from ..parse.text import norm

    def key(text: str) -> str:   # the line without a page number at either end
        return _PAGE_NO_AT_END.sub("", norm(text))

    content = [ln for ln in doc.lines if ln.text.strip()]
    running = _running_keys(content, key)
    page_numbers = _page_number_lines(content)
    # bare numbers right next to running headers/footers are page numbers when, read in order, they
    # count up like pages do
    beside = [(cur.no, int(cur.text))
              for prev, cur, nxt in zip([None] + content[:-1], content, content[1:] + [None])
              if is_bare_number(cur.text)
              and any(n is not None and key(n.text) in running for n in (prev, nxt))]
    chain = counting_chain(beside, min_gap=1)
    if len(chain) >= 3:
        page_numbers.update(chain)
    if not running and not page_numbers:
        return doc
    lines = [Line(ln.no, ln.page,
                  "" if key(ln.text) in running or ln.no in page_numbers else ln.text)
             for ln in doc.lines]
    return Document(doc.source, lines, doc.format)
