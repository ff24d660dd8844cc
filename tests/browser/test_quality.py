"""Accessibility, keyboard use, search and the colour toggle, in Debian's Chromium."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import axe_paths, watch_requests_and_errors
from tests.browser.test_search import open_search, search

pytestmark = pytest.mark.browser
# Only violations are read: asking axe for nothing else (resultTypes) makes each run faster.
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def violations(result, where: str) -> list[str]:
    """One line per axe violation: where, rule, help text and the first three offending elements."""
    return [
        f"{where} {v['id']}: {v['help']} at {[node['target'] for node in v['nodes'][:3]]}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_wcag_aa_violations(browser, base_url, site_dir, scheme):
    """axe on the pages axe_paths() names. In the light scheme the same page loads also check what
    test_pages_make_no_request_to_another_host_and_log_no_errors checks (one load per page, not two)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside, errors = watch_requests_and_errors(tab, base_url) if scheme == "light" else ([], [])
    axe = Axe()
    problems = []
    try:
        for path in axe_paths(site_dir, scheme):
            # "load" is enough: pages fetch nothing after it (the search index loads in a worker on demand).
            tab.goto(base_url + (path + "/" if path else ""), wait_until="load")
            expected = "slate" if scheme == "dark" else "default"
            assert tab.get_attribute("body", "data-md-color-scheme") == expected
            problems += violations(axe.run(tab, options=WCAG_AA), f"/{path} [{scheme}]")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert outside == [], f"requests to other hosts: {sorted(set(outside))}"
    assert errors == [], f"console errors: {errors}"


def test_mobile_layout_has_no_wcag_aa_violations(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(base_url + "guides/verify-a-certificate/", wait_until="networkidle")
    result = Axe().run(tab, options=WCAG_AA)
    context.close()
    assert [v["id"] for v in result.response["violations"]] == []


def test_skip_link_is_first_and_visible_on_focus(page, mkdocs_base_url):
    page.goto(mkdocs_base_url + "guides/what-certification-guarantees/", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused
    box = page.locator("a.md-skip").bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, "skip link must be visible when focused"
    target = page.get_attribute("a.md-skip", "href")
    page.keyboard.press("Enter")
    assert page.url.endswith(target)


FOCUS_RING = """(() => {
  let el = document.activeElement;
  // Material hides the palette radio and shows its focus on the label right after it.
  if (el.tagName === "INPUT" && getComputedStyle(el).opacity === "0" && el.nextElementSibling) {
    el = el.nextElementSibling;
  }
  const s = getComputedStyle(el);
  const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return [ring || s.boxShadow !== "none", el.tagName + "." + el.className];
})()"""


def test_focus_is_visible_on_every_tab_stop(page, mkdocs_base_url):
    page.goto(mkdocs_base_url + "guides/verify-a-certificate/", wait_until="networkidle")
    missing = []
    for _ in range(25):
        page.keyboard.press("Tab")
        visible, name = page.evaluate(FOCUS_RING)
        if not visible:
            missing.append(name)
    assert not missing, f"no visible focus on: {missing}"


def test_search_finds_a_page(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    box = open_search(page)
    # Zensical's search box sits in a shadow root: ask that root which element has the focus.
    assert box.evaluate("el => el.getRootNode().activeElement === el"), "the search box does not get the focus"
    assert search(page, box, "CertSearch"), "no result for CertSearch"
    assert page.locator("mark").count() > 0, "search terms are not highlighted"


# Every change the page's own deferred scripts make to <html> and <body> attributes while the page
# loads: started when parsing ends ("interactive"), which is before deferred scripts run.
WATCH_LOAD = """
window.__loadMutations = [];
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  // Only real changes: the theme re-setting a class or attribute to the value it has restyles nothing.
  // A record's new value is the next record's old value for that attribute, or the value it has now.
  const watch = new MutationObserver(list => { list.forEach((m, i) => {
    const later = list.slice(i + 1).find(n => n.target === m.target && n.attributeName === m.attributeName);
    const now = later ? later.oldValue : m.target.getAttribute(m.attributeName);
    if (now === m.oldValue) return;
    window.__loadMutations.push(`${m.target.tagName} ${m.attributeName}: ${m.oldValue} -> ${now}`);
  }); });
  watch.observe(document.documentElement, { attributes: true, attributeOldValue: true });
  watch.observe(document.body, { attributes: true, attributeOldValue: true });
  window.addEventListener("load", () => setTimeout(() => watch.disconnect(), 500));
});
"""
THEME_COLOR = "document.querySelector('meta[name=theme-color]').content"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_are_set_before_the_scripts_run(browser, base_url, scheme):
    """The colour scheme is chosen while the header is parsed (overrides/partials/javascripts/palette.html). The
    theme's own palette component re-applied it at load, restyling the whole page several times
    (BENCHMARKS.md): at load nothing may touch the attributes the styles hang on."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.add_init_script(WATCH_LOAD)
    tab.goto(base_url + "reference/glossary/", wait_until="load")
    tab.wait_for_timeout(700)
    assert tab.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    assert tab.evaluate("document.querySelector('meta[name=color-scheme]').content") == scheme
    assert tab.evaluate(THEME_COLOR).startswith("#")
    assert tab.evaluate("window.__loadMutations") == [], "the scripts restyled the page at load"
    context.close()


def test_light_dark_toggle_switches_follows_the_system_and_remembers(browser, base_url):
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.goto(base_url, wait_until="load")
    scheme = lambda: tab.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    assert scheme() == "default"
    # Until the reader chooses, the page follows the system's setting, also while it is open.
    tab.emulate_media(color_scheme="dark")
    tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    tab.emulate_media(color_scheme="light")
    tab.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    # A click on the toggle switches, and the visible toggle now switches back.
    light_bar = tab.evaluate(THEME_COLOR)
    tab.locator("form[data-site-palette] label:visible").click()
    assert scheme() == "slate"
    assert tab.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    assert tab.locator("form[data-site-palette] label:visible").get_attribute("title") == "Switch to light mode"
    # The choice is remembered on the next page and outlasts a change of the system's setting.
    tab.goto(base_url + "reference/glossary/", wait_until="load")
    assert scheme() == "slate"
    tab.emulate_media(color_scheme="light")
    tab.wait_for_timeout(200)
    assert scheme() == "slate"
    # Keyboard: Enter on the toggle switches back (as in the theme).
    tab.locator("form[data-site-palette] input:not(:checked)").first.focus()
    tab.keyboard.press("Enter")
    assert scheme() == "default"
    assert tab.evaluate(THEME_COLOR) == light_bar
    context.close()


def test_copy_link_to_a_section(browser, mkdocs_base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(mkdocs_base_url + "guides/verify-a-certificate/", wait_until="networkidle")
    link = tab.locator("h2#check-the-register a.headerlink")
    assert "copy" in (link.get_attribute("title") or "").lower()
    tab.locator("h2#check-the-register").hover()
    link.click()
    tab.wait_for_timeout(300)
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == mkdocs_base_url + "guides/verify-a-certificate/#check-the-register"


def test_print_hides_navigation_and_shows_link_addresses(page, mkdocs_base_url):
    page.goto(mkdocs_base_url + "reference/sources/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", "a.md-content__button"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    external = page.locator("article li a[href^='http']:not(.cite)").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after
