"""pandera schemas for the extracted frames (shape, types, ranges); rules check the meaning.

Column names mirror the documents (target, realisasi, capaian, satuan stay Indonesian).
"""
from __future__ import annotations

import pandera.pandas as pa

_num = dict(nullable=True, coerce=True)

INDICATORS = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]+\.[0-9.]+(#\d+)?$"), unique=True),
        "position": pa.Column(int, pa.Check.ge(1)),
        "name": pa.Column(str, nullable=True),
        "unit": pa.Column(str, nullable=True),
        "polarity": pa.Column(str, pa.Check.isin(["positive", "negative"])),
        "target_annual": pa.Column(float, pa.Check.ge(0), **_num),
        "target": pa.Column(float, pa.Check.ge(0), **_num),
        "realisasi": pa.Column(float, pa.Check.ge(0), **_num),
        "capaian_reported": pa.Column(float, pa.Check.ge(0), **_num),
        "capaian": pa.Column(float, pa.Check.ge(0), **_num),
        "line": pa.Column("Int64", nullable=True, coerce=True),
    },
    strict=False,
    name="indicators",
)
