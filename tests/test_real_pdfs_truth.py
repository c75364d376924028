"""The ground truth of the five whole real PDFs (tests/real_pdfs/*.yaml) is true to the PDFs.

Every evidence phrase must stand on its page of the PDF's text layer (read with pypdfium2,
whitespace collapsed), every indicator name on its page, every parsed value must be the printed
value read the Indonesian way, and every printed capaian must follow from its target and
realisasi unless a review entry says it does not.  The PDFs live outside the project
(../shared/real-pdfs, or KA_REAL_PDFS): the PDF-reading tests skip without them locally and fail
in CI.  The matching rules of tests/real_pdfs/check.py are tested here on the truth itself.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import pytest
import yaml
from needs import need

from tests.real_pdfs import check as C

TRUTHS = C.truth_files()
IDS = [p.stem for p in TRUTHS]


@functools.cache
def page_texts(pdf: Path) -> tuple[str, ...]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return tuple(C.normalise_text(doc[i].get_textpage().get_text_bounded())
                     for i in range(len(doc)))
    finally:
        doc.close()


@pytest.fixture(scope="module")
def pdf_folder() -> Path:
    folder = C.pdf_dir()
    need(folder.is_dir(), f"real PDFs not available at {folder}")
    return folder


def _pdf(truth: dict, folder: Path) -> Path:
    path = C.pdf_of(truth, folder)
    need(path.exists(), f"{path.name} not in {folder}")
    return path


def _entries(truth: dict):
    for section in ("review", "consistent"):
        for k, entry in enumerate(truth.get(section) or []):
            yield f"{section}[{k}]", entry


def test_there_is_a_truth_file_per_pdf():
    assert len(TRUTHS) == 5
    assert len({C.load_truth(p)["file"] for p in TRUTHS}) == 5


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_truth_file_shape(path):
    truth = C.load_truth(path)
    assert truth["file"] == f"{path.stem}.pdf"
    assert truth["kind"] in C.KINDS
    kind, year, _ = C.period_of(truth["period"])
    assert kind == truth["kind"] and 2000 < year < 2100
    assert truth["agency"] and truth.get("agency_printed")
    assert truth["indicators"], "a results table has indicators"
    names = {i["name"] for i in truth["indicators"]} | {
        i["name"] for i in truth.get("pk_only") or []
    }
    codes = {str(i.get("code")) for i in truth["indicators"] if i.get("code") is not None}
    for ind in truth["indicators"]:
        for key in ("page", "code", "name", "unit", "target", "realisasi", "capaian",
                    "target_value", "realisasi_value", "capaian_value"):
            assert key in ind, f"{ind['name']}: no {key}"
    seen = set()
    for where, entry in _entries(truth):
        assert isinstance(entry["page"], int) and entry.get("evidence") and entry.get("note"), where
        if where.startswith("review"):
            assert entry["category"] in C.CATEGORIES, where
            assert set(entry.get("also_categories") or []) <= set(C.CATEGORIES), where
            assert entry.get("severity") in (None, "minor"), where
            key = (entry["page"], entry["category"], entry["evidence"])
            assert key not in seen, f"{where} repeats an entry"
            seen.add(key)
        ref = entry.get("indicator")
        assert ref is None or str(ref) in codes or ref in names, (
            f"{where}: unknown indicator {ref!r}"
        )


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_values_are_the_printed_numbers(path):
    for ind in C.load_truth(path)["indicators"]:
        for name in ("target", "realisasi", "capaian"):
            printed, value = ind.get(name), ind.get(f"{name}_value")
            parsed = C.parse_id_number(printed)
            assert (parsed is None) == (value is None), (
                f"{ind['name']}: {name} {printed!r} vs {value}"
            )
            if value is not None:
                assert parsed == pytest.approx(value), f"{ind['name']}: {name} {printed!r}"


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_every_capaian_follows_or_is_reviewed(path):
    truth = C.load_truth(path)
    reviewed = {str(e.get("indicator")) for e in truth.get("review") or []
                if e["category"] in ("arithmetic", "polarity")}
    for ind in truth["indicators"]:
        if C.capaian_consistent(ind) is False:
            assert str(ind.get("code")) in reviewed or ind["name"] in reviewed, ind["name"]


def test_capaian_consistency_uses_rounding_and_ranges():
    ind = {"target": "0,53%", "target_value": 0.53, "realisasi": "0,34 %", "realisasi_value": 0.34,
           "capaian": "63,36 %", "capaian_value": 63.36}
    assert C.capaian_consistent(ind) is True                  # 0,34 may be 0,336
    assert C.capaian_consistent({**ind, "capaian_value": 66.5, "capaian": "66,5"}) is False
    grk = {"target": "5-6%", "target_value": None, "target_range": [5, 6],
           "realisasi": "11,45%", "realisasi_value": 11.45, "capaian": "190,83%",
           "capaian_value": 190.83}
    assert C.capaian_consistent(grk) is True
    assert C.capaian_consistent({**grk, "capaian_value": 250.0}) is False
    assert C.capaian_consistent({**grk, "realisasi_value": None}) is None


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_evidence_stands_on_its_page(path, pdf_folder):
    truth = C.load_truth(path)
    pdf = _pdf(truth, pdf_folder)
    shared = pdf.with_suffix(".yaml")
    if shared.exists():
        meta = yaml.safe_load(shared.read_text(encoding="utf-8"))
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == meta["sha256"], "another version"
    pages = page_texts(pdf)
    for where, entry in _entries(truth):
        assert 1 <= entry["page"] <= len(pages), where
        for phrase in [entry["evidence"]] + list(entry.get("related") or []):
            text = C.normalise_text(phrase)
            assert text in pages[entry["page"] - 1], (
                f"{where}: {text!r} not on page {entry['page']}"
            )


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_indicator_names_stand_on_their_page(path, pdf_folder):
    truth = C.load_truth(path)
    pages = page_texts(_pdf(truth, pdf_folder))
    for ind in list(truth["indicators"]) + list(truth.get("pk_only") or []):
        assert _name_on_page(ind["name"], pages, ind["page"]), \
            f"{ind['name']!r} not on page {ind['page']}"
        for other in ind.get("also_in") or []:
            assert 1 <= other["page"] <= len(pages)


def _name_on_page(name: str, pages, page: int) -> bool:
    """The name is on the page, or begins there and ends on the next
    (a row split by a page break)."""
    here = C.squeeze(pages[page - 1])
    if C.squeeze(name) in here:
        return True
    following = C.squeeze(pages[page]) if page < len(pages) else ""
    parts = name.split()
    return any(
        C.squeeze(" ".join(parts[:k])) in here and C.squeeze(" ".join(parts[k:])) in following
        for k in range(1, len(parts))
    )


# ---------------------------------------------------------------------------- check.py itself
def _as_tool(ind: dict, line: int) -> dict:
    return {"code": f"IK.{ind['code']}" if ind.get("code") else None, "name": ind["name"],
            "target": ind.get("target_value"), "realisasi": ind.get("realisasi_value"),
            "capaian_reported": ind.get("capaian_value"), "line": line}


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_indicator_matching(path):
    truth = C.load_truth(path)
    tool = [_as_tool(ind, n) for n, ind in enumerate(truth["indicators"], 1)]
    results, extra = C.match_indicators(truth, tool)
    assert [r.status for r in results] == ["ok"] * len(results) and not extra
    first = truth["indicators"][0]
    results, _ = C.match_indicators(truth, tool + [_as_tool(first, 10_000)])
    assert results[0].status == "duplicated"
    wrong = dict(tool[0], realisasi=(tool[0]["realisasi"] or 0) + 7)
    results, _ = C.match_indicators(truth, [wrong])
    assert results[0].status == "wrong-values"
    assert all(r.status == "missing" for r in results[1:])
    full = [
        ind
        for ind in truth["indicators"]
        if sum(ind.get(f"{k}_value") is not None for k in ("target", "realisasi", "capaian")) >= 2
    ]
    if full:                          # a nameless row is known by its values
        nameless = dict(_as_tool(full[0], 1), name=None, code=None)
        results, extra = C.match_indicators(truth, [nameless])
        assert [r.status for r in results if r.matches] == ["ok"] and not extra


def test_meta_and_period():
    truth = {"kind": "quarterly", "period": "TW2-2023", "agency": "Dinas Pendidikan dan Kebudayaan "
             "Kota Tangerang Selatan", "agency_printed": "Dinas Pendidikan dan Kebudayaan"}
    good = {
        "kind": "quarterly",
        "year": 2023,
        "quarter": 2,
        "agency": "DINAS PENDIDIKAN DAN KEBUDAYAAN",
    }
    assert all(m["ok"] for m in C.check_meta(truth, good).values())
    bad = C.check_meta(truth, {**good, "quarter": 4, "agency": "Kantor | | | Jumlah Paket"})
    assert not bad["period"]["ok"] and not bad["agency"]["ok"] and bad["kind"]["ok"]
    assert C.period_of("S1-2024") == ("semester", 2024, 2)
    with pytest.raises(ValueError):
        C.period_of("2016-2017")


def test_numbers_are_read_the_indonesian_way():
    cases = {"1.000 orang": 1000, "0,34 %": 0.34, "-7,20 %": -7.2, "464.971,75": 464971.75,
             "114.78 %": 114.78, "2,316,515": 2316515, "80,10 (A)": 80.10, "4336": 4336}
    for text, value in cases.items():
        assert C.parse_id_number(text) == pytest.approx(value), text
    for text in ("5-6%", "1% dr jumlah pddk Jabar", "464.71,75", "-", None):
        assert C.parse_id_number(text) is None, text


@pytest.mark.parametrize("path", TRUTHS, ids=IDS)
def test_finding_matching(path):
    truth = C.load_truth(path)
    for k, entry in enumerate(truth.get("review") or []):
        finding = {"category": entry["category"], "page": entry["page"],
                   "evidence": entry["evidence"], "message": entry["note"],
                   "expected": entry.get("expected"), "found": entry.get("found")}
        verdict = C.match_findings(truth, [finding])[0]
        assert verdict.verdict == "review", f"review[{k}] not matched by its own finding"
        other = next(c for c in C.CATEGORIES if c != entry["category"])
        assert C.match_findings(truth, [{**finding, "category": other}])[0].index != k
        if entry.get("found") is not None:
            off = {**finding, "found": "999.999.999", "message": "999.999.999"}
            assert C.match_findings(truth, [off])[0].index != k, (
                f"review[{k}] matched a wrong value"
            )
    for k, entry in enumerate(truth.get("consistent") or []):
        finding = {"category": "arithmetic", "page": entry["page"], "evidence": entry["evidence"],
                   "message": "x", "expected": "1", "found": "2"}
        verdict = C.match_findings(truth, [finding])[0]
        assert verdict.verdict in ("consistent", "review"), f"consistent[{k}]"
