"""A grading scale the report declares for its capaian, and the grade a sentence gives.

Many reports state how a capaian is graded ("Prosentase capaian > 100 %, maka ... dinyatakan
sangat baik; 80-100 % ... baik; ..."), as a list or as a table of bands.  The scale is read from
three or more neighbouring entries that each hold one band and a label after it; a sentence's
grade is the label after a grading word ("dinyatakan sangat baik", "kategori baik").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import rulepack
from ..document import Document
from .lists import ListItem
from .numbers import parse_number
from .text import alternation, finditer, norm, pattern, printed

_MIN_BANDS = 3
_NEIGHBOURS = 2          # lines allowed between two entries of one scale


@dataclass(frozen=True)
class Band:
    """One band of a scale: a range of capaian (None: open on that side) and its label."""

    low: float | None
    low_in: bool
    high: float | None
    high_in: bool
    label: str
    line: int

    def holds(self, value: float) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_in)):
            return False
        return self.high is None or value < self.high or (value == self.high and self.high_in)


@dataclass(frozen=True)
class Scale:
    bands: tuple[Band, ...]

    @property
    def line(self) -> int:
        return self.bands[0].line

    @property
    def bands_key(self) -> tuple:
        """What the scale says, without where: the same scale printed twice has one key."""
        return tuple((b.low, b.low_in, b.high, b.high_in, b.label) for b in self.bands)

    @property
    def labels(self) -> set[str]:
        return {b.label for b in self.bands}

    def grade(self, value: float) -> str | None:
        """The label of ``value``; None when no band or two bands of different labels hold it
        (a bound two bands share, "60-80" and "80-100", is not decided)."""
        labels = {b.label for b in self.bands if b.holds(value)}
        return labels.pop() if len(labels) == 1 else None


@dataclass(frozen=True)
class Grade:
    """A grade a sentence gives: its label (as the scale's labels are keyed, "sangat baik" also
    when printed glued), where it starts, and where the digits of the last percentage before its
    grading word start (None: no percentage before it)."""

    label: str
    start: int
    percent_start: int | None
    states_band: bool = False   # a range stands before it: an entry of a scale, not a grade given


def label_key(text: str) -> str:
    """A label as a key: lower case, one space between words ("sangatbaik" -> "sangat baik")."""
    t = re.sub(r"\s+", " ", text.lower()).strip()
    return _glued().get(t.replace(" ", ""), t)


@functools.cache
def _labels_re(glued_left: bool = False) -> re.Pattern:
    """The labels as whole words; with ``glued_left`` also glued to the word before them (read
    right after a grading word: "dinyatakansangat baik")."""
    entries = rulepack.lexicon()["grade_labels"]
    left = "" if glued_left else "(?<![a-z])"
    return re.compile(rf"{left}(?:{alternation(entries)})(?![a-z])", re.IGNORECASE)


def first_label(text: str) -> str | None:
    """The first grade label standing in ``text`` as a whole word, keyed (:func:`label_key`)."""
    m = _labels_re().search(text)
    return label_key(m.group(0)) if m else None


@functools.cache
def _glued() -> dict[str, str]:
    """Each label written without spaces -> with them ("sangatbaik" -> "sangat baik")."""
    return {re.sub(r"\\s\*", "", e): re.sub(r"\\s\*", " ", e)
            for e in rulepack.lexicon()["grade_labels"]}


def _band(text: str, line: int) -> Band | None:
    """The one band an entry of a scale states, with the label after it."""
    if _labels_re().search(text) is None:
        return None   # no label at all: no band (the cheaper test first)
    found = list(pattern("grade_band_re").finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    label = _labels_re().search(text, m.end())
    if label is None:
        return None
    key = label_key(label.group(0))
    if m.group("lo") is not None:
        lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
        if lo is None or hi is None or lo.value >= hi.value:
            return None
        return Band(lo.value, True, hi.value, True, key, line)
    one = parse_number(m.group("one"))
    if one is None:
        return None
    v = one.value
    if m.group("gt") or m.group("ge"):
        return Band(v, bool(m.group("ge")), None, False, key, line)
    return Band(None, False, v, bool(m.group("le")), key, line)


def find_scales(doc: Document, items: list[ListItem]) -> list[Scale]:
    """Every scale the report declares: runs of neighbouring entries (list items, table rows or
    lines) that each state one band, three or more with different labels."""
    entries: list[tuple[int, int, str]] = [(it.line, it.end_line, it.text) for it in items]
    in_items = {n for it in items for n in range(it.line, it.end_line + 1)}
    entries += [(ln.no, ln.no, printed(ln.text)) for ln in doc.lines
                if ln.no not in in_items and ln.text.strip()]
    entries.sort()
    scales, run, last_end = [], [], -10
    for start, end, text in entries:
        band = _band(norm(text), start) if len(text) <= 300 else None
        if band is None:
            continue
        if run and start - last_end > _NEIGHBOURS + 1:
            scales.append(run)
            run = []
        run.append(band)
        last_end = end
    scales.append(run)
    return [Scale(tuple(r)) for r in scales
            if len(r) >= _MIN_BANDS and len({b.label for b in r}) == len(r)]


def grades_in(text: str) -> list[Grade]:
    """Every grade the sentence gives after a grading word."""
    out = []
    for cue in finditer("grade_cue_re", text):
        label = _labels_re(glued_left=True).match(text, cue.end())
        if label is not None:
            percents = list(pattern("grade_percent_re").finditer(text, 0, cue.start()))
            last = percents[-1].start("digits") if percents else None
            band = pattern("grade_band_re").search(text, 0, cue.start()) is not None
            out.append(Grade(label_key(label.group(0)), label.start(), last, band))
    return out
