"""Command line: ``kinerja-audit check|demo|extract|rules|explain|init-pk|validate-data|export-gx|serve``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad usage or an input
that could not be read (the other inputs are still audited and reported).
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

from . import __version__
from .findings import FAIL_ON

INPUT_SUFFIXES = (".txt", ".pdf", ".docx", ".text")


class UsageError(Exception):
    """Bad command-line usage or configuration: one line, exit 2."""


def _expand(inputs: list[str]) -> list[str]:
    """Files, directories (recursively, known suffixes) and globs, in a stable order."""
    out: list[str] = []
    for item in inputs:
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            out.extend(matches or [item])
        elif os.path.isdir(item):
            found = sorted(str(p) for p in Path(item).rglob("*")
                           if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            out.extend(found or [item])
        else:
            out.append(item)
    return out


def _positive_int(value: str) -> int:
    """argparse type: a whole number above zero (``--max-pages``)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat positif, bukan '{value}'")
    return number


def _csv_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _context(args):
    from .config import load_config
    from .rules.registry import Context, select

    cfg = load_config(args.config, start=Path.cwd())
    lang = args.lang or cfg.lang
    fail_on = args.fail_on or cfg.fail_on
    selected = _csv_list(args.select) or cfg.select
    ignored = _csv_list(args.ignore) + cfg.ignore
    ctx = Context(lang=lang, options=cfg.options, severity=cfg.severity, polarity=cfg.polarity)
    pk_path = getattr(args, "pk", None) or cfg.pk
    if pk_path:
        from . import pk

        ctx.pk = pk.load(pk_path, basis=getattr(args, "pk_basis", None) or cfg.pk_basis, lang=lang)
    data_source = getattr(args, "data", None)
    if data_source:
        from .data import compare

        ctx.data = compare.load_unit(data_source, _data_options(args, cfg), getattr(args, "unit", None),
                                     basis=getattr(args, "pk_basis", None) or cfg.pk_basis, lang=lang)
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


def _audit_one(job):
    from .audit import audit_path

    path, ctx, rule_ids, max_bytes, max_pages, copy = job
    if copy is None:
        return audit_path(path, ctx, rule_ids, max_bytes=max_bytes, max_pages=max_pages)
    from .annotate import review

    target, batch, author = copy
    return review(path, target, batch, ctx, rule_ids, max_bytes=max_bytes, max_pages=max_pages,
                  author=author)


def _progress(done: int, total: int, name: str) -> None:
    if total > 1 and sys.stderr.isatty():
        sys.stderr.write(f"\r[{done}/{total}] {name[-60:]:<60}")
        if done == total:
            sys.stderr.write("\r" + " " * 80 + "\r")
        sys.stderr.flush()


def _run_batch(paths, ctx, rule_ids, max_bytes, max_pages, jobs, copies=None):
    """One result per path (an :class:`~kinerja_audit.annotate.Reviewed` when ``copies`` says
    where each annotated copy goes)."""
    copies = copies or [None] * len(paths)
    jobs_list = [(p, ctx, rule_ids, max_bytes, max_pages, c) for p, c in zip(paths, copies)]
    results = []
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for i, res in enumerate(pool.map(_audit_one, jobs_list, chunksize=4), start=1):
                results.append(res)
                _progress(i, len(paths), jobs_list[i - 1][0])
    else:
        for i, job in enumerate(jobs_list, start=1):
            results.append(_audit_one(job))
            _progress(i, len(paths), job[0])
    return results


def _annotated(reviewed, lang: str) -> tuple[list, bool]:
    """The results of an annotating run; says on stderr what each copy holds; True if one failed."""
    failed = False
    for item in reviewed:
        if item.target is not None:
            sys.stderr.write(f"kinerja-audit: {item.target}: {item.placement.summary(lang)}\n")
        elif item.problem:
            sys.stderr.write(f"kinerja-audit: {item.result.source}: {item.problem}\n")
        failed = failed or item.failed
    return [item.result for item in reviewed], failed


def _emit(data, output: str | None) -> None:
    if output:
        mode = "wb" if isinstance(data, bytes) else "w"
        kwargs = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
        with open(output, mode, **kwargs) as fh:
            fh.write(data)
        return
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data if data.endswith("\n") else data + "\n")


