"""Files the site publishes beside its pages, generated from page front matter and mkdocs.yml:
/llms.txt (an index for assistants, https://llmstxt.org) and /robots.txt (points crawlers at the sitemap).

The build writes them into docs/ when they change (macros/__init__.py), so both engines copy them;
`make lint` (tools/check_data.py) fails when the committed copies are out of date.
"""

from __future__ import annotations

from .structured_data import page_url

# The nav sections listed in llms.txt, in this order, with the heading each gets.
SECTIONS = {
    "For exporters": "Guides for exporters",
    "For buyers": "Guides for buyers",
    "Understand ISO 9001": "What ISO 9001 is and is not",
    "Templates": "Letter templates",
    "Checklists": "Checklists",
    "Reference": "Reference",
    "About": "About",
}


def _section_pages(nav: list) -> dict[str, list[str]]:
    """Top-level nav section title -> the page sources in it, in nav order."""
    out: dict[str, list[str]] = {}
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    out[title] = [v if isinstance(v, str) else next(iter(v.values())) for v in value]
    return out


def llms_txt(pages: dict[str, dict], nav: list, site: dict) -> str:
    """Markdown index: site name, summary, then one line per page under its nav section."""
    base = site["url"].rstrip("/") + "/"
    lines = [f"# {site['name']}", "", f"> {' '.join(site['description'].split())}", ""]
    lines.append(
        "Every fact on these pages links to its source. Say 'ISO 9001:2015 certified', never 'ISO certified': "
        "ISO does not certify companies."
    )
    by_section = _section_pages(nav)
    unknown = sorted(set(by_section) - set(SECTIONS))
    if unknown:
        raise ValueError(f"mkdocs.yml nav section {unknown[0]!r} is not in SECTIONS of macros/site_files.py; add it")
    for section, heading in SECTIONS.items():
        entries = [src for src in by_section.get(section, []) if src in pages]
        if entries:
            lines += ["", f"## {heading}", ""]
            for src in entries:
                meta = pages[src]
                lines.append(f"- [{meta['title']}]({base}{page_url(src)}): {meta['description']}")
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str, editions: list | tuple = ()) -> str:
    """Allow everything and name the sitemaps: the English site's and each edition's (/vi/, /th/, /id/)."""
    base = site_url.rstrip("/")
    maps = "".join(f"Sitemap: {base}/{prefix}sitemap.xml\n" for prefix in ("", *editions))
    return f"User-agent: *\nAllow: /\n\n{maps}"
