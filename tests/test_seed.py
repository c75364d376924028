"""The reference report (text extracted from a real TW II 2025 LKj): extraction and
table-level defects.

The seed lives in ../shared/seeds and is never copied into the project.
"""
import pytest

from kinerja_audit import rulepack
from kinerja_audit.audit import audit_path

# (code, annual target, TW II target, TW II realisasi, printed capaian)
EXPECTED = [
    ("IK.1", 3, 1, 0, 0), ("IK.2", 3, 1, 5, 500), ("IK.3", 25945, 6486, 15432, 237.93),
    ("IK.4", 9865, 2466, 3232, 131.06), ("IK.5", 33, 8, 36, 450), ("IK.6", 33, 8, 83, 1037.5),
    ("IK.7", 0, 0, 1, 100), ("IK.8", 36, 9, 43, 477.78), ("IK.9", 81, 0, 0, 100),
    ("IK.10", 81, 0, 0, 100), ("IK.11", 81, 0, 0, 100),
]
TABLE_RULES = {rid for rid, spec in rulepack.rules().items()
               if spec.pack in ("arithmetic.yaml", "identity.yaml", "table_values.yaml")}
EXPECTED_TABLE_FINDINGS = {
    ("ZER001", "IK.7"),
    ("ZER001", "IK.9"),
    ("ZER001", "IK.10"),
    ("ZER001", "IK.11"),
    ("UNT002", "IK.9"),
    ("UNT002", "IK.10"),
    ("UNT002", "IK.11"),
    ("LBL001", "IK.10"),
    ("LBL001", "IK.11"),
    ("NAM001", "IK.11"),
    ("ANO001", "IK.2"),
    ("ANO001", "IK.3"),
    ("ANO001", "IK.4"),
    ("ANO001", "IK.5"),
    ("ANO001", "IK.6"),
    ("ANO001", "IK.8"),
}


@pytest.fixture(scope="module")
def seed_result(seed_path):
    return audit_path(seed_path)


def test_metadata(seed_result):
    assert (seed_result.kind, seed_result.year, seed_result.quarter) == ("quarterly", 2025, 2)
    assert seed_result.agency.startswith("Balai Karantina Hewan, Ikan dan Tumbuhan")


def test_all_eleven_indicators_extracted_exactly(seed_result):
    got = [(i["code"], i["target_annual"], i["target"], i["realisasi"], i["capaian_reported"])
           for i in seed_result.indicators]
    assert got == [
        tuple(float(v) if not isinstance(v, str) else v for v in row) for row in EXPECTED
    ]


def test_recomputed_capaian_null_for_zero_targets(seed_result):
    by_code = {i["code"]: i for i in seed_result.indicators}
    assert by_code["IK.7"]["capaian"] is None and by_code["IK.9"]["capaian"] is None
    assert by_code["IK.3"]["capaian"] == 237.93
    assert by_code["IK.6"]["capaian"] == 1037.5


def test_table_level_defects_on_the_right_indicators(seed_result):
    got = {(f.rule, f.indicator) for f in seed_result.findings if f.rule in TABLE_RULES}
    assert got == EXPECTED_TABLE_FINDINGS


def test_consistent_indicator_has_no_table_level_finding(seed_result):
    assert not [f for f in seed_result.findings if f.indicator == "IK.1" and f.rule in TABLE_RULES]


def test_report_level_defects(seed_result):
    report_level = {(f.rule, f.category) for f in seed_result.findings if f.indicator is None}
    assert ("NUM001", "numbering") in report_level      # Rekomendasi 1, 3
    assert ("STR001", "structure") in report_level      # no Bab III B. Realisasi Anggaran
    assert ("STR002", "structure") in report_level      # empty Lampiran
    missing = [f for f in seed_result.findings if f.rule == "STR001"]
    assert len(missing) == 1 and "Realisasi Anggaran" in missing[0].message


def test_label_finding_names_real_and_printed_code(seed_result):
    f = next(f for f in seed_result.findings if f.rule == "LBL001" and f.indicator == "IK.10")
    assert (f.found, f.expected) == ("IK.9", "IK.10")
    assert f.message == "Tabel 10 diberi kode IK.9; seharusnya IK.10."


NARRATIVE_RULES = {rid for rid, spec in rulepack.rules().items() if spec.pack == "narrative.yaml"}
EXPECTED_NARRATIVE = {
    # "pada triwulan I" for TW II figures (narratives of IK.1, IK.2, IK.5; the analysis intro)
    ("NPD001", "IK.1"),
    ("NPD001", "IK.2"),
    ("NPD001", "IK.5"),
    ("NPD001", None),
    # target and realisasi exchanged in the prose
    ("NNU002", "IK.2"),
    ("NNU002", "IK.5"),
    # "melebihi target ... sebanyak 1 dokumen" where the target is 0
    ("NNU001", "IK.7"),
    # verdicts contradicting the figures.  IK.9 and IK.11 (0 of 0, "sesuai ... 100%") are not here:
    # that sentence repeats the table's 100% on a zero target, reported once as ZER001.  IK.10 says
    # "melebihi" of 0 of 0 and IK.7 "sesuai" of 1 against 0: wrong whatever the table printed.
    ("NVD001", "IK.2"),
    ("NVD001", "IK.5"),
    ("NVD001", "IK.6"),
    ("NVD001", "IK.7"),
    ("NVD001", "IK.10"),
    # "0 temuan" / "1 temuan" where the table counts "jenis"
    ("UNT004", "IK.1"),
    ("UNT004", "IK.2"),
}


def test_narrative_defects_on_the_right_indicators(seed_result):
    got = {(f.rule, f.indicator) for f in seed_result.findings if f.rule in NARRATIVE_RULES}
    assert got == EXPECTED_NARRATIVE


def test_consistent_sentences_raise_nothing(seed_result):
    for code in ("IK.3", "IK.4", "IK.8"):
        assert not [
            f for f in seed_result.findings if f.indicator == code and f.rule in NARRATIVE_RULES
        ]


def test_swap_message_says_what_the_table_says(seed_result):
    f = next(f for f in seed_result.findings if f.rule == "NNU002" and f.indicator == "IK.5")
    assert "tertukar" in f.message and "target 8 dan realisasi 36" in f.message
    # the swap corrected together with the verdict and the period of the same sentence
    # (one sentence)
    assert (
        "pada triwulan II sebanyak 36 dokumen melebihi target triwulan II sebanyak 8 dokumen"
        in f.suggestion
    )
