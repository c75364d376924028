"""The document model every reader produces: numbered lines with their page.

Real tables (PDF, DOCX) reach the parser as pipe rows (``| a | b |``) among the lines."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    no: int            # 1-based line number in the text the reader produced
    page: int | None   # 1-based page, None when the input has no page breaks
    text: str


@dataclass
class Document:
    source: str
    lines: list[Line]
    format: str = "text"

    def text(self, start: int, end: int) -> str:
        """Text of lines ``start``..``end`` (1-based, inclusive)."""
        return "\n".join(ln.text for ln in self.lines[start - 1:end])

    def page_of(self, line_no: int | None) -> int | None:
        if line_no is None or not 1 <= line_no <= len(self.lines):
            return None
        return self.lines[line_no - 1].page
