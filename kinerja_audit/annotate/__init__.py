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


def targets(paths: list[str], annotate: str) -> tuple[list[Path], bool]:
    """Where each input's copy goes, and whether ``annotate`` is a folder (one copy per input).

    ``annotate`` is a folder when it exists as one, ends with a path separator, or there are
    several inputs.  In a folder each copy keeps its input's name; two inputs with the same name
    get ``-2``, ``-3``... so no copy overwrites another.
    """
    out = Path(annotate)
    batch = len(paths) > 1 or out.is_dir() or annotate.endswith(("/", os.sep))
    if not batch:
        return [out], False
    seen: dict[str, int] = {}
    names = []
    for path in paths:
        name = Path(path).name
        count = seen.get(name.lower(), 0) + 1
        seen[name.lower()] = count
        names.append(
            out / (name if count == 1 else f"{Path(name).stem}-{count}{Path(name).suffix}")
        )
    return names, True


@dataclass
class Reviewed:
    """One input audited and, when it could be, annotated."""

    result: object                   # ReportResult
    target: Path | None = None       # the copy written
    placement: Placement | None = None
    problem: str | None = None       # why no copy was written
    failed: bool = False             # the copy was asked for and could not be written


def review(path: str, target: Path, batch: bool, ctx, rule_ids, *, max_bytes: int, max_pages: int,
           author: str = DEFAULT_AUTHOR) -> Reviewed:
    """Audit ``path`` and write its annotated copy to ``target`` (in a folder: its own suffix)."""
    from ..audit import read_and_audit

    document, result = read_and_audit(path, ctx, rule_ids, max_bytes, max_pages)
    if document is None or result.errors:
        return Reviewed(result)
    if document.format not in SUFFIXES:
        return Reviewed(result, problem=i18n.label("annotate.not_annotatable", ctx.lang),
                        failed=not batch)
    if batch:
        target = target.with_suffix(SUFFIXES[document.format])
    try:
        placement = write(path, target, document, result.findings, lang=ctx.lang, author=author)
    except AnnotateError as err:
        return Reviewed(result, problem=str(err), failed=True)
    except OSError as err:
        return Reviewed(result, problem=f"{target}: {err.strerror or err}", failed=True)
    except Exception as exc:  # noqa: BLE001  python-docx/pypdf on an odd file: this file's problem
        return Reviewed(result, problem=i18n.label("annotate.failed", ctx.lang,
                                                   reason=f"{type(exc).__name__}: {exc}"),
                        failed=True)
    return Reviewed(result, target=target, placement=placement)


def write(source: str | os.PathLike, target: str | os.PathLike, document, findings,
          *, lang: str = "id", author: str = DEFAULT_AUTHOR) -> Placement:
    """Write the annotated copy of ``source`` (read as ``document``) to ``target``."""
    src, dst = Path(source), Path(target)
    kind = document.format
    if kind not in SUFFIXES:
        raise AnnotateError(i18n.label("annotate.not_annotatable", lang))
    if dst.suffix.lower() != SUFFIXES[kind]:
        raise AnnotateError(i18n.label("annotate.wrong_suffix", lang, suffix=SUFFIXES[kind]))
    if dst.exists() and (dst.is_dir() or os.path.samefile(src, dst)):
        raise AnnotateError(i18n.label("annotate.same_file", lang, target=str(dst)))
    if kind == "docx":
        from .docx import annotate
    else:
        from .pdf import annotate
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
