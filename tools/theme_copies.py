"""Write the theme templates this site fixes: copies of frozen upstream files with small, named changes.

Material 9.8.1 (its last release) and the pinned Zensical write a few pieces of invalid markup, a
render-blocking script tag and a colour palette their script re-applies at load (restyling the whole
page), outside any block that overrides/main.html could replace. Each fix below
is a plain text substitution on the installed upstream file; every substitution must match, so an
upgraded upstream that changed the file stops `--check` (run by `make lint`) instead of silently keeping an old copy.

    python -m tools.theme_copies          # rewrite the copies under overrides/
    python -m tools.theme_copies --check  # fail if a copy differs from upstream + fixes
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

from tools.paths import ROOT

OVERRIDES = ROOT / "overrides"

NO_AUTOCOMPLETE = [  # autocomplete is not allowed on checkboxes (Nu: "only allowed when the input type is ...")
    ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
    ('id="__search" autocomplete="off">', 'id="__search">'),
]
DEFERRED_BUNDLE = [  # the bundle deferred, so the page paints before it runs (Lighthouse: render-blocking)
    (".min.js' | url }}\"></script>", ".min.js' | url }}\" defer></script>"),
]
NO_EMPTY_TABINDEX = [  # section labels got tabindex="" (Nu: "The empty string is not a valid integer")
    ('tabindex="{{ tabindex }}"', '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}'),
]

NO_SITE_LEVEL_HREFLANG = [  # these said every page's translation is the edition's home page; the
    # sitemap gives each page its own alternates instead, and the language switcher links page to page
    # (overrides/partials/alternate.html). Without them the theme's script fetches no other sitemap.
    (
        """      {% if config.extra.alternate is iterable %}
        {% for alt in config.extra.alternate %}
          <link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t('language')) }}">
        {% endfor %}
      {% endif %}
""",
        "",
    ),
]

# (engine package, upstream template, copy under overrides/, reason, substitutions)
COPIES = [
    (
        "mkdocs-material",
        "base.html",
        "material/base.html",
        "no autocomplete on the two toggles; the script bundle deferred; no site-level hreflang links",
        [*NO_AUTOCOMPLETE, *DEFERRED_BUNDLE, *NO_SITE_LEVEL_HREFLANG],
    ),
    (
        "zensical",
        "base.html",
        "zensical/base.html",
        "no autocomplete on the two toggles; no aria-hidden on the overlay label (Nu error); the bundle deferred;"
        " no site-level hreflang links",
        [
            *NO_AUTOCOMPLETE,
            *DEFERRED_BUNDLE,
            *NO_SITE_LEVEL_HREFLANG,
            (
                '<label class="md-overlay" for="__drawer" aria-hidden="true">',
                '<label class="md-overlay" for="__drawer">',
            ),
        ],
    ),
    ("mkdocs-material", "partials/nav-item.html", "material/nav-item.html", "no empty tabindex", NO_EMPTY_TABINDEX),
    ("zensical", "partials/nav-item.html", "zensical/nav-item.html", "no empty tabindex", NO_EMPTY_TABINDEX),
    (
        "mkdocs-material",
        "partials/search.html",
        "material/search.html",
        "the search dialog gets a name (axe: aria-dialog-name), as Zensical's has",
        [
            (
                'data-md-component="search" role="dialog">',
                'data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
            )
        ],
    ),
    (
        "zensical",
        "partials/search.html",
        "zensical/search.html",
        "unchanged (partials/search.html picks per engine)",
        [],
    ),
    (
        "mkdocs-material",
        "partials/nav.html",
        "partials/nav.html",
        "imports the engine's own fixed nav-item copy (the file is the same in both engines)",
        [
            (
                '{% import "partials/nav-item.html" as item with context %}',
                '{% import ("material/nav-item.html" if mkdocs_version is defined else "zensical/nav-item.html")'
                " as item with context %}",
            )
        ],
    ),
    (
        "mkdocs-material",
        "partials/palette.html",
        "partials/palette.html",
        "not mounted by the theme's script, which re-applied the colours at load and restyled the whole page;"
        " partials/javascripts/palette.html chooses them while the header is parsed and assets/javascripts/site.js"
        " switches them (the file is the same in both engines)",
        [
            (
                '<form class="md-header__option" data-md-component="palette">',
                '<form class="md-header__option" data-site-palette>',
            )
        ],
    ),
    (
        "zensical",
        "partials/toc.html",
        "partials/toc.html",
        "the title label points at the __toc toggle only where the navigation writes one (not on section index"
        " pages); Material's copy differs only by the language import, which works in both",
        [
            (
                '<label class="md-nav__title" for="__toc">',
                '{%- set section_index = page.is_index and page.parent and "navigation.indexes" in features %}\n'
                '    <label class="md-nav__title"{% if not section_index %} for="__toc"{% endif %}>',
            )
        ],
    ),
]


def _template_dir(package: str) -> Path:
    module = __import__({"mkdocs-material": "material", "zensical": "zensical"}[package])
    return Path(module.__file__).parent / "templates"


def render_copy(package: str, upstream: str, reason: str, substitutions) -> str:
    text = (_template_dir(package) / upstream).read_text(encoding="utf-8")
    for old, new in substitutions:
        if old not in text:
            raise SystemExit(
                f"tools/theme_copies.py: '{old}' is no longer in {package} {version(package)} {upstream}; "
                "update the substitution or drop it if upstream fixed the markup"
            )
        text = text.replace(old, new)
    header = (
        f"{{#- Copy of {upstream} from {package} {version(package)}, made by tools/theme_copies.py (do not edit):"
        f" {reason}. -#}}\n"
    )
    return header + text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a copy is out of date, change nothing")
    args = parser.parse_args(argv)
    stale = []
    for package, upstream, target, reason, substitutions in COPIES:
        path = OVERRIDES / target
        text = render_copy(package, upstream, reason, substitutions)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if args.check:
            stale.append(f"overrides/{target}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote overrides/{target}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run `python -m tools.theme_copies` and commit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
