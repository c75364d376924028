"""Highlight annotations on a copy of a PDF, over the words of each finding's evidence.

The PDF is opened again with pdfplumber for its word boxes (the reader,
:mod:`kinerja_audit.ingest.pdf`, keeps none).  The evidence is looked for on the finding's page,
first as a run of words in reading order (:mod:`.locate`), then, for table rows whose cells wrap
(the reader reads a row cell by cell, the page shows it line by line), as the smallest band of
lines holding all its words.  The copy is written by pypdf as an incremental update: the original
bytes stay as they are and the annotations are appended, so the text is the original's.  Each
note is a highlight with the note text in its pop-up; a finding with no place in the text is a
note at the top of page 1, one whose evidence cannot be found a highlight of its line (or a note
at the top of its page).
"""
from __future__ import annotations

import contextlib
import logging
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import Placement, locate, note

HIGHLIGHT = "ffe27a"          # the HTML report's <mark> colour
NOTE_SIZE = 18                # side of a sticky note's icon (points)
POPUP_WIDTH, POPUP_HEIGHT = 220, 140


@dataclass
class Word:
    text: str
    page: int                 # 0-based page index
    row: int                  # visual line on its page (0-based)
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class PageWords:
    width: float
    height: float
    rows: list[list[Word]] = field(default_factory=list)


def read_words(path: Path) -> list[PageWords]:
    """Every page's words grouped into visual lines, top to bottom, left to right."""
    import pdfplumber

    pages = []
    with _quiet(), pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            page._objects = {"char": _chars(page)}     # pdfplumber's cache slot: chars only
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            out = PageWords(float(page.width), float(page.height))
            for row, line in enumerate(_rows(words)):
                out.rows.append([Word(w["text"], index, row, float(w["x0"]), float(w["x1"]),
                                      float(w["top"]), float(w["bottom"])) for w in line])
            pages.append(out)
            page.close()
    return pages


def _chars(page) -> list[dict]:
    """The page's characters as pdfplumber's word extraction needs them, and nothing else.

    pdfplumber resolves every attribute of every layout object (colours, graphic state, curves);
    that is three quarters of the time and none of it is needed for word boxes.  Coordinates are
    converted as pdfplumber's ``Page.process_object`` does (top-left origin, MediaBox offsets).
    """
    from pdfminer.layout import LTChar, LTContainer

    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    out: list[dict] = []

    def walk(objs) -> None:
        for obj in objs:
            if isinstance(obj, LTChar):
                top = height - obj.y1 + mb_top
                out.append({"object_type": "char", "page_number": page.page_number,
                            "text": obj.get_text(), "upright": obj.upright, "size": obj.size,
                            "fontname": obj.fontname, "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0,
                            "y0": obj.y0, "y1": obj.y1, "top": top,
                            "bottom": height - obj.y0 + mb_top,
                            "doctop": page.initial_doctop + top, "width": obj.width,
                            "height": obj.height})
            elif isinstance(obj, LTContainer):       # figures (form XObjects) hold chars too
                walk(obj)

    walk(page.layout)
    return out


def _rows(words: list[dict]) -> list[list[dict]]:
    """Words that overlap vertically by more than half their height form one line."""
    rows: list[list] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows:
            top, bottom, ws = rows[-1]
            overlap = min(bottom, w["bottom"]) - max(top, w["top"])
            if overlap > 0.5 * min(max(bottom - top, 1.0), max(w["bottom"] - w["top"], 1.0)):
                ws.append(w)
                rows[-1][1] = max(bottom, w["bottom"])
                continue
        rows.append([w["top"], w["bottom"], [w]])
    return [sorted(ws, key=lambda w: w["x0"]) for _, _, ws in rows]


@contextlib.contextmanager
def _quiet():
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


