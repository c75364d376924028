"""Annotated copies (``check --annotate``): one note per finding, on the words of its evidence.

Inputs are the bundled sample and generated corpus reports with planted defects, rendered as real
DOCX (python-docx) and PDF (reportlab) files.  The copies are read back independently
(:mod:`annotated`): comment ranges in the DOCX XML, annotations and word boxes in the PDF.
"""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import annotated as an
import pytest

from kinerja_audit import annotate
from kinerja_audit.annotate import locate
from kinerja_audit.audit import read_and_audit
from kinerja_audit.ingest import read_document
from kinerja_audit.rules.registry import Context


@pytest.fixture(scope="module")
def docx_inputs(tmp_path_factory):
    return an.sources(tmp_path_factory.mktemp("docx"), "docx")


@pytest.fixture(scope="module")
def pdf_inputs(tmp_path_factory):
    return an.sources(tmp_path_factory.mktemp("pdf"), "pdf")


def annotated_copy(src: Path, out: Path, lang: str = "id", findings=None):
    document, result = read_and_audit(src, Context(lang=lang))
    assert not result.errors, result.errors
    before = an.sha256(src)
    placement = annotate.write(src, out, document, findings or result.findings, lang=lang)
    assert an.sha256(src) == before, "the input was modified"
    return document, result, placement


def lines(path: Path) -> list[tuple[int | None, str]]:
    return [(ln.page, ln.text) for ln in read_document(path).lines]


def evidence_keys(finding) -> set[str]:
    return {an.key(p) for p in locate.phrases(finding.evidence)}


@pytest.mark.parametrize("name", ["sample", "m12", "m11"])
def test_docx_one_comment_per_finding_on_its_words(name, docx_inputs, tmp_path):
    src = docx_inputs[name]
    out = tmp_path / "reviewed.docx"
    _, result, placement = annotated_copy(src, out)
    findings = result.findings
    assert findings
    comments = an.word_comments(out)
    assert len(comments) == len(findings) == placement.total
    assert placement.approximate == 0
    assert placement.start == sum(f.line is None for f in findings)
    first_paragraph = next(text for _, text in lines(src) if text.strip())
    for finding, comment in zip(findings, comments):
        assert comment.author == "kinerja-audit" and comment.initials == "KA"
        assert comment.text.startswith(finding.message)
        assert f"({finding.rule}, " in comment.text
        if finding.line is None:            # a missing chapter: at the start of the document
            assert an.key(comment.anchored) == an.key(first_paragraph)
        else:                               # exactly the words of the evidence, nothing more
            assert an.key(comment.anchored) in evidence_keys(finding), (finding.rule, comment)
    assert lines(out) == lines(src), "the copy's text differs from the original's"


def test_docx_note_fields_in_the_run_language(docx_inputs, tmp_path):
    out = tmp_path / "en.docx"
    _, result, _ = annotated_copy(docx_inputs["sample"], out, lang="en")
    comments = an.word_comments(out)
    ari = next(i for i, f in enumerate(result.findings) if f.rule == "ARI001")
    finding, text = result.findings[ari], comments[ari].text
    assert text.splitlines()[0] == finding.message
    assert f"Found: {finding.found}" in text and f"Expected: {finding.expected}" in text
    assert f"Suggestion: {finding.suggestion}" in text and text.endswith("(ARI001, error)")


def test_docx_runs_are_split_and_keep_their_formatting(tmp_path):
    """The phrase sits inside longer runs of different formatting: the comment covers exactly it."""
    import docx

    src = tmp_path / "runs.docx"
    word = docx.Document()
    p = word.add_paragraph()
    p.add_run("Capaian IK.2 sebesar ")
    bold = p.add_run("97,00 % dari target,")
    bold.bold = True
    p.add_run(" sesuai rencana.")
    word.save(str(src))
    document = read_document(src)
    finding = _finding(line=1, evidence="IK.2 sebesar 97,00 %")
    out = tmp_path / "out.docx"
    placement = annotate.write(src, out, document, [finding])
    assert placement.exact == 1
    (comment,) = an.word_comments(out)
    assert comment.anchored == "IK.2 sebesar 97,00 %"
    runs = docx.Document(str(out)).paragraphs[0].runs
    texts = [(r.text, bool(r.bold)) for r in runs if r.text]
    assert texts == [("Capaian ", False), ("IK.2 sebesar ", False), ("97,00 %", True),
                     (" dari target,", True), (" sesuai rencana.", False)]
    assert lines(out) == lines(src)


