"""The Great Expectations engine (extra ``[gx]``): the dataset checks as an Expectation Suite.

Each check of :mod:`checks` (a column expression, true on the rows that violate its rule) becomes
one expectation:

* on a pandas frame (the normalised frame of :func:`shape.normalise`):
  ``ExpectColumnValuesToBeNull(column="_row")`` under the row condition "the rule is violated"
  (the expression as a pandas query string, :func:`expr.to_query`).  ``_row`` is never empty, so
  every row the condition selects is unexpected, and GE's result lists their ``_row``;
* on a SQL table (``--target postgresql``): ``UnexpectedRowsExpectation`` whose query selects the
  ``_row`` of the violating rows, the expression compiled to PostgreSQL (:func:`expr.to_sql`), so
  the checks run inside the database.

The expectations carry the rule id and check name in ``meta`` and the rule's summary as their
``description`` (what Data Docs show).  ``failing_rows`` runs the suite in an ephemeral context
through a Checkpoint (with Data Docs when asked) and hands back the failing rows, from which
:func:`explain.findings` writes the same findings as the pandera engine.
"""
from __future__ import annotations

import json
import os
import warnings

from .. import i18n, rulepack
from .expr import columns, quote_ident, to_query, to_sql

TARGETS = ("pandas", "postgresql")
ROW = "_row"


def _gx():
    """great_expectations, imported quietly (no usage statistics, no progress bars)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import great_expectations as gx
        except ImportError as exc:
            raise ImportError(i18n.label("data.err.missing_dep", "en", package="great_expectations",
                                         extra="gx") + f" ({exc})") from None
    import logging

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx


SEVERITY = {"error": "critical", "warning": "warning", "info": "info"}


def _severity(check) -> str:
    return SEVERITY.get(rulepack.rules()[check.rule].severity, "warning")


def _describe(check, lang: str) -> str:
    spec = rulepack.rules()[check.rule]
    summary = spec.summary.get(lang) or spec.summary.get("id", "")
    return f"{check.name} — {summary}"


def expectation(check, target: str = "pandas", lang: str = "id"):
    """One GE expectation: the rows violating ``check`` are its unexpected rows."""
    gx = _gx()
    meta = {"kinerja_audit": {"rule": check.rule, "check": check.name, "column": check.column}}
    if target == "postgresql":
        sql = to_sql(check.expr).replace("{", "{{").replace("}", "}}")
        query = f"SELECT {quote_ident(ROW)} FROM {{batch}} WHERE {sql}"
        return gx.expectations.UnexpectedRowsExpectation(
            unexpected_rows_query=query, description=_describe(check, lang), meta=meta,
            severity=_severity(check))
    from great_expectations.expectations.row_conditions import PassThroughCondition

    return gx.expectations.ExpectColumnValuesToBeNull(
        column=ROW, row_condition=PassThroughCondition(pass_through_filter=to_query(check.expr)),
        description=_describe(check, lang), meta=meta, severity=_severity(check))


def suite(checks, target: str = "pandas", name: str = "kinerja-audit", lang: str = "id"):
    gx = _gx()
    return gx.ExpectationSuite(
        name=name,
        expectations=[expectation(c, target, lang) for c in checks],
        meta={"kinerja_audit": {"target": target}},
    )


def export_suite(
    ctx, rule_ids: set[str] | None, target: str = "pandas", name: str = "kinerja-audit"
) -> str:
    """The suite as JSON (deterministic: no ids, keys sorted)."""
    from .checks import all_checks

    checks = all_checks(ctx.rule_option, rule_ids)
    data = suite(checks, target, name, ctx.lang).to_json_dict()
    data.pop("id", None)
    for e in data.get("expectations", []):
        e.pop("id", None)
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def plain_frame(df, checks):
    """The columns the checks read (and ``_row``), with NaN for missing values (two-valued logic,
    as :func:`expr.to_query` expects): numbers as float64, text as object."""
    import numpy as np
    import pandas as pd

    needed = sorted({ROW, *(c for check in checks for c in columns(check.expr))})
    out = {}
    for c in needed:
        s = df[c]
        if c == ROW:
            out[c] = s.to_numpy(dtype="int64")
        elif pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
            out[c] = s.to_numpy(dtype="float64", na_value=np.nan)
        else:
            out[c] = s.astype(object).where(s.notna(), np.nan).to_numpy()
    return pd.DataFrame(out, index=df.index)


def context():
    """An ephemeral (in-memory) GE context without progress bars."""
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    return ctx


def _data_docs_site(context, directory: str) -> str:
    site = "kinerja-audit"
    context.add_data_docs_site(site_name=site, site_config={
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                          "base_directory": os.path.abspath(directory)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    return site


def run(context, batch_definition, checks, target: str, batch_parameters: dict | None,
        data_docs: str | None, lang: str = "id") -> dict[str, list[int]]:
    """Validate through a Checkpoint; {check name: the failing ``_row`` values}."""
    gx = _gx()
    suite_ = context.suites.add(suite(checks, target, "kinerja-audit", lang))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="kinerja-audit", data=batch_definition, suite=suite_))
    actions = []
    if data_docs:
        site = _data_docs_site(context, data_docs)
        actions.append(gx.checkpoint.UpdateDataDocsAction(name="data-docs", site_names=[site]))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name="kinerja-audit", validation_definitions=[definition], actions=actions,
        result_format={"result_format": "COMPLETE"}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        outcome = checkpoint.run(batch_parameters=batch_parameters)
    out: dict[str, list[int]] = {}
    for validation in outcome.run_results.values():
        for res in validation.results:
            info = res.expectation_config.meta["kinerja_audit"]
            if res.exception_info and res.exception_info.get("raised_exception"):
                raise RuntimeError(
                    f"{info['check']}: {res.exception_info.get('exception_message')}"
                )
            if res.success:
                continue
            result = res.result
            if target == "postgresql":
                rows = [int(r[ROW]) for r in result.get("details", {}).get("unexpected_rows", [])]
            else:
                rows = [int(v) for v in result.get("unexpected_list", [])]
            out[info["check"]] = sorted(set(rows))
    return out


def failing_rows(
    frame, checks, data_docs: str | None = None, lang: str = "id"
) -> dict[str, list[int]]:
    """GE on the in-memory normalised frame: {check name: positions in ``frame.df``}."""
    df = frame.df
    context_ = context()
    asset = context_.data_sources.add_pandas("kinerja-audit").add_dataframe_asset("data")
    batch = asset.add_batch_definition_whole_dataframe("all")
    rows = run(
        context_, batch, checks, "pandas", {"dataframe": plain_frame(df, checks)}, data_docs, lang
    )
    return positions(df, rows)


def positions(df, rows: dict[str, list[int]]) -> dict[str, list[int]]:
    """``_row`` values -> positions in ``df`` (``_row`` is unique in the normalised frame)."""
    where = {int(r): i for i, r in enumerate(df[ROW].to_numpy())}
    return {name: sorted(where[r] for r in found) for name, found in rows.items() if found}
