"""The importer: a published plain text of each language read in stages (normalise, pdftext,
headings, structure; read.py runs them), aligned into a source (align.py), with the import report
(report.py); run.py is one import from the command's options. Imports core and source."""
