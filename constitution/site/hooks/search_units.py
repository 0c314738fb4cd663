"""MkDocs hook: one search entry per text unit, so that a result leads to its clause, in one
index per language, without the pages' boilerplate.

Material's search splits a page at its headings; clauses, points and recitals are not
headings, so a hit in Article 2, paragraph 4 would lead to the top of the page. Before
Material indexes a page, this hook hands it the page without its text units and without
what search leaves out; after, it adds one entry per unit at `page#id`:

- a unit is an element with the class `unit` (site/units.py marks every clause, point,
  recital and article text so) and its id (`art_2__para_4`); one without an id, or
  without a label, stops the build;
- title: the unit's `data-label` ("Статья 2, пункт 4"), else the aria-label or title of
  its own permalink `<a href="#id">`;
- text: the unit's text, without its permalink and without text in another language
  (`lang="…"`: the other languages' text offered where a unit is missing).

Left out (core/contract.py names them): every element marked `data-search-exclude` (the
side-by-side rows, controls and intro), of a class it names (the unofficial-translation banner,
an article's link to its side-by-side page), and the sections of the headings it names, each
up to the next heading (the status tables, a section page's list of its articles, every
heading of the side-by-side pages but the whole text's title); a marked heading takes its
section too. Units inside what is left out are no entries either. Material's own parser cannot do this:
it compares elements by tag name, so inside an excluded <div> the first nested </div> would
switch the exclusion off.

Each language's build writes its own index (site/search_index.py, UTF-8); Material's index of
all three languages together (static-i18n's, `search/search_index.json`) is not published.
A searched page whose front matter names an edition (`edition: 2026-01-30`, core/contract.py
EDITION_META: an earlier edition's dated preamble and articles, site/editions.py) gives its
entries, Material's and its units', to that edition's index instead (`search/2026-01-30/kk.json`).
"""

from __future__ import annotations

import copy
import html
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from constitution.core import contract
from constitution.site import search_index

UNIT_CLASS = contract.UNIT
EXCLUDED = contract.SEARCH_EXCLUDE
LABELS = ("aria-label", "title")  # of the permalink, when the unit has no data-label
HEADINGS = {f"h{level}" for level in range(1, 7)}
CLASSES = " | ".join(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
                    for name in contract.UNSEARCHED_CLASSES)
MATERIAL_INDEXES = ("search/search_index.json", "search/search_index.js")  # every language's, unpublished

_shown: dict[str, tuple[str, list[dict]]] = {}  # page.url -> (its HTML as shown, its units' entries)
_of_edition: dict[str, tuple[str, int]] = {}  # page.url -> (its edition's folder, its first entry's place)
_editions: dict[str, list[dict]] = {}  # an edition's folder -> the entries of its index, in this language


@event_priority(10)  # before material/search (priority 0) indexes page.content
def _index_without_units(context, page, config, nav):
    index = _search_index(config)
    if index is None or not page.content or (page.meta.get("search") or {}).get("exclude"):
        return context  # a page out of search (an earlier edition's) gives no unit its entry
    edition = page.meta.get(contract.EDITION_META)
    if edition:
        _of_edition[page.url] = (str(edition), len(index.entries))
    units, rest = split_units(page.content, page.url, config.theme["language"])
    rest = rest.strip()  # text before the first heading would be an entry of its own, untitled
    if rest != page.content:
        _shown[page.url] = (page.content, units)
        page.content = rest
    return context


# Right after material/search has indexed page.content: at its priority, a hook runs after the
# plugins, and before the hooks listed after this one (metadata reads the page with its units).
@event_priority(0)
def _add_units(context, page, config, nav):
    shown = _shown.pop(page.url, None)
    if shown is not None:
        page.content, units = shown
        _search_index(config).entries.extend(units)
    edition = _of_edition.pop(page.url, None)
    if edition is not None:  # its entries, Material's and its units', go to its edition's index
        folder, start = edition
        entries = _search_index(config).entries
        _editions.setdefault(folder, []).extend(entries[start:])
        del entries[start:]
    return context


