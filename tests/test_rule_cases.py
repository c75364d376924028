"""Every rule, one generic test: its case file (tests/cases/RULE.yaml) and its
documentation examples.

A case edits the consistent example report (checks/examples/report.txt), or another example
document (``document``: a file name in checks/examples, e.g. the realisation form form.txt), with
literal replacements (``replace``), and, for rules that read a Perjanjian Kinerja, the example
agreement (checks/examples/pk.yaml, ``pk_replace``; ``pk: true`` runs with it unedited).
``config`` is a configuration mapping (as in kinerja-audit.yaml) applied to the run; ``period``
a period given as ``--period`` gives it ([kind, quarter, year]).  ``expect`` lists the
indicators the rule must report (null for report-level findings).

Each rule needs: its pack entry, its implementation, a case file with a firing case and a silent
*near miss* of its own (a case that edits something, not the untouched example), and documentation
examples that run: ``bad`` fires, ``good`` stays silent.
"""
from pathlib import Path

import pytest
import yaml

from kinerja_audit import pk as pkmod
from kinerja_audit import rulepack
from kinerja_audit.audit import audit_document
from kinerja_audit.config import _validate
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.rules.registry import Context, load_all, select

CASES = Path(__file__).resolve().parent / "cases"
# Rules of indicator datasets (checks/data.yaml) run on rows, not on a report: their cases and
# documentation examples are tested by tests/test_data_rules.py.
REPORT_RULES = sorted(rid for rid, spec in rulepack.rules().items() if spec.pack != "data.yaml")


def _case_files() -> dict[str, dict]:
    out = {}
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["rule"]] = data
    return out


def _apply(text: str, edits) -> str:
    for old, new in edits or []:
        assert old in text, f"edit does not apply: {old!r}"
        text = text.replace(old, new)
    return text


def run_example(tmp_path: Path, *, replace=(), pk_replace=(), pk=False, config=None, rule_ids=None,
                period=None, document=None):
    """Audit the example report (or the example ``document``) with these edits; the findings."""
    base = rulepack.example_document(document) if document else rulepack.example_report()
    text = _apply(base, replace)
    ctx = Context()
    if config:
        cfg = _validate(tmp_path / "kinerja-audit.yaml", config)
        ctx = Context(options=cfg.options, severity=cfg.severity, polarity=cfg.polarity)
    if period:
        ctx.period = tuple(period)
    if pk or pk_replace:
        pk_path = tmp_path / "pk.yaml"
        pk_path.write_text(_apply(rulepack.example_pk(), pk_replace), encoding="utf-8")
        ctx.pk = pkmod.load(pk_path)
    doc = Document(source="case.txt", lines=to_lines(text))
    return audit_document(doc, ctx, rule_ids or select()).findings


def _cases():
    for rid, data in _case_files().items():
        for case in data["cases"]:
            yield pytest.param(rid, case, id=f"{rid}: {case['name']}")


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case, tmp_path):
    findings = run_example(
        tmp_path,
        replace=case.get("replace"),
        pk_replace=case.get("pk_replace"),
        pk=case.get("pk", False),
        config=case.get("config"),
        period=case.get("period"),
        document=case.get("document"),
    )
    got = sorted((f.indicator for f in findings if f.rule == rule_id), key=str)
    assert got == sorted(case["expect"], key=str), [f.message for f in findings]


@pytest.mark.parametrize("rule_id", REPORT_RULES)
def test_doc_examples_run(rule_id, tmp_path):
    spec = rulepack.rules()[rule_id]
    assert spec.bad is not None and spec.good is not None, (
        f"{rule_id}: doc needs a bad and a good example"
    )
    for example, fires in ((spec.bad, True), (spec.good, False)):
        findings = run_example(tmp_path, replace=example.replace, pk_replace=example.pk_replace,
                               pk=example.pk, config=example.config, rule_ids=[rule_id],
                               document=example.document or None)
        assert bool(findings) is fires, (
            rule_id,
            "bad" if fires else "good",
            [f.message for f in findings],
        )
        assert example.shown(), f"{rule_id}: the example shows nothing in 'explain'"


@pytest.mark.parametrize("rule_id", REPORT_RULES)
def test_every_rule_has_cases_firing_and_near_miss(rule_id):
    assert rule_id in load_all(), f"{rule_id} has no implementation"
    data = _case_files().get(rule_id)
    assert data is not None, f"{rule_id} has no case file"
    cases = data["cases"]
    assert any(c["expect"] for c in cases), f"{rule_id} has no firing case"
    edits = ("replace", "pk_replace", "config", "document")
    assert any(c["expect"] == [] and any(c.get(k) for k in edits) for c in cases), \
        f"{rule_id} has no silent near-miss case of its own"


def test_every_implementation_has_a_pack_entry():
    assert set(load_all()) <= set(rulepack.rules())
    assert set(REPORT_RULES) <= set(load_all()), "a report rule has no implementation"


def test_example_report_is_clean(tmp_path):
    assert run_example(tmp_path) == []
    assert run_example(tmp_path, pk=True) == []


def test_messages_render_in_both_languages(base_text):
    text = base_text.replace("102,50 %", "120,50 %")
    doc = Document(source="case.txt", lines=to_lines(text))
    ids = audit_document(doc, Context(), select()).findings
    ens = audit_document(doc, Context(lang="en"), select()).findings
    assert [f.rule for f in ids] == [f.rule for f in ens]
    assert ids[0].message != ens[0].message
    assert "120,5%" in ids[0].message and "120.5%" in ens[0].message


def test_a_year_in_a_message_is_printed_as_a_year_not_a_figure(base_text):
    """The report's year fills a message as "2025", never as the figure "2.025"."""
    text = base_text.replace("102,50% dan melebihi target.", "102,50% dan melebihi target. Capaian "
                             "ini lebih tinggi daripada triwulan III tahun sebelumnya (2022).")
    doc = Document(source="case.txt", lines=to_lines(text))
    found = [f for f in audit_document(doc, Context(), select()).findings if f.rule == "NPD003"]
    assert found and "tahun 2025 menyebut" in found[0].message, [f.message for f in found]
    assert "2.025" not in found[0].message


def test_rule_packs_line_up_with_rule_modules():
    """A rule's pack checks/NAME.yaml holds it, its code is in kinerja_audit/rules/NAME.py."""
    for rid, fn in load_all().items():
        module = fn.__module__.rsplit(".", 1)[-1]
        assert rulepack.rules()[rid].pack == f"{module}.yaml", (rid, fn.__module__)
