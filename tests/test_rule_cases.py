"""One YAML case file per rule (tests/cases/RULE.yaml), run by this single generic test.

Each case edits the consistent base report (tests/cases/base_report.txt) with literal
replacements and lists the indicators the rule must report (null for report-level findings).
"""
from pathlib import Path

import pytest
import yaml

from kinerja_audit import rulepack
from kinerja_audit.audit import audit_document
from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.rules.registry import Context, load_all, select

CASES = Path(__file__).resolve().parent / "cases"
# Rule packs whose rules need more than a report (a PK file); their firing and silent tests live in
# the test module named here.
TESTED_ELSEWHERE = {"pk.yaml": "tests/test_pk.py", "data.yaml": "tests/test_data_rules.py"}


def _load():
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}"))
    return out


def audit_text(text: str, rule_ids=None, ctx=None):
    doc = Document(source="case.txt", lines=to_lines(text))
    return audit_document(doc, ctx or Context(), rule_ids or select())


@pytest.mark.parametrize("rule_id,case", _load())
def test_rule_case(rule_id, case, base_text):
    text = base_text
    for old, new in case.get("replace", []):
        assert old in text, f"case edit does not apply: {old!r}"
        text = text.replace(old, new)
    result = audit_text(text)
    got = sorted((f.indicator for f in result.findings if f.rule == rule_id), key=str)
    assert got == sorted(case["expect"], key=str), [f.message for f in result.findings]


def test_base_report_is_clean(base_text):
    result = audit_text(base_text)
    assert result.findings == []
    assert result.coverage["indicators"] == 5


def test_every_rule_has_yaml_implementation_and_cases():
    specs = rulepack.rules()
    registered = load_all()
    from kinerja_audit.data.explain import data_checks

    assert set(specs) == set(registered) | set(data_checks()), "rule pack and implementations differ"
    with_cases = {yaml.safe_load(p.read_text(encoding="utf-8"))["rule"]: yaml.safe_load(p.read_text(encoding="utf-8"))
                  for p in CASES.glob("*.yaml")}
    for rid in specs:
        if specs[rid].pack in TESTED_ELSEWHERE:
            continue
        assert rid in with_cases, f"{rid} has no case file"
        expects = [c["expect"] for c in with_cases[rid]["cases"]]
        assert any(expects), f"{rid} has no firing case"
        assert any(e == [] for e in expects), f"{rid} has no silent case"


def test_messages_render_in_both_languages(base_text):
    text = base_text.replace("102,50 %", "120,50 %")
    ids = audit_text(text).findings
    ens = audit_text(text, ctx=Context(lang="en")).findings
    assert [f.rule for f in ids] == [f.rule for f in ens]
    assert ids[0].message != ens[0].message
    assert "120,5%" in ids[0].message and "120.5%" in ens[0].message
