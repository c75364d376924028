"""Rules on the values in tables: units, plausible ranges, summary vs. table, unreadable rows, and
the quarter targets of the action plan (TGT005)."""
from __future__ import annotations

from ..parse.cells import unit_key
from ..parse.numbers import same_value
from .common import ROLES, place_of, recap_capaian_slip
from .registry import Amount, Context, Hit, rule


def _mention_units(m):
    """(unit, line) pairs stated in one mention: the unit column and the units written in cells."""
    out = []
    if m.unit:
        line = next((c.line for c in m.cells.values() if c.unit and c.unit != "%"), m.line)
        out.append((m.unit, line))
    for role in ("target_annual", "target", "realisasi"):
        c = m.cells.get(role)
        if c and c.unit and c.unit != "%":
            out.append((c.unit, c.line))
    return out


def _unit_line(ind) -> int | None:
    """The line where the indicator's unit is printed (its table row, else its summary row)."""
    return next((u[1] for m in (ind.table, ind.summary) if m for u in _mention_units(m)), None)


@rule("UNT001")
def unit_differs(report, ctx: Context):
    for ind in report.indicators:
        seen = []
        for m in (ind.plan, ind.table, ind.summary):
            if m is None:
                continue
            for unit, line in _mention_units(m):
                seen.append((unit, line, m))
        if not seen:
            continue
        first_unit, _, first_m = seen[0]
        for unit, line, m in seen[1:]:
            if unit_key(unit) != unit_key(first_unit):
                yield Hit(
                    ind.code,
                    line,
                    values={
                        "code": ind.code,
                        "place": place_of(m, ctx),
                        "other_place": place_of(first_m, ctx),
                    },
                    found=unit,
                    expected=first_unit,
                )
                break


@rule("UNT002")
def score_in_count_unit(report, ctx: Context):
    for ind in report.indicators:
        unit = ind.unit
        if unit and ind.unit_family == "count" and ind.named_score:
            line = _unit_line(ind)
            yield Hit(
                ind.code,
                line,
                values={"code": ind.code, "name": ind.name},
                found=unit,
                expected=ctx.word("unit_score"),
            )


@rule("UNT003")
def percentage_in_count_unit(report, ctx: Context):
    for ind in report.indicators:
        unit = ind.unit
        if unit and ind.unit_family in ("count", "score") and ind.named_percent:
            line = _unit_line(ind)
            yield Hit(
                ind.code,
                line,
                values={"code": ind.code, "name": ind.name},
                found=unit,
                expected=ctx.word("unit_percent"),
            )


@rule("RNG001")
def implausible_value(report, ctx: Context):
    low, high = float(ctx.option("low")), float(ctx.option("high"))
    for ind in report.indicators:
        if not ind.bounded:
            continue
        if ind.named_score and ind.unit_family in (None, "score"):
            kind = ctx.word("kind_score", low=ctx.num(low), high=ctx.num(high))
        elif ind.named_percent and ind.unit_family in (None, "percent"):
            kind = ctx.word("kind_percent", low=ctx.num(low), high=ctx.num(high))
        else:
            continue
        for role in ("target_annual", "target", "realisasi"):
            cell = ind.value(role)
            if cell is None or cell.number is None or low <= cell.number.value <= high:
                continue
            yield Hit(
                ind.code,
                cell.line,
                values={"code": ind.code, "role": ctx.word(f"role_{role}"), "kind": kind},
                found=cell.number.value,
                expected=f"{ctx.num(low)}–{ctx.num(high)}",
            )


def _same(a, b) -> bool:
    return same_value(a.number, b.number.value, b.number.half_step)


def _differs(a, b) -> bool:
    return bool(a and b) and a.number is not None and b.number is not None and not _same(a, b)


def _shifted(summary: dict, table: dict, roles: list[str]) -> bool:
    """Values of the summary row sitting under other roles of the table: a misread, not a defect."""
    if (
        set(roles) == {"target", "realisasi"}
        and table.get("target")
        and table.get("realisasi")
        and _same(summary["target"], table["realisasi"])
        and _same(summary["realisasi"], table["target"])
    ):
        # target and realisasi exchanged in the summary is a discrepancy worth reporting
        return False
    values = {role: c for role, c in table.items() if c.number is not None}
    return any(
        _same(summary[role], other) for role in roles for r2, other in values.items() if r2 != role
    )


