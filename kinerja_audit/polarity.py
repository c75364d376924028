"""Who says an indicator is lower-is-better: the PK, then the configuration, then its name.

``model.build`` applies the name heuristic (``negative_name_patterns``); :func:`assign` runs right
after it, before any rule, so the capaian rules (ARI001, POL001, ANO001) see the final polarity and
can say where it came from (``polarity_source``: pk | config | name | report | default).
"""
from __future__ import annotations

from . import pk_match


def assign(report, pk=None, configured: dict[str, str] | None = None) -> None:
    configured = configured or {}
    from_pk = {}
    if pk is not None:
        from_pk = {id(lk.report): lk.pk for lk in pk_match.link(report, pk) if lk.report and lk.pk}
    for ind in report.indicators:
        linked = from_pk.get(id(ind))
        if linked is not None:
            ind.polarity, ind.polarity_source = linked.polarity, "pk"
        elif ind.code in configured:
            ind.polarity, ind.polarity_source = configured[ind.code], "config"
