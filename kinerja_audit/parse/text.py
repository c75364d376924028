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
def pattern(key: str) -> re.Pattern:
    """The lexicon entry ``key`` as one case-insensitive regex: a string, or a list of
    alternatives (joined in order, so an earlier alternative wins at the same position)."""
    entry = rulepack.lexicon()[key]
    return re.compile(entry if isinstance(entry, str) else alternation(entry), re.IGNORECASE)


def alternation(patterns, captures_read: bool = True) -> str:
    """Regexes joined as one alternation, in order.  When the characters every alternative can
    start with are known (:func:`first_chars`), a look-ahead on them comes first: ``re`` then
    skips the positions where no alternative can start (it does not see that itself behind a
    leading ``\\b``), about 2x faster on sentences, same matches; when each opens with one plain
    letter, they are also grouped by it (:func:`_by_first_letter`).  ``captures_read=False``: the
    caller reads no capturing group of a match (only whether, or where, it matched), so they may
    be renumbered."""
    source = "|".join(f"(?:{p})" for p in patterns)
    firsts = [first_chars(p) for p in patterns]
    if not patterns or any(f is None for f in firsts):
        return source
    if all(_first_letter(p) for p in patterns) \
            and not (captures_read and any(re.compile(p).groups for p in patterns)):
        source = _by_first_letter(patterns)
    chars = sorted(set().union(*firsts))
    return f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{source})"


_PARSE_LIMIT = 40      # characters a first-character class may hold (else no look-ahead)


def first_chars(regex: str) -> set[str] | None:
    """The lower-case characters a match of ``regex`` can start with, as ``re``'s own parser
    reads it (an optional group, "\\b(di)?sebab", gives both "d" and "s"); None when a match may
    start anywhere (a class like ``\\w``, an empty match) or the set is large."""
    from re import _parser  # the parser of the re module itself (Python 3.11+)

    try:
        chars, nullable = _firsts(list(_parser.parse(regex)), _parser)
    except (re.error, RecursionError):
        return None
    if chars is None or nullable or len(chars) > _PARSE_LIMIT:
        return None
    return chars


