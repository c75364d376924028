"""Every output format over the same fixed findings (ruff's snapshot idea).

Each format must carry exactly the findings of the JSON contract; golden files pin the exact
output of the text formats.  Regenerate them with ``KINERJA_UPDATE_GOLDEN=1 pytest``.
"""
from __future__ import annotations

import csv
import html
import io
import itertools
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import render_fixture as fx
from openpyxl import load_workbook

from kinerja_audit import i18n as labels
from kinerja_audit import rulepack
from kinerja_audit.findings import CATEGORIES, SEVERITIES, Finding, ReportResult
from kinerja_audit.render import FORMATS, render
from kinerja_audit.render.escape import neutralise

GOLDEN = Path(__file__).parent / "golden" / "render"
UPDATE = os.environ.get("KINERJA_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def fixed_rule_pack(monkeypatch):
    """SARIF reads rule metadata; pin it so golden output does not follow the live packs."""
    monkeypatch.setattr(rulepack, "rules", fx.fake_rules)


@pytest.fixture(scope="module")
def contract() -> dict:
    return fx.build()


def expected(contract: dict) -> list[tuple[str, str, str]]:
    """(source, rule, message) of every finding in the contract, in order."""
    return [(r["source"], f["rule"], f["message"])
            for r in contract["reports"] for f in r["findings"]]


def test_fixture_is_rich_enough(contract):
    findings = [f for r in contract["reports"] for f in r["findings"]]
    assert len(findings) == 9
    assert {f["severity"] for f in findings} == set(SEVERITIES)
    assert len({f["category"] for f in findings}) >= 8
    assert contract["summary"]["reports_unreadable"] == 1


# --- every format carries exactly the findings of the JSON -------------------------------------

def test_json_is_the_contract(contract):
    out = render(contract, "json")
    assert json.loads(out) == contract
    assert "— tanpa" in out and "\\u2014" not in out  # UTF-8, not \u escapes
    assert json.loads(render(contract, "json", lang="en")) == contract


def test_text_has_every_finding(contract):
    out = render(contract, "text")
    for _, rule, message in expected(contract):
        assert f"{rule} " in out and message in out
    heads = [ln for ln in out.splitlines()
             if re.match(r"^    (KESALAHAN|PERINGATAN|INFORMASI) [A-Z]{3}\d{3}", ln)]
    assert len(heads) == len(expected(contract))
    assert "\x1b[" not in out


def test_text_colour_only_on_request(contract):
    coloured = render(contract, "text", color=True)
    assert "\x1b[31;1mKESALAHAN\x1b[0m ARI001" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(contract, "text")


def test_text_strips_terminal_escapes():
    finding = Finding("ARI001", "arithmetic", "error", "IK.1", None, 3,
                      "capaian salah", evidence="x\x1b[2J\x1b]0;pwned\x07y")
    out = render(fx.build([ReportResult(source="a.txt", findings=[finding])]), "text")
    assert "\x1b" not in out and "\x07" not in out


def test_text_groups_and_summarises(contract):
    out = render(contract, "text")
    sections = ("Umum", "BAB III AKUNTABILITAS KINERJA", "LAMPIRAN")
    general, bab3, annex = (out.index(f"\n{s}\n") for s in sections)
    assert general < bab3 < annex < out.index("== laporan/rusak.pdf ==")
    assert "Cakupan: 6 indikator, 14 klaim narasi, 1 angka tidak terbaca" in out
    assert "Ringkasan: 9 temuan (kesalahan: 2, peringatan: 4, informasi: 3)" in out
    assert "  - PDF terenkripsi; teks tidak dapat diambil." in out
    worst = out[out.index("== Ringkasan keseluruhan =="):]
    assert worst.index("laporan/rusak.pdf") < worst.index(fx.SOURCE)


def test_text_single_report_has_no_batch_summary():
    out = render(fx.build(fx.results()[:1]), "text")
    assert "Ringkasan keseluruhan" not in out


def read_csv(out: str) -> list[list[str]]:
    assert out.startswith("\ufeff")
    return list(csv.reader(io.StringIO(out[1:])))


def test_csv_has_every_finding(contract):
    header, *rows = read_csv(render(contract, "csv"))
    assert header == [
        "Laporan",
        "Aturan",
        "Kategori",
        "Tingkat",
        "Indikator",
        "Bagian",
        "Halaman",
        "Baris",
        "Lembar/tabel",
        "Baris data",
        "Temuan",
        "Tertulis",
        "Seharusnya",
        "Bukti",
        "Saran perbaikan",
    ]
    assert [(r[0], r[1], r[10]) for r in rows] == expected(contract)
    ari = next(r for r in rows if r[1] == "ARI001")
    assert ari[2:8] == [
        "aritmetika",
        "kesalahan",
        "IK.3",
        "BAB III AKUNTABILITAS KINERJA",
        "4",
        "123",
    ]


def read_xlsx(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    review, summary, *_per_report = wb.worksheets
    rows = [[c.value for c in row] for row in review.iter_rows()]
    return wb, review, summary, rows


def test_xlsx_working_paper_has_every_finding(contract):
    _, review, summary, rows = read_xlsx(render(contract, "xlsx"))
    assert review.title == "Kertas Kerja Reviu" and summary.title == "Ringkasan"
    header, *body = rows
    assert header == ["No", "Laporan", "Bagian", "Halaman/Baris", "Indikator", "Aturan", "Kategori",
                      "Tingkat", "Temuan", "Tertulis", "Seharusnya", "Bukti", "Saran perbaikan"]
    assert [(r[1], r[5], r[8]) for r in body] == expected(contract)
    assert [r[0] for r in body] == list(range(1, 10))
    ari = next(r for r in body if r[8].startswith("Capaian IK.3"))
    assert ari[2:8] == ["BAB III AKUNTABILITAS KINERJA", "hlm. 4, baris 123", "IK.3", "ARI001",
                        "aritmetika", "kesalahan"]
    finding = next(f for r in contract["reports"] for f in r["findings"] if f["rule"] == "ARI001")
    assert ari[11] == finding["evidence"] and ari[11]
    assert review.freeze_panes == "A2"
    assert review.auto_filter.ref == "A1:M10"
    assert review["I2"].alignment.wrap_text
    assert review.column_dimensions["I"].width >= 40


def test_xlsx_prints_landscape_fitted_to_width_with_repeated_header(contract):
    """Issue 13: the working paper prints as a working paper."""
    wb, review, _, _ = read_xlsx(render(contract, "xlsx"))
    for ws in [review] + wb.worksheets[2:]:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows in ("1:1", "$1:$1")


def test_xlsx_batch_has_a_sheet_per_report(contract):
    """Issue 13: in a batch, each report also gets its own sheet with its own findings."""
    wb, _, _, rows = read_xlsx(render(contract, "xlsx"))
    per_report = wb.worksheets[2:]
    assert [ws.title for ws in per_report] == ["lkj tw2 2025 bkhit", "rusak"]
    own = [[c.value for c in row] for row in per_report[0].iter_rows()]
    assert own[0] == rows[0] and [r[8] for r in own[1:]] == [r[8] for r in rows[1:]]
    assert [[c.value for c in row] for row in per_report[1].iter_rows()] == [rows[0]]


def test_xlsx_summary_counts_and_reports(contract):
    _, _, summary, _ = read_xlsx(render(contract, "xlsx"))
    values = [[c.value for c in row] for row in summary.iter_rows()]
    pairs = {(r[0], r[1]) for r in values}
    assert {("kesalahan", 2), ("peringatan", 4), ("informasi", 3), ("aritmetika", 1)} <= pairs
    by_source = {r[0]: r for r in values if r[0] in (fx.SOURCE, fx.BROKEN)}
    assert by_source[fx.SOURCE][5:7] == [9, "terbaca"]
    assert by_source[fx.BROKEN][6].startswith("PDF terenkripsi")


def test_xlsx_single_report_keeps_the_report_column():
    """Issue 13: the report column is always there (a working paper names the report it reviews);
    one report needs no sheet of its own."""
    wb, _, _, rows = read_xlsx(render(fx.build(fx.results()[:1]), "xlsx"))
    assert rows[0][1] == "Laporan" and {r[1] for r in rows[1:]} == {fx.SOURCE} and len(rows) == 10
    assert len(wb.worksheets) == 2


def test_html_has_every_finding(contract):
    out = render(contract, "html")
    assert out.count('<article class="finding ') == len(expected(contract))
    for source, _, message in expected(contract):
        assert html.escape(message) in out and html.escape(source) in out
    for cat in contract["summary"]["by_category"]:
        assert f'data-filter="category" value="{cat}"' in out
    assert "<mark>237,93%</mark>" in out


def split_md_row(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [html.unescape(re.sub(r"\\(.)", r"\1", c.strip())) for c in cells]


def md_finding_rows(out: str) -> list[list[str]]:
    header = split_md_row(next(ln for ln in out.splitlines() if ln.startswith("| No |")))
    rows = [split_md_row(ln) for ln in out.splitlines() if re.match(r"^\| \d+ \|", ln)]
    return [dict(zip(header, r)) for r in rows]


def test_md_has_every_finding(contract):
    rows = md_finding_rows(render(contract, "md"))
    assert [(r["Aturan"], r["Temuan"]) for r in rows] == [(r, m) for _, r, m in expected(contract)]
    assert all(len(r) == 11 for r in rows)


def test_sarif_has_every_finding(contract):
    sarif = json.loads(render(contract, "sarif"))
    assert sarif["version"] == "2.1.0"
    run, = sarif["runs"]
    results = run["results"]
    uri = "laporan/lkj%20tw2%202025%20bkhit.txt"
    got = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
            r["message"]["text"]) for r in results]
    assert got == [(uri, r, m) for _, r, m in expected(contract)]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert (levels["ARI001"], levels["ZER001"], levels["UNT001"]) == ("error", "warning", "note")
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r for _, r, _ in expected(contract)})
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    by_id = {r["id"]: r for r in rules}
    assert by_id["ARI001"]["name"] == "capaian-arithmetic"
    assert by_id["ARI001"]["shortDescription"]["text"].startswith("Capaian tertulis")
    assert "237,93%" in by_id["ARI001"]["help"]["text"]
    assert by_id["XYZ999"]["name"] == "XYZ999"  # no spec: falls back to id and category
    assert by_id["XYZ999"]["shortDescription"]["text"] == "struktur"
    region = {r["ruleId"]: r["locations"][0]["physicalLocation"].get("region") for r in results}
    assert region["ARI001"]["startLine"] == 123 and region["XYZ999"] is None
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == contract["reports"][1]["errors"]


