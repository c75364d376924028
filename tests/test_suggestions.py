"""Suggestions that fit the case they are given for."""
from test_rule_cases import run_example


def _suggestion(findings, rule):
    return next(f.suggestion for f in findings if f.rule == rule)


def test_zero_target_with_something_realised_is_not_called_unmeasured(tmp_path):
    realised = run_example(tmp_path, replace=[["0 nilai         0 nilai            -",
                                               "0 nilai         80 nilai           100 %"]])
    text = _suggestion(realised, "ZER001")
    assert "80 nilai dicapai tanpa target" in text and "belum diukur" not in text
    # near miss: nothing realised against the zero target: not measured yet
    unmeasured = run_example(
        tmp_path, replace=[["0 nilai            -", "0 nilai            100 %"]]
    )
    text = _suggestion(unmeasured, "ZER001")
    assert "belum diukur pada periode ini" in text and "tanpa target" not in text


def test_one_corrected_sentence_carries_every_correction(tmp_path):
    findings = run_example(tmp_path, replace=[[
        ("Pada triwulan III diterbitkan 410 sertifikat dari target 400 sertifikat "
         "sehingga capaian sebesar\n"
         "102,50% dan melebihi target."),
        ("Pada triwulan II diterbitkan 410 sertifikat dari target 400 sertifikat "
         "sehingga capaian sebesar\n"
         "102,50% dan belum mencapai target.")]])
    rewrites = [f for f in findings if f.rule in ("NPD001", "NVD001")]
    assert {f.rule for f in rewrites} == {"NPD001", "NVD001"}
    for f in rewrites:
        assert "Pada triwulan III diterbitkan 410" in f.suggestion, f.suggestion
        assert "belum mencapai target" not in f.suggestion, f.suggestion


def test_a_single_rewrite_keeps_its_own_sentence(tmp_path):
    findings = run_example(
        tmp_path, replace=[["102,50% dan melebihi target.", "102,50% dan belum mencapai target."]]
    )
    verdict = next(f for f in findings if f.rule == "NVD001")
    assert "Pada triwulan III diterbitkan 410" in verdict.suggestion
    assert not any(f.rule == "NPD001" for f in findings)


_PIPE_REPORT = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2025
| No | Indikator | Target | Realisasi | Capaian (%) |
| 1 | Jumlah desa tangguh bencana | {target} | 15 | 125 |
| 2 | Persentase laporan tepat waktu | 90 | 81 | 90 |
"""


def _pipe_findings(target: str):
    from kinerja_audit.audit import audit_document
    from kinerja_audit.document import Document
    from kinerja_audit.ingest.text import to_lines
    from kinerja_audit.rules.registry import Context, select

    doc = Document(source="t.txt", lines=to_lines(_PIPE_REPORT.format(target=target)))
    return audit_document(doc, Context(), select()).findings


def test_a_row_with_words_for_a_figure_is_told_to_write_the_figure():
    """PRS003: a cell that holds words where the target belongs asks for the figure, quoting the
    cell; an empty cell (near miss) asks for the cell to be filled."""
    text = _suggestion(_pipe_findings("1% dari jumlah desa"), "PRS003")
    assert 'Tuliskan isi sel "1% dari jumlah desa" sebagai angka' in text, text
    assert "kosong" not in text
    text = _suggestion(_pipe_findings(""), "PRS003")
    assert text.startswith("Lengkapi sel yang kosong") and "Tuliskan" not in text


def test_edits_are_the_changed_words_only():
    """The spans a corrected sentence replaces: the words shared at both ends stay, a replaced
    word, an inserted word and a removed word are each one edit at its place in the original."""
    from kinerja_audit.rules.registry import _edits

    old = "Realisasi 80 persen sehingga target tercapai pada triwulan II."
    assert _edits(old, old.replace("tercapai", "belum tercapai")) == [(36, 36, "belum ")]
    assert _edits(old, old.replace("80", "85")) == [(10, 12, "85")]
    assert _edits(old, old + " Baik.") == [(62, 62, " Baik.")]
    assert _edits(old, old.replace("sehingga ", "")) == [(20, 29, "")]
    assert _edits(old, "Realisasi 85 persen sehingga target belum tercapai pada triwulan II.") \
        == [(10, 12, "85"), (35, 35, " belum")]
    assert _edits(old, old) == []
