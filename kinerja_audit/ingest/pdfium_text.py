"""Characters and words of a PDF page, read with pypdfium2 (PDFium, in C).

PDFium reads a page's text some twenty times faster than pdfminer (which pdfplumber runs in
Python).  The characters get pdfminer's geometry — ``x0``/``x1`` from the glyph advance, ``bottom``
at the baseline plus the font's descent, ``top`` one font size above it, the size scaled by the text
matrix — and are grouped into words exactly as pdfplumber's word extractor groups them (its steps
written out for upright text, pdfplumber's own extractor for rotated text).  Where PDFium and
pdfminer see a page differently it is handled here:

- PDFium drops a space glyph drawn as a text object of its own (Word does this between a list
  label and its text); such an object is kept as a space, so "m. Menyelenggarakan" stays two words;
- spaces and line ends PDFium generates itself are not characters of the page and are skipped;
- a soft hyphen (PDFium reports U+0002, or U+FFFE in bulk text) is a hyphen;
- a character drawn twice to fake bold type is read once (pdfminer reads it twice and splits the
  word: "9", "9", ".", "24" becomes "99.24").
"""
from __future__ import annotations

import ctypes
import functools
import itertools
from operator import itemgetter
from types import SimpleNamespace

# A character: (text, x0, x1, top, bottom, upright, size), in pdfplumber's coordinates (top-left
# origin).  Tuples, not pdfplumber's dictionaries: a page has thousands of characters.
TEXT, X0, X1, TOP, BOTTOM, UPRIGHT, SIZE = range(7)


def _space_objects(raw, page, height: float, mapped: set) -> list[tuple]:
    """Text objects that PDFium maps to no character: lone space glyphs, as space characters.
    ``mapped``: the addresses of the objects the characters of the page were read from (asking
    PDFium for an object's text instead scans every character of the page, per object)."""
    out = []
    address = ctypes.c_void_p
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size, descent = ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        if ctypes.cast(obj, address).value in mapped:
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        raw.FPDFTextObj_GetFontSize(obj, size)
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        raw.FPDFFont_GetDescent(raw.FPDFTextObj_GetFont(obj), size, descent)
        scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        low = height - (bottom.value + descent.value * scale)
        eff = size.value * scale
        out.append((" ", left.value, left.value, low - eff, low, True, eff))
    return out


_VOID, _INT = ctypes.c_void_p, ctypes.c_int


@functools.cache
def _calls() -> SimpleNamespace:
    """The PDFium functions called per character and per path segment, taking plain integers for
    handles and out-pointers and returning handles as integers: they run hundreds of thousands
    of times a report, and pypdfium2's typed prototypes cost about twice as much per call."""
    from pypdfium2 import raw

    def by_address(function, restype, *argtypes):
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, _VOID).value)

    return SimpleNamespace(
        loose_box=by_address(raw.FPDFText_GetLooseCharBox, _INT, _VOID, _INT, _VOID),
        char_matrix=by_address(raw.FPDFText_GetMatrix, _INT, _VOID, _INT, _VOID),
        font_size=by_address(raw.FPDFText_GetFontSize, ctypes.c_double, _VOID, _INT),
        generated=by_address(raw.FPDFText_IsGenerated, _INT, _VOID, _INT),
        object_of=by_address(raw.FPDFText_GetTextObject, _VOID, _VOID, _INT),
        count_segments=by_address(raw.FPDFPath_CountSegments, _INT, _VOID),
        segment=by_address(raw.FPDFPath_GetPathSegment, _VOID, _VOID, _INT),
        point_of=by_address(raw.FPDFPathSegment_GetPoint, _INT, _VOID, _VOID, _VOID),
        type_of=by_address(raw.FPDFPathSegment_GetType, _INT, _VOID),
        closes=by_address(raw.FPDFPathSegment_GetClose, _INT, _VOID))


