"""Output renderers: the contract dict (:func:`kinerja_audit.contract.build`) in every format.

``render(contract, fmt, lang=..., color=..., fail_on=..., csv_delimiter=...)`` returns ``str`` for
every format except ``xlsx`` (``bytes``).  Each format lives in its own module, imported only when
used, so this package stays light to import.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """How to render, beyond the language: colour (text on a terminal), the severity from which a
    finding fails (JUnit), the CSV column delimiter."""

    color: bool = False
    fail_on: str = "error"
    csv_delimiter: str = ","


#: Format name -> module (inside this package) exposing ``render(contract, *, lang, options)``.
FORMATS = {
    "text": "text",
    "json": "json_",
    "csv": "csv_",
    "xlsx": "xlsx",
    "html": "html_",
    "md": "md",
    "sarif": "sarif",
    "junit": "junit",
}
BINARY_FORMATS = frozenset({"xlsx"})


def render(contract: dict, fmt: str, *, lang: str = "id", color: bool = False,
           fail_on: str = "error", csv_delimiter: str = ",") -> str | bytes:
    """Render ``contract`` as ``fmt`` in ``lang`` ("id" or "en"); ``color`` only affects text,
    ``fail_on`` JUnit (findings below it are passing test cases), ``csv_delimiter`` CSV."""
    from ..i18n import check_lang

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return module.render(contract, lang=check_lang(lang),
                         options=Options(color=color, fail_on=fail_on, csv_delimiter=csv_delimiter))
