"""The Constitution of the Republic of Kazakhstan in Kazakh, Russian and English: one aligned
source, validated, imported and published as a website, an offline bundle, PDFs and open data.

The subpackages are the pipeline, and data flows one way (pyproject.toml's import-linter
contracts hold it): core (shared facts) <- source (format, load, rules) <- importer, site,
print, data (the stages) <- build (the staged pipeline) <- cli (the commands).
"""