def test_junit_has_every_finding(contract):
    root = ET.fromstring(render(contract, "junit"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [fx.SOURCE, fx.BROKEN]
    got = []
    for suite in suites:
        for case in suite.findall("testcase"):
            failure, out = case.find("failure"), case.find("system-out")
            if failure is not None:
                got.append((suite.get("name"), failure.get("type"), failure.get("message"), "fail"))
            elif out is not None:
                rule, message = case.get("name").split()[0], out.text.splitlines()[0]
                got.append((suite.get("name"), rule, message, "pass"))
    sev = {(r["source"], f["rule"]): f["severity"]
           for r in contract["reports"] for f in r["findings"]}
    assert [g[:3] for g in got] == expected(contract)
    assert all((g[3] == "fail") == (sev[g[:2]] == "error") for g in got)   # --fail-on error
    assert root.get("failures") == "2" and root.get("errors") == "1"
    broken, = suites[1].findall("testcase")
    assert broken.find("error").text.splitlines() == contract["reports"][1]["errors"]


@pytest.mark.parametrize(
    "fail_on,failing", [("error", 2), ("warning", 6), ("info", 9), ("never", 0)]
)
def test_junit_failures_follow_fail_on(contract, fail_on, failing):
    """Issue 13: JUnit fails exactly the findings that fail the exit code."""
    root = ET.fromstring(render(contract, "junit", fail_on=fail_on))
    assert root.get("failures") == str(failing)
    assert len(root.findall(".//failure")) == failing


def test_junit_report_without_findings_passes():
    root = ET.fromstring(render(fx.build([ReportResult(source="bersih.txt")]), "junit"))
    case, = root.iter("testcase")
    assert list(case) == [] and case.get("name") == "tanpa temuan"
    assert root.get("tests") == "1" and root.get("failures") == "0"


# --- language ---------------------------------------------------------------------------------

def headers(contract: dict, lang: str) -> dict[str, list[str]]:
    _, review, summary, rows = read_xlsx(render(contract, "xlsx", lang=lang))
    md = render(contract, "md", lang=lang).splitlines()
    return {
        "csv": read_csv(render(contract, "csv", lang=lang))[0],
        "xlsx": rows[0] + [review.title, summary.title, summary["A1"].value, summary["B1"].value],
        "md": [cell for head, sep in itertools.pairwise(md) if sep.startswith("|---")
               for cell in split_md_row(head)],
    }


def test_english_changes_every_header(contract):
    ind, eng = headers(contract, "id"), headers(contract, "en")
    for fmt in ind:
        assert len(ind[fmt]) == len(eng[fmt]) > 0
        same = [(a, b) for a, b in zip(ind[fmt], eng[fmt]) if a == b]
        assert same == [], f"{fmt}: untranslated headers {same}"


def test_english_text_and_html_labels(contract):
    text = render(contract, "text", lang="en")
    assert "Found: 237,93%" in text and "Expected: 87,93%" in text and "Suggestion: " in text
    assert "page 4, line 123" in text and "General" in text and "Overall summary" in text
    assert not re.search(r"Tertulis|Seharusnya|Saran|hlm\.|baris|Ringkasan|Umum", text)
    page = render(contract, "html", lang="en")
    assert '<html lang="en">' in page and "Filter findings" in page and "Saring" not in page


def test_unknown_format_or_language(contract):
    with pytest.raises(ValueError, match="format"):
        render(contract, "pdf")
    with pytest.raises(ValueError, match="language"):
        render(contract, "text", lang="fr")


def test_every_category_and_severity_has_a_label():
    ui = labels.load()
    assert {f"cat.{c}" for c in CATEGORIES} <= ui.keys()
    assert {f"sev.{s}" for s in SEVERITIES} <= ui.keys()


def test_import_is_light():
    heavy = ("openpyxl", "yaml", "kinerja_audit.render.")
    code = ("import sys, kinerja_audit.render as r; "
            f"print([m for m in sys.modules if m.startswith({heavy!r})])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- security --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_formula_starts(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["1+1", "IK.3", "", 12, None])
def test_neutralise_leaves_the_rest(value):
    assert neutralise(value) == value


def test_csv_neutralises_formulas(contract):
    header, *rows = read_csv(render(contract, "csv"))
    unit = next(r for r in rows if r[1] == "UNT001")
    assert unit[header.index("Bukti")] == "'" + fx.FORMULA + " dokumen"
    assert unit[header.index("Saran perbaikan")] == "'=Ganti satuan menjadi nilai."
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_xlsx_has_no_formula_cells(contract):
    wb, _, _, rows = read_xlsx(render(contract, "xlsx"))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'=Ganti satuan menjadi nilai." in [v for r in rows for v in r]
    status = [c.value for c in cells if isinstance(c.value, str) and "bukan" in c.value]
    assert status and all(v.startswith(("PDF", "'=")) for v in status)


def test_html_batch_has_an_index_of_reports(contract):
    """Issue 13: a batch page lists its reports, each linked to its own section."""
    page = render(contract, "html")
    nav = page[page.index('<nav class="panel index">'):page.index("</nav>")]
    for no, report in enumerate(contract["reports"], start=1):
        assert f'href="#laporan-{no}"' in nav and html.escape(report["source"]) in nav
        assert f'id="laporan-{no}"' in page
    assert '<nav class="panel index">' not in render(fx.build(fx.results()[:1]), "html")


def test_html_escapes_report_text(contract):
    out = render(contract, "html")
    assert out.count("<script") == 1  # our own inline script only
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "<b>bukan</b>" not in out and "&lt;b&gt;bukan&lt;/b&gt;" in out
    assert "<mark>realisasi 12</mark> dari target 40 &lt;script&gt;" in out


def test_html_escapes_attributes():
    finding = Finding("ARI001", 'x" onmouseover="alert(1)', "error", None, None, None, "m")
    out = render(fx.build([ReportResult(source="a.txt", findings=[finding])]), "html")
    assert 'onmouseover="' not in out and "x&quot; onmouseover=&quot;alert(1)" in out


def test_md_escapes_report_text(contract):
    out = render(contract, "md")
    assert r"Bab \| Penutup \*tidak\* ditemukan \[lihat pedoman\] \_wajib\_." in out
    assert "<script>" not in out and "<b>" not in out


def test_junit_and_sarif_survive_control_characters():
    finding = Finding("ARI001", "arithmetic", "error", None, 1, 2, "pa\x0cge\x00", evidence="\x1b")
    data = fx.build([ReportResult(source="a.txt", findings=[finding])])
    assert ET.fromstring(render(data, "junit")).find(".//failure").get("message") == "page"
    result = json.loads(render(data, "sarif"))["runs"][0]["results"][0]
    assert result["message"]["text"] == "pa\x0cge\x00"


# --- golden files -------------------------------------------------------------------------------

GOLDEN_CASES = [("text", "id", "txt"), ("text", "en", "txt"), ("md", "id", "md"),
                ("csv", "id", "csv"), ("sarif", "id", "sarif.json"), ("junit", "id", "xml"),
                ("json", "id", "json")]


@pytest.mark.parametrize("fmt,lang,ext", GOLDEN_CASES,
                         ids=[f"{f}-{lang}" for f, lang, _ in GOLDEN_CASES])
def test_golden(contract, fmt, lang, ext):
    path = GOLDEN / f"batch.{lang}.{ext}"
    out = render(contract, fmt, lang=lang)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(out.encode("utf-8"))
    assert path.exists(), f"missing {path}; run with KINERJA_UPDATE_GOLDEN=1"
    assert out == path.read_bytes().decode("utf-8"), (
        f"{fmt} output changed; if intended, regenerate with KINERJA_UPDATE_GOLDEN=1")


def test_golden_covers_every_text_format():
    assert {f for f, _, _ in GOLDEN_CASES} == set(FORMATS) - {"xlsx", "html"}


def test_html_highlight_ignores_whitespace_and_escapes():
    from kinerja_audit.render.html_ import highlight

    assert highlight("IK.2 | 500 % <b>", "500%") == "IK.2 | <mark>500 %</mark> &lt;b&gt;"
    assert highlight("a < b", "<") == "a <mark>&lt;</mark> b"
    assert highlight("tidak ada", "500%") == "tidak ada"
    assert highlight("x", None) == "x"


def test_coverage_prints_known_and_unknown_keys():
    coverage = {"indicators": 3, "tables": 2, "pages_ocr": 1}
    data = fx.build([ReportResult(source="a.txt", coverage=coverage)])
    assert "Cakupan: 3 indikator, 2 tabel, pages_ocr: 1" in render(data, "text")


@pytest.mark.parametrize("source,uri", [
    ("laporan/lkj tw2.txt", "laporan/lkj%20tw2.txt"),
    ("laporan\\lkj#2.pdf", "laporan/lkj%232.pdf"),
    ("/data/lkj tw2.txt", "file:///data/lkj%20tw2.txt"),
    ("C:\\data\\lkj.pdf", "file:///C:/data/lkj.pdf"),
])
def test_sarif_artifact_uri(source, uri):
    from kinerja_audit.render.sarif import artifact_uri

    assert artifact_uri(source) == uri


def test_the_coverage_line_counts_and_leaves_the_unread_cells_to_the_json():
    from kinerja_audit.render.common import coverage_text

    coverage = {"indicators": 10, "unparsed_numbers": 1,
                "unparsed_cells": [{"line": 12, "text": "1% dr jumlah pddk"}], "lines": 650}
    assert coverage_text(coverage, "id") == "10 indikator, 1 angka tidak terbaca, 650 baris teks"
    assert coverage_text(coverage, "en") == "10 indicators, 1 numbers not parsed, 650 text lines"


def test_findings_are_headed_by_the_indicators_name_where_the_report_gives_it():
    """Text output heads an indicator's findings with its code and name ("Indikator 1 - Jumlah
    PMKS ..."); an indicator the report does not name (near miss) keeps its code alone."""
    from kinerja_audit.render import common

    finding = {"rule": "PRS003", "indicator": "Indikator 1", "section": None}
    named = {"findings": [finding], "indicators": [{"code": "Indikator 1",
                                                      "name": "Jumlah PMKS yang ditangani"}]}
    [(_, [(heading, _)])] = common.grouped(named, "id")
    assert heading == "Indikator 1 – Jumlah PMKS yang ditangani"
    unnamed = {"findings": [finding], "indicators": [{"code": "Indikator 1", "name": None}]}
    [(_, [(heading, _)])] = common.grouped(unnamed, "id")
    assert heading == "Indikator 1"


def test_an_indicator_named_by_its_shortened_name_is_headed_by_the_name_alone():
    """A report without codes names an indicator by the start of its name: the heading is the
    name, not the shortened name and the name again."""
    from kinerja_audit.render import common

    name = "Pencapaian Status Mutu Sungai Utama dan Waduk Besar"
    finding = {"rule": "ARI001", "indicator": name[:30], "section": None}
    report = {"findings": [finding], "indicators": [{"code": name[:30], "name": name}]}
    [(_, [(heading, _)])] = common.grouped(report, "id")
    assert heading == name
