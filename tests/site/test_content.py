"""Content rules over the built site: front matter, citations, term links, facts written once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from macros.data import load_data
from macros.i18n import EDITIONS
from macros.render import human_date
from tests.site.helpers import article, edition, edition_data, english_pages, is_untranslated, page, pages, soup
from tools.paths import ROOT

DATA = load_data(ROOT / "data")
DOCS = ROOT / "docs"
GENERATED = {"reference/glossary.md", "reference/sources.md"}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.relative_to(ROOT)} has no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


def markdown_pages() -> list[Path]:
    """The English pages (docs/<lang>/ holds the editions: tests/site/test_editions.py)."""
    return sorted(p for p in DOCS.rglob("*.md") if p.relative_to(DOCS).parts[0] not in EDITIONS)


def test_every_page_has_title_description_reviewed_audience():
    for path in markdown_pages():
        meta = front_matter(path)
        rel = path.relative_to(ROOT)
        assert isinstance(meta.get("title"), str) and meta["title"].strip(), f"{rel}: title"
        description = meta.get("description")
        assert isinstance(description, str) and 30 <= len(description) <= 155, f"{rel}: description 30-155 chars"
        assert not description.lower().startswith("draft"), f"{rel}: still a draft"
        assert isinstance(meta.get("reviewed"), date), f"{rel}: reviewed must be a date (YYYY-MM-DD)"
        assert meta.get("audience"), f"{rel}: audience"
        assert set(meta["audience"]) <= {"exporter", "sales", "buyer"}, f"{rel}: audience"


def test_every_page_cites_a_source(site_dir):
    for path in pages(site_dir):
        rel = path.relative_to(site_dir)
        doc = soup(path)
        if not is_untranslated(doc):  # an edition's page left in English links to the English page
            assert article(doc).select("a.cite"), f"{rel} has no citation"


def test_every_citation_resolves_and_every_source_is_cited(site_dir):
    sources_page = article(page(site_dir, "reference/sources/"))
    anchors = {li["id"] for li in sources_page.select("li[id]")}
    cited = set()
    for path in pages(site_dir):
        page_url = "https://site/" + str(path.relative_to(site_dir).parent) + "/"
        for link in article(soup(path)).select("a.cite"):
            target = urlparse(urljoin(page_url, link["href"]))
            assert target.path.endswith("/reference/sources/"), (
                f"{path}: citation {link['href']} misses the sources page"
            )
            assert target.fragment in anchors, (
                f"{path.relative_to(site_dir)}: citation to missing source {target.fragment}"
            )
            cited.add(target.fragment)
    assert sorted(set(DATA.sources) - cited) == [], "sources never cited"


def test_no_page_says_iso_certified():
    pattern = re.compile(r"\bISO[- ]certified\b", re.IGNORECASE)
    allowed = re.compile(r"[\"“']ISO[- ]certified[\"”']|never \"?ISO certified", re.IGNORECASE)
    for path in markdown_pages():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not allowed.search(line):
                raise AssertionError(f"{path.relative_to(ROOT)}:{number}: say 'ISO 9001:2015 certified': {line}")


def test_glossary_terms_are_linked_on_pages_that_use_them(site_dir):
    problems = []
    for path in english_pages(site_dir):
        rel = str(path.relative_to(site_dir))
        if rel.startswith("reference/"):
            continue
        body = article(soup(path))
        linked_anywhere = body.select("a.term")
        # Text from data files and code blocks (templates) cannot call term(); the prose around them must.
        for generated in body.select(".generated, pre, code, a.cite"):
            generated.decompose()
        text = body.get_text(" ")
        linked = {a["href"].split("#")[1] for a in linked_anywhere}
        for ident, entry in DATA.glossary.items():
            names = [entry["term"], *entry.get("aka", [])]
            if ident not in linked and any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in names):
                problems.append(f"{rel}: uses '{entry['term']}' but never links it with term('{ident}')")
    assert not problems, "\n".join(problems)


def test_time_sensitive_facts_are_not_written_in_pages():
    """Dates in data/facts.yml statements come from data, never typed into a page."""
    date_pattern = re.compile(
        r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"
    )
    dates = {d for fact in DATA.facts.values() for d in date_pattern.findall(fact["statement"])}
    dates |= {human_date(fact["as_of"]) for fact in DATA.facts.values()}
    for path in markdown_pages():
        text = path.read_text(encoding="utf-8")
        for written in dates:
            assert written not in text, f"{path.relative_to(ROOT)} writes '{written}'; use fact() instead"


def test_definitions_are_not_copied_into_pages():
    for path in markdown_pages():
        text = path.read_text(encoding="utf-8")
        for entry in DATA.glossary.values():
            assert entry["short"] not in text, f"{path.relative_to(ROOT)} copies the definition of {entry['id']}"


def test_every_abbreviation_and_term_link_keeps_its_accessible_definition(site_dir):
    """The title is the definition screen readers and the tooltip (assets/javascripts/site.js) both read."""
    problems = []
    for path in pages(site_dir):
        body = article(soup(path))
        glossary = edition_data(edition(site_dir, path)).glossary  # each edition's own words (term base)
        for abbr in body.find_all("abbr"):
            if not (abbr.get("title") or "").strip():
                problems.append(f"{path.relative_to(site_dir)}: <abbr>{abbr.get_text()}</abbr> has no definition")
        for link in body.select("a.term"):
            ident = link["href"].split("#")[1]
            if link.get("title") != glossary[ident]["short"]:
                problems.append(f"{path.relative_to(site_dir)}: term link to {ident} lacks its short definition")
    assert not problems, "\n".join(problems[:20])
