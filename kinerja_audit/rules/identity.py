"""Identity rules: which indicator a table is about (codes) and what it is called (names)."""
from __future__ import annotations

from ..parse import names as namesim
from ..parse.codes import split_code
from ..parse.tables import is_header_word
from .common import cut_between, lower_first, place_of
from .registry import Context, Hit, rule


@rule("LBL001")
def table_code_mismatch(report, ctx: Context):
    for ind in report.indicators:
        if "#" in ind.code:
            continue
        for m in (ind.heading, ind.caption, ind.table):
            if m is None or m.code is None or m.code == ind.code:
                continue
            place = place_of(m, ctx)
            yield Hit(ind.code, m.line, values={"place": place, "place_lower": lower_first(place)},
                      found=m.code, expected=ind.code)


@rule("LBL002")
def code_sequence(report, ctx: Context):
    prev, prev_line = None, 0
    listed = [ind for ind in report.indicators if ind.table or ind.summary]  # the report's own list
    for pos, ind in enumerate(listed, start=1):
        parts = split_code(ind.code)
        if parts is None:
            prev = None
            continue
        prefix, number, dup = parts
        line = (ind.table or ind.heading).line if (ind.table or ind.heading) else None
        if line is not None and cut_between(report, prev_line, line):
            prev = None   # another excerpt of the report: its numbering is not continuous text
        prev_line = line if line is not None else prev_line
        if dup:
            yield Hit(ind.code, line, values={"problem": ctx.word("code_duplicate")},
                      found=f"{prefix}.{number}", expected=f"{prefix}.{prev + 1 if prev else pos}")
            prev = prev + 1 if prev else pos
            continue
        if prev is not None and number > prev + 1 and not _caption_skips_too(ind, number):
            yield Hit(ind.code, line, values={"problem": ctx.word("code_skipped")},
                      found=ind.code, expected=f"{prefix}.{prev + 1}")
        prev = number


def _caption_skips_too(ind, number: int) -> bool:
    """The indicator's own one-row table is numbered like its code ("Tabel 7" for IK.7): the
    numbers the code skips are missing tables (a copy of some pages), not a wrong code."""
    table = ind.table.table if ind.table is not None else None
    if table is None or len(table.rows) != 1 or not table.caption_number:
        return False
    tail = table.caption_number.replace("-", ".").split(".")[-1]
    return tail.isdigit() and int(tail) == number


def _a_name(text: str) -> bool:
    """An indicator's name, not table debris: no cell separators, not only column-header words
    ("Indikator" read from a row whose name cell was empty)."""
    return "|" not in text and not all(is_header_word(w) for w in text.split())


@rule("NAM001")
def table_name_mismatch(report, ctx: Context):
    threshold = float(ctx.option("threshold"))
    margin = float(ctx.option("margin"))
    hint = float(ctx.option("hint_threshold"))
    canon = {ind.code: (ind.heading.name if ind.heading and ind.heading.name else
                        ind.plan.name if ind.plan and ind.plan.name else None)
             for ind in report.indicators}
    for ind in report.indicators:
        own = canon[ind.code]
        m = ind.table
        if own is None or m is None or not m.name or not _a_name(m.name) or not _a_name(own):
            continue
        score = namesim.similarity(m.name, own)
        others = [(namesim.similarity(m.name, name), code) for code, name in canon.items()
                  if code != ind.code and name]
        best_other = max(others, default=(0.0, None))
        if score >= threshold and best_other[0] < score + margin:
            continue
        other = ctx.word("other_name_hint", other=best_other[1]) if best_other[0] >= hint else ""
        place = place_of(m, ctx)
        yield Hit(
            ind.code,
            m.line,
            values={
                "place": place,
                "place_lower": lower_first(place),
                "code": ind.code,
                "other": other,
            },
            found=m.name,
            expected=own,
            evidence_lines=(m.line, m.line),
        )
