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


# Pages of a kind share every template and style across editions: where axe does not check every page
# (keeping `make test` within its time budget), it checks each edition's home, a guide, a template and a
# checklist.
KINDS = ("", "guides/get-certified", "templates/audit-report-request", "checklists/certificate-red-flags")


def axe_paths(site_dir, scheme: str) -> list[str]:
    """The pages axe checks. MkDocs build: every page of every edition in the light scheme, every English
    page in the dark one. Zensical build: every English page in the light scheme; the KINDS of each
    edition (light) and of English (dark)."""
    zensical = "zensical" in str(site_dir)
    paths = site_paths(site_dir, english_only=True)
    if scheme == "dark":
        return [p for p in paths if p in KINDS] if zensical else paths
    editions = [p for p in site_paths(site_dir) if p.split("/")[0] in EDITIONS]
    if zensical:
        editions = [p for p in editions if p.split("/", 1)[-1] in KINDS or p in EDITIONS]
    return paths + editions


def watch_requests_and_errors(tab, base_url) -> tuple[list, list]:
    """Lists that fill with every request to another host and every console error or page error."""
    host = urlparse(base_url).netloc
    outside, errors = [], []
    tab.on("request", lambda req: urlparse(req.url).netloc not in ("", host) and outside.append(req.url))
    tab.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    return outside, errors


def test_pages_make_no_request_to_another_host_and_log_no_errors(page, base_url, site_dir):
    """Every page of every edition, both engines. The pages axe loads in the light scheme are checked
    there, during the same load (tests/browser/test_quality.py); this loads the others, and each site's
    home with search opened, so the search worker and its index load too."""
    outside, errors = watch_requests_and_errors(page, base_url)
    checked_by_axe = set(axe_paths(site_dir, "light"))
    paths = site_paths(site_dir)
    assert len(paths) >= 5
    for path in paths:
        home = path in ("", *EDITIONS)
        if path in checked_by_axe and not home:
            continue
        # Scripts are deferred and run before "load"; nothing is fetched after it but the search index.
        page.goto(base_url + (path + "/" if path else ""), wait_until="load")
        if home:
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
