"""Perjanjian Kinerja: loading (YAML, CSV, XLSX), bad files, the target-sum and pk-mismatch rules,
polarity from the PK, the PK-only check and ``init-pk``.

The rules of ``checks/pk.yaml`` have case files like every rule (tests/cases, run with the example
agreement checks/examples/pk.yaml); here they are exercised in more scenarios, through every PK
format, with the agreeing PK as the silent case for all of them.
"""
import copy
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kinerja_audit import pk as pkmod
from kinerja_audit import rulepack
from kinerja_audit.audit import audit_document
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.parse.numbers import format_number
from kinerja_audit.rulepack import example_report_path as _example_path
from kinerja_audit.rules.registry import REGISTRY, Context, load_all, select

EXAMPLE_REPORT = _example_path()

CASES = Path(__file__).resolve().parent / "cases"
BASE = EXAMPLE_REPORT
PK_RULES = sorted(rid for rid, spec in rulepack.rules().items() if spec.pack == "pk.yaml")
PK_CATEGORIES = ("pk-mismatch", "target-sum")


def _ind(code, name, unit, polarity, aggregation, annual, quarters):
    return {
        "code": code,
        "name": name,
        "unit": unit,
        "polarity": polarity,
        "aggregation": aggregation,
        "target": {"annual": annual, "quarters": quarters},
    }


# Agrees with checks/examples/report.txt (quarterly report, TW III 2025).
AGREEING = {
    "unit": "Loka Pengawasan Contoh Sejahtera",
    "year": 2025,
    "target_basis": "per-quarter",
    "indicators": [
        _ind(
            "IK.1",
            "Jumlah laporan pengawasan yang diselesaikan",
            "laporan",
            "positive",
            "sum",
            12,
            [3, 3, 3, 3],
        ),
        _ind(
            "IK 2",
            "Persentase pengaduan yang ditindaklanjuti",
            "%",
            "positive",
            "last",
            90,
            [90, 90, 90, 90],
        ),
        _ind(
            "IK.3",
            "Rata-rata waktu penyelesaian layanan perizinan",
            "hari",
            "negative",
            "average",
            5,
            [5, 5, 5, 5],
        ),
        _ind(
            "IK.4",
            "Nilai Indeks Kepuasan Masyarakat",
            "nilai",
            "positive",
            "last",
            85,
            [0, 0, 0, 85],
        ),
        _ind(
            "IK.5",
            "Jumlah sertifikat yang diterbitkan",
            "sertifikat",
            "positive",
            "sum",
            1600,
            [400, 400, 400, 400],
        ),
    ],
}
# The same agreement with cumulative ("s.d. TW k") quarter targets; TW III still matches the report.
CUMULATIVE = copy.deepcopy(AGREEING)
CUMULATIVE["target_basis"] = "cumulative"
for _i, _q in zip(
    CUMULATIVE["indicators"],
    ([1, 2, 3, 12], [90] * 4, [5] * 4, [0, 0, 0, 85], [100, 200, 400, 1600]),
):
    _i["target"]["quarters"] = _q


def _num(value, style: str):
    """Cells as people type them: Indonesian numerals in CSV, real numbers in XLSX."""
    if value is None:
        return ""
    return format_number(value, "id") if style == "id" else value


def write_pk(data: dict, folder: Path, fmt: str, name: str = "pk") -> Path:
    path = folder / f"{name}.{fmt}"
    if fmt == "yaml":
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path
    header = list(pkmod.CSV_COLUMNS) + (["target_basis"] if "target_basis" in data else [])
    rows = []
    for ind in data["indicators"]:
        style = "id" if fmt == "csv" else "raw"
        t = ind["target"]
        row = [
            ind["code"],
            ind["name"],
            ind["unit"],
            ind["polarity"],
            ind["aggregation"],
            _num(t["annual"], style),
        ]
        row += [_num(v, style) for v in t.get("quarters") or [None] * 4]
        if "target_basis" in data:
            row.append(data["target_basis"])
        rows.append(row)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(header)
            writer.writerows(rows)
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "PK"
        ws.append(header)
        for row in rows:
            ws.append(row)
        wb.save(path)
    return path


def audit(text: str, pk=None, rule_ids=None, **ctx):
    doc = Document(source="case.txt", lines=to_lines(text))
    return audit_document(doc, Context(pk=pk, **ctx), rule_ids or select())


