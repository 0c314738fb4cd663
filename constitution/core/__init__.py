"""The bottom layer: facts every stage shares and nothing else.

Languages, ids, page addresses, the catalogue of downloads, the names shared with the
theme's hooks, scripts and stylesheets, Kazakh word stems and Latin-script reading, file
locations, problems and atomic writes. No
module here imports another layer of the package.
"""
