"""Prose rules: every figure, verdict and period stated in a sentence,
checked against the tables."""

from __future__ import annotations

from itertools import pairwise

from .. import capaian as cp
from .. import rulepack
from ..parse import periods
from ..parse.cells import unit_family, unit_key
from ..parse.numbers import Number, format_number, same_value
from ..parse.periods import current_numeral, is_current
from ..parse.text import word_set
from .common import other_period_near, pct, period_word
from .registry import Context, Hit, rule


def _is_same(value: float, claim, other_half: float = 0.0, extra: float = 0.0) -> bool:
    return same_value(claim.number, value, other_half, extra)


def _cell(ind, role):
    c = ind.value(role)
    return c if c is not None and c.number is not None else None


def _facts(ind):
    t, r, a = _cell(ind, "target"), _cell(ind, "realisasi"), _cell(ind, "target_annual")
    p = _cell(ind, "capaian")   # its own table's, else the summary's when it has no table row
    c = cp.compute(t.number.value, r.number.value, ind.polarity) if t and r else None
    return t, r, a, p, c


def _fmt_claim(value: float, claim) -> str:
    """A value written like the claim it replaces (same decimals style, Indonesian)."""
    decimals = (
        claim.number.decimals if claim.number.decimals else (0 if float(value).is_integer() else 2)
    )
    text = format_number(value, "id", decimals)
    if claim.percent:
        return text + "%"
    if claim.unit:
        return f"{text} {claim.raw.split()[-1]}"
    return text


def _replace(sentence, claim, new: str) -> str:
    text = sentence.text
    start = claim.start
    return text[:start] + new + text[start + len(claim.raw):]




def _sentences(report):
    """Sentences about an indicator whose table row was read whole (a row missing figures may be
    misread: its prose is not judged by it)."""
    for s in report.sentences:
        ind = report.indicator(s.indicator) if s.indicator else None
        if ind is not None and (ind.table is None or ind.table.complete):
            yield s, ind


def _role_word(ctx: Context, role: str) -> str:
    return ctx.word(f"role_{role}").lower()


@rule("NNU002")
def target_realisasi_swapped(report, ctx: Context):
    for s, ind in _sentences(report):
        t, r, *_ = _facts(ind)
        if not (t and r) or _is_same(t.number.value, _Probe(r.number.value)):
            continue
        # the crossed match is evidence enough that the sentence is about this period's figures
        tc = [x for x in s.numbers("target") if _is_same(r.number.value, x)]
        rc = [x for x in s.numbers("realisasi") if _is_same(t.number.value, x)]
        if tc and rc:
            corrected = _swap(s, tc[0], rc[0])
            yield Hit(
                ind.code,
                min(tc[0].line, rc[0].line),
                evidence=s.text,
                values={
                    "code": ind.code,
                    "found_r": rc[0].raw,
                    "found_t": tc[0].raw,
                    "table_t": t.number.value,
                    "table_r": r.number.value,
                    "corrected": corrected,
                },
                found=f"{rc[0].raw} / {tc[0].raw}",
                expected=f"{ctx.num(r.number.value)} / {ctx.num(t.number.value)}",
            )


class _Probe:
    """A bare number standing in for a claim in comparisons."""

    def __init__(self, value: float):
        self.number = Number(value, 0, "plain", str(value))


def _swap(s, a, b) -> str:
    """The sentence with the two figures exchanged; each unit word stays where it was."""
    first, second = sorted((a, b), key=lambda c: c.start)
    text = s.text

    def with_number(claim, number_raw: str) -> str:
        return claim.raw.replace(claim.number.raw, number_raw, 1)

    return (
        text[: first.start]
        + with_number(first, second.number.raw)
        + text[first.start + len(first.raw) : second.start]
        + with_number(second, first.number.raw)
        + text[second.start + len(second.raw) :]
    )


def _swapped(s, ind, t, r) -> bool:
    if not (t and r):
        return False
    return any(_is_same(r.number.value, x) for x in s.numbers("target")) and \
        any(_is_same(t.number.value, x) for x in s.numbers("realisasi"))


