"""constitution/site/hooks/search_units.py: one search entry per text unit, the page's entry without them."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from constitution.site.hooks import search_units as hook

PERMALINK = '<a class="unit__permalink" href="#{id}" aria-label="Permalink: {label}">¶</a>'


def clause(unit_id: str, text: str, label: str = "Article 2, paragraph 4", attrs: str = "") -> str:
    permalink = PERMALINK.format(id=unit_id, label=label)
    return f'<p class="unit unit--clause" id="{unit_id}"{attrs}>{text} {permalink}</p>'


CASES = [
    (
        "a clause",
        '<h1 id="art_2">Article 2</h1>' + clause("art_2__para_4", "4. the capital"),
        [("#art_2__para_4", "Permalink: Article 2, paragraph 4", "4. the capital")],
        '<h1 id="art_2">Article 2</h1>',
    ),
    (
        "data-label wins over the permalink's label",
        clause("art_1", "The Republic", attrs=' data-label="Article 1"') + "<p>after</p>",
        [("#art_1", "Article 1", "The Republic")],
        "<p>after</p>",
    ),
    (
        "special characters stay text, escaped as Material's own entries are",
        clause("art_3__para_1", "&lt;script&gt;alert(1)&lt;/script&gt; *a* &amp; b<br>line 2"),
        [("#art_3__para_1", "Permalink: Article 2, paragraph 4",
          "&lt;script&gt;alert(1)&lt;/script&gt; *a* &amp; b line 2")],
        "",
    ),
    (
        "a missing unit: its notice, not the other languages' text offered",
        '<div class="unit unit--missing" id="art_3__para_2"><p class="unit__notice">No text. '
        + PERMALINK.format(id="art_3__para_2", label="x")
        + '</p><p class="unit__fallback" lang="kk">Қазақша: мәтін</p></div>',
        [("#art_3__para_2", "Permalink: x", "No text.")],
        "",
    ),
    (
        "nested units are entries of their own",
        '<div class="unit" id="art_3__para_3">Lead-in: '
        + PERMALINK.format(id="art_3__para_3", label="p3")
        + clause("art_3__para_3__point_1", "1) first", label="p3.1") + "</div><p>rest</p>",
        [("#art_3__para_3", "Permalink: p3", "Lead-in:"),
         ("#art_3__para_3__point_1", "Permalink: p3.1", "1) first")],
        "<p>rest</p>",
    ),
    (
        "an excluded block stays out, nested <div>s and units in it included",
        '<h1>Side by side</h1><div class="pl" data-search-exclude><div class="pl-row">'
        '<div lang="kk">a</div><div lang="ru">b</div></div>'
        + clause("art_2__para_4", "c") + "</div><p>after</p>",
        [],
        "<h1>Side by side</h1><p>after</p>",
    ),
    ("a page without units", "<h1>About</h1><p>text</p>", [], "<h1>About</h1><p>text</p>"),
    ("a comment is no text", "<!-- generated -->\n\n<h1>About</h1><p>text</p>", [], "\n\n<h1>About</h1><p>text</p>"),
    (
        "the unofficial-translation banner and the link to the side-by-side page stay out",
        '<h1 id="art_2">Article 2</h1><div class="admonition warning unofficial"><p class="admonition-title">'
        'Unofficial</p><p>Not official.</p></div><p><a class="compare-link" href="../parallel/art_2/">Compare</a></p>'
        + clause("art_2__para_4", "4. the capital"),
        [("#art_2__para_4", "Permalink: Article 2, paragraph 4", "4. the capital")],
        '<h1 id="art_2">Article 2</h1><p></p>',
    ),
    (
        "a section the contract names stays out up to the next heading: a section page's articles",
        '<h1 id="sec_1">Section I</h1><p>kept</p><h2 id="articles">Articles</h2><ul><li>Article 1 — text</li></ul>'
        '<p>also out</p><h2 id="next">Next</h2><p>kept too</p>',
        [],
        '<h1 id="sec_1">Section I</h1><p>kept</p><h2 id="next">Next</h2><p>kept too</p>',
    ),
    (
        "the status tables stay out, the title and intro stay in",
        '<h1 id="status">Status</h1><p>intro</p><h2 id="totals">Totals</h2><table><tr><td>0</td></tr></table>'
        '<h2 id="units">By part</h2><table><tr><td>Article 1</td></tr></table>',
        [],
        '<h1 id="status">Status</h1><p>intro</p>',
    ),
    (
        "every side-by-side heading stays out with its section, units in it included",
        '<h1 id="parallel-art_2">Article 2 side by side</h1><p>back</p>' + clause("art_2__para_4", "c"),
        [],
        "",
    ),
    (
        "a marked heading takes its section with it",
        '<h1 id="x">Page</h1><p>kept</p><h2 id="y" data-search-exclude>Out</h2><p>out</p><h3 id="z">In</h3>',
        [],
        '<h1 id="x">Page</h1><p>kept</p><h3 id="z">In</h3>',
    ),
]


@pytest.mark.parametrize("content, expected, rest", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_units(content, expected, rest):
    entries, remaining = hook.split_units(content, "en/art_2/", "en")
    assert [(e["location"].removeprefix("en/art_2/"), e["title"], e["text"]) for e in entries] == expected
    assert remaining == rest


@pytest.mark.parametrize("content, message", [
    ('<p class="unit">no id</p>', "has no id"),
    ('<p class="unit" id="art_1">no permalink</p>', "art_1 has no data-label and no labelled permalink"),
    ('<p class="unit" id="art_1">x <a href="#art_1">¶</a></p>', "art_1 has no data-label"),
], ids=["no id", "no permalink", "unlabelled permalink"])
def test_a_unit_it_cannot_index_stops_the_build(content, message):
    with pytest.raises(PluginError, match=f"en/art_1/: .*{message}"):
        hook.split_units(content, "en/art_1/", "en")


def test_material_alone_sees_the_page_without_its_units():
    """Between taking the units out and putting them back only Material's search indexes the
    page: the other hooks (metadata describes the page by its units) see it whole."""
    from mkdocs.config import load_config

    from constitution.core import paths

    handlers = load_config(str(paths.MKDOCS_CONFIG)).plugins.events["page_context"]
    names = [getattr(handler, "__qualname__", "") for handler in handlers]
    taken, back = names.index(hook._index_without_units.__name__), names.index(hook._add_units.__name__)
    assert names[taken + 1:back] == ["SearchPlugin.on_page_context"], names
