"""Repair the damage text extraction does, line by line, before anything is parsed.

Real reports reach the tool as text that a PDF converter or a document-sharing site produced:
banners and watermark lines of the site, words glued together ("PertanianTahun 2020dianalisa"),
mojibake quotes ("β€œ"), a page number fallen into the middle of a sentence ("secara / 40 umum"),
a running title line inside the body.  Each repair keeps the line numbering; what a repair removes
is blanked, never shifted.  The words of these repairs live in ``checks/parse.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Line
from .cells import unit_words
from .text import norm, pattern, word_set

# lower-case word of three letters or more glued to the capitalised word after it ("PertanianTahun")
_GLUED_CASE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
# a number glued to the word after it ("2020dianalisa", "3-1Indikator", "1dari"); units of one or
# two letters ("25km", "3m") stay as they are
_GLUED_DIGIT = re.compile(r"(?<=\d)(?=[A-Za-z][a-z]{2})")
# characters that UTF-8 text shows when read as a one-byte code page
_MOJIBAKE = re.compile(
    r"[\u00c2-\u00f4\u0392-\u03c9][\u0080-\u00bf\u2018-\u203a\u20ac\u0152-\u0178\u02c6-\u02dc]{1,2}"
)
_RULE_LINE = re.compile(r"\s*[-_=*]{5,}\s*")


def is_rule_line(text: str) -> bool:
    """A line drawn with dashes ("-----"): layout between parts (or excerpts), not text."""
    return bool(_RULE_LINE.fullmatch(text))


_PAGE_FIRST = re.compile(r"^\s*(\d{1,3})\s+(?=[a-z])")


@dataclass(frozen=True)
class RunningLine:
    """A report title line standing inside the body (a running header or footer)."""

    line: int
    text: str


def _unmojibake(text: str) -> str:
    def byte_of(ch: str) -> bytes | None:
        for codec in ("cp1252", "cp1253", "latin-1"):
            try:
                return ch.encode(codec)
            except UnicodeEncodeError:
                continue
        return None

    def fix(m: re.Match) -> str:
        raw = m.group(0)
        data = [byte_of(ch) for ch in raw]
        if None in data:
            return raw
        try:
            fixed = b"".join(data).decode("utf-8")
        except UnicodeDecodeError:
            return raw
        return fixed if len(fixed) == 1 else raw

    return _MOJIBAKE.sub(fix, text) if not text.isascii() else text


def _unglued(text: str) -> str:
    return _GLUED_DIGIT.sub(" ", _GLUED_CASE.sub(" ", text))


def _is_banner(text: str) -> bool:
    t = norm(text)
    return bool(t) and bool(pattern("banner_patterns").match(t))


def _running_title(text: str) -> tuple[str, str] | None:
    """(title, rest) when the line opens with a report title, its year and a page number:
    "Laporan Kinerja TA. 2021 – Balai Karantina ... 29" (rest: whatever follows the page number)."""
    t = norm(text)
    m = pattern("running_title_re").match(t)
    if m is None or len(t) > 240:
        return None
    minor = word_set("minor_words")

    def title_word(tok: str) -> bool:
        return tok[:1].isupper() or tok.lower() in minor or not tok[:1].isalnum()

    if not all(title_word(tok) or tok[:1].isdigit() for tok in t[:m.end()].split()):
        return None   # "Laporan Kinerja ini secara ...": a sentence, not a title
    tokens = t[m.end():].split()
    for i, tok in enumerate(tokens):
        if re.fullmatch(r"\d{1,3}|[ivx]{1,4}", tok):
            return " ".join([t[:m.end()], *tokens[:i + 1]]), " ".join(tokens[i + 1:])
        if not title_word(tok):
            return None
    return None


def _ends_mid_sentence(text: str) -> bool:
    """The line stops inside a sentence, on a word after which no figure is expected."""
    t = text.rstrip()
    if not t or not t[-1].isalpha():
        return False
    last = t.split()[-1]
    return (
        last.islower()
        and last not in word_set("linking_words")
        and last not in word_set("number_cue_words")
    )


def _page_number_inside(text: str) -> int:
    """Length of a page number opening a line that continues a sentence ("40 umum dalam ...")."""
    m = _PAGE_FIRST.match(text)
    if m is None:
        return 0
    rest = text[m.end():].split()
    if len(rest) < 4 or rest[0].lower() in unit_words():
        return 0   # "12 desa": a figure with its unit, not a page number
    return m.end()


def repair(doc: Document) -> tuple[Document, list[RunningLine]]:
    """The document with extraction damage repaired (same line numbers), and the running title
    lines found in its body (blanked here; the period detector reads them)."""
    lines: list[Line] = []
    running: list[RunningLine] = []
    previous = ""
    for ln in doc.lines:
        text = _unglued(_unmojibake(ln.text))
        page_title = pattern("page_banner_re").match(norm(text))
        # "Page 9 - Laporan Kinerja Triwulan I Tahun 2021 ...": a viewer's page label
        if page_title:
            if pattern("running_title_re").match(page_title.group("title")):
                running.append(RunningLine(ln.no, page_title.group("title")))
            text = ""
        banner = _is_banner(text)
        title = None if banner else _running_title(text)
        if not text.strip() or is_rule_line(text):
            text = ""   # a rule line ("-----") between parts is layout, not text
        elif banner:
            text = ""
        elif title is not None:
            running.append(RunningLine(ln.no, title[0]))
            text = title[1]
        elif previous and _ends_mid_sentence(previous):
            # "secara / 40 umum dalam ...": the page number fell into the sentence
            text = text[_page_number_inside(text):]
        if text.strip():
            previous = text
        lines.append(Line(ln.no, ln.page, text) if text != ln.text else ln)
    return Document(doc.source, lines, doc.format), running
