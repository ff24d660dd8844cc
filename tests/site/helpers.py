"""Read the built site: pages, parsed HTML, and which URLs a page would load."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from tools.site_files import pages  # noqa: F401  (re-exported for the tests)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url_path: str) -> BeautifulSoup:
    """Parsed page for a site path like 'reference/glossary/'."""
    return soup(site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path)


def article(doc: BeautifulSoup):
    return doc.select_one("article.md-content__inner")


def loaded_urls(doc: BeautifulSoup) -> list[str]:
    """URLs the browser fetches on its own when it renders the page (not links a reader clicks)."""
    urls = [
        tag["src"] for tag in doc.find_all(["script", "img", "iframe", "audio", "video", "source"]) if tag.get("src")
    ]
    for tag in doc.find_all("link", href=True):
        rel = set(tag.get("rel") or [])
        if rel & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload", "manifest"}:
            urls.append(tag["href"])
    return urls


def is_external(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme in {"http", "https"}
