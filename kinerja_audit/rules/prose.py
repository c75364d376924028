"""Prose checked against itself (statcheck-style): what one sentence states, recomputed.

These rules need no table: a numeral and its number word, a total and its parts, the previous
year and the first year of a plan named in the text, a year cut short, a percentage stated for an
indicator without a target, a sentence's own target/realisasi/capaian and its verdict, and the
same figure restated differently in several places.  ``rules/narrative.py`` compares the prose
with the tables.
"""
from __future__ import annotations

from collections import Counter

from .. import capaian as cp
from ..parse.numbers import same_value
from ..parse.statements import spelled
from ..parse.text import word_set
from .common import caps_option, line_place, other_period_near, pct
from .registry import Context, Hit, rule


def _report_year(report) -> int | None:
    """The report's year when the report decided it (not when nothing named it)."""
    return report.meta.year if report.meta.period_source else None


@rule("NNU007")
def numeral_word_disagree(report, ctx: Context):
    for s in report.sentences:
        for nw in s.numeral_words:
            if nw.numeral == nw.word_value:
                continue
            words = spelled(nw.numeral)
            corrected = nw.raw if not words else f"{words} ({nw.numeral})" if nw.word_first \
                else f"{nw.numeral} ({words})"
            yield Hit(
                s.indicator,
                s.line_at(nw.start),
                evidence=s.text,
                values={
                    "numeral": nw.numeral,
                    "word": nw.word,
                    "word_value": nw.word_value,
                    "corrected": corrected,
                },
                found=nw.raw,
                found_value=nw.word_value,
                expected=corrected,
                expected_value=nw.numeral,
            )


@rule("NNU008")
def parts_do_not_add_up(report, ctx: Context):
    for s in report.sentences:
        for total in s.totals:
            summed = sum(p.value for p in total.parts)
            if total.complete:
                slack = total.total.half_step + sum(p.half_step for p in total.parts)
                if same_value(total.total, summed, slack=slack):
                    continue
            elif summed <= total.total.value:
                continue   # a breakdown counts things (exact), and may leave categories unnamed
            decimals = max([total.total.decimals, *(p.decimals for p in total.parts)])
            yield Hit(
                s.indicator,
                s.line_at(total.start),
                evidence=s.text,
                values={
                    "parts": " + ".join(total.parts_raw),
                    "unit": total.unit,
                    "sum": ctx.num(summed, decimals),
                },
                found=total.raw,
                found_value=total.total.value,
                expected=f"{ctx.num(summed, decimals)} {total.unit}",
                expected_value=summed,
                unit=total.unit,
            )


@rule("NPD003")
def wrong_previous_year(report, ctx: Context):
    year = _report_year(report)
    if year is None:
        return
    for s in report.sentences:
        for ref in s.year_references:
            if ref.kind == "previous" and ref.year != year - 1:
                yield Hit(
                    s.indicator,
                    s.line_at(ref.start),
                    evidence=s.text,
                    values={"year": str(year)},   # a year, not a figure: no "2.022"
                    found=ref.raw,
                    found_value=ref.year,
                    expected=str(year - 1),
                    expected_value=year - 1,
                )


@rule("NPD004")
def plan_start_year(report, ctx: Context):
    for s in report.sentences:
        for ref in s.year_references:
            if ref.kind == "plan_start" and ref.year != ref.plan_start:
                yield Hit(s.indicator, s.line_at(ref.start), evidence=s.text,
                          values={"plan_start": ref.plan_start},
                          found=ref.raw, found_value=ref.year, expected=str(ref.plan_start),
                          expected_value=ref.plan_start)


@rule("NPD005")
def malformed_year(report, ctx: Context):
    year = _report_year(report)
    for s in report.sentences:
        for ref in s.year_references:
            if ref.kind == "malformed":
                yield Hit(s.indicator, s.line_at(ref.start), evidence=s.text,
                          values={"year": str(year) if year else ctx.word("year_unknown")},
                          found=ref.raw,
                          expected=ctx.word("year_four_digits"))


@rule("NPD009")
def regulation_after_report(report, ctx: Context):
    year = _report_year(report)
    if year is None:
        return
    signed = report.meta.signed_date
    latest = max(year + int(ctx.option("years_after")), signed.year if signed else 0)
    cited = [(s, ref) for s in report.sentences for ref in s.year_references
             if ref.kind == "regulation"]
    for s, ref in cited:
        if ref.year <= latest:
            continue
        # the same regulation cited elsewhere with a year it can have: that year
        years = Counter(r.year for _, r in cited if r.label == ref.label and r.year <= latest)
        right = years.most_common(1)[0][0] if years else None
        expected = f"{ref.raw[:len(ref.raw) - 4]}{right}" if right else None
        yield Hit(s.indicator, s.line_at(ref.start), evidence=s.text,
                  values={"year": str(year), "cited": str(ref.year),
                          "signed": ctx.word("signed_on", date=signed.isoformat())
                          if signed else "",
                          "elsewhere": ctx.word("cited_elsewhere", cited=expected)
                          if expected else ""},
                  found=ref.raw, found_value=ref.year, expected=expected, expected_value=right)


