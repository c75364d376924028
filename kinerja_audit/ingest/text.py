"""Plain-text reader (text extracted from PDF, or typed): decoding and line numbering.

UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, UTF-16 without BOM; bytes that are not
UTF-8 are read as cp1252 one by one (latin-1 where cp1252 has no character).
Form feeds (``\\f``) mark page breaks; without any, pages are unknown (None).
"""
from __future__ import annotations

import codecs
import re

from ..document import Document, Line

# Markdown produced by document converters: heading hashes and bold/italic markers around text.
_MD_HEADING = re.compile(r"^(\s*)#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def demarkup(text: str) -> str:
    """Strip converter markup (``## BAB I``, ``**Tabel 3.1**``) so headings read as headings."""
    return _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub(r"\1", text))


_BOMS = (   # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def _fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as Windows-1252 (latin-1 where cp1252 has a hole)."""
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error("kinerja-audit-cp1252", _fallback)


def utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes sit at every second position (mostly-ASCII
    text saved as UTF-16 without a byte-order mark), else None."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, encoding: str, source: str) -> str:
    from . import InputError

    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding.startswith("utf-32"):
            raise InputError(source, "utf32_corrupt") from None
        raise InputError(source, "utf16_odd" if len(data) % 2 else "utf16_corrupt") from None


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-32 or UTF-16 with a byte-order mark, UTF-16 without one, else UTF-8
    (with or without BOM) where it is UTF-8 and Windows-1252 only for the bytes that are not.

    One stray cp1252 byte (a curly quote pasted from Word) does not turn the rest of a UTF-8 file
    into mojibake: each undecodable byte is read on its own.
    """
    from . import InputError

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data, encoding, source)
    sample = data[:65536]
    encoding = utf16_without_bom(sample)
    if encoding:
        return _decode_unicode(data, encoding, source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        sample = data[:65536]
    if b"\x00" in sample:
        raise InputError(source, "binary")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        raise InputError(source, "binary")
    return data.decode("utf-8", errors="kinerja-audit-cp1252")


def to_lines(text: str) -> list[Line]:
    from .limits import bound_text

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_pages = "\f" in text
    page = 1
    lines: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        line = demarkup(bound_text(raw.replace("\xa0", " ")))    # bounded before any regex
        lines.append(Line(no=no, page=page if has_pages else None, text=line))
    return lines


def read(data: bytes, source: str) -> Document:
    from . import InputError
    from .limits import check_line_count

    text = decode(data, source)
    if not text.strip():
        raise InputError(source, "no_text")
    # before a million Line objects are made
    check_line_count(max(text.count("\n"), text.count("\r")) + 1, source)
    return Document(source=source, lines=to_lines(text), format="text")
