"""The reviewed copy: the draft with one note per finding, on the words of its evidence.

``write(source, target, document, findings, lang=..., author=...)`` writes a copy of a DOCX (Word
comments, :mod:`.docx`) or a PDF (highlight annotations with a pop-up note, :mod:`.pdf`) and
returns how each finding was placed.  The source is only read; the copy's text is the source's.
A finding whose evidence is found is anchored on exactly those words; one whose evidence cannot be
found (damaged text) is anchored on its paragraph or line and counted as approximate; one with no
place in the text (a missing chapter) goes to the start of the document (page 1 of a PDF).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import i18n

DEFAULT_AUTHOR = "kinerja-audit"
SUFFIXES = {"docx": ".docx", "pdf": ".pdf"}


class AnnotateError(Exception):
    """The copy cannot be written (a text input, the target is the input...): one line."""


@dataclass
class Placement:
    """How the notes of one copy were placed."""

    exact: int = 0          # on the words of the evidence
    approximate: int = 0    # on the paragraph or line: evidence not found as written
    start: int = 0          # no place in the text: at the start of the document / on page 1

    @property
    def total(self) -> int:
        return self.exact + self.approximate + self.start

    def summary(self, lang: str) -> str:
        return i18n.label("annotate.placed", lang, total=self.total, exact=self.exact,
                          approximate=self.approximate, start=self.start)


def initials(author: str) -> str:
    letters = [w[0] for w in author.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(letters[:3]).upper() or "KA"


def note(finding, lang: str, approximate: bool = False) -> str:
    """The note of a finding: message, what is written, what it should be, the suggestion."""
    lines = [finding.message]
    for key in ("found", "expected", "suggestion"):
        value = getattr(finding, key)
        if value not in (None, ""):
            lines.append(f"{i18n.label('field.' + key, lang)}: {value}")
    if approximate and finding.evidence:
        lines.append(i18n.label("annotate.approximate", lang, evidence=finding.evidence))
    lines.append(f"({finding.rule}, {i18n.severity(finding.severity, lang)})")
    return "\n".join(lines)


def target_for(source: str, kind: str, annotate: str, batch: bool) -> Path:
    """Where the copy of ``source`` goes: ``annotate`` itself, or a file in the folder ``annotate``."""
    out = Path(annotate)
    if batch or out.is_dir():
        return out / Path(source).name
    if out.suffix.lower() != SUFFIXES[kind]:
        raise AnnotateError(i18n.label("annotate.wrong_suffix", "id", suffix=SUFFIXES[kind]))
    return out


def write(source: str | os.PathLike, target: str | os.PathLike, document, findings,
          *, lang: str = "id", author: str = DEFAULT_AUTHOR) -> Placement:
    """Write the annotated copy of ``source`` (read as ``document``) to ``target``."""
    src, dst = Path(source), Path(target)
    kind = document.format
    if kind not in SUFFIXES:
        raise AnnotateError(i18n.label("annotate.not_annotatable", lang))
    if dst.exists() and (dst.is_dir() or os.path.samefile(src, dst)):
        raise AnnotateError(i18n.label("annotate.same_file", lang, target=str(dst)))
    if kind == "docx":
        from .docx import annotate
    else:
        from .pdf import annotate
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".kinerja-audit-", suffix=dst.suffix)
    os.close(fd)
    try:
        placement = annotate(src, Path(tmp), document, findings, lang=lang, author=author)
        os.chmod(tmp, 0o644)            # mkstemp made it private; the copy is an ordinary file
        os.replace(tmp, dst)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return placement
