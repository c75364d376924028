"""Neutralising untrusted report text for the formats that could execute or misparse it.

Report text and file names are untrusted: they may hold terminal escape sequences (ESC, BEL),
NUL and other control characters (XML and Excel refuse them), and bidirectional overrides
(U+202E turns "fdp.exe" around on screen).  :func:`clean` removes them from text (every human
format: text, CSV, XLSX, HTML, Markdown, JUnit); :func:`visible` shows them as escapes instead,
for file names, which must stay recognisable.  HTML, XML and Markdown escaping proper are done by
each of those formats; what is shared lives here.
"""
from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 (but tab, newline, CR) and C1 controls, DEL, lone surrogates, non-characters, and the
# bidirectional embeddings, overrides, isolates and marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{_BIDI}]")
_UNSAFE_NAME = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{_BIDI}]")


def neutralise(value: Any) -> Any:
    """A spreadsheet cell that would start a formula gets a leading ``'`` (CSV and XLSX)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def clean(value: Any) -> str:
    """Text without control characters and bidirectional controls: XML 1.0 and Excel forbid the
    former (form feeds from PDFs, NULs), on a terminal they could inject escape sequences, and the
    latter reorder what the reader sees.  Tab, newline and CR are kept."""
    return _CONTROL.sub("", "" if value is None else str(value))


def cell(value: Any) -> Any:
    """A spreadsheet cell (CSV, XLSX): numbers as they are, text cleaned and neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    return neutralise(clean(value))


def visible(name: Any) -> str:
    """A file name for the terminal: every control or bidirectional character written as an
    escape (``\\x1b``, ``\\u202e``), so the name cannot act on the terminal and stays readable."""
    def escape(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE_NAME.sub(escape, "" if name is None else str(name))
