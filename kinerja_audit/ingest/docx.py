"""DOCX reader (python-docx): paragraphs and tables in document order, tables as pipe rows.

The package is checked by :mod:`.zipguard` before python-docx opens it (zip bombs, archives that
are not Word documents).  The body is then read straight from its XML, child by child, so
paragraphs and tables keep their order.  Automatic list numbers are restored
(:mod:`.numbering`).  A merged cell is written once: the columns and rows it covers become empty
cells (:mod:`.pipes`).  Pages are known only when the file records page breaks (explicit breaks,
or the ``w:lastRenderedPageBreak`` marks Word leaves where it last broke the pages); otherwise
every line has page None.

:class:`BodyReader` also keeps a source map, ``origins``: for each line, the ``w:p`` (paragraph)
or ``w:tr`` (table row) element it came from (None for the blank lines it adds), so the
annotated copy (:mod:`kinerja_audit.annotate.docx`) can find a finding's line in the XML.
"""
from __future__ import annotations

from pathlib import Path

from ..document import Document, Line
from . import pipes, zipguard
from .numbering import ListNumbers
from .wordml import MC_FALLBACK, W, child_val, is_on, to_int

MAIN_PART = "word/document.xml"
TAB = "   "                     # a tab separates columns, as in pdftotext -layout output

# Elements whose text is not part of the visible document.
_SKIP = {W + "delText", W + "instrText", W + "delInstrText", W + "rPr", W + "pPr", W + "tcPr",
         W + "trPr", W + "tblPr", W + "tblGrid", W + "sectPr", W + "footnoteReference",
         W + "commentReference", MC_FALLBACK}


def read(path: Path, source: str, max_bytes: int) -> Document:
    from . import InputError

    check_package(path, source, max_bytes)
    try:
        import docx
    except ImportError:
        raise InputError(source, "missing_library", what="DOCX", library="python-docx") from None
    try:
        document = docx.Document(str(path))
    except ValueError:     # python-docx refuses other content types (.docm, .dotx)
        raise InputError(source, "docx_macro") from None
    except Exception:  # noqa: BLE001  damaged XML or package: python-docx raises many kinds
        raise InputError(source, "docx_corrupt") from None
    try:
        lines = BodyReader(document).read()
    except Exception:  # noqa: BLE001  no traceback may escape for bad input
        raise InputError(source, "docx_corrupt") from None
    if not any(ln.text.strip() for ln in lines):
        raise InputError(source, "docx_no_text")
    return Document(source=source, lines=lines, format="docx")


def check_package(path: Path, source: str, max_bytes: int) -> None:
    """Reject, before anything unpacks it, a zip that is broken, not a .docx, or a zip bomb."""
    from ..errors import Label
    from . import InputError

    try:
        names = {m.filename for m in zipguard.members(path, max_bytes)}
    except zipguard.ZipRefused as refused:
        raise InputError(source, refused.key, what=".docx", **refused.values) from None
    if MAIN_PART not in names:
        raise InputError(source, "not_docx", what=Label(_zip_kind(names)))


