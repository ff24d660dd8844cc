"""JSON-LD for search engines: WebSite on the home page, Article and BreadcrumbList on the rest.

Pure functions of the page's facts and the `nav` of mkdocs.yml, so both engines emit the same data
(overrides/main.html prints `page.meta.json_ld`). No FAQPage or HowTo: Google retired those results.
"""

from __future__ import annotations

import json
import posixpath


def page_url(src: str) -> str:
    """'guides/x.md' -> 'guides/x/', 'templates/index.md' -> 'templates/', 'index.md' -> '' (directory URLs)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/"
    return stem + "/"


def trail(nav: list, src: str) -> list[tuple[str, str]] | None:
    """(title, src) from the top of the nav down to the page; a section without an index page is skipped."""
    for item in nav or []:
        if isinstance(item, str):
            if item == src:
                return []
            continue
        for title, value in item.items():
            if value == src:
                return [(title, src)]
            if isinstance(value, list):
                below = trail(value, src)
                if below is not None:
                    index = next((v for v in value if isinstance(v, str)), None)  # e.g. templates/index.md
                    head = [(title, index)] if index and index != src else []
                    return head + below
    return None


def script_json(value) -> str:
    """JSON safe inside a <script> element: "</" cannot end the element early (JSON allows "<\\/")."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def json_ld(*, src: str, title: str, description: str, modified: str, lang: str, site: dict, nav: list) -> str:
    """The page's JSON-LD as a string safe to put inside <script type="application/ld+json">."""
    base = site["url"].rstrip("/") + "/"
    publisher = {"@type": "Organization", "name": site["name"], "url": base}
    if src == "index.md":
        data = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site["name"],
            "url": base,
            "description": description,
            "inLanguage": lang,
            "publisher": publisher,
        }
    else:
        url = base + page_url(src)
        crumbs = [(site["name"], "index.md")] + [c for c in (trail(nav, src) or []) if c[1] != src] + [(title, src)]
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "Article",
                    "headline": title[:110],
                    "description": description,
                    "dateModified": modified,
                    "inLanguage": lang,
                    "url": url,
                    "mainEntityOfPage": url,
                    "author": publisher,
                    "publisher": publisher,
                },
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": n, "name": name, "item": base + page_url(crumb)}
                        for n, (name, crumb) in enumerate(crumbs, 1)
                    ],
                },
            ],
        }
    return script_json(data)
