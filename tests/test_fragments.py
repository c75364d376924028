"""Report fragments as users paste them (one table and its paragraphs, no chapter headings): the
row numbers their tables print, and the figures the rules judge there."""
from kinerja_audit import model
from kinerja_audit.audit import audit_document
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.parse.tables import parse_header
from kinerja_audit.rules.registry import Context, select

FRAGMENT = """Capaian Indikator Kinerja Balai Contoh

Tabel 4. Capaian Indikator Kinerja Balai Contoh Tahun 2023

No Indikator Kinerja Satuan Target Realisasi Capaian (%)

1 Jumlah desa binaan konservasi desa 12 12 100,00

2 Jumlah pengunjung kawasan wisata alam orang 40.000 96.400 241,00

3 Luas habitat satwa yang dipantau ha 1.500 1.530 102,00

Pada tahun 2023 jumlah pengunjung kawasan wisata alam sebanyak 96.400 orang.
"""


def _report(text: str):
    return model.build(Document(source="t.txt", lines=to_lines(text)))


def _findings(text: str, rule: str):
    doc = Document(source="t.txt", lines=to_lines(text))
    return [f for f in audit_document(doc, Context(), select()).findings if f.rule == rule]


def test_the_row_number_under_no_is_no_part_of_the_name():
    report = _report(FRAGMENT)
    assert [(i.code, i.name) for i in report.indicators] == [
        ("Indikator 1", "Jumlah desa binaan konservasi"),
        ("Indikator 2", "Jumlah pengunjung kawasan wisata alam"),
        ("Indikator 3", "Luas habitat satwa yang dipantau"),
    ]


def test_numbers_opening_the_names_are_row_numbers_only_when_they_rise():
    text = FRAGMENT.replace("1 Jumlah desa binaan", "5 Jumlah desa binaan")
    text = text.replace("3 Luas habitat", "20 Luas habitat")
    text = text.replace("2 Jumlah pengunjung", "10 Jumlah pengunjung")
    assert _report(text).indicators[0].name == "Jumlah desa binaan konservasi"
    text = FRAGMENT.replace("3 Luas habitat", "1 Luas habitat")   # 1, 2, 1: not row numbers
    assert _report(text).indicators[0].name == "1 Jumlah desa binaan konservasi"


def test_an_unexplained_anomaly_in_a_fragment_is_reported():
    assert [f.indicator for f in _findings(FRAGMENT, "ANO001")] == ["Indikator 2"]


def test_a_sentence_quoting_the_capaian_with_its_cause_explains_it():
    text = FRAGMENT + ("Capaian 241,00% terjadi karena dibukanya jalur pendakian baru.\n")
    assert _findings(text, "ANO001") == []


def test_a_capaian_graded_beyond_the_scale_is_noted():
    text = FRAGMENT.replace("241,00\n", "241,00 Tidak dapat disimpulkan\n")
    assert _findings(text, "ANO001") == []


def test_percent_of_period_and_of_year_columns_are_achievements():
    header = ("No Indikator Target 2024 Target s.d. Smt I Realisasi s.d. Smt I % thd Smt I "
              "% thd Tahunan")
    roles = [c.role for c in parse_header(header, "semester", 2024, None)]
    assert roles == ["number", "indikator", "target_annual", "target", "realisasi", "capaian",
                     "capaian_annual"]


ONE_LINE = """BAB III AKUNTABILITAS KINERJA

3.1 Capaian Kinerja Kabupaten Contoh

Sasaran 1 : Meningkatnya perekonomian daerah

{table_1}

IKSS 1.2 Tingkat pengangguran terbuka

Tingkat pengangguran terbuka tahun 2023 sebesar 3,80%, lebih rendah dari target 4,00%.

Sasaran 2 : Meningkatnya kualitas hidup

{table_2}

Indeks Pembangunan Manusia tahun 2023 sebesar 70,70, di atas target 70,00.
""".format(
    table_1="Tabel 3.4 Capaian IKSS Sasaran 1 Tahun 2023 Kode Indikator Satuan Target Realisasi "
            "Capaian (%) IKSS 1.1 Laju pertumbuhan ekonomi % 4,80 5,04 105,00 IKSS 1.2 Tingkat "
            "pengangguran terbuka % 4,00 3,80 105,00 Rata-rata capaian sasaran 1 105,00",
    table_2="Tabel 3.5 Capaian IKSS Sasaran 2 Tahun 2023 Kode Indikator Satuan Target Realisasi "
            "Capaian (%) IKSS 2.1 Indeks Pembangunan Manusia poin 70,00 70,70 101,00")


def test_a_table_printed_on_its_caption_line_is_read():
    report = _report(ONE_LINE)
    got = [(i.code, i.name, i.value("target").raw, i.value("capaian").raw)
           for i in report.indicators]
    assert got == [("IKSS.1.1", "Laju pertumbuhan ekonomi", "4,80", "105,00"),
                   ("IKSS.1.2", "Tingkat pengangguran terbuka", "4,00", "105,00"),
                   ("IKSS.2.1", "Indeks Pembangunan Manusia", "70,00", "101,00")]
    # the IPM sentence after Tabel 3.5 is not IKSS 1.2's, whose heading stands before that table
    ipm = next(s for s in report.sentences if "Pembangunan" in s.text and "70,70" in s.text)
    assert ipm.indicator == "IKSS.2.1"


def test_a_caption_line_without_coded_rows_is_no_table():
    text = ("Tabel 3.6 Target dan Realisasi Kinerja Tahun 2023 menunjukkan kenaikan dari "
            "tahun sebelumnya sebesar 4,5 persen\n")
    assert _report(text).tables == []


def test_initials_do_not_end_a_sentence():
    text = FRAGMENT + ("Pemantauan dilakukan di D.I. Yogyakarta dan Jawa Tengah seluas 1.530 ha "
                       "oleh 12 petugas.\n")
    sentence = next(s for s in _report(text).sentences if "Pemantauan" in s.text)
    assert "Jawa Tengah seluas 1.530 ha" in sentence.text


def test_codes_skipped_by_a_copy_of_some_pages_are_no_wrong_codes():
    text = """BAB III AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3. Capaian IK.3 Tahun 2023
Kode IK   Indikator                                Target   Realisasi   Capaian
IK.3      Jumlah laporan pengawasan                4        4           100,00 %

Tabel 6. Capaian IK.6 Tahun 2023
Kode IK   Indikator                                Target   Realisasi   Capaian
IK.6      Jumlah sertifikat yang diterbitkan       40       42          105,00 %
"""
    assert _findings(text, "LBL002") == []
    # near miss: the table numbered in sequence while its code skips
    assert [f.indicator for f in _findings(text.replace("Tabel 6.", "Tabel 4."), "LBL002")] \
        == ["IK.6"]
