"""Word comments on a copy of a DOCX, anchored on exactly the words of each finding's evidence.

The copy is opened with python-docx and read again with the reader's own
:class:`~kinerja_audit.ingest.docx.BodyReader`, whose source map (``origins``) gives for each line
of the audited document its paragraph (``w:p``) or table row (``w:tr``).  The runs of those
elements are the pieces :mod:`.locate` searches.  A comment can only start and end on a run
boundary (python-docx's ``Document.add_comment(runs, ...)``), and python-docx has no way to split a
run, so :func:`split_run` does that one thing in the XML: the run is copied and its content
children divided between the two copies, formatting (``w:rPr``) kept on both.  Nothing else in the
document changes; the comment marks hold no text, so the copy reads exactly like the original.
"""
from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from ..ingest.docx import BodyReader
from ..ingest.wordml import W
from . import Placement, initials, locate, note

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# How far (in lines) the evidence may be from the finding's line and still be its evidence.
NEAR_LINES = 60
_TEXT_BREAKS = {None, "textWrapping"}


def child_text(child) -> str:
    """The text one child of a ``w:r`` contributes (what python-docx's ``Run.text`` shows)."""
    tag = child.tag
    if tag == W + "t":
        return child.text or ""
    if tag in (W + "tab", W + "ptab"):
        return "\t"
    if tag == W + "br":
        return "\n" if child.get(W + "type") in _TEXT_BREAKS else ""
    if tag == W + "cr":
        return "\n"
    if tag == W + "noBreakHyphen":
        return "-"
    return ""


def run_text(r) -> str:
    return "".join(child_text(c) for c in r)


def split_run(r, offset: int):
    """Split the run ``r`` before character ``offset``; returns the new second run (after ``r``).

    Children before the split stay in ``r``, the others move to a copy inserted after it; a
    ``w:t`` that the split falls inside is cut in two.  Both runs keep ``w:rPr``.
    """
    second = copy.deepcopy(r)
    kids, twins = list(r), list(second)          # the same children, in the same order
    pos, cut, inner = 0, len(kids), 0
    for i, child in enumerate(kids):
        if child.tag == W + "rPr":
            continue
        text = child_text(child)
        if pos + len(text) > offset:
            cut, inner = i, offset - pos
            break
        pos += len(text)
    first_keeps = cut
    if inner > 0:                                # inside a w:t (the only child longer than 1)
        text = kids[cut].text
        kids[cut].text, twins[cut].text = text[:inner], text[inner:]
        for t in (kids[cut], twins[cut]):
            t.set(XML_SPACE, "preserve")
        first_keeps = cut + 1
    for child in kids[first_keeps:]:
        if child.tag != W + "rPr":
            r.remove(child)
    for child in twins[:cut]:
        if child.tag != W + "rPr":
            second.remove(child)
    r.addnext(second)
    return second


class Cuts:
    """Split points per run, applied once, so overlapping findings cut the same run consistently."""

    def __init__(self, runs: list):
        self.runs = runs
        self.points: dict[int, set[int]] = {}
        self.pieces: dict[int, list[tuple[int, object]]] = {}

    def add(self, run: int, offset: int) -> None:
        if 0 < offset < len(run_text(self.runs[run])):
            self.points.setdefault(run, set()).add(offset)

    def apply(self) -> None:
        for run, offsets in self.points.items():
            r = self.runs[run]
            pieces = []
            for offset in sorted(offsets, reverse=True):      # cut from the end: r stays first
                pieces.append((offset, split_run(r, offset)))
            pieces.append((0, r))
            self.pieces[run] = sorted(pieces, key=lambda x: x[0])

    def starting(self, run: int, offset: int):
        """The piece of ``run`` that starts at ``offset``."""
        for start, element in reversed(self.pieces.get(run, [(0, self.runs[run])])):
            if start <= offset:
                return element
        raise AssertionError("no piece")

    def ending(self, run: int, end: int):
        """The piece of ``run`` that ends at ``end`` (exclusive)."""
        return self.starting(run, end - 1)


