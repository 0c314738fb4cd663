"""Open data: the aligned source as JSON with its schema and CSV (export.py), and Akoma Ntoso 3.0
XML per language (akn.py). Imports core and source."""
