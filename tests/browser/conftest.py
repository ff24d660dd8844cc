"""A local HTTP server for the built site, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tools.paths import CHROMIUM

# Without these flags Chromium phones home at start-up; this machine has no internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve a built site on a free loopback port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_dir):
    """The site served over HTTP, once per engine: for the checks both builds must pass."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def mkdocs_base_url(mkdocs_site_dir):
    """The MkDocs build served over HTTP: for behaviour checks that need not run twice."""
    with serve(mkdocs_site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    # A missing browser is a failure, never a skip: `make test` installs it.
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `make system-deps` (Debian package 'chromium')"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
