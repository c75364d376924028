"""Every benchmark behind ``make bench``: prints a table and writes ``benchmarks/results.json``.

    python benchmarks/run.py [--repeat 7] [--cli-repeat 5] [--batch 200] [--output FILE] [--strict]

What is measured (targets for a 2-core machine):

- parse + check per report, in-process (``audit_path``; no interpreter start-up; one warm-up, then
  the median of ``--repeat`` runs) on the bundled sample and on the reference seed
  ``../shared/seeds/lkj-tw2-2025-bkhit-kalbar.txt`` (skipped with a note when absent): < 50 ms;
- CLI wall time of ``kinerja-audit check FILE`` including start-up (median of ``--cli-repeat``):
  < 1.5 s, and of ``kinerja-audit --help`` (start-up only);
- peak memory (``ru_maxrss``) of one ``kinerja-audit check`` child process;
- the 60-page PDF of ``benchmarks/bench_pdf.py`` (< 5 s);
- its annotated copies as PDF and DOCX (``benchmarks/bench_annotate.py``);
- the real PDFs of ``../shared/real-pdfs`` (``benchmarks/bench_real_pdfs.py``), audited as read now
  and with pdfplumber alone, the reader before PDFium: at least 4 times faster in total;
- a batch of ``--batch`` generated reports (tests/corpus/generator, the three text layouts in turn,
  defects planted) through ``kinerja-audit check DIR --format json -o /dev/null`` with ``--jobs 2``
  and ``--jobs 1`` (one run each).

Figures depend on the machine and on what else runs on it: the load average is recorded with them.
Exit code 0, or 1 with ``--strict`` when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = ROOT.parent / "shared" / "seeds" / "lkj-tw2-2025-bkhit-kalbar.txt"
RESULTS = ROOT / "benchmarks" / "results.json"
BATCH_SEED = 77                      # master seed of the generated batch (not the test corpus's)

# A fresh interpreter whose only child is the command: RUSAGE_CHILDREN is then that command's peak.
_MEM_HELPER = ("import resource, subprocess, sys\n"
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.DEVNULL, check=False)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


class Bench:
    """Collects results: one row per figure, with its target."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.notes: list[str] = []

    def add(self, key: str, what: str, value: float | None, unit: str, target: float | None = None,
            higher: bool = False, **extra) -> None:
        """``target``: the value must stay below it (``higher``: reach at least it)."""
        ok = None if target is None or value is None else (
            value >= target if higher else value < target)
        self.rows.append({"id": key, "what": what, "value": value, "unit": unit,
                          "target": target, "higher": higher, "ok": ok, **extra})
        mark = "" if ok is None else ("  ok" if ok else "  MISSED")
        shown = "-" if value is None else f"{value:g} {unit}"
        print(f"  {what:<58} {shown:>14}{mark}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)


def cli_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m kinerja_audit``."""
    script = Path(sys.executable).with_name("kinerja-audit")
    if script.exists():
        return [str(script)]
    found = shutil.which("kinerja-audit")
    return [found] if found else [sys.executable, "-m", "kinerja_audit"]


def wall(cmd: list[str], repeat: int) -> tuple[float, int]:
    """Median wall time (s) of ``repeat`` runs, and the exit code of the last one."""
    times, code = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
        code = proc.returncode
    return statistics.median(times), code


class OtherLoad:
    """CPUs busy with work other than this benchmark (``/proc/stat`` minus our own CPU time).

    0.0 means the benchmark had the machine to itself; 1.0 means one whole CPU was busy elsewhere.
    None where ``/proc/stat`` does not exist.
    """

    def __init__(self) -> None:
        self.start = self._sample()

    @staticmethod
    def _sample():
        try:
            with open("/proc/stat", encoding="ascii") as fh:
                fields = [int(x) for x in fh.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        busy = sum(fields) - fields[3] - (fields[4] if len(fields) > 4 else 0)  # minus idle, iowait
        own = sum(
            getattr(resource.getrusage(who), f)
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
            for f in ("ru_utime", "ru_stime")
        )
        return busy / os.sysconf("SC_CLK_TCK"), own, time.monotonic()

    def cpus(self) -> float | None:
        end = self._sample()
        if self.start is None or end is None or end[2] <= self.start[2]:
            return None
        other = (end[0] - self.start[0]) - (end[1] - self.start[1])
        return round(max(other, 0.0) / (end[2] - self.start[2]), 2)


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _MEM_HELPER, *cmd], capture_output=True, text=True,
                         check=True).stdout
    kib = int(out.split()[-1])
    if sys.platform == "darwin":      # bytes there, kilobytes on Linux
        kib //= 1024
    return round(kib / 1024, 1)


# -------------------------------------------------------------------------------------- the benches
def bench_in_process(b: Bench, reports: list[tuple[str, Path]], repeat: int) -> None:
    from kinerja_audit.audit import audit_path

    for label, path in reports:
        result = audit_path(path)                 # warm-up: imports, rule pack, lexicons
        if result.errors:
            b.note(f"{path.name}: {result.errors}")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            audit_path(path)
            times.append(time.perf_counter() - start)
        ms = round(statistics.median(times) * 1000, 1)
        lines = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        b.add(
            f"in_process_{label}",
            f"parse+check in-process, {label} ({lines} lines)",
            ms,
            "ms",
            50,
            file=path.name,
            runs=repeat,
            min=round(min(times) * 1000, 1),
            indicators=len(result.indicators),
            findings=len(result.findings),
        )


def bench_cli(b: Bench, cli: list[str], sample: Path, repeat: int) -> None:
    subprocess.run([*cli, "--help"], stdout=subprocess.DEVNULL, check=False)  # warm the file cache
    seconds, code = wall([*cli, "check", str(sample)], repeat)
    b.add(
        "cli_check",
        f"CLI 'kinerja-audit check {sample.name}' (with start-up)",
        round(seconds, 3),
        "s",
        1.5,
        runs=repeat,
        exit_code=code,
    )
    seconds, code = wall([*cli, "--help"], repeat)
    b.add("cli_help", "CLI 'kinerja-audit --help' (start-up only)", round(seconds, 3), "s", None,
          runs=repeat, exit_code=code)


def bench_memory(b: Bench, cli: list[str], reports: list[tuple[str, Path]]) -> None:
    for label, path in reports:
        mb = peak_rss_mb([*cli, "check", str(path), "--format", "json", "-o", os.devnull])
        b.add(f"peak_rss_{label}", f"peak memory (ru_maxrss) of 'check', {label}", mb, "MB", None)


def bench_pdf(b: Bench, pages: int) -> None:
    try:
        import pdfplumber  # noqa: F401
        import reportlab  # noqa: F401
    except ImportError as exc:
        b.note(f"PDF benchmark skipped: {exc.name} is not installed (pip install -e '.[test]')")
        return
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_pdf.py"), "--pages", str(pages)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        b.note(f"PDF benchmark failed: {proc.stderr.strip().splitlines()[-1:]}")
        return
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    b.add(
        "pdf_seconds",
        f"PDF of {res['pages']} pages, read+parse+check in-process",
        res["seconds"],
        "s",
        5,
        pages=res["pages"],
        indicators=res["indicators"],
        findings=res["findings"],
    )
    b.add("pdf_pages_per_second", "PDF pages per second", res["pages_per_second"], "pages/s", None)


def bench_real_pdfs(b: Bench, repeat: int) -> None:
    """The real reports of ../shared/real-pdfs, audited now and with pdfplumber alone (before)."""
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_real_pdfs.py"),
                           "--repeat", str(repeat)], capture_output=True, text=True, check=False,
                          cwd=ROOT)
    res = json.loads((proc.stdout.strip().splitlines() or ["{}"])[-1])
    if proc.returncode != 0 or "error" in res:
        b.note(f"real-PDF benchmark skipped: {res.get('error') or proc.stderr.strip()[-200:]}")
        return
    pages = sum(r["pages"] for r in res["reports"])
    n = len(res["reports"])
    b.add("real_pdfs_seconds", f"{n} real PDFs ({pages} pages), read+parse+check, CPU",
          res["seconds_now"], "s", None, reports=res["reports"])
    b.add("real_pdfs_seconds_before", "the same, pdfplumber alone (the reader before PDFium)",
          res["seconds_before"], "s", None)
    b.add("real_pdfs_speedup", "real-PDF speed-up (PDFium over pdfplumber alone)", res["speedup"],
          "x", 4, higher=True, same_findings=res["same_findings"])
    if not res["same_findings"]:
        b.note("real PDFs: the two readings gave different findings")


def bench_annotate(b: Bench, pages: int) -> None:
    try:
        import docx  # noqa: F401
        import pypdf  # noqa: F401
        import reportlab  # noqa: F401
    except ImportError as exc:
        b.note(
            f"annotate benchmark skipped: {exc.name} is not installed (pip install -e '.[test]')"
        )
        return
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_annotate.py"), "--pages", str(pages)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        b.note(f"annotate benchmark failed: {proc.stderr.strip().splitlines()[-1:]}")
        return
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    for kind in ("pdf", "docx"):
        b.add(f"annotate_{kind}_seconds",
              f"annotated copy of the {res['pages']}-page report as {kind.upper()} "
              f"({res[kind]['notes']} notes)", res[kind]["seconds"], "s", None, **res[kind])


def generate_batch(folder: Path, count: int) -> None:
    from tests.corpus.generator import (
        LAYOUTS,
        build_report,
        inject_defects,
        render_text,
        report_seed,
    )

    for i in range(count):
        seed = report_seed(BATCH_SEED, i)
        report = build_report(seed)
        inject_defects(report, random.Random(f"defects|{seed}"))
        layout = LAYOUTS[i % len(LAYOUTS)]
        (folder / f"lkj-{i + 1:03d}-{layout}.txt").write_text(
            render_text(report, layout), encoding="utf-8"
        )


def bench_batch(b: Bench, cli: list[str], count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        generate_batch(folder, count)
        b.note(f"generated {count} reports in {time.perf_counter() - start:.1f} s")
        per_jobs = {}
        for jobs in (2, 1):
            cmd = [
                *cli,
                "check",
                str(folder),
                "--jobs",
                str(jobs),
                "--format",
                "json",
                "-o",
                os.devnull,
            ]
            load = OtherLoad()
            start = time.perf_counter()
            proc = subprocess.run(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
            )
            seconds = round(time.perf_counter() - start, 2)
            other = load.cpus()
            unreadable = sum(
                1 for ln in proc.stderr.splitlines() if ln.startswith("kinerja-audit:")
            )
            per_jobs[jobs] = seconds
            b.add(
                f"batch_{count}_jobs{jobs}",
                f"batch of {count} generated reports, --jobs {jobs}",
                seconds,
                "s",
                None,
                exit_code=proc.returncode,
                unreadable=unreadable,
                ms_per_report=round(seconds * 1000 / count, 1),
                other_cpus_busy=other,
            )
            if other is not None and other >= 0.3:
                b.note(f"--jobs {jobs}: {other:.1f} CPU(s) busy with other work during the run")
            if unreadable:
                b.note(f"--jobs {jobs}: {unreadable} report(s) could not be audited: "
                       f"{proc.stderr.splitlines()[0]}")
        b.add(f"batch_{count}_speedup", "batch speed-up, --jobs 2 over --jobs 1",
              round(per_jobs[1] / per_jobs[2], 2), "x", None)


# ------------------------------------------------------------------------------------------- driver
def machine() -> dict:
    from kinerja_audit import __version__

    try:
        commit = (
            subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            or None
        )
    except OSError:
        commit = None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "kinerja_audit": __version__,
        "commit": commit,
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
    }


def print_table(b: Bench) -> None:
    print("\n| what | figure | target |\n|---|---|---|")
    for row in b.rows:
        figure = "-" if row["value"] is None else f"{row['value']:g} {row['unit']}"
        sign = ">=" if row.get("higher") else "<"
        target = "" if row["target"] is None else f"{sign} {row['target']:g} {row['unit']}"
        if row["ok"] is False:
            target += " (missed)"
        print(f"| {row['what']} | {figure} | {target} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=7, help="in-process runs per report (median; >= 5)"
    )
    parser.add_argument("--cli-repeat", type=int, default=5, help="CLI runs (median)")
    parser.add_argument("--batch", type=int, default=200, help="generated reports in the batch")
    parser.add_argument("--pdf-pages", type=int, default=60)
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="results JSON (default: %(default)s)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    from kinerja_audit.cli import sample_paths

    started = time.perf_counter()
    overall = OtherLoad()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    b = Bench()
    print(
        f"kinerja-audit benchmarks ({os.cpu_count()} CPUs, Python {platform.python_version()})",
        flush=True,
    )
    cli = cli_command()
    sample = Path(sample_paths()[0])
    reports = [("sample", sample)]
    if SEED.exists():
        reports.append(("seed", SEED))
    else:
        b.note(f"reference seed not found at {SEED}: its figures are skipped")
    if load_before and load_before > 0.5:
        b.note(f"load average {load_before:.2f} at start: other work shares the CPUs; "
               "figures are pessimistic")

    bench_in_process(b, reports, max(5, args.repeat))
    bench_cli(b, cli, sample, args.cli_repeat)
    bench_memory(b, cli, reports)
    bench_pdf(b, args.pdf_pages)
    bench_real_pdfs(b, max(1, args.cli_repeat // 2))
    bench_annotate(b, args.pdf_pages)
    bench_batch(b, cli, args.batch)

    print_table(b)
    other = overall.cpus()
    if other is not None:
        print(f"\nCPUs busy with other work during the benchmarks: {other:.2f} of {os.cpu_count()}")
    data = {"machine": machine(), "other_cpus_busy": other,
            "load_average": {"start": load_before,
                             "end": os.getloadavg()[0] if load_before is not None else None},
            "seconds": round(time.perf_counter() - started, 1), "results": b.rows, "notes": b.notes}
    args.output.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{args.output} written ({data['seconds']} s)")
    missed = [r["id"] for r in b.rows if r["ok"] is False]
    if missed:
        print("targets missed: " + ", ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
