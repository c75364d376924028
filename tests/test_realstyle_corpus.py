"""The real-style corpus (tests/realstyle) is a sound, independent measure.

These tests check the corpus itself, not the tool: every document has its ground truth, every
evidence is an exact quotation, the categories are the contract's, exactly a third of the documents
are kept for measuring, and no document shares a run of eight words with the real material in
../shared (the corpus is written, not copied). They also pin the scorer's matching rules.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from needs import need

CORPUS = Path(__file__).resolve().parent / "realstyle"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CATEGORIES = {
    "structure", "numbering", "arithmetic", "zero-target", "target-sum", "table-mismatch",
    "narrative-number", "narrative-verdict", "narrative-period", "ik-label", "ik-name", "unit",
    "anomaly", "pk-mismatch", "polarity", "range", "parse",
}
KINDS = {"annual": r"\d{4}", "quarterly": r"TW[1-4]-\d{4}", "semester": r"S[12]-\d{4}"}
RUN = 8  # words


def _load_scorer():
    spec = importlib.util.spec_from_file_location("realstyle_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


score = _load_scorer()


def _documents() -> list[tuple[str, str, dict]]:
    docs = []
    for meta in sorted(CORPUS.glob("*.yaml")):
        text = meta.with_suffix(".txt").read_text(encoding="utf-8")
        docs.append((meta.stem, text, yaml.safe_load(meta.read_text(encoding="utf-8"))))
    return docs


DOCS = _documents()
IDS = [name for name, _, _ in DOCS]


def test_every_document_has_its_truth_and_there_are_enough():
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    truths = {p.stem for p in CORPUS.glob("*.yaml")}
    assert texts == truths
    assert len(texts) >= 36
    assert all(re.fullmatch(r"\d{2}_[a-z0-9_]+", name) for name in texts)


@pytest.mark.parametrize(("name", "text", "truth"), DOCS, ids=IDS)
def test_metadata(name, text, truth):
    assert truth["kind"] in KINDS
    period = str(truth["period"])
    assert re.fullmatch(KINDS[truth["kind"]], period), period
    assert 2015 <= int(period[-4:]) <= 2025
    assert period[-4:] in text, "the report year appears in the document"
    for key in ("agency", "style"):
        assert isinstance(truth[key], str) and truth[key].strip()
    assert truth["split"] in {"tune", "measure"}
    assert isinstance(truth["indicators"], list) and truth["indicators"]
    for indicator in truth["indicators"]:
        assert {"code", "name", "unit", "target", "realisasi", "capaian"} <= set(indicator)


@pytest.mark.parametrize(("name", "text", "truth"), DOCS, ids=IDS)
def test_issues_quote_the_document(name, text, truth):
    for issue in truth["issues"] or []:
        assert issue["category"] in CATEGORIES, issue
        assert issue.get("severity", "minor") == "minor", issue
        assert issue["evidence"] in text, issue["evidence"]
        assert str(issue.get("note") or "").strip(), issue


@pytest.mark.parametrize(("name", "text", "truth"), DOCS, ids=IDS)
def test_clean_facts_quote_the_document_apart_from_the_issues(name, text, truth):
    issue_spans = [span for issue in truth["issues"] or []
                   for span in _spans(text, issue["evidence"])]
    for fact in truth["clean"] or []:
        assert str(fact.get("check") or "").strip(), fact
        spans = _spans(text, fact["evidence"])
        assert spans, fact["evidence"]
        for start, end in spans:
            overlapping = [s for s in issue_spans if s[0] < end and start < s[1]]
            assert not overlapping, f"clean evidence overlaps an issue: {fact['evidence']!r}"


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def test_a_third_is_kept_for_measuring_across_styles():
    splits = Counter(truth["split"] for _, _, truth in DOCS)
    assert splits["measure"] * 3 == len(DOCS), splits
    measure = [truth for _, _, truth in DOCS if truth["split"] == "measure"]
    assert {t["kind"] for t in measure} >= {"annual", "quarterly"}
    assert any(not t["issues"] for t in measure), "a clean control is measured"
    categories = {i["category"] for t in measure for i in t["issues"] or []}
    assert len(categories) >= 8, categories


def test_defect_density_is_realistic_and_traps_outnumber_defects():
    issues = sum(len(t["issues"] or []) for _, _, t in DOCS)
    clean = sum(len(t["clean"] or []) for _, _, t in DOCS)
    controls = sum(1 for _, _, t in DOCS if not t["issues"])
    assert clean >= issues
    assert 0.2 <= controls / len(DOCS) <= 0.35, controls
    kinds = Counter(t["kind"] for _, _, t in DOCS)
    assert kinds["quarterly"] and kinds["semester"] and kinds["annual"]
    sizes = [len(text.encode("utf-8")) for _, text, _ in DOCS]
    assert sum(size >= 10_000 for size in sizes) >= 3, "a few whole small reports"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def _shared_runs() -> set[tuple[str, ...]]:
    need(SHARED.is_dir(), f"the shared real material is not available at {SHARED}")
    texts = []
    pdfs = []
    for path in sorted(SHARED.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix.lower() == ".pdf":
            pdfs.append(path)
        else:
            texts.append(path.read_text(encoding="utf-8", errors="ignore"))
    if pdfs:
        try:
            import pypdfium2
        except ImportError:
            pypdfium2 = None
        need(pypdfium2 is not None, "pypdfium2 (installed with pdfplumber) reads the shared PDFs")
        for path in pdfs:
            pdf = pypdfium2.PdfDocument(str(path))
            try:
                texts.append("\n".join(page.get_textpage().get_text_range() for page in pdf))
            finally:
                pdf.close()
    runs = set()
    for text in texts:
        words = _words(text)
        runs.update(tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1))
    return runs


@pytest.fixture(scope="module")
def shared_runs():
    return _shared_runs()


def test_no_document_copies_the_shared_material(shared_runs):
    copied = {}
    for name, text, _ in DOCS:
        words = _words(text)
        hits = [" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)
                if tuple(words[i:i + RUN]) in shared_runs]
        if hits:
            copied[name] = hits[:3]
    assert not copied, copied


# The scorer -----------------------------------------------------------------------------------

def test_indicator_numbers_come_from_the_end_of_the_label():
    assert score.indicator_number("IK.4") == 4
    assert score.indicator_number("IKU 12") == 12
    assert score.indicator_number("3.") == 3
    assert score.indicator_number("IKSS 1.2") == 2
    assert score.indicator_number("Sasaran 3 / 1.") == 3
    assert score.indicator_number("IKU 6b") is None
    assert score.indicator_number("Persentase obat") is None
    assert score.indicator_number(None) is None
    assert score.indicator_number(7) == 7


def _truth(required=(), optional=()):
    return score.Truth("doc", "measure", set(required), set(optional))


def test_an_issue_needs_its_category_and_number_unless_it_has_no_number():
    truth = _truth(required={(4, "narrative-verdict"), (None, "narrative-period")})
    hits, false = score.match({(4, "narrative-verdict"), (2, "narrative-period")}, truth)
    assert hits == {(4, "narrative-verdict"), (None, "narrative-period")}
    assert false == {(2, "narrative-period")}
    hits, false = score.match({(5, "narrative-verdict")}, truth)
    assert hits == set() and false == {(5, "narrative-verdict")}


def test_minor_issues_are_optional_and_report_level_structure_is_free():
    truth = _truth(required={(1, "arithmetic")}, optional={(3, "unit")})
    found = {(3, "unit"), (None, "structure"), (None, "parse"), (None, "arithmetic")}
    hits, false = score.match(found, truth)
    assert hits == set()
    assert false == set()
    hits, false = score.match({(2, "structure")}, truth)
    assert false == {(2, "structure")}


def test_the_truth_scores_perfectly_and_silence_scores_nothing():
    def perfect(text_path: Path):
        truth = yaml.safe_load(text_path.with_suffix(".yaml").read_text(encoding="utf-8"))
        return {(score.indicator_number(i.get("indicator")), i["category"])
                for i in truth["issues"] or []}, None

    result = score.score_corpus("measure", CORPUS, runner=perfect)
    assert len(result.documents) * 3 == len(DOCS)
    assert result.recall == 1.0 and result.precision == 1.0
    silent = score.score_corpus("all", CORPUS, runner=lambda path: (set(), None))
    assert silent.hits == 0 and silent.findings == 0 and silent.recall == 0.0
    assert silent.required == sum(
        1 for _, _, t in DOCS for i in t["issues"] or [] if i.get("severity") != "minor")


def test_the_tool_command_can_be_replaced(monkeypatch, tmp_path):
    monkeypatch.setenv("KA_CMD", "my-tool check {file} --json")
    assert score.tool_command(tmp_path / "a.txt") == ["my-tool", "check", str(tmp_path / "a.txt"),
                                                      "--json"]
    monkeypatch.setenv("KA_CMD", "my-tool check")
    assert score.tool_command(tmp_path / "a.txt")[-1] == str(tmp_path / "a.txt")
    monkeypatch.delenv("KA_CMD")
    default = score.tool_command(tmp_path / "a.txt")
    assert default[1:] == ["check", str(tmp_path / "a.txt"), "--format", "json",
                           "--fail-on", "never"]
