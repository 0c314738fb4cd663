"""MkDocs hook: one search entry per text unit, so that a result leads to its clause.

Material's search splits a page at its headings; clauses, points and recitals are not
headings, so a hit in Article 2, paragraph 4 would lead to the top of the page. After
Material has indexed a page, this hook indexes it again with its text units taken out,
and adds one entry per unit at `page#id`:

- a unit is an element with the class `unit` (site/units.py marks every clause, point,
  recital and article text so) and its id (`art_2__para_4`); one without an id, or
  without a label, stops the build;
- title: the unit's `data-label` ("Статья 2, пункт 4"), else the aria-label or title of
  its own permalink `<a href="#id">`;
- text: the unit's text, without its permalink and without text in another language
  (`lang="…"`: the other languages' text offered where a unit is missing).

Material groups these entries under their page and shows each as its own result.

Blocks marked `data-search-exclude` are taken out of the re-indexed page as well: Material's
own parser compares elements by tag name, so inside an excluded <div> the first nested
</div> switches the exclusion off (the side-by-side rows of site/parallel.py are such).
"""

from __future__ import annotations

import copy
import html

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from constitution.core import contract

UNIT_CLASS = contract.UNIT
EXCLUDED = contract.SEARCH_EXCLUDE
LABELS = ("aria-label", "title")  # of the permalink, when the unit has no data-label

_content_by_page: dict[str, str] = {}  # page.url -> its HTML, as Markdown rendered it


@event_priority(-100)  # after every other content handler: index what the page shows
def on_page_content(html_text, page, config, files):
    _content_by_page[page.url] = html_text
    return html_text


@event_priority(-50)  # after material/search (priority 0) has indexed the page
def on_page_context(context, page, config, nav):
    content = _content_by_page.pop(page.url, None)
    index = _search_index(config)
    if index is None or not content:
        return context
    units, rest = split_units(content, page.url, config.theme["language"])
    if rest != content:
        index.entries[:] = [entry for entry in index.entries if _page_of(entry) != page.url]
        shown, page.content = page.content, rest  # Material indexes page.content
        try:
            index.add_entry_from_context(page)
        finally:
            page.content = shown
        index.entries.extend(units)
    return context


def split_units(content: str, url: str, language: str) -> tuple[list[dict], str]:
    """Search entries for the text units of a page's HTML, and the HTML left to index as
    the page's own (without units and excluded blocks; `content` itself if it has none)."""
    import lxml.html

    root = lxml.html.fragment_fromstring(content, create_parent="div")
    excluded = root.xpath(f".//*[@{EXCLUDED}]")
    units = [el for el in root.find_class(UNIT_CLASS) if not _inside(el, excluded)]
    entries = [unit_entry(el, url, language) for el in units]
    if not units and not excluded:
        return [], content
    for el in [*units, *excluded]:
        if root in el.iterancestors():  # not inside one already taken out
            el.drop_tree()
    rest = (root.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )
    return entries, rest


def _inside(el, blocks) -> bool:
    return any(block is el or block in el.iterancestors() for block in blocks)


def unit_entry(el, url: str, language: str) -> dict:
    """The search entry of one unit; Material shows title and text as HTML: escape both."""
    unit_id = el.get("id")
    if not unit_id:
        raise PluginError(f"{url}: an element of class '{UNIT_CLASS}' has no id")
    permalinks = el.xpath(".//a[@href=$href]", href=f"#{unit_id}")
    labels = [el.get(contract.DATA_LABEL)] + [link.get(name) for link in permalinks for name in LABELS]
    label = next((text for text in labels if text), None)
    if label is None:
        raise PluginError(f"{url}: unit {unit_id} has no data-label and no labelled permalink")
    own = copy.deepcopy(el)
    own.tail = None
    leave_out = [*own.xpath(".//a[@href=$href]", href=f"#{unit_id}"),  # the permalink
                 *own.xpath(".//*[@lang and @lang!=$lang]", lang=language),  # other languages
                 *(part for part in own.iterdescendants() if UNIT_CLASS in part.classes)]
    for part in leave_out:
        part.drop_tree()
    for br in own.iter("br"):
        br.tail = " " + (br.tail or "")
    text = " ".join(own.text_content().split())
    return {
        "location": f"{url}#{unit_id}",
        "title": html.escape(label, quote=False),
        "text": html.escape(text, quote=False),
    }


def _page_of(entry: dict) -> str:
    return entry["location"].split("#", 1)[0]


def _search_index(config):
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin.search_index
    return None
