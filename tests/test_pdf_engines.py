"""PDFium reads a PDF as pdfplumber did (issue 13: "identical findings", a fraction of the time).

The reader takes words and paths from PDFium and keeps pdfplumber's word grouping and table
finder; ``pdf.read(..., pdfium=False)`` is the reader as it was, pdfplumber alone.  Compared here:
the documents of corpus reports rendered as PDF (line for line), the tables of the fast table
finder against pdfplumber's own on every page, and the findings on a real report.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder as PlumberTableFinder

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit.audit import audit_document
from kinerja_audit.ingest import layout, limits, pdf, pdfium_text, pdftables, read_document
from kinerja_audit.rules.registry import Context, select
from tests.corpus.generator import build_report
from tests.corpus.render_binary import render_pdf

REAL = ROOT.parent / "shared" / "real-pdfs"


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    return [render_pdf(build_report(seed), folder / f"r{seed}.pdf") for seed in (3, 7, 12)] + [
        render_pdf(build_report(21), folder / "r21-tanpa-garis.pdf", grid=False)]


def test_pdfium_reads_corpus_pdfs_line_for_line_as_pdfplumber(corpus_pdfs):
    for path in corpus_pdfs:
        fast = pdf.read(path, str(path), 2**26)
        plumber = pdf.read(path, str(path), 2**26, pdfium=False)
        assert fast.lines == plumber.lines, path.name


def _table_signature(tables) -> list:
    return [(t.bbox, [tuple(row.cells) for row in t.rows]) for t in tables]


def _pages(paths):
    for path in paths:
        document = pdfium.PdfDocument(path)
        with pdfplumber.open(path) as plumber:
            for i, page in enumerate(plumber.pages):
                page._objects = pdfium_text.page_graphics(document[i], page.page_number)
                yield path, page
        document.close()


def test_fast_table_finder_finds_pdfplumbers_tables(corpus_pdfs):
    paths = list(corpus_pdfs) + sorted(REAL.glob("*.pdf"))[:2]
    compared = 0
    for path, page in _pages(paths):
        mine = _table_signature(pdftables.find_tables(page))
        theirs = _table_signature(PlumberTableFinder(page, pdftables.SETTINGS).tables)
        assert mine == theirs, (path.name, page.page_number)
        compared += bool(theirs)
    assert compared >= 10          # pages that do have tables were compared


def test_ruling_edges_are_pdfplumbers_edges(corpus_pdfs):
    """The edges the fast finder computes on plain lists are pdfplumber's, value for value and in
    its order, on every page of the corpus PDFs and of every real report."""
    from pdfplumber.table import TableSettings

    settings = TableSettings.resolve(pdftables.SETTINGS)
    keys = ("x0", "x1", "top", "bottom", "width", "height", "orientation")
    compared = 0
    for path in list(corpus_pdfs) + sorted(REAL.glob("*.pdf")):
        document = pdfium.PdfDocument(path)
        for i in range(len(document)):
            graphics = pdfium_text.page_graphics(document[i], i + 1)
            theirs = PlumberTableFinder(pdftables.Rulings(graphics), pdftables.SETTINGS).edges
            mine = pdftables.ruling_edges(graphics, settings)
            assert [tuple(e[k] for k in keys) for e in mine] == \
                [tuple(e[k] for k in keys) for e in theirs], (path.name, i + 1)
            compared += bool(theirs)
        document.close()
    assert compared >= 10


def test_lone_space_objects_separate_words():
    """PDFium drops a space glyph drawn as a text object of its own; it must still part words."""
    path = REAL / "jabar_bpbd_lkip_2016.pdf"
    if not path.exists():
        pytest.skip("../shared/real-pdfs not present")
    words = [w["text"] for w in pdfium_text.page_words(pdfium.PdfDocument(path)[23])]
    assert "m.Menyelenggarakan" not in words and "Menyelenggarakan" in words


def test_real_report_same_findings_either_way():
    path = REAL / "jabar_biro_organisasi_lkip_2016.pdf"
    if not path.exists():
        pytest.skip("../shared/real-pdfs not present")
    ctx, rules = Context(), select()
    fast = audit_document(read_document(path), ctx, rules)
    plumber_doc = layout.blank_running_lines(limits.bounded(pdf.read(path, str(path), 2**26,
                                                                     pdfium=False)))
    slow = audit_document(plumber_doc, ctx, rules)

    def key(result):
        return sorted(str((f.rule, f.indicator, f.found, f.expected)) for f in result.findings)

    assert key(fast) == key(slow) and fast.findings