@rule("NNU001")
def prose_figure_mismatch(report, ctx: Context):
    tolerance, window = float(ctx.option("tolerance")), int(ctx.option("period_window"))
    for s, ind in _sentences(report):
        t, r, a, p, c = _facts(ind)
        if _swapped(s, ind, t, r):
            continue
        for claim in s.numbers():
            if claim.role not in ("target", "realisasi") or claim.percent and not ind.in_percent:
                continue
            if ind.in_percent and not claim.percent and claim.unit \
                    and not _same_unit(claim.unit, ind.unit):
                continue   # "28 kegiatan" of a percentage indicator: a part it is computed from
            if ind.named_score and ind.unit_family in (None, "score") and claim.unit \
                    and unit_family(claim.unit) == "count":
                continue   # "diikuti 214 pegawai" of an index: the respondents, not the score
            if other_period_near(s, claim, report, window):
                continue
            if claim.role == "target":
                truth = t
                ok = [x.number.value for x in (t, a) if x]
            else:
                truth = r
                ok = [r.number.value] if r else []
                if not claim.explicit and not _same_unit(claim.unit, ind.unit):
                    continue
            if claim.percent:
                # in a percentage indicator a "%" figure may be the target,
                # the actual or the achievement
                ok += [x.number.value for x in (t, r, a, p) if x] + ([c] if c is not None else [])
            if truth is None or any(_is_same(v, claim, tolerance) for v in ok):
                continue
            yield Hit(
                ind.code,
                claim.line,
                evidence=s.text,
                values={
                    "code": ind.code,
                    "role": _role_word(ctx, claim.role),
                    "corrected": _replace(s, claim, _fmt_claim(truth.number.value, claim)),
                },
                found=claim.raw,
                expected=_fmt_claim(truth.number.value, claim)
                if ctx.lang == "id"
                else ctx.num(truth.number.value),
                found_value=claim.number.value,
                expected_value=truth.number.value,
                unit="%" if claim.percent else claim.unit,
            )
            break




def _same_unit(a: str | None, b: str | None) -> bool:
    """Same unit, or one names the other's first word ("hari" of "hari kerja": prose shortens)."""
    if a is None or b is None:
        return True
    ka, kb = unit_key(a), unit_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    n = min(len(wa), len(wb))
    return n > 0 and wa[:n] == wb[:n]


@rule("NNU003")
def prose_percentage_mismatch(report, ctx: Context):
    tolerance, window = float(ctx.option("tolerance")), int(ctx.option("period_window"))
    for s, ind in _sentences(report):
        t, r, a, p, c = _facts(ind)
        candidates = [v for v in (p.number.value if p else None, c) if v is not None]
        if ind.in_percent:
            candidates += [x.number.value for x in (t, r, a) if x]
        if not candidates:
            continue
        for claim in s.numbers("capaian"):
            if not claim.percent or other_period_near(s, claim, report, window):
                continue
            if any(_is_same(v, claim, 0.0, tolerance) for v in candidates) or _unit_slip(
                claim, ind
            ):
                continue
            best = c if c is not None else (p.number.value if p else None)
            if best is None:
                continue
            yield Hit(
                ind.code,
                claim.line,
                evidence=s.text,
                values={
                    "code": ind.code,
                    "printed": ctx.pct(p.number.value, p.number.decimals) if p else "-",
                    "corrected": _replace(s, claim, _fmt_claim(best, claim)),
                },
                found=claim.raw,
                found_value=claim.number.value,
                expected=pct(best, 2),
            )
            break


def _unit_slip(claim, ind) -> bool:
    """A "%" figure equal to the target or realisasi of an indicator not measured in percent: the
    figure is right and its unit wrong (UNT004), not a wrong achievement."""
    if not claim.percent or ind.in_percent or claim.number.value == 0:
        return False
    t, r, a, p, c = _facts(ind)
    if any(
        v is not None and _is_same(v, claim, 0.0, 0.01) for v in (p.number.value if p else None, c)
    ):
        return False   # it is the achievement after all
    return any(x is not None and _is_same(x.number.value, claim) for x in (t, r, a))


