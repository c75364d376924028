"""Helpers shared by the rule families: how places, periods, polarity sources and an indicator's
figures are named in messages.  Rule modules import from here, never from each other."""
from __future__ import annotations

from .. import capaian as cp
from ..parse import periods
from ..parse.numbers import same_value
from .registry import Amount, Context

ROLES = ("target_annual", "target", "realisasi", "capaian")


def line_place(report, line: int, ctx: Context) -> str:
    """Another place a message points to: "hlm. 16, baris 638" when its page is known (PDF,
    DOCX), else "baris 638"."""
    page = report.doc.page_of(line)
    if page is None:
        return ctx.word("place_line", line=line)
    return ctx.word("place_page_line", page=page, line=line)


def cut_between(report, first: int, last: int) -> bool:
    """Text was cut out between lines ``first`` and ``last`` (an excerpt break stands between
    them): a numbering need not run on across it."""
    return any(first < b < last for b in report.excerpt_breaks)


def place_of(mention, ctx: Context) -> str:
    """Where a mention of an indicator stands ("Tabel 5", "the summary table (line 20)")."""
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


def lower_first(text: str) -> str:
    """"Tabel 5" -> "tabel 5" inside a sentence (acronyms stay as they are)."""
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def period_word(report, ctx: Context, *, with_year: bool = False) -> str:
    """The report period in a message: "triwulan II", "semester I", "tahun 2025"."""
    return periods.label(report.meta, ctx.word, with_year=with_year)


def other_period_near(sentence, claim, report, window: int) -> bool:
    """A period reference other than the report's stands before this figure, within ``window``
    characters (a past or future value: "posisi akhir triwulan II ... 13.988")."""
    refs = [p for p in sentence.periods if p.start < claim.start and claim.start - p.start < window]
    if not refs:
        return False
    return not periods.is_current(refs[-1].period, report.meta)


def polarity_word(ind, ctx: Context) -> str:
    """Why the indicator is read as lower/higher-is-better (PK, configuration, name, report)."""
    return ctx.word({"name": "polarity_name", "pk": "polarity_pk", "config": "polarity_config",
                     "report": "polarity_report"}.get(ind.polarity_source, "polarity_name"))


def table_values(ind):
    """(target, realisasi, capaian) cells of the indicator's own table row (None when absent)."""
    m = ind.table
    if m is None:
        return None, None, None
    return m.cells.get("target"), m.cells.get("realisasi"), m.cells.get("capaian")


def numbered(cell):
    """The cell when it holds a number, else None."""
    return cell if cell is not None and cell.number is not None else None


def recap_capaian_slip(ind, tolerance: float) -> bool:
    """The summary (recap) row restates the table's target and realisasi but prints a capaian
    that follows from neither them nor the table: a slip in that row's own arithmetic (ARI001
    reports it there, MIS001 does not report it again)."""
    if ind.table is None or ind.summary is None:
        return False
    t, r, p = (numbered(ind.summary.cells.get(k)) for k in ("target", "realisasi", "capaian"))
    tt, tr, tp = (numbered(ind.table.cells.get(k)) for k in ("target", "realisasi", "capaian"))
    if not (t and r and p and tt and tr) or t.number.value == 0:
        return False
    restated = same_value(t.number, tt.number.value, tt.number.half_step) \
        and same_value(r.number, tr.number.value, tr.number.half_step)
    differs = tp is None or not same_value(p.number, tp.number.value, tp.number.half_step)
    return restated and differs and cp.consistent(p, t, r, ind.polarity, tolerance) is False


def pct(value: float, decimals: int | None = None) -> Amount:
    return Amount(value, decimals, "%")


def as_printed(cell, value: float | None = None) -> Amount:
    """``value`` (default: the cell's own) written like ``cell``: its decimals, its percent sign."""
    number = cell.number
    return Amount(
        number.value if value is None else value,
        number.decimals or None,
        "%" if cell.percent else cell.unit,
    )


def caps_option(ctx: Context) -> list[float]:
    """The rule's ``caps`` option ("120", "120; 150") as numbers."""
    return [float(c) for c in str(ctx.option("caps")).replace(";", ",").split(",") if c.strip()]

