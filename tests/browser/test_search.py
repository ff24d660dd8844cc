"""Search relevance: each reader question in tests/search-queries.yml reaches its page in the top 3."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search-queries.yml").read_text(encoding="utf-8"))
TOP = 3


READ_RESULTS = """() => [
  document.querySelector('.md-search-result__meta').textContent.trim(),
  [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]
    .map(li => li.querySelector('a').href),
]"""


def search(page, text: str) -> list[str]:
    """Type into Material's search box like a reader; return result page paths, best first.

    One list item per page; its first link is the page's best-matching section. Results update as
    the reader types, so wait until the same list has been shown for a moment.
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    page.keyboard.type(text, delay=10)
    last, stable = None, 0
    for _ in range(60):
        page.wait_for_timeout(100)
        current = page.evaluate(READ_RESULTS)
        if current[0] and current[0] != "Type to start searching" and current == last:
            stable += 1
            if stable >= 3:
                break
        else:
            stable = 0
        last = current
    return [urlparse(href).path for href in last[1]]


def test_queries_file_is_large_and_unique():
    assert len(QUERIES) >= 30
    assert len({q["query"].lower() for q in QUERIES}) == len(QUERIES)


def test_every_reader_question_reaches_its_page(page, base_url, site_dir):
    for q in QUERIES:
        assert (site_dir / q["page"].strip("/") / "index.html").exists(), f"{q['page']} is not a built page"
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    misses = []
    for q in QUERIES:
        results = search(page, q["query"])
        if q["page"] not in results[:TOP]:
            misses.append(f"{q['query']!r}: wanted {q['page']}, got {results[:TOP]}")
    assert not misses, f"{len(misses)} of {len(QUERIES)} questions miss the top {TOP}:\n" + "\n".join(misses)
