"""Every dataset rule: a firing case and a silent near miss, on one consistent base row.

Each case edits cells of the base row (wide shape) and names the rules that must fire; the near
miss changes the same cells by less than the rule's tolerance or in a way the rule allows.
Also: the number rules as a column expression equal the report parser's (hypothesis).
"""
from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_audit import rulepack
from kinerja_audit.data.coerce import number_expr, read_text
from kinerja_audit.data.evaluate import to_pandas
from kinerja_audit.data.explain import data_checks
from kinerja_audit.data.validate import validate
from kinerja_audit.rules.registry import load_all

warnings.filterwarnings("ignore", category=FutureWarning)

BASE = {
    "unit": "Dinas A",
    "year": "2024",
    "code": "IK.1",
    "name": "Jumlah dokumen perencanaan",
    "satuan": "dokumen",
    "polarity": "positive",
    "aggregation": "sum",
    "target_basis": "per-quarter",
    "target_annual": "1.600",
    "target_tw1": "400",
    "target_tw2": "400",
    "target_tw3": "400",
    "target_tw4": "400",
    "realisasi_tw1": "380",
    "realisasi_tw2": "410",
    "realisasi_tw3": "400",
    "realisasi_tw4": "420",
    "capaian_tw1": "95",
    "capaian_tw2": "102,5",
    "capaian_tw3": "100",
    "capaian_tw4": "105",
}
NEG = {
    "code": "IK.2",
    "name": "Rata-rata waktu penyelesaian layanan",
    "satuan": "hari",
    "polarity": "negative",
    "aggregation": "average",
    "target_annual": "5",
    **{f"target_tw{k}": "5" for k in range(1, 5)},
    **{f"realisasi_tw{k}": "4" for k in range(1, 5)},
    **{f"capaian_tw{k}": "120" for k in range(1, 5)},
}
SCORE = {
    "code": "IK.3",
    "name": "Nilai Indeks Kepuasan Masyarakat",
    "satuan": "nilai",
    "aggregation": "last",
    "target_annual": "80",
    "target_tw1": "0",
    "target_tw2": "0",
    "target_tw3": "0",
    "target_tw4": "80",
    "realisasi_tw1": "",
    "realisasi_tw2": "",
    "realisasi_tw3": "",
    "realisasi_tw4": "82",
    "capaian_tw1": "",
    "capaian_tw2": "",
    "capaian_tw3": "",
    "capaian_tw4": "102,5",
}
CUM = {
    "target_basis": "cumulative",
    "target_tw1": "400",
    "target_tw2": "800",
    "target_tw3": "1.200",
    "target_tw4": "1.600",
    "realisasi_tw1": "380",
    "realisasi_tw2": "790",
    "realisasi_tw3": "1.190",
    "realisasi_tw4": "1.610",
    "capaian_tw1": "95",
    "capaian_tw2": "98,75",
    "capaian_tw3": "99,17",
    "capaian_tw4": "100,63",
}

