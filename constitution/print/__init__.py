"""The PDF editions: one per language and the three side by side, typeset with Typst from
the source (pdf.py), with merged Noto Serif fonts (fonts.py). Imports core and source."""