def test_docx_overlapping_findings_cut_the_same_run_consistently(tmp_path):
    import docx

    src = tmp_path / "overlap.docx"
    word = docx.Document()
    word.add_paragraph("Realisasi 9 laporan dari target 12 laporan, capaian 133,33%.")
    word.save(str(src))
    document = read_document(src)
    findings = [_finding(line=1, evidence="9 laporan dari target 12"),
                _finding(line=1, evidence="12 laporan, capaian 133,33%"),
                _finding(line=1, evidence="capaian")]
    out = tmp_path / "out.docx"
    assert annotate.write(src, out, document, findings).exact == 3
    assert [c.anchored for c in an.word_comments(out)] == [
        "9 laporan dari target 12", "12 laporan, capaian 133,33%", "capaian"]
    assert lines(out) == lines(src)


def test_docx_page_marks_survive_the_split(tmp_path):
    """A run holding Word's page-break mark is split without losing it: pages read the same."""
    import docx
    from docx.oxml import OxmlElement

    src = tmp_path / "pages.docx"
    word = docx.Document()
    word.add_paragraph("Halaman pertama.")
    p = word.add_paragraph()
    run = p.add_run()
    run._r.append(OxmlElement("w:lastRenderedPageBreak"))
    t = OxmlElement("w:t")
    t.text = "Capaian IK.3 sebesar 108,33 % pada halaman dua."
    run._r.append(t)
    word.save(str(src))
    document = read_document(src)
    assert [ln.page for ln in document.lines] == [1, 2]
    out = tmp_path / "out.docx"
    annotate.write(src, out, document, [_finding(line=2, evidence="108,33 %")])
    assert an.word_comments(out)[0].anchored == "108,33 %"
    assert lines(out) == lines(src)


def test_damaged_evidence_falls_back_to_the_paragraph(docx_inputs, tmp_path):
    src = docx_inputs["sample"]
    document, result = read_and_audit(src)
    target = next(f for f in result.findings if f.rule == "NPD001")
    damaged = [dataclasses.replace(f, evidence="t#r!w@l%n") if f is target else f
               for f in result.findings]
    out = tmp_path / "damaged.docx"
    placement = annotate.write(src, out, document, damaged)
    assert placement.approximate == 1 and placement.total == len(damaged)
    comment = an.word_comments(out)[result.findings.index(target)]
    paragraph = document.lines[target.line - 1].text
    assert an.key(comment.anchored) == an.key(paragraph)
    assert "Letak perkiraan" in comment.text and "t#r!w@l%n" in comment.text


@pytest.mark.parametrize("name", ["sample", "m12", "m11"])
def test_pdf_one_highlight_per_finding_on_its_words(name, pdf_inputs, tmp_path):
    src = pdf_inputs[name]
    out = tmp_path / "reviewed.pdf"
    _, result, placement = annotated_copy(src, out)
    findings = result.findings
    notes = an.pdf_notes(out)
    assert len(notes) == len(findings) == placement.total
    assert placement.approximate == 0
    by_name = {n.name: n for n in notes}
    assert len(by_name) == len(notes)
    for number, finding in enumerate(findings, start=1):
        note = by_name[f"kinerja-audit-{number}"]
        assert note.text.startswith(finding.message)
        assert note.text.endswith(f"({finding.rule}, {_sev(finding)})")
        assert note.author == "kinerja-audit" and note.has_popup
        if finding.line is None:
            assert (note.page, note.subtype) == (1, "/Text")
            continue
        assert note.subtype == "/Highlight" and note.page == finding.page
        under = an.words_under(out, note).split()
        wanted = Counter(t for t in (an.key(x) for x in finding.evidence.split()) if t)
        got = Counter(an.key(t) for t in under)
        assert got and not got - wanted, (finding.rule, under, finding.evidence)
        assert sum(got.values()) * 2 >= min(sum(wanted.values()), 6)
    assert lines(out) == lines(src), "the copy's text differs from the original's"


