"""The contract carries numbers for machines, text for people; derived facts are computed once."""
import json

import pytest

from kinerja_audit import contract, pk_match, polarity
from kinerja_audit import pk as pkmod
from kinerja_audit.audit import audit_path
from kinerja_audit.render import render
from kinerja_audit.rulepack import example_pk, example_report_path
from kinerja_audit.rules.registry import Context

HUMAN_TEXT = {"message", "expected", "found", "suggestion"}


def _without_text(data):
    if isinstance(data, dict):
        return {k: _without_text(v) for k, v in data.items() if k not in HUMAN_TEXT}
    if isinstance(data, list):
        return [_without_text(v) for v in data]
    return data


def _json(path, lang: str) -> dict:
    result = audit_path(path, Context(lang=lang))
    return json.loads(render(contract.build([result]), "json", lang=lang))


def test_seed_json_in_id_and_en_differs_only_in_text(seed_path):
    ids, ens = _json(seed_path, "id"), _json(seed_path, "en")
    assert ids["reports"][0]["findings"], "the seed has findings"
    assert _without_text(ids) == _without_text(ens)
    assert [f["message"] for f in ids["reports"][0]["findings"]] != \
        [f["message"] for f in ens["reports"][0]["findings"]]


def test_findings_carry_plain_numbers(seed_path):
    findings = _json(seed_path, "en")["reports"][0]["findings"]
    ari = [f for f in findings if f["rule"] == "ZER001"]
    assert ari and all(f["found_value"] == 100 and f["unit"] == "%" for f in ari)
    nnu = next(f for f in findings if f["rule"] == "NNU001")
    assert nnu["found_value"] == 1 and nnu["expected_value"] == 0


def test_pk_link_and_polarity_are_computed_once_per_report(tmp_path, monkeypatch):
    pk_file = tmp_path / "pk.yaml"
    pk_file.write_text(example_pk(), encoding="utf-8")
    calls = {"link": 0, "assign": 0}
    real_link, real_assign = pk_match.link, polarity.assign

    def counted_link(*a, **k):
        calls["link"] += 1
        return real_link(*a, **k)

    def counted_assign(*a, **k):
        calls["assign"] += 1
        return real_assign(*a, **k)

    monkeypatch.setattr(pk_match, "link", counted_link)
    monkeypatch.setattr(polarity, "assign", counted_assign)
    result = audit_path(example_report_path(), Context(pk=pkmod.load(pk_file)))
    assert result.findings == []
    assert calls == {"link": 1, "assign": 1}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fingerprints_do_not_depend_on_the_language(seed_path, lang):
    base = audit_path(seed_path, Context(lang="id")).findings
    other = audit_path(seed_path, Context(lang=lang)).findings
    assert [f.fingerprint for f in base] == [f.fingerprint for f in other]
