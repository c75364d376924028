"""Small text helpers shared by the parsers."""
from __future__ import annotations

import functools
import re

from .. import rulepack

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace runs as one space, trimmed (lines are normalised by several parsers: cached)."""
    return _norm_cached(text) if len(text) <= 2000 else _WS.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 16)
def _norm_cached(text: str) -> str:
    return _WS.sub(" ", text).strip()


@functools.cache
def compiled(key: str) -> tuple[re.Pattern, ...]:
    """The lexicon entry ``key`` (a list of regexes) compiled case-insensitively."""
    return tuple(re.compile(p, re.IGNORECASE) for p in rulepack.lexicon()[key])


@functools.cache
def pattern(key: str) -> re.Pattern:
    """The lexicon entry ``key`` as one case-insensitive regex: a string, or a list of
    alternatives (joined in order, so an earlier alternative wins at the same position)."""
    entry = rulepack.lexicon()[key]
    source = entry if isinstance(entry, str) else "|".join(f"(?:{p})" for p in entry)
    return re.compile(source, re.IGNORECASE)


@functools.cache
def word_set(key: str) -> frozenset[str]:
    """The lexicon entry ``key`` (a list of words) as a lower-case set."""
    return frozenset(str(w).lower() for w in rulepack.lexicon()[key])


def any_match(key: str, text: str) -> bool:
    """Whether any regex of the lexicon list ``key`` occurs in ``text`` (one search of their
    alternation)."""
    return pattern(key).search(text) is not None


@functools.cache
def is_debris_pattern():
    return compiled("debris_patterns")


def is_debris(text: str) -> bool:
    t = text.strip()
    return bool(t) and any(p.match(t) for p in is_debris_pattern())
