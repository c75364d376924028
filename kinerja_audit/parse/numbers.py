"""Indonesian (and stray English-style) numerals.

``25.945`` is twenty-five thousand, ``237,93`` is 237.93, ``1.234,5`` is 1234.5; English style
(``87.93``, ``2,116,879,000``, ``1,234.5``) is recognised too.  A single separator followed by
exactly three digits is read the Indonesian way (thousands for ``.``, decimals for ``,``) unless
the other reading is forced by the shape of the number.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER_PATTERN = r"(?<![\w.,])[-+]?\d+(?:[.,]\d+)*(?![\w])"
NUMBER_RE = re.compile(NUMBER_PATTERN)


@dataclass(frozen=True)
class Number:
    value: float
    decimals: int       # digits after the decimal separator as printed (for the rounding interval)
    style: str          # "id", "en" or "plain" (no separator, or ambiguous-free)
    raw: str

    @property
    def half_step(self) -> float:
        """Half the last printed digit: a printed value v stands for [v - h, v + h)."""
        return 0.5 * 10 ** (-self.decimals)


def same_value(number: Number, value: float, half: float = 0.0, slack: float = 0.0) -> bool:
    """``value`` is what ``number`` says, give or take half a rounding step (the larger of its own
    and ``half``, the other figure's) and ``slack``."""
    return abs(number.value - value) <= max(number.half_step, half) + slack + 1e-9


def parse_number(token: str) -> Number | None:
    raw = token.strip()
    s = raw.replace(" ", "")
    sign = 1.0
    if s and s[0] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if not s or not re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thou_sep = "." if dec_sep == "," else ","
        style = "id" if dec_sep == "," else "en"
        int_part, frac = s.rsplit(dec_sep, 1)
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(thou_sep) + r"\d{3})*", int_part):
            return None
        return Number(
            sign * float(int_part.replace(thou_sep, "") + "." + frac), len(frac), style, raw
        )
    if dots > 1 or commas > 1:
        sep = "." if dots else ","
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", s):
            return None
        return Number(sign * float(s.replace(sep, "")), 0, "id" if sep == "." else "en", raw)
    if dots == 1:
        head, tail = s.split(".")
        if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
            return Number(sign * float(head + tail), 0, "id", raw)
        return Number(sign * float(s), len(tail), "en", raw)
    if commas == 1:
        head, tail = s.split(",")
        return Number(sign * float(head + "." + tail), len(tail), "id", raw)
    return Number(sign * float(s), 0, "plain", raw)


def format_number(value: float | None, lang: str = "id", decimals: int | None = None) -> str:
    """Format for messages: Indonesian ``25.945`` / ``237,93``; English ``25,945`` / ``237.93``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".") if "." in text else text
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
