"""The hooks that mend Material's markup and head, in-process on small pages shaped like
Material's: the accessibility hook (what the Nu Html Checker and pa11y flagged), the hreflang
hook (alternates only in the sitemap), the metadata hook (descriptions)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from constitution.site.hooks import accessibility, hreflang, metadata

TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
           '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n')
SEARCH = ('<div class="md-search" data-md-component="search" role="dialog">'
          '<form class="md-search__form" name="search">'
          '<input type="text" class="md-search__input" name="query" aria-label="Поиск" placeholder="Поиск" '
          'autocomplete="off" required><button type="reset" class="md-search__icon md-icon">x</button></form></div>')
TOC_CHECKBOX = '      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
TOC_LABEL = '<label class="md-nav__title" for="__toc">Содержание</label>'
TOC_LINK_LABEL = '<label class="md-nav__link md-nav__link--active" for="__toc">Статья 2</label>'


def test_the_toggles_lose_autocomplete_which_checkboxes_may_not_have():
    page = accessibility.accessible(TOGGLES + SEARCH, "ru/art_2/index.md")
    assert 'id="__drawer">' in page and 'id="__search">' in page
    assert 'autocomplete="off" required' in page  # the search box keeps its own


def test_the_search_form_gets_a_named_submit_button_once():
    page = accessibility.accessible(TOGGLES + SEARCH, "ru/index.md")
    button = '<button type="submit" class="md-search__submit" tabindex="-1">Поиск</button></form>'
    assert page.count(button) == 1
    assert accessibility.accessible(page, "ru/index.md") == page  # applied twice: the same


TOC = [
    # test id, the page's table-of-contents markup, what is left of it
    ("checkbox-without-label", TOC_CHECKBOX + "<ul></ul>", "<ul></ul>"),
    ("label-without-checkbox", TOC_LABEL, '<label class="md-nav__title">Содержание</label>'),
    ("both", TOC_CHECKBOX + TOC_LINK_LABEL + TOC_LABEL, TOC_CHECKBOX + TOC_LINK_LABEL + TOC_LABEL),
    ("neither", "<ul></ul>", "<ul></ul>"),
]


@pytest.mark.parametrize("markup, expected", [case[1:] for case in TOC], ids=[case[0] for case in TOC])
def test_the_table_of_contents_toggle_keeps_both_halves_or_neither(markup, expected):
    assert accessibility.toc_toggle(markup) == expected


def test_an_unknown_toc_label_stops_the_build():
    with pytest.raises(PluginError, match="table of contents markup changed"):
        accessibility.toc_toggle('<label class="md-nav__link" for="__toc">x</label>')


HEAD = ('<head>\n    <link rel="canonical" href="https://example.org/ru/art_2/">\n'
        '      <link rel="alternate" href="../../" hreflang="kk">\n'
        '      <link rel="alternate" href="./" hreflang="ru">\n'
        '      <link rel="alternate" href="../../en/" hreflang="en">\n</head>')


def test_pages_keep_no_hreflang_link_for_material_to_fetch_a_sitemap_beside():
    page = hreflang.without_alternates(HEAD, "ru/art_2/index.md")
    assert 'rel="alternate"' not in page and 'rel="canonical"' in page
    with pytest.raises(PluginError, match="expected 3 hreflang links"):
        hreflang.without_alternates(page, "ru/art_2/index.md")


ARTICLE = ('<h1 id="art_2__hdg">Статья 2</h1><div class="admonition warning"><p>Неофициальный перевод</p></div>'
           '<p><a class="compare-link" href="../parallel/art_2/">Сравнить</a></p>'
           '<p class="unit unit--clause" id="art_2__para_1"><span class="unit__num">1.</span> Республика '
           '«Казахстан» – "унитарное" государство. <a class="unit__permalink" href="#art_2__para_1">¶</a></p>'
           '<div class="cite-strings" hidden data-citation="{unit}"></div>')
SIDE_BY_SIDE = ('<h1>Статья 2: языки рядом</h1><p>Каждая строка — одна часть текста.</p>'
                '<div class="pl-controls"><fieldset><legend>Колонки</legend></fieldset></div>'
                '<div class="pl"><div class="pl-row pl-head"><div class="pl-cell" lang="ru">Русский</div></div>'
                '<div class="pl-row pl-row--clause"><div class="pl-cell" lang="kk">Қазақстан</div>'
                '<div class="pl-cell" lang="ru">Россия? Нет: Казахстан&#160;<a class="pl-go" href="#">¶</a></div></div></div>')
SECTION = ('<h1>Раздел I</h1><h2 id="articles">Статьи раздела</h2>'
           '<ul><li><a href="../art_1/">Статья 1</a> — Первая.</li><li><a href="../art_2/">Статья 2</a> — Вторая.</li></ul>')
DESCRIPTIONS = [
    # test id, page title, content, description
    ("article-text-not-notices", "Статья 2", ARTICLE,
     "Статья 2 — 1. Республика «Казахстан» – \"унитарное\" государство."),
    ("side-by-side-in-the-page-language", "Статья 2: языки рядом", SIDE_BY_SIDE,
     "Статья 2: языки рядом — Россия? Нет: Казахстан"),
    ("section-and-its-articles", "Раздел I", SECTION, "Раздел I — Статья 1 — Первая. Статья 2 — Вторая."),
    ("a-unit-in-a-hidden-part-is-left-out", "Статья 3",
     '<div hidden><p class="unit">Скрыто.</p></div><p class="unit unit--clause">Видно.</p>', "Статья 3 — Видно."),
    ("the-words-after-a-left-out-element-stay", "Статья 4",
     '<p class="unit">Начало<a class="unit__permalink" href="#x">¶</a>конец.<!-- примечание --></p>',
     "Статья 4 — Началоконец."),
    ("an-item-holding-a-list-gives-its-items", "О тексте",
     "<ul><li>Внешний<ul><li>Внутренний.</li></ul></li></ul>", "О тексте — Внутренний."),
    ("an-item-whose-list-is-hidden-is-its-own", "О тексте",
     "<ul><li>Внешний.<ul hidden><li>Скрыто.</li></ul></li></ul>", "О тексте — Внешний."),
    ("only-the-first-units-of-a-long-page", "Статьи",
     '<p class="unit">' + '</p><p class="unit">'.join(f"Пункт {n}." for n in range(1, 2001)) + "</p>",
     "Статьи — " + " ".join(f"Пункт {n}." for n in range(1, 16)) + " Пункт…"),
]


@pytest.mark.parametrize("title, content, expected", [case[1:] for case in DESCRIPTIONS],
                         ids=[case[0] for case in DESCRIPTIONS])
def test_a_description_is_the_title_and_the_pages_own_first_words(title, content, expected):
    text = metadata.description(title, content, "ru")
    assert text == expected
    assert len(text) <= metadata.LIMIT


def test_a_long_description_is_cut_at_a_word_without_its_comma():
    text = metadata.description("Статья 9", "<p>" + "слово, " * 40 + "</p>", "ru")
    assert text.startswith("Статья 9 — слово, слово") and text.endswith(" слово…")
    assert metadata.LIMIT - len("слово, ") <= len(text) <= metadata.LIMIT


def test_a_page_without_text_stops_the_build():
    with pytest.raises(PluginError, match="no text to describe the page with"):
        metadata.description("Пусто", '<h1>Пусто</h1><div class="admonition"><p>Notice</p></div>', "ru")


def test_open_graph_values_are_escaped_once():
    tags = metadata.sharing_tags(site_name='A "B"', title="<T>", description=metadata.Markup.escape('"x" & y'),
                                 url="https://example.org/?a=1&b=2", locale="ru_KZ", alternate_locales=["kk_KZ"])
    assert 'content="A &#34;B&#34;"' in tags and 'content="&lt;T&gt;"' in tags
    assert 'content="&#34;x&#34; &amp; y"' in tags and "a=1&amp;b=2" in tags
    assert '<meta property="og:locale:alternate" content="kk_KZ">' in tags