def page_chars(page) -> list[tuple]:
    """The characters of a ``pypdfium2.PdfPage`` (see :data:`TEXT` for the fields).  The size and
    orientation of a character are those of its text object, read once per object."""
    from pypdfium2 import raw

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        codes = (ctypes.c_ushort * (n + 1))()
        raw.FPDFText_GetText(tp, 0, n, codes)          # every character at once
        box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        box_ref, matrix_ref = ctypes.addressof(box), ctypes.addressof(matrix)
        fast = _calls()
        loose_box, char_matrix, font_size, generated, object_of = (
            fast.loose_box, fast.char_matrix, fast.font_size, fast.generated, fast.object_of)
        tp_address = ctypes.cast(tp, _VOID).value
        out = []
        append = out.append
        mapped: set[int] = set()
        last, size, upright = -1, 0.0, True
        for i in range(n):
            code = codes[i]
            if code in (32, 13, 10) and generated(tp_address, i):
                continue
            loose_box(tp_address, i, box_ref)
            obj = object_of(tp_address, i)
            if obj != last or obj is None:
                char_matrix(tp_address, i, matrix_ref)
                a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
                size = font_size(tp_address, i) * (c * c + d * d) ** 0.5
                upright = a * d > 0 and b * c <= 0
                last = obj
                mapped.add(obj)
            low = height - box.bottom
            append(("-" if code in (2, 0xFFFE) else chr(code) if code else "", box.left, box.right,
                    low - size if upright else height - box.top, low, upright, size))
        out += _space_objects(raw, page.raw, height, mapped)
        return out
    finally:
        textpage.close()


X_TOLERANCE = Y_TOLERANCE = 3     # pdfplumber's defaults
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


_get_text, _get_x0, _get_x1, _get_top, _get_bottom = (
    itemgetter(k) for k in (TEXT, X0, X1, TOP, BOTTOM))
_UNLIGATE = str.maketrans(_LIGATURES)


def _merge(chars: list[tuple]) -> dict:
    """A word from its characters (left to right): its text and box."""
    first = chars[0]
    if len(chars) == 1:
        return {"text": first[TEXT].translate(_UNLIGATE), "x0": first[X0], "x1": first[X1],
                "top": first[TOP], "bottom": first[BOTTOM]}
    return {"text": "".join(map(_get_text, chars)).translate(_UNLIGATE), "x0": first[X0],
            "x1": max(map(_get_x1, chars)), "top": min(map(_get_top, chars)),
            "bottom": max(map(_get_bottom, chars))}


def clusters(values, tolerance: float) -> dict[float, int]:
    """pdfplumber's ``make_cluster_dict``: the distinct values in order, a value within
    ``tolerance`` of the one before joining its cluster; each value's cluster number."""
    cluster: dict[float, int] = {}
    last, index = None, -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            index += 1
        cluster[value] = index
        last = value
    return cluster


def _upright_words(chars: list[tuple]) -> list[dict]:
    """pdfplumber's ``WordExtractor`` (default settings) for upright characters, written out for
    speed: lines are clusters of ``top`` values (a value within Y_TOLERANCE of the previous one
    joins its cluster), characters left to right, a word ends at white space, a step back, a gap
    over X_TOLERANCE or a jump in ``top``."""
    cluster = clusters({c[TOP] for c in chars}, Y_TOLERANCE)
    lines: dict[int, list[tuple]] = {}
    for c in chars:
        lines.setdefault(cluster[c[TOP]], []).append(c)
    words = []
    for key in sorted(lines):
        word: list[tuple] = []
        for c in sorted(lines[key], key=_get_x0):
            if c[TEXT].isspace():
                if word:
                    words.append(_merge(word))
                word = []
            elif word and (c[X0] < word[-1][X0] or c[X0] > word[-1][X1] + X_TOLERANCE
                           or abs(c[TOP] - word[-1][TOP]) > Y_TOLERANCE):
                words.append(_merge(word))
                word = [c]
            else:
                word.append(c)
        if word:
            words.append(_merge(word))
    return words


