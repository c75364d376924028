"""PDF reader: pages, tables as pipe rows, stitching, running lines, borderless tables, errors."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit.audit import audit_path
from kinerja_audit.ingest import InputError, read_document
from kinerja_audit.ingest.layout import drop_edge_items as drop_running_lines
from kinerja_audit.ingest.pdf import (
    Page,
    TableRows,
    TextLine,
    join_words,
    join_wrapped_captions,
    stitch_tables,
)
from tests.corpus.generator import build_report
from tests.corpus.render_binary import render_pdf, render_plain


def pipe_rows(doc) -> list:
    return [ln for ln in doc.lines if ln.text.startswith("| ")]


# --------------------------------------------------------------------------- whole documents
def test_lines_carry_pages_and_tables_become_pipe_rows(base_text, tmp_path):
    doc = read_document(render_pdf(base_text, tmp_path / "base.pdf"))
    assert doc.format == "pdf"
    assert [ln.no for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    pages = [ln.page for ln in doc.lines]
    assert pages[0] == 1 and pages == sorted(pages) and max(pages) >= 2
    rows = pipe_rows(doc)
    assert len(rows) == 16  # summary table (header + 5 rows) and five indicator tables
    assert (
        rows[0].text
        == "| No. | Indikator Kinerja | Target 2025 | Target TW III | Realisasi TW III |"
    )
    assert "| IK.5 | Jumlah sertifikat yang diterbitkan | 400 sertifikat | 410 sertifikat | " \
           "102,50 % |" in [r.text for r in rows]
    # the table's words are not repeated as plain text
    assert not any("410 sertifikat" in ln.text and not ln.text.startswith("|")
                   and "diterbitkan 410" not in ln.text for ln in doc.lines)


def test_finding_on_a_later_page_carries_that_page(base_text, tmp_path):
    defective = base_text.replace("410 sertifikat     102,50 %", "410 sertifikat     105,00 %")
    pdf = render_pdf(defective, tmp_path / "defects.pdf")
    result = audit_path(pdf)
    doc = read_document(pdf)
    wrong = [f for f in result.findings if f.rule == "ARI001" and f.indicator == "IK.5"]
    assert wrong, [(f.rule, f.indicator) for f in result.findings]
    finding = wrong[0]
    assert finding.page is not None and finding.page >= 2
    assert finding.page == doc.page_of(finding.line)
    import pdfplumber

    with pdfplumber.open(pdf) as handle:       # the row really is on that page of the PDF
        assert "105,00" in handle.pages[finding.page - 1].extract_text()


def test_running_header_and_page_numbers_are_dropped(tmp_path):
    report = build_report(12)
    pdf = render_pdf(report, tmp_path / "r.pdf")
    doc = read_document(pdf)
    assert max(ln.page for ln in doc.lines) >= 5
    running = f"Laporan Kinerja Triwulan {report.meta.quarter} {report.meta.year}"
    assert not any(ln.text.startswith(running) for ln in doc.lines)
    assert not any(re.fullmatch(r"\d{1,3}", ln.text.strip()) for ln in doc.lines)


def _crossings(doc) -> list:
    """Consecutive pipe rows on different pages: a table read across a page break."""
    return [(a, b) for a, b in zip(doc.lines, doc.lines[1:])
            if a.text.startswith("| ") and b.text.startswith("| ") and a.page != b.page]


def test_table_split_across_pages_is_one_table(tmp_path):
    for seed in range(12, 40):     # the first corpus report whose rendering splits a table
        report = build_report(seed)
        pdf = render_pdf(report, tmp_path / "split.pdf")
        doc = read_document(pdf)
        if _crossings(doc):
            break
    else:
        pytest.fail("no rendering split a table over two pages")
    # the header repeated on the next page is dropped: every header row appears once per table
    headers = [ln.text for ln in pipe_rows(doc) if "Realisasi" in ln.text and "Target" in ln.text]
    text = tmp_path / "split.txt"
    text.write_text(render_plain(report), encoding="utf-8")
    plain_headers = [ln for ln in text.read_text().splitlines()
                     if ln.startswith("| ") and "Realisasi" in ln and "Target" in ln]
    assert len(headers) == len(plain_headers)
    as_pdf, as_text = audit_path(pdf), audit_path(text)
    for key in ("tables", "table_rows", "indicators"):
        assert as_pdf.coverage[key] == as_text.coverage[key], key


def test_borderless_table_reads_like_layout_text(base_text, tmp_path):
    """No ruling lines: wide gaps become runs of spaces, as in ``pdftotext -layout``."""
    pdf = render_pdf(base_text, tmp_path / "borderless.pdf", grid=False)
    doc = read_document(pdf)
    assert not pipe_rows(doc)
    assert any(re.search(r"Jumlah sertifikat yang diterbitkan {3}400 sertifikat", ln.text)
               for ln in doc.lines)
    layout = tmp_path / "base.txt"
    layout.write_text(base_text, encoding="utf-8")
    as_pdf, as_text = audit_path(pdf), audit_path(layout)
    assert as_pdf.indicators and [
        (i["code"], i["target"], i["realisasi"], i["capaian_reported"]) for i in as_pdf.indicators
    ] == [
        (i["code"], i["target"], i["realisasi"], i["capaian_reported"]) for i in as_text.indicators
    ]
    assert sorted((f.rule, f.indicator) for f in as_pdf.findings) == \
        sorted((f.rule, f.indicator) for f in as_text.findings)


def test_wrapped_caption_before_pipe_table(base_text, tmp_path):
    long_caption = (
        "Tabel 5 : Capaian Kinerja IK.5 Triwulan III Tahun 2025 " + "x" * 40 + "\nTahun 2025"
    )
    text = base_text.replace("Tabel 5 : Capaian Kinerja IK.5 Triwulan III Tahun 2025", long_caption)
    plain = tmp_path / "plain.txt"
    plain.write_text(render_plain(text), encoding="utf-8")
    result = audit_path(plain)
    assert result.coverage["table_rows"] == 10


# --------------------------------------------------------------------------- errors
def test_scanned_pdf_without_text(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(50, 50, 400, 600, fill=1)        # an "image" of a page: no text at all
    c.showPage()
    c.save()
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "scan.pdf")
    assert "pindaian" in err.value.reason("id") and "scan" in err.value.reason("en")


def test_page_cap(base_text, tmp_path):
    pdf = render_pdf(base_text, tmp_path / "base.pdf")
    with pytest.raises(InputError) as err:
        read_document(pdf, max_pages=2)
    assert "batas 2 halaman" in err.value.reason("id")
    assert read_document(pdf, max_pages=3).lines


# --------------------------------------------------------------------------- page-level units
def _line(top: float, text: str, height: float = 10.0) -> TextLine:
    return TextLine(top, top + height, text)


def _table(top: float, rows: list[list[str]], page: int) -> TableRows:
    return TableRows(top, top + 20 * len(rows), len(rows[0]), [(page, r) for r in rows])


HEADER = ["No", "Indikator", "Target", "Realisasi"]


def test_stitch_continuation_and_repeated_header():
    first = _table(600, [HEADER, ["1", "A", "1", "1"]], 1)
    pages = [Page(1, 842, [_line(100, "Tabel 1"), first]),
             Page(2, 842, [_table(80, [HEADER, ["2", "B", "2", "2"]], 2), _line(400, "Teks")])]
    stitch_tables(pages)
    assert [cells[0] for _, cells in first.rows] == ["No", "1", "2"]
    assert [p for p, _ in first.rows] == [1, 1, 2]
    assert len(pages[1].items) == 1


def test_no_stitch_when_text_follows_the_table():
    first = _table(300, [HEADER, ["1", "A", "1", "1"]], 1)
    second = _table(80, [HEADER, ["2", "B", "2", "2"]], 2)
    pages = [Page(1, 842, [first, _line(700, "Tabel 2 : Capaian Kinerja IK.2")]),
             Page(2, 842, [second])]
    stitch_tables(pages)
    assert len(first.rows) == 2 and pages[1].items == [second]


def test_no_stitch_for_a_new_header_or_other_column_count():
    first = _table(600, [HEADER, ["1", "A", "1", "1"]], 1)
    other = _table(80, [["Kode", "Target TW I", "Realisasi TW I", "Capaian"]], 2)
    narrow = _table(80, [["x", "y"]], 3)
    pages = [Page(1, 842, [first]), Page(2, 842, [other]), Page(3, 842, [narrow])]
    stitch_tables(pages)
    assert len(first.rows) == 2 and pages[1].items == [other] and pages[2].items == [narrow]


def test_running_lines_and_page_numbers_dropped_only_at_the_edges():
    pages = []
    for n in range(1, 5):
        pages.append(Page(n, 842, [_line(30, f"Laporan Kinerja Triwulan III | {n}"),
                                   _line(200, "Isi halaman"), _line(400, "12"),
                                   _line(800, f"- {n} -")]))
    drop_running_lines(pages)
    for page in pages:
        assert [it.text for it in page.items] == ["Isi halaman", "12"]


def test_a_bare_number_that_does_not_run_with_the_pages_is_kept():
    """A year wrapped onto the top of the next page is text; the page numbers are not."""
    pages = [Page(n, 842, [_line(200, "Isi"), _line(800, str(n))]) for n in range(1, 4)]
    pages[1].items.insert(0, _line(30, "2025"))
    drop_running_lines(pages)
    assert [[it.text for it in page.items] for page in pages] == [["Isi"], ["2025", "Isi"], ["Isi"]]
    numbered_from_41 = [Page(n, 842, [_line(200, "Isi"), _line(800, str(n + 40))]) for n in (1, 2)]
    drop_running_lines(numbered_from_41)
    assert [[it.text for it in page.items] for page in numbered_from_41] == [["Isi"], ["Isi"]]


def _wide(top: float, text: str, width: float = 450.0, height: float = 8.0) -> TextLine:
    return TextLine(top, top + height, text, 70.0, 70.0 + width)


def test_wrapped_caption_is_one_line_again():
    caption = "Tabel 3 : Capaian Kinerja IK.3 Dinas Contoh terhadap target Triwulan III Tahun"
    pages = [Page(1, 842, [_wide(100, "Teks paragraf yang memenuhi lebar halaman", height=10),
                           _wide(200, caption), _wide(211, "2025", 20),
                           _table(240, [HEADER, ["3", "A", "1", "1"]], 1)])]
    join_wrapped_captions(pages)
    assert [getattr(it, "text", None) for it in pages[0].items][1:] == [caption + " 2025", None]


def test_caption_wrapped_onto_the_next_page():
    caption = "Tabel 5 : Capaian Kinerja IK.5 Dinas Contoh terhadap target Triwulan III Tahun"
    pages = [Page(1, 842, [_wide(100, "Teks"), _wide(760, caption)]),
             Page(2, 842, [_wide(80, "2025", 20), _table(100, [HEADER, ["5", "A", "1", "1"]], 2)])]
    join_wrapped_captions(pages)
    assert pages[0].items[-1].text == caption + " 2025"
    assert isinstance(pages[1].items[0], TableRows)


def test_short_caption_and_other_lines_are_not_joined():
    pages = [
        Page(
            1,
            842,
            [
                _wide(100, "Teks paragraf yang memenuhi lebar halaman"),
                _wide(200, "Tabel 2. Rencana Aksi", 120),
                _wide(211, "(dalam persen)", 60),
                _wide(300, "Tabel 3 : Capaian Kinerja IK.3 terhadap target Tahun"),
                _wide(311, "No   Indikator   Target   Realisasi"),
                _wide(400, "Tabel 4 : Capaian Kinerja IK.4 terhadap target Tahun"),
                _wide(411, "2025", 20, height=10.0),
            ],
        )
    ]
    join_wrapped_captions(pages)
    assert len(pages[0].items) == 7      # short caption; column gaps; another font size


def test_a_line_on_only_one_page_is_kept():
    pages = [Page(1, 842, [_line(30, "LAPORAN KINERJA"), _line(200, "Isi")]),
             Page(2, 842, [_line(30, "BAB I"), _line(200, "Isi")])]
    drop_running_lines(pages)
    assert [it.text for it in pages[0].items] == ["LAPORAN KINERJA", "Isi"]


def _words(spec: list[tuple[float, float, str]]) -> list[dict]:
    return [{"x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "text": t} for x0, x1, t in spec]


def test_join_words_keeps_column_gaps_but_not_justified_spacing():
    row = _words([(0, 20, "IK.1"), (24, 60, "Jumlah"), (64, 90, "laporan"), (160, 170, "3"),
                  (240, 250, "3")])
    assert join_words(row) == "IK.1 Jumlah laporan   3   3"
    justified = _words([(0, 40, "Capaian"), (55, 80, "indikator"), (95, 120, "ini"),
                        (135, 160, "melebihi"), (175, 200, "target")])
    assert join_words(justified) == "Capaian indikator ini melebihi target"