class WordMap:
    """All words of the document in reading order, searchable as one text."""

    def __init__(self, pages: list[PageWords]):
        self.pages = pages
        self.words = [w for p in pages for row in p.rows for w in row]
        self.index = locate.Index([w.text for w in self.words])

    def sequence(self, phrase: str, page: int, row_hint: float | None) -> list[Word] | None:
        """The words of the occurrence of ``phrase`` on ``page`` nearest ``row_hint``.

        A phrase that runs over a page break is highlighted on ``page`` only (one note)."""
        def distance(span: locate.Span) -> float:
            first, last = self.words[span.first], self.words[span.last]
            if not first.page <= page <= last.page:
                return float("inf")
            row = first.row if first.page == page else 0     # continued from the page before
            return abs(row - row_hint) if row_hint is not None else row / 1000

        span = locate.best(self.index.find_all(phrase), distance, float("inf") / 2)
        if span is None:
            return None
        return [w for w in self.words[span.first:span.last + 1] if w.page == page]

    def band(self, phrase: str, page: int, row_hint: float | None) -> list[Word] | None:
        """The fewest consecutive lines of ``page`` holding every word of ``phrase``."""
        wanted = Counter(k for k in (locate.key_of(t) for t in phrase.split()) if k)
        if not wanted or page >= len(self.pages):
            return None
        rows = self.pages[page].rows
        best: tuple | None = None
        limit = max(3, sum(wanted.values()))
        for start in range(len(rows)):
            need = Counter(wanted)
            chosen: list[Word] = []
            for end in range(start, min(len(rows), start + limit)):
                for w in rows[end]:
                    k = locate.key_of(w.text)
                    if need[k] > 0:
                        need[k] -= 1
                        chosen.append(w)
                if not +need:
                    height = end - start
                    near = abs(start - row_hint) if row_hint is not None else start
                    if best is None or (height, near) < best[:2]:
                        best = (height, near, chosen)
                    break
        return best[2] if best else None

    def find(self, phrase: str, page: int, row_hint: float | None) -> list[Word] | None:
        return self.sequence(phrase, page, row_hint) or self.band(phrase, page, row_hint)


def annotate(
    source: Path, target: Path, document, findings, *, lang: str, author: str
) -> Placement:
    from pypdf import PdfWriter

    words = WordMap(read_words(source))
    writer = PdfWriter(str(source), incremental=True)
    placement = Placement()
    page_notes: dict[int, int] = {}
    for number, finding in enumerate(findings, start=1):
        page, hint = _page_and_row(words, document, finding)
        chosen = None
        approximate = False
        if finding.line is not None:
            for phrase in locate.phrases(finding.evidence):
                chosen = words.find(phrase, page, hint) or _part_on_page(words, phrase, page,
                                                                         hint)
                if chosen:
                    break
            if not chosen:
                approximate = True
                line = (
                    document.lines[finding.line - 1].text
                    if finding.line <= len(document.lines)
                    else ""
                )
                chosen = words.find(line, page, hint) if line.strip() else None
        text = note(finding, lang, approximate=approximate)
        name = f"kinerja-audit-{number}"
        if chosen:
            _highlight(writer, words.pages[page], page, chosen, text, author, name)
        else:
            slot = page_notes.get(page, 0)
            page_notes[page] = slot + 1
            _sticky(writer, words.pages[page], page, slot, text, author, name)
        if finding.line is None:
            placement.start += 1
        elif approximate:
            placement.approximate += 1
        else:
            placement.exact += 1
    with open(target, "wb") as fh:
        writer.write(fh)
    return placement


def _page_and_row(words: WordMap, document, finding) -> tuple[int, float | None]:
    """The finding's page (0-based) and the visual line its document line is on, if found."""
    if finding.line is None:
        return 0, None
    number = finding.page or document.page_of(finding.line) or 1
    page = min(max(number - 1, 0), len(words.pages) - 1)
    text = document.lines[finding.line - 1].text if finding.line <= len(document.lines) else ""
    # the k-th text line of the page in the document is about the k-th line on the page
    before = sum(1 for ln in document.lines[:finding.line - 1] if ln.page == number and ln.text)
    found = words.sequence(text, page, before) if text.strip() else None
    return page, (found[0].row if found else float(before))


