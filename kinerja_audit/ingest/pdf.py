"""PDF reader: text in reading order with page numbers, ruled tables as pipe rows.

PDFium (pypdfium2) reads each page's characters and paths; pdfplumber's word grouping and table
finder turn them into words and ruled tables (:mod:`.pdfium_text`, :mod:`.pdftables`); pdfminer,
under pdfplumber, reads only pages PDFium cannot place (rotated, or offset media boxes) — so a
page costs milliseconds, not a second.  Before any library reads the file, its drawing
instructions are checked against size limits (:mod:`.pdfguard`).
Per page, the words are extracted once.  Ruled tables (``find_tables``, lines strategy) become one
pipe row per table row at the table's vertical position, and their words are left out of the plain
text.  Plain text is grouped into lines top to bottom; a wide horizontal gap between words is kept
as a run of spaces, so a borderless table reads like ``pdftotext -layout`` output, which the table
parser understands.  Then, across pages: running headers and footers (the same short line at the
top or bottom of most pages) and bare page numbers are dropped (:mod:`.layout`), a table caption
that wrapped onto a
second line (or onto the next page) is one line again, and a table continued on the next page is
stitched to the table it continues.

Every failure of PDFium, pdfminer or pdfplumber becomes an
:class:`~kinerja_audit.ingest.InputError`.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document, Line
from . import layout, pipes

# ---------------------------------------------------------------------------- tuning
COLUMN_GAP_EM = 1.2        # a gap wider than this many font heights separates columns
JUSTIFIED_RATIO = 1.6      # ... unless all gaps of the line are this alike (justified prose)
PARAGRAPH_GAP = 0.8        # vertical gap (in line heights) that ends a paragraph
CAPTION_WRAPPED = 0.8      # a caption line this wide (share of the page's widest line) wrapped
SAME_SIZE = 0.15           # lines whose heights differ by less than this share: same font size
STITCH_SLACK = 2.0         # points two tables' column edges may differ by and still be one table

_CAPTION = re.compile(r"^\s*(?:tabel|table)\s+(?:\d+|[ivxlc]+)(?:[.\-]\d+)*\b", re.IGNORECASE)


# ---------------------------------------------------------------------------- page items
@dataclass
class TextLine:
    top: float
    bottom: float
    text: str
    x0: float = 0.0
    x1: float = 0.0


@dataclass
class TableRows:
    top: float
    bottom: float
    ncols: int
    rows: list[tuple[int, list[str]]]      # (page, cells)
    starts: tuple[float, ...] = ()         # left edge of each column
    right: float = 0.0                     # right edge of the table


@dataclass
class Page:
    number: int
    height: float
    items: list = field(default_factory=list)    # TextLine | TableRows, in reading order


# ---------------------------------------------------------------------------- entry point
def read(path: Path, source: str, max_bytes: int, max_pages: int | None = None,
         data: bytes | None = None, pdfium: bool = True) -> Document:
    """The document of a PDF.  ``pdfium=False`` reads every page with pdfplumber alone, as the
    reader did before PDFium (the benchmark and a test compare the two readings)."""
    from . import DEFAULT_MAX_PAGES, InputError

    for module, library in (("pypdfium2", "pypdfium2"), ("pdfplumber", "pdfplumber")):
        try:
            __import__(module)
        except ImportError:
            raise InputError(source, "missing_library", what="PDF", library=library) from None
    limit = DEFAULT_MAX_PAGES if max_pages is None else max_pages
    with _quiet_pdfminer():
        try:
            pages = _extract(path.read_bytes() if data is None else data, source, limit, pdfium)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001  pdfminer/PDFium raise anything on hostile input
            raise _input_error(source, exc) from None
    if not any(p.items for p in pages):
        raise InputError(source, "pdf_scanned")
    layout.drop_edge_items(pages)
    join_wrapped_captions(pages)
    stitch_tables(pages)
    return Document(source=source, lines=number_lines(pages), format="pdf")


def _extract(data: bytes, source: str, max_pages: int, fast: bool = True) -> list[Page]:
    """Every page: text and word boxes by PDFium; ruled tables by pdfplumber's table finder, on the
    pages whose rulings can make a table, from PDFium's paths.  pdfplumber's document (and
    pdfminer under it) is opened only to read a page whose coordinates PDFium does not share (a
    rotated page, a media box away from the origin), and then reads every page when the two
    libraries count the pages differently.  The content limits are checked first."""
    import pypdfium2 as pdfium

    from . import InputError, pdfguard, pdfium_text

    try:
        pdfguard.check(data)
    except pdfguard.ContentTooLarge as big:
        key = ("pdf_total_too_large" if big.total else
               "pdf_stream_too_large" if big.what == "size" else "pdf_too_many_saves")
        raise InputError(source, key, limit=big.limit) from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        from pypdfium2 import raw

        raise InputError(source, "pdf_encrypted" if exc.err_code == raw.FPDF_ERR_PASSWORD
                         else "pdf_corrupt") from None
    try:
        count = len(document)
        if count == 0:
            raise InputError(source, "pdf_no_pages")
        if count > max_pages:
            raise _too_many_pages(source, count, max_pages)
        if not fast:
            return _plumber_pages(data, range(count))
        read: dict[int, tuple] = {}          # page index -> (height, words, graphics or None)
        for i in range(count):
            page = document[i]
            try:
                if pdfium_text.plain(page):
                    words = pdfium_text.page_words(page)
                    graphics = pdfium_text.page_graphics(page, i + 1)
                    pdfium_text.close_cut_tables(graphics)
                    rulings = bool(words) and pdfium_text.has_rulings(graphics)
                    read[i] = (page.get_height(), words, graphics if rulings else None)
            finally:
                page.close()
    finally:
        document.close()
    if len(read) < count:
        return _with_plumber(data, count, read)
    return [_assemble(i + 1, height, words, _pdfium_tables(graphics))
            for i, (height, words, graphics) in sorted(read.items())]


def _pdfium_tables(graphics: dict | None) -> list:
    """The ruled tables of a page PDFium read, from its graphics (None: a page without rulings)."""
    from . import pdftables

    return [] if graphics is None else ruled_tables(pdftables.Rulings(graphics))


def _plumber_pages(data: bytes, indexes) -> list[Page]:
    """Pages read by pdfplumber alone (words and tables from pdfminer's reading of the page)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as plumber:
        return [_plumber_page(plumber.pages[i]) for i in indexes]


def _plumber_page(page) -> Page:
    try:
        from . import pdfium_text

        page._objects = lean_objects(page)
        pdfium_text.close_cut_tables(page._objects)
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        tables = ruled_tables(page, fast=False) if words else []
        return _assemble(page.page_number, float(page.height), words, tables)
    finally:
        page.close()           # frees the page's layout and object caches


def _with_plumber(data: bytes, count: int, read: dict) -> list[Page]:
    """The pages PDFium read, and the pages PDFium could not read read by pdfplumber alone; every
    page by pdfplumber when the two libraries count the pages differently."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as plumber:
        if len(plumber.pages) != count:
            return [_plumber_page(p) for p in plumber.pages]
        return [_plumber_page(plumber.pages[i]) if i not in read else
                _assemble(i + 1, read[i][0], read[i][1], _pdfium_tables(read[i][2]))
                for i in range(count)]


def _too_many_pages(source: str, pages: int, limit: int):
    from . import InputError

    return InputError(source, "pdf_too_long", pages=pages, limit=limit)


def _input_error(source: str, exc: Exception):
    from . import InputError

    if _is_encryption_error(exc):
        return InputError(source, "pdf_encrypted")
    return InputError(source, "pdf_corrupt")


def _is_encryption_error(exc: BaseException) -> bool:
    try:
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        return False
    seen = 0
    while exc is not None and seen < 5:    # pdfplumber wraps pdfminer's error in its own
        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = inner or exc.__cause__ or exc.__context__
        seen += 1
    return False


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs and warns about damaged files; the one-line InputError is the only report."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())   # keeps logging's last-resort stderr quiet
    previous = logging.getLogger("pdfminer").level
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.getLogger("pdfminer").setLevel(previous)


# ---------------------------------------------------------------------------- one page
def _assemble(number: int, height: float, words: list[dict], tables: list) -> Page:
    """A page's items in reading order: its ruled tables as rows, the other words as lines.  A
    word belongs to the table, and the cell, that holds its centre."""
    items: list = []
    centres = [((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2) for w in words]
    in_table = [False] * len(words)
    for table in tables:
        x0, top, x1, bottom = table.bbox
        own = [k for k, (cx, cy) in enumerate(centres)
               if x0 <= cx <= x1 and top <= cy <= bottom]     # the cells look only at these
        for k in own:
            in_table[k] = True
        cells = _TableWords(words, centres, own)
        rows = [(number, cells.row_texts(row.cells)) for row in table.rows]
        rows = [(p, texts) for p, texts in rows if any(texts)]
        if rows:
            starts = tuple(sorted({c[0] for c in table.cells}))
            items.append(TableRows(top, bottom, len(rows[0][1]), rows, starts, x1))
    free = [w for w, taken in zip(words, in_table) if not taken]
    items.extend(TextLine(top, bottom, join_words(ws), ws[0]["x0"], max(w["x1"] for w in ws))
                 for top, bottom, ws in group_lines(free))
    items.sort(key=lambda it: it.top)
    return Page(number=number, height=float(height), items=items)


class _TableWords:
    """The words of one table (indexes into the page's words, in page order), found by the
    height of their centres: a row looks only at the words within its height, so a large table
    costs rows x log(words) + cells x (words in a row), not cells x words."""

    def __init__(self, words: list[dict], centres: list[tuple[float, float]], own: list[int]):
        self.words, self.centres = words, centres
        self.by_height = sorted(own, key=lambda k: centres[k][1])
        self.heights = [centres[k][1] for k in self.by_height]

    def row_texts(self, cells: list) -> list[str]:
        """The text of each cell of a table row (an empty cell: one covered by a merged cell)."""
        from bisect import bisect_left, bisect_right

        boxes = [b for b in cells if b is not None]
        if not boxes:
            return ["" for _ in cells]
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        band = sorted(self.by_height[bisect_left(self.heights, top):
                                     bisect_right(self.heights, bottom)])
        return [self._cell_text(band, bbox) for bbox in cells]

    def _cell_text(self, band: list[int], bbox) -> str:
        if bbox is None:
            return ""
        x0, top, x1, bottom = bbox
        inside = [self.words[k] for k in band
                  if x0 <= self.centres[k][0] <= x1 and top <= self.centres[k][1] <= bottom]
        return " ".join(" ".join(w["text"] for w in ws) for _, _, ws in group_lines(inside))


def lean_objects(page) -> dict[str, list[dict]]:
    """``page.objects`` with only what words and tables need: chars, lines, rects and curves
    (pages PDFium does not read: see :func:`_extract`).

    pdfplumber copies and resolves every attribute of every pdfminer object (colours, graphic
    state, ...); that is half the reading time and none of it is used here.  The coordinates are
    converted exactly as pdfplumber's ``Page.process_object`` does (top-left origin, MediaBox
    offsets), so its word extraction and table finder work on these dictionaries unchanged.
    Paths that paint nothing visible (white cell backgrounds) are left out, as PDFium's reading
    leaves them out (:func:`.pdfium_text.visible`).
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect

    from . import pdfium_text

    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    out: dict[str, list[dict]] = {"char": [], "line": [], "rect": [], "curve": []}

    def box(obj, kind: str) -> dict:
        top = height - obj.y1 + mb_top
        return {"object_type": kind, "page_number": page.page_number,
                "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0, "y0": obj.y0, "y1": obj.y1,
                "top": top, "bottom": height - obj.y0 + mb_top,
                "doctop": page.initial_doctop + top, "width": obj.width, "height": obj.height}

    def walk(objs) -> None:
        for obj in objs:
            if isinstance(obj, LTChar):
                item = box(obj, "char")
                item.update(text=obj.get_text(), upright=obj.upright, size=obj.size,
                            fontname=obj.fontname)
                out["char"].append(item)
            elif isinstance(obj, LTCurve):
                if not pdfium_text.visible(obj.fill, obj.stroke, obj.non_stroking_color,
                                           obj.stroking_color):
                    continue
                kind = "line" if isinstance(obj, LTLine) else "rect" if isinstance(obj, LTRect) \
                    else "curve"
                item = box(obj, kind)
                if kind == "curve":
                    item["pts"] = [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts]
                out[kind].append(item)
            elif isinstance(obj, LTContainer):       # figures (form XObjects) hold chars too
                walk(obj)

    walk(page.layout)
    return out


def ruled_tables(page, fast: bool = True) -> list:
    """Tables drawn with ruling lines; a single row or column is a frame, not a table.
    ``fast``: the same tables, found by :mod:`.pdftables` (else by pdfplumber's own finder)."""
    if not (page.lines or page.rects):
        return []          # no rulings: skip the (costly) table search
    from . import pdftables

    found = pdftables.find_tables(page) if fast else page.find_tables(pdftables.SETTINGS)
    return [t for t in found if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]


def group_lines(words: list[dict]) -> list[tuple[float, float, list[dict]]]:
    """Words grouped into lines (top, bottom, words left to right), top to bottom."""
    lines: list[list] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines:
            top, bottom, ws = lines[-1]
            height = max(bottom - top, 1.0)
            overlap = min(bottom, w["bottom"]) - max(top, w["top"])
            if overlap > 0.5 * min(height, max(w["bottom"] - w["top"], 1.0)):
                ws.append(w)
                lines[-1][1] = max(bottom, w["bottom"])
                continue
        lines.append([w["top"], w["bottom"], [w]])
    return [(top, bottom, sorted(ws, key=lambda w: w["x0"])) for top, bottom, ws in lines]


def join_words(words: list[dict]) -> str:
    """One line of text; a gap wider than COLUMN_GAP_EM font heights becomes three spaces.

    A justified line stretches all its gaps alike: when every gap is within JUSTIFIED_RATIO of the
    others, the line is prose and its words are joined with single spaces.
    """
    gaps = [w["x0"] - prev["x1"] for prev, w in itertools.pairwise(words)]
    justified = len(gaps) >= 4 and max(gaps) <= JUSTIFIED_RATIO * max(min(gaps), 0.5)
    parts = [words[0]["text"]]
    for (prev, w), gap in zip(itertools.pairwise(words), gaps):
        em = max(prev["bottom"] - prev["top"], 1.0)
        parts.append("   " if gap > COLUMN_GAP_EM * em and not justified else " ")
        parts.append(w["text"])
    return "".join(parts)


# ---------------------------------------------------------------------------- across pages
def _height(line: TextLine) -> float:
    return max(line.bottom - line.top, 1.0)


def _continues_caption(prev: TextLine, item, same_page: bool) -> bool:
    """``item`` is the next line of the caption paragraph ending with ``prev``."""
    if not isinstance(item, TextLine) or "   " in item.text or _CAPTION.match(item.text):
        return False
    if abs(_height(item) - _height(prev)) > SAME_SIZE * _height(prev):
        return False
    return not same_page or item.top - prev.bottom <= PARAGRAPH_GAP * _height(prev)


def join_wrapped_captions(pages: list[Page]) -> None:
    """A table caption that wrapped ("Tabel 3 : Capaian ... Tahun" / "2025") is one line again.

    Word processors wrap a long caption; its second line ("2025") read as a line of its own looks
    like a table header line.  A caption line (``Tabel N``/``Table N``) as wide as the page's text
    takes the following lines of its paragraph (same font size, no paragraph gap, no column gaps);
    a caption that ends its page takes the first such lines of the next page.
    """
    for index, page in enumerate(pages):
        texts = [it for it in page.items if isinstance(it, TextLine)]
        widest = max((it.x1 - it.x0 for it in texts), default=0.0)
        j = 0
        while j < len(page.items):
            cap = page.items[j]
            j += 1
            if not (isinstance(cap, TextLine) and _CAPTION.match(cap.text)
                    and cap.x1 - cap.x0 >= CAPTION_WRAPPED * widest):
                continue
            if j == len(page.items) and index + 1 < len(pages):
                rest, same_page = pages[index + 1].items, False     # wrapped onto the next page
            else:
                rest, same_page = page.items, True
            k = j if same_page else 0
            prev = cap
            while k < len(rest) and _continues_caption(prev, rest[k], same_page or k > 0):
                prev = rest[k]
                k += 1
            start = j if same_page else 0
            if k > start:
                cap.text = " ".join([cap.text] + [it.text for it in rest[start:k]])
                if same_page:
                    cap.bottom = prev.bottom
                del rest[start:k]


def stitch_tables(pages: list[Page]) -> None:
    """Append a table that continues on the next page to the table it continues.

    A table ends its page (nothing but running lines below it) and the next page starts with a
    table of the same columns (:func:`_continuing_rows`) whose first row is not a header of its
    own; a header identical to the one it continues, as "repeat header rows" prints it, is
    dropped.
    """
    open_table: TableRows | None = None
    for page in pages:
        first = page.items[0] if page.items else None
        rows = _continuing_rows(open_table, first) if isinstance(first, TableRows) else None
        if rows is not None:
            if rows and rows[0][1] == open_table.rows[0][1]:
                rows = rows[1:]            # repeated header row
            if rows and not pipes.is_header_row(rows[0][1]):
                open_table.rows.extend(rows)
                page.items = page.items[1:]
                if not page.items:         # the whole page continues the table
                    continue
        last = page.items[-1] if page.items else None
        open_table = last if isinstance(last, TableRows) else None


def _continuing_rows(open_table: TableRows | None, table: TableRows) -> list | None:
    """The rows of ``table`` in the columns of ``open_table`` if it can continue it: the same
    column count, or (a page that splits or merges a header's sub-columns differently) the same
    left and right edges with every column starting where a column of the other starts; each
    cell goes to the column it starts in, cells that share one are joined.  None: it cannot."""
    if open_table is None:
        return None
    if table.ncols == open_table.ncols:
        return table.rows
    mine, theirs = open_table.starts, table.starts
    if not mine or not theirs or abs(mine[0] - theirs[0]) > STITCH_SLACK \
            or abs(open_table.right - table.right) > STITCH_SLACK:
        return None

    def near(x: float, xs) -> bool:
        return any(abs(x - y) <= STITCH_SLACK for y in xs)

    if not (all(near(x, mine) for x in theirs) or all(near(x, theirs) for x in mine)):
        return None
    target = [max(i for i, x in enumerate(mine) if x <= start + STITCH_SLACK) for start in theirs]
    out = []
    for page, cells in table.rows:
        joined = [""] * open_table.ncols
        for j, text in enumerate(cells):
            if text:
                i = target[j]
                joined[i] = f"{joined[i]} {text}" if joined[i] else text
        out.append((page, joined))
    return out


def number_lines(pages: list[Page]) -> list[Line]:
    """Number the lines through the document; blank lines separate paragraphs and tables."""
    lines: list[Line] = []

    def add(page: int, text: str) -> None:
        if text or (lines and lines[-1].text):
            lines.append(Line(no=len(lines) + 1, page=page, text=text))

    for page in pages:
        prev: TextLine | None = None
        for it in page.items:
            if isinstance(it, TableRows):
                add(page.number, "")
                for row_page, cells in it.rows:
                    row = pipes.pipe_row(cells)
                    if row:
                        add(row_page, row)
                add(it.rows[-1][0], "")
                prev = None
                continue
            if prev is not None and it.top - prev.bottom > PARAGRAPH_GAP * (prev.bottom - prev.top):
                add(page.number, "")
            add(page.number, it.text)
            prev = it
    while lines and not lines[-1].text:
        lines.pop()
    return lines