def _firsts(items: list, p) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a sequence of parsed items."""
    out: set[str] = set()
    for op, av in items:
        if op is p.AT:
            continue                         # \b, ^: no character
        if op is p.LITERAL:
            return out | {chr(av).lower()}, False
        if op is p.IN:
            chars = _class(av, p)
            return (None, False) if chars is None else (out | chars, False)
        if op is p.SUBPATTERN:
            first, nullable = _firsts(list(av[-1]), p)
        elif op is p.BRANCH:
            found = [_firsts(list(b), p) for b in av[1]]
            if any(f is None for f, _ in found):
                return None, False
            first, nullable = set().union(*(f for f, _ in found)), any(n for _, n in found)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", None)):
            low, _high, item = av
            first, nullable = _firsts(list(item), p)
            nullable = nullable or low == 0
        elif op is p.ASSERT_NOT:
            continue                         # a negative look-ahead consumes nothing
        else:
            return None, False               # any character, a category, a back-reference
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _class(av, p) -> set[str] | None:
    chars: set[str] = set()
    for op, value in av:
        if op is p.LITERAL:
            chars.add(chr(value).lower())
        elif op is p.RANGE and value[1] - value[0] < _PARSE_LIMIT:
            chars |= {chr(c).lower() for c in range(value[0], value[1] + 1)}
        else:
            return None                      # a negated class, a category, a wide range
    return chars


def _by_first_letter(patterns) -> str:
    """The alternatives grouped by their first letter, each group behind a look-ahead on it:
    ``re`` tries one group per position instead of every alternative (about 1.5x faster).  Only
    alternatives opening with the letter at a position can match there, and a group keeps their
    order, so an earlier alternative still wins; capturing groups would be renumbered, so the
    caller groups only alternatives without any."""
    groups: dict[str, list[str]] = {}
    for p in patterns:
        groups.setdefault(_first_letter(p), []).append(p)
    return "|".join(
        f"(?=[{letter}])(?:{'|'.join(f'(?:{p})' for p in group)})"
        for letter, group in sorted(groups.items())
    )


def _first_letter(regex: str) -> str | None:
    """The letter every match of ``regex`` starts with, when that is plain to see: an optional
    ``\\b``, then a letter that no quantifier follows, and no alternation at the top level."""
    rest = regex.removeprefix("\\b")
    if not rest or not ("a" <= rest[0].lower() <= "z") or rest[1:2] in ("?", "*", "{"):
        return None
    depth, escaped, in_class = 0, False, False
    for ch in rest:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    return rest[0].lower()


@functools.cache
def word_set(key: str) -> frozenset[str]:
    """The lexicon entry ``key`` (a list of words) as a lower-case set."""
    return frozenset(str(w).lower() for w in rulepack.lexicon()[key])


@functools.lru_cache(maxsize=1 << 15)
def any_match(key: str, text: str) -> bool:
    """Whether any regex of the lexicon list ``key`` occurs in ``text`` (remembered: rules ask the
    same of one sentence for each indicator)."""
    return any(p.search(text) for p in _searchers(key))


@functools.cache
def _searchers(key: str) -> tuple[re.Pattern, ...]:
    """The alternatives of ``key`` as at most two alternations: those anchored at the start ("^")
    apart from the others, so that ``re`` tries the anchored ones at position 0 only (one
    alternation mixing both is tried at every position and is about 4x slower)."""
    entry = rulepack.lexicon()[key]
    entry = [entry] if isinstance(entry, str) else entry
    groups = ([p for p in entry if not p.startswith("^")], [p for p in entry if p.startswith("^")])
    return tuple(
        re.compile(alternation(g, captures_read=False), re.IGNORECASE) for g in groups if g
    )


def is_debris(text: str) -> bool:
    t = text.strip()
    return bool(t) and pattern("debris_patterns").match(t) is not None


def filled_cells(text: str) -> list[str]:
    """The cells of a pipe row that hold something ("| | 7. Prosentase | | 30 |" -> ["7.
    Prosentase", "30"]); [] for a line that is no pipe row."""
    if text.count("|") < 2:
        return []
    return [c.strip() for c in text.split("|") if c.strip()]


def printed(text: str) -> str:
    """A line as its words are printed: the filled cells of a pipe row ("| | 7. Prosentase | | 30
    | 95 |") joined by spaces ("7. Prosentase 30 95"), any other line as it is."""
    return " ".join(filled_cells(text)) if text.count("|") >= 2 else text


@functools.cache
def _gates() -> dict[str, tuple[str, ...]]:
    return {key: tuple(str(w).lower() for w in words)
            for key, words in (rulepack.lexicon().get("regex_gates") or {}).items()}


def _gated_out(key: str, text: str) -> bool:
    """``text`` holds none of the gate words of ``key`` (lexicon ``regex_gates``: words every
    match contains), so its regex cannot match: a substring test before a costly regex."""
    gate = _gates().get(key)
    if not gate:
        return False
    lowered = _lowered(text)
    for word in gate:
        if word in lowered:
            return False
    return True


@functools.lru_cache(maxsize=512)
def _lowered(text: str) -> str:
    return text.lower()   # (a sentence meets a dozen gates in a row: lowered once)


def finditer(key: str, text: str):
    """``pattern(key).finditer(text)``, skipped when ``text`` holds none of the key's gate
    words."""
    return iter(()) if _gated_out(key, text) else pattern(key).finditer(text)


def search(key: str, text: str) -> re.Match | None:
    """``pattern(key).search(text)``, skipped when ``text`` holds none of the key's gate words."""
    return None if _gated_out(key, text) else pattern(key).search(text)


def match(key: str, text: str) -> re.Match | None:
    """``pattern(key).match(text)``, skipped when ``text`` holds none of the key's gate words."""
    return None if _gated_out(key, text) else pattern(key).match(text)
