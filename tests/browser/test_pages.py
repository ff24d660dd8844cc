"""Every page in a real browser: nothing leaves the site's host, nothing errors in the console."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.site.helpers import pages

pytestmark = pytest.mark.browser


def site_paths(site_dir):
    return [str(p.relative_to(site_dir).parent).replace(".", "") for p in pages(site_dir)]


def test_pages_make_no_request_to_another_host_and_log_no_errors(page, base_url, site_dir):
    host = urlparse(base_url).netloc
    outside, errors = [], []
    page.on("request", lambda req: urlparse(req.url).netloc not in ("", host) and outside.append(req.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    paths = site_paths(site_dir)
    assert len(paths) >= 5
    for path in paths:
        page.goto(base_url + (path + "/" if path else ""), wait_until="networkidle")
        # Open search so the search worker and its index load too.
        page.keyboard.press("/")
        page.wait_for_load_state("networkidle")
    assert outside == [], f"requests to other hosts: {sorted(set(outside))}"
    assert errors == [], f"console errors: {errors}"


def test_glossary_tooltip_shows_on_hover(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    link = page.locator("article a.term").first
    link.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip()
