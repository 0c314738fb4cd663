"""The interface strings (ui.yaml), declared once: every key the stages print, typed.

Each key holds one string per language. A key that is absent, misspelt or unknown fails
at load with its file and line, like any other schema error, so no stage meets a missing
string halfway through a build. `{n}`, `{article}` … are placeholders the stages fill:
PLACEHOLDERS declares which each key may hold (checked against KEYS when the module loads),
and `parse` is the one reader of a string's
placeholders (rules.py checks every string with it at validate, labels.fill renders with it:
never `str.format`, which would read attributes, indexes and format specs from the text).
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict

KEYS = (
    # names and labels of the document's parts (site, PDF, Akoma Ntoso)
    "site_name", "draft", "preamble", "section_label", "article_label", "clause_label", "point_label",
    "chapter_label", "part_label", "wrap_up_label", "note_label", "note_badge", "point_letters",
    "status_official", "status_unofficial", "status_missing", "date_format",
    # the PDF editions
    "pdf_contents", "pdf_text_missing", "pdf_partial", "pdf_source",
    "pdf_link_hint", "pdf_parallel",
    # the site's pages
    "site_other_languages", "site_home", "site_description", "site_contents", "site_about", "site_edition",
    "site_date", "site_author", "site_holds", "site_holds_article", "site_holds_articles", "site_and",
    "site_full_text", "site_status", "site_unofficial_title", "site_unofficial_text", "site_missing_notice",
    "site_missing_offer", "site_permalink", "site_recital_label", "site_section_articles", "site_sources",
    "site_source_status", "site_source_published", "site_source_link", "site_timeline", "site_reader_tools",
    "site_breadcrumbs", "not_found_title", "not_found_text", "not_found_home", "site_search_all",
    "site_made_with",
    # the Downloads page (core/catalogue.py names the label of each file)
    "site_downloads", "site_downloads_intro", "site_downloads_pdf", "site_downloads_data",
    "site_downloads_offline", "site_all_downloads", "site_file", "site_file_description", "site_file_size",
    "site_file_pdf", "site_file_pdf_parallel", "site_file_json", "site_file_json_schema", "site_file_csv",
    "site_file_akn", "site_file_offline", "site_size_kb", "site_size_mb", "site_decimal_separator",
    # citations and the copy buttons
    "cite_document", "cite_article", "cite_clause", "cite_article_point",
    "cite_clause_point", "cite_article_part", "cite_clause_part", "cite_article_point_part",
    "cite_clause_point_part", "cite_recital", "cite_copy_link", "cite_copy_citation", "cite_copied_link",
    "cite_copied_citation", "cite_failed",
    # the languages side by side
    "parallel_title", "parallel_article_title", "parallel_intro", "parallel_link", "parallel_whole",
    "parallel_article_alone", "parallel_back", "parallel_previous", "parallel_next", "parallel_columns",
    "parallel_column", "parallel_column_none", "parallel_missing",
    # the translation status
    "status_title", "status_intro", "status_totals", "status_units", "status_all", "status_unit",
    "status_document_title", "status_about",
)


# The strings of the pages of a source of several editions (site/editions.py): a one-edition
# source may leave them out; rules_editions.py asks every edition of several for each of them.
EDITION_KEYS = (
    "edition_notice", "edition_current", "edition_not_current", "edition_current_link", "edition_not_in_current",
    "edition_editions", "edition_changes", "edition_changes_title", "edition_changes_intro", "edition_changed",
    "edition_moved", "edition_new", "edition_dropped", "edition_was", "edition_none", "edition_compare",
    "edition_compare_title", "edition_inserted", "edition_deleted", "edition_unit_dropped",
    # the Downloads page's files of each edition, and each edition's own
    "edition_downloads", "edition_downloads_intro", "edition_kind", "edition_kind_draft", "edition_kind_final_draft",
    "edition_kind_adopted", "edition_kind_amended", "edition_file_list", "edition_file_changes", "edition_files",
    "edition_pages",
    # the offline bundle of such a source (build/bundle_editions.py): which editions it holds
    "edition_offline_current", "edition_offline_all", "edition_offline_website",
    # the website's Downloads row of that bundle (core/catalogue.py OFFLINE_EDITIONS)
    "site_file_offline_current", "site_file_offline_all",
    # search's choice of edition (overrides/main.html), a citation naming its edition and the
    # copy button of today's undated address (site/cite.py, reader.js)
    "edition_search", "cite_edition_document", "cite_copy_current_link", "cite_copied_current_link",
)


# Keys an older ui.yaml may still have: what became of each (load.py says so at its line).
RETIRED = {
    "cite_date_format": "renamed date_format (it now dates the site and the PDF covers too)",
    "pdf_edition_date": "no longer used: the PDF covers say site_date, as the site does",
    "pdf_author": "no longer used: the PDF covers say site_author, as the site does",
}

# The strings the theme prints as MkDocs settings, unescaped (site/nav.py writes them into
# site.yml; rules.theme_strings_plain keeps HTML's signs out of them).
THEME_KEYS = ("site_name", "site_description")
# The strings the project's theme templates print, unescaped too (overrides/404.html,
# overrides/partials/path.html, overrides/partials/copyright.html, overrides/main.html), from
# site.yml's `theme_text` by the i18n_languages hook.
TEMPLATE_KEYS = ("site_breadcrumbs", "not_found_title", "not_found_text", "not_found_home", "site_search_all",
                 "site_made_with")
UNESCAPED_KEYS = THEME_KEYS + TEMPLATE_KEYS  # rules.theme_strings_plain keeps HTML's signs out of each

# The strings filled by source/labels.py's `fill`, the only ones where `{name:ordinal}` may stand.
ORDINAL_KEYS = ("cite_recital", "cite_article", "cite_clause", "cite_article_point", "cite_clause_point")


class Strings(BaseModel):
    """Base of the UI model (model.py): one field per key of KEYS, each a string per language."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    def get(self, key: str, lang: str) -> str:
        if key not in KEYS and key not in EDITION_KEYS:
            raise KeyError(f"ui.yaml declares no string '{key}' (source/ui.py KEYS)")
        strings = getattr(self, key)
        if strings is None:  # validate asks a source of several editions for every one
            raise KeyError(f"ui.yaml has no '{key}' (a source of several editions needs it)")
        return getattr(strings, lang)

    def items(self) -> Iterator[tuple[str, object]]:
        """(key, its strings) for every key it holds, in declaration order."""
        return ((key, getattr(self, key)) for key in (*KEYS, *EDITION_KEYS) if getattr(self, key) is not None)


