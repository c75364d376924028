"""Time the audit of a 60-page PDF report (read + model + rules); prints one JSON line.

    python benchmarks/bench_pdf.py [--pages 60] [--repeat 3]

The PDF is built in a temporary directory with reportlab from corpus reports (ruled tables, wrapped
names, a running header and page numbers on every page), as many reports back to back as it takes
to fill exactly ``--pages`` pages.  The figure is the median of ``--repeat`` runs of ``audit_path``.
Target: 60 pages in under 5 s on a 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def build_pdf(path: Path, pages: int) -> int:
    """Concatenated corpus reports cut at the block that fills ``pages`` pages;
    returns the count."""
    from tests.corpus.compose import compose
    from tests.corpus.generator import build_report
    from tests.corpus.render_binary import render_pdf

    blocks: list = []
    seed = 0
    while True:                       # enough reports to pass the page target
        seed += 1
        blocks += compose(build_report(seed, kind="quarterly", n_indicators=14))[0]
        if page_count(render_pdf(blocks, path)) >= pages:
            break
    low, high = 1, len(blocks)        # the shortest prefix that still reaches the target
    while low < high:
        mid = (low + high) // 2
        if page_count(render_pdf(blocks[:mid], path)) >= pages:
            high = mid
        else:
            low = mid + 1
    render_pdf(blocks[:low], path)
    return page_count(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from kinerja_audit.audit import audit_path

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "laporan.pdf"
        pages = build_pdf(pdf, args.pages)
        audit_path(pdf)               # warm-up: imports and the rule pack are loaded once
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = audit_path(pdf)
            times.append(time.perf_counter() - start)
        assert not result.errors, result.errors
    seconds = statistics.median(times)
    print(json.dumps({"bench": "pdf", "pages": pages, "seconds": round(seconds, 3),
                      "pages_per_second": round(pages / seconds, 1),
                      "indicators": len(result.indicators), "findings": len(result.findings)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
