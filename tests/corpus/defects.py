"""The defect catalogue: small functions that plant one recorded defect in a consistent model.

Each function takes ``(report, rng, state)`` and returns a ground-truth record
``{category, indicator, kind, note}`` or ``None`` when it does not apply to this report.
Defects only touch the model's ``printed`` overrides, except the ``anomaly`` kinds, which change
the data itself (a realisasi far above target whose prose gives no cause).

Rules that keep the ground truth unambiguous:
* at most one defect per indicator, and one per category per report;
* a part that hosts a defect (e.g. the Ikhtisar summary table) is never the part a
  ``structure`` defect removes;
* a wrong printed capaian stays on the same side of 100 % as the true one (the verdict in the
  prose stays right) and does not create an unexplained capaian above 120 %.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .compose import fmt_num
from .lexicon import ROMAN
from .model import Indicator, Report, compute_capaian, round_half_up

CATEGORIES = ("structure", "numbering", "arithmetic", "zero-target", "table-mismatch", "ik-label",
              "ik-name", "unit", "anomaly", "narrative-number", "narrative-verdict",
              "narrative-period", "polarity")

CATEGORY_WEIGHTS = {"structure": 1.0, "numbering": 1.0, "arithmetic": 1.2, "zero-target": 0.9,
                    "table-mismatch": 1.0, "ik-label": 0.8, "ik-name": 0.8, "unit": 0.9,
                    "anomaly": 1.0, "narrative-number": 1.3, "narrative-verdict": 1.2,
                    "narrative-period": 1.0, "polarity": 0.8}


@dataclass
class State:
    used: set = field(default_factory=set)        # indicator codes that carry a defect
    hosts: set = field(default_factory=set)       # report parts that carry a defect
    summary_delta: tuple | None = None


def rec(category: str, indicator: str | None, kind: str, note: str) -> dict:
    return {"category": category, "indicator": indicator, "kind": kind, "note": note}


def n_id(x: float, d: int = 2) -> str:
    return fmt_num(x, d, trim=True)


def v_id(ind: Indicator, x: float) -> str:
    s = fmt_num(x, ind.decimals, trim=True)
    if ind.kind in ("percent", "progress", "neg_percent"):
        return s + "%"
    return f"{s} {ind.unit}"


def lab(ind: Indicator) -> str:
    return ind.label or f"indikator {ind.number}"


def per(report: Report, quarter: int | None = None, year: int | None = None) -> str:
    m = report.meta
    if m.kind == "annual":
        return f"tahun {year or m.year}"
    return f"triwulan {ROMAN[quarter or m.quarter]}"


def free(report: Report, st: State, pred) -> list[Indicator]:
    return [i for i in report.indicators if i.code not in st.used and pred(i)]


def measured(i: Indicator) -> bool:
    return i.capaian is not None and i.target > 0


def perturb(rng: random.Random, ind: Indicator, x: float, avoid: tuple = ()) -> float:
    """A visibly different value of the same kind (never equal after formatting)."""
    d = ind.decimals
    for _ in range(50):
        if d == 0:
            if x >= 20:
                y = float(round(x * rng.choice([rng.uniform(0.6, 0.92), rng.uniform(1.08, 1.4)])))
            else:
                y = float(max(0, x + rng.choice([-3, -2, -1, 1, 2, 3, 4])))
        else:
            y = round_half_up(x + rng.choice([-1, 1]) * rng.uniform(1.0, 9.0), d)
            if ind.kind in ("percent", "progress", "neg_percent", "score_year", "score_sem"):
                y = min(y, 100.0)
            y = max(y, 0.1)
        if fmt_num(y, d, trim=True) != fmt_num(x, d, trim=True) and \
                all(fmt_num(y, d, trim=True) != fmt_num(a, d, trim=True) for a in avoid):
            return y
    raise RuntimeError("could not perturb")


# --------------------------------------------------------------------------- structure
PARTS = {
    "ikhtisar": ("missing-ikhtisar", "Ikhtisar Eksekutif tidak ada dalam laporan."),
    "bab1": ("missing-pendahuluan", "Bab Pendahuluan (tugas, fungsi dan isu strategis) tidak ada."),
    "bab2": ("missing-perencanaan",
             "Bab Perencanaan Kinerja (Perjanjian Kinerja tahun berjalan) tidak ada."),
    "bab3b": ("missing-realisasi-anggaran",
              "Sub-bab Realisasi Anggaran pada Bab Akuntabilitas Kinerja tidak ada."),
    "bab4": ("missing-penutup", "Bab Penutup (kesimpulan dan langkah ke depan) tidak ada."),
    "lampiran": ("missing-lampiran", "Lampiran Perjanjian Kinerja tidak ada."),
    "kesimpulan": ("missing-kesimpulan", "Bab Penutup tidak memuat kesimpulan."),
    "rekomendasi": ("missing-rekomendasi",
                    "Bab Penutup tidak memuat rekomendasi atau rencana tindak lanjut."),
}


def d_structure(report: Report, rng: random.Random, st: State):
    blocked = set(st.hosts)
    if "rekomendasi" in blocked:
        blocked.add("bab4")
    if "bab4" in blocked:
        blocked |= {"kesimpulan", "rekomendasi"}
    options = [p for p in PARTS if p not in blocked]
    if not options:
        return None
    part = rng.choice(options)
    report.printed.omit_parts.append(part)
    kind, note = PARTS[part]
    return rec("structure", None, kind, note)


# --------------------------------------------------------------------------- numbering
def _gap(n: int, k: int) -> list[int]:
    return [i + 1 if i < k else i + 2 for i in range(n)]


def _dup(n: int, k: int) -> list[int]:
    return [i + 1 if i < k else i for i in range(n)]


def d_numbering(report: Report, rng: random.Random, st: State):
    omit = set(report.printed.omit_parts)
    options = ["analysis-gap", "analysis-duplicate", "table-gap", "table-duplicate"]
    if not omit & {"bab4", "rekomendasi"}:
        options += ["recommendation-gap", "recommendation-duplicate"] * 2
    kind = rng.choice(options)
    n_ind = len(report.indicators)
    if kind.startswith("recommendation"):
        n = len(report.recommendations)
        k = rng.randrange(1, n)
        if kind.endswith("gap"):
            report.printed.recommendation_numbers = _gap(n, k)
            note = f"Penomoran rekomendasi melompat dari {k} ke {k + 2}."
        else:
            report.printed.recommendation_numbers = _dup(n, k)
            note = f"Nomor {k} dipakai dua kali pada daftar rekomendasi."
        st.hosts.add("rekomendasi")
        return rec("numbering", None, kind, note)
    k = rng.randrange(1, n_ind - 1)
    if kind.startswith("analysis"):
        if kind.endswith("gap"):
            report.printed.analysis_numbers = _gap(n_ind, k)
            note = f"Penomoran daftar analisis capaian melompat dari {k} ke {k + 2}."
        else:
            report.printed.analysis_numbers = _dup(n_ind, k)
            note = f"Nomor {k} dipakai dua kali pada daftar analisis capaian."
        return rec("numbering", None, kind, note)
    after = report.indicators[k - 1]
    if kind.endswith("gap"):
        report.printed.table_numbers = [i if i < k else i + 1 for i in range(n_ind)]
        note = (f"Nomor tabel capaian per indikator melompat satu nomor setelah tabel "
                f"{lab(after)}.")
    else:
        report.printed.table_numbers = [i if i < k else i - 1 for i in range(n_ind)]
        note = (f"Tabel capaian {lab(report.indicators[k])} memakai nomor yang sama dengan tabel "
                f"{lab(after)}; nomor tabel berikutnya ikut bergeser.")
    return rec("numbering", None, kind, note)


# --------------------------------------------------------------------------- arithmetic
def d_arithmetic(report: Report, rng: random.Random, st: State):
    omit = set(report.printed.omit_parts)
    kinds = ["capaian-wrong"] * 3
    if "bab3b" not in omit:
        kinds += ["budget-total", "budget-percent"]
    kind = rng.choice(kinds)
    if kind == "capaian-wrong":
        cands = free(report, st, lambda i: measured(i) and abs(i.capaian - 100) >= 1.5
                     and i.printed.capaian is None)
        if not cands:
            return None
        ind = rng.choice(cands)
        c = ind.capaian
        rt = round_half_up(ind.realisasi / ind.target * 100, 2)
        for _ in range(100):
            delta = round_half_up(rng.uniform(3, 25), 2)
            w = c + delta if rng.random() < 0.5 else c - delta
            if c > 100 and w <= 100.5 or c < 100 and not 1 <= w < 99.5:
                continue
            if c <= 120 and w > 120:
                continue
            if ind.polarity == "negative" and abs(w - rt) < 1:
                continue
            break
        else:
            return None
        ind.printed.capaian = f"{w:.2f}"
        st.used.add(ind.code)
        return rec("arithmetic", ind.code, kind,
                   f"Capaian {lab(ind)} tertulis {n_id(w)}%, sedangkan hasil hitung ulang dari "
                   f"target {v_id(ind, ind.target)} dan realisasi {v_id(ind, ind.realisasi)} "
                   f"adalah {n_id(c)}%.")
    st.hosts.add("bab3b")
    if kind == "budget-total":
        true_total = sum(b.realisasi for b in report.budget)
        delta = rng.choice([1, 2, 5, 10, 25, 100]) * 1_000_000 * rng.choice([-1, 1])
        delta += rng.choice([0, 0, rng.randint(1, 999) * 1000])
        report.printed.budget_total_realisasi = true_total + delta
        return rec(
            "arithmetic",
            None,
            kind,
            f"Jumlah realisasi anggaran pada tabel tertulis Rp{n_id(true_total + delta, 0)}, "
            f"sedangkan penjumlahan rinciannya Rp{n_id(true_total, 0)}.",
        )
    i = rng.randrange(len(report.budget))
    row = report.budget[i]
    w = round_half_up(row.pct + rng.choice([-1, 1]) * rng.uniform(2, 15), 2)
    w = min(max(w, 0.5), 99.9)
    report.printed.budget_row_pct[i] = w
    return rec("arithmetic", None, kind,
               f"Persentase realisasi anggaran \"{row.name}\" tertulis {n_id(w)}%, sedangkan "
               f"Rp{n_id(row.realisasi, 0)} dari pagu Rp{n_id(row.pagu, 0)} adalah "
               f"{n_id(row.pct)}%.")


# --------------------------------------------------------------------------- zero target
def d_zero_target(report: Report, rng: random.Random, st: State):
    cands = free(report, st, lambda i: i.target == 0)
    if not cands:
        return None
    ind = rng.choice(cands)
    ind.printed.capaian = "100"
    st.used.add(ind.code)
    what = "realisasi 0 dari target 0" if ind.realisasi == 0 else \
        f"realisasi {v_id(ind, ind.realisasi)} terhadap target 0"
    return rec("zero-target", ind.code, "zero-target-100",
               f"Target {per(report)} {lab(ind)} adalah 0 ({what}), sehingga capaian tidak dapat "
               f"dihitung; tertulis 100%.")


# --------------------------------------------------------------------------- table mismatch
def d_table_mismatch(report: Report, rng: random.Random, st: State):
    if "ikhtisar" in report.printed.omit_parts:
        return None
    cands = free(report, st, lambda i: measured(i) and i.realisasi > 0)
    if not cands:
        return None
    ind = rng.choice(cands)
    kind = rng.choice(["summary-realisasi", "summary-realisasi", "summary-target"])
    if kind == "summary-realisasi":
        x = perturb(rng, ind, ind.realisasi, avoid=(ind.target,))
        ind.printed.summary_realisasi = x
        what, true = "realisasi", ind.realisasi
    else:
        x = perturb(rng, ind, ind.target, avoid=(ind.realisasi,))
        ind.printed.summary_target = x
        what, true = "target", ind.target
    st.used.add(ind.code)
    st.hosts.add("ikhtisar")
    return rec("table-mismatch", ind.code, kind,
               f"Tabel ikhtisar mencatat {what} {lab(ind)} {n_id(x, ind.decimals)}, sedangkan "
               f"tabel capaian {lab(ind)} mencatat {n_id(true, ind.decimals)}.")


# --------------------------------------------------------------------------- ik label / name
def _neighbour(report: Report, ind: Indicator, rng: random.Random, same_kind=False) -> Indicator:
    i = report.indicators.index(ind)
    opts = [report.indicators[j] for j in (i - 1, i + 1) if 0 <= j < len(report.indicators)]
    if same_kind:
        same = [o for o in report.indicators if o is not ind and o.kind == ind.kind]
        if same:
            opts = same
    return rng.choice(opts)


def d_ik_label(report: Report, rng: random.Random, st: State):
    if report.meta.code_scheme == "none":
        return None
    cands = free(report, st, lambda i: True)
    if not cands:
        return None
    ind = rng.choice(cands)
    other = _neighbour(report, ind, rng)
    ind.printed.table_code = other.code
    st.used.add(ind.code)
    return rec("ik-label", ind.code, "table-code",
               f"Tabel {ind.label} diberi kode {other.label}; seharusnya {ind.label}.")


def d_ik_name(report: Report, rng: random.Random, st: State):
    cands = free(report, st, lambda i: True)
    if not cands:
        return None
    ind = rng.choice(cands)
    other = _neighbour(report, ind, rng, same_kind=rng.random() < 0.5)
    ind.printed.table_name = other.name
    st.used.add(ind.code)
    return rec("ik-name", ind.code, "table-name",
               f"Tabel {lab(ind)} memuat nama indikator \"{other.name}\" (milik {lab(other)}); "
               f"seharusnya \"{ind.name}\".")


# --------------------------------------------------------------------------- unit
def d_unit(report: Report, rng: random.Random, st: State):
    scores = free(report, st, lambda i: i.is_score)
    counts = free(report, st, lambda i: i.kind == "count")
    kinds = (["score-as-dokumen"] * 2 if scores else []) + (["unit-mismatch"] if counts else [])
    if not kinds:
        return None
    kind = rng.choice(kinds)
    if kind == "score-as-dokumen":
        ind = rng.choice(scores)
        ind.printed.table_unit = "dokumen"
        st.used.add(ind.code)
        return rec("unit", ind.code, kind,
                   f"Satuan {lab(ind)} ({ind.name}) pada tabel capaian tertulis \"dokumen\"; "
                   f"indikator ini berupa {ind.unit}.")
    ind = rng.choice(counts)
    alt = "laporan" if ind.unit == "dokumen" else "dokumen"
    where = rng.choice(["table", "prose"])
    if where == "table":
        ind.printed.table_unit = alt
        note = (f"Tabel capaian {lab(ind)} memakai satuan \"{alt}\", sedangkan narasi dan "
                f"Perjanjian Kinerja memakai \"{ind.unit}\".")
    else:
        ind.printed.prose_unit = alt
        note = (f"Narasi {lab(ind)} memakai satuan \"{alt}\", sedangkan tabel capaian memakai "
                f"\"{ind.unit}\".")
    st.used.add(ind.code)
    return rec("unit", ind.code, kind, note)


# --------------------------------------------------------------------------- anomaly
def d_anomaly(report: Report, rng: random.Random, st: State):
    explained = free(report, st, lambda i: i.explanation is not None and measured(i))
    def can_raise(i: Indicator) -> bool:
        if not measured(i) or i.mgmt_key == "serap" or i.is_score or i.capaian > 120:
            return False
        if i.kind in ("percent", "progress"):
            return i.target <= 75
        if i.polarity == "negative":
            return i.kind == "time"
        return i.kind == "count" and i.target >= 2
    raisable = free(report, st, can_raise)
    kinds = (["explanation-missing"] if explained else []) + \
        (["unexplained-high"] * 2 if raisable else [])
    if not kinds:
        return None
    kind = rng.choice(kinds)
    if kind == "explanation-missing":
        ind = rng.choice(explained)
    else:
        ind = rng.choice(raisable)
        T, d = ind.target, ind.decimals
        if ind.polarity == "negative":
            r = T * rng.uniform(0.2, 0.7)
        elif ind.kind in ("percent", "progress"):
            r = min(100.0, T * rng.uniform(1.28, min(2.5, 100.0 / T)))
        else:
            r = T * rng.uniform(1.35, 3.5)
        ind.realisasi = round_half_up(r, d) if d else float(round(r))
        ind.capaian = compute_capaian(T, ind.realisasi, ind.polarity)
        if ind.capaian is None or ind.capaian <= 120:
            return None
        ind.cause = ind.remedy = None
    ind.explanation = None
    ind.printed.drop_explanation = True
    st.used.add(ind.code)
    return rec("anomaly", ind.code, kind,
               f"Capaian {lab(ind)} sebesar {n_id(ind.capaian)}% (di atas 120%) tidak disertai "
               f"penjelasan penyebabnya dalam narasi.")


# --------------------------------------------------------------------------- narrative number
def d_narrative_number(report: Report, rng: random.Random, st: State):
    kinds = ["prose-realisasi", "prose-target", "prose-swap", "prose-capaian"]
    if "ikhtisar" not in report.printed.omit_parts and len(report.indicators) > 1:
        kinds.append("summary-count")
    kind = rng.choice(kinds)
    if kind == "summary-count":
        a, b, c = report.summary_counts()
        if a >= 1 and (b == 0 or rng.random() < 0.5):
            st.summary_delta = (-1, 1, 0)
        elif b >= 1:
            st.summary_delta = (1, -1, 0)
        else:
            return None
        st.hosts.add("ikhtisar")
        return rec("narrative-number", None, kind, "")  # note written by finalize()
    cands = free(report, st, lambda i: measured(i) and i.realisasi > 0 and i.target != i.realisasi)
    if not cands:
        return None
    ind = rng.choice(cands)
    p, T, R = ind.printed, ind.target, ind.realisasi
    if kind == "prose-realisasi":
        p.prose_realisasi = perturb(rng, ind, R, avoid=(T,))
        note = (f"Narasi {lab(ind)} menyebut realisasi {v_id(ind, p.prose_realisasi)}, sedangkan "
                f"tabel mencatat {v_id(ind, R)}.")
    elif kind == "prose-target":
        p.prose_target = perturb(rng, ind, T, avoid=(R,))
        note = (f"Narasi {lab(ind)} menyebut target {v_id(ind, p.prose_target)}, sedangkan tabel "
                f"mencatat {v_id(ind, T)}.")
    elif kind == "prose-swap":
        p.prose_swap = True
        note = (f"Narasi {lab(ind)} menyebut realisasi {v_id(ind, T)} dan target {v_id(ind, R)}, "
                f"sedangkan tabel mencatat target {v_id(ind, T)} dan realisasi {v_id(ind, R)} "
                f"(tertukar).")
    else:
        c = ind.capaian
        rt = round_half_up(R / T * 100, 2)
        for _ in range(100):
            w = round_half_up(c + rng.choice([-1, 1]) * rng.uniform(4, 30), 2)
            if (c > 100) != (w > 100) or w <= 0 or (c == 100):
                continue
            if abs(w - rt) < 1 or (c <= 120 < w):
                continue
            break
        else:
            return None
        p.prose_capaian = w
        note = (f"Narasi {lab(ind)} menyebut capaian {n_id(w)}%, sedangkan tabel dan hasil hitung "
                f"ulang menunjukkan {n_id(c)}%.")
    st.used.add(ind.code)
    return rec("narrative-number", ind.code, kind, note)


# --------------------------------------------------------------------------- narrative verdict
VERDICT_WORDS = {
    ("positive", "over"): "melebihi/melampaui target",
    ("positive", "under"): "belum mencapai target",
    ("positive", "equal"): "sesuai/sama dengan target",
    ("negative", "over"): "realisasi di bawah (lebih baik dari) target",
    ("negative", "under"): "realisasi melebihi target",
    ("negative", "equal"): "realisasi sama dengan target",
}


def d_narrative_verdict(report: Report, rng: random.Random, st: State):
    cands = free(report, st, lambda i: measured(i) and (abs(i.capaian - 100) >= 2
                                                        or i.capaian == 100))
    if not cands:
        return None
    ind = rng.choice(cands)
    c = ind.capaian
    true = "over" if c > 100 else ("equal" if c == 100 else "under")
    wrong = rng.choice([k for k in ("over", "under", "equal") if k != true])
    ind.printed.prose_verdict = wrong
    st.used.add(ind.code)
    kind = {"over": "verdict-over", "under": "verdict-under", "equal": "verdict-equal"}[wrong]
    return rec("narrative-verdict", ind.code, kind,
               f"Narasi {lab(ind)} menyatakan {VERDICT_WORDS[(ind.polarity, wrong)]}, padahal "
               f"capaiannya {n_id(c)}% (target {v_id(ind, ind.target)}, realisasi "
               f"{v_id(ind, ind.realisasi)}).")


# --------------------------------------------------------------------------- narrative period
def d_narrative_period(report: Report, rng: random.Random, st: State):
    m = report.meta
    kinds = ["prose-year", "analysis-intro"]
    if m.kind == "quarterly":
        kinds += ["prose-quarter", "prose-quarter"]
    kind = rng.choice(kinds)
    if m.kind == "quarterly":
        others = [q for q in (1, 2, 3, 4) if q != m.quarter]
        wrong_q = m.quarter - 1 if m.quarter > 1 and rng.random() < 0.6 else rng.choice(others)
    else:
        wrong_q = 4
    if kind == "analysis-intro":
        if m.kind == "quarterly" and rng.random() < 0.7:
            report.printed.analysis_period = (wrong_q, m.year)
            note = (f"Pengantar analisis capaian menyebut target {per(report, wrong_q)}, padahal "
                    f"laporan ini untuk {per(report)}.")
        else:
            report.printed.analysis_period = (m.quarter, m.year - 1)
            note = (f"Pengantar analisis capaian menyebut tahun {m.year - 1}, padahal laporan ini "
                    f"untuk tahun {m.year}.")
        return rec("narrative-period", None, kind, note)
    cands = free(report, st, measured) or free(report, st, lambda i: True)
    if not cands:
        return None
    ind = rng.choice(cands)
    if kind == "prose-quarter":
        ind.printed.prose_period = (wrong_q, m.year)
        note = (f"Narasi {lab(ind)} menyebut angka periode ini sebagai {per(report, wrong_q)}, "
                f"padahal laporan ini untuk {per(report)} {m.year}.")
    else:
        ind.printed.prose_period = (m.quarter, m.year - 1)
        note = (f"Narasi {lab(ind)} menyebut angka periode ini sebagai milik tahun {m.year - 1}, "
                f"padahal laporan ini untuk tahun {m.year}.")
    st.used.add(ind.code)
    return rec("narrative-period", ind.code, kind, note)


# --------------------------------------------------------------------------- polarity
def d_polarity(report: Report, rng: random.Random, st: State):
    def ok(i: Indicator) -> bool:
        if i.polarity != "negative" or not measured(i) or i.realisasi == i.target:
            return False
        rt = round_half_up(i.realisasi / i.target * 100, 2)
        return abs(rt - i.capaian) >= 1 and rt <= 120
    cands = free(report, st, ok)
    if not cands:
        return None
    ind = rng.choice(cands)
    rt = round_half_up(ind.realisasi / ind.target * 100, 2)
    ind.printed.capaian = f"{rt:.2f}"
    st.used.add(ind.code)
    return rec("polarity", ind.code, "r-over-t",
               f"{lab(ind)} berpolaritas negatif, tetapi capaiannya dihitung realisasi/target "
               f"({n_id(rt)}%); seharusnya (2 x target - realisasi)/target = "
               f"{n_id(ind.capaian)}%.")


CATALOGUE = {
    "structure": d_structure, "numbering": d_numbering, "arithmetic": d_arithmetic,
    "zero-target": d_zero_target, "table-mismatch": d_table_mismatch, "ik-label": d_ik_label,
    "ik-name": d_ik_name, "unit": d_unit, "anomaly": d_anomaly,
    "narrative-number": d_narrative_number, "narrative-verdict": d_narrative_verdict,
    "narrative-period": d_narrative_period, "polarity": d_polarity,
}
PRIORITY = {"structure": 0, "anomaly": 1}


def weighted_order(rng: random.Random, weights: dict) -> list[str]:
    keyed = [(rng.random() ** (1.0 / w), k) for k, w in weights.items()]
    return [k for _, k in sorted(keyed, reverse=True)]


def inject(report: Report, rng: random.Random, n: int,
           prefer: list[str] | None = None, only: bool = False) -> list[dict]:
    """Plant ``n`` defects of distinct categories; returns their ground-truth records.

    ``prefer`` lists categories to try first; the others follow in a weighted random order
    (unless ``only``) and stand in for preferred ones that do not apply to this report.
    """
    st = State()
    prefer = list(prefer or [])
    rest = [c for c in weighted_order(rng, CATEGORY_WEIGHTS) if c not in prefer]
    order = prefer + ([] if only else rest)
    first = sorted(order[:n], key=lambda c: PRIORITY.get(c, 2))
    queue = first + order[n:]
    out = []
    for cat in queue:
        if len(out) == n:
            break
        r = CATALOGUE[cat](report, rng, st)
        if r is not None:
            out.append(r)
    finalize(report, st, out)
    return out


def finalize(report: Report, st: State, records: list[dict]) -> None:
    for r in records:
        if r["kind"] != "summary-count":
            continue
        a, b, c = report.summary_counts()
        da, db, dc = st.summary_delta
        if a + da < 0 or b + db < 0:
            da, db = -da, -db
        report.printed.summary_counts = (a + da, b + db, c + dc)
        r["note"] = (f"Ikhtisar menyebut {a + da} indikator tercapai dan {b + db} belum "
                     f"tercapai, sedangkan Bab III menunjukkan {a} tercapai dan {b} belum "
                     f"tercapai.")


def apply_kind(report: Report, rng: random.Random, category: str) -> dict | None:
    """Plant one defect of ``category`` (for tests); None if it does not apply."""
    st = State()
    r = CATALOGUE[category](report, rng, st)
    if r is not None:
        finalize(report, st, [r])
    return r
