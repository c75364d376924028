"""One fixed batch of results shared by the renderer, schema and browser tests.

Two reports: one with findings of many categories and severities (including hostile text: a
spreadsheet formula, a <script> tag, Markdown table syntax, a rule without a rule-pack entry),
and one unreadable report with errors.
"""
from __future__ import annotations

from kinerja_audit import contract as contract_mod
from kinerja_audit.findings import Finding, ReportResult, sort_findings
from kinerja_audit.rulepack import RuleSpec

GOLDEN_VERSION = "0.0.0-golden"
SOURCE = "laporan/lkj tw2 2025 bkhit.txt"
BROKEN = "laporan/rusak.pdf"
FORMULA = "=cmd|' /C calc'!A0"
SCRIPT = "<script>alert('x')</script>"


def findings() -> list[Finding]:
    f = Finding
    bab3 = "BAB III AKUNTABILITAS KINERJA"
    return [
        f("ARI001", "arithmetic", "error", "IK.3", 4, 123,
          "Capaian IK.3 tertulis 237,93%, sedangkan realisasi 35,17 dari target 40 memberi 87,93%.",
          expected="87,93%", found="237,93%",
          evidence="IK.3 | Persentase rekomendasi ditindaklanjuti | 40 | 35,17 | 237,93%",
          suggestion="Perbaiki capaian IK.3 menjadi 87,93%.", section=bab3,
          expected_value=87.93, found_value=237.93, unit="%"),
        f("ZER001", "zero-target", "warning", "IK.4", 4, 126,
          "Target triwulan II IK.4 adalah 0, sehingga capaian tidak dapat dihitung; tertulis 100%.",
          expected="-", found="100%", evidence="IK.4 | Nilai AKIP | 0 | 0 | 100%",
          suggestion="Tulis capaian sebagai \"-\" (belum diukur).", section=bab3,
          found_value=100.0, unit="%"),
        f("ANO001", "anomaly", "info", "IK.2", 4, 121,
          "Capaian IK.2 sebesar 150% melampaui batas 120% — tanpa penjelasan dalam narasi.",
          found="150%", evidence="IK.2 | Jumlah sertifikat | 20 | 30 | 150%", section=bab3,
          found_value=150.0, unit="%"),
        f("LBL001", "ik-label", "error", "IK.6", 5, 140,
          "Tabel IK.6 diberi kode IK.5; seharusnya IK.6.",
          expected="IK.6", found="IK.5", evidence="IK.5 Indeks Kepuasan Masyarakat", section=bab3),
        f("NNU001", "narrative-number", "warning", "IK.3", 6, 210,
          "Narasi IK.3 menyebut realisasi 12 dan target 40, sedangkan tabel mencatat target 12 "
          "dan realisasi 40 (tertukar).",
          expected="realisasi 40", found="realisasi 12",
          evidence=f"tercapai realisasi 12 dari target 40 {SCRIPT} & lainnya", section=bab3),
        f("UNT001", "unit", "info", "IK.5", 5, 150,
          "Indikator nilai IK.5 memakai satuan dokumen.",
          expected="nilai", found="dokumen", evidence=f"{FORMULA} dokumen",
          suggestion="=Ganti satuan menjadi nilai.", section="LAMPIRAN"),
        f("NPD001", "narrative-period", "warning", None, 1, 15,
          "Laporan triwulan II menyebut data sebagai \"triwulan III\".",
          expected="triwulan II", found="triwulan III",
          evidence="capaian kinerja sampai dengan triwulan III tahun 2025"),
        f("XYZ999", "structure", "warning", None, None, None,
          "Bab | Penutup *tidak* ditemukan [lihat pedoman] _wajib_.",
          expected="BAB IV PENUTUP"),
        f("PRS001", "parse", "info", None, 7, None,
          "1 angka di lampiran tidak dapat dibaca.", found="1.2.3,4"),
    ]


def results() -> list[ReportResult]:
    good = ReportResult(
        source=SOURCE, kind="LKj", year=2025, quarter=2, agency="BKHIT Kalimantan Barat",
        indicators=[
            {"code": "IK.3", "name": "Persentase rekomendasi ditindaklanjuti", "unit": "%",
             "target_annual": 80.0, "target": 40.0, "realisasi": 35.17,
             "capaian_reported": 237.93, "capaian": 87.925, "line": 123},
            {"code": "IK.4", "name": "Nilai AKIP", "unit": "nilai", "target_annual": 80.0,
             "target": 0.0, "realisasi": 0.0, "capaian_reported": 100.0, "capaian": None},
        ],
        findings=sort_findings(findings()),
        coverage={"indicators": 6, "claims": 14, "unparsed_numbers": 1},
    )
    broken = ReportResult(
        source=BROKEN,
        errors=["PDF terenkripsi; teks tidak dapat diambil.", "=1+1 <b>bukan</b> laporan"],
    )
    return [good, broken]


def build(reports: list[ReportResult] | None = None) -> dict:
    """The contract of the fixture, with the tool version normalised for golden files."""
    data = contract_mod.build(results() if reports is None else reports)
    data["tool"]["version"] = GOLDEN_VERSION
    return data


def fake_rules() -> dict[str, RuleSpec]:
    """A fixed rule pack for SARIF golden output: ARI001 has a spec, the others do not."""
    text = {"id": "Capaian tertulis tidak sama dengan hasil hitung.",
            "en": "Printed achievement differs from the recomputed one."}
    return {"ARI001": RuleSpec(
        id="ARI001", name="capaian-arithmetic", category="arithmetic", severity="error",
        summary=text, message=text, suggestion=text,
        why={"id": "Capaian = realisasi / target × 100%.",
             "en": "Achievement = actual / target × 100%."},
        bad="40 | 35,17 | 237,93%", good="40 | 35,17 | 87,93%")}