@rule("NNU010")
def share_mismatch(report, ctx: Context):
    slack = float(ctx.option("approximate_tolerance"))
    for s in report.sentences:
        for share in s.shares:
            value = share.part.value / share.whole.value * 100
            allowed = max(share.percent.half_step, slack if share.approximate else 0) + 1e-9
            if abs(value - share.percent.value) <= allowed:
                continue
            yield Hit(s.indicator, s.line_at(share.start), evidence=s.text,
                      values={"count": share.part.raw, "total": share.whole.raw},
                      found=pct(share.percent.value, share.percent.decimals),
                      found_value=share.percent.value,
                      expected=pct(value, max(share.percent.decimals, 2)), expected_value=value,
                      unit="%")


@rule("NNU011")
def change_percentage(report, ctx: Context):
    for s in report.sentences:
        for change in s.changes:
            if (change.new.value > change.old.value) != change.rise \
                    or change.new.value == change.old.value:
                continue        # said to rise while it fell: a verdict, not this arithmetic
            diff = abs(change.new.value - change.old.value)
            value = diff / change.old.value * 100
            if abs(value - change.percent.value) <= change.percent.half_step + 1e-9:
                continue
            decimals = max(change.percent.decimals, 2)
            yield Hit(s.indicator, s.line_at(change.start), evidence=s.text,
                      values={"old": change.old.raw, "new": change.new.raw,
                              "diff": ctx.num(diff),
                              "direction": ctx.word("change_rise" if change.rise
                                                    else "change_fall")},
                      found=pct(change.percent.value, change.percent.decimals),
                      found_value=change.percent.value,
                      expected=pct(value, decimals), expected_value=value, unit="%")


@rule("NPD008")
def transposed_year(report, ctx: Context):
    """"tahun 2109" in a 2019 report: the report year's digits in another order, far from any year
    a report speaks of."""
    year = _report_year(report)
    if year is None:
        return
    distance = int(ctx.option("min_distance"))
    for s in report.sentences:
        for ref in s.year_references:
            if (
                ref.kind == "named"
                and ref.year != year
                and sorted(str(ref.year)) == sorted(str(year))
                and abs(ref.year - year) >= distance
            ):
                fixed = ref.raw[:len(ref.raw) - 4] + str(year)
                yield Hit(
                    s.indicator,
                    s.line_at(ref.start),
                    evidence=s.text,
                    values={
                        "corrected": s.text[: ref.start]
                        + fixed
                        + s.text[ref.start + len(ref.raw) :]
                    },
                    found=ref.raw,
                    found_value=ref.year,
                    expected=str(year),
                    expected_value=year,
                )


@rule("ZER002")
def no_target_percentage(report, ctx: Context):
    for s in report.sentences:
        for st in s.no_target_percents:
            yield Hit(s.indicator, s.line_at(st.start), evidence=s.text, values={},
                      found=pct(st.percent.value, st.percent.decimals), expected="-")


def _one(claims) -> object | None:
    """The claim when all claims of a role state the same value, else None."""
    values = {c.number.value for c in claims}
    return claims[0] if len(values) == 1 else None


def _polarities(report, s) -> tuple[str, ...]:
    """Polarities under which to read a sentence: its indicator's when it has one; else positive,
    or both when the sentence speaks of something lower-is-better (``s.lower_is_better``)."""
    ind = report.indicator(s.indicator) if s.indicator else None
    if ind is not None:
        return (ind.polarity,)
    return ("positive", "negative") if s.lower_is_better else ("positive",)


def _segments(s):
    """The sentence's figures grouped by the period they follow ("Pada tahun 2020 ... dan untuk
    tahun 2021 ..."): a new period reference of another value starts a new group."""
    groups: list[list] = [[]]
    current = None
    for c in s.claims:
        if c.kind == "period":
            if current is not None and c.period != current and groups[-1]:
                groups.append([])
            current = c.period
        elif c.kind == "number" and c.explicit:
            groups[-1].append(c)
    return [g for g in groups if g]


