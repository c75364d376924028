"""``kinerja-audit serve``: the web page on this computer, served by uvicorn.

Binds 127.0.0.1 unless told otherwise; another address needs ``--allow-remote`` and prints a
warning (anyone who can reach that address can then upload reports).  The socket is bound here,
before uvicorn starts, so ``--port 0`` (any free port) prints the real address and a busy port is
one clear line, not a traceback.  No access log: nothing about the reports is written anywhere.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
import webbrowser


class ServeError(Exception):
    """The server cannot start: one line."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int, lang: str = "id") -> socket.socket:
    from .. import i18n

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    if os.name != "nt":          # on Windows the same option would let two servers share a port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServeError(i18n.label("web.cannot_bind", lang, host=host, port=port,
                                    reason=exc.strerror or str(exc))) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(cfg, *, host: str, port: int, open_browser: bool, allow_remote: bool,
          lang: str | None = None) -> int:
    from .. import i18n

    ui = lang or cfg.lang
    try:
        import uvicorn

        from .app import create_app
        app = create_app(cfg, lang=lang, local_only=is_loopback(host))
    except ImportError:
        raise ServeError(i18n.label("web.not_installed", ui)) from None
    if not is_loopback(host):
        if not allow_remote:
            raise ServeError(i18n.label("web.remote_refused", ui, host=host))
        sys.stderr.write(f"kinerja-audit: {i18n.label('web.remote_warning', ui, host=host)}\n")
    sock = bind(host, port, ui)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    print(i18n.label("web.running", ui, url=url), flush=True)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False,
                            lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return 0
