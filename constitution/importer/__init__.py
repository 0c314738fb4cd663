"""The importer: published plain text of each language (read.py) aligned into a source (align.py).
Imports core and source."""
