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
SEARCH_EXCLUDE = "data-search-exclude"  # Material's search skips such an element
CITE_STRINGS = "cite-strings"  # the page's hidden element with the citation pattern (reader.js)
PARALLEL_ROW_PREFIX = "row-"  # a side-by-side row's id: the unit's id with a prefix no AKN id has
PARALLEL_HEADING_PREFIX = "parallel-"  # headings of the whole-text side-by-side page
PARALLEL_CONTROLS = "pl-controls"  # the form reader.js shows to choose the columns


def parallel_row_id(unit_id: str) -> str:
    return f"{PARALLEL_ROW_PREFIX}{unit_id}"
