"""One guard for every zip container the tool opens (DOCX reports, XLSX PK workbooks).

The central directory is read (cheap: no member is unpacked) and the archive is refused before
any library unpacks it when it is a zip bomb: more than :data:`MAX_MEMBERS` members, a declared
unpacked size above the limit, or a large member that unpacks to more than :data:`MAX_MEMBER_RATIO`
times its compressed size (Office XML compresses about tenfold).  Declared sizes cannot lie to
the libraries: :mod:`zipfile`, which python-docx and openpyxl unpack with, never returns more
than a member's declared size.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
UNPACK_FACTOR = 20              # unpacked size limit = min(UNPACK_FACTOR x file limit, 200 MB)
MAX_MEMBER_RATIO = 200
MAX_MEMBERS = 10_000
_RATIO_FLOOR = 1024 * 1024      # members smaller than this may compress as well as they like


class ZipRefused(Exception):
    """The archive is not a sound zip, or is a zip bomb: ``key`` and values for the message."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values


def unpack_limit(max_bytes: int) -> int:
    return min(UNPACK_FACTOR * max_bytes, MAX_UNPACKED_BYTES)


def members(path: Path, max_bytes: int) -> list[zipfile.ZipInfo]:
    """The members of a zip that is safe to unpack; :class:`ZipRefused` otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except Exception:  # noqa: BLE001  BadZipFile, NotImplementedError, UnicodeDecodeError...
        raise ZipRefused("zip_corrupt") from None
    if len(infos) > MAX_MEMBERS:
        raise ZipRefused("zip_members", members=len(infos), limit=MAX_MEMBERS)
    limit = unpack_limit(max_bytes)
    unpacked = sum(m.file_size for m in infos)
    if unpacked > limit:
        raise ZipRefused("zip_bomb", unpacked=unpacked, limit=limit)
    for m in infos:
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_MEMBER_RATIO * max(m.compress_size, 1):
            raise ZipRefused("zip_ratio", member=m.filename,
                             ratio=m.file_size // max(m.compress_size, 1))
    return infos
