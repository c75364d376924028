"""Every configuration key does what it says; bad configuration is exit 2 in one line.

Good keys run the CLI in-process (fast, and rule functions can be spied on); bad keys run it as a
subprocess, as users see it, to prove there is no traceback.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_audit import cli
from kinerja_audit.rulepack import example_report_path as _example_path
from kinerja_audit.rules.registry import REGISTRY, load_all

EXAMPLE_REPORT = _example_path()

CASES = Path(__file__).resolve().parent / "cases"
BASE_TEXT = (EXAMPLE_REPORT).read_text(encoding="utf-8")
PK_COLUMNS = ("code;name;unit;polarity;aggregation;target_annual;target_tw1;target_tw2;"
              "target_tw3;target_tw4\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding a report; the working directory is a sub-folder (config found upward)."""
    sub = tmp_path / "kerja"
    sub.mkdir()
    monkeypatch.chdir(sub)
    return tmp_path


def report(folder: Path, text: str = BASE_TEXT, name: str = "lkj.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def config(folder: Path, data: dict, name: str = "kinerja-audit.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def check(capsys, *args) -> tuple[int, list[dict]]:
    code = cli.main(["check", *map(str, args), "--format", "json"])
    out = capsys.readouterr().out
    findings = [f for r in json.loads(out)["reports"] for f in r["findings"]] if out.strip() else []
    return code, findings


def rules_of(findings) -> set:
    return {(f["rule"], f["indicator"]) for f in findings}


# ---------------------------------------------------------------------------------------- selection


@pytest.fixture
def spy(monkeypatch):
    """Replace ANO001's function; record whether it was ever called.  The audit runs in this
    process (no time budget, so no worker process), where the record is kept."""
    from kinerja_audit import runner

    monkeypatch.setattr(runner, "DEFAULT_TIMEOUT", 0)
    load_all()
    calls = []

    def fake(rep, ctx):
        calls.append(rep)
        return iter(())

    monkeypatch.setitem(REGISTRY, "ANO001", fake)
    return calls


@pytest.mark.parametrize("entry", ["ANO001", "capaian-anomaly", "anomaly"])
def test_ignore_by_id_name_or_category_never_calls_the_rule(project, capsys, spy, entry):
    config(project, {"ignore": [entry]})
    check(capsys, report(project))
    assert spy == []


@pytest.mark.parametrize("entry", ["ARI001", "capaian-recomputed", "arithmetic"])
def test_select_leaves_other_rules_uncalled(project, capsys, spy, entry):
    config(project, {"select": [entry]})
    check(capsys, report(project))
    assert spy == []


@pytest.mark.parametrize("entry", ["ANO001", "capaian-anomaly", "anomaly"])
def test_selected_rule_is_called(project, capsys, spy, entry):
    config(project, {"select": [entry]})
    check(capsys, report(project))
    assert len(spy) == 1


# ---------------------------------------------------------------------------- severities and exits


def test_severity_override(project, capsys):
    bad = report(project, BASE_TEXT.replace("102,50 %", "112,50 %"))
    code, findings = check(capsys, bad, "--select", "ARI001")
    assert code == 1 and [f["severity"] for f in findings] == ["error"]
    config(project, {"severity": {"ARI001": "warning"}})
    code, findings = check(capsys, bad, "--select", "ARI001")
    assert code == 0 and [f["severity"] for f in findings] == ["warning"]


def test_fail_on(project, capsys):
    warn = report(project, BASE_TEXT.replace("2. Menyiapkan", "3. Menyiapkan"))  # NUM001: a warning
    assert check(capsys, warn)[0] == 0
    config(project, {"fail_on": "warning"})
    assert check(capsys, warn)[0] == 1
    config(project, {"fail_on": "never"})
    assert check(capsys, report(project, BASE_TEXT.replace("102,50 %", "112,50 %")))[0] == 0


# --------------------------------------------------------------------------------- numeric options


def test_tolerance(project, capsys):
    # 410 / 400 are counts (exact): 102,5 %; 102,77 % is 0,27 points off
    off = report(project, BASE_TEXT.replace("102,50 %", "102,77 %"))
    assert ("ARI001", "IK.5") in rules_of(check(capsys, off, "--select", "ARI001")[1])
    config(project, {"tolerance": 0.3})
    assert check(capsys, off, "--select", "ARI001")[1] == []


def test_anomaly_threshold(project, capsys):
    rep = report(project)
    assert check(capsys, rep, "--select", "ANO001")[1] == []
    config(project, {"anomaly_threshold": 101})
    assert ("ANO001", "IK.5") in rules_of(check(capsys, rep, "--select", "ANO001")[1])


def test_zero_target_policy(project, capsys):
    zero = report(project, BASE_TEXT.replace("0 nilai            -", "0 nilai            0 %"))
    assert check(capsys, zero, "--select", "ZER001")[1] == []
    config(project, {"zero_target": "flag-any"})
    assert rules_of(check(capsys, zero, "--select", "ZER001")[1]) == {("ZER001", "IK.4")}
    config(project, {"zero_target": "flag-nonzero"})
    assert check(capsys, zero, "--select", "ZER001")[1] == []


def test_lang(project, capsys):
    bad = report(project, BASE_TEXT.replace("102,50 %", "112,50 %"))
    config(project, {"lang": "en"})
    findings = check(capsys, bad, "--select", "ARI001")[1]
    assert findings[0]["message"].startswith("Achievement of IK.5")


def test_max_bytes(project, capsys):
    config(project, {"max_bytes": 100})
    code = cli.main(["check", str(report(project))])
    assert code == 2
    assert "lkj.txt" in capsys.readouterr().err


def test_max_pages(project, capsys):
    import pdfplumber

    from tests.corpus.render_binary import render_pdf

    pdf = render_pdf(BASE_TEXT, project / "lkj.pdf")
    with pdfplumber.open(pdf) as opened:
        pages = len(opened.pages)
    config(project, {"max_pages": pages - 1})
    assert cli.main(["check", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "lkj.pdf" in err and f"batas {pages - 1} halaman" in err and err.count("\n") == 2
    assert "konfigurasi dipakai: " in err
    # option beats file
    code = cli.main(["check", str(pdf), "--max-pages", str(pages), "--format", "json"])
    [audited] = json.loads(capsys.readouterr().out)["reports"]
    assert code in (0, 1) and not audited["errors"] and len(audited["indicators"]) == 5
    # extract reads the option
    assert cli.main(["extract", str(pdf), "--max-pages", str(pages - 1)]) == 2
    assert f"batas {pages - 1} halaman" in capsys.readouterr().err
    assert cli.main(["check", str(pdf), "--max-pages", "0"]) == 2
    assert "--max-pages" in capsys.readouterr().err


# ------------------------------------------------------------------------------------- polarity, PK


def test_polarity(project, capsys):
    rt = report(project, BASE_TEXT.replace("120,00 %", "80,00 %"))      # IK.3 computed as R/T
    assert ("POL001", "IK.3") in rules_of(check(capsys, rt, "--select", "polarity")[1])
    config(project, {"polarity": {"IK 3": "positive"}})  # any spelling of the code
    assert check(capsys, rt, "--select", "polarity,arithmetic")[1] == []


def test_default_pk_path_relative_to_the_config(project, capsys):
    (project / "pk.csv").write_text(
        PK_COLUMNS
        + "IK.1;Jumlah laporan pengawasan yang diselesaikan;laporan;positive;sum;13;3;3;3;4\n",
        encoding="utf-8",
    )
    config(project, {"pk": "pk.csv", "select": ["pk-mismatch"]})
    found = rules_of(check(capsys, report(project))[1])
    assert ("PKM005", "IK.1") in found and ("PKM002", "IK.2") in found
    other = project / "lain.csv"
    other.write_text(
        PK_COLUMNS
        + "IK.1;Jumlah laporan pengawasan yang diselesaikan;laporan;positive;sum;12;3;3;3;3\n",
        encoding="utf-8",
    )
    # --pk beats the configuration
    found = rules_of(check(capsys, report(project), "--pk", other)[1])
    assert ("PKM005", "IK.1") not in found and ("PKM002", "IK.2") in found


def test_pk_basis(project, capsys):
    pk = project / "pk.csv"
    pk.write_text(
        PK_COLUMNS + "IK.1;Jumlah laporan;laporan;positive;sum;12;1;4;3;12\n", encoding="utf-8"
    )
    assert rules_of(check(capsys, "--pk", pk)[1]) == {("TGT001", "IK.1")}  # per-quarter: 20 != 12
    config(project, {"pk_basis": "cumulative"})
    assert rules_of(check(capsys, "--pk", pk)[1]) == {("TGT002", "IK.1")}  # cumulative: 4 then 3
    assert rules_of(check(capsys, "--pk", pk, "--pk-basis", "per-quarter")[1]) == {
        ("TGT001", "IK.1")
    }


# ---------------------------------------------------------------------------------------- discovery


def test_pyproject_table_and_explicit_config(project, capsys):
    bad = report(project, BASE_TEXT.replace("102,50 %", "112,50 %"))
    (project / "pyproject.toml").write_text(
        '[tool.kinerja-audit]\nignore = ["arithmetic"]\n', encoding="utf-8"
    )
    assert ("ARI001", "IK.5") not in rules_of(check(capsys, bad)[1])
    explicit = config(project / "kerja", {"select": ["ARI001"]}, name="lain.yaml")
    assert rules_of(check(capsys, bad, "--config", explicit)[1]) == {("ARI001", "IK.5")}


# ------------------------------------------------------------------------------- bad configuration


BAD = [
    ({"colour": "red"}, ["'colour'", "select", "polarity"]),
    ({"select": "ARI001"}, ["'select'", "a list of rule ids"]),
    ({"select": ["XYZ999"]}, ["'select'", "XYZ999"]),
    ({"ignore": [1]}, ["'ignore'", "a list"]),
    ({"severity": {"ARI001": "fatal"}}, ["'severity'", "error|warning|info"]),
    ({"severity": {"XYZ999": "error"}}, ["XYZ999"]),
    ({"options": {"ARI001": {"tolerans": 1}}}, ["tolerans", "ARI001", "tolerance"]),
    ({"fail_on": "sometimes"}, ["'fail_on'", "error, warning, info, never"]),
    ({"lang": "fr"}, ["'lang'", "id or en"]),
    ({"max_bytes": -1}, ["'max_bytes'", "a positive integer"]),
    ({"max_pages": 0}, ["'max_pages'", "a positive integer"]),
    ({"max_pages": "500"}, ["'max_pages'", "a positive integer"]),
    ({"tolerance": 10}, ["'tolerance'", "between 0 and 5"]),
    ({"anomaly_threshold": 50}, ["'anomaly_threshold'", "above 100"]),
    ({"pk": 3}, ["'pk'", "PK file"]),
    ({"pk_basis": "quarterly"}, ["'pk_basis'", "per-quarter, cumulative"]),
    ({"zero_target": "always"}, ["'zero_target'", "flag-nonzero, flag-any"]),
    ({"polarity": {"IK.3": "negatif"}}, ["'polarity'", "positive|negative"]),
    ({"polarity": ["IK.3"]}, ["'polarity'", "positive|negative"]),
    ({"polarity": {"Tiga": "negative"}}, ["'polarity'", "Tiga"]),
    ({"annotate_author": ""}, ["'annotate_author'", "1 to 60 characters"]),
    ({"max_files": 0}, ["'max_files'", "from 1 to 1000"]),
]


@pytest.mark.parametrize(
    "data,needles", BAD, ids=[next(iter(d)) + ":" + json.dumps(d)[:30] for d, _ in BAD]
)
def test_bad_config_is_exit_two_one_line(tmp_path, data, needles):
    path = config(tmp_path, data)
    res = subprocess.run([sys.executable, "-m", "kinerja_audit", "check", str(EXAMPLE_REPORT),
                          "--config", str(path), "--lang", "en"],
                         check=False, capture_output=True, text=True, encoding="utf-8")
    assert res.returncode == 2, res.stdout
    assert "Traceback" not in res.stderr + res.stdout
    assert res.stderr.strip().count("\n") == 0, res.stderr
    assert str(path) in res.stderr
    for needle in needles:
        assert needle in res.stderr, (needle, res.stderr)


ENGLISH = (" a list", " a number", " a mapping", "between", "positive integer", "one of ", " or en",
           "above 100", "PK file", "unknown", "allowed", "must be", "nearest")


@pytest.mark.parametrize("data", [d for d, _ in BAD], ids=[json.dumps(d)[:30] for d, _ in BAD])
def test_bad_config_in_indonesian_has_no_english(tmp_path, capsys, data):
    """Issue 9: the Indonesian message is Indonesian throughout (was "harus a number between 0
    and 5")."""
    path = config(tmp_path, data)
    assert cli.main(["check", str(EXAMPLE_REPORT), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and err.count("\n") == 1, err
    assert not [w for w in ENGLISH if w in err], err


def test_bad_config_found_by_discovery(tmp_path):
    (tmp_path / "kinerja-audit.yaml").write_text("lang: [\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "kinerja_audit", "check", str(EXAMPLE_REPORT)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert res.returncode == 2 and "kinerja-audit.yaml" in res.stderr and "YAML" in res.stderr
    assert "Traceback" not in res.stderr
