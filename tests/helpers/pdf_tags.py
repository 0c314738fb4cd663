"""A tagged PDF read back with pikepdf: its structure tree and what each marked-content
sequence of its pages draws (the PDF tests of constitution/print/, tests/build/print/).

The text of a page is decoded through each font's /ToUnicode map, as a reader or a screen
reader decodes it; every run of text is filed under the marked-content sequence (page,
MCID) it lies in, under the page's artifacts, or under the text in neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pikepdf

HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def unicode_map(font) -> dict[bytes, str]:
    """A font's /ToUnicode CMap as {character code: text} (its bfchar and bfrange entries)."""
    cmap = font.get("/ToUnicode")
    if cmap is None:
        raise AssertionError(f"font {font.get('/BaseFont')} has no /ToUnicode")
    data, mapping = cmap.read_bytes(), {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        codes = HEX.findall(block)
        for code, text in zip(codes[::2], codes[1::2]):
            mapping[bytes.fromhex(code.decode())] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width, first = len(low) // 2, int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code.to_bytes(width, "big")] = chr(first + offset)
    return mapping


@dataclass
class PageText:
    marked: dict[int, str] = field(default_factory=dict)  # MCID -> text
    artifacts: list[str] = field(default_factory=list)
    unmarked: list[str] = field(default_factory=list)


def page_text(page: pikepdf.Page) -> PageText:
    out = PageText()
    maps: dict[str, dict[bytes, str]] = {}

    def walk(stream, resources, stack):
        font = None
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                if isinstance(props, pikepdf.Name):
                    props = resources.Properties[props]
                mcid = int(props["/MCID"]) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                stack.append((tag, mcid))
            elif op == "EMC":
                stack.pop()
            elif op == "Tf":
                name = str(operands[0])
                if name not in maps:
                    maps[name] = unicode_map(resources.Font[name])
                font = maps[name]
            elif op in ("Tj", "TJ", "'", '"'):
                strings = operands[0] if op == "TJ" else [operands[-1]]
                text = "".join(decode(bytes(s), font) for s in strings if isinstance(s, pikepdf.String))
                file(text, stack)
            elif op == "Do":
                xobject = resources.XObject[operands[0]]
                if xobject.Subtype == "/Form":
                    walk(xobject, xobject.get("/Resources", resources), list(stack))

    def file(text, stack):
        if any(tag == "/Artifact" for tag, _ in stack):
            out.artifacts.append(text)
        elif (mcids := [mcid for _, mcid in stack if mcid is not None]):
            out.marked[mcids[-1]] = out.marked.get(mcids[-1], "") + text
        elif text.strip():
            out.unmarked.append(text)

    walk(page, page.Resources, [])
    return out


def decode(data: bytes, font: dict[bytes, str]) -> str:
    """Text shown with a font whose codes are two bytes (Identity-H, as the PDFs embed them)."""
    return "".join(font.get(data[i:i + 2], "\ufffd") for i in range(0, len(data), 2))


@dataclass
class Element:
    kind: str  # /S without the slash: "P", "TD", "Link" …
    lang: str  # its own /Lang, else its nearest ancestor's, else the document's
    node: pikepdf.Dictionary
    parent: "Element | None"
    children: list["Element"] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID), in order
    objects: list[pikepdf.Object] = field(default_factory=list)  # OBJR targets (annotations)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Tagged:
    """One PDF's structure tree and page texts."""

    def __init__(self, path: Path):
        self.pdf = pikepdf.open(path)
        self.lang = str(self.pdf.Root.Lang)
        self.page_index = {page.objgen: index for index, page in enumerate(self.pdf.pages)}
        self.pages = [page_text(page) for page in self.pdf.pages]

    @cached_property
    def root(self) -> Element:
        tree = self.pdf.Root.StructTreeRoot
        root = Element("StructTreeRoot", self.lang, tree, None)
        self._children(root, tree.get("/K"), None)
        return root

    def _children(self, parent: Element, kids, page):
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                parent.content.append((page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                parent.content.append((self.page_index[kid.Pg.objgen] if "/Pg" in kid else page, int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                parent.objects.append(kid.Obj)
            else:
                element = Element(str(kid.S)[1:], str(kid.get("/Lang", parent.lang)), kid, parent)
                parent.children.append(element)
                self._children(element, kid.get("/K"),
                               self.page_index[kid.Pg.objgen] if "/Pg" in kid else page)

    def elements(self, *kinds: str) -> list[Element]:
        return [element for element in self.root.walk() if not kinds or element.kind in kinds]

    def text(self, element: Element) -> str:
        """The text an element and its descendants draw, in structure order."""
        return "".join(self.pages[page].marked.get(mcid, "") for node in element.walk() for page, mcid in node.content)

    def text_by_language(self) -> dict[str, str]:
        """All tagged text, in structure order, by the language its element says it is in."""
        texts: dict[str, list[str]] = {}
        for element in self.root.walk():
            for page, mcid in element.content:
                texts.setdefault(element.lang, []).append(self.pages[page].marked.get(mcid, ""))
        return {lang: "".join(parts) for lang, parts in texts.items()}

    def owned_content(self) -> set[tuple[int, int]]:
        return {item for element in self.root.walk() for item in element.content}

    def annotations(self):
        for index, page in enumerate(self.pdf.pages):
            for annotation in page.obj.get("/Annots", []):
                yield index, annotation
