"""Load the declarative rule packs (``checks/*.yaml``): rule metadata, messages, options, lexicons.

Every rule implemented in ``kinerja_audit.rules`` has exactly one entry here, under the same id.
Messages are ``str.format`` templates in Indonesian (``id``) and English (``en``).

Options are typed: ``{type, default, min, max, choices, doc}`` (type one of number, integer,
boolean, choice, string); a configuration value is checked against that before any rule runs.
``settings`` (pack key) are typed the same way and tune the parsers.  The ``bad`` and ``good``
documentation examples are edits of the example report ``checks/examples/report.txt`` (and, for
rules that need one, of the example agreement ``checks/examples/pk.yaml``), so they can be run.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from .findings import CATEGORIES, SEVERITIES

LANGS = ("id", "en")


class RulePackError(ValueError):
    """A rule pack is malformed (a bug in the shipped YAML, caught by the tests)."""


OPTION_TYPES = ("number", "integer", "boolean", "choice", "string")


@dataclass(frozen=True)
class OptionSpec:
    """One typed option (of a rule) or setting (of a parser)."""

    name: str
    type: str
    default: Any
    doc: dict[str, str]
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()

    def problem(self, value: Any) -> str | None:
        """None when ``value`` is allowed, else the key of what is allowed (``ui`` labels
        ``option.*``, filled with :meth:`allowed_values`)."""
        if self.type in ("number", "integer"):
            ok_type = isinstance(value, int | float) and not isinstance(value, bool)
            if self.type == "integer":
                ok_type = ok_type and float(value).is_integer()
            if not ok_type:
                return f"option.{self.type}"
            if (self.min is not None and value < self.min) or (
                self.max is not None and value > self.max
            ):
                return f"option.{self.type}_range"
            return None
        if self.type == "boolean":
            return None if isinstance(value, bool) else "option.boolean"
        if self.type == "choice":
            return None if value in self.choices else "option.choice"
        return None if isinstance(value, str) else "option.string"

    def allowed_values(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "choices": ", ".join(self.choices)}


@dataclass(frozen=True)
class Example:
    """A documentation example: edits of the example report (and agreement) and configuration."""

    replace: tuple[tuple[str, str], ...] = ()
    pk_replace: tuple[tuple[str, str], ...] = ()
    config: dict[str, Any] = field(default_factory=dict)
    pk: bool = False                 # the example runs with the example agreement
    data: str = ""                   # a dataset rule's example: the rows themselves (CSV)
    document: str = ""               # another example document to edit (checks/examples/<name>)

    def report_text(self) -> str:
        return _apply(example_document(self.document) if self.document else example_report(),
                      self.replace)

    def pk_text(self) -> str:
        return _apply(example_pk(), self.pk_replace)

    def shown(self) -> list[tuple[str, str]]:
        """What ``explain`` prints: ("line", text) for each line an edit leaves as it reads after
        the edit, ("removed", text) for each line an edit deletes."""
        if self.data:
            return [("line", ln) for ln in self.data.rstrip().splitlines()]
        if self.document and not self.replace:       # the document itself is the example
            return [("line", ln) for ln in self.report_text().rstrip().splitlines()]
        out: list[tuple[str, str]] = []
        for text, edits in ((self.report_text(), self.replace), (self.pk_text(), self.pk_replace)):
            lines = text.splitlines()
            for old, new in edits:
                if not new.strip():
                    out += [("removed", ln.rstrip()) for ln in old.strip().splitlines()]
                    continue
                first = new.strip().splitlines()[0]
                hit = next((ln for ln in lines if first in ln), None)
                if hit is None:
                    continue
                for ln in [hit, *new.strip().splitlines()[1:]]:
                    if ln.strip() and ("line", ln.rstrip()) not in out:
                        out.append(("line", ln.rstrip()))
        return out


def _apply(text: str, edits) -> str:
    for old, new in edits:
        if old not in text:
            raise RulePackError(f"example edit does not apply: {old!r}")
        text = text.replace(old, new)
    return text


def example_report_path():
    """The consistent example report the doc examples (and the rule case files) edit."""
    return resources.files("kinerja_audit.checks") / "examples" / "report.txt"


@functools.cache
def example_report() -> str:
    return example_report_path().read_text(encoding="utf-8")


@functools.cache
def example_document(name: str) -> str:
    """One of the other example documents (``checks/examples/<name>``): a document the example
    report cannot become by edits, such as a quarterly realisation form."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise RulePackError(f"example document must be a file name in checks/examples: {name!r}")
    return (resources.files("kinerja_audit.checks") / "examples" / name).read_text(
        encoding="utf-8")


@functools.cache
def example_pk() -> str:
    return (resources.files("kinerja_audit.checks") / "examples" / "pk.yaml").read_text(
        encoding="utf-8"
    )


