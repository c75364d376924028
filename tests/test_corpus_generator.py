"""The synthetic corpus generator and the committed ground truth (tests/corpus/)."""
from __future__ import annotations

import copy
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus import defects as D
from tests.corpus import generator as G
from tests.corpus.model import compute_capaian, status_of

CORPUS = ROOT / "tests" / "corpus"
REPORTS = CORPUS / "reports"
HANDWRITTEN = CORPUS / "handwritten"
SAMPLE_TRUTH = ROOT / "kinerja_audit" / "samples" / "lkj-contoh-tw3-2025.defects.yaml"
ALLOWED = {"structure", "numbering", "arithmetic", "zero-target", "table-mismatch", "ik-label",
           "ik-name", "unit", "anomaly", "narrative-number", "narrative-verdict",
           "narrative-period", "polarity"}
CODE = re.compile(r"^IK\.\d+$")


def truth_files() -> list[Path]:
    files = sorted(REPORTS.glob("*.truth.yaml")) + sorted(HANDWRITTEN.glob("*.truth.yaml"))
    if SAMPLE_TRUTH.exists():
        files.append(SAMPLE_TRUTH)
    return files


# --------------------------------------------------------------------------- determinism
def test_same_seed_same_bytes():
    a = G.generate_one(3, 2025, "scattered", 3, prefer=["arithmetic", "unit", "polarity"])
    b = G.generate_one(3, 2025, "scattered", 3, prefer=["arithmetic", "unit", "polarity"])
    assert a == b
    for layout in G.LAYOUTS:
        assert G.render_text(G.build_report(77), layout) == G.render_text(G.build_report(77),
                                                                          layout)
    assert G.render_text(G.build_report(77), "layout") != G.render_text(G.build_report(78),
                                                                        "layout")


def test_committed_corpus_is_reproducible(tmp_path):
    committed = sorted(p.name for p in REPORTS.iterdir() if p.suffix in (".txt", ".yaml"))
    assert len(committed) == 80, "expected 40 reports with their truth files"
    G.generate_corpus(tmp_path, count=40, seed=2025)
    fresh = sorted(p.name for p in tmp_path.iterdir())
    assert fresh == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (REPORTS / name).read_bytes(), name


# --------------------------------------------------------------------------- consistency
@pytest.mark.parametrize("seed", range(40))
def test_consistent_model_recomputes(seed):
    r = G.build_report(seed)
    m = r.meta
    assert 5 <= len(r.indicators) <= 14 and 2 <= len(r.sasaran) <= 5
    assert m.sign_date > f"{m.year}-{3 * m.quarter:02d}-28"
    for ind in r.indicators:
        assert ind.capaian == compute_capaian(ind.target, ind.realisasi, ind.polarity)
        if ind.target == 0:
            assert ind.capaian is None
        if ind.capaian is not None and ind.capaian > 120:
            assert ind.explanation, f"{ind.code}: capaian {ind.capaian} without explanation"
        if ind.is_score and m.kind == "quarterly" and m.quarter < 4 and ind.kind == "score_year":
            assert ind.target == 0 and ind.realisasi == 0
        if ind.aggregation == "sum" and m.target_basis == "cumulative":
            assert ind.targets == sorted(ind.targets) and ind.targets[-1] == ind.target_annual
        if ind.aggregation == "sum" and m.target_basis == "quarterly":
            assert sum(ind.targets) == ind.target_annual
        assert ind.printed.is_empty()
    a, b, c = r.summary_counts()
    assert a + b + c == len(r.indicators)
    for row in r.budget:
        assert 0 < row.realisasi < row.pagu


@pytest.mark.parametrize("layout", ["scattered", "layout", "pipe"])
def test_clean_text_states_the_model(layout):
    r = G.build_report(4242)
    text = G.render_text(r, layout)
    flat = re.sub(r"\s+", " ", text)
    for ind in r.indicators:
        assert ind.name.split()[0] in flat
    a, _, _ = r.summary_counts()
    assert f"{len(r.indicators)} indikator" in flat
    assert str(a) in flat
    assert "BAB III" in text and "BAB IV" in text


# --------------------------------------------------------------------------- defects
def _kinds_seen() -> dict[tuple[str, str], int]:
    """(category, kind) -> a seed where that kind applies."""
    found: dict[tuple[str, str], int] = {}
    for seed in range(400):
        for cat in D.CATALOGUE:
            r = G.build_report(seed, need_negative=seed % 2 == 0, need_score=True,
                               kind="quarterly" if seed % 3 else None,
                               quarter=1 + seed % 3 if seed % 3 else None)
            rec = D.apply_kind(r, random.Random(seed), cat)
            if rec is not None:
                found.setdefault((cat, rec["kind"]), seed)
    return found


