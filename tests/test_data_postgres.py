"""validate-data on a real PostgreSQL table (a throw-away cluster, tests/pg.py): every planted
defect found, no false finding, for a table of text columns (as loaded from a CSV, Indonesian
numbers) and for a table with numeric columns; a query source; bad connections are exit 2."""
from __future__ import annotations

import warnings

import pg
import pytest
from test_data_validate import planted_rows

from kinerja_audit.cli import main
from kinerja_audit.data import generate as gen
from kinerja_audit.data.coerce import read_text
from kinerja_audit.data.shape import NUMBERS
from kinerja_audit.data.validate import Options, validate

warnings.filterwarnings("ignore", category=FutureWarning)


@pytest.fixture(scope="module")
def dataset():
    return gen.generate(units=30, indicators=8, years=2, seed=7, defects=2)


@pytest.fixture(scope="module")
def text_table(postgres_url, dataset):
    frame, _ = dataset
    pg.load_text_table(postgres_url, "indikator_teks", frame)
    return "indikator_teks"


def test_text_table_every_planted_defect(postgres_url, dataset, text_table):
    frame, defects = dataset
    result = validate(postgres_url, options=Options(table=text_table))
    assert not result.errors
    assert {(f.rule, f.row) for f in result.findings} == planted_rows(frame, defects, 1)
    assert {f.table for f in result.findings} == {text_table}


def test_numeric_table_every_planted_defect(postgres_url, dataset):
    """Numbers stored as numbers: a word in a number column cannot be stored (DAT007 goes away)."""
    frame, defects = dataset
    typed = frame.copy()
    numeric = [c for c in NUMBERS if c in typed.columns]
    for c in numeric:
        values = [read_text(str(v)) for v in typed[c]]
        # negative numbers are stored as such (PRS004 reads them); unreadable text becomes NULL
        typed[c] = [(-float(str(v).replace(".", "").replace("-", "")) if s == 2 else val)
                    for v, (val, _d, s) in zip(typed[c], values)]
    pg.load_typed_table(postgres_url, "indikator_angka", typed, numeric)
    result = validate(postgres_url, options=Options(table="indikator_angka"))
    assert not result.errors
    expected = {d for d in planted_rows(frame, defects, 1) if d[0] != "DAT007"}
    assert {(f.rule, f.row) for f in result.findings} == expected


def test_query_source_and_cli(postgres_url, text_table, capsys):
    code = main(["validate-data", postgres_url, "--query",
                 f"SELECT * FROM {text_table} WHERE unit = 'Satker 0001'", "--format", "json"])
    assert code in (0, 1)
    import json

    report = json.loads(capsys.readouterr().out)["reports"][0]
    assert report["coverage"]["rows"] == 8 * 2 and report["coverage"]["units"] == 1


def test_bad_table_and_bad_server_are_one_line_exit_2(postgres_url, capsys):
    assert main(["validate-data", postgres_url, "--table", "tidak_ada"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tidak_ada" in err[0] and "Traceback" not in err[0]
    closed = postgres_url.rsplit(":", 1)[0] + ":1/postgres"
    assert main(["validate-data", closed, "--table", "x"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "127.0.0.1" in err[0]
