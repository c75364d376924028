"""Hostile and large input (issue 13): bounded time and memory, one line and exit 2,
the batch goes on.

The generated bad-input set (tests/hostile.py) goes through the real command line in one batch,
with a good report among it: every refused file gets its one line naming it and the reason, the
files the tool can read are audited, nothing prints a traceback, the JSON is valid.  Then the
file-system oddities (symbolic link loop, FIFO, device, a name over the limit, a folder that may
not be entered), the time budget, and a bug in a rule or a renderer.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit import cli, runner
from tests import hostile

EXAMPLE = hostile.EXAMPLE


def run(*args, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja_audit", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False,
                          timeout=600, **kwargs)


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-2000:]


@pytest.fixture(scope="module")
def bad_set(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = hostile.build(folder)
    good = folder / "baik.txt"
    good.write_text(EXAMPLE.read_text(encoding="utf-8").replace("102,50 %", "112,50 %"),
                    encoding="utf-8")
    return folder, files, good


# A fresh interpreter whose only children are the command and its workers: its RUSAGE_CHILDREN is
# their peak resident memory (kB), printed on stderr's last line.
_PEAK = ("import resource, subprocess, sys\n"
         "p = subprocess.run(sys.argv[1:], capture_output=True, text=True, encoding='utf-8')\n"
         "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)\n"
         "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
         "sys.exit(p.returncode)\n")


@pytest.fixture(scope="module")
def batch(bad_set):
    _, files, good = bad_set
    proc = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "kinerja_audit",
                           "check", str(good), *map(str, files.values()), "--format", "json",
                           "--timeout", "120"], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, check=False, timeout=600)
    *lines, peak = proc.stderr.splitlines()
    proc.stderr = "\n".join(lines) + "\n"
    return proc, {Path(r["source"]).name: r for r in json.loads(proc.stdout)["reports"]}, \
        int(peak) / 1024


def test_every_bad_file_one_line_and_the_batch_goes_on(batch, bad_set):
    proc, reports, _ = batch
    good = bad_set[2]
    no_traceback(proc)
    assert proc.returncode == 2
    lines = [
        ln for ln in proc.stderr.splitlines() if not ln.startswith("kinerja-audit: konfigurasi")
    ]
    refused = [c for c in hostile.CASES if c.reason]
    assert len(lines) == len(refused), proc.stderr
    for case in refused:
        [line] = [ln for ln in lines if case.name in ln]
        assert case.reason in line, line
        assert reports[case.name]["errors"] and not reports[case.name]["findings"]
    assert [f["rule"] for f in reports[good.name]["findings"]] == ["ARI001"]


def test_readable_hostile_files_are_audited(batch):
    _, reports, _ = batch
    for case in hostile.CASES:
        if case.reason is None:
            assert reports[case.name]["errors"] == [], (case.name, reports[case.name]["errors"])
    # decoded, not read as noise: the example's five indicators come out of every encoding
    for name in ("utf16-tanpa-bom.txt", "utf32-bom.txt", "satu-byte-cp1252.txt", "pangkat.txt"):
        assert len(reports[name]["indicators"]) == 5, name


def test_memory_stays_bounded(batch):
    """The 50 MB line, the 1 GiB inflating PDF, the 64 MiB q/Q stream: under 400 MB in all."""
    *_, peak_mb = batch
    assert peak_mb < 400, peak_mb


def test_one_stray_cp1252_byte_leaves_the_rest_utf8(bad_set):
    from kinerja_audit.ingest import read_document

    _, files, _ = bad_set
    text = "\n".join(ln.text for ln in read_document(files["satu-byte-cp1252.txt"]).lines)
    assert "\u201ctriwulan\u201d" in text and "â" not in text


def test_no_nan_or_infinity_in_json(batch, bad_set):
    """A 400-digit target once printed ``Infinity`` (not JSON)."""
    proc, reports, _ = batch
    json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    assert reports["target-400-angka.txt"]["errors"] == []


def test_control_characters_never_reach_any_format(bad_set, tmp_path):
    _, files, _ = bad_set
    path = files["karakter-kendali.txt"]
    for fmt in ("text", "csv", "md", "html", "junit", "xlsx"):
        out = tmp_path / f"out.{fmt if fmt != 'junit' else 'xml'}"
        proc = run("check", path, "--format", fmt, "-o", out)
        no_traceback(proc)
        assert proc.returncode == 1, (fmt, proc.stderr)
        data = out.read_bytes()
        if fmt == "xlsx":
            import zipfile

            with zipfile.ZipFile(out) as z:
                data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
        text = data.decode("utf-8")
        for bad in ("\x1b", "\x07", "\u202e"):
            assert bad not in text, (fmt, repr(bad))


# ------------------------------------------------------------------------ the file system
@pytest.fixture
def odd_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aneh")
    yield folder, hostile.special_files(folder)
    (folder / "terkunci").chmod(0o755)


def _without_permission_override():
    """Root ignores folder permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the child runs
    without those capabilities, so a folder it may not enter stops it as it stops a user."""
    if os.geteuid() == 0 and sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):                  # PR_CAPBSET_DROP: gone after exec
            libc.prctl(24, capability, 0, 0, 0)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file-system objects")
def test_file_system_oddities_one_line_each(odd_files):
    folder, special = odd_files
    good = folder / "baik.txt"
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    paths = [p for p, _ in special.values()]
    proc = run("check", good, *paths, "--format", "json", cwd=folder,
               preexec_fn=_without_permission_override)
    no_traceback(proc)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == len(special), proc.stderr
    for name, (_, reason) in special.items():
        [line] = [ln for ln in lines if name in ln or name[:50] in ln]
        assert reason in line, line
    reports = {Path(r["source"]).name: r for r in json.loads(proc.stdout)["reports"]}
    assert reports["baik.txt"]["errors"] == [] and len(reports["baik.txt"]["indicators"]) == 5


def test_a_folder_lists_what_it_skips_and_says_when_it_holds_no_report(tmp_path):
    (tmp_path / "masuk").mkdir()
    (tmp_path / "masuk" / "lkj.txt").write_text(EXAMPLE.read_text(encoding="utf-8"),
                                                encoding="utf-8")
    for name in ("lama.doc", "data.xls", "foto.png"):
        (tmp_path / "masuk" / name).write_bytes(b"x")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.odt").write_bytes(b"x")
    proc = run("check", tmp_path / "masuk", tmp_path / "kosong")
    no_traceback(proc)
    assert proc.returncode == 2
    assert "3 berkas dilewati" in proc.stderr and "lama.doc" in proc.stderr
    assert "kosong: folder ini tidak memuat laporan" in proc.stderr
    assert "Tidak ada temuan" in proc.stdout       # the report in the first folder was audited


# ------------------------------------------------------------------------ time budget, bugs
def _slow_when_named_lambat(monkeypatch):
    """A file whose audit never ends (the workers are forked: they inherit this)."""
    import time

    from kinerja_audit import audit

    real = audit.audit_path

    def slow(path, *args, **kwargs):
        if "lambat" in str(path):
            time.sleep(600)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(audit, "audit_path", slow)


@pytest.mark.skipif(sys.platform != "linux", reason="the patch reaches forked workers only")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_time_budget_is_that_files_error_and_the_others_go_on(tmp_path, capsys, monkeypatch,
                                                              jobs):
    _slow_when_named_lambat(monkeypatch)
    slow, good = tmp_path / "lambat.txt", tmp_path / "baik.txt"
    for p in (slow, good):
        p.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code = cli.main(["check", str(slow), str(good), "--timeout", "3", "--jobs", jobs,
                     "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    [line] = captured.err.splitlines()
    assert "lambat.txt" in line and "batas waktu (3 detik)" in line
    reports = {Path(r["source"]).name: r for r in json.loads(captured.out)["reports"]}
    assert reports["baik.txt"]["errors"] == [] and len(reports["baik.txt"]["indicators"]) == 5


def test_a_failing_rule_is_that_files_error(tmp_path, capsys, monkeypatch):
    from kinerja_audit.rules.registry import REGISTRY, load_all

    load_all()

    def broken(report, ctx):
        raise ValueError("rusak")

    monkeypatch.setitem(REGISTRY, "ARI001", broken)
    monkeypatch.setattr(runner, "DEFAULT_TIMEOUT", 0)
    path = tmp_path / "lkj.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lkj.txt" in err and "kesalahan internal pada aturan ARI001" in err
    assert err.count("\n") == 1


def test_a_failing_renderer_is_that_reports_error(tmp_path, capsys, monkeypatch):
    from kinerja_audit.render import csv_

    real = csv_.render

    def fussy(contract, **kwargs):     # fails on the data of one report, not on its error
        if any("rusak" in r["source"] and not r["errors"] for r in contract["reports"]):
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "tidak dapat ditulis")
        return real(contract, **kwargs)

    monkeypatch.setattr(csv_, "render", fussy)
    monkeypatch.setattr(runner, "DEFAULT_TIMEOUT", 0)
    paths = [tmp_path / "rusak.txt", tmp_path / "baik.txt"]
    for p in paths:
        p.write_text(EXAMPLE.read_text(encoding="utf-8").replace("102,50 %", "112,50 %"),
                     encoding="utf-8")
    assert cli.main(["check", *map(str, paths), "--format", "csv"]) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert "rusak.txt" in line and "kesalahan internal" in line and "UnicodeEncodeError" in line
    assert "baik.txt,ARI001" in captured.out and "rusak.txt,ARI001" not in captured.out


def test_a_bug_anywhere_exits_2_in_one_line_never_1(monkeypatch, capsys):
    def explode(args):
        raise RuntimeError("bug")

    monkeypatch.setattr(cli, "cmd_rules", explode)
    assert cli.main(["rules"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kesalahan internal" in err and "RuntimeError" in err
