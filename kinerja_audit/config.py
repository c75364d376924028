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

from . import i18n
from .findings import FAIL_ON, SEVERITIES
from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES
from .pk import BASES as PK_BASES
from .pk import POLARITIES

CONFIG_NAMES = ("kinerja-audit.yaml", ".kinerja-audit.yaml", "kinerja-audit.yml")
ZERO_TARGET = ("flag-nonzero", "flag-any")


class ConfigError(Exception):
    pass


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
    data: dict[str, Any] = field(default_factory=dict)       # validate-data: columns, shape, basis, sheet
    annotate_author: str = "kinerja-audit"   # author of the comments in annotated copies
    max_files: int = 20                      # files per upload on the web page (serve)


# key -> (type check, description of what is allowed)
def _str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


_KEYS = {
    "select": (_str_list, "a list of rule ids, names or categories"),
    "ignore": (_str_list, "a list of rule ids, names or categories"),
    "severity": (lambda v: isinstance(v, dict) and all(s in SEVERITIES for s in v.values()),
                 "a mapping RULE: error|warning|info"),
    "options": (lambda v: isinstance(v, dict) and all(isinstance(o, dict) for o in v.values()),
                "a mapping RULE: {option: value}"),
    "fail_on": (lambda v: v in FAIL_ON, "one of " + ", ".join(FAIL_ON)),
    "lang": (lambda v: v in ("id", "en"), "id or en"),
    "max_bytes": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0, "a positive integer"),
    "max_pages": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
                  "a positive integer (pages of a PDF)"),
    "tolerance": (lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 5,
                  "a number between 0 and 5 (percentage points)"),
    "anomaly_threshold": (lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v > 100,
                          "a number above 100 (percent)"),
    "pk": (lambda v: isinstance(v, str), "a path to a PK file (YAML, CSV or XLSX)"),
    "pk_basis": (lambda v: v in PK_BASES, "one of " + ", ".join(PK_BASES)),
    "zero_target": (lambda v: v in ZERO_TARGET, "one of " + ", ".join(ZERO_TARGET)),
    "polarity": (lambda v: isinstance(v, dict) and all(p in POLARITIES for p in v.values()),
                 "a mapping CODE: positive|negative (e.g. IK.3: negative)"),
    "annotate_author": (lambda v: isinstance(v, str) and 0 < len(v.strip()) <= 60,
                        "a name of 1 to 60 characters (author of the comments in annotated copies)"),
    "max_files": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 1000,
                  "a whole number from 1 to 1000 (files per upload on the web page)"),
}


_DATA_KEYS = {
    "columns": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
    "shape": lambda v: v in ("wide", "long"),
    "basis": lambda v: v in PK_BASES,
    "sheet": lambda v: isinstance(v, str),
}


def _data_section(v) -> bool:
    return isinstance(v, dict) and all(k in _DATA_KEYS and _DATA_KEYS[k](x) for k, x in v.items())


_KEYS["data"] = (_data_section, "a mapping with columns (canonical: source name), shape (wide|long), "
                 "basis (per-quarter|cumulative) and sheet")


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            cand = folder / name
            if cand.is_file():
                return cand
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.kinerja-audit]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: tidak dapat dibaca ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: TOML tidak sah ({exc})") from None
        return data.get("tool", {}).get("kinerja-audit", {}) or {}
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" baris {where.line + 1}" if where else ""
        raise ConfigError(f"{path}:{at} YAML tidak sah") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: isi konfigurasi harus berupa pemetaan kunci: nilai")
    return data


def _validate(path: Path, data: dict) -> Config:
    from . import rulepack
    from .parse.codes import exact_code

    cfg = Config(source=str(path))
    specs = rulepack.rules()
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError(f"{path}: kunci '{key}' tidak dikenal; yang diizinkan: {', '.join(_KEYS)}")
        check, allowed = _KEYS[key]
        if not check(value):
            raise ConfigError(f"{path}: nilai '{key}' tidak sah ({value!r}); harus {allowed}")
    for key in ("select", "ignore"):
        known = set(specs) | {s.name for s in specs.values()} | {s.category for s in specs.values()}
        for entry in data.get(key, []):
            if entry not in known:
                raise ConfigError(f"{path}: '{key}' memuat '{entry}' yang bukan id, nama atau kategori aturan")
    for rid in list(data.get("severity", {})) + list(data.get("options", {})):
        if rid not in specs:
            raise ConfigError(f"{path}: aturan '{rid}' tidak dikenal (lihat 'kinerja-audit rules')")
    for rid, opts in data.get("options", {}).items():
        for name, value in opts.items():
            if name not in specs[rid].options:
                allowed = ", ".join(specs[rid].options) or i18n.label("option.none", "id")
                raise ConfigError(f"{path}: opsi '{name}' untuk {rid} tidak dikenal; yang tersedia: {allowed}")
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
            raise ConfigError(f"{path}: 'polarity' memuat '{code}' yang bukan kode indikator (contoh: IK.3)")
        cfg.polarity[canonical] = value
    if "data" in data:
        from .data.shape import LONG_OPTIONAL, LONG_REQUIRED, WIDE_OPTIONAL, WIDE_REQUIRED

        known = {*WIDE_REQUIRED, *WIDE_OPTIONAL, *LONG_REQUIRED, *LONG_OPTIONAL}
        for name in data["data"].get("columns", {}):
            if name not in known:
                raise ConfigError(f"{path}: 'data.columns' memuat '{name}' yang bukan kolom baku; "
                                  f"yang dikenal: {', '.join(sorted(known))}")
        cfg.data = dict(data["data"])
    cfg.pk_basis = data.get("pk_basis")
    cfg.fail_on = data.get("fail_on", cfg.fail_on)
    cfg.lang = data.get("lang", cfg.lang)
    cfg.max_bytes = data.get("max_bytes", cfg.max_bytes)
    cfg.max_pages = data.get("max_pages", cfg.max_pages)
    cfg.annotate_author = data.get("annotate_author", cfg.annotate_author).strip()
    cfg.max_files = data.get("max_files", cfg.max_files)
    if "pk" in data:
        cfg.pk = str((path.parent / data["pk"]).resolve())
    return cfg


def _check_option(path: Path, rid: str, spec, value: Any, lang: str = "id") -> None:
    """A configured option value against its declared type and bounds (checks/*.yaml)."""
    problem = spec.problem(value)
    if problem is not None:
        allowed = i18n.label(problem, lang, **spec.allowed_values())
        raise ConfigError(i18n.label("option.bad_value", lang, path=path, name=spec.name, rule=rid,
                                     value=repr(value), allowed=allowed))


def load_config(explicit: str | None, start: Path) -> Config:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: berkas konfigurasi tidak ditemukan")
    else:
        path = find_config(start)
        if path is None:
            return Config()
    return _validate(path, _read(path))
