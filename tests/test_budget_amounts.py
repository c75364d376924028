"""Budget amounts read from every place a report gives them (parse/budget.py): table rows with a
physical-progress column after the budget percentage, pipe rows whose activity is one cell among
programme and unit cells, and lists allotting a ceiling per item."""
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.model import build

REPORT = """LAPORAN KINERJA TAHUN 2024
DINAS PERTANIAN KABUPATEN CONTOH

BAB III
AKUNTABILITAS KINERJA
B. REALISASI ANGGARAN
Kegiatan yang mendukung sasaran ini adalah:
(1) Penyuluhan pertanian lapangan, dengan alokasi anggaran Rp.412.300.000,- (2) Pengendalian
hama terpadu, dengan alokasi anggaran Rp. 238.150.000

| UNIT KERJA | PROGRAM | KEGIATAN | ANGGARAN Rp. | REALISASI Rp. | Keu % | FISIK % |
| Sulu | Prog. 1 | Penyuluhan Pertanian Lapangan | 412.300.000,- | 401.950.000,- | 97,49 | 100 |
| Bid. TP | Proteksi | Pengendalian Hama Terpadu | 238.150.000 | 230.004.500 | 96,58 | 100 |
"""


def _report(text=REPORT):
    return build(Document(source="t.txt", lines=to_lines(text)))


def test_a_budget_table_with_a_physical_column_is_read_with_its_activity_as_label():
    rows = _report().budget_rows
    assert [(r.label, r.pagu.value, r.realisasi.value, r.percent.value) for r in rows] == [
        ("Penyuluhan Pertanian Lapangan", 412_300_000, 401_950_000, 97.49),
        ("Pengendalian Hama Terpadu", 238_150_000, 230_004_500, 96.58)]


def test_a_list_allots_one_ceiling_per_item():
    amounts = [(a.subject, a.kind, a.amount.value) for a in _report().budget_amounts
               if a.kind == "pagu" and a.line < 12]
    assert amounts == [("Penyuluhan pertanian lapangan", "pagu", 412_300_000),
                       ("Pengendalian hama terpadu", "pagu", 238_150_000)]


def test_a_header_naming_realisasi_before_anggaran_is_no_budget_table():
    """Near miss: "Realisasi Anggaran | %" is one column (the realised budget), no pagu column."""
    text = REPORT.replace("| ANGGARAN Rp. | REALISASI Rp. |", "| REALISASI ANGGARAN | URAIAN |")
    assert _report(text).budget_rows == []


def test_a_row_named_jumlah_something_is_no_total():
    """A budget table's total row is "Jumlah"/"Total" (or "Jumlah Belanja Langsung"); an
    indicator or activity whose name opens with "Jumlah" (near miss) is a row like the others."""
    from kinerja_audit.parse.text import pattern

    total = pattern("budget_total_re")
    assert total.match("Jumlah") and total.match("TOTAL") and total.match("Jumlah Belanja Langsung")
    assert not total.match("Jumlah rekomendasi yang ditindaklanjuti menjadi kebijakan")
    assert not total.match("Jumlah Inovasi Pelayanan Publik sesuai Kriteria Nasional")
