"""Time the audit of the real PDFs in ../shared/real-pdfs, as read now and as read before PDFium.

    python benchmarks/bench_real_pdfs.py [--repeat 3]

Each report is audited in-process (read + model + rules): with the reader as it is (PDFium for
text, word boxes and paths; pdfplumber's word grouping and table finder) and with pdfplumber alone
(``pdf.read(..., pdfium=False)``: the reader before issue 13).  One warm-up, then the fastest of
``--repeat`` runs of each, in CPU seconds of this process (other work on the machine inflates wall
time more than CPU time).  Prints one JSON line: per report and in total, and whether both
readings gave the same findings.  Target: at least 4 times faster in total.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REAL = ROOT.parent / "shared" / "real-pdfs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import pypdfium2 as pdfium

    from kinerja_audit.audit import audit_document, audit_path
    from kinerja_audit.ingest import layout, limits, pdf
    from kinerja_audit.rules.registry import Context, select

    paths = sorted(REAL.glob("*.pdf"))
    if not paths:
        print(json.dumps({"error": f"no PDF in {REAL}"}))
        return 1
    ctx, rules = Context(), select()

    def before(path: Path):
        doc = pdf.read(path, str(path), 2**26, pdfium=False)
        return audit_document(layout.blank_running_lines(limits.bounded(doc)), ctx, rules)

    def now(path: Path):
        return audit_path(path, ctx, rules)

    def fastest(fn, path: Path) -> tuple[float, object]:
        times, result = [], None
        for _ in range(args.repeat):
            start = time.process_time()
            result = fn(path)
            times.append(time.process_time() - start)
        return min(times), result

    now(paths[0])                        # warm-up: imports, rule packs, pandera
    rows = []
    for path in paths:
        t_now, r_now = fastest(now, path)
        t_before, r_before = fastest(before, path)

        def key(result):
            return sorted(str((f.rule, f.indicator, f.found, f.expected)) for f in result.findings)

        rows.append(
            {
                "file": path.name,
                "pages": len(pdfium.PdfDocument(path)),
                "seconds_now": round(t_now, 2),
                "seconds_before": round(t_before, 2),
                "speedup": round(t_before / t_now, 2),
                "same_findings": key(r_now) == key(r_before),
                "findings": len(r_now.findings),
            }
        )
    total_now = sum(r["seconds_now"] for r in rows)
    total_before = sum(r["seconds_before"] for r in rows)
    print(json.dumps({"reports": rows, "seconds_now": round(total_now, 2),
                      "seconds_before": round(total_before, 2),
                      "speedup": round(total_before / total_now, 2),
                      "same_findings": all(r["same_findings"] for r in rows)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
