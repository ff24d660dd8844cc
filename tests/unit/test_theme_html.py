from macros.theme_html import fix_theme_markup


def test_autocomplete_removed_from_checkboxes_only():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    assert fix_theme_markup(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )


def test_empty_tabindex_removed_and_real_one_kept():
    html = '<label class="md-nav__link" for="x" tabindex="">A</label><label tabindex="0">B</label>'
    assert fix_theme_markup(html) == '<label class="md-nav__link" for="x">A</label><label tabindex="0">B</label>'


def test_toc_label_kept_when_toggle_exists_and_unlinked_when_not():
    label = '<label class="md-nav__title" for="__toc">Table of contents</label>'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert fix_theme_markup(with_toggle) == with_toggle
    assert fix_theme_markup(label) == '<label class="md-nav__title">Table of contents</label>'


def test_search_dialog_gets_a_name():
    html = '<div class="md-search" data-md-component="search" role="dialog">'
    assert fix_theme_markup(html) == (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    )
