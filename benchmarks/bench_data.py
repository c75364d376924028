"""Indicator-dataset benchmark behind ``make bench-data``: every engine on generated wide rows.

    python benchmarks/bench_data.py [--sizes 10000 1000000] [--gx-max 1000000] [--spark-max 1000000]
                                    [--pg-max 1000000] [--output benchmarks/results_data.json]

Per size (units × 40 indicators × 5 years, defects planted): ``validate-data`` in a fresh child
process per engine, wall time and peak memory (``ru_maxrss`` of the child): pandera on the CSV,
Great Expectations (in-memory frame) on the same CSV and rules, Spark local (``local[2]``, Spark
reads the CSV), and pandera reading a PostgreSQL table of text columns (a throw-away cluster,
tests/pg.py).  Every engine must report the same number of findings.  Targets (1,000,000 rows,
2 cores): pandera < 10 s and < 2 GB; pandera ≥ 10× faster than GE.  An engine above its
``--…-max`` rows is not run.

Two ratios per size, GE time / pandera time, both printed and written:

* ``end_to_end``: ``validate-data`` in its own process per engine (imports, reading, normalising,
  the checks, the findings).  Both engines share everything but the checks, which caps this ratio;
* ``engine_only``: one more child process loads and normalises the CSV once, by the code path
  ``validate-data`` uses (``validate.load``), warms both engines up on the first rows, then times
  the pandera checks and the GE checks (``validate.failing``) on that same normalised frame (best
  of ``--repeat`` runs; GE once above ``--gx-repeat-max`` rows) and asserts that both give the same
  failing rows and the same findings.  It also times the stages (imports, reading, normalising,
  findings) that both engines share.
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

ONE_FRAME_CHILD = """
import dataclasses, json, resource, sys, time
t = time.perf_counter()
import pandas, pyarrow.csv                # what the pandera path of validate-data imports
from kinerja_audit.data import explain, schema
from kinerja_audit.data import validate as v
from kinerja_audit.data.shape import normalise
from kinerja_audit.data.sources import read
from kinerja_audit.pandera_loader import pandera
from kinerja_audit.rules.registry import Context
pandera()
stages = {"imports": time.perf_counter() - t}
t = time.perf_counter()
from kinerja_audit.data import gx as gx_engine
gx_engine._gx()
stages["imports_gx"] = time.perf_counter() - t
source, repeat_pandera, repeat_gx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ctx, pandera, gx = Context(), v.Options(engine="pandera"), v.Options(engine="gx")
checks = v.selected_checks(ctx, None)
t = time.perf_counter()
raw = read(source)                       # validate.load: read, then normalise
stages["read"] = time.perf_counter() - t
t = time.perf_counter()
frame = normalise(raw, pandera.mapping, ctx.lang)
stages["normalise"] = time.perf_counter() - t
head = dataclasses.replace(frame, df=frame.df.head(200))
for name, options in (("pandera", pandera), ("gx", gx)):   # first-call set-up of each engine
    t = time.perf_counter()
    v.failing(head, checks, options)
    stages[f"warm_up_{name}"] = time.perf_counter() - t

def best(options, n):
    times, fails = [], None
    for _ in range(n):
        t = time.perf_counter()
        fails = v.failing(frame, checks, options)
        times.append(time.perf_counter() - t)
    return times, fails

pandera_times, pandera_fails = best(pandera, repeat_pandera)
gx_times, gx_fails = best(gx, repeat_gx)
assert pandera_fails == gx_fails, "the engines disagree on the failing rows"
t = time.perf_counter()
found = [f.to_dict() for f in explain.findings(frame, checks, pandera_fails, ctx)]
stages["findings"] = time.perf_counter() - t
same = [f.to_dict() for f in explain.findings(frame, checks, gx_fails, ctx)] == found
assert same, "the engines disagree on the findings"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"stages": stages, "pandera": pandera_times, "gx": gx_times,
                  "findings": len(found), "peak_mb": peak}))
"""


def _child(script: str, *args: str) -> dict:
    """Run ``script`` in a fresh Python; its last JSON line, or {"error": …}."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(script)         # a file, not -c: pyspark exits early when __main__ has no file
    try:
        done = subprocess.run(
            [sys.executable, fh.name, *args],
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


def run(source: str, engine: str, table: str = "") -> dict:
    """``validate-data`` end to end in its own process."""
    return _child(CHILD, source, engine, table)


def one_frame(source: str, repeat_pandera: int, repeat_gx: int) -> dict:
    """Both engines' checks on one normalised frame, in one process (see the module docstring)."""
    return _child(ONE_FRAME_CHILD, source, str(repeat_pandera), str(repeat_gx))


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
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each engine's checks on one frame (the best is kept)")
    parser.add_argument("--gx-repeat-max", type=int, default=100_000,
                        help="above this many rows the GE checks run once")
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
            ratios = results.setdefault("gx_ratio", {})
            ratio = _ratio([r for r in results["runs"] if r["rows"] == len(frame)])
            if ratio:
                ratios.setdefault("end_to_end", {})[str(len(frame))] = ratio
                print(f"  GE / pandera, end to end (validate-data, one process each): {ratio:.1f}x",
                      flush=True)
            if size <= args.gx_max:
                repeat_gx = args.repeat if size <= args.gx_repeat_max else 1
                out = one_frame(csv, args.repeat, repeat_gx)
                results.setdefault("one_frame", []).append({"rows": len(frame), **out})
                if "error" in out:
                    print(f"  engines on one frame: error {out['error']}", flush=True)
                    continue
                pandera_s, gx_s = min(out["pandera"]), min(out["gx"])
                stages = ", ".join(f"{k} {v:.2f} s" for k, v in out["stages"].items())
                print(f"  one process, one normalised frame: {stages}", flush=True)
                print(f"  checks only: pandera {pandera_s:.2f} s (best of {len(out['pandera'])}), "
                      f"GE {gx_s:.2f} s (best of {len(out['gx'])}), same {out['findings']} "
                      f"findings, {out['peak_mb']:.0f} MB", flush=True)
                ratio = round(gx_s / pandera_s, 1)
                ratios.setdefault("engine_only", {})[str(len(frame))] = ratio
                print(f"  GE / pandera, engine only (checks on the same frame): {ratio:.1f}x",
                      flush=True)
    if cluster is not None:
        cluster.stop()
    results["machine"]["load_after"] = os.getloadavg()[0]
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
