"""Indicator codes in any spelling: IK.1, IK. 1, IK 1, IK,11, IKU-1, IKK18, IKSS 1.1."""
from __future__ import annotations

import functools
import re

from .. import rulepack


@functools.cache
def code_re() -> re.Pattern:
    prefixes = "|".join(sorted(rulepack.lexicon()["code_prefixes"], key=len, reverse=True))
    return re.compile(
        rf"\b(?P<prefix>{prefixes})\s*[-.,:]?\s*(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*(?:(?-i:[a-z])(?![A-Za-z]))?)(?![\d,]*\d)(?!\s*%)",
        re.IGNORECASE,
    )


@functools.cache
def _long_re() -> re.Pattern:
    """"Indikator Kinerja Utama 4": a code written out (``code_long_re``)."""
    return re.compile(rulepack.lexicon()["code_long_re"], re.IGNORECASE)


def _long_prefix(kind: str | None) -> str:
    return rulepack.lexicon()["code_long_prefix"][" ".join((kind or "").lower().split())]


def canonical(prefix: str, number: str) -> str:
    return f"{prefix.upper()}.{number.strip('.')}"


def find_code(text: str, *, at_start: bool = False) -> tuple[str, str, int, int] | None:
    """First code in ``text`` as (canonical, printed, start, end); ``at_start`` anchors it."""
    offset = len(text) - len(text.lstrip()) if at_start else 0
    m = code_re().match(text.lstrip()) if at_start else code_re().search(text)
    if m:
        return (
            canonical(m.group("prefix"), m.group("num")),
            m.group(0).strip(),
            m.start() + offset,
            m.end() + offset,
        )
    # "Indikator Kinerja 4: ..." opening a heading
    m = _long_re().match(text.lstrip()) if at_start else None
    if m:
        prefix = _long_prefix(m.group("kind"))
        return (
            canonical(prefix, m.group("num")),
            m.group(0).strip(),
            m.start() + offset,
            m.end() + offset,
        )
    return None


def exact_code(text: str) -> str | None:
    """Canonical code when ``text`` is a code and nothing else (a PK cell, a configuration key)."""
    found = find_code(text, at_start=True)
    return found[0] if found and not text[found[3]:].strip() else None


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where codes stand in ``text`` (short and long forms),
    so their digits are not read as figures."""
    spans = [(m.start(), m.end()) for m in code_re().finditer(text)]
    spans += [(m.start(), m.end()) for m in _long_re().finditer(text)]
    return spans


_CANONICAL = re.compile(r"^([A-Z]+)\.(\d+)(#\d+)?$")
_TAIL = re.compile(r"(\d+)$")


def code_tail(code: str | None) -> int | None:
    """The last number of a code ("IKSS.1.4" -> 4, "IK.7" -> 7), None when it ends otherwise."""
    m = _TAIL.search(code) if code else None
    return int(m.group(1)) if m else None


def split_code(code: str) -> tuple[str, int, str | None] | None:
    """A canonical one-level code as (prefix, number, duplicate mark): "IK.3#4" -> ("IK", 3, "#4");
    None for other codes ("IKSS.1.1")."""
    m = _CANONICAL.match(code)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else None
