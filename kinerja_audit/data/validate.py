"""One dataset: read -> normalise -> run the checks on an engine -> a ReportResult.

Engines: ``pandera`` (default; pandas), ``gx`` (Great Expectations, extra ``[gx]``) and ``spark``
(pandera's PySpark backend, extra ``[spark]``).  They evaluate the same check expressions and hand
back the failing rows; one function (:func:`explain.findings`) writes the findings, so the engines
agree finding for finding.  A source that cannot be used gives a result with ``errors`` (exit 2).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import i18n
from ..findings import ReportResult
from ..rules.registry import Context
from . import checks as checks_mod
from . import explain
from .shape import Frame, Mapping, normalise
from .sources import DataError, read, safe_url

ENGINES = ("pandera", "gx", "spark")


@dataclass
class Options:
    """Where to read and how: sheet, table or query; column mapping; engine settings."""
    sheet: str | None = None
    table: str | None = None
    query: str | None = None
    mapping: Mapping = field(default_factory=Mapping)
    engine: str = "pandera"
    spark_master: str | None = None
    data_docs: str | None = None


def selected_checks(ctx: Context, rule_ids: set[str] | None):
    return checks_mod.all_checks(ctx.rule_option, rule_ids)


def rule_ids(selected=None, ignored=None) -> set[str]:
    """Rules validate-data runs: ids, names or categories, as for reports."""
    from .. import rulepack

    specs = rulepack.rules()
    known = set(explain.data_checks())
    sel, ign = set(selected or []), set(ignored or [])

    def matches(rid, keys):
        spec = specs[rid]
        return bool({spec.id, spec.name, spec.category} & keys)

    return {rid for rid in known if (not sel or matches(rid, sel)) and not matches(rid, ign)}


def load(source: str, options: Options, lang: str = "id") -> Frame:
    raw = read(source, sheet=options.sheet, table=options.table, query=options.query, lang=lang)
    return normalise(raw, options.mapping, lang)


def failing(frame: Frame, checks, options: Options, lang: str = "id") -> dict[str, list[int]]:
    """{check name: positions in ``frame.df`` of the rows failing it} on the in-memory frame."""
    if options.engine == "gx":
        from . import gx

        return gx.failing_rows(frame, checks, data_docs=options.data_docs, lang=lang)
    from . import schema

    return schema.failing_rows(schema.build(checks), frame.df)


def counts(frame: Frame) -> dict[str, int]:
    df = frame.df
    return {
        "rows": len(frame.raw),
        "indicators": int(df["code"].nunique()),
        "units": int(df["unit"].nunique()),
        "cells_unreadable": int(sum((df[c] == 1).sum() for c in df.columns if c.endswith("__bad"))),
    }


def result(frame: Frame, checks, fails: dict[str, list[int]], ctx: Context, engine: str,
           counted: dict[str, int] | None = None) -> ReportResult:
    """Findings and coverage; ``counted``: the counts of an engine whose ``frame`` holds only the
    failing rows (Spark)."""
    found = explain.findings(frame, checks, fails, ctx)
    coverage = {**(counted or counts(frame)), "findings": len(found), "engine": engine}
    label = frame.source if not frame.table else f"{frame.source} [{frame.table}]"
    return ReportResult(source=label, kind="data", findings=found, coverage=coverage)


def validate(source: str, ctx: Context | None = None, options: Options | None = None,
             rule_ids_: set[str] | None = None) -> ReportResult:
    """Validate one dataset; never raises for bad input (the result carries the error)."""
    ctx = ctx or Context()
    options = options or Options()
    checks = selected_checks(ctx, rule_ids_)
    try:
        if options.engine == "spark":       # Spark reads and normalises the source itself
            from . import spark

            frame, fails, counted = spark.validate(source, checks, options, ctx.lang)
            return result(frame, checks, fails, ctx, options.engine, counted)
        frame = load(source, options, ctx.lang)
        fails = failing(frame, checks, options, ctx.lang)
    except DataError as err:
        return ReportResult(source=err.source, kind="data", errors=[err.reason])
    except ImportError as err:       # an engine whose extra is not installed
        return ReportResult(source=safe_url(source), kind="data", errors=[
            i18n.label("data.err.engine", ctx.lang, engine=options.engine, reason=str(err))])
    return result(frame, checks, fails, ctx, options.engine)
