"""Column expressions written once, evaluated by every engine.

A dataset check is a boolean expression over columns ("the row violates the rule").  It is built
from :func:`col` and :func:`lit` with Python operators, and compiled to

* pandas (:func:`.evaluate.evaluate`): numpy arrays, missing values following SQL's three-valued
  logic as pandas' nullable arrays do;
* Spark (:func:`to_spark`): ``pyspark.sql.Column``;
* SQL (:func:`to_sql`): a PostgreSQL expression, run inside the database (Great Expectations'
  ``UnexpectedRowsExpectation``);
* a pandas query string (:func:`to_query`): the ``row_condition`` of a Great Expectations
  expectation on an in-memory frame (numeric and comparison logic only).

Division is safe everywhere: ``a / b`` is null when ``b`` is 0.  A violation that cannot be
decided (a null somewhere) is no violation: every engine turns the final null into false.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, eq=False)
class E:
    op: str
    args: tuple

    # arithmetic
    def __add__(self, o): return E("+", (self, wrap(o)))
    def __radd__(self, o): return E("+", (wrap(o), self))
    def __sub__(self, o): return E("-", (self, wrap(o)))
    def __rsub__(self, o): return E("-", (wrap(o), self))
    def __mul__(self, o): return E("*", (self, wrap(o)))
    def __rmul__(self, o): return E("*", (wrap(o), self))
    def __truediv__(self, o): return E("/", (self, wrap(o)))
    def __rtruediv__(self, o): return E("/", (wrap(o), self))
    def __neg__(self): return E("neg", (self,))
    def __abs__(self): return E("abs", (self,))

    # comparisons (== and != are methods: E stays hashable and identity-comparable)
    def __lt__(self, o): return E("<", (self, wrap(o)))
    def __le__(self, o): return E("<=", (self, wrap(o)))
    def __gt__(self, o): return E(">", (self, wrap(o)))
    def __ge__(self, o): return E(">=", (self, wrap(o)))
    def eq(self, o): return E("==", (self, wrap(o)))
    def ne(self, o): return E("!=", (self, wrap(o)))

    # logic (Kleene: null & false = false, null | true = true)
    def __and__(self, o): return E("and", (self, wrap(o)))
    def __rand__(self, o): return E("and", (wrap(o), self))
    def __or__(self, o): return E("or", (self, wrap(o)))
    def __ror__(self, o): return E("or", (wrap(o), self))
    def __invert__(self): return E("not", (self,))

    def isnull(self): return E("isnull", (self,))
    def notnull(self): return E("notnull", (self,))
    def isin(self, values): return E("isin", (self, tuple(values)))

    # text (coercion of numbers written as text; not available in query strings)
    def lower(self): return E("lower", (self,))
    def strip(self): return E("strip", (self,))
    def fullmatch(self, pattern: str): return E("fullmatch", (self, pattern))
    def replace(self, old: str, new: str): return E("replace", (self, old, new))
    def sub(self, pattern: str, repl: str): return E("sub", (self, pattern, repl))
    def length(self): return E("length", (self,))
    def to_float(self): return E("to_float", (self,))
    def round(self, digits: int): return E("round", (self, digits))
    def pow10(self): return E("pow10", (self,))
    def fillfalse(self): return E("fillfalse", (self,))


def col(name: str) -> E:
    return E("col", (name,))


def lit(value: Any) -> E:
    return E("lit", (value,))


def wrap(value: Any) -> E:
    return value if isinstance(value, E) else lit(value)


def when(cond: E, then: Any, otherwise: Any = None) -> E:
    return E("when", (cond, wrap(then), wrap(otherwise)))


def greatest(*items: Any) -> E:
    return E("greatest", tuple(wrap(i) for i in items))


def least(*items: Any) -> E:
    return E("least", tuple(wrap(i) for i in items))


def any_of(*conds: E) -> E:
    out = conds[0]
    for c in conds[1:]:
        out = out | c
    return out


def all_of(*conds: E) -> E:
    out = conds[0]
    for c in conds[1:]:
        out = out & c
    return out


def columns(e: E) -> set[str]:
    """Every column an expression reads."""
    if e.op == "col":
        return {e.args[0]}
    return set().union(*(columns(a) for a in e.args if isinstance(a, E))) if e.args else set()


# ------------------------------------------------------------------------------ structural keys


def key(e: E):
    """A structural key: equal for expressions built the same way (shared sub-expressions)."""
    cached = e.__dict__.get("_key")
    if cached is None:
        # a literal's type is part of it: 1, 1.0 and True are equal in Python, not here
        cached = (
            e.op,
            tuple(key(a) if isinstance(a, E) else (type(a).__name__, a) for a in e.args),
        )
        object.__setattr__(e, "_key", cached)
    return cached


def keys(e: E) -> set:
    """The structural keys of ``e`` and of every sub-expression."""
    out = {key(e)}
    for a in e.args:
        if isinstance(a, E):
            out |= keys(a)
    return out


# ------------------------------------------------------------------------------------------- Spark


_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "==": operator.eq, "!=": operator.ne}


def to_spark(e: E):  # noqa: C901
    from pyspark.sql import functions as F

    def ev(x: E):  # noqa: C901
        op, a = x.op, x.args
        if op == "col":
            return F.col(f"`{a[0]}`")
        if op == "lit":
            return F.lit(a[0])
        if op in ("+", "-", "*"):
            p, q = ev(a[0]), ev(a[1])
            return p + q if op == "+" else p - q if op == "-" else p * q
        if op == "/":
            p, q = ev(a[0]), ev(a[1])
            return F.when(q != 0, p / q)
        if op == "neg":
            return -ev(a[0])
        if op == "abs":
            return F.abs(ev(a[0]))
        if op in ("<", "<=", ">", ">=", "==", "!="):
            return _COMPARE[op](ev(a[0]), ev(a[1]))
        if op == "and":
            return ev(a[0]) & ev(a[1])
        if op == "or":
            return ev(a[0]) | ev(a[1])
        if op == "not":
            return ~ev(a[0])
        if op == "isnull":
            return ev(a[0]).isNull()
        if op == "notnull":
            return ev(a[0]).isNotNull()
        if op == "isin":
            return ev(a[0]).isin(list(a[1]))
        if op == "when":
            return F.when(ev(a[0]), ev(a[1])).otherwise(ev(a[2]))
        if op == "greatest":
            return F.greatest(*(ev(i) for i in a))
        if op == "least":
            return F.least(*(ev(i) for i in a))
        if op == "lower":
            return F.lower(ev(a[0]))
        if op == "strip":
            return F.trim(ev(a[0]))
        if op == "fullmatch":
            return ev(a[0]).rlike(f"^(?:{a[1]})$")
        if op == "replace":
            return F.replace(ev(a[0]), F.lit(a[1]), F.lit(a[2]))
        if op == "sub":
            return F.regexp_replace(ev(a[0]), a[1], a[2])
        if op == "length":
            return F.length(ev(a[0])).cast("double")
        if op == "to_float":
            return ev(a[0]).cast("double")
        if op == "round":
            return F.round(ev(a[0]), a[1])
        if op == "pow10":
            return F.pow(F.lit(10.0), ev(a[0]))
        if op == "fillfalse":
            return F.coalesce(ev(a[0]), F.lit(False))
        raise ValueError(f"unknown op {op}")  # pragma: no cover

    return ev(e)


# --------------------------------------------------------------------------------------------- SQL


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_lit(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return f"CAST({float(value)!r} AS double precision)"
    return "'" + str(value).replace("'", "''") + "'"


def to_sql(e: E) -> str:  # noqa: C901
    """A PostgreSQL expression (numbers as double precision)."""

    def ev(x: E) -> str:  # noqa: C901
        op, a = x.op, x.args
        if op == "col":
            return quote_ident(a[0])
        if op == "lit":
            return _sql_lit(a[0])
        if op in ("+", "-", "*"):
            return f"({ev(a[0])} {op} {ev(a[1])})"
        if op == "/":
            return f"({ev(a[0])} / NULLIF({ev(a[1])}, 0))"
        if op == "neg":
            return f"(-{ev(a[0])})"
        if op == "abs":
            return f"abs({ev(a[0])})"
        if op in ("<", "<=", ">", ">="):
            return f"({ev(a[0])} {op} {ev(a[1])})"
        if op == "==":
            return f"({ev(a[0])} = {ev(a[1])})"
        if op == "!=":
            return f"({ev(a[0])} <> {ev(a[1])})"
        if op == "and":
            return f"({ev(a[0])} AND {ev(a[1])})"
        if op == "or":
            return f"({ev(a[0])} OR {ev(a[1])})"
        if op == "not":
            return f"(NOT {ev(a[0])})"
        if op == "isnull":
            return f"({ev(a[0])} IS NULL)"
        if op == "notnull":
            return f"({ev(a[0])} IS NOT NULL)"
        if op == "isin":
            return f"({ev(a[0])} IN ({', '.join(_sql_lit(v) for v in a[1])}))"
        if op == "when":
            return f"(CASE WHEN {ev(a[0])} THEN {ev(a[1])} ELSE {ev(a[2])} END)"
        if op in ("greatest", "least"):
            return f"{op.upper()}({', '.join(ev(i) for i in a)})"
        if op == "lower":
            return f"lower({ev(a[0])})"
        if op == "strip":
            return f"btrim({ev(a[0])})"
        if op == "fullmatch":
            return f"({ev(a[0])} ~ {_sql_lit('^(?:' + a[1] + ')$')})"
        if op == "replace":
            return f"replace({ev(a[0])}, {_sql_lit(a[1])}, {_sql_lit(a[2])})"
        if op == "sub":
            return f"regexp_replace({ev(a[0])}, {_sql_lit(a[1])}, {_sql_lit(a[2])}, 'g')"
        if op == "length":
            return f"CAST(length({ev(a[0])}) AS double precision)"
        if op == "to_float":
            return f"CAST({ev(a[0])} AS double precision)"
        if op == "round":
            return f"CAST(round(CAST({ev(a[0])} AS numeric), {int(a[1])}) AS double precision)"
        if op == "pow10":
            return f"power(CAST(10 AS double precision), {ev(a[0])})"
        if op == "fillfalse":
            return f"COALESCE({ev(a[0])}, FALSE)"
        raise ValueError(f"unknown op {op}")  # pragma: no cover

    return ev(e)


# ------------------------------------------------------------------------------ pandas query string


def _q_ident(name: str) -> str:
    return name if name.isidentifier() else f"`{name}`"


def _q_lit(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    return (
        repr(float(value))
        if isinstance(value, int | float) and not isinstance(value, bool)
        else repr(value)
    )


_ALWAYS, _NEVER = "(index == index)", "(index != index)"   # a pandas query's true and false


def to_query(e: E) -> str:
    """A ``DataFrame.query`` string selecting the rows where ``e`` is true.

    The frame holds NaN for missing values (two-valued logic), so every boolean node is compiled
    to a pair (is true, is false): a comparison with NaN is neither, exactly as null in SQL.
    Divisions must be guarded by the expression itself (a zero divisor gives inf here).
    """

    def num(x: E) -> str:
        op, a = x.op, x.args
        if op == "col":
            return _q_ident(a[0])
        if op == "lit":
            return _q_lit(a[0])
        if op in ("+", "-", "*", "/"):
            return f"({num(a[0])} {op} {num(a[1])})"
        if op == "neg":
            return f"(-{num(a[0])})"
        if op == "abs":
            return f"abs({num(a[0])})"
        if op in ("greatest", "least"):
            out = num(a[0])
            sign = "+" if op == "greatest" else "-"
            for item in a[1:]:
                other = num(item)
                out = f"(({out} + {other} {sign} abs({out} - {other})) / 2)"
            return out
        raise ValueError(f"{op} cannot be written as a pandas query")

    def pair(x: E) -> tuple[str, str]:
        op, a = x.op, x.args
        flip = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
        if op in flip:
            p, q = num(a[0]), num(a[1])
            known = f"({p} == {p}) & ({q} == {q})"
            return f"({p} {op} {q})", f"(({p} {flip[op]} {q}) & {known})"
        if op == "and":
            (t1, f1), (t2, f2) = pair(a[0]), pair(a[1])
            return f"({t1} & {t2})", f"({f1} | {f2})"
        if op == "or":
            (t1, f1), (t2, f2) = pair(a[0]), pair(a[1])
            return f"({t1} | {t2})", f"({f1} & {f2})"
        if op == "not":
            t, f = pair(a[0])
            return f, t
        if op == "fillfalse":
            t, _ = pair(a[0])
            return t, f"(~{t})"
        if op in ("isnull", "notnull"):
            v = num(a[0])
            null, known = f"({v} != {v})", f"({v} == {v})"
            return (null, known) if op == "isnull" else (known, null)
        if op == "isin":
            v = num(a[0])
            values = "[" + ", ".join(_q_lit(i) for i in a[1]) + "]"
            return f"({v} in {values})", f"(({v} not in {values}) & ({v} == {v}))"
        if op == "lit" and isinstance(a[0], bool):
            return (_ALWAYS, _NEVER) if a[0] else (_NEVER, _ALWAYS)
        raise ValueError(f"{op} cannot be written as a pandas query")

    return pair(e)[0]
