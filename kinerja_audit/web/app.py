"""The local web page (Starlette): drop reports, get the findings, the working paper and the copies.

``GET /`` is the page; ``POST /api/check`` takes the reports (and optionally a PK file) and
answers with a stream of JSON lines: one per report as it is done (so the page shows progress),
then the whole batch: the HTML report (:mod:`kinerja_audit.render.html_`, shown in a sandboxed
frame with its own filters), the XLSX working paper and the JSON output.  Annotated copies travel
inside the answer; the browser turns them into downloads.  Nothing is stored: each request's files
live in a private temporary folder that is deleted when its answer is complete (or abandoned).

Safety: a strict Content-Security-Policy (own script and style only, plus the hashes of the
report's inline ones), no external resources, only this machine's host names, uploads only from
this page (a custom header no other site can send without being refused), limits on the number and
size of files from the configuration, no request logging.
"""
from __future__ import annotations

import base64
import json
import shutil
import tempfile
from pathlib import Path

from .. import i18n
from ..config import Config
from ..render import html_
from .uploads import Form, UploadRefused, receive

PAGE_HEADER = "X-Kinerja-Audit"          # set by the page's script; other sites cannot send it
CONCURRENT_AUDITS = 2                    # audits at once, whatever the number of requests
LOCAL_HOSTS = ("127.0.0.1", "localhost")
MIME = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf": "application/pdf"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CSP = ("default-src 'none'; "
       f"script-src 'self' {html_.SCRIPT_HASH}; style-src 'self' {html_.STYLE_HASH}; "
       "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """ASGI middleware: the headers above on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.encode() not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(cfg: Config | None = None, *, lang: str | None = None, local_only: bool = True):
    """The ASGI application. ``local_only`` refuses requests naming another host (DNS rebinding)."""
    import anyio
    import jinja2
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import HTMLResponse, JSONResponse, StreamingResponse
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    cfg = cfg or Config()
    default_lang = lang or cfg.lang
    limiter = anyio.CapacityLimiter(CONCURRENT_AUDITS)
    templates = jinja2.Environment(loader=jinja2.PackageLoader("kinerja_audit.web", "templates"),
                                   autoescape=True, undefined=jinja2.StrictUndefined)

    async def page(request):
        chosen = request.query_params.get("lang", default_lang)
        chosen = chosen if chosen in i18n.LANGS else default_lang
        labels = page_labels(chosen)
        body = templates.get_template("index.html").render(
            lang=chosen, t=labels, labels_json=labels, max_files=cfg.max_files,
            max_mb=max(1, cfg.max_bytes // (1024 * 1024)), langs=i18n.LANGS)
        return HTMLResponse(body)

    async def check(request):
        chosen = default_lang
        refusal = _refuse_foreign(request)
        if refusal:
            return JSONResponse({"error": i18n.label(refusal, chosen)}, status_code=403)
        folder = Path(tempfile.mkdtemp(prefix="kinerja-audit-"))
        try:
            form = await receive(request, folder, max_files=cfg.max_files, max_bytes=cfg.max_bytes)
        except UploadRefused as err:
            shutil.rmtree(folder, ignore_errors=True)
            return JSONResponse({"error": i18n.label(err.key, chosen, **err.values)},
                                status_code=err.status)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        chosen = form.fields.get("lang", chosen)
        chosen = chosen if chosen in i18n.LANGS else default_lang
        if not form.reports:
            shutil.rmtree(folder, ignore_errors=True)
            return JSONResponse({"error": i18n.label("web.no_files", chosen)}, status_code=400)
        stream = _events(form, folder, chosen, cfg, limiter)
        return StreamingResponse(stream, media_type="application/x-ndjson")

    routes = [Route("/", page), Route("/api/check", check, methods=["POST"]),
              Mount("/static", StaticFiles(packages=[("kinerja_audit.web", "static")]),
                    name="static")]
    middleware = [Middleware(SecurityHeaders)]
    if local_only:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_HOSTS)))
    return Starlette(routes=routes, middleware=middleware)


