"""Recall and precision of kinerja-audit against the planted defects of a corpus.

A planted defect is found when some finding has its category and is about the same indicator.
Indicators are compared by position (the n-th indicator of the report), so the code scheme a report
uses (IK.1, IKU-1, IKSS 1.1) does not matter.  Findings are counted once per (category, indicator):
several findings on the same defect are one true positive; a (category, indicator) pair that was not
planted is one false positive.

    python -m tests.corpus.score [DIR|FILE ...] [--holdout-only | --tuning-only] [-v]

``score_result`` scores any audit result against a truth record; ``score_formats`` uses it for the
corpus rendered as PDF and DOCX.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kinerja_audit.audit import audit_path

HERE = Path(__file__).resolve().parent
DEFAULT_DIRS = [HERE / "reports", HERE / "handwritten"]


@dataclass
class Score:
    name: str
    truth: set = field(default_factory=set)
    found: set = field(default_factory=set)
    extraction_errors: list = field(default_factory=list)

    @property
    def tp(self) -> set:
        return self.truth & self.found

    @property
    def fp(self) -> set:
        return self.found - self.truth

    @property
    def fn(self) -> set:
        return self.truth - self.found


def truth_file(report: Path) -> Path | None:
    for cand in (report.with_suffix(".truth.yaml"), report.with_suffix(".defects.yaml")):
        if cand.exists():
            return cand
    return None


def _position(code: str | None, codes: list[str]) -> int | None:
    if code is None:
        return None
    return codes.index(code) + 1 if code in codes else -1


def score_report(report: Path) -> Score:
    truth = yaml.safe_load(truth_file(report).read_text(encoding="utf-8"))
    return score_result(report.name, truth, audit_path(report))


def score_result(name: str, truth: dict, result) -> Score:
    """Score one audit ``result`` against a ``truth`` record (as written to ``*.truth.yaml``)."""
    truth_codes = [i["code"] for i in truth.get("indicators", [])]
    codes = [i["code"] for i in result.indicators]
    s = Score(name)
    s.truth = {
        (d["category"], _position(d.get("indicator"), truth_codes))
        for d in truth.get("defects", [])
    }
    s.found = {(f.category, _position(f.indicator, codes)) for f in result.findings}
    for pos, ti in enumerate(truth.get("indicators", []), start=1):
        got = result.indicators[pos - 1] if pos <= len(result.indicators) else None
        for key in ("target", "realisasi"):
            want = ti.get(key)
            have = got.get(key) if got else None
            if want is not None and (have is None or abs(float(have) - float(want)) > 1e-6):
                s.extraction_errors.append((pos, key, want, have))
    if len(result.indicators) != len(truth_codes) and truth_codes:
        s.extraction_errors.append(("count", len(truth_codes), len(result.indicators)))
    return s


def reports_in(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        if p.is_dir():
            out += sorted(x for x in p.glob("*.txt") if truth_file(x))
        elif truth_file(p):
            out.append(p)
    return out


def totals(scores: list[Score]) -> tuple[float, float, int, int, int]:
    tp = sum(len(s.tp) for s in scores)
    fp = sum(len(s.fp) for s in scores)
    fn = sum(len(s.fn) for s in scores)
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    return recall, precision, tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--holdout-only", action="store_true")
    ap.add_argument("--tuning-only", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    reports = reports_in(args.paths or DEFAULT_DIRS)
    if args.holdout_only:
        reports = [r for r in reports if r.name.startswith("holdout-")]
    if args.tuning_only:
        reports = [r for r in reports if not r.name.startswith("holdout-")]
    scores = [score_report(r) for r in reports]
    for s in scores:
        if args.verbose or s.fp or s.fn or s.extraction_errors:
            print(f"{s.name}: tp={len(s.tp)} fp={sorted(s.fp, key=str)} fn={sorted(s.fn, key=str)}"
                  + (f" extraction={s.extraction_errors[:4]}" if s.extraction_errors else ""))
    recall, precision, tp, fp, fn = totals(scores)
    print(f"reports={len(scores)} planted={tp + fn} tp={tp} fp={fp} fn={fn} "
          f"recall={recall:.3f} precision={precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
