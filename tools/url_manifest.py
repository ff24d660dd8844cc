"""The manifest of published URLs (tests/published-urls.txt): write it, and check a build against it.

Every page URL and every anchor inside a page's content is listed. A build passes when each listed
URL still resolves (to the page, or through a mkdocs-redirects stub) and each anchor still exists.
Run `make manifest` after adding pages or anchors: it only ever adds lines. Removing a line is a
deliberate act, done by hand and explained in the pull request.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from tools.paths import ROOT

MANIFEST = ROOT / "tests" / "published-urls.txt"
HEADER = (
    "# Every published URL and in-page anchor. Tests fail if a build loses one.\n"
    "# Moved a page? Add a redirect in mkdocs.yml (plugins > redirects > redirect_maps); keep its lines here.\n"
    "# Added pages or anchors? Run `make manifest` (it only adds lines) and commit this file.\n"
)
_REFRESH = re.compile(r'http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', re.IGNORECASE)


def _html_file(site: Path, url_path: str) -> Path:
    return site / url_path / "index.html" if url_path == "" or url_path.endswith("/") else site / url_path


def _redirect_target(html: str) -> str | None:
    if "md-content" in html:
        return None
    match = _REFRESH.search(html)
    return match.group(1) if match else None


def _anchors(html: str) -> list[str]:
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    if article is None:
        return []
    # The h1 is the page itself: its id is not an anchor anyone links to.
    keep = article.select(":is(h2, h3, h4, h5, h6)[id], li.checklist-item[id], ol.sources-list > li[id]")
    return [tag["id"] for tag in keep]


def _ids(html: str) -> set[str]:
    """Every id in the page's content: an old anchor kept on a note (a removed checklist item) still works."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    return {tag["id"] for tag in article.select("[id]")} if article is not None else set()


def collect(site: Path) -> list[str]:
    """All page URLs and their anchors in a built site, sorted."""
    lines = []
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if _redirect_target(html) is not None or "md-content" not in html:
            continue
        url = str(path.relative_to(site).parent)
        url = "/" if url == "." else f"/{url}/"
        lines.append(url)
        lines.extend(f"{url}#{anchor}" for anchor in _anchors(html))
    return sorted(set(lines))


def read_manifest(path: Path = MANIFEST) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def check(site: Path, entries: list[str]) -> list[str]:
    """Problems for manifest entries that the built site no longer serves."""
    problems = []
    ids_of: dict[Path, set[str]] = {}  # each page parsed once, not once per anchor
    for entry in entries:
        url_path, _, anchor = entry.partition("#")
        current, hops = url_path.lstrip("/"), 0
        while True:
            file = _html_file(site, current)
            if not file.exists():
                problems.append(f"{entry}: /{current} is gone (no page and no redirect)")
                break
            html = file.read_text(encoding="utf-8")
            target = _redirect_target(html)
            if target is None:
                if anchor and file not in ids_of:
                    ids_of[file] = _ids(html)
                if anchor and anchor not in ids_of[file]:
                    problems.append(f"{entry}: anchor #{anchor} no longer exists on /{current}")
                break
            hops += 1
            current = urlparse(urljoin("https://x/" + current, target)).path.lstrip("/")
            if hops > 5:
                problems.append(f"{entry}: redirect loop")
                break
    return problems


def update(site: Path, path: Path = MANIFEST) -> tuple[int, int]:
    """Add the site's URLs to the manifest. Never removes a line: a published URL stays published."""
    old = read_manifest(path) if path.exists() else []
    new = sorted(set(old) | set(collect(site)))
    path.write_text(HEADER + "\n".join(new) + "\n", encoding="utf-8")
    return len(new), len(new) - len(old)


if __name__ == "__main__":
    total, added = update(Path(sys.argv[1]))
    print(f"{MANIFEST}: {total} URLs, {added} added")