def _zip_kind(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "zip.xlsx"
    if "ppt/presentation.xml" in names:
        return "zip.pptx"
    if "content.xml" in names and "mimetype" in names:
        return "zip.odf"
    return "zip.plain"


class BodyReader:
    """The body of a python-docx Document as numbered lines with pages."""

    def __init__(self, document):
        self.body = document.element.body
        self.numbers = ListNumbers(
            _related_xml(document, "numbering"), _related_xml(document, "styles")
        )
        self.paged = _has_page_breaks(self.body)
        self.page = 1 if self.paged else None
        self.after_explicit_break = False
        self.lines: list[Line] = []
        self.origins: list = []          # per line: its w:p or w:tr element (None: added blank)

    # -- output
    def emit(self, page: int | None, text: str, origin=None) -> None:
        text = text.replace("\t", TAB).rstrip()
        if text.strip() or (self.lines and self.lines[-1].text):
            self.lines.append(Line(no=len(self.lines) + 1, page=page, text=text))
            self.origins.append(origin)

    def read(self) -> list[Line]:
        for kind, element in blocks(self.body):
            if kind == "p":
                for page, text in self.paragraph(element):
                    self.emit(page, text, element)
            else:
                self.emit(self.page, "")
                for page, cells, tr in self.table(element):
                    row = pipes.pipe_row(cells)
                    if row:
                        self.emit(page, row, tr)
                self.emit(self.page, "")
        while self.lines and not self.lines[-1].text:
            self.lines.pop()
            self.origins.pop()
        return self.lines

    # -- pages
    def explicit_break(self) -> None:
        if self.paged:
            self.page += 1
            self.after_explicit_break = True

    def rendered_break(self) -> None:
        """Word marks where it broke the page;
        right after an explicit break it is the same break."""
        if self.paged and not self.after_explicit_break:
            self.page += 1
        self.after_explicit_break = False

    # -- paragraphs and tables
    def paragraph(self, p) -> list[tuple[int | None, str]]:
        """Lines of one paragraph (a line break inside it starts a new line)."""
        ppr = p.find(W + "pPr")
        if ppr is not None and is_on(ppr.find(W + "pageBreakBefore")):
            self.explicit_break()
        label = self.numbers.label(p)
        pieces: list[list] = [[None, label + " " if label else ""]]
        self.inline(p, pieces)
        if ppr is not None:
            sect = ppr.find(W + "sectPr")
            if sect is not None and child_val(sect, "type") not in ("continuous",):
                self.explicit_break()     # a section break starts a new page
        return [(page if page is not None else self.page, text) for page, text in pieces]

    def inline(self, element, pieces: list[list]) -> None:
        """Text under ``element`` appended to ``pieces`` ([page, text] per line), breaks applied."""
        for child in element:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == W + "t":
                text = child.text or ""
                if text.strip():
                    if pieces[-1][0] is None:
                        pieces[-1][0] = self.page
                    self.after_explicit_break = False
                pieces[-1][1] += text
            elif tag == W + "tab" or tag == W + "ptab":
                pieces[-1][1] += "\t"
            elif tag in (W + "br", W + "cr"):
                kind = child.get(W + "type")
                if kind == "page":
                    self.explicit_break()
                elif kind != "column":
                    pieces.append([None, ""])
            elif tag == W + "lastRenderedPageBreak":
                self.rendered_break()
            elif tag == W + "noBreakHyphen":
                pieces[-1][1] += "-"
            elif tag == W + "p":                 # a paragraph nested in a text box or cell
                if pieces[-1][1].strip():
                    pieces[-1][1] += " "
                self.inline(child, pieces)
            else:
                self.inline(child, pieces)

    def table(self, tbl) -> list[tuple[int | None, list[str], object]]:
        rows = []
        for tr in _children(tbl, "tr"):
            trpr = tr.find(W + "trPr")
            cells = [""] * to_int(child_val(trpr, "gridBefore"), 0)
            row_page = None
            for tc in _children(tr, "tc"):
                tcpr = tc.find(W + "tcPr")
                span = to_int(child_val(tcpr, "gridSpan"), 1)
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                pieces: list[list] = [[None, ""]]
                self.inline(tc, pieces)      # read even when merged: page breaks live here too
                continued = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
                text = " ".join(t for _, t in pieces)
                cells.append("" if continued else text)
                cells.extend([""] * (max(span, 1) - 1))
                if row_page is None:
                    row_page = next((pg for pg, t in pieces if pg is not None and t.strip()), None)
            if trpr is not None:
                cells.extend([""] * to_int(child_val(trpr, "gridAfter"), 0))
            rows.append((row_page if row_page is not None else self.page, cells, tr))
        return rows


def blocks(container):
    """(kind, element) for the paragraphs ('p') and tables ('tbl') of a body, in order.

    Content controls and custom XML wrappers are looked through.
    """
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield "p", child
        elif tag == W + "tbl":
            yield "tbl", child
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            yield from blocks(child.find(W + "sdtContent") if tag == W + "sdt" else child)


def _children(element, name: str):
    """Direct ``w:name`` children, looking through content controls and custom XML."""
    for child in element:
        if child.tag == W + name:
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if inner is not None:
                yield from _children(inner, name)


def _has_page_breaks(body) -> bool:
    for el in body.iter(W + "lastRenderedPageBreak", W + "br", W + "pageBreakBefore", W + "sectPr"):
        if el.tag == W + "br" and el.get(W + "type") != "page":
            continue
        if el.tag == W + "pageBreakBefore" and not is_on(el):
            continue
        if el.tag == W + "sectPr" and (el.getparent() is body
                                       or child_val(el, "type") == "continuous"):
            continue            # the body's own last section does not break a page
        return True
    return False


def _related_xml(document, name: str):
    """The XML root of the numbering or styles part, or None when the package has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = {"numbering": RT.NUMBERING, "styles": RT.STYLES}[name]
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None