on_page_context = CombinedEvent(_index_without_units, _add_units)


@event_priority(-90)  # after material/search has this language's entries, before static-i18n merges them
def _write_language_index(config):
    index = _search_index(config)
    if index is not None:
        search_index.write_index(Path(config.site_dir), config.theme["language"], index.config, index.entries)
        for folder, entries in sorted(_editions.items()):
            search_index.write_index(Path(config.site_dir), config.theme["language"], index.config, entries, folder)
    _editions.clear()  # the next language's build starts its own


@event_priority(-150)  # after static-i18n (-100) and Material's offline plugin (-100) wrote theirs
def _remove_material_index(config):
    for name in MATERIAL_INDEXES:
        (Path(config.site_dir) / name).unlink(missing_ok=True)


on_post_build = CombinedEvent(_write_language_index, _remove_material_index)


def split_units(content: str, url: str, language: str) -> tuple[list[dict], str]:
    """Search entries for the text units of a page's HTML, and the HTML left to index as
    the page's own (without units and left-out blocks; `content` itself if it has none)."""
    import lxml.html

    root = lxml.html.fragment_fromstring(content, create_parent="div")
    left_out = _left_out(root)
    units = [el for el in root.find_class(UNIT_CLASS) if not _inside(el, left_out)]
    entries = [unit_entry(el, url, language) for el in units]
    if not units and not left_out:
        return [], content
    for el in [*units, *left_out]:
        if root in el.iterancestors():  # not inside one already taken out
            el.drop_tree()
    rest = (root.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )
    return entries, rest


@lru_cache(maxsize=1)
def _paths():
    """The XPath expressions of this module, compiled once (not once per page and unit)."""
    from lxml import etree

    return {"left out": etree.XPath(f".//*[@{EXCLUDED}] | {CLASSES} | .//comment()"),
            "permalink": etree.XPath(".//a[@href=$href]"),
            "other languages": etree.XPath(".//*[@lang and @lang!=$lang]")}


def _left_out(root) -> set:
    """The elements search leaves out: those marked or of a class it skips, comments (before
    the first heading, Material would make an untitled entry of the line after one), and the
    sections of the headings it skips, each up to the next heading with an id (where Material
    starts the next section)."""
    out = set(_paths()["left out"](root))
    for heading in root.iter(*HEADINGS):
        if heading in out or _unsearched_section(heading.get("id") or ""):
            out.add(heading)
            for sibling in heading.itersiblings():
                if sibling.tag in HEADINGS and sibling.get("id"):
                    break
                out.add(sibling)
    return out


def _unsearched_section(heading_id: str) -> bool:
    return heading_id in contract.UNSEARCHED_SECTIONS or heading_id.startswith(contract.PARALLEL_HEADING_PREFIX)


def _inside(el, blocks: set) -> bool:
    return el in blocks or any(ancestor in blocks for ancestor in el.iterancestors())


def unit_entry(el, url: str, language: str) -> dict:
    """The search entry of one unit; Material shows title and text as HTML: escape both."""
    unit_id = el.get("id")
    if not unit_id:
        raise PluginError(f"{url}: an element of class '{UNIT_CLASS}' has no id")
    paths = _paths()
    permalinks = paths["permalink"](el, href=f"#{unit_id}")
    labels = [el.get(contract.DATA_LABEL)] + [link.get(name) for link in permalinks for name in LABELS]
    label = next((text for text in labels if text), None)
    if label is None:
        raise PluginError(f"{url}: unit {unit_id} has no data-label and no labelled permalink")
    own = copy.deepcopy(el)
    own.tail = None
    leave_out = [*paths["permalink"](own, href=f"#{unit_id}"),  # the permalink
                 *paths["other languages"](own, lang=language),  # other languages
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


def _search_index(config):
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin.search_index
    return None
