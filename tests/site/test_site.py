"""Assertions on the built HTML: everything in data is on the site, errors stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import load_data
from tests.conftest import ROOT, append_text, run_build
from tests.site.helpers import article, is_external, loaded_urls, page, pages, soup

DATA = load_data(ROOT / "data")


def test_every_glossary_term_is_on_the_glossary_page(site_dir):
    doc = article(page(site_dir, "reference/glossary/"))
    headings = doc.select("h3[id]")
    assert sorted(h["id"] for h in headings) == sorted(DATA.glossary)


def test_glossary_is_sorted_by_term(site_dir):
    doc = article(page(site_dir, "reference/glossary/"))
    order = [h["id"] for h in doc.select("h3[id]")]
    assert order == sorted(DATA.glossary, key=lambda i: DATA.glossary[i]["term"].casefold())


def test_every_source_is_on_the_sources_page(site_dir):
    doc = article(page(site_dir, "reference/sources/"))
    items = doc.select("ol.sources-list > li[id]")
    assert sorted(li["id"] for li in items) == sorted(DATA.sources)
    for li in items:
        assert li.find("a", href=DATA.sources[li["id"]]["url"]), li["id"]


def test_every_misconception_is_on_the_site(site_dir):
    found = set()
    for path in pages(site_dir):
        found |= {tag["id"] for tag in soup(path).select("article [id]") if tag["id"] in DATA.misconceptions}
    assert found == set(DATA.misconceptions)
    assert len(DATA.misconceptions) == len(found)


def test_every_checklist_item_is_on_the_site_with_its_anchor(site_dir):
    anchors = set()
    boxes = 0
    for path in pages(site_dir):
        doc = soup(path)
        anchors |= {span["id"] for span in doc.select("li.checklist-item[id]")}
    expected = {f"{cid}-{item['id']}" for cid, cl in DATA.checklists.items() for item in cl["items"]}
    assert anchors == expected
    for cid, cl in DATA.checklists.items():
        doc = page(site_dir, f"checklists/{cid}/")
        boxes = len(doc.select("article li.task-list-item input[type=checkbox]"))
        assert boxes == len(cl["items"]), cid


def test_abbreviations_get_tooltips_from_glossary(site_dir):
    titles = {}
    for path in pages(site_dir):
        for abbr in soup(path).select("article abbr[title]"):
            titles[abbr.get_text()] = abbr["title"]
    with_abbr = {e["abbr"]: e for e in DATA.glossary.values() if e.get("abbr")}
    assert titles, "no <abbr> tooltips on any page"
    for text, title in titles.items():
        assert text in with_abbr, f"<abbr>{text}</abbr> is not from the glossary"
        assert title == f"{with_abbr[text]['term']}: {with_abbr[text]['short']}"


def test_term_links_carry_the_short_definition(site_dir):
    links = [a for p in pages(site_dir) for a in soup(p).select("article a.term")]
    assert links
    for link in links:
        ident = link["href"].split("#")[1]
        assert link["title"] == DATA.glossary[ident]["short"]


def test_no_page_loads_anything_from_another_host(site_dir):
    for path in pages(site_dir):
        external = [u for u in loaded_urls(soup(path)) if is_external(u)]
        assert not external, f"{path.relative_to(site_dir)} loads {external}"


def test_no_google_fonts_anywhere(site_dir):
    for path in pages(site_dir):
        assert "fonts.googleapis.com" not in path.read_text(encoding="utf-8")
        assert "fonts.gstatic.com" not in path.read_text(encoding="utf-8")


def test_no_script_blocks_the_first_paint(site_dir):
    """Every external script is deferred (Material's bundle via overrides/main.html): see BENCHMARKS.md."""
    for path in [*pages(site_dir), site_dir / "404.html"]:
        scripts = soup(path).select("script[src]")
        assert any("bundle." in s["src"] for s in scripts), f"{path.relative_to(site_dir)}: no Material bundle"
        blocking = [s["src"] for s in scripts if not s.has_attr("defer") and not s.has_attr("async")]
        assert not blocking, f"{path.relative_to(site_dir)} blocks rendering with {blocking}"


def test_repository_widget_does_not_call_github_api(site_dir):
    doc = page(site_dir, "")
    assert doc.select_one("a.md-source"), "repository link is missing"
    assert not doc.select('[data-md-component="source"]'), "Material would fetch api.github.com"


def test_generated_pages_edit_their_data_file(site_dir):
    repo = "https://github.com/example-org/iso9001-cnc-exporters/edit/main/"
    expected = {
        "reference/glossary/": "data/glossary.yml",
        "reference/sources/": "data/sources.yml",
        **{f"checklists/{cid}/": f"data/checklists/{cid}.yml" for cid in DATA.checklists},
    }
    for url, data_file in expected.items():
        edit = page(site_dir, url).select_one("a[rel=edit]")
        assert edit and edit["href"] == repo + data_file, url
    edit = page(site_dir, "").select_one("a[rel=edit]")
    assert edit["href"] == repo + "docs/index.md"


def test_reviewed_line_from_front_matter(site_dir):
    for path in pages(site_dir):
        line = soup(path).select_one("p.page-reviewed time[datetime]")
        assert line, f"{path.relative_to(site_dir)} has no 'Reviewed on' line"


# Scenarios that must fail: each breaks a temporary copy of the project and builds it.


@pytest.mark.slow
def test_unknown_term_in_a_page_fails_the_build(project_copy: Path, tmp_path: Path):
    page_file = project_copy / "docs" / "index.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + '\n{{ term("qmz") }}\n', encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/index.md: unknown glossary id 'qmz' in term('qmz'); did you mean 'qms'?" in log


@pytest.mark.slow
def test_data_error_fails_the_build_with_file_entry_field(project_copy: Path, tmp_path: Path):
    append_text(
        project_copy / "data" / "misconceptions.yml",
        '\n- id: test-myth\n  myth: "A myth"\n  fact: "A fact for the test."\n  source: [iso-certifcation]\n',
    )
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "unknown source 'iso-certifcation' in data/misconceptions.yml entry 'test-myth' field 'source'" in log
    assert "did you mean 'iso-certification'?" in log


@pytest.mark.slow
def test_script_in_data_renders_as_text(project_copy: Path, tmp_path: Path):
    append_text(
        project_copy / "data" / "glossary.yml",
        "\n- id: zz-test\n  term: \"Zz <script>alert('term')</script>\"\n"
        "  short: \"Tip <script>alert('short')</script> here.\"\n"
        "  long: \"Long <script>alert('long')</script> text.\"\n  source: [iso-certification]\n",
    )
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert('long')&lt;/script&gt;" in html or "&lt;script&gt;alert(&#x27;long&#x27;)" in html
    heading = soup(tmp_path / "out" / "reference" / "glossary" / "index.html").select_one("h3#zz-test")
    assert "<script>alert('term')</script>" in heading.get_text()
