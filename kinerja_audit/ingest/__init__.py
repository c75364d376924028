"""Readers: turn a file into a :class:`~kinerja_audit.document.Document`.

The type is detected from the content (magic bytes), not from the extension alone.
Every failure is an :class:`InputError` carrying a one-line reason; nothing else escapes.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..document import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 500


class InputError(Exception):
    """An input that cannot be audited. ``str(err)`` is the one-line reason (Indonesian)."""

    def __init__(self, source: str, reason_id: str, reason_en: str | None = None):
        super().__init__(reason_id)
        self.source = source
        self.reason_id = reason_id
        self.reason_en = reason_en or reason_id

    def reason(self, lang: str = "id") -> str:
        return self.reason_en if lang == "en" else self.reason_id


# Magic bytes of formats that are certainly not a report this tool reads.
UNSUPPORTED_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "gambar PNG", "PNG image"),
    (b"\xff\xd8\xff", "gambar JPEG", "JPEG image"),
    (b"GIF87a", "gambar GIF", "GIF image"),
    (b"GIF89a", "gambar GIF", "GIF image"),
    (b"II*\x00", "gambar TIFF", "TIFF image"),
    (b"MM\x00*", "gambar TIFF", "TIFF image"),
    (b"RIFF", "berkas RIFF (WebP/AVI/WAV)", "RIFF file (WebP/AVI/WAV)"),
    (b"\x1f\x8b", "arsip gzip", "gzip archive"),
    (b"Rar!\x1a\x07", "arsip RAR", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "arsip 7z", "7z archive"),
    (b"{\\rtf", "dokumen RTF", "RTF document"),
    (b"\x7fELF", "program (ELF)", "executable (ELF)"),
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


def unsupported_format(head: bytes) -> tuple[str, str] | None:
    """(Indonesian, English) name of a known non-report format, else None."""
    for magic, name_id, name_en in UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return name_id, name_en
    return None


def ole_error(path: Path, source: str, max_bytes: int) -> InputError:
    """An OLE container: a password-protected .docx, a legacy .doc, or another old Office file."""
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes)
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(source, "dokumen Word terenkripsi (dilindungi kata sandi); buka kuncinya "
                                  "lalu simpan ulang sebagai .docx tanpa kata sandi",
                          "encrypted (password-protected) Word document; unlock it and save it "
                          "as .docx without a password")
    if "WordDocument".encode("utf-16-le") in data:
        return InputError(source, "format Word lama (.doc) tidak didukung; simpan sebagai .docx atau PDF",
                          "legacy Word (.doc) format is not supported; save as .docx or PDF")
    return InputError(source, "format Office lama atau berkas terenkripsi tidak didukung; simpan "
                              "sebagai .docx atau PDF",
                      "legacy Office or encrypted file is not supported; save as .docx or PDF")


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int = DEFAULT_MAX_PAGES) -> Document:
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
            head = fh.read(SNIFF_BYTES)
    except PermissionError:
        raise InputError(src, "berkas tidak dapat dibaca (izin ditolak)", "permission denied") from None
    except OSError as exc:
        raise InputError(src, f"berkas tidak dapat dibaca ({exc.strerror})",
                         f"cannot read file ({exc.strerror})") from None
    kind = sniff(head)
    if kind == "pdf":
        from . import pdf
        return pdf.read(p, src, max_bytes, max_pages=max_pages)
    if kind == "docx":
        from . import docx
        return docx.read(p, src, max_bytes)
    if kind == "ole":
        raise ole_error(p, src, max_bytes)
    if kind == "unsupported":
        name_id, name_en = unsupported_format(head)
        raise InputError(src, f"format tidak didukung ({name_id}); gunakan PDF, DOCX atau teks",
                         f"unsupported format ({name_en}); use PDF, DOCX or text")
    from . import text
    try:
        return text.read(p, src)
    except UnicodeError as exc:     # e.g. a UTF-16 byte-order mark followed by an odd byte count
        raise InputError(src, f"teks tidak dapat didekode ({exc.encoding})",
                         f"text cannot be decoded ({exc.encoding})") from None
