"""Every user-facing string, by key, in Indonesian (``id``, the default) and English (``en``).

The strings live under the ``ui`` key of the packs in ``checks/*.yaml`` (``ui.yaml`` holds the
renderers' labels; other packs may add their own keys, never the same key twice).  Code holds no
user-facing text: headings, column names, field labels and messages are looked up here.
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from . import rulepack

LANGS = ("id", "en")


class LabelError(KeyError):
    """A label is missing, duplicated or incomplete in ``checks/*.yaml``
    (a bug caught by the tests)."""


@functools.cache
def load() -> dict[str, dict[str, str]]:
    """All labels: ``{key: {"id": ..., "en": ...}}``."""
    ui: dict[str, dict[str, str]] = {}
    root = resources.files("kinerja_audit.checks")
    for path in sorted(
        (p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name
    ):
        data = rulepack.read_pack(path)
        for key, value in (data.get("ui") or {}).items():
            if key in ui:
                raise LabelError(f"{path.name}: label {key!r} defined twice")
            if not isinstance(value, dict) or not all(isinstance(value.get(x), str) for x in LANGS):
                raise LabelError(f"{path.name}: label {key!r} needs text for both 'id' and 'en'")
            ui[key] = value
    return ui


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return lang


def label(key: str, lang: str, /, **values: Any) -> str:
    """The label ``key`` in ``lang``, filled with ``values`` when it is a template."""
    try:
        text = load()[key][lang]
    except KeyError:
        raise LabelError(f"checks: no label {key!r} for language {lang!r}") from None
    return text.format(**values) if values else text


def severity(code: str, lang: str) -> str:
    return load().get(f"sev.{code}", {}).get(lang, code)


def category(code: str, lang: str) -> str:
    """Readable category name; an unknown category shows its code."""
    return load().get(f"cat.{code}", {}).get(lang, code)
