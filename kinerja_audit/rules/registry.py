"""Rule registry: one function per rule id, metadata and messages from ``checks/*.yaml``.

A rule is a generator ``fn(report, ctx)`` yielding :class:`Hit` records (where, which indicator,
the values for the message templates).  :func:`run` selects rules before running them, renders the
messages in the chosen language and returns sorted :class:`~kinerja_audit.findings.Finding` objects.

A rule reads only its own options (``ctx.option(name)``, declared in its pack entry) and gives its
figures as numbers or :class:`Amount` values: the registry writes them for people in the run's
language (``found``/``expected``) and keeps them as plain numbers for machines (``found_value``/
``expected_value`` and ``unit``).
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import rulepack
from ..findings import Finding, sort_findings
from ..parse.numbers import format_number
from ..parse.sections import section_at
from ..parse.text import norm, printed


@dataclass(frozen=True)
class Amount:
    """A figure of a finding: its value, how many decimals to print, its unit ("%" is printed)."""

    value: float
    decimals: int | None = None
    unit: str | None = None


@dataclass
class Hit:
    indicator: str | None
    line: int | None
    values: dict[str, Any] = field(default_factory=dict)
    found: Any = None            # str (the report's words), a number or an Amount
    expected: Any = None
    evidence: str | None = None
    evidence_lines: tuple[int, int] | None = None
    found_value: float | None = None      # the number behind a ``found`` given as text
    expected_value: float | None = None
    unit: str | None = None               # unit of the values when no Amount carries it


@dataclass
class Context:
    lang: str = "id"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-rule option overrides
    severity: dict[str, str] = field(default_factory=dict)  # per-rule severity overrides
    pk: Any = None  # kinerja_audit.pk.PK
    polarity: dict[str, str] = field(default_factory=dict)  # configured: code -> polarity
    rule: str | None = None  # the rule now running
    data: Any = None  # kinerja_audit.data.compare.UnitData
    period: tuple | None = None  # --period: (kind, quarter, year)

    def option(self, key: str) -> Any:
        """An option of the rule now running (declared in its pack entry), as configured."""
        return self.rule_option(self.rule, key)

    def rule_option(self, rule_id: str, key: str) -> Any:
        """An option of ``rule_id`` as configured (for the dataset checks that report under it)."""
        spec = rulepack.rules()[rule_id].options[key]
        return self.options.get(rule_id, {}).get(key, spec.default)

    def word(self, key: str, **values: Any) -> str:
        entry = rulepack.lexicon()["words"][key]
        return entry.get(self.lang, entry["id"]).format(**values)

    def num(self, value: Any, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals)

    def pct(self, value: Any, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals) + "%"


RuleFn = Callable[[Any, Context], Iterable[Hit]]
EVIDENCE_MAX = 400
REGISTRY: dict[str, RuleFn] = {}


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    def deco(fn: RuleFn) -> RuleFn:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = fn
        return fn
    return deco


def load_all() -> dict[str, RuleFn]:
    """Import every rule family module (registration happens on import)."""
    from . import (  # noqa: F401
        arithmetic,
        budget,
        data,
        forms,
        identity,
        narrative,
        pk,
        prose,
        structure,
        table_values,
    )
    return REGISTRY


def _is_number(value: Any) -> bool:
    return isinstance(value, float | int) and not isinstance(value, bool)


def _text(value: Any, ctx: Context) -> str | None:
    if value is None:
        return None
    if isinstance(value, Amount):
        return (
            ctx.pct(value.value, value.decimals)
            if value.unit == "%"
            else ctx.num(value.value, value.decimals)
        )
    if _is_number(value):
        return ctx.num(value)
    return str(value)


def _number(value: Any, given: float | None) -> float | None:
    """The plain number behind a figure (JSON-safe: finite or None)."""
    if given is None:
        given = value.value if isinstance(value, Amount) else value if _is_number(value) else None
    return float(given) if given is not None and math.isfinite(given) else None


def _unit(hit: Hit) -> str | None:
    units = [v.unit for v in (hit.found, hit.expected) if isinstance(v, Amount) and v.unit]
    return units[0] if units else hit.unit


def select(
    selected: Iterable[str] | None = None, ignored: Iterable[str] | None = None
) -> list[str]:
    """Rule ids to run. Entries may be ids (ARI001), names (capaian-recomputed) or categories."""
    specs = rulepack.rules()
    load_all()

    def matches(spec, keys: set[str]) -> bool:
        return bool({spec.id, spec.name, spec.category} & keys)

    sel = set(selected or [])
    ign = set(ignored or [])
    out = []
    for rid in sorted(REGISTRY):
        spec = specs[rid]
        if sel and not matches(spec, sel):
            continue
        if matches(spec, ign):
            continue
        out.append(rid)
    return out


def run(report: Any, ctx: Context, rule_ids: list[str]) -> list[Finding]:
    specs = rulepack.rules()
    load_all()
    findings: list[Finding] = []
    # (index, spec, values) of findings rewriting a sentence
    rewrites: list[tuple[int, Any, dict]] = []
    for rid in rule_ids:
        spec = specs[rid]
        ctx.rule = rid
        try:
            hits = list(REGISTRY[rid](report, ctx))
        except Exception as exc:  # noqa: BLE001 - a rule's bug must not stop the other rules or the batch
            report.rule_errors.append(f"{rid}: {type(exc).__name__}: {exc}")
            continue
        finally:
            ctx.rule = None
        for hit in hits:
            values = {k: _text(v, ctx) for k, v in hit.values.items()}
            values.setdefault("found", _text(hit.found, ctx))
            values.setdefault("expected", _text(hit.expected, ctx))
            sec = section_at(report.sections, hit.line) if hit.line else None
            evidence = hit.evidence
            if evidence is None and hit.line:
                a, b = hit.evidence_lines or (hit.line, hit.line)
                evidence = norm(
                    " ".join(printed(report.doc.lines[i - 1].text) for i in range(a, b + 1))
                )
                evidence = (
                    evidence[:EVIDENCE_MAX] + " …" if len(evidence) > EVIDENCE_MAX else evidence
                ) or None
            findings.append(Finding(
                rule=rid,
                category=spec.category,
                severity=ctx.severity.get(rid, spec.severity),
                indicator=hit.indicator,
                page=report.doc.page_of(hit.line),
                line=hit.line,
                message=spec.text("message", ctx.lang, **values),
                expected=values["expected"],
                found=values["found"],
                evidence=evidence,
                suggestion=spec.text("suggestion", ctx.lang, **values),
                section=sec.title if sec else None,
                expected_value=_number(hit.expected, hit.expected_value),
                found_value=_number(hit.found, hit.found_value),
                unit=_unit(hit),
            ))
            if "corrected" in values and hit.evidence:
                rewrites.append((len(findings) - 1, spec, values))
    _one_rewrite_per_sentence(findings, rewrites, ctx.lang)
    return sort_findings(findings)


def _edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The spans of ``old`` that ``new`` replaces, word by word: (start, end, replacement)."""
    import difflib
    import re

    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    starts_a = [0]
    for tok in a:
        starts_a.append(starts_a[-1] + len(tok))
    # the words both share at the start and at the end are equal: only the middle is compared
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False)
    return [(starts_a[head + i1], starts_a[head + i2], "".join(mid_b[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def _one_rewrite_per_sentence(findings: list[Finding], rewrites: list[tuple[int, Any, dict]],
                              lang: str) -> None:
    """Several findings rewriting the same sentence (a swap and a verdict) suggest one sentence with
    every correction, when their edits do not overlap."""
    import itertools

    by_sentence: dict[str, list] = {}
    for item in rewrites:
        by_sentence.setdefault(findings[item[0]].evidence, []).append(item)
    for sentence, items in by_sentence.items():
        if len({values["corrected"] for _, _, values in items}) < 2:
            continue
        edits = {e for _, _, values in items for e in _edits(sentence, values["corrected"])}
        ordered = sorted(edits)
        if any(b[0] < a[1] or b[0] == a[0] for a, b in itertools.pairwise(ordered)):
            continue   # edits that touch the same words: each finding keeps its own sentence
        merged = sentence
        for i1, i2, new in reversed(ordered):
            merged = merged[:i1] + new + merged[i2:]
        for index, spec, values in items:
            suggestion = spec.text("suggestion", lang, **{**values, "corrected": merged})
            findings[index] = dataclasses.replace(findings[index], suggestion=suggestion)
