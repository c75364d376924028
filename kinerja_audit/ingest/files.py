"""What a path names, and its bytes: the one place an input file is opened.

Every way a path can fail — missing, a broken or looping symbolic link, a name too long for the
file system, a folder that may not be entered, a folder, a named pipe, a device, a socket, a file
larger than the limit — is an :class:`~kinerja_audit.ingest.InputError` with its own reason, never
an ``OSError`` (nor a read that blocks on a pipe or never ends on ``/dev/zero``).
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def _os_error(exc: OSError, path: Path, source: str):
    from . import InputError

    code = exc.errno
    if code == errno.ENOENT:
        return InputError(source, "broken_link" if os.path.islink(path) else "not_found")
    if code == errno.ELOOP:
        return InputError(source, "link_loop")
    if code == errno.ENAMETOOLONG:
        return InputError(source, "name_too_long")
    if code == errno.ENOTDIR:
        return InputError(source, "not_a_folder")
    if code in (errno.EACCES, errno.EPERM):
        return InputError(source, "denied" if _folder_readable(path) else "folder_denied")
    return InputError(source, "os_error", reason=exc.strerror or type(exc).__name__)


def _folder_readable(path: Path) -> bool:
    try:
        os.stat(path.parent if str(path.parent) else ".")
        return os.access(path.parent if str(path.parent) else ".", os.X_OK)
    except OSError:
        return False


def regular_file(path: Path, source: str) -> os.stat_result:
    """``stat`` of ``path`` when it is a regular file (symbolic links followed), else InputError."""
    from ..errors import Label
    from . import InputError

    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(exc, path, source) from None
    except ValueError:        # an embedded NUL byte in the name
        raise InputError(source, "not_found") from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return info
    if stat.S_ISDIR(mode):
        raise InputError(source, "directory")
    if stat.S_ISFIFO(mode):
        raise InputError(source, "fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError(
            source,
            "device",
            what=Label("input.device_char" if stat.S_ISCHR(mode) else "input.device_block"),
        )
    if stat.S_ISSOCK(mode):
        raise InputError(source, "socket")
    raise InputError(source, "special")


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The whole content of a regular file of at most ``max_bytes`` bytes (checked twice: by its
    size before reading, and by what was read, for a file that grows meanwhile)."""
    from . import InputError

    size = regular_file(path, source).st_size
    if size == 0:
        raise InputError(source, "empty")
    if size > max_bytes:
        raise InputError(source, "too_large", size=size, limit=max_bytes)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _os_error(exc, path, source) from None
    if len(data) > max_bytes:
        raise InputError(source, "too_large", size=len(data), limit=max_bytes)
    if not data:
        raise InputError(source, "empty")
    return data
