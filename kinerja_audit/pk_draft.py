"""``kinerja-audit init-pk``: a PK (YAML) prefilled from what a report states.

Codes, names, units, polarity, annual and period targets come from the extracted indicators; what
the report cannot tell (the other quarters, sometimes the annual target) is written as ``null`` with
a comment asking the user to complete it.  The aggregation is a guess from the name and unit.
"""
from __future__ import annotations

import json
import re

from .parse.cells import unit_family
from .parse.text import any_match
from .pk import text
from .pk_match import period_target


def measure_kind(ind) -> str | None:
    """"percent" or "score" when the indicator's name says so (whatever unit the report gives
    it), else the family of its unit (count, percent, score, ...)."""
    name = ind.name or ""
    if any_match("percent_name_patterns", name):
        return "percent"
    if any_match("score_name_patterns", name):
        return "score"
    return unit_family(ind.unit)


def proposed_unit(ind) -> tuple[str | None, bool]:
    """(unit for the draft, whether it replaces the report's): a percentage is measured in "%"
    and a score in "nilai", even when the report prints a count unit beside it (a defect the
    draft must not copy into the agreement)."""
    kind = measure_kind(ind)
    family = unit_family(ind.unit)
    if kind == "percent" and family != "percent":
        return "%", True
    if kind == "score" and family not in ("score", "percent"):
        return "nilai", True
    return ind.unit, False


def _unit_note(ind, w) -> str:
    kind = w(f"draft_kind_{measure_kind(ind)}")
    if ind.unit is None:
        return w("draft_unit_proposed", kind=kind)
    return w("draft_unit_replaced", unit=ind.unit, kind=kind)


def guess_aggregation(ind) -> str:
    name = ind.name or ""
    if any_match("aggregation_average_patterns", name):
        return "average"
    if any_match("aggregation_last_patterns", name) or measure_kind(ind) in ("percent", "score"):
        return "last"
    return "sum"


def _number(value: float | None) -> str:
    """A YAML scalar that reads back as ``value`` (pk.load reads 1.600 the Indonesian way)."""
    if value is None:
        return "null"
    if float(value).is_integer():
        return str(int(value))
    s = f"{value:.6f}".rstrip("0").rstrip(".")
    return f'"{s.replace(".", ",")}"' if re.fullmatch(r"\d{1,3}\.\d{3}", s) else s


def _quarters(report, ind, cumulative_basis: bool) -> list[float | None]:
    quarters: list[float | None] = [None] * 4
    meta = report.meta
    cell, _ = period_target(ind)
    if cell is None or not meta.quarter:
        return quarters
    if meta.kind == "quarterly" or (meta.kind == "semester" and cumulative_basis):
        quarters[meta.quarter - 1] = cell.number.value
    return quarters


def draft(report, lang: str = "id") -> str:
    cumulative = any(period_target(ind)[1] for ind in report.indicators)

    def w(name: str, **values) -> str:
        return text(name, lang, **values)

    out = [f"# {w('draft_header', report=report.doc.source)}",
           f"# {w('draft_check')}",
           f"unit: {json.dumps(report.meta.agency, ensure_ascii=False)}",
           f"year: {report.meta.year if report.meta.year else 'null'}",
           f"target_basis: {'cumulative' if cumulative else 'per-quarter'}   # {w('draft_basis')}",
           "indicators:"]
    for ind in report.indicators:
        annual = ind.value("target_annual")
        if annual is None and report.meta.kind == "annual":
            annual = ind.value("target")
        annual_value = annual.number.value if annual is not None and annual.number else None
        quarters = _quarters(report, ind, cumulative)
        source = w(
            "draft_polarity_name" if ind.polarity_source == "name" else "draft_polarity_default"
        )
        unit, replaced = proposed_unit(ind)
        out += [
            f"  - code: {ind.code.split('#')[0]}",
            f"    name: {json.dumps(ind.name or None, ensure_ascii=False)}"
            + ("" if ind.name else f"   # {w('draft_name_unknown')}"),
            f"    unit: {json.dumps(unit, ensure_ascii=False)}"
            + (f"   # {_unit_note(ind, w)}" if replaced else ""),
            f"    polarity: {ind.polarity}   # {w('draft_polarity', source=source)}",
            f"    aggregation: {guess_aggregation(ind)}   # {w('draft_aggregation')}",
            "    target:",
            f"      annual: {_number(annual_value)}"
            + (f"   # {w('draft_annual_unknown')}" if annual_value is None else ""),
            f"      quarters: [{', '.join(_number(v) for v in quarters)}]"
            + (f"   # {w('draft_complete')}" if None in quarters else ""),
        ]
    return "\n".join(out) + "\n"
