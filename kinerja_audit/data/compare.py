"""A report against its unit's rows of an indicator dataset
(``check REPORT --data SOURCE --unit NAME``).

The unit's rows for the report's year become a :class:`~kinerja_audit.pk.PK` (targets, names,
units, polarity, aggregation, basis; ``where`` names the file and row), so the PK rules
(PKM001–PKM007, with their linking by code and name in ``pk_match``) compare the report with the
data exactly as ``--pk`` does.  Realisasi and capaian, which a PK does not hold, are compared by
DAT008 and DAT009 (``rules/data.py``) on the same links.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import i18n
from ..pk import PK, PKIndicator
from .shape import QUARTERS, Frame
from .sources import DataError


@dataclass
class UnitData:
    source: str
    unit: str
    frame: Frame
    rows: dict[int | None, dict[str, dict]] = field(default_factory=dict)   # year -> code -> row
    own_pk: bool = True             # the PK of the report is built from these rows

    def years(self) -> list[int]:
        return sorted(y for y in self.rows if y is not None)

    def year_for(self, year: int | None) -> int | None:
        if year in self.rows:
            return year
        years = self.years()
        return years[-1] if years and year is None else None

    @property
    def pk(self) -> PK | None:
        return self.pk_for(None)

    def pk_for(self, year: int | None) -> PK | None:
        y = self.year_for(year)
        if y is None:
            return None
        where = self.frame.source.rsplit("/", 1)[-1] + (
            f"!{self.frame.table}" if self.frame.table else ""
        )
        items = []
        for code, row in self.rows[y].items():
            items.append(
                PKIndicator(
                    code=code,
                    name=row.get("name") or code,
                    unit=row.get("satuan"),
                    polarity=row["_pol"],
                    aggregation=row.get("aggregation") or "sum",
                    annual=row.get("target_annual"),
                    quarters=tuple(row.get(f"target_{q}") for q in QUARTERS),
                    basis=row["_basis"],
                    basis_source="pk" if row.get("target_basis") else "option",
                    where=f"{where}:{row['_row']}",
                    raw="",
                )
            )
        return PK(source=self.frame.source, indicators=tuple(items), unit=self.unit, year=y)

    def realisasi(self, year: int | None, code: str) -> dict | None:
        y = self.year_for(year)
        return self.rows.get(y, {}).get(code) if y is not None else None


def load_unit(
    source: str, options, unit: str | None, basis: str | None = None, lang: str = "id"
) -> UnitData:
    """The rows of ``unit`` (the only unit when not named); DataError when it is not there."""
    from .explain import _clean
    from .validate import load

    if basis:
        options.mapping.basis = basis
    frame = load(source, options, lang)
    df = frame.df
    units = sorted(str(u) for u in df["unit"].dropna().unique())
    if unit is None:
        if len(units) != 1:
            raise DataError(
                source,
                i18n.label(
                    "data.err.many_units",
                    lang,
                    source=source,
                    count=len(units),
                    example=units[0] if units else "-",
                ),
            )
        unit = units[0]
    wanted = " ".join(unit.split()).casefold()
    picked = df[df["unit"].str.casefold().eq(wanted).fillna(False) & df["_dup"].eq(0)]
    if picked.empty:
        raise DataError(source, i18n.label("data.err.no_unit", lang, source=source, unit=unit,
                                           units=", ".join(units[:10])))
    rows: dict[int | None, dict[str, dict]] = {}
    for record in picked.to_dict("records"):
        record = {k: _clean(v) for k, v in record.items()}
        if record.get("code") is None:
            continue
        year = int(record["year"]) if record.get("year") is not None else None
        rows.setdefault(year, {}).setdefault(record["code"], record)
    return UnitData(source=frame.source, unit=unit, frame=frame, rows=rows)
