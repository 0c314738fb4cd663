"""MkDocs hook: two gaps in Material's markup that screen readers trip on (tests/browser/test_accessibility.py).

- The search is a dialog (`role="dialog"`) without a name, so it is announced as an unnamed
  dialog; it gets the name of its own search box (Material's "Search" in the page's language).
- The language selector names each language in itself ("Қазақша" on an English page) without
  saying which language that is, so a screen reader speaks it with the page's rules; each
  link gets the `lang` of the language it leads to (WCAG 3.1.2, language of parts).

Both expect Material's markup as it is: if an update changes it, the build stops here
instead of shipping the gap again. Applying them twice changes nothing (the not_found hook
serves the default language's finished 404 page to the others' builds).
"""

import re

from mkdocs.exceptions import PluginError

SEARCH_COMPONENT = 'data-md-component="search"'
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?: aria-label="[^"]*")?>')
SEARCH_BOX_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]+)"')
SELECT_LINK_CLASS = 'class="md-select__link"'
LANGUAGE_LINK = re.compile(r'(<a href="[^"]*" hreflang="([a-zA-Z-]+)" class="md-select__link")(?: lang="[^"]*")?>')
NOT_FOUND = "404.html"


def accessible(html: str, where: str) -> str:
    """The page with its search dialog named and its language links marked with their language."""
    if SEARCH_COMPONENT in html:
        label = SEARCH_BOX_LABEL.findall(html)
        if len(SEARCH_DIALOG.findall(html)) != 1 or len(label) != 1:
            raise PluginError(f"{where}: Material's search markup changed; update constitution/site/hooks/accessibility.py")
        html = SEARCH_DIALOG.sub(
            f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label[0]}">', html)
    if html.count(SELECT_LINK_CLASS) != len(LANGUAGE_LINK.findall(html)):
        raise PluginError(f"{where}: Material's language selector markup changed; update constitution/site/hooks/accessibility.py")
    return LANGUAGE_LINK.sub(r'\1 lang="\2">', html)


def on_post_page(output, page, config):
    return accessible(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if template_name != NOT_FOUND:
        return output_content
    return accessible(output_content, template_name)
