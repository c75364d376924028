"""Quarterly realisation forms (parse/forms.py): the evaluation form a regional unit fills in
each quarter, printed from a spreadsheet as one ruled table over several pages.

The text documents below are written for these tests (an imagined Dinas Perhubungan and Dinas
Pertanian; names and figures are made up).  The PDF is drawn the way spreadsheet exports draw
one: a white rectangle behind every cell and every line of text, thin black rectangles as
rulings, the header's quarter columns split further than the body's, and the table going on to
the next page without a rule above its first row there.
"""
from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from kinerja_audit.audit import audit_document, audit_path
from kinerja_audit.document import Document
from kinerja_audit.ingest import pdf, pdfium_text
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.parse.forms import find_forms
from kinerja_audit.rules.registry import Context, select


def _pipe(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


HEADER = "\n".join([
    _pipe("Urusan/Bidang Urusan/Program/Kegiatan",
          "Indikator Kinerja Program (Outcome)/Indikator Kinerja Kegiatan (Output)",
          "Realisasi Kinerja dan Anggaran pada Triwulan I - IV Tahun 2024", *[""] * 7,
          "Penanggung Jawab"),
    _pipe("", "", "I", "", "II", "", "III", "", "IV", "", ""),
    _pipe("2", "3", "7", "", "8", "", "9", "", "10", "", "14"),
    _pipe("", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", ""),
])

BODY = "\n".join([
    _pipe("PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN",
          "Persentase titik rawan kecelakaan yang tertangani",
          "", "412.500.000", "", "980.250.000", "", "1.204.800.000", "", "", "DISHUB"),
    _pipe("Penyediaan Perlengkapan Jalan di Jalan Kabupaten",
          "Jumlah rambu lalu lintas yang terpasang",
          "12", "88.400.000", "31", "260.100.000", "44", "301.000.000", "", "", "DISHUB"),
    _pipe("Pengujian Berkala Kendaraan Bermotor", "Jumlah kendaraan wajib uji yang diuji",
          "1.284", "96.300.000", "1.310", "97.750.000", "1.296", "99.120.000", "", "", "DISHUB"),
    _pipe("Penyediaan Angkutan Umum untuk Jasa Angkutan Orang",
          "Jumlah trayek angkutan perdesaan yang dilayani",
          "6", "227.800.000", "6", "622.400.000", "7", "804.680.000", "", "", "DISHUB"),
    _pipe("", "Persentase armada angkutan perdesaan yang laik jalan",
          "78,5%", "-", "80,2%", "-", "81,0%", "-", "", "", "DISHUB"),
])

FORM_DOC = f"""DINAS PERHUBUNGAN
{HEADER}
{BODY}
"""

REPORT_DOC = f"""LAPORAN KINERJA INSTANSI PEMERINTAH
DINAS PERHUBUNGAN KABUPATEN SUKAMAJU
TAHUN 2024

BAB I PENDAHULUAN
Laporan ini menyajikan capaian kinerja Dinas Perhubungan selama tahun 2024.

BAB II PERENCANAAN KINERJA
Rencana kinerja tahun 2024 ditetapkan dalam Perjanjian Kinerja.

BAB III AKUNTABILITAS KINERJA
Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024
| No | Indikator Kinerja | Target | Realisasi | Capaian (%) |
| 1 | Persentase titik rawan kecelakaan yang tertangani | 60 | 63 | 105,00 |
| 2 | Persentase armada angkutan perdesaan yang laik jalan | 80 | 81 | 101,25 |

BAB IV PENUTUP
Demikian laporan ini disusun sebagai bahan evaluasi.

LAMPIRAN
Lampiran 1 Realisasi kinerja per triwulan
{HEADER}
{BODY}
"""


def _doc(text: str) -> Document:
    return Document(source="form.txt", lines=to_lines(text))


def _audit(text: str):
    return audit_document(_doc(text), Context(), select())


def test_form_rows_are_indicators_of_the_latest_quarter_filled():
    (form,) = find_forms(_doc(FORM_DOC))
    assert form.year == 2024 and form.quarters == (1, 2, 3, 4) and form.filled == 3
    assert [r.name for r in form.rows][:2] == [
        "Persentase titik rawan kecelakaan yang tertangani",
        "Jumlah rambu lalu lintas yang terpasang"]
    last = form.rows[-1]
    assert last.activity == "Penyediaan Angkutan Umum untuk Jasa Angkutan Orang"   # from above
    assert last.output[2].raw == "80,2%" and last.budget[3].is_dash and last.output[4] is None
    result = _audit(FORM_DOC).to_dict()
    assert (result["kind"], result["year"], result["quarter"], result["period_source"]) == \
        ("quarterly", 2024, 3, "form")
    got = {i["name"]: i["realisasi"] for i in result["indicators"]}
    assert got == {"Persentase titik rawan kecelakaan yang tertangani": None,
                   "Jumlah rambu lalu lintas yang terpasang": 44,
                   "Jumlah kendaraan wajib uji yang diuji": 1296,
                   "Jumlah trayek angkutan perdesaan yang dilayani": 7,
                   "Persentase armada angkutan perdesaan yang laik jalan": 81.0}
    # a form has no chapters to miss, its header's "Triwulan I - IV" is no period claim, and a
    # programme's outcome left empty each quarter is not an unread row
    assert {f["rule"] for f in result["findings"]} & {"STR001", "STR003", "PRS001", "PRS003",
                                                      "NPD001"} == set()
    # the form prints no target: STR005, at its row of column numbers
    assert [(f["rule"], f["line"]) for f in result["findings"] if f["rule"] == "STR005"] == \
        [("STR005", 4)]


def test_near_miss_a_form_in_the_annex_of_a_written_report_decides_nothing():
    result = _audit(REPORT_DOC).to_dict()
    assert (result["kind"], result["year"], result["quarter"]) == ("annual", 2024, None)
    assert result["period_source"] != "form"
    assert not {"STR005", "ANO002"} & {f["rule"] for f in result["findings"]}
    assert [i["name"] for i in result["indicators"]] == [
        "Persentase titik rawan kecelakaan yang tertangani",
        "Persentase armada angkutan perdesaan yang laik jalan"]


def test_near_miss_quarter_labels_that_do_not_stand_over_k_and_rp_pairs():
    text = FORM_DOC.replace(_pipe("", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", ""),
                            _pipe("", "", "K", "Rp", "K", "K", "Rp", "Rp", "K", "Rp", ""))
    assert find_forms(_doc(text)) == []
    assert _audit(text).to_dict()["period_source"] != "form"


def test_a_form_filled_for_all_four_quarters_keeps_the_year_as_its_period():
    text = FORM_DOC.replace("| 44 | 301.000.000 |  |  |", "| 44 | 301.000.000 | 52 | 410.000.000 |")
    result = _audit(text).to_dict()
    assert result["period_source"] != "form" and result["quarter"] is None


# ---------------------------------------------------------------------------- a drawn form
WHITE, BLACK = (1, 1, 1), (0, 0, 0)
# column edges: activity, indicator, then K and Rp of four quarters, then the unit
EDGES = [30, 180, 380, 420, 480, 520, 580, 620, 680, 720, 780, 830]
ROWS_P1 = [
    ("Penyediaan Benih Padi Unggul", "Jumlah benih padi unggul yang tersalurkan",
     ["12", "84.000.000", "30", "190.500.000"]),
    ("Pengendalian Hama Terpadu", "Jumlah kelompok tani yang dibina",
     ["8", "22.750.000", "15", "41.300.000"]),
]
ROWS_P2 = [
    ("Penyuluhan Pertanian Lapangan", "Jumlah petani yang mengikuti penyuluhan",
     ["140", "31.000.000", "225", "52.400.000"]),
    ("Pengembangan Irigasi Tersier", "Panjang saluran irigasi tersier yang direhabilitasi",
     ["0", "-", "3", "410.000.000"]),
]


def _rule(c, x0, y0, x1, y1):
    """A ruling as spreadsheet exports draw it: a thin black filled rectangle."""
    c.setFillColorRGB(*BLACK)
    c.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)


def _cell(c, x0, top, x1, bottom, text, size=6.5):
    """A white background behind the cell and one more behind its text line, then the text."""
    c.setFillColorRGB(*WHITE)
    c.rect(x0 + 0.3, bottom, x1 - x0 - 0.3, top - bottom, stroke=0, fill=1)
    if text:
        c.rect(x0 + 3, top - 11, x1 - x0 - 6, 9, stroke=0, fill=1)
        c.setFillColorRGB(*BLACK)
        c.setFont("Helvetica", size)
        c.drawString(x0 + 3, top - 9, text)


def _grid(c, top, heights, xs_per_row, texts_per_row, close_top=True):
    """Rows of cells: each row its own vertical edges; horizontal rules between the rows (and
    above the first only when ``close_top``)."""
    y = top
    if close_top:
        _rule(c, EDGES[0], y - 0.3, EDGES[-1], y)
    for h, xs, texts in zip(heights, xs_per_row, texts_per_row):
        for (x0, x1), text in zip(pairwise(xs), texts):
            _cell(c, x0, y, x1, y - h, text)
        for x in xs:
            _rule(c, x, y - h, x + 0.3, y)
        _rule(c, EDGES[0], y - h - 0.3, EDGES[-1], y - h)
        y -= h
    return y


def _draw_form(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    _, height = landscape(A4)
    leaves = EDGES[2:11]                  # K, Rp, K, Rp, ... of the four quarters
    split = sorted(leaves + [(a + b) / 2 for a, b in pairwise(leaves)])
    labels = [w for k in range(8) for w in ("K" if k % 2 == 0 else "Rp", "")]
    header = [
        ([EDGES[0], EDGES[1], EDGES[2], EDGES[10], EDGES[11]],
         ["Urusan/Program/Kegiatan", "Indikator Kinerja Kegiatan (Output)",
          "Realisasi Kinerja Pada Triwulan I - IV Tahun 2025", "Unit"]),
        ([EDGES[0], EDGES[1], EDGES[2], EDGES[4], EDGES[6], EDGES[8], EDGES[10], EDGES[11]],
         ["", "", "I", "II", "III", "IV", ""]),
        ([EDGES[0], EDGES[1]] + split + [EDGES[11]], ["", ""] + labels + [""]),
    ]
    body_xs = EDGES

    def body(rows):
        return [[a, n] + v + ["", "", "", "", "DISTAN"] for a, n, v in rows]

    y = _grid(c, height - 60, [22, 14, 14], [h[0] for h in header], [h[1] for h in header])
    _grid(c, y, [20] * len(ROWS_P1), [body_xs] * len(ROWS_P1), body(ROWS_P1), close_top=False)
    c.showPage()
    # page 2: the table goes on, no rule above its first row, the body's edges only
    _grid(c, height - 40, [20] * len(ROWS_P2), [body_xs] * len(ROWS_P2), body(ROWS_P2),
          close_top=False)
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def drawn_form(tmp_path_factory) -> Path:
    return _draw_form(tmp_path_factory.mktemp("form") / "realisasi-tw2.pdf")


def test_drawn_form_reads_as_one_table_over_both_pages(drawn_form):
    for engine in (True, False):                   # PDFium, and pdfplumber alone
        doc = pdf.read(drawn_form, drawn_form.name, 2**26, pdfium=engine)
        rows = [ln.text for ln in doc.lines if ln.text.startswith("|")]
        assert all(ln.text.startswith("|") for ln in doc.lines if ln.text.strip()), engine
        assert any("Jumlah petani yang mengikuti penyuluhan" in r for r in rows), engine
        assert not any("Jumlah benih padi unggul yang tersalurkan Jumlah" in r for r in rows)
        widths = {len(r.split("|")) for r in rows}
        assert len(widths) == 1, (engine, widths)   # page 2 in the columns of page 1


def test_drawn_form_is_audited_as_the_report_of_its_latest_quarter(drawn_form):
    result = audit_path(str(drawn_form)).to_dict()
    assert (result["kind"], result["year"], result["quarter"]) == ("quarterly", 2025, 2)
    got = {i["name"]: i["realisasi"] for i in result["indicators"]}
    assert got == {"Jumlah benih padi unggul yang tersalurkan": 30,
                   "Jumlah kelompok tani yang dibina": 15,
                   "Jumlah petani yang mengikuti penyuluhan": 225,
                   "Panjang saluran irigasi tersier yang direhabilitasi": 3}
    # all it can say: the form has no target (STR005), at its row of column headers
    assert [(f["rule"], f["page"]) for f in result["findings"]] == [("STR005", 1)]


@pytest.mark.parametrize("colour,shows", [
    ((1.0,), False), ((1.0, 1.0, 1.0), False), ((0.0, 0.0, 0.0, 0.0), False),
    ((0.0,), True), ((0.5, 0.5, 0.5), True), ((0.99, 0.2, 0.99), True), ((0, 0, 0, 1), True),
    (None, True), ("pattern", True)])
def test_only_paint_that_shows_is_a_ruling(colour, shows):
    assert pdfium_text.visible(True, False, colour, None) is shows
    assert pdfium_text.visible(False, True, None, colour) is shows
    assert pdfium_text.visible(True, True, colour, (1.0,)) is shows


# the whole evaluation form: target and year-end groups beside the quarters, their K and Rp in
# the row of the quarter labels (merged down), the quarters' K and Rp one row lower
FULL_HEADER = "\n".join([
    _pipe("Program/Kegiatan", "Indikator Kinerja Program (Outcome)/Kegiatan (Output)",
          "Target Kinerja dan Anggaran Renja Tahun 2024", "",
          "Realisasi Kinerja pada Triwulan", *[""] * 7,
          "Realisasi Capaian Kinerja dan Anggaran Renja Tahun 2024", "",
          "Unit Penanggung Jawab"),
    _pipe("", "", "K", "Rp", "I", "", "II", "", "III", "", "IV", "", "K", "Rp", ""),
    _pipe("", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "", "", ""),
])
FULL_BODY = "\n".join([
    _pipe("Pengujian Berkala Kendaraan Bermotor", "Jumlah kendaraan wajib uji yang diuji",
          "5.200", "400.000.000", "1.284", "96.300.000", "1.310", "97.750.000", "", "", "", "",
          "2.594", "194.050.000", "DISHUB"),
    _pipe("Penyediaan Perlengkapan Jalan di Jalan Kabupaten",
          "Jumlah rambu lalu lintas yang terpasang", "120", "900.000.000", "12", "88.400.000",
          "31", "260.100.000", "", "", "", "", "43", "348.500.000", "DISHUB"),
])


def test_the_whole_evaluation_form_is_read_by_its_quarter_columns():
    (form,) = find_forms(_doc(f"DINAS PERHUBUNGAN\n{FULL_HEADER}\n{FULL_BODY}\n"))
    assert form.quarters == (1, 2, 3, 4) and form.filled == 2 and form.target_printed
    assert [(r.name, r.output[2].raw) for r in form.rows] == [
        ("Jumlah kendaraan wajib uji yang diuji", "1.310"),
        ("Jumlah rambu lalu lintas yang terpasang", "31")]
    findings = _audit(f"DINAS PERHUBUNGAN\n{FULL_HEADER}\n{FULL_BODY}\n").findings
    assert "STR005" not in {f.rule for f in findings}      # it prints its targets
