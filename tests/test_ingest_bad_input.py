"""Bad input never crashes: one stderr line per file, exit code 2, the good files still audited.

Every case runs through the real command line (``python -m kinerja_audit check``), so a traceback
anywhere between the reader and the renderers would show.  The property test feeds random and
damaged bytes to ``read_document``: a Document or an InputError, nothing else.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit.document import Document
from kinerja_audit.ingest import InputError, read_document, sniff
from tests.corpus.render_binary import render_docx, render_pdf


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja_audit", "check", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


# --------------------------------------------------------------------------- the bad files
def _empty(path: Path, good: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path, good: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(4096))


def _encrypted_pdf(path: Path, good: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 720, "LAPORAN KINERJA TRIWULAN III TAHUN 2025")
    c.save()


def _truncated_pdf(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scanned_pdf(path: Path, good: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(60, 60, 400, 600, fill=1)
    c.save()


def _corrupt_docx(path: Path, good: Path) -> None:
    rng = random.Random(7)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", rng.randbytes(400))
        z.writestr("word/document.xml", rng.randbytes(3000))


def _zip_bomb_docx(path: Path, good: Path) -> None:
    """40 MB of one repeated run, deflated to a few dozen KB (a ratio above 1000)."""
    run = b"<w:r><w:t>ulang</w:t></w:r>"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", run * (40 * 1024 * 1024 // len(run)))


def _plain_zip(path: Path, good: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("catatan.txt", "bukan laporan")


def _odd_utf16(path: Path, good: Path) -> None:
    path.write_bytes("LAPORAN KINERJA\n".encode("utf-16") + b"\x0a")  # BOM, then an odd byte count


def _png(path: Path, good: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(200))


BAD = {   # name -> (builder, part of the Indonesian reason)
    "kosong.txt": (_empty, "berkas kosong"),
    "acak.bin": (_garbage, "berkas biner"),
    "terkunci.pdf": (_encrypted_pdf, "PDF terenkripsi"),
    "terpotong.pdf": (_truncated_pdf, "PDF rusak atau terpotong"),
    "pindaian.pdf": (_scanned_pdf, "kemungkinan hasil pindaian"),
    "rusak.docx": (_corrupt_docx, "dokumen Word (.docx) rusak"),
    "bom.docx": (_zip_bomb_docx, "bom zip"),
    "arsip.docx": (_plain_zip, "bukan dokumen Word (.docx)"),
    "gambar.pdf": (_png, "format tidak didukung (gambar PNG)"),
    "utf16-ganjil.txt": (_odd_utf16, "teks UTF-16 terpotong"),
    "tidak-ada.pdf": (None, "berkas tidak ditemukan"),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory, base_text):
    root = tmp_path_factory.mktemp("bad")
    defective = base_text.replace("410 sertifikat     102,50 %", "410 sertifikat     105,00 %")
    good = render_pdf(defective, root / "baik.pdf")
    for name, (build, _) in BAD.items():
        if build:
            build(root / name, good)
    return root, good


def assert_one_line_per_file(proc, names: list[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == len(names), proc.stderr
    for name, line in zip(names, lines):
        assert line.startswith("kinerja-audit: ") and name in line, line
        assert BAD[name][1] in line, line


@pytest.mark.parametrize("name", list(BAD))
def test_each_bad_file_one_line_exit_2(files, name):
    root, _ = files
    proc = run_cli(str(root / name))
    assert proc.returncode == 2, proc.stderr
    assert_one_line_per_file(proc, [name])


def test_oversized_file(files):
    _, good = files
    proc = run_cli("--max-bytes", "1000", str(good))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    [line] = proc.stderr.splitlines()
    assert good.name in line and "berkas terlalu besar" in line and "batas 1.000 byte" in line


def test_english_reasons(files):
    root, _ = files
    proc = run_cli("--lang", "en", str(root / "terkunci.pdf"), str(root / "bom.docx"))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0].endswith(
        "encrypted (password-protected) PDF; unlock it and save it without a password")
    assert "zip bomb" in proc.stderr.splitlines()[1]


def test_batch_with_one_good_report(files):
    root, good = files
    bad = sorted(BAD)
    proc = run_cli("--format", "json", str(good), *(str(root / n) for n in bad))
    assert proc.returncode == 2
    assert_one_line_per_file(proc, bad)
    reports = {Path(r["source"]).name: r for r in json.loads(proc.stdout)["reports"]}
    assert set(reports) == {good.name, *bad}
    audited = reports[good.name]
    assert not audited["errors"] and len(audited["indicators"]) == 5
    assert any(f["rule"] == "ARI001" and f["indicator"] == "IK.5" and f["page"] == 2
               for f in audited["findings"])
    for name in bad:
        assert reports[name]["errors"] and not reports[name]["findings"], name


# --------------------------------------------------------------------------- sniffing
def test_text_named_pdf_is_read_as_text(base_text, tmp_path):
    path = tmp_path / "laporan.pdf"
    path.write_text(base_text, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "text" and doc.lines[0].text.startswith("LAPORAN KINERJA")


def test_sniff_by_content():
    assert sniff(b"%PDF-1.7\n") == "pdf" and sniff(b"\n\n%PDF-1.4") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "docx"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "ole"
    assert sniff(b"\xff\xd8\xff\xe0JFIF") == "unsupported"
    assert sniff(b"BMN dan aset daerah") == "text"      # letters that merely look like magic


@pytest.mark.parametrize("data,reason_en", [
    (b"\xff\xfe" + "Laporan".encode("utf-16-le") + b"\x00", "odd number of bytes"),
    (b"\xfe\xff" + "Laporan".encode("utf-16-be")[:-1], "odd number of bytes"),
    (b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8" + "c".encode("utf-16-le"), "surrogate"),
])
def test_undecodable_utf16_is_an_input_error(data, reason_en):
    from kinerja_audit.ingest.text import decode

    with pytest.raises(InputError) as err:        # not UnicodeDecodeError, whoever calls decode()
        decode(data, "lkj.txt")
    assert reason_en in err.value.reason("en") and "UTF-16" in err.value.reason("id")
    assert decode(b"\xff\xfe" + "Laporan".encode("utf-16-le"), "lkj.txt") == "Laporan"


# --------------------------------------------------------------------------- property test
@pytest.fixture(scope="module")
def real_files(tmp_path_factory, base_text):
    root = tmp_path_factory.mktemp("real")
    return {".pdf": render_pdf(base_text, root / "r.pdf").read_bytes(),
            ".docx": render_docx(base_text, root / "r.docx").read_bytes(),
            ".txt": base_text.encode("utf-8")}


PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf", b"\xff\xfe"]


def _check(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"masukan{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except InputError as err:
            assert err.reason("id") and "\n" not in err.reason("id")
            assert err.reason("en") and "\n" not in err.reason("en")
        else:
            assert isinstance(doc, Document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=4096),
       suffix=st.sampled_from([".pdf", ".docx", ".txt"]))
def test_random_bytes_give_document_or_input_error(prefix, body, suffix):
    _check(prefix + body, suffix)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([".pdf", ".docx", ".txt"]), data=st.data())
def test_damaged_real_files_give_document_or_input_error(real_files, kind, data):
    blob = bytearray(real_files[kind])
    cut = data.draw(st.integers(min_value=1, max_value=len(blob)), label="cut")
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(blob) - 1), st.integers(0, 255)),
                               max_size=20), label="flips")
    for pos, value in flips:
        blob[pos] = value
    _check(bytes(blob[:cut]), kind)
