"""Reading annotated copies back, for the annotation tests: Word comments and PDF annotations.

Independent of the code under test: the DOCX XML is walked directly (comment ranges and the text
between them), the PDF read with pypdf (annotations) and pdfplumber (the words under a highlight).
"""
from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.generator import build_report, inject_defects
from tests.corpus.render_binary import render_docx, render_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = ROOT / "kinerja_audit" / "samples" / "lkj-contoh-tw3-2025.txt"
ARTEFACTS = ROOT / "tests" / "artefacts"


def key(text: str) -> str:
    """Text without whitespace and table pipes: how evidence and anchored text are compared."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "|")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources(tmp: Path, fmt: str) -> dict[str, Path]:
    """The bundled sample and two generated reports with planted defects, rendered as ``fmt``."""
    render = {"docx": render_docx, "pdf": render_pdf}[fmt]
    out = {"sample": render(SAMPLE.read_text(encoding="utf-8"), tmp / f"sample.{fmt}")}
    for seed, defects in ((12, 3), (11, 4)):
        report = build_report(seed)
        inject_defects(report, random.Random(f"annotate|{seed}"), defects)
        out[f"m{seed}"] = render(report, tmp / f"m{seed}.{fmt}")
    return out


@dataclass
class WordComment:
    id: str
    author: str
    initials: str
    text: str
    anchored: str            # the document text between the comment's range marks


def word_comments(path: Path) -> list[WordComment]:
    import docx

    document = docx.Document(str(path))
    opened: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            opened[el.get(W + "id")] = []
        elif el.tag == W + "commentRangeEnd":
            anchored[el.get(W + "id")] = "".join(opened.pop(el.get(W + "id")))
        elif el.tag == W + "t":
            for parts in opened.values():
                parts.append(el.text or "")
    assert not opened, f"comment ranges never closed: {sorted(opened)}"
    return [
        WordComment(str(c.comment_id), c.author, c.initials, c.text, anchored[str(c.comment_id)])
        for c in document.comments
    ]


@dataclass
class PdfNote:
    page: int                # 1-based
    name: str                # /NM: kinerja-audit-N for the N-th finding
    subtype: str             # /Highlight or /Text
    author: str
    text: str
    rect: tuple[float, float, float, float]
    quads: list[tuple[float, float, float, float]]    # (x0, y0, x1, y1) in PDF space
    has_popup: bool


def pdf_notes(path: Path) -> list[PdfNote]:
    from pypdf import PdfReader

    out = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        for ref in page.get("/Annots") or []:
            an = ref.get_object()
            if an["/Subtype"] == "/Popup":
                continue
            q = [float(v) for v in an.get("/QuadPoints", [])]
            quads = [(min(q[i:i + 8:2]), min(q[i + 1:i + 8:2]), max(q[i:i + 8:2]),
                      max(q[i + 1:i + 8:2])) for i in range(0, len(q), 8)]
            popup = an.get("/Popup")
            out.append(
                PdfNote(
                    number,
                    str(an.get("/NM", "")),
                    str(an["/Subtype"]),
                    str(an.get("/T", "")),
                    str(an.get("/Contents", "")),
                    tuple(float(v) for v in an["/Rect"]),
                    quads,
                    popup is not None and popup.get_object()["/Subtype"] == "/Popup",
                )
            )
    return out


def words_under(path: Path, note: PdfNote) -> str:
    """The page's words whose centre lies in one of the highlight's boxes, in reading order."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[note.page - 1]
        height = float(page.height)
        words = page.extract_words()
    inside = []
    for w in words:
        cx, cy = (w["x0"] + w["x1"]) / 2, height - (w["top"] + w["bottom"]) / 2
        if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in note.quads):
            inside.append(w)
    inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
    return " ".join(w["text"] for w in inside)
