"""Indicator-dataset benchmark behind ``make bench-data``: every engine on generated wide rows.

    python benchmarks/bench_data.py [--sizes 10000 1000000] [--gx-max 1000000] [--spark-max 1000000]
                                    [--pg-max 1000000] [--output benchmarks/results_data.json]

Per size (units × 40 indicators × 5 years, defects planted): ``validate-data`` in a fresh child
process per engine, wall time and peak memory (``ru_maxrss`` of the child): pandera on the CSV,
Great Expectations (in-memory frame) on the same CSV and rules, Spark local (``local[2]``, Spark
reads the CSV), and pandera reading a PostgreSQL table of text columns (a throw-away cluster,
tests/pg.py).  Every engine must report the same number of findings.  Targets (1,000,000 rows,
2 cores): pandera < 10 s and < 2 GB; pandera ≥ 10× faster than GE (the ratio is printed per size,
GE time / pandera time on the same CSV).  An engine above its ``--…-max`` rows is not run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CHILD = (
    "\n"
    "import json, resource, sys, time\n"
    "t = time.perf_counter()\n"
    "from kinerja_audit.data.validate import Options, validate\n"
    "source, engine, table = sys.argv[1], sys.argv[2], sys.argv[3] or None\n"
    'r = validate(source, options=Options(engine=engine, table=table, spark_master="local[2]"))\n'
    'print(json.dumps({"seconds": time.perf_counter() - t, "findings": len(r.findings), '
    '"errors": r.errors,\n'
    '                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n'
)


def run(source: str, engine: str, table: str = "") -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(CHILD)          # a file, not -c: pyspark exits early when __main__ has no file
    try:
        done = subprocess.run(
            [sys.executable, fh.name, source, engine, table],
            check=False,
            capture_output=True,
            text=True,
            timeout=7200,
        )
    finally:
        os.unlink(fh.name)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"error": done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]}
    return json.loads(lines[-1])


def _ratio(runs: list[dict]) -> float | None:
    """GE time / pandera time (both on the CSV) of one size, when both ran."""
    seconds = {r["engine"]: r.get("seconds") for r in runs}
    if seconds.get("gx") and seconds.get("pandera"):
        return round(seconds["gx"] / seconds["pandera"], 1)
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--gx-max", type=int, default=1_000_000)
    parser.add_argument("--spark-max", type=int, default=1_000_000)
    parser.add_argument("--pg-max", type=int, default=1_000_000)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results_data.json"))
    args = parser.parse_args(argv)

    from kinerja_audit.data import generate as gen

    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_before": os.getloadavg()[0]}, "runs": []}
    cluster = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            units = max(1, size // 200)
            t = time.perf_counter()
            frame, _ = gen.generate(units=units, indicators=40, years=5, seed=2026, defects=20)
            csv = str(Path(tmp) / f"data-{size}.csv")
            gen.write(frame, csv)
            print(f"{len(frame):,} rows generated in {time.perf_counter() - t:.0f} s", flush=True)
            engines = [("pandera", csv, "")]
            if size <= args.gx_max:
                engines.append(("gx", csv, ""))
            if size <= args.spark_max:
                engines.append(("spark", csv, ""))
            if size <= args.pg_max:
                try:
                    import pg

                    if cluster is None and pg.available():
                        cluster = pg.Cluster()
                        cluster.start()
                    if cluster is not None:
                        pg.load_text_table(cluster.url, f"data_{size}", frame)
                        engines.append(("pandera", cluster.url, f"data_{size}"))
                except Exception as exc:  # noqa: BLE001 - the benchmark goes on without PostgreSQL
                    print(f"  PostgreSQL skipped: {exc}", flush=True)
            for engine, source, table in engines:
                out = run(source, engine, table)
                label = f"{engine}{' (PostgreSQL)' if table else ''}"
                row = {"rows": len(frame), "engine": label, **out}
                results["runs"].append(row)
                shown = (
                    f"{out['seconds']:.1f} s, {out['peak_mb']:.0f} MB, {out['findings']} findings"
                    if "seconds" in out
                    else f"error {out['error']}"
                )
                print(f"  {label:<22} {shown}", flush=True)
            ratio = _ratio([r for r in results["runs"] if r["rows"] == len(frame)])
            if ratio:
                results.setdefault("gx_ratio", {})[str(len(frame))] = ratio
                print(f"  GE / pandera: {ratio:.1f}x", flush=True)
    if cluster is not None:
        cluster.stop()
    results["machine"]["load_after"] = os.getloadavg()[0]
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
