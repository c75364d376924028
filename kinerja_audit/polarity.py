"""Who says an indicator is lower-is-better: the PK, then the configuration, then its name, then
the report's own arithmetic (a printed capaian only the lower-is-better formula explains).

:func:`assign` runs once per report, before any rule, so the capaian rules (ARI001, POL001, ANO001)
see the final polarity and can say where it came from (``polarity_source``: pk | config | name |
report | default).
"""
from __future__ import annotations

from . import rulepack
from .capaian import consistent
from .parse.text import any_match


def assign(report, links=(), configured: dict[str, str] | None = None) -> None:
    """Set ``polarity`` and ``polarity_source`` of every indicator.  ``links``: the report's
    ``pk_match.Link`` list (empty without a PK)."""
    configured = configured or {}
    from_pk = {id(lk.report): lk.pk for lk in links if lk.report and lk.pk}
    for ind in report.indicators:
        linked = from_pk.get(id(ind))
        if linked is not None:
            ind.polarity, ind.polarity_source = linked.polarity, "pk"
        elif ind.code in configured:
            ind.polarity, ind.polarity_source = configured[ind.code], "config"
        else:
            ind.polarity, ind.polarity_source = _inferred(ind)


def _inferred(ind) -> tuple[str, str]:
    name = ind.name or ""
    if any_match("negative_name_patterns", name) and not any_match("positive_name_overrides", name):
        return "negative", "name"
    m = ind.table
    t, r, p = (
        (m.cells.get(k) for k in ("target", "realisasi", "capaian")) if m else (None, None, None)
    )
    tol = rulepack.setting("polarity_from_report_tolerance")
    if t and r and p and None not in (t.number, r.number, p.number) and t.number.value \
            and consistent(p, t, r, "negative", tol) and not consistent(p, t, r, "positive", tol):
        return "negative", "report"
    return "positive", "default"
