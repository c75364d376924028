"""Refuse a PDF whose page content unpacks beyond reason, before any library interprets it.

A page's drawing instructions (its content streams, and the form XObjects it uses) are
compressed; a few kilobytes can inflate to a gigabyte, or to 64 MiB of ``q``/``Q`` operators that
take minutes to interpret (pdfminer) or a gigabyte of saved graphics states (PDFium).  Each stream is inflated here in chunks and only counted, never kept,
and reading stops at the first byte over the limit: memory stays at one chunk, time at the limit.
The real reports in ``../shared/real-pdfs`` have at most 150 KB of content and 790 ``q`` operators
on a page and 2.5 MB of content in all, so the limits below are generous.
"""
from __future__ import annotations

import re
import zlib

MAX_PAGE_CONTENT = 16 * 1024 * 1024      # unpacked content of one page (streams and its forms)
MAX_TOTAL_CONTENT = 256 * 1024 * 1024    # ... and of all pages together
MAX_PAGE_SAVES = 100_000                 # q operators (graphics states saved) on one page
_CHUNK = 1024 * 1024
# The q operator: a token of its own (PDF delimiters around it, or white space).
_SAVE = re.compile(rb"(?<![^\s\]\)>])q(?![^\s\[\(<])")


class ContentTooLarge(Exception):
    """``what``: "size" or "saves"; ``page`` None for the whole document."""

    def __init__(self, what: str, page: int | None, limit: int):
        super().__init__(what, page, limit)
        self.what, self.page, self.limit = what, page, limit


def _chunks(data: bytes, flate: bool, limit: int):
    """The unpacked bytes of a stream in chunks, stopping once more than ``limit`` came out."""
    if not flate:
        for start in range(0, len(data), _CHUNK):
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
        return                   # a damaged stream: what inflated so far is what counts


def measure(stream, limit: int) -> tuple[int, int]:
    """(unpacked size, q operators) of a pdfminer ``PDFStream``; the size counted to at most
    ``limit`` plus one chunk.  Flate streams are inflated chunk by chunk; other filters cannot
    multiply their input by much and are decoded by pdfminer."""
    from pdfminer.psparser import LIT

    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0, 0
    if stream.decipher and stream.rawdata is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    filters = [f for f, _ in stream.get_filters()]
    flate = filters in ([LIT("FlateDecode")], [LIT("Fl")])
    if filters and not flate:
        try:
            raw = stream.get_data()
        except Exception:  # noqa: BLE001  an unreadable stream is the reader's problem, not a bomb
            return 0, 0
    size = saves = 0
    for chunk in _chunks(raw, flate, limit):
        size += len(chunk)
        saves += len(_SAVE.findall(chunk))
    return size, saves


def _page_streams(page_obj) -> list:
    from pdfminer.pdftypes import PDFStream, resolve1

    streams = [s for s in (resolve1(c) for c in page_obj.contents) if isinstance(s, PDFStream)]
    xobjects = resolve1((resolve1(page_obj.resources) or {}).get("XObject")) or {}
    if isinstance(xobjects, dict):
        for ref in xobjects.values():
            obj = resolve1(ref)
            if isinstance(obj, PDFStream) and getattr(obj.get("Subtype"), "name", None) == "Form":
                streams.append(obj)
    return streams


def check_content(pdf) -> None:
    """Raise :class:`ContentTooLarge` when a page of ``pdf`` (a pdfplumber PDF) unpacks to more
    than :data:`MAX_PAGE_CONTENT` bytes or saves the graphics state more than
    :data:`MAX_PAGE_SAVES` times (nested ``q`` operators cost PDFium memory), or all pages
    together unpack to more than :data:`MAX_TOTAL_CONTENT` bytes."""
    total = 0
    seen: set[int] = set()
    for number, page in enumerate(pdf.pages, start=1):
        size = saves = 0
        for stream in _page_streams(page.page_obj):
            if id(stream) in seen:          # a form shared by every page is unpacked once
                continue
            seen.add(id(stream))
            more, q = measure(stream, MAX_PAGE_CONTENT - size)
            size, saves = size + more, saves + q
            if size > MAX_PAGE_CONTENT:
                raise ContentTooLarge("size", number, MAX_PAGE_CONTENT)
            if saves > MAX_PAGE_SAVES:
                raise ContentTooLarge("saves", number, MAX_PAGE_SAVES)
        total += size
        if total > MAX_TOTAL_CONTENT:
            raise ContentTooLarge("size", None, MAX_TOTAL_CONTENT)
