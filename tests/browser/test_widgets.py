"""The letter filler, checklists that keep their ticks, and the certificate check, in Chromium, both builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.data import load_data
from macros.i18n import EDITIONS
from tests.browser.test_quality import WCAG_AA, violations
from tools.paths import ROOT

pytestmark = pytest.mark.browser
DATA = load_data(ROOT / "data")
TEMPLATES = sorted(DATA.templates)
PERMISSIONS = ["clipboard-read", "clipboard-write"]


@pytest.fixture
def tab(browser, base_url):
    context = browser.new_context(permissions=PERMISSIONS, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    external = [url for url in requests if not url.startswith((base_url, "data:", "blob:"))]
    context.close()
    assert not external, f"requests left the host: {external}"


def field(tab, ident: str, name: str):
    return tab.locator(f"#letter-{ident}-{name}")


def clipboard(tab) -> str:
    return tab.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("ident", TEMPLATES)
def test_every_field_filled_copies_every_value_and_no_placeholder(tab, base_url, ident):
    tab.goto(f"{base_url}templates/{ident}/", wait_until="networkidle")
    values = {name: f"v{n}-{name}" for n, name in enumerate(DATA.templates[ident]["fields"])}
    for name, value in values.items():
        field(tab, ident, name).fill(value)
    tab.click(f'[data-letter="{ident}"] [data-action=copy]')
    tab.wait_for_timeout(200)
    copied = clipboard(tab)
    assert copied.startswith("Subject: ")
    missing = [value for value in values.values() if value not in copied]
    assert not missing, f"values not in the copied letter: {missing}"
    assert "{" not in copied and "[" not in copied, copied
    assert "copied" in tab.inner_text(f'[data-letter="{ident}"] .letter-status').lower()

    href = tab.get_attribute(f'[data-letter="{ident}"] [data-action=mail]', "href")
    query = parse_qs(urlparse(href).query)
    subject, body = copied.split("\n\n", 1)
    assert href.startswith("mailto:?") and "+" not in href.split("?", 1)[1].replace("%2B", "")
    assert query["subject"] == [subject.removeprefix("Subject: ")] and query["body"] == [body]


def test_missing_required_field_blocks_copy_and_is_focused(tab, base_url):
    ident = "audit-report-request"
    tab.goto(f"{base_url}templates/{ident}/", wait_until="networkidle")
    tab.evaluate("navigator.clipboard.writeText('untouched')")
    tab.click(f'[data-letter="{ident}"] [data-action=copy]')
    tab.wait_for_timeout(200)
    first = next(name for name, f in DATA.templates[ident]["fields"].items() if f["required"])
    assert tab.evaluate("document.activeElement.id") == f"letter-{ident}-{first}"
    status = tab.inner_text(f'[data-letter="{ident}"] .letter-status')
    assert status.startswith("Fill in first: " + DATA.templates[ident]["fields"][first]["label"])
    assert clipboard(tab) == "untouched"


def test_download_gives_the_filled_letter(tab, base_url):
    ident = "certificate-confirmation-request"
    tab.goto(f"{base_url}templates/{ident}/", wait_until="networkidle")
    for name in DATA.templates[ident]["fields"]:
        field(tab, ident, name).fill(f"x-{name}")
    with tab.expect_download() as info:
        tab.click(f'[data-letter="{ident}"] [data-action=download]')
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename == f"{ident}.txt" and "x-certificate_number" in text


def test_own_details_persist_across_pages_and_reload_and_can_be_forgotten(tab, base_url):
    first, second = "audit-report-request", "certificate-confirmation-request"
    tab.goto(f"{base_url}templates/{first}/", wait_until="networkidle")
    field(tab, first, "my_name").fill("Anna Persist")
    field(tab, first, "supplier_name").fill("Not remembered Co.")
    tab.reload(wait_until="networkidle")
    assert field(tab, first, "my_name").input_value() == "Anna Persist"
    assert field(tab, first, "supplier_name").input_value() == ""
    tab.goto(f"{base_url}templates/{second}/", wait_until="networkidle")
    assert field(tab, second, "my_name").input_value() == "Anna Persist"
    tab.click(f'[data-letter="{second}"] [data-action=forget]')
    assert field(tab, second, "my_name").input_value() == ""
    assert tab.evaluate("Object.keys(localStorage).filter(k => k.includes('field:'))") == []
    tab.goto(f"{base_url}templates/{first}/", wait_until="networkidle")
    assert field(tab, first, "my_name").input_value() == ""


def test_without_javascript_the_plain_template_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}templates/audit-report-request/")
    assert not page.is_visible(".letter-form")
    text = page.inner_text("pre.letter-text")
    context.close()
    assert text.startswith("Subject: ISO 9001 documents for supplier approval – [SUPPLIER NAME]")


def tick(tab, checklist: str, item: str):
    """With the keyboard alone, as a reader without a mouse would."""
    tab.focus(f"#{checklist}-{item} input")
    tab.keyboard.press("Space")


def test_checklist_ticks_persist_by_item_and_clear(tab, base_url):
    ident = "cnc-certification-readiness"
    items = [item["id"] for item in DATA.checklists[ident]["items"]]
    tab.goto(f"{base_url}checklists/{ident}/", wait_until="networkidle")
    tick(tab, ident, items[0])
    tick(tab, ident, items[2])
    tab.reload(wait_until="networkidle")
    checked = [tab.is_checked(f"#{ident}-{item} input") for item in items]
    assert checked == [i in (0, 2) for i in range(len(items))]
    tab.wait_for_timeout(200)
    assert tab.inner_text(f'[data-checklist-tools="{ident}"] .checklist-progress') == f"2 of {len(items)} done"
    stored = tab.evaluate("Object.keys(localStorage).filter(k => k.includes('tick:')).sort()")
    assert stored == sorted(f"iso9001-cnc:tick:{ident}:{items[i]}" for i in (0, 2))
    tab.click(f'[data-checklist-tools="{ident}"] [data-action=clear]')
    assert not any(tab.is_checked(f"#{ident}-{item} input") for item in items)
    assert tab.evaluate("Object.keys(localStorage).filter(k => k.includes('tick:'))") == []


def test_red_flag_summary_lists_exactly_the_ticked_flags(tab, base_url):
    ident = "certificate-red-flags"
    items = {item["id"]: item for item in DATA.checklists[ident]["items"]}
    summary = DATA.checklists[ident]["summary"]
    tab.goto(f"{base_url}checklists/{ident}/", wait_until="networkidle")
    assert tab.inner_text(f'[data-summary="{ident}"] .checklist-verdict') == summary["none"]
    asks = [i for i, item in items.items() if item["severity"] == "ask"][:2]
    for item in asks:
        tick(tab, ident, item)
    listed = tab.locator(f'[data-summary="{ident}"] .checklist-flags li strong').all_inner_texts()
    assert listed == [items[i]["check"] for i in asks]
    assert tab.inner_text(f'[data-summary="{ident}"] .checklist-verdict') == summary["ask"]
    stop = next(i for i, item in items.items() if item["severity"] == "stop")
    tick(tab, ident, stop)
    assert tab.inner_text(f'[data-summary="{ident}"] .checklist-verdict') == summary["stop"]
    tab.click(f'[data-summary="{ident}"] [data-action=copy-summary]')
    tab.wait_for_timeout(200)
    copied = clipboard(tab)
    assert copied.startswith(summary["stop"]) and copied.count("\n- ") == 3


CLEAN = {
    "supplier_name": "Saigon Precision Machining Co., Ltd.",
    "standard": "ISO 9001:2015",
    "certificate_number": "QMS-2024-01234",
    "certification_body": "Example Certification Ltd.",
    "accreditation_body": "Example Accreditation Board",
    "issue_date": "2025-06-01",  # renewed: more than three years before the expiry date
    "expiry_date": "2029-01-15",
    "scope": "CNC milling and turning of aluminium and steel parts",
    "sites": "Lot 5, Tan Thuan Export Processing Zone, Ho Chi Minh City",
    "process_needed": "CNC milling",
}
# For each rule, the one change to the clean certificate that must raise it.
CRAFTED = {
    "expired": {"expiry_date": "2024-01-15"},
    "expiry-missing": {"expiry_date": ""},
    "expiring-soon": {"expiry_date": "+30"},
    "edition-withdrawn": {"standard": "ISO 9001:2008"},
    "edition-missing": {"standard": "ISO 9001"},
    "iso-certified-wording": {"supplier_name": "Saigon Precision (ISO certified)"},
    "number-missing": {"certificate_number": ""},
    "cb-missing": {"certification_body": ""},
    "scope-lacks-process": {"scope": "Injection moulding of plastic parts"},
    "no-accreditation-named": {"accreditation_body": ""},
}


def fill_certificate(tab, values: dict):
    for name, value in values.items():
        if value.startswith("+"):
            value = tab.evaluate(f"new Date(Date.now() + {int(value)} * 864e5).toISOString().slice(0, 10)")
        tab.fill(f"#cert-{name}", value)
    tab.wait_for_timeout(500)


def flags(tab) -> list[str]:
    return tab.locator(".cert-check-flags li").all_inner_texts()


def test_certificate_check_clean_certificate_raises_no_flag(tab, base_url):
    tab.goto(f"{base_url}guides/certificate-check/", wait_until="networkidle")
    fill_certificate(tab, CLEAN)
    assert flags(tab) == []
    assert tab.inner_text(".cert-check-verdict").startswith("No red flags found.")


@pytest.mark.parametrize("rule", sorted(DATA.certificate_rules))
def test_certificate_check_each_rule_fires_on_its_crafted_input(tab, base_url, rule):
    assert set(CRAFTED) == set(DATA.certificate_rules), "add a crafted input for every rule"
    tab.goto(f"{base_url}guides/certificate-check/", wait_until="networkidle")
    fill_certificate(tab, {**CLEAN, **CRAFTED[rule]})
    found = flags(tab)
    flag = DATA.certificate_rules[rule]["flag"]
    assert [text for text in found if " ".join(flag.split()) in text], found
    assert len(found) == 1, f"{rule}: only its own flag should fire, got {found}"


def test_certificate_check_prefills_the_confirmation_letter(tab, base_url):
    tab.goto(f"{base_url}guides/certificate-check/", wait_until="networkidle")
    fill_certificate(tab, CLEAN)
    tab.click(".cert-check [data-action=prefill]")
    tab.wait_for_load_state("networkidle")
    ident = "certificate-confirmation-request"
    assert urlparse(tab.url).path.endswith(f"/templates/{ident}/")
    assert field(tab, ident, "certificate_number").input_value() == CLEAN["certificate_number"]
    assert field(tab, ident, "standard").input_value() == CLEAN["standard"]


@pytest.mark.parametrize(
    "kind",
    [
        {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
        {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
        {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True},
    ],
    ids=["light", "dark", "phone"],
)
def test_widgets_in_use_have_no_wcag_aa_violations(browser, base_url, kind):
    context = browser.new_context(**kind)
    tab = context.new_page()
    problems = []
    try:
        tab.goto(f"{base_url}templates/audit-report-request/", wait_until="networkidle")
        field(tab, "audit-report-request", "supplier_name").fill("Saigon CNC")
        tab.click('[data-letter="audit-report-request"] [data-action=copy]')
        pages = [tab.url]
        results = [Axe().run(tab, options=WCAG_AA)]
        tab.goto(f"{base_url}checklists/certificate-red-flags/", wait_until="networkidle")
        tick(tab, "certificate-red-flags", "status-not-active")
        pages.append(tab.url)
        results.append(Axe().run(tab, options=WCAG_AA))
        tab.goto(f"{base_url}guides/certificate-check/", wait_until="networkidle")
        fill_certificate(tab, {**CLEAN, "standard": "ISO 9001:2008"})
        pages.append(tab.url)
        results.append(Axe().run(tab, options=WCAG_AA))
        for url, result in zip(pages, results, strict=True):
            problems += violations(result, url)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_widget_script_only_on_pages_that_use_it(site_dir):
    using = {
        p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html") if "widgets.js" in p.read_text()
    }
    pages = {f"templates/{t}" for t in TEMPLATES} | {f"checklists/{c}" for c in DATA.checklists}
    pages |= {"guides/certificate-check"}
    expected = pages | {f"{lang}/{page}" for lang in EDITIONS for page in pages}  # and the same pages of each edition
    assert using == expected, using ^ expected


def test_printing_a_letter_prints_the_filled_letter_not_the_form(tab, base_url):
    ident = "audit-report-request"
    tab.goto(f"{base_url}templates/{ident}/", wait_until="networkidle")
    field(tab, ident, "supplier_name").fill("Printed Precision Co.")
    tab.emulate_media(media="print")
    assert not tab.is_visible(f'[data-letter="{ident}"] form')
    assert "Printed Precision Co." in tab.inner_text(f'[data-letter="{ident}"] pre.letter-text')
