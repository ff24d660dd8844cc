"""Links sent to buyers never break: the published-URL manifest, redirects, link previews."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.i18n import EDITIONS
from tests.conftest import run_build
from tests.site.helpers import pages, soup
from tools.url_manifest import MANIFEST, check, collect, read_manifest

ENGLISH = [entry for entry in read_manifest() if entry.split("/")[1] not in EDITIONS]


def test_every_published_url_and_anchor_still_resolves(site_dir):
    assert check(site_dir, read_manifest()) == []


def test_manifest_lists_every_current_page_and_anchor(site_dir):
    missing = sorted(set(collect(site_dir)) - set(read_manifest()))
    assert not missing, f"new URLs are not in {MANIFEST.name}; run `make manifest`: {missing[:10]}"


@pytest.mark.slow
def test_renaming_a_page_without_redirect_fails_and_with_redirect_passes(project_copy: Path, tmp_path: Path):
    old, new = "guides/verify-a-certificate.md", "guides/check-a-certificate.md"
    (project_copy / "docs" / old).rename(project_copy / "docs" / new)
    config_file = project_copy / "mkdocs.yml"
    config_text = config_file.read_text(encoding="utf-8").replace(old, new)
    for md in [*(project_copy / "docs").rglob("*.md"), *(project_copy / "data").rglob("*.yml")]:
        md.write_text(
            md.read_text(encoding="utf-8").replace("verify-a-certificate.md", "check-a-certificate.md"),
            encoding="utf-8",
        )
    config_file.write_text(config_text, encoding="utf-8")
    result = run_build(project_copy, tmp_path / "renamed")
    assert result.returncode == 0, result.stdout + result.stderr
    problems = check(tmp_path / "renamed", ENGLISH)  # this test builds the English site only
    assert any(p.startswith("/guides/verify-a-certificate/") and "is gone" in p for p in problems), problems

    config_file.write_text(
        config_text.replace("redirect_maps: {}", f"redirect_maps:\n        {old}: {new}")
        if "redirect_maps: {}" in config_text
        else config_text.replace("redirect_maps:\n", f"redirect_maps:\n        {old}: {new}\n", 1),
        encoding="utf-8",
    )
    result = run_build(project_copy, tmp_path / "redirected")
    assert result.returncode == 0, result.stdout + result.stderr
    assert check(tmp_path / "redirected", ENGLISH) == []


def test_redirects_point_at_existing_pages():
    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml, treating tags such as !ENV as empty values."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    text = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=Loader)  # a SafeLoader subclass
    redirects = next(p["redirects"] for p in config["plugins"] if isinstance(p, dict) and "redirects" in p)
    docs = Path(__file__).resolve().parents[2] / "docs"
    for source, target in (redirects.get("redirect_maps") or {}).items():
        assert not (docs / source).exists(), f"redirect source {source} still exists as a page"
        assert (docs / target.split("#")[0]).exists(), f"redirect target {target} does not exist"


def test_every_page_has_description_canonical_and_preview_tags(site_dir):
    for path in pages(site_dir):
        doc = soup(path)
        rel = path.relative_to(site_dir)
        description = doc.select_one('meta[name="description"]')
        assert description and description["content"].strip(), f"{rel}: description"
        canonical = doc.select_one('link[rel="canonical"]')
        assert canonical and canonical["href"].startswith("https://"), f"{rel}: canonical"
        for prop in ("og:title", "og:description", "og:site_name", "og:image", "og:url", "og:type"):
            tag = doc.select_one(f'meta[property="{prop}"]')
            assert tag and tag["content"].strip(), f"{rel}: {prop}"
        assert doc.select_one('meta[property="og:description"]')["content"] == description["content"], rel
        assert doc.select_one('meta[property="og:url"]')["content"] == canonical["href"], rel
        for name in ("twitter:card", "twitter:title", "twitter:description", "twitter:image"):
            tag = doc.select_one(f'meta[name="{name}"]')
            assert tag and tag["content"].strip(), f"{rel}: {name}"


def test_preview_image_is_committed_and_built(site_dir):
    image = site_dir / "assets" / "social-card.png"
    assert image.exists()
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (1200, 630)
    og_image = soup(site_dir / "index.html").select_one('meta[property="og:image"]')["content"]
    assert og_image.endswith("/assets/social-card.png")


def test_every_heading_has_a_permalink(site_dir):
    for path in pages(site_dir):
        for heading in soup(path).select("article :is(h2, h3)[id]"):
            link = heading.select_one("a.headerlink")
            assert link and link["href"] == f"#{heading['id']}", f"{path.relative_to(site_dir)}: #{heading['id']}"
