"""The Great Expectations and Spark engines agree finding for finding with the pandera engine, on
generated data with planted defects; the exported suites load in GE and validate (in memory, and
inside a real PostgreSQL table); Data Docs are written; the report path stays free of pyspark.

Small datasets: GE and Spark have a large fixed cost per run (see benchmarks/bench_data.py).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings

import pytest
from needs import need
from test_data_validate import planted_rows

from kinerja_audit.cli import main
from kinerja_audit.data import generate as gen
from kinerja_audit.data.validate import Options, validate

warnings.filterwarnings("ignore")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def need_gx():
    need(_has("great_expectations"), "great_expectations not installed: pip install -e '.[test]'")


def need_spark():
    need(_has("pyspark"), "pyspark not installed: pip install -e '.[test]'")
    need(shutil.which("java") is not None, "java not installed; run tests/setup/java.sh as root")


def same(a, b):
    """Findings equal in every field the user sees."""
    keys = (
        "rule",
        "severity",
        "row",
        "table",
        "indicator",
        "section",
        "message",
        "expected",
        "found",
        "evidence",
        "suggestion",
    )
    return [tuple(getattr(f, k) for k in keys) for f in a] == [
        tuple(getattr(f, k) for k in keys) for f in b
    ]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    frame, defects = gen.generate(units=12, indicators=8, years=2, seed=5, defects=1)
    folder = tmp_path_factory.mktemp("engines")
    wide, long = folder / "wide.csv", folder / "long.parquet"
    gen.write(frame, str(wide))
    gen.write(gen.to_long(frame), str(long))
    return frame, defects, wide, long


def test_great_expectations_agrees_with_pandera_and_writes_data_docs(dataset, tmp_path):
    need_gx()
    frame, defects, wide, _ = dataset
    pandera = validate(str(wide))
    docs = tmp_path / "docs"
    ge = validate(str(wide), options=Options(engine="gx", data_docs=str(docs)))
    assert not ge.errors, ge.errors
    assert {(f.rule, f.row) for f in ge.findings} == planted_rows(frame, defects, 2)
    assert same(ge.findings, pandera.findings) and ge.coverage["engine"] == "gx"
    pages = list(docs.rglob("*.html"))
    assert (docs / "index.html").exists() and len(pages) >= 2
    assert any(
        "ARI001:capaian_tw2" in p.read_text(encoding="utf-8")
        for p in pages
        if p.name != "index.html"
    )


def _suite(capsys, *args):
    assert main(["export-gx", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_exported_suite_loads_in_ge_and_validates_the_frame(dataset, capsys):
    need_gx()
    import great_expectations as gx

    from kinerja_audit.data import gx as engine
    from kinerja_audit.data.checks import all_checks
    from kinerja_audit.data.validate import load
    from kinerja_audit.rules.registry import Context

    frame, defects, wide, _ = dataset
    data = _suite(capsys, "--name", "tim-data")
    assert data["name"] == "tim-data" and "id" not in data
    context = engine.context()
    suite = context.suites.add(gx.ExpectationSuite(**data))
    batch = (context.data_sources.add_pandas("tim").add_dataframe_asset("rows")
             .add_batch_definition_whole_dataframe("all"))
    normalised = load(str(wide), Options())
    plain = engine.plain_frame(normalised.df, all_checks(Context().rule_option))
    outcome = batch.get_batch(batch_parameters={"dataframe": plain}).validate(
        suite, result_format={"result_format": "COMPLETE"})
    failed = {(r.expectation_config.meta["kinerja_audit"]["rule"], int(v))
              for r in outcome.results if not r.success for v in r.result["unexpected_list"]}
    assert failed == planted_rows(frame, defects, 2)


def test_postgresql_suite_runs_inside_the_database(dataset, postgres_url, capsys):
    """The SQL form of every check, run by GE's PostgreSQL datasource on a table of
    normalised rows."""
    need_gx()
    import great_expectations as gx
    import pg

    from kinerja_audit.data import gx as engine
    from kinerja_audit.data.validate import load

    frame, defects, wide, _ = dataset
    normalised = load(str(wide), Options()).df
    columns = [c for c in normalised.columns]
    numeric = [
        c for c in columns if str(normalised[c].dtype) in ("Float64", "Int8", "Int64", "int64")
    ]
    pg.load_typed_table(
        postgres_url,
        "normalised",
        normalised.astype(object).where(normalised.notna(), None),
        numeric,
    )
    data = _suite(capsys, "--target", "postgresql")
    context = engine.context()
    suite = context.suites.add(gx.ExpectationSuite(**data))
    url = postgres_url.replace("postgresql://", "postgresql+psycopg://", 1)
    batch = (
        context.data_sources.add_postgres("db", connection_string=url)
        .add_table_asset("normalised", table_name="normalised")
        .add_batch_definition_whole_table("all")
    )
    outcome = batch.get_batch().validate(suite, result_format={"result_format": "COMPLETE"})
    errors = [r.exception_info for r in outcome.results if r.exception_info.get("raised_exception")]
    assert not errors, errors[:1]
    failed = {
        (r.expectation_config.meta["kinerja_audit"]["rule"], int(row["_row"]))
        for r in outcome.results
        if not r.success
        for row in r.result["details"]["unexpected_rows"]
    }
    assert failed == planted_rows(frame, defects, 2)


@pytest.fixture(scope="module")
def spark_session():
    need_spark()
    from kinerja_audit.data import spark

    session = spark.session("local[2]")
    yield session
    session.stop()


def test_spark_agrees_with_pandera_on_csv_and_long_parquet(dataset, spark_session):
    frame, defects, wide, long = dataset
    for path, long_frame, offset in ((wide, None, 2), (long, gen.to_long(frame), 1)):
        pandera = validate(str(path))
        spark = validate(str(path), options=Options(engine="spark"))
        assert not spark.errors, spark.errors
        assert {(f.rule, f.row) for f in spark.findings} == planted_rows(
            frame, defects, offset, long_frame
        )
        assert same(spark.findings, pandera.findings), path.name
        assert {k: v for k, v in spark.coverage.items() if k != "engine"} == \
            {k: v for k, v in pandera.coverage.items() if k != "engine"}


def test_report_path_never_loads_pyspark(tmp_path):
    """pandera imports pyspark.pandas when pyspark is installed; kinerja-audit hides it
    (quiet, fast)."""
    script = tmp_path / "probe.py"
    script.write_text(
        "import sys\nfrom kinerja_audit.cli import main\nmain(['demo', '--format', 'json', "
        "'-o', sys.argv[1]])\nprint(sorted(m for m in sys.modules if m.startswith('pyspark')))\n"
    )
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "out.json")], check=False,
                          capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip() == "[]" and done.stderr == ""
    assert json.loads((tmp_path / "out.json").read_text())["reports"][0]["findings"]