# rule, edits, fires?
CASES = [
    ("ARI001", {"capaian_tw2": "120,5"}, True),
    ("ARI001", {"capaian_tw2": "102,49"}, False),  # 102,5 rounds/truncates into it
    ("POL001", {**NEG, "capaian_tw1": "80"}, True),
    ("POL001", {**NEG}, False),
    ("ZER001", {**SCORE, "realisasi_tw1": "0", "capaian_tw1": "100"}, True),
    # 0 of 0 reads "nothing yet"
    ("ZER001", {**SCORE, "realisasi_tw1": "0", "capaian_tw1": "0"}, False),
    ("TGT001", {"target_tw2": "410", "capaian_tw2": "100"}, True),
    ("TGT001", {**CUM}, False),  # cumulative: quarters do not add up
    ("TGT002", {**CUM, "target_tw2": "1.300", "capaian_tw2": "60,77"}, True),
    ("TGT002", {**CUM, "target_tw2": "1.200", "capaian_tw2": "65,83"}, False),  # equal is no fall
    ("TGT003", {**SCORE, "target_tw4": "75", "capaian_tw4": "109,33"}, True),
    ("TGT003", {**SCORE}, False),
    ("UNT002", {**SCORE, "satuan": "dokumen"}, True),
    ("UNT002", {**SCORE, "satuan": "indeks"}, False),
    ("UNT003", {"name": "Persentase dokumen tepat waktu", "satuan": "dokumen"}, True),
    (
        "UNT003",
        {
            "name": "Persentase dokumen tepat waktu",
            "satuan": "%",
            "target_annual": "100",
            **{f"target_tw{k}": "25" for k in range(1, 5)},
            "aggregation": "sum",
            "realisasi_tw1": "25",
            "realisasi_tw2": "25",
            "realisasi_tw3": "25",
            "realisasi_tw4": "25",
            **{f"capaian_tw{k}": "100" for k in range(1, 5)},
        },
        False,
    ),
    (
        "RNG001",
        {**SCORE, "target_annual": "800", "target_tw4": "800", "capaian_tw4": "10,25"},
        True,
    ),
    ("RNG001", {**SCORE, "target_annual": "100", "target_tw4": "100", "capaian_tw4": "82"}, False),
    ("ANO001", {"realisasi_tw4": "484", "capaian_tw4": "121"}, True),
    ("ANO001", {"realisasi_tw4": "480", "capaian_tw4": "120"}, False),
    ("PRS004", {"realisasi_tw1": "-380", "capaian_tw1": ""}, True),
    ("PRS004", {"realisasi_tw1": "0", "capaian_tw1": "0"}, False),
    ("DAT002", {"year": "20x4"}, True),
    ("DAT002", {"year": " 2024 "}, False),
    ("DAT003", {"polarity": "tinggi sekali"}, True),
    ("DAT003", {"polarity": "Positif", "aggregation": "Jumlah"}, False),
    ("DAT004", {"target_tw3": "", "realisasi_tw3": "", "capaian_tw3": ""}, True),
    (
        "DAT004",
        {"target_tw3": "0", "target_annual": "1.200", "realisasi_tw3": "0", "capaian_tw3": ""},
        False,
    ),
    ("DAT005", {"target_tw2": "", "capaian_tw2": ""}, True),
    ("DAT005", {"target_tw2": "0", "target_annual": "1.200", "capaian_tw2": ""}, False),
    ("DAT006", {**CUM, "realisasi_tw3": "780", "capaian_tw3": "65"}, True),
    ("DAT006", {**CUM, "realisasi_tw3": "790", "capaian_tw3": "65,83"}, False),
    ("DAT007", {"target_annual": "seribu enam ratus"}, True),
    ("DAT007", {"target_annual": "1.600,00"}, False),
]


def _csv(rows, path):
    cols = list(BASE)
    path.write_text(
        "\n".join([";".join(cols)] + [";".join(r[c] for c in cols) for r in rows]) + "\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "rule,edits,fires",
    CASES,
    ids=[f"{c[0]}-{'fires' if c[2] else 'silent'}-{i}" for i, c in enumerate(CASES)],
)
def test_rule_case(tmp_path, rule, edits, fires):
    path = tmp_path / "case.csv"
    _csv([{**BASE, **edits}], path)
    result = validate(str(path))
    assert not result.errors
    hits = [f for f in result.findings if f.rule == rule]
    assert bool(hits) is fires, [f.message for f in result.findings]
    others = {f.rule for f in result.findings} - {rule}
    assert not others, [f.message for f in result.findings]


def test_duplicate_key_names_the_first_row(tmp_path):
    path = tmp_path / "dup.csv"
    _csv([BASE, {**BASE, "code": "IK.9"}, BASE], path)
    result = validate(str(path))
    assert [(f.rule, f.row) for f in result.findings] == [("DAT001", 4)]
    assert "baris 2" in result.findings[0].message


def test_base_row_is_clean(tmp_path):
    path = tmp_path / "base.csv"
    _csv([BASE, {**BASE, **NEG}, {**BASE, **SCORE}, {**BASE, **CUM, "code": "IK.4"}], path)
    assert validate(str(path)).findings == []


def test_every_data_rule_has_a_firing_and_a_silent_case():
    specs = rulepack.rules()
    data_only = {rid for rid, s in specs.items() if s.pack == "data.yaml"}
    checked = set(data_checks())
    assert checked <= set(specs)
    assert data_only <= checked | set(load_all())
    with_cases = {c[0] for c in CASES}
    fires = {c[0] for c in CASES if c[2]}
    silent = {c[0] for c in CASES if not c[2]}
    assert checked - {"DAT001"} <= with_cases and checked - {"DAT001"} <= fires & silent


TEXT = st.text(alphabet="0123456789.,+- %persnPERSN-a", max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=30))
def test_number_expression_equals_the_report_parser(texts):
    import pandas as pd

    frame = pd.DataFrame({"x": pd.array(texts, dtype="string")})
    e = number_expr("x")
    value, decimals, status = (to_pandas(e[k], frame) for k in ("value", "decimals", "status"))
    for i, text in enumerate(texts):
        v, d, s = read_text(text)
        got_v = value.iloc[i]
        assert int(status.iloc[i]) == s, text
        if v is None:
            assert pd.isna(got_v), text
        else:
            assert abs(float(got_v) - v) < 1e-9 and int(decimals.iloc[i]) == d, text
