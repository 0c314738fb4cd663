"""The PDF editions: one per language and the three side by side, rendered with WeasyPrint from
the source (pdf.py), with merged Noto Serif fonts (fonts.py). Imports core and source."""
