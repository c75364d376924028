"""Receiving an upload: the multipart body streamed into a private folder, within limits.

python-multipart parses the body as it arrives and writes each file straight into the request's
own folder (made by :func:`tempfile.mkdtemp`: readable by this user only) under a random name;
the name the browser sent is kept only to be shown, never used as a path.  The body is counted as
it streams: past the size or file-count limit the upload stops at once.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("lang", "pk_basis")
MAX_FIELD_BYTES = 100
MAX_NAME = 120
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class UploadRefused(Exception):
    """The upload breaks a limit or is not a form upload; ``key`` names the label,
    ``values`` fill it."""

    def __init__(self, key: str, status: int = 400, **values):
        super().__init__(key)
        self.key, self.status, self.values = key, status, values


@dataclass
class Upload:
    name: str                # as the browser named it: for display only
    path: Path               # inside the private folder, a random name
    size: int


@dataclass
class Form:
    reports: list[Upload] = field(default_factory=list)
    pk: Upload | None = None
    fields: dict[str, str] = field(default_factory=dict)


def display_name(raw: bytes | str | None) -> str:
    """The browser's file name, reduced to a harmless label: last path part, no control or
    direction-changing characters, at most :data:`MAX_NAME` characters."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else (raw or "")
    text = _UNSAFE.sub("", text.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return text[:MAX_NAME] or "-"


async def receive(request, folder: Path, *, max_files: int, max_bytes: int) -> Form:
    """Parse the multipart body of ``request`` into ``folder``.

    ``max_files`` report files of at most ``max_bytes`` each, plus one PK file; the whole body at
    most the sum of those and a little for the form itself.
    """
    from python_multipart import FormParser
    from python_multipart.multipart import parse_options_header

    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not params.get(b"boundary"):
        raise UploadRefused("web.bad_request")
    limit = (max_files + 1) * max_bytes + 64 * 1024
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise UploadRefused("web.too_large", 413, limit=_mb(limit))

    form = Form()
    files: list = []

    def on_file(file) -> None:
        files.append(file)

    def on_field(item) -> None:
        name = (item.field_name or b"").decode("ascii", "replace")
        value = (item.value or b"")[:MAX_FIELD_BYTES].decode("utf-8", "replace")
        if name in FIELDS:
            form.fields[name] = value

    parser = FormParser("multipart/form-data", on_field, on_file,
                        boundary=params[b"boundary"],
                        config={"UPLOAD_DIR": str(folder), "UPLOAD_DELETE_TMP": False,
                                "UPLOAD_KEEP_FILENAME": False, "MAX_MEMORY_FILE_SIZE": 0,
                                "MAX_FIELDS": 10, "MAX_FIELD_SIZE": MAX_FIELD_BYTES})
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise UploadRefused("web.too_large", 413, limit=_mb(limit))
            parser.write(chunk)
            if sum(f.field_name == b"reports" for f in files) > max_files:
                raise UploadRefused("web.too_many", 413, count=max_files)
        parser.finalize()
        for index, file in enumerate(files):
            upload = _upload(file, folder, index)
            if upload is None:
                continue
            if file.field_name == b"pk" and form.pk is None:
                form.pk = upload
            elif file.field_name == b"reports":
                form.reports.append(upload)
    except UploadRefused:
        raise
    except Exception:  # noqa: BLE001  a malformed body: python-multipart raises several kinds
        raise UploadRefused("web.bad_request") from None
    finally:
        for file in files:
            file.close()
    return form


def _upload(file, folder: Path, index: int) -> Upload | None:
    """The stored file of one part, or None for a file input left empty (no file chosen)."""
    if not file.file_name and file.size == 0:
        if file.actual_file_name:
            Path(os.fsdecode(file.actual_file_name)).unlink(missing_ok=True)
        return None
    if file.actual_file_name is None:      # an empty file stays in memory: give it its place
        path = folder / f"empty-{index}"
        path.write_bytes(file.file_object.getvalue())
    else:
        path = Path(os.fsdecode(file.actual_file_name))
    return Upload(display_name(file.file_name), path, file.size)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
