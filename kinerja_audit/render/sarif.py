"""SARIF 2.1.0 for code-scanning dashboards; rule metadata comes from the rule packs."""
from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from .. import i18n as labels
from .. import rulepack
from ..findings import Finding
from . import common

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    specs = rulepack.rules()
    used = sorted({f["rule"] for _, f in common.iter_findings(contract)})
    index = {rule: i for i, rule in enumerate(used)}
    first = {}
    for _, f in common.iter_findings(contract):
        first.setdefault(f["rule"], f)
    run = {
        "tool": {"driver": {
            "name": contract["tool"]["name"],
            "version": contract["tool"]["version"],
            "rules": [_rule(rule, specs.get(rule), first[rule], lang) for rule in used],
        }},
        "invocations": [_invocation(contract)],
        "results": [_result(report, f, index[f["rule"]])
                    for report, f in common.iter_findings(contract)],
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    from ..contract import finite

    return json.dumps(finite(sarif), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def artifact_uri(source: str) -> str:
    """``file://`` URI for an absolute path, else a relative reference (``/``, quoted)."""
    for flavour in (PurePosixPath, PureWindowsPath):
        if flavour(source).is_absolute():
            return flavour(source).as_uri()
    return quote(source.replace("\\", "/"), safe="/")


def _rule(rule: str, spec, finding: dict, lang: str) -> dict:
    """Rule metadata; a rule without a spec falls back to its id and category."""
    category = spec.category if spec else finding["category"]
    summary = spec.summary.get(lang) if spec else None
    summary = summary or labels.category(category, lang)
    why = (spec.why.get(lang) if spec else None) or summary
    examples = [(labels.label(f"doc.{kind}", lang), getattr(spec, kind, ""))
                for kind in ("bad", "good")]
    help_text = "\n\n".join([why] + [f"{title}:\n{text}" for title, text in examples if text])
    return {
        "id": rule,
        "name": spec.name if spec else rule,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": why},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS.get(spec.severity if spec else finding["severity"],
                                                     "warning")},
        "properties": {"category": category},
    }


def _result(report: dict, f: dict, rule_index: int) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(report["source"])}}
    if f.get("line") is not None:
        physical["region"] = {"startLine": f["line"]}
        if f.get("evidence"):
            physical["region"]["snippet"] = {"text": f["evidence"]}
    props = {
        k: f.get(k)
        for k in (
            "category",
            "indicator",
            "section",
            "page",
            "table",
            "row",
            "found",
            "expected",
            "evidence",
            "suggestion",
        )
        if f.get(k) is not None
    }
    return {
        "ruleId": f["rule"],
        "ruleIndex": rule_index,
        "level": LEVELS.get(f["severity"], "warning"),
        "message": {"text": f["message"]},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"kinerjaAudit/v1": _fingerprint(f)},
        "properties": props,
    }


def _fingerprint(f: dict) -> str:
    """The finding's own stable fingerprint (keys the contract may add later are ignored)."""
    return Finding(**{name: f.get(name) for name in Finding.__dataclass_fields__}).fingerprint


def _invocation(contract: dict) -> dict:
    """Unreadable reports become error notifications on the (otherwise successful) run."""
    notes = [
        {"level": "error", "message": {"text": err},
         "locations": [{"physicalLocation": {"artifactLocation": {
             "uri": artifact_uri(r["source"])}}}]}
        for r in contract["reports"] for err in r["errors"]
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notes}
