"""Search engines and assistants: JSON-LD on every page, /llms.txt, /robots.txt, sitemap lastmod."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import jsonschema
import pytest

from macros.i18n import EDITIONS
from macros.page_info import front_matter
from tests.site.helpers import edition, is_untranslated, pages, soup
from tools.paths import ROOT

SITE_URL = "https://example-org.github.io/iso9001-cnc-exporters/"

_ORG = {
    "type": "object",
    "additionalProperties": False,
    "required": ["@type", "name", "url"],
    "properties": {
        "@type": {"const": "Organization"},
        "name": {"type": "string", "minLength": 1},
        "url": {"$ref": "#/$defs/url"},
    },
}
# A strict schema of the schema.org fields we emit: no unknown field, every required one present,
# dates and URLs in the forms Google's structured-data guidelines ask for.
SCHEMA = {
    "$defs": {
        "url": {"type": "string", "pattern": "^https://[^\\s]+/$"},
        "org": _ORG,
        "website": {
            "type": "object",
            "additionalProperties": False,
            "required": ["@context", "@type", "name", "url", "description", "inLanguage", "publisher"],
            "properties": {
                "@context": {"const": "https://schema.org"},
                "@type": {"const": "WebSite"},
                "name": {"type": "string", "minLength": 1},
                "url": {"$ref": "#/$defs/url"},
                "description": {"type": "string", "minLength": 20},
                "inLanguage": {"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
                "publisher": {"$ref": "#/$defs/org"},
            },
        },
        "article": {
            "type": "object",
            "additionalProperties": False,
            "required": [
                "@type",
                "headline",
                "description",
                "dateModified",
                "inLanguage",
                "url",
                "mainEntityOfPage",
                "author",
                "publisher",
            ],
            "properties": {
                "@type": {"const": "Article"},
                "headline": {"type": "string", "minLength": 1, "maxLength": 110},
                # Translations run longer than English (whose pages keep 30-155 characters: test_content.py).
                "description": {"type": "string", "minLength": 20, "maxLength": 200},
                "dateModified": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
                "inLanguage": {"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
                "url": {"$ref": "#/$defs/url"},
                "mainEntityOfPage": {"$ref": "#/$defs/url"},
                "author": {"$ref": "#/$defs/org"},
                "publisher": {"$ref": "#/$defs/org"},
            },
        },
        "breadcrumbs": {
            "type": "object",
            "additionalProperties": False,
            "required": ["@type", "itemListElement"],
            "properties": {
                "@type": {"const": "BreadcrumbList"},
                "itemListElement": {
                    "type": "array",
                    "minItems": 2,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["@type", "position", "name", "item"],
                        "properties": {
                            "@type": {"const": "ListItem"},
                            "position": {"type": "integer", "minimum": 1},
                            "name": {"type": "string", "minLength": 1},
                            "item": {"$ref": "#/$defs/url"},
                        },
                    },
                },
            },
        },
    },
    "oneOf": [
        {"$ref": "#/$defs/website"},
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["@context", "@graph"],
            "properties": {
                "@context": {"const": "https://schema.org"},
                "@graph": {
                    "type": "array",
                    "prefixItems": [{"$ref": "#/$defs/article"}, {"$ref": "#/$defs/breadcrumbs"}],
                    "items": False,
                    "minItems": 2,
                },
            },
        },
    ],
}


def url_path(url: str) -> str:
    return urlparse(url).path.removeprefix(urlparse(SITE_URL).path)


def json_ld(path):
    doc = soup(path)
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, f"{path}: {len(scripts)} JSON-LD blocks"
    return doc, json.loads(scripts[0].string)


def test_json_ld_on_every_page_is_valid_and_true_to_the_page(site_dir):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for path in pages(site_dir):
        doc, data = json_ld(path)
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path.relative_to(site_dir)}: {errors[:3]}"
        rel = path.relative_to(site_dir).parent.as_posix().removeprefix(".")
        lang = doc.html["lang"]
        assert lang == edition(site_dir, path)
        home = "" if lang == "en" else f"{lang}/"  # an edition's pages, crumbs and home are under /<lang>/
        if rel + "/" == home or rel == "":
            assert data["@type"] == "WebSite" and data["inLanguage"] == lang
            assert url_path(data["url"]) == home
            continue
        article, crumbs = data["@graph"]
        assert url_path(article["url"]) == rel + "/"
        assert article["inLanguage"] == lang
        assert article["description"] == doc.find("meta", attrs={"name": "description"})["content"]
        if not is_untranslated(doc):
            assert article["dateModified"] == doc.select_one(".page-reviewed time")["datetime"]
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert url_path(items[0]["item"]) == home and url_path(items[-1]["item"]) == rel + "/"
        for item in items:
            assert (site_dir / url_path(item["item"]) / "index.html").exists(), f"{rel}: breadcrumb {item}"


def test_json_ld_breadcrumbs_follow_the_navigation(site_dir):
    _, data = json_ld(site_dir / "templates" / "audit-report-request" / "index.html")
    names = [i["name"] for i in data["@graph"][1]["itemListElement"]]
    assert names[1:] == ["Templates", "Request an audit report (buyer to supplier)"]


def test_llms_txt_lists_every_guide_template_and_checklist_with_its_description(site_dir):
    text = (site_dir / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# ISO 9001 for CNC Exporters\n\n> ")
    for src, meta in front_matter(ROOT / "docs").items():
        if src.split("/")[0] in {"guides", "templates", "checklists"}:
            url = SITE_URL + src.removesuffix(".md").removesuffix("index") + ("" if src.endswith("index.md") else "/")
            assert f"- [{meta['title']}]({url}): {meta['description']}\n" in text, src


def test_robots_txt_names_the_sitemap_and_sitemap_dates_match_pages(site_dir):
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for lang in ("en", *EDITIONS):
        home = "" if lang == "en" else f"{lang}/"
        assert f"Sitemap: {SITE_URL}{home}sitemap.xml" in robots.splitlines()
        urls = ET.parse(site_dir / home / "sitemap.xml").getroot().findall("s:url", ns)
        # Every translated page; a page an edition leaves in English is not its own (it says so).
        listed = [p for p in pages(site_dir) if edition(site_dir, p) == lang and not is_untranslated(soup(p))]
        assert len(urls) == len(listed), lang
        for url in urls:
            page = site_dir / url_path(url.find("s:loc", ns).text) / "index.html"
            updated = soup(page).select_one(".page-reviewed time")["datetime"]
            assert url.find("s:lastmod", ns).text == updated, page


@pytest.mark.parametrize("name", ["llms.txt", "robots.txt"])
def test_generated_files_are_committed_current(name):
    from macros import generated_files
    from macros.data import load_data
    from macros.page_info import read_config

    expected = {p.name: t for p, t in generated_files(load_data(ROOT / "data"), read_config(ROOT)).items()}
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == expected[name]
