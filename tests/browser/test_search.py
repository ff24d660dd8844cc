"""Search relevance: each reader question in tests/search-queries.yml reaches its page in the top 3."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from macros.i18n import EDITIONS

pytestmark = pytest.mark.browser
ALL_QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search-queries.yml").read_text(encoding="utf-8"))


def edition_of(query: dict) -> str:
    first = query["page"].split("/")[1]
    return first if first in EDITIONS else "en"


QUERIES = [q for q in ALL_QUERIES if edition_of(q) == "en"]
TOP = 3
# Zensical 0.0.73's search has its own ranking and ignores the search plugin's separator and the pages'
# boosts: measured 33 of 41 questions in the top 3 (2026-11-26). This floor catches a regression; the
# MkDocs build must place every question.
ZENSICAL_FLOOR = 33
# Each edition is searched in its own index. Zensical's tokenizer does not split at the zero-width spaces
# between Thai words either, so Thai questions reach their page less often there (measured 2026-11-26:
# vi 12 of 12, th 8 of 12, id 13 of 13); the MkDocs build must place every one.
ZENSICAL_EDITION_FLOOR = {"vi": 12, "th": 8, "id": 13}


# Material 9.8.1 groups results by page; Zensical lists sections in a combobox's listbox.
READ_RESULTS = """() => [
  document.querySelector('.md-search-result__meta').textContent.trim(),
  [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]
    .map(li => li.querySelector('a').href),
]"""


def _zensical_results(page) -> list:
    """Zensical's search lives in a shadow root: read it with Playwright locators, which pierce it."""
    box = page.locator("input[role=combobox]")
    links = page.locator(f"#{box.get_attribute('aria-controls')} li a[href]")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    return [str(len(hrefs)) if box.input_value() else "", hrefs]


def engine_of(page) -> str:
    generator = page.locator('meta[name="generator"]').get_attribute("content") or ""
    return "zensical" if generator.startswith("zensical") else "mkdocs"


def open_search(page):
    """Open the search box as a reader would (the "/" key, or Zensical's Search button); return it."""
    if engine_of(page) == "zensical":
        page.locator(".md-search__button").click()
        box = page.locator("input[role=combobox]")
    else:
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
    box.wait_for(timeout=10000)
    if engine_of(page) == "mkdocs":  # "Type to start searching", in the page's language
        PLACEHOLDER[id(page)] = page.evaluate("document.querySelector('.md-search-result__meta').textContent.trim()")
    return box


PLACEHOLDER: dict = {}


def search(page, box, text: str) -> list[str]:
    """Enter a question into the search box; return result page paths, best first, each page once.

    Results update as the reader types, so wait until the same list has been shown for a moment.
    """
    engine = engine_of(page)
    # The whole question at once, as a phone's keyboard commits a word or a paste does (one input event;
    # typing it key by key gave the same results and took twice as long, 2026-11-26). Material searches on
    # a key event: send one, as a keyboard would.
    box.fill(text)
    page.keyboard.press("End")
    last, stable = None, 0
    for _ in range(60):
        page.wait_for_timeout(100)
        current = _zensical_results(page) if engine == "zensical" else page.evaluate(READ_RESULTS)
        if current[0] and current[0] != PLACEHOLDER.get(id(page), "Type to start searching") and current == last:
            stable += 1
            if stable >= 3:
                break
        else:
            stable = 0
        last = current
    paths = [urlparse(href).path for href in last[1]]
    return list(dict.fromkeys(paths))


def test_queries_file_is_large_and_unique():
    assert len(QUERIES) >= 30
    assert len({(edition_of(q), q["query"].lower()) for q in ALL_QUERIES}) == len(ALL_QUERIES)
    for lang in EDITIONS:
        assert len([q for q in ALL_QUERIES if edition_of(q) == lang]) >= 10, lang


def test_every_reader_question_reaches_its_page(page, base_url, site_dir):
    for q in QUERIES:
        assert (site_dir / q["page"].strip("/") / "index.html").exists(), f"{q['page']} is not a built page"
    page.goto(base_url, wait_until="networkidle")
    box = open_search(page)
    misses = []
    for q in QUERIES:
        results = search(page, box, q["query"])
        if q["page"] not in results[:TOP]:
            misses.append(f"{q['query']!r}: wanted {q['page']}, got {results[:TOP]}")
    report = f"{len(misses)} of {len(QUERIES)} questions miss the top {TOP}:\n" + "\n".join(misses)
    if engine_of(page) == "zensical":
        assert len(QUERIES) - len(misses) >= ZENSICAL_FLOOR, report
    else:
        assert not misses, report


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_reader_question_in_each_edition_reaches_its_page(page, base_url, site_dir, lang):
    """Questions in Vietnamese, Thai and Indonesian, typed into that edition's search box."""
    queries = [q for q in ALL_QUERIES if edition_of(q) == lang]
    page.goto(f"{base_url}{lang}/", wait_until="networkidle")
    box = open_search(page)
    misses = []
    for q in queries:
        assert (site_dir / q["page"].strip("/") / "index.html").exists(), f"{q['page']} is not a built page"
        results = search(page, box, q["query"])
        if q["page"] not in results[:TOP]:
            misses.append(f"{q['query']!r}: wanted {q['page']}, got {results[:TOP]}")
    report = f"{lang}: {len(misses)} of {len(queries)} questions miss the top {TOP}:\n" + "\n".join(misses)
    if engine_of(page) == "zensical":
        assert len(queries) - len(misses) >= ZENSICAL_EDITION_FLOOR[lang], report
    else:
        assert not misses, report