def _exit_code(results, fail_on: str) -> int:
    from .findings import at_or_above

    if any(r.errors for r in results):
        return 2
    if any(at_or_above(f.severity, fail_on) for r in results for f in r.findings):
        return 1
    return 0


def cmd_check(args) -> int:
    from . import contract
    from .render import BINARY_FORMATS, render

    ctx, rule_ids, fail_on, cfg = _context(args)
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: '{fail_on}' tidak dikenal; pilih {', '.join(FAIL_ON)}")
    paths = _expand(args.files)
    if not paths and ctx.pk is None:
        raise UsageError("tidak ada berkas untuk diperiksa")
    fmt = args.format
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        raise UsageError(f"format {fmt} adalah berkas biner; gunakan --output NAMA.{fmt}")
    copies, copy_failed = _copies(args, paths, cfg), False
    if paths:
        results = _run_batch(paths, ctx, rule_ids, args.max_bytes or cfg.max_bytes,
                             args.max_pages or cfg.max_pages, max(1, args.jobs), copies)
        if copies:
            results, copy_failed = _annotated(results, ctx.lang)
    else:   # only a PK: check its own quarter targets
        from .audit import audit_pk

        results = [audit_pk(ctx, rule_ids)]
    for r in results:
        for err in r.errors:
            sys.stderr.write(f"kinerja-audit: {r.source}: {err}\n")
    color = fmt == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    _emit(render(contract.build(results), fmt, lang=ctx.lang, color=color), args.output)
    return 2 if copy_failed else _exit_code(results, fail_on)


def _copies(args, paths: list[str], cfg) -> list | None:
    """(target, in a folder, author) per input for ``--annotate``, or None without it."""
    if not getattr(args, "annotate", None):
        return None
    from .annotate import SUFFIXES, targets
    from .i18n import label

    lang = args.lang or cfg.lang
    if not paths:
        raise UsageError(label("annotate.needs_input", lang))
    folder = Path(args.annotate)
    if len(paths) > 1 and folder.suffix.lower() in SUFFIXES.values() and not folder.is_dir():
        raise UsageError(label("annotate.needs_folder", lang))
    if folder.exists() and not folder.is_dir() and any(_same(folder, p) for p in paths):
        raise UsageError(label("annotate.same_file", lang, target=args.annotate))
    places, batch = targets(paths, args.annotate)
    if batch:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError(f"--annotate: {folder}: {err.strerror or err}") from None
    author = args.author or cfg.annotate_author
    return [(place, batch, author) for place in places]


def _same(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def cmd_validate_data(args) -> int:
    from . import contract
    from .data.sources import is_database
    from .data.validate import rule_ids, validate
    from .render import BINARY_FORMATS, render

    args.pk = None
    ctx, _, fail_on, cfg = _context(args)
    options = _data_options(args, cfg)
    fmt = args.format
    if fmt in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        raise UsageError(f"format {fmt} adalah berkas biner; gunakan --output NAMA.{fmt}")
    if options.data_docs and options.engine != "gx":
        raise UsageError("--data-docs hanya untuk --engine gx")
    if any(is_database(s) for s in args.sources) and not (options.table or options.query):
        raise UsageError("sumber PostgreSQL memerlukan --table NAMA atau --query SQL")
    ids = rule_ids(_csv_list(args.select) or cfg.select, _csv_list(args.ignore) + cfg.ignore)
    sources = [s for item in args.sources for s in ([item] if is_database(item) else _expand_data([item]))]
    results = [validate(s, ctx, options, ids) for s in sources]
    for r in results:
        for err in r.errors:
            sys.stderr.write(f"kinerja-audit: {r.source}: {err}\n")
    color = fmt == "text" and not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    _emit(render(contract.build(results), fmt, lang=ctx.lang, color=color), args.output)
    return _exit_code(results, fail_on)


DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".parquet")


def _expand_data(inputs: list[str]) -> list[str]:
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
        raise UsageError(f"export-gx: {err}") from None
    from .data.validate import rule_ids

    args.pk = None
    ctx, _, _, cfg = _context(args)
    ids = rule_ids(_csv_list(args.select) or cfg.select, _csv_list(args.ignore) + cfg.ignore)
    text = gx.export_suite(ctx, ids, target=args.target, name=args.name)
    _emit(text, args.output)
    return 0


