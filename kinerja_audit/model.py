"""The report model: metadata, parts, tables, lists and one record per indicator.

``build(doc)`` runs every parser once and links what they found: each indicator gets the places it
appears (its Bab III table row, heading and caption, its summary-table row, its Bab II list item),
each with its source line.  Nothing here judges; the rules compare.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from . import rulepack
from .document import Document
from .parse import budget, claims
from .parse import names as namesim
from .parse.announced import announced_lists
from .parse.averages import find_average_rows
from .parse.caption_years import caption_year_spans
from .parse.cells import Cell, unit_family
from .parse.codes import code_tail, find_code
from .parse.forms import QuarterForm, as_table, find_forms, form_only
from .parse.grids import parse_grids
from .parse.lists import ListItem, label_runs, parse_items
from .parse.matrix import layout_matrices
from .parse.meta import Meta, parse_meta
from .parse.notes import drafting_notes
from .parse.oneline import one_line_tables
from .parse.quarter_targets import grid_quarter_targets, parse_quarter_targets
from .parse.repair import is_rule_line, repair
from .parse.row_numbers import row_number_sequences
from .parse.scales import find_scales
from .parse.sections import (
    Section,
    annex_of,
    find_sections,
    numbered_headings,
    outline_years,
    parts_present,
)
from .parse.tables import Row, Table, caption_match, find_captions, parse_tables
from .parse.text import any_match, norm, pattern
from .parse.yoy import parse_yoy_tables


@dataclass
class Mention:
    """One place the report states something about an indicator."""

    source: str                  # table | heading | caption | summary | plan
    line: int
    name: str | None = None
    code: str | None = None      # canonical form of the code printed there
    code_printed: str | None = None
    cells: dict[str, Cell] = field(default_factory=dict)
    unit: str | None = None
    table: Table | None = None
    end_line: int | None = None   # last line of a table row spread over several lines
    ranges: dict[str, str] = field(default_factory=dict)   # role -> a range printed ("5-6%")
    unread: list[Cell] = field(default_factory=list)   # cells under a figure column, not figures

    @property
    def span(self) -> tuple[int, int]:
        return self.line, max(self.line, self.end_line or self.line)

    @property
    def figures(self) -> tuple[int, int]:
        """(figures read in this row, figure columns of its table): a role named by two columns
        holds one value, and a range printed ("5-6%") is read."""
        if self.table is None:
            return len(self.cells), len(self.cells)
        return len(self.cells.keys() | self.ranges.keys()), len(set(self.table.numeric_roles))

    @property
    def complete(self) -> bool:
        """Every figure column of its table has a cell in this row (else the row was misread or is
        unfinished: PRS003)."""
        got, expected = self.figures
        return got >= expected


@dataclass
class Indicator:
    code: str
    position: int
    name: str
    table: Mention | None = None
    heading: Mention | None = None
    caption: Mention | None = None
    summary: Mention | None = None
    plan: Mention | None = None
    narrative: tuple[int, int] | None = None   # line span of the prose about it in Bab III A
    prose_spans: list = field(default_factory=list)   # other spans its coded headings introduce
    polarity: str = "positive"
    polarity_source: str = "default"           # pk | config | name | report | default (polarity.py)
    # derived once by build(), read by the rules
    annual: Cell | None = None  # the annual target (an annual report's period target is annual)
    named_score: bool = False        # the name says a score is measured (nilai, indeks, IKM)
    named_percent: bool = False      # the name says a percentage is measured (persentase, rasio)
    bounded: bool = False            # its scale is 0-100 by regulation (IKM, Nilai AKIP) or a share
    explained: bool = False          # some sentence about it gives a cause (anomaly rule)

    def mentions(self) -> list[Mention]:
        return [m for m in (self.heading, self.caption, self.table, self.summary, self.plan) if m]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Line spans of the prose about it: its Bab III narrative and what its coded headings
        introduce."""
        return ([self.narrative] if self.narrative else []) + list(self.prose_spans)

    def value(self, role: str) -> Cell | None:
        """The indicator's value for ``role``: its own table first, then the summary table.
        A "-" in its own table means "no value this period"; the summary does not overrule it."""
        for m in (self.table, self.summary):
            if m and role in m.cells:
                if m.cells[role].number is not None:
                    return m.cells[role]
                if m is self.table and m.cells[role].is_dash:
                    return None
        return None

    @property
    def unit(self) -> str | None:
        for m in (self.table, self.summary, self.plan):
            if m and m.unit:
                return m.unit
        return None

    @property
    def unit_family(self) -> str | None:
        return unit_family(self.unit)

    @property
    def in_percent(self) -> bool:
        """Measured in percent: its unit says so, or its name does ("Persentase ...")."""
        return self.unit_family == "percent" or self.named_percent


