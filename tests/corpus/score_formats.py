"""Recall and precision of kinerja-audit on the corpus rendered as PDF and as DOCX.

The reports are the generator's corpus members (``generator.plan`` + ``corpus_member``: the same
models, planted defects and truth as ``python -m tests.corpus.generator --count N --seed S``
writes; ``--count 40 --seed 2025`` is the committed corpus).  Each model is rendered, in a
temporary directory, as

- ``text``:  ``render_plain``, the text a perfect extractor would give (what PDF/DOCX must match),
- ``layout``: the corpus text as committed (``render_text``: scattered / layout / pipe),
- ``pdf``:   ``render_pdf`` (reportlab: ruled tables, wrapped cells, running header, page numbers),
- ``docx``:  ``render_docx`` (python-docx: Word tables, merged sasaran cells),

audited with ``audit_path`` and scored against the planted defects with ``score.score_result``
(the matching of ``score.py``: (category, indicator position) pairs).  ``same`` counts the reports
whose findings, as scored, equal those of their ``text`` form.

    python -m tests.corpus.score_formats --count 20 --seed 2025 [--first K] [--formats pdf,docx]
                                         [-j JOBS] [--keep DIR] [-v]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from kinerja_audit.audit import audit_path

from . import generator
from .render_binary import render_docx, render_pdf, render_plain
from .score import Score, score_result, totals

FORMATS = ("text", "layout", "pdf", "docx")


@dataclass
class FormatRow:
    format: str
    reports: int
    planted: int
    tp: int
    fp: int
    fn: int
    recall: float
    precision: float
    same: int | None           # reports whose findings equal their text form's (None for text)


def _write(fmt: str, report, layout: str, path: Path) -> Path:
    if fmt == "text":
        path.write_text(render_plain(report), encoding="utf-8")
        return path
    if fmt == "layout":
        path.write_text(generator.render_text(report, layout), encoding="utf-8")
        return path
    if fmt == "pdf":
        return render_pdf(report, path)
    if fmt == "docx":
        return render_docx(report, path)
    raise ValueError(f"unknown format {fmt!r}")


def score_member(member: dict, seed: int, formats: tuple[str, ...] = FORMATS,
                 keep: Path | None = None) -> dict[str, Score]:
    """{format: Score} of one ``generator.plan`` member rendered in each of ``formats``."""
    name, report, truth = generator.corpus_member(
        member["index"], seed, member["layout"], member["n_defects"], member["holdout"],
        member["prefer"])
    truth = yaml.safe_load(generator.to_yaml(truth))      # exactly what *.truth.yaml holds
    out: dict[str, Score] = {}
    with tempfile.TemporaryDirectory(prefix="kinerja-fmt-") as tmp:
        where = keep or Path(tmp)
        for fmt in formats:
            ext = "txt" if fmt in ("text", "layout") else fmt
            suffix = f".{fmt}.txt" if ext == "txt" else f".{ext}"
            path = _write(fmt, report, member["layout"], where / f"{name}{suffix}")
            out[fmt] = score_result(path.name, truth, audit_path(path))
    return out


def _score_member_args(args) -> dict[str, Score]:
    return score_member(*args)


def score_formats(count: int, seed: int, formats: tuple[str, ...] = FORMATS, jobs: int = 1,
                  keep: Path | None = None, first: int | None = None) -> dict[str, list[Score]]:
    """{format: [Score per report]} for the reports of ``generator.plan(count, seed)``.

    ``first`` scores only the first reports of that corpus (a subset of the committed corpus with
    ``count=40, seed=2025``).
    """
    members = generator.plan(count, seed)[:first]
    fmts = tuple(dict.fromkeys(("text",) + tuple(formats)))     # text is the reference
    work = [(m, seed, fmts, keep) for m in members]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            results = list(pool.map(_score_member_args, work))
    else:
        results = [_score_member_args(w) for w in work]
    return {fmt: [r[fmt] for r in results] for fmt in fmts}


def rows_of(scores: dict[str, list[Score]]) -> list[FormatRow]:
    reference = scores.get("text")
    rows = []
    for fmt, per_report in scores.items():
        recall, precision, tp, fp, fn = totals(per_report)
        same = None
        if fmt != "text" and reference is not None:
            same = sum(a.found == b.found for a, b in zip(per_report, reference))
        rows.append(FormatRow(fmt, len(per_report), tp + fn, tp, fp, fn, recall, precision, same))
    return rows


def table(rows: list[FormatRow]) -> str:
    head = f"{'format':<7} {'reports':>7} {'planted':>7} {'tp':>4} {'fp':>4} {'fn':>4} " \
           f"{'recall':>6} {'precision':>9} {'same as text':>12}"
    lines = [head, "-" * len(head)]
    for r in rows:
        same = "-" if r.same is None else f"{r.same}/{r.reports}"
        lines.append(f"{r.format:<7} {r.reports:>7} {r.planted:>7} {r.tp:>4} {r.fp:>4} {r.fn:>4} "
                     f"{r.recall:>6.3f} {r.precision:>9.3f} {same:>12}")
    return "\n".join(lines)


def differences(scores: dict[str, list[Score]]) -> list[str]:
    """One line per report and format whose scored findings differ from the text form's."""
    out = []
    reference = scores.get("text", [])
    for fmt, per_report in scores.items():
        if fmt == "text":
            continue
        for s, ref in zip(per_report, reference):
            if s.found != ref.found:
                out.append(f"{s.name}: only in {fmt}={sorted(s.found - ref.found, key=str)} "
                           f"only in text={sorted(ref.found - s.found, key=str)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.corpus.score_formats", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument(
        "--first",
        type=int,
        metavar="K",
        help="score only the first K reports of the corpus (e.g. --count 40 --first 12)",
    )
    ap.add_argument("--formats", default=",".join(FORMATS),
                    help=f"comma-separated, of {', '.join(FORMATS)} (text is always scored)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="write the rendered files to DIR instead of a temporary directory")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the misses, false alarms and differences from the text form")
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        ap.error(f"unknown format(s): {', '.join(unknown)}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    scores = score_formats(args.count, args.seed, formats, args.jobs, args.keep, args.first)
    if args.verbose:
        for fmt, per_report in scores.items():
            for s in per_report:
                if s.fp or s.fn or s.extraction_errors:
                    print(
                        f"[{fmt}] {s.name}: fp={sorted(s.fp, key=str)} fn={sorted(s.fn, key=str)}"
                        + (f" extraction={s.extraction_errors[:4]}" if s.extraction_errors else "")
                    )
        for line in differences(scores):
            print(line)
        print()
    print(table(rows_of(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
