"""The staged build: the pipeline (pipeline.py), the docs/ sync (docs.py), the MkDocs runner
(mkdocs.py), the offline bundle (offline.py) and the link check (linkcheck.py). Imports every
stage below it; only cli imports it."""