@dataclass
class Report:
    doc: Document
    meta: Meta
    sections: list[Section]
    tables: list[Table]
    items: list[ListItem]
    indicators: list[Indicator]
    capaian_span: tuple[int, int] | None
    coverage: dict
    # (indicator, schema failures), set by the pipeline
    rejected: list = field(default_factory=list)
    # prose sentences with their claims (parse.claims)
    sentences: list = field(default_factory=list)
    rule_errors: list = field(default_factory=list)  # rules that failed on this report (tool bugs)
    budget_rows: list = field(default_factory=list)        # parse.budget rows of Bab III B
    budget_statements: list = field(default_factory=list)  # prose giving realisasi, pagu and %
    budget_amounts: list = field(default_factory=list)     # parse.budget.BudgetAmount, every place
    budget_shares: list = field(default_factory=list)      # parse.budget.BudgetShare "X% dari Rp Y"
    captions: list = field(default_factory=list)  # parse.tables.Caption, every table caption
    parts_present: set = field(default_factory=set)  # part keys found (headings or body words)
    annex: object | None = None                            # parse.sections.Annex
    pk_links: list = field(default_factory=list)           # pk_match.Link, set by the pipeline
    yoy_tables: list = field(default_factory=list)         # parse.yoy.YoyTable
    grids: list = field(default_factory=list)              # parse.grids.PeriodGrid
    grading_scales: list = field(default_factory=list)     # parse.scales.Scale
    drafting_notes: list = field(default_factory=list)     # parse.notes.DraftingNote
    forms: list = field(default_factory=list)              # parse.forms.QuarterForm
    average_rows: list = field(default_factory=list)       # parse.averages.AverageRow
    numbered_headings: list = field(default_factory=list)  # parse.sections.NumberedHeading
    outline_years: list = field(default_factory=list)      # parse.sections.OutlineYear
    form_only: bool = False        # the document is a realisation form, not a written report
    row_numbers: list = field(default_factory=list)  # parse.row_numbers.RowNumber, per table block
    announced_lists: list = field(default_factory=list)    # parse.announced.AnnouncedList
    label_runs: list = field(default_factory=list)         # parse.lists.LabelRun
    # lines of "-----" joining excerpts of different pages (a 123dok copy): what stands on either
    # side is no continuous text (a numbering need not run on across them)
    excerpt_breaks: list = field(default_factory=list)
    caption_years: list = field(default_factory=list)  # parse.caption_years.CaptionYears
    quarter_targets: list = field(default_factory=list)  # parse.quarter_targets.QuarterTargets

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def indicator(self, code: str | None) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def indicator_at(self, line: int | None) -> str | None:
        """The code of the indicator whose prose holds ``line`` (None outside any)."""
        return next(
            (i.code for i in self.indicators if line and any(a <= line <= b for a, b in i.spans)),
            None,
        )


def _span(sections: list[Section], key: str) -> tuple[int, int] | None:
    s = next((s for s in sections if s.key == key), None)
    return (s.start, s.end) if s else None


def _capaian_span(sections: list[Section], n_lines: int) -> tuple[int, int] | None:
    cap = _span(sections, "capaian")
    if cap:
        return cap
    bab3 = _span(sections, "bab3")
    if bab3:
        subs = [s.start for s in sections if s.parent == "bab3" and s.start > bab3[0]]
        return bab3[0], (min(subs) - 1) if subs else bab3[1]
    return None