def cmd_init_pk(args) -> int:
    from . import model, polarity
    from .pk import text
    from .pk_draft import draft

    lang = args.lang or "id"
    if args.output and os.path.exists(args.output) and not args.force:
        raise UsageError(f"{args.output}: {text('draft_exists', lang)}")
    doc = _read_one(args, lang)
    if doc is None:
        return 2
    report = model.build(doc)
    polarity.assign(report)
    _emit(draft(report, lang), args.output)
    return 0


def _read_one(args, lang: str):
    """The document named by ``args.file``, or None after a one-line error on stderr."""
    from .ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, InputError, read_document

    try:
        return read_document(args.file, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                             max_pages=args.max_pages or DEFAULT_MAX_PAGES)
    except InputError as err:
        sys.stderr.write(f"kinerja-audit: {args.file}: {err.reason(lang)}\n")
        return None


def sample_paths() -> list[str]:
    from importlib import resources

    root = resources.files("kinerja_audit.samples")
    return sorted(str(p) for p in root.iterdir() if p.name.endswith(".txt"))


def cmd_demo(args) -> int:
    args.files = sample_paths()
    code = cmd_check(args)
    return 0 if code == 1 else code   # the sample has planted defects: finding them is success


def cmd_extract(args) -> int:
    import json

    from . import frames, model, polarity

    doc = _read_one(args, args.lang or "id")
    if doc is None:
        return 2
    report = model.build(doc)
    polarity.assign(report)
    if args.what == "claims":
        from .parse.claims import claim_rows
        rows = claim_rows(report)
    else:
        rows = frames.indicator_rows(report)
    if args.format == "json":
        _emit(json.dumps(rows, ensure_ascii=False, indent=2, default=str), args.output)
    else:
        import csv
        import io

        buf = io.StringIO()
        cols = list(rows[0].keys()) if rows else []
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        _emit("\ufeff" + buf.getvalue() if args.output else buf.getvalue(), args.output)
    return 0


def cmd_rules(args) -> int:
    from . import rulepack
    from .rules.registry import load_all

    lang = args.lang or "id"
    from .data.explain import data_checks

    registered = {**load_all(), **dict.fromkeys(data_checks())}
    for rid, spec in sorted(rulepack.rules().items()):
        mark = "" if rid in registered else " (?)"
        print(f"{rid}  {spec.category:<18} {spec.severity:<8} {spec.name}{mark}")
        print(f"        {spec.summary[lang]}")
    return 0


def cmd_explain(args) -> int:
    from . import i18n, rulepack

    lang = args.lang or "id"
    specs = rulepack.rules()
    key = args.rule
    spec = specs.get(key.upper()) or next((s for s in specs.values() if s.name == key), None)
    if spec is None:
        raise UsageError(f"aturan '{key}' tidak dikenal; lihat 'kinerja-audit rules'")
    labels = {"id": ("Kategori", "Tingkat", "Mengapa", "Contoh salah", "Contoh benar", "Opsi"),
              "en": ("Category", "Severity", "Why", "Bad example", "Good example", "Options")}[lang]
    lines = [f"{spec.id} — {spec.name}", "", spec.summary[lang], "",
             f"{labels[0]}: {spec.category}", f"{labels[1]}: {spec.severity}"]
    if spec.why:
        lines += ["", f"{labels[2]}:", "  " + spec.why[lang]]
    for label, example in ((labels[3], spec.bad), (labels[4], spec.good)):
        if example is not None:
            lines += ["", f"{label}:"] + [f"  {i18n.label('explain.removed', lang)} {text}" if kind == "removed"
                                          else f"  {text}" for kind, text in example.shown()]
    if spec.options:
        lines += ["", f"{labels[5]}:"] + [f"  {name}: {opt.default} ({opt.type}) — {opt.doc[lang]}"
                                          for name, opt in spec.options.items()]
    print("\n".join(lines))
    return 0


