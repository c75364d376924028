"""Where a command's output goes: the format an ``-o`` name implies, checks made before any work
(a writable place that is not one of the inputs), and writing that fails in one line.

Every failure is an :class:`OutputError` (exit 2): a missing folder, a folder given as the file, no
permission, an output that would overwrite an input, a full disk (``/dev/full``).
"""
from __future__ import annotations

import errno
import os
import sys

from .errors import LocalisedError

#: File-name endings and the format they imply (longest first: ``.sarif.json`` is SARIF).
EXTENSIONS = (
    (".sarif.json", "sarif"), (".sarif", "sarif"), (".json", "json"), (".xlsx", "xlsx"),
    (".html", "html"), (".htm", "html"), (".csv", "csv"), (".md", "md"), (".markdown", "md"),
    (".xml", "junit"), (".txt", "text"), (".yaml", "yaml"), (".yml", "yaml"),
)


class OutputError(LocalisedError):
    """Output that cannot be written: ``cli.KEY`` of ``checks/ui_cli.yaml``."""

    prefix = "cli."


def format_of(name: str | None) -> str | None:
    """The format implied by an output file name, None when its ending implies none."""
    lower = (name or "").lower()
    return next((fmt for ext, fmt in EXTENSIONS if lower.endswith(ext)), None)


def choose_format(given: str | None, output: str | None, allowed, default: str) -> str:
    """``--format`` when given, else the one ``-o``'s ending implies, else ``default``.

    ``-o x.json --format csv`` contradicts itself: an OutputError (bad usage)."""
    implied = format_of(output)
    if implied is not None and implied not in allowed:
        implied = None                      # e.g. -o notes.txt for extract: not a choice here
    if given and implied and given != implied:
        raise OutputError("format_contradicts", output=output, format=given, implied=implied)
    return given or implied or default


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(output: str | None, inputs: list[str] = ()) -> None:
    """Refuse, before the audit, an output that cannot be written or would overwrite an input."""
    if not output or output == "-":
        return
    for item in inputs:
        if item and _same(output, item):
            raise OutputError("output_is_input", output=output)
    if os.path.isdir(output):
        raise OutputError("output_is_folder", output=output)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise OutputError("output_no_folder", output=output, folder=os.path.dirname(output) or ".")
    if os.path.exists(output):
        if not os.access(output, os.W_OK):
            raise OutputError("output_denied", output=output)
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError("output_denied", output=output)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "disk_full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "output_denied"
    if exc.errno == errno.EISDIR:
        return "output_is_folder"
    if exc.errno == errno.ENOENT:
        return "output_no_folder"
    return "write_failed"


def emit(data: str | bytes, output: str | None) -> None:
    """Write ``data`` to ``output`` (or standard output); any failure is one OutputError."""
    where = output or "stdout"
    try:
        if output and output != "-":
            mode = "wb" if isinstance(data, bytes) else "w"
            kwargs = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
            with open(output, mode, **kwargs) as fh:
                fh.write(data)
            return
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data if data.endswith("\n") else data + "\n")
            sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise
    except OSError as exc:
        if not output or output == "-":
            silence_stdout()
        raise OutputError(_reason(exc), output=where, folder=os.path.dirname(where) or ".",
                          reason=exc.strerror or type(exc).__name__) from None


def silence_stdout() -> None:
    """Point standard output at the null device: the interpreter's last flush cannot fail again
    (a second, unhandled error at exit would print a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
