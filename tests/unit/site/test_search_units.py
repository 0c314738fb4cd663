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
