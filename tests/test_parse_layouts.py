"""Layouts of real reports the parsers read: column headers, recap rows, outlines, list items."""
from kinerja_audit import model
from kinerja_audit.audit import audit_document
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.parse.names import abbreviates
from kinerja_audit.parse.tables import caption_match, parse_header
from kinerja_audit.rules.registry import Context, select


def _doc(text: str) -> Document:
    return Document("t.txt", to_lines(text))


def _report(text: str):
    return model.build(Document(source="t.txt", lines=to_lines(text)))


def test_percent_of_target_columns_are_achievements_not_targets():
    header = ("No IKU Target 2025 Target s.d. TW II Realisasi s.d. TW II % thd Target TW II "
              "% thd Target 2025 Ket.")
    roles = [c.role for c in parse_header(header, "quarterly", 2025, 2)]
    assert roles == ["number", "code", "target_annual", "target", "realisasi", "capaian",
                     "capaian_annual", "keterangan"]
    # near misses: against another year's target it is another capaian; a capaian named by the
    # year alone, with no period capaian beside it, is the table's capaian
    roles = [c.role for c in parse_header(header.replace("Target 2025 Ket", "Target 2024 Ket"),
                                          "quarterly", 2025, 2)]
    assert roles[5:7] == ["capaian", "capaian_other"]
    roles = [c.role for c in parse_header("No Indikator Target 2025 Target TW II Realisasi TW II "
                                          "Capaian 2025", "quarterly", 2025, 2)]
    assert roles == ["number", "indikator", "target_annual", "target", "realisasi", "capaian"]
    # in an annual report the year names the period itself
    roles = [c.role for c in parse_header(header, "annual", 2025, None)]
    assert "capaian_annual" not in roles
    # a pipe header settles the roles of its cells together
    pipe = ("| No | Indikator | Target 2025 | Target TW II | Realisasi TW II | % thd Target TW II "
            "| % thd Target 2025 |")
    roles = [c.role for c in parse_header(pipe, "quarterly", 2025, 2)]
    assert roles[-2:] == ["capaian", "capaian_annual"]
    roles = [c.role for c in parse_header(pipe.replace("| % thd Target TW II ", ""),
                                          "quarterly", 2025, 2)]
    assert roles[-1] == "capaian"
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


_GRID_HEADER = ("|  |  |  | Sasaran |  |  | Indikator |  |  |  |  |  |  | Kategori |  |\n"
                "| No. |  |  |  |  |  |  |  | Target |  |  | Realisasi |  |  |  |\n"
                "|  |  |  | Strategis |  |  | Kinerja |  |  |  |  |  |  | Penilaian |  |")


def test_grid_rows_one_column_off_their_header_are_read_under_it():
    """A PDF grid whose body rows are cut by other vertical lines than the header: each cell
    stands one grid column before its label; a row that stands under its labels reads the
    same.  "Kategori Penilaian" holding "71,25 % (Sedang)" gives the capaian."""
    rows = ("| 1. |  | Meningkatnya mutu layanan |  |  | Persentase aduan yang diselesaikan |  |"
            " 80 % |  |  | 57 % |  | 71,25 % (Sedang) |  |  |\n"
            "|  |  |  |  |  |  | Jumlah LPK yang terakreditasi |  | 24 LPK |  |  | 18 LPK |  |"
            " 75 % |  |")
    report = _pipe_report(_GRID_HEADER, rows)
    assert _values(report) == [{"target": "80 %", "realisasi": "57 %", "capaian": "71,25 %"},
                               {"target": "24 LPK", "realisasi": "18 LPK", "capaian": "75 %"}]
    assert [i.name for i in report.indicators] == ["Persentase aduan yang diselesaikan",
                                                   "Jumlah LPK yang terakreditasi"]
    # near miss: a figure as near to two empty figure columns is not moved (either could be it)
    tie = _pipe_report("| No | Indikator |  | Target |  | Realisasi |",
                       "| 1 | Jumlah desa tangguh bencana |  |  | 12 |  |\n"
                       "| 2 | Jumlah posko siaga bencana |  | 8 |  | 6 |")
    assert _values(tie) == [{"target": "8", "realisasi": "6"}]


