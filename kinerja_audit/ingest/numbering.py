"""Word's automatic list numbers ("BAB I", "A.", "1)", "a.") as the text a reader of the page sees.

The numbers of an auto-numbered paragraph are not in its text: Word computes them from
``word/numbering.xml`` (and from the paragraph style, for numbered headings).  The numbering rules
of kinerja-audit need them, so :class:`ListNumbers` recomputes the usual cases: decimal, letters,
roman numerals and bullets, multi-level templates such as ``%1.%2.``, start values and restarts.
"""
from __future__ import annotations

from .wordml import W, child_val, to_int

_BULLETS = {"-", "–", "—", "*", "•", "o", "▪", "■", "►", "➢", "✓", "·"}


def roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class ListNumbers:
    """Labels of auto-numbered paragraphs, in document order
    (call :meth:`label` once per paragraph)."""

    def __init__(self, numbering_xml=None, styles_xml=None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract -> ilvl -> level
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_base: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)
        if styles_xml is not None:
            self._read_styles(styles_xml)

    def _read_numbering(self, root) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[to_int(lvl.get(W + "ilvl"), 0)] = (
                    to_int(child_val(lvl, "start"), 1), child_val(lvl, "numFmt", "decimal"),
                    child_val(lvl, "lvlText", "") or "")
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            starts = {}
            for override in num.iter(W + "lvlOverride"):
                start = child_val(override, "startOverride")
                if start is not None:
                    starts[to_int(override.get(W + "ilvl"), 0)] = to_int(start, 1)
            self.nums[num.get(W + "numId", "")] = (child_val(num, "abstractNumId", ""), starts)

    def _read_styles(self, root) -> None:
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId", "")
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if numpr is not None:
                ilvl = child_val(numpr, "ilvl")
                self.style_num[sid] = (child_val(numpr, "numId"), to_int(ilvl, 0) if ilvl else None)
            base = child_val(style, "basedOn")
            if base:
                self.style_base[sid] = base

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = 0
        while style_id and seen < 20:
            if style_id in self.style_num:
                return self.style_num[style_id]
            style_id = self.style_base.get(style_id)
            seen += 1
        return None, None

    def label(self, paragraph) -> str:
        """The list label of a ``w:p`` element ('' when it is not numbered);
        advances the counters."""
        ppr = paragraph.find(W + "pPr")
        if ppr is None:
            return ""
        num_id, ilvl = self._style_numbering(child_val(ppr, "pStyle"))
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            num_id = child_val(numpr, "numId", num_id)
            ilvl = to_int(child_val(numpr, "ilvl"), ilvl or 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract)
        if not levels:
            return ""
        ilvl = ilvl or 0
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:          # a list with a start override restarts
            self.started.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        start, fmt, template = levels.get(ilvl, (1, "decimal", f"%{ilvl + 1}."))
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return template if template in _BULLETS else "•"
        text = template
        for k in range(ilvl, -1, -1):       # %10 is not a thing; replace high levels first anyway
            k_start, k_fmt, _ = levels.get(k, (1, "decimal", ""))
            text = text.replace(f"%{k + 1}", format_number(counters.get(k, k_start), k_fmt))
        return text
