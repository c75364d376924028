"""The output contract validates against schemas/output.schema.json, and broken ones do not."""
from __future__ import annotations

import copy
import json
from importlib import resources

import pytest
import render_fixture as fx
from jsonschema import Draft202012Validator

from kinerja_audit.findings import CATEGORIES, SEVERITIES


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    path = resources.files("kinerja_audit.schemas") / "output.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator, data) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


def test_fixture_contract_is_valid(validator):
    assert errors(validator, fx.build()) == []


def test_empty_batch_is_valid(validator):
    assert errors(validator, fx.build([])) == []


def test_schema_enums_follow_findings_module(validator):
    defs = validator.schema["$defs"]
    assert defs["category"]["enum"] == list(CATEGORIES)
    assert defs["severity"]["enum"] == list(SEVERITIES)


def test_indicator_rows_may_carry_extra_keys(validator):
    data = fx.build()
    data["reports"][0]["indicators"][0]["source_line"] = 123
    assert errors(validator, data) == []


def _finding(data):
    return data["reports"][0]["findings"][0]


BROKEN = {
    "unknown category": lambda d: _finding(d).update(category="spelling"),
    "unknown severity": lambda d: _finding(d).update(severity="fatal"),
    "missing message": lambda d: _finding(d).pop("message"),
    "extra finding key": lambda d: _finding(d).update(score=1),
    "line as text": lambda d: _finding(d).update(line="123"),
    "schema version 2": lambda d: d.update(schema_version=2),
    "target as text": lambda d: d["reports"][0]["indicators"][0].update(target="40"),
    "errors not strings": lambda d: d["reports"][1].update(errors=[{"msg": "x"}]),
    "negative count": lambda d: d["summary"]["by_severity"].update(error=-1),
    "unknown category count": lambda d: d["summary"]["by_category"].update(spelling=1),
    "missing worst_first": lambda d: d["summary"].pop("worst_first"),
}


@pytest.mark.parametrize("breakage", BROKEN.values(), ids=BROKEN.keys())
def test_broken_contract_fails(validator, breakage):
    data = copy.deepcopy(fx.build())
    breakage(data)
    assert errors(validator, data), "the schema accepted a broken contract"
