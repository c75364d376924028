"""DOCX reader: document order, Word tables as pipe rows, merged cells, pages, list numbers."""
from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit.audit import audit_path
from kinerja_audit.ingest import InputError, read_document
from kinerja_audit.ingest.numbering import format_number
from tests.corpus.render_binary import render_docx


def texts(path) -> list[str]:
    return [ln.text for ln in read_document(path).lines]


def indicator_table(document, rows):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


# --------------------------------------------------------------------------- order and tables
def test_paragraphs_and_tables_in_document_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tabel 1 : Capaian Kinerja IK.1")
    indicator_table(d, [["Kode", "Indikator", "Target", "Realisasi", "Capaian"],
                        ["IK.1", "Jumlah laporan\nyang diselesaikan", "3 laporan", "3 laporan",
                         "100,00 %"]])
    d.add_paragraph("Capaian IK.1 sesuai target.")
    d.save(tmp_path / "order.docx")
    assert texts(tmp_path / "order.docx") == [
        "Tabel 1 : Capaian Kinerja IK.1",
        "",
        "| Kode | Indikator | Target | Realisasi | Capaian |",
        "| IK.1 | Jumlah laporan yang diselesaikan | 3 laporan | 3 laporan | 100,00 % |",
        "",
        "Capaian IK.1 sesuai target.",
    ]


def test_merged_cells_written_once_and_columns_kept(tmp_path):
    d = docx.Document()
    t = indicator_table(d, [["No", "Sasaran", "Indikator", "Target", "Realisasi"],
                            ["Sasaran 1: Meningkatnya kualitas layanan", "", "", "", ""],
                            ["1", "Kualitas layanan", "Jumlah laporan", "3", "3"],
                            ["", "", "Jumlah sertifikat", "400", "410"]])
    t.cell(1, 0).merge(t.cell(1, 4))          # a full-width sasaran row (w:gridSpan)
    t.cell(2, 1).merge(t.cell(3, 1))          # the sasaran cell over two rows (w:vMerge)
    t.cell(2, 0).merge(t.cell(3, 0))
    d.save(tmp_path / "merged.docx")
    rows = [ln for ln in texts(tmp_path / "merged.docx") if ln.startswith("|")]
    assert rows == [
        "| No | Sasaran | Indikator | Target | Realisasi |",
        "| Sasaran 1: Meningkatnya kualitas layanan |  |  |  |  |",
        "| 1 | Kualitas layanan | Jumlah laporan | 3 | 3 |",
        "|  |  | Jumlah sertifikat | 400 | 410 |",
    ]
    assert {row.count("|") for row in rows} == {6}


def test_a_pipe_inside_a_cell_does_not_split_it(tmp_path):
    d = docx.Document()
    indicator_table(d, [["Indikator", "Target", "Realisasi"], ["A | B", "1", "1"]])
    d.save(tmp_path / "pipe.docx")
    assert "| A / B | 1 | 1 |" in texts(tmp_path / "pipe.docx")


def test_content_controls_and_tracked_deletions(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Teks dalam kontrol konten")
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent/></w:sdt>")
    p._p.addprevious(sdt)
    sdt[0].append(p._p)
    q = d.add_paragraph("Tetap ")
    q._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a">'
                          f"<w:r><w:delText>dihapus</w:delText></w:r></w:del>"))
    d.save(tmp_path / "sdt.docx")
    assert texts(tmp_path / "sdt.docx") == ["Teks dalam kontrol konten", "Tetap"]


# --------------------------------------------------------------------------- pages
def test_pages_from_explicit_breaks(tmp_path):
    d = docx.Document()
    d.add_paragraph("Halaman satu")
    d.add_page_break()
    d.add_paragraph("Halaman dua")
    p = d.add_paragraph("Halaman tiga")
    p.paragraph_format.page_break_before = True
    d.save(tmp_path / "pages.docx")
    lines = [ln for ln in read_document(tmp_path / "pages.docx").lines if ln.text]
    assert [(ln.text, ln.page) for ln in lines] == [
        ("Halaman satu", 1), ("Halaman dua", 2), ("Halaman tiga", 3)]


