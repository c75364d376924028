"""The tool on real and real-style reports: recall and precision, and silence on checked facts.

``../shared/real-excerpts`` holds 16 excerpts of real reports with the defects an auditor flags and
the facts that were checked and found consistent (``clean``); ``tests/realstyle`` holds our own
documents written in the same styles (a third kept for measuring only).  Scoring follows the
shared scorer's rules (tests/realstyle/score.py): a finding is (indicator number, category).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from needs import need
from test_realstyle_corpus import score

from kinerja_audit.audit import audit_path

EXCERPTS = Path(__file__).resolve().parent.parent.parent / "shared" / "real-excerpts"
REALSTYLE = Path(__file__).resolve().parent / "realstyle"
_CACHE: dict[Path, list] = {}


def findings_of(path: Path) -> list:
    if path not in _CACHE:
        _CACHE[path] = audit_path(path).findings
    return _CACHE[path]


def runner(path: Path):
    return {(score.indicator_number(f.indicator), f.category) for f in findings_of(path)}, None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


@pytest.fixture(scope="module")
def excerpts() -> Path:
    need(EXCERPTS.is_dir(), f"real excerpts missing: {EXCERPTS}")
    return EXCERPTS


def test_real_excerpts_recall_and_precision(excerpts):
    result = score.score_corpus("all", excerpts, runner)
    assert result.recall >= 0.75 and result.precision >= 0.90, (result.recall, result.precision)


def _clean_violations(folder: Path) -> list[str]:
    out = []
    for text_path, truth in score.documents(folder, "all"):
        data = yaml.safe_load(text_path.with_suffix(".yaml").read_text(encoding="utf-8"))
        allowed = truth.required | truth.optional
        allowed_categories = {c for _, c in allowed}
        for fact in data.get("clean") or []:
            evidence = _norm(fact["evidence"])
            for f in findings_of(text_path):
                key = (score.indicator_number(f.indicator), f.category)
                if (
                    key in allowed
                    or key[0] is None
                    and key[1] in allowed_categories | score.FREE_CATEGORIES
                ):
                    continue   # a finding an annotated issue explains
                if evidence and evidence in _norm(f.evidence):
                    out.append(f"{text_path.name}: {f.rule} {f.indicator} at clean fact "
                               f"{fact['evidence'][:60]!r}")
    return out


def test_clean_facts_of_the_real_excerpts_stay_silent(excerpts):
    assert _clean_violations(excerpts) == []


def test_clean_facts_of_the_realstyle_corpus_stay_silent():
    assert _clean_violations(REALSTYLE) == []
