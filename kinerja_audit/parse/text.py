"""Small text helpers shared by the parsers."""
from __future__ import annotations

import functools
import re

from .. import rulepack

_WS = re.compile(r"\s+")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def roman_or_int(token: str) -> int | None:
    token = token.strip().upper().rstrip(".")
    if token.isdigit():
        return int(token)
    return ROMAN.get(token)


@functools.cache
def compiled(key: str) -> tuple[re.Pattern, ...]:
    """The lexicon entry ``key`` (a list of regexes) compiled case-insensitively."""
    return tuple(re.compile(p, re.IGNORECASE) for p in rulepack.lexicon()[key])


def any_match(key: str, text: str) -> bool:
    return any(p.search(text) for p in compiled(key))


@functools.cache
def is_debris_pattern():
    return compiled("debris_patterns")


def is_debris(text: str) -> bool:
    t = text.strip()
    return bool(t) and any(p.match(t) for p in is_debris_pattern())