def found(result) -> set:
    return {(f.rule, f.indicator) for f in result.findings}


@pytest.fixture(scope="module")
def base() -> str:
    return BASE.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------------------- loading


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_the_three_formats_load_the_same_agreement(tmp_path, fmt):
    loaded = pkmod.load(write_pk(AGREEING, tmp_path, fmt))
    # "IK 2" normalised
    assert [i.code for i in loaded.indicators] == ["IK.1", "IK.2", "IK.3", "IK.4", "IK.5"]
    ik5 = loaded.get("IK.5")
    # "1.600" read the Indonesian way
    assert ik5.annual == 1600 and ik5.quarters == (400, 400, 400, 400)
    assert loaded.get("IK.3").polarity == "negative" and loaded.get("IK.2").aggregation == "last"
    assert {i.basis for i in loaded.indicators} == {"per-quarter"}
    assert {i.basis_source for i in loaded.indicators} == {"pk"}


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_agreeing_pk_gives_no_finding(tmp_path, base, fmt):
    result = audit(base, pkmod.load(write_pk(AGREEING, tmp_path, fmt)))
    assert result.findings == [], [f.message for f in result.findings]


def test_cumulative_agreement_gives_no_finding(tmp_path, base):
    result = audit(base, pkmod.load(write_pk(CUMULATIVE, tmp_path, "csv")))
    assert result.findings == [], [f.message for f in result.findings]


def test_indonesian_numerals_in_yaml(tmp_path):
    p = tmp_path / "pk.yaml"
    p.write_text(
        "indicators:\n"
        "  - {code: IKU-1, name: Persentase x, unit: '%', polarity: positive, aggregation: last,\n"
        "     target: {annual: '87,5', quarters: [null, 1.600, '25.945', 2.5]}}\n",
        encoding="utf-8",
    )
    ind = pkmod.load(p).indicators[0]
    assert ind.code == "IKU.1"
    assert ind.annual == 87.5 and ind.quarters == (None, 1600, 25945, 2.5)
    assert ind.basis_source == "default"


def test_basis_option_applies_only_where_the_file_is_silent(tmp_path):
    data = copy.deepcopy(CUMULATIVE)
    del data["target_basis"]
    silent = write_pk(data, tmp_path, "csv")
    assert {i.basis for i in pkmod.load(silent).indicators} == {"per-quarter"}
    loaded = pkmod.load(silent, basis="cumulative")
    assert {(i.basis, i.basis_source) for i in loaded.indicators} == {("cumulative", "option")}
    stated = pkmod.load(write_pk(AGREEING, tmp_path, "yaml"), basis="cumulative")
    assert {(i.basis, i.basis_source) for i in stated.indicators} == {("per-quarter", "pk")}


def test_comma_separated_csv_with_extra_columns(tmp_path):
    p = tmp_path / "pk.csv"
    p.write_text("No,code,name,unit,polarity,aggregation,target_annual,target_tw1,target_tw2,target_tw3,"
                 "target_tw4,Keterangan\n"
                 '1,IK.1,Jumlah laporan,laporan,positive,sum,12,3,3,3,3,ok\n'
                 '2,IK.2,Persentase x,%,positive,last,"87,5",,,"87,5","87,5",\n', encoding="utf-8")
    loaded = pkmod.load(p)
    assert loaded.get("IK.2").annual == 87.5 and loaded.get("IK.2").quarters == (
        None,
        None,
        87.5,
        87.5,
    )


# -------------------------------------------------------------------------------- period arithmetic


def _p(aggregation, basis, quarters, annual=None):
    return pkmod.PKIndicator(
        "IK.1", "x", None, "positive", aggregation, annual, tuple(quarters), basis
    )


@pytest.mark.parametrize("ind,k,alone,upto", [
    (_p("sum", "per-quarter", [1, 2, 3, 4]), 3, 3, 6),
    (_p("sum", "cumulative", [1, 3, 6, 10]), 3, 3, 6),
    (_p("average", "per-quarter", [4, 6, 8, 10]), 2, 6, 5),
    (_p("average", "cumulative", [4, 5, 6, 7]), 2, 6, 5),
    (_p("last", "per-quarter", [15, 40, 60, 90]), 3, 60, 60),
    (_p("last", "cumulative", [15, 40, 60, 90]), 3, 60, 60),
])
def test_period_targets(ind, k, alone, upto):
    assert ind.period_target(range(k, k + 1), cumulative=False) == pytest.approx(alone)
    assert ind.period_target(range(k, k + 1), cumulative=True) == pytest.approx(upto)


