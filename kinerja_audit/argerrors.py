"""argparse's own usage errors (English, from its source) in the user's language.

argparse words its errors itself; each known shape is recognised here and worded again from
``checks/ui_cli.yaml`` (``argerr.*``).  A shape not listed is shown as argparse wrote it.  An
unrecognised argument that starts with ``-`` gets a hint: a file name starting with ``-`` goes
after ``--``.
"""
from __future__ import annotations

import re

_SHAPES = (
    (re.compile(r"^unrecognized arguments: (?P<args>.*)$"), "unrecognized"),
    (re.compile(r"^the following arguments are required: (?P<args>.*)$"), "required"),
    (re.compile(r"^argument (?P<arg>\S+): invalid choice: (?P<value>.*?) "
                r"\(choose from (?P<choices>.*)\)$"), "choice"),
    (re.compile(r"^argument (?P<arg>\S+): expected one argument$"), "expected_one"),
    (re.compile(r"^argument (?P<arg>\S+): invalid (?P<type>\S+) value: (?P<value>.*)$"), "invalid"),
    (re.compile(r"^argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)$"), "conflict"),
    (re.compile(r"^argument (?P<arg>\S+): (?P<detail>.*)$"), "argument"),
    (re.compile(r"^ambiguous option: (?P<arg>\S+) could match (?P<choices>.*)$"), "ambiguous"),
)


def translate(message: str, lang: str) -> str:
    from . import i18n

    for pattern, key in _SHAPES:
        m = pattern.match(message)
        if not m:
            continue
        values = {k: v.replace("'", "") if k in ("choices", "args") else v
                  for k, v in m.groupdict().items()}
        text = i18n.label(f"argerr.{key}", lang, **values)
        if key == "unrecognized" and any(a.startswith("-") for a in values["args"].split()):
            text += i18n.label("argerr.dash_hint", lang)
        return text
    return message