@dataclass(frozen=True)
class RuleSpec:
    id: str
    name: str
    category: str
    severity: str
    summary: dict[str, str]
    message: dict[str, str]
    suggestion: dict[str, str]
    why: dict[str, str] = field(default_factory=dict)
    bad: Example | None = None
    good: Example | None = None
    options: dict[str, OptionSpec] = field(default_factory=dict)
    pack: str = ""

    def defaults(self) -> dict[str, Any]:
        return {name: opt.default for name, opt in self.options.items()}

    def text(self, part: str, lang: str, **values: Any) -> str:
        templates: dict[str, str] = getattr(self, part)
        template = templates.get(lang) or templates.get("id", "")
        try:
            return template.format(**values)
        except (KeyError, IndexError) as exc:  # a template names a value the rule did not give
            raise RulePackError(f"{self.id}: {part}[{lang}] needs {exc}") from exc


def _pack_files():
    root = resources.files("kinerja_audit.checks")
    return sorted((p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def _bilingual(rule_id: str, raw: dict, key: str, required: bool = True) -> dict[str, str]:
    value = raw.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in LANGS):
        raise RulePackError(f"{rule_id}: '{key}' needs text for both 'id' and 'en'")
    return {lang: value[lang] for lang in LANGS}


def _option(owner: str, name: str, raw: Any) -> OptionSpec:
    if not isinstance(raw, dict) or raw.get("type") not in OPTION_TYPES or "default" not in raw:
        raise RulePackError(
            f"{owner}: option {name!r} needs a type ({', '.join(OPTION_TYPES)}) and a default"
        )
    opt = OptionSpec(
        name=name,
        type=raw["type"],
        default=raw["default"],
        doc=_bilingual(owner, raw, "doc"),
        min=raw.get("min"),
        max=raw.get("max"),
        choices=tuple(raw.get("choices") or ()),
    )
    if opt.type == "choice" and not opt.choices:
        raise RulePackError(f"{owner}: choice option {name!r} lists no choices")
    if opt.problem(opt.default) is not None:
        raise RulePackError(
            f"{owner}: the default of option {name!r} is not allowed by its own type"
        )
    return opt


def _example(rid: str, raw: Any) -> Example | None:
    if raw is None:
        return None
    if isinstance(raw, str):     # a dataset rule's example: CSV rows
        return Example(data=raw)
    if not isinstance(raw, dict):
        raise RulePackError(
            f"{rid}: a doc example is CSV text or a mapping of document / replace / pk_replace / "
            "config / pk"
        )
    pairs = []
    for key in ("replace", "pk_replace"):
        edits = raw.get(key) or []
        if not all(
            isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e)
            for e in edits
        ):
            raise RulePackError(f"{rid}: doc example {key} needs [old, new] pairs")
        pairs.append(tuple((a, b) for a, b in edits))
    return Example(replace=pairs[0], pk_replace=pairs[1], config=dict(raw.get("config") or {}),
                   pk=bool(raw.get("pk")) or bool(pairs[1]),
                   document=str(raw.get("document") or ""))


def read_pack(path) -> dict:
    """One of the tool's own YAML packs (trusted: shipped with it), read with libyaml when present
    (ten times faster than the pure-Python reader; user files keep their guarded loader)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}


@functools.cache
def load() -> tuple[dict[str, RuleSpec], dict[str, Any], dict[str, OptionSpec]]:
    """Return (rules by id, lexicons merged from every pack, parser settings)."""
    rules: dict[str, RuleSpec] = {}
    lexicon: dict[str, Any] = {}
    settings: dict[str, OptionSpec] = {}
    for path in _pack_files():
        data = read_pack(path)
        for raw in data.get("rules", []):
            rid = raw.get("id")
            if not rid or rid in rules:
                raise RulePackError(f"{path.name}: missing or duplicated rule id {rid!r}")
            if raw.get("category") not in CATEGORIES:
                raise RulePackError(f"{rid}: unknown category {raw.get('category')!r}")
            if raw.get("severity") not in SEVERITIES:
                raise RulePackError(f"{rid}: unknown severity {raw.get('severity')!r}")
            doc = raw.get("doc") or {}
            rules[rid] = RuleSpec(
                id=rid,
                name=raw["name"],
                category=raw["category"],
                severity=raw["severity"],
                summary=_bilingual(rid, raw, "summary"),
                message=_bilingual(rid, raw, "message"),
                suggestion=_bilingual(rid, raw, "suggestion"),
                why=_bilingual(rid, doc, "why", required=False),
                bad=_example(rid, doc.get("bad")),
                good=_example(rid, doc.get("good")),
                options={k: _option(rid, k, v) for k, v in (raw.get("options") or {}).items()},
                pack=path.name,
            )
        for key, value in (data.get("lexicon") or {}).items():
            if key in lexicon:
                raise RulePackError(f"{path.name}: lexicon key {key!r} defined twice")
            lexicon[key] = value
        for key, value in (data.get("settings") or {}).items():
            if key in settings:
                raise RulePackError(f"{path.name}: setting {key!r} defined twice")
            settings[key] = _option(path.name, key, value)
    return rules, lexicon, settings


def rules() -> dict[str, RuleSpec]:
    return load()[0]


def lexicon() -> dict[str, Any]:
    return load()[1]


def setting(name: str) -> Any:
    """A parser setting's value (``settings`` in the packs)."""
    return load()[2][name].default


def settings() -> dict[str, OptionSpec]:
    return load()[2]
