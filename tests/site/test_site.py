"""Assertions on the built HTML: everything in data is on the site, errors stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import load_data
from macros.page_info import git_dates
from tests.conftest import ENGINES, append_text, build_failed, run_build
from tests.site.helpers import article, english_pages, is_external, loaded_urls, page, pages, soup
from tools.paths import REPO_URL, ROOT

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
    for path in english_pages(site_dir):  # editions: tests/site/test_editions.py
        for abbr in soup(path).select("article abbr[title]"):
            titles[abbr.get_text()] = abbr["title"]
    with_abbr = {e["abbr"]: e for e in DATA.glossary.values() if e.get("abbr")}
    assert titles, "no <abbr> tooltips on any page"
    for text, title in titles.items():
        assert text in with_abbr, f"<abbr>{text}</abbr> is not from the glossary"
        assert title == f"{with_abbr[text]['term']}: {with_abbr[text]['short']}"


def test_term_links_carry_the_short_definition(site_dir):
    links = [a for p in english_pages(site_dir) for a in soup(p).select("article a.term")]
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
        for script in scripts:  # overrides/main.html names each engine's bundle file itself
            src = script["src"].replace("/iso9001-cnc-exporters/", "/")  # 404.html uses site-absolute URLs
            target = site_dir / src.lstrip("/") if src.startswith("/") else path.parent / src
            assert target.resolve().is_file(), f"{path.relative_to(site_dir)}: {script['src']} is not in the build"
        blocking = [s["src"] for s in scripts if not s.has_attr("defer") and not s.has_attr("async")]
        assert not blocking, f"{path.relative_to(site_dir)} blocks rendering with {blocking}"


def test_repository_widget_does_not_call_github_api(site_dir):
    doc = page(site_dir, "")
    assert doc.select_one("a.md-source"), "repository link is missing"
    assert not doc.select('[data-md-component="source"]'), "Material would fetch api.github.com"


def test_generated_pages_edit_their_data_file(site_dir):
    repo = f"{REPO_URL}/edit/main/"
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


def test_last_updated_and_reviewed_on_every_page(site_dir):
    """'Last updated' is the newer git date of the page and the data file it shows (macros/page_info.py)."""
    dates = git_dates(ROOT)
    for path in english_pages(site_dir):  # editions: tests/site/test_editions.py
        rel = path.relative_to(site_dir)
        times = soup(path).select("p.page-reviewed time[datetime]")
        assert len(times) == 2, f"{rel} lacks 'Last updated' or 'Reviewed on'"
        src = "index.md" if rel.parent == Path(".") else f"{rel.parent}.md"
        if not (ROOT / "docs" / src).exists():
            src = f"{rel.parent}/index.md"
        front = (ROOT / "docs" / src).read_text(encoding="utf-8")
        data_file = next(
            (line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("edit_data:")), ""
        )
        expected = max(d for d in (dates.get(f"docs/{src}"), dates.get(data_file), "") if d is not None)
        assert times[0]["datetime"] == (expected or times[0]["datetime"]), rel
        assert times[1]["datetime"] in front, rel


# Scenarios that must fail: each breaks a temporary copy of the project and builds it.


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_unknown_term_in_a_page_fails_both_builds_by_name(engine: str, project_copy: Path, tmp_path: Path):
    page_file = project_copy / "docs" / "index.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + '\n{{ term("qmz") }}\n', encoding="utf-8")
    result = run_build(project_copy, tmp_path / "out", engine)
    assert build_failed(result)
    log = result.stdout + result.stderr
    assert "docs/index.md: unknown glossary id 'qmz' in term('qmz'); did you mean 'qms'?" in log


# A contributor's mistake ends the MkDocs build with one line that names the place and the fix, and no
# Python traceback. (Zensical 0.0.73 prints its own traceback around the same line; the test above
# checks that it fails by name.)
MISTAKES = {
    "unknown-id": ("docs/index.md", '\n{{ term("qmz") }}\n', "docs/index.md: unknown glossary id 'qmz'"),
    "misspelt-macro": ("docs/index.md", "\n{{ trem('qms') }}\n", "docs/index.md: 'trem' is undefined"),
    "unclosed-braces": ("docs/index.md", "\n{{ term('qms')\n", "docs/index.md line "),
    "bad-data": (
        "data/misconceptions.yml",
        '\n- id: test-myth\n  myth: "A myth"\n  fact: "A fact for the test."\n  source: [iso-certifcation]\n',
        "unknown source 'iso-certifcation' in data/misconceptions.yml entry 'test-myth' field 'source'; "
        "did you mean 'iso-certification'?",
    ),
    "broken-yaml": ("data/glossary.yml", "\n- id: broken\n  term: [unclosed\n", "data/glossary.yml: line "),
}


@pytest.mark.slow
@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_contributor_mistake_fails_with_one_line_and_no_traceback(mistake: str, project_copy: Path, tmp_path):
    file, text, expected = MISTAKES[mistake]
    append_text(project_copy / file, text)
    result = run_build(project_copy, tmp_path / "out")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert expected in log
    assert "Traceback" not in log and 'File "' not in log, log


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
