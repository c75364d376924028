"""Deterministic generator of synthetic LKj reports with planted, recorded defects.

    python -m tests.corpus.generator --out tests/corpus/reports --count 40 --seed 2025

writes ``NAME.txt`` and ``NAME.truth.yaml`` per report; a quarter of them are named
``holdout-*`` and are for measuring only (never tune the checker on them).

Pipeline (stdlib only):

    build_report(seed, **options)  -> Report      consistent model (model.py)
    inject_defects(report, rng, n) -> [truth]     mutate printed overrides (defects.py)
    render_text(report, layout)    -> str         blocks (compose.py) -> text (textlayout.py)
    truth_of(report, layout, defects, name) -> dict, to_yaml(dict) -> str

``corpus_member`` gives the model itself, which ``render_binary.render_pdf``/``render_docx`` draw
from the same ``compose(report)`` blocks (see ``score_formats``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from . import defects as D
from .compose import compose
from .lexicon import ROMAN
from .model import Report, build_report
from .textlayout import LAYOUTS, render_blocks

GENERATOR_VERSION = 1
CATEGORIES = D.CATEGORIES

__all__ = [
    "CATEGORIES",
    "LAYOUTS",
    "build_report",
    "corpus_member",
    "generate_corpus",
    "generate_one",
    "inject_defects",
    "render_text",
    "to_yaml",
    "truth_of",
]


def render_text(report: Report, layout: str) -> str:
    """Render the model as extracted text in one of ``LAYOUTS``."""
    blocks, _style = compose(report)
    m = report.meta
    q = ROMAN[m.quarter]
    title = (f"Laporan Kinerja Tahun {m.year}" if m.kind == "annual"
             else f"Laporan Kinerja Triwulan {q} {m.year}")
    return render_blocks(blocks, layout, report.seed, m, title, m.agency_short)


def inject_defects(report: Report, rng: random.Random, n: int | None = None,
                   prefer: list[str] | None = None, only: bool = False) -> list[dict]:
    """Plant ``n`` defects (0-4 drawn from ``rng`` when None) and return their truth records."""
    if n is None:
        n = rng.choices([0, 1, 2, 3, 4], [20, 20, 25, 20, 15])[0]
    return D.inject(report, rng, n, prefer, only)


def _num(x):
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() else x


def truth_of(report: Report, layout: str, defects: list[dict], name: str,
             extra: dict | None = None) -> dict:
    m = report.meta
    _, st = compose(report)
    period = (f"Tahun {m.year}" if m.kind == "annual"
              else f"Triwulan {ROMAN[m.quarter]} {m.year}")
    meta = {
        "agency": m.agency, "agency_short": m.agency_short, "kind": m.kind,
        "quarter": m.quarter if m.kind == "quarterly" else None, "year": m.year,
        "period": period, "layout": layout, "target_basis": m.target_basis,
        "code_scheme": m.code_scheme, "sign_place": m.sign_place, "sign_date": m.sign_date,
        "parts_omitted": list(report.printed.omit_parts),
        "style": {"code_format": st.code_fmt, "target_header": st.target_hdr,
                  "realisasi_header": st.real_hdr, "capaian_header": st.cap_hdr,
                  "unit_mode": st.unit_mode, "zero_capaian": st.zero_cap,
                  "english_numbers_in_prose": st.english_prose},
    }
    if extra:
        meta.update(extra)
    inds = []
    for i in report.indicators:
        inds.append({
            "code": i.code, "label": i.label, "name": i.name, "unit": i.unit,
            "polarity": i.polarity, "aggregation": i.aggregation, "kind": i.kind,
            "sasaran": i.sasaran, "target_annual": _num(i.target_annual),
            "target": _num(i.target), "realisasi": _num(i.realisasi),
            "capaian": _num(i.capaian),
        })
    counts = report.summary_counts()
    return {"name": name, "generator": {"version": GENERATOR_VERSION, "seed": report.seed},
            "meta": meta, "clean": not defects, "defects": defects,
            "summary": {"achieved": counts[0], "not_achieved": counts[1],
                        "not_measured": counts[2]},
            "indicators": inds}


# --------------------------------------------------------------------------- tiny YAML writer
def _scalar(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    return json.dumps(str(v), ensure_ascii=False)


def _yaml_lines(obj, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines += _yaml_lines(v, indent + 2)
            elif isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, dict) and item:
                sub = _yaml_lines(item, indent + 2)
                sub[0] = f"{pad}- " + sub[0].lstrip()
                lines += sub
            elif isinstance(item, list) and item:
                lines.append(f"{pad}-")
                lines += _yaml_lines(item, indent + 2)
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return lines


def to_yaml(obj) -> str:
    return "\n".join(_yaml_lines(obj, 0)) + "\n"


# --------------------------------------------------------------------------- corpus
def report_seed(master: int, index: int) -> int:
    return int(hashlib.sha256(f"lkj-corpus|{master}|{index}".encode()).hexdigest()[:12], 16)


def plan(count: int, seed: int) -> list[dict]:
    """Which report gets which layout, defect count and holdout flag (balanced, seeded)."""
    rng = random.Random(f"lkj-corpus-plan|{seed}")
    n_scat = round(count * 0.4)
    n_lay = round(count * 0.33)
    layouts = ["scattered"] * n_scat + ["layout"] * n_lay + ["pipe"] * (count - n_scat - n_lay)
    rng.shuffle(layouts)
    clean = set(rng.sample(range(count), round(count * 0.2)))
    holdout = set(rng.sample(range(count), count // 4))
    out = []
    pool: list[str] = []
    for i in range(count):
        n = 0 if i in clean else rng.choices([1, 2, 3, 4], [25, 31, 25, 19])[0]
        # categories are dealt from shuffled decks so that each one is planted about as often
        prefer: list[str] = []
        while len(prefer) < n:
            if not pool:
                deck = list(CATEGORIES)
                rng.shuffle(deck)
                pool.extend(deck)
            c = next((c for c in pool if c not in prefer), None)
            if c is None:
                deck = list(CATEGORIES)
                rng.shuffle(deck)
                pool.extend(deck)
                continue
            pool.remove(c)
            prefer.append(c)
        out.append({"index": i, "layout": layouts[i], "n_defects": n, "holdout": i in holdout,
                    "prefer": prefer})
    return out


def generate_one(index: int, master_seed: int, layout: str, n_defects: int,
                 holdout: bool = False, prefer: list[str] | None = None,
                 **options) -> tuple[str, str, str]:
    """Returns (name, text, truth_yaml) for one corpus member."""
    name, report, truth = corpus_member(index, master_seed, layout, n_defects, holdout, prefer,
                                        **options)
    return name, render_text(report, layout), to_yaml(truth)


def corpus_member(index: int, master_seed: int, layout: str, n_defects: int,
                  holdout: bool = False, prefer: list[str] | None = None,
                  **options) -> tuple[str, Report, dict]:
    """(name, model with its defects planted, truth) of one corpus member; see ``plan``.

    The model can be rendered as text (``render_text``) or, from the same blocks, as PDF or DOCX
    (``render_binary``).
    """
    s = report_seed(master_seed, index)
    prefer = prefer or []
    if "zero-target" in prefer:  # needs a score whose target is 0 before TW IV
        options.setdefault("kind", "quarterly")
        options.setdefault("quarter", 1 + s % 3)
        options.setdefault("need_score", True)
    if "polarity" in prefer:
        options.setdefault("need_negative", True)
    report = build_report(s, **options)
    defects = inject_defects(report, random.Random(f"defects|{s}"), n_defects, prefer)
    m = report.meta
    period = f"tw{m.quarter}" if m.kind == "quarterly" else "tahunan"
    prefix = "holdout" if holdout else "gen"
    name = f"{prefix}-{index + 1:02d}-{period}-{m.year}-{layout}"
    truth = truth_of(report, layout, defects, name,
                     extra={"holdout": holdout, "corpus_seed": master_seed, "index": index})
    return name, report, truth


def generate_corpus(out: Path, count: int = 40, seed: int = 2025) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for p in plan(count, seed):
        name, text, truth = generate_one(p["index"], seed, p["layout"], p["n_defects"],
                                         p["holdout"], p["prefer"])
        (out / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
        (out / f"{name}.truth.yaml").write_text(truth, encoding="utf-8", newline="\n")
        names.append(name)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.corpus.generator",
                                 description="Generate synthetic LKj reports with planted defects.")
    ap.add_argument("--out", type=Path, default=Path("tests/corpus/reports"))
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--one", type=int, metavar="SEED",
                    help="print one report built from SEED to stdout instead")
    ap.add_argument("--layout", choices=LAYOUTS, default="scattered")
    ap.add_argument("--defects", type=int, default=None)
    args = ap.parse_args(argv)
    if args.one is not None:
        report = build_report(args.one)
        found = inject_defects(report, random.Random(f"defects|{args.one}"), args.defects)
        sys.stdout.write(render_text(report, args.layout))
        sys.stderr.write(to_yaml({"defects": found}))
        return 0
    names = generate_corpus(args.out, args.count, args.seed)
    print(f"{len(names)} reports written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
