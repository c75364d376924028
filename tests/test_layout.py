"""Layout cleaning has one home (kinerja_audit/ingest/layout.py), used for text and PDF alike.

The PDF reader drops edge-zone furniture before stitching tables; every document that
``read_document`` returns, whatever its format, has its running lines and page numbers blanked by
the same line step (it used to live in model.py, and its page-number pattern in pdf.py too).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit import model
from kinerja_audit.audit import audit_path
from kinerja_audit.document import Document, Line
from kinerja_audit.ingest import layout, pdf, read_document
from kinerja_audit.ingest.text import to_lines
from tests.corpus.generator import build_report
from tests.corpus.render_binary import render_pdf, render_plain

HEADER = "Laporan Kinerja Loka Contoh Triwulan II 2025"


def _paged_text(pages: int = 5) -> str:
    body = [f"{HEADER}\nIsi halaman {n}, kalimat pertama.\nKalimat kedua halaman {n}.\n{n}"
            for n in range(1, pages + 1)]
    return "\n\f".join(body)


def test_one_home_for_layout_cleaning():
    for module, name in ((model, "_without_running_lines"), (model, "_page_number_lines"),
                         (model, "_page_number_chain"), (pdf, "drop_running_lines"),
                         (pdf, "_PAGE_NUMBER")):
        assert not hasattr(module, name), f"{module.__name__}.{name} is layout cleaning"


def test_text_input_is_cleaned_when_read(tmp_path):
    path = tmp_path / "lkj.txt"
    path.write_text(_paged_text(), encoding="utf-8")
    doc = read_document(path)
    texts = [ln.text for ln in doc.lines]
    assert HEADER not in texts and not any(t.strip().isdigit() for t in texts)
    assert "Isi halaman 3, kalimat pertama." in texts
    assert len(doc.lines) == len(to_lines(_paged_text()))          # blanked, never removed


def test_pdf_and_its_text_form_are_cleaned_alike(tmp_path):
    """The PDF (running header + page numbers drawn by reportlab) and the plain text of the same
    report read the same content lines once the furniture is gone."""
    report = build_report(seed=11, kind="quarterly")
    pdf_doc = read_document(render_pdf(report, tmp_path / "r.pdf"))
    text = tmp_path / "r.txt"
    text.write_text(render_plain(report), encoding="utf-8")
    text_doc = read_document(text)

    def content(doc: Document) -> list[str]:
        return [" ".join(ln.text.split()) for ln in doc.lines
                if ln.text.strip() and not ln.text.startswith("|")]

    pdf_lines = content(pdf_doc)
    assert not [t for t in pdf_lines if layout.PAGE_NUMBER.match(t)]
    assert set(pdf_lines[:5]) <= set(content(text_doc))


def test_superscript_digits_are_not_page_numbers(tmp_path):
    """A line holding "²" (str.isdigit() says yes, int() says no) crashed the audit."""
    lines = [f"Isi baris {i}" for i in range(30)] + ["²"] + [f"Isi lain {i}" for i in range(30)]
    for text in ("\n".join(lines), "\n\f".join(f"{HEADER}\nIsi {n}\n²" for n in range(1, 6))):
        path = tmp_path / "lkj.txt"
        path.write_text("LAPORAN KINERJA TRIWULAN II TAHUN 2025\n" + text, encoding="utf-8")
        result = audit_path(path)
        assert result.errors == [], result.errors
        assert "²" in [ln.text for ln in read_document(path).lines]


def test_a_bare_number_amid_content_is_kept():
    lines = [Line(i + 1, 1 + i // 20, f"Kalimat isi nomor {i}.") for i in range(60)]
    lines[30] = Line(31, lines[30].page, "12")        # a value in the middle of page 2
    doc = Document("x.txt", lines)
    assert layout.blank_running_lines(doc).lines[30].text == "12"


def test_a_year_at_the_edge_of_most_pages_is_a_running_title():
    """A running title whose words are an image leaves its year ("2016") at the top of every
    page: no page number (it does not count with the pages), and no content either."""
    def page(n, top):
        items = [pdf.TextLine(40, 50, top), pdf.TextLine(300, 310, f"Isi halaman {n}."),
                 pdf.TextLine(320, 330, f"Kalimat kedua halaman {n} tentang capaian.")]
        return pdf.Page(n, 842, items)

    pages = [page(n, "2016") for n in range(1, 7)]
    layout.drop_edge_items(pages)
    assert [it.text for it in pages[2].items] == ["Isi halaman 3.",
                                                  "Kalimat kedua halaman 3 tentang capaian."]
    # near miss: a year wrapped onto the top of one page ("... Tahun" / "2016") stays
    pages = [page(n, "Laporan Kinerja Dinas Contoh" if n != 4 else "2016") for n in range(1, 7)]
    layout.drop_edge_items(pages)
    assert pages[3].items[0].text == "2016"