def test_rendered_page_break_after_explicit_break_counts_once(tmp_path):
    d = docx.Document()
    d.add_paragraph("Satu")
    d.add_page_break()
    two = d.add_paragraph("Dua")
    two.runs[0]._r.insert(0, parse_xml(f"<w:lastRenderedPageBreak {nsdecls('w')}/>"))
    three = d.add_paragraph("awal paragraf ")
    run = three.add_run("lanjut di halaman tiga")
    run._r.insert(0, parse_xml(f"<w:lastRenderedPageBreak {nsdecls('w')}/>"))
    d.save(tmp_path / "rendered.docx")
    lines = [ln for ln in read_document(tmp_path / "rendered.docx").lines if ln.text]
    assert [ln.page for ln in lines] == [1, 2, 2]   # a line's page is where it starts


def test_no_page_information_gives_none(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tanpa pemisah halaman")
    d.save(tmp_path / "nopages.docx")
    assert {ln.page for ln in read_document(tmp_path / "nopages.docx").lines} == {None}


def test_finding_page_from_page_breaks(base_text, tmp_path):
    text = base_text.replace("\nBAB III\n", "\n\fBAB III\n")     # Bab III starts page 2
    text = text.replace("410 sertifikat     102,50 %", "410 sertifikat     105,00 %")
    path = render_docx(text, tmp_path / "r.docx")
    result = audit_path(path)
    doc = read_document(path)
    wrong = [f for f in result.findings if f.rule == "ARI001" and f.indicator == "IK.5"]
    assert wrong and wrong[0].page == 2 == doc.page_of(wrong[0].line)
    assert all(f.page == doc.page_of(f.line) for f in result.findings if f.line is not None)


# --------------------------------------------------------------------------- list numbers
NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="BAB %1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>
    <w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%2.%3)"/></w:lvl>
</w:abstractNum>"""


def _numbered(d, text: str, level: int, num_id: str = "90"):
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def test_automatic_list_numbers_are_restored(tmp_path):
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               f'<w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("PENDAHULUAN", 0), ("Latar Belakang", 1), ("Tugas", 1),
                        ("PERENCANAAN KINERJA", 0), ("Sasaran", 1), ("Pertama", 2),
                        ("Kedua", 2), ("AKUNTABILITAS KINERJA", 0)]:
        _numbered(d, text, level)
    d.save(tmp_path / "numbered.docx")
    assert texts(tmp_path / "numbered.docx") == [
        "BAB I PENDAHULUAN", "A. Latar Belakang", "B. Tugas", "BAB II PERENCANAAN KINERJA",
        "A. Sasaran", "A.1) Pertama", "A.2) Kedua", "BAB III AKUNTABILITAS KINERJA"]


def test_numbers_from_a_paragraph_style(tmp_path):
    d = docx.Document()
    for text in ("satu", "dua"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("butir", style="List Bullet")
    d.save(tmp_path / "styled.docx")
    assert texts(tmp_path / "styled.docx") == ["1. satu", "2. dua", "• butir"]


@pytest.mark.parametrize("n,fmt,expected", [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (1, "lowerLetter", "a"),
    (27, "upperLetter", "AA"), (7, "decimalZero", "07"), (12, "decimal", "12")])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


# --------------------------------------------------------------------------- errors
def test_docx_without_text(tmp_path):
    docx.Document().save(tmp_path / "empty.docx")
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "empty.docx")
    assert "tidak memuat teks" in err.value.reason("id")


def test_other_office_zip_is_named(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "book.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "book.docx")
    assert "bukan dokumen Word" in err.value.reason("id") and "Excel" in err.value.reason("id")


def test_encrypted_word_document_in_ole_container(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    data += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    (tmp_path / "secret.docx").write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "secret.docx")
    assert "terenkripsi" in err.value.reason("id") and "encrypted" in err.value.reason("en")
