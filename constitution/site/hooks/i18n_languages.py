"""MkDocs hook: each language's name, site name, description and nav, and the strings the
project's theme templates print (`extra.theme_text`, and of a source of several editions
`extra.search_editions`), from docs/site.yml.

The generator writes site.yml beside the pages (the nav depends on the source, so it
cannot live in mkdocs.yml); static-i18n then applies these per-language settings. The site's
address (SITE_URL, MkDocs' site_url) is checked here too, before any page is written: Material
and the sitemap print it as it is.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from constitution.core import paths, urls
from constitution.site import nav
from constitution.source import ui

SETTINGS = ("name", *ui.THEME_KEYS, "nav")


def site_data(docs_dir: str) -> dict:
    """The generated site.yml of a docs folder; a missing or foreign one stops the build."""
    languages = nav.read_site_data(docs_dir)
    if languages is None:
        raise PluginError(f"{Path(docs_dir) / paths.SITE_DATA_FILE}: missing; run `python -m constitution generate`")
    return languages


def on_config(config):
    if config.site_url:
        problem = urls.url_problem(config.site_url, site=True)
        if problem:
            raise PluginError(f"SITE_URL {config.site_url!r} {problem}")
    languages = site_data(config.docs_dir)
    i18n = config.plugins["i18n"]
    for language in i18n.config.languages:
        if language.locale not in languages:
            raise PluginError(f"{paths.SITE_DATA_FILE}: no language '{language.locale}'")
        for key in SETTINGS:
            language[key] = languages[language.locale][key]
    # overrides/404.html and partials/path.html: config.extra.theme_text[language][key]
    config.extra["theme_text"] = {code: settings["theme_text"] for code, settings in languages.items()}
    # overrides/main.html: search's choice of edition, of a source of several editions only
    editions = {code: settings["search_editions"] for code, settings in languages.items() if "search_editions" in settings}
    if editions:
        config.extra["search_editions"] = editions
    return config
