"""Finding an evidence phrase among the pieces of text of a document (Word runs, PDF words).

A phrase is matched character by character with whitespace and table pipes ignored: the reader
joined lines, cells and words with spaces and pipes that the source does not hold in that form
(``| IK.5 | Jumlah |`` is the cells ``IK.5`` and ``Jumlah``; "114,29 %" may be one PDF word or
two).  The result says which pieces the phrase covers and where it starts and ends inside the
first and last piece, so the caller can split a Word run or pick PDF words exactly.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TRUNCATED = " …"          # the rule registry cuts long evidence and marks it so
_LIST_LABEL = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]\s+")


@dataclass(frozen=True)
class Span:
    """Pieces ``first``..``last`` (inclusive); the phrase starts at character ``start`` of the
    first piece and ends before character ``end`` of the last piece."""

    first: int
    start: int
    last: int
    end: int


def _skipped(ch: str) -> bool:
    return ch.isspace() or ch == "|"


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


class Index:
    """The pieces' text with skipped characters removed, and where each kept character came from."""

    def __init__(self, pieces: Sequence[str]):
        chars: list[str] = []
        where: list[tuple[int, int]] = []
        for i, text in enumerate(pieces):
            for j, ch in enumerate(text):
                if _skipped(ch):
                    continue
                for folded in _fold(ch):
                    chars.append(folded)
                    where.append((i, j))
        self.text = "".join(chars)
        self.where = where

    def find_all(self, phrase: str) -> list[Span]:
        key = key_of(phrase)
        if not key:
            return []
        spans, at = [], self.text.find(key)
        while at >= 0:
            (first, start), (last, end) = self.where[at], self.where[at + len(key) - 1]
            spans.append(Span(first, start, last, end + 1))
            at = self.text.find(key, at + 1)
        return spans


def key_of(phrase: str) -> str:
    return "".join(_fold(ch) for ch in phrase if not _skipped(ch))


def phrases(evidence: str | None) -> list[str]:
    """The forms of an evidence text to look for, most exact first.

    The registry cuts long evidence ("… "), and a list label ("4.") may be Word's automatic
    numbering, which the reader restores but the runs do not hold.
    """
    if not evidence:
        return []
    text = evidence.removesuffix(TRUNCATED)
    out = [text]
    unlabelled = _LIST_LABEL.sub("", text, count=1)
    if unlabelled != text and key_of(unlabelled):
        out.append(unlabelled)
    return out


def best(spans: list[Span], distance: Callable[[Span], float], limit: float) -> Span | None:
    """The span nearest the finding (``distance`` 0 = on its line), if within ``limit``."""
    scored = [(distance(s), s.first, s) for s in spans]
    scored = [x for x in scored if x[0] <= limit]
    return min(scored, key=lambda x: (x[0], x[1]))[2] if scored else None