class RunMap:
    """The runs of the body in reading order, each with the lines of the element it belongs to."""

    def __init__(self, body_reader: BodyReader):
        self.runs: list = []            # w:r elements
        self.lines: list[tuple[int, int]] = []    # (first, last) line of its paragraph/row
        self.by_line: dict[int, tuple[int, int]] = {}   # line -> (first, last) run index
        spans: dict[int, list[int]] = {}
        order: list = []
        for no, origin in enumerate(body_reader.origins, start=1):
            if origin is None:
                continue
            key = id(origin)
            if key not in spans:
                spans[key] = [no, no]
                order.append(origin)
            spans[key][1] = no
        for origin in order:
            first_line, last_line = spans[id(origin)]
            start = len(self.runs)
            for r in element_runs(origin):
                self.runs.append(r)
                self.lines.append((first_line, last_line))
            if len(self.runs) > start:
                for no in range(first_line, last_line + 1):
                    self.by_line[no] = (start, len(self.runs) - 1)
        self.index = locate.Index([run_text(r) for r in self.runs])

    def distance(self, span: locate.Span, line: int) -> float:
        lo, hi = self.lines[span.first][0], self.lines[span.last][1]
        return 0 if lo <= line <= hi else min(abs(line - lo), abs(line - hi))

    def around(self, line: int) -> tuple[int, int] | None:
        """The runs of the paragraph or row of ``line``, or of the nearest line that has runs."""
        for step in range(NEAR_LINES):
            for no in (line - step, line + step):
                if no in self.by_line:
                    return self.by_line[no]
        return None


def element_runs(element) -> list:
    """The text runs of a paragraph, or of the cells of a table row (merged-on cells skipped).

    Runs inside text boxes, deleted text and moved-away text are left out: a comment range
    cannot sensibly start there.
    """
    if element.tag == W + "tr":
        out = []
        for tc in element.iter(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                continue
            for p in tc.iter(W + "p"):
                out.extend(element_runs(p))
        return out
    runs = []
    for r in element.iter(W + "r"):
        ancestors = {a.tag for a in r.iterancestors()}
        if ancestors & {W + "txbxContent", W + "del", W + "moveFrom"}:
            continue
        if run_text(r):
            runs.append(r)
    return runs


def annotate(
    source: Path, target: Path, document, findings, *, lang: str, author: str
) -> Placement:
    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    word = docx.Document(str(source))
    reader = BodyReader(word)
    reader.read()
    runs = RunMap(reader)
    placement = Placement()
    anchors = []               # (span, finding, approximate)
    for finding in findings:
        span = _locate(runs, finding) if finding.line is not None else None
        if span is not None:
            placement.exact += 1
            anchors.append((span, finding, False))
            continue
        around = runs.around(finding.line) if finding.line is not None else None
        approximate = around is not None
        if approximate:
            placement.approximate += 1
        else:                  # no place in the text: on the first paragraph of the document
            around = runs.by_line[min(runs.by_line)]
            placement.start += 1
        span = locate.Span(around[0], 0, around[1], len(run_text(runs.runs[around[1]])))
        anchors.append((span, finding, approximate))
    cuts = Cuts(runs.runs)
    for span, _finding, _approximate in anchors:
        cuts.add(span.first, span.start)
        cuts.add(span.last, span.end)
    cuts.apply()
    who = initials(author)
    for span, finding, approximate in anchors:
        first, last = cuts.starting(span.first, span.start), cuts.ending(span.last, span.end)
        paragraph = Paragraph(first.getparent(), word._body)
        comment = word.add_comment([Run(first, paragraph), Run(last, paragraph)],
                                   text=note(finding, lang, approximate=approximate),
                                   author=author, initials=who)
        comment._comment_elm.date = None      # deterministic copy: no clock time in it
    buffer = io.BytesIO()
    word.save(buffer)
    _write_stable_zip(buffer, target)
    return placement


def _write_stable_zip(buffer: io.BytesIO, target: Path) -> None:
    """The package as python-docx wrote it, with every member dated 1980-01-01 (no clock time),
    so the same draft and findings always give the same bytes."""
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w") as out:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            out.writestr(info, source.read(member.filename))


def _locate(runs: RunMap, finding) -> locate.Span | None:
    """The span of the evidence nearest the finding's line, or None."""
    for phrase in locate.phrases(finding.evidence):
        span = locate.best(runs.index.find_all(phrase), lambda s: runs.distance(s, finding.line),
                           NEAR_LINES)
        if span is not None:
            return span
    return None
