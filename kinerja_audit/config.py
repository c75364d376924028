"""Find, merge and validate configuration.

``kinerja-audit.yaml`` (or ``.kinerja-audit.yaml``) found from the current directory upward, or
``[tool.kinerja-audit]`` in ``pyproject.toml``; ``--config FILE`` points elsewhere.  Safe loaders
only.  An unknown key, a wrong type or a bad value raises :class:`ConfigError` naming the file, the
key and what is allowed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Label, LocalisedError
from .findings import FAIL_ON, SEVERITIES
from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES
from .pk import BASES as PK_BASES
from .pk import POLARITIES

CONFIG_NAMES = ("kinerja-audit.yaml", ".kinerja-audit.yaml", "kinerja-audit.yml")
ZERO_TARGET = ("flag-nonzero", "flag-any")


class ConfigError(LocalisedError):
    """A configuration that cannot be used: ``config.KEY`` of ``checks/ui_cli.yaml``; the first
    value, ``path``, names the file."""

    prefix = "config."

    def __init__(self, key: str, path, /, **values):
        super().__init__(key, path=str(path), **values)


@dataclass
class Config:
    source: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str = "id"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    pk: str | None = None
    pk_basis: str | None = None
    polarity: dict[str, str] = field(default_factory=dict)   # canonical code -> positive|negative
    timeout: float | None = None  # seconds per file (0: no limit)
    # validate-data: columns, shape, basis, sheet
    data: dict[str, Any] = field(default_factory=dict)
    annotate_author: str = "kinerja-audit"   # author of the comments in annotated copies
    max_files: int = 20                      # files per upload on the web page (serve)


# key -> type check; what is allowed is the label config.allowed.KEY
def _str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _number(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _positive_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v > 0


_KEYS = {
    "select": _str_list,
    "ignore": _str_list,
    "severity": lambda v: isinstance(v, dict) and all(s in SEVERITIES for s in v.values()),
    "options": lambda v: isinstance(v, dict) and all(isinstance(o, dict) for o in v.values()),
    "fail_on": lambda v: v in FAIL_ON,
    "lang": lambda v: v in ("id", "en"),
    "max_bytes": _positive_int,
    "max_pages": _positive_int,
    "timeout": lambda v: _number(v) and v >= 0,
    "tolerance": lambda v: _number(v) and 0 <= v <= 5,
    "anomaly_threshold": lambda v: _number(v) and v > 100,
    "pk": lambda v: isinstance(v, str),
    "pk_basis": lambda v: v in PK_BASES,
    "zero_target": lambda v: v in ZERO_TARGET,
    "polarity": lambda v: isinstance(v, dict) and all(p in POLARITIES for p in v.values()),
    "annotate_author": lambda v: isinstance(v, str) and 0 < len(v.strip()) <= 60,
    "max_files": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 1000,
}


_DATA_KEYS = {
    "columns": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str)
                                                     for k, x in v.items()),
    "shape": lambda v: v in ("wide", "long"),
    "basis": lambda v: v in PK_BASES,
    "sheet": lambda v: isinstance(v, str),
}


def _data_section(v) -> bool:
    return isinstance(v, dict) and all(k in _DATA_KEYS and _DATA_KEYS[k](x) for k, x in v.items())


_KEYS["data"] = _data_section
_CHOICES = {"fail_on": FAIL_ON, "pk_basis": PK_BASES, "zero_target": ZERO_TARGET}


def allowed(key: str) -> Label:
    """What configuration key ``key`` accepts, as a label."""
    return Label(f"config.allowed.{key}", choices=", ".join(_CHOICES.get(key, ())))


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            cand = folder / name
            if cand.is_file():
                return cand
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.kinerja-audit]" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return pyproject
    return None


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError("unreadable", path, reason=exc.strerror or type(exc).__name__) from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("toml_invalid", path, reason=str(exc)) from None
        return data.get("tool", {}).get("kinerja-audit", {}) or {}
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        if where:
            raise ConfigError("yaml_invalid_at", path, line=where.line + 1) from None
        raise ConfigError("yaml_invalid", path) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("not_mapping", path)
    return data


def _validate(path: Path, data: dict) -> Config:
    from . import rulepack
    from .parse.codes import exact_code

    cfg = Config(source=str(path))
    specs = rulepack.rules()
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError("unknown_key", path, key=key, allowed=list(_KEYS))
        if not _KEYS[key](value):
            raise ConfigError("bad_value", path, key=key, value=repr(value), allowed=allowed(key))
    for key in ("select", "ignore"):
        data[key] = [selector(entry, path=path, key=key) for entry in data.get(key, [])]
    for rid in list(data.get("severity", {})) + list(data.get("options", {})):
        if rid not in specs:
            raise ConfigError("unknown_rule", path, rule=rid, nearest=nearest(rid))
    for rid, opts in data.get("options", {}).items():
        for name, value in opts.items():
            if name not in specs[rid].options:
                raise ConfigError("unknown_option", path, option=name, rule=rid,
                                  allowed=list(specs[rid].options) or Label("option.none"))
            _check_option(path, rid, specs[rid].options[name], value)
    cfg.select = list(data.get("select", []))
    cfg.ignore = list(data.get("ignore", []))
    cfg.severity = dict(data.get("severity", {}))
    cfg.options = {rid: dict(o) for rid, o in data.get("options", {}).items()}
    if "tolerance" in data:   # the achievement tolerance of both capaian rules
        for rid in ("ARI001", "POL001"):
            cfg.options.setdefault(rid, {})["tolerance"] = float(data["tolerance"])
    if "anomaly_threshold" in data:
        cfg.options.setdefault("ANO001", {})["threshold"] = float(data["anomaly_threshold"])
    if "zero_target" in data:
        cfg.options.setdefault("ZER001", {})["policy"] = data["zero_target"]
    for code, value in data.get("polarity", {}).items():
        canonical = exact_code(str(code))
        if canonical is None:
            raise ConfigError("bad_polarity_code", path, code=code)
        cfg.polarity[canonical] = value
    if "data" in data:
        from .data.shape import LONG_OPTIONAL, LONG_REQUIRED, WIDE_OPTIONAL, WIDE_REQUIRED

        known = {*WIDE_REQUIRED, *WIDE_OPTIONAL, *LONG_REQUIRED, *LONG_OPTIONAL}
        for name in data["data"].get("columns", {}):
            if name not in known:
                raise ConfigError("unknown_data_column", path, name=name, known=sorted(known))
        cfg.data = dict(data["data"])
    cfg.pk_basis = data.get("pk_basis")
    cfg.fail_on = data.get("fail_on", cfg.fail_on)
    cfg.lang = data.get("lang", cfg.lang)
    cfg.max_bytes = data.get("max_bytes", cfg.max_bytes)
    cfg.max_pages = data.get("max_pages", cfg.max_pages)
    cfg.timeout = data.get("timeout")
    cfg.annotate_author = data.get("annotate_author", cfg.annotate_author).strip()
    cfg.max_files = data.get("max_files", cfg.max_files)
    if "pk" in data:
        cfg.pk = str((path.parent / data["pk"]).resolve())
    return cfg


class OptionValueError(ConfigError):
    """An option value outside its declared type or bounds (``option.bad_value``)."""

    prefix = ""


def _check_option(path: Path, rid: str, spec, value: Any) -> None:
    """A configured option value against its declared type and bounds (checks/*.yaml)."""
    problem = spec.problem(value)
    if problem is not None:
        raise OptionValueError("option.bad_value", path, name=spec.name, rule=rid,
                               value=repr(value), allowed=Label(problem, **spec.allowed_values()))


def selectors() -> dict[str, str]:
    """Every rule id, name and category, lower-cased, mapped to its canonical spelling."""
    from . import rulepack

    out: dict[str, str] = {}
    for spec in rulepack.rules().values():
        for word in (spec.id, spec.name, spec.category):
            out[word.lower()] = word
    return out


def nearest(entry: str) -> list[str] | Label:
    """The valid ids, names or categories closest to a misspelt ``entry`` (at most three)."""
    import difflib

    known = selectors()
    close = difflib.get_close_matches(entry.lower(), list(known), n=3, cutoff=0.5)
    return [known[c] for c in close] or Label("config.see_rules")


def selector(entry: str, *, path=None, key: str = "select") -> str:
    """``entry`` (any case) as the id, name or category it names; unknown: ConfigError (from a
    file) or, with ``path`` None, ValueError carrying the nearest valid entries."""
    canonical = selectors().get(entry.strip().lower())
    if canonical is not None:
        return canonical
    if path is None:
        raise LookupError(entry)
    raise ConfigError("unknown_selector", path, key=key, entry=entry, nearest=nearest(entry))


def load_config(explicit: str | None, start: Path) -> Config:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("not_found", explicit)
    else:
        path = find_config(start)
        if path is None:
            return Config()
    return _validate(path, _read(path))
