"""Bounds every document meets before a parser sees it, whatever reader produced it.

Parsers are written for reports: lines of a few hundred characters, numbers of at most twenty
digits.  Hostile or broken input (a 50 MB line, a million lines, a run of 400 digits) would make
them slow or produce absurd values, so each document is bounded here, once:

- more than :data:`MAX_LINES` lines: refused (an :class:`~kinerja_audit.ingest.InputError`);
- a line longer than :data:`MAX_LINE_CHARS` characters is cut there (``…`` marks the cut);
- a run of more than :data:`MAX_DIGITS` digits, or of more than :data:`MAX_TOKEN_CHARS` characters
  without a space, is cut the same way.

No real report comes near these bounds (the longest line of the real excerpts and the corpus is
1,647 characters, the longest word 122, the longest digit run 14); line numbers are unchanged.
"""
from __future__ import annotations

import re

from ..document import Document, Line

MAX_LINES = 200_000
MAX_LINE_CHARS = 10_000
MAX_TOKEN_CHARS = 200
MAX_DIGITS = 40
CUT = "…"

_LONG = re.compile(rf"\d{{{MAX_DIGITS + 1},}}|\S{{{MAX_TOKEN_CHARS + 1},}}")


def check_line_count(count: int, source: str) -> None:
    from . import InputError

    if count > MAX_LINES:
        raise InputError(source, "too_many_lines", lines=count, limit=MAX_LINES)


def bound_text(text: str) -> str:
    """``text`` with over-long lines, words and digit runs cut."""
    if len(text) > MAX_LINE_CHARS:
        text = text[:MAX_LINE_CHARS] + CUT
    if len(text) <= min(MAX_DIGITS, MAX_TOKEN_CHARS):
        return text
    return _LONG.sub(_cut, text)


def _cut(match: re.Match) -> str:
    run = match.group()
    keep = MAX_DIGITS if run[0].isdigit() and run[MAX_DIGITS].isdigit() else MAX_TOKEN_CHARS
    return run[:keep] + CUT


def bounded(doc: Document) -> Document:
    """``doc`` itself when it is within bounds, else a bounded copy (same line numbers)."""
    check_line_count(len(doc.lines), doc.source)
    changed = False
    lines = []
    for ln in doc.lines:
        text = bound_text(ln.text)
        if text is not ln.text and text != ln.text:
            changed = True
            ln = Line(ln.no, ln.page, text)
        lines.append(ln)
    return Document(doc.source, lines, doc.format) if changed else doc
