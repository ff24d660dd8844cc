"""Read the built site: pages, parsed HTML, and which URLs a page would load."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from macros.data import load_data
from macros.i18n import EDITIONS, load_edition
from tools.paths import ROOT
from tools.site_files import pages


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


def edition(site: Path, path: Path) -> str:
    """'en' for a page of the English site, 'vi' / 'th' / 'id' for a page under site/<lang>/."""
    first = path.relative_to(site).parts[0]
    return first if first in EDITIONS else "en"


def english_pages(site: Path) -> list[Path]:
    return [p for p in pages(site) if edition(site, p) == "en"]


def edition_pages(site: Path, lang: str) -> list[Path]:
    return [p for p in pages(site) if edition(site, p) == lang]


def is_untranslated(doc: BeautifulSoup) -> bool:
    """An edition's page left in English: it says so and links to the English page."""
    return doc.select_one(".translation-notice--untranslated") is not None


@cache
def edition_data(lang: str):
    """The site data as edition `lang` shows it (macros/i18n.py)."""
    english = load_data(ROOT / "data")
    return english if lang == "en" else load_edition(english, lang, ROOT / "data")[0]