# The placeholders each key may hold (a key not listed holds none).
PLACEHOLDERS: dict[str, frozenset[str]] = {key: frozenset(names.split()) for key, names in {
    "section_label": "n", "article_label": "n", "clause_label": "n", "point_label": "n",
    "chapter_label": "n", "part_label": "n", "note_label": "n",
    "pdf_partial": "n total", "pdf_source": "url", "pdf_link_hint": "example",
    "site_holds_article": "ranges total", "site_holds_articles": "ranges total",
    "site_full_text": "articles sections", "site_unofficial_text": "about", "site_permalink": "unit",
    "site_recital_label": "n", "site_file_pdf": "language", "site_file_akn": "language",
    "site_size_kb": "n", "site_size_mb": "n", "site_made_with": "name",
    "cite_document": "date unit", "cite_article": "article", "cite_clause": "article clause",
    "cite_article_point": "article point", "cite_clause_point": "article clause point",
    "cite_article_part": "article part", "cite_clause_part": "article clause part",
    "cite_article_point_part": "article point part", "cite_clause_point_part": "article clause point part",
    "cite_recital": "recital", "cite_copy_link": "unit", "cite_copy_citation": "unit",
    "cite_copied_link": "unit", "cite_copied_citation": "unit",
    "parallel_article_title": "article", "parallel_back": "n", "parallel_previous": "article",
    "parallel_next": "article", "parallel_column": "n", "status_about": "link",
    "edition_notice": "edition date", "edition_changes_title": "edition", "edition_changes_intro": "previous",
    "edition_was": "article", "edition_compare_title": "article", "edition_offline_current": "edition date",
    "cite_edition_document": "date edition unit", "cite_copy_current_link": "unit", "cite_copied_current_link": "unit",
}.items()}


def undeclared(*tables) -> list[str]:
    """The keys of `tables` (PLACEHOLDERS, ORDINAL_KEYS, THEME_KEYS …) that KEYS does not declare."""
    return [key for table in tables for key in table if key not in KEYS and key not in EDITION_KEYS]


# A misspelt key in a table beside KEYS would silently never apply: refuse it when the package loads.
if undeclared(PLACEHOLDERS, ORDINAL_KEYS, UNESCAPED_KEYS):
    raise ImportError(f"source/ui.py: keys not in KEYS: {undeclared(PLACEHOLDERS, ORDINAL_KEYS, UNESCAPED_KEYS)}")

# `{name}` or `{name:ordinal}`; any other brace is an error (there is no `{{` escape)
_TOKEN = re.compile(r"\{([a-z_]+)(?::(ordinal))?\}|[{}]")


class PlaceholderError(ValueError):
    """A ui string whose braces are not `{name}` / `{name:ordinal}` placeholders."""


def parse(template: str) -> list[tuple[str, str, str]]:
    """The pieces of a ui string: (text before, placeholder name, form) per placeholder, then
    (the rest, "", ""). A brace that opens no `{name}` or `{name:ordinal}` raises PlaceholderError."""
    pieces, last = [], 0
    for match in _TOKEN.finditer(template):
        if match.group(1) is None:
            doubled = template[match.start():match.start() + 2]
            if doubled in ("{{", "}}"):
                raise PlaceholderError(f"'{doubled}' at character {match.start() + 1}: a ui string has no brace "
                                       "escape; a placeholder is {name}")
            end = template.find("}", match.start() + 1)
            shown = template[match.start():end + 1] if match.group() == "{" and 0 < end - match.start() <= 40 else None
            if shown is None:
                raise PlaceholderError(f"unbalanced '{match.group()}' at character {match.start() + 1}")
            if re.fullmatch(r"\{[a-z_]+:[^{}]*\}", shown):
                raise PlaceholderError(f"placeholder {shown}: only {{name:ordinal}} may carry a form")
            raise PlaceholderError(f"placeholder {shown} is not {{name}} or {{name:ordinal}} (no index, "
                                   "attribute or conversion)")
        pieces.append((template[last:match.start()], match.group(1), match.group(2) or ""))
        last = match.end()
    pieces.append((template[last:], "", ""))
    return pieces
