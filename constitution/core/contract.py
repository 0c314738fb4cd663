"""Names the generated HTML shares with the MkDocs hooks, the theme's JavaScript and CSS.

A unit of legal text is an element of class UNIT with its Akoma Ntoso id, a PERMALINK and a
DATA_LABEL; the search_units hook indexes it, reader.js copies its citation, reader.css and
clause-target.css style it. A renamed name here must be renamed there (tests/unit/core
checks that the scripts and stylesheets use these names).
"""

UNIT = "unit"  # class of every unit: recital, article text and title, clause, point, part, wrap-up, note
UNIT_NUMBER = "unit__num"
PERMALINK = "unit__permalink"
MISSING = "unit--missing"
NOTE_BADGE = "unit__badge"  # the word over a note («Примечание»): a note is never legal text
DATA_LABEL = "data-label"  # how a reader names the unit: the search entry's title
DATA_CITE = "data-cite"  # the unit's own part of its citation (reader.js)
DATA_STATUS = "data-status"
SCREEN_READER_ONLY = "sr-only"  # words a screen reader says and the eye does not see (constitution.css)
SEARCH_EXCLUDE = "data-search-exclude"  # left out of the search index (on a heading: its section too)
# What search leaves out besides SEARCH_EXCLUDE: elements of these classes (the unofficial-translation
# banner, an article's link to its side-by-side page), and sections, by the id of their heading (the
# status tables, a section page's list of its articles, every heading of the side-by-side pages).
BANNER = "unofficial"
COMPARE_LINK = "compare-link"
UNSEARCHED_CLASSES = (BANNER, COMPARE_LINK)
STATUS_TOTALS, STATUS_UNITS, SECTION_ARTICLES = "totals", "units", "articles"
UNSEARCHED_SECTIONS = (STATUS_TOTALS, STATUS_UNITS, SECTION_ARTICLES)  # and ids starting PARALLEL_HEADING_PREFIX
SEARCH_DIR = "search/"  # each language's index: SEARCH_DIR + "kk.json", its script form (file://) "kk.js"
SEARCH_SCRIPT_GLOBAL = "__search_index_"  # the script form's global, with its language: __search_index_kk
SEARCH_STEMS = "stems"  # the Kazakh index's key: {word: its stem} where the stem does not begin the word
SEARCH_SCOPE = "search-scope"  # the search box's choice "all languages" (main.html, search-languages.js, search.css)
# A source of several editions: the search box's choice of edition (its <template>'s id and class),
# each option's edition index (data-index: "" for the current edition's, search/kk.json; else the
# folder of the edition's own, search/2026-01-30/kk.json), and a dated page's front matter key
# naming its edition's folder (the choice preselected; on an earlier edition's searched page, its index)
SEARCH_EDITION = "search-edition"
SEARCH_EDITION_INDEX = "data-index"
EDITION_META = "edition"
CITE_STRINGS = "cite-strings"  # the page's hidden element with the citation pattern (reader.js)
PARALLEL_ROW_PREFIX = "row-"  # a side-by-side row's id: the unit's id with a prefix no AKN id has
PARALLEL_HEADING_PREFIX = "parallel-"  # headings of the whole-text side-by-side page
PARALLEL_CONTROLS = "pl-controls"  # the form reader.js shows to choose the columns
SCROLL_FOCUS = "data-scroll-focus"  # a table's box that scrolls sideways, in the tab order (reader.js, accessibility.css)


def parallel_row_id(unit_id: str) -> str:
    return f"{PARALLEL_ROW_PREFIX}{unit_id}"
