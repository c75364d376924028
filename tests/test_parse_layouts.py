"""Layouts of real reports the parsers read: column headers, recap rows, outlines, list items."""
from kinerja_audit import model
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.parse.names import abbreviates
from kinerja_audit.parse.tables import caption_match, parse_header


def _report(text: str):
    return model.build(Document(source="t.txt", lines=to_lines(text)))


def test_percent_of_target_columns_are_achievements_not_targets():
    header = ("No IKU Target 2025 Target s.d. TW II Realisasi s.d. TW II % thd Target TW II "
              "% thd Target 2025 Ket.")
    roles = [c.role for c in parse_header(header, "quarterly", 2025, 2)]
    assert roles == ["number", "code", "target_annual", "target", "realisasi", "capaian",
                     "capaian_other", "keterangan"]
    # near miss: a plain second target column stays a target of another period
    roles = [c.role for c in parse_header("No Indikator Target 2025 Target TW II Realisasi TW II",
                                          "quarterly", 2025, 2)]
    assert roles == ["number", "indikator", "target_annual", "target", "realisasi"]


def test_an_acronym_names_the_indicator_it_abbreviates():
    assert abbreviates("IKM", "Indeks Kepuasan Masyarakat (IKM)")
    assert abbreviates("IKM", "Indeks Kepuasan Masyarakat")
    assert not abbreviates("IKM", "Indeks Kualitas Air")
    assert not abbreviates("Indeks", "Indeks Kepuasan Masyarakat")


def test_a_recap_row_with_the_acronym_restates_the_indicator():
    text = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2025
No Indikator Target Realisasi Capaian
IKU 1 Indeks Kepuasan Masyarakat (IKM) 80,00 82,40 103,00
IKU 2 Persentase layanan selesai tepat waktu (%) 90,00 93,60 104,00

Tabel 3.2 Perbandingan Realisasi dengan Target Akhir Renstra 2026
No Indikator Target 2026 Realisasi 2025 Keterangan
IKU 1 IKM 84,00 82,40 optimis tercapai
IKU 2 Persentase layanan selesai tepat waktu (%) 95,00 93,60 optimis tercapai
"""
    report = _report(text)
    assert [i.code for i in report.indicators] == ["IKU.1", "IKU.2"]


def test_a_sentence_pointing_at_a_table_is_no_caption():
    assert caption_match("Tabel 2.2 Pagu Anggaran Tahun 2025")
    assert caption_match("Tabel 2.2 berikut ini :") is None
    assert caption_match("Tabel 3 di bawah ini menunjukkan capaian") is None


def test_a_numbered_heading_ends_the_list_item_above_it():
    text = """BAB II
PERENCANAAN KINERJA
Misi dinas sebagai berikut:
1. Meningkatkan mutu layanan
2. Meningkatkan kapasitas aparatur

2.1.2. Tujuan dan Sasaran
Tujuan dirumuskan melalui proses berikut:
1. Meninjau data internal.
"""
    report = _report(text)
    second = next(it for it in report.items if it.marker == "2.")
    assert second.end_line == second.line


def test_chapters_of_an_outline_give_way_to_the_chapters_written_out():
    text = """BAB I
PENDAHULUAN
Sistematika penulisan laporan:
BAB IV PENUTUP
4.1 Capaian Umum
4.2 Tahap Berikutnya

BAB IV
PENUTUP
Secara umum seluruh sasaran tercapai. Ke depan layanan akan diperluas ke kecamatan.
"""
    report = _report(text)
    bab4 = [s for s in report.sections if s.key == "bab4"]
    assert len(bab4) == 1 and bab4[0].start > 6


def test_a_quarter_named_only_without_its_year_does_not_decide_the_period():
    from kinerja_audit.parse.meta import PeriodMention, decide_period

    mentions = [PeriodMention(3, "prose", None, None, 2023, "tahun 2023")] + \
        [PeriodMention(10 + k, "caption", "quarterly", 2, None, "TW II") for k in range(5)]
    kind, quarter, year, first = decide_period(mentions)
    assert (kind, quarter, year) == ("annual", None, 2023) and first.line == 3
    # near miss: the quarter named with the year decides it
    mentions.append(PeriodMention(20, "caption", "quarterly", 2, 2023, "TW II 2023"))
    assert decide_period(mentions)[:3] == ("quarterly", 2, 2023)


_PIPE_REPORT = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2025
{header}
{rows}
"""


