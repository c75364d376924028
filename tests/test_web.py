"""The local web page (``kinerja-audit serve``): its safety rules, a real browser, a load test.

The application's rules are checked in-process (Starlette's test client).  The browser test starts
the real command on a free loopback port and drives Debian's Chromium (``tests/setup/browser.sh``)
with Playwright, never a downloaded browser: it uploads the bundled sample, a PDF and a damaged
file, reads the findings, uses a filter, downloads the working paper and an annotated copy, and
keeps screenshots in ``tests/artefacts/web/``.  The load test sends 20 uploads at once over
loopback and checks every answer and that no temporary file is left.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import annotated as an
import pytest
from needs import need

from kinerja_audit.audit import audit_path
from kinerja_audit.config import Config

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REMOTE = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)
HEADERS = {"X-Kinerja-Audit": "1"}
SHOTS = an.ARTEFACTS / "web"


def events(body: bytes) -> list[dict]:
    return [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture()
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Where the app makes its per-request folders during the test."""
    folder = tmp_path / "server-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def client(**config):
    from starlette.testclient import TestClient

    from kinerja_audit.web.app import create_app

    return TestClient(create_app(Config(**config)), base_url="http://127.0.0.1:8765")


def upload(name: str, data: bytes, field: str = "reports"):
    return (field, (name, io.BytesIO(data), "application/octet-stream"))


SAMPLE = an.SAMPLE.read_bytes()


def test_page_is_strict_and_self_contained():
    response = client().get("/")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert not REMOTE.search(response.text)
    assert "<script>" not in response.text            # no inline script: CSP allows none
    english = client().get("/?lang=en").text
    assert "Drop reports here" in english and 'lang="en"' in english


def test_results_stream_one_line_per_file_and_the_batch(private_tmp):
    files = [upload("lkj.txt", SAMPLE), upload("rusak.pdf", b"%PDF-1.4\nnot really a pdf"),
             upload("../../etc/<img src=x onerror=alert(1)>.txt", SAMPLE)]
    response = client().post("/api/check", files=files, data={"lang": "en"}, headers=HEADERS)
    assert response.status_code == 200
    got = events(response.content)
    assert [e["type"] for e in got] == ["start", "file", "file", "file", "done"]
    first, broken, renamed = got[1:4]
    assert (first["findings"], first["errors"]) == (12, [])
    assert broken["errors"] == ["corrupt or truncated PDF; cannot be read"]
    assert renamed["name"] == "<img src=x onerror=alert(1)>.txt" and renamed["findings"] == 12
    done = got[-1]
    assert done["summary"]["reports"] == 3 and done["summary"]["reports_unreadable"] == 1
    assert done["summary"]["findings"] == 24
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in done["html"] and "<img" not in done["html"]
    assert json.loads(done["json"])["summary"]["findings"] == 24
    assert list(private_tmp.iterdir()) == [], "the request's files were not deleted"


def test_a_bug_ends_the_answer_with_a_message(private_tmp, monkeypatch):
    from kinerja_audit.web import app as web_app

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(web_app, "_batch", broken)
    response = client().post("/api/check", files=[upload("lkj.txt", SAMPLE)], headers=HEADERS)
    got = events(response.content)
    assert got[-1] == {"type": "error", "error": "kesalahan internal (RuntimeError)"}
    assert list(private_tmp.iterdir()) == []


def test_uploads_only_from_the_page(private_tmp):
    app = client()
    files = [upload("lkj.txt", SAMPLE)]
    assert app.post("/api/check", files=files).status_code == 403           # no page header
    foreign = {**HEADERS, "Origin": "http://evil.example"}
    assert app.post("/api/check", files=files, headers=foreign).status_code == 403
    renamed = app.post("/api/check", files=files, headers={**HEADERS, "Host": "evil.example"})
    assert renamed.status_code == 400                                        # DNS rebinding
    assert app.post("/api/check", content=b"x=1", headers={
        **HEADERS, "Content-Type": "application/x-www-form-urlencoded"}).status_code == 400
    assert list(private_tmp.iterdir()) == []


def test_limits_come_from_the_configuration(private_tmp):
    app = client(max_files=2, max_bytes=len(SAMPLE) + 10)
    three = [upload(f"{i}.txt", SAMPLE) for i in range(3)]
    refused = app.post("/api/check", files=three, headers=HEADERS)
    assert refused.status_code == 413
    assert refused.json()["error"] == "Terlalu banyak berkas: paling banyak 2 sekaligus."
    big = app.post("/api/check", headers=HEADERS,
                   files=[upload("besar.txt", SAMPLE * 4 + b" " * 200_000)])
    assert big.status_code == 413 and "terlalu besar" in big.json()["error"]
    one_too_big = app.post("/api/check", headers=HEADERS,
                           files=[upload("a.txt", SAMPLE), upload("b.txt", SAMPLE + b"x" * 20)])
    got = events(one_too_big.content)
    assert got[1]["errors"] == [] and "terlalu besar" in got[2]["errors"][0]
    assert app.post("/api/check", headers=HEADERS, data={"lang": "id"}).status_code == 400
    assert list(private_tmp.iterdir()) == []


def test_pk_file_is_used_or_reported(private_tmp, tmp_path):
    bad = client().post("/api/check", headers=HEADERS,
                        files=[upload("lkj.txt", SAMPLE), upload("pk.yaml", b"- [", "pk")])
    got = events(bad.content)
    assert got[1]["type"] == "pk" and "pk.yaml" in got[1]["error"]
    assert got[2]["findings"] == 12                   # the report is still checked
    assert list(private_tmp.iterdir()) == []


