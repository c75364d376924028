"""The files a command line names: files, folders (searched recursively) and glob patterns.

A folder contributes its reports (``.txt``, ``.text``, ``.pdf``, ``.docx``) in a stable order; what
it holds besides (``.doc``, ``.xls``, images, Word's ``~$`` lock files) is listed as skipped, so
the user knows it was not audited, and a folder without any report says so.  Symbolic links to
folders are not followed (no loops); a sub-folder that cannot be read is listed as skipped.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field

REPORT_SUFFIXES = (".txt", ".text", ".pdf", ".docx")


@dataclass
class Inputs:
    paths: list[str] = field(default_factory=list)        # what to audit, in order
    skipped: dict[str, list[str]] = field(default_factory=dict)   # folder -> skipped names
    empty: list[str] = field(default_factory=list)        # folders holding no report at all
    unreadable: list[str] = field(default_factory=list)   # folders that may not be listed


def _is_report(name: str) -> bool:
    return name.lower().endswith(REPORT_SUFFIXES) and not name.startswith("~$")


def _scan(folder: str, out: Inputs) -> None:
    found: list[str] = []
    skipped: list[str] = []

    def unreadable(err: OSError) -> None:     # a folder that may not be listed
        if not err.filename or os.path.abspath(err.filename) == os.path.abspath(folder):
            out.unreadable.append(folder)
        else:
            skipped.append(os.path.relpath(err.filename, folder) + os.sep)

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if _is_report(name) and os.path.isfile(path):
                found.append(path)
            else:
                skipped.append(os.path.relpath(path, folder))
    out.paths.extend(found)
    if skipped:
        out.skipped[folder] = skipped
    if not found and folder not in out.unreadable:
        out.empty.append(folder)


def expand(items: list[str]) -> Inputs:
    """Files as given, folders searched, glob patterns matched (a pattern matching nothing is
    passed on as a name, so the user hears that it was not found)."""
    out = Inputs()
    for item in items:
        if any(ch in item for ch in "*?[") and not os.path.lexists(item):
            matches = sorted(glob.glob(item, recursive=True))
            for match in matches or [item]:
                if os.path.isdir(match):
                    _scan(match, out)
                else:
                    out.paths.append(match)
        elif os.path.isdir(item):
            _scan(item, out)
        else:
            out.paths.append(item)
    return out
