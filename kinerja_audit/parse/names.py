"""Fuzzy comparison of indicator names, robust to wrapping, hyphenation and truncation."""
from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(name: str) -> str:
    return _NON_WORD.sub(" ", name.lower()).strip()


@functools.lru_cache(maxsize=8192)
def similarity(a: str | None, b: str | None) -> float:
    """0..100; 100 when one name is the other wrapped differently or a truncated copy of it.
    (Remembered: the rules compare the same names pair by pair, again and again.)"""
    if not a or not b:
        return 0.0
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    squeezed = fuzz.ratio(na.replace(" ", ""), nb.replace(" ", ""))
    shorter, longer = sorted((na.replace(" ", ""), nb.replace(" ", "")), key=len)
    contained = 100.0 if len(shorter) >= 12 and shorter in longer else 0.0
    # a name cut short in a narrow column: its first two words or more begin the other name
    short_words, long_words = sorted((na.split(), nb.split()), key=len)
    if len(short_words) >= 2 and long_words[:len(short_words)] == short_words:
        contained = 100.0
    return max(fuzz.token_set_ratio(na, nb) if min(len(na.split()), len(nb.split())) >= 3 else 0.0,
               squeezed, contained)


def abbreviates(short: str | None, name: str | None) -> bool:
    """``short`` is the acronym of ``name``: the one it gives in brackets ("Indeks Kualitas
    Lingkungan Hidup (IKLH)") or the initials of its words."""
    if not short or not name:
        return False
    s = short.strip()
    if (
        not re.fullmatch(r"[A-Z][A-Za-z]{1,9}", s)
        or s.upper() != s
        and sum(c.isupper() for c in s) < 2
    ):
        return False
    if re.search(r"\(\s*" + re.escape(s) + r"\s*\)", name):
        return True
    words = re.findall(r"[A-Za-z]+", re.sub(r"\([^)]*\)", " ", name))
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == s.upper()


def align(targets: list[str], names: list[str], threshold: float = 60.0) -> list[int | None]:
    """Index into ``targets`` for each of ``names`` (None when nothing fits).

    Same length and every pair in order similar enough -> identity.  Otherwise a greedy best-first
    one-to-one match on similarity, ties broken by position.
    """
    if len(targets) == len(names) and all(
        similarity(t, n) >= threshold for t, n in zip(targets, names)
    ):
        return list(range(len(names)))
    pairs = sorted(
        (
            (similarity(t, n), -abs(i - j), i, j)
            for j, n in enumerate(names)
            for i, t in enumerate(targets)
        ),
        reverse=True,
    )
    used_t: set[int] = set()
    out: list[int | None] = [None] * len(names)
    for score, _, i, j in pairs:
        if score < threshold:
            break
        if out[j] is None and i not in used_t:
            out[j] = i
            used_t.add(i)
    return out
