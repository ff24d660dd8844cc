"""Check every external link in a built site (run by `make linkcheck`, on a machine with internet).

Never part of `make test`: the build machines and CI have no internet. Prints each broken link with
the pages that use it and exits 1 if any is broken.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from bs4 import BeautifulSoup

from tools.paths import REPO_URL

HEADERS = {"User-Agent": f"iso9001-cnc-exporters-linkcheck/1.0 (+{REPO_URL})"}


def external_links(site: Path) -> dict[str, set[str]]:
    links: dict[str, set[str]] = defaultdict(set)
    for page in site.rglob("*.html"):
        for anchor in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href^=http]"):
            links[anchor["href"].split("#")[0]].add(str(page.relative_to(site)))
    return links


def status(url: str) -> str | None:
    try:
        response = requests.head(url, headers=HEADERS, timeout=20, allow_redirects=True)
        if response.status_code in (403, 405, 429) or response.status_code >= 500:
            response = requests.get(url, headers=HEADERS, timeout=20, allow_redirects=True, stream=True)
        return None if response.status_code < 400 else f"HTTP {response.status_code}"
    except requests.RequestException as error:
        return type(error).__name__


def main(site: Path) -> int:
    links = external_links(site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links), strict=True))
    broken = {url: problem for url, problem in results.items() if problem}
    for url, problem in sorted(broken.items()):
        print(f"{problem}: {url} (on {', '.join(sorted(links[url])[:3])})")
    print(f"{len(links)} external links checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
