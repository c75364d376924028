"""The HTML report in a real headless browser (Debian's chromium).

Run ``tests/setup/browser.sh`` first (the Makefile's test target does).  Without chromium the
test skips locally, but fails in CI (env ``CI`` set) so a missing browser is never silent.
"""
from __future__ import annotations

import html
import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
import render_fixture as fx
from needs import need

from kinerja_audit.render import render

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REMOTE = re.compile(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""", re.IGNORECASE)


@pytest.fixture(scope="module")
def chromium() -> Path:
    need(CHROMIUM.exists(), f"{CHROMIUM} not installed; run tests/setup/browser.sh as root")
    return CHROMIUM


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[dict, Path]:
    contract = fx.build()
    path = tmp_path_factory.mktemp("html") / "laporan.html"
    path.write_text(render(contract, "html"), encoding="utf-8")
    return contract, path


def run_chromium(chromium: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([str(chromium), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=True)


def test_every_finding_in_rendered_dom(chromium, page, tmp_path):
    contract, path = page
    dom = run_chromium(chromium, tmp_path, "--dump-dom", path.as_uri()).stdout
    messages = [f["message"] for r in contract["reports"] for f in r["findings"]]
    assert 'data-ready="1"' in dom, "the inline script did not run (CSP hash or JS error?)"
    assert dom.count('<article class="finding ') == len(messages)
    assert f'<span id="shown">{len(messages)}</span>' in dom  # filled in by the script
    for message in messages:
        assert html.escape(message, quote=False) in dom
    assert dom.count("<script") == 1, "report text became markup"
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in dom
    assert not REMOTE.search(dom), "the page references a remote resource"
    assert not REMOTE.search(path.read_text(encoding="utf-8"))


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, size = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def test_screenshot_is_a_real_page(chromium, page, tmp_path):
    _, path = page
    shot = tmp_path / "shot.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000",
                 path.as_uri())
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert len(set(pixels)) > 50, "the screenshot is (nearly) blank"


def test_filters_run_in_the_browser(chromium, page, tmp_path):
    """Filters pre-set from the URL fragment: only the 2 errors stay visible."""
    _, path = page
    dom = run_chromium(chromium, tmp_path, "--dump-dom", path.as_uri() + "#severity=error").stdout
    articles = re.findall(r"<article [^>]*>", dom)
    visible = [a for a in articles if " hidden" not in a]
    assert len(articles) == 9 and len(visible) == 2
    assert all('data-severity="error"' in a for a in visible)
    assert '<span id="shown">2</span>' in dom
    assert re.search(r'<div class="group" hidden(="")?><h3>LAMPIRAN</h3>', dom)
