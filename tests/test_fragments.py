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
                     "capaian_other"]
