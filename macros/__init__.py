"""Entry point for mkdocs-macros and for Zensical's macros extension: define_env only.

Load and validate data/, register the macros from one list, and give each page the facts the theme
shows ("Last updated", the edit link of generated pages). Rendering is in macros/render.py.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Zensical loads this file by its path, not as a package: make `macros.*` importable for both engines.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Used through their modules (render.term, not term): `mkdocs serve` reloads an edited module in place.
from macros import data as loader  # noqa: E402
from macros import i18n, page_info, render, site_files, structured_data  # noqa: E402

try:  # MkDocs prints a PluginError as one line, without a traceback
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # Zensical without MkDocs installed
    _Base = RuntimeError


class BuildError(_Base):
    """A contributor's mistake in a page or data file, said in one line: where, what, how to fix."""


# Generated from data/glossary.yml on every build; appended to every page by pymdownx.snippets
# (mkdocs.yml) so both engines show abbreviation tooltips. Never edit it by hand.
ABBREVIATIONS_FILE = ROOT / "data" / "generated" / "abbreviations.md"
# Published at /llms.txt and /robots.txt; generated from front matter and mkdocs.yml (macros/site_files.py).
LLMS_FILE = ROOT / "docs" / "llms.txt"
ROBOTS_FILE = ROOT / "docs" / "robots.txt"


def abbreviations_file(lang: str) -> Path:
    return ABBREVIATIONS_FILE if lang == "en" else ABBREVIATIONS_FILE.with_name(f"abbreviations-{lang}.md")


def generated_files(data, conf, editions: dict | None = None) -> dict:
    """Every file the build writes from data and mkdocs.yml (page_info.read_config), with its expected
    text (tools/check_data.py compares the committed copies). `editions`: lang -> that edition's data."""
    editions = editions if editions is not None else {}
    site = {
        "name": conf["site_name"],
        "url": conf.get("site_url") or "/",
        "description": conf.get("site_description") or "",
    }
    return {
        ABBREVIATIONS_FILE: render.abbreviations_markdown(data),
        LLMS_FILE: site_files.llms_txt(page_info.front_matter(ROOT / "docs"), conf.get("nav") or [], site),
        ROBOTS_FILE: site_files.robots_txt(site["url"], [f"{lang}/" for lang in i18n.EDITIONS]),
    } | {abbreviations_file(lang): render.abbreviations_markdown(edition) for lang, edition in editions.items()}


# Glossary ids each page has linked so far (an edition puts the English in brackets after the first).
_TERMS_SEEN: dict[str, set] = {}


def _macros(data, page_src, use_widgets=lambda: None, used=lambda entry: None):
    """The macros pages may use, in the order CONTRIBUTING lists them. One line of docs each.
    `use_widgets()` tells the theme to load the widget script on the current page; `used(entry)` is told
    each data entry a page shows (a stale translation of it marks the page stale)."""

    def term(id: str, text: str | None = None) -> str:
        """Link to a glossary term, with its short definition as tooltip: term('cb')."""
        seen = _TERMS_SEEN.setdefault(page_src(), set())
        out = render.term(data, id, page_src(), text, first=id not in seen)
        seen.add(id)
        used(data.glossary.get(id))
        return out

    def definition(id: str) -> str:
        """A boxed definition of one glossary term: definition('qms')."""
        return render.definition(data, id, page_src())

    def glossary() -> str:
        """The full glossary, sorted by term."""
        for entry in data.glossary.values():
            used(entry)
        return render.glossary(data, page_src())

    def checklist(id: str) -> str:
        """A checklist from data/checklists/<id>.yml as a task list with stable item anchors."""
        use_widgets()
        used(data.checklists.get(id))
        for item in (data.checklists.get(id) or {}).get("items", []):
            used(item)
        return render.checklist(data, id, page_src())

    def letter(id: str) -> str:
        """A letter from data/templates/<id>.yml: the plain text, and a form that fills it in."""
        use_widgets()
        used(data.templates.get(id))
        for field in ((data.templates.get(id) or {}).get("fields") or {}).values():
            used(field)
        return render.letter(data, id, page_src())

    def certificate_check() -> str:
        """The certificate check: type what a certificate shows, see the red flags (data/certificate-rules.yml)."""
        use_widgets()
        for rule in data.certificate_rules.values():
            used(rule)
        return render.certificate_check(data, page_src())

    def misconceptions() -> str:
        """Every myth and fact from data/misconceptions.yml."""
        for entry in data.misconceptions.values():
            used(entry)
        return render.misconceptions(data, page_src())

    def cite(*ids: str) -> str:
        """Inline citation(s) to data/sources.yml entries: cite('iso-certification')."""
        return render.cite(data, ids, page_src())

    def sources() -> str:
        """The full list of sources."""
        return render.sources(data)

    def fact(key: str, part: str = "statement") -> str:
        """A time-sensitive fact from data/facts.yml: fact('iso9001-edition', 'value')."""
        used(data.facts.get(key))
        return render.fact(data, key, page_src(), part)

    def audit_summary() -> str:
        """The date and verdict counts of the last fact audit (data/audit/)."""
        return _in_english(data, render.audit_summary(data, page_src()))

    def changes() -> str:
        """Every correction the fact audits made, newest first (data/audit/)."""
        return render.changes(data, page_src(), page_info.page_titles(ROOT / "docs"))

    def in_english() -> str:
        """For a page an edition leaves in English: says so and links to the English page."""
        return render.in_english(data, page_src())

    return [
        term,
        definition,
        glossary,
        checklist,
        letter,
        certificate_check,
        misconceptions,
        cite,
        sources,
        fact,
        audit_summary,
        changes,
        in_english,
    ]


