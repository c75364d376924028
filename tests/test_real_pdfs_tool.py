"""The tool on the five whole real PDFs, measured against their ground truth (tests/real_pdfs):
what it extracts and finds may only get better.

Per PDF: at least ``ok`` indicators extracted once with the printed target, realisasi and capaian;
at least ``true`` findings that match a recorded defect; at most ``false`` findings that match
nothing recorded; the kind, period and agency of ``META_OK`` right; never a finding that
contradicts a fact recorded as consistent.  The floors are today's figures (README, "PDF nyata");
raise them when the tool improves.
"""
from __future__ import annotations

import sys

import pytest
from needs import need

from tests.real_pdfs import check as C

FLOORS = {   # stem: (ok indicators, true findings, false findings at most)
    "jabar_biro_organisasi_lkip_2016": (7, 15, 0),
    "jabar_bpbd_lkip_2016": (1, 8, 0),
    "jabar_bplhd_lkip_2016": (6, 15, 0),
    "jabar_disnakertrans_lkip_2016": (11, 10, 0),
    "tangsel_dikbud_realisasi_tw_2023": (170, 2, 0),
}
# what of kind, period and agency each PDF's metadata must have right
META_OK = {stem: {"kind", "period", "agency"} for stem in FLOORS}
TRUTHS = {p.stem: p for p in C.truth_files()}


def test_every_truth_file_has_a_floor():
    assert set(FLOORS) == set(TRUTHS)


@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_real_pdf_does_not_regress(stem):
    truth = C.load_truth(TRUTHS[stem])
    pdf = C.pdf_of(truth, C.pdf_dir())
    need(pdf.exists(), f"{pdf.name} not in {pdf.parent}")
    run = C.run_tool(pdf, [sys.executable, "-m", "kinerja_audit"])
    assert run.error is None, run.error
    evaluation = C.evaluate(truth, run)
    counts = evaluation.counts()
    meta_ok = {key for key, value in evaluation.meta.items() if value["ok"]}
    assert META_OK[stem] <= meta_ok, evaluation.meta
    ok, true, false = FLOORS[stem]
    assert counts["contradicts_consistent"] == 0, counts
    assert counts["indicators_ok"] >= ok, counts
    assert counts["true"] >= true, counts
    assert counts["unreviewed"] <= false, counts
