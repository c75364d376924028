"""Numbered and lettered lists: ``1.``, ``2)``, ``a.``, ``b)``, ``I.``, ``IV.``, bullets.

Each item keeps its marker, its place in the sequence and its text joined over wrapped lines.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document
from .periods import roman_or_int
from .tables import caption_match
from .text import is_debris, norm, pattern

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
    split_word: str | None = None   # the word this item and the one before it were cut out of
    inline: bool = False            # an item written on the same line as the one before it


def parse_items(
    doc: Document, start: int, end: int, stop_lines: set[int] | None = None
) -> list[ListItem]:
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
                style, value = (
                    ("(1)" if m.group("open") else "1" + m.group("nsep")),
                    int(m.group("num")),
                )
            elif m.group("let"):
                style, value = "a" + m.group("lsep"), ord(m.group("let")) - ord("a") + 1
            elif m.group("up"):
                letter = m.group("up")
                # I, V, X: a letter when it continues a lettered list (H -> I), else a roman numeral
                if letter in "IVX" and not (
                    prev_upper is not None and prev_upper == ord(letter) - ord("A")
                ):
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
        if i in stop_lines or caption_match(raw) or pattern("numbered_heading_re").match(raw):
            current = None
        current = _continue(current, i, raw, blank_run)
        blank_run = 0
    items = _inline_items(doc, items)
    _split_words(doc, items)
    return items


def _inline_items(doc: Document, items: list[ListItem]) -> list[ListItem]:
    """Items written on the line of the item before ("... dilakukan 6. Analisis atas ..."): found
    where they fill the gap between two numbered items ("5." followed by "7.")."""
    out: list[ListItem] = []
    for it, nxt in zip(items, items[1:] + [None]):
        out.append(it)
        if (
            it.value is None
            or not it.style.startswith("1")
            or nxt is None
            or nxt.style != it.style
            or nxt.value != it.value + 2
        ):
            continue
        marker = re.search(rf"(?<=\s)({it.value + 1}){re.escape(it.style[1])}\s+(?=[A-Z])", it.text)
        if marker is None:
            continue
        line = next((n for n in range(it.line, it.end_line + 1)
                     if f"{it.value + 1}{it.style[1]}" in doc.lines[n - 1].text), it.end_line)
        out.append(ListItem(line, it.end_line, it.style, it.value + 1, marker.group(0).strip(),
                            it.text[marker.end():], inline=True))
        it.text = it.text[:marker.start()].rstrip()
    return out


def _words(doc: Document) -> Counter:
    return Counter(w.lower() for ln in doc.lines for w in re.findall(r"[A-Za-z]{3,}", ln.text))


def _split_words(doc: Document, items: list[ListItem]) -> None:
    """An item cut in two in mid-word ("c. Perbandingan rea" / "d. lisasi kinerja ..."): the last
    fragment of one item and the first of the next make a word the document uses elsewhere, which
    neither fragment is."""
    vocabulary = None
    for it, nxt in itertools.pairwise(items):
        if (
            it.style != nxt.style
            or it.value is None
            or nxt.value != it.value + 1
            or nxt.line - it.end_line > 4
        ):
            continue
        tail = re.search(r"([a-z]{1,8})$", it.text)
        head = re.match(r"([a-z]{2,12})\b", nxt.text)
        if not (tail and head):
            continue
        vocabulary = vocabulary or _words(doc)
        joined = tail.group(1) + head.group(1)
        if (
            vocabulary[joined] >= 1
            and vocabulary[tail.group(1)] <= 1
            and vocabulary[head.group(1)] <= 1
        ):
            nxt.split_word = joined


def _continue(current: ListItem | None, i: int, raw: str, blank_run: int) -> ListItem | None:
    if current is None or blank_run > 1 or i - current.end_line > 3:
        return None
    current.text = norm(current.text + " " + raw)
    current.end_line = i
    return current


@dataclass(frozen=True)
class LabelRun:
    """Neighbouring lines opening with one numbered label ("Lampiran 1", "Lampiran 2", ...)."""

    word: str                          # the label as printed on the first line ("Lampiran")
    entries: tuple[tuple[int, int], ...]   # (number, line), as the numbering rules take a sequence


_LABEL_GAP = 4     # lines allowed between two entries of one run (a title may wrap)
_LABEL_MIN = 3


def label_runs(doc: Document) -> list[LabelRun]:
    """Runs of three or more lines, each within four lines of the one before, that open with the
    same numbered label: a list of annexes in the contents, numbered without list markers."""
    runs: list[LabelRun] = []
    word, entries, last = None, [], -10
    for ln in doc.lines:
        m = pattern("numbered_label_re").match(ln.text)
        if m is None:
            continue
        if word is None or m.group("word").lower() != word.lower() or ln.no - last > _LABEL_GAP:
            if len(entries) >= _LABEL_MIN:
                runs.append(LabelRun(word, tuple(entries)))
            word, entries = m.group("word"), []
        entries.append((int(m.group("n")), ln.no))
        last = ln.no
    if len(entries) >= _LABEL_MIN:
        runs.append(LabelRun(word, tuple(entries)))
    return runs
