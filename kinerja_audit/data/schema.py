"""The pandera schema of a normalised dataset, built from the rule packs (the default engine).

Columns carry their types (text, Float64 numbers, the flags of ``shape.normalise``); every check
of ``checks.all_checks`` becomes one dataframe-level ``pa.Check`` named ``RULE:column`` that is
true where the row keeps the rule.  Validation is lazy: pandera collects every failing row of every
check (its failure cases, with the row index) in one pass, vectorised, no loop over rows.
"""
from __future__ import annotations

from .evaluate import violations
from .expr import keys
from .shape import NUMBERS, TEXT


def build(checks, name: str = "indicator-data"):
    import pandas as pd

    from ..pandera_loader import pandera

    pa = pandera().pandas

    text = pd.StringDtype("pyarrow")
    columns = {c: pa.Column(text, nullable=True) for c in TEXT}
    columns["year"] = pa.Column("Float64", nullable=True)
    columns["_row"] = pa.Column("int64", pa.Check.ge(1))
    for c in NUMBERS:
        columns[c] = pa.Column("Float64", nullable=True)
        columns[f"{c}__h"] = pa.Column("Float64", nullable=True)
        columns[f"{c}__bad"] = pa.Column("Int8", pa.Check.isin([0, 1, 2]))
    frame_checks = []
    # sub-expressions shared by several checks are computed once per frame, and dropped after the
    # last check that reads them (memory stays near one check's worth)
    last: dict = {}
    for i, check in enumerate(checks):
        for k in keys(check.expr):
            last[k] = i
    drop: dict[int, list] = {}
    for k, i in last.items():
        drop.setdefault(i, []).append(k)
    shared = {"frame": None, "memo": {}}

    def memo_for(df):
        if shared["frame"] != id(df):
            shared["frame"], shared["memo"] = id(df), {}
        return shared["memo"]

    for i, check in enumerate(checks):
        def keeps(df, expr=check.expr, i=i):
            memo = memo_for(df)
            out = pd.Series(~violations(expr, df, memo), index=df.index)
            for k in drop.get(i, ()):
                memo.pop(k, None)
            if i == len(checks) - 1:
                shared["frame"], shared["memo"] = None, {}
            return out
        # ignore_na=False: the expression decides about missing values itself (pandera's default
        # would test every cell of the frame for null once per check, to pass all-null rows, and
        # ``_row`` is never null)
        frame_checks.append(
            pa.Check(keeps, name=check.name, description=check.rule, ignore_na=False)
        )
    return pa.DataFrameSchema(columns, checks=frame_checks, name=name, strict=False, coerce=False)


def failing_rows(schema, df) -> dict[str, list[int]]:
    """{check name: positions of the rows that fail it}; a column failure raises ValueError."""
    from ..pandera_loader import pandera

    pe = pandera().errors

    try:
        schema.validate(df, lazy=True, inplace=True)     # nothing is coerced: no copy
    except pe.SchemaErrors as exc:
        cases = exc.failure_cases
        names = {c.name for c in schema.checks}
        bad_columns = cases[~cases["check"].astype(str).isin(names)]
        if len(bad_columns):
            first = bad_columns.iloc[0]
            raise ValueError(
                f"{first['column']}: {first['check']} ({first['failure_case']})"
            ) from None
        cases = cases[cases["index"].notna()]
        out: dict[str, list[int]] = {}
        for check, index in cases.groupby("check", sort=False)["index"]:
            out[str(check)] = sorted(int(i) for i in index.unique())
        return out
    return {}
