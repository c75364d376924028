"""The document model every reader produces: numbered lines (with page) and optional real tables."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    no: int            # 1-based line number in the text the reader produced
    page: int | None   # 1-based page, None when the input has no page breaks
    text: str


@dataclass
class Grid:
    """A table the reader recognised as such (PDF/DOCX tables, space-aligned text rows).

    ``rows`` are lists of cell strings; ``line`` is the line number the table is anchored at
    (the table text itself is not repeated in :attr:`Document.lines`).
    """

    line: int
    page: int | None
    rows: list[list[str]]
    row_lines: list[int] = field(default_factory=list)


@dataclass
class Document:
    source: str
    lines: list[Line]
    grids: list[Grid] = field(default_factory=list)
    format: str = "text"

    def text(self, start: int, end: int) -> str:
        """Text of lines ``start``..``end`` (1-based, inclusive)."""
        return "\n".join(ln.text for ln in self.lines[start - 1:end])

    def page_of(self, line_no: int | None) -> int | None:
        if line_no is None or not 1 <= line_no <= len(self.lines):
            return None
        return self.lines[line_no - 1].page
