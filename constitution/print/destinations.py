"""What the PDF gets after Typst: a named destination for every unit id, each link's
description in the document's language, and the languages of its text in its metadata.

Typst names the places of labelled headings only. The templates mark each recital, clause
and point with an anchor (templates/edition.typ) and list the anchors' positions in a
metadata element, which typeset.py queries; this module adds each id that Typst did not name
to the PDF's name tree, pointing at its page and height. Typst describes a link to a heading
in words of its own ("1-бап, page 4": it has no Kazakh for "page"), so each link's /Contents
becomes the name of its target in the document's language ("1-бап"). Typst's XMP names the
document's language alone (dc:language kk), the parallel edition's too: it gets all three.
"""

from __future__ import annotations

import io
from pathlib import Path


def points(length: str) -> float:
    """A Typst length as JSON gives it ("70.87pt") in PDF points."""
    if not length.endswith("pt"):
        raise ValueError(f"not a length in points: {length!r}")
    return float(length[:-2])


def named(rendered: Path, places: list, descriptions: dict[str, str], languages: tuple[str, ...]) -> bytes:
    """The PDF of the file `rendered` with a named destination for each (id, position) of
    `places` it lacks, the description of each link to an id of `descriptions`, and
    `languages` as its XMP dc:language."""
    import pikepdf

    with pikepdf.open(rendered) as pdf:
        names = pdf.Root.get("/Names")
        if names is None:
            names = pdf.Root.Names = pikepdf.Dictionary()
        # Typst writes its destinations as one flat /Names array (no /Kids): the whole tree is
        # read and written again as one sorted array; pikepdf.NameTree would insert each
        # name into the array in turn, a cost that grows with the square of the units.
        dests = names.get("/Dests")
        if dests is not None and "/Kids" in dests:
            raise ValueError("Typst wrote its named destinations as a tree of /Kids")
        flat = list(dests.Names) if dests is not None else []
        entries = {bytes(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}
        pages = [(page.obj, float(page.mediabox[3])) for page in pdf.pages]
        for ident, position in places:
            key = ident.encode("ascii")  # Akoma Ntoso ids are ASCII
            if key in entries:
                continue
            page, top = pages[position["page"] - 1]
            entries[key] = pikepdf.Array([page, pikepdf.Name.XYZ, points(position["x"]),
                                          top - points(position["y"]), 0])
        array = pikepdf.Array()
        for key in sorted(entries):  # a name tree's keys in byte order
            array.append(pikepdf.String(key))
            array.append(entries[key])
        names.Dests = pikepdf.Dictionary(Names=array)
        for page, _ in pages:
            for annotation in page.get("/Annots", []):
                target = str(annotation.get("/Dest", ""))
                if annotation.get("/Subtype") == "/Link" and target in descriptions:
                    annotation.Contents = pikepdf.String(descriptions[target])
        # the metadata's dates stay the edition's: pikepdf would write today's as its editor's
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            if xmp.get("dc:language") != set(languages):
                xmp["dc:language"] = list(languages)
        out = io.BytesIO()
        # deterministic_id: the file identifier is a hash of the content, never random
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
