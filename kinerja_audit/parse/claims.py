"""Claims in the prose: figures with their role, verdicts and period references, per sentence.

Paragraphs are read outside tables; each sentence is tied to the indicator it is about (the
indicator whose Bab III narrative holds it, a code at the start of its list item, or the indicator
whose name it begins with).  Every claim keeps its line and the sentence as evidence.  Cue words,
verdict phrases and period words come from ``checks/narrative_lexicon.yaml``, the other words
(money, abbreviations, labels) and the matching scores from ``checks/parse.yaml``.

Besides the claims, each sentence carries what the prose rules judge: whether it explains a
result, a stated average achievement, "x dari n indikator tercapai" statements, and where its
comparison words stand.  Cost is linear in the text: every look around a figure is bounded.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .. import rulepack
from . import scales, statements
from .cells import unit_words, value_line
from .codes import canonical, code_re, code_spans
from .names import normalise
from .numbers import Number, parse_number
from .periods import roman_or_int
from .tables import caption_match, is_table_header
from .text import (
    alternation,
    any_match,
    filled_cells,
    finditer,
    is_debris,
    norm,
    pattern,
    search,
    word_set,
)

_ITEM_START = re.compile(
    r"^\s*(?:\d{1,2}\s*[.)]|\(?[a-z][.)]|[A-Z][.)]|[IVX]{1,5}[.)]|[•\-–*▪●◦])\s+"
)


@functools.cache
def _num() -> re.Pattern:
    """A figure, with its percent sign or word ("85,5 %", "85,5 persen")."""
    words = "|".join(re.escape(w) for w in rulepack.lexicon()["units"]["percent"] if w != "%")
    return re.compile(
        rf"(?<![\w.,/])(\d+(?:[.,]\d+)*)(?![\w])([ \t]?%|\s+(?:{words})\b)?", re.IGNORECASE
    )


LOOK_BEHIND = 200   # characters before a figure that can hold its cue words (cue_window words)
LOOK_AHEAD = 120    # characters after a figure that can hold its unit or "yang ditargetkan"


@functools.cache
def _vocab() -> dict[str, re.Pattern]:
    """Word lists of checks/parse.yaml as anchored regexes
    (before: at the end; after: at the start)."""
    lx = rulepack.lexicon()

    def words(key: str) -> str:
        return "|".join(lx[key])

    return {
        "abbrev": re.compile(rf"\b(?:{words('abbreviations')})\.$", re.IGNORECASE),
        "money_before": re.compile(rf"({words('money_before')})\s*$", re.IGNORECASE),
        "money_after": re.compile(rf"^\s*({words('money_after')})\b", re.IGNORECASE),
        "months_after": re.compile(
            rf"^\s*({'|'.join(map(re.escape, lx['months']))})\b", re.IGNORECASE
        ),
        "not_figure_before": re.compile(
            rf"(\b({'|'.join(map(re.escape, lx['not_figure_before']))})\.?"
            rf"|[{''.join(map(re.escape, lx['not_figure_marks']))}])\s*$",
            re.IGNORECASE,
        ),
    }
@dataclass
class Claim:
    kind: str                 # number | verdict | period
    line: int
    start: int                # character offset in the sentence
    raw: str
    role: str | None = None   # number: target | realisasi | capaian | other
    explicit: bool = False    # number: the role came from a cue word, not from the default
    number: Number | None = None
    percent: bool = False
    unit: str | None = None
    meaning: str | None = None        # verdict: below | equal | above | reached
    literal: bool = False             # verdict compares realisasi and target literally
    ambiguous: bool = False  # verdict: may also state the achievement ("melampaui target")
    # verdict: the word "target" follows the phrase ("melampaui target")
    target_follows: bool = False
    aux_start: int | None = None      # verdict: where a "telah/sudah" before the phrase starts
    period: tuple[str, int] | None = None   # ("quarter", 2) | ("semester", 1) | ("year", 2024)
    cue_near: bool = False            # number: its cue word stands within three words before it
    cue: str = ""                     # number: the cue word that gave its role, as written
    cue_end: int | None = None  # number: where that cue word ends in the sentence
    numeral: str = ""  # period: its numeral as printed ("II", "2025"), at the end of raw
    current_cue: bool = False  # period: "capaian/realisasi/terhadap target" right before it
    of_target: bool = False  # period: it names the period of a target ("target triwulan II")


@dataclass(frozen=True)
class CountStatement:
    """"4 dari 5 indikator telah mencapai target" in a sentence."""

    raw: str
    claimed: int | None      # None: "seluruh/semua indikator"
    total: int | None        # the "dari n", when written
    negative: bool           # "belum/tidak tercapai"


@dataclass
class Sentence:
    text: str
    line: int
    end_line: int
    block: str                # narrative | analysis | conclusion | summary | prose
    indicator: str | None
    name_span: tuple[int, int] | None = None
    claims: list[Claim] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)   # (char offset, line) starts
    explains: bool = False                 # it gives a cause ("disebabkan", "karena")
    average: Number | None = None          # "rata-rata capaian ... sebesar 104,38%"
    counts: list[CountStatement] = field(default_factory=list)
    flattened: bool = False                # a table or list flattened into running text
    lower_is_better: bool = False          # it names something lower-is-better (waktu, temuan ...)
    numeral_words: list = field(default_factory=list)      # parse.statements.NumeralWord
    totals: list = field(default_factory=list)             # parse.statements.Total
    year_references: list = field(default_factory=list)    # parse.statements.YearReference
    no_target_percents: list = field(default_factory=list)  # parse.statements.NoTargetPercent
    shares: list = field(default_factory=list)              # parse.statements.Share
    changes: list = field(default_factory=list)             # parse.statements.Change
    grades: list = field(default_factory=list)              # parse.scales.Grade

    def line_at(self, pos: int) -> int:
        i = bisect.bisect_right(self.offsets, pos, key=lambda o: o[0]) - 1
        return self.offsets[i][1] if i >= 0 else self.line

    def numbers(self, role: str | None = None) -> list[Claim]:
        return [c for c in self.claims if c.kind == "number" and (role is None or c.role == role)]

    @functools.cached_property
    def comparisons(self) -> list[tuple[int, int]]:
        """Spans of comparison words (dibandingkan, sebelumnya, meningkat ...): found when a rule
        first asks (few do, and the regex is costly)."""
        return [(c.start(), c.end()) for c in pattern("period_comparison").finditer(self.text)]

    @property
    def verdicts(self) -> list[Claim]:
        return [c for c in self.claims if c.kind == "verdict"]

    @property
    def periods(self) -> list[Claim]:
        return [c for c in self.claims if c.kind == "period"]


@functools.cache
def _lex():
    lx = rulepack.lexicon()
    flags = re.IGNORECASE
    cues = {role: [re.compile(p, flags) for p in pats] for role, pats in lx["claim_cues"].items()}
    # one alternation per verdict group (earlier patterns win at the same position, as listed)
    verdicts = [(v["meaning"], (bool(v.get("literal")), bool(v.get("ambiguous"))),
                 [re.compile(alternation(v["patterns"]), flags)]) for v in lx["verdicts"]]
    return {
        "cues": cues,
        # whether any cue of a role (of any role) stands in a text: one search instead of many
        "cue_in": {role: re.compile(alternation(pats), flags)
                   for role, pats in lx["claim_cues"].items()},
        "any_cue": re.compile(
            alternation([p for pats in lx["claim_cues"].values() for p in pats]), flags
        ),
        "window": int(lx["cue_window"]),
        "subject_end": re.compile(lx["subject_end_re"], flags),
        "verdicts": verdicts,
        "quarter": re.compile(lx["period_quarter_re"], flags),
        "semester": re.compile(lx["period_semester_re"], flags),
        "year": re.compile(lx["period_year_re"], flags),
        "current_cues": [re.compile(p, flags) for p in lx["period_current_cues"]],
        "period_word_end": re.compile(lx["period_word_end_re"], flags),
        "period_of_target": re.compile(lx["period_of_target_re"], flags),
    }


# ---------------------------------------------------------------- paragraphs and sentences

@dataclass
class _Scope:
    """What the claim extractor reads: the document, its parts and tables, the indicators."""

    doc: object
    sections: list
    tables: list
    indicators: list
    excluded: set = field(default_factory=set)   # lines of other tables (year-over-year)
    # _best_name's answers, by probe: a report asks about the same opening several times
    best_names: dict = field(default_factory=dict)

    def indicator(self, code: str | None):
        return next((i for i in self.indicators if i.code == code), None)


def _excluded_lines(scope: _Scope) -> set[int]:
    out: set[int] = set(scope.excluded)
    for t in scope.tables:
        start = t.caption_line or t.header_line
        # a header under which no row was read ends the table: the lines its reader went on
        # through are the prose that follows it, not cells
        out.update(range(start, (t.end_line if t.rows else t.header_line) + 1))
    for s in scope.sections:
        out.add(s.start)
        if s.key == "daftar_isi":
            out.update(range(s.start, s.end + 1))
    return out


def _table_row(text: str) -> bool:
    """A row of a table no indicator table was read from: a pipe row of column headers, or of
    several cells one of which is only a value ("75 %", "1.000 orang").  Cells, not a sentence."""
    cells = filled_cells(text)
    return len(cells) >= 2 and (any(value_line(c, 0) for c in cells) or is_table_header(text))


def _paragraphs(scope: _Scope) -> list[list[tuple[int, str]]]:
    excluded = _excluded_lines(scope)
    headings = {s.start for s in scope.sections}
    # an indicator's own heading line ("IKSS 1.4 Persentase ...") opens the paragraph about it
    opens = {i.heading.line for i in scope.indicators if i.heading}
    paras: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for line in scope.doc.lines:
        text = line.text
        # a caption or a heading ("3.1.1 Analisis Efisiensi ...") ends the paragraph above it
        ends = line.no in excluded or line.no in headings or caption_match(text) \
            or pattern("numbered_heading_re").match(text) or _table_row(text)
        if ends or not text.strip():
            if cur and ends:
                paras.append(cur)
                cur = []
            continue
        if is_debris(text):
            continue
        if cur and (line.no in opens or _ITEM_START.match(text)):
            paras.append(cur)
            cur = []
        cur.append((line.no, text))
        # a blank line ends a paragraph unless the sentence clearly continues on the next line
    if cur:
        paras.append(cur)
    merged: list[list[tuple[int, str]]] = []
    for para in paras:
        # blank lines inside a wrapped sentence are common in extracted PDFs: merge a paragraph that
        # does not end a sentence with the next one when the next starts in lower case
        if (
            merged
            and not _ends_sentence(merged[-1][-1][1])
            and para
            and para[0][1].strip()[:1].islower()
            and not _ITEM_START.match(para[0][1])   # "c. IKU 3 ..." opens an item of its own
            and para[0][0] - merged[-1][-1][0] <= 3
        ):
            merged[-1].extend(para)
        else:
            merged.append(list(para))
    return merged


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?:;]\s*$", text))


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z(\"“•])", text):
        # what decides a full stop stands right before it
        tail = text[max(start, m.end() - 16):m.end()]
        if _vocab()["abbrev"].search(tail) or m.end() - start <= 8 and re.fullmatch(
                r"\s*\(?[A-Za-z0-9]{1,4}[.)]", text[start:m.end()]) \
                or tail[-2:-1].isdigit() and re.match(r"\s+\d", text[m.end():m.end() + 4]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _block_of(scope: _Scope, line: int) -> str:
    for ind in scope.indicators:
        if ind.narrative and ind.narrative[0] <= line <= ind.narrative[1]:
            return "narrative"
    keys = [s.key for s in scope.sections if s.start <= line <= s.end]
    if "analisis" in keys:
        return "analysis"
    if "kesimpulan" in keys or "bab4" in keys:
        return "conclusion"
    if "ikhtisar" in keys:
        return "summary"
    if "capaian" in keys or "bab3" in keys:
        return "narrative"
    return "prose"


# ---------------------------------------------------------------- indicator of a paragraph

def _indicator_of(
    scope: _Scope, para_text: str, first_line: int
) -> tuple[str | None, tuple[int, int] | None]:
    """The indicator a paragraph is about: a code opening it, else the Bab III narrative it stands
    in, else the indicator whose name it begins with."""
    coded = _coded(scope, para_text)
    if coded[0] is not None:
        return coded
    if _ITEM_START.match(para_text):
        # a list item opening with an indicator's name is about that indicator, wherever it stands
        ind, score = _best_name(scope, _ITEM_START.sub("", para_text, count=1))
        if ind is not None and score >= rulepack.setting("claim_name_score_item"):
            return ind.code, _name_span(ind.name, para_text)
    for ind in scope.indicators:
        if any(a <= first_line <= b for a, b in ind.spans):
            named = _named_in_item(scope, ind, para_text)
            if named is not None:
                return named.code, _name_span(named.name, para_text)
            if _names_another(ind, para_text):
                return None, None
            return ind.code, _name_span(ind.name, para_text)
    head = _ITEM_START.sub("", para_text, count=1)
    ind, score = _best_name(scope, head)
    if ind is not None and score >= rulepack.setting("claim_name_score"):
        return ind.code, _name_span(ind.name, para_text)
    return None, None


def _named_in_item(scope: _Scope, ind, para_text: str):
    """Another indicator whose whole name a list item in ``ind``'s narrative holds, when ``ind``'s
    own name is not there ("b. Sasaran stratejik ..., dengan indikator kinerja sasaran <name> dengan
    target ..."): the item is about that indicator."""
    if not _ITEM_START.match(para_text):
        return None
    floor, item = (
        float(rulepack.setting(k)) for k in ("claim_name_score_floor", "claim_name_score_item")
    )
    if fuzz.partial_ratio(_normalised(ind.name or ""), normalise(para_text[:400])) >= floor:
        return None
    other, score = _best_name(scope, para_text, anywhere=True)  # not ind: its score is below floor
    return other if score >= item else None


def _names_another(ind, para_text: str) -> bool:
    """A list item in an indicator's narrative that opens with a subject of its own, not that
    indicator's name ("1. Indeks Kualitas Udara dengan target capaian 60 ..." under the table of
    another indicator, whose own row was not read): it is about that other subject."""
    m = _ITEM_START.match(para_text)
    if not m or not ind.name:
        return False
    head = para_text[m.end():m.end() + 200]
    end = _lex()["subject_end"].search(head)
    subject = head[:end.start()] if end else ""
    if len(subject.split()) < 3 or not pattern("indicator_name_start_re").match(subject):
        return False
    return fuzz.partial_ratio(_normalised(ind.name), normalise(subject)) \
        < float(rulepack.setting("claim_name_score_floor"))


def _coded(scope: _Scope, para_text: str) -> tuple[str | None, tuple[int, int] | None]:
    head = _ITEM_START.sub("", para_text[:400], count=1)
    m = code_re().match(head.lstrip())
    if m:
        code = canonical(m.group("prefix"), m.group("num"))
        by_code = scope.indicator(code)
        by_name, score = _best_name(scope, head[m.end():])
        if by_name is not None and by_code is not None and by_name.code != by_code.code \
                and score >= rulepack.setting("claim_name_score_item"):
            return by_name.code, _name_span(by_name.name, para_text)
        if by_code is not None:
            return by_code.code, _name_span(by_code.name, para_text)
    return None, None


@functools.lru_cache(maxsize=4096)
def _normalised(name: str) -> str:
    return normalise(name)


def _best_name(scope: _Scope, text: str, anywhere: bool = False):
    """The indicator whose name opens ``text`` (or, ``anywhere``, stands in its first 400
    characters), and the similarity."""
    key = (normalise(text[:400]), anywhere)
    if key not in scope.best_names:
        scope.best_names[key] = _best_of(scope, *key)
    return scope.best_names[key]


def _best_of(scope: _Scope, probe: str, anywhere: bool):
    best, best_score = None, 0.0
    floor = float(rulepack.setting("claim_name_score_floor"))
    for ind in scope.indicators:
        name = _normalised(ind.name or "")
        if len(name) < 8:
            continue
        window = probe if anywhere else probe[: len(name) + 25]
        if not anywhere and len(window) < len(name) * 0.8:
            continue
        cutoff = max(floor, best_score)
        if _partial_ratio_bound(name, window) < cutoff:
            continue   # (the exact score, costly for long names, cannot reach the cutoff)
        score = fuzz.partial_ratio(name, window, score_cutoff=cutoff)
        if score > best_score:
            best, best_score = ind, score
    return best, best_score


def _partial_ratio_bound(a: str, b: str) -> float:
    """An upper bound of ``fuzz.partial_ratio(a, b)``: every part of the longer string compared
    with the shorter (length n) shares at most L characters in order with it, L the longest common
    subsequence of the whole strings, so scores at most 200 L / (n + L)."""
    common = LCSseq.similarity(a, b)
    return 200.0 * common / (min(len(a), len(b)) + common) if common else 0.0


NAME_SCOPE = 2000   # characters of a paragraph searched for its subject's name


def _name_span(name: str | None, text: str) -> tuple[int, int] | None:
    """Where the indicator's name (the sentence's subject) stands, so its words are not cues."""
    if not name:
        return None
    spans = []
    # the subject opens the text
    al = fuzz.partial_ratio_alignment(name.lower(), text[:NAME_SCOPE].lower())
    if al is not None and al.score >= rulepack.setting("claim_name_score_floor"):
        start = al.dest_start
        first = normalise(name).split()[:1]
        if first:  # the alignment may begin a few words early; start at the name's first word
            m = re.search(
                r"\b" + re.escape(first[0]), text[al.dest_start : al.dest_end], re.IGNORECASE
            )
            if m:
                start = al.dest_start + m.start()
        while 0 < start < len(text) and text[start - 1].isalnum():   # never cut a word in two
            start += 1
        spans.append((start, al.dest_end))
    head = _ITEM_START.sub("", text, count=1)
    lead = len(text) - len(head)
    m = code_re().match(head)
    if m:
        lead += m.end()
        head = head[m.end():]
    first_words = normalise(name).split()[:2]
    if first_words and normalise(head[:60]).split()[:2] == first_words:
        end = _lex()["subject_end"].search(head, 0, len(name) + 40)
        if end:
            spans.append((0, lead + end.start()))
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


# ---------------------------------------------------------------- claims in one sentence

def _lists_many(text: str) -> bool:
    """Several indicators' codes, or a run of many figures: a flattened table or list."""
    codes = {text[a:b].lower().replace(" ", "") for a, b in code_spans(text)}
    figures = [m for m in _num().finditer(text)   # years do not count
               if not (m.group(2) is None and re.fullmatch(r"(19|20)\d\d", m.group(1)))]
    return len(codes) >= 2 or len(figures) >= rulepack.setting("claim_flattened_numbers")


def explains(text: str) -> bool:
    """The text gives a cause for a result ("disebabkan", "karena", ``explanation_patterns``)."""
    return any_match("explanation_patterns", norm(text))


def acknowledges(text: str) -> bool:
    """The text grades a result as beyond the report's own scale ("tidak dapat disimpulkan",
    ``anomaly_acknowledged_patterns``): the excess is noted, not overlooked."""
    return any_match("anomaly_acknowledged_patterns", norm(text))


def _masked(text: str, spans: list[tuple[int, int]], keep=None) -> str:
    """``text`` with the characters of ``spans`` blanked (only those ``keep`` refuses, if given)."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            if keep is None or not keep(chars[i]):
                chars[i] = " "
    return "".join(chars)


def _verdicts(text: str) -> tuple[list[tuple[str, bool, int, int, str]], str]:
    found = []
    work = text
    for meaning, literal, pats in _lex()["verdicts"]:
        for pat in pats:
            hits = list(pat.finditer(work))
            for m in hits:
                found.append((meaning, literal, m.start(), m.end(), text[m.start():m.end()]))
            if hits:   # a matched phrase is not matched again by a later, looser pattern
                work = pat.sub(lambda m: " " * (m.end() - m.start()), work)
    return sorted(found, key=lambda v: v[2]), work


def _role(
    before: str, after: str, percent: bool, unit: str | None, unit_is_percent: bool
) -> tuple[str, bool]:
    """(role, explicit): the nearest cue word before the number decides; no cue -> realisasi."""
    lx = _lex()
    words = before.split()
    # a figure with its unit may stand several words after its cue; a bare number must follow it
    # directly or through a linking word ("realisasi 253", "target sebesar 88,50")
    if (
        not (unit or percent)
        and words
        and words[-1].lower().strip(",:") not in word_set("linking_words")
        and not lx["any_cue"].search(words[-1])
    ):
        return "other", False
    best_role = _last_cue_role(" ".join(words[-(lx["window"] if (unit or percent) else 2):]))
    if pattern("indicator_count_after_re").match(after):
        return "other", True    # "2 indikator telah mencapai target": a count of indicators
    if any_match("claim_after_other", after):
        return "other", True    # "261,9% dibandingkan tahun 2015", "dari 5 OPD ... menjadi 1 OPD"
    if any_match("claim_after_target", after):
        return "target", True
    if any_match("claim_before_target", after) and (not percent or unit_is_percent):
        return "realisasi", True
    if percent and not unit_is_percent:
        if best_role in ("target", "other"):
            return "other", True
        return "capaian", best_role is not None
    if best_role == "capaian" and not percent:
        return "realisasi", True
    if best_role is None:
        return ("realisasi" if (unit or percent) else "other"), False
    return best_role, True


def _verdict_claim(
    sentence: Sentence, meaning: str, kind: tuple[bool, bool], a: int, raw: str
) -> Claim:
    text = sentence.text
    after = text[a + len(raw):a + len(raw) + LOOK_AHEAD]
    target_follows = not pattern("verdict_names_target_re").search(raw) \
        and bool(pattern("verdict_target_follows_re").match(after))
    aux = re.search(
        rf"\b({'|'.join(sorted(word_set('verdict_auxiliaries')))})\s+$",
        text[max(0, a - 40) : a],
        re.IGNORECASE,
    )
    aux_start = max(0, a - 40) + aux.start() if aux else None
    literal, ambiguous = kind
    return Claim(
        "verdict",
        sentence.line_at(a),
        a,
        raw,
        meaning=meaning,
        literal=literal,
        ambiguous=ambiguous,
        target_follows=target_follows,
        aux_start=aux_start,
    )


def _current_cue(text: str, start: int) -> bool:
    """A period reference right after "capaian/realisasi (di/pada)" or "terhadap target (di/pada)",
    possibly with another period word between ("terhadap target triwulan I tahun 2022")."""
    lx = _lex()
    before = text[max(0, start - 60):start]
    bare = lx["period_word_end"].sub("", before.rstrip())
    return any(p.search(before) or p.search(bare + " ") for p in lx["current_cues"])


def _period_claims(sentence: Sentence, code_masked: str) -> list[tuple[int, int]]:
    lx = _lex()
    spans = []
    for kind, pat in (
        ("quarter", lx["quarter"]),
        ("semester", lx["semester"]),
        ("year", lx["year"]),
    ):
        for m in pat.finditer(code_masked):   # a period word may sit inside the name's span
            value = int(m.group(1)) if kind == "year" else roman_or_int(m.group(1))
            if value is None:
                continue
            spans.append((m.start(), m.end()))
            sentence.claims.append(
                Claim(
                    "period",
                    sentence.line_at(m.start()),
                    m.start(),
                    m.group(0),
                    period=(kind, value),
                    numeral=m.group(1),
                    current_cue=_current_cue(code_masked, m.start()),
                    of_target=bool(
                        lx["period_of_target"].search(
                            code_masked[max(0, m.start() - 30) : m.start()]
                        )
                    ),
                )
            )
    return spans


def _last_cue_role(window: str) -> str | None:
    """The role of the cue that ends last in ``window`` (at the same end, "other" wins, else the
    role listed first); the patterns of a role none of whose cues is there are not run."""
    lx = _lex()
    best_role, best_pos = None, -1
    for role, pats in lx["cues"].items():
        if not lx["cue_in"][role].search(window):
            continue
        for pat in pats:
            for m in pat.finditer(window):
                if m.end() > best_pos or (m.end() == best_pos and role == "other"):
                    best_role, best_pos = role, m.end()
    return best_role


def _cue_of(before: str, role: str, start: int) -> tuple[str, int | None]:
    """The last cue word of ``role`` in the words before a figure, and where it ends."""
    window = " ".join(before.split()[-_lex()["window"]:])
    offset = start - len(before) + before.rfind(window) if window else start
    best = None
    for pat in _lex()["cues"].get(role, ()):
        for m in pat.finditer(window):
            if best is None or m.end() > best.end():
                best = m
    return (best.group(0), offset + best.end()) if best else ("", None)


def _number_claims(sentence: Sentence, masked: str, unit_is_percent: bool) -> None:
    text, vocab = sentence.text, _vocab()
    for m in _num().finditer(masked):
        before = masked[max(0, m.start() - LOOK_BEHIND): m.start()]
        after = masked[m.end(): m.end() + LOOK_AHEAD]
        if vocab["money_before"].search(before) or vocab["money_after"].match(after) \
                or vocab["months_after"].match(after) or vocab["not_figure_before"].search(before):
            continue
        number = parse_number(m.group(1))
        if number is None:
            continue
        percent = bool(m.group(2))
        unit = "%" if percent else None
        # a unit is a whole word: "14 TPS3R" counts sites of a kind, not TPS ("km2" stays km)
        um = re.match(r"\s+([A-Za-z/]+)(?![A-Za-z]|\d+[A-Za-z])", after)
        if not percent and um and um.group(1).lower() in unit_words():
            unit = um.group(1).lower()
        if (
            not percent
            and unit is None
            and number.style == "plain"
            and 1900 <= number.value <= 2100
        ):
            continue  # a year
        role, explicit = _role(before, after, percent, unit, unit_is_percent)
        raw = text[m.start(): m.end() + (um.end() if (um and unit and unit != "%") else 0)]
        near = " ".join(before.split()[-4:])
        cue_near = explicit and role in _lex()["cue_in"] \
            and bool(_lex()["cue_in"][role].search(near))
        cue, cue_end = _cue_of(before, role, m.start()) if explicit else ("", None)
        sentence.claims.append(
            Claim(
                "number",
                sentence.line_at(m.start()),
                m.start(),
                raw.strip(),
                role=role,
                explicit=explicit,
                number=number,
                percent=percent,
                unit=unit,
                cue_near=cue_near,
                cue=cue,
                cue_end=cue_end,
            )
        )


def _statements(sentence: Sentence) -> None:
    """What the sentence states about the report as a whole: a cause, an average, counts."""
    text = sentence.text
    sentence.explains = explains(text)
    sentence.lower_is_better = any_match("negative_name_patterns", text) \
        and not any_match("positive_name_overrides", text)
    m = search("summary_average_re", text)
    sentence.average = parse_number(m.group(1)) if m else None
    for m in finditer("summary_count_re", text):
        x_raw, n_raw, verb = m.group(1), m.group(2), m.group(3).lower()
        claimed = None if x_raw.lower() in word_set("summary_count_all") else int(x_raw)
        negative = verb.split()[0] in word_set("summary_count_negative")
        sentence.counts.append(
            CountStatement(m.group(0), claimed, int(n_raw) if n_raw else None, negative)
        )
    sentence.numeral_words = statements.numeral_words(text)
    sentence.totals = statements.totals(sentence) + statements.breakdowns(sentence)
    sentence.year_references = statements.year_references(text)
    sentence.no_target_percents = statements.no_target_percents(text)
    sentence.shares = statements.shares(text)
    sentence.changes = statements.changes(text)
    sentence.grades = scales.grades_in(text)


def _claims(sentence: Sentence, unit_is_percent: bool) -> None:
    text = sentence.text
    spans = code_spans(text)
    if sentence.name_span:
        spans.append(sentence.name_span)
    item = _ITEM_START.match(text)
    if item:
        spans.append((0, item.end()))
    masked = _masked(text, spans)
    code_masked = _masked(text, code_spans(text))
    verdicts, _ = _verdicts(masked)
    # figures inside a verdict phrase ("tercapai 100%") belong to the verdict;
    # its words stay as cues
    verdict_masked = _masked(masked, [(a, b) for _, _, a, b, _ in verdicts],
                             keep=lambda ch: not (ch.isdigit() or ch in "%,."))
    for meaning, literal, a, _, raw in verdicts:
        sentence.claims.append(_verdict_claim(sentence, meaning, literal, a, raw))
    period_spans = _period_claims(sentence, code_masked)
    _number_claims(sentence, _masked(verdict_masked, period_spans), unit_is_percent)
    sentence.claims.sort(key=lambda c: c.start)
    _statements(sentence)


def _positional(
    scope: _Scope, paras: list[list[tuple[int, str]]], found: list[str | None]
) -> list[str | None]:
    """A run of list items as long as the indicator list, mostly matching it in order, is that list:
    items whose indicator could not be recognised take the indicator at their position."""
    codes = [i.code for i in scope.indicators]
    n = len(codes)
    out = list(found)
    i = 0
    while i < len(paras):
        m = _ITEM_START.match(paras[i][0][1])
        if not m:
            i += 1
            continue
        style = re.sub(r"[A-Za-z0-9]+", "x", m.group(0).strip())
        j = i
        while j < len(paras) and (mm := _ITEM_START.match(paras[j][0][1])) \
                and re.sub(r"[A-Za-z0-9]+", "x", mm.group(0).strip()) == style:
            j += 1
        if j - i == n and n >= 3:
            agree = sum(found[i + k] == codes[k] for k in range(n))
            if agree >= rulepack.setting("claim_list_agreement") * n:
                for k in range(n):
                    if out[i + k] is None:
                        out[i + k] = codes[k]
        i = max(j, i + 1)
    return out


def extract(doc, sections, tables, indicators, excluded=frozenset()) -> list[Sentence]:
    """Every sentence of the prose with its claims, in document order (``excluded``: lines of
    tables the indicator-table reader does not hold)."""
    scope = _Scope(doc, sections, tables, indicators, set(excluded))
    out: list[Sentence] = []
    paras = _paragraphs(scope)
    joined_paras = [" ".join(norm(t) for _, t in para) for para in paras]
    found = [_indicator_of(scope, joined, para[0][0]) for joined, para in zip(joined_paras, paras)]
    codes = _positional(scope, paras, [f[0] for f in found])
    for para, (code_found, span_found), code in zip(paras, found, codes):
        out.extend(
            _paragraph_sentences(
                scope, para, code, span_found if code == code_found else None, code != code_found
            )
        )
    return out


def _paragraph_sentences(scope: _Scope, para, code, name_span, find_span: bool) -> list[Sentence]:
    offsets, parts, pos = [], [], 0
    for no, text in para:
        t = norm(text)
        offsets.append((pos, no))
        parts.append(t)
        pos += len(t) + 1
    joined = " ".join(parts)
    starts = [off for off, _ in offsets]
    first = para[0][0]
    if find_span:
        name_span = _name_span(scope.indicator(code).name, joined)
    block = _block_of(scope, first)
    item_score, name_score = (
        rulepack.setting("claim_name_score_item"),
        rulepack.setting("claim_name_score"),
    )
    out = []
    for a, b in _split_sentences(joined):
        text = joined[a:b].strip()
        shift = len(joined[a:b]) - len(joined[a:b].lstrip())
        i0 = max(bisect.bisect_right(starts, a) - 1, 0)
        i1 = max(bisect.bisect_left(starts, b), i0 + 1)
        sent_offsets = [(max(0, off - a - shift), ln) for off, ln in offsets[i0:i1]]
        line, end_line = offsets[i0][1], offsets[i1 - 1][1]
        span = None
        if name_span and name_span[0] >= a and name_span[1] <= b:
            span = (name_span[0] - a - shift, name_span[1] - a - shift)
        sent_code = code
        flattened = _lists_many(text)
        if flattened or search("collective_re", text):
            # a flattened table, or a sentence about the indicators as a whole: not about one
            sent_code, span = None, None
        elif a > 0:
            # a later sentence may open with another indicator's name (paragraphs run together)
            other, score = _best_name(scope, text)
            if other is not None and (code is None and score >= name_score
                                      or score >= item_score and other.code != code):
                sent_code, span = other.code, _name_span(other.name, text)
        s = Sentence(
            text=text,
            line=line,
            end_line=end_line,
            block=block,
            indicator=sent_code,
            name_span=span,
            offsets=sent_offsets,
            flattened=flattened,
        )
        ind = scope.indicator(sent_code) if sent_code else None
        # without a known indicator, a sentence about a "persentase ..." measures a percentage
        in_percent = (
            ind.in_percent
            if ind is not None
            else bool(pattern("percent_subject_re").search(text[:120]))
        )
        _claims(s, in_percent)
        out.append(s)
    return out


def claim_rows(report) -> list[dict]:
    """The claims as tidy rows (the ``claims`` frame and ``extract --what claims``)."""
    rows = []
    for s in report.sentences:
        for c in s.claims:
            rows.append(
                {
                    "indicator": s.indicator,
                    "block": s.block,
                    "line": c.line,
                    "kind": c.kind,
                    "role": c.role,
                    "value": c.number.value if c.number else (c.period[1] if c.period else None),
                    "percent": c.percent,
                    "unit": c.unit,
                    "verdict": c.meaning,
                    "period": c.period[0] if c.period else None,
                    "raw": c.raw,
                    "sentence": s.text,
                }
            )
    return rows
