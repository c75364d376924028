"""The report model: a consistent LKj as data, free of any text-layout concern.

``build_report(seed, **options)`` returns a :class:`Report` whose numbers agree with each other
(capaian recomputed per domain.md, summary counts, budget totals).  What the report *prints*
lives in the ``printed`` overrides (:class:`Printed`, :class:`ReportPrinted`); they start empty
and only the defect catalogue (``defects.py``) fills them, so ``truth`` = the data and
``printed`` = the deviations a reviewer must find.
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from . import lexicon as L

KINDS = ("quarterly", "annual")
CODE_SCHEMES = ("IK", "IKU", "IKK", "IKSS", "none")
SCORE_KINDS = ("score_year", "score_sem")


# --------------------------------------------------------------------------- arithmetic
def dec(x: float) -> Decimal:
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def round_half_up(x: float | Decimal, places: int = 2) -> float:
    q = Decimal(1).scaleb(-places)
    return float(dec(x).quantize(q, rounding=ROUND_HALF_UP)) if not isinstance(x, Decimal) \
        else float(x.quantize(q, rounding=ROUND_HALF_UP))


def compute_capaian(target: float, realisasi: float, polarity: str) -> float | None:
    """capaian per domain.md, rounded half-up to 2 decimals; None when the target is 0."""
    t, r = dec(target), dec(realisasi)
    if t == 0:
        return None
    if polarity == "negative":
        value = (2 * t - r) / t * 100
        if value < 0:
            value = Decimal(0)
    else:
        value = r / t * 100
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def status_of(ind: Indicator) -> str:
    """achieved | not-achieved | not-measured (0 of 0) | above-zero (R>0 against T=0)."""
    if ind.capaian is None:
        if ind.target == 0 and ind.realisasi == 0:
            return "not-measured"
        return "above-zero" if ind.polarity == "positive" else "not-measured"
    return "achieved" if ind.capaian >= 100 else "not-achieved"


# --------------------------------------------------------------------------- dataclasses
@dataclass
class Printed:
    """Per-indicator deviations between what the report prints and the data (None = as data)."""

    table_code: str | None = None        # canonical code of the label on the indicator's table
    table_name: str | None = None        # name printed in the indicator's table
    table_unit: str | None = None        # unit printed in the indicator's table
    prose_unit: str | None = None        # unit used in the narrative paragraph
    capaian: str | None = None           # printed capaian everywhere (e.g. "100", "84.21")
    summary_target: float | None = None
    summary_realisasi: float | None = None
    prose_target: float | None = None
    prose_realisasi: float | None = None
    prose_capaian: float | None = None
    prose_swap: bool = False             # target and realisasi exchanged in the narrative
    prose_verdict: str | None = None     # over | equal | under
    prose_period: tuple | None = None    # (quarter, year) the narrative names
    drop_explanation: bool = False

    def is_empty(self) -> bool:
        return all(v in (None, False) for v in self.__dict__.values())


@dataclass
class ReportPrinted:
    omit_parts: list[str] = field(default_factory=list)
    recommendation_numbers: list[int] | None = None
    analysis_numbers: list[int] | None = None
    table_numbers: list[int] | None = None
    summary_counts: tuple | None = None          # (achieved, not_achieved, not_measured)
    analysis_period: tuple | None = None          # (quarter, year) in the analysis intro
    budget_total_realisasi: int | None = None
    budget_row_pct: dict = field(default_factory=dict)


@dataclass
class Sasaran:
    number: int
    name: str


@dataclass
class Indicator:
    number: int
    code: str                 # canonical "IK.n"
    label: str | None         # the agency's own code, canonical spelling ("IKU.3", "IKSS.2.1")
    name: str
    unit: str
    kind: str
    polarity: str
    aggregation: str
    sasaran: int
    decimals: int
    target_annual: float
    targets: list[float]      # TW I..IV under the report's target basis
    target: float             # this period
    realisasi: float          # this period
    capaian: float | None
    realisasi_prev_year: float | None = None
    renstra_target: float | None = None
    explanation: str | None = None   # why capaian > 120 %
    success: str = ""
    cause: str | None = None
    remedy: str | None = None
    measure_note: str | None = None  # why a 0 target is not measured yet
    mgmt_key: str | None = None
    printed: Printed = field(default_factory=Printed)

    @property
    def is_score(self) -> bool:
        return self.kind in SCORE_KINDS


@dataclass
class BudgetRow:
    name: str
    pagu: int
    realisasi: int

    @property
    def pct(self) -> float:
        return round_half_up(dec(self.realisasi) / dec(self.pagu) * 100, 2)


@dataclass
class Meta:
    agency: str
    agency_short: str
    agency_type: str
    parent: str
    domain: str
    place: str
    province: str
    kind: str
    quarter: int
    year: int
    target_basis: str         # cumulative (s.d. TW k) | quarterly (per-quarter amounts)
    code_scheme: str
    sign_place: str
    sign_date: str            # ISO date
    head_title: str
    head_name: str
    head_nip: str
    tugas: str
    fungsi: list[str]
    isu: list[str]
    renstra_period: str


@dataclass
class Report:
    seed: int
    meta: Meta
    sasaran: list[Sasaran]
    indicators: list[Indicator]
    budget: list[BudgetRow]
    recommendations: list[str]
    has_kata_pengantar: bool
    has_toc: bool
    has_lampiran: bool
    rencana_aksi_in_bab2: bool
    extra_section: tuple | None
    printed: ReportPrinted = field(default_factory=ReportPrinted)

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.indicators if i.code == code)

    def summary_counts(self) -> tuple[int, int, int]:
        achieved = not_achieved = not_measured = 0
        for i in self.indicators:
            s = status_of(i)
            if s in ("achieved", "above-zero"):
                achieved += 1
            elif s == "not-achieved":
                not_achieved += 1
            else:
                not_measured += 1
        return achieved, not_achieved, not_measured


# --------------------------------------------------------------------------- building
def _split_int(total: int, weights: list[float]) -> list[int]:
    raw = [total * w for w in weights]
    base = [int(x) for x in raw]
    rest = total - sum(base)
    order = sorted(range(4), key=lambda i: (-(raw[i] - base[i]), -i))
    for i in order[:rest]:
        base[i] += 1
    return base


def _nice(rng: random.Random, lo: float, hi: float, dec_places: int) -> float:
    if dec_places == 0:
        v = rng.randint(int(lo), int(hi))
        if v >= 200:
            v = int(round(v, -1)) if v < 2000 else int(round(v, -2))
        elif v >= 20 and rng.random() < 0.6:
            v = 4 * max(1, round(v / 4))
        return float(v)
    step = rng.choice([1.0, 0.5, 0.1]) if dec_places >= 1 else 1.0
    v = rng.uniform(lo, hi)
    return round_half_up(round(v / step) * step, dec_places)


def _perf_positive(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.14:
        return 1.0
    if r < 0.40:
        return rng.uniform(0.72, 0.99)
    if r < 0.93:
        return rng.uniform(1.005, 1.19)
    return rng.uniform(1.3, 2.6)


def _perf_negative(rng: random.Random) -> float:
    """factor applied to the target: < 1 means better than target."""
    r = rng.random()
    if r < 0.14:
        return 1.0
    if r < 0.40:
        return rng.uniform(1.01, 1.22)
    if r < 0.93:
        return rng.uniform(0.82, 0.995)
    return rng.uniform(0.3, 0.7)


def _quarter_weights(rng: random.Random, total: float) -> list[float]:
    if total <= 2:
        return rng.choice([[0, 0, 0, 1], [0, 0.5, 0, 0.5], [0, 1, 0, 0]])
    if total <= 6:
        return rng.choice([[0, 0.5, 0, 0.5], [0.25, 0.25, 0.25, 0.25], [0, 0.34, 0.33, 0.33],
                           [0, 0, 0, 1]])
    return rng.choice([[0.25, 0.25, 0.25, 0.25], [0.15, 0.25, 0.3, 0.3],
                       [0.1, 0.3, 0.3, 0.3], [0.2, 0.3, 0.3, 0.2]])


def _fictional_name(rng: random.Random) -> str:
    g = rng.choice(L.GIVEN)
    f = rng.choice(L.FAMILY)
    d = rng.choice(L.DEGREES)
    if d in ("Ir.", "Dr."):
        return f"{d} {g} {f}"
    return f"{g} {f}, {d}"


def _nip(rng: random.Random) -> str:
    born = _dt.date(rng.randint(1968, 1985), rng.randint(1, 12), rng.randint(1, 28))
    start = (born.year + rng.randint(24, 30), rng.randint(1, 12))
    return (f"{born:%Y%m%d} {start[0]}{start[1]:02d} {rng.choice('12')} "
            f"{rng.randint(1, 12):03d}")


def _place(rng: random.Random) -> str:
    return f"{rng.choice(L.PLACE_PREFIX)} {rng.choice(L.PLACE_ROOT)}"


def _sign_date(rng: random.Random, kind: str, quarter: int, year: int, pemda: bool) -> _dt.date:
    if kind == "annual":
        month = rng.choice([1, 1, 2, 2, 3] if pemda else [1, 1, 2])
        return _dt.date(year + 1, month, rng.randint(5, 27))
    month = quarter * 3 + 1
    y = year
    if month > 12:
        month, y = 1, year + 1
    return _dt.date(y, month, rng.randint(2, 24))


def build_report(seed: int, **options) -> Report:
    """Build a consistent report model.

    Options (all optional): kind ("quarterly"/"annual"), quarter (1-4), year (2023-2026),
    domain (lexicon domain id), n_indicators (5-14), code_scheme, target_basis,
    need_negative (include a negative-polarity indicator), need_score (include a score
    measured at year end).
    """
    rng = random.Random(seed)
    domain = options.get("domain")
    dom = next(d for d in L.DOMAINS if d["id"] == domain) if domain else rng.choice(L.DOMAINS)
    kind = options.get("kind") or ("annual" if rng.random() < 0.3 else "quarterly")
    year = options.get("year") or rng.randint(2023, 2026)
    quarter = 4 if kind == "annual" else (options.get("quarter") or rng.randint(1, 4))

    atype, name_tpl, short_tpl = rng.choice(dom["names"])
    place = _place(rng)
    prov = rng.choice(L.PROVINCES)
    agency = name_tpl.format(place=place, prov=prov)
    short = short_tpl.format(abbr=place, prov=prov)
    parent = dom["parent"].format(place=place, prov=prov)
    pemda = "Pemerintah" in parent or "Sekretariat Daerah" in parent
    if "Provinsi" in agency:
        sign_place = L.PROVINCE_CAPITAL[prov]
    elif atype in ("Balai", "Loka"):
        sign_place = place if rng.random() < 0.6 else _place(rng)
    else:
        sign_place = place
    sign = _sign_date(rng, kind, quarter, year, pemda)

    if options.get("code_scheme"):
        scheme = options["code_scheme"]
    elif pemda:
        scheme = rng.choices(["IKU", "IKSS", "IK", "none"], [35, 30, 20, 15])[0]
    else:
        scheme = rng.choices(["IK", "IKK", "IKU", "none"], [55, 20, 15, 10])[0]
    basis = options.get("target_basis") or ("quarterly" if rng.random() < 0.35 else "cumulative")

    # ---- choose indicators and sasaran
    n = options.get("n_indicators") or rng.randint(5, 14)
    n = max(5, min(14, n))
    n_tech = rng.randint(max(3, n - len(L.MANAGEMENT)), min(len(dom["indicators"]), n - 2))
    n_mgmt = n - n_tech
    tech = rng.sample(dom["indicators"], n_tech)
    weights = {"ikm": 8, "nka": 7, "akip": 6, "serap": 6, "berulang": 4, "deviasi": 3, "tl": 4,
               "lapkeu": 5, "renc": 4, "publik": 4}
    keys = list(L.MANAGEMENT)
    mgmt_keys: list[str] = []
    while len(mgmt_keys) < n_mgmt:
        k = rng.choices(keys, [weights[k] for k in keys])[0]
        if k not in mgmt_keys:
            mgmt_keys.append(k)
    def negative(t: dict) -> bool:
        return t["polarity"] == "negative"
    if options.get("need_negative") and not any(negative(t) for t in tech) and \
            not any(negative(L.MANAGEMENT[k]) for k in mgmt_keys):
        mgmt_keys[-1] = "deviasi" if "deviasi" not in mgmt_keys else "berulang"
    if options.get("need_score") and not any(t["kind"] == "score_year" for t in tech) and \
            not any(k in ("nka", "akip") for k in mgmt_keys):
        j = next((j for j, k in enumerate(mgmt_keys) if not negative(L.MANAGEMENT[k])), 0)
        mgmt_keys[j] = "nka"
    mgmt_order = {k: i for i, k in enumerate(keys)}
    mgmt_keys.sort(key=lambda k: (k not in ("ikm", "publik"), mgmt_order[k]))

    n_tech_s = 1 if n_tech <= 3 else rng.choice([1, 2, 2])
    n_mgmt_s = min(n_mgmt, rng.choice([1, 1, 2, 2, 3]), 5 - n_tech_s)
    sasaran_names = dom["sasaran"][:n_tech_s] + rng.sample(L.MANAGEMENT_SASARAN, n_mgmt_s)
    sasaran = [Sasaran(i + 1, s) for i, s in enumerate(sasaran_names)]

    def groups(count: int, parts: int) -> list[int]:
        cuts = sorted(rng.sample(range(1, count), parts - 1)) if parts > 1 else []
        sizes, prev = [], 0
        for c in cuts + [count]:
            sizes.append(c - prev)
            prev = c
        return sizes

    templates: list[tuple[dict, int, str | None]] = []
    s_no = 1
    for size in groups(n_tech, n_tech_s):
        for _ in range(size):
            templates.append((tech[len(templates)], s_no, None))
        s_no += 1
    mi = 0
    for size in groups(n_mgmt, n_mgmt_s):
        for _ in range(size):
            k = mgmt_keys[mi]
            templates.append((L.MANAGEMENT[k], s_no, k))
            mi += 1
        s_no += 1

    # ---- budget first (the absorption indicator mirrors it)
    programs = list(dict.fromkeys(dom["programs"] + rng.sample(
        ["Program Dukungan Manajemen", "Program Penunjang Urusan Pemerintahan Daerah",
         "Kegiatan Layanan Perkantoran", "Kegiatan Pengelolaan Sarana dan Prasarana"], 2)))
    programs = programs[:rng.randint(2, min(4, len(programs)))]
    absorb_level = {1: (0.12, 0.26), 2: (0.33, 0.52), 3: (0.55, 0.76), 4: (0.86, 0.985)}[quarter]
    budget = []
    for p in programs:
        pagu = rng.randint(250, 9500) * 1_000_000 + rng.randint(0, 999) * 1000
        realisasi = int(round(pagu * rng.uniform(*absorb_level), -3)) + rng.randint(0, 999)
        budget.append(BudgetRow(p, pagu, realisasi))
    budget_pct = round_half_up(dec(sum(b.realisasi for b in budget)) /
                               dec(sum(b.pagu for b in budget)) * 100, 2)

    start = year if year >= 2025 else 2020
    renstra = f"{start}-{start + 4}"

    indicators: list[Indicator] = []
    sas_counter: dict[int, int] = {}
    for num, (tpl, s_no, mkey) in enumerate(templates, start=1):
        sas_counter[s_no] = sas_counter.get(s_no, 0) + 1
        label = {"IK": f"IK.{num}", "IKU": f"IKU.{num}", "IKK": f"IKK.{num}",
                 "IKSS": f"IKSS.{s_no}.{sas_counter[s_no]}", "none": None}[scheme]
        ind = _make_indicator(rng, tpl, num, s_no, label, kind, quarter, basis, budget_pct, mkey)
        if kind == "annual" and ind.capaian is not None:
            d = ind.decimals
            prev = ind.realisasi * rng.uniform(0.78, 1.12)
            if ind.kind in ("percent", "progress", "neg_percent"):
                prev = min(prev, 100.0)
            ind.realisasi_prev_year = round_half_up(prev, d) if d else float(round(prev))
            ren = ind.target_annual * (rng.uniform(1.0, 1.2) if ind.polarity == "positive"
                                       else rng.uniform(0.8, 1.0))
            if ind.kind in ("percent", "progress"):
                ren = min(ren, 100.0)
            ind.renstra_target = round_half_up(ren, d) if d else float(round(ren))
        indicators.append(ind)

    head_title = f"Kepala {agency}" if atype != "Biro" else "Kepala Biro Hukum"
    meta = Meta(agency=agency, agency_short=short, agency_type=atype, parent=parent,
                domain=dom["id"], place=place, province=prov, kind=kind, quarter=quarter,
                year=year, target_basis=basis, code_scheme=scheme, sign_place=sign_place,
                sign_date=sign.isoformat(), head_title=head_title,
                head_name=_fictional_name(rng), head_nip=_nip(rng), tugas=dom["tugas"],
                fungsi=list(dom["fungsi"]), isu=list(dom["isu"]), renstra_period=renstra)
    recs = rng.sample(L.RECOMMENDATIONS, rng.randint(2, 5))
    extra = rng.choice(L.EXTRA_SECTIONS) if rng.random() < 0.35 else None
    return Report(seed=seed, meta=meta, sasaran=sasaran, indicators=indicators, budget=budget,
                  recommendations=recs, has_kata_pengantar=rng.random() < 0.7,
                  has_toc=rng.random() < 0.4, has_lampiran=True,
                  rencana_aksi_in_bab2=kind == "quarterly" and rng.random() < 0.5,
                  extra_section=extra)


def _make_indicator(rng, tpl, num, s_no, label, kind, quarter, basis, budget_pct, mkey):
    k = tpl["kind"]
    d = tpl["dec"]
    polarity = tpl["polarity"]
    unit = tpl["unit"]
    if mkey == "ikm" and rng.random() < 0.4:
        unit = "indeks"
    A = _nice(rng, tpl["lo"], tpl["hi"], d)
    measure_note = None
    # targets per quarter under the report's basis
    if k in ("count", "neg_count"):
        A = float(int(A))
        weights = [0.25] * 4 if k == "neg_count" else _quarter_weights(rng, A)
        per_q = _split_int(int(A), weights)
        cum = [sum(per_q[: i + 1]) for i in range(4)]
        targets = [float(x) for x in (per_q if basis == "quarterly" else cum)]
    elif k == "percent":
        if rng.random() < 0.5:
            targets = [A] * 4
        else:
            step = rng.choice([2.0, 2.5, 5.0])
            targets = [max(0.0, round_half_up(A - step * (3 - i), d)) for i in range(4)]
    elif k == "progress":
        pattern = rng.choice([[0.2, 0.45, 0.7, 1.0], [0.15, 0.4, 0.65, 1.0],
                              [0.25, 0.5, 0.75, 1.0]])
        targets = [round_half_up(A * p, d) for p in pattern]
    elif k == "score_year":
        targets = [0.0, 0.0, 0.0, A]
        measure_note = L.YEAR_END_NOTE.get(mkey or "", L.YEAR_END_NOTE["score_year"])
    elif k == "score_sem":
        targets = rng.choice([[0.0, A, 0.0, A], [0.0, A, A, A]])
        measure_note = L.YEAR_END_NOTE["ikm"]
    else:  # time, neg_percent
        targets = [A] * 4
    target = A if kind == "annual" else targets[quarter - 1]
    if target == 0 and measure_note is None:
        measure_note = rng.choice(["pelaksanaannya dijadwalkan pada triwulan berikutnya",
                                   "belum memiliki target pada periode ini sesuai Rencana Aksi"])

    # realisasi for the period
    explanation = None
    if target == 0:
        realisasi = 0.0
        if k == "count" and rng.random() < 0.5:
            realisasi = float(rng.randint(1, 3))
    elif mkey == "serap":
        realisasi = budget_pct
    else:
        f = _perf_negative(rng) if polarity == "negative" else _perf_positive(rng)
        if k in SCORE_KINDS:
            f = min(max(f, 0.9), 1.08)
        r = target * f
        if k in ("percent", "progress", "neg_percent"):
            r = min(r, 100.0)
        if k in SCORE_KINDS:
            r = min(r, 97.5)
        realisasi = round_half_up(r, d) if d else float(round(r))
        if k in ("count", "neg_count") and realisasi == target and f != 1.0 and rng.random() < .5:
            realisasi = max(0.0, target + (1 if f > 1 else -1))
    cap = compute_capaian(target, realisasi, polarity)
    if cap is not None and cap > 120:
        pool = L.EXPLAIN_HIGH_NEG if polarity == "negative" else L.EXPLAIN_HIGH
        explanation = rng.choice(pool)
    cause = remedy = None
    if cap is not None and cap < 100:
        cause, remedy = rng.choice(L.CAUSE_LOW), rng.choice(L.REMEDY)
    return Indicator(number=num, code=f"IK.{num}", label=label, name=tpl["name"], unit=unit,
                     kind=k, polarity=polarity, aggregation=tpl["aggregation"], sasaran=s_no,
                     decimals=d, target_annual=A, targets=targets, target=target,
                     realisasi=realisasi, capaian=cap, explanation=explanation,
                     success=rng.choice(L.SUCCESS), cause=cause, remedy=remedy,
                     measure_note=measure_note, mgmt_key=mkey)
