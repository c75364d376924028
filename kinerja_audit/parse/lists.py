"""Numbered and lettered lists: ``1.``, ``2)``, ``a.``, ``b)``, ``I.``, ``IV.``, bullets.

Each item keeps its marker, its place in the sequence and its text joined over wrapped lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .periods import roman_or_int
from .tables import caption_match
from .text import is_debris, norm

_ITEM_RE = re.compile(
    r"^\s*(?:(?P<open>\()?(?P<num>\d{1,2})\s*(?P<nsep>[.)])|\(?(?P<let>[a-z])(?P<lsep>[.)])|"
    r"(?P<up>[A-Z])(?P<usep>[.)])|(?P<rom>[IVX]{2,5})(?P<rsep>[.)])|(?P<bul>[•\-–*▪●◦]))\s+(?P<text>\S.*)$"
)


@dataclass
class ListItem:
    line: int
    end_line: int
    style: str            # "1." "1)" "a." "a)" "A." "I." "•"
    value: int | None     # position the marker claims (1-based); None for bullets
    marker: str
    text: str


def parse_items(doc: Document, start: int, end: int, stop_lines: set[int] | None = None) -> list[ListItem]:
    stop_lines = stop_lines or set()
    items: list[ListItem] = []
    current: ListItem | None = None
    prev_upper: int | None = None
    blank_run = 0
    for i in range(start, end + 1):
        raw = doc.lines[i - 1].text
        if not raw.strip():
            blank_run += 1
            continue
        if is_debris(raw):
            continue
        m = _ITEM_RE.match(raw)
        if i in stop_lines and not m:
            current = None
            continue
        if m and not caption_match(raw):
            if m.group("num"):
                style, value = ("(1)" if m.group("open") else "1" + m.group("nsep")), int(m.group("num"))
            elif m.group("let"):
                style, value = "a" + m.group("lsep"), ord(m.group("let")) - ord("a") + 1
            elif m.group("up"):
                letter = m.group("up")
                # I, V, X: a letter when it continues a lettered list (H -> I), else a roman numeral
                if letter in "IVX" and not (prev_upper is not None and prev_upper == ord(letter) - ord("A")):
                    style, value = "I" + m.group("usep"), roman_or_int(letter)
                else:
                    style, value = "A" + m.group("usep"), ord(letter) - ord("A") + 1
                    prev_upper = value
            elif m.group("rom"):
                style, value = "I" + m.group("rsep"), roman_or_int(m.group("rom"))
                if value is None:
                    current = _continue(current, i, raw, blank_run)
                    blank_run = 0
                    continue
            else:
                style, value = "•", None
            marker = raw.strip().split()[0]
            current = ListItem(i, i, style, value, marker, norm(m.group("text")))
            items.append(current)
            blank_run = 0
            continue
        if i in stop_lines or caption_match(raw):
            current = None
        current = _continue(current, i, raw, blank_run)
        blank_run = 0
    return items


def _continue(current: ListItem | None, i: int, raw: str, blank_run: int) -> ListItem | None:
    if current is None or blank_run > 1 or i - current.end_line > 3:
        return None
    current.text = norm(current.text + " " + raw)
    current.end_line = i
    return current