@rule("MIS001")
def summary_vs_table(report, ctx: Context):
    for ind in report.indicators:
        if ind.table is None or ind.summary is None:
            continue
        differing = [
            role
            for role in ROLES
            if _differs(ind.summary.cells.get(role), ind.table.cells.get(role))
        ]
        if len(differing) > 1 and _shifted(ind.summary.cells, ind.table.cells, differing):
            continue   # the summary row was read out of step with its columns, not a discrepancy
        for role in differing:
            if role == "capaian" and recap_capaian_slip(ind, 0.0):
                continue   # the recap row's own arithmetic slipped: ARI001 reports it there
            a, b = ind.summary.cells[role], ind.table.cells[role]
            decimals = max(a.number.decimals, b.number.decimals)
            yield Hit(
                ind.code,
                a.line,
                evidence_lines=ind.summary.span,
                values={
                    "code": ind.code,
                    "role": ctx.word(f"role_{role}"),
                    "role_lower": ctx.word(f"role_{role}").lower(),
                    "place": place_of(ind.summary, ctx),
                    "other_place": place_of(ind.table, ctx),
                },
                found=Amount(a.number.value, decimals, "%" if a.percent else a.unit),
                expected=Amount(b.number.value, decimals, "%" if b.percent else b.unit),
            )


@rule("PRS001")
def no_indicator_table(report, ctx: Context):
    if any(ind.table is not None for ind in report.indicators):
        return
    where = ctx.word("where_bab3") if report.capaian_span else ctx.word("where_report")
    line = report.capaian_span[0] if report.capaian_span else None
    yield Hit(None, line, values={"where": where}, found=None, expected=None)


@rule("PRS005")
def no_period(report, ctx: Context):
    if report.meta.year is None:
        yield Hit(None, None, values={}, found=None, expected=None)


@rule("PRS002")
def mixed_number_format(report, ctx: Context):
    for table in report.tables:
        if {"id", "en"} <= table.styles:
            cells = [c for r in table.rows for c in r.cells.values() if c.number]
            id_ex = next((c.raw for c in cells if c.number.style == "id"), "")
            en_ex = next((c.raw for c in cells if c.number.style == "en"), "")
            if not id_ex or not en_ex:
                continue
            yield Hit(
                None,
                table.header_line,
                values={"line_no": table.header_line, "id_example": id_ex, "en_example": en_ex},
                found=en_ex,
                expected=id_ex,
            )


@rule("PRS003")
def incomplete_row(report, ctx: Context):
    for ind in report.indicators:
        for m in (ind.table, ind.summary):
            if m is None or m.table is None or m.table.form:
                continue    # a form's empty quarter cell is its own rule's (ANO002)
            got, expected = m.figures
            if expected and got < expected:
                # a cell holding words where a figure belongs is no empty cell: write it as one
                todo = ctx.word("incomplete_row_words", cell=m.unread[0].raw) if m.unread \
                    else ctx.word("incomplete_row_empty")
                yield Hit(ind.code, m.line, values={"code": ind.code, "todo": todo}, found=got,
                          expected=expected)


@rule("PRS004")
def schema_rejected(report, ctx: Context):
    for ind, failures in report.rejected:
        cols = ", ".join(sorted({str(f["column"]) for f in failures}))
        vals = ", ".join(str(f["value"]) for f in failures)
        line = ind.table.line if ind.table else (ind.summary.line if ind.summary else None)
        yield Hit(
            ind.code, line, values={"code": ind.code, "columns": cols}, found=vals, expected=None
        )


def _rounding(cell) -> float:
    """Half the last printed decimal; a whole number in a plan is a count, exact as printed."""
    return cell.number.half_step if cell.number.decimals else 0.0


def _quarters_combine(quarters: list, annual) -> bool:
    """The quarter targets give the annual one under some basis: summed (per-quarter amounts),
    the last quarter (cumulative amounts, or an indicator taken at its latest value), or their
    mean (an averaged index, every quarter's target often the annual one, or the mean printed
    rounded), each within the rounding of the printed decimals."""
    values = [q.number.value for q in quarters]
    a, half = annual.number.value, _rounding(annual)
    summed = sum(values)
    if abs(summed - a) <= half + sum(_rounding(q) for q in quarters) + 1e-9:
        return True
    if abs(values[-1] - a) <= half + _rounding(quarters[-1]) + 1e-9:
        return True
    mean = summed / len(values)   # an average printed rounded, as it is computed
    return abs(mean - a) <= annual.number.half_step + max(_rounding(q) for q in quarters) + 1e-9


@rule("TGT005")
def plan_quarters_combine(report, ctx: Context):
    for row in report.quarter_targets:
        cells = [*row.quarters, row.annual]
        if any(c.number is None for c in cells) or _quarters_combine(list(row.quarters),
                                                                     row.annual):
            continue
        summed = sum(q.number.value for q in row.quarters)
        code = row.indicator
        yield Hit(code, row.line, evidence=row.raw,
                  values={"code": code or row.label,
                          "quarters": "; ".join(q.raw for q in row.quarters),
                          "last": row.quarters[-1].raw},
                  found=summed, expected=row.annual.number.value)
