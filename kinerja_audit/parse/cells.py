"""Value cells in table text: ``6.486 sertifikat``, ``237,93 %``, ``0%``, ``-``, ``1 Jenis``.

A line of a table body is classified as pure values, text followed by values, or text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from .. import rulepack
from .numbers import Number, parse_number
from .text import word_set

_NUM_TOKEN = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")
_UNKNOWN_UNIT = re.compile(r"^[a-z][a-z/²³]{1,14}$")


@dataclass(frozen=True)
class Cell:
    raw: str
    number: Number | None       # None for "-" (no value)
    percent: bool
    unit: str | None            # unit word as printed, lower-case ("%" for percents)
    line: int

    @property
    def value(self) -> float | None:
        return self.number.value if self.number else None

    @property
    def is_dash(self) -> bool:
        """An explicit "no value" cell ("-")."""
        return self.number is None and self.raw.strip().lower() in word_set("null_tokens")


@functools.cache
def unit_words() -> dict[str, str]:
    """Every known unit word -> its family (count, score, percent, time, money)."""
    out: dict[str, str] = {}
    for family, words in rulepack.lexicon()["units"].items():
        for w in words:
            out[str(w).lower()] = family
    return out


def unit_family(unit: str | None) -> str | None:
    if unit is None:
        return None
    return unit_words().get(unit.lower(), "other")


def unit_key(unit: str | None) -> str | None:
    """A unit reduced for comparison: case and plural "s" ignored, every percent spelling is "%"."""
    if unit is None:
        return None
    if unit_family(unit) == "percent":
        return "%"
    u = unit.lower().strip(".")
    return u[:-1] if u.endswith("s") and len(u) > 4 else u


def _is_unit_word(token: str) -> bool:
    t = token.lower().strip(".,;:()")
    return t in unit_words() and t not in ("%",)


def _bigram_count(tokens: list[str], a: str, b: str) -> int:
    return sum(1 for x, y in pairwise(tokens) if x == a and y == b)


def split_trailing_cells(text: str, line: int,
                         max_cells: int | None = None) -> tuple[str, list[Cell]]:
    """Split ``text`` into (leading text, trailing value cells).

    Cells are read from the right: ``number``, ``number %``, ``number unit`` or ``-``.
    """
    tokens = text.split()
    cells: list[Cell] = []
    i = len(tokens)
    while i > 0 and (max_cells is None or len(cells) < max_cells):
        tok = tokens[i - 1]
        unit = None
        percent = False
        j = i
        # unit or percent sign after the number
        if unit_family(tok) == "percent":
            percent, unit, j = True, "%", i - 1
        elif (_is_unit_word(tok) or cells and _UNKNOWN_UNIT.match(tok)
              and tok.lower() not in word_set("not_unit_words")) \
                and i >= 2 and _NUM_TOKEN.match(tokens[i - 2].rstrip("%")):
            # a known unit, or (between two cells) any lower-case word: "820 hektare  1.232 hektare"
            unit, j = tok.lower().strip(".,;:()"), i - 1
        elif cells and i >= 3 and all(_UNKNOWN_UNIT.match(t)
                                      and t.lower() not in word_set("not_unit_words")
                                      for t in tokens[i - 2:i]) \
                and _NUM_TOKEN.match(tokens[i - 3]) \
                and _bigram_count(tokens, tokens[i - 2], tokens[i - 1]) >= 2:
            # a two-word unit repeated after target and realisasi:
            # "1.260 wajib pajak  1.260 wajib pajak  100%"
            unit, j = " ".join(tokens[i - 2:i]).lower(), i - 2
        if j == 0:
            break
        numtok = tokens[j - 1]
        if numtok.endswith("%") and not percent:
            percent, unit, numtok = True, "%", numtok[:-1]
        if numtok.lower() in word_set("null_tokens") and unit is None:
            cells.append(Cell(numtok, None, False, None, line))
            i = j - 1
            continue
        if not _NUM_TOKEN.match(numtok):
            break
        before = tokens[j - 2].lower().rstrip(".:") if j >= 2 else ""
        if before in word_set("not_value_before") \
                or re.fullmatch(r"(19|20)\d\d", numtok) and not percent:
            break   # "2023" without a thousands dot is a year; a count would be written 2.023
        number = parse_number(numtok)
        if number is None:
            break
        raw = " ".join(tokens[j - 1:i])
        cells.append(Cell(raw, number, percent, unit, line))
        i = j - 1
    cells.reverse()
    return " ".join(tokens[:i]), cells


_NUMBER_WITH_WORDS = re.compile(
    r"^\s*([-+]?\d+(?:[.,]\d+)*)\s+([a-z][a-z/.\-]{1,20}(?:\s+[a-z][a-z/.\-]{1,20})?)\s*$"
)


def value_line(text: str, line: int) -> list[Cell] | None:
    """All cells when the whole line is values, else None.

    A line holding only a number and one or two lower-case words ("160 wajib pajak") is one cell
    with that unit: in a table body a name never starts with a figure."""
    if not text.strip():
        return None
    rest, cells = split_trailing_cells(text, line)
    if cells and not rest:
        return cells
    m = _NUMBER_WITH_WORDS.match(text)
    if m and parse_number(m.group(1)) is not None:
        return [Cell(norm_space(text), parse_number(m.group(1)), False, m.group(2).lower(), line)]
    return None


def norm_space(text: str) -> str:
    return " ".join(text.split())
