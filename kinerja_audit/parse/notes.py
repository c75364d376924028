"""Drafting notes left in a report's text: a bracketed note telling the writer to fix a chart or a
figure ("(grafik harus disesuaikan, ...)"), a placeholder ("TBD", "[isi ...]")."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from .text import search


@dataclass(frozen=True)
class DraftingNote:
    line: int
    text: str


def drafting_notes(doc: Document) -> list[DraftingNote]:
    """Every drafting note, in line order (one per line at most: a line with a note is reported
    once)."""
    out = []
    for ln in doc.lines:
        m = search("drafting_note_re", ln.text)
        if m:
            out.append(DraftingNote(ln.no, m.group(0).strip()))
    return out
