"""The command line as a new user meets it (issue 13 "CLI and exit codes", "Output safety", and
issue 9 item 5 "One way to say things"): every mistake is one line and exit 2, in the user's
language; output goes where it is asked to and nowhere it must not.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "checks" / "examples" / "report.txt"


def run(*args, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja_audit", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False,
                          timeout=300, **kwargs)


def one_line_exit_2(proc, *needles) -> str:
    assert proc.returncode == 2, (proc.returncode, (proc.stdout or "")[-500:], proc.stderr)
    assert "Traceback" not in proc.stderr + (proc.stdout or ""), proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def defective(tmp_path) -> Path:
    path = tmp_path / "cacat.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("102,50 %", "112,50 %"),
                    encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ usage
def test_a_name_starting_with_a_dash_goes_after_double_dash(tmp_path):
    path = tmp_path / "-laporan.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", "--", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    line = one_line_exit_2(run("check", path.name, cwd=tmp_path), "-laporan.txt", "--")
    assert "kinerja-audit check -- -laporan.pdf" in line          # the usage says how
    assert "kinerja-audit check -- -laporan.pdf" in " ".join(run("check", "--help").stdout.split())


@pytest.mark.parametrize("args,needle", [
    (["--max-bytes", "-1"], "--max-bytes"),
    (["--jobs", "0"], "--jobs"),
    (["--jobs", "-5"], "--jobs"),
    (["--timeout", "-3"], "--timeout"),
    (["--format", "pdf"], "pilihan 'pdf' tidak dikenal"),
    (["--csv-delimiter", "x"], "pemisah CSV"),
])
def test_bad_values_are_bad_usage(args, needle):
    one_line_exit_2(run("check", EXAMPLE, *args), needle)


def test_select_and_ignore_any_case_and_unknown_ids_refused(defective):
    assert run("check", defective, "--select", "ari001").returncode == 1
    assert run("check", defective, "--ignore", "Arithmetic").returncode == 0
    line = one_line_exit_2(run("check", defective, "--select", "ARI01"), "ARI01", "ARI001")
    assert "terdekat" in line
    one_line_exit_2(run("check", defective, "--ignore", "aritmetik"), "arithmetic")


def test_check_with_no_files_answers_in_the_language_asked():
    one_line_exit_2(run("check", "--lang", "en"), "no file to check")
    one_line_exit_2(run("check"), "tidak ada berkas untuk diperiksa")


def test_demo_honours_fail_on():
    assert run("demo").returncode == 0              # planted defects: finding them is success
    assert run("demo", "--fail-on", "error").returncode == 1
    assert run("demo", "--fail-on", "never").returncode == 0


def test_extract_help_shows_its_real_default():
    out = run("extract", "--help").stdout
    assert "selain itu csv" in " ".join(out.split())
    assert "selain itu text" in " ".join(run("check", "--help").stdout.split())


def test_every_option_has_help_in_both_languages():
    import argparse

    from kinerja_audit.cli import build_parser

    for lang in ("id", "en"):
        parser = build_parser(lang)
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for name, sub in [("", parser), *subparsers.choices.items()]:
            for action in sub._actions:
                if isinstance(action, argparse._SubParsersAction):
                    continue
                assert action.help, (lang, name, action.dest)   # SUPPRESS: deliberately hidden
    assert "usage:" in run("check", "--help", "--lang", "en").stdout
    assert "pemakaian:" in run("check", "--help").stdout


# ------------------------------------------------------------------------------ output
def test_output_naming_an_input_is_refused(defective):
    before = defective.read_bytes()
    one_line_exit_2(run("check", defective, "-o", defective), "salah satu berkas masukan")
    assert defective.read_bytes() == before


@pytest.mark.parametrize("where,needle", [
    ("tidak-ada/keluaran.json", "tidak ada"),
    (".", "folder"),
])
def test_unwritable_output_is_one_line(defective, tmp_path, where, needle):
    one_line_exit_2(run("check", defective, "-o", tmp_path / where, "-f", "json"), needle)


def test_unwritable_output_of_extract_and_init_pk(defective, tmp_path):
    for command in ("extract", "init-pk"):
        one_line_exit_2(run(command, defective, "-o", tmp_path / "tidak-ada" / "x.csv"),
                        "tidak ada")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_one_line(defective):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "kinerja_audit", "check", defective],
                              stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              check=False)
    one_line_exit_2(proc, "disk penuh")
    one_line_exit_2(run("check", defective, "-o", "/dev/full", "-f", "json"), "disk penuh")


@pytest.mark.parametrize("name,check", [
    ("hasil.json", lambda data: json.loads(data)["reports"]),
    ("hasil.csv", lambda data: data.startswith(b"\xef\xbb\xbfLaporan,Aturan")),
    ("hasil.html", lambda data: data.startswith(b"<!DOCTYPE html>")),
    ("hasil.xlsx", lambda data: data.startswith(b"PK")),
    ("hasil.sarif", lambda data: json.loads(data)["version"] == "2.1.0"),
    ("hasil.xml", lambda data: b"<testsuites" in data),
    ("hasil.md", lambda data: data.startswith(b"## ")),
])
def test_the_output_name_picks_the_format(defective, tmp_path, name, check):
    proc = run("check", defective, "-o", tmp_path / name)
    assert proc.returncode == 1, proc.stderr
    assert check((tmp_path / name).read_bytes())


def test_a_contradicting_format_and_name_is_bad_usage(defective, tmp_path):
    one_line_exit_2(run("check", defective, "-o", tmp_path / "x.json", "-f", "csv"), "json", "csv")
    assert not (tmp_path / "x.json").exists()


def test_csv_delimiter_for_indonesian_excel(defective):
    out = run("check", defective, "--format", "csv", "--csv-delimiter", ";").stdout
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Laporan", "Aturan", "Kategori"] and rows[1][1] == "ARI001"
    assert rows[1][2] == "aritmetika"                  # categories in the reader's language


def test_file_names_are_escaped_on_the_terminal(tmp_path):
    path = tmp_path / "lkj\x1b[2J\u202e.txt"
    path.write_bytes(b"")
    line = one_line_exit_2(run("check", path), "berkas kosong")
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[2J\\u202e.txt" in line


def test_the_configuration_in_use_is_named(defective, tmp_path):
    (tmp_path / "kinerja-audit.yaml").write_text("ignore: [arithmetic]\n", encoding="utf-8")
    proc = run("check", defective, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0
    assert f"konfigurasi dipakai: {tmp_path / 'kinerja-audit.yaml'}" in proc.stderr
    assert json.loads(proc.stdout)["config"] == str(tmp_path / "kinerja-audit.yaml")
    assert json.loads(run("check", defective, "-f", "json").stdout)["config"] is None


def test_a_missing_library_is_one_line(defective, tmp_path, monkeypatch, capsys):
    import builtins

    from kinerja_audit import cli, runner

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(runner, "DEFAULT_TIMEOUT", 0)
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    assert cli.main(["check", str(defective), "-o", str(tmp_path / "kkr.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "openpyxl" in err and "Traceback" not in err


# ------------------------------------------------------------------------------ one way to say it
def test_explain_and_rules_speak_the_language():
    assert "Tingkat: kesalahan" in run("explain", "ZER001").stdout
    assert "Severity: error" in run("explain", "ZER001", "--lang", "en").stdout
    assert "Kategori: target nol (zero-target)" in run("explain", "ZER001").stdout
    one_line_exit_2(run("explain", "ZER01"), "ZER001")


def test_report_kinds_are_translated_in_every_human_format(tmp_path):
    for fmt, suffix in (("text", "txt"), ("md", "md"), ("html", "html")):
        out = tmp_path / f"r.{suffix}"
        run("check", EXAMPLE, "-f", fmt, "-o", out)
        text = out.read_text(encoding="utf-8")
        assert "triwulanan" in text and "quarterly" not in text, fmt
        out_en = tmp_path / f"r-en.{suffix}"
        run("check", EXAMPLE, "-f", fmt, "-o", out_en, "--lang", "en")
        assert "quarterly" in out_en.read_text(encoding="utf-8"), fmt


def test_input_errors_in_english(tmp_path):
    path = tmp_path / "kosong.txt"
    path.write_bytes(b"")
    one_line_exit_2(run("check", path, "--lang", "en"), "file is empty")


# ------------------------------------------------------------------------------ docs and packaging
def test_readme_names_the_core_dependencies_truthfully():
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = [re.split(r"[<>=\[ ]", d)[0] for d in project["dependencies"]]
    for library in ("pdfplumber", "pypdfium2", "python-docx", "openpyxl", "jsonschema"):
        assert library in core, library                      # a plain install reads PDF/DOCX/XLSX
    assert not {"pdf", "docx", "xlsx"} & set(project["optional-dependencies"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = " ".join(readme[readme.index("Dependensi inti"):].split("Tambahan")[0].split())
    assert [name for name in core if name not in line] == []


def test_install_hints_work_in_windows_cmd():
    """cmd does not know single quotes: every pip command shown uses double quotes or none."""
    import re

    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "checks").glob("*.yaml")]
    for text in texts:
        assert not re.search(r"pip install[^\n`]*'", text), re.search(r"pip install[^\n`]*'", text)


def test_quick_start_says_what_make_test_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Mulai cepat"):readme.index("## Pemakaian")]
    assert "tests/setup/all.sh" in quick and "chromium" in quick and "root" in quick


def test_report_kind_in_the_working_paper(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "kkr.xlsx"
    run("check", EXAMPLE, "-o", out)
    summary = load_workbook(out).worksheets[1]
    kinds = {c.value for row in summary.iter_rows() for c in row}
    assert "triwulanan" in kinds and "quarterly" not in kinds
