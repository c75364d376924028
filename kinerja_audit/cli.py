"""Command line:
``kinerja-audit check|demo|extract|rules|explain|init-pk|validate-data|export-gx|serve``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad usage, bad
configuration, an input that could not be read or audited (the other inputs are still audited and
reported), output that could not be written, or a bug of the tool (never a traceback, never 1).
Every message comes from :mod:`kinerja_audit.i18n` (``checks/ui_cli.yaml``), in the language of
``--lang`` (read before the rest of the command line, so help and usage errors use it too).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import LocalisedError
from .findings import FAIL_ON
from .output import OutputError, check_target, choose_format, emit

LANGS = ("id", "en")


class UsageError(LocalisedError):
    """Bad command-line usage: one line, exit 2 (``cli.KEY`` of ``checks/ui_cli.yaml``)."""

    prefix = "cli."


class LabelledUsageError(UsageError):
    """Bad usage worded by a label of another pack (its full key, e.g. ``annotate.needs_input``)."""

    prefix = ""


def t(key: str, lang: str, **values) -> str:
    from . import i18n

    return i18n.label(key, lang, **values)


def lang_of(argv: list[str]) -> str:
    """The ``--lang`` of a command line, before it is parsed (help and usage errors need it)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return "id"


# ------------------------------------------------------------------------------------ arguments
def _positive_int(lang: str):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number <= 0:
            raise argparse.ArgumentTypeError(t("cli.not_positive", lang, value=value))
        return number
    return parse


def _period(lang: str):
    def parse(value: str):
        from .parse.periods import parse_period_option

        period = parse_period_option(value)
        if period is None:
            raise argparse.ArgumentTypeError(t("cli.bad_period", lang, value=value))
        return period
    return parse


def _seconds(lang: str):
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0 <= number < float("inf"):
            raise argparse.ArgumentTypeError(t("cli.not_seconds", lang, value=value))
        return number
    return parse


def _delimiter(lang: str):
    def parse(value: str) -> str:
        value = {"tab": "\t", "\\t": "\t"}.get(value.lower(), value)
        if value not in (",", ";", "\t", "|"):
            raise argparse.ArgumentTypeError(t("cli.bad_delimiter", lang, value=value))
        return value
    return parse


def _csv_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _selectors(entries: list[str], option: str) -> list[str]:
    """Rule ids, names or categories in any case, canonical; an unknown one is bad usage."""
    from .config import nearest, selector

    out = []
    for entry in entries:
        try:
            out.append(selector(entry))
        except LookupError:
            raise UsageError("unknown_selector", option=option, entry=entry,
                             nearest=nearest(entry)) from None
    return out


# ------------------------------------------------------------------------------------ check
def _context(args):
    from .config import load_config
    from .rules.registry import Context, select

    cfg = load_config(args.config, start=Path.cwd())
    if cfg.source:
        in_use = t("cli.config_in_use", args.lang or cfg.lang, path=_visible(cfg.source))
        sys.stderr.write(f"kinerja-audit: {in_use}\n")
    lang = args.lang or cfg.lang
    args.lang = lang
    fail_on = args.fail_on or cfg.fail_on
    selected = _selectors(_csv_list(args.select), "--select") or cfg.select
    ignored = _selectors(_csv_list(args.ignore), "--ignore") + cfg.ignore
    ctx = Context(lang=lang, options=cfg.options, severity=cfg.severity, polarity=cfg.polarity,
                  period=getattr(args, "period", None))
    pk_path = getattr(args, "pk", None) or cfg.pk
    if pk_path:
        from . import pk

        ctx.pk = pk.load(pk_path, basis=getattr(args, "pk_basis", None) or cfg.pk_basis, lang=lang)
    data_source = getattr(args, "data", None)
    if data_source:
        from .data import compare

        ctx.data = compare.load_unit(
            data_source,
            _data_options(args, cfg),
            getattr(args, "unit", None),
            basis=getattr(args, "pk_basis", None) or cfg.pk_basis,
            lang=lang,
        )
        ctx.data.own_pk = ctx.pk is None
        if ctx.pk is None:
            ctx.pk = ctx.data.pk
    rule_ids = select(selected, ignored)
    return ctx, rule_ids, fail_on, cfg


