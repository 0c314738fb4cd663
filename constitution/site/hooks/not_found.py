"""MkDocs hook: a 404 page in each language, the default language's at the site's root.

static-i18n builds every language into the same site, and each build writes the theme's
404.html (overrides/404.html) at the root; the last language would win. Web servers serve
the root one by default: it stays the default language's (built first), and each other
language's goes to its own folder (ru/404.html, en/404.html) for a server that answers
under /ru/ or /en/ with it. Their links are absolute paths (MkDocs renders 404.html so), so
they work from any folder. Each leads to the three homes, its own first (`not_found_homes`
in the template's context), and so does its language switch.
The offline bundle has no server to answer with a 404 page: it leaves them all out
(build/offline.py).
"""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from constitution.core import languages, urls

NOT_FOUND = "404.html"


def page_path(site_dir: str, language: str) -> Path:
    """Where the 404 page of `language` is written."""
    return Path(site_dir) / urls.page_url("", language) / NOT_FOUND


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        root = urlsplit(config.site_url or "/").path  # absolute paths, as MkDocs gives a 404 page
        homes = {code: f"{root}{urls.page_url('', code)}" for code in languages.LANGUAGES}
        context["not_found_homes"] = [{"lang": code, "link": homes[code]}
                                      for code in languages.page_first(config.theme["language"])]
        # the language switch leads home too. The theme reads config.extra.alternate, which
        # static-i18n sets for each page as an attribute over the item (by now the language's
        # last page's: ru/404.html switched to /status/), and sets again for the next page
        homes_switch = [{**alternate, "link": homes[alternate["lang"]]} for alternate in config.extra["alternate"]]
        config.extra["alternate"] = homes_switch
        config.extra.alternate = homes_switch
    return context


@event_priority(-100)  # after the other hooks have finished this language's page
def on_post_template(output_content, template_name, config):
    language = config.theme["language"]
    if template_name != NOT_FOUND or language == languages.DEFAULT_LANGUAGE:
        return output_content
    own = page_path(config.site_dir, language)
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(output_content, encoding="utf-8")
    return (Path(config.site_dir) / NOT_FOUND).read_text(encoding="utf-8")  # the default's, built first
