"""The quality gates catch the regressions they exist for (a test that cannot fail is a defect)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import serve
from tests.browser.test_quality import WCAG_AA
from tests.conftest import run_build
from tests.site.helpers import is_external, loaded_urls, pages, soup

pytestmark = pytest.mark.browser
CONTRAST_FIX = ".md-typeset :is(p, li, td, dd, dt, blockquote) a:not(.headerlink):not(.md-button) {"


def axe_violations(browser, site: Path, path: str) -> set[str]:
    with serve(site) as url:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(url + path, wait_until="networkidle")
        result = Axe().run(tab, options=WCAG_AA)
        context.close()
    return {violation["id"] for violation in result.response["violations"]}


@pytest.mark.slow
def test_removing_the_contrast_fix_fails_the_accessibility_check(project_copy: Path, tmp_path: Path, browser):
    css = project_copy / "docs" / "assets" / "site.css"
    text = css.read_text(encoding="utf-8")
    assert CONTRAST_FIX in text, "the contrast fix moved: update this test"
    css.write_text(text.replace(CONTRAST_FIX, ".contrast-fix-removed {"), encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "link-in-text-block" in axe_violations(browser, tmp_path / "site", "guides/verify-a-certificate/")


def test_a_google_fonts_link_is_caught(mkdocs_site_dir: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(mkdocs_site_dir, copy)
    page = copy / "index.html"
    font = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    page.write_text(page.read_text(encoding="utf-8").replace("</head>", font + "</head>"), encoding="utf-8")
    offenders = [p for p in pages(copy) if any(is_external(u) for u in loaded_urls(soup(p)))]
    assert offenders == [page]
