"""The Vietnamese, Thai and Indonesian editions: every page there, in its language, linked to the others,
using one term base, letters kept in English, and never silently stale (macros/i18n.py, tools/editions.py)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from macros import i18n
from macros.render import english_term
from tests.site.helpers import article, edition, edition_data, edition_pages, english_pages, is_untranslated, page, soup
from tools.editions import build
from tools.paths import ROOT
from tools.url_manifest import check, read_manifest

DOCS = ROOT / "docs"
DATA_EN = edition_data("en")
LANGS = ("en", *i18n.EDITIONS)


def english_sources() -> list[str]:
    return sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.relative_to(DOCS).parts[0] not in i18n.EDITIONS
    )


def front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


@pytest.mark.parametrize("lang", i18n.EDITIONS)
def test_every_english_page_is_in_every_edition_translated_or_said_to_be_english(lang):
    for src in english_sources():
        path = DOCS / lang / src
        assert path.is_file(), f"docs/{lang}/{src} is missing: run `python -m tools.translations start {lang}`"
        meta = front(path)
        assert meta.get("untranslated") is True or meta.get("translated_from"), f"docs/{lang}/{src}"
        assert len(meta.get("description") or "") <= 200, f"docs/{lang}/{src}: description over 200 characters"
    extra = {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")} - set(english_sources())
    assert not extra, f"docs/{lang}/ has pages the English site does not: {sorted(extra)}"


def test_each_edition_keeps_every_english_url_and_anchor(site_dir):
    """A link to a section of an English page works in every edition (translated headings keep the
    English anchor); only the glossary's letter headings follow each language's alphabet."""
    english = [e for e in read_manifest() if e.split("/")[1] not in i18n.EDITIONS]
    for lang in i18n.EDITIONS:
        wanted = [f"/{lang}{e}" for e in english if "#letter-" not in e]
        untranslated = {
            f"/{lang}/" + str(p.relative_to(site_dir / lang).parent) + "/"
            for p in edition_pages(site_dir, lang)
            if is_untranslated(soup(p))
        }
        wanted = [e for e in wanted if e.split("#")[0] not in untranslated or "#" not in e]
        assert check(site_dir, wanted) == [], lang


def test_each_page_has_its_language_and_a_switcher_to_the_same_page(site_dir):
    for path in [*english_pages(site_dir), *[p for lang in i18n.EDITIONS for p in edition_pages(site_dir, lang)]]:
        doc = soup(path)
        lang = edition(site_dir, path)
        rel = path.relative_to(site_dir).parent.as_posix().removeprefix(".")
        own = rel.removeprefix(lang).lstrip("/") if lang != "en" else rel  # the page's path in any edition
        assert doc.html["lang"] == lang, rel
        links = doc.select("a.md-select__link")
        assert [a["hreflang"] for a in links] == list(LANGS), rel
        for link in links:
            target = urlparse(urljoin(f"https://x/{rel}/" if rel else "https://x/", link["href"])).path
            prefix = "" if link["hreflang"] == "en" else link["hreflang"] + "/"
            assert target == f"/{prefix}{own}/".replace("//", "/"), f"{rel}: {link['href']}"
            assert (site_dir / target.strip("/") / "index.html").is_file(), f"{rel}: {link['href']} is not built"
        assert [a.get("aria-current") for a in links].count("page") == 1
        assert doc.select_one(f'a.md-select__link[hreflang="{lang}"]')["aria-current"] == "page"


def test_sitemaps_give_each_translated_page_its_hreflang_alternates(site_dir):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    base = "https://example-org.github.io/iso9001-cnc-exporters/"
    left_in_english = {p for lang in i18n.EDITIONS for p in edition_pages(site_dir, lang) if is_untranslated(soup(p))}
    for lang in LANGS:
        home = "" if lang == "en" else f"{lang}/"
        for url in ET.parse(site_dir / home / "sitemap.xml").getroot().findall("s:url", ns):
            loc = url.find("s:loc", ns).text
            alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
            assert alternates.get(lang) == loc, loc
            assert set(alternates) >= {"en", "x-default"}, loc
            for href in alternates.values():
                built = site_dir / href.removeprefix(base) / "index.html"
                assert built.is_file() and built not in left_in_english, f"{loc}: alternate {href}"


def same_term(text: str, entry: dict) -> bool:
    shown, word = text.casefold(), entry["term"].casefold()
    if shown in word or word in shown or text in (entry.get("abbr"), entry["_en"]["term"]):
        return True
    if re.fullmatch(r"[A-Z][A-Za-z0-9]{1,5}", text):  # an abbreviation kept as in English: ISO, CMM, Cpk
        return True
    words, base = set(shown.split()), set(word.split())
    return len(words & base) >= max(2, len(base) // 2)  # most of the term's words: a grammatical form


@pytest.mark.parametrize("lang", i18n.EDITIONS)
def test_one_term_base_every_term_link_and_tooltip_uses_it(site_dir, lang):
    """The word for a glossary concept is the term base's (data/i18n/<lang>/glossary.yml) on every page:
    glossary headings, abbreviation tooltips, term links' definitions, and term() display texts."""
    glossary = edition_data(lang).glossary
    doc = page(site_dir, f"{lang}/reference/glossary/")
    for ident, entry in glossary.items():
        heading = doc.select_one(f"h3#{ident}").get_text().replace("\u200b", "")  # Thai word breaks
        assert heading.startswith(entry["term"]), f"{lang} glossary: {ident}: {heading}"
    problems = []
    for path in edition_pages(site_dir, lang):
        rel = path.relative_to(site_dir)
        body = article(soup(path))
        for abbr in body.find_all("abbr"):
            entry = next((e for e in glossary.values() if e.get("abbr") == abbr.get_text()), None)
            if entry and not abbr["title"].startswith(entry["term"]):
                problems.append(f"{rel}: <abbr>{abbr.get_text()}</abbr> title is not the term base's")
        seen = set()
        for link in body.select("a.term"):
            ident = link["href"].split("#")[1]
            english = english_term(glossary[ident])
            if english and glossary[ident]["_lang"] == lang:  # the English in brackets on first use only
                after = link.next_sibling
                if isinstance(after, str) and not after.strip():
                    after = after.next_sibling
                shown = getattr(after, "name", None) == "span" and after.get("lang") == "en"
                if shown != (ident not in seen):
                    problems.append(
                        f"{rel}: term {ident}: English in brackets {'missing' if not shown else 'repeated'}"
                    )
            seen.add(ident)
    # term("id", "text") in a translated page shows the term base's word, a short form of it ("phạm vi"
    # for "phạm vi chứng nhận", as English pages say "scope") or its abbreviation ("CB", "GACI").
    call = re.compile(r"""term\(\s*["']([a-z0-9-]+)["']\s*,\s*["']([^"']+)["']\s*\)""")
    for path in (DOCS / lang).rglob("*.md"):
        english_page = DOCS / path.relative_to(DOCS / lang)
        # Where the English page itself shows another word ("Third-party certification" for the audit
        # entry), the translation follows the English page, not the term.
        own_words = {
            ident
            for ident, text in call.findall(english_page.read_text(encoding="utf-8"))
            if not same_term(text, DATA_EN.glossary[ident] | {"_en": DATA_EN.glossary[ident]})
        }
        for ident, text in call.findall(path.read_text(encoding="utf-8")):
            if ident in own_words:
                continue
            if glossary[ident]["_lang"] == lang and not same_term(text, glossary[ident]):
                problems.append(
                    f"{path.relative_to(ROOT)}: term('{ident}', '{text}') is not '{glossary[ident]['term']}'"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", i18n.EDITIONS)
def test_letters_stay_english_and_their_instructions_are_translated(site_dir, lang):
    data = edition_data(lang)
    for ident, template in data.templates.items():
        english = page(site_dir, f"templates/{ident}/").select_one("pre.letter-text")
        translated = page(site_dir, f"{lang}/templates/{ident}/")
        letter = translated.select_one("pre.letter-text")

        # The letter is the English one; only its [PLACEHOLDERS], the field labels, are in the reader's language.
        def words(pre):
            return re.sub(r"\[[^\]]*\]", "[]", pre.get_text())

        assert letter["lang"] == "en" and words(letter) == words(english), f"{lang} {ident}"
        labels = [label.contents[0].strip() for label in translated.select(".letter-form label")]
        assert labels == [field["label"] for field in template["fields"].values()], f"{lang} {ident}"


@pytest.mark.parametrize("lang", i18n.EDITIONS)
def test_interface_text_is_the_editions(site_dir, lang):
    strings = edition_data(lang).strings
    doc = page(site_dir, f"{lang}/guides/verify-a-certificate/")
    assert strings["ui"]["reviewed_on"] in doc.select_one("p.page-reviewed").get_text()
    assert yaml.safe_load(doc.select_one("script#ui-strings").get_text()) == strings["js"]
    assert doc.select_one("title").get_text().endswith(strings["site_name"])
    assert doc.select_one('meta[property="og:site_name"]')["content"] == strings["site_name"]


@pytest.mark.parametrize("lang", i18n.EDITIONS)
def test_a_page_left_in_english_says_so_and_links_to_the_english_page(site_dir, lang):
    for path in edition_pages(site_dir, lang):
        doc = soup(path)
        if not is_untranslated(doc):
            continue
        link = doc.select_one(".translation-notice--untranslated a[hreflang=en]")
        rel = path.relative_to(site_dir / lang).parent
        target = urlparse(urljoin(f"https://x/{lang}/{rel}/", link["href"])).path
        assert target == f"/{rel}/", path
        assert (site_dir / rel / "index.html").is_file()


@pytest.mark.slow
def test_changing_an_english_page_or_entry_shows_the_stale_notice(project_copy: Path, tmp_path: Path):
    """Edit an English page and an English checklist item in a copy: the Vietnamese pages that show them
    say they may be out of date and link to the English page; `make stale` lists both; others stay quiet."""
    guide = project_copy / "docs" / "guides" / "get-certified.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("seven steps", "eight steps"), encoding="utf-8")
    checklist = project_copy / "data" / "checklists" / "certificate-red-flags.yml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("Does the register show", "Does the register list", 1), encoding="utf-8")
    out = project_copy / "site"
    shutil.rmtree(out, ignore_errors=True)
    result = build(project_copy, out, "mkdocs", ("vi",))
    assert result.returncode == 0, result.stdout + result.stderr
    for rel in ("guides/get-certified", "checklists/certificate-red-flags"):
        notice = page(out / "vi", f"{rel}/").select_one(".translation-notice--stale")
        assert notice is not None, f"no stale notice on vi/{rel}/"
        href = notice.select_one("a[hreflang=en]")["href"]
        assert urlparse(urljoin(f"https://x/vi/{rel}/", href)).path == f"/{rel}/"
    assert page(out / "vi", "guides/what-is-iso-9001/").select_one(".translation-notice") is None

    import subprocess
    import sys

    listed = subprocess.run(
        [sys.executable, "-m", "tools.stale"], cwd=project_copy, capture_output=True, text=True, timeout=120
    ).stdout
    assert "docs/vi/guides/get-certified.md" in listed, listed
    assert "data/i18n/vi/checklists/certificate-red-flags.yml items 'status-not-active'" in listed, listed
