"""The website's content: the Markdown pages of every language (units.py, pages.py, parallel.py,
status.py, nav.py), citations (cite.py), literal text (markup.py) and the MkDocs hooks
(hooks/). Imports core and source; never print, data or build."""
