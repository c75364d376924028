"""The command line as users and CI see it: exit codes, formats, batches, determinism."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_audit.rulepack import example_report_path as _example_path

EXAMPLE_REPORT = _example_path()

CASES = Path(__file__).resolve().parent / "cases"
BASE = EXAMPLE_REPORT


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kinerja_audit", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False)


def defective(tmp_path) -> Path:
    p = tmp_path / "cacat.txt"
    p.write_text(BASE.read_text(encoding="utf-8").replace("102,50 %", "120,50 %"), encoding="utf-8")
    return p


def test_clean_report_exits_zero():
    res = run("check", BASE)
    assert res.returncode == 0, res.stderr
    assert "Tidak ada temuan" in res.stdout


def test_error_finding_exits_one_and_fail_on_never_zero(tmp_path):
    bad = defective(tmp_path)
    assert run("check", bad).returncode == 1
    assert run("check", bad, "--fail-on", "never").returncode == 0


def test_fail_on_warning_counts_warnings(tmp_path):
    p = tmp_path / "num.txt"
    p.write_text(
        BASE.read_text(encoding="utf-8").replace("2. Menyiapkan", "3. Menyiapkan"), encoding="utf-8"
    )
    assert run("check", p).returncode == 0            # NUM001 is a warning
    assert run("check", p, "--fail-on", "warning").returncode == 1


def test_missing_file_is_exit_two_one_line_no_traceback(tmp_path):
    res = run("check", tmp_path / "tidak-ada.txt")
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "tidak-ada.txt" in res.stderr and "tidak ditemukan" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout


def test_batch_continues_after_unreadable_input(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    res = run("check", empty, defective(tmp_path), "--format", "json")
    assert res.returncode == 2
    data = json.loads(res.stdout)
    by_source = {Path(r["source"]).name: r for r in data["reports"]}
    assert by_source["kosong.txt"]["errors"] == ["berkas kosong"]
    assert [f["rule"] for f in by_source["cacat.txt"]["findings"]] == ["ARI001"]


def test_json_output_is_deterministic_and_valid(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    bad = defective(tmp_path)
    first = run("check", bad, "--format", "json").stdout
    second = run("check", bad, "--format", "json").stdout
    assert first == second
    schema = json.loads(
        (Path(__file__).resolve().parent.parent / "schemas" / "output.schema.json").read_text()
    )
    jsonschema.validate(json.loads(first), schema)


def test_english_messages(tmp_path):
    res = run("check", defective(tmp_path), "--lang", "en", "--format", "json")
    msg = json.loads(res.stdout)["reports"][0]["findings"][0]["message"]
    assert msg.startswith("Achievement of IK.5 is printed as 120.5%")


def test_directory_and_glob_inputs(tmp_path):
    defective(tmp_path)
    (tmp_path / "b.txt").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    by_dir = json.loads(run("check", tmp_path, "-f", "json").stdout)
    by_glob = json.loads(run("check", str(tmp_path / "*.txt"), "-f", "json").stdout)
    assert [Path(r["source"]).name for r in by_dir["reports"]] == ["b.txt", "cacat.txt"]
    assert len(by_glob["reports"]) == 2


def test_parallel_jobs_give_the_same_output(tmp_path):
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    defective(tmp_path)
    serial = run("check", tmp_path, "-f", "json", "--jobs", "1").stdout
    parallel = run("check", tmp_path, "-f", "json", "--jobs", "2").stdout
    assert serial == parallel


def test_rules_and_explain():
    res = run("rules")
    assert res.returncode == 0 and "ARI001" in res.stdout and "zero-target" in res.stdout
    res = run("explain", "ZER001", "--lang", "en")
    assert res.returncode == 0 and "Bad example" in res.stdout and "Good example" in res.stdout
    res = run("explain", "XYZ999")
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_extract_indicators_csv():
    res = run("extract", BASE)
    lines = res.stdout.splitlines()
    assert lines[0].startswith("code,position,name,unit")
    assert lines[5].startswith("IK.5,5,Jumlah sertifikat yang diterbitkan,sertifikat")


def test_select_and_ignore(tmp_path):
    bad = defective(tmp_path)
    assert run("check", bad, "--ignore", "arithmetic").returncode == 0
    assert run("check", bad, "--select", "ZER001").returncode == 0
    assert run("check", bad, "--select", "capaian-recomputed").returncode == 1


def test_input_is_never_modified(tmp_path):
    bad = defective(tmp_path)
    before = bad.read_bytes()
    run("check", bad, "-f", "xlsx", "-o", tmp_path / "out.xlsx")
    assert bad.read_bytes() == before


def test_period_option_overrides_the_period_and_says_so(tmp_path):
    from kinerja_audit.rulepack import example_report

    report = tmp_path / "tanpa-periode.txt"
    report.write_text(
        example_report()
        .replace("Tahun 2025", "Tahun Ini")
        .replace("tahun 2025", "tahun ini")
        .replace("2025", "ini"),
        encoding="utf-8",
    )
    plain = json.loads(run("check", report, "--format", "json", "--fail-on", "never").stdout)[
        "reports"
    ][0]
    assert plain["year"] is None and plain["period_source"] is None
    assert "PRS005" in {f["rule"] for f in plain["findings"]}
    given = json.loads(run("check", report, "--format", "json", "--fail-on", "never",
                           "--period", "TW3-2025").stdout)["reports"][0]
    assert (given["kind"], given["quarter"], given["year"], given["period_source"]) == \
        ("quarterly", 3, 2025, "option")
    assert "PRS005" not in {f["rule"] for f in given["findings"]}


def test_period_read_from_the_title_names_its_source(tmp_path):
    from kinerja_audit.rulepack import example_report

    report = tmp_path / "laporan.txt"
    report.write_text(example_report(), encoding="utf-8")
    out = json.loads(run("check", report, "--format", "json", "--fail-on", "never").stdout)[
        "reports"
    ][0]
    assert (out["kind"], out["quarter"], out["year"], out["period_source"]) == (
        "quarterly",
        3,
        2025,
        "title",
    )


def test_a_period_option_that_is_no_period_is_refused(tmp_path):
    report = tmp_path / "laporan.txt"
    report.write_text("LAPORAN KINERJA TAHUN 2025\n", encoding="utf-8")
    done = run("check", report, "--period", "TW5-2025")
    assert done.returncode == 2 and "TW5-2025" in done.stderr and "Traceback" not in done.stderr


def test_period_option_forms():
    from kinerja_audit.parse.periods import parse_period_option

    assert parse_period_option("2021") == ("annual", None, 2021)
    assert parse_period_option("TW2-2021") == ("quarterly", 2, 2021)
    assert parse_period_option("tw iv 2021") == ("quarterly", 4, 2021)
    assert parse_period_option("S1-2024") == ("semester", 2, 2024)
    assert parse_period_option("S3-2024") is None
    assert parse_period_option("2021-2025") is None
