"""validate-data on generated datasets: every planted defect found, no false finding, every source.

The generator (kinerja_audit/data/generate.py) writes a consistent dataset, then plants defects of
every kind and records them; a defect is found when a finding of its rule sits on its row.
"""
from __future__ import annotations

import json
import warnings

import pytest

from kinerja_audit.cli import main
from kinerja_audit.data import generate as gen
from kinerja_audit.data.validate import Options, validate

warnings.filterwarnings("ignore", category=FutureWarning)


def planted_rows(frame, defects, offset: int, long_frame=None):
    """{(rule, source row)} of the planted defects (offset: row of the first data record)."""
    where = {}
    for pos, key in enumerate(zip(frame.unit, frame.year, frame.code)):
        where.setdefault(key, []).append(pos)
    out = set()
    for d in defects:
        rows = where[(d.unit, "" if d.rule == "DAT002" else str(d.year), d.code)]
        pos = rows[-1] if d.rule == "DAT001" else rows[0]
        if long_frame is not None:
            period = next((p for p in gen.QUARTERS if d.column and d.column.endswith(p)), "annual")
            order = (*gen.QUARTERS, "annual").index(period)
            if d.rule in ("DAT001", "DAT002"):        # each of the five period rows lacks its key
                out.update((d.rule, pos * 5 + k + offset) for k in range(5))
                continue
            if d.rule == "DAT003" or d.column in ("satuan",):
                order = 0
            pos = pos * 5 + order
        out.add((d.rule, pos + offset))
    return out


@pytest.fixture(scope="module")
def dataset():
    return gen.generate(units=30, indicators=8, years=2, seed=7, defects=2)


@pytest.mark.parametrize("suffix,offset", [(".csv", 2), (".xlsx", 2), (".parquet", 1)])
def test_every_planted_defect_found_no_false_finding(dataset, tmp_path, suffix, offset):
    frame, defects = dataset
    path = tmp_path / f"data{suffix}"
    gen.write(frame, str(path))
    result = validate(str(path))
    assert not result.errors
    got = {(f.rule, f.row) for f in result.findings}
    assert got == planted_rows(frame, defects, offset)
    assert {d.rule for d in defects} == set(gen.DEFECTS)
    if suffix == ".xlsx":
        assert {f.table for f in result.findings} == {"Data"}


def test_long_shape_finds_the_same_defects_on_the_period_rows(dataset, tmp_path):
    frame, defects = dataset
    long = gen.to_long(frame)
    path = tmp_path / "long.csv"
    gen.write(long, str(path))
    result = validate(str(path))
    assert not result.errors
    got = {(f.rule, f.row) for f in result.findings}
    assert got == planted_rows(frame, defects, 2, long_frame=long)


def test_consistent_dataset_is_clean(tmp_path):
    frame, _ = gen.generate(units=25, indicators=8, years=2, seed=11, defects=0)
    path = tmp_path / "clean.csv"
    gen.write(frame, str(path))
    result = validate(str(path))
    assert result.findings == [] and result.coverage["rows"] == 25 * 8 * 2


def test_cli_exit_codes_json_and_row_in_every_format(dataset, tmp_path, capsys):
    frame, _ = dataset
    path = tmp_path / "d.csv"
    gen.write(frame, str(path))
    assert main(["validate-data", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    finding = data["reports"][0]["findings"][0]
    assert finding["row"] >= 2 and finding["page"] is None and finding["line"] is None
    assert main(["validate-data", str(path), "--format", "text"]) == 1
    assert f"baris {finding['row']}" in capsys.readouterr().out
    out = tmp_path / "kkr.xlsx"
    assert main(["validate-data", str(path), "--format", "xlsx", "-o", str(out)]) == 1
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(out).worksheets[0].iter_rows() for c in row]
    assert f"baris {finding['row']}" in cells


def test_missing_column_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("unit;year;code;name\nA;2024;IK.1;x\n", encoding="utf-8")
    assert main(["validate-data", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.csv" in err[0] and "Traceback" not in err[0]


def test_column_mapping_from_the_configuration(tmp_path):
    frame, _ = gen.generate(units=3, indicators=8, years=1, seed=3, defects=0)
    frame = frame.rename(columns={"unit": "Satuan Kerja", "target_annual": "Target Tahunan"})
    path = tmp_path / "named.csv"
    gen.write(frame, str(path))
    assert validate(str(path)).errors  # unknown names: the error names the column
    from kinerja_audit.data.shape import Mapping

    options = Options(
        mapping=Mapping(columns={"unit": "Satuan Kerja", "target_annual": "Target Tahunan"})
    )
    result = validate(str(path), options=options)
    assert not result.errors and result.findings == []


def test_english_decimals_and_comma_delimiter(tmp_path):
    path = tmp_path / "en.csv"
    head = ("unit,year,code,name,satuan,polarity,aggregation,target_annual,target_tw1,target_tw2,"
            "target_tw3,target_tw4,realisasi_tw1,realisasi_tw2,realisasi_tw3,realisasi_tw4,"
            "capaian_tw1,capaian_tw2,capaian_tw3,capaian_tw4\n")
    good = ("A,2024,IK.1,Persentase layanan,%,positive,last,90,20,45,70,90,20.5,45,70,90,"
            "102.5,100,100,100\n")
    bad = ("A,2024,IK.2,Persentase layanan,%,positive,last,90,20,45,70,90,20.5,45,70,90,"
           "112.5,100,100,100\n")
    path.write_text(head + good + bad, encoding="utf-8")
    result = validate(str(path))
    assert [(f.rule, f.row, f.found) for f in result.findings] == [("ARI001", 3, "112,5%")]


def test_a_number_with_more_digits_than_a_flag_holds_is_read(tmp_path):
    """200 decimals ("0,111…"): read as a number (its decimals capped), not a crash."""
    path = tmp_path / "long.csv"
    head = ("unit;year;code;name;satuan;polarity;aggregation;target_annual;target_tw1;target_tw2;"
            "target_tw3;target_tw4;realisasi_tw1;capaian_tw1\n")
    row = "A;2024;IK.1;Jumlah dokumen;dokumen;positive;sum;4;1;1;1;1;1;{}\n"
    path.write_text(
        head
        + row.format("100,0" + "0" * 200)
        + row.format("0," + "1" * 200).replace("IK.1", "IK.2"),
        encoding="utf-8",
    )
    result = validate(str(path))
    assert not result.errors
    assert [(f.rule, f.row) for f in result.findings] == [("ARI001", 3)]