def _own_figures(report):
    """Sentences to read on their own: those of an indicator whose table gives no target and
    realisasi (with a table, the narrative rules compare the sentence with it: one root cause,
    one finding)."""
    for s in report.sentences:
        if s.flattened or s.counts:
            continue   # a flattened table, or "x dari n indikator tercapai" (NNU005)
        ind = report.indicator(s.indicator) if s.indicator else None
        if ind is None or ind.value("target") is None or ind.value("realisasi") is None:
            yield s


@rule("NNU006")
def sentence_capaian(report, ctx: Context):
    """A sentence gives target, realisasi and capaian:
    the capaian must follow from the other two."""
    tolerance = float(ctx.option("tolerance"))
    caps = caps_option(ctx)
    for s in _own_figures(report):
        for group in _segments(s):
            targets = [c for c in group if c.role == "target"]
            reals = [c for c in group if c.role == "realisasi"]
            caps_ = [c for c in group if c.role == "capaian" and c.percent]
            t, r, p = _one(targets), _one(reals), _one(caps_)
            if len(reals) > 1 and t and p is None and _one(reals) is None:
                yield from _realisasi_is_capaian(s, t, reals)
                continue
            if not (t and r and p) or t.number.value == 0:
                continue
            if t.percent != r.percent:
                continue  # "80% ... 23 sampel": not the same quantity
            if any(
                cp.consistent(p, t, r, pol, tolerance, caps=caps) is not False
                for pol in _polarities(report, s)
            ):
                continue
            value = cp.compute(t.number.value, r.number.value, _polarities(report, s)[0])
            yield Hit(
                s.indicator,
                p.line,
                evidence=s.text,
                values={"target": t.raw, "realisasi": r.raw},
                found=pct(p.number.value, p.number.decimals),
                expected=pct(value, cp.decimals_for(p)),
            )


def _realisasi_is_capaian(s, t, reals):
    """"realisasi ... 114,85% dengan target 80,8 dan realisasi 92,8": one "realisasi" figure is
    the capaian of the others."""
    numbers = s.numbers()
    for a in reals:
        # the percentage must be the first figure after the word "realisasi" that names it
        if not a.percent or not a.cue.lower().startswith("realisasi") or a.cue_end is None \
                or any(a.cue_end <= c.start < a.start for c in numbers if c is not a):
            continue
        for b in reals:
            if a is b:
                continue
            value = cp.compute(t.number.value, b.number.value)
            if value is not None and same_value(a.number, value, slack=0.01):
                yield Hit(
                    s.indicator,
                    a.line,
                    evidence=s.text,
                    values={"capaian": a.raw, "realisasi": b.raw, "target": t.raw},
                    found=a.raw,
                    found_value=a.number.value,
                    expected=b.raw,
                    expected_value=b.number.value,
                )
                return


@rule("NVD003")
def sentence_verdict(report, ctx: Context):
    """A verdict that compares the sentence's own realisasi with its own target, contradicted by
    the two figures ("167 menurun dari target 150")."""
    for s in _own_figures(report):
        targets = [c for c in s.numbers("target") if c.explicit]
        reals = [c for c in s.numbers("realisasi") if c.explicit]
        t, r = _one(targets), _one(reals)
        if not (t and r) or t.percent != r.percent or not s.verdicts:
            continue
        if r.number.value == t.number.value:
            expected = "equal"
        else:
            expected = "above" if r.number.value > t.number.value else "below"
        polarities = _polarities(report, s)
        for v in s.verdicts:
            if not v.target_follows and not v.literal and "target" not in v.raw.lower():
                continue   # "berhasil", "tercapai": not a comparison with this target
            if all(_contradicts(v, expected, pol) for pol in polarities):
                yield Hit(s.indicator, v.line, evidence=s.text,
                          values={"realisasi": r.raw, "target": t.raw},
                          found=v.raw, expected=ctx.word(f"verdict_{expected}"))
                break