def _in_english(data, markdown: str) -> str:
    """Text only the English site has (the audit records): marked as English on an edition's page."""
    return markdown if data.lang == "en" else f'<div lang="en" markdown>\n\n{markdown}\n</div>\n'


def _guarded(macro):
    """Turn a contributor's mistake (unknown id) into a one-line build error instead of a traceback."""

    def call(*args, **kwargs):
        try:
            return macro(*args, **kwargs)
        except render.UnknownIdError as err:
            raise BuildError(str(err)) from None

    call.__name__, call.__doc__ = macro.__name__, macro.__doc__
    return call


def _one_line_errors() -> None:
    """mkdocs-macros prints a Python traceback under a page error unless it knows the error type:
    register one-line messages for our errors and for an unknown name in a page (`{{ trem('qms') }}`)."""
    try:
        from jinja2 import TemplateSyntaxError, UndefinedError
        from mkdocs_macros.errors import format_error
    except ImportError:  # Zensical: it prints its own report
        return

    @format_error.register(BuildError)
    def _contributor_error(error, markdown, page) -> str:
        return str(error)

    @format_error.register(TemplateSyntaxError)
    def _syntax_error(error, markdown, page) -> str:
        # Jinja counts lines after the front matter; the contributor's editor counts from the file's top.
        lines_in_file = len(Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines())
        line = error.lineno + max(0, lines_in_file - len(markdown.splitlines()))
        return (
            f"docs/{page.file.src_uri} line {line}: {error.message.rstrip('.')}; every {{{{ needs its }}}} "
            "(a page that shows literal braces needs `render_macros: false` in its front matter)"
        )

    @format_error.register(UndefinedError)
    def _unknown_name(error, markdown, page) -> str:
        names = ", ".join(macro.__name__ for macro in _macros(None, str))
        return (
            f"docs/{page.file.src_uri}: {error} in a {{{{ ... }}}}; the macros pages may use are {names}"
            " (see .github/contributing/macros.md)"
        )


_one_line_errors()


_LOADED: dict = {}


def _reload_changed_code() -> None:
    """`mkdocs serve` keeps Python modules loaded between rebuilds: reload the ones edited since."""
    for module in (loader, render, page_info, site_files, structured_data):
        stamp = Path(module.__file__).stat().st_mtime_ns
        if _LOADED.setdefault(module.__name__, stamp) != stamp:
            importlib.reload(module)
            _LOADED[module.__name__] = stamp


def edition_of(conf) -> str:
    """The edition being built: `extra.edition` in its config (tools/editions.py writes it), else English."""
    return ((conf.get("extra") or {}) if hasattr(conf, "get") else {}).get("edition") or "en"


def load_edition(lang: str):
    """The data as edition `lang` shows it (English for "en"); one line for a contributor's mistake."""
    try:
        english = loader.load_data_cached(ROOT / "data")
        return i18n.load_edition_cached(english, lang, ROOT / "data")[0] if lang != "en" else english
    except loader.DataError as err:
        raise BuildError(str(err)) from None


def _is_mkdocs(conf) -> bool:
    """MkDocs passes its config object; Zensical a plain dict (and runs define_env once per page)."""
    return type(conf).__module__.startswith("mkdocs")


_DIRTY_WARNING = "A 'dirty' build is being performed"
_PREVIEW: dict = {}


