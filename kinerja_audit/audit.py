"""The pipeline for one input: read -> model -> validate frames -> run rules -> ReportResult."""
from __future__ import annotations

import dataclasses
import math
import os

from . import frames, model, pk_match, polarity
from .document import Document
from .findings import ReportResult
from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, InputError, read_document
from .rules.registry import Context, run, select


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def audit_document(doc, ctx: Context, rule_ids: list[str]) -> ReportResult:
    report = model.build(doc, period=ctx.period)
    if ctx.data is not None and ctx.data.own_pk:  # check --data: the unit's rows of that year
        ctx = dataclasses.replace(ctx, pk=ctx.data.pk_for(report.meta.year))
    links = pk_match.link(report, ctx.pk) if ctx.pk is not None else []   # once per report
    polarity.assign(report, links, ctx.polarity)      # PK > configuration > name, before any rule
    rows = frames.indicator_rows(report)
    frame = frames.to_frame(rows)
    failures = frames.schema_failures(frame) if len(frame) else []
    bad_idx = {f["index"] for f in failures if f["index"] is not None}
    report.rejected = [
        (report.indicators[i], [f for f in failures if f["index"] == i]) for i in sorted(bad_idx)
    ]
    rejected_ids = {id(ind) for ind, _ in report.rejected}
    report.pk_links = [
        dataclasses.replace(lk, rejected=id(lk.report) in rejected_ids) for lk in links
    ]
    report.indicators = [ind for i, ind in enumerate(report.indicators) if i not in bad_idx]
    findings = run(report, ctx, rule_ids)
    rows = [
        {k: _clean(v) for k, v in row.items()} for i, row in enumerate(rows) if i not in bad_idx
    ]
    report.coverage["findings"] = len(findings)
    errors = [_rule_error(e, ctx.lang) for e in report.rule_errors]
    return ReportResult(
        errors=errors,
        source=doc.source,
        kind=report.meta.kind,
        year=report.meta.year,
        quarter=report.meta.quarter,
        agency=report.meta.agency,
        period_source=report.meta.period_source,
        indicators=rows,
        findings=findings,
        coverage=dict(report.coverage),
    )


def audit_path(
    path: str | os.PathLike,
    ctx: Context | None = None,
    rule_ids: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> ReportResult:
    """Audit one file. Unreadable input gives a result with ``errors`` and no findings.

    ``max_bytes`` caps the file size, ``max_pages`` the page count of a PDF (both refused as input
    errors, before the document is parsed).
    """
    return read_and_audit(path, ctx, rule_ids, max_bytes, max_pages)[1]


def read_and_audit(path: str | os.PathLike, ctx: Context | None = None,
                   rule_ids: list[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                   max_pages: int = DEFAULT_MAX_PAGES) -> tuple[Document | None, ReportResult]:
    """:func:`audit_path`, also returning the document read (None when it could not be read)."""
    ctx = ctx or Context()
    rule_ids = select() if rule_ids is None else rule_ids
    try:
        doc = read_document(path, max_bytes=max_bytes, max_pages=max_pages)
    except InputError as err:
        return None, ReportResult(source=str(path), errors=[err.reason(ctx.lang)])
    try:
        return doc, audit_document(doc, ctx, rule_ids)
    except Exception as exc:  # noqa: BLE001  a parser bug: this file's error; the batch goes on
        return doc, internal_error(str(path), exc, ctx.lang)


def _what(exc: BaseException) -> str:
    """"ValueError: invalid literal ..." on one line, at most 200 characters."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:199] + "…"


def internal_error(source: str, exc: BaseException, lang: str) -> ReportResult:
    """A bug of the tool met on this file: the file's one-line error, never a traceback."""
    return ReportResult(source=source, errors=[InputError(source, "internal", what=_what(exc))
                                               .reason(lang)])


def _rule_error(entry: str, lang: str) -> str:
    """``"ARI001: ValueError: ..."`` (``Report.rule_errors``) as the file's one-line error."""
    rule, _, what = entry.partition(": ")
    return InputError("", "rule_failed", rule=rule, what=" ".join(what.split())[:200]).reason(lang)


def audit_pk(ctx: Context, rule_ids: list[str]) -> ReportResult:
    """Check the PK in ``ctx.pk`` on its own (no report): only the rules that read the PK alone."""
    from . import rulepack
    from .document import Document

    specs = rulepack.rules()
    own = [rid for rid in rule_ids if specs[rid].category == "target-sum"]
    report = model.build(Document(source=ctx.pk.source, lines=[]))
    findings = run(report, ctx, own)
    return ReportResult(source=ctx.pk.source, findings=findings,
                        coverage={"indicators": len(ctx.pk.indicators), "findings": len(findings)})
