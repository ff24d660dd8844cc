"""A newcomer follows .github/contributing/add-a-term.md alone: add a glossary term, see its tooltip.

The test reads the worked example's own code blocks (the first ```yaml block is the glossary entry,
the first ```markdown block the line for the page), performs its steps in a temporary copy of the
project, builds it strictly and hovers the abbreviation in Chromium. If the page and the project
drift apart, this test fails.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import serve
from tests.conftest import run_build
from tools.paths import ROOT
from tools.url_manifest import collect, read_manifest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


ADD_A_TERM = ROOT / ".github" / "contributing" / "add-a-term.md"


def worked_example_blocks() -> list[tuple[str, str]]:
    """(language, body) of each fenced block in the page, dedented as a reader would copy it."""
    text = ADD_A_TERM.read_text(encoding="utf-8")
    blocks = re.findall(r"^( *)```(\w+)\n(.*?)^\1```", text, flags=re.MULTILINE | re.DOTALL)
    return [(lang, textwrap.dedent(body)) for _indent, lang, body in blocks]


def add_after_calibration_shop_floor_list(page: Path, line: str) -> None:
    """Step 3: 'In the Calibration section, under On your shop floor, add this line at the end of the list'."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = next(i for i, text in enumerate(lines) if "{ #calibration }" in text)
    floor = next(i for i in range(start, len(lines)) if lines[i].strip() == "**On your shop floor**")
    first_item = next(i for i in range(floor, len(lines)) if lines[i].startswith("- "))
    last_item = first_item
    while last_item + 1 < len(lines) and lines[last_item + 1].startswith("- "):
        last_item += 1
    lines.insert(last_item + 1, line)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_newcomer_adds_a_glossary_term_and_sees_its_tooltip(project_copy: Path, tmp_path: Path, browser):
    blocks = worked_example_blocks()
    entry_yaml = next(body for lang, body in blocks if lang == "yaml")
    page_line = next(body for lang, body in blocks if lang == "markdown").strip()
    entry = yaml.safe_load(entry_yaml)[0]
    assert entry["abbr"] in page_line, "the example line for the page must use the new abbreviation"

    # Step 1-2: add the entry at the end of data/glossary.yml, after one empty line.
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + entry_yaml, encoding="utf-8")
    # Step 3: use it in the CNC shop guide.
    page_file = project_copy / "docs" / "guides" / "iso-9001-in-a-cnc-shop.md"
    add_after_calibration_shop_floor_list(page_file, page_line)

    # Step 4: build (as `make serve` does, but strict) and hover the abbreviation.
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    # Step 5: the build wrote the new abbreviation into the generated list the page tells you to commit.
    abbreviations = (project_copy / "data" / "generated" / "abbreviations.md").read_text(encoding="utf-8")
    assert f"*[{entry['abbr']}]: {entry['term']}: " in abbreviations

    with serve(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.goto(url + "guides/iso-9001-in-a-cnc-shop/#calibration")
        tab.wait_for_load_state("networkidle")
        abbr = tab.locator(f"article abbr:text-is('{entry['abbr']}')").first
        assert abbr.get_attribute("title") == f"{entry['term']}: {entry['short']}"
        abbr.scroll_into_view_if_needed()
        abbr.hover()
        tooltip = tab.locator("#term-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        assert entry["short"] in tooltip.inner_text()
        context.close()

    # Step 6: the glossary anchor is new, so `make manifest` is needed before `make test` passes.
    assert f"/reference/glossary/#{entry['id']}" in set(collect(site)) - set(read_manifest())