def _in_span(line: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= line <= span[1]


def _performance_tables(tables: list[Table], sections: list[Section], cap_span, anggaran):
    """The tables with targets or realisations: (all of them, the primary tables of Bab III, its
    recap tables, the tables outside Bab III and outside the budget section)."""
    perf_tables = [t for t in tables
                   if t.rows and any(c.role in ("target", "realisasi") for c in t.columns)]
    bab3_tables = [t for t in perf_tables
                   if _in_span(t.header_line, cap_span) and not _in_span(t.header_line, anggaran)]
    other_tables = [t for t in perf_tables
                    if t not in bab3_tables and not _in_span(t.header_line, anggaran)
                    and not _in_span(t.header_line, _span(sections, "bab3"))]
    single = [t for t in bab3_tables if len(t.rows) == 1]
    if single:
        # beside one-row tables (one per indicator), a table of several rows is their recap,
        # unless its rows are coded indicators none of them restates (a sasaran's own table)
        primary = [t for t in bab3_tables
                   if t in single or len(t.rows) > 1 and _others(t, single)]
    else:
        # a captioned table ("Tabel 3.2 ...") is the report's own; an uncaptioned one (a
        # breakdown per misi) restates it: the captioned tables introduce the indicators
        primary = sorted(bab3_tables, key=lambda t: t.caption is None)
    recap = [t for t in bab3_tables if t not in primary]
    return perf_tables, primary, recap, other_tables


def _others(table: Table, singles: list[Table]) -> bool:
    """Every row of ``table`` carries a code, and none is the code or name of a row of the
    one-row ``singles``."""
    floor = rulepack.setting("claim_name_score")
    rows = [t.rows[0] for t in singles]
    return all(r.code for r in table.rows) and not any(
        r.code == o.code or namesim.similarity(r.name, o.name) >= floor
        for r in table.rows for o in rows)


def build(doc: Document, period: tuple[str, int | None, int] | None = None) -> Report:
    """The report model of ``doc``; ``period`` (kind, quarter, year) overrides the detected one."""
    doc, running, breaks = _repaired(doc)
    meta = parse_meta(doc, running, period)
    sections = find_sections(doc)
    stops = {s.start for s in sections}
    n = len(doc.lines)
    tables = _read_tables(doc, meta, stops)
    items = parse_items(doc, 1, n, stop_lines=stops)
    cap_span = _capaian_span(sections, n)
    anggaran = _span(sections, "anggaran")
    perf_tables, primary, recap, other_tables = _performance_tables(tables, sections, cap_span,
                                                                    anggaran)
    headings = _headings(items + _code_lines(doc, cap_span, tables, items), cap_span, primary)
    indicators = _indicators_from_tables(primary, headings)
    summary_source = other_tables + recap
    if not indicators and summary_source:
        # No Bab III table: the summary table is all we have.
        indicators = _indicators_from_rows([(t, r) for t in summary_source for r in t.rows],
                                           "summary")
        summary_source = []
    forms = find_forms(doc)
    if not indicators and forms:
        indicators, perf_tables = _from_forms(forms, meta, doc, perf_tables)
    _attach_rows(indicators, [(t, r) for t in summary_source for r in t.rows if t in other_tables],
                 "summary")
    _attach_rows(indicators, [(t, r) for t in recap for r in t.rows], "summary")
    _attach_plan(indicators, items, sections)
    _narrative_spans(doc, indicators, primary, headings, cap_span, stops)
    indicators += _named_in_prose(doc, indicators, tables, sections, cap_span)
    _name_facts(indicators)
    report_obj = Report(doc, meta, sections, tables, items, indicators, cap_span, {},
                        excerpt_breaks=breaks)
    report_obj.forms, report_obj.form_only = forms, form_only(forms, doc)
    report_obj.yoy_tables = parse_yoy_tables(doc, stops)
    report_obj.grids = parse_grids(doc)
    report_obj.quarter_targets = _quarter_targets(doc, indicators, report_obj.grids)
    report_obj.average_rows = find_average_rows(doc)
    report_obj.numbered_headings = numbered_headings(doc)
    report_obj.outline_years = outline_years(report_obj.numbered_headings)
    report_obj.grading_scales = find_scales(doc, items)
    report_obj.drafting_notes = drafting_notes(doc)
    report_obj.label_runs = label_runs(doc)
    report_obj.row_numbers = row_number_sequences(doc)
    yoy_lines = ({r.line for t in report_obj.yoy_tables for r in t.rows}
                 | {t.header_line for t in report_obj.yoy_tables}
                 | {n for g in report_obj.grids for n in range(g.header_line, g.end_line + 1)}
                 | {n for f in forms for n in range(f.header_line, f.end_line + 1)})
    report_obj.sentences = claims.extract(doc, sections, tables, indicators, excluded=yoy_lines)
    _read_budget(report_obj, _budget_span(sections, n))
    report_obj.announced_lists = announced_lists(report_obj.sentences, items, doc)
    report_obj.captions, report_obj.caption_years = find_captions(doc), caption_year_spans(doc)
    report_obj.parts_present = parts_present(doc, sections)
    report_obj.annex = annex_of(doc, sections)
    _derive(report_obj)
    report_obj.coverage = _coverage(report_obj, perf_tables)
    return report_obj


def _budget_span(sections: list[Section], n_lines: int) -> tuple[int, int] | None:
    """Where the budget table stands: Bab III B, else Bab III; a fragment with no chapter at all
    may be the budget table alone (read whole)."""
    return _span(sections, "anggaran") or _span(sections, "bab3") or (
        None if any(s.level == 1 for s in sections) else (1, n_lines))


def _read_budget(report: Report, span: tuple[int, int] | None) -> None:
    """The budget table rows of ``span`` (Bab III B, else Bab III), the budget statements and
    every amount given for a programme or activity."""
    if span:
        report.budget_rows = budget.parse_rows(report.doc, *span)
    report.budget_statements = budget.parse_statements(report.sentences)
    report.budget_amounts = budget.budget_amounts(report.budget_rows, report.budget_statements,
                                                  report.sentences)
    report.budget_shares = budget.parse_shares(report.sentences, report.budget_statements)


def _coverage(report: Report, perf_tables: list[Table]) -> dict:
    """How much of the report was read: indicators, tables, rows, cells that could not be read."""
    unread = [c for t in report.tables for r in t.rows for c in r.unread]
    return {
        "indicators": len(report.indicators),
        "tables": len(perf_tables),
        "table_rows": sum(len(t.rows) for t in perf_tables),
        "unparsed_numbers": len(unread),
        "unparsed_cells": [{"line": c.line, "text": c.raw} for c in unread],
        "lines": len(report.doc.lines),
        "claims": sum(len(s.claims) for s in report.sentences),
    }


def _from_forms(forms: list[QuarterForm], meta: Meta, doc: Document, perf_tables: list[Table]):
    """No indicator table: the quarterly realisation forms are the report's tables (their
    indicators, and the tables counted as read); a document that is a form reports its quarter."""
    form_tables = [as_table(f) for f in forms]
    indicators = _indicators_from_rows([(t, r) for t in form_tables for r in t.rows], "table")
    _period_from_form(meta, forms, doc)
    return indicators, perf_tables + form_tables


def _period_from_form(meta: Meta, forms: list[QuarterForm], doc: Document) -> None:
    """A document that is a quarterly realisation form reports the latest quarter filled in,
    unless the period was given or named with its quarter: a form of year Y filled up to
    quarter q < 4 is the report of TW q of Y."""
    if meta.period_source == "option" or meta.quarter is not None or not form_only(forms, doc):
        return          # given, named, or a form inside a report: the report's own period stands
    form = forms[0]
    if form.filled is None or form.filled == 4 or form.year is None \
            or meta.year not in (None, form.year):
        return
    meta.kind, meta.quarter, meta.year = "quarterly", form.filled, form.year
    meta.period_source, meta.period_line = "form", form.header_line


def _repaired(doc: Document) -> tuple[Document, list, list[int]]:
    """The repaired document, its running lines, and the excerpt breaks (read before repair
    blanks the rule lines)."""
    return (*repair(doc), _excerpt_breaks(doc))


def _read_tables(doc: Document, meta: Meta, stops: set[int]) -> list[Table]:
    """Every table, in line order: those of several lines and those printed on one."""
    tables = parse_tables(doc, 1, len(doc.lines), kind=meta.kind, year=meta.year,
                          quarter=meta.quarter, stop_lines=stops)
    tables += one_line_tables(doc, tables, meta.kind, meta.year, meta.quarter)
    tables += layout_matrices(doc, tables, meta.kind, meta.year, meta.quarter)
    return sorted(tables, key=lambda t: t.caption_line or t.header_line)


def _indicator_headings(doc: Document, tables: list[Table]) -> list[tuple[int, str, str, str]]:
    """Lines that introduce an indicator by its code, outside table bodies: a coded heading
    ("2.1.1. IKK18 Nilai SAKIP ...", "Capaian Indikator IK-4 ..."), a caption naming a code
    ("Tabel 9. Perkembangan capaian IK.2"), a list item opening with a code.  (line, canonical
    code, code as printed, the name after the code)."""
    bodies = {n for t in tables for n in range(t.header_line, t.end_line + 1)}
    out = []
    for ln in doc.lines:
        text = norm(ln.text)
        if (
            not text
            or ln.no in bodies
            or len(text) > 300
            or pattern("row_figures_end_re").search(text)
        ):
            continue   # a row of figures (of a table not read as one) introduces no prose
        caption = caption_match(text)
        lead = pattern("indicator_heading_re").match(text)
        at = caption.start("rest") if caption else lead.end() if lead else None
        if at is None:
            continue
        found = find_code(text[at:], at_start=not caption)
        if found is None:
            continue
        code, printed, _, end = found
        rest = re.sub(r"^[\s:.\-–]*(?:yaitu|adalah)?\s*", "", text[at + end:], flags=re.IGNORECASE)
        name = re.split(pattern("heading_name_end_re").pattern, rest, maxsplit=1,
                        flags=re.IGNORECASE)[0].strip(" :.-–")
        out.append((ln.no, code, printed, name))
    return out


def _named_in_prose(
    doc: Document, inds: list[Indicator], tables: list[Table], sections: list[Section], cap_span
) -> list[Indicator]:
    """Indicators the report names by code outside its tables (coded headings, captions, lists),
    each with the span of prose it introduces: up to the next heading of another indicator or the
    next chapter.  An indicator a table already holds only gains that span (inside Bab III A, when
    it has none); a code no table holds becomes an indicator of its own."""
    headings = _indicator_headings(doc, tables)
    if not headings:
        return []
    # (rule lines are blank by now: repair() leaves their places in Report.excerpt_breaks)
    breaks = sorted({s.start for s in sections if s.level == 1}
                    | {ln.no for ln in doc.lines if pattern("numbered_heading_re").match(ln.text)})
    last = len(doc.lines)
    known = {i.code: i for i in inds}
    new: list[Indicator] = []
    for k, (line, code, printed, name) in enumerate(headings):
        nxt = next((h[0] for h in headings[k + 1:] if h[1] != code), last + 1)
        # the table of other indicators ends it too ("Tabel 3.3 ... IKSS 2.1" after IKSS 1.3's text)
        others = [t.caption_line or t.header_line for t in tables
                  if t.rows and all(r.code and r.code != code for r in t.rows)]
        end = min([nxt - 1] + [b - 1 for b in breaks + others if line < b < nxt])
        ind = known.get(code)
        if ind is None:
            ind = _misnumbered(code, name, inds, headings)
            if ind is not None:   # a table's indicator under a wrong code (LBL001 reports it)
                ind.heading = Mention("heading", line, name=name, code=code, code_printed=printed)
                known[code] = ind
        if ind is None:
            ind = Indicator(code=code, position=len(inds) + len(new) + 1, name=name)
            ind.heading = Mention(
                "heading", line, name=name or None, code=code, code_printed=printed
            )
            known[code] = ind
            new.append(ind)
        elif ind not in new and not (
            ind.narrative is None and cap_span and cap_span[0] <= line <= cap_span[1]
        ):
            continue   # a table's indicator keeps the narrative its table gives it
        elif ind.heading is None and ind.table is not None:
            # the coded sub-heading of a table's indicator in Bab III A names it too
            ind.heading = Mention("heading", line, name=name or None, code=code,
                                  code_printed=printed)
        if end > line:
            ind.prose_spans.append((line + 1, end))
        if not ind.name and name:
            ind.name = name
    return new


def _quarter_targets(doc: Document, indicators: list[Indicator], grids: list) -> list:
    """The quarter-target rows of the Rencana Aksi tables and the period grids, each tied to the
    indicator it is about: the code it prints, else the one indicator numbered as its row
    number, else its label as printed."""
    out = []
    rows = parse_quarter_targets(doc) + [r for g in grids if (r := grid_quarter_targets(g))]
    for row in sorted(rows, key=lambda r: r.line):
        code = row.code
        if code is None and row.number is not None:
            numbered = [i.code for i in indicators if code_tail(i.code) == row.number]
            code = numbered[0] if len(numbered) == 1 else None
        out.append(dataclasses.replace(row, indicator=code or row.label or None))
    return out


def _misnumbered(code: str, name: str, inds: list[Indicator], headings: list) -> Indicator | None:
    """The table indicator a coded heading introduces under a code no table holds ("IKSS 1.4
    Persentase penduduk miskin" over the prose of the table's IKSS 1.2): the one indicator of
    the tables its name gives (nearly word for word), when that indicator has no heading of its
    own and the report's other coded headings use the tables' codes (one numbering, one slip)."""
    coded = {h[1] for h in headings}
    tabled = [i for i in inds if i.table is not None]
    if not name or not coded & {i.code for i in tabled}:
        return None
    floor = rulepack.setting("misnumbered_heading_score")
    close = [i for i in tabled if namesim.similarity(name, i.name) >= floor]
    if len(close) != 1 or close[0].heading is not None or close[0].code in coded:
        return None
    return close[0]


def _excerpt_breaks(doc: Document) -> list[int]:
    return [ln.no for ln in doc.lines if is_rule_line(ln.text)]


def _name_facts(indicators: list[Indicator]) -> None:
    """What each indicator's name says is measured (read by the claim extractor and the rules)."""
    for ind in indicators:
        name = ind.name or ""
        ind.named_score = any_match("score_name_patterns", name)
        ind.named_percent = any_match("percent_name_patterns", name)
        ind.bounded = any_match("bounded_score_patterns", name) or \
            ind.named_percent and not any_match("unbounded_percent_patterns", name)


def _derive(report: Report) -> None:
    """Facts several rules need, derived once: the annual target, whether a sentence explains it.
    (Polarity needs the PK and the configuration: ``polarity.assign`` derives it.)"""
    annual_report = report.meta.kind == "annual"
    for ind in report.indicators:
        ind.annual = ind.value("target_annual") or (ind.value("target") if annual_report else None)
        said = [s.explains for s in report.sentences if s.indicator == ind.code]
        if ind.narrative is not None:
            a, b = ind.narrative
            said.append(
                claims.explains(" ".join(report.doc.lines[i - 1].text for i in range(a, b + 1)))
            )
        ind.explained = any(said) or _capaian_accounted(report, ind)


def _capaian_accounted(report: Report, ind: Indicator) -> bool:
    """The indicator's table, or a sentence quoting its printed capaian, grades that capaian as
    beyond the report's scale ("120,82% dengan kriteria Tidak dapat disimpulkan"); or such a
    sentence explains it, wherever it stands (a fragment whose sentences no heading ties to the
    indicator)."""
    printed = ind.value("capaian")
    if printed is None or printed.number is None:
        return False
    mention = ind.table or ind.summary
    if mention is not None and mention.table is not None:
        table = mention.table
        lines = report.doc.lines[table.header_line - 1:table.end_line + 1]
        if claims.acknowledges(" ".join(ln.text for ln in lines)):
            return True   # its table grades it so (a "Kriteria" cell)
    value = printed.number.value
    return any(any(c.percent and c.number.value == value for c in s.numbers())
               and (s.explains or claims.acknowledges(s.text))
               for s in report.sentences)


def _code_lines(doc: Document, span, tables: list[Table], items: list[ListItem]) -> list[ListItem]:
    """Unmarked lines opening with an indicator code ("IKU-5 Jumlah ...", "Indikator 2: ..."),
    outside tables and lists: candidate sub-headings of Bab III A."""
    if span is None:
        return []
    inside = {n for t in tables for n in range((t.caption_line or t.header_line), t.end_line + 1)}
    listed = {n for it in items for n in range(it.line, it.end_line + 1)}
    out = []
    for n in range(span[0], span[1] + 1):
        text = doc.lines[n - 1].text
        if n in inside or n in listed or not text.strip() or len(norm(text)) > 200:
            continue
        if find_code(text, at_start=True):
            out.append(ListItem(n, n, "code", None, "", norm(text)))
    return out


def _headings(items: list[ListItem], span, tables: list[Table]) -> list[ListItem]:
    """List items in Bab III A that introduce an indicator (a code, or a table right after)."""
    if span is None:
        return []
    starts = sorted((t.caption_line or t.header_line) for t in tables)
    out = []
    in_span = sorted((it for it in items if span[0] <= it.line <= span[1]), key=lambda it: it.line)
    for idx, it in enumerate(in_span):
        nxt_item = in_span[idx + 1].line if idx + 1 < len(in_span) else span[1] + 1
        has_table = any(it.line < s < nxt_item for s in starts)
        if has_table and (find_code(it.text, at_start=True) or len(it.text) < 250):
            out.append(it)
    return out


def _heads(code: str | None, name: str, row_name: str | None) -> bool:
    """A list item above a one-row table is that indicator's heading when it has a code, names an
    indicator ("Persentase ...", "Jumlah ..."), or resembles the row's name; not a numbered
    sentence that only stands before the table ("2. Memperoleh ukuran keberhasilan ...")."""
    return bool(code) or not row_name or bool(pattern("indicator_name_start_re").match(name)) \
        or namesim.similarity(name, row_name) >= rulepack.setting("claim_name_score_floor")


def _split_heading(text: str) -> tuple[str | None, str | None, str]:
    code = find_code(text, at_start=True)
    if code:
        return code[0], code[1], norm(text[code[3]:].lstrip(" :.-"))
    return None, None, norm(text)


def _repeats(pairs: list[tuple[Table, Row]]) -> tuple[list, list]:
    """Split the rows of several results tables into the rows that introduce an indicator and the
    rows that restate one an earlier table introduced (a later recap or comparison table lists the
    same codes or names again): (introducing, restating as (row index it restates, table, row))."""
    first: list[tuple[Table, Row]] = []
    again: list[tuple[int, Table, Row]] = []
    for table, row in pairs:
        # only a table of several rows recaps others; a one-row table with a repeated code is an
        # indicator of its own whose code is wrong (LBL001 tells)
        same = (
            None
            if len(table.rows) < 2
            else next(
                (
                    k
                    for k, (t0, r0) in enumerate(first)
                    if t0 is not table
                    and (
                        namesim.similarity(row.name, r0.name) >= 90
                        or row.code
                        and row.code == r0.code
                        and (
                            namesim.similarity(row.name, r0.name) >= 60
                            or namesim.abbreviates(row.name, r0.name)
                        )
                    )
                ),
                None,
            )
        )
        if same is None:
            first.append((table, row))
        else:
            again.append((same, table, row))
    return first, again


def _indicators_from_tables(tables: list[Table], headings: list[ListItem]) -> list[Indicator]:
    pairs, again = _repeats([(t, r) for t in tables for r in t.rows])
    inds = _indicators_from_rows(pairs, "table")
    for k, table, row in again:   # a recap of the same indicators: a second place it is stated
        if inds[k].summary is None:
            inds[k].summary = _mention(table, row, "summary")
    # headings: the nearest heading above each table (and below the previous table)
    prev_end = 0
    row_codes = {r.code for _, r in pairs if r.code}
    for ind, (table, row) in zip(inds, pairs):
        top = table.caption_line or table.header_line
        cands = [h for h in headings if prev_end < h.line < top]
        if cands and len(table.rows) == 1:
            h = cands[-1]
            code, printed, name = _split_heading(h.text)
            # a heading coded for another table's row is not this one's
            other_row = code and row.code and code != row.code and code in row_codes
            if not other_row and _heads(code, name, row.name):
                ind.heading = Mention("heading", h.line, name=name, code=code, code_printed=printed)
        if table.caption_code and len(table.rows) == 1:
            ind.caption = Mention("caption", table.caption_line, name=None, code=table.caption_code,
                                  code_printed=table.caption_code_printed, table=table)
        prev_end = table.end_line
    _assign_codes(inds)
    return inds


def _mention(table: Table, row: Row, source: str) -> Mention:
    return Mention(
        source,
        row.line,
        name=row.name or None,
        code=row.code,
        code_printed=row.code_printed,
        cells=dict(row.cells),
        unit=row.unit,
        table=table,
        end_line=row.end_line,
        ranges=dict(row.ranges),
        unread=list(row.unread),
    )


def _indicators_from_rows(pairs: list[tuple[Table, Row]], source: str) -> list[Indicator]:
    out = []
    for pos, (table, row) in enumerate(pairs, start=1):
        ind = Indicator(code="", position=pos, name=row.name)
        setattr(ind, source, _mention(table, row, source))
        out.append(ind)
    _assign_codes(out)
    return out


def _assign_codes(inds: list[Indicator]) -> None:
    """Canonical code per indicator: the report's own numbering where it is consistent,
    else votes."""
    prefixes = Counter(
        m.code.split(".")[0] for i in inds for m in i.mentions() if m.code and m.source != "summary"
    )
    prefix = prefixes.most_common(1)[0][0] if prefixes else "IK"
    votes = []
    for ind in inds:
        ballot = [m.code for m in (ind.heading, ind.caption, ind.table) if m and m.code]
        if ballot:
            counts = Counter(ballot)
            top = max(counts.values())
            votes.append(next(c for c in ballot if counts[c] == top))
        else:
            votes.append(None)
    positional = [f"{prefix}.{i.position}" for i in inds]
    agree = sum(v == p for v, p in zip(votes, positional))
    coded = sum(v is not None for v in votes)
    if coded == 0:
        codes = _uncoded_ids(inds)
    elif agree >= rulepack.setting("code_position_agreement") * coded:
        codes = positional
    else:
        codes, seen = [], set()
        for v, p in zip(votes, positional):
            c = v or p
            if c in seen:
                c = f"{c}#{len(codes) + 1}"
            seen.add(c)
            codes.append(c)
    for ind, code in zip(inds, codes):
        ind.code = code
        if ind.heading and ind.heading.name:
            ind.name = ind.heading.name


def _uncoded_ids(inds: list[Indicator]) -> list[str]:
    """How a report that prints no codes identifies its indicators: the row number it prints
    ("Indikator 3": the number opening the name cell, else the "No." column), else the name.
    No code is invented."""
    out: list[str] = []
    for ind in inds:
        number = next((n for m in (ind.table, ind.summary) if m and m.table
                       for r in m.table.rows if r.line == m.line
                       if (n := _row_number(r, m.table))), None)
        ident = (
            f"Indikator {number}"
            if number
            else (norm(ind.name or "")[:60] or f"Indikator {ind.position}")
        )
        while ident in out:
            ident = f"{ident}#{len(out) + 1}"
        out.append(ident)
    return out


def _row_number(row: Row, table: Table) -> int | None:
    """The number a row gives its indicator: the one opening its name cell, else its "No." when
    every row of the table has one (numbers on some rows only count the sasaran they open)."""
    if row.item:
        return row.item
    return row.number if all(r.number for r in table.rows) else None


def _attach_rows(inds: list[Indicator], pairs: list[tuple[Table, Row]], source: str) -> None:
    if not pairs or not inds:
        return
    mapping = namesim.align([i.name for i in inds], [r.name for _, r in pairs])
    if all(m is None for m in mapping) and len(pairs) == len(inds):
        mapping = list(range(len(inds)))
    for (table, row), idx in zip(pairs, mapping):
        if idx is not None and getattr(inds[idx], source) is None:
            setattr(inds[idx], source, _mention(table, row, source))


def _attach_plan(inds: list[Indicator], items: list[ListItem], sections: list[Section]) -> None:
    """Bab II: the list of indicators (items following a heading that names 'indikator')."""
    bab2 = next((s for s in sections if s.key == "bab2"), None)
    if bab2 is None or not inds:
        return
    in_bab2 = [it for it in items if bab2.start <= it.line <= bab2.end]
    plan: list[ListItem] = []
    collecting = False
    for it in in_bab2:
        is_head = (
            it.style in ("A.", "A)", "I.", "I)", "1.")
            and pattern("plan_heading_re").search(it.text)
            and len(it.text) < 80
        )
        if is_head:
            collecting, plan = True, []
            continue
        if collecting and it.style in ("A.", "A)", "I.", "I)"):
            collecting = False
        elif collecting:
            plan.append(it)
    if not plan:
        return
    mapping = namesim.align([i.name for i in inds], [p.text for p in plan])
    for it, idx in zip(plan, mapping):
        if idx is not None and inds[idx].plan is None:
            code, printed, name = _split_heading(it.text)
            inds[idx].plan = Mention("plan", it.line, name=name, code=code, code_printed=printed)


def _narrative_spans(doc, inds, tables, headings, span, stops) -> None:
    """The prose after a one-row indicator table is about it, up to the next heading, table caption
    or numbered sub-heading ("3.1.4. Analisis ...")."""
    if span is None:
        return
    lines = range(span[0], span[1] + 1)
    subheadings = {n for n in lines if caption_match(doc.lines[n - 1].text)
                   or pattern("numbered_heading_re").match(doc.lines[n - 1].text)}
    boundaries = sorted(
        {h.line for h in headings}
        | {t.caption_line or t.header_line for t in tables}
        | {s for s in stops if span[0] < s <= span[1]}
        | subheadings
        | {span[1] + 1}
    )
    for ind in inds:
        if ind.table is None or ind.table.table is None or len(ind.table.table.rows) != 1:
            continue
        start = ind.table.table.end_line + 1
        end = next((b - 1 for b in boundaries if b > start), span[1])
        if end >= start:
            ind.narrative = (start, end)
