"""Plain-text reader (text extracted from PDF, or typed): decoding and line numbering.

UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 and latin-1 as fall-backs.
Form feeds (``\\f``) mark page breaks; without any, pages are unknown (None).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..document import Document, Line

# Markdown produced by document converters: heading hashes and bold/italic markers around text.
_MD_HEADING = re.compile(r"^(\s*)#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def demarkup(text: str) -> str:
    """Strip converter markup (``## BAB I``, ``**Tabel 3.1**``) so headings read as headings."""
    return _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub(r"\1", text))


def decode(data: bytes, source: str) -> str:
    from . import InputError

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            if len(data) % 2:
                raise InputError(source, "teks UTF-16 terpotong (jumlah byte ganjil)",
                                 "truncated UTF-16 text (odd number of bytes)") from None
            raise InputError(source, "teks UTF-16 rusak (pasangan surrogate tidak sah)",
                             "corrupt UTF-16 text (invalid surrogate pair)") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:65536]
    if b"\x00" in sample:
        raise InputError(source, "berkas biner, bukan teks, PDF atau DOCX",
                         "binary file, not text, PDF or DOCX")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        raise InputError(source, "berkas biner, bukan teks, PDF atau DOCX",
                         "binary file, not text, PDF or DOCX")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def to_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_pages = "\f" in text
    page = 1
    lines: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        lines.append(Line(no=no, page=page if has_pages else None, text=demarkup(raw.replace("\xa0", " "))))
    return lines


def read(path: Path, source: str) -> Document:
    from . import InputError

    text = decode(path.read_bytes(), source)
    if not text.strip():
        raise InputError(source, "berkas tidak berisi teks", "file contains no text")
    return Document(source=source, lines=to_lines(text), format="text")
