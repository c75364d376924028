"""Identity rules: which indicator a table is about (codes) and what it is called (names)."""
from __future__ import annotations

import re

from ..parse import names as namesim
from .registry import Context, Hit, rule


def place_of(mention, ctx: Context) -> str:
    table = mention.table
    if mention.source == "caption":
        return ctx.word("place_caption", n=table.caption_number if table else "")
    if mention.source == "heading":
        return ctx.word("place_heading", line=mention.line)
    if mention.source == "summary":
        return ctx.word("place_summary", line=mention.line)
    if mention.source == "plan":
        return ctx.word("place_plan", line=mention.line)
    if table is not None and table.caption_number and len(table.rows) == 1:
        return ctx.word("place_table", n=table.caption_number)
    return ctx.word("place_table_line", line=mention.line)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


@rule("LBL001")
def table_code_mismatch(report, ctx: Context):
    for ind in report.indicators:
        if "#" in ind.code:
            continue
        for m in (ind.heading, ind.caption, ind.table):
            if m is None or m.code is None or m.code == ind.code:
                continue
            place = place_of(m, ctx)
            yield Hit(ind.code, m.line, values={"place": place, "place_lower": _lower_first(place)},
                      found=m.code, expected=ind.code)


_SIMPLE = re.compile(r"^([A-Z]+)\.(\d+)(#\d+)?$")


@rule("LBL002")
def code_sequence(report, ctx: Context):
    prev = None
    for pos, ind in enumerate(report.indicators, start=1):
        m = _SIMPLE.match(ind.code)
        if not m:
            prev = None
            continue
        prefix, number, dup = m.group(1), int(m.group(2)), m.group(3)
        line = (ind.table or ind.heading).line if (ind.table or ind.heading) else None
        if dup:
            yield Hit(ind.code, line, values={"problem": ctx.word("code_duplicate")},
                      found=f"{prefix}.{number}", expected=f"{prefix}.{prev + 1 if prev else pos}")
            prev = prev + 1 if prev else pos
            continue
        if prev is not None and number > prev + 1:
            yield Hit(ind.code, line, values={"problem": ctx.word("code_skipped")},
                      found=ind.code, expected=f"{prefix}.{prev + 1}")
        prev = number


@rule("NAM001")
def table_name_mismatch(report, ctx: Context):
    threshold = float(ctx.option("NAM001", "threshold"))
    margin = float(ctx.option("NAM001", "margin"))
    canon = {ind.code: (ind.heading.name if ind.heading and ind.heading.name else
                        ind.plan.name if ind.plan and ind.plan.name else None)
             for ind in report.indicators}
    for ind in report.indicators:
        own = canon[ind.code]
        m = ind.table
        if own is None or m is None or not m.name:
            continue
        score = namesim.similarity(m.name, own)
        others = [(namesim.similarity(m.name, name), code) for code, name in canon.items()
                  if code != ind.code and name]
        best_other = max(others, default=(0.0, None))
        if score >= threshold and best_other[0] < score + margin:
            continue
        other = ctx.word("other_name_hint", other=best_other[1]) if best_other[0] >= 85 else ""
        place = place_of(m, ctx)
        yield Hit(ind.code, m.line,
                  values={"place": place, "place_lower": _lower_first(place), "code": ind.code, "other": other},
                  found=m.name, expected=own, evidence_lines=(m.line, m.line))
