"""The annotated copies open where users open them: LibreOffice and poppler (pdftoppm).

LibreOffice (``tests/setup/libreoffice.sh``) converts each annotated DOCX to ODT, its own
format, and back to DOCX; every comment must survive both, with its author, its text and the same
anchored words.  pdftoppm (``tests/setup/poppler.sh``) renders the pages of an annotated PDF; the
highlight colour must be inside each highlight's box and absent there in the original.  The
rendered pages are kept in ``tests/artefacts/annotate/`` (not committed).  Without the programs
the tests skip locally and fail in CI.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import annotated as an
import pytest
from lxml import etree
from needs import need

from kinerja_audit import annotate
from kinerja_audit.audit import read_and_audit

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
DPI = 50
OUT = an.ARTEFACTS / "annotate"


def write_copy(src: Path, out: Path):
    document, result = read_and_audit(src)
    assert not result.errors
    annotate.write(src, out, document, result.findings)
    return result.findings


@pytest.fixture(scope="module")
def docx_copies(tmp_path_factory) -> dict[str, tuple[Path, list]]:
    tmp = tmp_path_factory.mktemp("lo")
    copies = {}
    for name, src in an.sources(tmp, "docx").items():
        out = tmp / "reviewed" / f"{name}.docx"
        out.parent.mkdir(exist_ok=True)
        copies[name] = (out, write_copy(src, out))
    return copies


def soffice_convert(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                    f"-env:UserInstallation={profile.as_uri()}", "--convert-to", fmt,
                    "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, text=True, timeout=300, check=True)


def odt_comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, note text, anchored text) of every annotation in an ODT, in document order."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    opened: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    notes: list[tuple[str, str, str]] = []

    def add(text):
        if text:
            for parts in opened.values():
                parts.append(text)

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == f"{{{OFFICE}}}annotation":
            name = el.get(f"{{{OFFICE}}}name", "")
            author = el.findtext(f"{{{DC}}}creator", default="")
            body = "\n".join("".join(p.itertext()) for p in el.iter(f"{{{TEXT}}}p"))
            notes.append((name, author, body))
            opened[name] = []
        elif tag == f"{{{OFFICE}}}annotation-end":
            name = el.get(f"{{{OFFICE}}}name", "")
            anchored[name] = "".join(opened.pop(name, []))
        else:
            if tag == f"{{{TEXT}}}s":
                add(" ")
            add(el.text)
            for child in el:
                walk(child)
        add(el.tail)

    walk(root)
    return [(author, body, anchored.get(name, "")) for name, author, body in notes]


def test_libreoffice_keeps_every_comment(docx_copies, tmp_path):
    need(SOFFICE is not None, "LibreOffice (soffice) not installed; run tests/setup/libreoffice.sh")
    files = [out for out, _ in docx_copies.values()]
    profile = tmp_path / "profile"
    soffice_convert(files, "odt", tmp_path / "odt", profile)
    soffice_convert(files, "docx:MS Word 2007 XML", tmp_path / "docx", profile)
    for name, (out, findings) in docx_copies.items():
        ours = sorted((c.author, c.text, an.key(c.anchored)) for c in an.word_comments(out))
        assert len(ours) == len(findings)
        assert sorted(c[1].splitlines()[0] for c in ours) == sorted(f.message for f in findings)
        odt = sorted((author, body, an.key(anchored)) for author, body, anchored
                     in odt_comments(tmp_path / "odt" / f"{name}.odt"))
        assert odt == ours, name
        back = sorted((c.author, c.text, an.key(c.anchored))
                      for c in an.word_comments(tmp_path / "docx" / f"{name}.docx"))
        assert back == ours, name
        shutil.copy(tmp_path / "odt" / f"{name}.odt", _artefact(f"{name}-libreoffice.odt"))


def _artefact(name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT / name


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6" and parts[3] == b"255"
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4][-(width * height * 3):]


def render(pdf: Path, page: int, stem: Path) -> tuple[int, int, bytes]:
    subprocess.run([PDFTOPPM, "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, timeout=120, capture_output=True)
    subprocess.run([PDFTOPPM, "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=120,
                   capture_output=True)
    return read_ppm(stem.with_suffix(".ppm"))


def yellow_share(image: tuple[int, int, bytes], box, page_height: float) -> float:
    """Share of highlight-coloured pixels in ``box`` (PDF points, origin bottom left)."""
    width, height, rgb = image
    scale = DPI / 72
    x0, y0, x1, y1 = box
    cols = range(max(int(x0 * scale) + 1, 0), min(int(x1 * scale), width))
    rows = range(max(int((page_height - y1) * scale) + 1, 0),
                 min(int((page_height - y0) * scale), height))
    total = hits = 0
    for y in rows:
        for x in cols:
            r, g, b = rgb[(y * width + x) * 3:(y * width + x) * 3 + 3]
            total += 1
            hits += r > 220 and 190 < g < 250 and b < 210 and r - b > 40
    return hits / total if total else 0.0


def test_pdftoppm_draws_each_highlight_in_its_box(tmp_path):
    need(PDFTOPPM is not None, "pdftoppm not installed; run tests/setup/poppler.sh")
    for name, src in an.sources(tmp_path, "pdf").items():
        out = tmp_path / f"{name}-reviewed.pdf"
        write_copy(src, out)
        notes = [n for n in an.pdf_notes(out) if n.subtype == "/Highlight"]
        assert notes
        from pypdf import PdfReader

        heights = [float(p.mediabox.height) for p in PdfReader(str(out)).pages]
        for page in sorted({n.page for n in notes}):
            marked = render(out, page, _artefact(f"{name}-p{page}"))
            plain = render(src, page, tmp_path / f"{name}-plain-p{page}")
            for note in (n for n in notes if n.page == page):
                for box in note.quads:
                    assert yellow_share(marked, box, heights[page - 1]) > 0.3, (name, page, box)
                    assert yellow_share(plain, box, heights[page - 1]) == 0.0
            _artefact(f"{name}-p{page}.ppm").unlink()