KINDS = _kinds_seen()


def test_every_category_has_kinds():
    assert {c for c, _ in KINDS} == ALLOWED


@pytest.mark.parametrize("cat,kind", sorted(KINDS))
def test_each_defect_kind_changes_text(cat, kind):
    seed = KINDS[(cat, kind)]
    opts = {"need_negative": seed % 2 == 0, "need_score": True,
            "kind": "quarterly" if seed % 3 else None,
            "quarter": 1 + seed % 3 if seed % 3 else None}
    clean = G.build_report(seed, **opts)
    dirty = copy.deepcopy(clean)
    rec = D.apply_kind(dirty, random.Random(seed), cat)
    assert rec["category"] == cat and rec["kind"] == kind and rec["note"]
    assert rec["indicator"] is None or CODE.match(rec["indicator"])
    for layout in G.LAYOUTS:
        assert G.render_text(clean, layout) != G.render_text(dirty, layout), (cat, kind, layout)


def test_defects_never_collide():
    for seed in range(60):
        r = G.build_report(seed)
        recs = G.inject_defects(r, random.Random(seed), 4)
        cats = [x["category"] for x in recs]
        assert len(cats) == len(set(cats))
        inds = [x["indicator"] for x in recs if x["indicator"]]
        assert len(inds) == len(set(inds))


# --------------------------------------------------------------------------- truth files
@pytest.mark.parametrize("path", truth_files(), ids=lambda p: p.name)
def test_truth_file_is_well_formed(path):
    t = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"name", "meta", "clean", "defects", "indicators"} <= set(t)
    assert t["clean"] == (not t["defects"])
    meta = t["meta"]
    assert meta["kind"] in ("quarterly", "annual", "semester")
    assert isinstance(meta["year"], int)
    codes = {i["code"] for i in t["indicators"]}
    for d in t["defects"]:
        assert set(d) == {"category", "indicator", "kind", "note"}, d
        assert d["category"] in ALLOWED, d
        assert d["kind"] and d["note"]
        if d["indicator"] is not None:
            assert CODE.match(d["indicator"]) and d["indicator"] in codes, d
    for ind in t["indicators"]:
        assert {"code", "name", "unit", "polarity", "target", "realisasi", "capaian"} <= set(ind)
        assert CODE.match(ind["code"])
        if ind["target"] is not None and ind["realisasi"] is not None:
            assert ind["capaian"] == compute_capaian(ind["target"], ind["realisasi"],
                                                     ind["polarity"]), ind
    txt = path.with_name(path.name.replace(".truth.yaml", ".txt").replace(".defects.yaml",
                                                                           ".txt"))
    assert txt.exists()


def test_corpus_shape():
    truths = [yaml.safe_load(p.read_text(encoding="utf-8"))
              for p in sorted(REPORTS.glob("*.truth.yaml"))]
    assert len(truths) == 40
    assert sum(p.name.startswith("holdout-") for p in REPORTS.glob("*.txt")) == 10
    assert sum(t["clean"] for t in truths) == 8
    assert {t["meta"]["layout"] for t in truths} == set(G.LAYOUTS)
    assert {t["meta"]["kind"] for t in truths} == {"quarterly", "annual"}
    per_cat: dict[str, int] = {}
    for t in truths:
        assert len(t["defects"]) <= 4
        for d in t["defects"]:
            per_cat[d["category"]] = per_cat.get(d["category"], 0) + 1
    assert set(per_cat) == ALLOWED
    assert min(per_cat.values()) >= 3


def test_handwritten_and_sample_present():
    texts = sorted(HANDWRITTEN.glob("*.txt"))
    assert len(texts) >= 5
    for t in texts:
        assert t.with_name(t.stem + ".truth.yaml").exists()
    assert SAMPLE_TRUTH.exists()
    sample = yaml.safe_load(SAMPLE_TRUTH.read_text(encoding="utf-8"))
    assert 8 <= len(sample["defects"]) <= 12
    assert len({d["category"] for d in sample["defects"]}) >= 8


def test_status_helper():
    r = G.build_report(5)
    assert all(status_of(i) in ("achieved", "not-achieved", "not-measured", "above-zero")
               for i in r.indicators)