# --------------------------------------------------------------------------- the real server
@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``kinerja-audit serve --port 0`` with its own temporary folder; yields (url, that folder)."""
    root = tmp_path_factory.mktemp("serve")
    temp = root / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "kinerja_audit", "serve", "--port", "0"],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        proc.kill()
        pytest.fail(f"serve did not start: {line!r} {proc.stderr.read()!r}")
    yield match.group(0), temp
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    from tests.corpus.render_binary import render_pdf

    return render_pdf(an.SAMPLE.read_text(encoding="utf-8"),
                      tmp_path_factory.mktemp("pdf") / "lkj-contoh.pdf")


def test_serve_refuses_other_addresses_without_the_flag():
    proc = subprocess.run([sys.executable, "-m", "kinerja_audit", "serve", "--host", "0.0.0.0",
                           "--port", "0"], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and "--allow-remote" in proc.stderr


def test_serve_says_when_the_port_is_taken(server):
    port = server[0].rsplit(":", 1)[1].strip("/")
    proc = subprocess.run([sys.executable, "-m", "kinerja_audit", "serve", "--port", port],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"tidak dapat membuka 127.0.0.1:{port}" in proc.stderr and "--port 0" in proc.stderr


def test_in_a_real_browser(server, sample_pdf, tmp_path):
    need(CHROMIUM.exists(), f"{CHROMIUM} not installed; run tests/setup/browser.sh as root")
    from openpyxl import load_workbook
    from playwright.sync_api import sync_playwright

    url, temp = server
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a word document")
    expected = {an.SAMPLE.name: len(audit_path(an.SAMPLE).findings),
                sample_pdf.name: len(audit_path(sample_pdf).findings)}
    total = sum(expected.values())
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            outside = []
            page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:", "about:"))
                    else outside.append(r.url))
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']")
            page.set_input_files("#reports", [str(an.SAMPLE), str(sample_pdf), str(broken)])
            page.screenshot(path=str(SHOTS / "1-chosen.png"))
            page.click("#submit")
            page.wait_for_selector("body[data-state='done'], body[data-state='failed']",
                                   timeout=120_000)
            assert page.get_attribute("body", "data-state") == "done", \
                page.locator("#message").inner_text()
            rows = page.locator("#files tbody tr")
            assert rows.count() == 3
            names = rows.locator("td:first-child").all_inner_texts()
            assert names == [an.SAMPLE.name, sample_pdf.name, "rusak.docx"]
            for i, name in enumerate(names[:2]):
                assert rows.nth(i).get_attribute("data-findings") == str(expected[name])
            assert "tidak dapat dibaca" in rows.nth(2).inner_text()
            assert page.locator("#progress-text").inner_text() == "3 dari 3 berkas diproses"

            report = page.frame_locator("#report")
            report.locator("body[data-ready='1']").wait_for()
            assert report.locator("article.finding").count() == total
            assert report.locator("#shown").inner_text() == str(total)
            page.wait_for_timeout(500)                # let the frame paint before the picture
            page.screenshot(path=str(SHOTS / "2-results.png"), full_page=True)
            report.locator("input[data-filter='severity'][value='error']").uncheck()
            not_errors = report.locator("article.finding:not(.error)").count()
            assert 0 < not_errors < total
            assert report.locator("#shown").inner_text() == str(not_errors)
            assert report.locator("article.finding.error:not([hidden])").count() == 0
            page.screenshot(path=str(SHOTS / "3-filtered.png"), full_page=True)

            with page.expect_download() as info:
                page.locator("#downloads a", has_text="XLSX").click()
            xlsx = tmp_path / "kertas-kerja.xlsx"
            info.value.save_as(xlsx)
            assert info.value.suggested_filename == "kertas-kerja-reviu.xlsx"
            sheet = load_workbook(xlsx).worksheets[0]
            header, *body = [row for row in sheet.iter_rows(values_only=True) if any(row)]
            assert header[:2] == ("No", "Laporan")
            numbered = [row for row in body if isinstance(row[0], int)]
            assert len(numbered) == total
            assert sorted({row[1] for row in numbered}) == sorted(expected)

            with page.expect_download() as info:
                rows.nth(1).locator("a").click()
            copy = tmp_path / info.value.suggested_filename
            info.value.save_as(copy)
            assert copy.name == "lkj-contoh-reviu.pdf"
            assert len(an.pdf_notes(copy)) == expected[sample_pdf.name]
            assert outside == [], f"the page fetched something elsewhere: {outside}"
        finally:
            browser.close()
    assert _empty(temp)


def _empty(folder: Path, wait: float = 5.0) -> bool:
    """The server removes a request's folder as its answer ends; allow it a moment."""
    deadline = time.monotonic() + wait
    while any(folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(folder.iterdir())


def test_twenty_uploads_at_once(server):
    import httpx2 as httpx

    url, temp = server

    def one(i: int) -> dict:
        with httpx.Client(timeout=120) as http:
            response = http.post(url + "api/check", headers=HEADERS,
                                 files={"reports": (f"lkj-{i}.txt", SAMPLE)})
        response.raise_for_status()
        got = events(response.content)
        return {"name": got[1]["name"], "findings": got[1]["findings"],
                "total": got[-1]["summary"]["findings"]}

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(one, range(20)))
    elapsed = time.monotonic() - started
    assert answers == [{"name": f"lkj-{i}.txt", "findings": 12, "total": 12} for i in range(20)]
    assert elapsed < 120
    assert _empty(temp), f"temporary files left: {list(temp.iterdir())}"
    print(f"\n20 concurrent uploads of the sample: {elapsed:.1f} s")