def _as_dict(c: tuple) -> dict:
    return {"text": c[TEXT], "x0": c[X0], "x1": c[X1], "top": c[TOP], "bottom": c[BOTTOM],
            "doctop": c[TOP], "upright": c[UPRIGHT], "size": c[SIZE]}


def page_words(page) -> list[dict]:
    """Words of a ``pypdfium2.PdfPage``, grouped as pdfplumber's word extractor groups them (its
    default settings; runs of rotated characters are left to pdfplumber's own extractor)."""

    from pdfplumber.utils.text import WordExtractor

    words: list[dict] = []
    for upright, group in itertools.groupby(page_chars(page), key=lambda c: c[UPRIGHT]):
        run = list(group)
        words += _upright_words(run) if upright else WordExtractor(
            keep_blank_chars=False, use_text_flow=False).extract_words([_as_dict(c) for c in run])
    return words


def plain(page) -> bool:
    """A page whose coordinates PDFium and pdfplumber share: no rotation, media box and crop box
    the same and anchored at the origin.  Other pages are read by pdfplumber alone."""
    if page.get_rotation():
        return False
    media = tuple(round(v, 2) for v in page.get_mediabox())
    return media[:2] == (0, 0) and media == tuple(round(v, 2) for v in page.get_cropbox())


def _compose(outer, inner):
    """The matrix of ``inner`` placed inside ``outer`` (PDF order: inner first)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _subpaths(raw, obj, matrix) -> list[tuple[str, list[tuple[float, float]]]]:
    """(shape, points) of each subpath of a path object, as pdfminer writes them: one letter per
    operator (m, l, c for a Bézier curve, h for a close), the end point of each (the start point
    for h), in page space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    fast = _calls()
    segment, point_of, type_of, closes = fast.segment, fast.point_of, fast.type_of, fast.closes
    moveto, bezierto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
    obj = ctypes.cast(obj, _VOID).value
    a, b, c, d, e, f = matrix
    out: list[tuple[str, list]] = []
    shape, pts, pending = "", [], 0
    for j in range(fast.count_segments(obj)):
        seg = segment(obj, j)
        kind = type_of(seg)
        point_of(seg, x_ref, y_ref)
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        if kind == moveto:
            if shape:
                out.append((shape, pts))
            shape, pts, pending = "m", [point], 0
            continue
        if not shape:                        # a path must begin with m (pdfminer ignores it)
            continue
        if kind == bezierto:
            pending += 1
            if pending < 3:                  # control points: only the end point counts
                continue
            pending = 0
            shape += "c"
        else:
            shape += "l"
        pts.append(point)
        if closes(seg):
            shape += "h"
            pts.append(pts[0])
    if shape:
        out.append((shape, pts))
    return out


WHITE = 0.98       # a colour component this light (of 1) on every channel paints nothing visible


def white(colour) -> bool:
    """A colour that does not show on a white page, as pdfminer gives colours (components from 0
    to 1): gray or RGB at full lightness, CMYK without ink.  An unknown colour (a pattern, none)
    counts as visible."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour or \
            not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:
        return all(v <= 1 - WHITE for v in colour)
    return all(v >= WHITE for v in colour)


def visible(fill: bool, stroke: bool, fill_colour, stroke_colour) -> bool:
    """A painted path that shows: a white cell background (filled white, not stroked), as
    spreadsheet exports draw behind every cell and every line of text, is no ruling."""
    return (fill and not white(fill_colour)) or (stroke and not white(stroke_colour))


def _painted(raw, obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    if not (fill.value or stroke.value):
        return False
    return visible(bool(fill.value), bool(stroke.value), _colour(raw.FPDFPageObj_GetFillColor, obj),
                   _colour(raw.FPDFPageObj_GetStrokeColor, obj))


def _colour(get, obj) -> tuple[float, ...] | None:
    """A page object's fill or stroke colour as RGB components from 0 to 1; a fully transparent
    one as white; None: unknown."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not get(obj, r, g, b, a):
        return None
    return (1.0,) if a.value == 0 else tuple(v.value / 255 for v in (r, g, b))