def _part_on_page(words: WordMap, phrase: str, page: int, hint: float | None) -> list[Word] | None:
    """The longest end or start of the evidence found on ``page`` (at least half its words).

    Evidence is whole sentences and table rows; a sentence that runs over a page break, or that
    follows a table row the page shows in another order, is on the finding's page only in part.
    """
    tokens = phrase.split()
    for keep in range(len(tokens) - 1, max(len(tokens) // 2, 3) - 1, -1):
        for part in (tokens[-keep:], tokens[:keep]):
            found = words.sequence(" ".join(part), page, hint)
            if found:
                return found
    return None


def _pdf_box(page: PageWords, w: Word) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in PDF user space (origin bottom left)."""
    return w.x0, page.height - w.bottom, w.x1, page.height - w.top


def _highlight(writer, page: PageWords, index: int, chosen: list[Word], text: str, author: str,
               name: str) -> None:
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    quads, boxes = [], []
    for _row, group in _groups(chosen):
        x0, y0, _, y1 = _pdf_box(page, group[0])
        x1 = group[-1].x1
        boxes.append((x0, y0, x1, y1))
        quads += [x0, y1, x1, y1, x0, y0, x1, y0]
    rect = (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
    annotation = Highlight(rect=rect, quad_points=ArrayObject(FloatObject(q) for q in quads),
                           highlight_color=HIGHLIGHT, printing=True, title_bar=author)
    annotation[NameObject("/Contents")] = TextStringObject(text)
    annotation[NameObject("/NM")] = TextStringObject(name)
    annotation[NameObject("/AP")] = _appearance(writer, rect, boxes)
    _with_popup(writer, index, annotation, page, rect)


def _groups(chosen: list[Word]) -> list[tuple[int, list[Word]]]:
    """Chosen words per visual line, neighbours on a line merged into one box."""
    out: list[tuple[int, list[Word]]] = []
    for w in sorted(chosen, key=lambda w: (w.row, w.x0)):
        if out and out[-1][0] == w.row and w.x0 - out[-1][1][-1].x1 < 2.5 * (w.bottom - w.top):
            out[-1][1].append(w)
        else:
            out.append((w.row, [w]))
    return out


def _appearance(writer, rect, boxes):
    """The highlight's look (a translucent yellow fill) so every viewer draws the same thing."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
    )

    r, g, b = (int(HIGHLIGHT[i:i + 2], 16) / 255 for i in (0, 2, 4))
    ops = [f"/GS0 gs {r:.3f} {g:.3f} {b:.3f} rg"]
    ops += [f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f" for x0, y0, x1, y1 in boxes]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    state = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"),
                              NameObject("/BM"): NameObject("/Multiply"),
                              NameObject("/ca"): FloatObject(0.6)})
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in rect),
        NameObject("/Resources"): DictionaryObject({NameObject("/ExtGState"): DictionaryObject(
            {NameObject("/GS0"): state})}),
        NameObject("/FormType"): NumberObject(1),
    })
    return DictionaryObject({NameObject("/N"): writer._add_object(stream)})


def _sticky(writer, page: PageWords, index: int, slot: int, text: str, author: str,
            name: str) -> None:
    """A note icon in the left margin at the top of the page, one below the other."""
    from pypdf.annotations import Text
    from pypdf.generic import NameObject, TextStringObject

    top = page.height - 8 - slot * (NOTE_SIZE + 4)
    rect = (6, top - NOTE_SIZE, 6 + NOTE_SIZE, top)
    annotation = Text(rect=rect, text=text, flags=4, title_bar=author)
    annotation[NameObject("/Name")] = NameObject("/Comment")
    annotation[NameObject("/NM")] = TextStringObject(name)
    _with_popup(writer, index, annotation, page, rect)


def _with_popup(writer, index: int, annotation, page: PageWords, rect) -> None:
    from pypdf.annotations import Popup
    from pypdf.generic import NameObject

    added = writer.add_annotation(index, annotation)
    x = min(rect[2] + 10, page.width - POPUP_WIDTH)
    y = max(rect[3] - POPUP_HEIGHT, 0)
    popup = writer.add_annotation(index, Popup(rect=(x, y, x + POPUP_WIDTH, y + POPUP_HEIGHT),
                                               parent=added))
    added[NameObject("/Popup")] = popup.indirect_reference