def _achieved(ind, printed: bool = False) -> bool | None:
    """Target reached?  None when not measured (0 of 0, or no figures).
    A "-" target is a zero target."""
    t, r, _, p, c = _facts(ind)
    if printed and p is not None and not (t is None or t.number.value == 0):
        return round(p.number.value, 2) >= 100
    if c is not None:
        return round(c, 2) >= 100
    zero_target = (t is not None and t.number.value == 0) or _dash_target(ind)
    if zero_target and r:
        return True if r.number.value > 0 else None
    return None


def _dash_target(ind) -> bool:
    cell = ind.table.cells.get("target") if ind.table else None
    return cell is not None and cell.is_dash


@rule("NNU004")
def average_capaian_statement(report, ctx: Context):
    tolerance, cap = float(ctx.option("tolerance")), float(ctx.option("cap"))
    values = [_facts(i)[3:] for i in report.indicators]
    printed = [p.number.value for p, _ in values if p is not None]
    recomputed = [c for _, c in values if c is not None]
    if not recomputed:
        return
    # the report may average its printed figures, the recomputed ones, or the recomputed ones capped
    averages = [
        sum(x) / len(x) for x in (printed, recomputed, [min(v, cap) for v in recomputed]) if x
    ]
    for s in report.sentences:
        num = s.average
        if num is None or any(same_value(num, o, slack=tolerance) for o in averages):
            continue
        yield Hit(
            s.indicator,
            s.line,
            evidence=s.text,
            values={"n": len(recomputed)},
            found=pct(num.value, num.decimals),
            expected=pct(averages[0], 2),   # the printed capaian's mean, else the recomputed
        )


def _expected_meaning(ind):
    """(meaning, numbers-text-values) the figures support, or None when they say nothing."""
    t, r, _, _, c = _facts(ind)
    if any(x is not None and x.number.value < 0 for x in (t, r)):
        # a negative figure (a change rate) says "achieved" only in the report's own terms
        return None
    if c is not None:
        rc = round(c, 2)
        meaning = "above" if rc > 100 else "equal" if rc == 100 else "below"
        return meaning, c, t, r
    if t and r and t.number.value == 0:
        return ("above" if r.number.value > 0 else "not_measured"), None, t, r
    return None


def _corrected_verdict(text: str, v, key: str, words: dict) -> str:
    """The sentence with the verdict replaced: the whole phrase when it names the target, the verb
    alone when "target" follows it ("telah melampaui target" -> "belum mencapai target")."""
    before, after = text[:v.start], text[v.start + len(v.raw):]
    phrase = words[key]["id"]
    if v.target_follows:
        phrase = words[key + "_verb"]["id"] if key + "_verb" in words else phrase
    if key in ("verdict_below", "verdict_not_measured") and v.aux_start is not None:
        before = text[:v.aux_start]
    return before + phrase + after


def _prints_percent_on_zero_target(ind) -> bool:
    t, _, _, p, _ = _facts(ind)
    return bool(t and p and t.number.value == 0 and p.number.value != 0)


def _contradicts(said: str, expected: str) -> bool:
    if expected == "not_measured":
        return said in ("equal", "above", "reached")
    if said == "reached":
        return expected == "below"
    if said == "equal":
        return expected != "equal"
    if said == "above":
        return expected != "above"
    if said == "below":
        return expected != "below"
    return False


def _said(claim, ind) -> str:
    meaning = claim.meaning
    if ind.polarity == "negative" and claim.literal:
        meaning = {"above": "below", "below": "above"}.get(meaning, meaning)
    return meaning


def _about_current(s, ind, report) -> bool:
    if not s.periods:
        return True
    if any(is_current(p.period, report.meta) for p in s.periods):
        return True
    t, r, *_ = _facts(ind)
    values = [x.number.value for x in (t, r) if x]
    return any(_is_same(v, n) for n in s.numbers() for v in values)


