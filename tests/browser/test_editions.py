"""The editions in Chromium: the language switcher keeps the reader on the page, and the tools speak the
edition's language while the letters stay English."""

from __future__ import annotations

import pytest

from macros.i18n import EDITIONS
from tests.site.helpers import edition_data

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "lang", "lands"),
    [
        ("guides/verify-a-certificate/#check-the-register", "vi", "vi/guides/verify-a-certificate/"),
        ("vi/guides/verify-a-certificate/", "th", "th/guides/verify-a-certificate/"),
        ("th/checklists/certificate-red-flags/", "id", "id/checklists/certificate-red-flags/"),
        ("id/templates/audit-report-request/", "en", "templates/audit-report-request/"),
        ("th/", "en", ""),
    ],
)
def test_switching_language_stays_on_the_same_page(page, base_url, start, lang, lands):
    page.goto(base_url + start, wait_until="load")
    page.locator(".md-header .md-select > button").hover()  # the theme opens the list on hover or focus
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] == base_url + lands
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", EDITIONS)
def test_glossary_tooltip_gives_the_editions_definition(page, base_url, lang):
    glossary = edition_data(lang).glossary
    page.goto(f"{base_url}{lang}/guides/what-is-iso-9001/", wait_until="networkidle")
    link = page.locator("article a.term").first
    ident = link.get_attribute("href").split("#")[1]
    link.hover()
    tooltip = page.locator("#term-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == glossary[ident]["short"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_checklist_and_letter_speak_the_edition_language(page, base_url, lang):
    words = edition_data(lang).strings["js"]
    page.goto(f"{base_url}{lang}/checklists/certificate-red-flags/", wait_until="networkidle")
    page.locator("ul[data-checklist] li[data-item] input").first.focus()  # the keyboard, as in test_widgets.py
    page.keyboard.press("Space")
    progress = page.locator(".checklist-progress")
    expected = words["progress_flagged"].format(n=1, total=page.locator("ul[data-checklist] li[data-item]").count())
    progress.filter(has_text=expected).wait_for(timeout=5000)

    page.goto(f"{base_url}{lang}/templates/audit-report-request/", wait_until="networkidle")
    page.locator(".letter-form input[name=supplier_name]").fill("Saigon Precision Machining Co., Ltd.")
    letter = page.locator("pre.letter-text").inner_text()
    assert "Dear " in letter and "Saigon Precision Machining Co., Ltd." in letter  # the letter stays English
    page.locator(".letter-form [data-action=copy]").click()
    first_missing = edition_data(lang).templates["audit-report-request"]["fields"]["contact_name"]["label"]
    page.locator(".letter-status").filter(has_text=first_missing).wait_for(timeout=5000)
