"""pandera schemas for the extracted frames (shape, types, ranges); rules check the meaning.

Column names mirror the documents (target, realisasi, capaian, satuan stay Indonesian).
"""
from __future__ import annotations

from kinerja_audit.pandera_loader import pandera
from kinerja_audit.pk import AGGREGATIONS, BASES, POLARITIES

pa = pandera().pandas

_num = {"nullable": True, "coerce": True}

INDICATORS = pa.DataFrameSchema(
    {
        # a printed code in canonical form (IK.3, IKU.6b), or how a report without codes names the
        # indicator ("Indikator 3", its name)
        "code": pa.Column(str, pa.Check.str_length(min_value=1), unique=True),
        "position": pa.Column(int, pa.Check.ge(1)),
        "name": pa.Column(str, nullable=True),
        "unit": pa.Column(str, nullable=True),
        "polarity": pa.Column(str, pa.Check.isin(["positive", "negative"])),
        "target_annual": pa.Column(float, pa.Check.ge(0), **_num),
        "target": pa.Column(float, pa.Check.ge(0), **_num),
        "realisasi": pa.Column(float, **_num),   # may be negative: a growth rate below zero
        "capaian_reported": pa.Column(float, **_num),   # may be negative: a growth rate below zero
        "capaian": pa.Column(float, **_num),   # may be negative: a growth rate below zero
        "line": pa.Column("Int64", nullable=True, coerce=True),
    },
    strict=False,
    name="indicators",
)

# The Perjanjian Kinerja (kinerja_audit.pk.frame): one row per indicator.  Loading a PK stops at
# the first failing row and names it (PKError); nothing downstream sees a PK that fails here.

_target = pa.Column(float, pa.Check.ge(0), **_num)

PK = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]+\.[0-9.]+$"), unique=True),
        "name": pa.Column(str, pa.Check.str_length(min_value=1)),
        "unit": pa.Column(str, nullable=True),
        "polarity": pa.Column(str, pa.Check.isin(list(POLARITIES))),
        "aggregation": pa.Column(str, pa.Check.isin(list(AGGREGATIONS))),
        "target_basis": pa.Column(str, pa.Check.isin(list(BASES))),
        "target_annual": _target,
        "target_tw1": _target,
        "target_tw2": _target,
        "target_tw3": _target,
        "target_tw4": _target,
    },
    strict=True,
    name="pk",
)