@rule("NVD005")
def sentence_capaian_verdict(report, ctx: Context):
    """A verdict on the target contradicted by the capaian the same sentence states ("capaian
    97,38% sehingga telah melampaui target"), when the sentence gives no realisasi-target pair of
    its own (NVD003 judges those)."""
    for s in _own_figures(report):
        if not s.verdicts or _one([c for c in s.numbers("target") if c.explicit]) \
                and _one([c for c in s.numbers("realisasi") if c.explicit]):
            continue
        # a percentage its own cue word names the achievement ("capaian", "progres"), not one read
        # as such by default (the realisasi of a percentage indicator) or after a looser word
        cues = word_set("achievement_cue_words")
        stated = [c for c in s.numbers("capaian")
                  if c.explicit and c.cue_near and c.percent and c.cue.lower() in cues]
        p = _one(stated)
        if p is None or p.number.value < 0:
            continue
        value = round(p.number.value, 2)
        achieved = "above" if value > 100 else "equal" if value == 100 else "below"
        polarities = _polarities(report, s)
        for v in s.verdicts:
            if not v.target_follows and "target" not in v.raw.lower():
                continue   # "berhasil", "melebihi" alone: not said of this target
            if v.literal and not v.ambiguous:
                continue   # "lebih rendah dari target" compares figures the sentence may not give
            if all(_contradicts(v, _INVERSE.get(achieved, achieved) if pol == "negative"
                                else achieved, pol) for pol in polarities):
                yield Hit(s.indicator, v.line, evidence=s.text, values={"capaian": p.raw},
                          found=v.raw, expected=ctx.word(f"verdict_{achieved}"))
                break


_INVERSE = {"above": "below", "below": "above"}


def _compared_before(s, claim) -> bool:
    """A comparison word ("dibandingkan", "sebelumnya") stands before the figure, with no reference
    to the report's own period between them ("... tahun sebelumnya; Realisasi tahun 2021 sebesar
    158" is this year's figure)."""
    return any(b <= claim.start and not any(b <= p.start < claim.start and p.period[0] == "year"
                                            for p in s.periods)
               for _, b in s.comparisons)


def _contradicts(v, literal_expected: str, polarity: str) -> bool:
    """Whether verdict ``v`` contradicts a realisasi that is ``literal_expected`` (above, equal,
    below) its target.  A literal comparison ("lebih lama dari target") reads the figures as they
    are; an achievement verdict ("belum mencapai target") reads them through the polarity.  Words
    that can be either ("melampaui target" of a lower-is-better indicator) contradict only when
    both readings do."""
    achieved = (
        _INVERSE.get(literal_expected, literal_expected)
        if polarity == "negative"
        else literal_expected
    )
    readings = [literal_expected] if v.literal else [achieved]
    if v.literal and polarity == "negative" and v.meaning == "above" and v.ambiguous:
        readings.append(achieved)

    def against(expected: str) -> bool:
        if v.meaning == "reached":
            return expected == "below"
        return v.meaning != expected

    return all(against(e) for e in readings)


@rule("NNU009")
def realisasi_restated(report, ctx: Context):
    """The same indicator's realisasi for the report's period given differently in
    several places."""
    window = int(ctx.option("period_window"))
    by_indicator: dict[str, list] = {}
    for s in report.sentences:
        ind = report.indicator(s.indicator) if s.indicator else None
        if ind is None or ind.value("realisasi") is not None:
            continue   # with a table value NNU001 compares each sentence with the table
        for c in s.numbers("realisasi"):
            if other_period_near(s, c, report, window) or _compared_before(s, c):
                continue   # an earlier period's figure, or one given for comparison
            if c.explicit and c.cue_near:
                by_indicator.setdefault(ind.code, []).append((s, c))
                break
    for code, said in by_indicator.items():
        _first_s, first = said[0]
        for s, c in said[1:]:
            if same_value(c.number, first.number.value, first.number.half_step) \
                    or (c.unit or "") != (first.unit or ""):
                continue
            yield Hit(code, c.line, evidence=s.text,
                      values={"code": code, "other": first.raw, "other_line": first.line},
                      found=c.raw, found_value=c.number.value, expected=first.raw,
                      expected_value=first.number.value)


def _one_scale(report):
    """The report's grading scale, when it declares one (or the same one more than once)."""
    distinct = {sc.bands_key: sc for sc in report.grading_scales}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


@rule("NVD004")
def grade_against_scale(report, ctx: Context):
    scale = _one_scale(report)
    if scale is None:
        return
    for s in report.sentences:
        if len(s.grades) != 1 or s.grades[0].states_band:
            continue   # a sentence giving several grades, or an entry of the scale itself
        grade = s.grades[0]
        claim = next((c for c in s.numbers() if c.start == grade.percent_start), None)
        if grade.label not in scale.labels or claim is None or claim.role != "capaian" \
                or not claim.explicit:
            continue   # the percentage right before the grade is no stated capaian
        expected = scale.grade(claim.number.value)
        if expected is None or expected == grade.label:
            continue
        yield Hit(
            s.indicator,
            s.line_at(grade.start),
            evidence=s.text,
            values={"capaian": claim.raw, "scale_place": line_place(report, scale.line, ctx)},
            found=grade.label,
            expected=expected,
        )
