"""The generated bad-input set: hostile and broken files, each built in a temporary folder.

``build(folder)`` writes every input of :data:`CASES` and returns ``{name: path}``; each case says
what the tool must answer.  Issue 13 lists where the tool broke; every entry below is one of them
(or one of the bad files the tool already refused, kept so the set stays whole):

    python -m tests.hostile OUT_DIR      # write the set, e.g. to try it by hand
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "checks" / "examples" / "report.txt"


@dataclass(frozen=True)
class Case:
    name: str                       # file name (the test looks for it on stderr)
    build: Callable[[Path], None]   # writes the file
    reason: str | None              # part of the Indonesian one-line reason; None: audited


# ------------------------------------------------------------------------------ PDF by hand
def _pdf(content: bytes, *, flate: bool = True, pages: int = 1) -> bytes:
    """A minimal valid PDF whose pages share one content stream (``content``, deflated)."""
    stream = zlib.compress(content, 9) if flate else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Length %d" % len(stream) + (b" /Filter /FlateDecode" if flate else b"")
        + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    font = 4 + pages
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % font for _ in range(pages)]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def _deflated_zeros(size: int) -> bytes:
    """``size`` zero bytes, deflated in chunks (never held in memory at once)."""
    packer = zlib.compressobj(9)
    chunk = b"\0" * (1 << 24)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + packer.flush()


def _pdf_inflating(size: int) -> bytes:
    pdf = _pdf(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n")
    deflated = _deflated_zeros(size)
    start = pdf.index(b"stream\n") + len(b"stream\n")
    end = pdf.index(b"\nendstream")
    old_length = b"/Length %d" % (end - start)
    return (pdf[:start] + deflated + pdf[end:]).replace(old_length,
                                                        b"/Length %d" % len(deflated), 1)


# ------------------------------------------------------------------------------ the cases
def _report() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def _write(text: str | bytes) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return build


def _long_line(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(_report().encode("utf-8"))
        fh.write(b"Belanja Pegawai " + b"7" * (50 * 1000 * 1000) + b"\n")


def _many_lines(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(b"12\n" * 1_000_000)


def _qq(path: Path) -> None:
    path.write_bytes(_pdf(b"q " * (32 * 1024 * 1024) + b"Q " * (32 * 1024 * 1024)))


def _inflating(path: Path) -> None:
    path.write_bytes(_pdf_inflating(1024 * 1024 * 1024))


def _docx_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:p/>" * (60 * 1024 * 1024 // 6))


def _digits_target(path: Path) -> None:
    path.write_text(_report().replace("1.600", "9" * 400, 1), encoding="utf-8")


def _controls(path: Path) -> None:
    text = _report().replace("Jumlah sertifikat yang diterbitkan",
                             "Jumlah\x1b[31m sertifikat\x07 yang diterbitkan\u202e", 1)
    path.write_text(text.replace("102,50 %", "112,50 %"), encoding="utf-8")


def _superscript(path: Path) -> None:
    path.write_text(_report().replace("\nBAB II", "\n²\nBAB II", 1), encoding="utf-8")


def _utf16_no_bom(path: Path) -> None:
    path.write_bytes(_report().encode("utf-16-le"))


def _utf32_bom(path: Path) -> None:
    path.write_bytes(_report().encode("utf-32"))


def _cp1252_byte(path: Path) -> None:
    path.write_bytes(_report().replace("triwulan", "\u201ctriwulan\u201d", 1).encode("utf-8")
                     .replace("\u201d".encode("utf-8"), b"\x94", 1))


CASES = [
    Case("baris-50mb.txt", _long_line, None),
    Case("sejuta-baris.txt", _many_lines, "terlalu banyak baris"),
    Case("q-Q-64mib.pdf", _qq, "PDF mencurigakan"),
    Case("mengembang-1gib.pdf", _inflating, "PDF mencurigakan"),
    Case("bom-zip.docx", _docx_bomb, "bom zip"),
    Case("target-400-angka.txt", _digits_target, None),
    Case("karakter-kendali.txt", _controls, None),
    Case("pangkat.txt", _superscript, None),
    Case("utf16-tanpa-bom.txt", _utf16_no_bom, None),
    Case("utf32-bom.txt", _utf32_bom, None),
    Case("satu-byte-cp1252.txt", _cp1252_byte, None),
    Case("kosong.txt", _write(b""), "berkas kosong"),
    Case("biner.txt", _write(bytes(range(256)) * 16), "berkas biner"),
]


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for case in CASES:
        path = folder / case.name
        case.build(path)
        out[case.name] = path
    return out


def special_files(folder: Path) -> dict[str, tuple[str, str]]:
    """File-system oddities (POSIX): name -> (path to pass, part of the reason)."""
    out = {}
    loop = folder / "putaran.txt"
    if not os.path.lexists(loop):
        os.symlink(loop.name, loop)
    out["putaran.txt"] = (str(loop), "tautan simbolik berputar")
    fifo = folder / "pipa.txt"
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    out["pipa.txt"] = (str(fifo), "pipa bernama")
    out["null"] = ("/dev/null", "perangkat karakter")
    out["n" * 300 + ".txt"] = (str(folder / ("n" * 300 + ".txt")), "nama berkas terlalu panjang")
    locked = folder / "terkunci"
    locked.mkdir(exist_ok=True)
    (locked / "lkj.txt").write_text(_report(), encoding="utf-8")
    locked.chmod(0)
    out["terkunci"] = (str(locked / "lkj.txt"), "izin folder ditolak")
    return out


if __name__ == "__main__":
    for name, path in build(Path(sys.argv[1])).items():
        print(f"{path.stat().st_size:>12,}  {name}")
