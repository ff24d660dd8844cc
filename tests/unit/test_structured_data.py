"""JSON-LD, llms.txt and robots.txt are pure functions of front matter and the nav."""

from __future__ import annotations

import json

import pytest

from macros import site_files, structured_data

NAV = [
    {"Home": "index.md"},
    {"For buyers": [{"Verify": "guides/verify.md"}]},
    {"Templates": ["templates/index.md", {"Request": "templates/request.md"}]},
]
SITE = {"name": "Site", "url": "https://example.org/docs/", "description": "A site about  ISO 9001\n certificates."}


def ld(src: str, title: str = "T") -> dict:
    text = structured_data.json_ld(
        src=src, title=title, description="D" * 30, modified="2026-11-26", lang="en", site=SITE, nav=NAV
    )
    return json.loads(text)


@pytest.mark.parametrize(
    ("src", "url"), [("index.md", ""), ("guides/verify.md", "guides/verify/"), ("templates/index.md", "templates/")]
)
def test_page_url_is_the_directory_url(src, url):
    assert structured_data.page_url(src) == url


def test_home_page_is_a_website():
    data = ld("index.md")
    assert data["@type"] == "WebSite" and data["url"] == "https://example.org/docs/"


def test_breadcrumbs_skip_sections_without_an_index_page_and_use_the_index_where_there_is_one():
    names = [i["name"] for i in ld("guides/verify.md", "Verify")["@graph"][1]["itemListElement"]]
    assert names == ["Site", "Verify"]
    items = ld("templates/request.md", "Request")["@graph"][1]["itemListElement"]
    assert [(i["name"], i["item"]) for i in items] == [
        ("Site", "https://example.org/docs/"),
        ("Templates", "https://example.org/docs/templates/"),
        ("Request", "https://example.org/docs/templates/request/"),
    ]


def test_script_end_tag_in_data_cannot_close_the_script_element():
    text = structured_data.json_ld(
        src="guides/verify.md",
        title="</script><b>",
        description="x",
        modified="2026-11-26",
        lang="en",
        site=SITE,
        nav=NAV,
    )
    assert "</" not in text and json.loads(text)["@graph"][0]["headline"] == "</script><b>"


def test_llms_txt_lists_pages_by_section_with_descriptions():
    pages = {
        "guides/verify.md": {"title": "Verify", "description": "Check it."},
        "templates/request.md": {"title": "Request", "description": "Ask."},
    }
    nav = [{"For buyers": [{"Verify": "guides/verify.md"}]}, {"Templates": ["templates/request.md"]}]
    text = site_files.llms_txt(pages, nav, SITE)
    assert text.startswith("# Site\n\n> A site about ISO 9001 certificates.\n")
    assert "## Guides for buyers\n\n- [Verify](https://example.org/docs/guides/verify/): Check it.\n" in text
    assert "- [Request](https://example.org/docs/templates/request/): Ask.\n" in text


def test_llms_txt_names_an_unknown_nav_section():
    with pytest.raises(ValueError, match="'Tools' is not in SECTIONS"):
        site_files.llms_txt({}, [{"Tools": ["tools/x.md"]}], SITE)


def test_robots_txt_points_at_the_sitemap():
    assert site_files.robots_txt("https://example.org/docs/").endswith(
        "Sitemap: https://example.org/docs/sitemap.xml\n"
    )
