"""Repairs for invalid markup that Material 9.8.1 writes outside any template block.

Material's base.html puts `autocomplete="off"` on its two hidden checkbox toggles (drawer, search) and
nav-item.html writes `tabindex=""` on section labels; both fail HTML5 validation. Neither sits in a
block that overrides/main.html could replace, so the built page is repaired instead. Section index
pages (navigation.indexes) also get a table-of-contents label pointing at a `__toc` toggle that the
navigation never wrote.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def fix_theme_markup(html: str) -> str:
    """Drop autocomplete from checkboxes, empty tabindex and dangling __toc labels; name the search dialog."""
    html = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
    # The search overlay is a dialog without a name (axe/Lighthouse rule aria-dialog-name).
    html = html.replace(
        'data-md-component="search" role="dialog">', 'data-md-component="search" role="dialog" aria-label="Search">'
    )
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    # A plain replace: a regex starting with \s+ took 2 ms a page, most of this repair's time.
    return html.replace(' tabindex=""', "")
