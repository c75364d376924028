"""Rules on quarterly realisation forms (``parse/forms.py``): a quarter's output left empty while
its budget was spent, and a document that is a form without any target."""
from __future__ import annotations

from ..parse.periods import roman
from .registry import Context, Hit, rule


@rule("ANO002")
def form_output_missing(report, ctx: Context):
    for form in report.forms:
        quarter = form.filled
        rows = [r for r in form.rows if not r.programme]
        if quarter is None or len(rows) < 2:
            continue
        printed = sum(r.output.get(quarter) is not None for r in rows)
        if printed < float(ctx.option("min_share")) * (len(rows) - 1):
            continue          # the other rows leave K empty as a rule: one more says nothing
        for r in rows:
            spent = r.budget.get(quarter)
            if r.output.get(quarter) is None and spent is not None and (spent.value or 0) > 0:
                yield Hit(None, r.line, evidence=r.name,
                          values={"name": r.name, "quarter": roman(quarter)},
                          found=spent.raw, expected=None, found_value=spent.value, unit="Rp")


@rule("STR005")
def form_without_target(report, ctx: Context):
    if not report.form_only or any(f.target_printed for f in report.forms):
        return
    form = report.forms[0]
    yield Hit(None, form.numbers_line or form.header_line,
              values={"count": len(report.indicators)}, found=None, expected=None)
