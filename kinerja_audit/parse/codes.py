"""Indicator codes in any spelling: IK.1, IK. 1, IK 1, IK,11, IKU-1, IKK18, IKSS 1.1."""
from __future__ import annotations

import functools
import re

from .. import rulepack


@functools.cache
def code_re() -> re.Pattern:
    prefixes = "|".join(sorted(rulepack.lexicon()["code_prefixes"], key=len, reverse=True))
    return re.compile(rf"\b(?P<prefix>{prefixes})\s*[-.,:]?\s*(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*)(?![\d,]*\d)(?!\s*%)",
                      re.IGNORECASE)


def canonical(prefix: str, number: str) -> str:
    return f"{prefix.upper()}.{number.strip('.')}"


def find_code(text: str, *, at_start: bool = False) -> tuple[str, str, int, int] | None:
    """First code in ``text`` as (canonical, printed, start, end); ``at_start`` anchors it."""
    m = code_re().match(text.lstrip()) if at_start else code_re().search(text)
    if not m:
        return None
    offset = len(text) - len(text.lstrip()) if at_start else 0
    return canonical(m.group("prefix"), m.group("num")), m.group(0).strip(), m.start() + offset, m.end() + offset


def exact_code(text: str) -> str | None:
    """Canonical code when ``text`` is a code and nothing else (a PK cell, a configuration key)."""
    found = find_code(text, at_start=True)
    return found[0] if found and not text[found[3]:].strip() else None


def all_codes(text: str) -> list[str]:
    return [canonical(m.group("prefix"), m.group("num")) for m in code_re().finditer(text)]
