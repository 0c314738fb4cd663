"""MkDocs hook: gaps in Material's markup that screen readers and the HTML checkers trip on
(tests/browser/test_accessibility.py, tests/build/site/test_html_checker.py).

- The search is a dialog (`role="dialog"`) without a name, so it is announced as an unnamed
  dialog; it gets the name of its own search box (Material's "Search" in the page's language).
- The language selector names each language in itself ("Қазақша" on an English page) without
  saying which language that is, so a screen reader speaks it with the page's rules; each
  link gets the `lang` of the language it leads to (WCAG 3.1.2, language of parts).
- The drawer and search toggles are checkboxes with `autocomplete="off"`, which HTML allows
  only on text-like inputs (the Nu Html Checker's error); the attribute is dropped.
- The table of contents' toggle: a page with no headings to list gets the checkbox without
  its label (an unnamed control), a section page (navigation.indexes) the label without its
  checkbox (a label for nothing). The orphan half is left out: the checkbox, or the label's `for`.
- The search form has no submit button (WCAG 3.2.2, HTML_CodeSniffer's H32.2): it gets one,
  named "Search" in the page's language, for screen readers (accessibility.css); reader.js
  makes it open the first result, as Enter does.

All expect Material's markup as it is: if an update changes it, the build stops here
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
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')
TOC_CHECKBOX_TAG = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
TOC_CHECKBOX = re.compile(rf"[ \t]*{re.escape(TOC_CHECKBOX_TAG)}\n?")  # with its line's indentation
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
SEARCH_FORM_END = re.compile(r'(<form class="md-search__form" name="search">.*?)(</form>)', re.S)
SEARCH_SUBMIT = '<button type="submit" class="md-search__submit" tabindex="-1">{}</button>'
NOT_FOUND = "404.html"


def accessible(html: str, where: str) -> str:
    """The page with its search dialog named, its search form submittable, its toggles valid and
    its language links marked with their language."""
    if SEARCH_COMPONENT in html:
        label = SEARCH_BOX_LABEL.findall(html)
        if len(SEARCH_DIALOG.findall(html)) != 1 or len(label) != 1:
            raise PluginError(f"{where}: Material's search markup changed; update constitution/site/hooks/accessibility.py")
        html = SEARCH_DIALOG.sub(
            f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label[0]}">', html)
        if 'class="md-search__submit"' not in html:
            html, forms = SEARCH_FORM_END.subn(lambda m: m[1] + SEARCH_SUBMIT.format(label[0]) + m[2], html, count=1)
            if forms != 1:
                raise PluginError(f"{where}: Material's search form changed; update constitution/site/hooks/accessibility.py")
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
    if re.search(r'<input [^>]*type="checkbox"[^>]*autocomplete', html):
        raise PluginError(f"{where}: Material's toggles changed; update constitution/site/hooks/accessibility.py")
    html = toc_toggle(html)
    if html.count(SELECT_LINK_CLASS) != len(LANGUAGE_LINK.findall(html)):
        raise PluginError(f"{where}: Material's language selector markup changed; update constitution/site/hooks/accessibility.py")
    return LANGUAGE_LINK.sub(r'\1 lang="\2">', html)


def toc_toggle(html: str) -> str:
    """The table of contents' checkbox and its label together, or neither."""
    # the tag itself looked for first: a pattern that opens with [ \t]* is tried at every character
    has_checkbox, has_label = TOC_CHECKBOX_TAG in html, 'for="__toc"' in html
    if has_checkbox and not has_label:
        return TOC_CHECKBOX.sub("", html)
    if has_label and not has_checkbox:
        if html.count('for="__toc"') != html.count(TOC_LABEL):
            raise PluginError("Material's table of contents markup changed; update constitution/site/hooks/accessibility.py")
        return html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def on_post_page(output, page, config):
    return accessible(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if template_name != NOT_FOUND:
        return output_content
    return accessible(output_content, template_name)