def test_semester_and_unknown_quarters():
    ind = _p("sum", "per-quarter", [1, 2, None, 4])
    assert ind.period_target(range(1, 3), cumulative=False) == 3       # semester I alone
    assert ind.period_target(range(3, 5), cumulative=False) is None    # TW III unknown
    assert ind.upto(4) is None


# ---------------------------------------------------------------------------- planted disagreements


def _set(which, /, **changes):
    def edit(data):
        ind = next(i for i in data["indicators"] if i["code"].replace(" ", ".") == which)
        for key, value in changes.items():
            if key in ("annual", "quarters"):
                ind["target"][key] = value
            else:
                ind[key] = value
    return edit


def _drop(code):
    def edit(data):
        data["indicators"] = [i for i in data["indicators"] if i["code"] != code]
    return edit


def _add(data):
    data["indicators"].append(
        _ind("IK.6", "Jumlah kajian kebijakan", "dokumen", "positive", "sum", 2, [0, 1, 0, 1])
    )


def _year(year):
    def edit(data):
        data["year"] = year
    return edit


SCENARIOS = [
    ("PK for another year", AGREEING, _year(2024), {("PKM008", None)}),
    (
        "empty quarter targets",
        AGREEING,
        _set("IK.2", quarters=[None, None, 90, None]),
        {("TGT004", "IK.2")},
    ),
    ("quarter target", AGREEING, _set("IK.5", quarters=[400, 400, 380, 420]), {("PKM006", "IK.5")}),
    (
        "annual target",
        AGREEING,
        _set("IK.1", annual=13, quarters=[3, 3, 3, 4]),
        {("PKM005", "IK.1")},
    ),
    (
        "name",
        AGREEING,
        _set("IK.2", name="Persentase pengaduan masyarakat yang diselesaikan tepat waktu"),
        {("PKM003", "IK.2")},
    ),
    ("unit", AGREEING, _set("IK.5", unit="dokumen"), {("PKM004", "IK.5")}),
    ("code", AGREEING, _set("IK.5", code="IKU.5"), {("PKM007", "IK.5")}),
    (
        "quarters do not add up",
        AGREEING,
        _set("IK.5", quarters=[400, 400, 400, 300]),
        {("TGT001", "IK.5")},
    ),
    (
        "quarters do not average",
        AGREEING,
        _set("IK.3", quarters=[5, 5, 5, 7]),
        {("TGT001", "IK.3")},
    ),
    (
        "last-type TW IV is not the annual",
        AGREEING,
        _set("IK.4", quarters=[0, 0, 0, 80]),
        {("TGT003", "IK.4")},
    ),
    (
        "cumulative target decreases",
        CUMULATIVE,
        _set("IK.1", quarters=[1, 4, 3, 12]),
        {("TGT002", "IK.1")},
    ),
    (
        "cumulative TW IV is not the annual",
        CUMULATIVE,
        _set("IK.5", quarters=[100, 200, 400, 1500]),
        {("TGT003", "IK.5")},
    ),
    ("indicator missing from the report", AGREEING, _add, {("PKM001", "IK.6")}),
    ("indicator not in the PK", AGREEING, _drop("IK.3"), {("PKM002", "IK.3")}),
]


# a CSV PK states no year: the other-year scenario runs on YAML only
_FORMAT_SCENARIOS = [
    pytest.param(fmt, *s, id=f"{s[0]}-{fmt}")
    for s in SCENARIOS
    for fmt in ("yaml", "csv")
    if not (fmt == "csv" and s[0] == "PK for another year")
]


@pytest.mark.parametrize("fmt,name,start,edit,expected", _FORMAT_SCENARIOS)
def test_planted_disagreement_is_reported_and_nothing_else(
    tmp_path, base, fmt, name, start, edit, expected
):
    data = copy.deepcopy(start)
    edit(data)
    result = audit(base, pkmod.load(write_pk(data, tmp_path, fmt)))
    assert found(result) == expected, [f.message for f in result.findings]
    assert {f.category for f in result.findings} <= set(PK_CATEGORIES)