@rule("NVD001")
def verdict_contradicts_numbers(report, ctx: Context):
    words = rulepack.lexicon()["words"]
    for s, ind in _sentences(report):
        exp = _expected_meaning(ind)
        if exp is None or not s.verdicts or not _about_current(s, ind, report):
            continue
        expected, c, t, r = exp
        printed_zero_pct = _prints_percent_on_zero_target(ind)
        for v in s.verdicts:
            said = _said(v, ind)
            if not _contradicts(said, expected):
                continue
            if v.ambiguous and ind.polarity == "negative" and not _contradicts(v.meaning, expected):
                # "melebihi target" of a lower-is-better indicator may state the achievement
                continue
            if printed_zero_pct and expected == "not_measured" and said in ("equal", "reached"):
                # "sesuai/100%" repeats the table's 100% on a zero target: one root cause, ZER001
                continue
            key = "verdict_not_measured" if expected == "not_measured" else f"verdict_{expected}"
            if c is not None:
                numbers = ctx.word(
                    "verdict_numbers",
                    capaian=ctx.pct(c, 2),
                    r=ctx.num(r.number.value),
                    t=ctx.num(t.number.value),
                )
            else:
                numbers = ctx.word("verdict_numbers_zero", r=ctx.num(r.number.value))
            corrected = _corrected_verdict(s.text, v, key, words)
            yield Hit(
                ind.code,
                v.line,
                evidence=s.text,
                values={"code": ind.code, "evidence_numbers": numbers, "corrected": corrected},
                found=v.raw,
                expected=ctx.word(key),
            )
            break


@rule("NVD002")
def verdicts_disagree(report, ctx: Context):
    by_ind: dict[str, list] = {}
    for s, ind in _sentences(report):
        if not _about_current(s, ind, report):
            continue
        for v in s.verdicts[:1]:
            by_ind.setdefault(ind.code, []).append((s, v, _said(v, ind)))
    for code, said in by_ind.items():
        ind = report.indicator(code)
        exp = _expected_meaning(ind)
        if exp is not None and any(_contradicts(m, exp[0]) for _, _, m in said):
            continue  # NVD001 already reports the wrong one(s)
        for (_, va, ma), (sb, vb, mb) in pairwise(said):
            if _contradicts(ma, _as_expected(mb)) and _contradicts(mb, _as_expected(ma)):
                yield Hit(code, vb.line, evidence=sb.text,
                          values={"code": code, "line_a": va.line, "line_b": vb.line},
                          found=vb.raw, expected=va.raw)
                break


def _as_expected(meaning: str) -> str:
    return "above" if meaning == "reached" else meaning


@rule("NNU005")
def summary_count_statement(report, ctx: Context):
    states = [_achieved(i) for i in report.indicators]
    measured = [x for x in states if x is not None]
    if not measured:
        return
    n_total = len(report.indicators)
    n_ok = sum(1 for x in measured if x)
    # the report may count by its printed capaian (polarity it knows and we may not)
    printed = [_achieved(i, printed=True) for i in report.indicators]
    n_ok_printed = sum(1 for x in printed if x)
    measured_printed = sum(1 for x in printed if x is not None)
    for s in report.sentences:
        # a sentence counting more indicators than were read: the tables were not all read, and
        # none of its counts ("6 ... sangat baik, 1 ... baik") can be judged
        if any((st.total or 0) > n_total or (st.claimed or 0) > n_total for st in s.counts):
            continue
        for st in s.counts:
            claimed = n_total if st.claimed is None else st.claimed
            truths = {(len(measured) - n_ok) if st.negative else n_ok,
                      (measured_printed - n_ok_printed) if st.negative else n_ok_printed}
            if claimed in truths and st.total in (None, n_total):
                continue
            yield Hit(
                s.indicator,
                s.line,
                evidence=s.text,
                values={},
                found=st.raw,
                found_value=claimed,
                expected=ctx.word("count_statement_below", x=len(measured) - n_ok, n=n_total)
                if st.negative else ctx.word("count_statement", x=n_ok, n=n_total),
                expected_value=(len(measured) - n_ok) if st.negative else n_ok,
            )
            break