def page_labels(lang: str) -> dict[str, str]:
    """Every ``web.*`` label in ``lang`` and the severities (the page and its script use these)."""
    labels = {key[4:]: value[lang] for key, value in i18n.load().items() if key.startswith("web.")}
    labels.update({f"sev_{s}": i18n.severity(s, lang) for s in ("error", "warning", "info")})
    return labels


def _refuse_foreign(request) -> str | None:
    """A label key when the upload did not come from this page, else None."""
    if request.headers.get(PAGE_HEADER) != "1":
        return "web.foreign"
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
        return "web.foreign"
    return None


def _line(event: dict) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")


async def _events(form: Form, folder: Path, lang: str, cfg: Config, limiter):
    """The answer, line by line; the request's folder is removed when it ends, however it ends."""
    import anyio

    try:
        total = len(form.reports)
        yield _line({"type": "start", "total": total})
        ctx, rule_ids, pk_problem = await anyio.to_thread.run_sync(
            _context, form, lang, cfg, limiter=limiter)
        if pk_problem:
            yield _line({"type": "pk", "error": pk_problem, "name": form.pk.name})
        results = []
        for index, upload in enumerate(form.reports):
            event, result = await anyio.to_thread.run_sync(
                _review, upload, index, folder, ctx, rule_ids, cfg, limiter=limiter)
            results.append(result)
            yield _line({**event, "type": "file", "done": index + 1, "total": total})
        yield _line(await anyio.to_thread.run_sync(_batch, results, lang, limiter=limiter))
    except Exception as exc:  # noqa: BLE001  a bug must end the answer with a message, not cut it
        yield _line({"type": "error", "error": i18n.label("web.internal", lang,
                                                          reason=type(exc).__name__)})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _context(form: Form, lang: str, cfg: Config):
    from .. import pk
    from ..rules.registry import Context, select

    ctx = Context(lang=lang, options=cfg.options, severity=cfg.severity, polarity=cfg.polarity)
    problem = None
    if form.pk is not None:
        suffix = _pk_suffix(form.pk.name)
        path = form.pk.path.rename(form.pk.path.with_name("pk" + suffix))
        try:
            ctx.pk = pk.load(path, basis=form.fields.get("pk_basis") or cfg.pk_basis, lang=lang)
        except pk.PKError as err:
            problem = str(err).replace(str(path), form.pk.name)
    return ctx, select(cfg.select, cfg.ignore), problem


def _pk_suffix(name: str) -> str:
    """The PK reader chooses by suffix; only these are passed on (never the name itself)."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in (".yaml", ".yml", ".csv", ".tsv", ".xlsx") else ".yaml"


def _review(upload, index: int, folder: Path, ctx, rule_ids, cfg: Config):
    from ..annotate import review
    from ..findings import count

    reviewed = review(str(upload.path), folder / f"copy-{index}.out", True, ctx, rule_ids,
                      max_bytes=cfg.max_bytes, max_pages=cfg.max_pages,
                      author=cfg.annotate_author)
    result = reviewed.result
    result.source = upload.name
    event = {"name": upload.name, "errors": result.errors, "findings": len(result.findings),
             "by_severity": count(result.findings)["by_severity"], "copy": None, "note": None}
    if reviewed.target is not None:
        suffix = reviewed.target.suffix
        event["copy"] = {"name": f"{Path(upload.name).stem}-reviu{suffix}", "mime": MIME[suffix],
                         "data": base64.b64encode(reviewed.target.read_bytes()).decode("ascii")}
        event["note"] = reviewed.placement.summary(ctx.lang)
        reviewed.target.unlink()
    elif reviewed.problem and not result.errors:
        event["note"] = reviewed.problem
    upload.path.unlink(missing_ok=True)
    return event, result


def _batch(results, lang: str) -> dict:
    from .. import contract
    from ..render import render

    data = contract.build(results)
    return {"type": "done", "summary": data["summary"],
            "html": render(data, "html", lang=lang),
            "json": render(data, "json", lang=lang),
            "xlsx": base64.b64encode(render(data, "xlsx", lang=lang)).decode("ascii"),
            "xlsx_mime": XLSX}
