"""Benchmark: writing the annotated copies (``check --annotate``) of a long report.

The 60-page PDF of :mod:`bench_pdf` (corpus reports, ruled tables) and the same blocks as a DOCX
are audited once; then the copy is written ``--repeat`` times (median): word boxes, phrase search
and the pypdf update for the PDF, the run map, run splits and comments for the DOCX.  Prints one
JSON line.
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
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from bench_pdf import build_pdf

    from kinerja_audit import annotate
    from kinerja_audit.audit import read_and_audit
    from tests.corpus.render_binary import render_docx

    out = {"bench": "annotate"}
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "laporan.pdf"
        out["pages"] = build_pdf(pdf, args.pages)
        from pdfplumber import open as open_pdf

        with open_pdf(pdf) as doc:             # the DOCX holds the same text as the PDF
            text = "\n".join(page.extract_text() or "" for page in doc.pages)
        docx = render_docx(text, Path(tmp) / "laporan.docx")
        for kind, src in (("pdf", pdf), ("docx", docx)):
            document, result = read_and_audit(src)
            assert not result.errors, result.errors
            times, placement = [], None
            for i in range(args.repeat):
                start = time.perf_counter()
                placement = annotate.write(src, Path(tmp) / f"copy-{i}{src.suffix}", document,
                                           result.findings)
                times.append(time.perf_counter() - start)
            out[kind] = {"seconds": round(statistics.median(times), 3), "notes": placement.total,
                         "exact": placement.exact, "approximate": placement.approximate}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