def _data_options(args, cfg):
    """validate-data / check --data: where to read, how the columns are named, which engine."""
    from .data.shape import Mapping
    from .data.validate import Options

    section = cfg.data or {}
    mapping = Mapping(columns=dict(section.get("columns", {})),
                      shape=getattr(args, "shape", None) or section.get("shape"),
                      basis=getattr(args, "basis", None) or section.get("basis") or "per-quarter")
    return Options(sheet=getattr(args, "sheet", None) or section.get("sheet"),
                   table=getattr(args, "table", None), query=getattr(args, "query", None),
                   mapping=mapping, engine=getattr(args, "engine", None) or "pandera",
                   spark_master=getattr(args, "spark_master", None),
                   data_docs=getattr(args, "data_docs", None))


def _visible(name: str) -> str:
    from .render.escape import visible

    return visible(name)


def _progress(done: int, total: int, name: str) -> None:
    if total > 1 and sys.stderr.isatty():
        sys.stderr.write(f"\r[{done}/{total}] {_visible(name)[-60:]:<60}")
        if done == total:
            sys.stderr.write("\r" + " " * 80 + "\r")
        sys.stderr.flush()


def _exit_code(results, fail_on: str) -> int:
    from .findings import at_or_above

    if any(r.errors for r in results):
        return 2
    if any(at_or_above(f.severity, fail_on) for r in results for f in r.findings):
        return 1
    return 0


def _folder_notes(inputs, lang: str) -> list:
    """Skipped files (stderr) and folders without reports or unreadable (their error results)."""
    from .findings import ReportResult
    from .inputs import REPORT_SUFFIXES

    for folder, names in inputs.skipped.items():
        shown = ", ".join(_visible(n) for n in names[:10])
        more = t("cli.and_more", lang, count=len(names) - 10) if len(names) > 10 else ""
        sys.stderr.write(f"kinerja-audit: {_visible(folder)}: "
                         f"{t('cli.skipped', lang, count=len(names), names=shown + more)}\n")
    suffixes = ", ".join(REPORT_SUFFIXES)
    return ([ReportResult(source=f, errors=[t("cli.folder_without_reports", lang,
                                                suffixes=suffixes)]) for f in inputs.empty]
            + [ReportResult(source=f, errors=[t("cli.folder_unreadable", lang)])
               for f in inputs.unreadable])


