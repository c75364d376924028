"""Neutralising untrusted report text for the formats that could execute or misparse it.

HTML, XML and Markdown escaping are done by each of those formats; what is shared lives here.
"""
from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def neutralise(value: Any) -> Any:
    """A spreadsheet cell that would start a formula gets a leading ``'`` (CSV and XLSX)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def clean(value: Any) -> str:
    """Text without control characters: XML 1.0 forbids them (form feeds from PDFs, NULs) and
    on a terminal they could inject escape sequences.  Tab, newline and CR are kept."""
    return _CONTROL.sub("", "" if value is None else str(value))
