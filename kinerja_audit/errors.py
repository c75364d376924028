"""Errors that reach the user: a label key and its values, worded in the user's language.

The text is looked up (:func:`kinerja_audit.i18n.label`) when the error is shown, not when it is
raised: configuration is read before the language is known (the configuration may choose it).
Values are written the way the language writes them: whole and decimal numbers (``1.000`` /
``1,000``), :class:`Label` values (a word that is itself translated), lists (joined with commas).
"""
from __future__ import annotations

from typing import Any


class Label:
    """A value that is itself a label, translated with the message."""

    def __init__(self, key: str, /, **values: Any):
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        from . import i18n

        return i18n.label(self.key, lang, **{k: show(v, lang) for k, v in self.values.items()})


def show(value: Any, lang: str) -> Any:
    """``value`` as it is written in a message in ``lang``."""
    from .parse.numbers import format_number

    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, Label):
        return value.text(lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(show(v, lang)) for v in value)
    return value


class LocalisedError(Exception):
    """Base of the user-facing errors: ``prefix + key`` names the label in ``checks/ui*.yaml``."""

    prefix = ""

    def __init__(self, key: str, /, **values: Any):
        self.key, self.values = key, values
        super().__init__(key)

    def message(self, lang: str = "id") -> str:
        from . import i18n

        return i18n.label(self.prefix + self.key, lang,
                          **{k: show(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.message("id")
