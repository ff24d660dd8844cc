"""mkdocs-macros entry point: load and validate data/, then register one macro per concept.

All logic lives in define_env (the only hook Zensical runs); rendering is in macros/render.py.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from . import render
from .data import load_data
from .theme_html import fix_theme_markup


def define_env(env):
    """Load data/, give the abbr extension its glossary, and register the site's macros."""
    data = load_data(Path(env.project_dir) / "data")
    # "edit/main/docs/" -> "<repo_url>/edit/main/": the base for data files outside docs/.
    edit_uri = (env.conf.get("edit_uri") or "").strip("/")
    edit_base = f"{(env.conf.get('repo_url') or '').rstrip('/')}/{posixpath.dirname(edit_uri)}"

    # Abbreviation tooltips on every page come from the glossary, never from hand-written lists.
    mdx_configs = env.conf["mdx_configs"]
    mdx_configs.setdefault("abbr", {})["glossary"] = render.abbreviations(data)

    _repair_theme_markup_after_each_page(env.conf)

    def page() -> str:
        current = env.page
        _point_edit_link_at_data(current)
        return current.file.src_uri

    def _point_edit_link_at_data(current) -> None:
        # Generated pages name their data file in front matter (edit_data); "Edit this page" goes there.
        data_file = (current.meta or {}).get("edit_data")
        if data_file and edit_base:
            current.edit_url = edit_base.rstrip("/") + "/" + str(data_file).lstrip("/")

    @env.macro
    def term(id: str, text: str | None = None) -> str:
        """Link to a glossary term, with its short definition as tooltip: term('cb')."""
        return render.term(data, id, page(), text)

    @env.macro
    def definition(id: str) -> str:
        """A boxed definition of one glossary term: definition('qms')."""
        return render.definition(data, id, page())

    @env.macro
    def glossary() -> str:
        """The full glossary, sorted by term."""
        return render.glossary(data, page())

    @env.macro
    def checklist(id: str) -> str:
        """A checklist from data/checklists/<id>.yml as a task list with stable item anchors."""
        return render.checklist(data, id, page())

    @env.macro
    def misconceptions() -> str:
        """Every myth and fact from data/misconceptions.yml."""
        return render.misconceptions(data, page())

    @env.macro
    def cite(*ids: str) -> str:
        """Inline citation(s) to data/sources.yml entries: cite('iso-certification')."""
        return render.cite(data, ids, page())

    @env.macro
    def sources() -> str:
        """The full list of sources."""
        page()
        return render.sources(data)

    @env.macro
    def fact(key: str, part: str = "statement") -> str:
        """A time-sensitive fact from data/facts.yml: fact('iso9001-edition', 'value')."""
        return render.fact(data, key, page(), part)


def _repair_theme_markup_after_each_page(conf) -> None:
    """Run fix_theme_markup on every page's final HTML (see macros/theme_html.py for why).

    Registered from define_env because the project keeps no MkDocs hooks; a host that runs only
    define_env (Zensical) simply skips the repair. Re-registration on `mkdocs serve` rebuilds is avoided.
    """
    plugins = getattr(conf, "plugins", None)
    events = getattr(plugins, "events", None)
    if not isinstance(events, dict) or "post_page" not in events:
        return

    def repair_theme_markup(output, **_kwargs):
        return fix_theme_markup(output)

    for event in ("post_page", "post_template"):  # post_template covers 404.html
        events[event] = [f for f in events[event] if getattr(f, "__name__", "") != "repair_theme_markup"]
        events[event].append(repair_theme_markup)
