"""Link the report's indicators to the PK's: by canonical code first, then by name.

A code links only when the report printed one for that indicator (positional codes given to an
uncoded report would mislink everything after a missing indicator).  What is left on both sides is
aligned by fuzzy name (``parse.names.align``); the rest stays unlinked on one side.
"""
from __future__ import annotations

from dataclasses import dataclass

from .parse import names as namesim
from .parse.text import any_match


@dataclass(frozen=True)
class Link:
    report: object | None         # model.Indicator
    pk: object | None             # pk.PKIndicator
    by: str = ""                  # code | name | "" (unlinked)
    rejected: bool = False        # the report row failed the frame schema (PRS004 reports it)


def _printed_code(ind) -> bool:
    return any(m.code for m in ind.mentions())


def link(report, pk, name_threshold: float = 60.0) -> list[Link]:
    """Every report indicator (in report order), then every PK indicator left unlinked.
    The pipeline links once per report, before the frame schema rejects any row (it marks
    ``rejected`` afterwards)."""
    inds = sorted(report.indicators, key=lambda i: i.position)
    by_code = {p.code: p for p in pk.indicators}
    pairs: dict[int, tuple[object, str]] = {}
    used: set[str] = set()
    for n, ind in enumerate(inds):
        target = by_code.get(ind.code)
        if target is not None and target.code not in used and _printed_code(ind):
            pairs[n] = (target, "code")
            used.add(target.code)
    rest_r = [n for n in range(len(inds)) if n not in pairs]
    rest_p = [p for p in pk.indicators if p.code not in used]
    if rest_r and rest_p:
        mapping = namesim.align(
            [p.name for p in rest_p], [inds[n].name for n in rest_r], threshold=name_threshold
        )
        for n, idx in zip(rest_r, mapping):
            if idx is not None:
                pairs[n] = (rest_p[idx], "name")
                used.add(rest_p[idx].code)
    links = [Link(ind, pairs[n][0] if n in pairs else None, pairs[n][1] if n in pairs else "")
             for n, ind in enumerate(inds)]
    links += [Link(None, p) for p in pk.indicators if p.code not in used]
    return links


def cumulative_column(mention, role: str) -> bool:
    """The column of ``role`` in the mention's table says "s.d."/cumulative."""
    if mention is None or mention.table is None:
        return False
    label = next((c.label for c in mention.table.columns if c.role == role), "")
    return any_match("cumulative_header_patterns", label)


def period_target(ind):
    """The report's period target cell for ``ind`` and whether its column says "s.d."/cumulative."""
    for m in (ind.table, ind.summary):
        if m is None:
            continue
        cell = m.cells.get("target")
        if cell is not None and cell.number is not None:
            return cell, cumulative_column(m, "target")
    return None, False
