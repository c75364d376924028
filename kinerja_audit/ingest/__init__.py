"""Readers: turn a file into a :class:`~kinerja_audit.document.Document`.

The type is detected from the content (magic bytes), not from the extension alone.
Every failure is an :class:`InputError` carrying a one-line reason; nothing else escapes.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..document import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be audited. ``str(err)`` is the one-line reason (Indonesian)."""

    def __init__(self, source: str, reason_id: str, reason_en: str | None = None):
        super().__init__(reason_id)
        self.source = source
        self.reason_id = reason_id
        self.reason_en = reason_en or reason_id

    def reason(self, lang: str = "id") -> str:
        return self.reason_en if lang == "en" else self.reason_id


def sniff(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"\xd0\xcf\x11\xe0",)):
        return "ole"
    return "text"


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    p = Path(path)
    src = str(path)
    if not p.exists():
        raise InputError(src, "berkas tidak ditemukan", "file not found")
    if p.is_dir():
        raise InputError(src, "ini folder, bukan berkas", "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size == 0:
            raise InputError(src, "berkas kosong", "file is empty")
        if size > max_bytes:
            raise InputError(
                src,
                f"berkas terlalu besar ({size:,} byte; batas {max_bytes:,} byte)".replace(",", "."),
                f"file too large ({size:,} bytes; limit {max_bytes:,} bytes)",
            )
        with p.open("rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise InputError(src, "berkas tidak dapat dibaca (izin ditolak)", "permission denied") from None
    except OSError as exc:
        raise InputError(src, f"berkas tidak dapat dibaca ({exc.strerror})",
                         f"cannot read file ({exc.strerror})") from None
    kind = sniff(head)
    if kind == "pdf":
        from . import pdf
        return pdf.read(p, src, max_bytes)
    if kind == "docx":
        from . import docx
        return docx.read(p, src, max_bytes)
    if kind == "ole":
        raise InputError(src, "format Word lama (.doc) atau berkas terenkripsi tidak didukung; simpan sebagai .docx atau PDF",
                         "legacy Word (.doc) or encrypted file is not supported; save as .docx or PDF")
    from . import text
    return text.read(p, src)