def test_every_pk_rule_has_a_firing_scenario():
    fired = {rule for *_, expected in SCENARIOS for rule, _ in expected}
    assert fired == set(PK_RULES)


def test_pk_rules_are_silent_without_a_pk(base):
    doc = Document(source="case.txt", lines=to_lines(base))
    from kinerja_audit import model

    report = model.build(doc)
    for rid in PK_RULES:
        assert list(load_all()[rid](report, Context(rule=rid))) == [], rid


def test_messages_state_the_basis_and_format_numbers(tmp_path, base):
    data = copy.deepcopy(AGREEING)
    _set("IK.5", quarters=[400, 400, 380, 300])(data)
    loaded = pkmod.load(write_pk(data, tmp_path, "yaml"))
    by_rule = {f.rule: f for f in audit(base, loaded).findings}
    assert "1.480" in by_rule["TGT001"].message and "1.600" in by_rule["TGT001"].message
    assert "target per triwulan" in by_rule["TGT001"].message
    assert "sesuai pernyataan PK" in by_rule["TGT001"].message
    assert by_rule["TGT001"].evidence.startswith("pk.yaml:")
    assert "380" in by_rule["PKM006"].message and "triwulan III saja" in by_rule["PKM006"].message
    en = {f.rule: f for f in audit(base, loaded, lang="en").findings}
    assert "1,480" in en["TGT001"].message and "per-quarter targets" in en["TGT001"].message
    assert by_rule["PKM006"].line == en["PKM006"].line == 80


def test_cumulative_column_header_is_used(tmp_path, base):
    """A report column "Target s.d. TW III" is compared with the cumulative PK target."""
    text = base.replace("Kode IK   Indikator                                        "
                        "Target TW III   Realisasi TW III   Capaian\nIK.5",
                        "Kode IK   Indikator                                        "
                        "Target s.d. TW III  Realisasi TW III   Capaian\nIK.5")
    assert text != base
    loaded = pkmod.load(write_pk(AGREEING, tmp_path, "yaml"))
    result = audit(text, loaded, rule_ids=select(["pk-mismatch"]))
    assert found(result) == {("PKM006", "IK.5")}
    msg = result.findings[0].message
    assert "1.200" in msg and "s.d. triwulan III" in msg and "judul kolom" in msg
    agreeing = text.replace("400 sertifikat  410 sertifikat", "1.200 sertifikat  410 sertifikat")
    assert found(audit(agreeing, loaded, rule_ids=select(["pk-mismatch"]))) == set()


def test_schema_rejected_row_is_not_reported_missing(tmp_path, base):
    text = base.replace("IK.2      Persentase pengaduan yang ditindaklanjuti        90 %",
                        "IK.2      Persentase pengaduan yang ditindaklanjuti        -90 %")
    result = audit(text, pkmod.load(write_pk(AGREEING, tmp_path, "yaml")))
    assert ("PRS004", "IK.2") in found(result)
    assert not any(f.category == "pk-mismatch" for f in result.findings), [
        f.message for f in result.findings
    ]


# ----------------------------------------------------------------------------------------- polarity


def _rt(base: str) -> str:
    """IK.3 (lower is better) computed as R/T: 4 / 5 = 80 %."""
    return base.replace("120,00 %", "80,00 %").replace(
        "capaian sebesar 120,00%", "capaian sebesar 80,00%"
    )


def test_pk_negative_polarity_flags_rt_formula(tmp_path, base):
    result = audit(_rt(base), pkmod.load(write_pk(AGREEING, tmp_path, "yaml")))
    pol = [f for f in result.findings if f.rule == "POL001"]
    assert [f.indicator for f in pol] == ["IK.3"]
    assert "menurut Perjanjian Kinerja" in pol[0].message


def test_pk_positive_polarity_accepts_rt_formula(tmp_path, base):
    data = copy.deepcopy(AGREEING)
    _set("IK.3", polarity="positive")(data)
    result = audit(_rt(base), pkmod.load(write_pk(data, tmp_path, "yaml")),
                   rule_ids=select(["arithmetic", "polarity"]))
    assert found(result) == set(), [f.message for f in result.findings]


