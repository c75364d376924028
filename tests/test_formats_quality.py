"""Recall and precision on the corpus rendered as PDF and as DOCX (issue #5).

The first 20 reports of the committed corpus (``generator.plan(40, 2025)``: the models, planted
defects and truth of tests/corpus/reports) are rendered as PDF (reportlab) and DOCX (python-docx),
audited, and scored against the planted defects with the matching of tests/corpus/score.py.
Measured: pdf and docx 29/29 planted defects found, no false alarm (recall 1.000, precision
1.000), and every report's findings equal those of its text form (``render_plain``); on all 40
reports: 78/79, precision 1.000 in every format (the miss is the parser's, in every format alike).

    python -m tests.corpus.score_formats --count 40 --seed 2025 -v     # the full table
"""
import os
from pathlib import Path

from tests.corpus.score_formats import differences, rows_of, score_formats, table

ROOT = Path(__file__).resolve().parent.parent
REPORTS = 20


def test_pdf_and_docx_recall_precision_and_same_findings_as_text():
    scores = score_formats(40, 2025, ("pdf", "docx"), jobs=min(2, os.cpu_count() or 1),
                           first=REPORTS)
    print("\n" + table(rows_of(scores)))
    committed = {p.name for p in (ROOT / "tests" / "corpus" / "reports").glob("*.txt")}
    assert {f"{s.name.rsplit('.', 2)[0]}.txt" for s in scores["text"]} <= committed
    rows = {r.format: r for r in rows_of(scores)}
    assert rows["text"].planted >= 25
    for fmt in ("pdf", "docx"):
        assert rows[fmt].reports == REPORTS
        assert rows[fmt].recall >= 0.95 and rows[fmt].precision >= 0.95, table(rows.values())
    # the contract of the readers: a PDF or DOCX audits like its text form
    assert not differences(scores), "\n".join(differences(scores))
