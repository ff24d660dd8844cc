"""Every page in a real browser: nothing leaves the site's host, nothing errors in the console."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from macros.i18n import EDITIONS
from tests.site.helpers import english_pages, pages

pytestmark = pytest.mark.browser


def site_paths(site_dir, english_only: bool = False):
    """URL paths of every page (every edition's too, unless `english_only`)."""
    chosen = english_pages(site_dir) if english_only else pages(site_dir)
    return [str(p.relative_to(site_dir).parent).replace(".", "") for p in chosen]


def test_pages_make_no_request_to_another_host_and_log_no_errors(page, base_url, site_dir):
    host = urlparse(base_url).netloc
    outside, errors = [], []
    page.on("request", lambda req: urlparse(req.url).netloc not in ("", host) and outside.append(req.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    paths = site_paths(site_dir)
    assert len(paths) >= 5
    for path in paths:
        # Scripts are deferred and run before "load"; nothing is fetched after it but the search index.
        page.goto(base_url + (path + "/" if path else ""), wait_until="load")
        if path in ("", *EDITIONS):  # each site's home: open search so its worker and index load too
            page.keyboard.press("/")
            page.wait_for_load_state("networkidle")
    assert outside == [], f"requests to other hosts: {sorted(set(outside))}"
    assert errors == [], f"console errors: {errors}"


def test_glossary_tooltip_shows_on_hover_focus_and_tap(browser, base_url):
    """Every way a reader reaches a definition: mouse, keyboard, finger. One tooltip, no native duplicate."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    link = page.locator("article a.term").first
    text = link.get_attribute("title")
    link.hover()
    tooltip = page.locator("#term-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == text and link.get_attribute("title") is None
    assert link.get_attribute("aria-describedby") == "term-tooltip"
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=5000)
    assert link.get_attribute("title") == text  # the accessible definition is back

    page.keyboard.press("Escape")
    link.focus()
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == text
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5000)
    context.close()

    phone = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    tab = phone.new_page()
    tab.goto(base_url + "guides/iso-9001-in-a-cnc-shop/", wait_until="networkidle")
    abbr = tab.locator("xpath=//article//abbr[@title][not(ancestor::a)]").first
    definition = abbr.get_attribute("title")
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    tab.locator("#term-tooltip").wait_for(state="visible", timeout=5000)
    assert tab.locator("#term-tooltip").inner_text() == definition
    phone.close()