def page_graphics(page, number: int) -> dict[str, list[dict]]:
    """The lines, rectangles and curves of a page as pdfplumber object dictionaries, classified as
    pdfminer classifies painted paths (a single segment is a line, a closed axis-aligned
    four-sided path a rectangle, anything else a curve); form XObjects are looked into.  They are
    what pdfplumber's table finder needs, without pdfminer reading the page."""
    from pypdfium2 import raw

    height = page.get_height()
    out: dict[str, list[dict]] = {"char": [], "line": [], "rect": [], "curve": []}
    m = raw.FS_MATRIX()

    def walk(count, get, outer) -> None:
        for k in range(count):
            obj = get(k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
                continue
            raw.FPDFPageObj_GetMatrix(obj, m)
            matrix = _compose(outer, (m.a, m.b, m.c, m.d, m.e, m.f))
            if kind == raw.FPDF_PAGEOBJ_FORM:
                walk(raw.FPDFFormObj_CountObjects(obj),
                     lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), matrix)
            elif _painted(raw, obj):
                for shape, pts in _subpaths(raw, obj, matrix):
                    _add(out, shape, pts, height, number)

    walk(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k),
         (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return out


def _add(out: dict, shape: str, pts: list, height: float, number: int) -> None:
    """One subpath as pdfminer's LTLine, LTRect or LTCurve, in pdfplumber's dictionary form."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:   # a redundant l before h
        shape, pts = shape[:-2] + "h", pts[:-2] + [pts[-1]]
    if shape in ("mlh", "ml"):
        kind, pts = "line", pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or \
            (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        kind = "rect" if pts[0] == pts[4] and square else "curve"
    else:
        kind = "curve"
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    item = {"object_type": kind, "page_number": number, "x0": x0, "x1": x1, "y0": y0,
            "y1": y1, "top": height - y1, "bottom": height - y0, "doctop": height - y1,
            "width": x1 - x0, "height": y1 - y0}
    if kind == "curve":
        item["pts"] = [(x, height - y) for x, y in pts]
    out[kind].append(item)


def page_edges(objects: dict[str, list[dict]], min_length: float) -> tuple[list, list]:
    """The vertical and horizontal edges pdfplumber's ``page.edges`` holds, in its order (lines,
    then each rectangle's top, bottom, left and right side, then the segments of curves), as
    ``[x0, x1, top, bottom, width, height]`` lists, keeping only those its lines strategy keeps:
    vertical or horizontal and at least ``min_length`` long.  A rectangle's bottom side sits at
    ``top + height``, as pdfplumber places it."""
    v: list[list] = []
    h: list[list] = []
    for ln in objects.get("line", ()):
        if ln["top"] == ln["bottom"]:
            if ln["width"] >= min_length:
                h.append([ln["x0"], ln["x1"], ln["top"], ln["bottom"], ln["width"], ln["height"]])
        elif ln["height"] >= min_length:
            v.append([ln["x0"], ln["x1"], ln["top"], ln["bottom"], ln["width"], ln["height"]])
    for r in objects.get("rect", ()):
        x0, x1, top, bottom, width, height = (r["x0"], r["x1"], r["top"], r["bottom"],
                                              r["width"], r["height"])
        if width >= min_length:
            h.append([x0, x1, top, top, width, 0])
            h.append([x0, x1, top + height, bottom, width, 0])
        if height >= min_length:
            v.append([x0, x0, top, bottom, 0, height])
            v.append([x1, x1, top, bottom, 0, height])
    for c in objects.get("curve", ()):
        pts = c["pts"]
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            if ax == bx:
                out, length = v, abs(ay - by)
            elif ay == by:
                out, length = h, abs(ax - bx)
            else:
                continue
            if length >= min_length:
                out.append([min(ax, bx), max(ax, bx), min(ay, by), max(ay, by),
                            abs(ax - bx), abs(ay - by)])
    return v, h


CUT_MIN_RULINGS = 3      # vertical rulings sharing an open end: a table cut by the page
CUT_TOLERANCE = 1.5      # points between a vertical ruling's end and the rule that closes it


def close_cut_tables(objects: dict[str, list[dict]]) -> None:
    """Draw the missing top (bottom) rule of a table cut by a page break.

    A spreadsheet printed over several pages draws a row's horizontal rule once, on the page the
    row ends on: the first row of the next page has its vertical rulings but no rule above it,
    and the lines strategy, which needs four sides, drops that row.  Where at least
    ``CUT_MIN_RULINGS`` vertical rulings end at one height, no horizontal ruling closes any of
    them there and none lies beyond that end, a line across them is added to ``objects`` (in
    place)."""
    v, h = page_edges(objects, 3)
    across: dict[int, list[tuple[float, float]]] = {}
    for x0, x1, top, _bottom, _w, _h in h:
        across.setdefault(round(top), []).append((x0, x1))

    def closed(x: float, y: float) -> bool:
        return any(x0 - CUT_TOLERANCE <= x <= x1 + CUT_TOLERANCE
                   for k in range(round(y - CUT_TOLERANCE), round(y + CUT_TOLERANCE) + 1)
                   for x0, x1 in across.get(k, ()))

    def outermost(x: float, y: float, side: str) -> bool:
        """No horizontal ruling through ``x`` above (``side`` top) or below ``y``."""
        return not any(x0 - CUT_TOLERANCE <= x <= x1 + CUT_TOLERANCE and
                       (at < y - CUT_TOLERANCE if side == "top" else at > y + CUT_TOLERANCE)
                       for x0, x1, at, *_ in h)

    open_ends: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for x, _x1, top, bottom, _w, _h in v:
        for side, y in (("top", top), ("bottom", bottom)):
            if not closed(x, y) and outermost(x, y, side):
                open_ends.setdefault((side, round(y)), []).append((x, y))
    for (side, _), ends in sorted(open_ends.items()):
        if len({round(x) for x, _ in ends}) < CUT_MIN_RULINGS:
            continue
        y = min(e[1] for e in ends) if side == "top" else max(e[1] for e in ends)
        x0, x1 = min(x for x, _ in ends), max(x for x, _ in ends)
        objects.setdefault("line", []).append(
            {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
             "width": x1 - x0, "height": 0.0, "doctop": y})


def has_rulings(graphics: dict[str, list[dict]]) -> bool:
    """Whether a page's graphics hold what a ruled table of two rows and two columns at least
    needs: horizontal edges at three heights and vertical edges at three places (the edges
    pdfplumber's table finder uses: lines, rectangle sides, straight curve segments, at least 3
    points long).  Only such pages are searched for tables; a header rule or a page frame is not a
    table."""
    across: set[int] = set()
    down: set[int] = set()
    for ln in graphics["line"]:
        if ln["top"] == ln["bottom"]:
            if ln["width"] >= 3:
                across.add(round(ln["top"]))
        elif ln["height"] >= 3:
            down.add(round(ln["x0"]))
    for r in graphics["rect"]:
        if r["width"] >= 3:
            across.update((round(r["top"]), round(r["bottom"])))
        if r["height"] >= 3:
            down.update((round(r["x0"]), round(r["x1"])))
    for c in graphics["curve"]:
        for (x0, y0), (x1, y1) in zip(c["pts"], c["pts"][1:]):
            if y0 == y1 and abs(x1 - x0) >= 3:
                across.add(round(y0))
            elif x0 == x1 and abs(y1 - y0) >= 3:
                down.add(round(x0))
    return len(across) >= 3 and len(down) >= 3