def test_pk_polarity_beats_the_report_inference(tmp_path, base):
    """A neutral name and a printed 120 % that only the lower-is-better formula explains:
    without a PK the report's own arithmetic makes it negative; a PK saying positive overrides
    that (ARI001)."""
    neutral = base.replace(
        "Rata-rata waktu penyelesaian layanan perizinan", "Indeks layanan izin usaha"
    )
    alone = audit(neutral, rule_ids=select(["arithmetic"]))
    assert found(alone) == set()
    row = next(r for r in alone.indicators if r["code"] == "IK.3")
    assert row["polarity"] == "negative"
    data = copy.deepcopy(AGREEING)
    _set("IK.3", name="Indeks layanan izin usaha")(data)
    with_pk = audit(
        neutral,
        pkmod.load(write_pk(data, tmp_path, "yaml")),
        rule_ids=select(["arithmetic", "polarity"]),
    )
    assert found(with_pk) == set()
    assert next(r for r in with_pk.indicators if r["code"] == "IK.3")["polarity"] == "negative"
    _set("IK.3", polarity="positive")(data)
    positive = audit(
        neutral, pkmod.load(write_pk(data, tmp_path, "yaml")), rule_ids=select(["arithmetic"])
    )
    assert ("ARI001", "IK.3") in found(positive)


def test_configured_polarity_without_pk(base):
    assert ("POL001", "IK.3") in found(audit(_rt(base)))
    result = audit(
        _rt(base), polarity={"IK.3": "positive"}, rule_ids=select(["arithmetic", "polarity"])
    )
    assert found(result) == set()
    neutral = base.replace(
        "Rata-rata waktu penyelesaian layanan perizinan", "Jumlah hari penyelesaian izin usaha"
    )
    flagged = audit(_rt(neutral), polarity={"IK.3": "negative"}).findings
    assert [f.rule for f in flagged if f.indicator == "IK.3"] == ["POL001"]
    assert "menurut konfigurasi" in flagged[0].message


# ------------------------------------------------------------------------------------- bad PK files


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kinerja_audit", *map(str, args)],
                          check=False, capture_output=True, text=True, encoding="utf-8", cwd=cwd)