class _DirtyPreviewIsCorrect(logging.Filter):
    """`make serve` rebuilds only the page you saved (`mkdocs serve --dirty`). MkDocs warns that such a
    build may leave other pages stale; _preview_inputs_changed() rebuilds every page whenever anything
    that other pages show has changed, so the warning (which `strict: true` would turn into a stop) is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


def _preview_inputs_changed(conf) -> None:
    """Under `mkdocs serve --dirty`, MkDocs rebuilds a page only when its own file changed. When data/,
    macros/, overrides/, mkdocs.yml or any page's front matter (titles and descriptions other pages show)
    changed since the last build of this process, remove the built pages so that every page is rebuilt.
    A single `mkdocs build` runs this once and changes nothing; Zensical never gets here."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyPreviewIsCorrect) for f in logger.filters):
        logger.addFilter(_DirtyPreviewIsCorrect())
    docs = Path(conf["docs_dir"])
    watched = [ROOT / "mkdocs.yml", *(p for d in ("data", "macros", "overrides") for p in (ROOT / d).rglob("*"))]
    stamp = (
        tuple(sorted((str(p), p.stat().st_mtime_ns) for p in watched if p.is_file() and "generated" not in p.parts)),
        repr(sorted(page_info.front_matter(docs).items(), key=lambda item: item[0])),
    )
    site = Path(conf["site_dir"])
    if _PREVIEW.get(str(site)) not in (None, stamp) and site.is_dir():
        for built in site.rglob("*.html"):
            built.unlink()
    _PREVIEW[str(site)] = stamp


def define_env(env):
    """Load data/, write the abbreviation list, register the macros (and, under Zensical, set page facts)."""
    _reload_changed_code()
    if _is_mkdocs(env.conf):
        _preview_inputs_changed(env.conf)
    lang = edition_of(env.conf)
    data = load_edition(lang)
    try:
        if lang == "en":
            files = generated_files(data, page_info.read_config(ROOT))
        else:
            files = {abbreviations_file(lang): render.abbreviations_markdown(data)}
    except ValueError as err:  # a nav section llms.txt does not know
        raise BuildError(str(err)) from None
    for path, text in files.items():
        _write_if_changed(path, text)

    def page_src() -> str:
        return page_info.page_path(env.page)

    def use_widgets() -> None:
        env.page.meta["widgets"] = True

    def used(entry) -> None:
        if entry and entry.get("_stale"):
            env.page.meta["translation_stale"] = True

    for macro in _macros(data, page_src, use_widgets, used):
        env.macro(_guarded(macro))
    if getattr(env, "page", None) is not None:  # Zensical runs define_env once per page and has no page event
        on_pre_page_macros(env)


def on_pre_page_macros(env):
    """Before each page's macros (mkdocs-macros event): last-updated date and, for pages generated from
    data, the edit link of that data file. overrides/ shows both."""
    meta = env.page.meta
    conf = env.conf
    lang = edition_of(conf)
    src = page_info.page_path(env.page)
    _TERMS_SEEN[src] = set()
    source = src if lang == "en" else f"{lang}/{src}"
    meta["last_updated"] = page_info.last_updated(ROOT, source, meta.get("edit_data"))
    if meta.get("edit_data"):
        meta["edit_data_url"] = page_info.data_edit_url(env.conf, meta["edit_data"])
    config = page_info.read_config(ROOT, i18n.config_name(lang))
    english_url = (config.get("extra") or {}).get("english_url") or config.get("site_url") or "/"
    meta["json_ld"] = structured_data.json_ld(
        src=src,
        title=str(meta.get("title") or env.page.title or conf["site_name"]),
        description=str(meta.get("description") or conf.get("site_description") or ""),
        modified=meta["last_updated"],
        lang=lang,
        site={"name": conf["site_name"], "url": conf.get("site_url") or "/"},
        nav=config.get("nav") or [],
    )
    data = load_edition(lang)
    meta["ui"] = data.strings.get("ui") or {}
    translated = page_info.translated_pages(ROOT / "docs", i18n.EDITIONS)
    meta["alternates"] = i18n.alternates(src, lang, english_url, translated)
    if lang != "en":
        meta["js_strings"] = structured_data.script_json(data.strings.get("js") or {})
        meta["english_url"] = i18n.relative_url(src, lang, "en")
        if not meta.get("untranslated"):
            if not meta.get("translated_from"):
                raise BuildError(
                    f"docs/{lang}/{src}: no 'translated_from' in its front matter; "
                    f"run `python -m tools.translations stamp docs/{lang}/{src}` once it matches docs/{src}"
                )
            if str(meta["translated_from"]) != i18n.english_page_hash(ROOT / "docs", src):
                meta["translation_stale"] = True


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