def test_pdf_damaged_evidence_highlights_its_line(pdf_inputs, tmp_path):
    src = pdf_inputs["sample"]
    document, result = read_and_audit(src)
    target = next(f for f in result.findings if f.rule == "NUM001")
    damaged = [dataclasses.replace(f, evidence="x?y?z?q") if f is target else f
               for f in result.findings]
    out = tmp_path / "damaged.pdf"
    placement = annotate.write(src, out, document, damaged)
    assert placement.approximate == 1
    note = next(n for n in an.pdf_notes(out) if n.text.startswith(target.message))
    assert note.subtype == "/Highlight"
    assert an.key(an.words_under(out, note)) == an.key(document.lines[target.line - 1].text)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_draft_same_copy(fmt, docx_inputs, pdf_inputs, tmp_path):
    src = {"docx": docx_inputs, "pdf": pdf_inputs}[fmt]["m12"]
    document, result = read_and_audit(src)
    first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    annotate.write(src, first, document, result.findings)
    annotate.write(src, second, document, result.findings)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_findings_without_evidence_or_outside_the_text_still_get_a_note(fmt, docx_inputs,
                                                                         pdf_inputs, tmp_path):
    src = {"docx": docx_inputs, "pdf": pdf_inputs}[fmt]["sample"]
    document, result = read_and_audit(src)
    line = next(f.line for f in result.findings if f.line)
    odd = [dataclasses.replace(result.findings[0], evidence=None, line=line),
           dataclasses.replace(result.findings[0], evidence="", line=10**6, page=None),
           dataclasses.replace(result.findings[0], evidence="tidak ada di mana pun", line=None)]
    out = tmp_path / f"odd.{fmt}"
    placement = annotate.write(src, out, document, odd)
    assert placement.total == 3 and placement.exact == 0
    found = an.word_comments(out) if fmt == "docx" else an.pdf_notes(out)
    assert len(found) == 3
    assert lines(out) == lines(src)


def test_copy_never_overwrites_its_input(docx_inputs, tmp_path):
    src = tmp_path / "draft.docx"
    shutil.copy(docx_inputs["sample"], src)
    document, result = read_and_audit(src)
    with pytest.raises(annotate.AnnotateError):
        annotate.write(src, src, document, result.findings)
    with pytest.raises(annotate.AnnotateError):
        annotate.write(src, tmp_path / "draft.pdf", document, result.findings)
    assert an.sha256(src) == an.sha256(docx_inputs["sample"])


def _cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "kinerja_audit", *map(str, args)],
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_annotates_one_file_and_says_how(docx_inputs, tmp_path):
    out = tmp_path / "reviewed.docx"
    proc = _cli("check", docx_inputs["sample"], "--annotate", out, "--author", "Inspektorat",
                "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr          # the sample has errors
    assert f"{out}: 12 catatan: 11 tepat pada kata buktinya, 0 ditempatkan perkiraan" in proc.stderr
    comments = an.word_comments(out)
    assert len(comments) == 12 and {c.author for c in comments} == {"Inspektorat"}


def test_author_from_the_configuration(docx_inputs, tmp_path):
    (tmp_path / "kinerja-audit.yaml").write_text("annotate_author: Inspektorat Daerah\n",
                                                 encoding="utf-8")
    out = tmp_path / "reviewed.docx"
    assert _cli("check", docx_inputs["m11"], "--annotate", out, cwd=tmp_path).returncode == 1
    comments = an.word_comments(out)
    assert {(c.author, c.initials) for c in comments} == {("Inspektorat Daerah", "ID")}


def test_cli_annotates_a_batch_into_a_folder(docx_inputs, pdf_inputs, tmp_path):
    folder = tmp_path / "reviu"
    text = an.SAMPLE
    proc = _cli("check", docx_inputs["m12"], pdf_inputs["m12"], text, "--annotate", folder,
                cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["m12.docx", "m12.pdf"]
    assert "teks polos tidak diberi salinan beranotasi" in proc.stderr
    assert len(an.word_comments(folder / "m12.docx")) > 0
    assert len(an.pdf_notes(folder / "m12.pdf")) > 0


def test_cli_refuses_to_overwrite_an_input(docx_inputs, tmp_path):
    src = tmp_path / "draft.docx"
    shutil.copy(docx_inputs["sample"], src)
    before = an.sha256(src)
    assert _cli("check", src, "--annotate", src, cwd=tmp_path).returncode == 2
    proc = _cli("check", src, "--annotate", ".", cwd=tmp_path)     # the input's own folder
    assert proc.returncode == 2 and "tidak boleh menimpa" in proc.stderr
    proc = _cli("check", src, "--annotate", "reviewed.pdf", cwd=tmp_path)
    assert proc.returncode == 2 and "berakhiran .docx" in proc.stderr
    assert an.sha256(src) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def _sev(finding) -> str:
    from kinerja_audit import i18n

    return i18n.severity(finding.severity, "id")


def _finding(line: int, evidence: str):
    from kinerja_audit.findings import Finding

    return Finding(rule="ARI001", category="arithmetic", severity="error", indicator="IK.2",
                   page=None, line=line, message="Capaian tidak sesuai.", expected="95,00 %",
                   found="97,00 %", evidence=evidence, suggestion="Perbaiki capaian.")