def test_a_header_printed_again_after_a_page_break_continues_the_table():
    first = ("| 1. |  | Meningkatnya mutu layanan |  |  | Persentase aduan yang diselesaikan |  |"
             " 80 % |  |  | 57 % |  | 71,25 % |  |  |")
    again = ("|  |  |  |  |  |  | Jumlah wirausaha baru |  | 500 orang |  |  | 430 orang |  |"
             " 86 % |  |")
    report = _pipe_report(_GRID_HEADER, f"{first}\n\n\n{_GRID_HEADER}\n{again}")
    assert len([t for t in report.tables if t.rows]) == 1
    assert [i.name for i in report.indicators] == ["Persentase aduan yang diselesaikan",
                                                   "Jumlah wirausaha baru"]
    # near miss: a caption between the two makes the second a table of its own
    split = _pipe_report(
        _GRID_HEADER, f"{first}\n\nTabel 3.2 Capaian Lain\n{_GRID_HEADER}\n{again}"
    )
    assert len([t for t in split.tables if t.rows]) == 2


def test_a_numbered_sentence_above_a_one_row_table_is_not_its_heading():
    text = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Pengukuran kinerja dilakukan untuk:
1. Menyediakan informasi kinerja bagi pimpinan;
2. Menilai keberhasilan pencapaian sasaran strategis organisasi.
Tabel 3.1 Capaian Kinerja Tahun 2025
| No | Indikator | Target | Realisasi | Capaian |
| 1 | Jumlah desa tangguh bencana | 12 | 15 | 125 % |
"""
    report = _report(text)
    assert [i.name for i in report.indicators] == ["Jumlah desa tangguh bencana"]
    assert report.indicators[0].heading is None
    # near miss: an item naming the indicator is its heading
    named = _report(text.replace("2. Menilai keberhasilan pencapaian sasaran strategis organisasi.",
                                 "2. Jumlah desa tangguh bencana"))
    assert named.indicators[0].heading is not None


def test_a_rate_of_decrease_is_a_percentage_without_bounds():
    """ "Persentase penurunan ..." falls below 0 when the count rose: RNG001's 0-100 does not
    apply."""
    header = "| No | Indikator | Target | Realisasi | Capaian |"
    rate = _pipe_report(
        header, "| 1 | Persentase penurunan angka kecelakaan kerja | 10 % | -4,5 % | -45 % |"
    )
    assert rate.indicators[0].named_percent and not rate.indicators[0].bounded
    # near miss: a share stays within 0-100
    share = _pipe_report(header, "| 1 | Persentase aduan yang diselesaikan | 80 % | 76 % | 95 % |")
    assert share.indicators[0].bounded


def test_rows_of_a_table_that_is_not_read_are_no_sentences():
    """A pipe table the indicator reader does not take (its target is the Renstra's) is still a
    table: its rows are not read as prose."""
    text = _PIPE_REPORT.format(
        header="| No | Indikator | Target Jangka Menengah | Realisasi 2025 | Capaian (%) |",
        rows="| 1 | Jumlah desa tangguh bencana | 40 | 15 | 37,5 |\n\n"
             "| Catatan: capaian dihitung terhadap target akhir Renstra. |\n\n"
             "Capaian tersebut masih di bawah target akhir periode.")
    sentences = [s.text for s in _report(text).sentences]
    assert not any("37,5" in s for s in sentences), sentences
    # near miss: a boxed note of one cell and the paragraph after the table are prose
    assert not any("Jangka Menengah" in s for s in sentences), sentences
    assert any("Catatan: capaian dihitung" in s for s in sentences), sentences
    assert any("Capaian tersebut masih" in s for s in sentences), sentences


def _agency(text: str) -> str | None:
    return _report(text).meta.agency


def test_a_cover_name_wrapped_over_two_capital_lines_is_read_whole():
    text = ("BADAN PENANGGULANGAN BENCANA\nDAERAH KABUPATEN SUKAMAJU\nTAHUN 2025\n\n"
            "IKHTISAR EKSEKUTIF\nLaporan ini disusun sebagai pertanggungjawaban kinerja.\n")
    assert _agency(text) == "Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju"
    # near miss: the parent named again below the unit's name is not part of it
    parent = ("BIRO HUKUM SEKRETARIAT DAERAH PROVINSI SUKAMAJU\nSEKRETARIAT DAERAH PROVINSI "
              "SUKAMAJU\nTAHUN 2025\n")
    assert _agency(parent) == "Biro Hukum Sekretariat Daerah Provinsi Sukamaju"
    # near miss: the region's government on the next line is another body
    region = "DINAS PERHUBUNGAN\nPEMERINTAH KABUPATEN SUKAMAJU\nTAHUN 2025\n"
    assert _agency(region) == "Dinas Perhubungan"


def test_a_unit_named_short_first_is_given_in_its_fullest_form():
    text = """BAB I PENDAHULUAN
Penyusunan laporan kinerja menjadi kewajiban Biro Umum setiap tahun.
Laporan Kinerja Instansi Pemerintah (LKIP) Biro Umum Tahun 2025 disusun sebagai bahan evaluasi.
Pada tahun 2025 Biro Umum Sekretariat Daerah Provinsi Sukamaju melaksanakan 12 kegiatan.
Dalam rangka koordinasi keuangan antara Pemerintah Pusat dan Pemerintah Daerah disusun laporan.
"""
    assert _agency(text) == "Biro Umum Sekretariat Daerah Provinsi Sukamaju"
    # near miss: a longer name that goes on with other words is no fuller form of it
    other = text.replace("Biro Umum Sekretariat Daerah Provinsi Sukamaju", "Biro Umum Bersama")
    assert _agency(other) == "Biro Umum"


def test_a_weak_head_gives_way_and_an_acronym_is_left_out():
    text = """BAB I PENDAHULUAN
Badan Pengelolaan Air Daerah (BPAD) Kabupaten Sukamaju dibentuk dengan peraturan daerah.
Laporan Kinerja ini memuat hubungan keuangan antara Pemerintah Pusat dan Pemerintah Daerah.
"""
    assert _agency(text) == "Badan Pengelolaan Air Daerah Kabupaten Sukamaju"


def test_in_a_form_table_the_unit_is_a_cell_of_its_own_not_words_inside_an_activity():
    rows = ("| Program/Kegiatan | Indikator Kinerja | Realisasi TW I | Realisasi TW II |\n"
            "| DINAS KESEHATAN | | 1.200.000 | 2.400.000 |\n"
            "| Penyediaan Sarana Penunjang Urusan Pemerintah Daerah | Jumlah paket sarana "
            "| 0 | 2 |\n")
    assert _agency(rows) == "Dinas Kesehatan"
    # near miss: with no cell of its own the unit is not taken from an activity's words
    inner = rows.replace("| DINAS KESEHATAN | | 1.200.000 | 2.400.000 |\n", "")
    assert _agency(inner) is None


def test_a_no_column_that_numbers_the_sasaran_does_not_name_the_indicators():
    header = "| No | Sasaran | Indikator | Target | Realisasi |"
    rows = ("| 1 | Meningkatnya layanan | Jumlah desa tangguh bencana | 12 | 15 |\n"
            "|  |  | Jumlah posko siaga bencana | 8 | 6 |\n"
            "| 2 | Meningkatnya tata kelola | Persentase laporan tepat waktu | 90 | 81 |")
    codes = [i.code for i in _pipe_report(header, rows).indicators]
    assert codes == ["Jumlah desa tangguh bencana", "Jumlah posko siaga bencana",
                     "Persentase laporan tepat waktu"]
    # near miss: a number on every row numbers the indicators
    every = rows.replace("| 2 | Meningkatnya tata", "| 3 | Meningkatnya tata")
    every = every.replace("|  |  | Jumlah posko", "| 2 |  | Jumlah posko")
    assert [i.code for i in _pipe_report(header, every).indicators] == [
        "Indikator 1", "Indikator 2", "Indikator 3"]


def test_an_average_row_labelled_under_no_is_no_indicator():
    header = "| No | Indikator | Target | Realisasi | Capaian |"
    rows = ("| I | Jumlah desa tangguh bencana | 12 | 15 | 125 |\n"
            "| II | Persentase laporan tepat waktu | 90 | 81 | 90 |\n"
            "| Rata-rata |  |  |  | 107,5 |")
    report = _pipe_report(header, rows)
    # a roman numeral under "No" does not enter the name; the average row is no indicator
    assert [i.name for i in report.indicators] == ["Jumlah desa tangguh bencana",
                                                   "Persentase laporan tepat waktu"]


def test_a_lettered_item_after_an_unfinished_line_opens_a_paragraph_of_its_own():
    """A sentence fragment left without its full stop ("3. kurangnya tenaga penyuluh") does not
    swallow the next lettered item: "b. IK 2 ..." is about IK 2, not the indicator above it."""
    text = """LAPORAN KINERJA TAHUN 2024
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2024
No Indikator Satuan Target Realisasi Capaian
IK 1 Persentase kelompok tani aktif % 70,00 65,10 93,00
IK 2 Jumlah benih unggul yang disalurkan ton 120 150 125,00

a. IK 1 Persentase kelompok tani aktif

Realisasi kelompok tani aktif sebesar 65,10% belum mencapai target 70%. 3. kurangnya tenaga

b. IK 2 Jumlah benih unggul yang disalurkan

Benih yang disalurkan berasal dari cadangan provinsi. Pada tahun 2024 tersalur 150 ton benih,
melampaui target 120 ton.

Kendala utama adalah cuaca, sebab musim tanam mundur dan

penyuluh lapangan belum cukup sehingga pendampingan tertunda.
"""
    report = _report(text)
    about = {s.text[:24]: s.indicator for s in report.sentences}
    codes = [i.code for i in report.indicators]
    assert about["Pada tahun 2024 tersalur"] == codes[1], about
    # near miss: a wrapped sentence whose next part opens in lower case is still one sentence
    assert any(s.text.startswith("Kendala utama") and s.text.rstrip().endswith("tertunda.")
               for s in report.sentences), [s.text for s in report.sentences]


def test_an_indicator_heading_line_opens_the_paragraph_about_that_indicator():
    """Indicators known only from their coded headings ("IKSS 2.3 <name>", the table lost): the
    reader keeps no blank-line break, so each heading opens the paragraph about its indicator and
    a later sentence that names nothing stays with the heading above it."""
    text = """LAPORAN KINERJA TAHUN 2024
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA

IKSS 2.1 Persentase kelompok tani aktif

Realisasi kelompok tani aktif sebesar 65,10%, belum mencapai target 70%. Pendampingan diberikan
kepada 40 kelompok.

IKSS 2.3 Jumlah benih unggul yang disalurkan

Benih unggul tersalur 150 ton, melampaui target 120 ton. Penyaluran dilakukan melalui
14 gudang kecamatan.
"""
    report = _report(text)
    about = {s.text[:20]: s.indicator for s in report.sentences}
    codes = {i.name: i.code for i in report.indicators}
    assert about["Penyaluran dilakukan"] == codes["Jumlah benih unggul yang disalurkan"], about
    # near miss: the later sentence under the first heading stays with the first indicator
    assert about["Pendampingan diberik"] == codes["Persentase kelompok tani aktif"], about


def test_a_unit_is_a_whole_word_not_the_head_of_an_acronym():
    """"9 TPS3R" counts sites of one kind (an acronym with a digit inside), not TPS: no unit, so no
    realisation in TPS to hold against the table.  "6 TPS" keeps its unit."""
    text = """LAPORAN KINERJA TAHUN 2024
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA

IKSS 2.1 Volume sampah yang diolah

Sampah yang diolah meningkat setelah beroperasinya 9 TPS3R baru. Di kecamatan lain dibangun
6 TPS dengan daya tampung 40 ton.
"""
    units = {c.raw: c.unit for s in _report(text).sentences for c in s.claims if c.kind == "number"}
    assert "9" in units and units["9"] is None and "9 TPS" not in units, units
    assert units["6 TPS"] == "tps", units


def test_year_groups_merged_over_a_pipe_header_qualify_their_columns():
    """A comparison table prints "2024" over Target | Realisasi | Capaian and "2025" over the
    same three; each merged year prints in one cell of its span.  The report year's group holds
    the indicator's figures, the other year's are ``*_other``; "Prosentase" is a header word."""
    header = ("| No | Indikator |  | 2024 |  |  | 2025 |  |  | Keterangan |\n"
              "|  |  | Target |  | Realisasi | Prosentase Capaian | Target | Realisasi "
              "| Prosentase Capaian |  |")
    rows = ("| 1 | Jumlah desa tangguh bencana | 10 |  | 11 | 110% | 12 | 15 | 125% | naik |\n"
            "| 2 | Persentase laporan tepat waktu | 85 |  | 80 | 94,12% | 90 | 81 | 90% | turun |")
    report = _pipe_report(header, rows)
    assert [{k: v for k, v in d.items() if not k.endswith("_other")} for d in _values(report)] \
        == [{"target": "12", "realisasi": "15", "capaian": "125%"},
            {"target": "90", "realisasi": "81", "capaian": "90%"}]
    assert _values(report)[0]["realisasi_other"] == "11"
    # near miss: one year over the figures is no pair of groups; the columns keep their roles
    single = _pipe_report("| No | Indikator | 2025 |  |  |\n"
                          "|  |  | Target | Realisasi | Capaian |",
                          "| 1 | Jumlah desa tangguh bencana | 12 | 15 | 125% |")
    assert _values(single) == [{"target": "12", "realisasi": "15", "capaian": "125%"}]


def test_a_range_target_is_read_as_a_band_and_leaves_the_row_complete():
    rows = ("| 1 | Tingkat penurunan emisi gas rumah kaca | 5-6% | 11,45% | 190,83% |\n"
            "| 2 | Jumlah desa tangguh bencana | 12 | 15 | 125% |")
    header = "| No | Indikator | Target | Realisasi | Capaian |"
    report = _pipe_report(header, rows)
    first = report.indicators[0]
    assert first.table.ranges == {"target": "5-6%"} and "target" not in first.table.cells
    assert report.coverage["unparsed_numbers"] == 0
    findings = audit_document(_doc(_PIPE_REPORT.format(header=header, rows=rows)),
                              Context(), select(["PRS003"])).findings
    assert findings == []
    # near miss: a target written in words is still an unread cell
    words = rows.replace("5-6%", "1% dr jumlah penduduk")
    assert [f.rule for f in audit_document(_doc(_PIPE_REPORT.format(header=header, rows=words)),
                                           Context(), select(["PRS003"])).findings] == ["PRS003"]


def test_a_captioned_table_introduces_the_indicators_an_uncaptioned_breakdown_restates():
    text = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Pada Misi 1 terdapat dua sasaran sebagai berikut :
| Sasaran | Indikator | Target | Realisasi | Capaian |
| Menurunnya risiko bencana | Persentase desa tangguh bencana | 42,5% | 56,12% | 132,5% |
| Meningkatnya layanan | Persentase laporan tepat waktu | 90 | 81 | 90% |

Tabel 3.2 Perbandingan Capaian Kinerja
| No | Indikator | Target | Realisasi | Capaian |
| 1 | Persentase desa tangguh bencana | 42,5% | 56,12% | 132,05% |
| 2 | Persentase laporan tepat waktu | 90 | 81 | 90% |
"""
    report = _report(text)
    first = report.indicators[0]
    assert first.table.cells["capaian"].raw == "132,05%" and \
        first.summary.cells["capaian"].raw == "132,5%"
    # the breakdown's slip is its own row's arithmetic (ARI001), shown with two decimals
    hits = audit_document(_doc(text), Context(), select(["ARI001"])).findings
    assert [(h.line, h.found, h.expected) for h in hits] == [(9, "132,5%", "132,05%")]


def test_a_remark_ending_a_row_with_a_full_stop_leaves_the_row_readable():
    text = """LAPORAN KINERJA TRIWULAN II TAHUN 2025
BAB III AKUNTABILITAS KINERJA
No IKU Target 2025 Target s.d. TW II Realisasi s.d. TW II % thd Target TW II % thd Target 2025 Ket.
1
400 100 110 110,00 27,50 Akumulasi.
2
900 300 330 110,00 36,67 Akumulasi (orang).
"""
    rows = _report(text).tables[0].rows
    assert [r.number for r in rows] == [1, 2]
    assert rows[1].cells["capaian_annual"].raw == "36,67"
    # the remark wrapped onto the next line is no part of the indicator's name
    wrapped = text.replace("27,50 Akumulasi.\n", "27,50 Akumulasi\nper triwulan (ton).\n")
    assert _report(wrapped).tables[0].rows[0].name == ""
    # near miss: a tail of five words or more is a sentence, not a remark cell: kept
    from kinerja_audit.parse.tables import _without_trailing_words
    assert _without_trailing_words("330 110,00 36,67 Akumulasi (orang).") == "330 110,00 36,67"
    tail = "330 110,00 36,67 naik pesat pada bulan Mei lalu."
    assert _without_trailing_words(tail) == tail


_MISNUMBERED = """LAPORAN KINERJA TAHUN 2025
BAB III AKUNTABILITAS KINERJA
3.1 Capaian Kinerja

Tabel 3.1 Capaian IKSS Sasaran 1 Tahun 2025 Kode Indikator Satuan Target Realisasi Capaian (%) \
IKSS 1.1 Laju pertumbuhan ekonomi daerah % 5,10 5,36 105,10 IKSS 1.2 Persentase rumah tangga \
pengguna air bersih % 80,00 84,00 105,00

IKSS 1.1 Laju pertumbuhan ekonomi daerah

Pertumbuhan ekonomi tahun 2025 sebesar 5,36%, melampaui target 5,10%.

{heading}

Rumah tangga pengguna air bersih tahun 2025 sebesar 84,00% dari target 80,00%.
"""


def _lbl(heading: str, text: str = _MISNUMBERED):
    doc = _doc(text.format(heading=heading))
    return [(f.indicator, f.found) for f in
            audit_document(doc, Context(), select(["LBL001"])).findings]


def test_a_heading_naming_a_table_indicator_under_a_code_no_table_holds_is_misnumbered():
    heading = "IKSS 1.4 Persentase rumah tangga pengguna air bersih"
    assert _lbl(heading) == [("IKSS.1.2", "IKSS.1.4")]
    # near misses: the right code; another measure under a code of its own (a new indicator);
    # headings that follow another numbering than the tables' (no slip of one code)
    assert _lbl("IKSS 1.2 Persentase rumah tangga pengguna air bersih") == []
    assert _lbl("IKSS 1.4 Persentase desa dengan sanitasi layak") == []
    other = _MISNUMBERED.replace("IKSS 1.1 Laju pertumbuhan ekonomi daerah\n\nPertumbuhan",
                                 "IKU 1 Laju pertumbuhan ekonomi daerah\n\nPertumbuhan")
    assert _lbl("IKU 2 Persentase rumah tangga pengguna air bersih", other) == []


_HEADED = """LAPORAN KINERJA TAHUN 2025
BAB III AKUNTABILITAS KINERJA
A. Capaian Kinerja

Tabel 3.1 Capaian IKU Tahun 2025
No Indikator Kinerja Utama Satuan Target Realisasi Capaian (%)
IKU 1 Persentase sampah terkelola % 62,00 62,00 100,00
IKU 2 Persentase usaha yang taat terhadap izin lingkungan % 75,00 78,26 104,35

Capaian masing-masing indikator diuraikan sebagai berikut.

a. IKU 1 Persentase sampah terkelola

Persentase sampah terkelola tahun 2025 sebesar 62,00% dari target 62,00%.

b. IKU 2 {name}

Dari 184 usaha yang diawasi, 144 usaha taat terhadap izin lingkungan.
"""


def test_a_coded_sub_heading_of_a_table_indicator_names_it():
    def nam(name):
        doc = _doc(_HEADED.format(name=name))
        return [f.indicator for f in audit_document(doc, Context(), select(["NAM001"])).findings]

    assert nam("Persentase industri yang memiliki dokumen lingkungan") == ["IKU.2"]
    # near miss: the heading names the indicator as the table does
    assert nam("Persentase usaha yang taat terhadap izin lingkungan") == []


def _aligned(*cells: tuple[int, str]) -> str:
    """One line of a whitespace-aligned (pdftotext -layout) table: each text at its column."""
    out = ""
    for column, text in cells:
        out = out.ljust(column) + text if len(out) < column or not out else out + "   " + text
    return out


_MATRIX = "\n".join([
    "REALISASI KINERJA DAN ANGGARAN SAMPAI DENGAN TRIWULAN II TAHUN 2025",
    _aligned((0, "Program / Indikator"), (24, "Satuan"), (33, "Target"), (42, "Pagu (Rp)"),
             (64, "Realisasi TW II"), (92, "Capaian TW II"), (110, "Perangkat")),
    _aligned((33, "2025"), (64, "K"), (73, "Rp"), (92, "K (%)"), (100, "Rp (%)"),
             (110, "Daerah")),
    _aligned((0, "PROGRAM PENGELOLAAN"), (42, "400.000.000.000"), (69, "{real}"),
             (100, "{pct}"), (110, "DINKES")),
    _aligned((0, "PENDIDIKAN")),
    _aligned((2, "Persentase desa ODF"), (24, "%"), (33, "90,00"), (64, "92,00"), (92, "102,22"),
             (110, "DINKES")),
    _aligned((0, "JUMLAH"), (42, "400.000.000.000"), (69, "{real}"), (100, "{pct}")),
]) + "\n"


def test_a_budget_matrix_alone_is_read_with_its_unit_column():
    def ari002(real, pct):
        doc = _doc(_MATRIX.format(real=real, pct=pct))
        return [(f.line, f.found) for f in
                audit_document(doc, Context(), select(["ARI002"])).findings]

    assert ari002("180.000.000.000", "48,00") == [(4, "48%"), (7, "48%")]
    # near miss: 180 of 400 billion is 45 %
    assert ari002("180.000.000.000", "45,00") == []


def test_a_layout_matrix_reads_indicator_rows_by_column_position():
    text = _MATRIX.format(real="180.000.000.000", pct="45,00")
    report = _report(text)
    rows = [(r.name, {k: c.raw for k, c in r.cells.items()}, r.unit)
            for t in report.tables for r in t.rows]
    # the programme's budget row is left to the budget reader; its indicator is read
    assert rows == [("Persentase desa ODF", {"target": "90,00", "realisasi": "92,00",
                                             "capaian": "102,22"}, "%")]
    findings = audit_document(_doc(text.replace("92,00", "104,0")), Context(),
                              select(["RNG001"])).findings
    assert [f.found for f in findings] == ["104"]
    # near miss: a second header line without output and budget leaves is no K/Rp matrix
    plain = text.replace(" K   ", " T   ").replace("K (%)", "T (%)")
    assert [t for t in _report(plain).tables if t.rows] == []
