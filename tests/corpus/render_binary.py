"""Render a report as a real PDF (reportlab) or DOCX (python-docx), for the reader tests.

The source is either a corpus model (``generator.build_report(seed)``; drawn from the same
``compose(report)`` blocks the text layouts use) or a plain text report such as
``checks/examples/report.txt`` (each line one paragraph; space-aligned tables become real tables).
Tables are real tables: ruled grids in the PDF (long names wrap inside their cells, the header row
repeats when a table runs onto the next page, the sasaran column is a vertically merged cell) and
Word tables in the DOCX.  The PDF carries a running header and a page number on every page after
the first, as real reports do; ``PageBreak`` blocks and form feeds start new pages in both formats.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from .compose import Heading, Items, PageBreak, Para, Sign, Table, Toc, compose

_ROLE = re.compile(r"\b(target|realisasi|capaian)\b", re.IGNORECASE)
_COLUMNS = re.compile(r"\s{2,}")


# --------------------------------------------------------------------------- sources -> blocks
def blocks_of(source) -> tuple[list, str]:
    """(blocks, running title) of a model, a block list or a plain text report."""
    if isinstance(source, str):
        return text_blocks(source), "Laporan Kinerja"
    if isinstance(source, list):
        return source, "Laporan Kinerja"
    blocks, _style = compose(source)
    m = source.meta
    period = f"Tahun {m.year}" if m.kind == "annual" else f"Triwulan {m.quarter} {m.year}"
    return blocks, f"Laporan Kinerja {period} {m.agency_short}"


def _columns(line: str) -> list[str]:
    return _COLUMNS.split(line.strip())


def text_blocks(text: str) -> list:
    """A plain text report as blocks: one ``Para`` per line, ``Table`` per space-aligned table.

    A table starts at a line naming two of target/realisasi/capaian in three or more columns
    (runs of 2+ spaces); the following lines with as many columns are its rows.
    """
    blocks: list = []
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\f" in line:
            blocks.append(PageBreak())
            line = line.replace("\f", "")
        cols = _columns(line)
        if len(cols) >= 3 and len({m.lower() for m in _ROLE.findall(line)}) >= 2:
            rows = []
            while i + 1 < len(lines) and len(_columns(lines[i + 1])) == len(cols):
                i += 1
                rows.append(_columns(lines[i]))
            if rows:
                name_col = max(range(len(cols)), key=lambda j: max(len(r[j]) for r in rows))
                blocks.append(Table(cols, rows, "text", None, name_col=name_col))
                i += 1
                continue
        blocks.append(Para(line, "line"))
        i += 1
    return blocks


# --------------------------------------------------------------------------- plain text
def render_plain(source) -> str:
    """The text a perfect extractor would give: one line per paragraph, pipe rows, form feeds.

    This is the "text form" the PDF and DOCX renderings are compared with.
    """
    blocks, _title = blocks_of(source)
    out: list[str] = []
    for blk in blocks:
        if isinstance(blk, PageBreak):
            out.append("\f")
        elif isinstance(blk, (Heading, Para)):
            out.append(blk.text)
        elif isinstance(blk, Items):
            out.extend(f"{label} {text}" for label, text in blk.items)
        elif isinstance(blk, Toc):
            out.extend(f"{t} .......... {p}" for t, p in blk.entries)
        elif isinstance(blk, Sign):
            out.extend(blk.lines)
        elif isinstance(blk, Table):
            if blk.caption:
                out.append(blk.caption)
            out.append("")
            out.extend("| " + " | ".join(row) + " |" for row in [blk.header] + blk.rows)
            out.append("")
    text = "\n".join(out)
    return re.sub(r"\n*\f\n*", "\n\f", text).strip("\n") + "\n"


# --------------------------------------------------------------------------- PDF
def _pdf_styles():
    import reportlab
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(fonts / "VeraBd.ttf")))
    base = ParagraphStyle("body", fontName="Vera", fontSize=10, leading=13, spaceAfter=4,
                          alignment=TA_JUSTIFY)
    return {
        "body": base,
        "line": ParagraphStyle("line", parent=base, alignment=0, spaceAfter=0),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName="VeraBd",
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
            spaceBefore=8,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle("h2", parent=base, fontName="VeraBd", spaceBefore=6),
        "item": ParagraphStyle("item", parent=base, leftIndent=18, firstLineIndent=-14),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=9, leading=11, alignment=0, spaceAfter=0
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontName="VeraBd", fontSize=8, alignment=TA_CENTER
        ),
        "sign": ParagraphStyle("sign", parent=base, leftIndent=260, alignment=0, spaceAfter=0),
    }


def _p(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _pdf_table(blk: Table, styles, width: float, grid: bool = True):
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    n = len(blk.header)
    style = styles["cell"]
    wide = {blk.name_col} | ({blk.group_col} if blk.group_col is not None else set())
    # narrow columns are as wide as their longest value (a header wraps between its words)
    widths = []
    for j in range(n):
        cells = [row[j] for row in blk.rows] + blk.header[j].split()
        widths.append(max(stringWidth(c, style.fontName, style.fontSize) for c in cells) + 14)
    rest = width - sum(w for j, w in enumerate(widths) if j not in wide)
    for j in wide:
        widths[j] = max(rest / len(wide), 60)
    data = [[_p(h, styles["cell"]) for h in blk.header]]
    data += [[_p(c, styles["cell"]) for c in row] for row in blk.rows]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if grid:
        commands += [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                     ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    if blk.group_col is not None:        # the sasaran of a group of rows: one merged cell
        start = None
        for r, row in enumerate(blk.rows + [["x"] * n], start=1):
            if row[blk.group_col]:
                if start is not None and r - 1 > start:
                    for col in (0, blk.group_col):
                        commands.append(("SPAN", (col, start), (col, r - 1)))
                start = r
    return RLTable(data, colWidths=widths, repeatRows=1, style=TableStyle(commands))


def render_pdf(source, path, *, pagesize=None, grid: bool = True) -> Path:
    """Write ``source`` (model, blocks or text) as a PDF with real tables; returns the path.

    ``grid=False`` draws the tables without ruling lines (borderless, aligned text only).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import SimpleDocTemplate, Spacer

    blocks, title = blocks_of(source)
    styles = _pdf_styles()
    size = pagesize or A4
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=2.5 * cm, bottomMargin=2.5 * cm, title=title)
    story: list = []
    for blk in blocks:
        if isinstance(blk, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(blk, Heading):
            story.append(_p(blk.text, styles["h1" if blk.level <= 1 else "h2"]))
        elif isinstance(blk, Para):
            if blk.role == "line" and not blk.text.strip():
                story.append(Spacer(1, 8))
            else:
                story.append(_p(blk.text, styles["line" if blk.role == "line" else "body"]))
        elif isinstance(blk, Items):
            story.extend(_p(f"{label} {text}", styles["item"]) for label, text in blk.items)
        elif isinstance(blk, Toc):
            story.extend(_p(f"{t} .......... {p}", styles["line"]) for t, p in blk.entries)
        elif isinstance(blk, Sign):
            story.extend(_p(ln, styles["sign"]) if ln else Spacer(1, 10) for ln in blk.lines)
        elif isinstance(blk, Table):
            if blk.caption:
                story.append(_p(blk.caption, styles["caption"]))
            story.append(_pdf_table(blk, styles, doc.width, grid))
            story.append(Spacer(1, 8))

    def later_pages(canvas, document):
        canvas.saveState()
        canvas.setFont("Vera", 8)
        canvas.drawString(document.leftMargin, size[1] - 1.5 * cm, title)
        canvas.drawCentredString(size[0] / 2, 1.2 * cm, str(document.page))
        canvas.restoreState()

    doc.build(story, onLaterPages=later_pages)
    return Path(path)


# --------------------------------------------------------------------------- DOCX
def _docx_table(document, blk: Table):
    n = len(blk.header)
    table = document.add_table(rows=1 + len(blk.rows), cols=n)
    table.style = "Table Grid"
    for j, h in enumerate(blk.header):
        table.cell(0, j).text = h
    for r, row in enumerate(blk.rows, start=1):
        for j, value in enumerate(row):
            if value:
                table.cell(r, j).text = value
    if blk.group_col is not None:        # merge the sasaran (and its number) over its rows
        start = None
        for r, row in enumerate(blk.rows + [["x"] * n], start=1):
            if row[blk.group_col]:
                if start is not None and r - 1 > start:
                    for col in (0, blk.group_col):
                        table.cell(start, col).merge(table.cell(r - 1, col))
                start = r
    return table


def render_docx(source, path) -> Path:
    """Write ``source`` (model, blocks or text) as a Word document with real tables."""
    import docx

    blocks, _title = blocks_of(source)
    document = docx.Document()
    for blk in blocks:
        if isinstance(blk, PageBreak):
            document.add_page_break()
        elif isinstance(blk, Heading):
            document.add_heading(blk.text, level=min(max(blk.level, 1), 3))
        elif isinstance(blk, Para):
            document.add_paragraph(blk.text)
        elif isinstance(blk, Items):
            for label, text in blk.items:
                document.add_paragraph(f"{label} {text}")
        elif isinstance(blk, Toc):
            for t, p in blk.entries:
                document.add_paragraph(f"{t}\t{p}")
        elif isinstance(blk, Sign):
            for ln in blk.lines:
                document.add_paragraph(ln)
        elif isinstance(blk, Table):
            if blk.caption:
                document.add_paragraph(blk.caption)
            _docx_table(document, blk)
            document.add_paragraph("")
    document.save(str(path))
    return Path(path)