def _render(results, fmt: str, args, ctx, cfg, fail_on: str):
    """(output, results) of ``results``; a report whose data makes the renderer fail becomes that
    report's error in the results returned (the others are rendered)."""
    from . import contract
    from .audit import internal_error
    from .render import render

    color = (
        fmt == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    options = {"lang": ctx.lang, "color": color, "fail_on": fail_on,
               "csv_delimiter": getattr(args, "csv_delimiter", None) or ","}
    config = cfg.source if cfg else None
    try:
        return render(contract.build(results, config=config), fmt, **options), results
    except LocalisedError:
        raise
    except Exception:  # noqa: BLE001  find the report(s) the renderer fails on
        fixed = []
        for r in results:
            try:
                render(contract.build([r], config=config), fmt, **options)
                fixed.append(r)
            except Exception as exc:  # noqa: BLE001
                fixed.append(internal_error(r.source, exc, ctx.lang))
        return render(contract.build(fixed, config=config), fmt, **options), fixed


def cmd_check(args) -> int:
    from .inputs import expand
    from .render import BINARY_FORMATS, FORMATS
    from .runner import DEFAULT_TIMEOUT, Job, run

    ctx, rule_ids, fail_on, cfg = _context(args)
    lang = ctx.lang
    inputs = expand(args.files)
    if not args.files and ctx.pk is None:
        raise UsageError("no_files")
    fmt = choose_format(args.format, args.output, FORMATS, "text")
    check_target(args.output, inputs.paths + [p for p in (getattr(args, "pk", None), cfg.pk,
                                                          cfg.source) if p])
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        raise UsageError("binary_to_terminal", format=fmt)
    notes = _folder_notes(inputs, lang)
    copies, copy_failed = _copies(args, inputs.paths, cfg), False
    if inputs.paths:
        jobs = [Job(p, ctx, rule_ids, args.max_bytes or cfg.max_bytes,
                    args.max_pages or cfg.max_pages, c)
                for p, c in zip(inputs.paths, copies or [None] * len(inputs.paths))]
        timeout = next(v for v in (args.timeout, cfg.timeout, DEFAULT_TIMEOUT) if v is not None)
        results = run(jobs, workers=args.jobs, timeout=timeout, progress=_progress)
        if copies:
            results, copy_failed = _annotated(results, lang)
    elif not notes:   # only a PK: check its own quarter targets
        from .audit import audit_pk

        results = [audit_pk(ctx, rule_ids)]
    else:
        results = []
    output, results = _render(results + notes, fmt, args, ctx, cfg, fail_on)
    for r in results:
        for err in r.errors:
            sys.stderr.write(f"kinerja-audit: {_visible(r.source)}: {err}\n")
    emit(output, args.output)
    return 2 if copy_failed else _exit_code(results, fail_on)


def _annotated(reviewed, lang: str) -> tuple[list, bool]:
    """The results of an annotating run; says on stderr what each copy holds; True if one failed.
    (A file that timed out or crashed has a plain result: no copy.)"""
    from .annotate import Reviewed

    failed = False
    out = []
    for item in reviewed:
        item = item if isinstance(item, Reviewed) else Reviewed(item)
        if item.target is not None:
            sys.stderr.write(f"kinerja-audit: {_visible(item.target)}: "
                             f"{item.placement.summary(lang)}\n")
        elif item.problem:
            sys.stderr.write(f"kinerja-audit: {_visible(item.result.source)}: {item.problem}\n")
        failed = failed or item.failed
        out.append(item.result)
    return out, failed


def _copies(args, paths: list[str], cfg) -> list | None:
    """(target, in a folder, author) per input for ``--annotate``, or None without it."""
    if not getattr(args, "annotate", None):
        return None
    from .annotate import SUFFIXES, targets

    if not paths:
        raise LabelledUsageError("annotate.needs_input")
    folder = Path(args.annotate)
    if len(paths) > 1 and folder.suffix.lower() in SUFFIXES.values() and not folder.is_dir():
        raise LabelledUsageError("annotate.needs_folder")
    if folder.exists() and not folder.is_dir() and any(_same_file(folder, p) for p in paths):
        raise LabelledUsageError("annotate.same_file", target=args.annotate)
    places, batch = targets(paths, args.annotate)
    if batch:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError("annotate_folder", folder=str(folder),
                             reason=err.strerror or str(err)) from None
    author = args.author or cfg.annotate_author
    return [(place, batch, author) for place in places]


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def cmd_validate_data(args) -> int:
    from . import contract
    from .data.sources import is_database
    from .data.validate import rule_ids, validate
    from .render import BINARY_FORMATS, FORMATS, render

    args.pk = None
    ctx, _, fail_on, cfg = _context(args)
    options = _data_options(args, cfg)
    fmt = choose_format(args.format, args.output, FORMATS, "text")
    check_target(args.output, [s for s in args.sources if not is_database(s)])
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        raise UsageError("binary_to_terminal", format=fmt)
    if options.data_docs and options.engine != "gx":
        raise UsageError("data_docs_needs_gx")
    if any(is_database(s) for s in args.sources) and not (options.table or options.query):
        raise UsageError("database_needs_table")
    ids = rule_ids(_csv_list(args.select) or cfg.select, _csv_list(args.ignore) + cfg.ignore)
    sources = [s for item in args.sources
               for s in ([item] if is_database(item) else _expand_data([item]))]
    results = [validate(s, ctx, options, ids) for s in sources]
    for r in results:
        for err in r.errors:
            sys.stderr.write(f"kinerja-audit: {_visible(r.source)}: {err}\n")
    color = (
        fmt == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    emit(render(contract.build(results, config=cfg.source), fmt, lang=ctx.lang, color=color,
                fail_on=fail_on), args.output)
    return _exit_code(results, fail_on)


DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".parquet")


def _expand_data(inputs: list[str]) -> list[str]:
    import glob

    out = []
    for item in inputs:
        if os.path.isdir(item):
            found = sorted(str(p) for p in Path(item).rglob("*")
                           if p.is_file() and p.suffix.lower() in DATA_SUFFIXES)
            out.extend(found or [item])
        elif any(ch in item for ch in "*?[") and not os.path.exists(item):
            out.extend(sorted(glob.glob(item, recursive=True)) or [item])
        else:
            out.append(item)
    return out


def cmd_export_gx(args) -> int:
    try:
        from .data import gx
    except ImportError as err:
        raise UsageError("export_gx_missing", reason=str(err)) from None
    from .data.validate import rule_ids

    args.pk = None
    ctx, _, _, cfg = _context(args)
    check_target(args.output)
    ids = rule_ids(_csv_list(args.select) or cfg.select, _csv_list(args.ignore) + cfg.ignore)
    emit(gx.export_suite(ctx, ids, target=args.target, name=args.name), args.output)
    return 0


def cmd_serve(args) -> int:
    from .config import load_config
    from .web.server import ServeError, serve

    cfg = load_config(args.config, start=Path.cwd())
    try:
        return serve(cfg, host=args.host, port=args.port, open_browser=args.open,
                     allow_remote=args.allow_remote, lang=args.lang)
    except ServeError as err:
        raise UsageError("serve_failed", reason=str(err)) from None


def cmd_demo(args) -> int:
    """The bundled sample: its planted defects are found, so findings exit 0 unless ``--fail-on``
    is given (then the exit code is what ``check`` would give)."""
    args.files = sample_paths()
    code = cmd_check(args)
    return code if args.fail_on or code != 1 else 0


def sample_paths() -> list[str]:
    from importlib import resources

    root = resources.files("kinerja_audit.samples")
    return sorted(str(p) for p in root.iterdir() if p.name.endswith(".txt"))


# ------------------------------------------------------------------------------------ the others
def _read_one(args, lang: str):
    """The document named by ``args.file``, or None after a one-line error on stderr."""
    from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, InputError, read_document

    try:
        return read_document(args.file, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                             max_pages=args.max_pages or DEFAULT_MAX_PAGES)
    except InputError as err:
        sys.stderr.write(f"kinerja-audit: {_visible(args.file)}: {err.reason(lang)}\n")
        return None


def _read_report(args, lang: str):
    """The report model of ``args.file`` with its polarities, or None after a one-line error."""
    from . import model, polarity

    doc = _read_one(args, lang)
    if doc is None:
        return None
    report = model.build(doc)
    polarity.assign(report)
    return report


def cmd_init_pk(args) -> int:
    from .pk_draft import draft

    lang = args.lang or "id"
    if args.output and os.path.exists(args.output) and not args.force:
        raise OutputError("draft_exists", output=args.output)
    check_target(args.output, [args.file])
    report = _read_report(args, lang)
    if report is None:
        return 2
    emit(draft(report, lang), args.output)
    return 0


def cmd_extract(args) -> int:
    import json

    from . import frames

    lang = args.lang or "id"
    fmt = choose_format(args.format, args.output, ("csv", "json"), "csv")
    check_target(args.output, [args.file])
    report = _read_report(args, lang)
    if report is None:
        return 2
    if args.what == "claims":
        from .parse.claims import claim_rows
        rows = claim_rows(report)
    else:
        rows = frames.indicator_rows(report)
    if fmt == "json":
        from .contract import finite

        emit(json.dumps(finite(rows), ensure_ascii=False, indent=2, default=str,
                        allow_nan=False), args.output)
    else:
        import csv
        import io

        from .render.escape import cell

        buf = io.StringIO()
        cols = list(rows[0].keys()) if rows else []
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows([{k: cell(v) for k, v in row.items()} for row in rows])
        emit("\ufeff" + buf.getvalue() if args.output else buf.getvalue(), args.output)
    return 0


def cmd_rules(args) -> int:
    from . import i18n, rulepack
    from .data.explain import data_checks
    from .rules.registry import load_all

    lang = args.lang or "id"
    registered = {**load_all(), **dict.fromkeys(data_checks())}
    for rid, spec in sorted(rulepack.rules().items()):
        mark = "" if rid in registered else " (?)"
        print(
            f"{rid}  {spec.category:<18} {i18n.severity(spec.severity, lang):<11} {spec.name}{mark}"
        )
        print(f"        {spec.summary[lang]}")
    return 0


def cmd_explain(args) -> int:
    from . import i18n, rulepack

    lang = args.lang or "id"
    specs = rulepack.rules()
    key = args.rule
    spec = specs.get(key.upper()) or next(
        (s for s in specs.values() if s.name == key.lower()), None
    )
    if spec is None:
        from .config import nearest

        raise UsageError("unknown_rule", rule=key, nearest=nearest(key))

    def head(name: str) -> str:
        return t(f"explain.{name}", lang)

    category = i18n.category(spec.category, lang)
    lines = [f"{spec.id} — {spec.name}", "", spec.summary[lang], "",
             f"{head('category')}: {category} ({spec.category})",
             f"{head('severity')}: {i18n.severity(spec.severity, lang)}"]
    if spec.why:
        lines += ["", f"{head('why')}:", "  " + spec.why[lang]]
    for name, example in (("bad", spec.bad), ("good", spec.good)):
        if example is not None:
            lines += ["", f"{head(name)}:"] + [
                f"  {t('explain.removed', lang)} {text}" if kind == "removed" else f"  {text}"
                for kind, text in example.shown()]
    if spec.options:
        lines += ["", f"{head('options')}:"] + [
            f"  {name}: {opt.default} ({opt.type}) — {opt.doc[lang]}"
            for name, opt in spec.options.items()]
    print("\n".join(lines))
    return 0


# ------------------------------------------------------------------------------------ the parser
class _Formatter(argparse.HelpFormatter):
    lang = "id"

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = t("help.usage_prefix", self.lang)
        return super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one localised line (UsageError) and localised titles."""

    lang = "id"

    def __init__(self, *args, **kwargs):
        formatter = type("Formatter", (_Formatter,), {"lang": self.lang})
        kwargs.setdefault("formatter_class", formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t("help.positionals", self.lang)
        self._optionals.title = t("help.options", self.lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=t("help.help", self.lang))

    def error(self, message: str):
        from .argerrors import translate

        raise UsageError("usage", prog=self.prog, detail=translate(message, self.lang))


def _argument_groups(h, lang: str):
    """The argument groups several commands share: reading limits, a dataset source,
    rule selection."""

    def reading(p) -> None:
        p.add_argument("--lang", choices=LANGS, default=None, help=h("lang"))
        p.add_argument("--max-bytes", type=_positive_int(lang), default=None, metavar="N",
                       help=h("max_bytes"))
        p.add_argument("--max-pages", type=_positive_int(lang), default=None, metavar="N",
                       help=h("max_pages"))

    def data_source(p) -> None:
        p.add_argument("--sheet", metavar="NAME", help=h("sheet"))
        p.add_argument("--table", metavar="NAME", help=h("table"))
        p.add_argument("--query", metavar="SQL", help=h("query"))
        p.add_argument("--shape", choices=("wide", "long"), default=None, help=h("shape"))
        p.add_argument("--basis", choices=("per-quarter", "cumulative"), default=None,
                       help=h("basis"))

    def selection(p) -> None:
        p.add_argument("--fail-on", choices=FAIL_ON, default=None, help=h("fail_on"))
        p.add_argument("--select", metavar="RULES", help=h("select"))
        p.add_argument("--ignore", metavar="RULES", help=h("ignore"))

    return reading, data_source, selection


def _audit_commands(sub, h, lang: str, groups) -> None:
    """``check`` and ``demo``."""
    from .render import FORMATS

    reading, data_source, selection = groups
    for name in ("check", "demo"):
        p = sub.add_parser(name, help=h(name), description=h(f"{name}_description"),
                           epilog=h("dashdash") if name == "check" else None)
        if name == "check":
            p.add_argument("files", nargs="*", metavar="FILE", help=h("files"))
            p.add_argument("--pk", metavar="PK", help=h("pk"))
            p.add_argument("--pk-basis", choices=("per-quarter", "cumulative"), default=None,
                           help=h("pk_basis"))
            p.add_argument("--period", type=_period(lang), default=None, metavar="PERIOD",
                           help=h("period"))
            p.add_argument("--data", metavar="SOURCE", help=h("data"))
            p.add_argument("--unit", metavar="NAME", help=h("unit"))
            data_source(p)
        p.add_argument("--format", "-f", choices=tuple(FORMATS), default=None,
                       help=h("format", default="text"))
        p.add_argument("--output", "-o", metavar="FILE", help=h("output"))
        reading(p)
        selection(p)
        p.add_argument("--jobs", "-j", type=_positive_int(lang), default=1, metavar="N",
                       help=h("jobs"))
        p.add_argument("--timeout", type=_seconds(lang), default=None, metavar="SECONDS",
                       help=h("timeout"))
        p.add_argument("--csv-delimiter", type=_delimiter(lang), default=None, metavar="CHAR",
                       help=h("csv_delimiter"))
        p.add_argument("--config", metavar="FILE", help=h("config"))
        if name == "check":
            p.add_argument("--annotate", metavar="COPY", help=h("annotate"))
            p.add_argument("--author", help=h("author"))
        p.set_defaults(func=cmd_check if name == "check" else cmd_demo)



def _data_commands(sub, h, lang: str, groups) -> None:
    """``validate-data`` and ``export-gx``."""
    from .render import FORMATS

    reading, data_source, selection = groups
    p = sub.add_parser("validate-data", help=h("validate_data"),
                       description=h("validate_data"))
    p.add_argument("sources", nargs="+", metavar="SOURCE", help=h("sources"))
    data_source(p)
    p.add_argument("--engine", choices=("pandera", "gx", "spark"), default="pandera",
                   help=h("engine"))
    p.add_argument("--spark-master", metavar="URL", help=h("spark_master"))
    p.add_argument("--data-docs", metavar="DIR", help=h("data_docs"))
    p.add_argument("--format", "-f", choices=tuple(FORMATS), default=None,
                   help=h("format", default="text"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("output"))
    reading(p)
    selection(p)
    p.add_argument("--config", metavar="FILE", help=h("config"))
    p.set_defaults(func=cmd_validate_data)

    p = sub.add_parser("export-gx", help=h("export_gx"), description=h("export_gx"))
    p.add_argument("--target", choices=("pandas", "postgresql"), default="pandas",
                   help=h("gx_target"))
    p.add_argument("--name", default="kinerja-audit", help=h("gx_name"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("gx_output"))
    p.add_argument("--lang", choices=LANGS, default=None, help=h("lang"))
    p.add_argument("--select", metavar="RULES", help=h("select"))
    p.add_argument("--ignore", metavar="RULES", help=h("ignore"))
    p.add_argument("--config", metavar="FILE", help=h("config"))
    p.add_argument("--fail-on", default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_export_gx)



def build_parser(lang: str = "id") -> argparse.ArgumentParser:
    def h(key: str, **values) -> str:
        return t(f"help.{key}", lang, **values)

    parser_class = type("LocalParser", (Parser,), {"lang": lang})
    parser = parser_class(prog="kinerja-audit", description=h("description"), epilog=h("epilog"))
    parser.add_argument("--version", action="version", version=f"kinerja-audit {__version__}",
                        help=h("version"))
    sub = parser.add_subparsers(dest="command", required=True, title=h("commands"),
                                metavar="{check,demo,extract,init-pk,validate-data,export-gx,serve,"
                                        "rules,explain}")

    groups = _argument_groups(h, lang)
    reading = groups[0]
    _audit_commands(sub, h, lang, groups)
    _data_commands(sub, h, lang, groups)

    p = sub.add_parser("serve", help=h("serve"), description=h("serve"))
    p.add_argument("--open", action="store_true", help=h("serve_open"))
    p.add_argument("--host", default="127.0.0.1", help=h("serve_host"))
    p.add_argument("--port", type=int, default=8765, help=h("serve_port"))
    p.add_argument("--allow-remote", action="store_true", help=h("serve_remote"))
    p.add_argument("--lang", choices=LANGS, default=None, help=h("lang"))
    p.add_argument("--config", metavar="FILE", help=h("config"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("extract", help=h("extract"), description=h("extract_description"))
    p.add_argument("file", metavar="FILE", help=h("file"))
    p.add_argument("--what", choices=("indicators", "claims"), default="indicators",
                   help=h("what"))
    p.add_argument("--format", "-f", choices=("csv", "json"), default=None,
                   help=h("format", default="csv"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("output"))
    reading(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("init-pk", help=h("init_pk"), description=h("init_pk_description"))
    p.add_argument("file", metavar="REPORT", help=h("file"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("draft_output"))
    p.add_argument("--force", action="store_true", help=h("force"))
    reading(p)
    p.set_defaults(func=cmd_init_pk)

    p = sub.add_parser("rules", help=h("rules"), description=h("rules"))
    p.add_argument("--lang", choices=LANGS, default=None, help=h("lang"))
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("explain", help=h("explain"), description=h("explain"))
    p.add_argument("rule", metavar="RULE", help=h("rule"))
    p.add_argument("--lang", choices=LANGS, default=None, help=h("lang"))
    p.set_defaults(func=cmd_explain)
    return parser


def main(argv: list[str] | None = None) -> int:
    import warnings

    # pandera imports pyspark.pandas whenever pyspark is installed (the [spark] extra), and pyspark
    # warns about pandas 3 on import: not the user's concern, and stderr is for the user's errors
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support",
                            category=FutureWarning)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = lang_of(argv)
    try:
        args = build_parser(lang).parse_args(argv)
        return args.func(args)
    except LocalisedError as err:       # usage, configuration, PK, output: one line, exit 2
        sys.stderr.write(f"kinerja-audit: {err.message(getattr(err, 'lang', None) or lang)}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        from .output import silence_stdout

        silence_stdout()
        return 0
    except Exception as exc:
        from .data.sources import DataError

        if isinstance(exc, DataError):        # a dataset that cannot be used (worded by data/)
            sys.stderr.write(f"kinerja-audit: {_visible(str(exc))}\n")
            return 2
        if os.environ.get("KINERJA_AUDIT_DEBUG"):
            raise
        from .audit import _what

        sys.stderr.write(f"kinerja-audit: {t('cli.internal', lang, what=_what(exc))}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
