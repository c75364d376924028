"""Load the declarative rule packs (``checks/*.yaml``): rule metadata, messages, options, lexicons.

Every rule implemented in ``kinerja_audit.rules`` has exactly one entry here, under the same id.
Messages are ``str.format`` templates in Indonesian (``id``) and English (``en``).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from .findings import CATEGORIES, SEVERITIES

LANGS = ("id", "en")


class RulePackError(ValueError):
    """A rule pack is malformed (a bug in the shipped YAML, caught by the tests)."""


@dataclass(frozen=True)
class RuleSpec:
    id: str
    name: str
    category: str
    severity: str
    summary: dict[str, str]
    message: dict[str, str]
    suggestion: dict[str, str]
    why: dict[str, str] = field(default_factory=dict)
    bad: str = ""
    good: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    pack: str = ""

    def text(self, part: str, lang: str, **values: Any) -> str:
        templates: dict[str, str] = getattr(self, part)
        template = templates.get(lang) or templates.get("id", "")
        try:
            return template.format(**values)
        except (KeyError, IndexError) as exc:  # a template names a value the rule did not give
            raise RulePackError(f"{self.id}: {part}[{lang}] needs {exc}") from exc


def _pack_files():
    root = resources.files("kinerja_audit.checks")
    return sorted((p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def _bilingual(rule_id: str, raw: dict, key: str, required: bool = True) -> dict[str, str]:
    value = raw.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in LANGS):
        raise RulePackError(f"{rule_id}: '{key}' needs text for both 'id' and 'en'")
    return {lang: value[lang] for lang in LANGS}


@functools.cache
def load() -> tuple[dict[str, RuleSpec], dict[str, Any]]:
    """Return (rules by id, lexicons merged from every pack)."""
    rules: dict[str, RuleSpec] = {}
    lexicon: dict[str, Any] = {}
    for path in _pack_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("rules", []):
            rid = raw.get("id")
            if not rid or rid in rules:
                raise RulePackError(f"{path.name}: missing or duplicated rule id {rid!r}")
            if raw.get("category") not in CATEGORIES:
                raise RulePackError(f"{rid}: unknown category {raw.get('category')!r}")
            if raw.get("severity") not in SEVERITIES:
                raise RulePackError(f"{rid}: unknown severity {raw.get('severity')!r}")
            doc = raw.get("doc") or {}
            rules[rid] = RuleSpec(
                id=rid,
                name=raw["name"],
                category=raw["category"],
                severity=raw["severity"],
                summary=_bilingual(rid, raw, "summary"),
                message=_bilingual(rid, raw, "message"),
                suggestion=_bilingual(rid, raw, "suggestion"),
                why=_bilingual(rid, doc, "why", required=False),
                bad=doc.get("bad", ""),
                good=doc.get("good", ""),
                options=dict(raw.get("options") or {}),
                pack=path.name,
            )
        for key, value in (data.get("lexicon") or {}).items():
            if key in lexicon:
                raise RulePackError(f"{path.name}: lexicon key {key!r} defined twice")
            lexicon[key] = value
    return rules, lexicon


def rules() -> dict[str, RuleSpec]:
    return load()[0]


def lexicon() -> dict[str, Any]:
    return load()[1]
