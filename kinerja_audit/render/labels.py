"""User-facing labels of the renderers, read from ``checks/ui.yaml`` (key ``ui``).

Renderers hold no user-facing text: every heading, column name and field label is looked up
here by key, in Indonesian (``id``, the default) or English (``en``).
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

LANGS = ("id", "en")


class LabelError(KeyError):
    """A label is missing or incomplete in ``checks/ui.yaml`` (a bug caught by the tests)."""


@functools.cache
def load() -> dict[str, dict[str, str]]:
    """All labels: ``{key: {"id": ..., "en": ...}}``."""
    path = resources.files("kinerja_audit.checks") / "ui.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    ui = data.get("ui") or {}
    for key, value in ui.items():
        if not isinstance(value, dict) or not all(isinstance(value.get(x), str) for x in LANGS):
            raise LabelError(f"ui.yaml: label {key!r} needs text for both 'id' and 'en'")
    return ui


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return lang


def label(key: str, lang: str, **values: Any) -> str:
    """The label ``key`` in ``lang``, filled with ``values`` when it is a template."""
    try:
        text = load()[key][lang]
    except KeyError:
        raise LabelError(f"ui.yaml: no label {key!r} for language {lang!r}") from None
    return text.format(**values) if values else text


def severity(code: str, lang: str) -> str:
    return load().get(f"sev.{code}", {}).get(lang, code)


def category(code: str, lang: str) -> str:
    """Readable category name; an unknown category shows its code."""
    return load().get(f"cat.{code}", {}).get(lang, code)
