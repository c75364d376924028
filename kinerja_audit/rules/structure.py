"""Structure rules: required parts (PermenPAN-RB 53/2014) and numbering of lists and tables."""
from __future__ import annotations

from ..parse.periods import roman
from ..parse.sections import parts
from .common import cut_between, line_place
from .registry import Context, Hit, rule


def _no_chapters(report) -> bool:
    return not any(
        p["key"] in report.parts_present
        for p in parts()
        if p.get("level") == 1 and p.get("required")
    )


@rule("STR001")
def missing_part(report, ctx: Context):
    present = report.parts_present
    if report.form_only or _no_chapters(report):
        return   # STR003: no chapter at all is one finding, not one per part; a form has none
    for part in parts():
        if not part.get("required") or part["key"] in present:
            continue
        parent = part.get("parent")
        if parent and parent not in present:
            continue  # the whole chapter is missing: one finding for it, not one per part
        yield Hit(None, None, values={}, found=None, expected=part["title"][ctx.lang])


@rule("STR003")
def no_chapters(report, ctx: Context):
    if not report.form_only and _no_chapters(report):   # a realisation form has no chapters
        yield Hit(None, None, values={}, found=None, expected=None)


@rule("STR004")
def drafting_note(report, ctx: Context):
    for note in report.drafting_notes:
        yield Hit(None, note.line, evidence=note.text, values={}, found=note.text, expected=None)


@rule("NUM006")
def section_number_off_chapter(report, ctx: Context):
    """Sections of chapter N numbered N.x, except some ("1.1" and "1.1.3" in Bab 3): one finding
    per chapter, at the first heading that is off."""
    for chapter in report.sections:
        if chapter.level != 1 or chapter.number is None:
            continue
        inside = [h for h in report.numbered_headings
                  if chapter.start < h.line <= chapter.end and not h.outline]
        on = [h for h in inside if h.numbers[0] == chapter.number]
        off = [h for h in inside if h.numbers[0] != chapter.number]
        if len(on) < 2 or not off or len(off) >= 2 * len(on):
            continue   # too few sections on N, or most of them off: another numbering scheme
        right = [".".join(str(n) for n in (chapter.number, *h.numbers[1:])) for h in off]
        yield Hit(None, off[0].line, values={"chapter": chapter.title, "number": chapter.number},
                  found=", ".join(h.printed for h in off), expected=", ".join(right))


@rule("NPD010")
def outline_year_differs(report, ctx: Context):
    for entry in report.outline_years:
        yield Hit(None, entry.line,
                  values={"number": entry.printed,
                          "heading": line_place(report, entry.heading_line, ctx)},
                  found=str(entry.found), found_value=entry.found,
                  expected=str(entry.expected), expected_value=entry.expected)


@rule("STR002")
def annex_without_agreement(report, ctx: Context):
    annex = report.annex
    if annex is None or annex.has_agreement:
        return
    detail = ctx.word("annex_empty") if annex.empty else ""
    yield Hit(None, annex.line, values={"line_no": annex.line, "detail": detail,
                                        "year": str(report.meta.year or "")},
              found=None, expected=None)


def _label(style: str, value: int) -> str:
    if style == "(1)":
        return f"({value})"
    if style.startswith("1"):
        return f"{value}{style[1]}"
    if style.startswith("a"):
        return f"{chr(ord('a') + value - 1)}{style[1]}"
    if style.startswith("A"):
        return f"{chr(ord('A') + value - 1)}{style[1]}"
    return f"{roman(value)}{style[1]}"


def sequence_problems(values: list[tuple[int, object]], adjacent=lambda a, b: False):
    """Gaps and repeats in a sequence of (value, payload), allowing nested restarts.

    Yields (kind, previous, found, expected, payload) with kind "gap" or "duplicate".
    A value of 1 starts a new (possibly nested) list; a value continuing an outer list closes the
    inner ones; anything else that is neither next nor a repeat of the innermost list is a gap.
    """
    stack: list[int] = []
    prev_payload = None
    repeated = None            # the value just repeated (duplicate reported)
    for value, payload in values:
        before = prev_payload
        if value == 1 and stack and stack[-1] == 1 and adjacent(prev_payload, payload):
            # "1) ... 1) ...": the second item repeats the first number
            yield "duplicate", 1, 1, 2, payload
            repeated = 1
            prev_payload = payload
            continue
        prev_payload = payload
        if value == 1:
            stack.append(1)
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d] == value - 1), None)
        if depth is not None:
            del stack[depth + 1:]
            stack[depth] = value
            continue
        if not stack:
            stack.append(value)
            continue
        if stack[-1] == value:
            # a repeat right after its twin; far from it, the same number opens a new list
            if adjacent(before, payload):
                yield "duplicate", stack[-1], value, value + 1, payload
                repeated = value      # the repeat stands where value + 1 belongs: both may follow
            continue
        if value == stack[-1] + 2 and repeated == stack[-1]:
            stack[-1], repeated = value, None
        elif value > stack[-1] + 1:
            yield "gap", stack[-1], value, stack[-1] + 1, payload
            stack[-1] = value
        else:
            stack.append(value)


