"""Refuse a PDF whose drawing instructions unpack beyond reason, before any library reads it.

A page's drawing instructions (content streams, form XObjects) and the object streams that hold
the file's objects are compressed; a few kilobytes can inflate to a gigabyte, to 64 MiB of
``q``/``Q`` operators that take minutes to interpret (pdfminer), or to millions of nested ``q`` that
cost PDFium a gigabyte of saved graphics states.  Every stream of the file is found in its bytes
(streams never sit inside other objects), inflated in chunks that are counted and dropped, and the
reading stops at the first byte over the limit: memory stays at one chunk, time at the limit.
Streams that are pictures, fonts, colour profiles, metadata or attached files are not drawing
instructions and are not counted (a scanned page may hold a large image).  The real reports in
``../shared/real-pdfs`` have at most 150 KB of content and 790 ``q`` operators on a page and
2.5 MB of content in all, so the limits below are generous.
"""
from __future__ import annotations

import re
import zlib

MAX_STREAM = 16 * 1024 * 1024           # unpacked size of one stream
MAX_TOTAL = 256 * 1024 * 1024           # ... of all of them together
MAX_SAVES = 100_000                     # q operators (graphics states saved) in one stream
_CHUNK = 1024 * 1024
_DICT_SPAN = 4096                       # how far before "stream" its dictionary may start

_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
# pictures, font programs, colour profiles, metadata, attached files
_NOT_DRAWING = re.compile(rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b"
                          rb"|/Type\s*/(?:Metadata|EmbeddedFile)\b|/Length[123]\b|/Alternate\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_TEXT_FILTERS = {b"ASCII85Decode": "a85", b"A85": "a85", b"ASCIIHexDecode": "hex", b"AHx": "hex"}
_FLATE_NAMES = (b"FlateDecode", b"Fl")
# The q operator: a token of its own (PDF delimiters around it, or white space).
_SAVE = re.compile(rb"(?<![^\s\])>])q(?![^\s\[(<])")


class ContentTooLarge(Exception):
    """``what``: "size" (of one stream, or ``total``) or "saves"."""

    def __init__(self, what: str, limit: int, total: bool = False):
        super().__init__(what, limit, total)
        self.what, self.limit, self.total = what, limit, total


def _chunks(data: bytes, flate: bool, limit: int):
    """The unpacked bytes of a stream in chunks, stopping once more than ``limit`` came out."""
    if not flate:
        for start in range(0, min(len(data), limit + 1), _CHUNK):
            yield data[start:start + _CHUNK]
        return
    inflater = zlib.decompressobj()
    total, pending = 0, data
    try:
        while pending and total <= limit:
            out = inflater.decompress(pending, _CHUNK)
            total += len(out)
            pending = inflater.unconsumed_tail
            if not out and not pending:
                break
            yield out
    except zlib.error:
        return                   # damaged, or encrypted: what inflated so far is what counts


def _streams(data: bytes):
    """(dictionary, raw bytes) of every stream in the file."""
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_SPAN):match.start() + 2]
        objs = list(_OBJ.finditer(head))
        dictionary = head[objs[-1].end():] if objs else head
        start = match.end()
        length = _LENGTH.search(dictionary)
        end = start + int(length.group(1)) if length else data.find(b"endstream", start)
        if end < start:
            end = len(data)
        yield dictionary, data[start:min(end, len(data))]


def _decoded(dictionary: bytes, raw: bytes) -> tuple[bytes, bool] | None:
    """(bytes to count, whether to inflate them) after the text filters (ASCII85, hex; they only
    shrink); None for a stream whose filters cannot multiply much or cannot be undone here (LZW,
    run length, pictures), which is counted as stored."""
    import base64
    import binascii

    found = _FILTERS.search(dictionary)
    names = re.findall(rb"/([A-Za-z0-9]+)", found.group(1)) if found else []
    for k, name in enumerate(names):
        kind = _TEXT_FILTERS.get(name)
        if kind is None:
            if name in _FLATE_NAMES and k == len(names) - 1:
                return raw, True
            return None
        try:
            if kind == "a85":
                text = raw.strip()
                text = text[:-2] if text.endswith(b"~>") else text
                raw = base64.a85decode(text.replace(b"\n", b"").replace(b"\r", b""))
            else:
                digits = re.sub(rb"[^0-9A-Fa-f]", b"", raw.split(b">")[0])
                raw = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        except ValueError:
            return None
    return raw, False


def check(data: bytes) -> None:
    """Raise :class:`ContentTooLarge` when a stream of the PDF ``data`` that draws (or holds
    objects) unpacks to more than :data:`MAX_STREAM` bytes or saves the graphics state more than
    :data:`MAX_SAVES` times, or all of them together to more than :data:`MAX_TOTAL` bytes.
    Flate streams are inflated (after ASCII85 or hex decoding); streams with other filters are
    counted as they are stored."""
    total = 0
    for dictionary, raw in _streams(data):
        if _NOT_DRAWING.search(dictionary):
            continue
        decoded = _decoded(dictionary, raw)
        if decoded is None:
            total += len(raw)         # another filter (LZW, run length, ...): its stored size
            continue
        size = saves = 0
        for chunk in _chunks(*decoded, MAX_STREAM):
            size += len(chunk)
            saves += len(_SAVE.findall(chunk))
            if size > MAX_STREAM:
                raise ContentTooLarge("size", MAX_STREAM)
            if saves > MAX_SAVES:
                raise ContentTooLarge("saves", MAX_SAVES)
        total += size
        if total > MAX_TOTAL:
            raise ContentTooLarge("size", MAX_TOTAL, total=True)
