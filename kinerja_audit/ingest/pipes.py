"""Real tables (PDF, DOCX) as the pipe rows the table parser reads: ``| cell | cell | ... |``.

Both binary readers hand their table rows to :func:`pipe_row`, so a table reads the same whatever
the file format.  A merged cell is written once and the columns it covers stay as empty cells:
every row of a table keeps the same number of cells, which is how the parser tells a table row
from a wrapped continuation.
"""
from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_ROLE_WORD = re.compile(r"\b(target|realisasi|capaian)\b", re.IGNORECASE)


def clean_cell(text: str | None) -> str:
    """One line of cell text: inner line breaks and runs of spaces become one space.

    A ``|`` inside a cell would split it in two, so it is written as ``/``.
    """
    if not text:
        return ""
    return _SPACES.sub(" ", text.replace("|", "/")).strip()


def pipe_row(cells: list[str | None]) -> str | None:
    """The pipe line of one table row, or None when every cell is empty."""
    cleaned = [clean_cell(c) for c in cells]
    if not any(cleaned):
        return None
    return "| " + " | ".join(cleaned) + " |"


def is_header_row(cells: list[str | None]) -> bool:
    """A row naming at least two of target / realisasi / capaian is a header row."""
    words = {m.group(1).lower() for c in cells if c for m in _ROLE_WORD.finditer(c)}
    return len(words) >= 2