def _compared_near(s, ref, before: int, after: int) -> bool:
    """A comparison word (dibandingkan, sebelumnya, meningkat …) stands within ``before`` characters
    before the reference or ``after`` characters after it."""
    end = ref.start + len(ref.raw)
    return any(ref.start - before <= a and b <= ref.start or end <= a and b <= end + after
               for a, b in s.comparisons)


_FIGURE_ROLES = ("target", "realisasi", "capaian")


def _one_statement(numbers: list) -> list:
    """The figures up to the second of one role: "realisasi triwulan II sebanyak 380, dengan
    realisasi kinerja sebanyak 410" states two realisations, and a reference before the first
    qualifies only the first."""
    seen: set[str] = set()
    for k, n in enumerate(numbers):
        if n.role in _FIGURE_ROLES:
            if n.role in seen:
                return numbers[:k]
            seen.add(n.role)
    return numbers


def _restated(s, nums_after: list) -> bool:
    """The figure a period reference qualifies has a twin of the same role elsewhere in the
    sentence ("realisasi tahun 2015: 1 dokumen ... dengan realisasi kinerja: 2 dokumen"): the
    sentence gives the figure of each period, and the reference is the other period's."""
    if not nums_after or nums_after[0].role not in _FIGURE_ROLES:
        return False
    first = nums_after[0]
    return any(n is not first and n.role == first.role for n in s.numbers())


@rule("NPD001")
def wrong_period_in_prose(report, ctx: Context):
    meta = report.meta
    if meta.year is None:
        return
    before, after = int(ctx.option("comparison_before")), int(ctx.option("comparison_after"))
    for s in report.sentences:
        ind = report.indicator(s.indicator) if s.indicator else None
        current_values = []
        if ind is not None:
            t, r, _, p, _ = _facts(ind)
            current_values = [x.number.value for x in (t, r, p) if x]
        compared: set = set()      # periods this sentence already compares with
        for ref in s.periods:
            if is_current(ref.period, meta):
                continue
            if ref.period[0] == "quarter" and meta.kind == "annual":
                continue
            # a sentence naming the report's own period beside another one compares the two
            own_named = any(
                q.period[0] == ref.period[0]
                and is_current(q.period, meta)
                and not q.of_target
                and ";" not in s.text[min(q.start, ref.start) : max(q.start, ref.start)]
                for q in s.periods
            )
            if own_named or ref.period in compared or _compared_near(s, ref, before, after):
                compared.add(ref.period)
                continue
            # figures this reference qualifies: after it, with no nearer reference of its kind,
            # and no nearer reference to the current period ("survei semester I ... pada
            # triwulan III sebesar")
            nums_after = [n for n in s.numbers() if n.start > ref.start
                          and not any(ref.start < q.start < n.start and
                                      (q.period[0] == ref.period[0] or
                                       q.period[0] != "year" and is_current(q.period, meta))
                                      for q in s.periods)]
            nums_after = _one_statement(nums_after)
            figure_match = any(_is_same(v, n) for n in nums_after for v in current_values)
            if not (figure_match or ref.current_cue and not _restated(s, nums_after)):
                continue
            fixed = ref.raw[:len(ref.raw) - len(ref.numeral)] + current_numeral(ref.period[0], meta)
            corrected = s.text[:ref.start] + fixed + s.text[ref.start + len(ref.raw):]
            yield Hit(
                s.indicator,
                ref.line,
                evidence=s.text,
                values={"corrected": corrected},
                found=ref.raw,
                found_value=ref.period[1],
                expected=period_word(report, ctx, with_year=True),
            )
            break