@rule("NUM001")
def list_numbering(report, ctx: Context):
    chapters = [s for s in report.sections if s.level == 1] or []
    groups: dict[tuple, list] = {}
    for it in report.items:
        if it.value is None:
            continue
        owner = next((c.key for c in chapters if c.contains(it.line)), None)
        groups.setdefault((owner, it.style), []).append(it)
    # "1) ... 1)": a repeated first number only when nothing stands between the two items
    previous = {id(b): a for a, b in zip(report.items, report.items[1:])}

    def adjacent(a, b) -> bool:
        return a is not None and previous.get(id(b)) is a and b.line - a.end_line <= 3

    for (_, style), items in sorted(groups.items(), key=lambda kv: kv[1][0].line):
        for kind, prev, found, expected, it in sequence_problems(
            [(it.value, it) for it in items], adjacent
        ):
            yield Hit(
                None,
                it.line,
                values={"problem": ctx.word(f"problem_{kind}"), "previous": _label(style, prev)},
                found=_label(style, found),
                expected=_label(style, expected),
            )
    yield from _label_run_problems(report, ctx)


def _label_run_problems(report, ctx: Context):
    """Lines numbered by a label ("Lampiran 4", "Lampiran 6"): one sequence per run."""
    for run in report.label_runs:
        for kind, prev, found, expected, line in sequence_problems(
            list(run.entries), lambda a, b: True
        ):
            yield Hit(
                None,
                line,
                values={"problem": ctx.word(f"problem_{kind}"), "previous": f"{run.word} {prev}"},
                found=f"{run.word} {found}",
                expected=f"{run.word} {expected}",
            )


@rule("NUM003")
def item_split_mid_word(report, ctx: Context):
    previous = {id(b): a for a, b in zip(report.items, report.items[1:])}
    for it in report.items:
        if it.split_word is None:
            continue
        before = previous[id(it)]
        yield Hit(
            report.indicator_at(it.line),
            it.line,
            evidence_lines=(before.line, it.line),
            values={"previous": before.marker, "word": it.split_word},
            found=it.marker,
            expected=before.marker,
        )


def _same_row(a, b) -> bool:
    """Two row names are one (a wrapped cell prints fewer of its words): one starts with the other,
    two words at least."""
    n = min(len(a.words), len(b.words))
    return n >= 2 and a.words[:n] == b.words[:n]


def _numbers_elsewhere(row, block, blocks) -> list[int]:
    """The number the same row carries in each other table that has it once."""
    out = []
    for other in blocks:
        if other is block:
            continue
        same = [r for r in other if _same_row(row, r)]
        if len(same) == 1:
            out.append(same[0].value)
    return out


@rule("NUM004")
def row_number_differs(report, ctx: Context):
    blocks = report.row_numbers
    for block in blocks:
        for row in block:
            elsewhere = _numbers_elsewhere(row, block, blocks)
            if len(elsewhere) < 2 or len(set(elsewhere)) != 1 or elsewhere[0] == row.value:
                continue
            yield Hit(
                None,
                row.line,
                values={"name": row.label, "tables": len(elsewhere), "number": row.value,
                        "other": elsewhere[0]},
                found=f"{row.value}{row.mark}",
                expected=f"{elsewhere[0]}{row.mark}",
                found_value=row.value,
                expected_value=elsewhere[0],
            )
            break   # the rows after it follow from it: one finding per table


@rule("NUM005")
def list_count_differs(report, ctx: Context):
    for announced in report.announced_lists:
        if announced.claimed == announced.items:
            continue
        yield Hit(
            None,
            announced.line,
            values={"raw": announced.raw, "items": announced.items,
                    "first_item": line_place(report, announced.first_item, ctx)},
            found=announced.raw,
            found_value=announced.claimed,
            expected=str(announced.items),
            expected_value=announced.items,
        )


@rule("NUM002")
def table_numbering(report, ctx: Context):
    # numbered per document ("Tabel 7") or per chapter ("Tabel 3.4"): one sequence per prefix
    sequences: dict[str, list[tuple[int, int, bool]]] = {}
    for caption in report.captions:
        sequences.setdefault(caption.chapter, []).append(
            (caption.position, caption.line, caption.code_number == caption.position))
    for prefix, captions in sequences.items():
        yield from _caption_problems(report, ctx, prefix, captions)


def _caption_problems(report, ctx: Context, prefix: str, captions: list[tuple[int, int, bool]]):
    """Repeated and skipped numbers in one sequence of captions; the text cut out between two
    excerpts may hold the tables in between, so numbering starts over after a cut."""
    label = (lambda v: f"{prefix}.{v}") if prefix else (lambda v: v)
    prev, prev_by_code, prev_line = None, False, 0
    for value, line, by_code in captions:
        if cut_between(report, prev_line, line):
            prev = None
        prev_line = line
        if prev is not None and value == prev:
            yield Hit(
                None,
                line,
                values={"problem": ctx.word("problem_duplicate"), "previous": label(prev)},
                found=label(value),
                expected=label(prev + 1),
            )
            value = prev + 1   # the repeated table stands where the next number belongs
        elif prev is not None and value > prev + 1 and not (by_code and prev_by_code):
            # tables numbered after the indicator they show ("Tabel 4 ... IK.4", "Tabel 7 ...
            # IK.7") follow the indicators' codes, not a count: a jump there is no gap
            yield Hit(
                None,
                line,
                values={"problem": ctx.word("problem_gap"), "previous": label(prev)},
                found=label(value),
                expected=label(prev + 1),
            )
        prev, prev_by_code = value, by_code
