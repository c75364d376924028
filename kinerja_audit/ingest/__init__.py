"""Readers: turn a file into a :class:`~kinerja_audit.document.Document`.

The file is checked first (:mod:`.files`: what kind of file system object, how large), then its
type is detected from the content (magic bytes), not from the extension alone; every document is
then bounded (:mod:`.limits`: line count, line and token length) and cleaned of page furniture
(:mod:`.layout`: running headers and footers, page numbers) before any parser sees it.
Every failure is an :class:`InputError` carrying a one-line reason; nothing else escapes.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..document import Document
from ..errors import Label, LocalisedError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 500


class InputError(LocalisedError):
    """An input that cannot be audited: a key of ``checks/ui_input.yaml`` (``input.KEY``) and its
    values.  ``reason(lang)`` is the one-line reason in Indonesian (the default) or English."""

    prefix = "input."

    def __init__(self, source: str, key: str, /, **values):
        super().__init__(key, **values)
        self.source = source

    def reason(self, lang: str = "id") -> str:
        return self.message(lang)


# Magic bytes of formats that are certainly not a report this tool reads (label keys format.*).
UNSUPPORTED_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"),
    (b"GIF89a", "gif"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"RIFF", "riff"),
    (b"\x1f\x8b", "gzip"), (b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"{\\rtf", "rtf"), (b"\x7fELF", "elf"),
)
SNIFF_BYTES = 1024


def sniff(head: bytes) -> str:
    """The reader for a file, from its first bytes: pdf, docx (any zip), ole, unsupported, text."""
    if head.lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if unsupported_format(head):
        return "unsupported"
    return "text"


def unsupported_format(head: bytes) -> str | None:
    """The ``format.*`` label key of a known non-report format, else None."""
    for magic, name in UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return f"format.{name}"
    return None


def ole_error(data: bytes, source: str) -> InputError:
    """An OLE container: a password-protected .docx, a legacy .doc, or another old Office file."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(source, "word_encrypted")
    if "WordDocument".encode("utf-16-le") in data:
        return InputError(source, "word_legacy")
    return InputError(source, "office_legacy")


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """The document in ``path``; every reason it cannot be read is an :class:`InputError`."""
    from . import files, layout, limits

    src = str(path)
    p = Path(path)
    data = files.read_bytes(p, src, max_bytes)
    kind = sniff(data[:SNIFF_BYTES])
    if kind == "pdf":
        from . import pdf
        doc = pdf.read(p, src, max_bytes, max_pages=max_pages, data=data)
    elif kind == "docx":
        from . import docx
        doc = docx.read(p, src, max_bytes)
    elif kind == "ole":
        raise ole_error(data, src)
    elif kind == "unsupported":
        raise InputError(src, "unsupported", what=Label(unsupported_format(data[:SNIFF_BYTES])))
    else:
        from . import text
        doc = text.read(data, src)
    return layout.blank_running_lines(limits.bounded(doc))
