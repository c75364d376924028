"""A recap table in Bab III restating the results table: its own arithmetic slips are reported
once, where they are (ARI001 on the recap row), not again as a difference between the tables."""
from kinerja_audit.audit import audit_document
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.rules.registry import Context, select

REPORT = """LAPORAN KINERJA TAHUN 2025
DINAS CONTOH

BAB III
AKUNTABILITAS KINERJA
A. CAPAIAN KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2025
| No | Indikator | Target | Realisasi | Capaian (%) |
| 1 | Jumlah desa tangguh bencana | 12 | 15 | 125 |
| 2 | Persentase laporan tepat waktu | 90 | 81 | 90 |

Capaian kedua indikator tersebut dibandingkan pula dengan kondisi tahun lalu.

Tabel 3.2 Perbandingan Capaian Tahun 2024 dan 2025
| No | Indikator | Realisasi 2024 | Target 2025 | Realisasi 2025 | Capaian (%) |
| 1 | Jumlah desa tangguh bencana | 10 | 12 | 15 | 125 |
| 2 | Persentase laporan tepat waktu | 70 | 90 | 81 | {recap} |
"""


def _findings(recap: str):
    doc = Document(source="t.txt", lines=to_lines(REPORT.format(recap=recap)))
    result = audit_document(doc, Context(), select())
    return [(f.rule, f.indicator, f.line, f.found) for f in result.findings
            if f.rule in ("ARI001", "MIS001")]


def test_a_recap_capaian_that_follows_from_nothing_is_one_arithmetic_finding():
    found = _findings("77,78")   # 70 / 90: last year's realisasi against this year's target
    assert [f[0] for f in found] == ["ARI001"], found
    assert found[0][2] == 17 and found[0][3] == "77,78%"


def test_a_recap_that_agrees_with_its_own_figures_is_silent():
    assert _findings("90") == []
    # near miss: the recap restates another realisasi (a true difference between the tables)
    doc = Document(source="t.txt", lines=to_lines(REPORT.format(recap="90").replace(
        "| 70 | 90 | 81 | 90 |", "| 70 | 90 | 72 | 80 |")))
    rules = [(f.rule, f.line) for f in audit_document(doc, Context(), select()).findings
             if f.rule in ("ARI001", "MIS001")]
    assert ("MIS001", 17) in rules


def test_the_evidence_of_a_table_row_is_its_printed_cells():
    doc = Document(source="t.txt", lines=to_lines(REPORT.format(recap="77,78")))
    finding = next(
        f for f in audit_document(doc, Context(), select()).findings if f.rule == "ARI001"
    )
    assert finding.evidence == "2 Persentase laporan tepat waktu 70 90 81 77,78"


def test_an_anomaly_names_the_capaian_as_printed():
    text = REPORT.format(recap="90")
    text = text.replace("| 12 | 15 | 125 |\n| 2", "| 25 | 63,64 | 254,55 |\n| 2", 1)
    findings = audit_document(Document(source="t.txt", lines=to_lines(text)), Context(), select())
    found = [f.found for f in findings.findings if f.rule == "ANO001"]
    assert found == ["254,55%"]   # 63,64 / 25 = 254,56 recomputed; the table prints 254,55