@rule("NPD002")
def signed_before_period_end(report, ctx: Context):
    meta = report.meta
    end = meta.period_end
    if meta.signed_date is None or end is None or meta.signed_date > end:
        return
    yield Hit(None, meta.signed_line, values={"period": period_word(report, ctx, with_year=True)},
              found=meta.signed_date.isoformat(), expected=end.isoformat())


def _counts_named_noun(unit: str, table_unit: str, name: str | None) -> bool:
    """A generic count unit in the table ("unit") and prose counting the noun of the indicator's
    name ("Jumlah koperasi ..." -> "24 koperasi"): the same count in other words."""
    return unit_key(table_unit) in word_set("generic_count_units") and unit_key(unit) in {
        unit_key(w) for w in (name or "").lower().split()}


@rule("UNT004")
def prose_unit_differs(report, ctx: Context):
    reported: set[str] = set()
    for s, ind in _sentences(report):
        table_unit = ind.table.unit if ind.table and ind.table.unit else None
        if table_unit is None or ind.code in reported or unit_family(table_unit) == "percent":
            continue
        if unit_family(table_unit) == "count" and ind.named_score:
            continue  # the table's unit is the wrong one (UNT002)
        for claim in s.numbers():
            # "89,20 persen" where the table counts a score of 89,20 is a slip;
            # else a different unit word
            wrong_word = (claim.unit not in (None, "%") and claim.role in ("target", "realisasi")
                          and not _same_unit(claim.unit, table_unit)
                          and unit_family(claim.unit) in ("count", "score", "time")
                          and not _counts_named_noun(claim.unit, table_unit, ind.name))
            if not (_unit_slip(claim, ind) or wrong_word):
                continue
            yield Hit(
                ind.code,
                claim.line,
                evidence=s.text,
                values={"code": ind.code, "raw": claim.raw},
                found=claim.unit,
                expected=table_unit,
            )
            reported.add(ind.code)
            break


@rule("NPD006")
def caption_year_differs(report, ctx: Context):
    """A table's caption names one year, its target/realisasi columns another."""
    for table in report.tables:
        caption, columns = set(table.caption_years), set(table.column_years)
        if len(caption) != 1 or len(columns) != 1 or caption == columns:
            continue
        (found,), (expected,) = caption, columns
        own = [i.code for i in report.indicators if i.table is not None and i.table.table is table]
        code = own[0] if len(own) == 1 else report.indicator_at(table.caption_line)
        yield Hit(
            code,
            table.caption_line,
            evidence=table.caption,
            values={"n": table.caption_number or ""},
            found=str(found),
            expected=str(expected),
            found_value=found,
            expected_value=expected,
        )


@rule("NPD011")
def caption_span_differs(report, ctx: Context):
    """A caption naming a span of years over year columns some of which fall outside it
    ("Tahun 2018–2020" over 2019, 2020, 2021).  Columns inside the span (a Renstra span with
    the years so far) are no defect."""
    for c in report.caption_years:
        first, last = c.span
        if all(first <= y <= last for y in c.columns):
            continue
        yield Hit(None, c.line, evidence=c.caption,
                  values={"n": c.number, "header_line": c.header_line},
                  found=f"{first}–{last}", expected=f"{c.columns[0]}–{c.columns[-1]}")


@rule("NPD007")
def running_title_period_differs(report, ctx: Context):
    """A running header or footer naming another period than the report's (decided elsewhere)."""
    meta = report.meta
    if meta.year is None or meta.period_source in (None, "running"):
        return
    for m in meta.mentions:
        if m.source != "running" or m.year is None:
            continue
        quarter_differs = (
            m.kind in ("quarterly", "semester")
            and meta.kind in ("quarterly", "semester")
            and m.quarter != meta.quarter
        )
        if m.year == meta.year and not quarter_differs:
            continue
        found = periods.label(
            type(meta)(kind=m.kind, quarter=m.quarter, year=m.year), ctx.word, with_year=True
        )
        yield Hit(None, m.line, evidence=m.text, values={"title": m.text}, found=found,
                  expected=period_word(report, ctx, with_year=True))
