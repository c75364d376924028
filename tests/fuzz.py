"""Mutated reports, audited as the command line audits them: no exception escapes, the JSON is
valid, every case stays within its time budget.

A case is the example report (checks/examples/report.txt) or a corpus report, edited by a random
list of mutations: lines deleted, duplicated or swapped; digits replaced; numbers broken (a
separator doubled, a run of digits, a decimal comma lost); indicator codes, ``%`` signs and odd
unicode (superscript digits, bidi overrides, control characters, combining marks) inserted.
tests/test_fuzz.py draws the mutations with hypothesis; this module also runs many cases in one go
and prints the figures the README quotes:

    python -m tests.fuzz --cases 1000 [--seed 13] [--timeout 30]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "checks" / "examples" / "report.txt",
           *sorted((ROOT / "tests" / "corpus" / "reports").glob("*.txt"))[:3]]
INSERTS = ["IK.3", "IKU-12", "IK 4", "%", " %", "100%", "²", "³⁴", "\u202e", "\u200f", "\x1b[2J",
           "\x07", "\u0301", "\ufeff", "٣", "①", "\u00a0", "…", "–", "1.600.000.000.000.000.000"]


def mutate(text: str, edits: list[tuple[str, int, int]]) -> str:
    """Apply ``edits`` ((kind, position, value), positions taken modulo the current size)."""
    lines = text.split("\n")
    for kind, pos, value in edits:
        if not lines:
            lines = [""]
        i = pos % len(lines)
        line = lines[i]
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "swap":
            j = value % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "digit" and any(c.isdigit() for c in line):
            spots = [k for k, c in enumerate(line) if c.isdigit()]
            k = spots[value % len(spots)]
            lines[i] = line[:k] + str(value % 10) + line[k + 1:]
        elif kind == "break":
            k = value % (len(line) + 1)
            lines[i] = line[:k] + (".", ",", "..", ",,", "9" * (value % 500), "-", " ")[value % 7] \
                + line[k:]
        elif kind == "insert":
            k = value % (len(line) + 1)
            lines[i] = line[:k] + INSERTS[value % len(INSERTS)] + line[k:]
    return "\n".join(lines)


KINDS = ("delete", "duplicate", "swap", "digit", "break", "insert")


def random_edits(rng: random.Random) -> list[tuple[str, int, int]]:
    return [(rng.choice(KINDS), rng.randrange(10_000), rng.randrange(10_000))
            for _ in range(rng.randint(1, 40))]


def check_case(text: str, folder: Path, name: str, timeout: float) -> dict:
    """Audit ``text`` through the command line's runner (a worker process, the time budget),
    render it as JSON and as XLSX; what happened."""
    from kinerja_audit import contract
    from kinerja_audit.render import render
    from kinerja_audit.rules.registry import Context, select
    from kinerja_audit.runner import Job, run

    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.perf_counter()
    [result] = run([Job(str(path), Context(), select(), 2**26, 500)], workers=1, timeout=timeout)
    seconds = time.perf_counter() - start
    built = contract.build([result])
    data = json.loads(render(built, "json"),
                      parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    render(built, "xlsx")
    return {"seconds": seconds, "errors": result.errors, "reports": len(data["reports"]),
            "findings": len(result.findings)}


def is_failure(outcome: dict) -> bool:
    """A bug of the tool (an internal error) or a case over its time budget; an input the tool
    refuses (every line deleted: "berkas kosong") is not one."""
    return any("internal" in e or "batas waktu" in e for e in outcome["errors"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    worst, failures = 0.0, []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.cases):
            text = mutate(rng.choice(texts), random_edits(rng))
            out = check_case(text, Path(tmp), f"kasus-{n}.txt", args.timeout)
            worst = max(worst, out["seconds"])
            if is_failure(out):
                failures.append((n, out["errors"]))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"cases": args.cases, "seed": args.seed, "max_seconds": round(worst, 2),
                      "peak_worker_mb": round(peak, 1), "failures": failures[:10],
                      "failed": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