def _pipe_report(header: str, rows: str):
    return _report(_PIPE_REPORT.format(header=header, rows=rows))


def _values(report) -> list[dict]:
    return [{k: c.raw for k, c in i.table.cells.items()} for i in report.indicators if i.table]


def test_a_pipe_header_over_several_rows_and_figures_beside_their_labels():
    """A PDF grid prints a merged header cell's words in the row and column where they fall
    ("Tahun 2025" above "Target", "(%)" below "Capaian"), and its figures one column to the
    right of the label: the header is read column by column, the figure columns move onto
    their figures."""
    header = ("|  |  |  | Tahun 2025 |  |  |  |  |\n"
              "| No | Indikator |  | Target |  | Realisasi |  | Capaian |\n"
              "|  |  |  |  |  |  |  | (%) |")
    rows = ("| 1 | Jumlah desa tangguh bencana |  |  | 12 |  | 15 | 125 |\n"
            "| 2 | Persentase laporan tepat waktu |  |  | 90 |  | 81 | 90 |")
    report = _pipe_report(header, rows)
    assert _values(report) == [{"target": "12", "realisasi": "15", "capaian": "125"},
                               {"target": "90", "realisasi": "81", "capaian": "90"}]
    # near miss: the same table with figures under their labels reads the same
    aligned = _pipe_report("| No | Indikator | Target Tahun 2025 | Realisasi | Capaian (%) |",
                           "| 1 | Jumlah desa tangguh bencana | 12 | 15 | 125 |\n"
                           "| 2 | Persentase laporan tepat waktu | 90 | 81 | 90 |")
    assert _values(aligned) == _values(report)


def test_a_label_repeated_over_a_merged_cell_is_one_column():
    header = "| No | Indikator | Target 2025 | Target 2025 | Realisasi | Realisasi | Capaian |"
    rows = "| 1 | Jumlah desa tangguh bencana | 12 |  |  | 15 | 125 % |"
    report = _pipe_report(header, rows)
    assert _values(report) == [{"target": "12", "realisasi": "15", "capaian": "125 %"}]
    assert sorted(set(report.tables[0].numeric_roles)) == ["capaian", "realisasi", "target"]
    # near miss: two different realisasi columns, both filled, stay two columns
    two = _pipe_report(
        "| No | Indikator | Target 2025 | Realisasi 2024 | Realisasi 2025 | Capaian |",
        "| 1 | Jumlah desa tangguh bencana | 12 | 11 | 15 | 125 % |",
    )
    assert _values(two) == [{"target": "12", "realisasi_other": "11", "realisasi": "15",
                             "capaian": "125 %"}]


def test_a_list_item_naming_another_indicator_is_not_the_narrative_of_the_one_before():
    text = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2025
No Indikator Target Realisasi Capaian
1 Jumlah desa tangguh bencana 12 15 125,00

Capaian indikator ini dijelaskan sebagai berikut:
1. Indeks kualitas air sungai utama dengan target 60 dan realisasi 54,20 sehingga capaian 90,33%.
2. Perbandingan realisasi tahun 2025 dengan tahun 2024 menunjukkan realisasi 15 desa lebih tinggi.
"""
    report = _report(text)
    about = {s.text[:12]: s.indicator for s in report.sentences if s.text[:2] in ("1.", "2.")}
    assert about == {"1. Indeks ku": None, "2. Perbandin": report.indicators[0].code}


def test_target_capaian_is_a_target_and_a_bound_is_no_figure():
    text = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
Indeks kualitas udara dengan target capaian 60, realisasi target capaian yaitu 66,24 dengan \
persentase capaian sebesar >100%.
Indeks kualitas air dengan target capaian 55, realisasi target capaian yaitu 60,50 dengan \
persentase capaian sebesar 110,00%.
"""
    report = _report(text)
    roles = [[(n.raw, n.role) for n in s.numbers()] for s in report.sentences if s.numbers()]
    assert roles == [[("60", "target"), ("66,24", "realisasi")],
                     [("55", "target"), ("60,50", "realisasi"), ("110,00%", "capaian")]]
