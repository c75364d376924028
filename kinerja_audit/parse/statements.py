"""Statements a sentence makes about itself, checkable without any table (statcheck-style).

Each extractor reads one sentence (its text and its claims from ``parse.claims``) and returns what
it states, as numbers: a numeral and the number word beside it ("11 (delapan)"), a total and the
parts it is made of, a reference to the previous year or to the start of a Renstra, a year written
with three digits, a "no target" statement with a percentage.  Nothing here judges; the prose
rules (``rules/prose.py``) compare.  The words live in ``checks/narrative_lexicon.yaml``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import rulepack
from . import scales
from .cells import unit_key
from .numbers import Number, parse_number, same_value
from .text import finditer, pattern


@dataclass(frozen=True)
class NumeralWord:
    start: int
    raw: str            # "11 (delapan)", or the word first: "sepuluh (12)"
    numeral: int
    word: str
    word_value: int
    word_first: bool = False


@dataclass(frozen=True)
class Total:
    start: int
    raw: str            # the total with its unit: "8.026,25 Km"
    total: Number
    unit: str
    parts: tuple[Number, ...]
    parts_raw: tuple[str, ...]
    # the parts are the whole composition ("terdiri dari"); else a breakdown naming some of its
    # categories ("Dari 6 indikator, 3 indikator sangat berhasil ..."), which may fall short
    complete: bool = True


@dataclass(frozen=True)
class YearReference:
    start: int
    raw: str
    kind: str           # previous | plan_start | malformed | named (any "tahun NNNN") | regulation
    year: int | None    # the year written (None for a malformed one)
    plan_start: int | None = None   # plan_start: the first year of the plan's range
    label: str | None = None        # regulation: kind and number ("peraturan pemerintah nomor 18")


@dataclass(frozen=True)
class NoTargetPercent:
    start: int
    raw: str
    percent: Number


# ---------------------------------------------------------------- number words

@functools.cache
def _word_values() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in rulepack.lexicon()["number_words"].items()}


def word_value(words: str) -> int | None:
    """Indonesian number words -> their value: "dua belas" -> 12, "seratus dua puluh" -> 120."""
    units = _word_values()
    tokens = words.lower().replace("-", " ").split()
    if not tokens:
        return None
    total, current = 0, 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "belas" and current:
            current += 10
        elif tok == "puluh" and current:
            current *= 10
        elif tok == "ratus" and current:
            total += current * 100
            current = 0
        elif tok == "ribu" and (current or total):
            total = (total + current) * 1000
            current = 0
        elif tok in ("sebelas", "seratus", "seribu", "sepuluh"):
            value = {"sebelas": 11, "seratus": 100, "seribu": 1000, "sepuluh": 10}[tok]
            if value >= 100:
                total += value
            else:
                current += value
        elif tok in units:
            current += units[tok]
        else:
            return None
        i += 1
    return total + current


def spelled(value: int) -> str | None:
    """0..9999 in Indonesian words: 12 -> "dua belas", 120 -> "seratus dua puluh"."""
    if not 0 <= value <= 9999:
        return None
    units = {v: k for k, v in _word_values().items()}

    def below_thousand(n: int) -> list[str]:
        out: list[str] = []
        hundreds, rest = divmod(n, 100)
        if hundreds:
            out.append("seratus" if hundreds == 1 else f"{units[hundreds]} ratus")
        if 10 <= rest < 20:
            out.append({10: "sepuluh", 11: "sebelas"}.get(rest) or f"{units[rest - 10]} belas")
        else:
            tens, ones = divmod(rest, 10)
            if tens:
                out.append(f"{units[tens]} puluh")
            if ones:
                out.append(units[ones])
        return out

    if value == 0:
        return units[0]
    thousands, rest = divmod(value, 1000)
    words = (["seribu"] if thousands == 1 else [f"{units[thousands]} ribu"]) if thousands else []
    return " ".join(words + below_thousand(rest))


def numeral_words(text: str) -> list[NumeralWord]:
    out = []
    for m in finditer("numeral_word_re", text):
        word_first = m.group("num") is None
        word = (m.group("spelled") if word_first else m.group("word")).strip()
        value = word_value(word)
        if value is None:
            continue
        numeral = int(m.group("digits") if word_first else m.group("num"))
        out.append(NumeralWord(m.start(), m.group(0).strip(), numeral, word, value, word_first))
    return out


# ---------------------------------------------------------------- totals and parts

def totals(sentence) -> list[Total]:
    """"X unit yang terdiri dari / dibedakan atas ... A unit, B unit dan C unit": the total and
    every later figure in the same unit, when the composition is stated as complete."""
    text = sentence.text
    numbers = [c for c in sentence.numbers() if c.unit and c.unit != "%"]
    out = []
    for i, claim in enumerate(numbers):
        after = text[claim.start + len(claim.raw):claim.start + len(claim.raw) + 80]
        cue = pattern("total_composition_re").match(after)
        if cue is None:
            continue
        rest_end = len(text)
        stop = pattern("total_stop_re").search(text, claim.start + len(claim.raw) + cue.end())
        if stop:
            rest_end = stop.start()
        window = text[claim.start:rest_end]
        if pattern("total_partial_re").search(window):
            continue   # "antara lain", "di antaranya": the parts named are not all of them
        key = unit_key(claim.unit)
        every = [c for c in numbers[i + 1:] if c.start < rest_end]
        closed = _last_part_closes(every, text)
        # "A, B dan C, serta D": when all figures add up to the total, they are all parts
        parts = every if same_value(claim.number, sum(c.number.value for c in every),
                                    slack=claim.number.half_step * (len(every) + 1)) else closed
        if len(parts) < 2 or any(unit_key(c.unit) != key for c in parts):
            continue
        out.append(
            Total(
                claim.start,
                claim.raw,
                claim.number,
                claim.unit,
                tuple(c.number for c in parts),
                tuple(c.raw for c in parts),
            )
        )
    return out


def _last_part_closes(parts: list, text: str) -> list:
    """The parts of a composition up to the one after "dan"/"serta" ("A, B dan C"): figures after
    it say something else ("..., pada tahun 2016 bertambah menjadi D")."""
    for k in range(1, len(parts)):
        between = text[parts[k - 1].start + len(parts[k - 1].raw):parts[k].start]
        if pattern("total_last_part_re").search(between):
            return parts[:k + 1]
    return parts


def breakdowns(sentence) -> list[Total]:
    """"Dari 6 (enam) indikator kinerja, 3 indikator sangat berhasil, 2 indikator berhasil dan 1
    indikator cukup berhasil": a whole and its parts counting the same noun, each of a category of
    its own (a grade label, or a verdict excluding the others'), so that they cannot add up to more
    than the whole.  A breakdown that names only some parts ("antara lain") is none."""
    text = sentence.text
    out = []
    for m in finditer("breakdown_whole_re", text):
        whole = parse_number(m.group("n"))
        if whole is None:
            continue
        end = len(text)
        for stop in (pattern("total_stop_re").search(text, m.end()),
                     pattern("breakdown_whole_re").search(text, m.end())):
            if stop:
                end = min(end, stop.start())
        if pattern("total_partial_re").search(text, m.start(), end):
            continue
        noun = m.group("noun").lower()
        parts = [p for p in pattern("breakdown_part_re").finditer(text, m.end(), end)
                 if p.group("noun").lower() == noun]
        bounds = [p.end() for p in parts]
        kinds = [_category(sentence, a, b)
                 for a, b in zip(bounds, [p.start() for p in parts[1:]] + [end])]
        numbers = [parse_number(p.group("k")) for p in parts]
        if len(parts) < 2 or None in numbers or not _exclusive(kinds):
            continue
        out.append(Total(m.start("n"), text[m.start("n"):m.end("noun")], whole, noun,
                         tuple(numbers), tuple(p.group(0) for p in parts), complete=False))
    return out


def _category(sentence, start: int, end: int) -> tuple[str, str] | None:
    """The category a part of a breakdown is given in text[start:end]: a grade label, else the
    meaning of a verdict phrase there."""
    label = scales.first_label(sentence.text[start:end])
    if label:
        return "grade", label
    verdict = next((v for v in sentence.verdicts if start <= v.start < end), None)
    return ("verdict", verdict.meaning) if verdict else None


def _exclusive(kinds: list) -> bool:
    """Categories no part can share: every part has one, all different, all grades or all verdicts,
    and not "tercapai" beside "melebihi"/"sesuai target" (what exceeds the target is reached)."""
    if None in kinds or len(set(kinds)) != len(kinds) or len({k for k, _ in kinds}) != 1:
        return False
    meanings = {v for _, v in kinds}
    return not ("reached" in meanings and meanings & {"above", "equal"})


# ---------------------------------------------------------------- years

def year_references(text: str) -> list[YearReference]:
    out = []
    for m in finditer("previous_year_re", text):
        out.append(YearReference(m.start(), m.group(0), "previous", int(m.group("year"))))
    for m in finditer("plan_start_re", text):
        out.append(YearReference(m.start(), m.group(0), "plan_start", int(m.group("year")),
                                 int(m.group("start"))))
    for m in pattern("malformed_year_re").finditer(text):
        out.append(YearReference(m.start(), m.group(0), "malformed", None))
    for m in pattern("named_year_re").finditer(text):
        out.append(YearReference(m.start(), m.group(0), "named", int(m.group(1))))
    for m in finditer("regulation_year_re", text):
        label = " ".join(m.group(0)[:m.start("year") - m.start()].lower().split()[:-1])
        out.append(YearReference(m.start(), m.group(0), "regulation", int(m.group("year")),
                                 label=label))
    return sorted(out, key=lambda r: r.start)


# ---------------------------------------------------------------- shares

@dataclass(frozen=True)
class Share:
    start: int
    raw: str                 # "7 Perangkat Daerah atau sekitar 24%"
    part: Number
    whole: Number
    percent: Number
    approximate: bool        # "sekitar", "kurang lebih": rounded to the unit


@dataclass(frozen=True)
class Change:
    start: int
    raw: str                 # "penurunan capaian sebesar 20% ... dari 5 OPD ... menjadi 1 OPD"
    percent: Number
    old: Number
    new: Number
    rise: bool               # the sentence says it rose (kenaikan, meningkat) or fell


def changes(text: str) -> list[Change]:
    """A rise or fall given as a percentage together with the two counts it went between ("mengalami
    penurunan sebesar 20% dengan realisasi dari 5 OPD ... menjadi 1 OPD"; "meningkat dari 12
    menjadi 15 desa atau naik 25%").  Counts only: between two percentages a "%" change may be in
    points."""
    out = []
    for key in ("change_then_counts_re", "counts_then_change_re"):
        for m in finditer(key, text):
            p, a, b = (parse_number(m.group(g)) for g in ("p", "a", "b"))
            if None in (p, a, b) or a.value == 0:
                continue
            rise = bool(pattern("change_rise_re").match(m.group("dir")))
            out.append(Change(m.start(), m.group(0), p, a, b, rise))
    return sorted({c.start: c for c in out}.values(), key=lambda c: c.start)


def shares(text: str) -> list[Share]:
    """"7 dari 17 Perangkat Daerah atau 41,18%", "terhadap 17 Perangkat Daerah, 7 Perangkat
    Daerah atau sekitar 24%": a part of a whole and the share the sentence gives it.  A capaian
    ("45 dari target 50 atau 90%") and money ("Rp X dari pagu Rp Y") are other statements."""
    out = []
    for key in ("share_of_re", "share_named_again_re"):
        for m in finditer(key, text):
            k, n, pct = (parse_number(m.group(g)) for g in ("k", "n", "p"))
            if None in (k, n, pct) or not 0 < k.value <= n.value:
                continue
            out.append(Share(m.start(), m.group(0), k, n, pct,
                             bool(pattern("share_approximate_re").search(m.group(0)))))
    return sorted({s.start: s for s in out}.values(), key=lambda s: s.start)


def no_target_percents(text: str) -> list[NoTargetPercent]:
    """"tidak ada target ... persentase 100":
    a percentage stated for an indicator without target."""
    out = []
    for m in finditer("no_target_percent_re", text):
        number = parse_number(m.group("pct"))
        if number is not None and number.value != 0:
            out.append(NoTargetPercent(m.start(), m.group(0), number))
    return out