def _data_source_args(p) -> None:
    p.add_argument("--sheet", metavar="NAMA", help="lembar XLSX (bawaan: lembar pertama)")
    p.add_argument("--table", metavar="NAMA", help="tabel PostgreSQL (skema.tabel)")
    p.add_argument("--query", metavar="SQL", help="kueri PostgreSQL (SELECT …)")
    p.add_argument("--shape", choices=("wide", "long"), default=None,
                   help="bentuk data: wide (satu baris per indikator) atau long (satu baris per periode)")
    p.add_argument("--basis", choices=("per-quarter", "cumulative"), default=None,
                   help="angka triwulan per triwulan atau kumulatif, bila kolom target_basis kosong")


def cmd_serve(args) -> int:
    from .config import load_config
    from .web.server import ServeError, serve

    cfg = load_config(args.config, start=Path.cwd())
    try:
        return serve(cfg, host=args.host, port=args.port, open_browser=args.open,
                     allow_remote=args.allow_remote, lang=args.lang)
    except ServeError as err:
        raise UsageError(str(err)) from None


def build_parser() -> argparse.ArgumentParser:
    from .render import FORMATS

    parser = argparse.ArgumentParser(
        prog="kinerja-audit",
        description="Memeriksa konsistensi Laporan Kinerja (LKj/LAKIN) instansi pemerintah.",
    )
    parser.add_argument("--version", action="version", version=f"kinerja-audit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p, formats=tuple(FORMATS)):
        p.add_argument("--format", "-f", choices=formats, default="text", help="format keluaran (default: text)")
        p.add_argument("--output", "-o", help="tulis keluaran ke berkas ini")
        p.add_argument("--lang", choices=("id", "en"), default=None, help="bahasa pesan (default: id)")
        p.add_argument("--max-bytes", type=int, default=None, help="batas ukuran berkas masukan (byte)")
        p.add_argument("--max-pages", type=_positive_int, default=None,
                       help="batas jumlah halaman PDF (default: 500)")

    for name in ("check", "demo"):
        p = sub.add_parser(name, help="periksa laporan" if name == "check" else "periksa laporan contoh bawaan")
        if name == "check":
            p.add_argument("files", nargs="*", metavar="FILE",
                           help="berkas .txt/.pdf/.docx, folder atau pola glob (boleh kosong bila --pk diberikan)")
            p.add_argument("--pk", metavar="PK", help="Perjanjian Kinerja/Rencana Aksi (.yaml, .csv, .xlsx)")
            p.add_argument("--pk-basis", choices=("per-quarter", "cumulative"), default=None,
                           help="target triwulan dalam PK: per triwulan atau kumulatif (bila PK tidak menyatakannya)")
            p.add_argument("--data", metavar="SOURCE",
                           help="data indikator (CSV, XLSX, Parquet atau postgresql://…) untuk dibandingkan dengan laporan")
            p.add_argument("--unit", metavar="NAMA", help="unit kerja dalam --data yang dilaporkan")
            _data_source_args(p)
        common(p)
        p.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="tingkat temuan yang membuat kode keluar 1 (default: error)")
        p.add_argument("--select", help="hanya aturan ini (id, nama atau kategori; pisahkan dengan koma)")
        p.add_argument("--ignore", help="lewati aturan ini (id, nama atau kategori)")
        p.add_argument("--jobs", "-j", type=int, default=1, help="jumlah proses paralel")
        p.add_argument("--config", help="berkas konfigurasi (default: kinerja-audit.yaml terdekat)")
        if name == "check":
            p.add_argument("--annotate", metavar="COPY",
                           help="tulis salinan DOCX/PDF dengan satu komentar per temuan (berkas, "
                                "atau folder untuk beberapa berkas); masukan tidak diubah")
            p.add_argument("--author", help="nama penulis komentar pada salinan "
                                            "(default: kinerja-audit)")
        p.set_defaults(func=cmd_check if name == "check" else cmd_demo)

    p = sub.add_parser("validate-data", help="periksa data indikator (CSV, XLSX, Parquet, PostgreSQL)")
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="berkas .csv/.xlsx/.parquet, folder, pola glob, atau postgresql://…")
    _data_source_args(p)
    p.add_argument("--engine", choices=("pandera", "gx", "spark"), default="pandera",
                   help="mesin pemeriksa: pandera (bawaan), gx (Great Expectations), spark")
    p.add_argument("--spark-master", metavar="URL", help="master Spark (bawaan: local[*])")
    p.add_argument("--data-docs", metavar="DIR", help="tulis Data Docs Great Expectations ke folder ini (--engine gx)")
    common(p)
    p.add_argument("--fail-on", choices=FAIL_ON, default=None,
                   help="tingkat temuan yang membuat kode keluar 1 (default: error)")
    p.add_argument("--select", help="hanya aturan ini (id, nama atau kategori; pisahkan dengan koma)")
    p.add_argument("--ignore", help="lewati aturan ini (id, nama atau kategori)")
    p.add_argument("--config", help="berkas konfigurasi (default: kinerja-audit.yaml terdekat)")
    p.set_defaults(func=cmd_validate_data)

    p = sub.add_parser("export-gx", help="tulis aturan data sebagai Expectation Suite Great Expectations (JSON)")
    p.add_argument("--target", choices=("pandas", "postgresql"), default="pandas",
                   help="jenis sumber data suite: pandas (DataFrame bentuk lebar) atau postgresql (tabel)")
    p.add_argument("--name", default="kinerja-audit", help="nama suite")
    p.add_argument("--output", "-o", help="tulis suite ke berkas ini")
    p.add_argument("--lang", choices=("id", "en"), default=None, help="bahasa keterangan aturan")
    p.add_argument("--select", help="hanya aturan ini (id, nama atau kategori)")
    p.add_argument("--ignore", help="lewati aturan ini (id, nama atau kategori)")
    p.add_argument("--config", help="berkas konfigurasi (default: kinerja-audit.yaml terdekat)")
    p.add_argument("--fail-on", default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_export_gx)

    p = sub.add_parser("extract", help="tampilkan data yang diekstrak (indikator atau klaim)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--what", choices=("indicators", "claims"), default="indicators")
    common(p, formats=("csv", "json"))
    p.set_defaults(func=cmd_extract, format="csv")

    p = sub.add_parser("init-pk", help="buat draf PK (YAML) dari isi laporan")
    p.add_argument("file", metavar="REPORT")
    p.add_argument("--output", "-o", help="tulis draf ke berkas ini (default: layar)")
    p.add_argument("--force", action="store_true", help="timpa berkas keluaran yang sudah ada")
    p.add_argument("--lang", choices=("id", "en"), default=None, help="bahasa komentar draf")
    p.add_argument("--max-bytes", type=int, default=None, help="batas ukuran berkas masukan (byte)")
    p.add_argument("--max-pages", type=_positive_int, default=None,
                   help="batas jumlah halaman PDF (default: 500)")
    p.set_defaults(func=cmd_init_pk)

    p = sub.add_parser("serve", help="halaman web lokal untuk memeriksa laporan tanpa terminal")
    p.add_argument("--open", action="store_true", help="buka halaman di peramban")
    p.add_argument("--host", default="127.0.0.1",
                   help="alamat yang didengarkan (default: 127.0.0.1, hanya komputer ini)")
    p.add_argument("--port", type=int, default=8765, help="port (default: 8765; 0 = port bebas)")
    p.add_argument("--allow-remote", action="store_true",
                   help="izinkan --host selain komputer ini (siapa pun di jaringan dapat mengunggah)")
    p.add_argument("--lang", choices=("id", "en"), default=None, help="bahasa halaman (default: id)")
    p.add_argument("--config", help="berkas konfigurasi (default: kinerja-audit.yaml terdekat)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("rules", help="daftar semua aturan")
    p.add_argument("--lang", choices=("id", "en"), default=None)
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("explain", help="dokumentasi satu aturan")
    p.add_argument("rule", metavar="RULE")
    p.add_argument("--lang", choices=("id", "en"), default=None)
    p.set_defaults(func=cmd_explain)
    return parser


def main(argv: list[str] | None = None) -> int:
    import warnings

    # pandera imports pyspark.pandas whenever pyspark is installed (the [spark] extra), and pyspark
    # warns about pandas 3 on import: not the user's concern, and stderr is for the user's errors
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support", category=FutureWarning)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    from .config import ConfigError
    from .data.sources import DataError
    from .pk import PKError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (UsageError, ConfigError, PKError, DataError) as err:
        sys.stderr.write(f"kinerja-audit: {err}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
