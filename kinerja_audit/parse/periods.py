"""Periods: Roman numerals, the report period (quarter, semester, year) and how it is named.

One home for what a period is: which quarter a semester ends on, when a period ends, whether a
period mentioned in the text is the report's own, and its label in messages ("triwulan II",
"semester I", "tahun 2025").  The period words themselves live in ``checks/narrative_lexicon.yaml``.
"""
from __future__ import annotations

import datetime as dt
import re

YEAR = re.compile(r"\b(?:19|20)\d\d\b")    # a year as reports write it, 1900-2099


def years_in(text: str) -> list[int]:
    """Every year ``text`` writes, in order (whatever it is the year of: ``meta.years_named`` gives
    the report years a text names)."""
    return [int(y) for y in YEAR.findall(text)]


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_VALUE = {r: i for i, r in enumerate(ROMAN, start=1)}


def roman(value: int) -> str:
    """I..XII; larger values as digits."""
    return ROMAN[value - 1] if 1 <= value <= len(ROMAN) else str(value)


def roman_or_int(token: str) -> int | None:
    """``"III"`` / ``"3"`` / ``"iii."`` -> 3; anything else -> None."""
    token = token.strip().upper().rstrip(".")
    if token.isascii() and token.isdigit():
        return int(token)
    return _ROMAN_VALUE.get(token)


def parse_period_option(text: str) -> tuple[str, int | None, int] | None:
    """``--period``: "2021" (annual), "TW2-2021" / "Q2-2021" (quarterly, to quarter 2), "S1-2024"
    (semester) -> (kind, quarter the period ends on, year); None when it is none of these."""
    import re

    m = re.fullmatch(
        r"\s*(?:(?:(?P<q>tw|q|triwulan)\s*(?P<qn>[1-4]|iv|iii|ii|i)|(?P<s>s|smt|semester)\s*"
        r"(?P<sn>[12]|ii|i))\s*[-/ ]\s*)?(?P<year>(?:19|20)\d\d)\s*",
        text,
        re.IGNORECASE,
    )
    if m is None:
        return None
    year = int(m.group("year"))
    if m.group("q"):
        return "quarterly", roman_or_int(m.group("qn")), year
    if m.group("s"):
        return "semester", 2 * roman_or_int(m.group("sn")), year
    return "annual", None, year


def semester_of(quarter: int) -> int:
    return (quarter + 1) // 2


def period_end(kind: str | None, quarter: int | None, year: int | None) -> dt.date | None:
    """The last day of the report period (annual: 31 December)."""
    if year is None:
        return None
    q = 4 if kind == "annual" else quarter
    if q is None:
        return None
    month = 3 * q
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def is_current(period: tuple[str, int], meta) -> bool:
    """Whether a period named in the text, ("quarter", 2) / ("semester", 1) / ("year", 2025), is the
    report's own (an annual report's own quarter is the fourth, its semester the second)."""
    kind, value = period
    if kind == "year":
        return meta.year is None or value == meta.year
    if meta.kind == "annual":
        return kind == "quarter" and value == 4 or kind == "semester" and value == 2
    if meta.quarter is None:
        return True
    if kind == "quarter":
        return value == meta.quarter
    if kind == "semester":
        return (value == semester_of(meta.quarter) and meta.quarter in (2, 4)
                or meta.kind == "semester" and value * 2 == meta.quarter)
    return True


def current_numeral(kind: str, meta) -> str:
    """How the report's own period of ``kind`` is written:
    "2025", "II" (quarter), "I" (semester)."""
    if kind == "year":
        return str(meta.year)
    if not meta.quarter:
        return ""
    return roman(semester_of(meta.quarter)) if kind == "semester" else roman(meta.quarter)


def label(meta, word, *, with_year: bool = False) -> str:
    """The report period in messages: "triwulan II" (``with_year``: "triwulan II tahun 2025"),
    "semester I", "tahun 2025".  ``word`` looks a message word up (``Context.word``)."""
    if meta.kind == "annual" and meta.year:
        return word("period_year", y=meta.year)
    if not meta.quarter:
        return str(meta.year or "")
    if meta.kind == "semester":
        period = word("period_semester", s=roman(semester_of(meta.quarter)))
    else:
        period = word("period_quarter", q=roman(meta.quarter))
    return (
        word("report_period", period=period, year=meta.year) if with_year and meta.year else period
    )
