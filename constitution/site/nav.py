"""The generated docs/ of a source: every language's pages, and site.yml with each language's
name, site name, description, size format and nav (read by the i18n_languages and downloads
hooks through `read_site_data`).

`site_files(source)` is pure: {path under docs/: text}; build/docs.py puts it on disk.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

import yaml

from constitution.core import catalogue, languages, paths, urls
from constitution.site.pages import language_pages
from constitution.site.units import Lang, Page
from constitution.source import ui
from constitution.source.editions import Editions
from constitution.source.model import Source

GENERATED_MD = f"<!-- {paths.GENERATED_MARKER}: edit translations/, not this file -->"
GENERATED_YAML = f"# {paths.GENERATED_MARKER}: edit translations/, not this file"


def nav(pages: list[Page], source: Source, lang: Lang) -> list:
    """The nav of one language: sections hold their index page and their articles.

    Titles are HTML-escaped: MkDocs' templates print them as they are.
    """
    by_key = {page.key: page for page in pages}
    entry = {page.key: {escape(page.title): urls.page_source(page.key, lang.code).split("/", 1)[1]}
             for page in pages}
    items, in_sections = [], set()
    for section in source.document.sections:
        children = [section.id, *(article.id for article in source.section_articles(section))]
        in_sections.update(children)
        items.append((section.id, {escape(by_key[section.id].title): [entry[key] for key in children]}))
    result = []
    for page in pages:
        if not page.in_nav:
            continue
        if page.key in in_sections:
            result.extend(item for key, item in items if key == page.key)
        else:
            result.append(entry[page.key])
    return result


def site_data(source: Source, pages: dict[str, list[Page]], editions: Editions | None = None) -> str:
    """site.yml: what the hooks set per language (static-i18n takes nav and names per language;
    the project's theme templates read `theme_text`; of a source of several editions, search's
    choice of edition, `search_editions`)."""
    settings = {}
    for code in languages.LANGUAGES:
        lang = Lang(source, code)
        settings[code] = {
            # Material prints these as HTML, unescaped (rules.theme_strings_plain keeps signs out)
            "name": escape(lang.endonym(code)),
            **{key: escape(lang.ui(key)) for key in ui.THEME_KEYS},
            "file_size": {"kb": lang.ui("site_size_kb"), "mb": lang.ui("site_size_mb"),
                          "decimal": lang.ui("site_decimal_separator")},
            "nav": nav(pages[code], source, lang),
            "theme_text": {key: escape(lang.ui(key)) for key in ui.TEMPLATE_KEYS},
        }
        if editions is not None and editions.several:
            settings[code]["search_editions"] = search_editions(editions, lang)
    body = yaml.safe_dump({"languages": settings}, allow_unicode=True, sort_keys=False, width=1000)
    return f"{GENERATED_YAML}\n{body}"


def search_editions(editions: Editions, lang: Lang) -> dict:
    """Search's choice of edition in one language (overrides/main.html prints it, unescaped): its
    label, and per edition in order its dated folder, its index's folder ('' for the current
    edition's: today's index) and its name."""
    from constitution.site.editions import dated

    options = [{"value": dated(edition), "index": "" if edition.id == editions.current_id else dated(edition),
                "name": escape(getattr(edition.name, lang.code)), "current": edition.id == editions.current_id}
               for edition in editions.editions]
    return {"label": escape(lang.ui("edition_search")), "options": options}


def page_text(page: Page) -> str:
    """A page's generated Markdown file."""
    return "\n".join([GENERATED_MD, "", *page.lines]).rstrip() + "\n"


def site_files(source: Source, editions: Editions | None = None,
               offline_holds: str = catalogue.OFFLINE_CURRENT) -> dict[str, str]:
    """Every generated file under docs/, as {relative path: text} (the offline bundle's pages are
    the website's, converted: build/offline.py). A source of several editions adds its dated and
    comparison pages (site/editions.py), and its Downloads page says which editions the offline
    bundle holds (`offline_holds`); a one-edition source's files are what they always were."""
    files, pages = {}, {}
    several = editions is not None and editions.several
    for code in languages.LANGUAGES:
        pages[code] = language_pages(Lang(source, code), source)
        if several:  # the current edition's preamble and articles say which edition they show,
            # the Downloads page lists every edition's files
            from constitution.site.editions import with_downloads, with_notices

            pages[code] = with_downloads(editions, code, with_notices(editions, code, pages[code]), offline_holds)
        for page in pages[code]:
            files[urls.page_source(page.key, code)] = page_text(page)
    files[paths.SITE_DATA_FILE] = site_data(source, pages, editions)
    if several:
        from constitution.site.editions import edition_files

        files.update(edition_files(editions, GENERATED_MD))
    return files


def read_site_data(docs_dir: str | Path) -> dict | None:
    """The languages of a docs folder's site.yml ({lang: settings}), None if it has none.

    Read once per version of the file: the hooks ask for it on every page of every language.
    """
    path = Path(docs_dir) / paths.SITE_DATA_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _site_data(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _site_data(path: Path, mtime_ns: int, size: int) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)["languages"]