def _yaml_text(edit=None) -> str:
    data = copy.deepcopy(AGREEING)
    if edit:
        edit(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _csv_text() -> str:
    return (";".join(pkmod.CSV_COLUMNS) + "\n"
            "IK.1;Jumlah laporan pengawasan yang diselesaikan;laporan;positive;sum;12;3;3;3;3\n"
            "IK.2;Persentase pengaduan yang ditindaklanjuti;%;positive;last;90;90;90;90;90\n")


def _laughs() -> str:
    """Nested aliases: under 400 bytes, a billion strings once expanded."""
    text = 'a: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]\n'
    for prev, name in zip("abcdefgh", "bcdefghi"):
        text += f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    return text + "indicators: *i\n"


def _xlsx_bomb() -> bytes:
    """A small workbook whose sheet unpacks to 60 MB of empty rows."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<row/>" * (10 * 1024 * 1024))
    return buf.getvalue()


def _bad_xlsx(folder: Path) -> Path:
    data = copy.deepcopy(AGREEING)
    _set("IK.4", quarters=[0, 0, "tiga", 85])(data)
    return write_pk(data, folder, "xlsx", name="rusak")


BAD_FILES = [
    (
        "yaml negative target",
        "pk.yaml",
        lambda: _yaml_text(_set("IK.1", annual=-12)),
        ["pk.yaml", "baris", "indicators[1].target.annual", "negatif"],
    ),
    (
        "yaml unknown polarity",
        "pk.yaml",
        lambda: _yaml_text(_set("IK.3", polarity="menurun")),
        ["pk.yaml", "baris", "indicators[3].polarity", "menurun", "positive, negative"],
    ),
    (
        "yaml unknown aggregation",
        "pk.yaml",
        lambda: _yaml_text(_set("IK.3", aggregation="mean")),
        ["indicators[3].aggregation", "sum, last, average"],
    ),
    (
        "yaml duplicated code",
        "pk.yaml",
        lambda: _yaml_text(_set("IK.5", code="IK 1")),
        ["pk.yaml", "indicators[5].code", "IK.1"],
    ),
    (
        "yaml three quarters",
        "pk.yaml",
        lambda: _yaml_text(_set("IK.1", quarters=[3, 3, 6])),
        ["indicators[1].target.quarters", "4"],
    ),
    (
        "yaml missing key",
        "pk.yaml",
        lambda: _yaml_text().replace("  aggregation: average\n", "", 1),
        ["pk.yaml", "indicators[3]", "aggregation"],
    ),
    (
        "yaml broken",
        "pk.yaml",
        lambda: "indicators:\n  - {code: IK.1, name: [x\n",
        ["pk.yaml", "YAML"],
    ),
    (
        "csv missing column",
        "pk.csv",
        lambda: _csv_text().replace("aggregation;", "agregasi;"),
        ["pk.csv", "aggregation"],
    ),
    (
        "csv non-numeric target",
        "pk.csv",
        lambda: _csv_text().replace(";90;90;90;90;90", ";90;90;9O;90;90"),
        ["pk.csv", "baris 3", "kolom target_tw2", "9O"],
    ),
    (
        "csv unknown polarity",
        "pk.csv",
        lambda: _csv_text().replace("positive;last", "naik;last"),
        ["pk.csv", "baris 3", "kolom polarity", "naik"],
    ),
    ("yaml billion laughs", "pk.yaml", lambda: _laughs(), ["pk.yaml", "billion laughs"]),
    (
        "csv cell over the csv module's limit",
        "pk.csv",
        lambda: _csv_text().replace("Jumlah laporan", "x" * 140_000),
        ["pk.csv", "baris 2", "terlalu panjang"],
    ),
    ("xlsx zip bomb", "pk.xlsx", lambda: _xlsx_bomb(), ["pk.xlsx", "bom zip"]),
    (
        "csv duplicated code",
        "pk.csv",
        lambda: _csv_text().replace("IK.2;", "IK 1;"),
        ["pk.csv", "baris 3", "kolom code", "IK.1", "pk.csv:2"],
    ),
    (
        "csv bad code",
        "pk.csv",
        lambda: _csv_text().replace("IK.2;", "Dua;"),
        ["baris 3", "kolom code", "Dua"],
    ),
    ("csv header only", "pk.csv", lambda: ";".join(pkmod.CSV_COLUMNS) + "\n", ["pk.csv"]),
    ("xlsx corrupt", "pk.xlsx", lambda: b"PK\x03\x04 not really a workbook", ["pk.xlsx", "XLSX"]),
    ("xlsx not a zip", "pk.xlsx", lambda: "code,name\n", ["pk.xlsx", "XLSX"]),
    ("unknown format", "pk.json", lambda: "{}", ["pk.json", ".yaml"]),
]


@pytest.mark.parametrize("name,filename,content,needles", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_pk_is_exit_two_with_one_line(tmp_path, name, filename, content, needles):
    path = tmp_path / filename
    data = content()
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    res = run("check", BASE, "--pk", path)
    assert res.returncode == 2, res.stdout + res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    assert res.stderr.strip().count("\n") == 0, res.stderr
    for needle in needles:
        assert needle in res.stderr, (needle, res.stderr)


def test_bad_xlsx_cell_names_sheet_row_and_cell(tmp_path):
    res = run("check", BASE, "--pk", _bad_xlsx(tmp_path), "--lang", "en")
    assert res.returncode == 2 and res.stderr.strip().count("\n") == 0
    for needle in (
        "rusak.xlsx",
        "sheet PK",
        "row 5",
        "column target_tw3",
        "cell I5",
        "'tiga' is not a number",
    ):
        assert needle in res.stderr, (needle, res.stderr)


def test_xlsx_title_rows_above_the_header_and_a_missing_column(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PERJANJIAN KINERJA TAHUN 2025"])
    ws.append([])
    ws.append(list(pkmod.CSV_COLUMNS))
    ws.append(
        ["IK.1", "Jumlah laporan", "laporan", "positive", "sum", "1.600", 400, 400, 400, "400"]
    )
    wb.save(tmp_path / "judul.xlsx")
    loaded = pkmod.load(tmp_path / "judul.xlsx")
    assert loaded.get("IK.1").annual == 1600 and loaded.get("IK.1").where == "judul.xlsx!Sheet:4"
    ws.delete_cols(5)   # no aggregation column
    wb.save(tmp_path / "kurang.xlsx")
    with pytest.raises(pkmod.PKError) as err:
        pkmod.load(tmp_path / "kurang.xlsx")
    assert "kurang.xlsx: lembar Sheet, baris 3: kolom 'aggregation' tidak ada" in str(err.value)


def test_missing_pk_file(tmp_path):
    res = run("check", BASE, "--pk", tmp_path / "tidak-ada.yaml")
    assert res.returncode == 2 and "tidak-ada.yaml" in res.stderr and "Traceback" not in res.stderr


# ------------------------------------------------------------------ near misses of the new PK rules


def test_same_year_or_no_year_is_silent(tmp_path, base):
    """PKM008's near misses: the PK's year is the report's, or the PK states none."""
    for edit in (_year(2025), lambda data: data.pop("year")):
        data = copy.deepcopy(AGREEING)
        edit(data)
        assert found(audit(base, pkmod.load(write_pk(data, tmp_path, "yaml")))) == set()


def test_zero_targets_are_not_empty(tmp_path, base):
    """TGT004's near miss: a target of 0 (IK.4 in TW I–III) is stated, not empty."""
    data = copy.deepcopy(AGREEING)
    _set("IK.4", quarters=[0, 0, 0, 85])(data)
    assert found(audit(base, pkmod.load(write_pk(data, tmp_path, "csv")))) == set()


# ------------------------------------------------------------------------ Indonesian words, lines


INDONESIAN = {"positive": "positif", "negative": "negatif", "sum": "jumlah", "last": "akhir",
              "average": "rata-rata", "per-quarter": "per triwulan", "cumulative": "kumulatif"}


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_indonesian_values_are_accepted(tmp_path, base, fmt):
    """Issue 13: positif/negatif, jumlah/akhir/rata-rata (and kumulatif) mean what they say."""
    data = copy.deepcopy(CUMULATIVE)
    data["target_basis"] = INDONESIAN[data["target_basis"]]
    for ind in data["indicators"]:
        ind["polarity"], ind["aggregation"] = (
            INDONESIAN[ind["polarity"]],
            INDONESIAN[ind["aggregation"]],
        )
    loaded = pkmod.load(write_pk(data, tmp_path, fmt))
    english = pkmod.load(write_pk(CUMULATIVE, tmp_path, fmt, name="en"))
    assert [(i.polarity, i.aggregation, i.basis) for i in loaded.indicators] == \
        [(i.polarity, i.aggregation, i.basis) for i in english.indicators]
    assert found(audit(base, loaded)) == set()


@pytest.mark.parametrize("old,new,line,needle", [
    ("year: 2025\n", "year: 2025\ntahun: 2025\n", 3, "tahun"),
    ("year: 2025\n", "year: dua ribu\n", 2, "year"),
    ("target_basis: per-quarter\n", "\n\ntarget_basis: bulanan\n", 5, "target_basis"),
])
def test_pk_errors_name_the_line_of_a_top_level_key(tmp_path, old, new, line, needle):
    """Issue 13: an error in a top-level key names that key's line, not line 1."""
    path = tmp_path / "pk.yaml"
    text = _yaml_text()
    assert text.splitlines()[:3] == ["unit: Loka Pengawasan Contoh Sejahtera", "year: 2025",
                                     "target_basis: per-quarter"]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(pkmod.PKError) as err:
        pkmod.load(path)
    assert f"baris {line}" in str(err.value) and needle in str(err.value), str(err.value)


# ------------------------------------------------------------------------ PK-only check and init-pk


def test_check_with_only_a_pk_names_its_empty_targets(tmp_path):
    """Issue 13: `check --pk` on a PK with empty targets says which are empty."""
    data = copy.deepcopy(AGREEING)
    _set("IK.2", annual=None, quarters=[None, None, 90, None])(data)
    res = run("check", "--pk", write_pk(data, tmp_path, "yaml"))
    assert res.returncode == 0, res.stderr          # information, not an error
    assert "TGT004" in res.stdout and "IK.2" in res.stdout
    assert "tahunan, triwulan I, triwulan II, triwulan IV" in res.stdout


def test_init_pk_proposes_the_unit_a_score_needs(tmp_path, base):
    """Issue 13: a score printed in "dokumen" (UNT002's defect) is drafted in "nilai" with a
    comment, aggregated as last; the report's defect is not copied into the agreement."""
    report = tmp_path / "lkj.txt"
    report.write_text(base.replace("0 nilai         0 nilai", "0 dokumen       0 dokumen"),
                      encoding="utf-8")
    out = tmp_path / "pk.yaml"
    assert run("init-pk", report, "-o", out).returncode == 0
    ik4 = pkmod.load(out).get("IK.4")
    assert (ik4.unit, ik4.aggregation) == ("nilai", "last")
    assert 'laporan menulis "dokumen", tetapi indikator ini nilai/indeks' in out.read_text("utf-8")
    assert pkmod.load(out).get("IK.5").unit == "sertifikat"      # a count keeps its unit



def test_check_with_only_a_pk_runs_the_target_sum_rules(tmp_path):
    assert run("check", "--pk", write_pk(AGREEING, tmp_path, "yaml")).returncode == 0
    data = copy.deepcopy(AGREEING)
    _set("IK.5", quarters=[400, 400, 400, 300])(data)
    _add(data)   # would be PKM001 against a report; alone it is not checked
    res = run("check", "--pk", write_pk(data, tmp_path, "csv"), "--format", "json")
    assert res.returncode == 1, res.stderr
    findings = [f for r in json.loads(res.stdout)["reports"] for f in r["findings"]]
    assert [(f["rule"], f["indicator"]) for f in findings] == [("TGT001", "IK.5")]


def test_check_needs_a_report_or_a_pk():
    res = run("check")
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_init_pk_drafts_a_pk_that_agrees_with_its_report(tmp_path):
    out = tmp_path / "pk.yaml"
    res = run("init-pk", BASE, "-o", out)
    assert res.returncode == 0, res.stderr
    draft = out.read_text(encoding="utf-8")
    assert "quarters: [null, null, 3, null]" in draft and "lengkapi" in draft
    loaded = pkmod.load(out)
    assert [i.code for i in loaded.indicators] == ["IK.1", "IK.2", "IK.3", "IK.4", "IK.5"]
    assert loaded.get("IK.5").annual == 1600 and loaded.get("IK.3").polarity == "negative"
    assert [loaded.get(c).aggregation for c in ("IK.1", "IK.2", "IK.3", "IK.4")] == [
        "sum",
        "last",
        "average",
        "last",
    ]
    assert run("check", BASE, "--pk", out).returncode == 0
    again = run("init-pk", BASE, "-o", out)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("init-pk", BASE, "-o", out, "--force", "--lang", "en").returncode == 0
    assert "complete the null quarters" in out.read_text(encoding="utf-8")


def test_init_pk_leaves_unread_names_for_the_user(tmp_path, base):
    from kinerja_audit import model
    from kinerja_audit.pk_draft import draft

    rep = model.build(Document(source="case.txt", lines=to_lines(base)))
    rep.indicators[1].name = ""
    out = tmp_path / "pk.yaml"
    out.write_text(draft(rep), encoding="utf-8")
    assert "name: null   # nama tidak terbaca" in out.read_text(encoding="utf-8")
    with pytest.raises(pkmod.PKError) as err:
        pkmod.load(out)
    assert "indicators[2].name: nilai wajib kosong" in str(err.value)


# ------------------------------------------------------------------------------------------ schemas


def test_json_schema_is_valid_and_matches_the_model():
    import jsonschema

    schema = pkmod._schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    ind = schema["$defs"]["indicator"]["properties"]
    assert tuple(ind["polarity"]["enum"]) == pkmod.POLARITIES
    assert tuple(ind["aggregation"]["enum"]) == pkmod.AGGREGATIONS
    assert tuple(schema["properties"]["target_basis"]["enum"]) == pkmod.BASES
    jsonschema.validate(AGREEING, schema)
    jsonschema.validate(CUMULATIVE, schema)


def test_pandera_pk_schema_collects_failures(tmp_path):
    import pandera.errors as pe
    from kinerja_audit.schemas.frames import PK

    frame = pkmod.frame(pkmod.load(write_pk(AGREEING, tmp_path, "yaml")))
    PK.validate(frame)
    frame.loc[1, "code"] = "IK.1"
    frame.loc[2, "polarity"] = "negatif"
    frame.loc[3, "target_tw2"] = -1.0
    with pytest.raises(pe.SchemaErrors) as err:
        PK.validate(frame, lazy=True)
    failed = {
        (c, i) for c, i in zip(err.value.failure_cases["column"], err.value.failure_cases["index"])
    }
    assert {("code", 1), ("polarity", 2), ("target_tw2", 3)} <= failed


def test_every_pk_rule_is_registered():
    assert set(PK_RULES) <= set(REGISTRY) | set(load_all())
    assert len(PK_RULES) == 12
